import LexpipeIngest
import LexpipeMarkup
import LexpipeRecord

/// A report card's body divided into its parts: the issue rows, the extra-credit rows and the
/// blocks that give the overall score and grade, wherever the card prints them (below the table,
/// as a row of it, or above it).
struct CardLayout {
    /// The words of the issue rows, a table's issue rows with their cells in reading order.
    var issueWords: [Substring]
    /// Where each issue row starts among `issueWords` (`IssueRowReader.rowStarts`).
    var issueRowStarts: [IssueRowReader.RowStart]
    /// The extra-credit rows, from their `EXTRA CREDIT` label (or their first row) on.
    var creditRows: ArraySlice<Block>?
    /// The blocks from the overall grade's label on (a row of the table with its cells in
    /// reading order); `nil` when the card has none.
    var overall: [Block]?
    /// A second overall label below the table, when the card printed one above it too (the
    /// grade under the title, `FINAL SCORE` at the end).
    var closingOverall: [Block]?

    /// The parts of the blocks after the card's title.
    init(_ titled: ArraySlice<Block>) {
        // A plain-text conversion may run the table, the extra credit and the overall grade
        // into one paragraph; each section heading then starts a block of its own.
        let (body, openings) = TableSection.separate(titled)
        let isOverall = { (index: Int) in openings[index].contains(.overall) }
        // Finding the rows reads the text blocks before the table's first row up to three times,
        // and the arranging reads them again: each is split once.
        var textWords = TextWords()
        var start = body.startIndex
        var overallIndex = body.indices.first(where: isOverall)
        // An overall grade printed above the table (no table row or issue row before it): read
        // it there, the table after it.
        if let index = overallIndex, !body[start..<index].contains(where: { $0.cells != nil }),
            textWords.firstRow(in: body[start..<index]) == nil
        {
            overall = Array(body[index...].prefix(8))
            start = index + 1 + ReportCardExtractor.overallValueBlocks(body[index...])
            overallIndex = body.indices[min(start, body.endIndex)...].first(where: isOverall)
        }

        // A heading after the table (`LEARN MORE`) ends it too, when no overall grade below does.
        var end = overallIndex ?? body.endIndex
        let table = body[min(start, end)..<end]
        // A heading under the extra-credit label (a credit's label set as a smaller heading) is
        // the extra credit's.
        if let firstRow = table.firstIndex(where: { $0.cells != nil }) ?? textWords.firstRow(in: table) {
            var creditLevel = Int.max
            for index in (firstRow + 1)..<end {
                let block = body[index]
                guard let level = block.headingLevel else { continue }
                if openings[index].contains(.extraCredit) { creditLevel = min(creditLevel, level) }
                // A heading that opens an issue row (`<h3>2. Identification …</h3>` in a card of
                // one box per issue) is the table's.
                if creditLevel != Int.max, level > creditLevel { continue }
                // A heading is no table row: it opens a section exactly when it heads one.
                if !openings[index].isEmpty || CardLayout.opensIssueRow(block) { continue }
                // A heading over the table's next part (a slide's or page's `… (continued)`, the
                // header row repeated under it) is the table's.
                if CardLayout.tableGoesOn(after: index, in: body) { continue }
                end = index
                break
            }
        }
        // With no overall grade below it, a table ends at its last row: the prose after it
        // belongs to no issue.
        if overallIndex == nil, let lastRow = body[min(start, end)..<end].lastIndex(where: { $0.cells != nil }),
            textWords.firstRow(in: body[min(start, end)..<end]).map({ body[$0].cells != nil }) ?? true
        {
            end = CardLayout.endWithHighlights(lastRow + 1, from: min(start, lastRow), in: body)
            end = CardLayout.endWithLineRows(end, lastRow: body[lastRow], in: body)
            // A credit's row of short cells (code, name, points) with its description in the
            // sentence under the table, as a slide sets it.
            if end == lastRow + 1, end < body.count, body[end].cells == nil, body[end].kind == .paragraph,
                body[end].text.hasSuffix("."), body.indices[min(start, lastRow)..<lastRow].contains(where: { openings[$0].contains(.extraCredit) }),
                body[lastRow].cells?.allSatisfy({ WordStream.count($0[...], atTabs: false, limit: 6) < 6 }) == true
            {
                end += 1
            }
        }
        let region = body[min(start, end)..<end]
        // Without a table row there is no header row to look for.
        let grades = region.contains { $0.cells != nil } ? GradeTable(header: region) : GradeTable()
        if let overallIndex {
            let blocks = [grades.arrangeOverall(body[overallIndex])] + body[(overallIndex + 1)...].prefix(7)
            if overall == nil { overall = blocks } else { closingOverall = blocks }
        }
        let labelled = region.indices.first { openings[$0].contains(.extraCredit) }
        let arranged = grades.arrange(region[..<(labelled ?? region.endIndex)], textWords: &textWords)
        (issueWords, issueRowStarts) = IssueRowReader.numberedRows(arranged.words)
        if let labelled {
            creditRows = region[labelled...]
        } else if let first = arranged.firstCreditRow {
            creditRows = region[first...]
        } else if let overallIndex {
            creditRows = CardLayout.creditRows(after: overallIndex, in: body, openings: openings)
        } else {
            creditRows = CardLayout.creditRows(following: end, in: body, openings: openings)
        }
    }

