import LexpipeIngest
import LexpipeJurisdictions
import LexpipeMarkup
import LexpipeRecord

/// A report card's header, read as `HeaderReader` reads a summary's: the title line gives the
/// framework and year; the state may stand in the title (`TEXAS 2022 Report Card ...`,
/// `... - New Mexico`), on a line of its own above or below it (`MISSISSIPPI`, `State: UT`), run
/// into the title line by a conversion (`... Sex Trafficking ALABAMA`), or only in the page's
/// `<title>`. Each place is a candidate, the surest kept, one that disagrees reported.
struct CardHeader {
    /// The framework's name without the state and year.
    var framework: String
    var year: Int?
    /// The state as the surest candidate gives it: its full name where the names are known,
    /// else as written.
    var state: String?
    /// The first block after the header: the card's body.
    var bodyStart: Int
    var warnings: [Diagnostic] = []
    /// What a conversion ran into the title line from the lines after it, from an overall
    /// heading on (`Final Score: 81 (B) …`), when it did.
    var runOn: String?
    /// A month or day the title page dates the card by (`titlePageDate`), as written.
    var date: String?

    /// A place the state was read, how sure the reading is, and what it said.
    private struct Candidate {
        var value: String
        var score: Int
        var place: String
    }

    /// The header around the title at `titleIndex`; `states` tells a line naming a state from
    /// any other (with no names known, the block above the title is taken as the state, as
    /// written).
    static func read(_ blocks: [Block], titleIndex: Int, pageTitle: String?, states: StateNames) -> CardHeader {
        let knowsNames = !states.isEmpty
        var candidates: [Candidate] = []
        func add(_ value: String?, _ score: Int, _ place: String) {
            guard let value, !value.isEmpty else { return }
            if knowsNames {
                guard let name = states.fullName(of: value) else { return }
                candidates.append(Candidate(value: name, score: score, place: place))
            } else {
                candidates.append(Candidate(value: value, score: score, place: place))
            }
        }

        // Above the title: the nearest lines that name a state (a banner, a bold line, a
        // heading); a table row of one filled cell counts as a line.
        let above = blocks[..<titleIndex].suffix(4)
        for index in above.indices where isLine(blocks[index]) || labelledRowState(blocks[index]) != nil {
            let text = ReportCardExtractor.plainText(blocks[index])
            let place = "\"\(text)\""
            if let labelled = labelledState(text) ?? labelledRowState(blocks[index]) {
                add(labelled, 5, place)
            } else if knowsNames {
                add(text, 4, place)
            } else if index == titleIndex - 1 {
                add(text, 2, place)
            }
        }

        var titleText = ReportCardExtractor.plainText(blocks[titleIndex])
        // A conversion that sets no blank line between lines runs the title into the lines
        // after it (`… Sex Trafficking Final Score: 81 (B) Issue Grade Score`): the title ends
        // where an overall heading starts.
        var runOn: String?
        let titleWords = WordStream.split(titleText[...], atTabs: false)
        if let cut = TableSection.overall.start(in: titleWords), cut > 0,
            ReportCardExtractor.isTitle(WordStream.joined(titleWords[..<cut]))
        {
            runOn = WordStream.joined(titleWords[cut...])
            titleText = WordStream.joined(titleWords[..<cut])
        }
        // `Report Cards : Alaska 2023 Report Card`: a wiki's space (Confluence's export) before
        // a colon set apart by spaces, the page's title after it.
        if let separator = HeadlineState.lastRange(of: " : ", in: titleText) {
            let page = String(titleText[separator.upperBound...])
            if ReportCardExtractor.isTitle(page) { titleText = page }
        }
        let titlePlace = "the title"
        // A wiki's infobox, its `key: value` lines run into one block with the framework's name
        // (`state: Nevada year: 2019 framework: …`): the state its `state:` line names.
        if knowsNames, let labelled = leadingLabelledState(titleText, states: states) { add(labelled, 5, titlePlace) }
        // A state line a conversion ran into the title line.
        if let tail = stateAtEnd(of: titleText, states: states) {
            titleText = tail.title
            add(tail.state, tail.labelled ? 5 : 4, titlePlace)
        }
        // `... - District of Columbia`, `Texas: ...`: a state after a dash or before a colon,
        // whatever the case of its words.
        if knowsNames, let named = HeaderReader(states: states).titleState(titleText), ReportCardExtractor.isTitle(named.title) {
            titleText = named.title
            add(named.state, 3, titlePlace)
        }
        var split = ReportCardExtractor.splitTitle(titleText)
        add(split.state, 3, titlePlace)
        // `2016 Report Card` over a line that names the framework (`Protected Innocence Challenge`).
        if split.framework != ReportCardExtractor.protectedInnocenceChallenge,
            blocks[titleIndex...].prefix(4).contains(where: { ReportCardExtractor.says($0.text, "protected innocence challenge") })
        {
            split.framework = ReportCardExtractor.protectedInnocenceChallenge
        }
        // A subtitle a conversion ran into the title line (a slide's `Legislative briefing,
        // Pierre` under it, joined as markdown joins a paragraph's lines) is no part of the
        // framework's name.
        if let known = ReportCardExtractor.frameworks.first(where: { split.framework.lowercased().hasPrefix($0.lowercased() + " ") }) {
            split.framework = known
        }
        // `Missouri 2022 Report Card` names the framework in short: the prose under the title,
        // up to the grade table, names it in full.
        if split.framework.lowercased() == "report card" {
            for block in blocks[(titleIndex + 1)...].prefix(8) {
                guard block.cells == nil else { break }
                let text = block.text.lowercased()
                if let known = ReportCardExtractor.frameworks.first(where: { text.contains($0.lowercased()) }) {
                    split.framework = known
                    break
                }
            }
        }
        // A title printed in capitals (`2022 REPORT CARD ON CHILD & YOUTH SEX TRAFFICKING`) names
        // the framework in its title case.
        if !split.framework.contains(where: \.isLowercase) {
            split.framework = ReportCardExtractor.titleCased(split.framework)
        }

        // Below the title, up to the grade table: the framework's name, a state, a year.
        var bodyStart = titleIndex + 1
        while bodyStart < blocks.count, bodyStart <= titleIndex + 4 {
            let block = blocks[bodyStart]
            guard isLine(block) || labelledRowState(block) != nil, !TableSection.isOverall(block),
                !TableSection.extraCredit.heads(block), !IssueRowReader.opensRow(block)
            else { break }
            let text = ReportCardExtractor.plainText(block)
            let place = "\"\(text)\""
            if let labelled = labelledState(text) ?? labelledRowState(block) {
                add(labelled, 5, place)
            } else if knowsNames, states.fullName(of: text) != nil {
                add(text, 4, place)
            } else if let year = yearAlone(text) {
                split.year = split.year ?? year
            } else if knowsNames, let (year, state) = yearAndState(text, states: states) {
                // `2013        OKLAHOMA`: the year at one margin, the state at the other.
                split.year = split.year ?? year
                add(state, 4, place)
            } else if ReportCardExtractor.isTitle(text) {
                // `PROTECTED INNOCENCE CHALLENGE` over the state over `2016 Report Card`, or over
                // `Alabama: 2013 Report Card`.
                let below = ReportCardExtractor.splitTitle(text)
                split.year = split.year ?? below.year
                add(below.state, 3, place)
            } else if !ReportCardExtractor.says(text, "protected innocence challenge") {
                break
            }
            bodyStart += 1
        }

        // A labelled year (`Year: 2023`, a wiki infobox's or a note's property) above the table
        // when nothing else gave one.
        if split.year == nil {
            split.year = blocks[..<bodyStart].lazy.compactMap { CardHeader.labelledYear(ReportCardExtractor.plainText($0)) }.first
        }

        if knowsNames, let pageTitle {
            // `Mississippi | 2021 Report Card | Shared Hope International`,
            // `Report Card on ... - Alaska | Shared Hope International`.
            let reader = HeaderReader(states: states)
            for part in CardHeader.titleParts(pageTitle) {
                let part = String(part)
                if let state = states.fullName(of: part) ?? reader.titleState(part)?.state {
                    add(state, 1, "the page title")
                    break
                }
            }
        }

        var header = CardHeader(framework: split.framework, year: split.year, state: nil, bodyStart: bodyStart)
        header.runOn = runOn
        header.date = titlePageDate(blocks, titleIndex: titleIndex, year: split.year)
        guard var kept = candidates.first else { return header }
        for candidate in candidates.dropFirst() where candidate.score > kept.score { kept = candidate }
        header.state = kept.value
        let keptKey = KnownCodeNames.key(kept.value)
        for candidate in candidates where KnownCodeNames.key(candidate.value) != keptKey {
            header.warnings.append(Diagnostic(
                .header, .document,
                "header: state: \(kept.place) gives \"\(kept.value)\", \(candidate.place) gives \"\(candidate.value)\"; kept \"\(kept.value)\""
            ))
        }
        return header
    }

