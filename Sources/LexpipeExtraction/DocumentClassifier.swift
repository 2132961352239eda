import LexpipeIngest
public import LexpipeMarkup
public import LexpipeRecord

/// Stage 3: decides from the content, never the file name, whether a document is a statute
/// summary, a report card, or neither, by asking each kind for its evidence: a report card has
/// a grade table (three or more numbered issue rows with a score and its maximum); a statute
/// summary has a series label, `Citation:` lines, or sections saying what the laws reviewed do
/// not describe. A document that mentions report cards or statutes without either (a press
/// release, a news story, a legislature's page for one section) is `unknown`.
public enum DocumentClassifier {
    /// The kind the blocks read as; `unknown` unless one kind's evidence is there.
    public static func classify(_ blocks: [Block]) -> DocumentKind {
        var summaryEvidence = 0
        // A page that quotes a summary's section among its own text is not the summary: its
        // quoted `Citation:` lines count only where the quotation is most of the page (a
        // forwarded summary).
        let quoted = blocks.reduce(0) { $0 + ($1.isQuoted ? 1 : 0) }
        let quotedCitationsCount = quoted * 2 >= blocks.count
        for (index, block) in blocks.prefix(400).enumerated() {
            let text = block.text
            // `Citation:` lines however labelled (`**Citation:**`), as the extractor reads them.
            if !block.isQuoted || quotedCitationsCount, StatuteSummaryExtractor.citationLine(text) != nil { summaryEvidence += 1 }
            let found = EvidencePhrase.found(in: text)
            if found.contains(.statutesReviewed) { summaryEvidence += 1 }
            if index < 10, found.contains(.seriesLabel) || SeriesLabel.matches(text) { summaryEvidence += 1 }
            // Two pieces of evidence decide for a summary, whatever the rest holds.
            if summaryEvidence >= 2 { return .statuteSummary }
        }
        // A report card's evidence is its grade table, at least three issue rows with a score and
        // its maximum, in any table form (`ReportCardExtractor.hasGradeTable`); a summary's
        // numbered lists can look like a row or two, and its citations outweigh them.
        if summaryEvidence < 2, ReportCardExtractor.hasGradeTable(blocks) { return .reportCard }
        if summaryEvidence > 0 { return .statuteSummary }
        return .unknown
    }
}

/// The phrases whose presence in a block, anywhere and in any ASCII case, is evidence of a kind,
/// found as `ASCIIText.contains` finds each. All but `accomplished` hold a space, so one pass
/// looks at the bytes around each space only (`ByteScan.phrasesFound`); `accomplished` counts
/// only beside "policy goal", and is looked for only then.
struct EvidencePhrase: OptionSet {
    let rawValue: UInt16

    static let statutesReviewed = EvidencePhrase(rawValue: 1 << 0)
    static let seriesLabel = EvidencePhrase(rawValue: 1 << 1)
    static let gatewayName = EvidencePhrase(rawValue: 1 << 2)
    static let reportCard = EvidencePhrase(rawValue: 1 << 3)
    static let overallGrade = EvidencePhrase(rawValue: 1 << 4)
    static let policyGoal = EvidencePhrase(rawValue: 1 << 5)
    static let gapRemains = EvidencePhrase(rawValue: 1 << 6)
    static let gapsRemain = EvidencePhrase(rawValue: 1 << 7)
    static let accomplished = EvidencePhrase(rawValue: 1 << 8)

    /// The phrases with a space, in lower-case ASCII, at the index of their bit.
    static let spacedWordings: [StaticString] = [
        "statutes and regulations reviewed", "state statutes series", "child welfare information gateway",
        "report card", "overall grade", "policy goal", "gap remains", "gaps remain",
    ]

    private static let spaced = ByteScan.Phrases(spacedWordings)

    /// The phrases the text holds.
    static func found(in text: String) -> EvidencePhrase {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt16 { ByteScan.phrasesFound(spaced, in: bytes) }
        var found = EvidencePhrase(
            rawValue: text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
        )
        if found.contains(.policyGoal), ASCIIText.contains(text, "accomplished") { found.insert(.accomplished) }
        return found
    }
}
