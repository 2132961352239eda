import Foundation
import LexpipeIngest
import LexpipeJurisdictions
import LexpipeMarkup
import LexpipeRecord

/// Reads a document's header (title, series, state and date) from its opening blocks, in
/// whatever order they come, as GROBID reads a paper's header: every block near the top is a
/// candidate for a field (a labelled line, a date alone, a state alone, a heading or short line
/// for the title), the best candidate of each field is kept, and another that disagrees with it
/// is reported. The page's `<title>` or a running header is the last place looked.
struct HeaderReader {
    var states: StateNames

    /// What the header holds, and how many opening blocks it takes (the body starts after them).
    struct Header {
        var title: String?
        var series: String?
        var state: String?
        var date: String?
        var length = 0
        /// Where the title was read, when it was read from a block.
        var titleIndex: Int?
        var warnings: [Diagnostic] = []
    }

    /// A field's candidate: its value as written, how sure the reading is, where it was read,
    /// and whether it stood in the header (rather than further down, where it is only a guess).
    private struct Candidate {
        var value: String
        var score: Int
        var place: Place
        var inHeader = true
    }

    /// Where a candidate was read; named in a warning only, so a block's text is quoted then.
    private enum Place {
        case block(String)
        case title
        case pageTitle

        var text: String {
            switch self {
            case let .block(text): "\"\(text)\""
            case .title: "the title"
            case .pageTitle: "the page title"
            }
        }
    }

    /// The header of `blocks`; `pageTitle` is the page's `<title>` or running header.
    ///
    /// A page saved whole or converted with its site chrome (a skip link, a menu, breadcrumbs)
    /// puts lines above the title that are shaped like one. The title is then the block that
    /// reads as the document's title by itself, the first level-one heading or a line naming
    /// its state after a dash or colon (`Title - State`), and the header is read from there.
    /// `siteName` is the page's name for its site, the place of last resort for the state.
    func read(_ blocks: [Block], pageTitle: String?, siteName: String? = nil, lastEdited: @autoclosure () -> String? = nil) -> Header {
        var header = readAnchored(blocks, pageTitle: pageTitle)
        // A page with no date at its top may give one at its end (`Page last updated: March
        // 14, 2023`): a labelled date alone in one of its last blocks.
        if header.date == nil {
            for block in blocks.suffix(3).reversed() where block.text.utf8.count <= 80 {
                if let date = DateText.find(in: block.text), date.isWholeBlock, date.isLabelled {
                    header.date = date.text
                    break
                }
            }
        }
        // A wiki article dates itself only by its last edit, in the footer left out.
        if header.date == nil, let lastEdited = lastEdited(), let date = DateText.find(in: lastEdited) { header.date = date.text }
        // A page that names its state nowhere else may be on the state's own site
        // (`Texas Legislature Online`).
        if header.state == nil, let siteName, let state = stateAtEdge(of: siteName) { header.state = state }
        return header
    }

    private func readAnchored(_ blocks: [Block], pageTitle: String?) -> Header {
        let header = read(blocks, from: 0, pageTitle: pageTitle)
        guard let anchor = titleAnchor(blocks), anchor > 0, header.titleIndex != anchor else { return header }
        var anchored = read(blocks, from: anchor, pageTitle: pageTitle)
        guard anchored.titleIndex == anchor else { return header }
        // A date set just above the title (`Date: December 2023` over the heading) is the
        // header's, not the chrome's.
        if anchored.date == nil {
            for block in blocks[..<anchor].reversed() {
                if let date = DateText.find(in: block.text), date.isWholeBlock {
                    anchored.date = date.text
                    break
                }
                // The series label and the date on one line (`STATE STATUTES SERIES   Current
                // Through March 2021`, a page's two ends as a text browser lines them up).
                if let date = seriesAndDate(block.text)?.date {
                    anchored.date = date
                    break
                }
                // A dateline over the headline (`Newsletter · December 1, 2022`), or the session a
                // legislature's page is of (`2024 Regular Session`).
                if let date = bylineDate(block.text) ?? HeaderReader.sessionYear(block.text) {
                    anchored.date = date
                    break
                }
            }
        }
        // A state's name alone just above the title (a converted page's line under its
        // breadcrumb) is the header's too; a date or series line may stand between.
        if anchored.state == nil {
            for block in blocks[..<anchor].reversed().prefix(3) {
                if let state = states.fullName(of: block.text) ?? labelledState(block.text) {
                    anchored.state = state
                    break
                }
                if let split = titleState(block.text), SeriesLabel.matches(split.title) {
                    anchored.state = split.state
                    anchored.series = anchored.series ?? split.title
                    break
                }
                guard SeriesLabel.matches(block.text) || DateText.find(in: block.text)?.isWholeBlock == true else { break }
            }
        }
        anchored.warnings.append(Diagnostic(.header, .document, "header: \(anchor) block(s) of site chrome above the title left out"))
        return anchored
    }

