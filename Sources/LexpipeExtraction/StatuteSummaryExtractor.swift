import LexpipeIngest
public import LexpipeJurisdictions
public import LexpipeMarkup
import LexpipeRecord

/// Stage 4 for statute summaries: the headline, the date, and each headed section with its
/// `Citation:` lines parsed, its prose kept, and the laws its prose names read as references.
public enum StatuteSummaryExtractor {
    /// The full extraction of a statute summary; `states` tell a line naming a state from any
    /// other, `codeNames` are the code names the document may cite (its jurisdiction's and
    /// federal law's), for finding citations in `Citation:` lines and prose, within `limits`;
    /// `header` is the document's `header(_:states:)` when it was read already.
    public static func extract(
        _ document: CleanDocument, states: StateNames = StateNames(), codeNames: KnownCodeNames = KnownCodeNames(),
        limits: ExtractionLimits = ExtractionLimits(), header known: Extraction? = nil
    ) -> Extraction {
        let blocks = document.blocks
        var extraction = known ?? header(document, states: states)
        let headerBlockCount = min(extraction.headerBlockCount, blocks.count)
        extraction.kind = .statuteSummary
        // A summary's title with its state's name run on after it (`… Trafficking New
        // Hampshire`, a conversion that lost the dash or the gap between them): the title alone.
        if let headline = extraction.headline, let state = extraction.stateText,
            let title = titleBeforeState(headline, state: state)
        {
            extraction.headline = title
        }
        var sections: [ExtractedSection] = []
        var heading: String?
        var opened = false
        var citations: [CitationReference] = []
        var paragraphs: [String] = []
        var preamble = 0
        // Citations kept over the whole document, against `limits`.
        var citationCount = 0
        var truncated = false
        var droppedProblems = 0

        // Reads citations within what `limits` leave, so a flood of them costs no more than
        // the limit; nothing is kept until `take` takes the reading. Citations and prose
        // references share the limit.
        func scan(_ text: Substring, isLine: Bool, sectionCitation: CitationReference? = nil) -> CitationScan {
            guard !truncated else { return CitationScan(citations: [], problems: [], truncated: false, droppedProblems: 0) }
            return CitationParser.read(
                text, codeNames: codeNames, isLine: isLine, maxCitations: max(0, limits.maxCitations - citationCount),
                maxProblems: max(0, limits.maxWarnings - extraction.warnings.count), sectionCitation: sectionCitation
            )
        }

        // Keeps a reading's citations and problems; the scanner stopped at the limit, one
        // warning says so.
        func take(_ found: CitationScan) -> [CitationReference] {
            citationCount += found.citations.count
            droppedProblems += found.droppedProblems
            if !found.problems.isEmpty {
                extraction.warnings += found.problems.map {
                    CitationWarning.text(section: sections.count + 1, $0.text, $0.problem)
                }
            }
            if found.truncated, !truncated {
                truncated = true
                extraction.warnings.append(Diagnostic(
                    .truncated, .document,
                    "truncated: citations past the first \(limits.maxCitations) not read (limits.max_citations_per_document)"
                ))
            }
            return found.citations
        }

        /// A `Citation:` line read, and its reading, not yet taken into the section: the next
        /// block may continue it (the reading is then of the line and that block).
        var pendingLine: (text: String, found: CitationScan)?
        /// The section's list items of a few words (a list of links, when they are most of it).
        var shortItems = 0
        var footerLines = 0
        /// Per section: whether it is mostly such a list.
        var linkLists: [Bool] = []

        func takePendingLine() {
            guard var (line, found) = pendingLine else { return }
            pendingLine = nil
            // The prose that followed the line without a blank line between them (the conversion
            // joined them into one paragraph) is the section's prose, not citation text.
            if !found.truncated, let start = proseStart(line, problems: found.problems) {
                let prose = line[start...]
                line = String(line[..<start])
                found = scan(line[...], isLine: true)
                if opened { paragraphs.append(String(prose)) }
            }
            citations += take(found)
        }

        func closeSection() {
            takePendingLine()
            guard opened else { return }
            var references: [CitationReference] = []
            // A `§` whose sentence names no code cites the code of the section's `Citation:` line.
            let sectionCitation = citations.first
            for paragraph in paragraphs {
                let signed = take(scan(paragraph[...], isLine: false, sectionCitation: sectionCitation))
                // Laws named with the word `Section` rather than the sign.
                let worded = SectionWordReferences.find(in: paragraph, codeNames: codeNames, sectionCitation: sectionCitation)
                // Most paragraphs name no law.
                guard !signed.isEmpty || !worded.isEmpty else { continue }
                references += worded.isEmpty ? signed : SectionWordReferences.merge(signed, worded, in: paragraph)
            }
            var text = joinedByBlankLines(paragraphs)
            // A section number OCR misread (`§ 28-83O`), read in digits as a reference, is
            // written so in the prose too.
            for reference in references {
                guard let repaired = OCRDigits.repairedWords(reference.raw) else { continue }
                text = text.replacing(reference.raw, with: repaired)
            }
            // Only a section that cites nothing can report no provision: its text alone is read.
            let citesNothing = citations.isEmpty && references.isEmpty
            sections.append(ExtractedSection(
                heading: heading, citations: citations, references: references,
                saysNothingDescribed: citesNothing && NothingDescribed.matches(text), text: text
            ))
            linkLists.append(shortItems >= 2 && shortItems * 2 >= paragraphs.count)
            citations = []
            paragraphs = []
            shortItems = 0
        }

        // A page's running header that repeats the document's title (`Responding to Child
        // Victims of Human Trafficking: Pennsylvania  https://www.childwelfare.gov`) stands
        // where a page begins, between sections or inside one: it is the title again, not a
        // heading or prose. Found by what it says, the title, since a document of two pages
        // has it once, too few times to be found by repetition.
        let runningHeader = RunningHeader(headline: extraction.headline, state: extraction.stateText)
        var body: [Block] = []
        body.reserveCapacity(blocks.count - headerBlockCount)
        var runningHeaders = 0
        var afterRunningHeader = false
        for block in blocks[headerBlockCount...] {
            if runningHeader.matches(block) {
                runningHeaders += 1
                afterRunningHeader = true
                // The site's address printed beside it, on a line of its own.
                if let last = body.last, InlineText.isBareWebAddress(last.text) { body.removeLast() }
                continue
            }
            if afterRunningHeader, InlineText.isBareWebAddress(block.text) { continue }
            afterRunningHeader = false
            if let (heading, sentence) = StatuteSummaryExtractor.headingOverNothingDescribed(block) {
                body.append(Block(.paragraph, heading, span: block.span))
                body.append(Block(.paragraph, sentence, span: block.span))
                continue
            }
            body.append(block)
        }
        // Each block's `Citation:` line, read once: the page's end, the headings and the
        // sections all ask for it.
        var lines = body.map { citationLine($0.text) }
        let pageEnd = PageEnd.start(of: body, lines: lines)
        // The page's own line of when it last changed (`Page last modified: 3/14/2022 3:02 PM`)
        // after the last section is the page's, not the section's; so is its sentence sending
        // the reader elsewhere (`To view the statute summaries for all States and territories,
        // visit State Statutes Search.`), which a PDF's text may set above its footer line and
        // page number (those stay, for the footer's own count), or a conversion may have joined
        // to the last section's paragraph.
        var closing: [Int] = []
        var index = pageEnd
        while index > 0, lines[index - 1] == nil {
            let block = body[index - 1]
            // The sentence stands after a section's content, not alone under a heading (which,
            // left last, would read as no heading).
            if PageEnd.isPageChangeDate(block.text)
                || index > 1 && !isHeading(body[index - 2], isLast: false) && !isBoldHeading(body[index - 2])
                    && PageEnd.sendsReaderElsewhere(block, codeNames: codeNames)
            {
                closing.append(index - 1)
            } else if !isNameAndAddress(block.text), !isPageNumber(block.text) {
                if let kept = PageEnd.withoutClosingSentence(block, codeNames: codeNames) {
                    body[index - 1].text = kept
                    extraction.warnings.append(Diagnostic(
                        .sectionStructure, .document,
                        "the page's sentence after the last section left out: it sends the reader elsewhere"
                    ))
                }
                break
            }
            index -= 1
        }
        if pageEnd < body.count || !closing.isEmpty {
            extraction.warnings.append(Diagnostic(
                .sectionStructure, .document,
                "\(body.count - pageEnd + closing.count) block(s) after the last section left out: the page's links and footer"
            ))
            body.removeSubrange(pageEnd...)
            lines.removeSubrange(pageEnd...)
            // Last first: the indices before each stay where they are.
            for index in closing {
                body.remove(at: index)
                lines.remove(at: index)
            }
        }
        let kept = body.indices.filter { !PageEnd.isThematicBreak(body[$0].text) }
        if kept.count < body.count {
            body = kept.map { body[$0] }
            lines = kept.map { lines[$0] }
        }
        // A bare `Citations:` label over a list: the list's items are the label's citations.
        var listed: [Int] = []
        for index in body.indices where lines[index]?.isEmpty == true {
            var item = index + 1
            while item < body.count, body[item].kind == .listItem, lines[item] == nil { item += 1 }
            guard item > index + 1 else { continue }
            lines[index] = body[(index + 1)..<item].map { withoutBullet($0.text) }.joined(separator: "; ")[...]
            listed += (index + 1)..<item
        }
        if !listed.isEmpty {
            let kept = body.indices.filter { !listed.contains($0) }
            body = kept.map { body[$0] }
            lines = kept.map { lines[$0] }
        }
        if runningHeaders > 0 {
            extraction.warnings.append(Diagnostic(
                .pageFurniture, .document, "dropped \(runningHeaders) running header(s) repeating the title"
            ))
        }
        // Sections are found by the headings the body has: marked headings (a heading level, a
        // line all in bold) where there are any, else short lines that read as headings. A
        // body with neither is one section without a heading.
        let marked = body.indices.contains { lines[$0] == nil && (body[$0].headingLevel != nil || isBoldHeading(body[$0])) }
        let lastIndex = body.indices.last
        let headings = body.indices.filter { index in
            // A `Citation:` label set as a heading (`<h4>Citation:</h4>`) is still a label.
            guard lines[index] == nil else { return false }
            if marked { return body[index].headingLevel != nil || isBoldHeading(body[index]) }
            // A page's footer line (a name and a web address) reads as a short line, no heading.
            guard isHeading(body[index], isLast: index == lastIndex), !isNameAndAddress(body[index].text) else { return false }
            // A short line that carries on the `Citation:` line before it (`Code of Regs. Tit. 22,
            // § 66-687` after a line break) is no heading.
            guard index > body.startIndex, let line = lines[index - 1] else { return true }
            let parsed = CitationParser.parse(line, codeNames: codeNames)
            return !continues(String(line), parsed: parsed.problems, with: body[index], codeNames: codeNames)
        }
        if headings.isEmpty { opened = true }
        var nextHeading = 0
        var afterFooter = false
        for index in body.indices {
            let block = body[index]
            if let (line, found) = pendingLine {
                if !found.truncated, continues(line, parsed: found.problems, with: block, codeNames: codeNames) {
                    let joined = line + " " + block.text
                    pendingLine = (joined, scan(joined[...], isLine: true))
                    // A continuation that read as a heading is none.
                    if nextHeading < headings.count, headings[nextHeading] == index { nextHeading += 1 }
                    continue
                }
                takePendingLine()
            }
            if nextHeading < headings.count, headings[nextHeading] == index {
                nextHeading += 1
                closeSection()
                heading = block.text
                opened = true
                continue
            }
            if let found = lines[index] {
                // The cells after a label cell are one line of citations.
                let line = block.cells == nil ? found : found.split(separator: "\t").joined(separator: " ")[...]
                pendingLine = (String(line), scan(line, isLine: true))
                continue
            }
            guard opened else {
                preamble += 1
                continue
            }
            if isNameAndAddress(block.text) {
                footerLines += 1
                afterFooter = true
                continue
            }
            // The page's number on a line of its own under its footer line, or ending the text
            // (a PDF's text saved with no page breaks), goes with the footer.
            if afterFooter || index == body.indices.last, block.cells == nil, isPageNumber(block.text) {
                footerLines += 1
                afterFooter = false
                continue
            }
            afterFooter = false
            if block.kind == .listItem, WordStream.count(block.text[...], atTabs: false, limit: 11) <= 10 { shortItems += 1 }
            let text = block.kind == .listItem ? withoutListNumber(withoutBullet(block.text)) : withoutBullet(block.text)
            paragraphs.append(block.cells.map { $0.filter { !$0.isEmpty }.joined(separator: " ") } ?? text)
        }
        closeSection()
        // What follows the last section on a page (a "Related" box, a list of links, the
        // site's footer) is read as more sections when it has a heading: a section at the end
        // that cites nothing and holds nothing (its links dropped) or mostly a list of short
        // links is the page's, not the summary's.
        var trailing = 0
        while let last = sections.last, sections.count > 1, last.citations.isEmpty, last.references.isEmpty,
            !last.saysNothingDescribed, last.text.isEmpty || linkLists[sections.count - 1]
        {
            sections.removeLast()
            trailing += 1
        }
        if trailing > 0 {
            extraction.warnings.append(Diagnostic(
                .sectionStructure, .document, "\(trailing) section(s) after the last one left out: the page's links, not the summary's"
            ))
        }
        if droppedProblems > 0 {
            extraction.warnings.append(Diagnostic(
                .truncated, .document,
                "truncated: \(droppedProblems) more citation text problem(s) not kept (limits.max_warnings_per_document is \(limits.maxWarnings))"
            ))
        }
        if preamble > 0 {
            extraction.warnings.append(Diagnostic(.sectionStructure, .document, "\(preamble) block(s) before the first section heading left out"))
        }
        if headings.isEmpty, !sections.isEmpty {
            extraction.warnings.append(Diagnostic(.sectionStructure, .document, "no section headings found: the body is one section"))
        }
        if footerLines > 0 {
            extraction.warnings.append(Diagnostic(.pageFurniture, .document, "dropped \(footerLines) footer line(s): a name and a web address"))
        }
        if let withoutNotes = withoutEndnotes(sections) {
            sections = withoutNotes
            extraction.warnings.append(Diagnostic(.sectionStructure, .document, "the endnotes and their numbers in the prose left out"))
        }
        extraction.sections = withoutHeadingNumbers(sections.filter { $0.heading != nil || !$0.text.isEmpty || !$0.citations.isEmpty })
        return extraction
    }

