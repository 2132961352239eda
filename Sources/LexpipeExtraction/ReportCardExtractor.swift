import LexpipeIngest
import Foundation
public import LexpipeMarkup
public import LexpipeJurisdictions
import LexpipeRecord

/// A report card as read from the page, numbers parsed, grades still as written.
public struct ExtractedReportCard: Sendable, Equatable {
    /// The framework title without the state and year (`Report Card on Child & Youth Sex Trafficking`).
    public var framework: String
    /// The year printed in the title, `nil` when it has none.
    public var year: Int?
    /// The numbered issue rows, in number order.
    public var issues: [ExtractedIssueRow]
    /// The extra-credit rows, in card order.
    public var extraCredit: [ExtractedCreditRow]
    /// The score printed under `OVERALL GRADE`, `nil` when none was found.
    public var overallScore: Double?
    /// The overall grade as written, if the card shows one.
    public var overallGradeText: String?

    /// A card from its parts as read.
    public init(
        framework: String, year: Int?, issues: [ExtractedIssueRow], extraCredit: [ExtractedCreditRow],
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
    /// The issue number (`1` for `1. Criminal Provisions`).
    public var number: Int
    /// The issue name without its number.
    public var name: String
    /// The grade character as written (`F`, `В`), `nil` when the row has none.
    public var gradeText: String?
    /// Points earned, `nil` when the row shows none.
    public var score: Double?
    /// Points possible, `nil` when the row shows none.
    public var maxScore: Double?
    /// What follows "Policy goal(s) accomplished (in areas) related to", final period dropped.
    public var accomplished: String?
    /// What follows "Gap(s) remain(s) (in areas) related to", final period dropped.
    public var gaps: String?

    /// A row from its cells as read.
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
public struct ExtractedCreditRow: Sendable, Equatable {
    /// The short label (`18+`, `CLT`).
    public var code: String
    /// The label's long form (`18+ Youth`, `Child Labor Trafficking`).
    public var name: String
    /// Points earned, `nil` when the row shows none.
    public var points: Double?
    /// The row's text, `nil` when it has none.
    public var description: String?

    /// A row from its cells as read.
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
    /// A report card extractor; it holds no settings.
    public init() {}

    /// The extraction of a report card; `states` tells a line naming a state from any other,
    /// wherever it stands in the header (above or below the title, run into it, or only in the
    /// page's `<title>`).
    public func extract(_ document: CleanDocument, states: StateNames) -> Extraction {
        let blocks = document.blocks
        var extraction = Extraction(kind: .reportCard)
        guard let titleIndex = blocks.firstIndex(where: { ReportCardExtractor.isTitle($0.text) }) else {
            extraction.warnings.append(Diagnostic(.header, .document, "no report card title found"))
            return extraction
        }
        let header = CardHeader.read(blocks, titleIndex: titleIndex, pageTitle: document.pageTitle, states: states)
        let title = (framework: header.framework, year: header.year)
        extraction.headline = title.framework
        extraction.dateText = header.date ?? title.year.map(String.init)
        extraction.stateText = header.state
        extraction.warnings += header.warnings

        // An overall grade and score under the title with no label anywhere (a page's hero):
        // read there, the table after them.
        var bodyStart = header.bodyStart
        var unlabelled: (score: Double, grade: String)?
        if header.runOn == nil, !blocks[bodyStart...].contains(where: TableSection.isOverall),
            let found = ReportCardExtractor.unlabelledOverall(blocks[bodyStart...])
        {
            unlabelled = (found.score, found.grade)
            bodyStart += found.blocks
        }
        // A card retyped as a list (`* Criminal Provisions: A, 16.5/17.5`) is read as the
        // numbered rows its items stand for.
        let layout = ListItemRows.numbered(blocks[bodyStart...]).map { CardLayout($0[...]) } ?? CardLayout(blocks[bodyStart...])
        var warnings: [Diagnostic] = []
        var issues = IssueRowReader.read(layout.issueWords, starts: layout.issueRowStarts, warnings: &warnings)
        ReportCardExtractor.readHighlightsUnderNames(&issues, in: blocks[bodyStart...])
        let credits = layout.creditRows.map { ExtraCreditReader.read($0, warnings: &warnings) } ?? []
        var overallScore: Double?
        var overallGrade: String?
        // An overall label run into the title line (a title slide's `Overall Grade` under the
        // title): its values stand on the lines under the header (the grade's letter alone).
        let runOnOverall = header.runOn.map { runOn in
            ReportCardExtractor.overall(CollectionOfOne(Block(.paragraph, runOn)) + blocks[header.bodyStart...].prefix(7))
        }
        if let overall = layout.overall {
            (overallScore, overallGrade) = ReportCardExtractor.overall(overall)
            if overallScore == nil, let closing = layout.closingOverall {
                let read = ReportCardExtractor.overall(closing)
                overallScore = read.score
                overallGrade = overallGrade ?? read.grade
            }
            if let runOnOverall {
                overallScore = overallScore ?? runOnOverall.score
                overallGrade = overallGrade ?? runOnOverall.grade
            }
            if overallScore == nil { warnings.append(Diagnostic(.cardIncomplete, .overall, "no score found after OVERALL GRADE")) }
        } else if let runOnOverall {
            (overallScore, overallGrade) = runOnOverall
        } else if let unlabelled {
            (overallScore, overallGrade) = (unlabelled.score, unlabelled.grade)
        } else {
            warnings.append(Diagnostic(.cardIncomplete, .document, "no OVERALL GRADE found"))
        }
        // An overall grade set above the title (a box beside it that the layout read first).
        if overallGrade == nil, let label = blocks[..<titleIndex].lastIndex(where: TableSection.isOverall) {
            overallGrade = ReportCardExtractor.overall(blocks[label..<titleIndex]).grade
        }
        if issues.isEmpty { warnings.append(Diagnostic(.cardIncomplete, .document, "no numbered issue rows found")) }
        extraction.reportCard = ExtractedReportCard(
            framework: title.framework, year: title.year, issues: issues, extraCredit: credits,
            overallScore: overallScore, overallGradeText: overallGrade
        )
        extraction.warnings += warnings
        return extraction
    }

    /// Highlights set apart from the grade table under each issue's name (a README's
    /// `<details>` blocks: `1. Criminal Provisions` over `- Policy goals accomplished …`), when
    /// no row holds its own: the blocks after a block that names a row (its number aside), up to
    /// the next such block, a heading or a table row, are that row's highlights.
    static func readHighlightsUnderNames(_ issues: inout [ExtractedIssueRow], in blocks: ArraySlice<Block>) {
        guard issues.count >= 3, issues.allSatisfy({ $0.accomplished == nil && $0.gaps == nil }) else { return }
        func key(_ text: String) -> String {
            var text = Substring(text).drop { $0 == " " }
            let digits = text.prefix { $0.isNumber }
            if !digits.isEmpty, let next = text.dropFirst(digits.count).first, next == "." || next == ")" || next == " " {
                text = text.dropFirst(digits.count + 1)
            }
            return text.trimming(where: { $0 == " " || $0 == ":" }).lowercased()
        }
        var names: [String: Int] = [:]
        for index in issues.indices where names[issues[index].name.lowercased()] == nil { names[issues[index].name.lowercased()] = index }
        var current: Int?
        var texts: [String] = []
        var found: [Int: String] = [:]
        func close() {
            if let current, !texts.isEmpty, found[current] == nil { found[current] = texts.joined(separator: " ") }
            current = nil
            texts = []
        }
        for block in blocks {
            if block.cells != nil || block.headingLevel != nil {
                close()
                continue
            }
            if block.text.utf8.count <= 120, let index = names[key(block.text)] {
                close()
                current = index
                continue
            }
            if current != nil { texts.append(block.text) }
        }
        close()
        for (index, text) in found {
            let parsed = Highlights.parse(WordStream.split(text[...], atTabs: false))
            guard parsed.accomplished != nil || parsed.gaps != nil else { continue }
            issues[index].accomplished = parsed.accomplished
            issues[index].gaps = parsed.gaps
        }
    }

    /// Whether the blocks hold a report card: a card's title and, after it, a grade table of at
    /// least three issue rows with scores (and their maximums). A press release or news story about the cards names
    /// them and gives grades and scores in sentences, but has no such table.
    public static func hasGradeTable(_ blocks: [Block]) -> Bool {
        guard let titleIndex = blocks.firstIndex(where: { isTitle($0.text) }) else { return false }
        // Most cards number their rows in reading order: the first rows decide. Tables whose
        // columns need arranging (unnumbered issues, the grade before the issue) are laid out.
        if IssueRowReader.hasScoredRows(blocks[(titleIndex + 1)...], atLeast: 3) { return true }
        let layout = CardLayout(blocks[(titleIndex + 1)...])
        if IssueRowReader.scoredRowCount(layout.issueWords, starts: layout.issueRowStarts) >= 3 { return true }
        // A card retyped as a list: an item per issue, its name, grade and score.
        return ListItemRows.hasRows(blocks[(titleIndex + 1)...])
    }

    /// The block's text; a table row's filled cells joined by spaces (a title or a state a
    /// conversion put in a row of the table).
    static func plainText(_ block: Block) -> String {
        guard let cells = block.cells else { return block.text }
        return cells.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Whether the text says `report card` or `Protected Innocence Challenge` in any case: the
    /// card's title.
    static func isTitle(_ text: String) -> Bool {
        says(text, "report card") || says(text, "protected innocence challenge")
    }

    /// Whether the text holds the phrase (lower-case ASCII) in any case.
    static func says(_ text: String, _ phrase: StaticString) -> Bool {
        // No non-ASCII character lower-cases or compares equal to a letter of the phrase, so
        // without its ASCII bytes the text cannot hold it; outside ASCII, lower-casing and
        // Foundation's search decide as they always have.
        guard ASCIIText.contains(text, phrase) else { return false }
        return text.utf8.allSatisfy { $0 < 0x80 } || text.lowercased().contains(phrase.description)
    }

    /// A title in capitals written in title case: each word capitalized, the short words of a
    /// title (`on`, `of`, `and`, `the`) in lower case after the first.
    static func titleCased(_ text: String) -> String {
        let minor: Set<String> = ["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"]
        return text.split(separator: " ").enumerated().map { index, word in
            let lower = word.lowercased()
            if index > 0, minor.contains(lower) { return lower }
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }.joined(separator: " ")
    }

    /// The name of Shared Hope's framework before 2019, graded on other areas than today's.
    static let protectedInnocenceChallenge = "Protected Innocence Challenge"
    /// The frameworks' names as their cards write them.
    static let frameworks = ["Report Card on Child & Youth Sex Trafficking", protectedInnocenceChallenge]

    /// `2021 Report Card on ...` as year 2021 and framework `Report Card on ...`; words before
    /// `Report Card` other than the year and an article (`TEXAS 2022 Report Card on ...`) name
    /// the state, ahead of the block above the title.
    static func splitTitle(_ text: String) -> (framework: String, year: Int?, state: String?) {
        var words = WordStream.split(text[...], atTabs: false)
        var year: Int?
        if let index = words.firstIndex(where: { word in
            // `Int` reads ASCII digits alone: a word without one is no year.
            guard word.utf8.contains(where: WordStream.isDigit) else { return false }
            let digits = word.trimming(where: { !$0.isNumber })
            return digits.count == 4 && Int(digits).map { (1900...2200).contains($0) } == true && word.count <= 6
        }) {
            year = Int(words[index].trimming(where: { !$0.isNumber }))
            words.remove(at: index)
        }
        var state: String?
        if says(text, "protected innocence challenge") {
            // `Protected Innocence Challenge 2017 Report Card: Texas`, `TEXAS Protected Innocence
            // Challenge`: the words that are neither the framework's nor a report card's name the state.
            let framework = ["protected", "innocence", "challenge"]
            let plain = words.map { $0.trimming(where: { !$0.isLetter }).lowercased() }
            if let start = plain.indices.first(where: { plain[$0...].starts(with: framework) }) {
                let minor: Set<String> = ["the", "a", "an", "of", "for"]
                func isNamed(_ index: Int) -> Bool {
                    !(start..<(start + 3)).contains(index) && !plain[index].isEmpty
                        && !["report", "card", "cards", "state"].contains(plain[index]) && !minor.contains(plain[index])
                }
                // A short word joins the state's own words (`District of Columbia`), and no other.
                let named = words.indices.filter { index in
                    isNamed(index) || minor.contains(plain[index]) && index > 0 && index + 1 < words.count
                        && isNamed(index - 1) && isNamed(index + 1)
                }
                let rest = named.map { String(words[$0]) }.joined(separator: " ").trimming(where: { !$0.isLetter })
                if !rest.isEmpty { state = String(rest) }
            }
            return (protectedInnocenceChallenge, year, state)
        }
        if let start = words.indices.first(where: { index in
            index + 1 < words.count && words[index].lowercased() == "report"
                && words[index + 1].lowercased().trimming(where: { !$0.isLetter }) == "card"
        }), start > 0 {
            let named = words[..<start].drop { ["the", "a", "an"].contains($0.lowercased()) }
            let before = WordStream.joined(named).trimming(where: { !$0.isLetter })
            if !before.isEmpty { state = String(before) }
            words.removeSubrange(..<start)
        }
        var framework = WordStream.joined(words[...]).trimming(where: { $0.isAny(of: " -:,|") })
        // `Report Card on ... Trafficking - Texas`, `... Trafficking: New Mexico`: a short run of
        // capitalized words after the last separator names the state, not the framework.
        for separator: StaticString in [" - ", " – ", " — ", ": ", " | "] {
            // Most titles hold no separator: their bytes say so before a search by `Character`s
            // (no character of a separator has another canonical form, and none has a case).
            guard ASCIIText.contains(framework, separator), let cut = framework.ranges(of: separator.description).last
            else { continue }
            let tail = framework[cut.upperBound...].split(separator: " ")
            if (1...4).contains(tail.count), tail.allSatisfy({ $0.first?.isUppercase == true }),
                says(String(framework[..<cut.lowerBound]), "report card")
            {
                state = state ?? tail.joined(separator: " ")
                framework = framework[..<cut.lowerBound]
                break
            }
        }
        return (String(framework), year, state)
    }

    /// The overall score and grade: after `OVERALL GRADE` on its line, then in the blocks that
    /// hold nothing but a score or a letter (`68`, `D`, `68/100`). The first block of prose ends
    /// the search, so a capital `A` or a number in the text after the card is never read.
    static func overall(_ blocks: some Collection<Block>) -> (score: Double?, grade: String?) {
        var score: Double?
        var grade: String?
        func take(_ token: Substring) {
            if let number = WordStream.number(token) {
                if score == nil { score = number }
            } else if grade == nil, GradeLetter.read(token) != nil {
                grade = String(token)
            }
        }
        for (offset, block) in blocks.prefix(8).enumerated() {
            // Leader dots between the label and its values (`OVERALL GRADE ........ C 74`) are no word.
            let tokens = WordStream.words(Substring(block.text)).map(overallToken).filter {
                !$0.isEmpty && !IssueRowReader.isLeader($0)
            }
            if offset == 0 {
                // The words after the heading itself, up to the first that is no score or letter.
                let start = TableSection.overall.end(in: tokens) ?? 0
                for token in tokens[start...] {
                    guard isOverallValue(token) else { return (score, grade) }
                    take(token)
                }
            } else {
                guard tokens.allSatisfy(isOverallValue) else { break }
                tokens.forEach(take)
            }
            if score != nil, grade != nil { break }
        }
        return (score, grade)
    }

    /// A card that labels no overall grade anywhere may set it under its title, apart from
    /// the table: the blocks right after the header that hold nothing but a grade letter and a
    /// score (`C`, `77.5 of 100`), both of them; `nil` otherwise.
    static func unlabelledOverall(_ blocks: ArraySlice<Block>) -> (score: Double, grade: String, blocks: Int)? {
        var score: Double?
        var grade: String?
        var count = 0
        for block in blocks.prefix(4) {
            guard block.cells == nil else { break }
            let tokens = WordStream.words(Substring(block.text)).map(overallToken).filter { !$0.isEmpty }
            guard !tokens.isEmpty, tokens.allSatisfy(isOverallValue) else { break }
            count += 1
            for token in tokens {
                if let number = WordStream.number(token) {
                    if score == nil { score = number }
                } else if grade == nil, GradeLetter.read(token) != nil {
                    grade = String(token)
                }
            }
        }
        guard let score, let grade else { return nil }
        return (score, grade, count)
    }

    /// How many blocks after an overall label hold nothing but its score and grade (`D`, `68`).
    static func overallValueBlocks(_ blocks: ArraySlice<Block>) -> Int {
        blocks.dropFirst().prefix(7).prefix { block in
            let tokens = WordStream.words(Substring(block.text)).map(overallToken).filter { !$0.isEmpty }
            return !tokens.isEmpty && tokens.allSatisfy(isOverallValue)
        }.count
    }

    private static let overallFillers: Set<String> = [
        "score", "points", "pts", "out", "of", "total", "grade", "overall", "final", "/",
    ]

    /// A word with the punctuation around it removed (`(68)` is `68`, `GRADE:` is `GRADE`).
    private static func overallToken(_ word: Substring) -> Substring {
        word.trimming(where: { $0.isAny(of: "()[]:,;*") })
    }

    /// A score, a grade letter, or a word that labels them (`points`, `out of`), the score's
    /// share (`84%`) or a dash between them.
    private static func isOverallValue(_ token: Substring) -> Bool {
        WordStream.number(token) != nil || GradeLetter.read(token) != nil || overallFillers.contains(token.lowercased())
            || GradeTable.isPercentage(token) || token == "—" || token == "–" || token == "-" || token == "·" || token == "+"
    }
}

/// The headings that divide a card below its issue rows.
enum TableSection: CaseIterable {
    case extraCredit
    /// `OVERALL GRADE`, also `Overall Score`, `Final Grade`, `Total Score`.
    case overall

    /// The heading's first words, one of which it starts with, in lower-case ASCII.
    private var firstWords: [StaticString] {
        switch self {
        case .extraCredit: ["extra"]
        case .overall: ["overall", "final", "total"]
        }
    }

    /// The heading's second words.
    private var secondWords: Set<String> {
        switch self {
        case .extraCredit: TableSection.creditSecondWords
        case .overall: TableSection.overallSecondWords
        }
    }

    private static let creditSecondWords: Set<String> = ["credit"]
    private static let overallSecondWords: Set<String> = ["grade", "score"]

    /// Whether the block gives the overall grade: it starts with the heading, or it is a table
    /// row whose first cell is `Overall` or `Total` alone.
    static func isOverall(_ block: Block) -> Bool {
        holdsHeadingWord(block) && isOverall(block, headsOverall: overall.heads(block))
    }

    /// `isOverall(block)`, told whether the block heads the overall grade.
    private static func isOverall(_ block: Block, headsOverall: Bool) -> Bool {
        guard headsOverall || overallLabel(opens: block) else { return false }
        // A header row may name a column `Total Score`: it heads the table, not the overall grade.
        if let cells = block.cells, GradeTable.headerColumns(cells) != nil { return false }
        return true
    }

    /// Whether the block is a table row whose first filled cell is `Overall` or `Total` alone.
    private static func overallLabel(opens block: Block) -> Bool {
        guard let first = block.cells?.first(where: { !$0.isEmpty }) else { return false }
        // No character but the ASCII letters themselves lower-cases to a letter of these words.
        guard ASCIIText.contains(first, "overall") || ASCIIText.contains(first, "total") else { return false }
        let label = first.trimming(where: { !$0.isLetter }).lowercased()
        return label == "overall" || label == "total"
    }

    /// The sections a block of a card's body opens, each found once for the body by `separate`.
    struct Openings: OptionSet {
        let rawValue: UInt8

        init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        /// The block heads the extra credit (`TableSection.extraCredit.heads`).
        static let extraCredit = Openings(rawValue: 1 << 0)
        /// The block gives the overall grade (`TableSection.isOverall`).
        static let overall = Openings(rawValue: 1 << 1)

        /// The sections `block` opens.
        init(_ block: Block) {
            self = []
            guard TableSection.holdsHeadingWord(block) else { return }
            if TableSection.extraCredit.heads(block) { insert(.extraCredit) }
            if TableSection.isOverall(block, headsOverall: TableSection.overall.heads(block)) { insert(.overall) }
        }
    }

    /// Whether the block is, or starts with, this heading (in any cell of a table row).
    func heads(_ block: Block) -> Bool {
        if let cells = block.cells {
            return cells.contains { opens(Substring($0)) }
        }
        return opens(Substring(block.text))
    }

    /// Whether the first two words of the text are the heading, or its first word alone with a
    /// colon before a score (`Overall: 84 points`).
    private func opens(_ text: Substring) -> Bool {
        // The heading's first word is written in ASCII letters, whatever their case.
        guard firstWords.contains(where: { ASCIIText.contains(text, $0) }) else { return false }
        var words = WordStream.words(text, limit: 3)
        // A heading's marks (`==`, `##`) before its words are none of them.
        if let first = words.first, first.allSatisfy({ $0 == "=" || $0 == "#" }) { words.removeFirst() }
        guard words.count >= 2 else { return false }
        if self == .overall, words[0].hasSuffix(":"), WordStream.number(words[1]) != nil {
            return firstWords.contains { $0.description == words[0].dropLast().lowercased() }
        }
        // The words going on in a sentence (`Extra credit for protections extended beyond …`,
        // a slide's explanation of the scoring) are prose, no heading.
        if self == .extraCredit, words.count == 3, !words[1].hasSuffix(":"), TableSection.sentenceGoesOn.contains(String(words[2])) {
            return false
        }
        return matches(words[0], words[1])
    }

    /// Words that carry a sentence on after its first two: never a credit's code or name.
    private static let sentenceGoesOn: Set<String> = ["for", "is", "are", "was", "were", "may", "can", "will", "of", "in", "to", "points"]

    /// Where the heading's first word stands among `words`.
    func start(in words: [Substring]) -> Int? {
        guard words.count >= 2 else { return nil }
        return (0..<(words.count - 1)).first { matches(words[$0], words[$0 + 1]) }
    }

    /// The index after the heading's last word.
    func end(in words: [Substring]) -> Int? {
        start(in: words).map { $0 + 2 }
    }

    private func matches(_ first: Substring, _ second: Substring) -> Bool {
        // The heading's first word is written in ASCII letters, whatever their case.
        guard firstWords.contains(where: { ASCIIText.contains(first, $0) }) else { return false }
        let head = TableSection.letters(of: first)
        return firstWords.contains { $0.description == head } && secondWords.contains(TableSection.letters(of: second))
    }

    /// The word from its first letter to its last, in lower case (`Grade:` gives `grade`).
    static func letters(of word: Substring) -> String {
        word.trimming(where: { !$0.isLetter }).lowercased()
    }

    /// Every section's first words.
    private static let headingWords = ByteScan.Words(["extra", "overall", "final", "total"])

    /// Whether the block (any cell of a row) holds a section heading's first word: each
    /// heading, and a row's `Overall` or `Total` label, holds one, so a block without any heads
    /// no section.
    private static func holdsHeadingWord(_ block: Block) -> Bool {
        // A row's text is its cells joined by tabs (`Block.row`), and no heading word holds a
        // tab: the row is searched in one pass, not cell by cell.
        holdsHeadingWord(block.text)
    }

    /// Whether the text holds a section heading's first word anywhere, in any ASCII case (the
    /// words are written in ASCII letters, whatever their case), found in one pass.
    private static func holdsHeadingWord(_ text: String) -> Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { ByteScan.firstWord(headingWords, in: bytes, from: 0) < bytes.count }
        return text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
    }

    /// The blocks with every paragraph that holds a section heading after its first word split
    /// there, so each heading starts a block, and the sections each block opens. Table rows stay
    /// whole: their cells keep the heading.
    static func separate(_ blocks: ArraySlice<Block>) -> (blocks: [Block], openings: [Openings]) {
        var result: [Block] = []
        var openings: [Openings] = []
        result.reserveCapacity(blocks.count)
        openings.reserveCapacity(blocks.count)
        for block in blocks {
            guard block.cells == nil else {
                result.append(block)
                openings.append(Openings(block))
                continue
            }
            // A paragraph without a heading's first word opens no section.
            guard holdsHeadingWord(block.text) else {
                result.append(block)
                openings.append([])
                continue
            }
            let words = WordStream.split(block.text[...], atTabs: false)
            var cuts: [Int] = []
            var index = 1
            while index + 1 < words.count {
                // Inside running text only the printed capitals count (`EXTRA CREDIT`, `Overall Grade`).
                let capitalized = WordStream.isCapitalized(words[index]) && WordStream.isCapitalized(words[index + 1])
                // A heading's marks (`== Extra Credit`) are not a block of their own.
                let marksOnly = index == 1 && words[0].allSatisfy { $0 == "=" || $0 == "#" }
                if capitalized, !marksOnly, TableSection.extraCredit.matches(words[index], words[index + 1])
                    || TableSection.overall.matches(words[index], words[index + 1])
                {
                    cuts.append(index)
                    index += 2
                } else {
                    index += 1
                }
            }
            guard !cuts.isEmpty else {
                result.append(block)
                openings.append(Openings(block))
                continue
            }
            var start = 0
            for cut in cuts + [words.count] {
                let text = WordStream.joined(words[start..<cut])
                result.append(Block(start == 0 ? block.kind : .paragraph, text))
                openings.append(Openings(result[result.count - 1]))
                start = cut
            }
        }
        return (result, openings)
    }
}

/// Words of table text: cells, lines and rows flattened, `16/17.5` split into its numbers.
enum WordStream {
    /// The words of a text; a word of numbers joined by slashes (`16/17.5`, `16/`) gives its
    /// numbers, a lone `/` is dropped.
    static func words(_ text: Substring) -> [Substring] {
        var result: [Substring] = []
        result.reserveCapacity(estimatedWords(text))
        forEachWord(of: text, atTabs: true) { word, isPlain in
            if isPlain { result.append(word) } else { append(word, to: &result) }
            return true
        }
        return result
    }

    /// The text split at spaces (and tabs, if `atTabs`), empty pieces left out, as
    /// `split(whereSeparator:)` splits it; at most `limit` pieces, read no further than they go.
    static func split(_ text: Substring, atTabs: Bool, limit: Int = .max) -> [Substring] {
        var words: [Substring] = []
        guard limit > 0 else { return words }
        words.reserveCapacity(min(limit, estimatedWords(text)))
        forEachWord(of: text, atTabs: atTabs) { word, _ in
            words.append(word)
            return words.count < limit
        }
        return words
    }

    /// Room for the words of a text, reserved at once rather than grown word by word: a word
    /// and its space take four bytes or more, mostly.
    private static func estimatedWords(_ text: Substring) -> Int {
        text.utf8.count / 4 + 1
    }

    /// How many words `split` gives (at most `limit`), without making them: a text is often
    /// split only to be counted.
    static func count(_ text: Substring, atTabs: Bool, limit: Int = .max) -> Int {
        var count = 0
        guard limit > 0 else { return count }
        forEachPiece(of: text, atTabs: atTabs) { _ in
            count += 1
            return count < limit
        }
        return count
    }

    /// A piece of text between spaces, by its bytes. It is plain when `append(_:to:)` would add
    /// it as it stands: it holds no `/`, it is no lone `|`, it holds a byte that is none of a
    /// number's, as OCR may misread them (a digit, `l`, `I`, `O`, `o`, `.`), and it opens with
    /// no digit (a number may run into the word after it).
    private struct Piece {
        var bytes: Range<Int>
        var isPlain: Bool

        /// The piece at `range`, holding a `/` or not, and a byte outside a number's or not.
        init(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, slash: Bool, other: Bool) {
            bytes = range
            let first = text[range.lowerBound]
            let lonePipe = range.count == 1 && first == UInt8(ascii: "|")
            isPlain = !slash && other && !lonePipe && !WordStream.isDigit(first)
        }
    }

    /// Calls `body` with each piece `split` cuts the text into, as a substring, and whether it
    /// is plain, in order, until it returns `false`: each is cut as it is found, with no list of
    /// the pieces made first.
    private static func forEachWord(of text: Substring, atTabs: Bool, _ body: (Substring, Bool) -> Bool) {
        let utf8 = text.utf8
        var position = utf8.startIndex
        var offset = 0
        forEachPiece(of: text, atTabs: atTabs) { piece in
            let start = utf8.index(position, offsetBy: piece.bytes.lowerBound - offset)
            let end = utf8.index(start, offsetBy: piece.bytes.count)
            position = end
            offset = piece.bytes.upperBound
            return body(text[start..<end], piece.isPlain)
        }
    }

    /// Calls `body` with each piece `split` cuts the text into, in order, until it returns
    /// `false`: the text is read no further than the pieces asked for.
    /// By bytes: a space separates only where it is a `Character` of its own (no combining mark
    /// after it, no prepending mark before it), as the `Character` split decides.
    private static func forEachPiece(of text: Substring, atTabs: Bool, _ body: (Piece) -> Bool) {
        var contiguous = text
        contiguous.withUTF8 { bytes in
            var start = -1
            var slash = false
            var other = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // A tab, a control, is a character of its own whatever stands beside it.
                if atTabs && byte == 0x09 || byte == 0x20 && ASCIICharacterBoundary.standsAlone(at: index, in: bytes) {
                    if start >= 0, !body(Piece(start..<index, in: bytes, slash: slash, other: other)) { return }
                    start = -1
                } else {
                    if start < 0 {
                        start = index
                        slash = false
                        other = false
                    }
                    if byte == UInt8(ascii: "/") {
                        slash = true
                    } else if !other {
                        switch byte {
                        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "l"), UInt8(ascii: "I"), UInt8(ascii: "O"),
                            UInt8(ascii: "o"), UInt8(ascii: "."):
                            break
                        default: other = true
                        }
                    }
                }
                index += 1
            }
            if start >= 0 { _ = body(Piece(start..<index, in: bytes, slash: slash, other: other)) }
        }
    }