    /// The first of the opening blocks that reads as a title by itself: a level-one heading, or
    /// a title-shaped block that names its state after a dash or before or after a colon.
    private func titleAnchor(_ blocks: [Block]) -> Int? {
        let hasLevelOne = blocks.prefix(16).contains { $0.headingLevel == 1 }
        for (index, block) in blocks.prefix(16).enumerated() {
            if (block.cells?.count ?? 0) > 1 || StatuteSummaryExtractor.citationLine(block.text) != nil { return nil }
            // A row of one cell is a layout table's (an e-mail's `View this email in your browser`).
            if block.cells != nil { continue }
            if block.headingLevel == 1 { return index }
            // `State: Florida` is the state's labelled line, no title naming its state.
            if labelledState(block.text) != nil { continue }
            // `State Statutes Series: Ohio` names its state after a colon too, but is the series
            // line over the title, no title.
            if isTitleShaped(block), block.kind == .paragraph || block.headingLevel != nil,
                let split = titleState(block.text) ?? titleAndDate(block.text).map({ (title: $0.title, state: $0.state) }),
                !SeriesLabel.matches(split.title)
            {
                return index
            }
            // A title-shaped block over a block that names a state alone (the title's line and
            // the state's under it, as a text browser prints a page's heading and subheading).
            if !hasLevelOne, isTitleShaped(block), block.kind == .paragraph || block.headingLevel != nil, index + 1 < blocks.count,
                blocks[index + 1].cells == nil, states.fullName(of: blocks[index + 1].text) != nil, states.fullName(of: block.text) == nil,
                !SeriesLabel.matches(block.text)
            {
                return index
            }
        }
        return nil
    }

