import LexpipeRecord

/// Turns HTML parse events into blocks (headings, paragraphs, list items, table rows), keeping
/// the page's content and leaving out its chrome, the way readability and trafilatura do:
///
/// - the content is what a semantic container holds (`<main>`, `[role=main]`, else the
///   `<article>` with the most text); a page without one is read whole, and the smallest
///   container holding most of its prose is taken as the content (text density, see
///   `densestContent`), with the page's opening lines above it kept for the title, state and
///   date when the content has no title heading of its own;
/// - navigation, asides, the page's banner and footer (outside the content), scripts, styles,
///   hidden elements and form controls are never read;
/// - a block made of links alone (menus, skip links, Print/Share) or a breadcrumb trail
///   (`Home › Topics › …`), and a container whose text is mostly links, are dropped; a class or
///   id naming chrome (`breadcrumb`, `related`, `sidebar`) lowers the bar, never decides alone;
/// - the `<title>` is kept aside.
final class HTMLBlockBuilder: HTMLEventHandler {
    /// All of the builder's state in one value, so that an event reaches it through one access
    /// to the class's storage rather than one for each property it reads or writes. Only the
    /// parser's callbacks, one at a time on the thread that parses, and then `finish` and the
    /// getters reach it: no access overlaps another, so none is checked at run time.
    @exclusivity(unchecked) private var reader: HTMLBlockReader

    init(layoutTables: Bool = false) {
        reader = HTMLBlockReader(layoutTables: layoutTables)
    }

    var blocks: [Block] { reader.blocks }
    var holdsLayoutTable: Bool { reader.holdsLayoutTable }
    var pageTitle: String? { reader.pageTitle }
    var siteName: String? { reader.siteName }

    func startElement(_ name: HTMLElementName, attributes: HTMLAttributes, offset: Int) {
        reader.startElement(name, attributes: attributes, offset: offset)
    }

    func endElement(offset: Int) {
        reader.endElement(offset: offset)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, offset: Int) {
        reader.characters(text, offset: offset)
    }

    /// Whether an image's `alt` text is one short word, read as the image's text.
    static func standsForAWord(_ alt: String) -> Bool {
        HTMLBlockReader.standsForAWord(alt)
    }

    /// Emits what is pending at the end of the document and keeps the content found.
    func finish() {
        reader.finish()
    }
}

/// The state and rules of `HTMLBlockBuilder`.
private struct HTMLBlockReader {
    private(set) var blocks: [Block] = []
    /// Whether a table not inside another lays out the page rather than holding data: one of
    /// its cells holds a heading of level one or two, two headings, or six paragraphs.
    private(set) var holdsLayoutTable = false
    /// Read the tables that are inside no other table as plain containers (their rows and cells
    /// as blocks), so their content is found as any other container's.
    private let layoutTables: Bool
    /// How many tables (by their element, as written) are open.
    private var tableDepth = 0

    init(layoutTables: Bool = false) {
        self.layoutTables = layoutTables
    }
    /// The page's `<title>`, whitespace folded.
    private(set) var pageTitle: String?
    /// The text of the first link to the site's root outside the page's navigation (the
    /// site's name by its logo or banner), whitespace folded.
    private(set) var siteName: String?
    /// The text of that link while it is read, and the link depth it opened at.
    private var siteNameText: [UInt8]?
    private var siteNameDepth = 0

    /// Per block, in step with `blocks`: where it stands.
    private var places: [Place] = []
    private struct Place {
        var inMain: Bool
        /// The `<article>` it is in (counted from 1 in document order), or 0.
        var article: Int
        /// In the page's banner or footer, outside the content.
        var inBand: Bool
        /// Its weight as prose, links counted in (`prose`).
        var prose: Float
        /// The share of its text inside links.
        var linkShare: Float = 0
    }

    private var frames: [Frame] = []
    /// An open element.
    private struct Frame {
        var role: HTMLElementRole
        /// How many blocks there were when it opened.
        var blockStart: Int
        var start: Int
        var letters = 0
        var linkLetters = 0
        var links = 0
        var hintsChrome: Bool
        var isContainer: Bool
        var isArticle = false
        /// A `<section>`: a header or footer inside it is the section's own, not the page's.
        var isSection = false
        var opensBand = false
        /// A `<blockquote>`: the blocks inside it are quoted.
        var isQuote = false
        /// `<body>` or `<html>`: the page, no wrapper of its content.
        var isPageRoot = false
        /// The prose of the blocks inside it, each weighed by how far down it stands (see
        /// `emit`).
        var score: Float = 0
        /// A table or inside one: a table is read whole, never taken as the page's content
        /// apart from what is around it.
        var inTable = false
        /// A `<table>` (or an element with a table's role), whatever it is read as.
        var isTableElement = false
        /// The letters of the containers of links dropped inside it (`isLinkChrome`).
        var droppedLinkLetters = 0
        /// A form with a box to write text in (`<textarea>`): a reply or contact form.
        var holdsTextBox = false
        /// A notebook's code cell (`NotebookHint.namesCodeCell`).
        var opensCodeCell = false
    }
    /// Whether the last frame was opened by the element being started: text flushed now
    /// stood before it, in its parent.
    private var openingFrame = false
    /// Closed containers, for the text-density fallback: their blocks, letters, letters inside
    /// links, letters of the link lists dropped inside them (`droppedLinkLetters`),
    /// links, whether a class or id names chrome, and whether it is `<body>` or `<html>`.
    private var containers: [
        (blocks: Range<Int>, letters: Int, linkLetters: Int, droppedLinkLetters: Int, hintsChrome: Bool, score: Float, isPageRoot: Bool)
    ] = []

    private var skipDepth = 0
    /// How many of a notebook's code cells are open: their prompts and `<pre>`s are not read.
    private var codeCellDepth = 0
    private var mainDepth = 0
    private var articleDepth = 0
    private var sectionDepth = 0
    private var bandDepth = 0
    private var articleCount = 0
    private var currentArticle = 0
    private var titleText: [UInt8]?
    private var linkDepth = 0
    private var boldDepth = 0