    /// A word of a text as `scanWords` meets it.
    enum ScannedWord {
        /// A word that holds a byte none of a number's, so neither a number nor a row number,
        /// by its bytes in the text (`cut(_:bytes:)` gives its text).
        case plain(Range<Int>)
        /// Any other word: a number, a row number, or a word a number's bytes could spell.
        case other(Substring)
    }

    /// Calls `body` with each word of `words(text)`, in order, until it returns `false`; the
    /// text is read no further than that, and a plain word is not cut from it.
    static func scanWords(_ text: Substring, _ body: (ScannedWord) -> Bool) {
        var read: [Substring] = []
        forEachPiece(of: text, atTabs: true) { piece in
            if piece.isPlain { return body(.plain(piece.bytes)) }
            read.removeAll(keepingCapacity: true)
            append(cut(text, bytes: piece.bytes), to: &read)
            return read.allSatisfy { body(.other($0)) }
        }
    }

    /// The text's bytes at `bytes` (offsets from its start) as a substring.
    static func cut(_ text: Substring, bytes: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        return text[start..<utf8.index(start, offsetBy: bytes.count)]
    }

    /// The words with a space between each two: `joined(separator: " ")`, their bytes copied
    /// once into storage of the final size.
    static func joined(_ words: ArraySlice<Substring>) -> String {
        guard !words.isEmpty else { return "" }
        let count = words.reduce(words.count - 1) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = 0
            for (offset, word) in words.enumerated() {
                if offset > 0 {
                    buffer[at] = UInt8(ascii: " ")
                    at += 1
                }
                let utf8 = word.utf8
                if let copied = utf8.withContiguousStorageIfAvailable({ bytes in
                    UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: bytes)
                }) {
                    at += copied
                } else {
                    for byte in utf8 {
                        buffer[at] = byte
                        at += 1
                    }
                }
            }
            return at
        }
    }

    /// The first `limit` words of `words(text)`, reading no further into the text than they go.
    static func words(_ text: Substring, limit: Int) -> [Substring] {
        var result: [Substring] = []
        guard limit > 0 else { return result }
        // The first `limit` pieces: each gives a word or more, or none (a lone `|`).
        var pieces = 0
        forEachWord(of: text, atTabs: true) { word, isPlain in
            pieces += 1
            if result.count < limit {
                if isPlain { result.append(word) } else { append(word, to: &result) }
            }
            return pieces < limit
        }
        return result.count > limit ? Array(result.prefix(limit)) : result
    }

    /// Appends a word, or the numbers of a word of numbers joined by slashes. A lone `|` (a
    /// table's rule, as OCR reads it) is no word.
    private static func append(_ word: Substring, to result: inout [Substring]) {
        if word.utf8.count == 1, word.utf8.first == UInt8(ascii: "|") { return }
        if let read = ocrNumbers(word) {
            result += read
            return
        }
        if let cut = numberRunIntoWord(word) {
            result.append(word[..<cut])
            append(word[cut...], to: &result)
            return
        }
        if hasSlash(word) {
            let parts = word.split(separator: "/")
            if parts.allSatisfy({ number($0) != nil }) {
                result += parts
                return
            }
            // A grade letter run into its score (`B14/17.5`, the cells of a web page's spans
            // without a space between them): the letter, then the numbers.
            if let letter = parts.first?.first, GradeLetter.read(String(letter)) != nil,
                number(parts[0].dropFirst()) != nil, parts.dropFirst().allSatisfy({ number($0) != nil })
            {
                result.append(parts[0].prefix(1))
                result.append(parts[0].dropFirst())
                result += parts.dropFirst()
                return
            }
        }
        result.append(word)
    }

    /// Where the word after a number starts in a word of both run together (`27.5Policy`: a
    /// score column wider than its gap, the highlights' first word set against it): a number
    /// followed by a capital and a lower-case letter; `nil` for any other word (`3D`, `2nd`,
    /// `18+`, `1990s`).
    static func numberRunIntoWord(_ word: Substring) -> Substring.Index? {
        let utf8 = word.utf8
        guard let first = utf8.first, isDigit(first) else { return nil }
        var index = utf8.startIndex
        var periods = 0
        while index < utf8.endIndex, isDigit(utf8[index]) || utf8[index] == UInt8(ascii: ".") {
            if utf8[index] == UInt8(ascii: ".") { periods += 1 }
            index = utf8.index(after: index)
        }
        guard periods <= 1, utf8[utf8.index(before: index)] != UInt8(ascii: "."), index < utf8.endIndex,
            case let capital = utf8[index], capital >= UInt8(ascii: "A"), capital <= UInt8(ascii: "Z"),
            case let next = utf8.index(after: index), next < utf8.endIndex,
            utf8[next] >= UInt8(ascii: "a"), utf8[next] <= UInt8(ascii: "z")
        else { return nil }
        return index
    }

    /// A number or numbers joined by slashes as OCR misreads their digits, `l` or `I` for `1`
    /// and `O` or `o` for `0` (`l4.5/l7.5`, `1O/15`): the numbers, or `nil` for any other word.
    /// Every number keeps a digit of its own, so a word of letters is never read as one.
    static func ocrNumbers(_ word: Substring) -> [Substring]? {
        var digits = false
        var misread = false
        for byte in word.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits = true
            case UInt8(ascii: "l"), UInt8(ascii: "I"), UInt8(ascii: "O"), UInt8(ascii: "o"): misread = true
            case UInt8(ascii: "."), UInt8(ascii: "/"): break
            default: return nil
            }
        }
        guard digits, misread, word.utf8.count <= 24 else { return nil }
        var numbers: [Substring] = []
        for part in word.split(separator: "/") {
            guard part.utf8.contains(where: isDigit) else { return nil }
            let read = String(part.map { $0.isAny(of: "lI") ? "1" : $0.isAny(of: "Oo") ? "0" : $0 })
            guard number(read) != nil else { return nil }
            numbers.append(Substring(read))
        }
        return numbers.isEmpty ? nil : numbers
    }

    /// The words of blocks in order, a table row's empty cells skipped.
    static func words(_ blocks: ArraySlice<Block>) -> [Substring] {
        var result: [Substring] = []
        for block in blocks {
            if let cells = block.cells {
                append(row: cells, words: cells.map { words($0[...]) }, to: &result)
            } else {
                result += words(block.text[...])
            }
        }
        return result
    }

    /// Appends the words of a table row's filled cells, read as if joined by spaces, given the
    /// words of each cell.
    static func append(row cells: [String], words cellWords: [[Substring]], to result: inout [Substring]) {
        // The cells' own words, where every filled cell opens and ends in ASCII (a combining
        // mark after the joining space, or a prepending one before it, would join it into a
        // character, and the words beside it into one).
        if cells.allSatisfy({ $0.isEmpty || $0.utf8.first! < 0x80 && $0.utf8.last! < 0x80 }) {
            for words in cellWords { result += words }
        } else {
            result += words(Substring(cells.filter { !$0.isEmpty }.joined(separator: " ")))
        }
    }

    /// Whether Foundation finds `/` in the word; an ASCII word holds it exactly when it holds its byte.
    private static func hasSlash(_ word: Substring) -> Bool {
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> (slash: Bool, ascii: Bool) in
            var slash = false
            var high: UInt8 = 0
            for byte in bytes {
                slash = slash || byte == UInt8(ascii: "/")
                high |= byte
            }
            return (slash, high < 0x80)
        }
        let (slash, ascii) = word.utf8.withContiguousStorageIfAvailable(scan) ?? Array(word.utf8).withUnsafeBufferPointer(scan)
        guard slash else { return false }
        return ascii || word.contains("/")
    }

    /// A decimal number (`16`, `17.5`), or `nil`.
    /// Read by bytes: a word of ASCII digits and periods alone has a character per byte.
    static func number(_ word: some StringProtocol) -> Double? {
        var count = 0
        var periods = 0
        var last: UInt8 = 0
        var digits: UInt64 = 0
        var decimals = 0
        for byte in word.utf8 {
            if byte == UInt8(ascii: ".") {
                periods += 1
            } else if isDigit(byte) {
                digits = digits * 10 + UInt64(byte - UInt8(ascii: "0"))
                if periods > 0 { decimals += 1 }
            } else {
                return nil
            }
            count += 1
            if count > 12 { return nil }
            last = byte
        }
        guard count > 0, periods <= 1, let first = word.utf8.first, isDigit(first), last != UInt8(ascii: ".") else { return nil }
        // At most eleven digits: as an integer they are exact in a Double, and so is a power of
        // ten up to 10^22, so the one rounding of the division gives the nearest Double to the
        // number, the value `Double(word)` reads.
        return Double(digits) / powersOfTen[decimals]
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12]

    /// A web address (`reportcards.sharedhope.org`, `https://…`): no space, a period inside
    /// between letters, none at its end.
    static func isWebAddress(_ word: Substring) -> Bool {
        if word.hasPrefix("http://") || word.hasPrefix("https://") || word.hasPrefix("www.") { return true }
        guard word.utf8.count >= 5, word.last?.isLetter == true, let dot = word.firstIndex(of: "."), dot > word.startIndex,
            word[word.index(after: dot)...].first?.isLetter == true
        else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || $0.isAny(of: "./-") } && word.contains(where: \.isLowercase)
            && !word.dropFirst().contains(where: \.isUppercase)
    }

    /// `5.` as 5: a row number.
    static func rowNumber(_ word: Substring) -> Int? {
        // In place where the word is contiguous (a native string): most words are ruled out by
        // their first byte, read without stepping through the view.
        if let read = word.utf8.withContiguousStorageIfAvailable(rowNumber(bytes:)) { return read }
        let utf8 = word.utf8
        // Most words open with a letter: the first byte rules them out.
        guard let first = utf8.first, isDigit(first), utf8.count >= 2, utf8.last == UInt8(ascii: "."),
            utf8.dropLast().allSatisfy(isDigit)
        else { return nil }
        return Int(word.dropLast())
    }

    /// `rowNumber` of a word's bytes: digits and a period. Eighteen digits at most, which no
    /// `Int` overflows; a longer word is no row number anyway, but is read as `Int` reads it.
    private static func rowNumber(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 2, isDigit(bytes[0]), bytes[bytes.count - 1] == UInt8(ascii: ".") else { return nil }
        guard bytes.count <= 19 else {
            return bytes.dropLast().allSatisfy(isDigit) ? Int(String(decoding: bytes.dropLast(), as: UTF8.self)) : nil
        }
        var value = 0
        for byte in bytes.dropLast() {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// A word that starts a name: a capital letter first. An ASCII byte followed by another (or
    /// by nothing) is a character of its own, whose case is its byte's.
    static func isCapitalized(_ word: Substring) -> Bool {
        var bytes = word.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first < 0x80, bytes.next().map({ $0 < 0x80 }) ?? true {
            return first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
        }
        return word.first!.isUppercase
    }
}

/// Reads numbered issue rows from the words of the table region.
enum IssueRowReader {
    /// The issue rows of the table region's words (`CardLayout.issueWords`).
    static func read(_ words: [Substring], warnings: inout [Diagnostic]) -> [ExtractedIssueRow] {
        read(words, starts: rowStarts(words), warnings: &warnings)
    }

    /// The issue rows of the words, given where the rows start (`rowStarts(words)`).
    static func read(_ words: [Substring], starts: [RowStart], warnings: inout [Diagnostic]) -> [ExtractedIssueRow] {
        var expected = 1
        for start in starts {
            if start.number > expected {
                warnings.append(Diagnostic(.cardIncomplete, .issues(expected...(start.number - 1)), "no row found"))
            }
            expected = start.number + 1
        }
        guard let first = starts.first else { return [] }
        let leading = words[..<first.index].filter { !isHeaderWord($0) }
        if let leadingRows = rowsWithLeadingValues(words, starts: starts, leading: leading, warnings: &warnings) {
            return leadingRows
        }
        if !leading.isEmpty {
            warnings.append(Diagnostic(.fragmentDropped, .issue(first.number), "stray fragment \"\(leading.joined(separator: " "))\" dropped"))
        }
        var rows: [ExtractedIssueRow] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].index : words.count
            let next = position + 1 < starts.count ? starts[position + 1].number : nil
            rows.append(readRow(number: start.number, words[(start.index + 1)..<end], nextNumber: next, warnings: &warnings))
        }
        return rows
    }

    /// The rows of a card whose values come before each row's number, as a conversion in
    /// drawing order writes them (the grade badge and score drawn before the name): the words
    /// before the first number are a grade and a score with its maximum, and so are the last
    /// words of every row but the last. Each row is read with its own values after its name
    /// (the words before its highlights); `nil` for any other card.
    private static func rowsWithLeadingValues(
        _ words: [Substring], starts: [(index: Int, number: Int)], leading: [Substring], warnings: inout [Diagnostic]
    ) -> [ExtractedIssueRow]? {
        guard starts.count >= 2, let firstValues = valueGroupLength(leading[...]), firstValues == leading.count else { return nil }
        var values: [ArraySlice<Substring>] = [leading[...]]
        var bodies: [ArraySlice<Substring>] = []
        for position in starts.indices {
            let end = position + 1 < starts.count ? starts[position + 1].index : words.count
            var body = words[(starts[position].index + 1)..<end]
            if position + 1 < starts.count {
                let tail = body.suffix(3)
                guard let count = valueGroupLength(tail) ?? valueGroupLength(body.suffix(2)), count < body.count else { return nil }
                values.append(body.suffix(count))
                body = body.dropLast(count)
            }
            bodies.append(body)
        }
        var rows: [ExtractedIssueRow] = []
        for (position, start) in starts.enumerated() {
            let body = bodies[position]
            let nameEnd = Highlights.leadStart(body) ?? body.endIndex
            let ordered = Array(body[..<nameEnd]) + Array(values[position]) + Array(body[nameEnd...])
            let next = position + 1 < starts.count ? starts[position + 1].number : nil
            rows.append(readRow(number: start.number, ordered[...], nextNumber: next, warnings: &warnings))
        }
        return rows
    }

    /// How many words a grade and a score with its maximum take (`B 14.5 17.5`, `14.5 17.5 B`,
    /// or the two numbers alone), when `words` are exactly that; else `nil`.
    private static func valueGroupLength(_ words: ArraySlice<Substring>) -> Int? {
        let numbers = words.filter { WordStream.number($0) != nil }.count
        guard numbers == 2 else { return nil }
        switch words.count {
        case 2: return 2
        case 3:
            let others = words.filter { WordStream.number($0) == nil }
            guard let other = others.first, GradeLetter.read(other) != nil,
                WordStream.number(words[words.startIndex + 1]) != nil
            else { return nil }
            return 3
        default: return nil
        }
    }

    /// An issue row's number and where it stands among the words.
    typealias RowStart = (index: Int, number: Int)

    /// Where each issue row starts among the words: its number (`1.`, then `2.`, ..., up to
    /// three skipped) before a capitalized word.
    static func rowStarts(_ words: [Substring]) -> [RowStart] {
        var starts: [RowStart] = []
        var expected = 1
        for index in words.indices {
            guard let number = WordStream.rowNumber(words[index]), number >= expected, number <= expected + 3,
                index + 1 < words.count, WordStream.isCapitalized(words[index + 1])
            else { continue }
            starts.append((index, number))
            expected = number + 1
        }
        return starts
    }

    /// The words with each issue row's number written `N.`, where a card numbers its rows
    /// otherwise: `Issue 1: Name`, the number alone before the name (`1 Criminal Provisions`, a
    /// column of its own), or run into it (`1Criminal Provisions`, a number badge and the name
    /// in spans with no space between). Another form is read only where fewer than three rows
    /// are numbered `N.`, and only when it numbers rows 1, 2 and 3 at least, each the next in
    /// sequence and before a name. A `|` run into a word (a cell's rule) is dropped.
    static func numbered(_ words: [Substring]) -> [Substring] {
        numberedRows(words).words
    }

    /// `numbered(words)` and where its rows start (`rowStarts`), found once for the layout and
    /// the row reader alike.
    static func numberedRows(_ words: [Substring]) -> (words: [Substring], starts: [RowStart]) {
        var words = words
        for index in words.indices where opensWithRule(words[index]) {
            words[index] = words[index].dropFirst()
        }
        let starts = rowStarts(words)
        guard starts.count < 3 else { return (words, starts) }
        var result: [Substring] = []
        result.reserveCapacity(words.count)
        var expected = 1
        var index = 0
        while index < words.count {
            let word = words[index]
            if word.utf8.count == 5, word.lowercased() == "issue", index + 2 < words.count,
                Int(words[index + 1].trimming(where: { $0 == ":" || $0 == "." })) == expected
            {
                var nameAt = index + 2
                if ["-", "–", "—", ":"].contains(words[nameAt]), nameAt + 1 < words.count { nameAt += 1 }
                if opensName(words[nameAt]) {
                    result.append(Substring("\(expected)."))
                    expected += 1
                    index = nameAt
                    continue
                }
            }
            if let first = word.utf8.first, WordStream.isDigit(first) {
                let digits = word.prefix { $0.isASCII && $0.isNumber }
                let rest = word[digits.endIndex...]
                if digits.count <= 2, Int(digits) == expected {
                    if rest.isEmpty, index + 1 < words.count, opensName(words[index + 1]) {
                        result.append(Substring("\(expected)."))
                        expected += 1
                        index += 1
                        continue
                    }
                    if opensName(rest) {
                        result.append(Substring("\(expected)."))
                        result.append(rest)
                        expected += 1
                        index += 1
                        continue
                    }
                }
            }
            result.append(word)
            index += 1
        }
        return expected > 3 ? (result, rowStarts(result)) : (words, starts)
    }

    /// A word of more than one byte whose first is `|` (a cell's rule run into it), told by that
    /// byte: most words of a card are read here.
    private static func opensWithRule(_ word: Substring) -> Bool {
        word.utf8.first == UInt8(ascii: "|") && word.utf8.count > 1
    }

    /// A word that may open an issue's name: a capital, then a lower-case letter.
    private static func opensName(_ word: Substring) -> Bool {
        guard WordStream.isCapitalized(word), word.count >= 2 else { return false }
        return word.dropFirst().first?.isLowercase == true
    }

    /// Whether the block starts an issue row.
    static func opensRow(_ block: Block) -> Bool {
        opensRow(block.cells.map { $0.flatMap { WordStream.words($0[...]) } } ?? WordStream.words(block.text[...]))
    }

    /// Whether the words hold the start of an issue row (`N.` before a capitalized word, N at
    /// most 4).
    static func opensRow(_ words: [Substring]) -> Bool {
        words.indices.dropLast().contains { position in
            WordStream.rowNumber(words[position]).map { $0 <= 4 } == true && WordStream.isCapitalized(words[position + 1])
        }
    }

    /// Whether `count` issue rows, numbered in sequence, show a score and its maximum, as
    /// `scoredRowCount` counts them; reads the blocks only as far as it takes to find them.
    static func hasScoredRows(_ blocks: ArraySlice<Block>, atLeast count: Int) -> Bool {
        var expected = 1
        var scored = 0
        // A row number waiting for the word after it; the numbers seen in the current row.
        var pending: Int?
        var numbers = -1
        /// Reads the text's words; `false` once `count` rows are scored.
        func read(_ text: Substring) -> Bool {
            var goesOn = true
            WordStream.scanWords(text) { scanned in
                let word: Substring
                switch scanned {
                case let .plain(bytes):
                    // A plain word is neither a row number nor a number: it matters only as the
                    // word after a row number.
                    guard let number = pending else { return true }
                    pending = nil
                    if WordStream.isCapitalized(WordStream.cut(text, bytes: bytes)) {
                        expected = number + 1
                        numbers = 0
                    }
                    return true
                case let .other(other): word = other
                }
                if let number = pending {
                    pending = nil
                    if WordStream.isCapitalized(word) {
                        expected = number + 1
                        numbers = 0
                        return true
                    }
                }
                if let number = WordStream.rowNumber(word), number >= expected, number <= expected + 3 {
                    pending = number
                } else if numbers >= 0, WordStream.number(word) != nil {
                    numbers += 1
                    if numbers == 2 {
                        scored += 1
                        if scored >= count { goesOn = false }
                    }
                }
                return goesOn
            }
            return goesOn
        }
        for block in blocks {
            if let cells = block.cells {
                for cell in cells where !cell.isEmpty {
                    guard read(cell[...]) else { return true }
                }
            } else {
                guard read(block.text[...]) else { return true }
            }
        }
        return false
    }

    /// How many issue rows show a score and its maximum: two numbers after the row's number,
    /// before the next row. (A ranking of states, `1. Texas A 93.5`, shows one.)
    static func scoredRowCount(_ words: [Substring]) -> Int {
        scoredRowCount(words, starts: rowStarts(words))
    }

    /// `scoredRowCount(words)`, given where the rows start (`rowStarts(words)`).
    static func scoredRowCount(_ words: [Substring], starts: [RowStart]) -> Int {
        starts.indices.filter { position in
            let end = position + 1 < starts.count ? starts[position + 1].index : words.count
            var numbers = 0
            for word in words[(starts[position].index + 1)..<end] where WordStream.number(word) != nil {
                numbers += 1
                if numbers == 2 { return true }
            }
            return false
        }.count
    }

    /// A word of leader dots or rules (`........`, `…`, `____`).
    static func isLeader(_ word: Substring) -> Bool {
        // A word that opens with another ASCII byte opens with another character.
        guard let first = word.utf8.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "_") || first >= 0x80
        else { return false }
        return word.allSatisfy { $0 == "." || $0 == "…" || $0 == "_" || $0 == "·" } && (word.count >= 2 || word == "…")
    }

    private static let headerWords: Set<String> = [
        "issue", "issues", "grade", "score", "highlights", "points", "max", "maximum", "possible", "area", "areas",
        "policy", "earned", "total", "summary", "category", "#", "no.", "number",
    ]

    private static func isHeaderWord(_ word: Substring) -> Bool {
        headerWords.contains(word.lowercased())
    }

    /// A page's running header (the card's title, after a sentence's end) that a page break set
    /// inside a row, with the row's last words before it repeated after it (the line the
    /// conversion put on both pages): the header and the repeat; `nil` without a repeat.
    static func runningHeaderWithRepeat(in words: [Substring]) -> Range<Int>? {
        guard let card = words.indices.dropLast().first(where: { index in
            // `report` in any case: no other character lower-cases to one of its letters.
            words[index].utf8.count == 6 && ASCIIText.hasPrefix(words[index], "report")
                && words[index + 1].lowercased().hasPrefix("card")
        }), let sentenceEnd = words[..<card].lastIndex(where: { $0.hasSuffix(".") }), card - sentenceEnd <= 4
        else { return nil }
        let start = sentenceEnd + 1
        let minor: Set<Substring> = ["on", "of", "and", "&", "the", "for", "in"]
        var end = card + 2
        while end < words.count, WordStream.isCapitalized(words[end]) || minor.contains(words[end]) { end += 1 }
        guard ReportCardExtractor.isTitle(WordStream.joined(words[start..<end])) else { return nil }
        for count in stride(from: min(12, start, words.count - end), through: 2, by: -1)
        where words[end..<(end + count)].elementsEqual(words[(start - count)..<start]) {
            return start..<(end + count)
        }
        return nil
    }

    /// Words a name never ends in.
    private static let nameConnectors: Set<String> = ["of", "and", "for", "a", "an", "the", "to", "in", "on", "&"]

    /// The text's last word between spaces, `split(separator: " ").last`, read from its end.
    static func lastWord(of text: String) -> Substring? {
        // By bytes: a space byte is the character `" "` exactly where it stands alone.
        var contiguous = text
        let word = contiguous.withUTF8 { bytes -> Range<Int>? in
            func isSpace(_ index: Int) -> Bool {
                bytes[index] == UInt8(ascii: " ") && ASCIICharacterBoundary.standsAlone(at: index, in: bytes)
            }
            var end = bytes.count
            while end > 0, isSpace(end - 1) { end -= 1 }
            guard end > 0 else { return nil }
            var start = end - 1
            while start > 0, !isSpace(start - 1) { start -= 1 }
            return start..<end
        }
        guard let word else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: word.lowerBound)
        return text[start..<utf8.index(start, offsetBy: word.count)]
    }

    /// The positions of the capitalized words (capital and lower-case letters: no acronym) in
    /// the middle of the first sentence, with connectors between two of them (`Response to
    /// Victims`); none that opens a sentence.
    static func capitalizedRunsInFirstSentence(_ words: [Substring]) -> [Int] {
        func isNameWord(_ index: Int) -> Bool {
            let word = words[index]
            return index > 0 && !words[index - 1].hasSuffix(".") && WordStream.isCapitalized(word) && word.contains(where: \.isLowercase)
        }
        let end = words.firstIndex { $0.hasSuffix(".") } ?? words.count - 1
        var found: [Int] = []
        for index in words.indices where index <= end {
            if isNameWord(index) {
                found.append(index)
            } else if found.last == index - 1, index + 1 <= end, isNameWord(index + 1), nameConnectors.contains(words[index].lowercased()) {
                found.append(index)
            }
        }
        return found
    }

    /// Words that can end a name wrapped past its row's values: a capitalized word first, each
    /// word of letters capitalized or one of the short words inside a name (`Response to
    /// Victims`), none a column's label.
    static func isNameContinuation(_ words: [Substring]) -> Bool {
        guard let first = words.first, WordStream.isCapitalized(first), let last = words.last, WordStream.isCapitalized(last)
        else { return false }
        return words.allSatisfy { word in
            word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } && !isHeaderWord(word)
                && (WordStream.isCapitalized(word) || nameConnectors.contains(word.lowercased()))
        }
    }

    /// A column's label written before its value (`Grade:`, `Score:`, `Highlights:`).
    static func isColumnLabel(_ word: Substring) -> Bool {
        guard word.utf8.count > 2, word.utf8.last == UInt8(ascii: ":") else { return false }
        return GradeTable.column(named: String(word.dropLast())) != nil
    }

    /// What may stand between a score and a grade set after it: punctuation alone (`·`, `—`)
    /// or the word `grade`.
    private static func isGradeLabel(_ word: Substring) -> Bool {
        word.allSatisfy { $0.isPunctuation || $0.isSymbol } || word.lowercased() == "grade" || word.lowercased() == "grade:"
    }

    /// A word that is a row's number or grade letter, a comma after it allowed (`A,`).
    private static func isValue(_ word: Substring) -> Bool {
        WordStream.number(word) != nil || GradeLetter.read(word) != nil
            || word.utf8.count == 2 && word.utf8.last == UInt8(ascii: ",") && GradeLetter.read(word.dropLast()) != nil
    }

    private static func readRow(
        number: Int, _ words: ArraySlice<Substring>, nextNumber: Int?, warnings: inout [Diagnostic]
    ) -> ExtractedIssueRow {
        // Name: up to the first grade letter or number. A repeat of the row number starts another
        // copy of the name (`1. Crim  1. Criminal Provisions`); the longest copy is kept.
        var names: [[Substring]] = [[]]
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            if WordStream.rowNumber(word) == number {
                names.append([])
                index += 1
                continue
            }
            if WordStream.number(word) != nil || GradeLetter.read(word) != nil || isColumnLabel(word) { break }
            // A list's separator between the name and its values (`Criminal Provisions: A,
            // 16.5/17.5`, `Continuum of Care — B — 12 of 15`) is no part of the name.
            if index + 1 < words.endIndex, isValue(words[index + 1]) {
                if ListItemRows.isSeparator(word) {
                    index += 1
                    break
                }
                if word.utf8.count > 1, word.utf8.last == UInt8(ascii: ":") {
                    names[names.count - 1].append(word.dropLast())
                    index += 1
                    break
                }
            }
            // Leader dots between a name and its grade (`Criminal Provisions ........ B`) are no part of it.
            if !IssueRowReader.isLeader(word) { names[names.count - 1].append(word) }
            index += 1
        }
        let copies = names.map { WordStream.joined($0[...]) }.filter { !$0.isEmpty }
        var name = copies.max { $0.count < $1.count } ?? ""
        var keptOne = false
        for copy in copies {
            if copy == name, !keptOne {
                keptOne = true
            } else {
                warnings.append(Diagnostic(.fragmentDropped, .issue(number), "duplicated fragment \"\(number). \(copy)\" dropped"))
            }
        }
        var grade: String?
        var numbers: [Double] = []
        while index < words.endIndex {
            let word = words[index]
            if let value = WordStream.number(word), numbers.count < 2 {
                numbers.append(value)
            } else if grade == nil, GradeLetter.read(word) != nil {
                grade = String(word)
            } else if grade == nil, word.utf8.count == 2, word.utf8.last == UInt8(ascii: ","), GradeLetter.read(word.dropLast()) != nil {
                // A list's grade before its score (`A, 16.5/17.5`).
                grade = String(word.dropLast())
            } else if isColumnLabel(word) {
                // `Grade: B`, `Score: 14.5/17.5`: the label names the value after it.
            } else if numbers.count == 2 || WordStream.isCapitalized(word) && word.count > 1 {
                break
            }
            index += 1
        }
        // A grade set after the score, past its share or a label (`15 / 17.5 (86%) · Grade B`).
        if grade == nil, numbers.count == 2 {
            var ahead = index
            while ahead < words.endIndex, ahead < index + 4, GradeTable.isPercentage(words[ahead]) || isGradeLabel(words[ahead]) {
                ahead += 1
            }
            if ahead < words.endIndex, GradeLetter.read(words[ahead]) != nil {
                grade = String(words[ahead])
                index = ahead + 1
            }
        }
        var highlight = Array(words[index...])
        // A name wrapped past its grade and score (`2. Identification of and Response to  D
        // 19/27.5` over `Victims`): the few words before the highlights' first lead phrase, all
        // words of letters (no sentence, label, bullet or share), go on with it.
        if numbers.count == 2, !name.isEmpty, let lead = Highlights.leadStart(highlight), (1...6).contains(lead),
            highlight[..<lead].allSatisfy({ word in
                word.contains(where: \.isLetter) && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } && !isHeaderWord(word)
            })
        {
            name += " " + WordStream.joined(highlight[..<lead])
            highlight.removeFirst(lead)
        } else if numbers.count == 2, !name.isEmpty, (1...6).contains(highlight.count), Highlights.leadStart(highlight) == nil,
            isNameContinuation(highlight)
        {
            // A card without highlights (`1. Criminalization of Domestic Minor Sex  8.5 out of 10`
            // over `Trafficking`): the words after the score, in a name's title case, end the name.
            name += " " + highlight.joined(separator: " ")
            highlight.removeAll()
        }
        // OCR's text of a table whose name wraps: the name's first line ends in a word no name
        // ends in (`Identification of and`), and its next lines stand in the highlights' lines
        // (`related to Response to Victims non-criminalization`). The capitalized words set in
        // the middle of the highlights' first sentence go on with the name.
        if let last = lastWord(of: name), nameConnectors.contains(last.lowercased()) {
            let moved = capitalizedRunsInFirstSentence(highlight)
            if !moved.isEmpty {
                name += " " + moved.map { highlight[$0] }.joined(separator: " ")
                highlight = highlight.indices.filter { !moved.contains($0) }.map { highlight[$0] }
            }
        }
        if let header = runningHeaderWithRepeat(in: highlight) {
            warnings.append(Diagnostic(
                .fragmentDropped, .issue(number), "duplicated fragment \"\(highlight[header].joined(separator: " "))\" dropped"
            ))
            highlight.removeSubrange(header)
        }
        // Fragments after the last sentence (stray numbers, tags' leftovers) belong to no row.
        if let lastSentence = highlight.lastIndex(where: { $0.hasSuffix(".") }), lastSentence < highlight.count - 1 {
            let tail = highlight[(lastSentence + 1)...]
            // A page's running header (the card's title) or footer (its web address) a page
            // break set inside the row goes too.
            if tail.count <= 4 && tail.allSatisfy({ WordStream.number($0) != nil || $0.count <= 3 })
                || ReportCardExtractor.isTitle(WordStream.joined(tail)) || tail.allSatisfy(WordStream.isWebAddress)
            {
                warnings.append(Diagnostic(.fragmentDropped, .issue(nextNumber ?? number), "stray fragment \"\(tail.joined(separator: " "))\" dropped"))
                highlight.removeSubrange((lastSentence + 1)...)
            }
        }
        if numbers.count < 2 {
            warnings.append(Diagnostic(.cardIncomplete, .issue(number), "\(numbers.isEmpty ? "no score or maximum" : "no maximum score") found"))
        }
        let parsed = Highlights.parse(highlight)
        return ExtractedIssueRow(
            number: number, name: name, gradeText: grade, score: numbers.first,
            maxScore: numbers.count > 1 ? numbers[1] : nil, accomplished: parsed.accomplished, gaps: parsed.gaps
        )
    }
}

