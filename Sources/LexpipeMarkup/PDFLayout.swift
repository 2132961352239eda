import LexpipeIngest
import LexpipePDF

/// Turns the words of a PDF's pages into blocks, from geometry alone, the way pdfminer's
/// layout analysis does: words into lines by their vertical middle, lines cut into fragments
/// at wide gaps (columns, table cells; a justified line of a column, however wide its spaces,
/// only at the gutter the page's lines leave blank), fragments into boxes by line spacing,
/// indentation and font, boxes that stand side by side at one height into table rows, pages
/// of two columns read column by column, headings from a font larger or bolder than the
/// body's. Running headers and footers go by repetition: a line that recurs in the same band
/// at the top or bottom of most pages (its digits free to differ) is furniture, whatever it
/// says.
struct PDFLayout {
    var dropPageFurniture: Bool

    private(set) var blocks: [Block] = []
    private(set) var droppedFurniture = 0
    /// The running header's top line as the first page that has it gives it, its pieces (set
    /// apart by wide gaps) joined by ` - ` (`Title - State`); `nil` without one.
    private(set) var runningHeader: String?

    init(dropPageFurniture: Bool) {
        self.dropPageFurniture = dropPageFurniture
    }

    /// A line, or a piece of one between wide gaps: its words in order along the line.
    struct Fragment {
        var words: [PDFWord]
        var box: PDFBox
        var fontSize: Double
        var isBold: Bool

        init(_ words: [PDFWord]) {
            self.words = words
            box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
            // The font of most of its characters.
            var sizes: [Double: Int] = [:]
            var bold = 0
            var total = 0
            for word in words {
                sizes[word.fontSize, default: 0] += word.text.unicodeScalars.count
                if word.isBold { bold += word.text.unicodeScalars.count }
                total += word.text.unicodeScalars.count
            }
            fontSize = sizes.max { $0.value < $1.value || $0.value == $1.value && $0.key < $1.key }?.key ?? words[0].fontSize
            isBold = bold * 2 > total
        }

        /// The words joined by single spaces.
        var text: String { words.map(\.text).joined(separator: " ") }
    }

    /// Fragments stacked into a paragraph, a heading or a table cell.
    struct TextBox {
        var lines: [Fragment]
        var box: PDFBox

        /// Whether its first line is indented past the lines around it.
        var startsIndented = false

        init(_ line: Fragment) {
            lines = [line]
            box = line.box
        }

        var fontSize: Double { lines[0].fontSize }
        var isBold: Bool { lines.allSatisfy(\.isBold) }
    }

    /// A unit of a page's reading order: a box, or a table row of boxes side by side (`nil`
    /// where the row has no text in a column of its table).
    private struct Item {
        var cells: [TextBox?]
        var box: PDFBox
        var isRow: Bool { cells.count > 1 }
    }

