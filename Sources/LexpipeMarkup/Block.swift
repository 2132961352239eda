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

/// One unit of a cleaned document: markup gone, whitespace folded, quotes straightened.
public struct Block: Sendable, Equatable, Hashable {
    public var kind: BlockKind
    /// The block's text; a table row's cells joined by tabs.
    public var text: String

    public init(_ kind: BlockKind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// A table row from its cells.
    public static func row(_ cells: [String]) -> Block {
        Block(.tableRow(cells: cells), cells.joined(separator: "\t"))
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

/// A document after markup cleanup: its blocks in order.
public struct CleanDocument: Sendable {
    public var blocks: [Block]
    /// What cleanup noticed (page furniture dropped, markup repaired).
    public var warnings: [Diagnostic]
    /// For a PDF, where each block stands (page and box), one per block; empty for every other
    /// format.
    public var pdfSpans: [PDFSpan]

    public init(blocks: [Block], warnings: [Diagnostic], pdfSpans: [PDFSpan] = []) {
        self.blocks = blocks
        self.warnings = warnings
        self.pdfSpans = pdfSpans
    }
}
