import LexpipeIngest
import LexpipeRecord

/// Turns the lines of a text or markdown document into blocks: blank lines end paragraphs,
/// tab-separated lines and pipe-table lines are table rows, bullets are list items, `#` lines
/// (markdown) are headings. Lines wrapped inside a paragraph are rejoined, a word hyphenated at
/// a line end made whole, and running page headers and footers of PDF conversions dropped.
struct TextBlockBuilder {
    var markdown: Bool
    var dropPageFurniture: Bool

    private(set) var blocks: [Block] = []
    private(set) var droppedFurniture = 0
    /// The running header most pages of a conversion open with, if any.
    private(set) var runningHeader: String?
    /// The paragraph's lines, as ranges of the document's UTF-8.
    private var paragraph: [Range<Int>] = []
    /// The widest line of `paragraph` so far, in columns.
    private var paragraphWidth = 0
    private var paragraphIsListItem = false
    /// The spaces before the bullet of the list item being read.
    private var itemIndent = 0
    /// The paragraph being gathered opened inside a markdown quotation (`> `).
    private var paragraphIsQuoted = false
    /// The text has no blank line to part its paragraphs.
    private var noBlankLines = false
    /// With `noBlankLines`, the columns of the text's widest line.
    private var widestLine = 0
    /// With `noBlankLines`, no `Citation:` label and few blocks yet: the lines may be the
    /// header's (series label, state, date), which a conversion sets with no blank line between.
    private var inHeaderLines = true
    /// With `noBlankLines`, the line before was a page's footer or running header (it ends in a
    /// web address).
    private var afterPageFooter = false
    /// With `noBlankLines`, the keys of the document's opening lines (its title and state),
    /// read when first asked (a line as wide as any before it, a line after a page footer).
    private var openingKeys: [[UInt8]]?
    /// With `noBlankLines`, the document's lines, for `openingKeys`.
    private var unspacedLines: [Range<Int>] = []
    /// Every line is a paragraph of its own (`linesAreParagraphs`).
    private var linesAreParagraphs = false
    /// Inside a pipe table: each following line with a `|` is a row, until a line without one.
    private var inPipeTable = false
    /// The line before was a bullet alone (`•`, as a PDF viewer copies a list): this line is
    /// its item.
    private var bulletPending = false
    /// The paragraph's lines rejoined; kept to reuse its storage from paragraph to paragraph.
    private var joined: [UInt8] = []
    /// The paragraph without markdown's inline syntax; kept for its storage as `joined` is.
    private var stripped: [UInt8] = []
    /// Whether to keep the hyphen of a word broken at a line end.
    private var hyphens = LineBreakHyphens()
    /// The blocks (by index) whose last line ends in a soft hyphen, which folding removed: a
    /// word the page break cut.
    private var softHyphenEnds: Set<Int> = []

    init(markdown: Bool, dropPageFurniture: Bool) {
        self.markdown = markdown
        self.dropPageFurniture = dropPageFurniture
    }

    mutating func build(_ text: String) -> [Block] {
        let bytes = text.utf8.span
        var lines: [Range<Int>]
        var pageStarts: [Int] = []
        var pageBreaks: [Int] = []
        if dropPageFurniture {
            let stripped = PageFurniture.strip(bytes, dropped: &droppedFurniture)
            lines = stripped.lines
            pageStarts = stripped.pageStarts
            pageBreaks = stripped.pageBreaks
            runningHeader = stripped.runningHeader
        } else {
            lines = TextLines.split(bytes, 0..<bytes.count)
        }
        if !markdown { lines = TextColumns.split(lines, in: bytes) }
        linesAreParagraphs = !markdown && TextBlockBuilder.linesAreParagraphs(lines, in: bytes)
        // Text of ten lines or more with no blank line anywhere (pdfplumber's) parts its
        // paragraphs by where lines end short; text with blank lines parts them by those.
        noBlankLines = !markdown && lines.count >= 10 && TextBlockBuilder.hasNoBlankLine(bytes)
        if noBlankLines {
            unspacedLines = lines
            // A page's footer or running title that ends in a web address, and the title (at the
            // top or repeated over a page), are set apart from the wrapped text and may be wider
            // than its measure: they are no measure of the text. Only a line wider than any
            // before it is asked.
            for line in lines {
                let columns = TextBlockBuilder.columns(UTF8Text.trimmingSpaces(bytes, line), in: bytes)
                guard columns > widestLine, !TextBlockBuilder.endsInWebAddress(line, in: bytes) else { continue }
                if !PageFurniture.repeatsOpening(line, openingKeys: openingKeys(in: bytes), in: bytes) { widestLine = columns }
            }
        }
        // A spreadsheet saved as comma-separated values: every record is a table row.
        if !markdown, TextBlockBuilder.isCommaSeparated(lines, in: bytes) {
            var index = 0
            while index < lines.count {
                let end = TextBlockBuilder.quotedRowEnd(lines, from: index, in: bytes, delimiter: UInt8(ascii: ",")) ?? index
                let cells = TextBlockBuilder.quotedCells(lines[index...end], in: bytes, delimiter: UInt8(ascii: ","))
                    .map { InlineText.fold(InlineTags.strip($0)) }
                let span = TextBlockBuilder.span(lines[index].lowerBound..<lines[end].upperBound)
                if cells.contains(where: { !$0.isEmpty }) { blocks.append(.row(cells, span: span)) }
                index = end + 1
            }
            return blocks
        }
        var index = 0
        while index < lines.count {
            // The tables below open with a tab inside their first line, or with a rule's or a
            // command's mark first: most lines are asked for neither.
            let line = lines[index]
            var lead = line.lowerBound
            while lead < line.upperBound, bytes[lead] == UInt8(ascii: " ") { lead += 1 }
            let opening = lead < line.upperBound ? bytes[lead] : 0x0A
            // A spreadsheet's tab-delimited export quotes a cell that holds a line break; the row
            // goes on to the line that closes the quote.
            let holdsTab = TextBlockBuilder.hasTab(line, in: bytes)
            if holdsTab, let end = TextBlockBuilder.quotedRowEnd(lines, from: index, in: bytes) {
                flushParagraph(bytes)
                inPipeTable = false
                let cells = TextBlockBuilder.quotedCells(lines[index...end], in: bytes)
                let span = TextBlockBuilder.span(lines[index].lowerBound..<lines[end].upperBound)
                if cells.contains(where: { !$0.isEmpty }) { blocks.append(.row(cells, span: span)) }
                index = end + 1
                continue
            }
            // A table drawn with rules (a grid table's `+---+---+`, a simple table's `===  ===`):
            // a row's cells may run over several lines.
            if opening == UInt8(ascii: "+") || opening == UInt8(ascii: "=") || opening == 0xE2 || opening == UInt8(ascii: "\\"),
                let table = RuledTable.read(lines, from: index, in: bytes) ?? LaTeXTabular.read(lines, from: index, in: bytes)
            {
                flushParagraph(bytes)
                inPipeTable = false
                let span = TextBlockBuilder.span(lines[index].lowerBound..<lines[table.end].upperBound)
                var lastRowLaidOut = false
                for row in table.rows {
                    if let laidOut = RuledTable.layoutRow(row, afterLaidOutRow: lastRowLaidOut) {
                        blocks += laidOut.map { Block($0.kind, $0.text, span: span) }
                        lastRowLaidOut = true
                        continue
                    }
                    lastRowLaidOut = false
                    let cells = row.map { markdown ? InlineText.fold(MarkdownInline.strip($0)) : InlineText.fold($0) }
                    if cells.contains(where: { !$0.isEmpty }) {
                        blocks.append(.row(cells, span: span))
                    }
                }
                index = table.end + 1
                continue
            }
            consume(line, next: index + 1 < lines.count ? lines[index + 1] : nil, holdsTab: holdsTab, in: bytes)
            index += 1
        }
        flushParagraph(bytes)
        if !pageStarts.isEmpty { rejoinAcrossPages(pageStarts, breaks: pageBreaks, lines: lines, in: bytes) }
        return blocks
    }

    /// Whether `text` opens with a section sign, or with one capitalized word before it (the
    /// rest of a code's name cut at a page break: `Code § 53-3067`).
    static func opensWithSectionSign(_ text: String) -> Bool {
        if text.hasPrefix("§") { return true }
        let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard words.count >= 2, words[1].hasPrefix("§"), let first = words[0].first, first.isUppercase else { return false }
        return words[0].count <= 8 && words[0].dropLast(words[0].hasSuffix(".") ? 1 : 0).allSatisfy(\.isLetter)
    }

    /// A paragraph that a page break cut in two made whole again. The part before the break
    /// does not end in a colon (which leads into what follows), and either it does not end a
    /// sentence and the part after the break starts in lower case, or it does not end a sentence
    /// or its page is full (as long as the longest page but the last: a page that ends early
    /// ended with its paragraph), it has two lines or more (or one that fills the measure and
    /// ends no sentence, or that a section sign follows), and the first word after the break
    /// would not have fitted on its last line (that line was wrapped: no paragraph ended there).
    /// A list item may go on as a paragraph (its continuation has no bullet).
    private mutating func rejoinAcrossPages(_ pageStarts: [Int], breaks: [Int], lines: [Range<Int>], in bytes: Span<UInt8>) {
        var joined: [Block] = []
        joined.reserveCapacity(blocks.count)
        var nextPage = 0
        var measure: Int??
        var pageExtents: [Int]?
        var endsInSoftHyphen = false
        for (index, block) in blocks.enumerated() {
            defer { endsInSoftHyphen = softHyphenEnds.contains(index) }
            guard let previous = joined.last, let before = previous.span?.bytes, let after = block.span?.bytes,
                previous.kind == block.kind || previous.kind == .listItem && block.kind == .paragraph,
                block.kind == .paragraph || block.kind == .listItem, !previous.isBold
            else {
                joined.append(block)
                continue
            }
            while nextPage < pageStarts.count, pageStarts[nextPage] < before.upperBound { nextPage += 1 }
            let breakBetween = nextPage < pageStarts.count && pageStarts[nextPage] <= after.lowerBound
            guard breakBetween, let last = previous.text.last, let first = block.text.unicodeScalars.first else {
                joined.append(block)
                continue
            }
            // A citation cut at the break (`… given in Ann.` / `Code § 53-3067.`) ends no
            // sentence at its abbreviation.
            let endsSentence = (".:;!?".contains(last) || (".:;!?".contains(previous.text.dropLast().last ?? " ") && "\")'".contains(last)))
                && !(last == "." && TextBlockBuilder.opensWithSectionSign(block.text))
            if last == ":" {
                joined.append(block)
                continue
            }
            // A page that ends in `§` cut a citation before its number: no paragraph ends so.
            if last != "§", !first.properties.isLowercase || endsSentence, !endsInSoftHyphen {
                if pageExtents == nil { pageExtents = TextBlockBuilder.pageExtents(breaks, lines: lines, in: bytes) }
                let extents = pageExtents!
                // A sentence cut at the break needs no full page to show it: page lengths in
                // lines vary with blank lines (a doubled spacing) and furniture dropped.
                guard nextPage < extents.count - 1, !endsSentence || extents[nextPage] >= extents.dropLast().max() ?? 0 else {
                    joined.append(block)
                    continue
                }
                // A line alone before the break is a heading, a label, a citation or a paragraph of
                // one line, unless it fills the measure (a heading is short) and either ends no
                // sentence (`… has the meaning given in` / `Penal Code § 214.88.`, or a citation cut
                // after or inside its code's name: `… given in Ann. Stat.` / `§ 48.20.278.`). A line alone
                // after it that ends no sentence is a heading: neither is part of a paragraph.
                let alone = !TextBlockBuilder.spansLines(before, in: bytes)
                if alone && (endsSentence
                    || TextBlockBuilder.opensCitationLabel(TextBlockBuilder.droppingLeadingSpaces(before, in: bytes), in: bytes))
                    || !TextBlockBuilder.spansLines(after, in: bytes) && !".:;!?\")".contains(block.text.last ?? " ")
                {
                    joined.append(block)
                    continue
                }
                if measure == nil { measure = TextBlockBuilder.measure(lines, in: bytes) }
                let firstWord = block.text.unicodeScalars.prefix { $0 != " " }.count
                let lastLine = TextBlockBuilder.lastLineColumns(before, in: bytes)
                guard let width = measure!, lastLine + 1 + firstWord > width, !alone || lastLine * 10 >= width * 9 else {
                    joined.append(block)
                    continue
                }
            }
            var merged = previous
            if endsInSoftHyphen {
                merged.text = previous.text + block.text
            } else if last == "-", previous.text.dropLast().last?.isLetter == true,
                !hyphens.keepsHyphen(before: previous.text.utf8.dropLast(), after: block.text.utf8, in: bytes)
            {
                merged.text = String(previous.text.dropLast()) + block.text
            } else if last == "-", previous.text.dropLast().last?.isLetter == true {
                merged.text = previous.text + block.text
            } else {
                merged.text = previous.text + " " + block.text
            }
            merged.span = .unnumbered(before.lowerBound..<after.upperBound)
            joined[joined.count - 1] = merged
        }
        blocks = joined
    }