    /// Reads every page; blocks and their spans in reading order.
    mutating func build(_ text: PDFText) {
        var pages = text.pages.map { page in (page, PDFLayout.fragments(of: page)) }
        if dropPageFurniture {
            let furniture = PDFLayout.furniture(pages)
            runningHeader = PDFLayout.runningHeader(pages, furniture: furniture)
            // The furniture's lines as they read, for the wordmark below.
            var furnitureLines = Set<String>()
            for index in pages.indices {
                let before = pages[index].1.count
                let page = pages[index].0
                pages[index].1.removeAll { fragment in
                    guard furniture.contains(PDFLayout.FurnitureKey(fragment, on: page)) else { return false }
                    furnitureLines.insert(fragment.text)
                    return true
                }
                droppedFurniture += before - pages[index].1.count
            }
            // A footer that does not repeat (a one-page document's, or one whose words change
            // from page to page) is found by where it stands: set apart at the page's foot, on
            // the one page or on most pages (a line there on one page of several is its own).
            let size = PDFLayout.bodySize(pages.flatMap(\.1))
            let footers = pages.map { PDFLayout.footer($0.1, on: $0.0, bodySize: size) }
            if pages.count == 1 || footers.filter({ !$0.isEmpty }).count * 2 > pages.count {
                for index in pages.indices where !footers[index].isEmpty {
                    let fragments = pages[index].1
                    for footer in footers[index] { furnitureLines.insert(fragments[footer].text) }
                    pages[index].1 = fragments.indices.filter { !footers[index].contains($0) }.map { fragments[$0] }
                    droppedFurniture += footers[index].count
                }
            }
            // The publisher's wordmark over the title goes with the furniture that names it.
            if !furnitureLines.isEmpty, let first = pages.firstIndex(where: { !$0.1.isEmpty }) {
                let mark = PDFLayout.wordmark(pages.map(\.1), first: first, furniture: furnitureLines, bodySize: size)
                if !mark.isEmpty {
                    let fragments = pages[first].1
                    pages[first].1 = fragments.indices.filter { !mark.contains($0) }.map { fragments[$0] }
                    droppedFurniture += mark.count
                }
            }
        }
        let bodySize = PDFLayout.bodySize(pages.flatMap(\.1))
        let headingSizes = PDFLayout.headingSizes(pages.flatMap(\.1), bodySize: bodySize)
        // The body's leading, measured over every page: a page of a few lines has it too.
        let leading = PDFLayout.lineGap(pages.map { PDFLayout.topToBottom($0.1) })
        let laidOut = pages.map { page, fragments in (page, PDFLayout.boxes(fragments, leading: leading)) }
        // Where paragraphs start with an indented line, a paragraph whose first line is not
        // indented continues the one before. An indented paragraph has lines under its first
        // (a lone short line set right, as a word of a row of links, indents nothing).
        let indentsParagraphs = laidOut.contains { $0.1.contains(where: { $0.startsIndented && $0.lines.count >= 2 }) }
        // The last paragraph, while the next block may continue it: where it ends and its text
        // before folding (a soft hyphen at its end is folded away).
        var previous: (page: Int, box: PDFBox, fontSize: Double, text: String)?
        for (page, boxes) in laidOut {
            for item in PDFLayout.readingOrder(PDFLayout.items(boxes), page: page) {
                let part = SourceSpan.PagePart(page: page.number, box: item.box)
                if item.isRow {
                    let cells = PDFLayout.cells(item)
                    if cells.contains(where: { !$0.isEmpty }) {
                        blocks.append(.row(cells, span: .pdf([part])))
                    }
                    previous = nil
                    continue
                }
                guard let box = item.cells[0] else { continue }
                let lines = box.lines.map(\.text)
                let kind = PDFLayout.kind(of: box, bodySize: bodySize, headingSizes: headingSizes)
                // A paragraph cut by a column or page break: the reading order moved up the
                // page or to the next one, the font is the same, and the text before the break
                // stops mid-sentence.
                if kind == .paragraph, let last = previous, blocks.last?.kind == .paragraph,
                    last.page != page.number || box.box.top < last.box.top, abs(last.fontSize - box.fontSize) < 0.5,
                    let joined = PDFLayout.continuation(last.text, lines, unindented: indentsParagraphs && !box.startsIndented)
                {
                    blocks[blocks.count - 1] = Block(
                        .paragraph, InlineText.fold(joined), span: .pdf((blocks[blocks.count - 1].span?.pageParts ?? []) + [part])
                    )
                    previous = (page.number, box.box, box.fontSize, joined)
                    continue
                }
                let raw = PDFLayout.joinLines(lines)
                let text = InlineText.fold(raw)
                guard !text.isEmpty else { continue }
                blocks.append(Block(kind, text, span: .pdf([part])))
                previous = kind == .paragraph ? (page.number, box.box, box.fontSize, raw) : nil
            }
        }
    }

    // MARK: Lines and fragments

