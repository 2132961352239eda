public import LexpipeIngest
public import LexpipePDF
public import LexpipeRecord

/// Stage 2: markup cleanup through libxml2. HTML documents become blocks; inline markup left
/// inside text and markdown documents (`<b>`, `<u>`, `<br>`, entities) is parsed away by the
/// same parser, never by pattern matching on tags.
public struct MarkupCleaner: Sendable {
    /// Drop running page headers, footers and page numbers of PDF conversions.
    public var dropPageFurniture: Bool

    public init(dropPageFurniture: Bool = true) {
        self.dropPageFurniture = dropPageFurniture
    }

    /// The document's blocks, in order.
    public func clean(_ document: SourceDocument) throws(MarkupError) -> CleanDocument {
        if let pdf = document.pdf { return try clean(pdf: pdf) }
        return try clean(text: document.text, format: document.format)
    }

    /// The blocks of a PDF's text layer, laid out from where its words stand, each spanning its
    /// pages and boxes.
    public func clean(pdf: PDFText) throws(MarkupError) -> CleanDocument {
        var layout = PDFLayout(dropPageFurniture: dropPageFurniture)
        layout.build(pdf)
        var blocks = layout.blocks
        // A notice set in a column's foot rather than in the footer repeats on no page.
        if dropPageFurniture { blocks.removeAll(where: { $0.kind == .paragraph && PageFurniture.isReproductionNotice($0.text) }) }
        guard !blocks.isEmpty else { throw .noText }
        var warnings: [Diagnostic] = []
        if layout.droppedFurniture > 0 {
            warnings.append(Diagnostic(
                .pageFurniture, .document, "dropped \(layout.droppedFurniture) line(s) of page header, footer or page number"
            ))
        }
        return CleanDocument(blocks: blocks, warnings: warnings, pageTitle: layout.runningHeader)
    }

    /// The date after `last edited on ` (a wiki's footer: `This page was last edited on 2
    /// October 2023, at 17:41`), day, month and year, written `October 2, 2023`.
    static func lastEditedDate(_ text: String) -> String? {
        guard let found = ASCIIText.firstRange(of: "last edited on ", in: text) else { return nil }
        let after = text.utf8.dropFirst(found.upperBound).prefix(40)
        let words = String(decoding: after, as: UTF8.self).split(separator: " ", maxSplits: 3)
        guard words.count >= 3, let day = Int(words[0]), (1...31).contains(day), words[1].allSatisfy(\.isLetter) else { return nil }
        let year = words[2].prefix { $0.isASCII && $0.isNumber }
        guard year.count == 4 else { return nil }
        return "\(words[1]) \(day), \(year)"
    }

    /// The blocks of `text` read as `format`.
    public func clean(text: String, format: DocumentFormat) throws(MarkupError) -> CleanDocument {
        var warnings: [Diagnostic] = []
        var blocks: [Block]
        var pageTitle: String?
        var siteName: String?
        var html: String?
        switch format {
        case .html:
            var builder = HTMLBlockBuilder()
            try HTMLEvents.parse(text, into: builder)
            if builder.holdsLayoutTable {
                // A page laid out in a table: read again with that table's cells as containers.
                builder = HTMLBlockBuilder(layoutTables: true)
                try HTMLEvents.parse(text, into: builder)
            }
            builder.finish()
            blocks = builder.blocks
            pageTitle = builder.pageTitle.flatMap { $0.isEmpty ? nil : $0 }
            siteName = builder.siteName
            html = text
            if dropPageFurniture { blocks.removeAll(where: { PageFurniture.isReproductionNotice($0.text) }) }
        case .pdf:
            // A PDF's text is its text layer, which only `clean(pdf:)` reads.
            throw .noText
        case .text, .markdown:
            let markers = Markers(in: text)
            var text = MarkupCleaner.forwardedText(text)
                ?? (markers.contains(.repliedToMessage) ? MarkupCleaner.withoutRepliedToMessage(text) : nil) ?? text
            if format == .text, let plain = MarkupCleaner.withoutLinkReferences(text) { text = plain }
            if format == .markdown, markers.contains(.slide), let slides = MarkupCleaner.withoutSpeakerNotes(text) { text = slides }
            if format == .markdown, let body = MarkupCleaner.withoutFrontMatter(text) { text = body }
            if format == .markdown, let body = MarkupCleaner.withoutTagLines(text) { text = body }
            if format == .markdown, markers.contains(.noteDefinition), let body = MarkupCleaner.withoutNoteDefinitions(text) { text = body }
            if format == .markdown, markers.contains(.hardBreak), let body = MarkupCleaner.withoutHardBreakMarks(text) { text = body }
            if format == .text, let single = MarkupCleaner.singleSpaced(text) { text = single }
            if format == .text, let body = MarkupCleaner.withoutTableOfContents(text) { text = body }
            if format == .text, let plain = WikiText.plain(text) { text = plain }
            var builder = TextBlockBuilder(markdown: format == .markdown, dropPageFurniture: dropPageFurniture)
            if MarkupCleaner.hasInlineMarkup(text.utf8.span) {
                let (plain, anchors) = try MarkupCleaner.stripInlineMarkupKeepingOffsets(text, pipeTables: format == .markdown)
                blocks = builder.build(plain)
                // The blocks' offsets are in the text without markup: moved back to the document.
                for index in blocks.indices {
                    guard let bytes = blocks[index].span?.bytes else { continue }
                    let start = anchors.source(of: bytes.lowerBound)
                    let end = max(start, anchors.source(of: bytes.upperBound))
                    blocks[index].span = .unnumbered(start..<end)
                }
            } else {
                blocks = builder.build(text)
            }
            pageTitle = builder.runningHeader
            if builder.droppedFurniture > 0 {
                warnings.append(Diagnostic(
                    .pageFurniture, .document, "dropped \(builder.droppedFurniture) line(s) of page header, footer or page number"
                ))
            }
        }
        guard !blocks.isEmpty else { throw .noText }
        LineCounter.number(&blocks, in: text)
        var document = CleanDocument(blocks: blocks, warnings: warnings, pageTitle: pageTitle, siteName: siteName)
        document.html = html
        return document
    }