    /// The header read from the block at `start` on.
    private func read(_ blocks: [Block], from start: Int, pageTitle: String?) -> Header {
        var header = Header()
        var title: (value: String, isLevelOne: Bool)?
        var titleBlock: Block?
        var states: [Candidate] = []
        var dates: [Candidate] = []
        // The header ends at the first block that is none of its fields (a second title-shaped
        // block, a paragraph); three blocks more are looked at for a date or state a document
        // without a header gives near its top (a press release's dateline).
        var inHeader = true
        var lookedPast = 0
        for (index, block) in zip(blocks.indices, blocks).dropFirst(start).prefix(10) {
            if !inHeader {
                lookedPast += 1
                if lookedPast > 3 { break }
            }
            var text = block.text
            if let cells = block.cells {
                // A row of the series label and the date (a word processor's text, a tab between
                // them) is those two header lines; any other row starts the body.
                let filled = cells.filter { !$0.isEmpty }
                guard filled.count == 2, case let joined = filled.joined(separator: " "), seriesAndDate(joined) != nil else {
                    // A table of facts under the headline whose first row labels a date
                    // (`Release Date | March 14, 2023`, an announcement's) dates the page.
                    if index == start + 1 || index == (header.titleIndex ?? -2) + 1, filled.count == 2,
                        filled[0].utf8.count <= 24, ASCIIText.hasSuffix(filled[0], "date"),
                        let date = DateText.find(in: filled[1]), date.isWholeBlock
                    {
                        dates.append(Candidate(value: date.text, score: inHeader ? 4 : 1, place: .block(filled[1]), inHeader: inHeader))
                    }
                    break
                }
                text = joined
            }
            if StatuteSummaryExtractor.citationLine(text) != nil { break }
            let place = Place.block(text)
            let penalty = inHeader ? 0 : 3
            // A news story's first paragraph opens with its dateline, however long it is.
            if let date = HeaderReader.datelineDate(text) {
                dates.append(Candidate(value: date, score: 4 - penalty, place: place, inHeader: inHeader))
                inHeader = false
                continue
            }
            if text.utf8.count > 300 { break }
            if let split = titleState(text), SeriesLabel.matches(split.title) {
                // `State Statutes Series: Ohio`: the series label with the state, no title.
                if inHeader { header.series = header.series ?? split.title }
                states.append(Candidate(value: split.state, score: 4 - penalty, place: place, inHeader: inHeader))
            } else if SeriesLabel.matches(text) {
                if inHeader { header.series = header.series ?? text }
            } else if inHeader, title == nil, let (series, date, rest) = seriesDateAndTitle(text) {
                // The three on one block, the title's lines under the other two with no blank
                // line between (pdfplumber's text of a summary's first page).
                header.series = header.series ?? series
                dates.append(Candidate(value: date, score: 4, place: place, inHeader: true))
                title = (rest, false)
                header.titleIndex = index
                titleBlock = nil
            } else if inHeader, title == nil, let (rest, _, date) = titleAndDate(text) {
                // The title naming its state and the date under it, joined by a conversion that
                // left no blank line between (`… : Rhode Island Current Through March 2022`).
                dates.append(Candidate(value: date.text, score: date.isLabelled ? 5 : 4, place: place, inHeader: true))
                title = (rest, block.headingLevel == 1)
                header.titleIndex = index
                titleBlock = nil
            } else if let (series, date) = seriesAndDate(text) {
                // `STATE STATUTES Current Through August 2019`: two header lines a conversion joined.
                // The series' date is the summary's, over a post's byline above it (`June 14,
                // 2022 · Updated September 1, 2022`), which dates the page.
                if inHeader { header.series = header.series ?? series }
                dates.append(Candidate(value: date, score: 5 - penalty, place: place, inHeader: inHeader))
            } else if let state = labelledState(text) {
                states.append(Candidate(value: state, score: 5 - penalty, place: place, inHeader: inHeader))
            } else if let date = DateText.find(in: text), date.isWholeBlock {
                dates.append(Candidate(value: date.text, score: (date.isLabelled ? 5 : 4) - penalty, place: place, inHeader: inHeader))
            } else if let state = self.states.fullName(of: text) {
                states.append(Candidate(value: state, score: 4 - penalty, place: place, inHeader: inHeader))
            } else if let date = bylineDate(text) {
                dates.append(Candidate(value: date, score: 4 - penalty, place: place, inHeader: inHeader))
            } else if let year = HeaderReader.sessionYear(text) {
                dates.append(Candidate(value: year, score: 3 - penalty, place: place, inHeader: inHeader))
            } else if let date = HeaderReader.openingDate(text) {
                // A meeting's or event's date line (`Thursday, June 23, 2022, 8:30 a.m.`).
                dates.append(Candidate(value: date, score: 3 - penalty, place: place, inHeader: inHeader))
            } else if inHeader, isTitleShaped(block) {
                let isLevelOne = block.headingLevel == 1
                if let current = title, !(isLevelOne && !current.isLevelOne), !HeaderReader.isLabel(current.value, above: text) {
                    // A second title-shaped block starts the body, unless it is the page's one
                    // top heading and what came before was not (a publisher's line above it).
                    inHeader = false
                    // The publisher's line under the title may name it by its state (`Wyoming
                    // Legislature — 2022 Interim`): the state of last resort.
                    if let state = organizationState(text) {
                        states.append(Candidate(value: state, score: -1, place: place, inHeader: false))
                    }
                    continue
                }
                // A label set over the headline (`MONTANA LEGISLATIVE SERVICES DIVISION`) may
                // name its publisher by its state: the state of last resort.
                if let current = title, HeaderReader.isLabel(current.value, above: text), let state = organizationState(current.value) {
                    states.append(Candidate(value: state, score: -1, place: .block(current.value), inHeader: false))
                }
                title = (text, isLevelOne)
                header.titleIndex = index
                titleBlock = block
            } else {
                inHeader = false
                continue
            }
            if inHeader { header.length = index + 1 }
        }
        header.title = title?.value
        if let title = header.title {
            if let split = titleState(title) {
                states.append(Candidate(value: split.state, score: 3, place: .title))
            } else if let titleBlock, let split = stateOnLastLine(of: titleBlock) {
                // The title's lines and the state's line below them, joined by the conversion.
                header.title = split.title
                states.append(Candidate(value: split.state, score: 3, place: .title))
            } else if let state = stateAtEdge(of: title) ?? onlyStateNamed(in: title) {
                // A headline that opens or ends with a state's name (`Mississippi Raises Its Grade`),
                // or names one state and no other (`Advocates Cheer as Ohio Earns a B`).
                states.append(Candidate(value: state, score: 0, place: .title, inHeader: false))
            }
        }
        if let pageTitle, !pageTitle.isEmpty {
            let site = HeaderReader.siteTitle(pageTitle)
            let split = titleState(site)
            if header.title == nil {
                header.title = site
            } else if let title = header.title, let whole = HeaderReader.continuing(title, in: split?.title ?? site),
                stateAtEdge(of: whole) == nil
            {
                // The headline's first line set apart (`PENAL CODE` over `CHAPTER 20A. …`): the
                // page's title has it whole (not a headline with its state added, `… in Ohio`).
                header.title = whole
            }
            // A page whose top gives no date may give it among its `<title>`'s parts
            // (`Newsletter | April 2019`).
            if dates.isEmpty, let date = bylineDate(pageTitle) {
                dates.append(Candidate(value: date, score: 1, place: .pageTitle))
            }
            if let split {
                states.append(Candidate(value: split.state, score: 1, place: .pageTitle))
            } else if let state = self.states.fullName(of: site) {
                states.append(Candidate(value: state, score: 1, place: .pageTitle))
            } else if let publisher = HeadlineState.lastRange(of: " | ", in: pageTitle).map({ pageTitle[$0.upperBound...] }),
                let state = publisherState(publisher)
            {
                // The site's name after the headline names its publisher by its state
                // (`… | Pennsylvania Commission on Crime and Delinquency`): the state of last resort.
                states.append(Candidate(value: state, score: -1, place: .pageTitle))
            }
        }
        // A page that names no state in its header may name one, and no other, in its prose
        // (`Under Ohio law …`): the state of last resort. A name that opens a code's name
        // (`Alaska Stat. § 11.66.110`) or a proper name (`Kansas City`) is no such mention.
        if states.isEmpty, let (state, text) = onlyStateInProse(blocks) {
            states.append(Candidate(value: state, score: -2, place: .block(text), inHeader: false))
        }
        header.state = best(states, field: "state", warnings: &header.warnings)
        header.date = best(dates, field: "date", warnings: &header.warnings)
        return header
    }

