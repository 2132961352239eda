public import LexpipeMarkup
public import LexpipeRecord

/// Stage 3: decides from the content, never the file name, whether a document is a statute
/// summary, a report card, or neither.
public enum DocumentClassifier {
    /// The kind the blocks read as; `unknown` unless one kind's evidence is clear.
    public static func classify(_ blocks: [Block]) -> DocumentKind {
        var statute = 0
        var reportCard = 0
        for block in blocks.prefix(400) {
            let text = block.text.lowercased()
            if text.hasPrefix("citation:") || text.hasPrefix("citations:") { statute += 3 }
            if text.contains("statutes and regulations reviewed") || text.contains("state statutes series") { statute += 2 }
            if text.contains("child welfare information gateway") { statute += 1 }
            if text.contains("report card") { reportCard += 2 }
            if text.contains("overall grade") { reportCard += 3 }
            if text.hasPrefix("extra credit") { reportCard += 2 }
            if text.contains("policy goal") && text.contains("accomplished") { reportCard += 1 }
            if text.contains("gap remains") || text.contains("gaps remain") { reportCard += 1 }
        }
        if statute >= 3, statute > reportCard { return .statuteSummary }
        if reportCard >= 4, reportCard > statute { return .reportCard }
        return .unknown
    }
}