/// Splits a highlights cell into what was accomplished and what gaps remain.
enum Highlights {
    /// The two lead phrases: `Policy goal(s) accomplished (in areas) related to` and
    /// `Gap(s) remain(s) (in areas) related to`.
    private enum Lead {
        case accomplished, gaps
    }

    /// `Policy goal(s) accomplished (in areas) related to X. Gap(s) remain(s) (in areas) related to Y.`,
    /// in either order; each part runs to the next lead phrase or the end, final period dropped.
    static func parse(_ words: [Substring]) -> (accomplished: String?, gaps: String?) {
        var leads: [(lead: Lead, start: Int, content: Int)] = []
        var index = 0
        while index < words.count {
            if let (lead, content) = match(words, at: index) {
                leads.append((lead, index, content))
                index = content
            } else {
                index += 1
            }
        }
        func content(of lead: Lead) -> String? {
            guard let position = leads.firstIndex(where: { $0.lead == lead }) else { return nil }
            var end = position + 1 < leads.count ? leads[position + 1].start : words.count
            // A label of the next part (`Gaps:` before `Gaps remain ...`) is no part of this one.
            if end > leads[position].content, position + 1 < leads.count, words[end - 1].hasSuffix(":"),
                words[end - 1].dropLast().allSatisfy(\.isLetter)
            {
                end -= 1
            }
            return part(WordStream.joined(words[leads[position].content..<end]))
        }
        return (content(of: .accomplished), content(of: .gaps))
    }