    /// The page's lines, top to bottom, each cut at gaps wider than a word space, and where the
    /// page is set in columns, at its gutters (a justified line of a column kept whole however
    /// wide it spreads its spaces).
    static func fragments(of page: PDFPage) -> [Fragment] {
        let words = page.words.sorted { $0.box.middle < $1.box.middle || $0.box.middle == $1.box.middle && $0.box.left < $1.box.left }
        var lines: [[PDFWord]] = []
        var middles: [Double] = []
        for word in words {
            // Words whose vertical middles lie within half a line of each other share a line;
            // the lines are in order of their middles, so only the last ones can take a word.
            let tolerance = max(word.box.height, 1) * 0.45
            var matched: Int?
            var index = lines.count - 1
            while index >= 0, middles[index] >= word.box.middle - tolerance * 2 {
                if abs(middles[index] - word.box.middle) <= tolerance {
                    matched = index
                    break
                }
                index -= 1
            }
            if let matched {
                lines[matched].append(word)
            } else {
                lines.append([word])
                middles.append(word.box.middle)
            }
        }
        for index in lines.indices { lines[index].sort { $0.box.left < $1.box.left } }
        var fragments: [Fragment] = []
        // The page's gutters, looked for once a line might be a justified line of a column
        // spread wider than a gap that parts pieces.
        var gutters: [Gutter]?
        for (number, line) in lines.enumerated() {
            guard PDFLayout.hasWideEvenSpaces(line) else {
                PDFLayout.cut(line[...], into: &fragments)
                continue
            }
            if gutters == nil { gutters = PDFLayout.gutters(lines) }
            PDFLayout.cut(line, number: number, gutters: gutters!, into: &fragments)
        }
        return fragments
    }

    /// A line, or a column's part of one, cut into fragments by gaps alone: a gap of one and a
    /// half font sizes parts pieces (columns, table cells) whatever else the line holds; within
    /// a piece, a word space is about a quarter of the font size, and a gap wider than 0.8 of
    /// it parts cells, unless the piece is justified and the gap no wider than its spread spaces.
    static func cut(_ line: ArraySlice<PDFWord>, into fragments: inout [Fragment]) {
        var start = line.startIndex
        for index in line.indices {
            let end = index + 1
            guard end == line.endIndex || line[end].box.left - line[index].box.right > max(line[index].fontSize, line[end].fontSize) * 1.5
            else { continue }
            let piece = line[start..<end]
            let spread = PDFLayout.justifiedSpace(piece)
            var current: [PDFWord] = [piece[start]]
            for word in piece.dropFirst() {
                let gap = word.box.left - current.last!.box.right
                if gap > max(word.fontSize, current.last!.fontSize) * 0.8, gap > spread {
                    fragments.append(Fragment(current))
                    current = []
                }
                current.append(word)
            }
            fragments.append(Fragment(current))
            start = end
        }
    }

    /// The widest space between words a justified line leaves: in a line of four gaps or more,
    /// none narrower than half the font size (words spread to fill the measure) and their median
    /// under one and a half, half as wide again as that median; else 0. Two justified columns
    /// set side by side leave their gutter wider still; a table row's cell gaps stand among the
    /// word spaces of its names, or are wider than a justified space. (Three words spread alike
    /// may be a row of links, `Print  Email  Share`, as well as a loose line of prose.)
    static func justifiedSpace(_ line: ArraySlice<PDFWord>) -> Double {
        guard line.count >= 5 else { return 0 }
        var gaps: [Double] = []
        gaps.reserveCapacity(line.count - 1)
        var size = 0.0
        for (left, right) in zip(line, line.dropFirst()) {
            gaps.append(right.box.left - left.box.right)
            size = max(size, left.fontSize, right.fontSize)
        }
        gaps.sort()
        let median = gaps[gaps.count / 2]
        return gaps[0] >= size * 0.5 && median < size * 1.5 ? median * 1.5 : 0
    }

    // MARK: Page furniture

    /// A fragment's identity for finding running headers and footers: its text with each run
    /// of digits replaced (page 9 and page 10 alike) and case ignored, the band it stands in,
    /// and its height there in steps of 6 pt.
    struct FurnitureKey: Hashable {
        var shape: String
        var top: Bool
        var position: Int

        init(_ fragment: Fragment, on page: PDFPage) {
            var shape = ""
            for character in fragment.text.lowercased() {
                if character.isNumber {
                    if shape.last != "#" { shape.append("#") }
                } else {
                    shape.append(character)
                }
            }
            self.shape = shape
            top = fragment.box.middle < page.height / 2
            // From the nearer edge, so that pages of slightly different heights agree.
            let distance = top ? fragment.box.top : page.height - fragment.box.bottom
            // Boxes come from the file: a position far off any page is one step like another.
            let step = (distance / 6).rounded()
            position = step.isFinite ? Int(max(-1_000_000, min(1_000_000, step))) : 0
        }
    }

