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
    /// fields`), or `nil` for a document. Each line is read once, counting every delimiter still
    /// in the running; most documents are settled by their first line, which holds none.
    static func describe(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // Per delimiter, the count every line so far had; 0 once a line disagreed.
            var expected = SIMD3<Int>()
            var lines = 0
            var start = 0
            while start < bytes.count, lines < sampleLines {
                var end = bytes.offset(of: UInt8(ascii: "\n"), from: start, to: bytes.count)
                let next = end + 1
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                defer { start = next }
                // Lines of white space alone are passed over.
                guard bytes[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                let counts = count(in: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                expected = lines == 0 ? counts : expected.replacing(with: 0, where: counts .!= expected)
                lines += 1
                if expected == SIMD3() { return nil }
            }
            // One or two lines say too little: a title with a comma in it is not a table.
            guard lines >= 3 else { return nil }
            // A spreadsheet laid out as a document starts with a title in its first cell, the
            // row's other cells empty; data starts with its header or a record.
            if startsWithTitleRow(bytes) { return nil }
            for (index, (delimiter, name)) in delimiters.enumerated() {
                let first = expected[index]
                // A lone comma in each of a few lines could be prose; more lines must agree then.
                guard first >= 1, first > 1 || lines >= 5 else { continue }
                let kind = delimiter == UInt8(ascii: "\t") ? "TSV" : "CSV"
                return "\(kind) data (lines of \(first + 1) \(name)-separated fields); lexpipe reads text, markdown, HTML and PDF documents"
            }
            return nil
        }
    }

    /// Whether the first line of text holds a value in its first field alone, the two or more
    /// fields after it empty (`Maine,,,,,,`).
    private static func startsWithTitleRow(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count {
            var end = bytes.offset(of: UInt8(ascii: "\n"), from: start, to: bytes.count)
            let next = end + 1
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = bytes[start..<end]
            start = next
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            for delimiter in delimiters.map(\.byte) {
                guard let first = line.firstIndex(of: delimiter), first > line.startIndex else { continue }
                let rest = line[first...]
                if rest.allSatisfy({ $0 == delimiter || $0 == 0x20 }), rest.count(where: { $0 == delimiter }) >= 2 { return true }
            }
            return false
        }
        return false
    }

    /// Each delimiter's count outside double quotes, in `delimiters`' order.
    private static func count(in line: UnsafeBufferPointer<UInt8>) -> SIMD3<Int> {
        var counts = SIMD3<Int>()
        var quoted = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ","): if !quoted { counts[0] += 1 }
            case UInt8(ascii: "\t"): if !quoted { counts[1] += 1 }
            case UInt8(ascii: ";"): if !quoted { counts[2] += 1 }
            default: break
            }
        }
        return counts
    }
}