    /// A heading and the sentence under it saying nothing is described, in one paragraph (a
    /// conversion that set them in one block, mutool's): `Use of the Term … This issue is not
    /// addressed in the statutes and regulations reviewed.` The heading is a run of one to
    /// twelve words opening with a capital and ending in no punctuation; `nil` for any other
    /// block. Decided from the text's last bytes first: most paragraphs end otherwise.
    static func headingOverNothingDescribed(_ block: Block) -> (heading: String, sentence: String)? {
        guard block.kind == .paragraph, block.cells == nil, block.headingLevel == nil else { return nil }
        let utf8 = block.text.utf8
        guard utf8.count <= 400, utf8.count > 40, ASCIIText.hasSuffix(block.text, "reviewed.") else { return nil }
        for opener in [" This ", " No ", " None ", " There "] {
            guard let range = HeadlineState.lastRange(of: opener, in: block.text) else { continue }
            let heading = block.text[..<range.lowerBound]
            let sentence = block.text[block.text.index(after: range.lowerBound)...]
            let words = heading.split(separator: " ")
            guard (1...12).contains(words.count), heading.first?.isUppercase == true, let last = heading.last,
                !last.isAny(of: ".:;,"), !heading.contains(". "), NothingDescribed.matches(String(sentence))
            else { continue }
            return (String(heading), String(sentence))
        }
        return nil
    }