    /// Where a table that ends at its last row ends when each row is followed by its highlights
    /// in a paragraph of their own: after the last row's paragraph too.
    private static func endWithHighlights(_ end: Int, from start: Int, in body: [Block]) -> Int {
        var rows: [Int] = []
        for index in start..<end where body[index].cells != nil { rows.append(index) }
        guard rows.count >= 3, end < body.count, body[end].cells == nil, body[end].kind == .paragraph else { return end }
        for row in rows.dropLast() where row + 1 >= body.count || body[row + 1].cells != nil || body[row + 1].kind != .paragraph {
            return end
        }
        return end + 1
    }

    /// Where a table that ends at its last row ends when the rows after it are lines of text
    /// that each open the next issue (`6. Prevention and Training  F  0/15  Gap remains …`): a
    /// conversion that reads a table from a paragraph's columns leaves a row of one line, the
    /// last one often, a paragraph. After them.
    private static func endWithLineRows(_ end: Int, lastRow: Block, in body: [Block]) -> Int {
        guard end < body.count, body[end].cells == nil,
            let cells = lastRow.cells, let number = cells.lazy.compactMap({ WordStream.words($0[...], limit: 1).first }).first
                .flatMap(WordStream.rowNumber)
        else { return end }
        var end = end
        var expected = number + 1
        while end < body.count, body[end].cells == nil, body[end].kind == .paragraph {
            let words = WordStream.words(body[end].text[...], limit: 2)
            guard words.count == 2, WordStream.rowNumber(words[0]) == expected, WordStream.isCapitalized(words[1]) else { break }
            end += 1
            expected += 1
        }
        return end
    }

    /// Extra credit labelled just after the table's end (its last row and highlights), or
    /// under a heading of its own after other sections (a README's highlights): from its label
    /// to the next heading no deeper than the label, or an overall label.
    private static func creditRows(following end: Int, in body: [Block], openings: [TableSection.Openings]) -> ArraySlice<Block>? {
        var label: Int?
        for index in end..<min(end + 3, body.count) where openings[index].contains(.extraCredit) {
            label = index
            break
        }
        if label == nil {
            label = (end..<body.count).first { body[$0].headingLevel != nil && openings[$0].contains(.extraCredit) }
        }
        guard let label else { return nil }
        let level = body[label].headingLevel ?? Int.max
        var stop = body.count
        for index in (label + 1)..<body.count {
            let block = body[index]
            if let heading = block.headingLevel, heading <= level { stop = index; break }
            if openings[index].contains(.overall) { stop = index; break }
        }
        return body[label..<stop]
    }

    /// The words of a body's text blocks, by the block's index, each split when first read.
    struct TextWords {
        private var known: [Int: [Substring]] = [:]

        /// The words of `blocks[index]`, a block that is no table row; a line that labels its
        /// value with a column's name (`Grade: B`, `Score: 14 / 17.5` under an issue's heading)
        /// gives the value alone, as the labelled cell of a table row does.
        mutating func words(of blocks: ArraySlice<Block>, at index: Int) -> [Substring] {
            if let words = known[index] { return words }
            let words = WordStream.words(GradeTable.droppingLabel(blocks[index].text)[...])
            known[index] = words
            return words
        }

        /// The first of the blocks that starts an issue row.
        mutating func firstRow(in blocks: ArraySlice<Block>) -> Int? {
            blocks.indices.first { index in
                blocks[index].cells == nil
                    ? IssueRowReader.opensRow(words(of: blocks, at: index)) : IssueRowReader.opensRow(blocks[index])
            }
        }
    }

    /// Whether the block starts with an issue's number before its capitalized name (`5. Tools`).
    /// Whether the table goes on right after the heading at `index`: its next block is a
    /// table row that opens an issue row, or a header row over one.
    private static func tableGoesOn(after index: Int, in body: [Block]) -> Bool {
        var next = index + 1
        if next < body.count, let cells = body[next].cells, GradeTable.headerColumns(cells) != nil { next += 1 }
        guard next < body.count, body[next].cells != nil else { return false }
        return opensIssueRow(body[next])
    }

    static func opensIssueRow(_ block: Block) -> Bool {
        let words = WordStream.words(block.text[...], limit: 2)
        return words.count == 2 && WordStream.rowNumber(words[0]) != nil && WordStream.isCapitalized(words[1])
    }

    /// Extra credit printed after the overall grade: from its label, a few blocks on, to the
    /// end of the table it is a row of, or to the next heading when it is a line of its own.
    private static func creditRows(after overallIndex: Int, in body: [Block], openings: [TableSection.Openings]) -> ArraySlice<Block>? {
        let following = body.indices[(overallIndex + 1)...].prefix(12)
        guard let label = following.first(where: { openings[$0].contains(.extraCredit) }) else { return nil }
        let inTable = body[label].cells != nil
        let end = body.indices[(label + 1)...].first { index in
            inTable ? body[index].cells == nil : body[index].headingLevel != nil || openings[index].contains(.overall)
        } ?? body.endIndex
        return body[label..<end]
    }
}

