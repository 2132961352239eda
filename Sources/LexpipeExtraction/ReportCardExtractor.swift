import Foundation
public import LexpipeMarkup
import LexpipeRecord

/// A report card as read from the page, numbers parsed, grades still as written.
public struct ExtractedReportCard: Sendable, Equatable {
    /// The framework title without the year (`Report Card on Child & Youth Sex Trafficking`).
    public var framework: String
    public var year: Int?
    public var issues: [ExtractedIssueRow]
    public var extraCredit: [ExtractCreditRow]
    public var overallScore: Double?
    /// The overall grade as written, if the card shows one.
    public var overallGradeText: String?

    public init(
        framework: String, year: Int?, issues: [ExtractedIssueRow], extraCredit: [ExtractCreditRow],
        overallScore: Double?, overallGradeText: String?
    ) {
        self.framework = framework
        self.year = year
        self.issues = issues
        self.extraCredit = extraCredit
        self.overallScore = overallScore
        self.overallGradeText = overallGradeText
    }
}

/// One numbered issue row as read.
public struct ExtractedIssueRow: Sendable, Equatable {
    public var number: Int
    public var name: String
    /// The grade character as written (`F`, `В`), `nil` when the row has none.
    public var gradeText: String?
    public var score: Double?
    public var maxScore: Double?
    public var accomplished: String?
    public var gaps: String?

    public init(
        number: Int, name: String, gradeText: String?, score: Double?, maxScore: Double?, accomplished: String?,
        gaps: String?
    ) {
        self.number = number
        self.name = name
        self.gradeText = gradeText
        self.score = score
        self.maxScore = maxScore
        self.accomplished = accomplished
        self.gaps = gaps
    }
}

/// One extra-credit row as read.
public struct ExtractCreditRow: Sendable, Equatable {
    public var code: String
    public var name: String
    public var points: Double?
    public var description: String?

    public init(code: String, name: String, points: Double?, description: String?) {
        self.code = code
        self.name = name
        self.points = points
        self.description = description
    }
}

/// Stage 4 for report cards: the grade table of a card, however conversion scrambled it.
///
/// Rows are found by their issue numbers in sequence (`1.`, `2.`, ...) in a stream of words
/// that keeps table cells, wrapped text lines and HTML rows alike, so one reader serves every
/// input form. What stands before a row's number is a stray fragment; a number and name
/// repeated inside the row is a duplicated fragment; both are dropped with a warning.
public struct ReportCardExtractor: Sendable {
    public init() {}

    /// The extraction of a report card's blocks.
    public func extract(_ blocks: [Block]) -> Extraction {
        var extraction = Extraction(kind: .reportCard)
        guard let titleIndex = blocks.firstIndex(where: { $0.text.lowercased().contains("report card") }) else {
            extraction.warnings.append("no report card title found")
            return extraction
        }
        let title = ReportCardExtractor.splitYear(blocks[titleIndex].text)
        extraction.headline = title.framework
        extraction.dateText = title.year.map(String.init)
        extraction.stateText = blocks[..<titleIndex].last(where: { $0.cells == nil })?.text

        let overallIndex = blocks[titleIndex...].firstIndex { $0.text.lowercased().contains("overall grade") }
        let region = blocks[(titleIndex + 1)..<(overallIndex ?? blocks.endIndex)]
        let creditIndex = region.firstIndex { block in
            (block.cells ?? [block.text]).contains { $0.lowercased().hasPrefix("extra credit") }
        }
        var warnings: [String] = []
        let issues = IssueRowReader.read(region[..<(creditIndex ?? region.endIndex)], warnings: &warnings)
        let credits = creditIndex.map { ExtraCreditReader.read(region[$0...], warnings: &warnings) } ?? []
        var overallScore: Double?
        var overallGrade: String?
        if let overallIndex {
            (overallScore, overallGrade) = ReportCardExtractor.overall(blocks[overallIndex...])
        } else {
            warnings.append("no OVERALL GRADE found")
        }
        if issues.isEmpty { warnings.append("no numbered issue rows found") }
        extraction.reportCard = ExtractedReportCard(
            framework: title.framework, year: title.year, issues: issues, extraCredit: credits,
            overallScore: overallScore, overallGradeText: overallGrade
        )
        extraction.warnings += warnings
        return extraction
    }