    /// What the passes over a text or markdown document look for before they copy it, found
    /// in one scan of its bytes: most documents hold none of them. The one place each pass's
    /// marker is written; `clean` scans once for all of them.
    struct Markers: OptionSet {
        let rawValue: UInt8
        /// `-----Original Message-----`: `withoutRepliedToMessage`.
        static let repliedToMessage = Markers(rawValue: 1)
        /// `<!-- Slide number:`: `withoutSpeakerNotes`.
        static let slide = Markers(rawValue: 2)
        /// `[^` opening a line: `withoutNoteDefinitions`.
        static let noteDefinition = Markers(rawValue: 4)
        /// A backslash ending a line: `withoutHardBreakMarks`.
        static let hardBreak = Markers(rawValue: 8)

        init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        /// The markers that stand in `text`, ignoring ASCII case.
        init(in text: String) {
            var found: Markers = []
            var text = text
            text.withUTF8 { bytes in
                var from = 0
                while found != .all {
                    let start = ByteScan.firstWord(Markers.words, in: bytes, from: from)
                    guard start < bytes.count else { break }
                    for (index, marker) in Markers.each.enumerated() where !found.contains(marker) {
                        let pattern = Markers.patterns[index]
                        let count = pattern.utf8CodeUnitCount
                        guard start + count <= bytes.count else { continue }
                        if (0..<count).allSatisfy({ k in
                            let byte = bytes[start + k]
                            return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == pattern.utf8Start[k]
                        }) {
                            found.insert(marker)
                        }
                    }
                    from = start + 1
                }
                // A carriage return before the line feed; such texts are few, so they are looked at
                // again only when they hold a carriage return at all.
                if !found.contains(.hardBreak), bytes.offset(of: 0x0D, from: 0, to: bytes.count) < bytes.count,
                    ASCIIText.firstRange(of: "\\\r\n", in: bytes) != nil
                {
                    found.insert(.hardBreak)
                }
            }
            self = found
        }

        private static let all: Markers = [.repliedToMessage, .slide, .noteDefinition, .hardBreak]
        private static let each: [Markers] = [.repliedToMessage, .slide, .noteDefinition, .hardBreak]
        private static let patterns: [StaticString] = ["-----original message-----", "<!-- slide number:", "\n[^", "\\\n"]
        private static let words = ByteScan.Words(["-----original message-----", "<!-- slide number:", "\n[^", "\\\n"])
    }