/// A grade table read as a table: the columns its header row names, and each issue row's cells
/// put in the order the row reader reads them (the issue, its grade, its score and maximum, its
/// highlights), whatever order the columns stand in.
struct GradeTable {
    /// What a column holds, as its header names it.
    enum Column: Equatable {
        case number, issue, grade, score, maximum, highlights
        /// The highlights in two columns: what was accomplished, and the gaps that remain.
        case accomplished, gaps
    }

    /// The header row's columns, by cell index (`nil` for a cell that names none); empty when
    /// the table has no header row.
    private(set) var columns: [Column?] = []
    /// The blocks whose rows looking for the header row read (by index), and the header row's
    /// index among them: `arrange` tells those rows from a repeated header without reading
    /// their cells' names again.
    private var rowsRead: Range<Int> = 0..<0
    private var headerIndex: Int?

    /// A table without a header row.
    init() {}

    /// The header row is the first table row, before any issue row, whose filled cells all name
    /// columns (`Issue`, `Grade`, `Score`, `Highlights`, `Max`, ...), at least two of them.
    init(header blocks: ArraySlice<Block>) {
        for index in blocks.indices.prefix(40) {
            let block = blocks[index]
            guard let cells = block.cells else {
                if IssueRowReader.opensRow(block) { return }
                continue
            }
            rowsRead = blocks.startIndex..<(index + 1)
            if let named = GradeTable.headerColumns(cells) {
                columns = named
                headerIndex = index
                return
            }
            if GradeTable.nameCell(in: cells, words: cells.map { WordStream.words($0[...], limit: 4) }, expected: 1) != nil {
                return
            }
        }
    }

    /// Whether the row at `index` of the blocks the header was looked for in is a header row:
    /// the header itself, or the header repeated where a page break split the table.
    private func isHeader(_ cells: [String], at index: Int) -> Bool {
        rowsRead.contains(index) ? index == headerIndex : GradeTable.headerColumns(cells) != nil
    }

    /// The columns a header row names; `nil` unless every filled cell names one, two at least.
    static func headerColumns(_ cells: [String]) -> [Column?]? {
        // A header cell is a few words; a row with a longer cell is read no further.
        guard cells.allSatisfy({ $0.utf8.count <= 40 }) else { return nil }
        var named: [Column?] = []
        named.reserveCapacity(cells.count)
        var filled = 0
        for cell in cells {
            guard !cell.isEmpty else {
                named.append(nil)
                continue
            }
            // A row with a cell that names no column is no header: read no further.
            guard let column = column(named: cell) else { return nil }
            named.append(column)
            filled += 1
        }
        return filled >= 2 ? named : nil
    }

    /// The column a header cell names, or `nil`.
    static func column(named cell: String) -> Column? {
        columnNames[columnWords(cell)]
    }

    /// Every name a header cell gives a column, as `columnWords` writes it: one hash lookup per
    /// cell rather than a comparison with each name.
    private static let columnNames: [String: Column] = {
        let names: [(Column, [String])] = [
            (.number, ["#", "no", "number", "issue no", "issue number"]),
            (.issue, ["issue", "issues", "issue area", "policy area", "policy areas", "area", "areas", "category", "section",
                "policy issue", "policy goal area", "issue name"]),
            (.grade, ["grade", "grades", "letter grade", "state grade"]),
            (.score, ["score", "scores", "points", "points earned", "score earned", "earned", "state score", "final score",
                "score max", "score out of", "score possible", "points possible score", "total score", "total points",
                "overall score", "total"]),
            (.maximum, ["max", "maximum", "max score", "maximum score", "possible", "points possible", "possible points",
                "total possible", "out of", "max points", "maximum points", "max possible", "maximum possible"]),
            (.highlights, ["highlights", "highlight", "summary", "notes", "comments", "analysis", "description", "details",
                "policy highlights"]),
            (.accomplished, ["accomplished", "policy goals accomplished", "policy goal accomplished", "goals accomplished",
                "accomplishments"]),
            (.gaps, ["gaps", "gap", "gaps remaining", "gaps remain", "remaining gaps"]),
        ]
        return Dictionary(uniqueKeysWithValues: names.flatMap { column, words in words.map { ($0, column) } })
    }()

