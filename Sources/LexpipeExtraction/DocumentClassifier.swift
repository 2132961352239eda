import LexpipeIngest
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
            let text = block.text
            if ASCIIText.hasPrefix(text, "citation:") || ASCIIText.hasPrefix(text, "citations:") { statute += 3 }
            if ASCIIText.contains(text, "statutes and regulations reviewed") || ASCIIText.contains(text, "state statutes series") {
                statute += 2
            }
            if ASCIIText.contains(text, "child welfare information gateway") { statute += 1 }
            if ASCIIText.contains(text, "report card") { reportCard += 2 }
            if ASCIIText.contains(text, "overall grade") { reportCard += 3 }
            if ASCIIText.hasPrefix(text, "extra credit") { reportCard += 2 }
            if ASCIIText.contains(text, "policy goal") && ASCIIText.contains(text, "accomplished") { reportCard += 1 }
            if ASCIIText.contains(text, "gap remains") || ASCIIText.contains(text, "gaps remain") { reportCard += 1 }
        }
        if statute >= 3, statute > reportCard { return .statuteSummary }
        if reportCard >= 4, reportCard > statute { return .reportCard }
        return .unknown
    }
}