    /// `2021 Report Card on ...` as year 2021 and framework `Report Card on ...`.
    static func splitYear(_ text: String) -> (framework: String, year: Int?) {
        var words = text.split(separator: " ")
        var year: Int?
        if let index = words.firstIndex(where: { word in
            let digits = word.trimming(where: { !$0.isNumber })
            return digits.count == 4 && Int(digits).map { (1900...2200).contains($0) } == true && word.count <= 6
        }) {
            year = Int(words[index].trimming(where: { !$0.isNumber }))
            words.remove(at: index)
        }
        let framework = words.joined(separator: " ").trimming(where: { $0 == " " || $0 == "-" || $0 == ":" || $0 == "," })
        return (String(framework), year)
    }

    /// The overall score and grade: on the `OVERALL GRADE` line or in the blocks after it,
    /// up to the next heading.
    static func overall(_ blocks: ArraySlice<Block>) -> (score: Double?, grade: String?) {
        var score: Double?
        var grade: String?
        for (offset, block) in blocks.prefix(8).enumerated() {
            if offset > 0, block.headingLevel != nil { break }
            var text = Substring(block.text)
            if offset == 0, let range = text.range(of: "overall grade", options: .caseInsensitive) {
                text = text[range.upperBound...]
            }
            for word in WordStream.words(text) {
                if score == nil, let number = WordStream.number(word) { score = number; continue }
                if grade == nil, GradeLetter.read(word) != nil { grade = String(word) }
            }
            if score != nil, grade != nil { break }
        }
        return (score, grade)
    }
}

/// Words of table text: cells, lines and rows flattened, `16/17.5` split into its numbers.
enum WordStream {
    struct Word {
        var text: Substring
        /// The first word of a block (a table row, a paragraph).
        var startsBlock: Bool
    }

    static func words(_ text: Substring) -> [Substring] {
        var result: [Substring] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if let slash = word.firstIndex(of: "/"), number(word[..<slash]) != nil, number(word[word.index(after: slash)...]) != nil {
                result.append(word[..<slash])
                result.append(word[word.index(after: slash)...])
            } else if word != "/" {
                result.append(word)
            }
        }
        return result
    }

    static func words(_ blocks: ArraySlice<Block>) -> [Word] {
        var result: [Word] = []
        for block in blocks {
            let text = block.cells.map { $0.filter { !$0.isEmpty }.joined(separator: " ") } ?? block.text
            for (index, word) in words(Substring(text)).enumerated() {
                result.append(Word(text: word, startsBlock: index == 0))
            }
        }
        return result
    }

    /// A decimal number (`16`, `17.5`), or `nil`.
    static func number(_ word: some StringProtocol) -> Double? {
        guard let first = word.first, first.isNumber, word.count <= 12 else { return nil }
        guard word.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), word.filter({ $0 == "." }).count <= 1,
            word.last != "."
        else { return nil }
        return Double(word)
    }

    /// `5.` as 5: a row number.
    static func rowNumber(_ word: Substring) -> Int? {
        guard word.count >= 2, word.last == ".", word.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(word.dropLast())
    }

    /// A word that starts a name: a capital letter first.
    static func isCapitalized(_ word: Substring) -> Bool {
        word.first.map { $0.isUppercase } ?? false
    }
}