    /// The one state the blocks name in prose (its full name with a lower-case word, a
    /// punctuation mark or the block's end after it, `'s` allowed), and the block that names it
    /// first; `nil` when they name none or more than one.
    private func onlyStateInProse(_ blocks: [Block]) -> (state: String, text: String)? {
        var found: (state: String, text: String)?
        for block in blocks where block.cells == nil {
            let words = WordStream.split(block.text[...], atTabs: false)
            var index = 0
            while index < words.count {
                var matched = 0
                for count in stride(from: min(3, words.count - index), through: 1, by: -1) {
                    var phrase = WordStream.joined(words[index..<(index + count)])
                    // The mark after the name (`Ohio,`, `Ohio's`) is no part of it.
                    var endsClause = false
                    if phrase.hasSuffix("'s") || phrase.hasSuffix("’s") {
                        phrase.removeLast(2)
                        endsClause = true
                    }
                    while let last = phrase.last, ",.;:)".contains(last) {
                        phrase.removeLast()
                        endsClause = true
                    }
                    // The name written whole: an abbreviation (`D.C. Code`, `Tex.`) opens a code's name.
                    guard phrase.utf8.count > 2, phrase.first?.isUppercase == true, let state = states.fullName(of: phrase), state == phrase
                    else { continue }
                    let next = index + count < words.count ? words[index + count] : nil
                    if !endsClause, let next, next.first?.isUppercase == true || next.first == "§" { break }
                    if let found, found.state != state { return nil }
                    found = found ?? (state, block.text)
                    matched = count
                    break
                }
                index += max(1, matched)
            }
        }
        return found
    }

    /// A title block of several lines whose last words name a state (`Responding to Child
    /// Victims of Human Trafficking` over `Pennsylvania`): the title and the state apart. One
    /// line that ends in a state's name is a headline that speaks of it, and stays whole.
    private func stateOnLastLine(of block: Block) -> (title: String, state: String)? {
        guard block.headingLevel == nil, let lines = block.span?.lines, lines.count > 1 else { return nil }
        let words = block.text.split(separator: " ")
        guard words.count >= 3 else { return nil }
        for count in (1...min(3, words.count - 2)).reversed() {
            if let state = states.fullName(of: words.suffix(count).joined(separator: " ")) {
                return (words.dropLast(count).joined(separator: " "), state)
            }
        }
        return nil
    }

