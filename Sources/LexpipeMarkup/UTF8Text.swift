import LexpipeRecord

/// Reading a document's text as it is stored, UTF-8 bytes, one at a time. The text model of
/// markup is the Unicode scalar: a rule about a marker (`|`, `#`, `*`, a bullet, a space) is a
/// rule about that scalar's bytes, and a scalar is only decoded where a byte is not ASCII. Grapheme
/// clusters (`Character`) play no part: a combining mark after a `|` leaves the `|` a cell
/// separator, as it is to a markdown reader.
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

    /// Whether the text starts with the ASCII scalar `byte`.
    static func starts(_ bytes: Span<UInt8>, _ range: Range<Int>, with byte: UInt8) -> Bool {
        !range.isEmpty && bytes[range.lowerBound] == byte
    }

    /// Whether the text ends with the ASCII scalar `byte` (a scalar's last byte is ASCII only
    /// when the scalar is).
    static func ends(_ bytes: Span<UInt8>, _ range: Range<Int>, with byte: UInt8) -> Bool {
        !range.isEmpty && bytes[range.upperBound - 1] == byte
    }

    /// The text without the ASCII scalar `byte` at either end.
    static func trimming(_ bytes: Span<UInt8>, _ range: Range<Int>, _ byte: UInt8) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == byte { lower += 1 }
        while upper > lower, bytes[upper - 1] == byte { upper -= 1 }
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

    /// Whether every scalar of the text is white space (Unicode White_Space).
    static func isBlank(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                guard isASCIIWhitespace(byte) else { return false }
                index += 1
                continue
            }
            let (scalar, length) = scalar(at: index, in: bytes)
            guard scalar.properties.isWhitespace else { return false }
            index += length
        }
        return true
    }
}

/// Lines of text ending in LF, CRLF or CR, found on bytes.
enum TextLines {
    static func split(_ bytes: Span<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buffer in
            var lines: [Range<Int>] = []
            // Room for lines of 32 bytes on average, blank ones included: documents' lines are
            // longer (40 to 170 bytes), so the array seldom grows and copies itself.
            lines.reserveCapacity(range.count / 32 + 1)
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
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80 {
            let next = UTF8Text.scalar(at: index + 1, in: bytes).scalar
            // No scalar below U+0300 extends a cluster: quotes, no-break spaces and § never
            // reach the check.
            if next.value >= 0x300, isOneCharacter("a", next) { return false }
        }
        if index > 0, bytes[index - 1] >= 0x80 {
            let previous = UTF8Text.scalar(at: UTF8Text.scalarStart(before: index, in: bytes), in: bytes).scalar
            if previous.value >= 0x600, isOneCharacter(previous, "a") { return false }
        }
        return true
    }

    /// Whether two scalars make one `Character` (grapheme break rules GB9, GB9a, GB9b).
    private static func isOneCharacter(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        var pair = String.UnicodeScalarView()
        pair.append(first)
        pair.append(second)
        return String(pair).count == 1
    }
}
