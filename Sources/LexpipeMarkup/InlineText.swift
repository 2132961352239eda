import LexpipeRecord

/// Character-level cleanup shared by every input form.
public enum InlineText {
    /// Folds every run of white space (tabs, newlines, non-breaking spaces) into one space,
    /// trims the ends, straightens smart quotes, expands ligatures and drops soft hyphens
    /// and zero-width characters.
    public static func fold(_ text: some StringProtocol) -> String {
        if let string = text as? String { return fold(string.utf8.span) }
        if let substring = text as? Substring { return fold(substring.utf8.span) }
        let string = String(text)
        return fold(string.utf8.span)
    }

    /// Whether the text is one web address and nothing else (`https://www.childwelfare.gov`,
    /// `www.childwelfare.gov/topics`, any case), white space around it aside: a running header's
    /// or footer's address, never content.
    public static func isBareWebAddress(_ text: String) -> Bool {
        isBareWebAddress(text.utf8.span)
    }

    /// `isBareWebAddress(_:)` on a part of a text (a word of a line, say).
    public static func isBareWebAddress(_ text: Substring) -> Bool {
        isBareWebAddress(text.utf8.span)
    }

    /// `isBareWebAddress(_:)` on UTF-8 bytes: after any white space, a web address's prefix in
    /// any ASCII case (most words fail at their first byte), then the rest of that word and
    /// nothing but white space.
    public static func isBareWebAddress(_ bytes: Span<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count, UTF8Text.isASCIIWhitespace(bytes[start]) { start += 1 }
        let opensAddress = webAddressPrefixes.contains { prefix in
            bytes.count - start >= prefix.count && prefix.indices.allSatisfy { offset in
                let byte = bytes[start + offset]
                return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == prefix[offset]
            }
        }
        guard opensAddress else { return false }
        // A prefix holds no white space: the word goes on past it.
        var end = start
        while end < bytes.count, !UTF8Text.isASCIIWhitespace(bytes[end]) { end += 1 }
        while end < bytes.count, UTF8Text.isASCIIWhitespace(bytes[end]) { end += 1 }
        return end == bytes.count
    }

    /// How a web address opens, in lower case.
    private static let webAddressPrefixes: [[UInt8]] = ["http://", "https://", "www."].map { Array($0.utf8) }

    /// `fold` over the text a parser delivered, which is UTF-8 unless a character reference stood
    /// for something no scalar is: checked, and repaired (U+FFFD) where it is not.
    static func fold(parsed bytes: Span<UInt8>) -> String {
        let ascii = asciiPrefixCount(bytes)
        if ascii == bytes.count || (try? UTF8Span(validating: bytes.extracting(ascii...))) != nil { return fold(bytes) }
        return fold(bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) })
    }

    /// How many bytes open `bytes` before the first eight-byte word (in the tail, the first
    /// byte) that holds a non-ASCII byte: all of them for ASCII text. The rest starts on a
    /// scalar's boundary, so the bytes are valid UTF-8 exactly when the rest is, and only the
    /// rest is checked.
    private static func asciiPrefixCount(_ bytes: Span<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index + 8 <= buffer.count {
                if ByteWord.load(buffer, at: index) & ByteWord.highBits != 0 { return index }
                index += 8
            }
            while index < buffer.count {
                if buffer[index] >= 0x80 { return index }
                index += 1
            }
            return buffer.count
        }
    }

    /// `fold` over UTF-8 bytes: ASCII is copied or folded byte by byte, and only a non-ASCII
    /// byte is decoded into a scalar.
    static func fold(_ bytes: Span<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        // Every replacement and every folded run of white space is at most as long as what it
        // replaces, so the output never outgrows the input.
        return bytes.withUnsafeBufferPointer { buffer in fold(bytes, buffer) }
    }

    /// `bytes` as a span and as a buffer, for the byte scans. The output is assembled in scratch
    /// memory and copied into the String as it is: it holds ASCII and the input's non-ASCII
    /// scalars, and only those are checked (as UTF-8 they could be broken where bytes were cut
    /// and joined); a broken one is repaired (U+FFFD) as a String made from the bytes would be.
    private static func fold(_ bytes: Span<UInt8>, _ buffer: UnsafeBufferPointer<UInt8>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
            var count = 0
            var isASCII = true
            var isValid = true
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    if UTF8Text.isASCIIWhitespace(byte) {
                        pendingSpace = true
                        continue
                    }
                    if pendingSpace, count > 0 {
                        out[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    out[count] = byte
                    count += 1
                    // The rest of a run of printable ASCII and single spaces is copied as it is
                    // (a space that ends it is left to fold with what follows). The output is
                    // never ahead of the input (`count <= index`).
                    let end = ByteScan.foldFreeEnd(in: buffer, from: index)
                    if end > index {
                        (out.baseAddress! + count).initialize(from: buffer.baseAddress! + index, count: end - index)
                        count += end - index
                        index = end
                    }
                    continue
                }
                let (scalar, length) = UTF8Text.scalar(at: index, in: bytes)
                if let replacement = replacement(for: scalar) {
                    index += length
                    if replacement.isEmpty { continue }
                    if pendingSpace, count > 0 {
                        out[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    for byte in replacement.utf8 {
                        out[count] = byte
                        count += 1
                    }
                    continue
                }
                if isSpace(scalar) {
                    pendingSpace = true
                    index += length
                    continue
                }
                if pendingSpace, count > 0 {
                    out[count] = 0x20
                    count += 1
                }
                pendingSpace = false
                isASCII = false
                if isValid, (try? UTF8Span(validating: bytes.extracting(index..<(index + length)))) == nil { isValid = false }
                for offset in 0..<length { out[count + offset] = bytes[index + offset] }
                count += length
                index += length
            }
            let written = UnsafeBufferPointer(rebasing: out[..<count])
            guard isValid else { return String(decoding: written, as: UTF8.self) }
            return String(copying: UTF8Span(unchecked: written.span, isKnownASCII: isASCII))
        }
    }

    /// Whether the scalar is white space to fold (including no-break and typographic spaces).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    private static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        // U+0091-U+0094 are C1 controls no text means: they are the typographic quotes of
        // Windows-1252 (`&#145;` in a Word export), read as their code points.
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x91, 0x92: "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x93, 0x94: "\""
        case 0xFB00: "ff"
        case 0xFB01: "fi"
        case 0xFB02: "fl"
        case 0xFB03: "ffi"
        case 0xFB04: "ffl"
        default: isDropped(scalar) ? "" : nil
        }
    }

    /// Whether `fold` drops the scalar without a trace: a soft hyphen, a zero-width space,
    /// non-joiner or joiner, a word joiner, a byte order mark.
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    /// Whether the UTF-8 bytes hold a scalar `fold` drops (`isDropped`): only such a scalar
    /// brings together, folded, ASCII the bytes hold apart.
    static func holdsDroppedScalar(_ bytes: Span<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            guard bytes[index] >= 0x80 else {
                index += 1
                continue
            }
            let (scalar, length) = UTF8Text.scalar(at: index, in: bytes)
            if isDropped(scalar) { return true }
            index += length
        }
        return false
    }
}