    /// The words of the blocks (those the header was looked for in, or the first of them),
    /// every issue row's cells in reading order, up to the first row that is an extra-credit
    /// row printed without its `EXTRA CREDIT` label; that row's index.
    /// Each cell is split into words once, for telling what it holds and for the row reader.
    /// `textWords` holds the words of the text blocks already split.
    func arrange(_ blocks: ArraySlice<Block>, textWords: inout CardLayout.TextWords) -> (words: [Substring], firstCreditRow: Int?) {
        var words: [Substring] = []
        var expected = 1
        var seenIssue = false
        var countsFromZero = false
        for index in blocks.indices {
            let block = blocks[index]
            guard let cells = block.cells else {
                // A heading over the table's next part (`Grades by Issue (continued)`) is no
                // row's text.
                if block.headingLevel != nil, index + 1 < blocks.endIndex, blocks[index + 1].cells != nil, !CardLayout.opensIssueRow(block) {
                    continue
                }
                words += textWords.words(of: blocks, at: index)
                continue
            }
            // The header, or the header repeated where a page break split the table.
            if isHeader(cells, at: index) { continue }
            let cellWords = cells.map { WordStream.words($0[...]) }
            var name = GradeTable.nameCell(in: cells, words: cellWords, expected: expected)
            if name == nil {
                // Once the issues are read, a row of a code and points is extra credit, not an issue.
                if seenIssue, GradeTable.isUnlabelledCredit(cells) { return (words, index) }
                name = unnumberedName(in: cells, words: cellWords, expected: expected)
            }
            guard let name else {
                WordStream.append(row: cells, words: cellWords, to: &words)
                continue
            }
            if !seenIssue { countsFromZero = isIndexColumn(cells) }
            let arranged = issueRow(cells, words: cellWords, name: name, countsFromZero: countsFromZero)
            WordStream.append(row: arranged.map(\.cell), words: arranged.map(\.words), to: &words)
            expected = name.number + 1
            seenIssue = true
        }
        return (words, nil)
    }

    /// Whether the first issue row opens a data frame's index (pandas' `to_html`): `0` in
    /// its first cell, under an empty header cell; the rows are counted from 0 there, and the
    /// column is no part of them.
    private func isIndexColumn(_ cells: [String]) -> Bool {
        guard headerIndex != nil, let first = columns.first, first == nil, cells.count == columns.count else { return false }
        return cells.first == "0"
    }

    /// The overall row with its cells in reading order where they line up with the header's
    /// columns: its label, then grade, score and maximum (`| C | OVERALL GRADE | | 100 | 77 |`
    /// under `Grade | Issue | Highlights | Max | Score`).
    func arrangeOverall(_ block: Block) -> Block {
        guard let cells = block.cells, cells.count == columns.count, columns.contains(.score) else { return block }
        let order: [Column?] = [.grade, .score, .maximum]
        let label = cells.indices.filter { !order.contains(columns[$0]) }
        let values = order.flatMap { column in cells.indices.filter { columns[$0] == column } }
        return .row((label + values).map { cells[$0] }, span: block.span)
    }

    /// A cell and its words.
    typealias SplitCell = (cell: String, words: [Substring])

    /// An issue row's cells in reading order, each with its words: fragments before the name,
    /// the name, the grade, the score and maximum, the highlights.
    /// `countsFromZero`: the first column is a data frame's index (`IndexColumn`).
    private func issueRow(_ cells: [String], words: [[Substring]], name: NameCells, countsFromZero: Bool) -> [SplitCell] {
        var kept: [SplitCell] = []
        var moved: [(cell: SplitCell, column: Column?)] = []
        // Cells before the name: columns the header names move after it; the rest are fragments
        // the row reader drops as stray.
        for index in cells.indices[..<name.range.lowerBound] where !cells[index].isEmpty {
            if index == name.numberCell { continue }
            let column = headerColumn(of: index, nameAt: name.range.lowerBound, cellCount: cells.count)
            if index == 0, countsFromZero, cells[0] == String(name.number - 1) { continue }
            if let column, column != .issue, column != .number {
                moved.append(((cells[index], words[index]), column))
            } else {
                kept.append((cells[index], words[index]))
            }
        }
        let aligned = cells.count == columns.count
        for index in cells.indices[name.range.upperBound...] where !cells[index].isEmpty {
            moved.append(((cells[index], words[index]), aligned ? columns[index] : nil))
        }
        var grades: [SplitCell] = []
        var numbers: [(cell: SplitCell, column: Column?)] = []
        var texts: [SplitCell] = []
        for (labelled, column) in moved {
            let cell = GradeTable.droppingLabel(labelled.cell)
            let split: SplitCell = cell == labelled.cell ? labelled : (cell, WordStream.words(cell[...]))
            switch GradeTable.content(of: split.words) {
            case .grade: grades.append(split)
            case .numbers: numbers.append((split, column))
            case .text:
                // A column of its own for each part of the highlights: the part is read as the
                // highlights cell would give it, after its lead phrase.
                if let lead = GradeTable.leadPhrase(of: column), !Highlights.opensWithLead(split.words) {
                    let cell = lead + split.cell
                    texts.append((cell, WordStream.words(cell[...])))
                } else {
                    texts.append(split)
                }
            }
        }
        // The maximum after the score, where the header says which is which.
        if numbers.contains(where: { $0.column == .maximum }), numbers.contains(where: { $0.column == .score }) {
            numbers = numbers.filter { $0.column != .maximum } + numbers.filter { $0.column == .maximum }
        }
        var name = name
        if name.synthesized { name.cells[0] = "\(name.number). \(name.cells[0])" }
        let named = name.isRewritten || name.synthesized
            ? name.cells.map { ($0, WordStream.words($0[...])) } : name.range.map { (cells[$0], words[$0]) }
        return kept + named + grades + numbers.map(\.cell) + texts
    }

