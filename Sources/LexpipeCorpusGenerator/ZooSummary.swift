import Foundation
import LexpipeRecord

/// A statute summary laid out in any zoo layout, and the record a faithful extraction of it
/// holds.
extension StatuteSummary {
    /// The date line's text in `form` (`Current Through April 2023`).
    func dateText(_ form: DateForm) -> String {
        switch form {
        case .labelledMonthYear: "Date: \(month) \(year)"
        case .labelledYear: "Date: \(year)"
        case .monthYear: "\(month) \(year)"
        case .numeric: "\(monthNumber < 10 ? "0" : "")\(monthNumber)/\(year)"
        case .currentThrough: "Current Through \(month) \(year)"
        case .spanLabel: "Date: \(month) \(year)"
        }
    }

    /// The sections a layout shows: all of them, or for a page with no headings the first
    /// one alone (its heading not written).
    func shown(_ layout: ZooLayout) -> [SummarySection] {
        layout.heading == .noHeadings ? [sections[0]] : sections
    }

    /// The month as a number, 1-12.
    var monthNumber: Int { (Vocabulary.months.firstIndex(of: month) ?? 0) + 1 }

    /// The record an extraction of this summary should give, whatever its layout.
    func expectedRecord(_ layout: ZooLayout) -> DocumentRecord {
        let date = layout.date == .labelledYear ? String(year) : "\(year)-\(monthNumber < 10 ? "0" : "")\(monthNumber)"
        let sections = shown(layout).enumerated().map { offset, section in
            var paragraphs: [String] = []
            for block in section.blocks {
                switch block {
                case .citation: break
                case let .paragraph(text): paragraphs.append(ZooText.asRead(text))
                case let .list(items): paragraphs += items.map(ZooText.asRead)
                }
            }
            return Section(
                ordinal: offset + 1, heading: layout.heading == .noHeadings ? nil : section.heading,
                citations: section.lineCitations, references: section.proseCitations,
                provision: !(section.lineCitations.isEmpty && section.proseCitations.isEmpty),
                text: paragraphs.joined(separator: "\n\n")
            )
        }
        let named = layout.header.namesState
        return DocumentRecord(
            source: "", sha256: "", format: layout.format, kind: .statuteSummary, title: Vocabulary.summaryTitle,
            state: named ? jurisdiction.name : nil, stateCode: named ? jurisdiction.usps : nil, year: year, date: date,
            sections: sections
        )
    }

    /// The header's lines in reading order, each with its role, for every format.
    func headerLines(_ layout: ZooLayout, title: String = Vocabulary.summaryTitle) -> [(role: HeaderRole, text: String)] {
        let state = jurisdiction.name
        let date = (HeaderRole.date, dateText(layout.date))
        switch layout.header {
        case .titleDashState, .frontMatter: return [(.title, "\(title) - \(state)"), date]
        case .stateBeforeTitle: return [(.state, state), (.title, title), date]
        case .stateAfterTitle: return [(.title, title), (.state, state), date]
        case .boldState: return [(.title, title), (.boldState, state), date]
        case .stateHeading: return [(.title, title), (.stateHeading, state), date]
        case .labelledState: return [(.title, title), (.state, "State: \(state)"), date]
        case .dateFirst: return [date, (.title, "\(title) - \(state)")]
        case .seriesLabel: return [(.title, "\(title) - \(state)"), (.series, "State Statutes Series"), date]
        case .seriesLabelWithState: return [(.series, "State Statutes Series: \(state)"), (.title, title), date]
        case .stateInPageTitleOnly, .noState: return [(.title, title), date]
        }
    }

    /// The page's `<title>` and a running header: the title and, where the document names it,
    /// the state.
    func pageTitle(_ layout: ZooLayout, title: String = Vocabulary.summaryTitle) -> String {
        layout.header.namesState ? "\(title) - \(jurisdiction.name)" : title
    }

    /// The last crumb of a page's breadcrumbs: the state, or the series for a page naming none.
    func crumb(_ layout: ZooLayout) -> String {
        layout.header.namesState ? jurisdiction.name : "State Statutes"
    }