    /// The column a conversion wrapped its lines at, as the lines show it: the longest line that
    /// another line of its paragraph follows, leaving out lines a tenth longer than most (a title
    /// over a web address, a number the conversion would not move to a line of its own); `nil`
    /// without such lines.
    private static func measure(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> Int? {
        // How many lines have each width: up to 255 columns counted in place, the wider ones
        // (a paragraph nobody wrapped) kept apart in order.
        var counts = [Int](repeating: 0, count: 256)
        var wider: [Int] = []
        var total = 0
        // Each line is asked once whether it is blank: the line before it, when it is not.
        var previous: Range<Int>?
        for line in lines {
            let isBlank = UTF8Text.isBlank(bytes, line)
            if !isBlank, let previous {
                let width = columns(UTF8Text.trimmingSpaces(bytes, previous), in: bytes)
                if width < counts.count { counts[width] += 1 } else { wider.append(width) }
                total += 1
            }
            previous = isBlank ? nil : line
        }
        guard total >= 4 else { return nil }
        wider.sort()
        // The width at `rank` among all of them in ascending order.
        func width(at rank: Int) -> Int {
            var below = 0
            for width in counts.indices {
                below += counts[width]
                if rank < below { return width }
            }
            return wider[rank - below]
        }
        let typical = width(at: total * 9 / 10)
        // The widest within a tenth of the typical width: the typical width at least.
        if let widest = wider.last(where: { $0 * 10 <= typical * 11 }) { return widest }
        return counts.indices.last { counts[$0] > 0 && $0 * 10 <= typical * 11 } ?? typical
    }

    /// Whether the bytes hold a line break.
    private static func spansLines(_ span: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        span.contains { bytes[$0] == 0x0A || bytes[$0] == 0x0D }
    }

    /// Each page's length in lines, from its first line of content to its last (furniture and
    /// page breaks are empty lines here).
    private static func pageExtents(_ breaks: [Int], lines: [Range<Int>], in bytes: Span<UInt8>) -> [Int] {
        var extents: [Int] = []
        var start = 0
        for end in breaks + [lines.count] {
            var first: Int?
            var last = 0
            for index in start..<end where !UTF8Text.isBlank(bytes, lines[index]) {
                if first == nil { first = index }
                last = index
            }
            extents.append(first.map { last - $0 + 1 } ?? 0)
            start = end + 1
        }
        return extents
    }

    /// The columns of the last line of a block's bytes, white space around it left out.
    private static func lastLineColumns(_ span: Range<Int>, in bytes: Span<UInt8>) -> Int {
        var start = span.upperBound
        while start > span.lowerBound, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        return columns(UTF8Text.trimmingSpaces(bytes, start..<span.upperBound), in: bytes)
    }

    /// Display columns: one per Unicode scalar.
    private static func columns(_ range: Range<Int>, in bytes: Span<UInt8>) -> Int {
        bytes.extracting(range).withUnsafeBufferPointer { buffer in
            var count = 0
            for byte in buffer where byte & 0xC0 != 0x80 { count &+= 1 }
            return count
        }
    }

    /// Reads one line; `next` is the line after it, which tells a pipe table's header row (a
    /// delimiter row follows it) from a line of prose that happens to hold a `|`.
    /// `holdsTab`: whether the line holds a tab, as its quotation marks never do.
    private mutating func consume(_ line: Range<Int>, next: Range<Int>?, holdsTab: Bool, in bytes: Span<UInt8>) {
        // A markdown quotation (`> `, `>> `): its lines are read without their marks, and the
        // blocks they make are quoted, as those inside an HTML `<blockquote>` are.
        guard markdown, let inner = TextBlockBuilder.quotedContent(line, in: bytes) else {
            consumeLine(line, next: next, holdsTab: holdsTab, in: bytes)
            if paragraph.isEmpty { paragraphIsQuoted = false }
            return
        }
        if UTF8Text.isBlank(bytes, inner) {
            flushParagraph(bytes)
            inPipeTable = false
            return
        }
        // An alert's or a callout's type alone on its line (`> [!NOTE]`, `> [!summary]`) is the
        // quotation's markup, no text: the lines under it are read apart from the ones above.
        if bytes[inner.lowerBound] == UInt8(ascii: "["), TextBlockBuilder.isAlertMarker(inner, in: bytes) {
            flushParagraph(bytes)
            return
        }
        if !paragraphIsQuoted { flushParagraph(bytes) }
        let before = blocks.count
        consumeLine(inner, next: next.map { TextBlockBuilder.quotedContent($0, in: bytes) ?? $0 }, holdsTab: holdsTab, in: bytes)
        for index in before..<blocks.count { blocks[index].isQuoted = true }
        paragraphIsQuoted = !paragraph.isEmpty
    }

    /// The line without its quotation marks (`>`, each with a space after it, up to three
    /// spaces before the first), or `nil` for a line that is no quotation's.
    static func quotedContent(_ line: Range<Int>, in bytes: Span<UInt8>) -> Range<Int>? {
        var index = line.lowerBound
        while index < line.upperBound, index - line.lowerBound < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < line.upperBound, bytes[index] == UInt8(ascii: ">") else { return nil }
        while index < line.upperBound, bytes[index] == UInt8(ascii: ">") {
            index += 1
            if index < line.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }
        return index..<line.upperBound
    }

    private mutating func consumeLine(_ line: Range<Int>, next: Range<Int>?, holdsTab: Bool, in bytes: Span<UInt8>) {
        if UTF8Text.isBlank(bytes, line) {
            flushParagraph(bytes)
            inPipeTable = false
            return
        }
        var line = line
        var content = TextBlockBuilder.droppingLeadingSpaces(line, in: bytes)
        // A scan's table rule read as a `|` before a line's words (`| Services and Supports`),
        // no other `|` on the line, is no text.
        if !markdown, bytes[content.lowerBound] == UInt8(ascii: "|"), content.count > 2, bytes[content.lowerBound + 1] == UInt8(ascii: " "),
            !bytes.extracting((content.lowerBound + 1)..<content.upperBound).withUnsafeBufferPointer({ $0.contains(UInt8(ascii: "|")) })
        {
            line = (content.lowerBound + 2)..<line.upperBound
            content = TextBlockBuilder.droppingLeadingSpaces(line, in: bytes)
            guard !content.isEmpty else { return }
        }
        // The tests for lines made of marks (rules, underlines, bullets, attribute lists,
        // fields) pass only on a line that opens with such a mark: its first byte, read once,
        // spares most lines (a letter first) all of them. A blank line never gets here, so
        // `content` holds a byte.
        let opening = bytes[content.lowerBound]
        // A document's first line holding its title and, a wide gap after it, the state's name
        // (`pdftotext -layout` sets a running header's two ends on one line): two lines.
        if !markdown, blocks.isEmpty, paragraph.isEmpty, let gap = TextBlockBuilder.titleAndNameGap(content, in: bytes) {
            paragraph.append(content.lowerBound..<gap.lowerBound)
            flushParagraph(bytes)
            paragraph.append(gap.upperBound..<content.upperBound)
            flushParagraph(bytes)
            return
        }
        if bulletPending {
            bulletPending = false
            flushParagraph(bytes)
            paragraph.append(line)
            paragraphIsListItem = true
            itemIndent = 0
            return
        }
        // A bullet alone on its line: the item is the next line.
        if opening >= 0x80, !markdown, TextBlockBuilder.isLoneBullet(content, in: bytes) {
            flushParagraph(bytes)
            bulletPending = true
            return
        }
        // With no blank lines, the series' date line (`Current Through February 2022`) is a line
        // of its own: a title's lines follow it.
        if noBlankLines, opening | 0x20 == UInt8(ascii: "c"), TextBlockBuilder.opensCurrentThrough(content, in: bytes) {
            flushParagraph(bytes)
            paragraph.append(line)
            flushParagraph(bytes)
            return
        }
        // With no blank lines, the header's other lines (a date alone, `Date:` or `State:` and a
        // value, the series label) are lines of their own too: a title's lines run on only into
        // each other. The header ends at the first `Citation:` label.
        if noBlankLines, inHeaderLines {
            if blocks.count >= 8 || TextBlockBuilder.opensCitationLabel(content, in: bytes) {
                inHeaderLines = false
            } else if TextBlockBuilder.isHeaderLine(content, in: bytes) {
                flushParagraph(bytes)
                paragraph.append(line)
                flushParagraph(bytes)
                return
            }
        }
        // With no blank lines, the first line after a page's footer that reads as a heading (a
        // PDF viewer's copy sets the page's running title there, without its address), or that
        // repeats the document's title (a running title of ten words or more), is a line of its
        // own: the prose under it is no part of it. A line the next one carries on in lower case
        // (`… child protective services` / `workers, …`) is the page's first line of prose.
        if afterPageFooter {
            afterPageFooter = false
            if TextBlockBuilder.isHeadingLine(content, in: bytes)
                ? !TextBlockBuilder.opensCitationLabel(content, in: bytes) && !TextBlockBuilder.opensLowerCase(next, in: bytes)
                : repeatsTitle(content, in: bytes)
            {
                flushParagraph(bytes)
                paragraph.append(line)
                flushParagraph(bytes)
                return
            }
        }
        // With no blank lines, a line underlined by the next is a heading: the lines before it
        // (a paragraph, a list's last item) are no part of it.
        if noBlankLines, !paragraph.isEmpty, opening != UInt8(ascii: "="), opening != UInt8(ascii: "-"),
            TextBlockBuilder.isUnderlined(content, by: next, in: bytes)
        {
            flushParagraph(bytes)
        }
        let opensRuleMark = opening == UInt8(ascii: "=") || opening == UInt8(ascii: "-") || opening == UInt8(ascii: "~")
            || opening == UInt8(ascii: "*") || opening == UInt8(ascii: "^") || opening == UInt8(ascii: "#")
            || opening == UInt8(ascii: "|") || opening == UInt8(ascii: "_")
        let opensBullet = opening == UInt8(ascii: "-") || opening == UInt8(ascii: "*") || opening == UInt8(ascii: "+")
            || opening >= 0x80
        let opensBracket = opening == UInt8(ascii: "[")
        if startsPipeRow(content, next: next, in: bytes) {
            flushParagraph(bytes)
            inPipeTable = true
            let cells = pipeRowCells(content, in: bytes)
            if cells.contains(where: { !$0.isEmpty }) { blocks.append(.row(cells, span: TextBlockBuilder.span(line))) }
            return
        }
        inPipeTable = false
        // A bullet and a tab before an item's text (a word processor's "Save as text") open a
        // list item, not a row.
        if holdsTab, !(opensBullet && bulletItem(content, in: bytes).map { !TextBlockBuilder.hasTab($0, in: bytes) } == true) {
            flushParagraph(bytes)
            let cells = tableCells(line, in: bytes)
            if cells.contains(where: { !$0.isEmpty }) { blocks.append(.row(cells, span: TextBlockBuilder.span(line))) }
            return
        }
        // Pandoc's fenced divs (`::: {.field--name-body}` … `:::`) wrap blocks in the page's
        // containers; the fences are markup, and end a paragraph as a blank line would.
        if markdown, TextBlockBuilder.isDivFence(content, in: bytes) {
            flushParagraph(bytes)
            return
        }
        if markdown, let heading = atxHeading(content, in: bytes) {
            flushParagraph(bytes)
            if !heading.text.isEmpty { blocks.append(Block(.heading(level: heading.level), heading.text, span: TextBlockBuilder.span(line))) }
            return
        }
        // A line underlined with `=` or `-`: in plain text only where the rule is about as long
        // as the line it underlines, and a rank below a title (levels 2 and 3), which plain text
        // often leaves without a rule: a rule does not make a section's heading the title.
        if opening == UInt8(ascii: "=") || opening == UInt8(ascii: "-") || opening == 0xE2, let level = TextBlockBuilder.setextLevel(content, in: bytes),
            paragraph.count == 1, !paragraphIsListItem,
            markdown || TextBlockBuilder.underlines(content, paragraph[0], in: bytes)
        {
            let text = TextBlockBuilder.withoutAttributes(inline(paragraph[0], in: bytes))
            let span = TextBlockBuilder.span(paragraph[0].lowerBound..<line.upperBound)
            paragraph.removeAll(keepingCapacity: true)
            paragraphWidth = 0
            if !text.isEmpty { blocks.append(Block(.heading(level: markdown ? level : level + 1), text, span: span)) }
            return
        }
        // Any other line of one punctuation mark repeated (reStructuredText's `=====` over a
        // title, a `-----` rule, an AsciiDoc table's fence) is no text: it ends a paragraph.
        if !markdown, opensRuleMark, TextBlockBuilder.isRule(content, in: bytes) {
            flushParagraph(bytes)
            return
        }
        // A `Citation:` label opens a line of its own kind: the heading line above it, with no
        // blank line between (a copy of a page), is no part of it.
        if !paragraph.isEmpty, !paragraphIsListItem, TextBlockBuilder.opensCitationLabel(content, in: bytes) {
            // With no blank lines in the text, the heading over the label is the last line of
            // what came before: a block of its own. So it is in any text when the line before it
            // does not carry on into it (a title's or state's short line, a finished sentence).
            if paragraph.count >= 2, let heading = paragraph.last, TextBlockBuilder.isHeadingLine(heading, in: bytes),
                noBlankLines || TextBlockBuilder.standsApart(paragraph[paragraph.count - 2], in: bytes)
            {
                paragraph.removeLast()
                flushParagraph(bytes)
                paragraph.append(heading)
            }
            flushParagraph(bytes)
        }
        // A thematic break of spaced marks (`* * *`, html2text's rule) is a rule, not a list
        // item: kept as the block `---` that a break of dashes is, where the page's own matter
        // after the summary is looked for.
        if markdown, opening == UInt8(ascii: "*") || opening == UInt8(ascii: "_"), TextBlockBuilder.isSpacedBreak(content, in: bytes) {
            flushParagraph(bytes)
            blocks.append(Block(.paragraph, "---", span: TextBlockBuilder.span(line)))
            return
        }
        if let item = (opensBullet ? bulletItem(content, in: bytes) : nil) ?? orderedItem(content, in: bytes) {
            flushParagraph(bytes)
            paragraph.append(item)
            paragraphIsListItem = true
            itemIndent = content.lowerBound - line.lowerBound
            return
        }
        // A line set left of a list item's bullet that opens with a number and a period (`2.
        // Identification of …` under `    - Gap remains …`) is the next numbered line of what
        // holds the list, not the item's.
        if !markdown, paragraphIsListItem, content.lowerBound - line.lowerBound < itemIndent,
            TextBlockBuilder.opensNumberAndPeriod(content, in: bytes)
        {
            flushParagraph(bytes)
        }
        // A reference link's target (`   [6]: https://…`, html2text's list at the end) is shown
        // nowhere: no text.
        if markdown, opensBracket, TextBlockBuilder.isLinkDefinition(content, in: bytes) {
            flushParagraph(bytes)
            return
        }
        // A block's attributes in brackets (`[cols="1,2"]`, `[.lead]`) are markup, no text.
        if !markdown, opensBracket, TextBlockBuilder.isAttributeList(content, in: bytes) {
            flushParagraph(bytes)
            return
        }
        // A field (`:doctype: article`, `:Final Score: 75`) is a line of its own, as a cell is.
        if !markdown, opensBracket || opening == UInt8(ascii: ":"), TextBlockBuilder.isFieldOrAttributeLine(content, in: bytes) {
            flushParagraph(bytes)
            paragraph.append(line)
            flushParagraph(bytes)
            return
        }
        // A line that is one table cell by itself (a score, a grade letter, a label in
        // capitals), as a conversion writes a table without its layout, a cell per line, is a
        // block of its own: it never continues the prose around it.
        if !markdown, let cell = TextBlockBuilder.cellLine(content, in: bytes), !carriesOn(to: cell, in: bytes),
            !TextBlockBuilder.isUnderlined(content, by: next, in: bytes)
        {
            flushParagraph(bytes)
            paragraph.append(line)
            flushParagraph(bytes)
            return
        }
        // A heading line above its prose without a blank line: the prose's first word would
        // have fitted on it, so no wrapping ended it there.
        if !markdown, paragraph.count == 1, !paragraphIsListItem, TextBlockBuilder.isUnwrappedHeading(paragraph[0], before: content, in: bytes) {
            flushParagraph(bytes)
        }
        // With no blank lines, a page's footer or running header (a line that ends in a web
        // address, a page number after it at most) is a line of its own.
        if noBlankLines, TextBlockBuilder.endsInWebAddress(content, in: bytes) {
            flushParagraph(bytes)
            paragraph.append(line)
            flushParagraph(bytes)
            afterPageFooter = true
            return
        }
        // A heading after a paragraph that ended its sentence, a line of its own however long
        // its first word (`Expungement of Records` under `… regulations reviewed.`): the line
        // after it runs on well past it, as a heading over prose. A sentence may end in a code's
        // abbreviation (`… Section 77-7-116, Rev. Stat.`) when the line after it holds no number
        // or `§`, as a citation carried on would.
        if noBlankLines, !paragraph.isEmpty, !paragraphIsListItem, let last = paragraph.last, let next,
            TextBlockBuilder.isUnwrappedHeading(content, before: TextBlockBuilder.droppingLeadingSpaces(next, in: bytes), in: bytes),
            TextBlockBuilder.endsParagraph(last, before: content, width: .max, in: bytes)
                || TextBlockBuilder.endsInPeriod(last, in: bytes) && !TextBlockBuilder.holdsNumberOrSectionSign(content, in: bytes)
        {
            flushParagraph(bytes)
        }
        // A conversion that leaves no blank line between paragraphs (pdfplumber, or pdftotext
        // inside a block of text it found): a line that ends a sentence where the next line's
        // first word would have fitted, short of the paragraph's widest line, ended its
        // paragraph; no wrapping did. Markdown's lines may break anywhere inside a paragraph.
        // Where blank lines set most paragraphs apart, the line must fall six columns short: lost
        // ligatures (`oense`, `Ofcial`) shorten a full line by two letters a word.
        // Lines in columns (a layout conversion's table, its cells wrapped) are no prose.
        if noBlankLines || !markdown, paragraph.count >= 2, !paragraphIsListItem, let last = paragraph.last,
            TextBlockBuilder.endsParagraph(last, before: content, width: noBlankLines ? paragraphWidth : widest(paragraph, in: bytes) - 6, in: bytes),
            noBlankLines || content.lowerBound - line.lowerBound <= 2 && !TextBlockBuilder.holdsColumnGap(last, in: bytes)
                && !TextBlockBuilder.holdsColumnGap(content, in: bytes)
        {
            flushParagraph(bytes)
        }
        // A list item or a `Citation:` line, which need not end a sentence, ended where the
        // next line's first word would have fitted after it on the text's widest line: no
        // wrapping ended it (`Citation: … § 620.029` over `The cabinet shall:`). So did a line
        // the citation wrapped on to that ends in a section's number (`Citation: … §§` /
        // `9117; 5993` over `Under … § 3173, the court`); a line of prose run on under a
        // citation ends so seldom.
        // A label with nothing after it (`Citation:` alone on its line) leads into the lines under
        // it, however short.
        if noBlankLines, let last = paragraph.last,
            paragraphIsListItem
                || (paragraph.count == 1 && !TextBlockBuilder.endsInColon(last, in: bytes)
                    || TextBlockBuilder.endsInSectionNumber(last, in: bytes))
                && TextBlockBuilder.opensCitationLabel(TextBlockBuilder.droppingLeadingSpaces(paragraph[0], in: bytes), in: bytes),
            TextBlockBuilder.endsParagraph(last, before: content, width: widestLine, in: bytes, sentence: false)
        {
            flushParagraph(bytes)
        }
        paragraph.append(line)
        if noBlankLines {
            paragraphWidth = max(paragraphWidth, TextBlockBuilder.columns(UTF8Text.trimmingSpaces(bytes, content), in: bytes))
        }
        if linesAreParagraphs { flushParagraph(bytes) }
    }

    /// Whether `line` repeats the document's opening lines (its title, the state after it or
    /// not), as a page's running title does; the opening lines are read the first time asked.
    private mutating func repeatsTitle(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        // The document's first line is its title, not a repetition of it.
        guard let first = unspacedLines.first, line.lowerBound > first.upperBound else { return false }
        return PageFurniture.repeatsOpening(line, openingKeys: openingKeys(in: bytes), in: bytes)
    }

    /// The keys of the document's opening lines (`PageFurniture.openingKeys`), read the first
    /// time asked.
    private mutating func openingKeys(in bytes: Span<UInt8>) -> [[UInt8]] {
        if let openingKeys { return openingKeys }
        let keys = PageFurniture.openingKeys(unspacedLines, in: bytes)
        openingKeys = keys
        return keys
    }

    /// Whether the line is `[!` and a word of letters and `]` (a `+` or `-` after it folds a
    /// callout), and nothing else.
    static func isAlertMarker(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        var trimmed = UTF8Text.trimmingSpaces(bytes, content)
        if let last = trimmed.last, bytes[last] == UInt8(ascii: "+") || bytes[last] == UInt8(ascii: "-") { trimmed = trimmed.dropLast() }
        guard trimmed.count >= 4, trimmed.count <= 24, bytes[trimmed.lowerBound] == UInt8(ascii: "["),
            bytes[trimmed.lowerBound + 1] == UInt8(ascii: "!"), bytes[trimmed.upperBound - 1] == UInt8(ascii: "]")
        else { return false }
        return ((trimmed.lowerBound + 2)..<(trimmed.upperBound - 1)).allSatisfy { (bytes[$0] | 0x20) >= UInt8(ascii: "a") && (bytes[$0] | 0x20) <= UInt8(ascii: "z") }
    }

    /// Whether the line is one bullet (`•`, `◦`, `▪`, `●`) and nothing else.
    static func isLoneBullet(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let trimmed = UTF8Text.trimmingSpaces(bytes, content)
        guard !trimmed.isEmpty, trimmed.count <= 4 else { return false }
        let (scalar, length) = UTF8Text.scalar(at: trimmed.lowerBound, in: bytes)
        return length == trimmed.count && "•◦▪●".unicodeScalars.contains(scalar)
    }

    /// Whether the line is one of a summary's header lines: a date alone (`05/2023`,
    /// `October 2018`, `2020`), a `Date:` or `State:` label and its value, or the series label
    /// (`State Statutes Series`, a state or date after it or not).
    static func isHeaderLine(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let line = UTF8Text.trimmingSpaces(bytes, content)
        guard line.count >= 4, line.count <= 64 else { return false }
        func opens(_ label: StaticString) -> Bool {
            guard line.count >= label.utf8CodeUnitCount else { return false }
            for offset in 0..<label.utf8CodeUnitCount where bytes[line.lowerBound + offset] | 0x20 != label.utf8Start[offset] { return false }
            return true
        }
        if opens("state statutes series") || opens("date: ") || opens("state: ") { return true }
        return isDateAlone(line, in: bytes)
    }

    /// Whether `line` is a date and nothing else: a year, a month's name and a year, or a month's
    /// number, a slash and a year.
    static func isDateAlone(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        func isDigit(_ index: Int) -> Bool { bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") }
        guard line.count >= 4, (line.upperBound - 4..<line.upperBound).allSatisfy(isDigit) else { return false }
        let before = line.lowerBound..<(line.upperBound - 4)
        if before.isEmpty { return true }
        if bytes[before.upperBound - 1] == UInt8(ascii: "/") {
            let month = before.lowerBound..<(before.upperBound - 1)
            return (1...2).contains(month.count) && month.allSatisfy(isDigit)
        }
        guard bytes[before.upperBound - 1] == UInt8(ascii: " "), before.count >= 4, before.count <= 10 else { return false }
        let word = before.lowerBound..<(before.upperBound - 1)
        let months: [StaticString] = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        ]
        return months.contains { month in
            month.utf8CodeUnitCount == word.count
                && (0..<word.count).allSatisfy { bytes[word.lowerBound + $0] | 0x20 == month.utf8Start[$0] }
        }
    }

    /// Whether the line opens with `Current Through ` or `Current as of ` (any case).
    static func opensCurrentThrough(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        for label in ["current through ", "current as of "] {
            let utf8 = Array(label.utf8)
            guard content.count > utf8.count else { continue }
            if utf8.indices.allSatisfy({ bytes[content.lowerBound + $0] | 0x20 == utf8[$0] | 0x20 }) { return true }
        }
        return false
    }

    /// Whether the line ends in `.`.
    static func endsInPeriod(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        UTF8Text.trimmingSpaces(bytes, line).last.map { bytes[$0] == UInt8(ascii: ".") } ?? false
    }

    /// Whether the line holds an ASCII digit or a `§` (C2 A7).
    static func holdsNumberOrSectionSign(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        line.contains { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") || bytes[$0] == 0xA7 && $0 > line.lowerBound && bytes[$0 - 1] == 0xC2 }
    }

    /// Whether the line's first character other than a space is an ASCII lower-case letter.
    static func opensLowerCase(_ line: Range<Int>?, in bytes: Span<UInt8>) -> Bool {
        guard let line else { return false }
        let content = droppingLeadingSpaces(line, in: bytes)
        return !content.isEmpty && bytes[content.lowerBound] >= UInt8(ascii: "a") && bytes[content.lowerBound] <= UInt8(ascii: "z")
    }

    /// Whether the line opens with a number of one to three digits, a period and a space.
    static func opensNumberAndPeriod(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        var index = content.lowerBound
        while index < content.upperBound, index - content.lowerBound < 3, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
        return index > content.lowerBound && index + 1 < content.upperBound && bytes[index] == UInt8(ascii: ".")
            && bytes[index + 1] == UInt8(ascii: " ")
    }

    /// Whether the line ends in `:` (emphasis marks after it aside).
    static func endsInColon(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        var end = UTF8Text.trimmingSpaces(bytes, line).upperBound
        while end > line.lowerBound, bytes[end - 1] == UInt8(ascii: "*") || bytes[end - 1] == UInt8(ascii: "_") { end -= 1 }
        return end > line.lowerBound && bytes[end - 1] == UInt8(ascii: ":")
    }

    /// Whether the line ends (white space aside) in a digit or a closing parenthesis, as a
    /// section's number does (`§ 5993`, `§ 7663(e)(1)`).
    static func endsInSectionNumber(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        guard let last = UTF8Text.trimmingSpaces(bytes, line).last else { return false }
        return bytes[last] >= UInt8(ascii: "0") && bytes[last] <= UInt8(ascii: "9") || bytes[last] == UInt8(ascii: ")")
    }

    /// Whether the line's last word is a bare web address, or its last but one with a page
    /// number after it.
    static func endsInWebAddress(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let text = InlineText.fold(bytes.extracting(line))
        var words = text.split(separator: " ")
        if let last = words.last, last.count <= 4, last.allSatisfy(\.isNumber) { words.removeLast() }
        guard words.count >= 2, let address = words.last else { return false }
        return InlineText.isBareWebAddress(String(address))
    }

    /// Whether no line of white space alone (a form feed counts as white space) stands between
    /// two lines of text.
    static func hasNoBlankLine(_ bytes: Span<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var lineStart = buffer.offset(of: 0x0A, from: 0, to: buffer.count) + 1
            var blankSeen = false
            while lineStart < buffer.count {
                let lineEnd = buffer.offset(of: 0x0A, from: lineStart, to: buffer.count)
                let blank = buffer[lineStart..<lineEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C }
                if !blank, blankSeen { return false }
                blankSeen = blankSeen || blank
                lineStart = lineEnd + 1
            }
            return true
        }
    }

    /// Whether `line` ends a sentence and the first word of `next`, which opens with a capital,
    /// would have fitted after it in a paragraph `width` columns wide.
    /// With `sentence` false, `line` need not end a sentence.
    static func endsParagraph(
        _ line: Range<Int>, before next: Range<Int>, width: @autoclosure () -> Int, in bytes: Span<UInt8>, sentence: Bool = true
    ) -> Bool {
        // Told by a byte at each end for most lines: the last one before white space (a
        // sentence's end) and the next line's first.
        if sentence {
            var end = line.upperBound
            while end > line.lowerBound, UTF8Text.isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
            guard end > line.lowerBound, TextBlockBuilder.endsSentence(bytes[end - 1]) else { return false }
        }
        var start = next.lowerBound
        while start < next.upperBound, UTF8Text.isASCIIWhitespace(bytes[start]) { start += 1 }
        guard start < next.upperBound else { return false }
        let opening = bytes[start]
        guard opening >= UInt8(ascii: "A") && opening <= UInt8(ascii: "Z") || opening == UInt8(ascii: "'") || opening == UInt8(ascii: "\"")
            || opening >= 0x80
        else { return false }
        let line = UTF8Text.trimmingSpaces(bytes, line)
        let following = UTF8Text.trimmingSpaces(bytes, next)
        guard let last = line.last, let first = following.first else { return false }
        // A capital first, or after an opening quote (`'Abuse' means`, `‘Child’ means`).
        var letter = first
        if bytes[first] == UInt8(ascii: "'") || bytes[first] == UInt8(ascii: "\"") {
            letter += 1
        } else if bytes[first] == 0xE2, following.count > 3, bytes[first + 1] == 0x80, bytes[first + 2] == 0x98 || bytes[first + 2] == 0x9C {
            letter += 3
        }
        guard letter < following.upperBound, bytes[letter] >= UInt8(ascii: "A") && bytes[letter] <= UInt8(ascii: "Z") else { return false }
        // An abbreviation's period (`Rev.`, `Ann.`: a short capitalized word) ends no sentence.
        var wordStart = last
        while wordStart > line.lowerBound, bytes[wordStart - 1] != UInt8(ascii: " ") { wordStart -= 1 }
        if last - wordStart <= 4, bytes[wordStart] >= UInt8(ascii: "A") && bytes[wordStart] <= UInt8(ascii: "Z") { return false }
        var wordEnd = first
        while wordEnd < following.upperBound, bytes[wordEnd] != UInt8(ascii: " ") { wordEnd += 1 }
        return columns(line, in: bytes) + 1 + columns(first..<wordEnd, in: bytes) < width()
    }

    /// Whether the byte is `.`, `!` or `?`, a sentence's last (compared as bytes: a string's
    /// `contains` costs a hundred instructions a call on this path).
    static func endsSentence(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    /// Whether the byte is one of `.:;,!?-`, which end no heading.
    static func endsClause(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"),
            UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// The columns of the widest of `lines`, white space at their ends aside: asked only where
    /// a line may end a paragraph, rather than kept up line by line.
    private func widest(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> Int {
        lines.reduce(0) { max($0, TextBlockBuilder.columns(UTF8Text.trimmingSpaces(bytes, $1), in: bytes)) }
    }

    /// Whether `line` is a property (`Current Through: June 2022`): a name of one to three
    /// words, a capital first, letters, spaces and hyphens only, then a colon, a space and a
    /// value.
    static func isPropertyLine(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let line = UTF8Text.trimmingSpaces(bytes, line)
        guard let first = line.first, bytes[first] >= UInt8(ascii: "A"), bytes[first] <= UInt8(ascii: "Z") else { return false }
        var spaces = 0
        for index in line {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                return index - first <= 30 && index + 2 < line.upperBound && bytes[index + 1] == UInt8(ascii: " ")
            }
            if byte == UInt8(ascii: " ") {
                spaces += 1
                if spaces > 2 { return false }
            } else if !((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) && byte != UInt8(ascii: "-") {
                return false
            }
        }
        return false
    }

    /// Whether the line holds a run of three spaces or more between two words (`LayoutColumns.hasGap`).
    static func holdsColumnGap(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        bytes.extracting(UTF8Text.trimmingSpaces(bytes, line)).withUnsafeBufferPointer(LayoutColumns.hasGap)
    }

    /// The gap of eight spaces or more in a line that sets a title (three words or more, one in
    /// lower case) apart from a name after it (one to three capitalized words of letters alone,
    /// `New Hampshire`); `nil` for any other line, or one with another such gap.
    static func titleAndNameGap(_ line: Range<Int>, in bytes: Span<UInt8>) -> Range<Int>? {
        let trimmed = UTF8Text.trimmingSpaces(bytes, line)
        guard trimmed.count >= 20, trimmed.count <= 200 else { return nil }
        var gap: Range<Int>?
        var index = trimmed.lowerBound
        while index < trimmed.upperBound {
            guard bytes[index] == 0x20 else {
                index += 1
                continue
            }
            let start = index
            while index < trimmed.upperBound, bytes[index] == 0x20 { index += 1 }
            if index - start >= 8 {
                guard gap == nil else { return nil }
                gap = start..<index
            }
        }
        guard let gap else { return nil }
        var titleWords = 0
        var lowerCase = false
        for word in bytes.extracting(trimmed.lowerBound..<gap.lowerBound).withUnsafeBufferPointer({ Array($0) }).split(separator: 0x20) {
            titleWords += 1
            if let first = word.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { lowerCase = true }
        }
        let name = bytes.extracting(gap.upperBound..<trimmed.upperBound).withUnsafeBufferPointer({ Array($0) }).split(separator: 0x20)
        guard titleWords >= 3, lowerCase, (1...3).contains(name.count),
            name.allSatisfy({ word in
                word.first.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } == true
                    && word.allSatisfy { $0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z") }
            })
        else { return nil }
        return gap
    }

    /// Whether a line ends where no wrapping would carry it on into the next: a finished
    /// sentence (`.`, `!`, `?`, `:`), or a short heading-like line (a title's, a state's name).
    static func standsApart(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let trimmed = UTF8Text.trimmingSpaces(bytes, line)
        guard let last = trimmed.last else { return false }
        return endsSentence(bytes[last]) || bytes[last] == UInt8(ascii: ":") || trimmed.count <= 60 && isHeadingLine(trimmed, in: bytes)
    }

    /// Whether `line` reads as a heading by itself: a capital first, up to ten words, no end
    /// punctuation.
    static func isHeadingLine(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let heading = UTF8Text.trimmingSpaces(bytes, line)
        guard let first = heading.first, let last = heading.last,
            UTF8Text.scalar(at: first, in: bytes).scalar.properties.isUppercase, !TextBlockBuilder.endsClause(bytes[last])
        else { return false }
        return heading.count(where: { bytes[$0] == UInt8(ascii: " ") }) < 10
    }

    /// Whether `line` reads as a heading (a capital first, up to ten words, no end punctuation,
    /// no column gap) and ends where no wrapping would have ended it: the next line is longer
    /// than `line` with the next line's first word added, and half as long again as `line`.
    static func isUnwrappedHeading(_ line: Range<Int>, before next: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let heading = UTF8Text.trimmingSpaces(bytes, line)
        let following = UTF8Text.trimmingSpaces(bytes, next)
        guard let first = heading.first, let last = heading.last, let nextFirst = following.first else { return false }
        // Of ASCII only `A` to `Z` are upper case: the scalar's properties are read for others.
        let opening = bytes[first]
        let opensUppercase = opening < 0x80 ? opening >= UInt8(ascii: "A") && opening <= UInt8(ascii: "Z")
            : UTF8Text.scalar(at: first, in: bytes).scalar.properties.isUppercase
        guard opensUppercase, !TextBlockBuilder.endsClause(bytes[last]) else { return false }
        var words = 1
        for index in heading.dropFirst() where bytes[index] == UInt8(ascii: " ") {
            if bytes[index - 1] == UInt8(ascii: " ") { return false }
            words += 1
        }
        guard words <= 10 else { return false }
        var firstWordEnd = nextFirst
        while firstWordEnd < following.upperBound, bytes[firstWordEnd] != UInt8(ascii: " ") { firstWordEnd += 1 }
        let width = columns(heading, in: bytes)
        let nextWidth = columns(following, in: bytes)
        // Clear of the line a wrap could have left a word short (a ligature lost in the next
        // word can shorten it): the next line a half longer at least.
        return width + 1 + columns(nextFirst..<firstWordEnd, in: bytes) < nextWidth && width * 3 <= nextWidth * 2
    }

    /// What a line of one table cell holds.
    enum CellLine {
        /// A score or points (`16.5`, `88`).
        case number
        /// A grade letter or a label in capitals.
        case label
    }

    /// Whether the paragraph's last line stops where `cell` would carry it on: inside a number
    /// or a citation (`§ 5101:2-36-`, `§`, `,`), or, before a number, anywhere but at the end
    /// of a sentence (`§§ 24.0222 to` over `24.0225`, `§§ 80.1162;` over `88.4391`).
    private func carriesOn(to cell: CellLine, in bytes: Span<UInt8>) -> Bool {
        guard let last = paragraph.last else { return false }
        let trimmed = UTF8Text.trimmingSpaces(bytes, last)
        guard let end = trimmed.last else { return false }
        if bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ",") || bytes[end] == 0xA7 { return true }
        return cell == .number && !TextBlockBuilder.endsSentence(bytes[end])
    }

    /// What a line that holds one table cell and nothing a sentence could be made of holds: a
    /// number (`16.5`, `88`), a grade letter (`A`, a look-alike `В`), or up to 30 bytes of
    /// capitals, digits, `&` and `+` (`EXTRA CREDIT`, `18+`, `CLT`, `FLORIDA`); `nil` for any
    /// other line.
    static func cellLine(_ content: Range<Int>, in bytes: Span<UInt8>) -> CellLine? {
        let trimmed = UTF8Text.trimming(bytes, content, UInt8(ascii: " "))
        guard !trimmed.isEmpty, trimmed.count <= 30 else { return nil }
        // One Character that is an upper-case letter: of ASCII only `A` to `Z` alone (two ASCII
        // scalars, a line holding no line feed, are two Characters); other text is read as one.
        if trimmed.count == 1 {
            let byte = bytes[trimmed.lowerBound]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { return .label }
        } else if trimmed.contains(where: { bytes[$0] >= 0x80 }) {
            let text = UTF8Text.string(bytes, trimmed)
            if text.count == 1, let letter = text.first, letter.isUppercase, letter.isLetter { return .label }
        }
        var letters = 0
        var digits = 0
        var points = 0
        for index in trimmed {
            switch bytes[index] {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: " "), UInt8(ascii: "&"), UInt8(ascii: "+"): break
            default: return nil
            }
        }
        if letters == 0 {
            return digits > 0 && points <= 1 && bytes[trimmed.upperBound - 1] != UInt8(ascii: ".") ? .number : nil
        }
        return points == 0 && (letters >= 2 || digits > 0) ? .label : nil
    }

    /// Whether the text is not wrapped: its paragraphs are lines, as a browser's "save as
    /// text" or a copy of a web page writes them, and consecutive lines are separate blocks (a
    /// heading, a `Citation:` line, a paragraph, a menu entry). A conversion that wraps lines
    /// keeps them under a width; a line of over 200 bytes, among at least one in twenty, is a
    /// paragraph that nobody wrapped.
    private static func linesAreParagraphs(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> Bool {
        var long = 0
        var nonBlank = 0
        for line in lines where !UTF8Text.isBlank(bytes, line) {
            nonBlank += 1
            // A sentence of 121 bytes or more, opening with a letter and with no run of spaces
            // (no layout's columns, no table's row), is a paragraph no converter wrapped, as a
            // line of more than 200 is.
            if line.count > 200 || line.count > 120 && TextBlockBuilder.isUnwrappedSentence(line, in: bytes) { long += 1 }
        }
        return long >= 2 && long * 20 >= nonBlank
    }

    /// Whether the line opens with an ASCII letter, ends a sentence (`.`, a carriage return
    /// after it allowed) and holds no two spaces in a row.
    private static func isUnwrappedSentence(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let first = bytes[line.lowerBound] | 0x20
        guard first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        var last = line.upperBound - 1
        if bytes[last] == 0x0D, last > line.lowerBound { last -= 1 }
        return bytes[last] == UInt8(ascii: ".") && !holdsSpaceRun(line, in: bytes)
    }

    /// Whether the line holds two spaces in a row.
    private static func holdsSpaceRun(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        var index = line.lowerBound + 1
        while index < line.upperBound {
            if bytes[index] == 0x20 {
                if bytes[index - 1] == 0x20 { return true }
                index += 1
            } else {
                index += 2
            }
        }
        return false
    }

    private mutating func flushParagraph(_ bytes: Span<UInt8>) {
        let before = blocks.count
        defer {
            if paragraphIsQuoted {
                for index in before..<blocks.count { blocks[index].isQuoted = true }
            }
            paragraph.removeAll(keepingCapacity: true)
            paragraphWidth = 0
            paragraphIsListItem = false
            paragraphIsQuoted = false
        }
        guard !paragraph.isEmpty else { return }
        // A page's properties as a note app exports them (`Created: …`, `Current Through: June
        // 2022`, `State: New Mexico`), three lines or more with no blank line between: each
        // line is a block of its own, as a field is.
        if markdown, paragraph.count >= 3, !paragraphIsListItem, paragraph.allSatisfy({ TextBlockBuilder.isPropertyLine($0, in: bytes) }) {
            let lines = paragraph
            for line in lines {
                paragraph = [line]
                flushParagraph(bytes)
            }
            return
        }
        // A table of a layout conversion, its rows spread over lines in columns of spaces.
        if !markdown, !paragraphIsListItem, paragraph.count >= 2, let rows = LayoutColumns.rows(paragraph, in: bytes) {
            for row in rows { blocks.append(.row(row.cells, span: TextBlockBuilder.span(row.bytes))) }
            return
        }
        TextBlockBuilder.rejoin(paragraph, in: bytes, into: &joined, hyphens: &hyphens)
        if LineBreakHyphens.endsInSoftHyphen(joined) { softHyphenEnds.insert(blocks.count) }
        let text: String
        let isBold = markdown && TextBlockBuilder.isStrongOnly(joined)
        if markdown {
            // Taken out while `joined` is read, so that it is written in place.
            var stripped: [UInt8] = []
            swap(&stripped, &self.stripped)
            MarkdownInline.strip(joined.span, into: &stripped)
            text = InlineText.fold(stripped.span)
            self.stripped = stripped
        } else {
            text = InlineText.fold(joined.span)
        }
        if markdown, TextBlockBuilder.isConverterMarker(text) { return }
        // Links and nothing else between separators (`[Privacy](/p) | [Contact](/c)`): a web
        // page's menu or footer as a converter wrote it, as the HTML reader drops it.
        if markdown, TextBlockBuilder.isLinksOnly(joined) {
            droppedFurniture += 1
            return
        }
        let span = TextBlockBuilder.span(paragraph[0].lowerBound..<paragraph[paragraph.count - 1].upperBound)
        if !text.isEmpty { blocks.append(Block(paragraphIsListItem ? .listItem : .paragraph, text, isBold: isBold, span: span)) }
    }

    /// Whether a paragraph is only a converter's note about a page it could not read
    /// (`[MISSING_PAGE_POST]`, `[MISSING_PAGE_FAIL:2]`): a bracketed name of capital words
    /// joined by underscores, a page number after a colon.
    static func isConverterMarker(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count <= 40, utf8.first == UInt8(ascii: "["), utf8.last == UInt8(ascii: "]") else { return false }
        let inner = text.dropFirst().dropLast()
        let parts = inner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 1 || parts[1].allSatisfy(\.isASCII) && parts[1].allSatisfy(\.isNumber) && !parts[1].isEmpty else { return false }
        let words = parts[0].split(separator: "_", omittingEmptySubsequences: false)
        return words.count >= 2 && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isUppercase } }
    }

    private static func span(_ bytes: Range<Int>) -> SourceSpan {
        .unnumbered(bytes)
    }

    /// Whether markdown text is two or more inline or reference links (`[text](target)`,
    /// `[text][3]`) and nothing else
    /// but white space and separators (`|`, `·`, `•`, `/`, `-`) between them.
    static func isLinksOnly(_ text: [UInt8]) -> Bool {
        var index = 0
        var links = 0
        while index < text.count {
            let byte = text[index]
            if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") {
                index += 1
                continue
            }
            // `·` (C2 B7) and `•` (E2 80 A2).
            if byte == 0xC2, index + 1 < text.count, text[index + 1] == 0xB7 {
                index += 2
                continue
            }
            if byte == 0xE2, index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0xA2 {
                index += 3
                continue
            }
            guard byte == UInt8(ascii: "["), let close = text[index...].firstIndex(of: UInt8(ascii: "]")), close > index + 1,
                close + 1 < text.count, case let opening = text[close + 1],
                opening == UInt8(ascii: "(") || opening == UInt8(ascii: "["),
                let end = text[(close + 1)...].firstIndex(of: opening == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]"))
            else { return false }
            links += 1
            index = end + 1
        }
        return links >= 2
    }

