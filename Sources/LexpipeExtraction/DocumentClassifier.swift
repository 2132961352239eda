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
            let found = EvidencePhrase.found(in: text)
            if ASCIIText.hasPrefix(text, "citation:") || ASCIIText.hasPrefix(text, "citations:") { statute += 3 }
            if !found.isDisjoint(with: [.statutesReviewed, .seriesLabel]) { statute += 2 }
            if found.contains(.gatewayName) { statute += 1 }
            if found.contains(.reportCard) { reportCard += 2 }
            if found.contains(.overallGrade) { reportCard += 3 }
            if ASCIIText.hasPrefix(text, "extra credit") { reportCard += 2 }
            if found.isSuperset(of: [.policyGoal, .accomplished]) { reportCard += 1 }
            if !found.isDisjoint(with: [.gapRemains, .gapsRemain]) { reportCard += 1 }
        }
        if statute >= 3, statute > reportCard { return .statuteSummary }
        // Report cards: the evidence is the grade table, at least three issue rows with scores.
        // The phrases alone ("report card", "overall grade", a grade and a score in a sentence)
        // are in every press release and news story about the cards too.
        if ReportCardExtractor.hasGradeTable(blocks) { return .reportCard }
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
