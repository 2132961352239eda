import LexpipeRecord

/// Reading a `String`'s UTF-8 bytes (valid UTF-8 by construction) one byte at a time, with the
/// `Character` rules of the standard library kept exact: a scalar is only decoded where a byte is
/// not ASCII, and grapheme clusters are only asked about where a non-ASCII scalar borders an
/// ASCII character.
enum UTF8Text {
    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII scalars
    /// with the Unicode White_Space property.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte >= 0x09 && byte <= 0x0D
    }

    /// The scalar whose encoding starts at `index`, and its length in bytes.
    static func scalar(at index: Int, in bytes: Span<UInt8>) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        // The bytes come from a String, so every sequence decodes to a scalar.
        return (Unicode.Scalar(value)!, length)
    }

    /// Where the scalar that ends just before `index` starts.
    static func scalarStart(before index: Int, in bytes: Span<UInt8>) -> Int {
        var start = index - 1
        while bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The text of `bytes[range]`, whose ends are scalar boundaries.
    static func string(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        bytes.extracting(range).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends `bytes[range]` to `out`.
    static func append(_ bytes: Span<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        bytes.extracting(range).withUnsafeBufferPointer { out.append(contentsOf: $0) }
    }

    /// Whether `scalar`, after an ASCII character other than a control, joins that character's
    /// `Character` (a combining mark, a joiner, a spacing mark: grapheme break rules GB9, GB9a).
    static func extendsCharacter(_ scalar: Unicode.Scalar) -> Bool {
        // No scalar below U+0300 extends a cluster: quotes, no-break spaces and § never reach
        // the check below.
        guard scalar.value >= 0x300 else { return false }
        var pair = String.UnicodeScalarView()
        pair.append("a")
        pair.append(scalar)
        return String(pair).count == 1
    }

    /// Whether an ASCII character other than a control, after `scalar`, joins the `Character`
    /// `scalar` is in (a prepended concatenation mark: grapheme break rule GB9b).
    static func prependsCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x600 else { return false }
        var pair = String.UnicodeScalarView()
        pair.append(scalar)
        pair.append("a")
        return String(pair).count == 1
    }

    /// Whether the ASCII character at `index`, where a `Character` starts, is the whole of that
    /// `Character` in a text ending at `end`.
    static func isWholeCharacter(at index: Int, in bytes: Span<UInt8>, end: Int) -> Bool {
        let next = index + 1
        return next == end || bytes[next] < 0x80 || !extendsCharacter(scalar(at: next, in: bytes).scalar)
    }

    /// Whether the ASCII character at `index` starts a `Character`, in a text starting at `start`.
    static func startsCharacter(at index: Int, in bytes: Span<UInt8>, from start: Int) -> Bool {
        index == start || bytes[index - 1] < 0x80
            || !prependsCharacter(scalar(at: scalarStart(before: index, in: bytes), in: bytes).scalar)
    }

    /// Whether the text's first `Character` is the ASCII character `byte`.
    static func starts(_ bytes: Span<UInt8>, _ range: Range<Int>, with byte: UInt8) -> Bool {
        !range.isEmpty && bytes[range.lowerBound] == byte
            && isWholeCharacter(at: range.lowerBound, in: bytes, end: range.upperBound)
    }

    /// Whether the text's last `Character` is the ASCII character `byte`.
    static func ends(_ bytes: Span<UInt8>, _ range: Range<Int>, with byte: UInt8) -> Bool {
        !range.isEmpty && bytes[range.upperBound - 1] == byte
            && startsCharacter(at: range.upperBound - 1, in: bytes, from: range.lowerBound)
    }

    /// The text without leading and trailing `Character`s equal to `byte` (ASCII).
    static func trimming(_ bytes: Span<UInt8>, _ range: Range<Int>, _ byte: UInt8) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == byte, isWholeCharacter(at: lower, in: bytes, end: upper) { lower += 1 }
        while upper > lower, bytes[upper - 1] == byte, startsCharacter(at: upper - 1, in: bytes, from: lower) { upper -= 1 }
        return lower..<upper
    }

    /// The text without leading and trailing scalars that `InlineText` folds as white space.
    static func trimmingSpaces(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            let (scalar, length) = scalar(at: lower, in: bytes)
            guard InlineText.isSpace(scalar) else { break }
            lower += length
        }
        while upper > lower {
            let start = bytes[upper - 1] < 0x80 ? upper - 1 : scalarStart(before: upper, in: bytes)
            guard InlineText.isSpace(scalar(at: start, in: bytes).scalar) else { break }
            upper = start
        }
        return lower..<upper
    }

    /// Whether every `Character` of the text is white space (as `Character.isWhitespace`, which
    /// reads a `Character`'s first scalar).
    static func isBlank(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        for index in range {
            let byte = bytes[index]
            if byte < 0x80 {
                if !isASCIIWhitespace(byte) { return false }
                continue
            }
            // Everything before is ASCII white space. A scalar that is no white space and starts
            // its own `Character` settles it; anything else is left to `Character` itself.
            let scalar = scalar(at: index, in: bytes).scalar
            if !scalar.properties.isWhitespace, index == range.lowerBound || !extendsCharacter(scalar) { return false }
            return string(bytes, range).allSatisfy(\.isWhitespace)
        }
        return true
    }
}

/// Lines of text ending in LF, CRLF or CR, found on bytes. A line feed, a carriage return and a
/// form feed each end a `Character` and start the next, so these are the lines a split on
/// `Character`s (`"\n"`, `"\r\n"`, `"\r"`) gives.
enum TextLines {
    static func split(_ bytes: Span<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buffer in
            var lines: [Range<Int>] = []
            var start = range.lowerBound
            let end = range.upperBound
            // Without a carriage return, every line ends at a line feed, which memchr finds.
            if buffer.offset(of: 0x0D, from: start, to: end) == end {
                while true {
                    let feed = buffer.offset(of: 0x0A, from: start, to: end)
                    lines.append(start..<feed)
                    guard feed < end else { return lines }
                    start = feed + 1
                }
            }
            var index = start
            while index < end {
                let byte = buffer[index]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(start..<index)
                    if byte == 0x0D, index + 1 < end, buffer[index + 1] == 0x0A { index += 1 }
                    start = index + 1
                }
                index += 1
            }
            lines.append(start..<end)
            return lines
        }
    }
}

/// Grapheme questions about the ASCII bytes of UTF-8 text, for scanners outside markup that
/// split text at ASCII bytes and must agree with `Character` splitting.
public enum ASCIICharacterBoundary {
    /// Whether the ASCII byte at `index` (not a control) is a `Character` of its own in `text`:
    /// the scalar after it does not extend it, and the one before it does not prepend to it.
    public static func standsAlone(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let bytes = text.span
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80,
            UTF8Text.extendsCharacter(UTF8Text.scalar(at: index + 1, in: bytes).scalar)
        {
            return false
        }
        if index > 0, bytes[index - 1] >= 0x80,
            UTF8Text.prependsCharacter(UTF8Text.scalar(at: UTF8Text.scalarStart(before: index, in: bytes), in: bytes).scalar)
        {
            return false
        }
        return true
    }
}