    /// Whether the text is one strong run and nothing else: `**Heading**` or `__Heading__`.
    static func isStrongOnly(_ text: [UInt8]) -> Bool {
        guard text.count > 4 else { return false }
        let marker = text[0]
        guard marker == UInt8(ascii: "*") || marker == UInt8(ascii: "_"), text[1] == marker,
            text[text.count - 1] == marker, text[text.count - 2] == marker
        else { return false }
        // No marker pair inside: `**A** and **B**` is two runs with plain text between.
        for index in 2..<(text.count - 3) where text[index] == marker && text[index + 1] == marker { return false }
        return text[2] != marker
    }

    /// Joins wrapped lines with a space; a line ending in a letter and a hyphen, followed by
    /// a line starting with a lower-case letter, is a word broken at the wrap and is joined whole
    /// (its hyphen kept when the document writes the compound so, see `LineBreakHyphens`); a
    /// line ending in a soft hyphen is joined to the next without a space.
    static func rejoin(_ lines: [Range<Int>], in bytes: Span<UInt8>, into out: inout [UInt8], hyphens: inout LineBreakHyphens) {
        out.removeAll(keepingCapacity: true)
        for line in lines {
            let trimmed = UTF8Text.trimmingSpaces(bytes, line)
            guard !trimmed.isEmpty else { continue }
            if !out.isEmpty {
                if LineBreakHyphens.endsInSoftHyphen(out) {
                    out.removeLast(2)
                } else if endsInWordHyphen(out),
                    UTF8Text.scalar(at: trimmed.lowerBound, in: bytes).scalar.properties.isLowercase
                {
                    var next: [UInt8] = []
                    for index in trimmed.prefix(64) { next.append(bytes[index]) }
                    if !hyphens.keepsHyphen(before: out.dropLast(), after: next, in: bytes) {
                        out.removeLast()
                    }
                } else if out.count >= 2, out[out.count - 1] == UInt8(ascii: "-"), (0x30...0x39).contains(out[out.count - 2]),
                    (0x30...0x39).contains(bytes[trimmed.lowerBound])
                {
                    // A section number broken after one of its hyphens (`§ 5101:2-36-` over `03`)
                    // keeps the hyphen and is joined whole.
                } else {
                    out.append(0x20)
                }
            }
            UTF8Text.append(bytes, trimmed, to: &out)
        }
    }