    /// Renders the summary in `layout`.
    func render(_ layout: ZooLayout, _ rng: inout SplitMix64) -> [UInt8] {
        let out: [UInt8] = switch layout.format {
        case .text: zooText(layout, &rng)
        case .markdown: zooMarkdown(layout)
        default: zooHTML(layout, &rng)
        }
        return layout.lineEnding == .crlf ? ZooText.crlf(out) : out
    }

    // MARK: Text

    private func zooText(_ layout: ZooLayout, _ rng: inout SplitMix64) -> [UInt8] {
        let furniture = layout.furniture
        let soft = furniture == .softHyphens || furniture == .everything
        let viewer = furniture == .viewerCopy
        let textLayout = TextLayout(
            width: viewer ? rng.int(56...64) : rng.int(74...84), hyphenation: soft ? 0.9 : 0.35, hyphen: soft ? "\u{00AD}" : "-"
        )
        let headingLigatures: LigatureForm = layout.ligatures == .droppedInHeadings && furniture != .linkReferences ? .dropped : .kept
        var headerUnits = headerLines(layout)
        if furniture == .ocrDigits, let date = headerUnits.firstIndex(where: { $0.role == .date }) {
            // OCR reads the year's `0` as `O` (`2O19`).
            headerUnits[date].text = headerUnits[date].text.replacingOccurrencesOfSlot(" 20", with: " 2O")
                .replacingOccurrencesOfSlot("/20", with: "/2O")
        }
        var units: [[[UInt8]]] = headerUnits.map { [ZooText.ligatures(Array($0.text.utf8), headingLigatures)] }
        // The units a text browser sets at the margin (the title, the headings), the others indented.
        var unindented = Set(headerUnits.indices.filter { headerUnits[$0].role == .title })
        // A text browser numbers the page's links in order; the skip link is the first.
        var links = ["https://www.childwelfare.gov/#main-content"]
        // Where each section's units start.
        var sectionStarts: Set<Int> = []
        for (sectionIndex, section) in shown(layout).enumerated() {
            sectionStarts.insert(units.count)
            let label = layout.citationLabel.label(section: sectionIndex)
            let heading = ZooText.ligatures(Array(section.heading.utf8), headingLigatures)
            if layout.heading == .underlined || layout.heading == .boxRuleUnderlined {
                unindented.insert(units.count)
                let rule = layout.heading == .underlined ? "=" : "\u{2500}"
                units.append([heading, Array(String(repeating: rule, count: section.heading.count).utf8)])
            } else if layout.heading == .orgNumbered {
                unindented.insert(units.count)
                let number = "\(sectionIndex + 1) "
                units.append([Array(number.utf8) + heading, Array(String(repeating: "\u{2550}", count: number.count + section.heading.count).utf8)])
            } else if layout.heading != .noHeadings {
                unindented.insert(units.count)
                units.append([heading])
            }
            for block in section.blocks {
                var lines: [[UInt8]] = []
                switch block {
                case let .citation(text):
                    // A citation wrapped inside it: a line break where the form puts one.
                    var parts = layout.citationContent == .wrapped ? ZooText.wrapped(text, plainText: true) : [text]
                    if furniture == .linkReferences {
                        links.append("https://law.\(jurisdiction.usps.lowercased()).gov/statutes/\(links.count)")
                        parts[0] = "[\(links.count)]" + parts[0]
                    }
                    if layout.citationLabel == .wrapped {
                        lines.append(Array("Citation:".utf8))
                        textLayout.wrap(parts[0], hyphenate: false, rng: &rng, into: &lines)
                    } else {
                        textLayout.wrap(label + " " + parts[0], hyphenate: false, rng: &rng, into: &lines)
                    }
                    for part in parts.dropFirst() { textLayout.wrap(part, hyphenate: false, rng: &rng, into: &lines) }
                case let .paragraph(text):
                    textLayout.wrap(soft ? ZooText.softHyphens(text, &rng) : text, hyphenate: true, rng: &rng, into: &lines)
                case let .list(items):
                    for item in items {
                        if viewer {
                            // A PDF viewer copies a list's bullet on a line of its own.
                            lines.append(Array("\u{2022}".utf8))
                            textLayout.wrap(item, hyphenate: true, rng: &rng, into: &lines)
                        } else {
                            textLayout.wrap(item, first: "\u{2022} ", rest: "  ", hyphenate: true, rng: &rng, into: &lines)
                        }
                    }
                }
                units.append(lines)
            }
        }

        if furniture == .noBlankLines || viewer {
            return ZooText.ligatures(unspacedPages(units, layout, &rng), layout.ligatures)
        }
        if furniture == .sectionBlocks {
            var out: [UInt8] = []
            for (index, unit) in units.enumerated() {
                if index > 0, index <= headerUnits.count || sectionStarts.contains(index) { out.line() }
                for line in unit {
                    out += line
                    out.line()
                }
            }
            return ZooText.ligatures(out, layout.ligatures)
        }
        // A text browser dumps the web page's letters: no ligature is lost.
        if furniture == .linkReferences { return linkDump(units, unindented: unindented, links: links, layout) }
        let header = furniture == .runningHeaderFormFeed || furniture == .runningHeaderNoFormFeed
            || furniture == .splitParagraph || furniture == .everything
        let numberedFooter = furniture == .numberedAddressFooter || furniture == .doubledSpacingPages
        let shortLast = furniture == .shortLastPage
        let printed = furniture == .browserPrint
        let footer = furniture == .footerPageNumbers || furniture == .splitParagraph || furniture == .everything || numberedFooter || shortLast
        let formFeeds = furniture != .runningHeaderNoFormFeed && furniture != .numberedAddressFooter && !shortLast
        let split = furniture == .splitParagraph || furniture == .everything || shortLast || furniture == .doubledSpacingPages
        let paged = header || footer || printed
        var capacity = paged ? rng.int(40...50) : Int.max
        if shortLast {
            // A full first page, then a few lines.
            let total = units.reduce(units.count - 1) { $0 + $1.count }
            capacity = max(30, total - rng.int(6...12))
        }

        var pages: [[[UInt8]]] = [[]]
        for unit in units {
            var unit = unit
            while !unit.isEmpty {
                let current = pages[pages.count - 1]
                let room = capacity - current.count - (current.isEmpty ? 0 : 1)
                if unit.count <= room {
                    if !current.isEmpty { pages[pages.count - 1].append([]) }
                    pages[pages.count - 1] += unit
                    break
                }
                // A paragraph of several lines may run on to the next page; else the unit moves.
                if split, room >= 2, unit.count >= 3 {
                    if !current.isEmpty { pages[pages.count - 1].append([]) }
                    pages[pages.count - 1] += unit.prefix(room)
                    unit.removeFirst(room)
                    pages.append([])
                    // The rest continues the paragraph at the top of the next page.
                    pages[pages.count - 1] += unit
                    unit = []
                    break
                }
                if current.isEmpty {
                    pages[pages.count - 1] += unit
                    break
                }
                pages.append([])
            }
        }

        var out: [UInt8] = []
        let running = pageTitle(layout)
        let page = layout.header.namesState ? jurisdiction.name.lowercased().replacingOccurrencesOfSlot(" ", with: "-") : "statutes"
        let stamp = "\(rng.int(1...12))/\(rng.int(1...28))/\(rng.int(18...25)), \(rng.int(1...12)):\(rng.int(10...59)) \(rng.int(0...1) == 0 ? "AM" : "PM")"
        for (index, lines) in pages.enumerated() {
            if index > 0 {
                if formFeeds { out.write("\u{0C}") } else { out.line() }
                if header {
                    out.line(running)
                    out.line("https://www.childwelfare.gov/resources/\(page)/")
                    out.line()
                } else if shortLast {
                    out.line("                                                  https://www.childwelfare.gov")
                    out.line()
                }
            }
            if printed {
                out.line("\(stamp)\(String(repeating: " ", count: rng.int(8...30)))\(running) | Child Welfare Information Gateway")
                out.line()
            }
            for line in lines {
                out += line
                out.line()
            }
            let last = index == pages.count - 1
            if last, furniture == .reproductionNotice || furniture == .everything {
                out.line()
                out.line("This material may be freely reproduced and distributed. However, when doing so, please credit Child Welfare Information Gateway. This publication is available online at https://www.childwelfare.gov.")
            }
            if printed {
                if last {
                    out.line()
                    out.line("Print     Email   Share")
                    out.line()
                    out.line("Child Welfare Information Gateway is a service of the Children's Bureau, Administration for Children and Families,")
                    out.line("U.S. Department of Health and Human Services.")
                    out.line()
                    out.line("Privacy    Accessibility    FOIA    Contact Us")
                }
                out.line()
                out.line("https://www.childwelfare.gov/resources/\(page)/\(String(repeating: " ", count: rng.int(30...90)))\(index + 1)/\(pages.count)")
                if last { out.write("\u{0C}") }
            } else if numberedFooter {
                out.line()
                out.line("\(index + 1)        https://www.childwelfare.gov")
            } else if shortLast {
                out.line()
                out.line("Child Welfare Information Gateway                  https://www.childwelfare.gov")
                out.line()
                out.line(String(index + 1))
            } else if footer {
                out.line()
                out.line("Child Welfare Information Gateway")
                out.line(index % 2 == 0 ? "Page \(index + 1) of \(pages.count)" : String(index + 1))
            }
        }
        // A converter makes its table of contents from the headings: a page without any has none.
        if furniture == .tableOfContents, layout.heading != .noHeadings { out = tableOfContents(units, entries: unindented) + out }
        if furniture == .ocrDigits { out = ZooText.ocrDigits(out) }
        let text = ZooText.ligatures(out, layout.ligatures)
        guard furniture == .doubledSpacing || furniture == .doubledSpacingPages else { return text }
        var doubled: [UInt8] = []
        doubled.reserveCapacity(text.count * 2)
        for byte in text {
            doubled.append(byte)
            if byte == 0x0A { doubled.append(0x0A) }
        }
        return doubled
    }

