public import LexpipeRecord

/// Decides a document's format from its content; the file name only breaks a tie between
/// markdown and plain text.
public enum FormatDetector {
    private static let blockTags = ["<p>", "<p ", "<div", "<table", "<body", "<ul", "<ol", "<li", "<h1", "<h2", "<h3", "<tr", "<br"]

    /// The detected format of `text`.
    public static func detect(_ text: String, fileName: String) -> DocumentFormat {
        let head = String(text.prefix(8192)).lowercased()
        let trimmed = head.drop(while: { $0.isWhitespace })
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<?xml") && head.contains("<html") {
            return .html
        }
        let blockTagCount = blockTags.reduce(0) { $0 + head.components(separatedBy: $1).count - 1 }
        if blockTagCount >= 3 { return .html }
        if looksLikeMarkdown(head) { return .markdown }
        let lowerName = fileName.lowercased()
        if lowerName.hasSuffix(".md") || lowerName.hasSuffix(".markdown") { return .markdown }
        if (lowerName.hasSuffix(".html") || lowerName.hasSuffix(".htm")) && blockTagCount > 0 { return .html }
        return .text
    }

    private static func looksLikeMarkdown(_ head: String) -> Bool {
        var signals = 0
        for line in head.split(separator: "\n", omittingEmptySubsequences: true) {
            let content = line.drop(while: { $0 == " " })
            if content.hasPrefix("#") {
                let marks = content.prefix(while: { $0 == "#" })
                if marks.count <= 6, content.dropFirst(marks.count).first == " " { return true }
            }
            if content.hasPrefix("**") || content.hasPrefix("__") { signals += 1 }
            if content.hasPrefix("|") && content.contains("---") { signals += 1 }
            if content.hasPrefix("```") { signals += 1 }
            if content.contains("](") { signals += 1 }
            if signals >= 2 { return true }
        }
        return false
    }
}
