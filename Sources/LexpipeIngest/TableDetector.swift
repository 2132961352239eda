import LexpipeRecord

/// Tells delimited data (CSV, TSV, semicolon-separated) from documents by its content, whatever
/// the file is called: every line of the first ones splits into the same number of fields, two
/// or more, by the same delimiter (outside double quotes). Prose never keeps a comma count
/// steady over its lines; a title line alone breaks it. Markdown pipe tables are documents,
/// so `|` is not a delimiter here.
enum TableDetector {
    /// Delimiters and how a reason names them.
    private static let delimiters: [(byte: UInt8, name: String)] = [
        (UInt8(ascii: ","), "comma"), (UInt8(ascii: "\t"), "tab"), (UInt8(ascii: ";"), "semicolon"),
    ]

    /// Lines looked at, from the start of the text.
    static let sampleLines = 50

    /// Why `text` is a table rather than a document (`CSV data: 120 lines of 4 comma-separated
    /// fields`), or `nil` for a document.
    static func describe(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // The first lines that hold more than white space, each as a range of bytes.
            var lines: [Range<Int>] = []
            var start = 0
            while start < bytes.count, lines.count < sampleLines {
                var end = bytes.offset(of: UInt8(ascii: "\n"), from: start, to: bytes.count)
                let next = end + 1
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if bytes[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) { lines.append(start..<end) }
                start = next
            }
            // One or two lines say too little: a title with a comma in it is not a table.
            guard lines.count >= 3 else { return nil }
            for (delimiter, name) in delimiters {
                let counts = lines.map { count(delimiter, in: UnsafeBufferPointer(rebasing: bytes[$0])) }
                guard let first = counts.first, first >= 1, counts.allSatisfy({ $0 == first }) else { continue }
                // A lone comma in each of a few lines could be prose; more lines must agree then.
                if first == 1, lines.count < 5 { continue }
                let kind = delimiter == UInt8(ascii: "\t") ? "TSV" : "CSV"
                return "\(kind) data (lines of \(first + 1) \(name)-separated fields); lexpipe reads text, markdown, HTML and PDF documents"
            }
            return nil
        }
    }

    /// Delimiters outside double quotes.
    private static func count(_ delimiter: UInt8, in line: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var quoted = false
        for byte in line {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == delimiter, !quoted {
                count += 1
            }
        }
        return count
    }
}