/// Reads numbered issue rows from the words of the table region.
enum IssueRowReader {
    static func read(_ blocks: ArraySlice<Block>, warnings: inout [String]) -> [ExtractedIssueRow] {
        let words = WordStream.words(blocks)
        var starts: [(index: Int, number: Int)] = []
        var expected = 1
        for index in words.indices {
            guard let number = WordStream.rowNumber(words[index].text), number >= expected, number <= expected + 3,
                index + 1 < words.count, WordStream.isCapitalized(words[index + 1].text)
            else { continue }
            if number > expected {
                warnings.append("issue \(expected)\(number - 1 > expected ? "-\(number - 1)" : ""): no row found")
            }
            starts.append((index, number))
            expected = number + 1
        }
        guard let first = starts.first else { return [] }
        let leading = words[..<first.index].filter { !isHeaderWord($0.text) }
        if !leading.isEmpty {
            warnings.append("issue \(first.number): stray fragment \"\(leading.map(\.text).joined(separator: " "))\" dropped")
        }
        var rows: [ExtractedIssueRow] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].index : words.count
            let next = position + 1 < starts.count ? starts[position + 1].number : nil
            rows.append(readRow(number: start.number, words[(start.index + 1)..<end], nextNumber: next, warnings: &warnings))
        }
        return rows
    }

    private static let headerWords: Set<String> = ["issue", "issues", "grade", "score", "highlights", "points", "max"]

    private static func isHeaderWord(_ word: Substring) -> Bool {
        headerWords.contains(word.lowercased())
    }

    private static func readRow(
        number: Int, _ words: ArraySlice<WordStream.Word>, nextNumber: Int?, warnings: inout [String]
    ) -> ExtractedIssueRow {
        var name: [Substring] = []
        var index = words.startIndex
        // Name: up to the first grade letter or number; a repeat of the row number restarts it.
        while index < words.endIndex {
            let word = words[index].text
            if WordStream.rowNumber(word) == number {
                if !name.isEmpty {
                    warnings.append("issue \(number): duplicated fragment \"\(number). \(name.joined(separator: " "))\" dropped")
                }
                name = []
                index += 1
                continue
            }
            if WordStream.number(word) != nil || GradeLetter.read(word) != nil { break }
            name.append(word)
            index += 1
        }
        var grade: String?
        var numbers: [Double] = []
        while index < words.endIndex {
            let word = words[index].text
            if let value = WordStream.number(word), numbers.count < 2 {
                numbers.append(value)
            } else if grade == nil, GradeLetter.read(word) != nil {
                grade = String(word)
            } else if numbers.count == 2 || WordStream.isCapitalized(word) && word.count > 1 {
                break
            }
            index += 1
        }
        var highlight = Array(words[index...].map(\.text))
        // Fragments after the last sentence (stray numbers, tags' leftovers) belong to no row.
        if let lastSentence = highlight.lastIndex(where: { $0.hasSuffix(".") }), lastSentence < highlight.count - 1 {
            let tail = highlight[(lastSentence + 1)...]
            if tail.count <= 4, tail.allSatisfy({ WordStream.number($0) != nil || $0.count <= 3 }) {
                warnings.append("issue \(nextNumber ?? number): stray fragment \"\(tail.joined(separator: " "))\" dropped")
                highlight.removeSubrange((lastSentence + 1)...)
            }
        }
        if numbers.count < 2 {
            warnings.append("issue \(number): \(numbers.isEmpty ? "no score or maximum" : "no maximum score") found")
        }
        let parsed = Highlights.parse(highlight.joined(separator: " "))
        return ExtractedIssueRow(
            number: number, name: name.joined(separator: " "), gradeText: grade, score: numbers.first,
            maxScore: numbers.count > 1 ? numbers[1] : nil, accomplished: parsed.accomplished, gaps: parsed.gaps
        )
    }
}

/// Splits a highlights cell into what was accomplished and what gaps remain.
enum Highlights {
    /// `Policy goal(s) accomplished (in areas) related to X. Gap(s) remain(s) (in areas) related to Y.`
    static func parse(_ text: String) -> (accomplished: String?, gaps: String?) {
        let lower = text.lowercased()
        let accomplished = phrase(in: lower, lead: "policy goal", verb: "accomplished")
        let gaps = phrase(in: lower, lead: "gap", verb: "remain")
        func slice(_ start: String.Index?, until other: String.Index?) -> String? {
            guard let start else { return nil }
            var end = text.endIndex
            if let other, other > start { end = other }
            var value = text[start..<end].trimming(where: { $0 == " " })
            if value.hasSuffix(".") { value = value.dropLast() }
            value = value.trimming(where: { $0 == " " })
            return value.isEmpty ? nil : String(value)
        }
        return (
            slice(accomplished?.contentStart, until: gaps?.phraseStart),
            slice(gaps?.contentStart, until: accomplished?.phraseStart)
        )
    }

    /// Where `lead ... verb ... related to` starts and where its content starts.
    private static func phrase(in lower: String, lead: String, verb: String) -> (phraseStart: String.Index, contentStart: String.Index)? {
        var searchStart = lower.startIndex
        while let leadRange = lower.range(of: lead, range: searchStart..<lower.endIndex) {
            searchStart = leadRange.upperBound
            let window = lower[leadRange.upperBound...].prefix(60)
            guard let verbRange = window.range(of: verb) else { continue }
            let afterVerb = lower[verbRange.upperBound...].prefix(40)
            guard let related = afterVerb.range(of: "related to") else { continue }
            return (leadRange.lowerBound, related.upperBound)
        }
        return nil
    }
}