    /// The units one under the other with no blank line (pdfplumber): pages of 40 to 50 lines,
    /// each ending with the publisher, the web address and its number on one line, the next
    /// opening with the page's title beside the address.
    private func unspacedPages(_ units: [[[UInt8]]], _ layout: ZooLayout, _ rng: inout SplitMix64) -> [UInt8] {
        let capacity = rng.int(40...50)
        let address = "https://www.childwelfare.gov"
        var out: [UInt8] = []
        var lines = 0
        var page = 1
        for unit in units {
            if lines > 0, lines + unit.count > capacity {
                out.line("Child Welfare Information Gateway \(address) \(page)")
                // A PDF viewer copies the page's running title without the address beside it.
                out.line(layout.furniture == .viewerCopy ? pageTitle(layout) : "\(pageTitle(layout)) \(address)")
                page += 1
                lines = 1
            }
            for line in unit {
                out += line
                out.line()
            }
            lines += unit.count
        }
        out.line("Child Welfare Information Gateway \(address) \(page)")
        return out
    }

    /// A converter's table of contents (Calibre's `--inline-toc`): its label, the title's line
    /// and each heading's as entries, then two blank lines more than a paragraph's.
    private func tableOfContents(_ units: [[[UInt8]]], entries: Set<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.line("Table of Contents")
        out.line()
        for index in units.indices where entries.contains(index) {
            out += units[index][0]
            out.line()
        }
        out.line()
        out.line()
        out.line()
        return out
    }