    /// A page's number alone: one to four digits.
    static func isPageNumber(_ text: String) -> Bool {
        let utf8 = text.utf8
        return (1...4).contains(utf8.count) && utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A page's footer line: a name in capitalized words (separators between them allowed), a
    /// bare web address, and at most a page number after it (`Child Welfare Information
    /// Gateway | https://www.childwelfare.gov`, `… https://example.org 2`). No sentence reads so.
    static func isNameAndAddress(_ text: String) -> Bool {
        // A bare web address opens with `http://`, `https://` or `www.` in any ASCII case: a text
        // holding neither `://` nor `www.` has none, and is not split into words.
        guard text.utf8.count <= 160,
            text.utf8.withContiguousStorageIfAvailable(mayHoldWebAddress)
                ?? (ASCIIText.contains(text, "://") || ASCIIText.contains(text, "www."))
        else { return false }
        func isSeparator(_ word: Substring) -> Bool { word.count == 1 && "|·-–—•".contains(word.first!) }
        // A separator between the address and the page number (`www.site.gov · 3`) sets the
        // number apart as a space would.
        var words: [Substring] = []
        for word in text.split(separator: " ") {
            if isSeparator(word), let last = words.last, InlineText.isBareWebAddress(last) { continue }
            words.append(word)
        }
        guard let address = words.firstIndex(where: { InlineText.isBareWebAddress($0) }), address >= 1,
            address <= 10, words.count - address <= 2
        else { return false }
        // The page number may be OCR's (`l` for `1`, `O` for `0`).
        if address + 1 < words.count, !words[address + 1].allSatisfy(\.isNumber),
            !(words[address + 1].count <= 3 && words[address + 1].allSatisfy { $0.isNumber || $0.isAny(of: "lIO") })
        {
            return false
        }
        return words[..<address].allSatisfy { word in
            guard word.first != nil else { return true }
            if isSeparator(word) { return true }
            return word.first!.isUppercase && !word.hasSuffix(".")
        }
    }

    /// Whether UTF-8 `bytes` (a short text) hold `://` or `www.` in any ASCII case, looked for
    /// in one pass: at each `:` and `w`.
    private static func mayHoldWebAddress(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") { return true }
            } else if byte | 0x20 == UInt8(ascii: "w"), index + 3 < bytes.count, bytes[index + 1] | 0x20 == UInt8(ascii: "w"),
                bytes[index + 2] | 0x20 == UInt8(ascii: "w"), bytes[index + 3] == UInt8(ascii: ".")
            {
                return true
            }
        }
        return false
    }

    /// The paragraphs one after the other, a blank line between two (`joined(separator:
    /// "\n\n")`), their bytes copied into scratch memory of the final size and from there into
    /// the string as they are: valid UTF-8 joined by line feeds is valid UTF-8.
    static func joinedByBlankLines(_ paragraphs: [String]) -> String {
        guard paragraphs.count >= 2 else { return paragraphs.first ?? "" }
        let count = paragraphs.reduce(2 * (paragraphs.count - 1)) { $0 + $1.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            var at = 0
            var isASCII = true
            for (offset, paragraph) in paragraphs.enumerated() {
                if offset > 0 {
                    buffer[at] = 0x0A
                    buffer[at + 1] = 0x0A
                    at += 2
                }
                let utf8 = paragraph.utf8Span
                isASCII = isASCII && utf8.isKnownASCII
                utf8.span.withUnsafeBufferPointer { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: bytes)
                }
                at += utf8.count
            }
            let joined = UnsafeBufferPointer(rebasing: buffer[..<at])
            return String(copying: UTF8Span(unchecked: joined.span, isKnownASCII: isASCII))
        }
    }

    /// The sections without the document's endnotes, or `nil` when it has none: a last section
    /// (of two or more) that cites nothing and whose paragraphs are numbered `1 …`, `2 …` in
    /// order (what follows them is the back page's) is the notes, when each of those numbers is found, in order, glued to the end of a
    /// word of the prose before it (`services.1`, `knowingly2`); the numbers go with the notes.
    static func withoutEndnotes(_ sections: [ExtractedSection]) -> [ExtractedSection]? {
        guard sections.count >= 2, let notes = sections.last, notes.heading != nil, notes.citations.isEmpty,
            notes.text.hasPrefix("1 ")
        else { return nil }
        // The notes counted: each opens a paragraph or follows a sentence's end (notes of one
        // line each may have been joined). What follows them (the back page's address) is back
        // matter too.
        var count = 1
        while notes.text.contains("\n\n\(count + 1) ") || notes.text.contains(". \(count + 1) ") { count += 1 }
        let noteCount = count
        var kept = Array(sections.dropLast())
        var number = 1
        for index in kept.indices {
            var text = kept[index].text
            var from = text.startIndex
            while number <= noteCount, let found = gluedMark(number, in: text, from: from) {
                let offset = text.distance(from: text.startIndex, to: found.lowerBound)
                text.removeSubrange(found)
                from = text.index(text.startIndex, offsetBy: offset)
                number += 1
            }
            kept[index].text = text
        }
        return number > noteCount ? kept : nil
    }

    /// The first `number` at or after `start` glued to the end of a word: a letter just before
    /// it, or a `.,;:'")` that follows a letter (never a digit: `§ 46.2` is a section), and a
    /// space or the end after it.
    private static func gluedMark(_ number: Int, in text: String, from start: String.Index) -> Range<String.Index>? {
        let digits = String(number)
        var from = start
        while let range = text.range(of: digits, range: from..<text.endIndex) {
            from = range.upperBound
            guard range.lowerBound > text.startIndex else { continue }
            if range.upperBound < text.endIndex, !text[range.upperBound].isWhitespace { continue }
            let beforeIndex = text.index(before: range.lowerBound)
            let before = text[beforeIndex]
            if before.isLetter { return range }
            guard ".,;:'\")\u{2019}\u{201D}".contains(before), beforeIndex > text.startIndex else { continue }
            if text[text.index(before: beforeIndex)].isLetter { return range }
        }
        return nil
    }

    /// The sections with the numbers of their headings taken off (`1. Definitions` is
    /// `Definitions`: the number is the section's ordinal) when every heading of two or more
    /// starts with its ordinal, `1.` or `1)` and a space, or the number and a space before a
    /// capital (`1 Definitions`, as Org mode's text export numbers them).
    static func withoutHeadingNumbers(_ sections: [ExtractedSection]) -> [ExtractedSection] {
        guard sections.count >= 2 else { return sections }
        var stripped = sections
        for index in sections.indices {
            guard let heading = sections[index].heading else { return sections }
            let number = String(index + 1)
            guard heading.hasPrefix(number) else { return sections }
            let rest = heading.dropFirst(number.count)
            let marked = rest.count >= 3 && (rest.first == "." || rest.first == ")") && rest.dropFirst().first == " "
            let spaced = rest.count >= 2 && rest.first == " " && rest.dropFirst().first?.isUppercase == true
            guard marked || spaced else { return sections }
            let text = rest.dropFirst(marked ? 2 : 1).drop { $0 == " " }
            guard !text.isEmpty else { return sections }
            stripped[index].heading = String(text)
        }
        return stripped
    }

    /// Whether `block` carries on the `Citation:` line `line` (a line wrapped by the conversion,
    /// or a label whose citations follow in the next block): a paragraph that reads as
    /// citations and nothing else, after a label with nothing after it or a line that stops
    /// inside a citation (`Code of`); else, when the paragraph does not end a sentence, after a
    /// line that stops at a separator (`;`, `and`, `through`) or when it holds a `§` itself.
    /// `problems` are those of the line's parse. The block is parsed only when the line and
    /// the block's ending allow it, so that prose after a whole line costs no second reading.
    static func continues(
        _ line: String, parsed problems: [CitationProblem], with block: Block, codeNames: KnownCodeNames
    ) -> Bool {
        guard block.kind == .paragraph, block.headingLevel == nil, block.cells == nil else { return false }
        let text = block.text
        // A block of citations is short.
        guard text.utf8.count <= 400, citationLine(text) == nil else { return false }
        // After a label with nothing after it, a paragraph of citations may end in a period;
        // else a paragraph that ends a sentence is prose (`See Rev. Stat. § 13-3212.`).
        guard !text.hasSuffix(".") || text.hasSuffix("seq.") || line.allSatisfy(\.isWhitespace) else { return false }
        let trimmed = line.trimming(where: \.isWhitespace)
        let candidate: Bool
        if let last = trimmed.last, !problems.contains(where: { trimmed.hasSuffix($0.text) }) {
            // The last word: what follows the last white space (the line ends in none).
            let lastWord = trimmed[(trimmed.lastIndex(where: \.isWhitespace).map(trimmed.index(after:)) ?? trimmed.startIndex)...]
            candidate = ";,&§–—".contains(last) || ["and", "or", "through", "to"].contains(lastWord.lowercased())
                || CitationParser.hasSectionSign(text)
        } else {
            // Nothing after the label, or the line stops inside a citation (`Code of`).
            candidate = true
        }
        guard candidate else { return false }
        let next = CitationParser.parse(text, codeNames: codeNames)
        guard !next.citations.isEmpty, next.problems.isEmpty else {
            // A block that carries on the line's list of sections (`§§ 631;` then `9292.8; 245`,
            // `§§ 3-648 through` then `3-654`, `§§ R828-319-6;` then `R439-837-8`) reads only
            // after the line: it does when the two read together give more, or other, citations
            // and no new problem.
            guard let first = text.first, first.isNumber || first.isUppercase && text.dropFirst().first?.isNumber == true,
                !trimmed.isEmpty
            else { return false }
            let alone = CitationParser.parse(trimmed, codeNames: codeNames)
            let joined = CitationParser.parse(trimmed + " " + text, codeNames: codeNames)
            return joined.problems.count <= alone.problems.count && joined.citations.count >= alone.citations.count
                && joined.citations != alone.citations
        }
        // Without `§`, only citations of known codes or by an explicit designator (`No.`, `Art.`):
        // capitalized words before a number are not enough (`The term means a person under age 18`).
        return CitationParser.hasSectionSign(text)
            || next.citations.allSatisfy { codeNames.contains($0.codeName) || $0.designator != .none }
    }

    /// Where prose starts in a `Citation:` line's text, when the line's citations are followed by
    /// a sentence: text no citation was read from that opens with a capital and reads as a
    /// sentence (four words or more, two of them lower-case: `A sex trafficking victim is
    /// defined in`; or a list's lead-in ending in `:`, two words or more, one lower-case),
    /// after at least one citation.
    static func proseStart(_ line: String, problems: [CitationProblem]) -> String.Index? {
        for problem in problems where problem.problem == "not a citation" {
            var words = problem.text.split(whereSeparator: \.isWhitespace)
            // The last section of the line's list may lead the text that gave no citation
            // (`84-6305 For purposes of ...`, the sentence joined at a page break): the prose
            // starts after it.
            if words.count >= 5, words[0].first?.isNumber == true, words[1].first?.isUppercase == true { words.removeFirst() }
            // A list's lead-in is prose however short (`Training must cover:`).
            let leadsIn = problem.text.last == ":"
            guard words.count >= (leadsIn ? 2 : 4), let first = words.first?.first, first.isUppercase,
                words.dropFirst().filter({ $0.first?.isLowercase == true }).count >= (leadsIn ? 1 : 2),
                let range = line.range(of: problem.text), range.lowerBound > line.startIndex
            else { continue }
            let start = line.index(range.lowerBound, offsetBy: problem.text.distance(from: problem.text.startIndex, to: words[0].startIndex))
            // At least one citation before it.
            guard CitationParser.hasSectionSign(line[..<start]) || line[..<start].contains(where: \.isNumber) else { continue }
            return start
        }
        return nil
    }

    /// The text without the bullet glyph a conversion left at its start (`• Victim-witness
    /// counseling`, `ƒ Develop a screening tool`: PDF fonts map their bullet to `ƒ`): a list
    /// item is its own paragraph, its bullet no part of it.
    static func withoutBullet(_ text: String) -> String {
        // Every bullet glyph is outside ASCII.
        guard let byte = text.utf8.first, byte >= 0x80, let first = text.first, bulletGlyphs.contains(first) else { return text }
        let rest = text.dropFirst()
        guard rest.first == " ", rest.dropFirst().first.map({ !$0.isWhitespace }) == true else { return text }
        return String(rest.dropFirst())
    }

    /// A list item's text without its number (`1. `, `12) `): an ordered list's numbers are its
    /// markup, as bullets are.
    static func withoutListNumber(_ text: String) -> String {
        // The number opens with an ASCII digit, a byte of its own: any other text has none.
        guard let byte = text.utf8.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count) else { return text }
        let rest = text.dropFirst(digits.count)
        guard rest.first == "." || rest.first == ")", rest.dropFirst().first == " " else { return text }
        let item = rest.dropFirst(2).drop { $0 == " " }
        return item.isEmpty ? text : String(item)
    }

    private static let bulletGlyphs: Set<Character> = ["•", "◦", "▪", "▫", "●", "○", "■", "□", "‣", "⁃", "∙", "·", "ƒ", "➢", "➤", "►"]

    /// The full extraction of a statute summary given as blocks alone.
    public static func extract(
        _ blocks: [Block], codeNames: KnownCodeNames = KnownCodeNames(), limits: ExtractionLimits = ExtractionLimits()
    ) -> Extraction {
        extract(CleanDocument(blocks: blocks, warnings: []), codeNames: codeNames, limits: limits)
    }

    /// A title without the state's name at its end, where a word before the name joins no
    /// phrase to it (`in`, `of`, `for`, ...: `Human Trafficking in Ohio` speaks of the state)
    /// and three words or more are left; `nil` otherwise.
    static func titleBeforeState(_ headline: String, state: String) -> String? {
        let words = headline.split(separator: " ")
        let name = state.split(separator: " ")
        guard words.count >= name.count + 3, words.suffix(name.count).map({ $0.lowercased() }) == name.map({ $0.lowercased() }),
            let joiner = words.dropLast(name.count).last, !CardHeader.joiningWords.contains(joiner.lowercased()),
            joiner.last.map({ $0.isLetter }) == true
        else { return nil }
        return words.dropLast(name.count).joined(separator: " ")
    }

    /// The title, state and date that open a document, without its sections.
    public static func header(_ document: CleanDocument, states: StateNames = StateNames()) -> Extraction {
        let header = HeaderReader(states: states).read(
            document.blocks, pageTitle: document.pageTitle, siteName: document.siteName, lastEdited: document.lastEdited
        )
        var extraction = Extraction(kind: DocumentKind.unknown)
        extraction.headline = header.title
        extraction.series = header.series
        extraction.stateText = header.state
        extraction.dateText = header.date
        extraction.headerBlockCount = header.length
        extraction.warnings = header.warnings
        return extraction
    }

    /// The header of a document given as blocks alone.
    public static func header(_ blocks: [Block]) -> Extraction {
        header(CleanDocument(blocks: blocks, warnings: []))
    }

    /// A line all in bold, short, that is no citation line: a heading by typography.
    static func isBoldHeading(_ block: Block) -> Bool {
        block.isBold && block.kind == .paragraph && block.text.utf8.count <= 150 && !isCitation(block.text)
    }

    /// A heading block, or a paragraph that reads as one: a short line without end punctuation
    /// that starts with a capital and is followed by more text.
    static func isHeading(_ block: Block, isLast: Bool) -> Bool {
        // A `Citation:` label set as a heading (`<h4>Citation:</h4>`) is still a label.
        if block.headingLevel != nil { return !isCitation(block.text) }
        guard block.kind == .paragraph, !isLast else { return false }
        let text = block.text
        guard let first = text.unicodeScalars.first,
            first.isASCII ? first >= "A" && first <= "Z" : first.properties.isUppercase
        else { return false }
        guard text.utf8.count <= 100, !endsInPunctuation(text) else { return false }
        guard !isCitation(text) else { return false }
        return WordStream.count(text[...], atTabs: false, limit: 13) <= 12
    }

    /// Whether the last `Character` is one of `.:;,!?`. An ASCII byte after another (or alone)
    /// is a `Character` of its own.
    private static func endsInPunctuation(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let last = utf8.last else { return false }
        let before = utf8.dropLast().last
        guard last < 0x80, before.map({ $0 < 0x80 }) ?? true else {
            return text.last.map { $0.isAny(of: ".:;,!?") } ?? false
        }
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        default: return false
        }
    }

    private static func isCitation(_ text: String) -> Bool {
        citationLine(text) != nil
    }

    /// The citations after a `Citation:` or `Citations:` label, or `nil` for any other text.
    /// The label may keep the emphasis markup put around it (`**Citation:**`, `__Citation__:`),
    /// be written `Citation(s):` or `Cite:`, and have one word before it (`Statutory citation:`);
    /// the short and qualified forms only with their colon.
    static func citationLine(_ text: String) -> Substring? {
        // Most blocks are rejected by their first bytes, read in place: no label opens them.
        guard let emphasis = text.utf8.withContiguousStorageIfAvailable(labelEmphasis)
            ?? Array(text.utf8).withUnsafeBufferPointer(labelEmphasis)
        else { return nil }
        // Read by bytes where those looked at are plain ASCII; else by characters, below.
        switch text.utf8.withContiguousStorageIfAvailable({ labelReading($0, emphasis: emphasis) }) {
        case let .citations(at: start)?:
            return text[text.utf8.index(text.startIndex, offsetBy: start)...].drop(while: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })
        case .noLabel?: return nil
        case .undecided?, nil: break
        }
        var labelled = text.dropFirst(emphasis)
        var qualified = false
        if !ASCIIText.hasPrefix(labelled, "cit") {
            // One word of letters before the label (`Statutory citation:`).
            let word = labelled.utf8.prefix(while: { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }).count
            guard (3...12).contains(word), labelled.utf8.dropFirst(word).first == UInt8(ascii: " ") else { return nil }
            labelled = labelled.dropFirst(word + 1)
            qualified = true
        }
        // Every label opens with these letters, and no other character compares equal to one.
        guard ASCIIText.hasPrefix(labelled, "cit") else { return nil }
        for label in citationLabels {
            guard var rest = textAfter(label.name, in: labelled) ?? textAfter(label.lowercased, in: labelled) else { continue }
            rest = rest.dropFirst(closing(rest))
            let colon = rest.first == ":"
            if colon {
                rest = rest.dropFirst()
                rest = rest.dropFirst(closing(rest))
                return rest.drop(while: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })
            }
            if qualified || label.isShort { continue }
            // A table row whose first cell is the label (`| Citation | Rev. Code § 9A.40.100 |`,
            // `<th>Citation</th><td>…</td>`): the row's cells are tab-separated.
            if rest.first == "\t" { return rest.drop(while: { $0 == "\t" || $0 == " " }) }
            // "Citation Ann. Code § ..." with the colon lost in conversion.
            if rest.first == " ", rest.contains("§") { return rest.dropFirst() }
        }
        return nil
    }

    /// Whether a label may stand after the `emphasis` bytes, or after one word of letters and a
    /// space there, as `citationLine` looks for it: told by the bytes where those before the
    /// place are ASCII and so is the first there (each a character of its own, as
    /// `citationLine` steps over them), most blocks failing at their first word; `true` where
    /// the bytes cannot tell.
    private static func mayOpenWithLabel(_ bytes: UnsafeBufferPointer<UInt8>, after emphasis: Int) -> Bool {
        // Whether `cit` stands at `index` in any ASCII case; `nil` where a scalar of more
        // bytes starts there.
        func opensLabel(at index: Int) -> Bool? {
            guard index < bytes.count else { return false }
            guard bytes[index] < 0x80 else { return nil }
            func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return index + 3 <= bytes.count && lower(bytes[index]) == UInt8(ascii: "c") && lower(bytes[index + 1]) == UInt8(ascii: "i")
                && lower(bytes[index + 2]) == UInt8(ascii: "t")
        }
        guard opensLabel(at: emphasis) == false else { return true }
        var end = emphasis
        while end < bytes.count, (bytes[end] | 0x20) >= UInt8(ascii: "a"), (bytes[end] | 0x20) <= UInt8(ascii: "z") { end += 1 }
        guard (3...12).contains(end - emphasis), end < bytes.count, bytes[end] == UInt8(ascii: " ") else { return false }
        return opensLabel(at: end + 1) != false
    }

    /// The number of emphasis bytes (`*`, `_`) a text may open with before a `Citation:` label,
    /// or `nil` when its UTF-8 `bytes` cannot open with one: a first byte other than `C`, `c`,
    /// emphasis or a capital that may open a qualifying word, more than three emphasis bytes,
    /// or no `cit` where `mayOpenWithLabel` looks.
    private static func labelEmphasis(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = bytes.first,
            first | 0x20 == UInt8(ascii: "c") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first)
        else { return nil }
        var emphasis = 0
        while emphasis < bytes.count, emphasis <= 3, bytes[emphasis] == UInt8(ascii: "*") || bytes[emphasis] == UInt8(ascii: "_") {
            emphasis += 1
        }
        guard emphasis <= 3, mayOpenWithLabel(bytes, after: emphasis) else { return nil }
        return emphasis
    }

    /// What the bytes of a text tell of its `Citation:` label.
    private enum LabelReading {
        /// A label with its colon: the citations start at this byte offset (before the spaces
        /// `citationLine` drops).
        case citations(at: Int)
        /// No label that `citationLine` reads.
        case noLabel
        /// The bytes cannot tell: a byte looked at is not ASCII or is a carriage return (each
        /// may join the one beside it into one character), or the label is followed by a tab
        /// or a space (a table row, a lost colon).
        case undecided
    }

    /// `citationLine` for UTF-8 `bytes` whose label starts after `emphasis` bytes, read as it
    /// reads the characters, wherever the bytes looked at and the one after each are plain
    /// ASCII: each is then a character of its own.
    private static func labelReading(_ bytes: UnsafeBufferPointer<UInt8>, emphasis: Int) -> LabelReading {
        // The plain bytes at the start (the label is read within them).
        let limit = min(bytes.count, 48)
        var plainEnd = 0
        while plainEnd < limit, bytes[plainEnd] < 0x80, bytes[plainEnd] != 0x0D { plainEnd += 1 }
        // Whether the bytes before `end` are plain.
        func plain(upTo end: Int) -> Bool { end <= plainEnd || plainEnd == bytes.count }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        func opensCit(_ index: Int) -> Bool {
            index + 3 <= bytes.count && lower(bytes[index]) == UInt8(ascii: "c") && lower(bytes[index + 1]) == UInt8(ascii: "i")
                && lower(bytes[index + 2]) == UInt8(ascii: "t")
        }
        var start = emphasis
        var qualified = false
        guard plain(upTo: start + 1) else { return .undecided }
        if !opensCit(start) {
            // One word of letters before the label.
            var word = 0
            while start + word < bytes.count, (bytes[start + word] | 0x20) >= UInt8(ascii: "a"), (bytes[start + word] | 0x20) <= UInt8(ascii: "z") {
                word += 1
            }
            guard (3...12).contains(word), start + word < bytes.count, bytes[start + word] == UInt8(ascii: " ") else { return .noLabel }
            start += word + 1
            qualified = true
            guard plain(upTo: start + 1) else { return .undecided }
        }
        guard opensCit(start) else { return .noLabel }
        for label in citationLabels {
            let end = start + label.name.count
            guard plain(upTo: end + 1) else { return .undecided }
            guard end <= bytes.count else { continue }
            let written = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard written.elementsEqual(label.name) || written.elementsEqual(label.lowercased) else { continue }
            var rest = end + closing(bytes, at: end)
            guard plain(upTo: rest + 1) else { return .undecided }
            if rest < bytes.count, bytes[rest] == UInt8(ascii: ":") {
                rest += 1
                rest += closing(bytes, at: rest)
                guard plain(upTo: rest + 1) else { return .undecided }
                return .citations(at: rest)
            }
            if qualified || label.isShort { continue }
            if rest < bytes.count, bytes[rest] == UInt8(ascii: "\t") || bytes[rest] == UInt8(ascii: " ") { return .undecided }
        }
        return .noLabel
    }

    /// `closing` of the bytes from `index`.
    private static func closing(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] == UInt8(ascii: "*") || bytes[end] == UInt8(ascii: "_") { end += 1 }
        return end - index <= 3 ? end - index : 0
    }

    /// How many emphasis characters close a label at the start of `rest`: those that opened it,
    /// or a closing run whose opening the cleanup dropped (`Citation:** …`); at most three.
    private static func closing(_ rest: Substring) -> Int {
        let found = rest.utf8.prefix(while: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }).count
        return found <= 3 ? found : 0
    }

    /// The labels a `Citation:` line opens with, as UTF-8, as written and in lower case; a short
    /// one (`Cite`) only with its colon.
    private static let citationLabels: [(name: [UInt8], lowercased: [UInt8], isShort: Bool)] =
        ["Citation", "Citations", "Citation(s)", "Cite", "Cites"].map { label in
            (Array(label.utf8), Array(label.lowercased().utf8), label.utf8.count <= 5)
        }

    /// The text after an ASCII label it opens with, or `nil`: `text.hasPrefix(label)`, by bytes
    /// where the text opens in ASCII. The label's bytes then match exactly when its characters
    /// do, and an ASCII byte after them starts a character of its own: the rest starts right
    /// after them.
    private static func textAfter(_ label: [UInt8], in text: Substring) -> Substring? {
        let opens: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.prefix(label.count + 1).allSatisfy({ $0 < 0x80 }) else { return nil }
            return bytes.starts(with: label)
        } ?? nil
        if let opens { return opens ? text[text.utf8.index(text.startIndex, offsetBy: label.count)...] : nil }
        let name = String(decoding: label, as: UTF8.self)
        return text.hasPrefix(name) ? text.dropFirst(name.count) : nil
    }
}

