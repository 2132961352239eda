internal import CPoppler

/// Reads a PDF's text layer through poppler-glib into Swift values.
///
/// Every poppler object of a document lives inside one call of `read`: the document, its pages
/// and the strings and lists they return are copied into `PDFText` and released there, so no C
/// pointer outlives the call and no poppler object is ever seen by two tasks. poppler's global
/// state is set up under its own lock when a document is opened, so documents may be read
/// concurrently.
public enum PDFReader {
    /// The one poppler object that outlives a call: an empty document, opened once and never
    /// read. poppler builds its global parameters when a document opens while none is open and
    /// tears them down when the last one closes, 6-14 ms each time here; while this one stays
    /// open they are built once per process.
    private static let anchor = GlobalParametersAnchor()

    /// Holds the empty document for the life of the process.
    ///
    /// `@unchecked Sendable`: the pointer is written once, in `init` (run once, under the
    /// static's lazy initialization), and never read afterwards: no task ever hands it to
    /// poppler, so sharing the reference shares nothing mutable.
    private final class GlobalParametersAnchor: @unchecked Sendable {
        private let document: OpaquePointer?

        init() {
            let bytes = PDFReader.emptyDocument()
            document = bytes.withUnsafeBufferPointer { buffer in
                // `g_bytes_new` copies the bytes; the document keeps its reference to them.
                guard let data = g_bytes_new(buffer.baseAddress, gsize(buffer.count)) else { return nil }
                defer { g_bytes_unref(data) }
                return poppler_document_new_from_bytes(data, nil, nil)
            }
        }
    }

    /// A valid PDF of one empty page.
    static func emptyDocument() -> [UInt8] {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
        ]
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            let digits = String(offset)
            out += Array((String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// Whether the bytes are a PDF: they start with `%PDF-`, or hold it within the first 1024
    /// bytes (where readers look for it) after binary bytes some writers put before it. A text
    /// that merely mentions `%PDF-` stays text.
    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        let marker: [UInt8] = Array("%PDF-".utf8)
        if bytes.starts(with: marker) { return true }
        let head = bytes.prefix(1024)
        var index = head.startIndex
        while let found = head[index...].firstIndex(of: marker[0]) {
            if head[found...].starts(with: marker) {
                return head[..<found].contains { $0 < 0x09 || $0 >= 0x0E && $0 < 0x20 && $0 != 0x1B }
            }
            index = found + 1
        }
        return false
    }

    /// The page count of a PDF, after the same checks as `read` up to the page limit.
    public static func pageCount(_ bytes: [UInt8]) throws(PDFError) -> Int {
        try withDocument(bytes) { document in
            .success(Int(poppler_document_get_n_pages(document)))
        }.get()
    }

    /// The text layer of a PDF of at most `maxPages` pages.
    public static func read(_ bytes: [UInt8], maxPages: Int) throws(PDFError) -> PDFText {
        try withDocument(bytes) { document -> Result<PDFText, PDFError> in
            let count = Int(poppler_document_get_n_pages(document))
            guard count > 0 else { return .failure(.noPages) }
            guard count <= maxPages else { return .failure(.tooManyPages(count: count, limit: maxPages)) }
            var pages: [PDFPage] = []
            pages.reserveCapacity(count)
            for index in 0..<count {
                guard let page = poppler_document_get_page(document, Int32(index)) else {
                    return .failure(.damaged("page \(index + 1) cannot be read"))
                }
                defer { g_object_unref(UnsafeMutableRawPointer(page)) }
                pages.append(readPage(page, number: index + 1))
            }
            guard pages.contains(where: { !$0.words.isEmpty }) else { return .failure(.noTextLayer(pages: count)) }
            return .success(PDFText(pages: pages))
        }.get()
    }

    /// Opens the document over the bytes in place (poppler copies nothing) and hands it to
    /// `body`; the document is released before the bytes' buffer is.
    private static func withDocument<T>(
        _ bytes: [UInt8], _ body: (OpaquePointer) -> Result<T, PDFError>
    ) -> Result<T, PDFError> {
        guard !bytes.isEmpty else { return .failure(.damaged("empty file")) }
        _ = anchor
        return bytes.withUnsafeBufferPointer { buffer in
            guard let data = g_bytes_new_static(buffer.baseAddress, gsize(buffer.count)) else {
                return .failure(.damaged("cannot wrap the bytes"))
            }
            defer { g_bytes_unref(data) }
            var error: UnsafeMutablePointer<GError>?
            guard let document = poppler_document_new_from_bytes(data, nil, &error) else {
                defer { if error != nil { g_error_free(error) } }
                guard let error else { return .failure(.damaged("poppler gave no reason")) }
                if error.pointee.domain == poppler_error_quark(), error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                    return .failure(.encrypted)
                }
                let message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
                return .failure(.damaged(message))
            }
            defer { g_object_unref(UnsafeMutableRawPointer(document)) }
            return body(document)
        }
    }