    /// The pending block's text, as libxml2 delivered it (entities decoded), not yet folded.
    private var buffer: [UInt8] = []
    private var bufferStart = -1
    private var bufferEnd = 0
    private var bufferLetters = 0
    private var bufferBoldLetters = 0
    private var bufferLinkLetters = 0
    private var bufferLinks = 0
    private var bufferInPageLinks = 0
    private var inListItem = 0
    private var headingLevel: Int?
    /// The ids of the panels disclosure buttons open (`aria-controls`), seen so far.
    private var disclosedPanels: Set<String> = []
    /// The level of the last heading below the title (`<h2>`…`<h6>`), 2 before any.
    private var sectionHeadingLevel = 2
    private var cells: [String]?
    private var cellBuffer: [UInt8]?
    /// Where paragraphs (`<p>`, `<div>`, headings) open inside the cell being read, as offsets
    /// in `cellBuffer`, with a heading's level; whether the cell holds any; and for each cell of
    /// the row its paragraphs, when it held two or more, and whether it held a paragraph.
    private var cellParagraphStarts: [(offset: Int, level: Int?)] = []
    private var cellHoldsParagraph = false
    private var rowParagraphs: [[(text: String, level: Int?)]] = []
    private var rowHoldsParagraph: [Bool] = []
    /// The table's last row laid out text (`layoutRow`).
    private var lastRowLaidOut = false
    private var rowStart = 0
    /// The offset after the last event: where the text of the next one starts.
    private var lastOffset = 0
    /// The first `<h1>` anywhere but in chrome, in case the content found leaves it out.
    private var firstTitleHeading: (block: Block, place: Int)?

    mutating func startElement(_ name: HTMLElementName, attributes: HTMLAttributes, offset: Int) {
        defer { lastOffset = max(lastOffset, offset) }
        var role = HTMLElementRole(name)
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        let ariaRole = attributes.role
        if let ariaRole { role = HTMLElementRole(ariaRole: ariaRole) ?? role }
        // A `<div id="footer">` is the page's footer as `<footer>` is, on pages older than it.
        if name == .div, role == .block, attributes.classOrID(ChromeHint.namesFooter) { role = .pageBand }
        let isTableElement = role == .table
        if isTableElement { tableDepth += 1 }
        if layoutTables, tableDepth == 1, role == .table || role == .row || role == .cell { role = .block }
        // A site that names itself by its logo: the image's text is the root link's.
        if siteNameText != nil, name == .img, let alt = attributes.value(of: "alt") { siteNameText!.append(contentsOf: alt.utf8) }
        let inContent = mainDepth > 0 || articleDepth > 0
        // A disclosure button (an accordion's heading) names the panel it opens: its text is
        // read, and that panel, hidden only while collapsed, is content.
        if attributes.togglesPanel, role == .skipped, name == .button { role = .other }
        disclosedPanels.formUnion(attributes.controls)
        // A `<details>`'s `<summary>` is its heading, at the level of the page's other section
        // headings.
        if name == .summary, headingLevel == nil { role = .heading(sectionHeadingLevel) }
        if name == .textarea, let form = frames.lastIndex(where: { $0.role == .form }) { frames[form].holdsTextBox = true }
        // A notebook's code cell (Jupyter's, exported to HTML) is read for what its code made
        // (a table), not for its prompts (`In [2]:`, `Out[2]:`), its code or the text its code
        // printed, each set in a `<pre>`: no prose of the page.
        var opensCodeCell = false
        if name == .div {
            if codeCellDepth > 0 {
                if attributes.classOrID(NotebookHint.namesPrompt) { role = .skipped }
            } else {
                opensCodeCell = attributes.classOrID(NotebookHint.namesCodeCell)
            }
        } else if name == .pre, codeCellDepth > 0 {
            role = .skipped
        }
        if role == .skipped || role == .chrome
            || attributes.hidden && (disclosedPanels.isEmpty || !disclosedPanels.contains(attributes.value(of: "id") ?? "")) {
            skipDepth = 1
            return
        }
        // An image that stands for a word (a grade's badge) reads as its `alt`, as a text browser
        // shows it: a short one outside any link (a logo or a button names its link).
        if name == .img, linkDepth == 0, let alt = attributes.value(of: "alt"), HTMLBlockReader.standsForAWord(alt) {
            Array(" \(alt) ".utf8).withUnsafeBufferPointer { append($0, offset: offset) }
        }
        // Only containers are weighed, so only theirs are read for a hint.
        let hintsChrome = role.isContainer && attributes.classOrID(ChromeHint.matches)
        frames.append(Frame(
            role: role, blockStart: blocks.count, start: lastOffset, hintsChrome: hintsChrome || role == .form,
            isContainer: role.isContainer, isTableElement: isTableElement
        ))
        if name == .blockquote { frames[frames.count - 1].isQuote = true }
        if opensCodeCell {
            frames[frames.count - 1].opensCodeCell = true
            codeCellDepth += 1
        }
        if name == .body || name == .html { frames[frames.count - 1].isPageRoot = true }
        if name == .section {
            frames[frames.count - 1].isSection = true
            sectionDepth += 1
        }
        if role == .table || frames.count >= 2 && frames[frames.count - 2].inTable { frames[frames.count - 1].inTable = true }
        openingFrame = true
        defer { openingFrame = false }
        switch role {
        case .main:
            flush()
            if name == .article || ariaRole == "article" {
                frames[frames.count - 1].isArticle = true
                articleDepth += 1
                if articleDepth == 1 {
                    articleCount += 1
                    currentArticle = articleCount
                }
            } else {
                mainDepth += 1
            }
        case .pageBand:
            if cellBuffer == nil, headingLevel == nil { flush() }
            // A banner or footer of the page is read (its title heading may be wanted) but kept
            // apart; one inside the content is the content's own.
            if !inContent && sectionDepth == 0 || bandDepth > 0 {
                frames[frames.count - 1].role = .block
                frames[frames.count - 1].isArticle = false
                bandDepth += 1
                frames[frames.count - 1].opensBand = true
            }
        case let .heading(level):
            flush()
            headingLevel = level
            if level > 1, name != .summary { sectionHeadingLevel = level }
            bufferStart = lastOffset
            if let count = cellBuffer?.count {
                cellParagraphStarts.append((count, level))
                cellHoldsParagraph = true
            }
        case .row:
            flush()
            cells = []
            rowParagraphs.removeAll(keepingCapacity: true)
            rowHoldsParagraph.removeAll(keepingCapacity: true)
            rowStart = lastOffset
        case .cell:
            if cells == nil {
                flush()
                cells = []
                rowStart = lastOffset
            }
            cellBuffer = []
            cellParagraphStarts.removeAll(keepingCapacity: true)
            cellHoldsParagraph = false
        case .listItem:
            flush()
            inListItem += 1
        case .lineBreak:
            if cellBuffer != nil || headingLevel != nil {
                HTMLBlockReader.space.withUnsafeBufferPointer { append($0, offset: offset) }
            } else {
                flush()
            }
        case .table, .block, .form:
            // A table inside a cell (an email's layout) ends the row around it: what the cell
            // held so far is read before the table, not overwritten by its rows.
            if role == .table, cellBuffer != nil, headingLevel == nil { endRow(lastOffset) }
            if cellBuffer == nil, headingLevel == nil { flush() }
            if role == .table { lastRowLaidOut = false }
            if role == .block, let count = cellBuffer?.count {
                if count > 0 { cellParagraphStarts.append((count, nil)) }
                cellHoldsParagraph = true
            }
        case .link:
            if attributes.hasHref {
                frames[frames.count - 1].links = 1
                linkDepth += 1
                bufferLinks += 1
                if attributes.hrefIsInPage { bufferInPageLinks += 1 }
                if attributes.hrefIsSiteRoot, siteName == nil, siteNameText == nil {
                    siteNameText = []
                    siteNameDepth = linkDepth
                }
            }
        case .bold:
            boldDepth += 1
        case .title:
            titleText = []
        case .skipped, .chrome, .other:
            break
        }
    }

