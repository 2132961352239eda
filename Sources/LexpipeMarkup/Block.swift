public import LexpipePDF
public import LexpipeRecord

/// What a block of a cleaned document is.
public enum BlockKind: Sendable, Equatable, Hashable {
    /// A heading, level 1 (most important) to 6.
    case heading(level: Int)
    case paragraph
    case listItem
    /// A table row; its cells in order, empty cells kept so columns stay aligned.
    case tableRow(cells: [String])
}

/// Where a block came from in its document, so that a value read from the block can point back
/// to its source: offsets and places, never a copy of the text.
public enum SourceSpan: Sendable, Equatable, Hashable {
    /// A block of a text, markdown or HTML document: its bytes in the document's text as UTF-8
    /// (as ingest decoded it), from its first to past its last (markup around the text included
    /// where the block is an HTML element), and the lines, 1-based, of the first and the last of
    /// those bytes.
    case text(bytes: Range<Int>, lines: ClosedRange<Int>)
    /// A block of a PDF: where it stands, a part per page or column it runs over, in reading
    /// order.
    case pdf([PagePart])

    /// One part of a PDF's block: its 1-based page number and its box on that page.
    public struct PagePart: Sendable, Equatable, Hashable {
        public var page: Int
        public var box: PDFBox

        public init(page: Int, box: PDFBox) {
            self.page = page
            self.box = box
        }
    }

    /// The bytes of a text block; `nil` for a PDF's.
    public var bytes: Range<Int>? {
        if case let .text(bytes, _) = self { return bytes }
        return nil
    }

    /// The lines of a text block; `nil` for a PDF's.
    public var lines: ClosedRange<Int>? {
        if case let .text(_, lines) = self { return lines }
        return nil
    }

    /// The parts of a PDF's block; none for a text block.
    public var pageParts: [PagePart] {
        if case let .pdf(parts) = self { return parts }
        return []
    }

    /// A text block's bytes, its lines numbered once every block of the document is built.
    static func unnumbered(_ bytes: Range<Int>) -> SourceSpan {
        .text(bytes: bytes, lines: 1...1)
    }
}

/// One unit of a cleaned document: markup gone, whitespace folded, quotes straightened.
public struct Block: Sendable, Hashable {
    public var kind: BlockKind
    /// The block's text; a table row's cells joined by tabs.
    public var text: String
    /// Every letter of the block is set in bold (`<strong>`, `<b>`, `**…**`): a short one
    /// reads as a heading however it is marked up.
    public var isBold: Bool
    /// Where the block is in the document (its bytes and lines, or for a PDF its pages and
    /// boxes); `nil` for a block made by hand.
    public var span: SourceSpan?
    /// The block stands inside a quotation (an HTML `<blockquote>`): another document's words
    /// the page quotes. Not compared.
    public var isQuoted = false

    public init(_ kind: BlockKind, _ text: String, isBold: Bool = false, span: SourceSpan? = nil) {
        self.kind = kind
        self.text = text
        self.isBold = isBold
        self.span = span
    }

    /// A table row from its cells.
    public static func row(_ cells: [String], span: SourceSpan? = nil) -> Block {
        Block(.tableRow(cells: cells), cells.joined(separator: "\t"), span: span)
    }

    /// The row's cells, or `nil` for any other block.
    public var cells: [String]? {
        if case let .tableRow(cells) = kind { return cells }
        return nil
    }

    /// The heading level, or `nil` for any other block.
    public var headingLevel: Int? {
        if case let .heading(level) = kind { return level }
        return nil
    }
}

extension Block: Equatable {
    /// Blocks are equal when they read the same (kind, text, bold); where each came from is
    /// not compared, so the same content found at two places, or made by hand, is one block.
    public static func == (lhs: Block, rhs: Block) -> Bool {
        lhs.kind == rhs.kind && lhs.text == rhs.text && lhs.isBold == rhs.isBold
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(text)
        hasher.combine(isBold)
    }
}