    /// The date a line of the card's title page gives (`January 2023`), which may stand past
    /// the header's lines: a slide deck's title slide sets the overall grade and score under
    /// the title, then who the deck was presented to and when. Looked for in the few blocks
    /// after the title, up to a table row or list item (the card's body), and in a PDF on the
    /// title's page alone: a short block that is a date, or ends in one (a line a conversion
    /// joined to the one above, after no word in lower case), with a month and of the title's
    /// year. `nil` when none is.
    static func titlePageDate(_ blocks: [Block], titleIndex: Int, year: Int?) -> String? {
        let titlePage = firstPage(blocks[titleIndex])
        for block in blocks[(titleIndex + 1)...].prefix(8) {
            guard block.cells == nil, block.kind != .listItem else { break }
            if let titlePage, let page = firstPage(block), page != titlePage { break }
            // A date that ends its block ends in a digit: the day or the year.
            let utf8 = block.text.utf8
            guard utf8.count <= 80, let last = utf8.last, WordStream.isDigit(last),
                let date = DateText.find(in: block.text), date.isWholeBlock || block.text.hasSuffix(date.text),
                date.text.utf8.contains(where: { !WordStream.isDigit($0) })
            else { continue }
            // A word in lower case before it (`last modified on Dec 04, 2023`, `in January 2023`)
            // makes it a sentence's date, as a page's edit stamp is; a line joined to the one
            // above ends in a capitalized word or a number.
            if !date.isWholeBlock,
                let before = block.text.utf8.dropLast(date.text.utf8.count).split(separator: UInt8(ascii: " ")).last?.first,
                before >= UInt8(ascii: "a") && before <= UInt8(ascii: "z")
            {
                continue
            }
            if let year, !date.text.contains(String(year)) { continue }
            return date.text
        }
        return nil
    }