    /// Text without the table of contents a converter writes at its top (Calibre's
    /// `--inline-toc`, Org mode's text export): a `Contents` or `Table of Contents` line in the
    /// first 4 KiB, underlined or not, over two or more lines with no blank line between, each
    /// of which (its number, `1.` or `1`, aside) stands again later as a line of its own. The
    /// label and the entries become spaces, line breaks kept, so every offset and line number
    /// stays the document's. `nil` for any other text.
    static func withoutTableOfContents(_ text: String) -> String? {
        // Looked for in the first 4 KiB only: a document's end is never searched.
        var text = text
        guard let hit = text.withUTF8({ ASCIIText.firstRange(of: "contents", in: UnsafeBufferPointer(rebasing: $0.prefix(4096))) }) else {
            return nil
        }
        var bytes = Array(text.utf8)
        func lineEnd(_ start: Int) -> Int { bytes[start...].firstIndex(of: 0x0A) ?? bytes.count }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 || bytes[upper - 1] == 0x0D { upper -= 1 }
            return lower..<upper
        }
        // An entry or a heading without its number: `1. Name`, `1 Name`, `2.3 Name`.
        func entry(_ range: Range<Int>) -> ArraySlice<UInt8> {
            let line = bytes[trimmed(range)]
            let number = line.prefix { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }
            guard !number.isEmpty, number.first != UInt8(ascii: "."), line.dropFirst(number.count).first == 0x20 else { return line }
            return line.dropFirst(number.count).drop { $0 == 0x20 }
        }
        let labelStart = (bytes[..<hit.lowerBound].lastIndex(of: 0x0A) ?? -1) + 1
        let labelLine = labelStart..<lineEnd(labelStart)
        let label = String(decoding: bytes[trimmed(labelLine)], as: UTF8.self).lowercased()
        guard label == "contents" || label == "table of contents" else { return nil }
        var cleared = [labelLine]
        var start = labelLine.upperBound + 1
        // An underline of one mark repeated (`─────`, `-----`), then blank lines.
        if start < bytes.count {
            let next = trimmed(start..<lineEnd(start))
            if next.count >= 3, let first = bytes[next].first, first == UInt8(ascii: "-") || first == UInt8(ascii: "=") || first >= 0x80,
                Set(bytes[next]).count <= 3
            {
                cleared.append(start..<lineEnd(start))
                start = lineEnd(start) + 1
            }
        }
        while start < bytes.count, trimmed(start..<lineEnd(start)).isEmpty { start = lineEnd(start) + 1 }
        var entries: [Range<Int>] = []
        while start < bytes.count, entries.count < 60 {
            let line = start..<lineEnd(start)
            guard !trimmed(line).isEmpty else { break }
            entries.append(line)
            start = line.upperBound + 1
        }
        guard entries.count >= 2 else { return nil }
        var later = Set<ArraySlice<UInt8>>()
        while start < bytes.count {
            let line = start..<lineEnd(start)
            if line.count <= 200 { later.insert(entry(line)) }
            start = line.upperBound + 1
        }
        guard entries.allSatisfy({ later.contains(entry($0)) }) else { return nil }
        for line in cleared + entries {
            for index in line where bytes[index] != 0x0D { bytes[index] = 0x20 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A text browser's dump of a page (`lynx -dump`) without its links' numbers: the text ends
    /// in a `References` line over the list of the page's link addresses, numbered 1, 2, … in
    /// order (`  14. https://…`), and each link's text is marked with its number (`[14]Rev.
    /// Stat.`). The list and the marks of the numbers it lists become spaces, line breaks kept,
    /// so every offset and line number stays the document's. `nil` when the text ends in no
    /// such list.
    static func withoutLinkReferences(_ text: String) -> String? {
        guard endsInNumberedAddress(text) else { return nil }
        var bytes = Array(text.utf8)
        // The heading: the last line that is `References` alone, white space after it aside
        // (a CR, spaces a conversion left at line ends); from the line break before it to past
        // its own.
        var found: Range<Int>?
        var from = 0
        while let word = ASCIIText.firstRange(of: "\nreferences", in: text, from: from) {
            var end = word.upperBound
            while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0D { end += 1 }
            if end < bytes.count, bytes[end] == 0x0A { found = word.lowerBound..<(end + 1) }
            from = word.upperBound
        }
        guard let heading = found else { return nil }
        var count = 0
        var start = heading.upperBound
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            let line = bytes[start..<end].drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 || $0 == 0x0D }.reversed()
            if line.isEmpty { continue }
            let digits = line.prefix { $0 >= 0x30 && $0 <= 0x39 }
            let rest = line.dropFirst(digits.count)
            guard !digits.isEmpty, Int(String(decoding: digits, as: UTF8.self)) == count + 1, rest.starts(with: ". ".utf8),
                rest.count > 2, !rest.dropFirst(2).contains(0x20)
            else { return nil }
            count += 1
        }
        guard count > 0 else { return nil }
        for index in (heading.lowerBound + 1)..<bytes.count where bytes[index] != 0x0A && bytes[index] != 0x0D { bytes[index] = 0x20 }
        var index = 0
        while index < heading.lowerBound {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "[") else { continue }
            var close = index + 1
            while close < heading.lowerBound, close - index <= 6, bytes[close] >= 0x30 && bytes[close] <= 0x39 { close += 1 }
            guard close > index + 1, close < heading.lowerBound, bytes[close] == UInt8(ascii: "]"),
                let number = Int(String(decoding: bytes[(index + 1)..<close], as: UTF8.self)), (1...count).contains(number)
            else { continue }
            for mark in index...close { bytes[mark] = 0x20 }
            if let skip = skipLinkLine(bytes, linkAt: index, linkEnd: close + 1) {
                for byte in skip where bytes[byte] != 0x0D { bytes[byte] = 0x20 }
            } else if let pointer = pointerParagraph(bytes, linkAt: index, before: heading.lowerBound) {
                for byte in pointer where bytes[byte] != 0x0A && bytes[byte] != 0x0D { bytes[byte] = 0x20 }
            }
            index = close
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The line of a page's skip link (`[2]Skip to main content`): the link alone on its line,
    /// its text opening with `Skip to`. The page's navigation, no text of the document (above
    /// the title, it would read as the title). `nil` for any other link.
    private static func skipLinkLine(_ bytes: [UInt8], linkAt mark: Int, linkEnd: Int) -> Range<Int>? {
        let start = bytes[..<mark].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        guard bytes[start..<mark].allSatisfy({ $0 == 0x20 }), linkEnd + 8 <= bytes.count,
            bytes[linkEnd..<(linkEnd + 8)].lazy.map({ $0 | 0x20 }).elementsEqual("skip to ".utf8)
        else { return nil }
        let end = bytes[linkEnd...].firstIndex(of: 0x0A) ?? bytes.count
        return end - linkEnd <= 40 ? start..<end : nil
    }

    /// The paragraph around a link mark at `mark` when it is one sentence telling the reader
    /// to visit the link (`To view the summaries for all States, visit [18]State Statutes
    /// Search.`): the page pointing elsewhere, not the document's text. `nil` otherwise.
    private static func pointerParagraph(_ bytes: [UInt8], linkAt mark: Int, before limit: Int) -> Range<Int>? {
        func isBlank(_ line: Range<Int>) -> Bool { bytes[line].allSatisfy { $0 == 0x20 || $0 == 0x0D } }
        var word = mark
        while word > 0, bytes[word - 1] == 0x20 || bytes[word - 1] == 0x0A || bytes[word - 1] == 0x0D { word -= 1 }
        guard word >= 6, bytes[(word - 5)..<word].lazy.map({ $0 | 0x20 }).elementsEqual("visit".utf8),
            bytes[word - 6] == 0x20 || bytes[word - 6] == 0x0A
        else { return nil }
        // The paragraph: the lines between the blank lines around the mark.
        var start = bytes[..<mark].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        while start > 0 {
            let previous = (bytes[..<(start - 1)].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)..<(start - 1)
            if isBlank(previous) { break }
            start = previous.lowerBound
        }
        var end = bytes[mark..<limit].firstIndex(of: 0x0A) ?? limit
        while end < limit {
            let next = (end + 1)..<(bytes[(end + 1)..<limit].firstIndex(of: 0x0A) ?? limit)
            if isBlank(next) { break }
            end = next.upperBound
        }
        let text = bytes[start..<end]
        guard let last = text.lastIndex(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x0A }), bytes[last] == UInt8(ascii: "."),
            end - start <= 400
        else { return nil }
        // One sentence, the link its end: no period before a space inside, no link after it.
        for index in start..<last where bytes[index] == UInt8(ascii: ".") && (bytes[index + 1] == 0x20 || bytes[index + 1] == 0x0A) {
            return nil
        }
        guard !bytes[(mark + 1)..<last].contains(UInt8(ascii: "[")) else { return nil }
        return start..<end
    }