/// A document after markup cleanup: its blocks in order.
public struct CleanDocument: Sendable {
    public var blocks: [Block]
    /// What cleanup noticed (page furniture dropped, markup repaired).
    public var warnings: [Diagnostic]
    /// An HTML page's `<title>` (`Title - State | Site`), or the running header most pages of a
    /// PDF conversion open with, whitespace folded: not part of the content, kept as the last
    /// place to look for the title and state.
    public var pageTitle: String?
    /// An HTML page's name for its site (the text of its first link to the site's root, as
    /// `Texas Legislature Online`): the place of last resort for the state.
    public var siteName: String?
    /// The date of an HTML page's last edit as its footer gives it (`This page was last edited
    /// on 2 October 2023`), written `October 2, 2023`: a wiki article's only date, the place of
    /// last resort for the date. Looked for in the page only when asked, as most documents are
    /// dated elsewhere.
    public var lastEdited: String? {
        html.flatMap(MarkupCleaner.lastEditedDate)
    }
    /// An HTML page's source, where `lastEdited` is looked for.
    var html: String?

    public init(blocks: [Block], warnings: [Diagnostic], pageTitle: String? = nil, siteName: String? = nil) {
        self.blocks = blocks
        self.warnings = warnings
        self.pageTitle = pageTitle
        self.siteName = siteName
    }
}

/// The line numbers of byte offsets in a text, found by walking forward from the last offset
/// asked about: blocks come in document order, so numbering all of a document's blocks reads
/// its bytes once. A line ends at LF, CRLF or a lone CR.
struct LineCounter {
    private var offset = 0
    private var line = 1

    /// The 1-based line holding the byte at `target` (clamped to the text); `hasCarriageReturn`
    /// says whether the text holds any CR, else line feeds are found by `memchr`.
    mutating func line(at target: Int, in bytes: UnsafeBufferPointer<UInt8>, hasCarriageReturn: Bool) -> Int {
        let target = min(max(target, 0), bytes.count)
        if target < offset {
            offset = 0
            line = 1
        }
        // Every line feed ends a line, and every carriage return that no line feed follows:
        // both found by `memchr`.
        var feed = offset
        while true {
            feed = bytes.offset(of: 0x0A, from: feed, to: target)
            guard feed < target else { break }
            line += 1
            feed += 1
        }
        if hasCarriageReturn {
            var carriageReturn = offset
            while true {
                carriageReturn = bytes.offset(of: 0x0D, from: carriageReturn, to: target)
                guard carriageReturn < target else { break }
                if carriageReturn + 1 == bytes.count || bytes[carriageReturn + 1] != 0x0A { line += 1 }
                carriageReturn += 1
            }
        }
        offset = target
        return line
    }

    /// Sets each block's lines from its byte range.
    static func number(_ blocks: inout [Block], in text: String) {
        var text = text
        text.withUTF8 { bytes in
            let hasCarriageReturn = bytes.offset(of: 0x0D, from: 0, to: bytes.count) < bytes.count
            var counter = LineCounter()
            for index in blocks.indices {
                guard var bytesRange = blocks[index].span?.bytes else { continue }
                // An HTML block's span opens where the event before it ended: the white space
                // between tags is not the block's.
                var start = min(bytesRange.lowerBound, bytes.count)
                while start < bytesRange.upperBound, start < bytes.count, UTF8Text.isASCIIWhitespace(bytes[start]) { start += 1 }
                bytesRange = start..<max(start, bytesRange.upperBound)
                let first = counter.line(at: bytesRange.lowerBound, in: bytes, hasCarriageReturn: hasCarriageReturn)
                let last = counter.line(
                    at: max(bytesRange.lowerBound, bytesRange.upperBound - 1), in: bytes, hasCarriageReturn: hasCarriageReturn
                )
                blocks[index].span = .text(bytes: bytesRange, lines: first...last)
            }
        }
    }
}