    /// Keys of fragments that stand in the top or bottom 15% of at least half the pages (and
    /// of two or more).
    static func furniture(_ pages: [(PDFPage, [Fragment])]) -> Set<FurnitureKey> {
        guard pages.count >= 2 else { return [] }
        var counts: [FurnitureKey: Int] = [:]
        for (page, fragments) in pages {
            var seen = Set<FurnitureKey>()
            for fragment in fragments where fragment.box.bottom <= page.height * 0.15 || fragment.box.top >= page.height * 0.85 {
                let key = FurnitureKey(fragment, on: page)
                // A key counts once a page, and a neighbouring step counts for it too.
                for position in (key.position - 1)...(key.position + 1) {
                    var near = key
                    near.position = position
                    if seen.insert(near).inserted { counts[near, default: 0] += 1 }
                }
            }
        }
        let needed = max(2, (pages.count + 1) / 2)
        return Set(counts.filter { $0.value >= needed }.map(\.key))
    }

    /// The top line of the furniture in the top half of the first page that has some, its
    /// fragments left to right joined by ` - `.
    static func runningHeader(_ pages: [(PDFPage, [Fragment])], furniture: Set<FurnitureKey>) -> String? {
        for (page, fragments) in pages {
            let top = fragments.filter { $0.box.middle < page.height / 2 && furniture.contains(FurnitureKey($0, on: page)) }
            guard let first = top.min(by: { $0.box.top < $1.box.top }) else { continue }
            let line = top.filter { abs($0.box.middle - first.box.middle) <= max(first.box.height, 1) * 0.45 }
            return line.sorted { $0.box.left < $1.box.left }.map(\.text).joined(separator: " - ")
        }
        return nil
    }

    /// Indices of the fragments that are the page's footer by where they stand: one or two
    /// lines in the bottom tenth of the page, set no larger than the body, below a gap of at
    /// least two of their lines' height (and 18 pt) under everything else on the page.
    static func footer(_ fragments: [Fragment], on page: PDFPage, bodySize: Double) -> Set<Int> {
        let band = fragments.indices.filter { fragments[$0].box.top >= page.height * 0.9 && fragments[$0].box.bottom <= page.height }
        guard !band.isEmpty, band.count < fragments.count else { return [] }
        guard band.allSatisfy({ fragments[$0].fontSize <= bodySize + 0.25 }) else { return [] }
        // Its lines, by vertical middle.
        var middles: [Double] = []
        for index in band.sorted(by: { fragments[$0].box.middle < fragments[$1].box.middle }) {
            let fragment = fragments[index]
            if let last = middles.last, abs(last - fragment.box.middle) <= max(fragment.box.height, 1) * 0.45 { continue }
            middles.append(fragment.box.middle)
        }
        guard middles.count <= 2 else { return [] }
        let bandSet = Set(band)
        let footerTop = band.map { fragments[$0].box.top }.min() ?? page.height
        let lineHeight = band.map { fragments[$0].box.height }.max() ?? 0
        let bodyBottom = fragments.indices.filter { !bandSet.contains($0) }.map { fragments[$0].box.bottom }.max() ?? 0
        guard footerTop - bodyBottom >= max(18, lineHeight * 2) else { return [] }
        return bandSet
    }