    /// One run of text set in one font, as character offsets into the page's text.
    private struct FontRun {
        var start: Int
        var end: Int
        var size: Double
        var isBold: Bool
    }

    /// The page's words: its text cut at white space (and where a character jumps to another
    /// line or far along one), each word's box the union of its characters' boxes.
    private static func readPage(_ page: OpaquePointer, number: Int) -> PDFPage {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard let textPointer = poppler_page_get_text(page) else {
            return PDFPage(number: number, width: width, height: height, words: [])
        }
        defer { g_free(textPointer) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var rectangleCount: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &rectangleCount) != 0, let rectangles else {
            return PDFPage(number: number, width: width, height: height, words: [])
        }
        defer { g_free(rectangles) }
        let attributes = poppler_page_get_text_attributes(page)
        defer { poppler_page_free_text_attributes(attributes) }
        var runs: [FontRun] = []
        var node = attributes
        while let current = node {
            if let data = current.pointee.data {
                let attribute = data.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let name = attribute.font_name.map { String(cString: $0) } ?? ""
                runs.append(FontRun(
                    start: Int(attribute.start_index), end: Int(attribute.end_index), size: attribute.font_size,
                    isBold: isBoldFace(name)
                ))
            }
            node = current.pointee.next
        }
        let text = String(cString: textPointer)
        var words: [PDFWord] = []
        var scalars = String.UnicodeScalarView()
        var box: PDFBox?
        var firstIndex = 0
        var runIndex = 0
        func finish() {
            guard let wordBox = box, !scalars.isEmpty else {
                scalars.removeAll()
                box = nil
                return
            }
            while runIndex + 1 < runs.count, runs[runIndex].end < firstIndex { runIndex += 1 }
            let run = runs.indices.contains(runIndex) && runs[runIndex].start <= firstIndex ? runs[runIndex] : nil
            let size = run.map(\.size).flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? wordBox.height
            words.append(PDFWord(text: String(scalars), box: wordBox, fontSize: size, isBold: run?.isBold ?? false))
            scalars.removeAll()
            box = nil
        }
        for (index, scalar) in text.unicodeScalars.enumerated() {
            guard index < Int(rectangleCount) else { break }
            if scalar.properties.isWhitespace && scalar != "\u{00A0}" || scalar.value < 0x20 {
                finish()
                continue
            }
            let rectangle = rectangles[index]
            // A box poppler could not place (a broken font matrix) says nothing about layout.
            guard rectangle.x1.isFinite, rectangle.x2.isFinite, rectangle.y1.isFinite, rectangle.y2.isFinite else {
                finish()
                continue
            }
            let characterBox = PDFBox(
                left: min(rectangle.x1, rectangle.x2), top: min(rectangle.y1, rectangle.y2),
                right: max(rectangle.x1, rectangle.x2), bottom: max(rectangle.y1, rectangle.y2)
            )
            if let current = box {
                let lineHeight = max(current.height, characterBox.height, 1)
                let otherLine = abs(characterBox.middle - current.middle) > lineHeight / 2
                let farAlong = characterBox.left - current.right > lineHeight || characterBox.right < current.left
                if otherLine || farAlong { finish() }
            }
            if box == nil { firstIndex = index }
            scalars.append(scalar)
            box = box.map { $0.union(characterBox) } ?? characterBox
        }
        finish()
        return PDFPage(number: number, width: width, height: height, words: words)
    }

    /// Whether a font name (`ABCDEF+DejaVuSans-Bold`, `Helvetica-BoldOblique`,
    /// `Arial,Bold`) names a bold or heavier face.
    static func isBoldFace(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["bold", "black", "heavy", "semibold", "demi"].contains { lowered.contains($0) }
    }
}
