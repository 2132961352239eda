/// Turns HTML parse events into blocks: headings, paragraphs, list items and table rows,
/// with navigation, page header and footer, scripts and styles left out.
final class HTMLBlockBuilder: HTMLEventHandler {
    private(set) var blocks: [Block] = []

    private var skipDepth = 0
    private var buffer = ""
    private var inListItem = 0
    private var headingLevel: Int?
    private var cells: [String]?
    private var cellBuffer: String?

    func startElement(_ name: String) {
        let role = HTMLElementRole(name)
        if skipDepth > 0 || role == .skipped {
            skipDepth += 1
            return
        }
        switch role {
        case let .heading(level):
            flush()
            headingLevel = level
        case .row:
            flush()
            cells = []
        case .cell:
            if cells == nil { flush(); cells = [] }
            cellBuffer = ""
        case .listItem:
            flush()
            inListItem += 1
        case .lineBreak:
            if cellBuffer != nil || headingLevel != nil { append(" ") } else { flush() }
        case .table, .block:
            if cellBuffer == nil, headingLevel == nil { flush() }
        case .skipped, .other:
            break
        }
    }

    func endElement(_ name: String) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        let role = HTMLElementRole(name)
        if case .heading = role, let level = headingLevel {
            let text = InlineText.fold(buffer)
            buffer = ""
            headingLevel = nil
            if !text.isEmpty { blocks.append(Block(.heading(level: level), text)) }
            return
        }
        switch role {
        case .cell:
            if let text = cellBuffer { cells?.append(InlineText.fold(text)) }
            cellBuffer = nil
        case .row:
            endRow()
        case .table:
            endRow()
            flush()
        case .listItem:
            flush()
            inListItem = max(0, inListItem - 1)
        case .block:
            if cellBuffer == nil, headingLevel == nil { flush() }
        case .heading, .lineBreak, .skipped, .other:
            break
        }
    }

    func characters(_ text: String) {
        guard skipDepth == 0 else { return }
        append(text)
    }

    /// Emits what is pending at the end of the document.
    func finish() {
        endRow()
        flush()
    }

    private func append(_ text: String) {
        if cellBuffer != nil { cellBuffer! += text } else { buffer += text }
    }

    private func endRow() {
        if let text = cellBuffer { cells?.append(InlineText.fold(text)); cellBuffer = nil }
        if let row = cells, row.contains(where: { !$0.isEmpty }) { blocks.append(.row(row)) }
        cells = nil
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        let text = InlineText.fold(buffer)
        buffer = ""
        if !text.isEmpty { blocks.append(Block(inListItem > 0 ? .listItem : .paragraph, text)) }
    }
}

/// What the block builder does with an element, read once per event from its name: the names
/// are packed into two numbers (libxml2's HTML parser reports them in lower-case ASCII) and looked
/// up in a sorted table, rather than hashed into sets and compared as strings.
enum HTMLElementRole: Equatable {
    /// Left out with all it holds: navigation, page header and footer, scripts, styles, forms.
    case skipped
    case heading(Int)
    case row
    case cell
    case listItem
    case lineBreak
    case table
    /// Ends the paragraph before it and the one inside it.
    case block
    case other

    init(_ name: String) {
        guard let key = HTMLElementRole.key(name) else {
            self = .other
            return
        }
        let table = HTMLElementRole.roles
        var low = 0
        var high = table.count
        while low < high {
            let middle = (low + high) / 2
            if table[middle].key < key { low = middle + 1 } else { high = middle }
        }
        self = low < table.count && table[low].key == key ? table[low].role : .other
    }

    /// The name's bytes in two numbers (the first eight, then the next eight), first byte
    /// lowest, for names of one to sixteen bytes; longer names have no role.
    private static func key(_ name: String) -> Key? {
        var key = Key(0, 0)
        var count = 0
        for byte in name.utf8 {
            guard count < 16 else { return nil }
            if count < 8 { key.0 |= UInt64(byte) << (8 * count) } else { key.1 |= UInt64(byte) << (8 * (count - 8)) }
            count += 1
        }
        return count > 0 ? key : nil
    }

    private typealias Key = (UInt64, UInt64)

    /// Every name that is not `.other`, sorted by key.
    private static let roles: [(key: Key, role: HTMLElementRole)] = {
        var roles: [(String, HTMLElementRole)] = [
            ("tr", .row), ("td", .cell), ("th", .cell), ("li", .listItem), ("br", .lineBreak), ("table", .table),
        ]
        roles += ["nav", "header", "footer", "script", "style", "noscript", "template", "head", "svg", "iframe", "object",
                  "button", "select", "textarea"].map { ($0, .skipped) }
        roles += ["p", "div", "section", "article", "main", "aside", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd",
                  "thead", "tbody", "tfoot", "caption", "figure", "figcaption", "form", "fieldset", "address",
                  "center", "body", "html", "hr"].map { ($0, .block) }
        roles += (1...6).map { ("h\($0)", .heading($0)) }
        return roles.map { (key($0.0)!, $0.1) }.sorted { $0.key < $1.key }
    }()
}

/// Collects the text of a text or markdown document whose lines carry stray inline markup
/// (`<b>`, `<u>`, `<br>`, entities): tags go, text and line structure stay. A `<br>` inside a
/// table row (a line with a tab, or in markdown a `|`) is a line break inside a cell: it
/// becomes a space, so the row stays one line.
final class InlineMarkupStripper: HTMLEventHandler {
    private(set) var text = ""
    private var skipDepth = 0
    /// Whether `|` separates cells (markdown).
    private let pipeTables: Bool
    /// Whether the line being collected holds a cell separator.
    private var lineIsTableRow = false

    init(pipeTables: Bool = false) {
        self.pipeTables = pipeTables
    }

    func startElement(_ name: String) {
        if skipDepth > 0 || name == "script" || name == "style" {
            skipDepth += 1
            return
        }
        switch name {
        case "br" where lineIsTableRow:
            text += " "
        case "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6":
            text += "\n"
            lineIsTableRow = false
        case "td", "th":
            text += "\t"
            lineIsTableRow = true
        default: break
        }
    }

    func endElement(_ name: String) {
        if skipDepth > 0 { skipDepth -= 1 }
    }

    func characters(_ chunk: String) {
        guard skipDepth == 0 else { return }
        text += chunk
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
}
