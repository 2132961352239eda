/// Why markup cleanup refused a document.
public enum MarkupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxml2 could not parse the document at all; its error code and message are kept.
    case parserFailed(code: Int, message: String)
    /// After cleanup nothing readable was left (only scripts, navigation or tags).
    case noText

    public var description: String {
        switch self {
        case let .parserFailed(code, message): "libxml2 error \(code): \(message)"
        case .noText: "no readable text after markup cleanup"
        }
    }
}