    /// Whether the text's last line is a numbered address (`  14. https://…`), as the list
    /// of a text browser's link references ends: decided from its last bytes alone.
    private static func endsInNumberedAddress(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D }) else { return false }
        let lineStart = bytes[..<last].lastIndex(of: 0x0A).map { bytes.index(after: $0) } ?? bytes.startIndex
        let line = bytes[lineStart...last].drop { $0 == 0x20 }
        let digits = line.prefix { $0 >= 0x30 && $0 <= 0x39 }
        let rest = line.dropFirst(digits.count)
        return !digits.isEmpty && rest.starts(with: ". ".utf8) && rest.count > 2 && !rest.dropFirst(2).contains(0x20)
    }

    /// A slide deck's markdown (markitdown: each slide opens with `<!-- Slide number: N -->`)
    /// without its speaker notes: a `### Notes:` line and the lines after it up to the next
    /// slide are the presenter's, not the slide's. They become spaces, line breaks kept, so
    /// every offset and line number stays the document's. `nil` for any other text.
    static func withoutSpeakerNotes(_ text: String) -> String? {
        guard Markers(in: text).contains(.slide) else { return nil }
        var bytes = Array(text.utf8)
        var inNotes = false
        var changed = false
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            let line = bytes[start..<end]
            if line.starts(with: "<!-- Slide number:".utf8) {
                inNotes = false
                continue
            }
            if line.starts(with: "### Notes:".utf8) { inNotes = true }
            guard inNotes else { continue }
            for index in start..<end where bytes[index] != 0x0D { bytes[index] = 0x20 }
            changed = true
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// A markdown document without the metadata block that opens it (pandoc's `-s` output,
    /// a note app's or a site generator's front matter): a `---` first line, lines of
    /// `key: value` (a value's list items and wrapped lines indented or after `- `), and a
    /// `---` or `...` line closing it within 100 lines. The block is the file's data, not its
    /// text: the values of `title` and `date` stay where they stand, their quotes taken off, as
    /// a title page would show them; every other byte becomes a space, line breaks kept, so
    /// every offset and line number stays the document's. `nil` when no such block opens it.
    static func withoutFrontMatter(_ text: String) -> String? {
        guard text.utf8.starts(with: "---\n".utf8) || text.utf8.starts(with: "---\r\n".utf8) else { return nil }
        var bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var closing: Int?
        var start = 0
        while start < bytes.count, lines.count <= 100 {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = start..<(end > start && bytes[end - 1] == 0x0D ? end - 1 : end)
            lines.append(line)
            if lines.count > 1, bytes[line].elementsEqual("---".utf8) || bytes[line].elementsEqual("...".utf8) {
                closing = lines.count - 1
                break
            }
            start = end + 1
        }
        guard let closing, closing > 1 else { return nil }
        var keys = 0
        for line in lines[1..<closing] where !line.isEmpty {
            let first = bytes[line.lowerBound]
            if first == 0x20 || first == 0x09 || first == UInt8(ascii: "-") { continue }
            guard let colon = bytes[line].firstIndex(of: UInt8(ascii: ":")),
                bytes[line.lowerBound..<colon].allSatisfy({ isKeyByte($0) })
            else { return nil }
            keys += 1
        }
        guard keys > 0 else { return nil }
        var titleLine: Range<Int>?
        for line in lines[...closing] {
            var keep: Range<Int>?
            if let colon = bytes[line].firstIndex(of: UInt8(ascii: ":")),
                case let key = bytes[line.lowerBound..<colon], key.elementsEqual("title".utf8) || key.elementsEqual("date".utf8)
            {
                var value = (colon + 1)..<line.upperBound
                while let first = value.first, bytes[first] == 0x20 { value = value.dropFirst() }
                while let last = value.last, bytes[last] == 0x20 { value = value.dropLast() }
                if value.count >= 2, let open = value.first, bytes[open] == 0x22 || bytes[open] == 0x27, bytes[value.last!] == bytes[open] {
                    value = value.dropFirst().dropLast()
                }
                keep = value
                if key.first == UInt8(ascii: "t"), !value.isEmpty { titleLine = line }
            }
            for index in line where keep?.contains(index) != true { bytes[index] = 0x20 }
        }
        // The title stands above the body as pandoc sets it, a level-1 heading (`#` where its
        // key was), so that a body whose sections are level-1 headings keeps it as its title;
        // not where the body opens with the same title as its own heading.
        if let titleLine, let value = bytes[titleLine].firstIndex(where: { $0 != 0x20 }) {
            let title = bytes[value..<titleLine.upperBound].reversed().drop { $0 == 0x20 }.reversed()
            var body = lines[closing].upperBound
            while body < bytes.count, bytes[body] == 0x0A || bytes[body] == 0x0D || bytes[body] == 0x20 { body += 1 }
            let heading = bytes[body...].prefix { $0 != 0x0A && $0 != 0x0D }.drop { $0 == UInt8(ascii: "#") || $0 == 0x20 }
            if !heading.elementsEqual(title) { bytes[titleLine.lowerBound] = UInt8(ascii: "#") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Markdown without its notes' definitions (`[^1]: text`, the lines indented under it
    /// going on with it), which pandoc and GitHub set at the end: the notes are the document's
    /// apparatus, not a section's text, as their marks (`[^1]`) are no word of it. They become
    /// spaces, line breaks kept. `nil` when no line opens with `[^`, the text not copied.
    static func withoutNoteDefinitions(_ text: String) -> String? {
        guard Markers(in: text).contains(.noteDefinition) else { return nil }
        var bytes = Array(text.utf8)
        var changed = false
        var inNote = false
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            let line = bytes[start..<end]
            if line.starts(with: "[^".utf8), let close = line.firstIndex(of: UInt8(ascii: "]")), close + 1 < end,
                bytes[close + 1] == UInt8(ascii: ":"), close - start <= 12
            {
                inNote = true
            } else if inNote, let first = line.first, first == 0x20 || first == 0x09 {
                // The note goes on.
            } else if inNote, line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
                continue
            } else {
                inNote = false
                continue
            }
            for index in start..<end where bytes[index] != 0x0D { bytes[index] = 0x20 }
            changed = true
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// Markdown without the backslashes that end lines as hard line breaks (pandoc's mark for a
    /// line break inside a paragraph): the line break is the paragraph's, the mark no text. It
    /// becomes a space. `nil` when no line ends in a backslash, the text not copied.
    static func withoutHardBreakMarks(_ text: String) -> String? {
        guard Markers(in: text).contains(.hardBreak) else { return nil }
        var bytes = Array(text.utf8)
        for index in bytes.indices.dropLast() where bytes[index] == UInt8(ascii: "\\") {
            let next = bytes[index + 1]
            // An escaped backslash (`\\`) ending a line is a backslash, and no mark.
            guard next == 0x0A || next == 0x0D && index + 2 < bytes.count && bytes[index + 2] == 0x0A else { continue }
            var slashes = 0
            var before = index
            while before >= 0, bytes[before] == UInt8(ascii: "\\") { slashes += 1; before -= 1 }
            if slashes % 2 == 1 { bytes[index] = 0x20 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A byte of a metadata key: a letter, a digit, `_` or `-`.
    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// Markdown without its lines of tags (`#report-card #oregon`, as a note app writes a
    /// note's tags): a line whose every word is a `#` run into a letter is no heading (a
    /// heading's marks stand apart from its words) and no text. They become spaces, line breaks
    /// kept. `nil` when no line opens with `#` run into a letter, the text not copied.
    static func withoutTagLines(_ text: String) -> String? {
        func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) }
        // The `#`s are found with memchr: most markdown holds few of them.
        let starts: [Int] = text.utf8.span.withUnsafeBufferPointer { bytes in
            var starts: [Int] = []
            var index = bytes.offset(of: UInt8(ascii: "#"), from: 0, to: bytes.count)
            while index < bytes.count {
                if index + 1 < bytes.count, isLetter(bytes[index + 1]), index == 0 || bytes[index - 1] == 0x0A { starts.append(index) }
                index = bytes.offset(of: UInt8(ascii: "#"), from: index + 1, to: bytes.count)
            }
            return starts
        }
        guard !starts.isEmpty else { return nil }
        var bytes = Array(text.utf8)
        var changed = false
        for start in starts {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var line = start..<end
            while let last = line.last, bytes[last] == 0x0D || bytes[last] == 0x20 { line = line.dropLast() }
            // Every word `#` and a letter first, then letters, digits, `-`, `_` or `/`.
            var index = line.lowerBound
            var isTags = true
            while index < line.upperBound, isTags {
                guard bytes[index] == UInt8(ascii: "#"), index + 1 < line.upperBound, isLetter(bytes[index + 1]) else { isTags = false; break }
                index += 1
                while index < line.upperBound, bytes[index] != 0x20 {
                    let byte = bytes[index]
                    if !(isKeyByte(byte) || byte == UInt8(ascii: "/")) { isTags = false }
                    index += 1
                }
                while index < line.upperBound, bytes[index] == 0x20 { index += 1 }
            }
            guard isTags else { continue }
            for position in line { bytes[position] = 0x20 }
            changed = true
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// The document an e-mail forwards, when `text` ends in a run of lines quoted with `>`
    /// (blank lines allowed) that holds at least half its lines of text: the quote marks and
    /// everything before the run (the e-mail's headers and note) become spaces, line breaks and
    /// form feeds kept, so every offset and line number stays the document's. `nil` otherwise.
    static func forwardedText(_ text: String) -> String? {
        // The run ends the text: without a quoted last line of text there is none, and the text
        // is neither copied nor split into lines.
        guard endsInQuotedLine(text.utf8.span) else { return nil }
        var bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        func isBlank(_ line: Range<Int>) -> Bool { bytes[line].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C } }
        func isQuoted(_ line: Range<Int>) -> Bool { bytes[line].first == UInt8(ascii: ">") }
        var first = lines.count
        while first > 0, isQuoted(lines[first - 1]) || isBlank(lines[first - 1]) { first -= 1 }
        while first < lines.count, !isQuoted(lines[first]) { first += 1 }
        let quoted = lines[first...].filter { isQuoted($0) }.count
        let withText = lines.filter { !isBlank($0) }.count
        guard quoted >= 5, quoted * 2 >= withText else { return nil }
        let runStart = lines[first].lowerBound
        for index in 0..<runStart where bytes[index] != 0x0A && bytes[index] != 0x0C { bytes[index] = 0x20 }
        for line in lines[first...] {
            var index = line.lowerBound
            while index < line.upperBound, bytes[index] == UInt8(ascii: ">") || bytes[index] == 0x20 {
                bytes[index] = 0x20
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An e-mail reply without the message it replies to and the sender's signature above it:
    /// from an `-----Original Message-----` line with a `From:` line under it to the end is the
    /// earlier message, and the paragraph right above that line is a signature when its lines
    /// are short (six words at most), none ends a sentence and one holds a telephone number or
    /// an e-mail address. They become spaces, line breaks kept, so every offset and line number
    /// stays the document's. `nil` when the text holds no such line.
    static func withoutRepliedToMessage(_ text: String) -> String? {
        guard let separator = ASCIIText.firstRange(of: "-----original message-----", in: text) else { return nil }
        var bytes = Array(text.utf8)
        func line(endingBefore end: Int) -> Range<Int> {
            var start = end
            while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
            return start..<end
        }
        func line(startingAt start: Int) -> Range<Int> {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            return start..<end
        }
        func isBlank(_ line: Range<Int>) -> Bool { bytes[line].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        // The separator stands on a line of its own, a `From:` line under it.
        let separatorLine = line(startingAt: line(endingBefore: separator.lowerBound).lowerBound)
        guard isBlank(separatorLine.lowerBound..<separator.lowerBound), isBlank(separator.upperBound..<separatorLine.upperBound),
            separatorLine.upperBound < bytes.count
        else { return nil }
        var next = line(startingAt: separatorLine.upperBound + 1)
        while isBlank(next), next.upperBound < bytes.count { next = line(startingAt: next.upperBound + 1) }
        guard bytes[next].starts(with: "From:".utf8) else { return nil }
        var blankFrom = separatorLine.lowerBound
        // The signature: the paragraph above, its lines short and none a sentence's end.
        var above = separatorLine.lowerBound > 0 ? line(endingBefore: separatorLine.lowerBound - 1) : separatorLine
        while isBlank(above), above.lowerBound > 0 { above = line(endingBefore: above.lowerBound - 1) }
        var signature: [Range<Int>] = []
        while !isBlank(above) {
            signature.append(above)
            guard above.lowerBound > 0 else { break }
            above = line(endingBefore: above.lowerBound - 1)
        }
        let isShort = signature.allSatisfy { line in
            let words = bytes[line].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }).count
            let last = bytes[line].last(where: { $0 != 0x20 && $0 != 0x0D })
            return words <= 6 && last != UInt8(ascii: ".") && last != UInt8(ascii: ":")
        }
        let holdsContact = signature.contains { line in
            bytes[line].contains(UInt8(ascii: "@")) || bytes[line].filter({ (0x30...0x39).contains($0) }).count >= 10
        }
        if !signature.isEmpty, signature.count <= 6, isShort, holdsContact, let first = signature.last {
            blankFrom = first.lowerBound
        }
        for index in blankFrom..<bytes.count where bytes[index] != 0x0A && bytes[index] != 0x0C { bytes[index] = 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the last line that is not blank (spaces, tabs, carriage returns and form feeds
    /// only) opens with `>`.
    private static func endsInQuotedLine(_ bytes: Span<UInt8>) -> Bool {
        var end = bytes.count
        while end > 0 {
            var start = end
            while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
            for index in start..<end where !(bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0C) {
                return bytes[start] == UInt8(ascii: ">")
            }
            end = start - 1
        }
        return false
    }

    /// `text` single-spaced, when a converter set a blank line after every line (Apache Tika):
    /// at least twelve lines of text, none directly above another and nine in ten followed by
    /// one blank line, which then marks no paragraph: a wrapped line is joined to the next by
    /// making its break a space, so offsets and line numbers stay the document's. When the
    /// conversion doubled the spacing of text that had blank lines between paragraphs, one blank
    /// line follows most lines and a longer run follows the paragraphs' last lines: then every
    /// single blank line is a line break and the longer runs part blocks. `nil` otherwise.
    static func singleSpaced(_ text: String) -> String? {
        // Decided on the text's bytes as they are: only a text that passes is copied to be
        // rewritten. Line feeds are rare bytes, found with memchr.
        let counted = text.utf8.span.withUnsafeBufferPointer { bytes -> (breaks: [Int], lines: Int, spaced: Int)? in
            var breaks: [Int] = []
            var found = bytes.offset(of: 0x0A, from: 0, to: bytes.count)
            while found < bytes.count {
                breaks.append(found)
                found = bytes.offset(of: 0x0A, from: found + 1, to: bytes.count)
            }
            guard breaks.count >= 24 else { return nil }
            var lines = 0
            var adjacent = 0
            var spaced = 0
            var lineStart = 0
            for (position, end) in breaks.enumerated() {
                defer { lineStart = end + 1 }
                let isText = bytes[lineStart..<end].contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0C }
                guard isText else { continue }
                lines += 1
                guard position + 1 < breaks.count else { continue }
                let next = (end + 1)..<breaks[position + 1]
                let nextIsBlank = bytes[next].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if !nextIsBlank {
                    adjacent += 1
                    // Each line still to come adds at most one line of text: once that cannot
                    // bring the lines set directly above another under one in twenty, none will.
                    if adjacent * 20 > lines + (breaks.count - 1 - position) { return nil }
                } else if position + 2 < breaks.count,
                    bytes[(breaks[position + 1] + 1)..<breaks[position + 2]].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0C })
                {
                    spaced += 1
                }
            }
            guard lines >= 12, adjacent * 20 <= lines else { return nil }
            return (breaks, lines, spaced)
        }
        guard let (breaks, lines, spaced) = counted else { return nil }
        var bytes = Array(text.utf8)
        if spaced * 10 < lines * 9 - 10 {
            return doubleSpaced(&bytes, breaks: breaks, lines: lines, spaced: spaced)
        }
        // A line wrapped in a paragraph (no sentence or label ends it, the next line opens in
        // lower case) is joined to the next: its break becomes a space, the blank line's break
        // ends the joined line. Other blank lines still part blocks.
        var lineStart = 0
        for (position, end) in breaks.enumerated() {
            defer { lineStart = end + 1 }
            guard position + 2 < breaks.count,
                bytes[lineStart..<end].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0C }),
                bytes[(end + 1)..<breaks[position + 1]].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }),
                let last = bytes[lineStart..<end].lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }),
                !".:;!?".utf8.contains(bytes[last]),
                let next = bytes[(breaks[position + 1] + 1)..<breaks[position + 2]].first(where: { $0 != 0x20 && $0 != 0x09 }),
                next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")
            else { continue }
            joinLine(&bytes, endingAt: end, from: lineStart)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A doubled spacing that still tells paragraphs apart: a tenth of the lines of text or more
    /// are followed by two blank lines or more, and either a third by exactly one, or (a short
    /// document, whose paragraphs are few lines) two or more are, two in three of them ending in
    /// a word or a comma over a line opening in lower case, as only a wrap parts a sentence. The
    /// lines followed by one blank line look wrapped (none over 150 bytes, half of them or more
    /// ending no sentence): unwrapped paragraphs parted by one blank line are not lines of one.
    /// Each line followed by one blank line is joined to the next (its break a space); the blank
    /// line's break then ends the joined line. A page's first line (a form feed before it) is
    /// joined too, but not to a web address alone on its line: that is a running header over
    /// the publisher's address.
    private static func doubleSpaced(_ bytes: inout [UInt8], breaks: [Int], lines: Int, spaced: Int) -> String? {
        func isBlank(_ range: Range<Int>) -> Bool { bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        func text(_ range: Range<Int>) -> Range<Int> {
            let start = bytes[range].firstIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0C } ?? range.upperBound
            return start..<range.upperBound
        }
        var longer = 0
        var lineStart = 0
        var joins: [(end: Int, start: Int, next: Range<Int>)] = []
        for (position, end) in breaks.enumerated() {
            defer { lineStart = end + 1 }
            // A form feed may only open the line: one after its text ends a page there.
            guard !isBlank(lineStart..<end), !bytes[text(lineStart..<end)].contains(0x0C) else { continue }
            var run = 0
            var next = position + 1
            while next < breaks.count, isBlank((breaks[next - 1] + 1)..<breaks[next]) {
                run += 1
                next += 1
            }
            if run >= 2 { longer += 1 }
            let nextLine = (breaks[next - 1] + 1)..<(next < breaks.count ? breaks[next] : bytes.count)
            guard run == 1, next < breaks.count, !bytes[nextLine].contains(0x0C) else { continue }
            if bytes[lineStart..<end].contains(0x0C), InlineText.isBareWebAddress(bytes[nextLine].span) { continue }
            joins.append((end, lineStart, text(nextLine)))
        }
        guard longer * 10 >= lines else { return nil }
        var widest = 0
        var open = 0
        var wraps = 0
        for join in joins {
            let last = bytes[join.start..<join.end].lastIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D } ?? join.start
            widest = max(widest, last - join.start + 1)
            if !".!?;\"".utf8.contains(bytes[last]) { open += 1 }
            if let first = join.next.first.map({ bytes[$0] }), first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z"),
                bytes[last] == UInt8(ascii: ",") || bytes[last] == UInt8(ascii: "-") || bytes[last] >= 0x80
                    || (bytes[last] | 0x20) >= UInt8(ascii: "a") && (bytes[last] | 0x20) <= UInt8(ascii: "z")
            {
                wraps += 1
            }
        }
        guard spaced * 3 >= lines || wraps >= 2 && wraps * 3 >= joins.count * 2 else { return nil }
        guard widest <= 150, open * 2 >= joins.count else { return nil }
        for join in joins { joinLine(&bytes, endingAt: join.end, from: join.start) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Joins the line from `start` whose line feed is at `end` to the line after the blank line
    /// that follows it: its break (a carriage return before it too) becomes a space.
    private static func joinLine(_ bytes: inout [UInt8], endingAt end: Int, from start: Int) {
        bytes[end] = 0x20
        if end > start, bytes[end - 1] == 0x0D { bytes[end - 1] = 0x20 }
    }

    /// Text with tags and entities removed by libxml2, line structure kept; a `<br>` inside a
    /// table row (tab-separated, or with `pipeTables` a markdown pipe-table row) keeps the row
    /// on one line.
    public static func stripInlineMarkup(_ text: String, pipeTables: Bool = false) throws(MarkupError) -> String {
        try stripInlineMarkupKeepingOffsets(text, pipeTables: pipeTables).text
    }

    /// `stripInlineMarkup`, and where each piece of the result came from in `text`.
    static func stripInlineMarkupKeepingOffsets(
        _ text: String, pipeTables: Bool = false
    ) throws(MarkupError) -> (text: String, anchors: OffsetMap) {
        // Page by page: libxml2 folds form feeds into white space, and the page breaks are
        // what running headers and footers are found by. A form feed is a Character of its
        // own, so its byte is where a page ends.
        var out = ""
        var anchors = OffsetMap()
        out.reserveCapacity(text.utf8.count)
        var text = text
        let pageEnds = text.withUTF8 { bytes in
            var ends: [Int] = []
            var offset = 0
            repeat {
                offset = bytes.offset(of: 0x0C, from: offset, to: bytes.count)
                ends.append(offset)
                offset += 1
            } while offset <= bytes.count
            return ends
        }
        let utf8 = text.utf8
        var start = utf8.startIndex
        for pageEnd in pageEnds {
            let end = utf8.index(utf8.startIndex, offsetBy: pageEnd)
            let page = text[start..<end]
            let pageOffset = utf8.distance(from: utf8.startIndex, to: start)
            anchors.add(clean: out.utf8.count, source: pageOffset)
            if hasInlineMarkup(page.utf8.span) {
                let stripper = InlineMarkupStripper(pipeTables: pipeTables)
                try HTMLEvents.parse(String(page), into: stripper)
                anchors.append(stripper.anchors, clean: out.utf8.count, source: pageOffset)
                out += stripper.text
            } else {
                out += page
            }
            guard end < utf8.endIndex else { break }
            anchors.add(clean: out.utf8.count, source: pageEnd)
            out += "\u{0C}"
            start = utf8.index(after: end)
        }
        return (out, anchors)
    }

    /// Whether any `<tag`, `</tag` or `&entity;` could be present.
    static func hasInlineMarkup(_ bytes: Span<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            // Both bytes are rare in text: memchr finds them.
            guard bytes.offset(of: UInt8(ascii: "&"), from: 0, to: bytes.count) == bytes.count else { return true }
            var index = bytes.offset(of: UInt8(ascii: "<"), from: 0, to: bytes.count)
            while index + 1 < bytes.count {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z") {
                    return true
                }
                index = bytes.offset(of: UInt8(ascii: "<"), from: index + 1, to: bytes.count)
            }
            return false
        }
    }
}