    /// Indices of the lines of the first page's opening block when it is the publisher's
    /// wordmark, not the title, though it may be set larger: its words are those of a line of
    /// the page furniture (`furniture`), or lead one, or stand alone in one between separators
    /// (`Gateway · site.gov · page 2`), and a title follows it, set larger than the body and
    /// than any line after it. A title the running header repeats, with a section heading
    /// under it, stays (the heading's size recurs); so does a wordmark drawn as an image.
    static func wordmark(_ pages: [[Fragment]], first: Int, furniture: Set<String>, bodySize: Double) -> Set<Int> {
        let fragments = pages[first]
        let order = fragments.indices.sorted {
            fragments[$0].box.top < fragments[$1].box.top || fragments[$0].box.top == fragments[$1].box.top && fragments[$0].box.left < fragments[$1].box.left
        }
        // A block: the lines under its first in its font, each less than a line's height lower.
        func block(from start: Int) -> Range<Int> {
            let head = fragments[order[start]]
            var end = start + 1
            while end < order.count {
                let above = fragments[order[end - 1]]
                let line = fragments[order[end]]
                guard abs(line.fontSize - head.fontSize) < 0.5, line.isBold == head.isBold,
                    line.box.top - above.box.bottom < head.fontSize * 0.6, line.box.top > above.box.middle,
                    line.box.left < above.box.right, line.box.right > above.box.left
                else { break }
                end += 1
            }
            return start..<end
        }
        guard order.count >= 2 else { return [] }
        let mark = block(from: 0)
        guard mark.upperBound < order.count else { return [] }
        let title = block(from: mark.upperBound)
        let titleSize = fragments[order[title.lowerBound]].fontSize
        guard titleSize >= bodySize * 1.15 else { return [] }
        let words = PDFLayout.furnitureWords(order[mark].map { fragments[$0].text }.joined(separator: " "))
        guard words.reduce(0, { $0 + $1.count }) >= 4,
            furniture.contains(where: { PDFLayout.names(words, PDFLayout.furnitureWords($0, keepingSeparators: true)) })
        else { return [] }
        // Nothing after the title is set as large (a section heading under it would be).
        let opening = Set(order[mark.lowerBound..<title.upperBound])
        for (index, page) in pages.enumerated() {
            for (line, fragment) in page.enumerated() where fragment.fontSize > titleSize - 0.25 {
                if index != first || !opening.contains(line) { return [] }
            }
        }
        return Set(order[mark])
    }

    /// The words of a line of text, lower-cased, without the punctuation at their ends; a
    /// separator (`·`, `|`, `•`, a dash standing alone) is an empty word, or left out.
    static func furnitureWords(_ text: String, keepingSeparators: Bool = false) -> [String] {
        var words: [String] = []
        for part in text.lowercased().split(whereSeparator: \.isWhitespace) {
            let word = part.trimming(where: { !$0.isLetter && !$0.isNumber })
            if word.isEmpty {
                if keepingSeparators { words.append("") }
            } else {
                words.append(String(word))
            }
        }
        return words
    }

    /// Whether `words` lead the furniture line `line` (its words with separators as empty
    /// words), or are the whole of one of its pieces between separators.
    static func names(_ words: [String], _ line: [String]) -> Bool {
        if line.lazy.filter({ !$0.isEmpty }).prefix(words.count).elementsEqual(words) { return true }
        return line.split(separator: "", omittingEmptySubsequences: true).contains { $0.elementsEqual(words) }
    }

    // MARK: Fonts

    /// The font size most characters are set in.
    static func bodySize(_ fragments: [Fragment]) -> Double {
        var counts: [Double: Int] = [:]
        for fragment in fragments { counts[(fragment.fontSize * 2).rounded() / 2, default: 0] += fragment.text.count }
        return counts.max { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }?.key ?? 10
    }

    /// The sizes that set headings apart (at least 15% over the body's), largest first: the
    /// first is level 1.
    static func headingSizes(_ fragments: [Fragment], bodySize: Double) -> [Double] {
        Set(fragments.map { ($0.fontSize * 2).rounded() / 2 }.filter { $0 >= bodySize * 1.15 }).sorted(by: >)
    }

    /// A box is a heading when it is set larger than the body, or bold at the body's size and
    /// short; the level ranks its size among the headings' (bold body-size headings come last).
    static func kind(of box: TextBox, bodySize: Double, headingSizes: [Double]) -> BlockKind {
        let size = (box.fontSize * 2).rounded() / 2
        let characters = box.lines.reduce(0) { $0 + $1.text.count }
        if let rank = headingSizes.firstIndex(of: size), box.lines.count <= 3, characters <= 200 {
            return .heading(level: min(rank + 1, 6))
        }
        if box.isBold, box.lines.count <= 2, characters <= 120 {
            return .heading(level: min(headingSizes.count + 1, 6))
        }
        if let first = box.lines.first?.words.first?.text, ["•", "◦", "▪", "●", "-", "–"].contains(first), box.lines[0].words.count > 1 {
            return .listItem
        }
        return .paragraph
    }