    /// A header cell's words in lower case, joined by a space: runs of letters, `#` and `+`.
    static func columnWords(_ cell: String) -> String {
        var words = ""
        var spaced = false
        for scalar in cell.unicodeScalars {
            // ASCII letters, `#` and `+` by their values; a letter of another script is a word's
            // too, so that no name is read out of a word that holds one.
            let value = scalar.value
            let lower = value | 0x20
            let isASCIILetter = lower >= 0x61 && lower <= 0x7A
            guard isASCIILetter || value == 0x23 || value == 0x2B || !scalar.isASCII && scalar.properties.isAlphabetic else {
                spaced = !words.isEmpty
                continue
            }
            if spaced { words.append(" ") }
            spaced = false
            if isASCIILetter {
                words.unicodeScalars.append(Unicode.Scalar(UInt8(lower)))
            } else if scalar.isASCII {
                words.unicodeScalars.append(scalar)
            } else {
                words += scalar.properties.lowercaseMapping
            }
        }
        return words
    }

    /// The lead phrase a highlights cell opens the part a column holds with.
    private static func leadPhrase(of column: Column?) -> String? {
        switch column {
        case .accomplished: "Policy goals accomplished related to "
        case .gaps: "Gaps remain related to "
        default: nil
        }
    }

    /// The cell without a label that names its column (`Grade: B`, `Score: 14.5/17.5`).
    static func droppingLabel(_ cell: String) -> String {
        // The label is short: the colon is looked for among the first 25 characters alone, and
        // not at all in a cell without its byte (most cells).
        let hasColon = cell.utf8.withContiguousStorageIfAvailable { $0.offset(of: UInt8(ascii: ":"), from: 0, to: $0.count) < $0.count }
        // `Issue 1:` numbers a row; it labels no column.
        guard hasColon ?? true, let colon = cell.prefix(25).firstIndex(of: ":"), !cell[..<colon].contains(where: \.isNumber),
            column(named: String(cell[..<colon])) != nil
        else { return cell }
        return String(cell[cell.index(after: colon)...].drop(while: { $0 == " " }))
    }

    /// Where a row's name stands, the cells that hold it, and its number.
    private struct NameCells {
        var range: Range<Int>
        var cells: [String]
        var number: Int
        /// The number came from a cell of its own or the row's place, not from `N.` in the name.
        var synthesized = false
        /// A cell of its own that held the number.
        var numberCell: Int?
        /// The name cell is written as `N. Name`, not as the row has it.
        var isRewritten = false
    }

    /// The run of cells that name issue `expected` (or one of the next three) as `N. Name`, a
    /// cut copy of the name included (`1. Crim`, `1. Criminal Provisions`); a cell that numbers
    /// it otherwise (`Issue 1: Criminal Provisions`, `1) Criminal Provisions`) written so.
    /// `words` are each cell's words, or their first four at least.
    private static func nameCell(in cells: [String], words cellWords: [[Substring]], expected: Int) -> NameCells? {
        for index in cells.indices {
            let words = cellWords[index]
            if let (number, name) = otherwiseNumbered(cells[index], words: words), number >= expected, number <= expected + 3 {
                return NameCells(
                    range: index..<(index + 1), cells: ["\(number). \(name)"], number: number, isRewritten: true
                )
            }
            guard words.count >= 2, let number = WordStream.rowNumber(words[0]), number >= expected,
                number <= expected + 3, WordStream.isCapitalized(words[1])
            else { continue }
            var end = index + 1
            let label = words[0]
            while end < cells.count, cellWords[end].first == label { end += 1 }
            return NameCells(range: index..<end, cells: Array(cells[index..<end]), number: number)
        }
        return nil
    }

    /// `Issue 1: Name`, `Issue 1. Name`, `Issue 1 - Name`, `1) Name` or `1 Name`: the number and the name;
    /// `words` are the cell's words, or their first four at least.
    private static func otherwiseNumbered(_ cell: String, words: [Substring]) -> (Int, Substring)? {
        guard let first = words.first else { return nil }
        var numberWord: Substring
        var nameWord: Int
        if first.lowercased() == "issue", words.count >= 3 {
            numberWord = words[1]
            if numberWord.last == ":" || numberWord.last == "." { numberWord = numberWord.dropLast() }
            nameWord = ["-", "–", "—", ":"].contains(words[2]) ? 3 : 2
        } else if first.count >= 2, first.last == ")" {
            numberWord = first.dropLast()
            nameWord = 1
        } else if first.utf8.count <= 2, first.utf8.allSatisfy(WordStream.isDigit), words.count >= 2,
            WordStream.number(words[1]) == nil
        {
            // `1 Criminal Provisions`: the number in a badge of its own, set before the name.
            numberWord = first
            nameWord = 1
        } else {
            return nil
        }
        guard words.count > nameWord, let number = Int(numberWord), (1...20).contains(number),
            WordStream.isCapitalized(words[nameWord])
        else { return nil }
        return (number, cell[words[nameWord].startIndex...])
    }