/// Where a page's own matter starts after a summary's last section, in a conversion that kept
/// it: after a thematic break (`---`) past which no `Citation:` line or "nothing described"
/// sentence follows, or at a run of four or more short lines that end no sentence (a list of
/// links, "Was this page helpful?", the footer's menu), which a summary's prose never has.
enum PageEnd {
    /// The index of the first block of the page's own matter, or `body.count`; `lines` are the
    /// blocks' `citationLine`s.
    static func start(of body: [Block], lines: [Substring?]) -> Int {
        // The summary's last `Citation:` line or "nothing described" section: the page's matter
        // comes after it.
        let lastOfSummary = body.indices.last { lines[$0] != nil || NothingDescribed.matches(body[$0].text) }
        var summaryStarted = false
        var run = 0
        // The run opened with a short line ending in a word, as a row of links does.
        var runOpensBare = false
        var lastBreak: Int?
        // The blocks are a list a line ending in `:` leads into.
        var inLedList = false
        // Blocks are read in place, not copied.
        for index in body.indices {
            if isThematicBreak(body[index].text) {
                lastBreak = index
                run = 0
                continue
            }
            let isLine = lines[index] != nil
            if isLine || body[index].headingLevel != nil || body[index].isBold { summaryStarted = true }
            if lastBreak != nil, isLine || NothingDescribed.matches(body[index].text) { lastBreak = nil }
            // A line ending in `:` leads into what follows (`The protocol must address the
            // following:`): it and the list it leads into are the summary's, however short.
            let leadsIn = body[index].text.last == ":"
            if body[index].kind != .listItem { inLedList = leadsIn }
            if summaryStarted, !isLine, !leadsIn, !(inLedList && body[index].kind == .listItem),
                isShortLine(body[index]) || run > 0 && runOpensBare && isMenuItem(body[index])
            {
                if run == 0 { runOpensBare = body[index].text.last.map { $0.isLetter } ?? false }
                run += 1
                // A run of short lines the summary goes on after (a PDF's sidebar box read
                // between two pages) is not where the page's matter starts.
                if run >= 4, lastOfSummary.map({ $0 < index }) ?? true {
                    let start = lastBreak.map { min($0, index - run + 1) } ?? index - run + 1
                    // A row of links before the run (`Print`, `Email`, `Share` over the site's
                    // notice) starts the page's matter there.
                    return lastOfSummary.flatMap { menuStart(in: body, after: $0, before: start) } ?? start
                }
            } else {
                run = 0
            }
        }
        // A row of links (`Print | Email | Share`, a printed page's menu) past the last
        // `Citation:` line and "nothing described" section starts the page's matter.
        if let lastOfSummary, let menu = menuStart(in: body, after: lastOfSummary, before: body.count) {
            return min(menu, lastBreak ?? body.count)
        }
        return lastBreak ?? body.count
    }