    /// The units as a text browser dumps the web page (`lynx -dump`): the title and headings at
    /// the margin, the rest indented three spaces; the page's closing sentence, links and
    /// footer after the content, and the numbered addresses of its links under `References`.
    private func linkDump(_ units: [[[UInt8]]], unindented: Set<Int>, links: [String], _ layout: ZooLayout) -> [UInt8] {
        var links = links
        var out: [UInt8] = []
        out.line("   [1]Skip to main content")
        out.line()
        for (index, unit) in units.enumerated() {
            for line in unit {
                if !unindented.contains(index) { out.write("   ") }
                out += line
                out.line()
            }
            out.line()
        }
        links.append("https://www.childwelfare.gov/resources/state-statutes-search/")
        out.line("   To view the statute summaries for all States and territories, visit")
        out.line("   [\(links.count)]State Statutes Search.")
        out.line()
        for (name, path) in [("About Us", "about"), ("Contact Us", "contact-us"), ("Privacy Policy", "privacy-policy")] {
            links.append("https://www.childwelfare.gov/\(path)/")
            out.line("     * [\(links.count)]\(name)")
        }
        out.line()
        out.line("   Children's Bureau, Administration for Children and Families, U.S.")
        out.line("   Department of Health and Human Services")
        out.line()
        out.line("References")
        out.line()
        for (index, link) in links.enumerated() {
            let number = String(index + 1)
            out.line(String(repeating: " ", count: max(0, 4 - number.count)) + number + ". " + link)
        }
        return out
    }

