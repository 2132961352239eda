/// The rows of a table that `pdftotext -layout` wrote as text: columns kept apart by runs of
/// spaces, a cell's text wrapped over several lines of its column, a row's cells starting on
/// different lines (a score set one line above its issue's name, a maximum one line below).
///
/// The columns are found as pdfminer finds them from geometry, here from character positions:
/// a gutter is a run of three or more positions blank on every line of the paragraph, with
/// text on both sides. Rows are read only where the first column opens with an issue's number
/// (`1. Criminal Provisions`): each such line starts a row, and a line whose first column is
/// blank goes with the row it stands in (the lines above the first number with the first row).
enum LayoutColumns {
    /// The rows of the paragraph's lines, each a row's cells (a column's text read top to
    /// bottom, joined by spaces) with the range of the lines it spans; `nil` when the lines are
    /// no such table (fewer than three columns, or no line opening with an issue's number).
    static func rows(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> [(cells: [String], bytes: Range<Int>)]? {
        guard lines.count >= 2 else { return nil }
        // A row opens with an issue's number: some line's first byte after its spaces is a
        // digit, or opens a number beyond ASCII. Most paragraphs' lines open with a letter.
        guard lines.contains(where: { line in
            var first = line.lowerBound
            while first < line.upperBound, bytes[first] == UInt8(ascii: " ") { first += 1 }
            return first < line.upperBound && (bytes[first] >= 0x80 || bytes[first] >= 0x30 && bytes[first] <= 0x39)
        })
        else { return nil }
        // A layout conversion keeps columns apart by several spaces; prose has none.
        guard bytes.withUnsafeBufferPointer({ buffer in lines.contains { hasGap(UnsafeBufferPointer(rebasing: buffer[$0])) } })
        else { return nil }
        let texts = lines.map { Array(UTF8Text.string(bytes, $0)) }
        let width = texts.map(\.count).max() ?? 0
        var blank = [Bool](repeating: true, count: width)
        for text in texts {
            for (position, character) in text.enumerated() where character != " " { blank[position] = false }
        }
        guard let textStart = blank.firstIndex(of: false), let textEnd = blank.lastIndex(of: false) else { return nil }
        // Column boundaries: the middle of each gutter inside the text.
        var boundaries: [Int] = []
        var position = textStart
        while position <= textEnd {
            guard blank[position] else {
                position += 1
                continue
            }
            var end = position
            while end <= textEnd, blank[end] { end += 1 }
            if end - position >= 3 { boundaries.append(position) }
            position = end
        }
        guard boundaries.count >= 2 else { return nil }
        let edges = [0] + boundaries + [width]
        func cell(_ text: [Character], _ column: Int) -> String {
            let start = min(edges[column], text.count), end = min(edges[column + 1], text.count)
            return String(text[start..<end]).split(separator: " ").joined(separator: " ")
        }
        var rows: [(cells: [[String]], first: Int, last: Int)] = []
        var pending: [[String]] = []
        var pendingFirst: Int?
        for (index, text) in texts.enumerated() {
            var cells = (0..<(edges.count - 1)).map { cell(text, $0) }
            // The current row's number and name again (`4. Access to Justice for` under the
            // row it opened) is a duplicated fragment of the conversion, not a new row.
            if let last = rows.last?.cells[0].first, let number = issueNumber(cells[0]), number == issueNumber(last) {
                cells[0] = ""
            }
            if issueNumber(cells[0]) != nil {
                rows.append((cells.map { [$0] }, pendingFirst ?? index, index))
                // The lines above the first number belong to the first row.
                if !pending.isEmpty {
                    for column in cells.indices { rows[rows.count - 1].cells[column].insert(contentsOf: pending.map { $0[column] }, at: 0) }
                    pending = []
                }
                pendingFirst = nil
                continue
            }
            // A number alone in the first column between rows is a stray fragment of the page.
            if cells[0].allSatisfy({ $0.isNumber }) { cells[0] = "" }
            if rows.isEmpty {
                pending.append(cells)
                pendingFirst = pendingFirst ?? index
            } else {
                for column in cells.indices { rows[rows.count - 1].cells[column].append(cells[column]) }
                rows[rows.count - 1].last = index
            }
        }
        guard !rows.isEmpty, pending.isEmpty else { return nil }
        // Each cell's text folded as a paragraph's is (quotes straightened, ligatures expanded).
        return rows.map { row in
            (row.cells.map { InlineText.fold($0.filter { !$0.isEmpty }.joined(separator: " ")) },
             lines[row.first].lowerBound..<lines[row.last].upperBound)
        }
    }

    /// Whether the line has a run of three spaces between two words. Read on bytes, a space
    /// counted only where it is a `Character` of its own, as the columns are counted: only the
    /// first of a run of spaces can belong to the scalar before it (a prepended one), and only
    /// the last to the one after it (a combining mark).
    static func hasGap(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        // A run of three spaces or more holds one of every third byte: only those are looked
        // at, the run found around the one that is a space.
        var probe = 2
        while probe < line.count {
            guard line[probe] == UInt8(ascii: " ") else {
                probe += 3
                continue
            }
            var start = probe
            while start > 0, line[start - 1] == UInt8(ascii: " ") { start -= 1 }
            var end = probe + 1
            while end < line.count, line[end] == UInt8(ascii: " ") { end += 1 }
            if end - start >= 3 {
                let first = ASCIICharacterBoundary.standsAlone(at: start, in: line) ? start : start + 1
                let stop = ASCIICharacterBoundary.standsAlone(at: end - 1, in: line) ? end : end - 1
                if stop - first >= 3, first > 0, stop < line.count { return true }
            }
            probe = end + 3
        }
        return false
    }

    /// `1. Criminal Provisions` as 1: an issue's number before a capitalized word.
    private static func issueNumber(_ cell: String) -> Int? {
        let words = cell.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, words[0].count >= 2, words[0].last == ".", words[0].dropLast().allSatisfy(\.isNumber),
            words[1].first?.isUppercase == true
        else { return nil }
        return Int(words[0].dropLast())
    }
}