/// Reads extra-credit rows: a short code, its long name, points, and a description.
enum ExtraCreditReader {
    static func read(_ blocks: ArraySlice<Block>, warnings: inout [String]) -> [ExtractCreditRow] {
        var rows: [ExtractCreditRow] = []
        for block in blocks {
            if let cells = block.cells {
                var filled = cells.filter { !$0.isEmpty }
                if let first = filled.first, first.lowercased().hasPrefix("extra credit") {
                    let rest = first.dropFirst("extra credit".count).trimming(where: { $0 == " " || $0 == ":" })
                    filled[0] = String(rest)
                    if rest.isEmpty { filled.removeFirst() }
                }
                if let row = row(fromCells: filled, warnings: &warnings) { rows.append(row) }
            } else {
                var text = Substring(block.text)
                if text.lowercased().hasPrefix("extra credit") {
                    text = text.dropFirst("extra credit".count).trimming(where: { $0 == " " || $0 == ":" })
                }
                for chunk in splitRows(WordStream.words(text)) {
                    if let row = row(fromWords: chunk, warnings: &warnings) { rows.append(row) }
                }
            }
        }
        return rows
    }

    /// Cells: code, long name (one or more cells, the longest kept), points, description.
    private static func row(fromCells cells: [String], warnings: inout [String]) -> ExtractCreditRow? {
        guard let pointsIndex = cells.firstIndex(where: { WordStream.number($0) != nil }), pointsIndex >= 1 else {
            return cells.isEmpty ? nil : row(fromWords: ArraySlice(WordStream.words(Substring(cells.joined(separator: " ")))), warnings: &warnings)
        }
        let labels = cells[..<pointsIndex]
        let code = cleanCode(labels[labels.startIndex])
        let longest = labels.dropFirst().max(by: { $0.count < $1.count }) ?? labels[labels.startIndex]
        let description = cells[(pointsIndex + 1)...].joined(separator: " ")
        return ExtractCreditRow(
            code: code, name: name(longest, code: code), points: WordStream.number(cells[pointsIndex]),
            description: description.isEmpty ? nil : description
        )
    }

    /// Words: code, name words up to the points, description after them.
    private static func row(fromWords words: ArraySlice<Substring>, warnings: inout [String]) -> ExtractCreditRow? {
        guard let first = words.first else { return nil }
        guard let pointsIndex = words.dropFirst().firstIndex(where: { WordStream.number($0) != nil }) else {
            warnings.append("extra credit \"\(words.joined(separator: " "))\": no points found")
            return nil
        }
        let code = cleanCode(String(first))
        var label = words[words.startIndex..<pointsIndex].joined(separator: " ")
        // A doubled label (`18+) 18+) Youth`): keep the second, longer form.
        let marker = String(first) + " "
        if label.hasPrefix(marker + marker) { label = String(label.dropFirst(marker.count)) }
        let description = words[(pointsIndex + 1)...].joined(separator: " ")
        return ExtractCreditRow(
            code: code, name: name(label, code: code), points: WordStream.number(words[pointsIndex]),
            description: description.isEmpty ? nil : description
        )
    }

    /// Rows run together in one paragraph split where a sentence ends and a code follows.
    private static func splitRows(_ words: [Substring]) -> [ArraySlice<Substring>] {
        var chunks: [ArraySlice<Substring>] = []
        var start = 0
        for index in words.indices.dropFirst() where words[index - 1].hasSuffix(".") && looksLikeCode(words[index]) {
            chunks.append(words[start..<index])
            start = index
        }
        if start < words.count { chunks.append(words[start...]) }
        return chunks
    }

    private static func looksLikeCode(_ word: Substring) -> Bool {
        word.count <= 6 && word.contains(where: { $0.isUppercase || $0.isNumber })
            && word.allSatisfy { $0.isUppercase || $0.isNumber || "+)-".contains($0) }
    }

    private static func cleanCode(_ code: String) -> String {
        String(code.trimming(where: { $0 == ")" || $0 == " " || $0 == ":" || $0 == "." }))
    }

    /// The label's long form: a marker copy of the code (`18+) Youth`) loses its parenthesis;
    /// a code that abbreviates the words after it (`CLT Child Labor Trafficking`) is dropped.
    static func name(_ label: String, code: String) -> String {
        var words = label.split(separator: " ")
        guard let first = words.first else { return code }
        if cleanCode(String(first)) == code {
            let rest = words.dropFirst()
            let initials = String(rest.compactMap(\.first)).uppercased()
            if !rest.isEmpty, initials == code.uppercased() { return rest.joined(separator: " ") }
            words[0] = Substring(code)
        }
        return words.joined(separator: " ")
    }
}