    // MARK: Markdown

    private func zooMarkdown(_ layout: ZooLayout) -> [UInt8] {
        var out: [UInt8] = []
        if layout.header == .frontMatter {
            // The header as the file's metadata: the date without its label, as a title page shows it.
            let date = dateText(layout.date)
            out.line("---")
            out.line("title: \"\(Vocabulary.summaryTitle) - \(jurisdiction.name)\"")
            out.line("author: Child Welfare Information Gateway")
            out.line("date: \"\(date.hasPrefix("Date: ") ? String(date.dropFirst(6)) : date)\"")
            out.line("lang: en-US")
            out.line("tags:")
            out.line("  - state statutes")
            out.line("  - human trafficking")
            out.line("---")
            out.line()
        } else {
            HeaderRole.markdown(headerLines(layout), into: &out)
        }
        let marks: String = switch layout.heading {
        case .hash1: "# "
        case .hash3: "### "
        case .hash4: "#### "
        default: "## "
        }
        for (sectionIndex, section) in shown(layout).enumerated() {
            let label = layout.citationLabel.label(section: sectionIndex)
            if layout.heading != .noHeadings {
                let anchored = layout.citationLabel == .pandocSpans ? "[]{#_Toc\(sectionIndex + 1) .anchor}" + section.heading : section.heading
                out.line(layout.heading == .boldLine ? "**\(anchored)**" : marks + anchored)
                out.line()
            }
            for block in section.blocks {
                switch block {
                case let .citation(whole):
                    // A citation wrapped inside it: the rest a paragraph of its own.
                    let parts = layout.citationContent == .wrapped ? ZooText.wrapped(whole) : [whole]
                    let text = parts[0]
                    switch layout.citationLabel {
                    case .markdownBold: out.line("**Citation:** " + text)
                    case .markdownBoldColonOutside: out.line("**Citation**: " + text)
                    case .pandocSpans:
                        out.line("Citation: " + text.components(separatedBy: "; ").map { "[\($0)]{.underline}" }.joined(separator: "; "))
                    case .wrapped:
                        out.line("Citation:")
                        out.line(text)
                    default: out.line(label + " " + text)
                    }
                    for part in parts.dropFirst() {
                        out.line()
                        out.line(part)
                    }
                case let .paragraph(text): out.line(text)
                case let .list(items): for item in items { out.line("- " + item) }
                }
                out.line()
            }
        }
        return out
    }

    // MARK: HTML