    /// A part's words, joined by spaces, without the bullets, spaces and final period that end
    /// them; `nil` when nothing is left.
    static func part(_ joined: String) -> String? {
        var text = joined[...]
        // A bullet that opens the next part (`• Gaps remain ...` in a table cell) is no part
        // of this one.
        while let last = text.last, last == " " || Highlights.bullets.contains(last) { text.removeLast() }
        // `last` and `removeLast` step back one character; `dropLast()` here counted the
        // whole text first.
        if text.last == "." { text.removeLast() }
        text = text.trimming(where: { $0 == " " })
        return text.isEmpty ? nil : String(text)
    }

    /// Where the first lead phrase starts among the words (an index of the slice), or `nil`.
    static func leadStart(_ words: ArraySlice<Substring>) -> Int? {
        leadStart(Array(words)).map { words.startIndex + $0 }
    }

    /// Whether `words` open with a lead phrase.
    static func opensWithLead(_ words: [Substring]) -> Bool {
        !words.isEmpty && match(words, at: 0) != nil
    }

    /// Where the first lead phrase starts in `words`, or `nil` without one.
    static func leadStart(_ words: [Substring]) -> Int? {
        words.indices.first { match(words, at: $0) != nil }
    }

    /// Bullets a cell may put before each part.
    static let bullets: Set<Character> = ["•", "◦", "▪", "·", "-", "*"]