    /// A name without `N.`: after a first cell holding the number alone (`| 1 | Criminal
    /// Provisions |`, `| 1. | Criminal Provisions |`), or in the header's issue column of a row
    /// with a score or grade.
    private func unnumberedName(in cells: [String], words: [[Substring]], expected: Int) -> NameCells? {
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        guard filled.contains(where: { GradeTable.content(of: words[$0]) != .text }) else { return nil }
        if filled.count >= 2, case let (first, index) = (filled[0], filled[1]),
            WordStream.number(cells[first]) == Double(expected) || WordStream.rowNumber(cells[first][...]) == expected,
            GradeTable.isName(cells[index], words: words[index])
        {
            return NameCells(
                range: index..<(index + 1), cells: [cells[index]], number: expected, synthesized: true, numberCell: first
            )
        }
        guard cells.count == columns.count, let index = columns.firstIndex(of: .issue),
            GradeTable.isName(cells[index], words: words[index])
        else { return nil }
        return NameCells(range: index..<(index + 1), cells: [cells[index]], number: expected, synthesized: true)
    }

    /// A cell that reads as an issue's name: capitalized words, not a sentence, not a score.
    private static func isName(_ cell: String, words: [Substring]) -> Bool {
        guard let first = words.first, WordStream.isCapitalized(first), words.count <= 16, content(of: words) == .text,
            !cell.hasSuffix(".")
        else { return false }
        return TableSection.allCases.allSatisfy { !$0.heads(Block(.paragraph, cell)) }
    }

    /// The header column of a cell before the name, counted back from the name to the header's
    /// issue column; `nil` without a header that names one.
    private func headerColumn(of index: Int, nameAt nameIndex: Int, cellCount: Int) -> Column? {
        if cellCount == columns.count { return columns[index] }
        guard let issue = columns.firstIndex(of: .issue) else { return nil }
        let column = issue - (nameIndex - index)
        return columns.indices.contains(column) ? columns[column] : nil
    }

    /// What a cell holds, by its words.
    enum Content: Equatable {
        /// A grade letter, maybe with its score (`F 47.5`).
        case grade
        /// Numbers alone: a score, a maximum, both (`14.5 / 17.5`, `14.5 of 17.5`).
        case numbers
        case text
    }

    /// Words that may stand between the numbers of a score cell.
    private static let scoreFillers: Set<String> = ["of", "out", "/", "pts", "pts.", "points", "point", "possible", "max", "+"]

    /// What the cell holds: a grade (and maybe its score), numbers alone, or text.
    static func content(of cell: String) -> Content {
        // A name or a highlight is told by its first word, without splitting the rest.
        guard let first = WordStream.words(cell[...], limit: 1).first, GradeLetter.read(first) != nil || isValue(first)
        else { return .text }
        return content(of: WordStream.words(cell[...]))
    }

    /// What a cell of these words holds.
    static func content(of words: [Substring]) -> Content {
        guard let first = words.first else { return .text }
        let isGrade = GradeLetter.read(first) != nil
        guard isGrade || isValue(first) else { return .text }
        if isGrade, words.dropFirst().allSatisfy(isValue) { return .grade }
        if words.contains(where: isNumber), words.allSatisfy(isValue) { return .numbers }
        return .text
    }

    /// A number, `+2` (extra credit's points) included.
    private static func isNumber(_ word: Substring) -> Bool {
        // A `+` byte dropped whatever follows it: after a `+` that is no character of its own
        // (a combining mark on it) no number is read either way.
        WordStream.number(word.utf8.first == UInt8(ascii: "+") ? Substring(word.utf8.dropFirst()) : word) != nil
    }

    /// A number, a percentage or a word that may stand between the numbers of a score.
    private static func isValue(_ word: Substring) -> Bool {
        // No filler is longer than 8 bytes, and only ASCII lower-cases to ASCII letters (but the
        // Kelvin sign, to `k`, which no filler holds): a longer word is not lower-cased to be sure.
        isNumber(word) || word.utf8.count <= 8 && scoreFillers.contains(word.lowercased()) || isPercentage(word)
    }

    /// A percentage beside a score (`83%`, `(83%)`).
    static func isPercentage(_ word: Substring) -> Bool {
        guard word.utf8.contains(UInt8(ascii: "%")) else { return false }
        let inner = word.trimming(where: { $0 == "(" || $0 == ")" })
        return inner.hasSuffix("%") && WordStream.number(inner.dropLast()) != nil
    }

    /// A row after the issue rows that is an extra-credit row without the `EXTRA CREDIT` label:
    /// its first cell a short code (`18+`, `CLT`, `18+ Youth`, `Child Labor Trafficking (CLT)`)
    /// and a cell of points.
    static func isUnlabelledCredit(_ cells: [String]) -> Bool {
        guard let first = cells.first(where: { !$0.isEmpty }), ExtraCreditReader.code(ofLabel: first) != nil else { return false }
        return cells.contains { content(of: $0) == .numbers }
    }
}

/// A card retyped as a list: an issue per list item or line, its name, a separator and its
/// grade and score (`Criminal Provisions: A, 16.5/17.5`, `2) Continuum of Care — 12 out of 15
/// (B)`, `Prevention and Training - D - 9.5 of 15 max`). Such items are read as the numbered
/// rows of a grade table, numbered in order where the list does not number them.
enum ListItemRows {
    /// An item's parts: its name, grade, score and maximum, and its own number if it has one.
    struct Row: Equatable {
        var number: Int?
        var name: String
        var grade: String?
        var score: Double
        var maxScore: Double
    }