    mutating func endElement(offset: Int) {
        defer { lastOffset = max(lastOffset, offset) }
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard var frame = frames.popLast() else { return }
        if frame.isSection { sectionDepth = max(0, sectionDepth - 1) }
        if frame.opensCodeCell { codeCellDepth -= 1 }
        bufferEnd = max(bufferEnd, offset)
        let closesTable = frame.isTableElement
        defer { if closesTable { tableDepth = max(0, tableDepth - 1) } }
        switch frame.role {
        case .heading:
            if headingLevel != nil, let count = cellBuffer?.count { cellParagraphStarts.append((count, nil)) }
            if let level = headingLevel {
                var text = InlineText.fold(parsed: buffer.span)
                // A permalink's pilcrow after the heading (nbconvert's `anchor-link`, Sphinx's
                // `headerlink`) is no word of it.
                if text.utf8.last == 0xB6, text.hasSuffix("¶") { text = String(text.dropLast().trimming(where: { $0 == " " })) }
                let letters = bufferLetters
                let onlyLinks = bufferLinks > 0 && letters == bufferLinkLetters
                resetBuffer()
                headingLevel = nil
                if !text.isEmpty, !onlyLinks || level == 1 {
                    let block = Block(.heading(level: level), text, span: span(frame.start, offset))
                    if level == 1, firstTitleHeading == nil { firstTitleHeading = (block, blocks.count) }
                    emit(block)
                }
            }
        case .cell:
            if let text = cellBuffer { endCell(text) }
            cellBuffer = nil
        case .row:
            endRow(offset)
        case .table:
            endRow(offset)
            flush()
        case .listItem:
            flush()
            inListItem = max(0, inListItem - 1)
        case .block, .form, .pageBand:
            if cellBuffer == nil, headingLevel == nil { flush() }
        case .main:
            flush()
            if frame.isArticle {
                articleDepth = max(0, articleDepth - 1)
            } else {
                mainDepth = max(0, mainDepth - 1)
            }
        case .link:
            if let text = siteNameText, linkDepth == siteNameDepth {
                let name = InlineText.fold(parsed: text.span)
                if !name.isEmpty { siteName = name }
                siteNameText = nil
            }
            if linkDepth > 0 { linkDepth -= 1 }
        case .bold:
            if boldDepth > 0 { boldDepth -= 1 }
        case .title:
            if let text = titleText { pageTitle = InlineText.fold(parsed: text.span) }
            titleText = nil
        case .lineBreak, .skipped, .chrome, .other:
            break
        }
        if frame.isQuote {
            if cellBuffer == nil, headingLevel == nil { flush() }
            for index in blocks.indices where index >= frame.blockStart { blocks[index].isQuoted = true }
        }
        if frame.opensBand {
            if cellBuffer == nil, headingLevel == nil { flush() }
            bandDepth -= 1
        }
        if frame.isContainer {
            if cellBuffer == nil, headingLevel == nil { flush() }
            if frame.role == .form, frame.holdsTextBox, frame.letters < HTMLBlockReader.formNoteLetters, frame.blockStart <= blocks.count,
                !blocks[frame.blockStart...].contains(where: { $0.headingLevel != nil })
            {
                // A form to write a reply or a message in is the page's control, its few lines
                // (`Your email address will not be published.`) its labels, no heading among
                // them (a page wrapped in a form has its own); the heading right above it in its
                // parent (`Leave a Reply`) names it and goes with it.
                var start = frame.blockStart
                if start > 0, blocks[start - 1].headingLevel != nil, let parent = frames.last, parent.blockStart < start { start -= 1 }
                blocks.removeSubrange(start...)
                places.removeSubrange(start...)
                while let last = containers.last, last.blocks.upperBound > start { containers.removeLast() }
                frame = Frame(role: frame.role, blockStart: start, start: frame.start, hintsChrome: false, isContainer: true)
            } else if isLinkChrome(frame) {
                blocks.removeSubrange(frame.blockStart...)
                places.removeSubrange(frame.blockStart...)
                // The containers inside it went with it.
                while let last = containers.last, last.blocks.upperBound > frame.blockStart { containers.removeLast() }
                let dropped = frame.letters + frame.droppedLinkLetters
                frame = Frame(role: frame.role, blockStart: frame.blockStart, start: frame.start, hintsChrome: false, isContainer: true)
                frame.droppedLinkLetters = dropped
            } else if frame.blockStart < blocks.count, !frame.inTable {
                containers.append((
                    frame.blockStart..<blocks.count, frame.letters, frame.linkLetters, frame.droppedLinkLetters, frame.hintsChrome,
                    frame.score, frame.isPageRoot
                ))
            }
        }
        if !frames.isEmpty {
            frames[frames.count - 1].letters += frame.letters
            frames[frames.count - 1].linkLetters += frame.linkLetters
            frames[frames.count - 1].droppedLinkLetters += frame.droppedLinkLetters
            frames[frames.count - 1].links += frame.links
        }
    }