    /// The lead phrase starting at `index` and where its content starts, or `nil`.
    private static func match(_ words: [Substring], at index: Int) -> (Lead, Int)? {
        /// Whether the word at `offset` lower-cases to one of `wordings`. Compared as ASCII bytes:
        /// no other character lower-cases to a letter of theirs.
        func word(_ offset: Int, is wordings: StaticString...) -> Bool {
            guard index + offset < words.count else { return false }
            let word = words[index + offset]
            return wordings.contains { word.utf8.count == $0.utf8CodeUnitCount && ASCIIText.hasPrefix(word, $0) }
        }
        // Both phrases open with an ASCII letter (`p`, `g`), in either case.
        guard let first = words[index].utf8.first, first | 0x20 == UInt8(ascii: "p") || first | 0x20 == UInt8(ascii: "g")
        else { return nil }
        var next: Int
        let lead: Lead
        if word(0, is: "policy"), word(1, is: "goal", "goals"), word(2, is: "accomplished") {
            lead = .accomplished
            next = 3
        } else if word(0, is: "gap", "gaps"), word(1, is: "remain", "remains") {
            lead = .gaps
            next = 2
        } else {
            return nil
        }
        // `in areas`, `in the areas`, `in the area`
        if word(next, is: "in") {
            let article = word(next + 1, is: "the") ? 1 : 0
            guard word(next + 1 + article, is: "area", "areas") else { return nil }
            next += 2 + article
        }
        guard word(next, is: "related"), word(next + 1, is: "to") else { return nil }
        return (lead, index + next + 2)
    }
}

