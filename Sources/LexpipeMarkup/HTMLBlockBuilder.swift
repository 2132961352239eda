/// Turns HTML parse events into blocks: headings, paragraphs, list items and table rows,
/// with navigation, page header and footer, scripts and styles left out.
final class HTMLBlockBuilder: HTMLEventHandler {
    private(set) var blocks: [Block] = []

    private static let skipped: Set<String> = [
        "nav", "header", "footer", "script", "style", "noscript", "template", "head", "svg", "iframe", "object",
        "button", "select", "textarea",
    ]
    private static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "aside", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "caption", "figure", "figcaption", "form", "fieldset", "address",
        "center", "body", "html", "hr",
    ]

    private var skipDepth = 0
    private var buffer = ""
    private var inListItem = 0
    private var headingLevel: Int?
    private var cells: [String]?
    private var cellBuffer: String?

    func startElement(_ name: String) {
        if skipDepth > 0 || HTMLBlockBuilder.skipped.contains(name) {
            skipDepth += 1
            return
        }
        if let level = HTMLBlockBuilder.headingLevel(name) {
            flush()
            headingLevel = level
            return
        }
        switch name {
        case "tr":
            flush()
            cells = []
        case "td", "th":
            if cells == nil { flush(); cells = [] }
            cellBuffer = ""
        case "li":
            flush()
            inListItem += 1
        case "br":
            if cellBuffer != nil || headingLevel != nil { append(" ") } else { flush() }
        default:
            if HTMLBlockBuilder.blockElements.contains(name), cellBuffer == nil, headingLevel == nil { flush() }
        }
    }

    func endElement(_ name: String) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if HTMLBlockBuilder.headingLevel(name) != nil, let level = headingLevel {
            let text = InlineText.fold(buffer)
            buffer = ""
            headingLevel = nil
            if !text.isEmpty { blocks.append(Block(.heading(level: level), text)) }
            return
        }
        switch name {
        case "td", "th":
            if let text = cellBuffer { cells?.append(InlineText.fold(text)) }
            cellBuffer = nil
        case "tr":
            endRow()
        case "table":
            endRow()
            flush()
        case "li":
            flush()
            inListItem = max(0, inListItem - 1)
        default:
            if HTMLBlockBuilder.blockElements.contains(name), cellBuffer == nil, headingLevel == nil { flush() }
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

    /// `h1` to `h6`; by bytes, as libxml2's HTML parser reads element names in ASCII only.
    private static func headingLevel(_ name: String) -> Int? {
        let utf8 = name.utf8
        guard utf8.count == 2, utf8.first == UInt8(ascii: "h"), let digit = utf8.last,
            digit >= UInt8(ascii: "1"), digit <= UInt8(ascii: "6")
        else { return nil }
        return Int(digit - UInt8(ascii: "0"))
    }
}

/// Collects the text of a text or markdown document whose lines carry stray inline markup
/// (`<b>`, `<u>`, `<br>`, entities): tags go, text and line structure stay.
final class InlineMarkupStripper: HTMLEventHandler {
    private(set) var text = ""
    private var skipDepth = 0

    func startElement(_ name: String) {
        if skipDepth > 0 || name == "script" || name == "style" {
            skipDepth += 1
            return
        }
        switch name {
        case "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6": text += "\n"
        case "td", "th": text += "\t"
        default: break
        }
    }

    func endElement(_ name: String) {
        if skipDepth > 0 { skipDepth -= 1 }
    }

    func characters(_ chunk: String) {
        if skipDepth == 0 { text += chunk }
    }
}
