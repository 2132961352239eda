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

/// Where a block came from in its document: byte offsets into the document's text as UTF-8
/// (as ingest decoded it) and the lines those bytes are on, so a value read from the block can
/// point back to its source. Offsets, never a copy of the text.
public struct SourceSpan: Sendable, Equatable, Hashable {
    /// The block's bytes, from its first to past its last (markup around the text included
    /// where the block is an HTML element).
    public var bytes: Range<Int>
    /// The lines, 1-based, of the first and the last of those bytes.
    public var lines: ClosedRange<Int>

    public init(bytes: Range<Int>, lines: ClosedRange<Int>) {
        self.bytes = bytes
        self.lines = lines
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
    /// Where the block is in the document; `nil` for a block made by hand.
    public var span: SourceSpan?

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
    /// For a PDF, where each block stands (page and box), one per block; empty for every other
    /// format.
    public var pdfSpans: [PDFSpan]

    public init(blocks: [Block], warnings: [Diagnostic], pageTitle: String? = nil, pdfSpans: [PDFSpan] = []) {
        self.blocks = blocks
        self.warnings = warnings
        self.pageTitle = pageTitle
        self.pdfSpans = pdfSpans
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
        if !hasCarriageReturn {
            while true {
                let feed = bytes.offset(of: 0x0A, from: offset, to: target)
                guard feed < target else { break }
                line += 1
                offset = feed + 1
            }
            offset = target
            return line
        }
        while offset < target {
            let byte = bytes[offset]
            if byte == 0x0A || byte == 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] != 0x0A) { line += 1 }
            offset += 1
        }
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
                blocks[index].span = SourceSpan(bytes: bytesRange, lines: first...last)
            }
        }
    }
}
