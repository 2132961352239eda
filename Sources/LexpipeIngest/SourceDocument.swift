public import LexpipePDF
public import LexpipeRecord

/// A document as ingest leaves it: its bytes digested, its format known, its text decoded (a
/// PDF's text layer read, with where each word stands).
public struct SourceDocument: Sendable {
    /// Path relative to the corpus root (or the file name for a single document).
    public var source: String
    /// Hex SHA-256 of the bytes as read.
    public var sha256: String
    public var format: DocumentFormat
    /// The decoded text, byte-order mark removed; empty for a PDF, whose text is `pdf`.
    public var text: String
    /// A PDF's text layer, page by page; `nil` for every other format.
    public var pdf: PDFText?
    /// Size of the input in bytes.
    public var byteCount: Int
    /// What ingest noticed (a fallback encoding).
    public var warnings: [Diagnostic]

    public init(
        source: String, sha256: String, format: DocumentFormat, text: String, pdf: PDFText? = nil, byteCount: Int,
        warnings: [Diagnostic]
    ) {
        self.source = source
        self.sha256 = sha256
        self.format = format
        self.text = text
        self.pdf = pdf
        self.byteCount = byteCount
        self.warnings = warnings
    }
}