    mutating func characters(_ text: UnsafeBufferPointer<UInt8>, offset: Int) {
        defer { lastOffset = max(lastOffset, offset) }
        guard skipDepth == 0 else { return }
        if titleText != nil {
            titleText!.append(contentsOf: text)
            return
        }
        if siteNameText != nil { siteNameText!.append(contentsOf: text) }
        append(text, offset: offset)
    }

    /// The text without Word's downlevel-revealed conditionals (`<![if !supportLists]>`,
    /// `<![endif]>`), which the parser passes on as text: markup around a list's bullet.
    /// Whether `text` holds `<![`, looked for by bytes: most blocks hold no `<` at all.
    static func holdsDownlevelConditional(_ text: String) -> Bool {
        text.utf8.span.withUnsafeBufferPointer { bytes in
            var open = bytes.offset(of: UInt8(ascii: "<"), from: 0, to: bytes.count)
            while open + 2 < bytes.count {
                if bytes[open + 1] == UInt8(ascii: "!"), bytes[open + 2] == UInt8(ascii: "[") { return true }
                open = bytes.offset(of: UInt8(ascii: "<"), from: open + 1, to: bytes.count)
            }
            return false
        }
    }

    static func withoutDownlevelConditionals(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<!["), let close = rest[open.upperBound...].range(of: "]>") {
            let inside = rest[open.upperBound..<close.lowerBound]
            result += rest[..<open.lowerBound]
            if !(inside.hasPrefix("if ") || inside == "endif") { result += rest[open.lowerBound..<close.upperBound] }
            rest = rest[close.upperBound...]
        }
        return InlineText.fold(result + rest)
    }

    mutating func finish() {
        endRow(lastOffset)
        flush()
        keepContent()
    }

    /// Keeps the blocks of the page's content (see the type's description).
    private mutating func keepContent() {
        var keep: [Bool]
        if places.contains(where: \.inMain) {
            keep = places.map(\.inMain)
        } else if articleCount > 0 {
            var letters = [Int](repeating: 0, count: articleCount + 1)
            for (block, place) in zip(blocks, places) { letters[place.article] += block.text.utf8.count }
            let best = letters.indices.dropFirst().max { letters[$0] < letters[$1] } ?? 0
            keep = places.map { $0.article == best }
        } else {
            keep = densestContent()
        }
        for index in keep.indices where places[index].inBand { keep[index] = false }
        // The title heading above the content (in the page's banner, say), when the content
        // has none of its own.
        if let title = firstTitleHeading, title.place < blocks.count, blocks[title.place] == title.block, !keep[title.place],
            let first = keep.firstIndex(of: true), title.place < first,
            !zip(blocks, keep).contains(where: { $1 && $0.headingLevel == 1 })
        {
            keep[title.place] = true
        }
        guard keep.contains(false) else { return }
        blocks = zip(blocks, keep).compactMap { $1 ? $0 : nil }
        places = zip(places, keep).compactMap { $1 ? $0 : nil }
    }

    /// For a page without a semantic container, the content found by text density, as
    /// readability and trafilatura score it: each paragraph, list item and table row weighs by
    /// its prose (from 25 bytes on: one, and one per comma or full stop (`prose`), and one per hundred
    /// bytes up to three), less the share of it inside links; a container weighs what its blocks
    /// weigh, less its own share of link text, and a quarter less when its class or id names
    /// chrome (a hint, never the rule). A container of one block is that block, no container
    /// of the content: readability scores a paragraph's parents, never the paragraph (a card
    /// page whose one sentence stands under its table would keep that sentence alone). The
    /// content is the smallest container weighing four fifths of the page's prose; failing one, the container readability's score puts first
    /// (`scoreLastBlock`), when it holds half the prose. The page's opening blocks above it (title, state, date)
    /// are kept when the content has no title heading of its own: a content that opens with its
    /// own `<h1>` leaves what stands above it (a banner's line, a site name) to the chrome.
    /// Every block is kept when no container stands out.
    private func densestContent() -> [Bool] {
        var prose = [Float](repeating: 0, count: blocks.count + 1)
        for index in blocks.indices {
            prose[index + 1] = prose[index] + places[index].prose * (1 - places[index].linkShare)
        }
        let total = prose[blocks.count]
        var best: Range<Int>?
        // A page with less prose than a sentence of a hundred bytes (a grade card of short
        // cells under a one-line subtitle) has none to find its content by: a line would pass
        // for it, and the page after it be dropped.
        if total >= HTMLBlockReader.leastProse {
            for container in containers where container.blocks.count < blocks.count && container.blocks.count > 1 {
                var weight = prose[container.blocks.upperBound] - prose[container.blocks.lowerBound]
                if container.letters > 0 { weight *= 1 - Float(container.linkLetters) / Float(container.letters) }
                if container.hintsChrome { weight *= 0.75 }
                guard weight * 5 >= total * 4 else { continue }
                if best == nil || container.blocks.count < best!.count { best = container.blocks }
            }
        }
        if best == nil, total >= HTMLBlockReader.leastProse {
            // No container holds most of the prose (a short content beside a long footer, say):
            // the one that scores best, when it holds half of it.
            var top: (blocks: Range<Int>, score: Float)?
            for container in containers where container.blocks.count < blocks.count && container.blocks.count > 1 {
                var score = container.score
                if container.letters > 0 { score *= 1 - Float(container.linkLetters) / Float(container.letters) }
                if container.hintsChrome { score *= 0.75 }
                if score > top?.score ?? 0 { top = (container.blocks, score) }
            }
            if let top, (prose[top.blocks.upperBound] - prose[top.blocks.lowerBound]) * 2 >= total { best = top.blocks }
        }
        guard var content = best else { return [Bool](repeating: true, count: blocks.count) }
        content = widenedToWrapper(content, prose: prose)
        let ownTitle = blocks[content].contains { $0.headingLevel == 1 }
        // Above the content, a container mostly of links (a sidebar's heading over its list of
        // related pages, set before the content as a page laid out in a table does, the list
        // itself dropped already) gives no header line.
        var linkBlocks = Set<Int>()
        if !ownTitle {
            for container in containers where container.blocks.upperBound <= content.lowerBound && container.letters > 0 {
                let share = Float(container.linkLetters + container.droppedLinkLetters)
                    / Float(container.letters + container.droppedLinkLetters)
                if share >= 0.5 || container.hintsChrome && share >= 0.25 { linkBlocks.formUnion(container.blocks) }
            }
        }
        return blocks.indices.map { index in
            content.contains(index)
                || !ownTitle && index < content.lowerBound && index < 8 && blocks[index].text.utf8.count <= 160
                && !linkBlocks.contains(index)
        }
    }

    /// The content's wrapper in place of the content when all it adds is link-free and holds
    /// less prose than a quarter of the content's: a box set beside the densest container in
    /// the page's wrapper (a card's extra credit beside its grid of cells) is the content's,
    /// where the page's menus and footer, with their links, stand outside the wrapper. Never
    /// `<body>` (a statement at its level is the page's), nor a wrapper whose class or id
    /// names chrome.
    private func widenedToWrapper(_ content: Range<Int>, prose: [Float]) -> Range<Int> {
        guard let own = containers.first(where: { $0.blocks == content }) else { return content }
        var wrapper: (blocks: Range<Int>, linkLetters: Int, droppedLinkLetters: Int, hintsChrome: Bool)?
        for container in containers
        where container.blocks.count > content.count && !container.isPageRoot
            && container.blocks.lowerBound <= content.lowerBound && container.blocks.upperBound >= content.upperBound
            && container.blocks.count < wrapper?.blocks.count ?? Int.max
        {
            wrapper = (container.blocks, container.linkLetters, container.droppedLinkLetters, container.hintsChrome)
        }
        guard let wrapper, !wrapper.hintsChrome, wrapper.linkLetters == own.linkLetters,
            wrapper.droppedLinkLetters == own.droppedLinkLetters
        else { return content }
        let inside = prose[content.upperBound] - prose[content.lowerBound]
        let added = prose[wrapper.blocks.upperBound] - prose[wrapper.blocks.lowerBound] - inside
        return added * 4 <= inside ? wrapper.blocks : content
    }

    /// The most letters a reply or message form holds as labels and notes; one with more is
    /// read (some sites wrap a whole page in one form).
    private static let formNoteLetters = 400

    /// The prose a page needs for `densestContent` to look for its content: the weight of one
    /// sentence of a hundred bytes (`prose`).
    private static let leastProse: Float = 3

    /// A block's weight as prose (see `densestContent`); headings weigh nothing. A full stop
    /// counts where it ends a sentence or an abbreviation (a space, a line break or a quote
    /// after it, or the text's end), not inside a web address or a number: a line naming a
    /// page's address (`https://web.archive.org/…`) is no prose.
    private static func prose(_ block: Block) -> Float {
        if block.headingLevel != nil { return 0 }
        var text = block.text
        return text.withUTF8 { text in
            guard text.count >= 25 else { return 0 }
            // Summed in a byte over stretches of at most 255 bytes, which the compiler adds
            // sixteen at a time (a sum as wide as `Int` it adds one byte at a time).
            let last = text.count - 1
            var marks = text[last] == UInt8(ascii: ",") || text[last] == UInt8(ascii: ".") ? 1 : 0
            var start = 0
            while start < last {
                let end = Swift.min(last, start + 255)
                var stretchMarks: UInt8 = 0
                for index in start..<end {
                    let byte = text[index]
                    let next = text[index + 1]
                    let endsSentence: UInt8 = (next == 0x20 ? 1 : 0) | (next == 0x0A ? 1 : 0) | (next == UInt8(ascii: "\"") ? 1 : 0)
                    stretchMarks &+= (byte == UInt8(ascii: ",") ? 1 : 0) &+ (byte == UInt8(ascii: ".") ? endsSentence : 0)
                }
                marks += Int(stretchMarks)
                start = end
            }
            return 1 + Float(marks) + min(Float(text.count) / 100, 3)
        }
    }

    /// A container whose text is mostly links: a menu, a list of related links, a footer's
    /// columns. A class or id naming chrome lowers the bar; `main` and `article` are never.
    private func isLinkChrome(_ frame: Frame) -> Bool {
        guard frame.role != .main, frame.letters > 0 else { return false }
        if frame.hintsChrome {
            // The link lists already dropped inside it count as its links (a sidebar's heading
            // and newsletter line left over its list of related pages), while what is left
            // is too short to be a page's content.
            let links = frame.linkLetters + frame.droppedLinkLetters
            guard links > 0 else { return false }
            if frame.links > 0, Double(frame.linkLetters) / Double(frame.letters) > 0.25 { return true }
            return frame.letters - frame.linkLetters < 200 && links * 2 > frame.letters + frame.droppedLinkLetters
        }
        guard frame.links > 0 else { return false }
        let density = Double(frame.linkLetters) / Double(frame.letters)
        return frame.links >= 3 && density > 0.6 && frame.letters - frame.linkLetters < 120
    }

    private mutating func append(_ text: UnsafeBufferPointer<UInt8>, offset: Int) {
        // libxml2 reports text once it has read it: the text ends where the parser stands.
        if bufferStart < 0 { bufferStart = offset >= 0 ? max(0, offset - text.count) : lastOffset }
        bufferEnd = max(bufferEnd, offset)
        let letters = HTMLBlockReader.letters(text)
        bufferLetters += letters
        if boldDepth > 0 { bufferBoldLetters += letters }
        if linkDepth > 0 { bufferLinkLetters += letters }
        if !frames.isEmpty {
            frames[frames.count - 1].letters += letters
            if linkDepth > 0 { frames[frames.count - 1].linkLetters += letters }
        }
        if cellBuffer != nil { cellBuffer!.append(contentsOf: text) } else { buffer.append(contentsOf: text) }
    }

    /// How much text a chunk carries, in bytes; white space alone (between tags) carries none.
    private static func letters(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        for byte in text where !UTF8Text.isASCIIWhitespace(byte) { return text.count }
        return 0
    }

    /// Whether an image's `alt` text is one short word (`B`, `A+`): what the image shows, not a
    /// description of it.
    static func standsForAWord(_ alt: String) -> Bool {
        let word = alt.utf8.drop { UTF8Text.isASCIIWhitespace($0) }.reversed().drop { UTF8Text.isASCIIWhitespace($0) }
        return !word.isEmpty && word.count <= 3 && !word.contains { UTF8Text.isASCIIWhitespace($0) }
    }

    /// A space, for a line break inside a cell or heading.
    private static let space: [UInt8] = [0x20]

    private mutating func endRow(_ offset: Int) {
        if let text = cellBuffer {
            endCell(text)
            cellBuffer = nil
        }
        defer {
            rowParagraphs.removeAll(keepingCapacity: true)
            rowHoldsParagraph.removeAll(keepingCapacity: true)
        }
        if let row = cells, row.contains(where: { !$0.isEmpty }) {
            let layout = layoutRow(row)
            lastRowLaidOut = layout != nil
            if let layout {
                for block in layout {
                    var block = block
                    block.span = span(rowStart, offset)
                    emit(block)
                    scoreLastBlock()
                }
            } else {
                emit(.row(row, span: span(rowStart, offset)))
                scoreLastBlock()
            }
        }
        if cells != nil { resetBuffer() }
        cells = nil
    }

    /// Ends the cell being read: its text, paragraphs set apart by a space.
    private mutating func endCell(_ text: [UInt8]) {
        let paragraphs = cellParagraphs(text)
        cells?.append(paragraphs.isEmpty ? InlineText.fold(parsed: text.span) : paragraphs.map(\.text).joined(separator: " "))
        rowParagraphs.append(paragraphs)
        rowHoldsParagraph.append(cellHoldsParagraph)
        cellHoldsParagraph = false
    }

    /// The paragraphs of a cell's text, folded, when it held two or more; else none.
    private mutating func cellParagraphs(_ text: [UInt8]) -> [(text: String, level: Int?)] {
        defer { cellParagraphStarts.removeAll(keepingCapacity: true) }
        guard !cellParagraphStarts.isEmpty else { return [] }
        if tableDepth == 1, !holdsLayoutTable {
            let headings = cellParagraphStarts.compactMap(\.level)
            holdsLayoutTable = headings.contains { $0 <= 2 } || headings.count >= 2 || cellParagraphStarts.count >= 6
        }
        var paragraphs: [(text: String, level: Int?)] = []
        var start = (offset: 0, level: Int?.none)
        for next in cellParagraphStarts + [(text.count, nil)] where next.offset >= start.offset {
            let paragraph = InlineText.fold(parsed: text[start.offset..<next.offset].span)
            if !paragraph.isEmpty { paragraphs.append((paragraph, start.level)) }
            start = next
        }
        return paragraphs.count >= 2 ? paragraphs : []
    }

    /// A row that lays out text rather than holding data: its last cell holds paragraphs (two
    /// or more, or one in a table whose last row laid out text), and the cell before it, if
    /// any, a short label (`Screening and Assessment | Citation: … The department shall …`, an
    /// email's column of text). The label reads as a heading over the paragraphs; `nil` for
    /// any other row.
    private func layoutRow(_ row: [String]) -> [Block]? {
        guard row.count <= 2, rowParagraphs.count == row.count, let last = row.last, !last.isEmpty else { return nil }
        var paragraphs = rowParagraphs[row.count - 1]
        if paragraphs.isEmpty, lastRowLaidOut, rowHoldsParagraph.last == true { paragraphs = [(last, nil)] }
        guard !paragraphs.isEmpty else { return nil }
        var blocks: [Block] = []
        if row.count == 2, !row[0].isEmpty {
            let label = row[0]
            guard rowParagraphs[0].isEmpty, label.utf8.count <= 80, let end = label.last, !".;,".contains(end) else { return nil }
            blocks.append(Block(.heading(level: 3), label))
        }
        return blocks + paragraphs.map { Block($0.level.map { .heading(level: $0) } ?? .paragraph, $0.text) }
    }

    private mutating func flush() {
        defer { resetBuffer() }
        guard !buffer.isEmpty else { return }
        var text = InlineText.fold(parsed: buffer.span)
        if HTMLBlockReader.holdsDownlevelConditional(text) { text = HTMLBlockReader.withoutDownlevelConditionals(text) }
        guard !text.isEmpty else { return }
        // Links and nothing else (a menu entry, a skip link, Print and Share), or a trail of
        // links between separators (a breadcrumb): the page's chrome, not its content.
        if bufferLinks > 0, bufferLetters == bufferLinkLetters { return }
        if bufferInPageLinks > 0, bufferLetters - bufferLinkLetters < 3 { return }
        if bufferLinks >= 2, HTMLBlockReader.isTrail(text) { return }
        let isBold = bufferLetters > 0 && bufferBoldLetters == bufferLetters
        emit(Block(inListItem > 0 ? .listItem : .paragraph, text, isBold: isBold, span: span(bufferStart, bufferEnd)))
        if bufferLinkLetters > 0 { places[places.count - 1].linkShare = Float(bufferLinkLetters) / Float(max(1, bufferLetters)) }
        scoreLastBlock()
    }

    /// Three or more short parts between `›`, `»`, `>`, `/` or `|`: a breadcrumb trail.
    private static func isTrail(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { "›»>/|".contains($0) })
        return parts.count >= 3 && parts.allSatisfy { $0.utf8.count <= 80 }
    }

    /// Adds the last block's prose to the containers it stands in, as readability does: all of
    /// it to its parent, half to the grandparent, a third of the distance's share further up, up
    /// to five containers.
    private mutating func scoreLastBlock() {
        let prose = places[places.count - 1].prose * (1 - places[places.count - 1].linkShare)
        guard prose > 0 else { return }
        var distance = 0
        var index = frames.count - (openingFrame ? 2 : 1)
        // Looking no further than 64 open elements up keeps deeply nested inline markup linear.
        let stop = max(-1, index - 64)
        while index > stop, distance < 5 {
            if frames[index].isContainer {
                distance += 1
                frames[index].score += prose / (distance == 1 ? 1 : distance == 2 ? 2 : Float(distance * 3))
            }
            index -= 1
        }
    }

    /// Adds the block, taken over rather than copied, and where it stands.
    private mutating func emit(_ block: consuming Block) {
        let place = Place(
            inMain: mainDepth > 0, article: articleDepth > 0 ? currentArticle : 0, inBand: bandDepth > 0,
            prose: HTMLBlockReader.prose(block)
        )
        blocks.append(block)
        places.append(place)
    }

    private mutating func resetBuffer() {
        buffer.removeAll(keepingCapacity: true)
        bufferStart = -1
        bufferEnd = 0
        bufferLetters = 0
        bufferBoldLetters = 0
        bufferLinkLetters = 0
        bufferLinks = 0
        bufferInPageLinks = 0
    }

    private func span(_ start: Int, _ end: Int) -> SourceSpan? {
        guard start >= 0, end >= start else { return nil }
        return .unnumbered(start..<end)
    }
}

