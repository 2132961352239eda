public import LexpipePDF

/// Why ingest refused a document. Each case is a per-document error: the batch goes on.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read (permissions, removed mid-run, not a regular file).
    case unreadable(String)
    /// The bytes are not text: NUL bytes or a known binary signature.
    case binary(String)
    /// The file is empty or holds only white space.
    case empty
    /// The file is larger than the configured per-document limit.
    case tooLarge(size: Int, limit: Int)
    /// The text is data, not a document: a CSV or TSV table.
    case notADocument(String)
    /// The file is a PDF that cannot be read: password-protected, damaged, without pages or
    /// text, or over the page limit.
    case pdf(PDFError)

    public var description: String {
        switch self {
        case let .unreadable(reason): "unreadable: \(reason)"
        case let .binary(reason): "binary content: \(reason)"
        case .empty: "empty document: no text to extract"
        case let .tooLarge(size, limit): "document is \(size) bytes, over the limit of \(limit) bytes (max_document_bytes)"
        case let .notADocument(reason): "not a document: \(reason)"
        case let .pdf(error): error.description
        }
    }
}

/// Why the corpus itself could not be walked. Unlike `IngestError`, this stops the run.
public enum CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The corpus root does not exist or is not a directory.
    case notADirectory(String)
    /// A directory of the corpus could not be listed.
    case unlistable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notADirectory(path): "corpus root \(path) is not a directory"
        case let .unlistable(path, reason): "cannot list \(path): \(reason)"
        }
    }
}