/// Reads extra-credit rows: a short code, its long name, points, and a description.
enum ExtraCreditReader {
    static func read(_ blocks: ArraySlice<Block>, warnings: inout [Diagnostic]) -> [ExtractedCreditRow] {
        var rows: [ExtractedCreditRow] = []
        // Paragraphs in a run are one stream of words: a conversion may put each cell of a row
        // in a block of its own (`18+`, `18+ Youth`, `2.5`, its description), or a row in one.
        var stream = ""
        func readStream() {
            var text = Substring(stream)
            stream = ""
            // A heading's marks (`== Extra Credit`) are no part of it.
            if let first = text.first, first == "=" || first == "#" {
                text = text.drop(while: { $0 == "=" || $0 == "#" }).drop(while: { $0 == " " })
            }
            if text.lowercased().hasPrefix("extra credit") {
                text = text.dropFirst("extra credit".count).trimming(where: { $0 == " " || $0 == ":" })
            }
            // Leader dots between a label and its points (`18+ Youth ........ +2`) are no word,
            // nor a cell's rule run into a word (`|18+`).
            let words = WordStream.words(text).filter { !IssueRowReader.isLeader($0) }.map { word in
                word.utf8.count > 1 && word.utf8.first == UInt8(ascii: "|") ? word.dropFirst() : word
            }
            for chunk in splitRows(words) {
                if let row = row(fromWords: chunk, warnings: &warnings) { rows.append(row) }
            }
        }
        var lastRowWantsDescription = false
        for index in blocks.indices {
            let block = blocks[index]
            // A sentence of four words or more, without a number of points (a year is none) and
            // not opening with a code, after a credit that has its points and a whole sentence
            // (`To see how … compares`, `Clipped for the call — compare with 2022`) is the
            // page's, not the credit's; so is a heading in capitals over such a sentence or
            // ending the blocks (`LEARN MORE`), and the sentence after a label in capitals
            // (`TOOLKIT: To see how … compares`).
            if block.cells == nil, !stream.isEmpty, stream.hasSuffix(".") || opensWithCapitalsLabel(block.text),
                isPageSentence(block.text)
                    || isCapitalsHeading(block.text) && (index + 1 == blocks.endIndex || blocks[index + 1].cells == nil && isPageSentence(blocks[index + 1].text)),
                WordStream.words(stream[...]).contains(where: { points(ofWord: $0.trimming(where: { $0 == "|" })) != nil })
            {
                break
            }
            if let cells = block.cells {
                readStream()
                lastRowWantsDescription = false
                let filled = creditCells(cells)
                // The extra credit's header row (`EXTRA CREDIT | | Points | Description`,
                // `Extra Credit | Points`).
                if GradeTable.headerColumns(filled) != nil
                    || filled.count < cells.filter({ !$0.isEmpty }).count && !filled.isEmpty && filled.allSatisfy({ GradeTable.column(named: $0) != nil })
                {
                    continue
                }
                if let row = row(fromCells: filled, warnings: &warnings) {
                    rows.append(row)
                    lastRowWantsDescription = row.points != nil && row.description == nil
                }
            } else if lastRowWantsDescription, stream.isEmpty, block.text.hasSuffix("."),
                case let words = WordStream.words(block.text[...]), words.count >= 4, !looksLikeCode(words[0]),
                !words.contains(where: { points(ofWord: $0) != nil })
            {
                // A row of code, name and points with its description in the sentence under
                // it (a slide's table, the sentence below).
                rows[rows.count - 1].description = block.text
                lastRowWantsDescription = false
            } else {
                stream += stream.isEmpty ? block.text : " " + block.text
            }
        }
        readStream()
        return rows
    }

