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

    /// The blocks of a PDF's text layer, laid out from where its words stand, each with its
    /// page and box.
    public func clean(pdf: PDFText) throws(MarkupError) -> CleanDocument {
        var layout = PDFLayout(dropPageFurniture: dropPageFurniture)
        layout.build(pdf)
        guard !layout.blocks.isEmpty else { throw .noText }
        var warnings: [Diagnostic] = []
        if layout.droppedFurniture > 0 {
            warnings.append(Diagnostic(
                .pageFurniture, .document, "dropped \(layout.droppedFurniture) line(s) of page header, footer or page number"
            ))
        }
        return CleanDocument(blocks: layout.blocks, warnings: warnings, pdfSpans: layout.spans)
    }

    /// The blocks of `text` read as `format`.
    public func clean(text: String, format: DocumentFormat) throws(MarkupError) -> CleanDocument {
        var warnings: [Diagnostic] = []
        let blocks: [Block]
        switch format {
        case .html:
            let builder = HTMLBlockBuilder()
            try HTMLEvents.parse(text, into: builder)
            builder.finish()
            blocks = builder.blocks
        case .pdf:
            // A PDF's text is its text layer, which only `clean(pdf:)` reads.
            throw .noText
        case .text, .markdown:
            let plain = MarkupCleaner.hasInlineMarkup(text.utf8.span) ? try MarkupCleaner.stripInlineMarkup(text) : text
            var builder = TextBlockBuilder(markdown: format == .markdown, dropPageFurniture: dropPageFurniture)
            blocks = builder.build(plain)
            if builder.droppedFurniture > 0 {
                warnings.append(Diagnostic(
                    .pageFurniture, .document, "dropped \(builder.droppedFurniture) line(s) of page header, footer or page number"
                ))
            }
        }
        guard !blocks.isEmpty else { throw .noText }
        return CleanDocument(blocks: blocks, warnings: warnings)
    }

    /// Text with tags and entities removed by libxml2, line structure kept.
    public static func stripInlineMarkup(_ text: String) throws(MarkupError) -> String {
        // Page by page: libxml2 folds form feeds into white space, and the page breaks are
        // what running headers and footers are found by. A form feed is a Character of its
        // own, so its byte is where a page ends.
        var out = ""
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
            if hasInlineMarkup(page.utf8.span) {
                let stripper = InlineMarkupStripper()
                try HTMLEvents.parse(String(page), into: stripper)
                out += stripper.text
            } else {
                out += page
            }
            guard end < utf8.endIndex else { break }
            out += "\u{0C}"
            start = utf8.index(after: end)
        }
        return out
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