    /// The page a PDF's block starts on; `nil` for any other document's.
    private static func firstPage(_ block: Block) -> Int? {
        guard case let .pdf(parts)? = block.span else { return nil }
        return parts.first?.page
    }

    /// A block that can be a header line: a heading or paragraph, or a table row of one filled
    /// cell, short.
    /// The page title's parts between ` | ` separators, empty ones left out: what
    /// `split(separator: " | ")` gives, found by bytes, a separator's spaces each a character
    /// of its own (the `|` between them then is one too).
    static func titleParts(_ title: String) -> [Substring] {
        var contiguous = title
        let parts = contiguous.withUTF8 { bytes -> [Range<Int>] in
            var parts: [Range<Int>] = []
            var start = 0
            var index = 0
            while index + 3 <= bytes.count {
                if bytes[index] == UInt8(ascii: " "), bytes[index + 1] == UInt8(ascii: "|"), bytes[index + 2] == UInt8(ascii: " "),
                    ASCIICharacterBoundary.standsAlone(at: index, in: bytes), ASCIICharacterBoundary.standsAlone(at: index + 2, in: bytes)
                {
                    if index > start { parts.append(start..<index) }
                    index += 3
                    start = index
                } else {
                    index += 1
                }
            }
            if bytes.count > start { parts.append(start..<bytes.count) }
            return parts
        }
        let utf8 = title.utf8
        return parts.map { part in
            let start = utf8.index(utf8.startIndex, offsetBy: part.lowerBound)
            return title[start..<utf8.index(start, offsetBy: part.count)]
        }
    }

    private static func isLine(_ block: Block) -> Bool {
        if let cells = block.cells { return cells.filter { !$0.isEmpty }.count == 1 }
        return block.kind != .listItem && block.text.utf8.count <= 200
    }

    /// The state named first after a `state:` or `jurisdiction:` label that opens `text`, other
    /// words after it (`state: New Mexico year: 2019` gives New Mexico).
    static func leadingLabelledState(_ text: String, states: StateNames) -> String? {
        guard let words = HeaderReader.stateLabelValue(text)?.split(separator: " ", maxSplits: 5) else { return nil }
        for count in stride(from: min(4, words.count), through: 1, by: -1) {
            if let name = states.fullName(of: words.prefix(count).joined(separator: " ")) { return name }
        }
        return nil
    }