    /// The first block after `last` and before `end` that opens a row or list of the page's
    /// links or actions.
    private static func menuStart(in body: [Block], after last: Int, before end: Int) -> Int? {
        guard last + 1 < end else { return nil }
        return body.indices[(last + 1)..<end].first { isMenuRow(body[$0]) || opensMenuList(body, at: $0) || isPageActions(body[$0]) }
    }

    /// A table row of three or more cells, each a word or three with no sentence in it.
    private static func isMenuRow(_ block: Block) -> Bool {
        guard let cells = block.cells?.filter({ !$0.isEmpty }), cells.count >= 3 else { return false }
        return cells.allSatisfy { cell in
            let words = WordStream.count(cell[...], atTabs: false, limit: 4)
            return words <= 3 && !cell.contains(where: { ".,;:§".contains($0) || $0.isNumber })
        }
    }

    /// A line of the page's actions and nothing else (`Print Email Share`, `Print | Share`): two
    /// to six words, each an action a web page offers on itself, separators aside.
    private static func isPageActions(_ block: Block) -> Bool {
        guard block.cells == nil, block.kind != .listItem, block.text.utf8.count <= 60 else { return false }
        let words = block.text.split { $0 == " " || $0 == "|" || $0 == "·" || $0 == "•" }
        return (2...6).contains(words.count) && words.allSatisfy { pageActions.contains($0.lowercased()) }
    }