    /// How far into a block the row's name, grade and score are looked for, in bytes and words.
    private static let rowBytes = 200
    private static let rowWords = 40

    /// Whether the text could open with a row at all, told from its first bytes: past a
    /// leading number or bullet, a separator (`:`, `-` or a dash's lead byte) before the first
    /// digit. A table row's text (`1. Criminal Provisions B 14.5 17.5 …`) is ruled out at its
    /// score.
    private static func mayBeRow(_ text: String) -> Bool {
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard bytes.count >= 8 else { return false }
            var start = 0
            // A leading number or bullet (`2.`, `3)`, `*`, `-`) and the space after it.
            if let space = bytes.prefix(4).firstIndex(of: UInt8(ascii: " ")),
                bytes[0] < 0x80 && !(bytes[0] >= UInt8(ascii: "A") && bytes[0] <= UInt8(ascii: "Z"))
            {
                start = space + 1
            }
            var separator = false
            for byte in bytes[start..<min(bytes.count, rowBytes)] {
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    return separator
                } else if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == 0xE2 {
                    separator = true
                }
            }
            return false
        }
        var text = text
        return text.withUTF8(scan)
    }

    private static let separators: Set<Substring> = [":", "-", "–", "—", "|", "·"]

    /// A dash or colon standing alone between a name and its values.
    static func isSeparator(_ word: Substring) -> Bool {
        separators.contains(word)
    }
    private static let markers: Set<Substring> = ["*", "-", "–", "—", "•", "·", "+", "○", "▪"]
    private static let connectors: Set<Substring> = [
        "of", "out", "max", "max.", "maximum", "points", "pts", "pts.", "possible", "grade", "score", "(", ")",
        "-", "–", "—", "·", "|", ",", ";", "/",
    ]

    private static let totals: Set<Substring> = ["overall", "total", "final"]

    /// The row an item's text reads as, or `nil` when it is no row: a capitalized name of at
    /// most twelve words, a separator (a word ending in `:` or a dash on its own), then only a
    /// score and a maximum no smaller than it, and a grade (a card may print none) before or
    /// after them, with the words that join them (`of`, `out of`, `max`, `points`, commas and
    /// parentheses).
    static func row(_ text: String) -> Row? {
        rowAndRest(text)?.row
    }

    /// `row(text)` and the text after the row's values (its highlights, where a conversion ran
    /// the item's lines into one block), or `nil` when the block opens with no row.
    static func rowAndRest(_ text: String) -> (row: Row, rest: Substring?)? {
        guard mayBeRow(text) else { return nil }
        let words = WordStream.words(text[...], limit: rowWords)
        var index = 0
        if index < words.count, markers.contains(words[index]) { index += 1 }
        var number: Int?
        if index < words.count, let first = words[index].utf8.first, WordStream.isDigit(first) {
            let digits = words[index].prefix { $0.isASCII && $0.isNumber }
            let rest = words[index][digits.endIndex...]
            guard rest == "." || rest == ")", let value = Int(digits) else { return nil }
            number = value
            index += 1
        }
        let nameStart = index
        // The overall grade's line (`Overall: B, 83 of 100`) is no issue.
        guard nameStart < words.count, WordStream.isCapitalized(words[nameStart]),
            !totals.contains(words[nameStart].lowercased().trimming(where: { $0 == ":" })),
            // Nor is a value's label (`Score: 16 / 17.5` under an issue's heading).
            !IssueRowReader.isColumnLabel(words[nameStart])
        else { return nil }
        var nameEnd: Int?
        var valuesStart = 0
        while index < words.count, index - nameStart <= 12 {
            let word = words[index]
            if separators.contains(word), index > nameStart {
                nameEnd = index
                valuesStart = index + 1
                break
            }
            if word.hasSuffix(":"), word.count > 1 {
                nameEnd = index + 1
                valuesStart = index + 1
                break
            }
            index += 1
        }
        guard let nameEnd, valuesStart < words.count else { return nil }
        var grade: Substring?
        var numbers: [Double] = []
        var rest: Substring?
        for word in words[valuesStart...] {
            let value = word.trimming(where: { $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" })
            // `14.5/17.5,`: a comma kept the words from splitting it into its numbers.
            if numbers.isEmpty, value.utf8.contains(UInt8(ascii: "/")) {
                let parts = value.split(separator: "/")
                if parts.count == 2, let score = WordStream.number(parts[0]), let maximum = WordStream.number(parts[1]) {
                    numbers = [score, maximum]
                    continue
                }
            }
            if let number = WordStream.number(value), numbers.count < 2 {
                numbers.append(number)
            } else if grade == nil, GradeLetter.read(value) != nil {
                grade = value
            } else if !(value.isEmpty || connectors.contains(Substring(value.lowercased()))) {
                // Words after the values (the item's highlights run into it) are the row's
                // only when they are the text's own, not a number it split.
                guard numbers.count == 2, word.startIndex >= text.startIndex, word.endIndex <= text.endIndex,
                    String(text[word.startIndex..<word.endIndex]) == word
                else { return nil }
                rest = text[word.startIndex...]
                break
            }
        }
        if rest == nil, words.count == rowWords { return nil }
        guard numbers.count == 2, numbers[0] <= numbers[1] else { return nil }
        var nameWords = words[nameStart..<nameEnd]
        if let last = nameWords.last, last.hasSuffix(":") {
            nameWords[nameWords.endIndex - 1] = last.dropLast()
        }
        let row = Row(
            number: number, name: WordStream.joined(nameWords), grade: grade.map(String.init), score: numbers[0], maxScore: numbers[1]
        )
        return (row, rest)
    }

    /// The blocks with each list row written as a numbered issue row (`1. Criminal Provisions
    /// A 16.5 17.5`), where at least three rows are found; `nil` otherwise. A block of rows
    /// run together (lines with no blank line between, which a conversion joins) gives a
    /// block per row.
    static func numbered(_ blocks: ArraySlice<Block>) -> [Block]? {
        var rows: [(index: Int, lead: Substring?, rows: [(row: Row, rest: Substring?)])] = []
        var count = 0
        for index in blocks.indices where blocks[index].cells == nil {
            let (lead, found) = rowsAfterLead(blocks[index].text, afterRow: rows.last?.index == index - 1)
            if !found.isEmpty {
                rows.append((index, lead, found))
                count += found.count
            }
        }
        guard count >= 3 else { return nil }
        var result: [Block] = []
        result.reserveCapacity(blocks.count + count)
        var next = blocks.startIndex
        var position = 0
        for (index, lead, found) in rows {
            result += blocks[next..<index]
            next = index + 1
            // The highlight of the row the block before ended with.
            if let lead, let last = result.indices.last { result[last].text += " " + lead }
            for (row, rest) in found {
                position += 1
                let number = row.number ?? position
                result.append(Block(
                    .paragraph, "\(number). \(row.name) \(row.grade ?? "") \(formatted(row.score)) \(formatted(row.maxScore))"
                        + (rest.map { " " + $0 } ?? ""),
                    span: blocks[index].span
                ))
            }
        }
        result += blocks[next...]
        return result
    }

    /// The rows a block's text holds: its first, and while the text after a row's values opens
    /// with another row (`Criminal Provisions: B, 15 of 17.5 Continuum of Care: D, 9.5 of
    /// 15`), that one too; the last with the text after it. Empty when the text opens with no row.
    static func rowsRunTogether(_ text: String) -> [(row: Row, rest: Substring?)] {
        guard var found = rowAndRest(text) else { return [] }
        var rows: [(row: Row, rest: Substring?)] = []
        while let rest = found.rest {
            if let next = rowAndRest(String(rest)) {
                rows.append((found.row, nil))
                found = next
            } else if let (highlight, next) = rowAfterSentence(rest) {
                // A row's highlight line between it and the next row.
                rows.append((found.row, highlight))
                found = next
            } else {
                break
            }
        }
        rows.append(found)
        return rows
    }

    /// The text up to the end of a sentence after which a row opens (`Policy goals accomplished
    /// … defenses. Continuum of Care: D, 9.5 of 15 …`), and that row; `nil` when no row opens
    /// after any sentence's end. A row whose name holds a sentence's end is none.
    static func rowAfterSentence(_ text: Substring) -> (lead: Substring, next: (row: Row, rest: Substring?))? {
        var index = text.startIndex
        while let stop = text[index...].firstIndex(of: ".") {
            let after = text.index(after: stop)
            guard after < text.endIndex else { return nil }
            index = after
            guard text[after] == " " else { continue }
            let candidate = text[text.index(after: after)...]
            guard let first = candidate.first, first.isUppercase, let next = rowAndRest(String(candidate)),
                !next.row.name.contains(". ")
            else { continue }
            return (text[..<after], next)
        }
        return nil
    }

    /// `rowsRunTogether(text)`; or, where the text opens with no row and the block before
    /// ended with one (`afterRow`), the text up to a sentence's end after which rows open (the
    /// row's highlight line, run into the rows under it) and those rows.
    static func rowsAfterLead(_ text: String, afterRow: Bool) -> (lead: Substring?, rows: [(row: Row, rest: Substring?)]) {
        let found = rowsRunTogether(text)
        guard found.isEmpty, afterRow, let (lead, _) = rowAfterSentence(text[...]) else { return (nil, found) }
        let rows = rowsRunTogether(String(text[lead.endIndex...].dropFirst()))
        return rows.isEmpty ? (nil, []) : (lead, rows)
    }

    /// Whether at least three list rows are found, a block's rows run together counted each.
    static func hasRows(_ blocks: ArraySlice<Block>) -> Bool {
        var count = 0
        var previousHeldRows = false
        for block in blocks {
            guard block.cells == nil else {
                previousHeldRows = false
                continue
            }
            let found = rowsAfterLead(block.text, afterRow: previousHeldRows).rows.count
            count += found
            previousHeldRows = found > 0
            if count >= 3 { return true }
        }
        return false
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