/// Class and id words that name a page's chrome. A hint only: a container carrying one is
/// dropped when its text is also link-heavy or short.
enum ChromeHint {
    /// Whether a class or id value names the page's footer: a word `footer`, or one ending in
    /// `-footer` or `_footer` (`site-footer`), in any case.
    static func namesFooter(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let footer: StaticString = "footer"
        let count = footer.utf8CodeUnitCount
        var start = 0
        while start + count <= value.count {
            defer { start += 1 }
            guard start == 0 || value[start - 1] == 0x20 || value[start - 1] == UInt8(ascii: "-") || value[start - 1] == UInt8(ascii: "_"),
                start + count == value.count || value[start + count] == 0x20
            else { continue }
            if (0..<count).allSatisfy({ value[start + $0] | 0x20 == footer.utf8Start[$0] }) { return true }
        }
        return false
    }

    /// Looked for four groups at a time, each group's words anchored on at most four pairs of
    /// bytes (`ByteScan.Words`).
    private static let words: [ByteScan.Words] = [
        ByteScan.Words(["breadcrumb", "skip", "share", "social"]),
        ByteScan.Words(["print", "promo", "related", "sidebar", "banner", "menu"]),
        ByteScan.Words(["nav", "footer", "toolbar", "utility"]),
        ByteScan.Words(["cookie", "subscribe", "newsletter", "masthead"]),
    ]