    // MARK: Boxes

    /// Fragments stacked into boxes: a fragment joins the box just above it when they overlap
    /// across, the gap between them is less than half a line (or, where the page's lines are
    /// set wider apart, about the gap most of its lines leave) and the font is the same, unless
    /// it is indented (a paragraph's first line).
    static func boxes(_ fragments: [Fragment], leading: (gap: Double, size: Double)? = nil) -> [TextBox] {
        let ordered = topToBottom(fragments)
        let indented = indentedStarts(ordered)
        var boxes: [TextBox] = []
        for (fragment, isIndented) in zip(ordered, indented) {
            let size = fragment.fontSize
            let widest = max(size * 0.5, leading.map { abs($0.size - size) < 0.5 ? $0.gap + size * 0.15 : 0 } ?? 0)
            var best: Int?
            // The box a line continues was among the last few started (one per column or table
            // cell); looking no further keeps a page of many boxes linear.
            for index in boxes.indices.reversed().prefix(200) where !isIndented {
                let last = boxes[index].lines.last!
                let gap = fragment.box.top - last.box.bottom
                guard gap > -size * 0.3, gap < widest else { continue }
                guard fragment.box.left < last.box.right, fragment.box.right > last.box.left else { continue }
                guard abs(last.fontSize - size) < 0.5, last.isBold == fragment.isBold else { continue }
                best = index
                break
            }
            if let best {
                boxes[best].lines.append(fragment)
                boxes[best].box = boxes[best].box.union(fragment.box)
            } else {
                var box = TextBox(fragment)
                box.startsIndented = isIndented
                boxes.append(box)
            }
        }
        return boxes
    }

    /// Fragments by top, then left.
    static func topToBottom(_ fragments: [Fragment]) -> [Fragment] {
        fragments.sorted { $0.box.top < $1.box.top || $0.box.top == $1.box.top && $0.box.left < $1.box.left }
    }

    /// The gap most of the document's lines leave under the line above them (same font size,
    /// overlapping across), with that size, when it is wider than half a font size but under
    /// one (a body set with wide leading) and at least half of the gaps measured (more lines
    /// inside paragraphs than paragraphs); else `nil`.
    static func lineGap(_ pages: [[Fragment]]) -> (gap: Double, size: Double)? {
        var counts: [Double: (count: Int, size: Double)] = [:]
        var measured = 0
        for ordered in pages {
            for (index, fragment) in ordered.enumerated() {
                let size = fragment.fontSize
                guard let above = ordered[max(0, index - 8)..<index].last(where: {
                    abs($0.fontSize - size) < 0.5 && $0.box.left < fragment.box.right && $0.box.right > fragment.box.left
                        && $0.box.bottom <= fragment.box.top + size * 0.3
                }) else { continue }
                let gap = fragment.box.top - above.box.bottom
                guard gap > 0, gap < size * 1.5 else { continue }
                measured += 1
                let key = (gap * 2).rounded() / 2
                counts[key, default: (0, size)].count += 1
            }
        }
        guard let (gap, found) = counts.max(by: { $0.value.count < $1.value.count || $0.value.count == $1.value.count && $0.key > $1.key }),
            found.count >= 4, found.count * 2 >= measured, gap >= found.size * 0.5, gap < found.size
        else { return nil }
        return (gap, found.size)
    }

    /// Whether each fragment starts indented: a little (under four font sizes) right of a left
    /// edge that more lines of the page start at. Columns and table cells start further right.
    static func indentedStarts(_ fragments: [Fragment]) -> [Bool] {
        var lefts: [(left: Double, count: Int)] = []
        for fragment in fragments {
            if let index = lefts.firstIndex(where: { abs($0.left - fragment.box.left) < 1 }) {
                lefts[index].count += 1
            } else {
                lefts.append((fragment.box.left, 1))
            }
        }
        return fragments.map { fragment in
            let own = lefts.first { abs($0.left - fragment.box.left) < 1 }?.count ?? 0
            let size = fragment.fontSize
            return lefts.contains { margin in
                let indent = fragment.box.left - margin.left
                return indent > size * 0.8 && indent <= size * 4 && margin.count > own && margin.count >= 3
            }
        }
    }

