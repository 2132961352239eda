import Foundation
import LexpipeRecord

/// Turns a document's bytes into text: UTF-8 first, UTF-16 when a byte-order mark says so,
/// Windows-1252 as the fallback for legacy files, and a refusal for binary content.
enum TextDecoder {
    struct Decoded {
        var text: String
        var warnings: [Diagnostic]
    }

    private static let binarySignatures: [(prefix: [UInt8], name: String)] = [
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (DOCX, XLSX or similar)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "a legacy Office document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF8".utf8), "a GIF image"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"),
    ]

    static func decode(_ bytes: [UInt8]) throws(IngestError) -> Decoded {
        for signature in binarySignatures where bytes.starts(with: signature.prefix) {
            throw .binary(signature.name)
        }
        // Before UTF-16: a UTF-32 little-endian mark starts with UTF-16's.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf32LittleEndian : .utf32BigEndian
            guard bytes.count % 4 == 0, let text = String(bytes: bytes.dropFirst(4), encoding: encoding) else {
                throw .binary("byte-order mark says UTF-32 but the bytes are not valid UTF-32")
            }
            return try checked(Decoded(text: text, warnings: [Diagnostic(.encoding, .document, "decoded as UTF-32 (byte-order mark)")]))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(bytes: bytes.dropFirst(2), encoding: encoding) else {
                throw .binary("byte-order mark says UTF-16 but the bytes are not valid UTF-16")
            }
            return try checked(Decoded(text: text, warnings: [Diagnostic(.encoding, .document, "decoded as UTF-16 (byte-order mark)")]))
        }
        let nul = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { memchr($0, 0, buffer.count) }.map { buffer.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }
        if let offset = nul {
            throw .binary("NUL byte at offset \(offset)")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) {
            return try checked(Decoded(text: text, warnings: []))
        }
        let offset = firstInvalidUTF8Offset(body) ?? 0
        if let mixed = decodeMixed(body) {
            return try checked(Decoded(
                text: mixed.text,
                warnings: [Diagnostic(
                    .encoding, .document,
                    "mixed encodings: \(mixed.legacyBytes) byte(s) that are not UTF-8 (first at offset \(offset)) decoded as Windows-1252, the rest as UTF-8"
                )]
            ))
        }
        guard let text = String(bytes: body, encoding: .windowsCP1252) else {
            throw .binary("neither UTF-8 (invalid byte at offset \(offset)) nor Windows-1252")
        }
        return try checked(Decoded(
            text: text,
            warnings: [Diagnostic(.encoding, .document, "not valid UTF-8 (first invalid byte at offset \(offset)); decoded as Windows-1252")]
        ))
    }

    /// Text assembled from pieces in two encodings (a UTF-8 file with pasted Windows-1252
    /// quotes): valid UTF-8 sequences are kept, each other byte is read as Windows-1252. Only
    /// when the bytes hold real multi-byte UTF-8, else the file is plain Windows-1252; `nil`
    /// when a byte is undefined in Windows-1252 too.
    private static func decodeMixed(_ bytes: ArraySlice<UInt8>) -> (text: String, legacyBytes: Int)? {
        var scalars = String.UnicodeScalarView()
        var legacy = 0
        var multiByte = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 {
                scalars.append(Unicode.Scalar(lead))
                index += 1
                continue
            }
            let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            if width > 0, index + width <= bytes.endIndex,
                let scalar = String(validating: bytes[index..<(index + width)], as: UTF8.self)?.unicodeScalars.first
            {
                scalars.append(scalar)
                multiByte += 1
                index += width
                continue
            }
            guard let scalar = windows1252(lead) else { return nil }
            scalars.append(scalar)
            legacy += 1
            index += 1
        }
        return multiByte > 0 ? (String(scalars), legacy) : nil
    }

    /// Windows-1252's bytes 0x80-0xFF; `nil` for the five it leaves undefined.
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar? {
        guard byte >= 0x80, byte < 0xA0 else { return Unicode.Scalar(byte) }
        let table: [UInt32] = [
            0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
        ]
        let value = table[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// Text full of control characters is binary whatever its encoding says: more than one in
    /// ten of its first 8,192 scalars.
    private static func checked(_ decoded: Decoded) throws(IngestError) -> Decoded {
        let limit = 8192
        var text = decoded.text
        let (controls, total) = text.withUTF8 { bytes in
            var controls = 0
            var total = 0
            var index = 0
            // In stretches of as many bytes as scalars are still wanted, at most 255: a
            // stretch holds no more scalars than bytes, so the count never passes the limit,
            // the loop over one stretch has no exit to check, and its sums fit in a byte,
            // which the compiler adds sixteen at a time (sums as wide as `Int` it does not).
            while index < bytes.count, total < limit {
                let end = min(bytes.count, index + min(255, limit - total))
                var stretchScalars: UInt8 = 0
                var stretchControls: UInt8 = 0
                var stretchLayout: UInt8 = 0
                for byte in UnsafeBufferPointer(rebasing: bytes[index..<end]) {
                    // A scalar starts at every byte but a continuation byte, and control
                    // characters are single bytes; tab and line feed, form feed and carriage
                    // return are layout, counted apart and taken off (a test of each byte
                    // for all five at once would be a branch).
                    stretchScalars &+= byte & 0xC0 != 0x80 ? 1 : 0
                    stretchControls &+= byte < 0x20 ? 1 : 0
                    stretchLayout &+= (byte &- 0x09 < 2 ? 1 : 0) &+ (byte &- 0x0C < 2 ? 1 : 0)
                }
                total += Int(stretchScalars)
                controls += Int(stretchControls) - Int(stretchLayout)
                index = end
            }
            return (controls, total)
        }
        if total > 0, controls * 10 > total {
            throw .binary("\(controls) control characters in the first \(total) characters")
        }
        return decoded
    }

    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumedBefore = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                consumedBefore += UTF8.width(scalar)
                offset = consumedBefore
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