    /// A row's filled cells, the `EXTRA CREDIT` label taken out of the first.
    private static func creditCells(_ cells: [String]) -> [String] {
        var filled = cells.filter { !$0.isEmpty }
        if let first = filled.first, first.lowercased().hasPrefix("extra credit") {
            let rest = first.dropFirst("extra credit".count).trimming(where: { $0 == " " || $0 == ":" })
            filled[0] = String(rest)
            if rest.isEmpty { filled.removeFirst() }
        }
        return filled
    }

    /// Cells: code, long name (one or more cells, the longest kept), points, description. A
    /// single label cell (`18+ Youth`, `Child Labor Trafficking (CLT)`) gives both.
    /// The description may stand before the points, as the table's columns do: the points are
    /// the first cell of points alone, the description the cells after them and any sentence
    /// before them, the labels the other cells before them.
    private static func row(fromCells cells: [String], warnings: inout [Diagnostic]) -> ExtractedCreditRow? {
        let pointsIndex = cells.firstIndex { points(in: $0) != nil }
        let end = pointsIndex ?? cells.endIndex
        let descriptions = cells.indices.filter { $0 > end || $0 < end && isSentence(cells[$0]) }
        let labels = cells.indices[..<end].filter { !descriptions.contains($0) }.map { cells[$0] }
        guard let pointsIndex, let first = labels.first else {
            return cells.isEmpty ? nil : row(fromWords: ArraySlice(WordStream.words(Substring(cells.joined(separator: " ")))), warnings: &warnings)
        }
        let code = labels.count == 1 ? code(ofLabel: first) ?? cleanCode(first) : cleanCode(first)
        let longest = labels.dropFirst().max(by: { $0.count < $1.count }) ?? first
        let description = descriptions.map { cells[$0] }.joined(separator: " ")
        return ExtractedCreditRow(
            code: code, name: name(longest, code: code), points: points(in: cells[pointsIndex]),
            description: description.isEmpty ? nil : description
        )
    }

    /// A word of points: a number, or one with its sign (`+2`).
    private static func points(ofWord word: Substring) -> Double? {
        WordStream.number(word.hasPrefix("+") ? word.dropFirst() : word)
    }