    /// Whether the text ends in a letter and a hyphen (its last two scalars).
    private static func endsInWordHyphen(_ text: [UInt8]) -> Bool {
        // A scalar's last byte is ASCII only when the scalar is.
        guard text.count >= 2, text[text.count - 1] == UInt8(ascii: "-") else { return false }
        let bytes = text.span
        let previous = UTF8Text.scalarStart(before: text.count - 1, in: bytes)
        return UTF8Text.scalar(at: previous, in: bytes).scalar.properties.isAlphabetic
    }

    /// The last line of a tab-separated row one of whose cells opens a quote (`"` first in the
    /// cell) that its line does not close, as a spreadsheet writes a cell with a line break
    /// inside; `nil` when the line is no such row, or no line within 40 closes the quote.
    static func quotedRowEnd(_ lines: [Range<Int>], from start: Int, in bytes: Span<UInt8>, delimiter: UInt8 = 0x09) -> Int? {
        let first = lines[start]
        guard delimiter != 0x09 || hasTab(first, in: bytes) else { return nil }
        var inQuote = false
        for index in start..<min(lines.count, start + 40) {
            let line = lines[index]
            var offset = line.lowerBound
            var cellStart = index > start ? -1 : line.lowerBound
            while offset < line.upperBound {
                let byte = bytes[offset]
                if inQuote {
                    if byte == UInt8(ascii: "\"") {
                        if offset + 1 < line.upperBound, bytes[offset + 1] == UInt8(ascii: "\"") { offset += 1 } else { inQuote = false }
                    }
                } else if byte == delimiter {
                    cellStart = offset + 1
                } else if byte == UInt8(ascii: "\""), offset == cellStart {
                    inQuote = true
                }
                offset += 1
            }
            if !inQuote { return index > start ? index : nil }
        }
        return nil
    }