    /// `State: Utah`, `Jurisdiction: TX`: what follows the label.
    private static func labelledState(_ text: String) -> String? {
        guard let value = HeaderReader.stateLabelValue(text), !value.isEmpty, value.utf8.count <= 48 else { return nil }
        return String(value)
    }

    /// A table row of two filled cells, the label `State` or `Jurisdiction` and its value (a
    /// spreadsheet's `State | Utah`): the value.
    private static func labelledRowState(_ block: Block) -> String? {
        guard let cells = block.cells else { return nil }
        let filled = cells.filter { !$0.isEmpty }
        guard filled.count == 2 else { return nil }
        let label = filled[0].hasSuffix(":") ? filled[0] : filled[0] + ":"
        return labelledState(label + " " + filled[1])
    }

    /// A year and a state's name, one before the other, alone on a line (`2013  OKLAHOMA`,
    /// `Oklahoma 2013`).
    private static func yearAndState(_ text: String, states: StateNames) -> (year: Int, state: String)? {
        let words = text.split(separator: " ")
        guard words.count >= 2, words.count <= 5 else { return nil }
        for (yearWord, rest) in [(words[0], words.dropFirst()), (words[words.count - 1], words.dropLast())] {
            guard let year = yearAlone(String(yearWord)) else { continue }
            let name = rest.joined(separator: " ")
            if states.fullName(of: name) != nil { return (year, name) }
        }
        return nil
    }

    /// The year of a `Year: 2023` line (spaces before the colon allowed).
    static func labelledYear(_ text: String) -> Int? {
        guard text.utf8.count <= 24, ASCIIText.hasPrefix(text, "year") else { return nil }
        let rest = text.dropFirst(4).drop { $0 == " " }
        guard rest.first == ":" else { return nil }
        return yearAlone(String(rest.dropFirst().trimming(where: { $0 == " " })))
    }

    /// A year alone on its line (`2017`).
    private static func yearAlone(_ text: String) -> Int? {
        guard text.utf8.count == 4, let year = Int(text), (1900...2200).contains(year) else { return nil }
        return year
    }

    /// Words that join a title's words to a state after them (`… Trafficking in Ohio` speaks of
    /// the state; `… Trafficking Ohio` names it), in lower case.
    static let joiningWords: Set<String> = [
        "on", "of", "in", "for", "and", "&", "to", "the", "from", "by", "with", "at", "across", "within", "throughout", "about",
        "-", "–", "—", ":", "|",
    ]

    /// A title line that ends in a state after the framework's words: `... Sex Trafficking
    /// ALABAMA` (a state line run into the title) or `... Sex Trafficking State: California`
    /// (a labelled one). The words before must still name a report card, and must not end in a
    /// word that joins them to the state (`on`, `in`, `for`): then the state is the framework's
    /// subject, not the card's.
    private static func stateAtEnd(of title: String, states: StateNames) -> (title: String, state: String, labelled: Bool)? {
        let words = WordStream.split(title[...], atTabs: false)
        guard words.count >= 3 else { return nil }
        for label: StaticString in ["state:", "jurisdiction:"] {
            // No character but the ASCII letters themselves lower-cases to a letter of the labels.
            guard ASCIIText.contains(title, label),
                let index = words.lastIndex(where: { $0.lowercased() == label.description }), index > 0,
                index + 1 < words.count
            else { continue }
            let before = words[..<index].joined(separator: " ")
            guard ReportCardExtractor.isTitle(before) else { continue }
            return (before, words[(index + 1)...].joined(separator: " "), true)
        }
        guard !states.isEmpty else { return nil }
        for count in stride(from: min(4, words.count - 2), through: 1, by: -1) {
            let tail = words.suffix(count)
            let name = WordStream.joined(tail)
            // A code alone (`IN`, `OR`) is a word as often as a state: only a name counts here.
            guard name.utf8.count > 2, let first = tail.first, let last = tail.last,
                WordStream.isCapitalized(first), WordStream.isCapitalized(last), let state = states.fullName(of: name)
            else { continue }
            let rest = words.prefix(words.count - count)
            // The longest name decides: `West Virginia` after a dash is no `Virginia`.
            guard let joiner = rest.last, !joiningWords.contains(joiner.lowercased()), !joiner.hasSuffix(":") else { return nil }
            let before = rest.joined(separator: " ")
            return ReportCardExtractor.isTitle(before) ? (before, state, false) : nil
        }
        return nil
    }
}
