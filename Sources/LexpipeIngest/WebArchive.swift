/// A web page saved whole as one MIME file (MHTML: a browser's "Save as… Webpage, Single File",
/// `.mhtml`/`.mht`): a `multipart/related` message whose first `text/html` part is the page,
/// in quoted-printable or base64, the other parts its styles and images. Ingest reads the page.
enum WebArchive {
    /// The page's bytes, decoded from its transfer encoding, or `nil` when `bytes` are not a
    /// MIME web archive (no `MIME-Version` and `multipart/related` header in the message's
    /// header block, or no `text/html` part).
    static func page(in bytes: [UInt8]) -> [UInt8]? {
        // A message opens with a header field's name and colon (`From:`, `MIME-Version:`).
        let name = bytes.prefix(40).prefix(while: { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") || $0 == UInt8(ascii: "-") })
        guard !name.isEmpty, bytes.count > name.count, bytes[name.count] == UInt8(ascii: ":") else { return nil }
        let head = bytes.prefix(8192)
        guard let headerEnd = blankLine(in: head, from: head.startIndex) else { return nil }
        let header = unfolded(head[..<headerEnd])
        guard field("mime-version", in: header) != nil, let type = field("content-type", in: header),
            ASCIIText.hasPrefix(type, "multipart/related"), let boundary = parameter("boundary", in: type), !boundary.isEmpty
        else { return nil }
        let delimiter = Array(("--" + boundary).utf8)
        var searchFrom = headerEnd
        while let start = find(delimiter, in: bytes, from: searchFrom) {
            var partStart = start + delimiter.count
            // The closing delimiter (`--boundary--`) ends the message.
            if bytes[partStart...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return nil }
            while partStart < bytes.count, bytes[partStart] != 0x0A { partStart += 1 }
            partStart += 1
            guard partStart < bytes.count, let partHeaderEnd = blankLine(in: bytes[...], from: partStart) else { return nil }
            let partHeader = unfolded(bytes[partStart..<partHeaderEnd])
            let bodyStart = skipBlankLine(in: bytes, from: partHeaderEnd)
            let nextDelimiter = find(delimiter, in: bytes, from: bodyStart) ?? bytes.count
            // The line break before a delimiter is the delimiter's.
            var bodyEnd = nextDelimiter
            if bodyEnd > bodyStart, bytes[bodyEnd - 1] == 0x0A { bodyEnd -= 1 }
            if bodyEnd > bodyStart, bytes[bodyEnd - 1] == 0x0D { bodyEnd -= 1 }
            if let partType = field("content-type", in: partHeader), ASCIIText.hasPrefix(partType, "text/html") {
                let body = bytes[bodyStart..<bodyEnd]
                let encoding = field("content-transfer-encoding", in: partHeader)?.lowercased() ?? ""
                switch encoding {
                case "quoted-printable": return quotedPrintable(body)
                case "base64": return base64(body)
                default: return Array(body)
                }
            }
            searchFrom = nextDelimiter
        }
        return nil
    }

    /// Where the first empty line at or after `from` starts (the end of a header block).
    private static func blankLine(in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        var lineStart = from
        while lineStart < bytes.endIndex {
            var end = lineStart
            while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
            let line = bytes[lineStart..<end]
            if line.isEmpty || line == [0x0D] { return lineStart }
            lineStart = end + 1
        }
        return nil
    }

    private static func skipBlankLine(in bytes: [UInt8], from: Int) -> Int {
        var index = from
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return min(index + 1, bytes.count)
    }

    /// Header lines with their continuations (lines opening with white space) joined.
    private static func unfolded(_ bytes: ArraySlice<UInt8>) -> [String] {
        var lines: [String] = []
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            var line = String(decoding: raw, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += " " + line.drop(while: { $0 == " " || $0 == "\t" })
            } else {
                lines.append(line)
            }
        }
        return lines
    }

    /// A header field's value (`name` lower-case), white space trimmed.
    private static func field(_ name: String, in header: [String]) -> String? {
        for line in header {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name else { continue }
            return String(line[line.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" }))
        }
        return nil
    }

    /// A parameter of a `Content-Type` value (`boundary="…"`), its quotes removed.
    private static func parameter(_ name: String, in value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            let trimmed = part.drop(while: { $0 == " " || $0 == "\t" })
            guard let equals = trimmed.firstIndex(of: "="), trimmed[..<equals].lowercased() == name else { continue }
            var found = trimmed[trimmed.index(after: equals)...]
            while let last = found.last, last == " " || last == "\t" { found = found.dropLast() }
            if found.first == "\"", found.count >= 2, found.last == "\"" { found = found.dropFirst().dropLast() }
            return String(found)
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var index = from
        while index <= bytes.count - needle.count {
            guard let next = bytes[index...].firstIndex(of: needle[0]), next <= bytes.count - needle.count else { return nil }
            if bytes[next..<(next + needle.count)].elementsEqual(needle) { return next }
            index = next + 1
        }
        return nil
    }

    /// Quoted-printable (RFC 2045): `=XX` is a byte, `=` at a line's end a soft line break.
    static func quotedPrintable(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            guard byte == UInt8(ascii: "=") else {
                out.append(byte)
                index += 1
                continue
            }
            let next = body.index(after: index)
            if next < body.endIndex, body[next] == 0x0A {
                index = next + 1
            } else if next + 1 < body.endIndex, body[next] == 0x0D, body[next + 1] == 0x0A {
                index = next + 2
            } else if next + 1 < body.endIndex, let high = hexValue(body[next]), let low = hexValue(body[next + 1]) {
                out.append(high << 4 | low)
                index = next + 2
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// Base64, line breaks and other bytes outside the alphabet skipped.
    static func base64(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in body {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            default: continue
            }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return out
    }
}