    /// The cells of a tab-separated row over `lines`: quotes around a cell removed, a doubled
    /// quote inside one read as one, a line break inside one read as a space.
    static func quotedCells(_ lines: ArraySlice<Range<Int>>, in bytes: Span<UInt8>, delimiter: UInt8 = 0x09) -> [String] {
        var cells: [String] = []
        var cell: [UInt8] = []
        var inQuote = false
        var atCellStart = true
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "))
            cell.removeAll(keepingCapacity: true)
            atCellStart = true
        }
        for line in lines {
            if inQuote, !cell.isEmpty { cell.append(UInt8(ascii: " ")) }
            var offset = line.lowerBound
            while offset < line.upperBound {
                let byte = bytes[offset]
                if inQuote {
                    if byte == UInt8(ascii: "\"") {
                        if offset + 1 < line.upperBound, bytes[offset + 1] == UInt8(ascii: "\"") {
                            cell.append(byte)
                            offset += 1
                        } else {
                            inQuote = false
                        }
                    } else {
                        cell.append(byte)
                    }
                } else if byte == delimiter {
                    endCell()
                } else if byte == UInt8(ascii: "\""), atCellStart {
                    inQuote = true
                    atCellStart = false
                } else {
                    cell.append(byte)
                    atCellStart = false
                }
                offset += 1
            }
        }
        endCell()
        return cells
    }

    /// Whether the lines are comma-separated values: four records at least (a record goes on
    /// past a line break inside quotes), nine in ten of them with the same number of fields,
    /// three or more, counted outside quotes. Prose has commas, never that many in step.
    static func isCommaSeparated(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> Bool {
        var counts: [Int: Int] = [:]
        var records = 0
        // Records of fewer than three fields: never of the count nine in ten share, so of the
        // sixty records read at most, more than six rule the lines out.
        var short = 0
        var index = 0
        while index < lines.count, records < 60 {
            if UTF8Text.isBlank(bytes, lines[index]) {
                index += 1
                continue
            }
            let end = quotedRowEnd(lines, from: index, in: bytes, delimiter: UInt8(ascii: ",")) ?? index
            var fields = 1
            var inQuote = false
            for line in lines[index...end] {
                for offset in line {
                    let byte = bytes[offset]
                    if byte == UInt8(ascii: "\"") {
                        inQuote.toggle()
                    } else if byte == UInt8(ascii: ","), !inQuote {
                        fields += 1
                    }
                }
            }
            if fields < 3 {
                short += 1
                if short > 6 { return false }
            }
            counts[fields, default: 0] += 1
            records += 1
            index = end + 1
        }
        guard records >= 4, let (fields, count) = counts.max(by: { $0.value < $1.value }) else { return false }
        return fields >= 3 && count * 10 >= records * 9
    }

    /// Whether the line is an AsciiDoc block's attribute list: wholly in square brackets,
    /// holding `name=value` pairs or opening with a role or id (`[.lead]`, `[#top]`, `[[anchor]]`).
    static func isAttributeList(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let content = UTF8Text.trimming(bytes, content, UInt8(ascii: " "))
        guard content.count >= 3, bytes[content.lowerBound] == UInt8(ascii: "["), bytes[content.upperBound - 1] == UInt8(ascii: "]")
        else { return false }
        let second = bytes[content.lowerBound + 1]
        if second == UInt8(ascii: ".") || second == UInt8(ascii: "#") || second == UInt8(ascii: "[") { return true }
        for index in content where bytes[index] == UInt8(ascii: "=") { return true }
        return false
    }

    /// Whether the line opens with a field's name between colons (`:doctype: article`) or is
    /// wholly in square brackets (`[.lead]`, `[cols="3,1,1,6"]`).
    static func isFieldOrAttributeLine(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let content = UTF8Text.trimming(bytes, content, UInt8(ascii: " "))
        guard content.count >= 3 else { return false }
        let first = bytes[content.lowerBound]
        if first == UInt8(ascii: "["), bytes[content.upperBound - 1] == UInt8(ascii: "]") { return true }
        guard first == UInt8(ascii: ":"), let second = Optional(bytes[content.lowerBound + 1]),
            second >= UInt8(ascii: "A") && second <= UInt8(ascii: "Z") || second >= UInt8(ascii: "a") && second <= UInt8(ascii: "z")
        else { return false }
        for index in (content.lowerBound + 2)..<content.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") { return index + 1 == content.upperBound || bytes[index + 1] == UInt8(ascii: " ") }
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") || byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            else { return false }
        }
        return false
    }

    /// Whether the text is one of `=`, `-`, `~`, `*`, `^`, `#` repeated, three times at least,
    /// or an AsciiDoc table's fence (`|===`).
    static func isRule(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        var content = UTF8Text.trimming(bytes, content, UInt8(ascii: " "))
        guard content.count >= 3 else { return false }
        if bytes[content.lowerBound] == UInt8(ascii: "|"), bytes[content.lowerBound + 1] == UInt8(ascii: "=") { content = content.dropFirst() }
        let mark = bytes[content.lowerBound]
        guard mark == UInt8(ascii: "=") || mark == UInt8(ascii: "-") || mark == UInt8(ascii: "~") || mark == UInt8(ascii: "*")
            || mark == UInt8(ascii: "^") || mark == UInt8(ascii: "#") || mark == UInt8(ascii: "_")
        else { return false }
        for index in content where bytes[index] != mark { return false }
        return true
    }

    /// Whether the line is three or more of one mark, `*` or `_`, spaces between or not
    /// (`* * *`, `___`): markdown's thematic break.
    static func isSpacedBreak(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let mark = bytes[content.lowerBound]
        var marks = 0
        for index in content where bytes[index] != 0x20 && bytes[index] != 0x0D {
            guard bytes[index] == mark else { return false }
            marks += 1
        }
        return marks >= 3
    }

    /// Whether the line defines a reference link's target (`[6]: https://…`, `[home]: /`,
    /// a title after it or not): markdown that shows nothing.
    static func isLinkDefinition(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        var index = content.lowerBound + 1
        while index < content.upperBound, index - content.lowerBound <= 41, bytes[index] != UInt8(ascii: "]") {
            if bytes[index] == UInt8(ascii: "[") { return false }
            index += 1
        }
        guard index > content.lowerBound + 1, index + 2 < content.upperBound, bytes[index] == UInt8(ascii: "]"),
            bytes[index + 1] == UInt8(ascii: ":"), bytes[index + 2] == 0x20
        else { return false }
        var start = index + 2
        while start < content.upperBound, bytes[start] == 0x20 { start += 1 }
        guard start < content.upperBound else { return false }
        if bytes[start] == UInt8(ascii: "#") || bytes[start] == UInt8(ascii: "<") { return true }
        var end = start
        while end < content.upperBound, bytes[end] != 0x20, bytes[end] != 0x0D { end += 1 }
        for byte in start..<end where bytes[byte] == UInt8(ascii: "/") || bytes[byte] == UInt8(ascii: ":") { return true }
        return false
    }

    private static func hasTab(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { $0.offset(of: 0x09, from: line.lowerBound, to: line.upperBound) } < line.upperBound
    }

    /// Whether the line is a row of a pipe table: in markdown a line that starts with `|`; in
    /// any text a line with a `|` inside a table already begun, or one that a delimiter row
    /// (`|---|:--:|`) follows, which is how a table without outer pipes announces itself.
    private func startsPipeRow(_ content: Range<Int>, next: Range<Int>?, in bytes: Span<UInt8>) -> Bool {
        if markdown, UTF8Text.starts(bytes, content, with: UInt8(ascii: "|")) { return true }
        guard bytes.withUnsafeBufferPointer({ $0.offset(of: UInt8(ascii: "|"), from: content.lowerBound, to: content.upperBound) })
            < content.upperBound
        else { return false }
        let cells = TextBlockBuilder.pipeCells(TextBlockBuilder.withoutOuterPipes(content, in: bytes), in: bytes)
        guard cells.count > 1 else { return false }
        if inPipeTable { return true }
        guard let next else { return false }
        return TextBlockBuilder.isDelimiterRow(TextBlockBuilder.droppingLeadingSpaces(next, in: bytes), in: bytes)
    }

    /// The line without the spaces around it and without its leading and trailing `|`.
    private static func withoutOuterPipes(_ content: Range<Int>, in bytes: Span<UInt8>) -> Range<Int> {
        var content = UTF8Text.trimming(bytes, content, UInt8(ascii: " "))
        if UTF8Text.starts(bytes, content, with: UInt8(ascii: "|")) { content = content.dropFirst() }
        if UTF8Text.ends(bytes, content, with: UInt8(ascii: "|")),
            content.count < 2 || bytes[content.upperBound - 2] != UInt8(ascii: "\\")
        {
            content = content.dropLast()
        }
        return content
    }

    /// A pipe table's delimiter row: cells of dashes with an optional colon at either end
    /// (`---`, `:--:`), at least one `|` between or around them.
    private static func isDelimiterRow(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        guard bytes.withUnsafeBufferPointer({ $0.offset(of: UInt8(ascii: "|"), from: content.lowerBound, to: content.upperBound) })
            < content.upperBound
        else { return false }
        let cells = pipeCells(withoutOuterPipes(content, in: bytes), in: bytes)
        return cells.allSatisfy { cell in
            let trimmed = UTF8Text.trimming(bytes, cell, UInt8(ascii: " "))
            var dashes = 0
            for (offset, index) in trimmed.enumerated() {
                switch bytes[index] {
                case UInt8(ascii: "-"): dashes += 1
                case UInt8(ascii: ":") where offset == 0 || offset == trimmed.count - 1: break
                default: return false
                }
            }
            return dashes > 0
        }
    }

    /// The cells of a pipe-table row, none for its delimiter row. `\|` is a `|` inside a cell;
    /// a tab inside a cell is white space.
    private func pipeRowCells(_ content: Range<Int>, in bytes: Span<UInt8>) -> [String] {
        if TextBlockBuilder.isDelimiterRow(content, in: bytes) { return [] }
        let cells = TextBlockBuilder.pipeCells(TextBlockBuilder.withoutOuterPipes(content, in: bytes), in: bytes)
        // In markdown the inline pass removes the backslash of `\|` as of any escape.
        return cells.map { cell in
            let text = inline(cell, in: bytes)
            return !markdown && text.utf8.contains(UInt8(ascii: "\\")) ? text.replacing("\\|", with: "|") : text
        }
    }

    private func tableCells(_ line: Range<Int>, in bytes: Span<UInt8>) -> [String] {
        // Lines hold no carriage return (every one ends a line), so only spaces are trimmed.
        let content = UTF8Text.trimming(bytes, line, UInt8(ascii: " "))
        var cells: [String] = []
        var start = content.lowerBound
        for index in content where bytes[index] == 0x09 {
            cells.append(inline(start..<index, in: bytes))
            start = index + 1
        }
        cells.append(inline(start..<content.upperBound, in: bytes))
        return cells
    }

    /// The text split at each `|` with no backslash before it.
    private static func pipeCells(_ content: Range<Int>, in bytes: Span<UInt8>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var start = content.lowerBound
        for index in content where bytes[index] == UInt8(ascii: "|")
            && (index == content.lowerBound || bytes[index - 1] != UInt8(ascii: "\\"))
        {
            cells.append(start..<index)
            start = index + 1
        }
        cells.append(start..<content.upperBound)
        return cells
    }

    private func atxHeading(_ content: Range<Int>, in bytes: Span<UInt8>) -> (level: Int, text: String)? {
        var end = content.lowerBound
        while end < content.upperBound, bytes[end] == UInt8(ascii: "#") { end += 1 }
        let level = end - content.lowerBound
        guard (1...6).contains(level) else { return nil }
        let rest = end..<content.upperBound
        guard rest.isEmpty || UTF8Text.starts(bytes, rest, with: UInt8(ascii: " ")) else { return nil }
        var text = UTF8Text.trimming(bytes, rest, UInt8(ascii: " "))
        while UTF8Text.ends(bytes, text, with: UInt8(ascii: "#")) { text = text.dropLast() }
        return (level, TextBlockBuilder.withoutAttributes(inline(text, in: bytes)))
    }

    /// A pandoc fenced div's fence: three or more colons, alone or before the div's attributes
    /// or class (`::: {#main .content}`, `::: warning`).
    static func isDivFence(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        var index = content.lowerBound
        while index < content.upperBound, bytes[index] == UInt8(ascii: ":") { index += 1 }
        guard index - content.lowerBound >= 3 else { return false }
        guard index < content.upperBound else { return true }
        guard bytes[index] == UInt8(ascii: " ") else { return false }
        let rest = UTF8Text.trimming(bytes, index..<content.upperBound, UInt8(ascii: " "))
        guard !rest.isEmpty else { return true }
        if bytes[rest.lowerBound] == UInt8(ascii: "{") { return bytes[rest.upperBound - 1] == UInt8(ascii: "}") }
        // A bare class name: one word.
        return rest.allSatisfy { bytes[$0] != UInt8(ascii: " ") }
    }

    /// A heading without the attributes pandoc writes after it (`Training Requirement
    /// {#training-requirement}`, `{.unnumbered}`).
    static func withoutAttributes(_ text: String) -> String {
        guard text.hasSuffix("}"), let open = text.range(of: " {", options: .backwards) else { return text }
        let attributes = text[open.upperBound...].dropLast()
        guard let first = attributes.first, "#.".contains(first) || attributes.contains("=") else { return text }
        return String(text[..<open.lowerBound])
    }

    /// Whether the line after `content` is a rule of `=` or `-` that underlines it.
    static func isUnderlined(_ content: Range<Int>, by next: Range<Int>?, in bytes: Span<UInt8>) -> Bool {
        guard let next else { return false }
        let rule = droppingLeadingSpaces(next, in: bytes)
        return setextLevel(rule, in: bytes) != nil && underlines(rule, content, in: bytes)
    }

    /// Whether the rule `content` is as long as `line` within a third either way.
    static func underlines(_ content: Range<Int>, _ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let rule = columns(UTF8Text.trimming(bytes, content, UInt8(ascii: " ")), in: bytes)
        let width = columns(UTF8Text.trimmingSpaces(bytes, line), in: bytes)
        return rule * 3 >= width * 2 && rule * 3 <= width * 4
    }

    /// `=` (level 1) or `-` (level 2) underlining, three or more, spaces around; or their
    /// box-drawing forms, `═` and `─` (Org mode's ASCII export in UTF-8).
    private static func setextLevel(_ content: Range<Int>, in bytes: Span<UInt8>) -> Int? {
        let trimmed = UTF8Text.trimming(bytes, content, UInt8(ascii: " "))
        guard trimmed.count >= 3 else { return nil }
        if trimmed.allSatisfy({ bytes[$0] == UInt8(ascii: "=") }) { return 1 }
        if trimmed.allSatisfy({ bytes[$0] == UInt8(ascii: "-") }) { return 2 }
        // U+2550 `═` is E2 95 90, U+2500 `─` E2 94 80.
        guard bytes[trimmed.lowerBound] == 0xE2, trimmed.count % 3 == 0, trimmed.count >= 9 else { return nil }
        let second = bytes[trimmed.lowerBound + 1]
        let third = bytes[trimmed.lowerBound + 2]
        guard second == 0x95 && third == 0x90 || second == 0x94 && third == 0x80 else { return nil }
        for index in stride(from: trimmed.lowerBound, to: trimmed.upperBound, by: 3)
        where bytes[index] != 0xE2 || bytes[index + 1] != second || bytes[index + 2] != third {
            return nil
        }
        return second == 0x95 ? 1 : 2
    }

    /// The item's text after a bullet and a space.
    private func bulletItem(_ content: Range<Int>, in bytes: Span<UInt8>) -> Range<Int>? {
        guard !content.isEmpty else { return nil }
        let (bullet, length) = UTF8Text.scalar(at: content.lowerBound, in: bytes)
        let isBullet =
            switch bullet {
            case "-", "*", "•", "◦", "▪": true
            case "+": markdown
            case "●": !markdown
            default: false
            }
        let space = content.lowerBound + length
        guard isBullet, space < content.upperBound, bytes[space] == UInt8(ascii: " ") || bytes[space] == 0x09 else { return nil }
        return (space + 1)..<content.upperBound
    }

    /// An ordered list item of markdown (`1. `, `2) `) after a blank line or another item: the
    /// line, its number kept (a card's issue rows are numbered so; a summary drops it). It never
    /// interrupts a paragraph: a wrapped line may start with a number and a period.
    private func orderedItem(_ content: Range<Int>, in bytes: Span<UInt8>) -> Range<Int>? {
        guard markdown else { return nil }
        var index = content.lowerBound
        while index < content.upperBound, index - content.lowerBound < 4, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            index += 1
        }
        let digits = index - content.lowerBound
        guard (1...3).contains(digits), index + 1 < content.upperBound,
            bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")"), bytes[index + 1] == UInt8(ascii: " ")
        else { return nil }
        guard paragraph.isEmpty || paragraphIsListItem else { return nil }
        return content
    }

    /// Whether the line opens with a `Citation:` or `Citations:` label, in any case, emphasis
    /// markers around it allowed (`**Citation:**`); also `Citation(s):`, `Cite:`, and the label
    /// after one qualifying word (`Statutory citation:`).
    static func opensCitationLabel(_ content: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        func isEmphasis(_ index: Int) -> Bool {
            index < content.upperBound && (bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: "_"))
        }
        func isLetter(_ index: Int) -> Bool {
            index < content.upperBound && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index] | 0x20)
        }
        func opens(_ word: StaticString, at index: Int) -> Bool {
            guard index + word.utf8CodeUnitCount <= content.upperBound else { return false }
            for offset in 0..<word.utf8CodeUnitCount where bytes[index + offset] | 0x20 != word.utf8Start[offset] { return false }
            return true
        }
        var index = content.lowerBound
        while isEmphasis(index), index - content.lowerBound < 3 { index += 1 }
        guard index < content.upperBound else { return false }
        if bytes[index] | 0x20 != UInt8(ascii: "c") || !opens("cit", at: index) {
            var word = index
            while isLetter(word), word - index <= 12 { word += 1 }
            guard (3...12).contains(word - index), word < content.upperBound, bytes[word] == UInt8(ascii: " ") else { return false }
            index = word + 1
        }
        // Both words open with a `c`, which most lines' first or second word does not.
        guard index < content.upperBound, bytes[index] | 0x20 == UInt8(ascii: "c") else { return false }
        if opens("citation", at: index) {
            index += 8
            if opens("(s)", at: index) { index += 3 } else if opens("s", at: index) { index += 1 }
        } else if opens("cite", at: index) {
            index += 4
            if opens("s", at: index) { index += 1 }
        } else {
            return false
        }
        let closing = index
        while isEmphasis(index), index - closing < 3 { index += 1 }
        return index < content.upperBound && bytes[index] == UInt8(ascii: ":")
    }

    /// The line without its leading spaces.
    private static func droppingLeadingSpaces(_ line: Range<Int>, in bytes: Span<UInt8>) -> Range<Int> {
        var start = line.lowerBound
        while start < line.upperBound, bytes[start] == UInt8(ascii: " ") { start += 1 }
        return start..<line.upperBound
    }

    /// Folds white space and, for markdown, removes emphasis markers and link targets.
    private func inline(_ range: Range<Int>, in bytes: Span<UInt8>) -> String {
        guard markdown else { return InlineText.fold(bytes.extracting(range)) }
        var stripped: [UInt8] = []
        MarkdownInline.strip(bytes.extracting(range), into: &stripped)
        return InlineText.fold(stripped.span)
    }
}