    /// Whether a `class` or `id` value (in any ASCII case) holds one of the words.
    static func matches(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        words.contains { word in ByteScan.firstWord(word, in: value, from: 0) < value.count }
    }
}

/// Class words of a notebook exported to HTML (Jupyter's nbconvert, classic and JupyterLab
/// templates): a code cell (`jp-CodeCell`, `code_cell`) and, inside it, the prompts before its
/// code and its output (`jp-InputPrompt`, `jp-OutputPrompt`, `input_prompt`, `output_prompt`).
enum NotebookHint {
    private static let codeCell = ByteScan.Words(["codecell", "code_cell"])
    private static let prompt = ByteScan.Words(["prompt"])

    /// Whether a `class` or `id` value (in any ASCII case) names a notebook's code cell.
    static func namesCodeCell(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteScan.firstWord(codeCell, in: value, from: 0) < value.count
    }

    /// Whether a `class` or `id` value (in any ASCII case) names a prompt.
    static func namesPrompt(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteScan.firstWord(prompt, in: value, from: 0) < value.count
    }
}

/// What the block builder does with an element, read once per start tag from its name: the name's
/// bytes, packed into two numbers (`HTMLElementName`), are looked up in a sorted table, rather
/// than hashed into sets and compared as strings.
enum HTMLElementRole: Equatable {
    /// Left out with all it holds: scripts, styles, embedded objects, form controls.
    case skipped
    /// Left out with all it holds, as the page's chrome: navigation, asides.
    case chrome
    /// The page's banner and footer: left out outside the content, read inside it (an article's
    /// own header holds its title and date).
    case pageBand
    /// The content: `main` and `article` (and their ARIA roles).
    case main
    /// A form: read, but dropped unless it holds real text (some sites wrap a whole page in one).
    case form
    case heading(Int)
    case row
    case cell
    case listItem
    case lineBreak
    case table
    /// Ends the paragraph before it and the one inside it.
    case block
    /// A link (`<a>`): its text weighs against the text around it.
    case link
    /// Bold text (`<strong>`, `<b>`).
    case bold
    /// The page's `<title>`.
    case title
    case other