    /// What a web page offers to do with itself, in lower case.
    private static let pageActions: Set<String> = [
        "print", "email", "e-mail", "share", "download", "save", "copy", "link", "tweet", "facebook", "twitter", "x",
        "linkedin", "pdf", "bookmark", "subscribe", "feedback",
    ]

    /// Whether three menu items or more (`About Us`, `Contact Us`, `Privacy Policy`) open at
    /// `index` with no line leading into them: a page's links printed as a list, where a
    /// summary's own list follows a line ending in a colon (`Services include:`), a page's
    /// footer between them or not.
    private static func opensMenuList(_ body: [Block], at index: Int) -> Bool {
        guard index > 0, index + 2 < body.count, body[index - 1].kind != .listItem else { return false }
        guard let before = body[..<index].lastIndex(where: { !isPageFooter($0) }), body[before].text.last != ":" else {
            return false
        }
        if isMenuItem(body[index]) && isMenuItem(body[index + 1]) && isMenuItem(body[index + 2]) { return true }
        // The links as lines of their own (`Print`, `Email`, `Share`: a printed page's, one a line).
        return body[index..<(index + 3)].allSatisfy { isMenuItem($0, asLine: true) }
    }

    /// A page's footer line standing where a page broke: a name and a web address, or a page number.
    private static func isPageFooter(_ block: Block) -> Bool {
        StatuteSummaryExtractor.isNameAndAddress(block.text) || StatuteSummaryExtractor.isPageNumber(block.text)
    }