    /// A description rather than a label: a sentence, or more than six words.
    private static func isSentence(_ cell: String) -> Bool {
        cell.hasSuffix(".") || WordStream.words(cell[...], limit: 7).count > 6
    }

    /// The points of a cell of points alone (`2`, `+2`, `2 pts`).
    private static func points(in cell: String) -> Double? {
        // Most cells are a description: a first word that is no number settles it, the rest
        // not split. (A lone `+` is left out of the words, so the word after it counts.)
        if let first = WordStream.words(cell[...], limit: 1).first, first != "+",
            WordStream.number(first.hasPrefix("+") ? first.dropFirst() : first) == nil
        {
            return nil
        }
        let words = WordStream.words(cell[...]).map { $0.hasPrefix("+") ? $0.dropFirst() : $0 }.filter { !$0.isEmpty }
        guard let first = words.first, let value = WordStream.number(first) else { return nil }
        return words.dropFirst().allSatisfy { ["pts", "pts.", "points", "point"].contains($0.lowercased()) } ? value : nil
    }

    /// The code of an extra-credit label: its first word when that is a code (`18+ Youth`,
    /// `CLT Child Labor Trafficking`), or a code in parentheses after the name
    /// (`Child Labor Trafficking (CLT)`); `nil` when it has none.
    static func code(ofLabel label: String) -> String? {
        let words = WordStream.words(label[...])
        if let last = words.last, words.count > 1, last.hasPrefix("("), last.hasSuffix(")"), last.count > 2,
            looksLikeCode(last.dropFirst().dropLast())
        {
            return String(last.dropFirst().dropLast())
        }
        // A number alone is no code: it is a row's number or its points. A colon may end it
        // (`CLT: Child Labor Trafficking`).
        guard var first = words.first else { return nil }
        if words.count > 1, first.hasSuffix(":") { first = first.dropLast() }
        guard looksLikeCode(first), first.contains(where: { $0.isLetter || $0 == "+" }) else {
            return nil
        }
        return cleanCode(String(first))
    }

    /// Words: code, name words up to the points, description after them.
    private static func row(fromWords words: ArraySlice<Substring>, warnings: inout [Diagnostic]) -> ExtractedCreditRow? {
        // Points drawn before their label (`+2 CLT Child Labor Trafficking …`): the label first.
        if let lead = words.first, lead.hasPrefix("+"), let value = WordStream.number(lead.dropFirst()), words.count > 2 {
            if let row = row(fromWords: words.dropFirst(), points: value, warnings: &warnings) { return row }
        }
        guard let first = words.first else { return nil }
        // Points as a number, or with its sign (`+2`), or either in parentheses after the name
        // (`18+ Youth (+2)`).
        func points(_ word: Substring) -> Double? {
            var word = word
            if word.hasPrefix("("), word.hasSuffix(")"), word.count > 2 { word = word.dropFirst().dropLast() }
            return WordStream.number(word.hasPrefix("+") ? word.dropFirst() : word)
        }
        // A year after a month's name (`retrieved November 2022`) is a date, not points: a
        // source line under the credits.
        guard let pointsIndex = words.indices.dropFirst().first(where: { index in
            points(words[index]) != nil && !(words[index].utf8.count == 4 && DateText.month(words[index - 1]) != nil)
        }) else {
            warnings.append(Diagnostic(.cardIncomplete, .extraCredit(words.joined(separator: " ")), "no points found"))
            return nil
        }
        let code = cleanCode(String(first))
        var label = WordStream.joined(words[words.startIndex..<pointsIndex])
        // A doubled label (`18+) 18+) Youth`): keep the second, longer form.
        let marker = String(first) + " "
        if label.hasPrefix(marker + marker) { label = String(label.dropFirst(marker.count)) }
        // A colon between the label and its points (`18+ Youth: +1.5`) is no part of the name.
        if label.hasSuffix(":"), label.count > 1 { label.removeLast() }
        // The points' unit (`+1.5 points`) is no part of the description, nor a dash that sets
        // the description off from the points (`+1.5 — Protections …`).
        var after = words[(pointsIndex + 1)...]
        if let unit = after.first, ["points", "point", "pts", "pts."].contains(unit.lowercased()) { after = after.dropFirst() }
        if let dash = after.first, ["—", "–", "-", "−"].contains(dash) { after = after.dropFirst() }
        let description = WordStream.joined(withoutTrailingAddress(after))
        return ExtractedCreditRow(
            code: code, name: name(label, code: code), points: points(words[pointsIndex]),
            description: description.isEmpty ? nil : description
        )
    }

    /// Words of a label and a description whose points stood before them: the code, the name
    /// whose words' initials spell it (`CLT Child Labor Trafficking`), the description; `nil`
    /// when no name spells the code.
    private static func row(fromWords words: ArraySlice<Substring>, points: Double, warnings: inout [Diagnostic]) -> ExtractedCreditRow? {
        guard let first = words.first, looksLikeCode(first) else { return nil }
        let code = cleanCode(String(first))
        let rest = words.dropFirst()
        let initials = code.uppercased().map(String.init)
        guard initials.count > 1, rest.count > initials.count,
            zip(rest.prefix(initials.count), initials).allSatisfy({ $0.0.prefix(1).uppercased() == $0.1 })
        else { return nil }
        let nameEnd = rest.startIndex + initials.count
        let description = WordStream.joined(withoutTrailingAddress(rest[nameEnd...]))
        return ExtractedCreditRow(
            code: code, name: WordStream.joined(rest[..<nameEnd]), points: points,
            description: description.isEmpty ? nil : description
        )
    }

    /// The words without a page footer's web address after their last sentence.
    private static func withoutTrailingAddress(_ words: ArraySlice<Substring>) -> ArraySlice<Substring> {
        var words = words
        while words.count >= 2, let last = words.last, WordStream.isWebAddress(last),
            words[words.endIndex - 2].hasSuffix(".")
        {
            words.removeLast()
        }
        return words
    }

    /// Rows run together in one paragraph split where a sentence or signed points end and a
    /// code follows.
    private static func splitRows(_ words: [Substring]) -> [ArraySlice<Substring>] {
        var chunks: [ArraySlice<Substring>] = []
        var start = 0
        // A row ends at its description's last sentence, or at its points signed after its
        // label (`18+ Youth: +1.5`, the next credit's line run on after it: `CLT Child Labor
        // Trafficking: +2`); points opening the row (`+2 CLT Child Labor Trafficking`) are its own.
        for index in words.indices.dropFirst()
        where looksLikeCode(words[index])
            && (words[index - 1].hasSuffix(".")
                || index - 1 > start && words[index - 1].hasPrefix("+") && points(ofWord: words[index - 1]) != nil)
        {
            chunks.append(words[start..<index])
            start = index
        }
        if start < words.count { chunks.append(words[start...]) }
        return chunks
    }

    /// A sentence of four words or more with no number of points (a year is none), opening
    /// with no code, after a label in capitals if any (`TOOLKIT:`, `LEARN MORE:`).
    private static func isPageSentence(_ text: String) -> Bool {
        var words = WordStream.words(text[...])
        if let label = capitalsLabelWords(words) { words.removeFirst(label) }
        return words.count >= 4 && !looksLikeCode(words[0]) && !words.contains(where: { points(ofWord: $0).map { $0 < 1000 } ?? false })
    }

    /// Whether the text opens with a label in capitals (`LEARN MORE:`), a page's call to
    /// action even after a credit that has no description.
    private static func opensWithCapitalsLabel(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return false }
        return capitalsLabelWords(WordStream.words(text[...], limit: 4)) != nil
    }

    /// How many words a label in capitals ending in a colon (`TOOLKIT:`, `LEARN MORE:`) opening
    /// `words` takes, or `nil`.
    private static func capitalsLabelWords(_ words: [Substring]) -> Int? {
        guard let label = words.prefix(3).firstIndex(where: { $0.hasSuffix(":") }),
            isCapitalsHeading(WordStream.joined(words[...label]))
        else { return nil }
        return label + 1
    }

    /// A heading in capital letters of one to three words, a colon after it or none
    /// (`LEARN MORE`, `TOOLKIT:`): two words or seven letters at least, so no credit's code
    /// (`CLT`) is one.
    private static func isCapitalsHeading(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= 7, bytes.count <= 40 else { return false }
        var spaces = 0
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x20 {
                spaces += 1
            } else if byte == UInt8(ascii: ":") {
                guard offset == bytes.count - 1 else { return false }
            } else if !(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) {
                return false
            }
        }
        return spaces <= 2
    }

    private static func looksLikeCode(_ word: Substring) -> Bool {
        word.count <= 6 && word.contains(where: { $0.isUppercase || $0.isNumber })
            && word.allSatisfy { $0.isUppercase || $0.isNumber || $0.isAny(of: "+)-") }
    }

    private static func cleanCode(_ code: String) -> String {
        String(code.trimming(where: { $0 == ")" || $0 == " " || $0 == ":" || $0 == "." }))
    }

    /// The label's long form: a marker copy of the code (`18+) Youth`) loses its parenthesis;
    /// a code set off from the name by a dash (`CLT — Child Labor Trafficking`) or a code that abbreviates the words after it (`CLT Child Labor Trafficking`) or stands in
    /// parentheses after them (`Child Labor Trafficking (CLT)`) is dropped.
    static func name(_ label: String, code: String) -> String {
        var words = WordStream.split(label[...], atTabs: false)
        if words.count > 1, words.last == "(\(code))" { return WordStream.joined(words.dropLast()) }
        guard let first = words.first else { return code }
        if cleanCode(String(first)) == code {
            let rest = words.dropFirst()
            // `18+ — 18+ Youth`: the code, a dash, the name; `CLT: Child Labor Trafficking`: the
            // code, a colon, the name.
            if rest.count > 1, let dash = rest.first, ["—", "–", "-", "−"].contains(dash) { return WordStream.joined(rest.dropFirst()) }
            if !rest.isEmpty, first.hasSuffix(":") { return WordStream.joined(rest) }
            // `18+ (18+ Youth):`: the long form in parentheses after the code.
            let long = WordStream.joined(rest).trimming(where: { $0 == ":" })
            if long.count > 2, long.first == "(", long.last == ")" { return String(long.dropFirst().dropLast()) }
            let initials = String(rest.compactMap(\.first)).uppercased()
            if !rest.isEmpty, initials == code.uppercased() { return WordStream.joined(rest) }
            words[0] = Substring(code)
        }
        return WordStream.joined(words[...])
    }
}