    /// Whether its text and links are weighed as a whole, so a menu or a list of related links
    /// can be dropped at once.
    var isContainer: Bool {
        switch self {
        case .block, .form, .pageBand, .table, .main: true
        default: false
        }
    }

    /// The role an ARIA `role` attribute gives, or `nil` to keep the element's own.
    init?(ariaRole: String) {
        switch ariaRole {
        case "main", "article": self = .main
        case "navigation", "complementary", "search", "banner", "contentinfo", "menu", "menubar", "toolbar": self = .chrome
        // A table built of `<div>`s names its parts by role, as `<table>`, `<tr>` and `<td>` would.
        case "table", "grid", "treegrid": self = .table
        case "row": self = .row
        case "cell", "gridcell", "rowheader", "columnheader": self = .cell
        case "rowgroup": self = .block
        default: return nil
        }
    }

    init(_ name: HTMLElementName) {
        let table = HTMLElementRole.roles
        var low = 0
        var high = table.count
        while low < high {
            let middle = (low + high) / 2
            if table[middle].name < name { low = middle + 1 } else { high = middle }
        }
        self = low < table.count && table[low].name == name ? table[low].role : .other
    }

    /// Every name that is not `.other`, sorted.
    private static let roles: [(name: HTMLElementName, role: HTMLElementRole)] = {
        var roles: [(HTMLElementName, HTMLElementRole)] = [
            ("tr", .row), ("td", .cell), ("th", .cell), ("li", .listItem), ("br", .lineBreak), ("table", .table),
            ("a", .link), ("strong", .bold), ("b", .bold), ("title", .title), ("form", .form),
            ("main", .main), ("article", .main), ("header", .pageBand), ("footer", .pageBand),
            ("nav", .chrome), ("aside", .chrome),
        ]
        roles += ["script", "style", "noscript", "template", "svg", "iframe", "object", "button", "select", "textarea",
                  "input", "label", "dialog"].map { ($0, .skipped) }
        roles += ["p", "div", "section", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd",
                  "thead", "tbody", "tfoot", "caption", "figure", "figcaption", "fieldset", "address",
                  "center", "body", "html", "hr"].map { ($0, .block) }
        roles += (1...6).map { (HTMLElementName("h\($0)"), .heading($0)) }
        return roles.sorted { $0.0 < $1.0 }
    }()
}