    /// A short line saying when the page last changed: `Page last modified:`, `Last updated`,
    /// `Last reviewed` and the like, then a date.
    static func isPageChangeDate(_ text: String) -> Bool {
        guard text.utf8.count <= 80 else { return false }
        let opening = ASCIIText.hasPrefix(text, "page ") ? Substring(text).dropFirst(5) : Substring(text)
        let labels: [StaticString] = ["last modified", "last updated", "last reviewed"]
        guard let label = labels.first(where: { ASCIIText.hasPrefix(opening, $0) }) else { return false }
        let date = opening.dropFirst(label.utf8CodeUnitCount).drop { $0 == ":" || $0 == " " }
        return DateText.find(in: String(date)) != nil
    }

    /// The words, lower-case and with the space after them, that open a sentence sending the
    /// reader to another resource.
    private static let directives: [StaticString] = [
        "visit ", "see ", "go to ", "refer to ", "consult ", "click ", "learn more ", "read more ",
    ]

    /// Whether a paragraph is the page's own sentence sending the reader to another resource
    /// (`To view the statute summaries for all States and territories, visit State Statutes
    /// Search.`, `For more information, see …`, `Visit … for …`), which no section of a summary
    /// says: each of its sentences (two at most) is addressed to the reader, opening with an
    /// imperative that points elsewhere, or opening its main clause with one after a lead-in
    /// of `To …,` or `For …,`; and it tells of no law: no citation, no `§` nor `section`, none
    /// of `shall`, `must`, `may` (`Visit by a caseworker must occur monthly.`). Told by the
    /// first byte for most paragraphs; the citations are looked for last.
    static func sendsReaderElsewhere(_ block: Block, codeNames: KnownCodeNames) -> Bool {
        guard case .paragraph = block.kind, block.cells == nil, !block.isQuoted else { return false }
        let text = block.text
        // The first letters of the directives and of `To`, `For`.
        guard (10...300).contains(text.utf8.count), let first = text.utf8.first,
            "vsgrcltf".utf8.contains(first | 0x20), text.utf8.last != UInt8(ascii: ":")
        else { return false }
        guard !CitationParser.hasSectionSign(text),
            !ASCIIText.contains(text, "section"), !ASCIIText.contains(text, " shall "), !ASCIIText.contains(text, " must "),
            !ASCIIText.contains(text, " may ")
        else { return false }
        let addressed = text.utf8.withContiguousStorageIfAvailable(isAddressedElsewhere)
            ?? Array(text.utf8).withUnsafeBufferPointer(isAddressedElsewhere)
        return addressed && CitationParser.parse(text, codeNames: codeNames).citations.isEmpty
    }

    /// A paragraph's text without its last sentence or two when they send the reader elsewhere
    /// (`sendsReaderElsewhere`): the page's own sentence that a conversion joined to the last
    /// section's paragraph (`… reviewed. To view the statute summaries …, visit …`). `nil`
    /// when the paragraph ends otherwise. Only its last bytes are looked at.
    static func withoutClosingSentence(_ block: Block, codeNames: KnownCodeNames) -> String? {
        guard case .paragraph = block.kind, block.cells == nil, !block.isQuoted else { return nil }
        let text = block.text
        let utf8 = Array(text.utf8.suffix(302))
        let offset = text.utf8.count - utf8.count
        var kept: String?
        var end = utf8.count
        for _ in 0..<2 {
            var period = end - 3
            while period >= 0, !isSentenceBreak(utf8, at: period) { period -= 1 }
            guard period >= 0, offset + period > 0 else { break }
            end = period
            // The sentence's first letter opens a directive, `To` or `For`, or it sends no one.
            guard "VSGRCLTF".utf8.contains(utf8[period + 2]) else { continue }
            let cut = text.utf8.index(text.startIndex, offsetBy: offset + period + 1)
            var sentence = block
            sentence.text = String(text[text.utf8.index(after: cut)...])
            if sendsReaderElsewhere(sentence, codeNames: codeNames) { kept = String(text[..<cut]) }
        }
        return kept
    }

    /// Whether a sentence ends at `index` of UTF-8 `bytes`: a period there, then a space and a
    /// capital, where the next sentence starts.
    private static func isSentenceBreak<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> Bool
    where Bytes.Index == Int {
        index + 2 < bytes.count && bytes[index] == UInt8(ascii: ".") && bytes[index + 1] == 0x20
            && bytes[index + 2] >= UInt8(ascii: "A") && bytes[index + 2] <= UInt8(ascii: "Z")
    }

    /// Whether each sentence of UTF-8 `bytes` (one or two: `isSentenceBreak` parts them) opens
    /// with a directive, itself or after a lead-in of `To …,` or `For …,`.
    private static func isAddressedElsewhere(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func opens(_ word: StaticString, at index: Int) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == word.utf8Start[offset] else { return false }
            }
            return true
        }
        var start = 0
        var sentences = 0
        while start < bytes.count {
            sentences += 1
            guard sentences <= 2 else { return false }
            var end = start
            while end < bytes.count, !isSentenceBreak(bytes, at: end) { end += 1 }
            func isDirective(at index: Int) -> Bool {
                let clause = opens("please ", at: index) ? index + 7 : index
                return directives.contains { opens($0, at: clause) }
            }
            if opens("to ", at: start) || opens("for ", at: start) {
                // The main clause after the lead-in: after one of its commas (the lead-in may
                // hold a list).
                var comma = start
                while comma + 1 < end, !(bytes[comma] == UInt8(ascii: ",") && bytes[comma + 1] == 0x20 && isDirective(at: comma + 2)) {
                    comma += 1
                }
                guard comma + 1 < end else { return false }
            } else {
                guard isDirective(at: start) else { return false }
            }
            start = end + 2
        }
        return sentences > 0
    }

    /// `---`, `***`, `___` (spaces allowed between).
    static func isThematicBreak(_ text: String) -> Bool {
        // The marks are ASCII: a byte other than the first mark (a combining mark's included)
        // ends the break, as it would end a `Character` comparison.
        var first: UInt8?
        var marks = 0
        for byte in text.utf8 where byte != 0x20 {
            if let first {
                guard byte == first else { return false }
            } else {
                guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") else { return false }
                first = byte
            }
            marks += 1
        }
        return marks >= 3
    }

    /// An item of three words at most with no punctuation (`About Us`), after a short line
    /// that ends in a word (`Print Email Share`): a page's menu printed as a list, or, `asLine`,
    /// as plain lines of their own. A summary's own list follows the line that leads into it
    /// (`Services include:`).
    private static func isMenuItem(_ block: Block, asLine: Bool = false) -> Bool {
        guard asLine ? block.kind == .paragraph && !block.isBold : block.kind == .listItem, block.cells == nil else { return false }
        let item = StatuteSummaryExtractor.withoutBullet(block.text)
        return !item.isEmpty && WordStream.count(item[...], atTabs: false, limit: 4) <= 3
            && item.allSatisfy { $0.isLetter || $0 == " " || $0 == "&" }
    }

    /// A plain paragraph of up to twelve words that ends no sentence: no heading, no bold
    /// line, no list item (a summary's lists are lists of its own).
    private static func isShortLine(_ block: Block) -> Bool {
        guard case .paragraph = block.kind, !block.isBold, block.cells == nil, !block.text.isEmpty, !endsInPeriod(block.text) else {
            return false
        }
        let text = block.text
        // A bullet glyph is outside ASCII: a text opening with an ASCII byte has none.
        if let byte = text.utf8.first, byte >= 0x80, let first = text.first, StatuteSummaryExtractor.withoutBullet(text) != text,
            !first.isLetter
        {
            return false
        }
        return WordStream.count(text[...], atTabs: false, limit: 13) <= 12
    }

    /// Whether the last `Character` is `.`: told by the last byte, which is the period's own
    /// when the byte before it is ASCII (or there is none), and which any text ending in the
    /// period ends in.
    private static func endsInPeriod(_ text: String) -> Bool {
        let told = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.last == UInt8(ascii: ".") else { return false }
            return bytes.count < 2 || bytes[bytes.count - 2] < 0x80 ? true : nil
        }
        if case let told?? = told { return told }
        return text.last == "."
    }
}