    private func zooHTML(_ layout: ZooLayout, _ rng: inout SplitMix64) -> [UInt8] {
        let escaper = HTMLEscaper(entities: layout.entities != .characters, numeric: layout.entities == .numeric)
        var out: [UInt8] = []
        func text(_ value: String) { escaper.escape(value, into: &out) }
        let chrome = ZooChrome(form: layout.chrome, state: crumb(layout))

        out.line("<!DOCTYPE html>")
        out.line("<html lang=\"en\">")
        out.write("<head><meta charset=\"utf-8\"><title>")
        text("\(pageTitle(layout)) | Child Welfare Information Gateway")
        out.line("</title></head>")
        out.line("<body>")
        chrome.before(into: &out)
        for (role, line) in headerLines(layout) {
            switch role {
            case .title:
                out.write("<h1>")
                text(line)
                out.line("</h1>")
            case .boldState:
                out.write("<p><strong>")
                text(line)
                out.line("</strong></p>")
            case .stateHeading:
                out.write("<h2>")
                text(line)
                out.line("</h2>")
            case .date where layout.date == .spanLabel:
                out.write("<div class=\"date\"><span>Date:</span> ")
                text("\(month) \(year)")
                out.line("</div>")
            default:
                out.write("<p>")
                text(line)
                out.line("</p>")
            }
        }
        chrome.afterHeader(into: &out)
        for (sectionIndex, section) in shown(layout).enumerated() {
            let label = layout.citationLabel.label(section: sectionIndex)
            switch layout.heading {
            case .noHeadings: break
            case .paragraphStrong: out.write("<p><strong>")
            case .h3: out.write("<h3>")
            case .h4: out.write("<h4>")
            default: out.write("<h2>")
            }
            if layout.heading != .noHeadings { text(section.heading) }
            switch layout.heading {
            case .noHeadings: break
            case .paragraphStrong: out.line("</strong></p>")
            case .h3: out.line("</h3>")
            case .h4: out.line("</h4>")
            default: out.line("</h2>")
            }
            for block in section.blocks {
                switch block {
                case let .citation(citation):
                    // A citation wrapped inside it: a `<br>` where the form breaks the line.
                    for (offset, part) in (layout.citationContent == .wrapped ? ZooText.wrapped(citation) : [citation]).enumerated() {
                        if offset > 0 {
                            out.line("<br>")
                        } else {
                            switch layout.citationLabel {
                            case .htmlBold: out.write("<p><b>Citation:</b> ")
                            case .worded: out.write("<p><b>\(label)</b> ")
                            default: out.write("<p>Citation: ")
                            }
                        }
                        if layout.citationLabel == .sectionEntity {
                            var escaped: [UInt8] = []
                            escaper.escape(part, into: &escaped)
                            out += ZooText.sectionEntities(escaped)
                        } else {
                            text(part)
                        }
                    }
                    out.line("</p>")
                case let .paragraph(paragraph):
                    out.write("<p>")
                    text(paragraph)
                    out.line("</p>")
                case let .list(items):
                    out.line("<ul>")
                    for item in items {
                        out.write("<li>")
                        text(item)
                        out.line("</li>")
                    }
                    out.line("</ul>")
                }
            }
        }
        chrome.after(into: &out)
        out.line("</body>")
        out.line("</html>")
        return out
    }
}

/// What a header line is, so that each format can mark it.
enum HeaderRole {
    case title, state, boldState, stateHeading, date, series

    /// A summary's or a release's header lines as markdown, each its own paragraph.
    static func markdown(_ lines: [(role: HeaderRole, text: String)], into out: inout [UInt8]) {
        for (role, text) in lines {
            switch role {
            case .title: out.line("# " + text)
            case .boldState: out.line("**\(text)**")
            case .stateHeading: out.line("## " + text)
            default: out.line(text)
            }
            out.line()
        }
    }
}