    /// Boxes side by side with their tops at one height, three or more of them, make a table
    /// row; so do three or more side by side with their middles at one height (a table whose
    /// cells are centred on the row: a name of one line beside highlights of four); every other
    /// box is an item of its own.
    private static func items(_ boxes: [TextBox]) -> [Item] {
        let ordered = boxes.sorted { $0.box.top < $1.box.top || $0.box.top == $1.box.top && $0.box.left < $1.box.left }
        var items: [Item] = []
        var taken = [Bool](repeating: false, count: ordered.count)
        var index = 0
        while index < ordered.count {
            guard !taken[index] else {
                index += 1
                continue
            }
            let first = ordered[index]
            var end = index + 1
            while end < ordered.count, ordered[end].box.top - first.box.top < first.fontSize * 0.5 { end += 1 }
            var members = (index..<end).filter { !taken[$0] }
            if members.count < 3 {
                let centred = centredRow(from: index, in: ordered, taken: taken)
                if centred.count >= 3 { members = centred }
            }
            let group = members.map { ordered[$0] }.sorted { $0.box.left < $1.box.left }
            let disjoint = zip(group, group.dropFirst()).allSatisfy { $0.box.right <= $1.box.left }
            if group.count >= 3, disjoint {
                items.append(Item(cells: group, box: group.dropFirst().reduce(group[0].box) { $0.union($1.box) }))
                for member in members { taken[member] = true }
            } else {
                let singles = (index..<end).filter { !taken[$0] }.sorted { ordered[$0].box.left < ordered[$1].box.left }
                for member in singles {
                    items.append(Item(cells: [ordered[member]], box: ordered[member].box))
                    taken[member] = true
                }
            }
            index += 1
        }
        return PDFLayout.alignColumns(items)
    }

    /// The boxes (by index in `ordered`, which is by top) that start beside `ordered[start]`,
    /// within its height, with their middles within a font size of its middle, it included;
    /// each box's middle within a font size of the others' as well (one row, not two).
    private static func centredRow(from start: Int, in ordered: [TextBox], taken: [Bool]) -> [Int] {
        let first = ordered[start]
        let middle = (first.box.top + first.box.bottom) / 2
        var members = [start]
        var next = start + 1
        while next < ordered.count, ordered[next].box.top < first.box.bottom {
            let box = ordered[next].box
            if !taken[next], abs((box.top + box.bottom) / 2 - middle) < max(first.fontSize, ordered[next].fontSize) {
                members.append(next)
            }
            next += 1
        }
        return members
    }

    /// The rows of a table, each padded with empty boxes where a column has no text, so that
    /// cells stay in their columns (a grade left blank is an empty cell, not the next one).
    private static func alignColumns(_ items: [Item]) -> [Item] {
        var items = items
        var start = 0
        while start < items.count {
            guard items[start].isRow else {
                start += 1
                continue
            }
            var end = start
            while end < items.count, items[end].isRow { end += 1 }
            // Columns: the left edges of the cells, within a few points of each other.
            var lefts: [Double] = []
            for item in items[start..<end] {
                for case let box? in item.cells where !lefts.contains(where: { abs($0 - box.box.left) < 4 }) {
                    lefts.append(box.box.left)
                }
            }
            lefts.sort()
            for index in start..<end {
                var padded: [TextBox?] = []
                var boxes = items[index].cells.compactMap { $0 }[...]
                for left in lefts {
                    if let box = boxes.first, abs(box.box.left - left) < 4 {
                        padded.append(box)
                        boxes = boxes.dropFirst()
                    } else {
                        padded.append(nil)
                    }
                }
                padded += boxes.map { $0 }
                items[index].cells = padded
            }
            start = end
        }
        return items
    }

    private static func cells(_ item: Item) -> [String] {
        item.cells.map { box in box.map { InlineText.fold(joinLines($0.lines.map(\.text))) } ?? "" }
    }

    // MARK: Reading order