    /// Whether `line`, read as the title so far, is a label over the headline `next` (a news
    /// release's `FOR IMMEDIATE RELEASE`): a line of up to four words in capitals over a
    /// mixed-case line of more words than it and five at least. A title in capitals is followed
    /// by mixed-case prose (no title-shaped line) or by a shorter line (a section's heading).
    static func isLabel(_ line: String, above next: String) -> Bool {
        // A label is short: a longer line is not split into words.
        guard line.utf8.count <= 40 else { return false }
        let words = line.split(separator: " ")
        guard (1...4).contains(words.count), line.contains(where: \.isLetter),
            !line.contains(where: { $0.isLowercase || $0.isNumber }), next.contains(where: \.isLowercase)
        else { return false }
        return next.split(separator: " ").count >= max(5, words.count + 2)
    }

    /// The first labelled date among the parts of a byline (`By Staff Writer | Published Nov.
    /// 18, 2021 | Updated Nov. 19, 2021`): a part that is a label and a date and nothing else.
    private func bylineDate(_ text: String) -> String? {
        // The separators' bytes first: `|`, or the last byte of `·` (C2 B7) or of the Greek ano
        // teleia (CE 87) that compares equal to it.
        guard text.utf8.count <= 200, text.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == 0xB7 || $0 == 0x87 }),
            text.contains(" | ") || text.contains(" · ")
        else { return nil }
        let parts = text.split(separator: "|").flatMap({ $0.split(separator: "·") })
        for part in parts {
            let part = part.trimming(where: \.isWhitespace)
            if let date = DateText.find(in: String(part)), date.isWholeBlock, date.isLabelled { return date.text }
        }
        // A dateline's last part, a date with no label (`Newsletter · December 1, 2022`).
        if let last = parts.last, parts.count > 1, let date = DateText.find(in: String(last.trimming(where: \.isWhitespace))),
            date.isWholeBlock
        {
            return date.text
        }
        return nil
    }

    /// The date a block opens with, a weekday before it allowed, when more follows it after a
    /// comma (`Thursday, June 23, 2022, 8:30 a.m.`); else `nil`.
    static func openingDate(_ text: String) -> String? {
        // The date is followed by a comma: a text without one is not split into words.
        guard text.utf8.count <= 200, text.utf8.contains(UInt8(ascii: ",")) else { return nil }
        var words = text.split(separator: " ", maxSplits: 5).map { $0 }
        if let first = words.first, first.hasSuffix(","), weekdays.contains(first.dropLast().lowercased()) { words.removeFirst() }
        guard words.count >= 4, words[2].hasSuffix(",") else { return nil }
        let opening = words.prefix(3).joined(separator: " ").dropLast()
        guard let date = DateText.find(in: String(opening)), date.isWholeBlock else { return nil }
        return date.text
    }

    private static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The state a short line's first piece opens with, when that piece names an organization
    /// after it (`Wyoming Legislature`, of `Wyoming Legislature — 2022 Interim`); else `nil`.
    private func organizationState(_ text: String) -> String? {
        guard text.utf8.count <= 80 else { return nil }
        var piece = Substring(text)
        // Each separator is looked for only where the text holds its distinctive byte (that of
        // the dash or bar, or the last byte of `·` or of the ano teleia equal to it).
        let separators: [(String, [UInt8])] = [
            (" — ", [0x94]), (" – ", [0x93]), (" - ", [UInt8(ascii: "-")]), (" | ", [UInt8(ascii: "|")]), (" · ", [0xB7, 0x87]),
        ]
        for (separator, bytes) in separators where text.utf8.contains(where: bytes.contains) {
            if let range = piece.range(of: separator) { piece = piece[..<range.lowerBound] }
        }
        let words = WordStream.split(piece, atTabs: false)
        guard (2...6).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        for count in 1...min(3, words.count - 1) {
            if let state = states.fullName(of: WordStream.joined(words.prefix(count))) { return state }
        }
        return nil
    }

    /// The state a publisher's name opens with (`Pennsylvania Commission on Crime and
    /// Delinquency`, `Ohio Department of Health`): a state's full name, then a capitalized
    /// word, in a name of eight words at most; else `nil`.
    private func publisherState(_ name: Substring) -> String? {
        guard name.utf8.count <= 80 else { return nil }
        let words = WordStream.split(name, atTabs: false)
        guard (2...8).contains(words.count) else { return nil }
        for count in 1...min(3, words.count - 1) where words[count].first?.isUppercase == true {
            if let state = states.fullName(of: WordStream.joined(words.prefix(count))) { return state }
        }
        return nil
    }

    /// The year of a legislative session named alone (`2024 Regular Session`, `2023
    /// Legislative Session`): the year a legislature's page speaks for.
    static func sessionYear(_ text: String) -> String? {
        // Four digits and a space open it (after any spaces): any other text is not split into words.
        let opening = text.utf8.drop { $0 == UInt8(ascii: " ") }.prefix(5)
        guard opening.count == 5, opening.prefix(4).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), opening.last == UInt8(ascii: " ") else {
            return nil
        }
        let words = text.split(separator: " ")
        guard (2...3).contains(words.count), words[0].utf8.count == 4, words[0].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let year = Int(words[0]), (1900...2200).contains(year), words.last?.lowercased() == "session",
            words.count == 2 || ["regular", "special", "legislative", "extraordinary"].contains(words[1].lowercased())
        else { return nil }
        return String(year)
    }

    /// A series label and a date in one block (`STATE STATUTES Current Through August 2019`):
    /// the label and the date as written.
    private func seriesAndDate(_ text: String) -> (series: String, date: String)? {
        // Every label ends in `Series` or opens with `State Statutes`.
        guard ASCIIText.contains(text, "series") || ASCIIText.contains(text, "statutes") else { return nil }
        let words = text.split(separator: " ")
        guard words.count >= 3 else { return nil }
        for count in 2...min(6, words.count - 1) {
            let series = words.prefix(count).joined(separator: " ")
            guard SeriesLabel.matches(series) else { continue }
            let rest = words.dropFirst(count).joined(separator: " ")
            if let date = DateText.find(in: rest), date.isWholeBlock { return (series, date.text) }
        }
        return nil
    }

    /// A title that names its state (`titleState`) and a date after it in one block (`Definitions
    /// of Human Trafficking: Rhode Island Current Through March 2022`): the two apart, the title
    /// whole with the state it names, the date the longest run of words at the end that is a
    /// date by itself.
    private func titleAndDate(_ text: String) -> (title: String, state: String, date: DateText.Match)? {
        // A date ends in its year's digits: most blocks end otherwise and are split no further.
        guard text.utf8.count <= 300, let last = text.utf8.last, last >= UInt8(ascii: "0"), last <= UInt8(ascii: "9") else { return nil }
        let words = text.split(separator: " ")
        guard words.count >= 4 else { return nil }
        for count in stride(from: min(5, words.count - 3), through: 1, by: -1) {
            guard let date = DateText.find(in: words.suffix(count).joined(separator: " ")), date.isWholeBlock else { continue }
            let title = words.dropLast(count).joined(separator: " ")
            return titleState(title).map { (title, $0.state, date) }
        }
        return nil
    }

    /// A series label, a date and a title in one block (`STATE STATUTES SERIES Current Through
    /// August 2020 Responding to … : Mississippi`): the three apart, the date the longest run
    /// of words after the label that is a date by itself, the title three words or more with
    /// one in lower case at least.
    private func seriesDateAndTitle(_ text: String) -> (series: String, date: String, title: String)? {
        guard text.utf8.count <= 300, ASCIIText.contains(text, "series") || ASCIIText.contains(text, "statutes") else { return nil }
        let words = text.split(separator: " ")
        guard words.count >= 6 else { return nil }
        for count in 2...min(6, words.count - 4) {
            guard SeriesLabel.matches(words.prefix(count).joined(separator: " ")) else { continue }
            for dateCount in stride(from: min(5, words.count - count - 3), through: 1, by: -1) {
                let dateWords = words[count..<(count + dateCount)].joined(separator: " ")
                guard let date = DateText.find(in: dateWords), date.isWholeBlock else { continue }
                let title = words[(count + dateCount)...]
                guard title.count >= 3, title.contains(where: { $0.contains(where: \.isLowercase) }) else { return nil }
                return (words.prefix(count).joined(separator: " "), date.text, title.joined(separator: " "))
            }
        }
        return nil
    }

    /// The one state a headline names by its full name (capitalized words, not a USPS code),
    /// when it names exactly one; `nil` when it names none or several.
    private func onlyStateNamed(in title: String) -> String? {
        let words = WordStream.split(title[...], atTabs: false)
        var found: String?
        var index = 0
        while index < words.count {
            var matched = 0
            for count in stride(from: min(3, words.count - index), through: 1, by: -1) {
                let phrase = WordStream.joined(words[index..<(index + count)])
                guard phrase.utf8.count > 2, phrase.first?.isUppercase == true, let state = states.fullName(of: phrase) else { continue }
                if let found, found != state { return nil }
                found = state
                matched = count
                break
            }
            index += max(1, matched)
        }
        return found
    }

    /// The date of a news story's dateline opening a paragraph (`WASHINGTON, Nov. 15, 2023 —`,
    /// `SALEM, Ore. (May 17, 2023) –`): a place whose first word is in capitals, then a date,
    /// then a dash, in the paragraph's first hundred characters.
    static func datelineDate(_ text: String) -> String? {
        // The place's first word is in capitals: a text whose first word opens with an ASCII
        // byte other than a capital, `,` or `.`, or has an ASCII lower-case letter second, has none.
        let opening = Array(text.utf8.drop { $0 == UInt8(ascii: " ") }.prefix(2))
        if let first = opening.first, first < 0x80 {
            guard first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") || first == UInt8(ascii: ",") || first == UInt8(ascii: ".")
            else { return nil }
            if opening.count == 2, opening[1] >= UInt8(ascii: "a"), opening[1] <= UInt8(ascii: "z") { return nil }
        }
        let head = text.prefix(100)
        guard let first = head.split(separator: " ", maxSplits: 1).first, first.count >= 3,
            first.allSatisfy({ $0.isUppercase || $0 == "," || $0 == "." }), first.contains(where: \.isLetter)
        else { return nil }
        guard let dash = [" — ", " – ", " -- ", " - ", "—"].compactMap({ head.firstRange(of: $0)?.lowerBound }).min() else { return nil }
        let place = String(head[..<dash]).map { $0 == "(" || $0 == ")" ? " " : $0 }
        guard let date = DateText.find(in: String(place)), date.text.contains(where: { !$0.isNumber }) || date.text.contains("-") else {
            return nil
        }
        return date.text
    }

    /// The state named by the first or last one to three words of a headline (the longest
    /// name first: `West Virginia`, not `Virginia`).
    private func stateAtEdge(of title: String) -> String? {
        let words = WordStream.split(title[...], atTabs: false)
        guard words.count >= 2 else { return nil }
        for count in (1...min(3, words.count - 1)).reversed() {
            if let state = states.fullName(of: WordStream.joined(words.prefix(count))) { return state }
            if let state = states.fullName(of: WordStream.joined(words.suffix(count))) { return state }
        }
        return nil
    }

    /// The best candidate (the highest score, the first of equals); each other one in the
    /// header that says something else is reported.
    private func best(_ candidates: [Candidate], field: String, warnings: inout [Diagnostic]) -> String? {
        guard var kept = candidates.first else { return nil }
        for candidate in candidates.dropFirst() where candidate.score > kept.score { kept = candidate }
        let keptKey = KnownCodeNames.key(kept.value)
        for candidate in candidates where candidate.inHeader && KnownCodeNames.key(candidate.value) != keptKey {
            warnings.append(Diagnostic(
                .header, .document,
                "header: \(field): \(kept.place.text) gives \"\(kept.value)\", \(candidate.place.text) gives \"\(candidate.value)\"; kept \"\(kept.value)\""
            ))
        }
        return kept.value
    }

    /// `State: Utah`, `Jurisdiction: TX`: the state's full name.
    private func labelledState(_ text: String) -> String? {
        guard let value = HeaderReader.stateLabelValue(text) else { return nil }
        return states.fullName(of: value) ?? (value.isEmpty || value.utf8.count > 48 ? nil : String(value))
    }

    /// What follows a `State:` or `Jurisdiction:` label opening `text` (any case), spaces
    /// trimmed; `nil` for a text without one.
    static func stateLabelValue(_ text: String) -> Substring? {
        for label: StaticString in ["state:", "jurisdiction:"] where ASCIIText.hasPrefix(text, label) {
            return text.dropFirst(label.utf8CodeUnitCount).trimming(where: { $0 == " " })
        }
        return nil
    }

    /// A title ending in its state after a dash or starting with it before a colon
    /// (`Title - State`, `State: Title`).
    func titleState(_ title: String) -> (title: String, state: String)? {
        for separator in [" - ", " – ", " — ", ": "] {
            guard let range = HeadlineState.lastRange(of: separator, in: title) else { continue }
            if let state = states.fullName(of: title[range.upperBound...]) {
                return (String(title[..<range.lowerBound]), state)
            }
            if separator == ": ", let state = states.fullName(of: title[..<range.lowerBound]) {
                return (String(title[range.upperBound...]), state)
            }
        }
        return nil
    }

    /// The page's title `pageTitle` when it opens with the headline `title`, in any case, and
    /// goes on past it by whole words; else `nil`.
    static func continuing(_ title: String, in pageTitle: String) -> String? {
        let headline = title.lowercased()
        let whole = pageTitle.lowercased()
        guard whole.count > headline.count + 1, whole.hasPrefix(headline) else { return nil }
        let after = whole.dropFirst(headline.count)
        guard after.first == " ", after.contains(where: \.isLetter) else { return nil }
        // A dash or bar after the headline sets the site's name apart (`Headline - Site`).
        for separator in [" - ", " – ", " — ", " | "] where after.hasPrefix(separator) { return nil }
        return pageTitle
    }

    /// A page's `<title>` without the site's name after ` | `: its first piece, as
    /// `split(separator: " | ").first` gives it. By bytes: the separator's characters have no
    /// other canonical form, and a match whose spaces join no mark beside them is one of
    /// `Character`s.
    static func siteTitle(_ pageTitle: String) -> String {
        // The first piece's byte offsets; `nil` where a separator's spaces join a mark beside them.
        let found = pageTitle.utf8.withContiguousStorageIfAvailable { bytes -> Range<Int>? in
            var start = 0
            var index = 0
            while index + 3 <= bytes.count {
                index = bytes.offset(of: UInt8(ascii: " "), from: index, to: bytes.count - 2)
                guard index + 3 <= bytes.count else { break }
                guard bytes[index + 1] == UInt8(ascii: "|"), bytes[index + 2] == UInt8(ascii: " ") else {
                    index += 1
                    continue
                }
                guard ASCIICharacterBoundary.standsAlone(at: index, in: bytes),
                    ASCIICharacterBoundary.standsAlone(at: index + 2, in: bytes)
                else { return nil }
                // Pieces are taken as `split` takes them: empty ones left out.
                if index > start { return start..<index }
                index += 3
                start = index
            }
            return start..<bytes.count
        }
        guard let found, let range = found else {
            return pageTitle.split(separator: " | ").first.map(String.init) ?? pageTitle
        }
        if range.isEmpty { return pageTitle }
        let utf8 = pageTitle.utf8
        return String(pageTitle[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }

    /// A block that could be a title: a heading or a paragraph (bold or not) of up to 200 bytes
    /// that does not end a sentence.
    private func isTitleShaped(_ block: Block) -> Bool {
        guard block.kind == .paragraph || block.headingLevel != nil else { return false }
        let text = block.text
        guard text.utf8.count <= 200, let last = text.last, !HeaderReader.isTrail(text) else { return false }
        return block.headingLevel != nil || !".;,".contains(last) || text.hasSuffix("etc.")
    }

    /// A breadcrumb trail (`Home › Resources › Title: State`): two or more of one separator
    /// that no title uses between its words (`›`, `»`, ` > `, ` / `).
    static func isTrail(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "/") }) else { return false }
        for separator in ["›", "»", " > ", " / "] where text.components(separatedBy: separator).count >= 3 { return true }
        return false
    }
}

/// A series label above a title: `State Statutes Series`, `Issue Brief Series`, `State
/// Statutes`: up to six words ending in "Series" (or CWIG's bare `State Statutes`). Read as the
/// series, never as the title.
enum SeriesLabel {
    static func matches(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count >= 8, utf8.count <= 60 else { return false }
        // By bytes: a word is a run between spaces, and the words compared are ASCII. Counted
        // in place, the last one kept.
        var count = 0
        var last = utf8.startIndex..<utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            guard utf8[index] != 0x20 else {
                index = utf8.index(after: index)
                continue
            }
            let start = index
            while index < utf8.endIndex, utf8[index] != 0x20 { index = utf8.index(after: index) }
            count += 1
            last = start..<index
        }
        guard count >= 2, count <= 6 else { return false }
        if ASCIIText.hasPrefix(Substring(utf8[last]), "series"), utf8[last].count == 6 { return true }
        return ASCIIText.hasPrefix(text, "state statutes") && (utf8.count == 14 || ASCIIText.hasPrefix(text, "state statutes series "))
    }
}
