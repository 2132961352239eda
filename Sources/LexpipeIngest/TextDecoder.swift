import Foundation

/// Turns a document's bytes into text: UTF-8 first, UTF-16 when a byte-order mark says so,
/// Windows-1252 as the fallback for legacy files, and a refusal for binary content.
enum TextDecoder {
    struct Decoded {
        var text: String
        var warnings: [String]
    }

    private static let binarySignatures: [(prefix: [UInt8], name: String)] = [
        (Array("%PDF-".utf8), "a PDF file; convert it to text first"),
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
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(bytes: bytes.dropFirst(2), encoding: encoding) else {
                throw .binary("byte-order mark says UTF-16 but the bytes are not valid UTF-16")
            }
            return try checked(Decoded(text: text, warnings: ["decoded as UTF-16 (byte-order mark)"]))
        }
        if let offset = bytes.firstIndex(of: 0) {
            throw .binary("NUL byte at offset \(offset)")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) {
            return try checked(Decoded(text: text, warnings: []))
        }
        let offset = firstInvalidUTF8Offset(body) ?? 0
        guard let text = String(bytes: body, encoding: .windowsCP1252) else {
            throw .binary("neither UTF-8 (invalid byte at offset \(offset)) nor Windows-1252")
        }
        return try checked(Decoded(
            text: text,
            warnings: ["not valid UTF-8 (first invalid byte at offset \(offset)); decoded as Windows-1252"]
        ))
    }

    /// Text full of control characters is binary whatever its encoding says.
    private static func checked(_ decoded: Decoded) throws(IngestError) -> Decoded {
        var controls = 0
        var total = 0
        for scalar in decoded.text.unicodeScalars.prefix(8192) {
            total += 1
            let value = scalar.value
            if value < 0x20, value != 0x09, value != 0x0A, value != 0x0D, value != 0x0C { controls += 1 }
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