/// Markdown inline syntax a conversion leaves around words.
enum MarkdownInline {
    /// `strip(_:into:)` on a string.
    static func strip(_ text: String) -> String {
        var out: [UInt8] = []
        strip(text.utf8.span, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Removes `**`/`__` strong markers, `*`/`_` emphasis around words, backticks and the
    /// backslash of an escaped punctuation mark, and turns `[text](target)` into `text`; the
    /// result replaces what `out` held. One pass, linear in the length: the next `]` and `)` are
    /// found once and reused until passed, however many `[` open without closing. Positions are
    /// scalars (a marker is the ASCII scalar itself), their starts found from the UTF-8 lead bytes.
    static func strip(_ bytes: Span<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(bytes.count)
        var mayHoldMarker = false
        for index in 0..<bytes.count where mayBeMarker(bytes[index]) {
            mayHoldMarker = true
            break
        }
        guard mayHoldMarker else {
            UTF8Text.append(bytes, 0..<bytes.count, to: &out)
            return
        }
        let scalars = ScalarStarts(bytes)
        let count = scalars.count
        func isLone(_ byte: UInt8, at position: Int) -> Bool {
            bytes[scalars[position]] == byte
        }
        func properties(_ position: Int) -> Unicode.Scalar.Properties {
            UTF8Text.scalar(at: scalars[position], in: bytes).scalar.properties
        }
        var nextClose = -1
        var nextParen = -1
        func next(_ target: UInt8, from start: Int, cached: inout Int) -> Int? {
            if cached < start {
                cached = (start..<count).first(where: { isLone(target, at: $0) }) ?? count
            }
            return cached < count ? cached : nil
        }
        var position = 0
        while position < count {
            let start = scalars[position]
            switch bytes[start] {
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                let marker = bytes[start]
                if position + 1 < count, isLone(marker, at: position + 1) {
                    position += 2
                    continue
                }
                // A single marker counts only at a word edge (`*word*`), never inside `snake_case`.
                let previous = position > 0 ? properties(position - 1) : nil
                let following = position + 1 < count ? properties(position + 1) : nil
                let atEdge = previous == nil || previous!.isWhitespace || following == nil || following!.isWhitespace
                    || isPunctuation(previous!) || isPunctuation(following!)
                if atEdge, !(previous?.isAlphabetic == true && following?.isAlphabetic == true) {
                    position += 1
                    continue
                }
                out.append(marker)
            case UInt8(ascii: "`"):
                break
            case UInt8(ascii: "\\"):
                // Inline LaTeX for section signs, as a converter that writes math keeps them
                // (`\\(\\S\\)`, `\\(\\S\\S\\)`): the signs.
                if let signs = latexSectionSigns(at: start, in: bytes) {
                    out.append(contentsOf: String(repeating: "§", count: signs.count).utf8)
                    position += signs.length
                    continue
                }
                // Inline math of spacing alone (`\\(\\quad\\)`, between an overall grade and its
                // score): a space.
                if let length = latexSpacing(at: start, in: bytes) {
                    out.append(UInt8(ascii: " "))
                    position += length
                    continue
                }
                // A backslash escape (`1\.` as a converter writes a number that would start a
                // list, `\*`): the punctuation as written, no marker.
                if position + 1 < count, isASCIIPunctuation(bytes[scalars[position + 1]]) {
                    out.append(bytes[scalars[position + 1]])
                    position += 2
                    continue
                }
                out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "["):
                if let close = next(UInt8(ascii: "]"), from: position + 1, cached: &nextClose), close - position <= 512,
                    close + 1 < count, isLone(UInt8(ascii: "("), at: close + 1),
                    let paren = next(UInt8(ascii: ")"), from: close + 1, cached: &nextParen), paren - close <= 512
                {
                    // The link's text is markdown too (`[§ 16\-5\-46](…)`, `[**Print**](…)`).
                    var label: [UInt8] = []
                    strip(bytes.extracting(scalars[position + 1]..<scalars[close]), into: &label)
                    // An image (`![Grade badge](Picture3.jpg)`) is no text but where its
                    // description is one short word (`![B](grade-b.png)`), as in HTML.
                    if position > 0, bytes[scalars[position - 1]] == UInt8(ascii: "!"), out.last == UInt8(ascii: "!") {
                        out.removeLast()
                        if label.count > 3 || label.contains(UInt8(ascii: " ")) { label.removeAll() }
                    }
                    out.append(contentsOf: label)
                    position = paren + 1
                    continue
                }
                // A reference link (`[Ann. Stat. § 210.110][6]`, `[text][]`, as html2text and
                // pandoc's `--reference-links` write them): its text, the reference no part of it.
                if let close = next(UInt8(ascii: "]"), from: position + 1, cached: &nextClose), close - position <= 512,
                    let end = referenceEnd(after: close, scalars: scalars, in: bytes)
                {
                    var label: [UInt8] = []
                    strip(bytes.extracting(scalars[position + 1]..<scalars[close]), into: &label)
                    out.append(contentsOf: label)
                    position = end
                    continue
                }
                if let end = bracketedSpanEnd(from: position, scalars: scalars, in: bytes) {
                    // A note's mark (`[^1]`) is no text; a bracketed span with attributes
                    // (`[§ 201.300]{.underline}`, `[]{#_Toc1 .anchor}`) is its text.
                    let close = end.close
                    if bytes[scalars[position + 1]] != UInt8(ascii: "^") {
                        var label: [UInt8] = []
                        strip(bytes.extracting(scalars[position + 1]..<scalars[close]), into: &label)
                        out.append(contentsOf: label)
                    }
                    position = end.next
                    continue
                }
                out.append(UInt8(ascii: "["))
            default:
                // The scalars up to the next that may be a marker are copied as one run.
                var runEnd = position + 1
                while runEnd < count, !mayBeMarker(bytes[scalars[runEnd]]) { runEnd += 1 }
                UTF8Text.append(bytes, start..<scalars[runEnd], to: &out)
                position = runEnd
                continue
            }
            position += 1
        }
    }

    /// The position after a link's reference (`[6]`, `[]`, `[home page]`: at most 40 scalars,
    /// no bracket or line break inside) that opens right after `close`, the `]` of the link's
    /// text, or `nil`.
    private static func referenceEnd(after close: Int, scalars: ScalarStarts, in bytes: Span<UInt8>) -> Int? {
        let count = scalars.count
        guard close + 1 < count, bytes[scalars[close + 1]] == UInt8(ascii: "[") else { return nil }
        var index = close + 2
        while index < count, index - close <= 42 {
            let byte = bytes[scalars[index]]
            if byte == UInt8(ascii: "]") { return index + 1 }
            if byte == UInt8(ascii: "[") || byte == 0x0A || byte == UInt8(ascii: "^") { return nil }
            index += 1
        }
        return nil
    }

    /// Where a note's mark (`[^1]`, a short label without spaces) or a bracketed span with
    /// attributes (`[text]{.class}`, `{#id}` or `{key=value}`, at most 512 scalars of text and
    /// 256 of attributes) that opens at `position` closes (`close`, its `]`) and what follows it
    /// (`next`), or `nil`. Only ASCII brackets and braces count, as markdown's do.
    private static func bracketedSpanEnd(from position: Int, scalars: ScalarStarts, in bytes: Span<UInt8>) -> (close: Int, next: Int)? {
        let count = scalars.count
        guard position + 1 < count else { return nil }
        if bytes[scalars[position + 1]] == UInt8(ascii: "^") {
            var index = position + 2
            while index < count, index - position <= 12 {
                let byte = bytes[scalars[index]]
                if byte == UInt8(ascii: "]") { return index > position + 2 ? (index, index + 1) : nil }
                if byte == 0x20 || byte == 0x0A || byte == UInt8(ascii: "[") { return nil }
                index += 1
            }
            return nil
        }
        var close = position + 1
        while close < count, close - position <= 512, bytes[scalars[close]] != UInt8(ascii: "]") {
            if bytes[scalars[close]] == UInt8(ascii: "[") { return nil }
            close += 1
        }
        guard close + 2 < count, bytes[scalars[close]] == UInt8(ascii: "]"), bytes[scalars[close + 1]] == UInt8(ascii: "{"),
            case let first = bytes[scalars[close + 2]],
            first == UInt8(ascii: ".") || first == UInt8(ascii: "#") || (0x61...0x7A).contains(first)
        else { return nil }
        var brace = close + 2
        while brace < count, brace - close <= 256 {
            let byte = bytes[scalars[brace]]
            if byte == UInt8(ascii: "}") { return (close, brace + 1) }
            if byte == UInt8(ascii: "{") || byte == 0x0A { return nil }
            brace += 1
        }
        return nil
    }

    /// The section signs of inline LaTeX math made of them alone (`\\(\\S\\)`, `\\(\\S\\S\\)`, spaces
    /// allowed inside) starting at `start`, and its length in bytes (ASCII: one scalar a byte).
    private static func latexSectionSigns(at start: Int, in bytes: Span<UInt8>) -> (count: Int, length: Int)? {
        func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
        guard byte(start + 1) == UInt8(ascii: "(") else { return nil }
        var index = start + 2
        var count = 0
        while true {
            while byte(index) == UInt8(ascii: " ") { index += 1 }
            guard byte(index) == UInt8(ascii: "\\") else { return nil }
            if byte(index + 1) == UInt8(ascii: "S") {
                count += 1
                index += 2
            } else if byte(index + 1) == UInt8(ascii: ")"), count > 0 {
                return (count, index + 2 - start)
            } else {
                return nil
            }
        }
    }

    /// The length in bytes of inline LaTeX math that holds spacing commands alone (`\\(\\quad\\)`,
    /// `\\(\\qquad\\)`, `\\(\\,\\)`) starting at `start`, or `nil`.
    private static func latexSpacing(at start: Int, in bytes: Span<UInt8>) -> Int? {
        func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
        guard byte(start + 1) == UInt8(ascii: "(") else { return nil }
        var index = start + 2
        var commands = 0
        while true {
            while byte(index) == UInt8(ascii: " ") { index += 1 }
            guard byte(index) == UInt8(ascii: "\\") else { return nil }
            if byte(index + 1) == UInt8(ascii: ")") { return commands > 0 ? index + 2 - start : nil }
            if let next = byte(index + 1), next == UInt8(ascii: ",") || next == UInt8(ascii: ";") || next == UInt8(ascii: " ") {
                index += 2
            } else if byte(index + 1) == UInt8(ascii: "q") {
                var end = index + 1
                while let letter = byte(end), letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z") { end += 1 }
                guard end - index - 1 == 4 || end - index - 1 == 5 else { return nil }
                index = end
            } else {
                return nil
            }
            commands += 1
        }
    }

    /// A byte of `*`, `_`, backtick, `[` or a backslash.
    private static func mayBeMarker(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "[")
            || byte == UInt8(ascii: "\\")
    }