/// Byte-level rewrites the zoo applies to rendered text.
enum ZooText {
    /// Text as the record holds it: typographic quotes and apostrophes straight, no-break
    /// spaces as spaces (the extractor's normal form of prose, whatever the layout).
    static func asRead(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}": result.unicodeScalars.append("'")
            case "\u{201C}", "\u{201D}": result.unicodeScalars.append("\"")
            case "\u{00A0}": result.unicodeScalars.append(" ")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `bytes` as OCR reads a printed page: in each number after a section sign (`§ 43-21-105`),
    /// its last `0` read as `O` or, with none, its last `1` as `l`, where a digit stays beside
    /// it in its part (`43-21-1O5`, `67l`).
    static func ocrDigits(_ bytes: [UInt8]) -> [UInt8] {
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var out = bytes
        var index = 0
        while index + 2 < out.count {
            // `§` is C2 A7; `§§` cites a range, its first number read the same way.
            guard out[index] == 0xC2, out[index + 1] == 0xA7 else {
                index += 1
                continue
            }
            var start = index + 2
            while start + 1 < out.count, out[start] == 0xC2, out[start + 1] == 0xA7 { start += 2 }
            while start < out.count, out[start] == UInt8(ascii: " ") { start += 1 }
            var end = start
            while end < out.count, isDigit(out[end]) || out[end] == UInt8(ascii: "-") || out[end] == UInt8(ascii: ".") { end += 1 }
            while end > start, !isDigit(out[end - 1]) { end -= 1 }
            // A number with a letter after it (`5106a`, `17C-571`) is left whole.
            let letterAfter = end < out.count && (out[end] | 0x20) >= UInt8(ascii: "a") && (out[end] | 0x20) <= UInt8(ascii: "z")
            let number = letterAfter ? out[start..<start] : out[start..<end]
            let target = number.lastIndex(of: UInt8(ascii: "0")) ?? number.lastIndex(of: UInt8(ascii: "1"))
            if let target {
                var partStart = target, partEnd = target + 1
                while partStart > start, isDigit(out[partStart - 1]) { partStart -= 1 }
                while partEnd < end, isDigit(out[partEnd]) { partEnd += 1 }
                if partEnd - partStart >= 2 { out[target] = out[target] == UInt8(ascii: "0") ? UInt8(ascii: "O") : UInt8(ascii: "l") }
            }
            index = max(end, index + 2)
        }
        return out
    }

    /// Every `\n` as `\r\n`.
    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 40)
        for byte in bytes {
            if byte == 0x0A { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }

    /// `§ ` and `§` + no-break space (as characters or entities) written `&sect;&nbsp;`.
    static func sectionEntities(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        var result = text
        for sign in ["\u{00A7}\u{00A0}", "\u{00A7} ", "&sect;&nbsp;", "&sect; ", "&#167;&#160;", "&#167; "] {
            result = result.replacingOccurrencesOfSlot(sign, with: "&sect;&nbsp;")
        }
        return Array(result.utf8)
    }

    /// A `Citation:` line's text as a form wraps it over two lines: after its first `; `, else
    /// after `through`, else before the first `§`; the text alone where none stands. In a text
    /// conversion (`plainText`) no line starts with a number: a line holding only one reads as a
    /// page number, and a conversion keeps a number with the words before it.
    static func wrapped(_ text: String, plainText: Bool = false) -> [String] {
        for (separator, keep) in [("; ", ";"), (" through ", " through")] {
            if let range = text.range(of: separator), range.lowerBound > text.startIndex, range.upperBound < text.endIndex,
                !(plainText && text[range.upperBound].isNumber)
            {
                return [String(text[..<range.lowerBound]) + keep, String(text[range.upperBound...])]
            }
        }
        if let sign = text.firstIndex(of: "\u{00A7}"), sign > text.startIndex {
            let head = text[..<sign].trimmingCharacters(in: .whitespaces)
            if !head.isEmpty { return [head, String(text[sign...])] }
        }
        return [text]
    }

    /// `bytes` as a PDF-to-text conversion writes them when the font sets `fi`, `fl` and `ff`
    /// as ligature glyphs it cannot map back to letters (`ffi` and `ffl` are `f` and the `fi`
    /// or `fl` glyph): each lost, or inside a word left as a space.
    static func ligatures(_ bytes: [UInt8], _ form: LigatureForm) -> [UInt8] {
        guard form == .dropped || form == .spaced else { return bytes }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        let f = UInt8(ascii: "f"), i = UInt8(ascii: "i"), l = UInt8(ascii: "l")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == f, index + 1 < bytes.count else {
                out.append(byte)
                index += 1
                continue
            }
            let next = bytes[index + 1]
            // `ffi`: the first `f` stays, the `fi` glyph follows.
            let glyph = next == i || next == l || (next == f && !(index + 2 < bytes.count && (bytes[index + 2] == i || bytes[index + 2] == l)))
            guard glyph else {
                out.append(byte)
                index += 1
                continue
            }
            let inside = index > 0 && isLetter(bytes[index - 1]) && index + 2 < bytes.count && isLetter(bytes[index + 2])
            if form == .spaced, inside { out.append(0x20) }
            index += 2
        }
        return out
    }

    /// `text` with a soft hyphen in some long lower-case words (`traf\u{AD}ficking`).
    static func softHyphens(_ text: String, _ rng: inout SplitMix64) -> String {
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if word.utf8.count >= 10, word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }),
                rng.chance(0.3)
            {
                let cut = word.index(word.startIndex, offsetBy: 4)
                words.append(word[..<cut] + "\u{00AD}" + word[cut...])
            } else {
                words.append(String(word))
            }
        }
        return words.joined(separator: " ")
    }
}