    /// Items in reading order: top to bottom, except on a page of two columns, where the
    /// items between two full-width ones are read left column first.
    private static func readingOrder(_ items: [Item], page: PDFPage) -> [Item] {
        let ordered = items.sorted { $0.box.top < $1.box.top || $0.box.top == $1.box.top && $0.box.left < $1.box.left }
        guard let gutter = gutter(ordered, page: page) else { return ordered }
        var result: [Item] = []
        var left: [Item] = []
        var right: [Item] = []
        func flush() {
            result += left
            result += right
            left.removeAll()
            right.removeAll()
        }
        for item in ordered {
            if item.box.right <= gutter.lowerBound {
                left.append(item)
            } else if item.box.left >= gutter.upperBound {
                right.append(item)
            } else {
                flush()
                result.append(item)
            }
        }
        flush()
        return result
    }

    /// A vertical strip through the middle half of the page that no narrow item crosses, with
    /// narrow items filling a sixth of the page's height (or a third of the text's, if less)
    /// or more on each side: the gutter of a two-column page.
    private static func gutter(_ items: [Item], page: PDFPage) -> ClosedRange<Double>? {
        let narrow = items.filter { !$0.isRow && $0.box.width < page.width * 0.55 }
        guard narrow.count >= 6 else { return nil }
        let spans = narrow.map { ($0.box.left, $0.box.right) }.sorted { $0.0 < $1.0 }
        // On a page the text fills only in part (a one-page document), a third of the height
        // the text takes is enough.
        let textHeight = (items.map(\.box.bottom).max() ?? 0) - (items.map(\.box.top).min() ?? 0)
        let needed = min(page.height / 6, textHeight / 3)
        var reach = spans[0].1
        var candidates = 0
        for span in spans.dropFirst() {
            if span.0 - reach >= 8, reach > page.width * 0.25, span.0 < page.width * 0.75, candidates < 8 {
                candidates += 1
                let strip = reach...span.0
                let leftHeight = narrow.filter { $0.box.right <= strip.lowerBound }.reduce(0) { $0 + $1.box.height }
                let rightHeight = narrow.filter { $0.box.left >= strip.upperBound }.reduce(0) { $0 + $1.box.height }
                if leftHeight >= needed, rightHeight >= needed { return strip }
            }
            reach = max(reach, span.1)
        }
        return nil
    }

    // MARK: Text

    /// Lines joined into one text: a word hyphenated at a line end (a soft hyphen, or a hyphen
    /// after a letter with a lower-case letter next) made whole, other lines joined by a space.
    /// Not yet folded: folding drops a soft hyphen, which may end a page's last line.
    static func joinLines(_ lines: [String]) -> String {
        var out = ""
        for line in lines where !line.isEmpty {
            append(line, to: &out)
        }
        return out
    }

    private static func append(_ line: String, to out: inout String) {
        guard !out.isEmpty else {
            out = line
            return
        }
        if out.unicodeScalars.last == "\u{00AD}" {
            out.unicodeScalars.removeLast()
        } else if out.unicodeScalars.last == "-", out.unicodeScalars.dropLast().last?.properties.isAlphabetic == true,
            line.unicodeScalars.first?.properties.isLowercase == true
        {
            out.unicodeScalars.removeLast()
        } else {
            out += " "
        }
        out += line
    }

    /// The paragraph `text` (not yet folded) run on into `lines` when it stops mid-sentence (no
    /// final `.`, `!`, `?` or `:`, and the next line starts in lower case or the text ends in a
    /// letter, comma, semicolon or hyphen), or when `unindented` says the lines do not start a
    /// paragraph; `nil` when the two are separate paragraphs.
    static func continuation(_ text: String, _ lines: [String], unindented: Bool) -> String? {
        guard let last = text.unicodeScalars.last, let next = lines.first(where: { !$0.isEmpty }) else { return nil }
        if !unindented {
            guard !".!?:".unicodeScalars.contains(last) else { return nil }
            let startsLower = next.unicodeScalars.first?.properties.isLowercase == true
            guard startsLower || last.properties.isAlphabetic || ",;-\u{00AD}".unicodeScalars.contains(last) else { return nil }
        }
        var out = text
        for line in lines where !line.isEmpty { append(line, to: &out) }
        return out
    }
}