    /// ASCII punctuation, which a backslash escapes in markdown.
    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    /// Whether the scalar is punctuation (any of Unicode's punctuation categories).
    private static func isPunctuation(_ properties: Unicode.Scalar.Properties) -> Bool {
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            true
        default:
            false
        }
    }
}

/// Where each scalar of UTF-8 text starts. ASCII text has one scalar per byte and needs no table.
struct ScalarStarts {
    /// The offsets, and the text's length after them; `nil` when every byte is a scalar.
    private let starts: [Int]?
    /// The number of scalars.
    let count: Int

    init(_ bytes: Span<UInt8>) {
        var starts: [Int]?
        for index in 0..<bytes.count where bytes[index] >= 0x80 {
            var table = Array(0..<index)
            table.reserveCapacity(bytes.count + 1)
            for offset in index..<bytes.count where bytes[offset] & 0xC0 != 0x80 { table.append(offset) }
            starts = table
            break
        }
        count = starts?.count ?? bytes.count
        starts?.append(bytes.count)
        self.starts = starts
    }

    /// Where the scalar at `position` starts; at `count`, the text's length.
    subscript(position: Int) -> Int {
        starts?[position] ?? position
    }
}

/// HTML's inline formatting tags (`<b>`, `</u>`, `<strong>`) as an export leaves them in text.
enum InlineTags {
    private static let names: Set<String> = ["b", "i", "u", "em", "strong", "span", "sup", "sub"]