/// Collects the text of a text or markdown document whose lines carry stray inline markup
/// (`<b>`, `<u>`, `<br>`, entities): tags go, text and line structure stay. Each piece of text
/// is noted with where it came from, so blocks read from the result can point back to the
/// document. A `<br>` inside a table row (a line with a tab, or in markdown a `|`) is a line
/// break inside a cell: it becomes a space, so the row stays one line.
final class InlineMarkupStripper: HTMLEventHandler {
    private(set) var text = ""
    /// Where the text's pieces start: offsets in `text` and the document offsets they came from.
    private(set) var anchors = OffsetMap()
    private var skipDepth = 0
    private var lastOffset = 0
    /// Whether `|` separates cells (markdown).
    private let pipeTables: Bool
    /// Whether the line being collected holds a cell separator.
    private var lineIsTableRow = false

    init(pipeTables: Bool = false) {
        self.pipeTables = pipeTables
    }

    func startElement(_ name: HTMLElementName, attributes: HTMLAttributes, offset: Int) {
        defer { lastOffset = max(lastOffset, offset) }
        if skipDepth > 0 || name == "script" || name == "style" {
            skipDepth += 1
            return
        }
        switch name {
        case "br" where lineIsTableRow:
            add(" ")
        case "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6":
            add("\n")
            lineIsTableRow = false
        case "td", "th":
            // A tab parts cells: the row's first cell opens the line without one.
            if lineIsTableRow || lineHoldsText { add("\t") }
            lineIsTableRow = true
        default: break
        }
    }

    func endElement(offset: Int) {
        defer { lastOffset = max(lastOffset, offset) }
        if skipDepth > 0 { skipDepth -= 1 }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int) {
        defer { lastOffset = max(lastOffset, offset) }
        guard skipDepth == 0 else { return }
        let chunk = String(decoding: bytes, as: UTF8.self)
        // libxml2 reports text once it has read it: the chunk ends where the parser stands
        // (exactly, unless an entity in it was longer than what it stands for).
        anchors.add(clean: text.utf8.count, source: max(0, offset - chunk.utf8.count))
        text += chunk
        anchors.add(clean: text.utf8.count, source: max(0, offset))
        // Only the part after the chunk's last line feed belongs to the line being collected.
        var separator = false
        for byte in chunk.utf8.reversed() {
            if byte == 0x0A {
                lineIsTableRow = separator
                return
            }
            if byte == 0x09 || pipeTables && byte == UInt8(ascii: "|") { separator = true }
        }
        lineIsTableRow = lineIsTableRow || separator
    }

    /// Whether the line being collected holds anything but white space.
    private var lineHoldsText: Bool {
        for byte in text.utf8.reversed() {
            if byte == 0x0A { return false }
            if byte != 0x20, byte != 0x09, byte != 0x0D { return true }
        }
        return false
    }

    /// Text that stands for a tag (a line break, a cell's tab).
    private func add(_ piece: String) {
        anchors.add(clean: text.utf8.count, source: lastOffset)
        text += piece
    }
}

/// Maps offsets in a cleaned text back to the document it was cleaned from, by anchors: points
/// where both offsets are known, in increasing order. Between anchors the two advance together.
struct OffsetMap: Sendable {
    private var clean: [Int] = []
    private var source: [Int] = []

    /// Notes that the cleaned text at `clean` came from the document at `source`.
    mutating func add(clean: Int, source: Int) {
        if let last = self.clean.last, last == clean {
            self.source[self.source.count - 1] = source
            return
        }
        self.clean.append(clean)
        self.source.append(source)
    }

    /// Adds another map's anchors, its offsets moved by `clean` and `source`.
    mutating func append(_ other: OffsetMap, clean cleanBase: Int, source sourceBase: Int) {
        for (clean, source) in zip(other.clean, other.source) { add(clean: clean + cleanBase, source: source + sourceBase) }
    }

    var isEmpty: Bool { clean.isEmpty }

    /// The document offset of the cleaned text's `offset`.
    func source(of offset: Int) -> Int {
        var low = 0
        var high = clean.count
        while low < high {
            let middle = (low + high) / 2
            if clean[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return offset }
        return source[low - 1] + (offset - clean[low - 1])
    }
}