/// A web page's chrome around the content, in one of `WebChrome`'s forms.
struct ZooChrome {
    var form: WebChrome
    var state: String

    private func has(_ part: WebChrome) -> Bool { form == part || form == .everything || form == .everythingInDivs }
    private var landmarks: Bool { form != .everythingInDivs }
    private var wholePage: Bool { form == .everything || form == .everythingInDivs }

    func before(into out: inout [UInt8]) {
        if has(.skipLink) { out.line("<a href=\"#main-content\" class=\"skip-link\">Skip to main content</a>") }
        if has(.banner) {
            out.line(landmarks ? "<header role=\"banner\">" : "<div class=\"site-header\">")
            out.line("<div class=\"usa-banner\">An official website of the United States government. Here's how you know.</div>")
            out.line("<p class=\"site-name\"><a href=\"/\">Child Welfare Information Gateway</a></p>")
            out.line(landmarks ? "</header>" : "</div>")
        }
        if has(.navigationMenu) {
            out.line(landmarks ? "<nav aria-label=\"Main\">" : "<div class=\"menu\">")
            out.line("<ul><li><a href=\"/topics\">Topics</a></li><li><a href=\"/resources\">Resources</a></li><li><a href=\"/laws\">Laws &amp; Policies</a></li><li><a href=\"/training\">Training</a></li><li><a href=\"/about\">About Us</a></li></ul>")
            out.line(landmarks ? "</nav>" : "</div>")
        }
        if has(.breadcrumbs) {
            out.line("<div class=\"breadcrumb\"><a href=\"/\">Home</a> \u{203A} <a href=\"/topics\">Topics</a> \u{203A} <a href=\"/laws\">Laws &amp; Policies</a> \u{203A} \(state)</div>")
        }
        if wholePage { out.line(landmarks ? "<main id=\"main-content\"><article>" : "<div class=\"content\" id=\"main-content\">") }
    }

    func afterHeader(into out: inout [UInt8]) {
        if has(.printShare) {
            out.line("<div class=\"share-tools\"><a href=\"javascript:window.print()\">Print</a> <a href=\"#share\">Share</a> <a href=\"mailto:?subject=Statutes\">Email</a></div>")
        }
    }

    func after(into out: inout [UInt8]) {
        if wholePage { out.line(landmarks ? "</article></main>" : "</div>") }
        if has(.relatedResources) {
            out.line(landmarks ? "<aside class=\"related\">" : "<div class=\"sidebar related\">")
            out.line("<h2>Related Resources</h2>")
            out.line("<h3>Human Trafficking</h3>")
            out.line("<ul><li><a href=\"/topics/trafficking\">Child Trafficking: Resources for Professionals</a></li><li><a href=\"/topics/trafficking/prevention\">Preventing Trafficking of Youth in Care</a></li></ul>")
            out.line("<h3>State Statutes Search</h3>")
            out.line("<p><a href=\"/statutes\">Search the State Statutes database</a></p>")
            out.line(landmarks ? "</aside>" : "</div>")
        }
        if has(.siteFooter) {
            out.line(landmarks ? "<footer>" : "<div class=\"site-footer\">")
            out.line("<p>Child Welfare Information Gateway is a service of the Children's Bureau, Administration for Children and Families, U.S. Department of Health and Human Services.</p>")
            out.line("<ul><li><a href=\"/accessibility\">Accessibility</a></li><li><a href=\"/privacy\">Privacy Policy</a></li><li><a href=\"/contact\">Contact Us</a></li></ul>")
            out.line(landmarks ? "</footer>" : "</div>")
        }
    }
}