    /// The text without inline formatting tags; other text in angle brackets stays.
    static func strip(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        var out = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            let name = rest[rest.index(after: open)..<close].trimming(where: { $0 == "/" || $0 == " " }).lowercased()
            if !names.contains(name) { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}

/// A table drawn with rules in plain text: a grid table (`+-----+-----+` rules around every row,
/// `|` between cells, `+=====+` under the header) or a simple table (columns marked by runs of
/// `=` over, under the header and under the last row; a line whose first column is blank goes
/// on with the row above). A row's cell is the text of its column over all its lines.
enum RuledTable {
    /// The table starting at line `start`: its rows of cells and its last line; `nil` unless a
    /// table with two rows at least starts there.
    static func read(_ lines: [Range<Int>], from start: Int, in bytes: Span<UInt8>) -> (rows: [[String]], end: Int)? {
        // Most lines open with another byte than a rule's.
        var lead = lines[start].lowerBound
        while lead < lines[start].upperBound, bytes[lead] == UInt8(ascii: " ") { lead += 1 }
        // A box-drawing character (U+2500 to U+257F) is E2 94 or E2 95 and a third byte (`┌` is
        // E2 94 8C); a bullet or a quote, which other lines open with, is not.
        let end = lines[start].upperBound
        guard lead < end, bytes[lead] == UInt8(ascii: "+") || bytes[lead] == UInt8(ascii: "=")
            || bytes[lead] == 0xE2 && lead + 1 < end && (bytes[lead + 1] == 0x94 || bytes[lead + 1] == 0x95)
        else { return nil }
        let first = text(lines[start], in: bytes)
        let rule = first.trimming(where: { $0 == " " })
        guard rule.count >= 5 else { return nil }
        if rule.first == "+", rule.last == "+", rule.allSatisfy({ $0.isAny(of: "+-=:") }), rule.filter({ $0 == "+" }).count >= 3 {
            return grid(lines, from: start, in: bytes)
        }
        // A text browser's table drawn in box-drawing characters (`w3m -dump`: `┌──┬──┐`, `│`).
        if rule.first.map(boxCorners.contains) == true, isGridRule(first), rule.contains(where: boxJoins.contains) {
            return grid(lines, from: start, in: bytes)
        }
        if let columns = simpleColumns(first) { return simple(lines, from: start, columns: columns, in: bytes) }
        return nil
    }

    /// A row that lays out text rather than holding data, as its heading and paragraphs: two
    /// cells, a short label (no sentence's end) beside paragraphs, the second cell holding two
    /// or more, or one sentence and more where the row above was laid out so. `nil` otherwise.
    static func layoutRow(_ row: [String], afterLaidOutRow: Bool) -> [Block]? {
        guard row.count == 2, !row[0].contains(paragraphBreak) else { return nil }
        let label = InlineText.fold(row[0])
        let paragraphs = row[1].components(separatedBy: paragraphBreak).map { InlineText.fold($0) }.filter { !$0.isEmpty }
        guard !label.isEmpty, label.utf8.count <= 80, let end = label.last, !".;,:".contains(end), let last = paragraphs.last,
            paragraphs.count >= 2 || afterLaidOutRow && last.split(separator: " ").count >= 6 && ".!?".contains(last.last!)
        else { return nil }
        return [Block(.heading(level: 2), label)] + paragraphs.map { Block(.paragraph, $0) }
    }

    /// A cell's next line added to it: after a space, or directly after a hyphen that ends a
    /// word (`Victim-` over `Centered`).
    static func append(_ part: String, to cell: inout String) {
        if cell.isEmpty {
            cell = part
        } else if cell.hasSuffix("-"), cell.dropLast().last?.isLetter == true, part.first?.isLetter == true {
            cell += part
        } else {
            cell += " " + part
        }
    }

    private static func text(_ line: Range<Int>, in bytes: Span<UInt8>) -> String {
        var out: [UInt8] = []
        UTF8Text.append(bytes, line, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A grid's rule: `+---+---+`, or drawn in box-drawing characters (`├────┼────┤`).
    private static func isGridRule(_ line: String) -> Bool {
        let trimmed = line.trimming(where: { $0 == " " })
        guard trimmed.count >= 5 else { return false }
        if trimmed.first == "+" { return trimmed.last == "+" && trimmed.allSatisfy { $0.isAny(of: "+-=:") } }
        return boxCorners.contains(trimmed.first!) && trimmed.allSatisfy { boxRules.contains($0) || boxJoins.contains($0) || boxCorners.contains($0) }
    }

    /// Box-drawing characters: the lines of a rule, the corners and sides it starts or ends with,
    /// the joints where a column's side crosses it, and the sides between cells.
    private static let boxRules: Set<Character> = ["─", "━", "═"]
    private static let boxCorners: Set<Character> = ["┌", "├", "└", "┐", "┤", "┘", "╔", "╠", "╚", "╗", "╣", "╝", "┏", "┣", "┗", "┓", "┫", "┛"]
    private static let boxJoins: Set<Character> = ["┬", "┼", "┴", "╦", "╬", "╩", "╤", "╪", "╧", "┳", "╋", "┻"]
    private static let boxSides: Set<Character> = ["│", "║", "┃"]

    /// Where a cell's text breaks into paragraphs (a blank line inside it), as a grid's cells
    /// carry it until their rows are laid out.
    static let paragraphBreak = "\n\n"

    private static func grid(_ lines: [Range<Int>], from start: Int, in bytes: Span<UInt8>) -> (rows: [[String]], end: Int)? {
        var rows: [[String]] = []
        var row: [String] = []
        var breaks: [Bool] = []
        var end = start
        for index in (start + 1)..<lines.count {
            let line = text(lines[index], in: bytes)
            let trimmed = line.trimming(where: { $0 == " " })
            if isGridRule(line) {
                if !row.isEmpty { rows.append(row) }
                row = []
                breaks = []
                end = index
                continue
            }
            guard let side = trimmed.first, side == "|" || boxSides.contains(side), trimmed.last == side, trimmed.count >= 2 else { break }
            let cells = trimmed.dropFirst().dropLast().split(omittingEmptySubsequences: false, whereSeparator: { $0 == side })
            for (column, cell) in cells.enumerated() {
                let part = String(cell.trimming(where: { $0 == " " }))
                if column >= row.count {
                    row.append("")
                    breaks.append(false)
                }
                if part.isEmpty {
                    // A blank line inside a cell that has text: its next line opens a paragraph.
                    breaks[column] = !row[column].isEmpty
                } else if breaks[column] {
                    row[column] += paragraphBreak + part
                    breaks[column] = false
                } else {
                    RuledTable.append(part, to: &row[column])
                }
            }
        }
        return rows.count >= 2 ? (rows, end) : nil
    }

    /// The columns a simple table's rule marks, as character offsets; `nil` for any other line.
    private static func simpleColumns(_ line: String) -> [Range<Int>]? {
        var columns: [Range<Int>] = []
        var runStart: Int?
        for (offset, character) in line.enumerated() {
            if character == "=" {
                if runStart == nil { runStart = offset }
            } else if character == " " {
                if let runStart { columns.append(runStart..<offset) }
                runStart = nil
            } else {
                return nil
            }
        }
        if let runStart { columns.append(runStart..<line.count) }
        return columns.count >= 2 && columns.allSatisfy({ $0.count >= 2 }) ? columns : nil
    }

    private static func simple(
        _ lines: [Range<Int>], from start: Int, columns: [Range<Int>], in bytes: Span<UInt8>
    ) -> (rows: [[String]], end: Int)? {
        var rows: [[String]] = []
        var end: Int?
        for index in (start + 1)..<lines.count {
            let line = Array(text(lines[index], in: bytes))
            if simpleColumns(String(line)) != nil {
                // The rule under the header, or the table's last.
                let next = index + 1 < lines.count ? text(lines[index + 1], in: bytes) : ""
                if next.allSatisfy({ $0 == " " }) {
                    end = index
                    break
                }
                continue
            }
            if line.allSatisfy({ $0 == " " }) { continue }
            var cells: [String] = []
            for (position, column) in columns.enumerated() {
                let from = min(column.lowerBound, line.count)
                let to = position + 1 < columns.count ? min(columns[position + 1].lowerBound, line.count) : line.count
                cells.append(String(String(line[from..<to]).trimming(where: { $0 == " " })))
            }
            if cells[0].isEmpty, var last = rows.popLast() {
                for (column, cell) in cells.enumerated() where !cell.isEmpty { RuledTable.append(cell, to: &last[column]) }
                rows.append(last)
            } else {
                rows.append(cells)
            }
        }
        guard let end, rows.count >= 2 else { return nil }
        return (rows, end)
    }
}

/// A LaTeX `tabular` as a converter of PDFs to markup writes a table (nougat): rows end at
/// `\\`, cells at `&`, rules (`\hline`, `\toprule`) are no text.
enum LaTeXTabular {
    /// The table whose `\begin{tabular}` opens line `start`: its rows and its last line.
    static func read(_ lines: [Range<Int>], from start: Int, in bytes: Span<UInt8>) -> (rows: [[String]], end: Int)? {
        let opening = "\\begin{tabular}"
        var lead = lines[start].lowerBound
        while lead < lines[start].upperBound, bytes[lead] == UInt8(ascii: " ") { lead += 1 }
        guard lead < lines[start].upperBound, bytes[lead] == UInt8(ascii: "\\") else { return nil }
        var text = ""
        var end: Int?
        for index in start..<min(lines.count, start + 400) {
            var out: [UInt8] = []
            UTF8Text.append(bytes, lines[index], to: &out)
            let line = String(decoding: out, as: UTF8.self)
            if index == start, !line.trimming(where: { $0 == " " }).hasPrefix(opening) { return nil }
            text += line + " "
            if line.contains("\\end{tabular}") {
                end = index
                break
            }
        }
        guard let end, var body = text.split(separator: opening, maxSplits: 1).last else { return nil }
        body = body.split(separator: "\\end{tabular}", maxSplits: 1, omittingEmptySubsequences: false).first ?? body
        // The column specification: balanced braces after `\begin{tabular}`.
        if body.first == "{" {
            var depth = 0
            var index = body.startIndex
            while index < body.endIndex {
                if body[index] == "{" { depth += 1 }
                if body[index] == "}" {
                    depth -= 1
                    if depth == 0 { break }
                }
                index = body.index(after: index)
            }
            body = index < body.endIndex ? body[body.index(after: index)...] : ""
        }
        var rows: [[String]] = []
        for row in body.split(separator: "\\\\") {
            var cleaned = String(row)
            for rule in ["\\hline", "\\toprule", "\\midrule", "\\bottomrule"] { cleaned = cleaned.replacing(rule, with: " ") }
            var cells: [String] = []
            var cell = ""
            var previous: Character = " "
            for character in cleaned {
                if character == "&", previous != "\\" {
                    cells.append(cell)
                    cell = ""
                } else {
                    cell.append(character)
                }
                previous = character
            }
            cells.append(cell)
            let folded = cells.map { InlineText.fold(MarkdownInline.strip($0)) }
            if folded.contains(where: { !$0.isEmpty }) { rows.append(folded) }
        }
        return rows.isEmpty ? nil : (rows, end)
    }
}