/// A line that repeats the document's title (with its state, in either order, and the site's
/// address or a page number beside it), as a running header at the top of a page does.
struct RunningHeader {
    /// The keys a running header may have: the title's, and the title's with the state's
    /// before or after it.
    private let keys: [[UInt8]]
    /// The first byte of each key.
    private let firstBytes: [UInt8]

    init(headline: String?, state: String?) {
        guard let headline, case let title = RunningHeader.key(headline), title.count >= 12 else {
            keys = []
            firstBytes = []
            return
        }
        var keys = [title]
        if let state {
            let state = RunningHeader.key(state)
            keys.append(title + state)
            keys.append(state + title)
        }
        self.keys = keys
        firstBytes = keys.compactMap(\.first)
    }

    /// Whether the block is a paragraph or heading that says the title and nothing more but an
    /// address or a page number.
    func matches(_ block: Block) -> Bool {
        guard !keys.isEmpty, block.cells == nil, block.text.utf8.count <= 240 else { return false }
        // A block whose first word opens with an ASCII letter that is a character of its own is
        // no header when the letter opens no key and no web address (`http`, `www.`): its key
        // would open with the letter in lower case.
        let opensNoKey = block.text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z") else { return false }
            let letter = first | 0x20
            return (bytes.count < 2 || bytes[1] < 0x80) && letter != UInt8(ascii: "h") && letter != UInt8(ascii: "w")
                && !firstBytes.contains(letter)
        }
        if opensNoKey == true { return false }
        // The block's key is read word by word against the keys, and the block is given up on
        // as soon as no key starts with it: most blocks after their first word. Words are cut
        // where `split(separator: " ")` cuts them, one at a time.
        var text = block.text
        return text.withUTF8 { bytes in
            var reading = KeyReading(keys: keys)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x20 || !ASCIICharacterBoundary.standsAlone(at: end, in: bytes) { end += 1 }
                defer { start = end + 1 }
                guard end > start else { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard !InlineText.isBareWebAddress(word.span), !RunningHeader.isNumber(word) else { continue }
                RunningHeader.appendKey(of: word, to: &reading)
                guard reading.isPrefix else { return false }
            }
            return reading.isWhole
        }
    }

    /// A block's key as it is read, against the keys: which of them it is a prefix of so far.
    private struct KeyReading {
        let keys: [[UInt8]]
        /// The key's length so far.
        private(set) var count = 0
        /// One bit per key the key read so far starts.
        private var starting: UInt8

        init(keys: [[UInt8]]) {
            self.keys = keys
            starting = UInt8(truncatingIfNeeded: (1 << keys.count) - 1)
        }

        /// Some key starts with the key read.
        var isPrefix: Bool { starting != 0 }
        /// The key read is one of the keys.
        var isWhole: Bool { keys.indices.contains { starting & 1 << $0 != 0 && keys[$0].count == count } }

        mutating func append(_ byte: UInt8) {
            for index in keys.indices where starting & 1 << index != 0 {
                if count >= keys[index].count || keys[index][count] != byte { starting &= ~(1 << index) }
            }
            count += 1
        }
    }

    /// The letters and digits, in lower case: the same title whatever its punctuation, case
    /// and spacing.
    private static func key(_ text: String) -> [UInt8] {
        var text = text
        var key: [UInt8] = []
        text.withUTF8 { appendKey(of: $0, to: &key) }
        return key
    }

    /// Appends the key of UTF-8 `text`.
    private static func appendKey(of text: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]) {
        appendKey(of: text) { key.append($0) }
    }

    /// Reads on the key of UTF-8 `text`.
    private static func appendKey(of text: UnsafeBufferPointer<UInt8>, to reading: inout KeyReading) {
        appendKey(of: text) { reading.append($0) }
    }

    /// The bytes of the key of UTF-8 `text`, in order, to `append`. The letters a lost ligature
    /// takes with it are left out of every key, so a title that lost them (`Human Trafcking`,
    /// from `fi`) and a running header that kept them read alike: every `f`, and an `i` or `l`
    /// right after one.
    private static func appendKey(of text: UnsafeBufferPointer<UInt8>, _ append: (UInt8) -> Void) {
        var afterF = false
        func letterOrNumber(_ byte: UInt8) {
            if byte == UInt8(ascii: "f") {
                afterF = true
            } else if afterF, byte == UInt8(ascii: "i") || byte == UInt8(ascii: "l") {
                afterF = false
            } else {
                afterF = false
                append(byte)
            }
        }
        guard text.allSatisfy({ $0 < 0x80 }) else {
            for character in String(decoding: text, as: UTF8.self).lowercased() {
                if character.isLetter || character.isNumber { character.utf8.forEach(letterOrNumber) } else { afterF = false }
            }
            return
        }
        // An ASCII Character is one byte, a letter or a number only as A-Z, a-z, 0-9.
        for byte in text {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): letterOrNumber(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letterOrNumber(byte | 0x20)
            default: afterF = false
            }
        }
    }

    /// A page number or any other word of numbers alone, in UTF-8.
    private static func isNumber(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.allSatisfy({ $0 < 0x80 }) else { return String(decoding: word, as: UTF8.self).allSatisfy(\.isNumber) }
        return word.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

/// The "nothing is described" wording of sections that report no provision.
enum NothingDescribed {
    private static let endings: [StaticString] = [
        "described in the statutes and regulations reviewed",
        "described in the statutes reviewed",
        "described in the laws reviewed",
        "found in the statutes and regulations reviewed",
        "found in the statutes reviewed",
        "addressed in the statutes and regulations reviewed",
        "addressed in the statutes reviewed",
        "included in the statutes and regulations reviewed",
        "identified in the statutes and regulations reviewed",
    ]

    /// Whether a sentence of the text says that nothing is described in the laws reviewed:
    /// a sentence holding one of the endings that opens with "No", "None", "There is/are no"
    /// or says "not". Byte offsets throughout; no copy of the text.
    static func matches(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(matches) ?? Array(text.utf8).withUnsafeBufferPointer(matches)
    }

    /// Every wording ends in "reviewed": each "reviewed" is found (by `memchr`), and the endings
    /// that finish with it are looked at.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let reviewed = ASCIIText.firstRange(of: "reviewed", in: bytes, from: from) {
            from = reviewed.lowerBound + 1
            let end = reviewed.upperBound
            for ending in endings where holds(ending, endingAt: end, in: bytes) {
                let found = (end - ending.utf8CodeUnitCount)..<end
                var start = found.lowerBound
                while start > 0, bytes[start - 1] != UInt8(ascii: "."), bytes[start - 1] != 0x0A { start -= 1 }
                while start < found.lowerBound, bytes[start] == 0x20 { start += 1 }
                let sentence = Substring(decoding: bytes[start..<found.lowerBound], as: UTF8.self)
                if ASCIIText.hasPrefix(sentence, "no ") || ASCIIText.hasPrefix(sentence, "none ")
                    || ASCIIText.hasPrefix(sentence, "there is no ") || ASCIIText.hasPrefix(sentence, "there are no ")
                    || ASCIIText.contains(sentence, " not ")
                {
                    return true
                }
            }
        }
        return false
    }

    /// Whether `wording` (lower-case ASCII) stands in `bytes` right before `end`, in any ASCII case.
    private static func holds(_ wording: StaticString, endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = wording.utf8CodeUnitCount
        guard end >= count, end <= bytes.count else { return false }
        for offset in 0..<count {
            let byte = bytes[end - count + offset]
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard lower == wording.utf8Start[offset] else { return false }
        }
        return true
    }
}

