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
        if reportCard >= 4, reportCard > statute { return .reportCard }
        return .unknown
    }
}

/// The phrases whose presence in a block, anywhere and in any ASCII case, is evidence of a kind.
/// All are found in one pass over the block's UTF-8 bytes, as `ASCIIText.contains` finds each.
struct EvidencePhrase: OptionSet {
    let rawValue: UInt16

    static let statutesReviewed = EvidencePhrase(rawValue: 1 << 0)
    static let seriesLabel = EvidencePhrase(rawValue: 1 << 1)
    static let gatewayName = EvidencePhrase(rawValue: 1 << 2)
    static let reportCard = EvidencePhrase(rawValue: 1 << 3)
    static let overallGrade = EvidencePhrase(rawValue: 1 << 4)
    static let policyGoal = EvidencePhrase(rawValue: 1 << 5)
    static let accomplished = EvidencePhrase(rawValue: 1 << 6)
    static let gapRemains = EvidencePhrase(rawValue: 1 << 7)
    static let gapsRemain = EvidencePhrase(rawValue: 1 << 8)

    /// Each phrase in lower-case ASCII, at the index of its bit.
    private static let wordings: [StaticString] = [
        "statutes and regulations reviewed", "state statutes series", "child welfare information gateway",
        "report card", "overall grade", "policy goal", "accomplished", "gap remains", "gaps remain",
    ]

    /// For each lower-case byte, the phrases that start with it.
    private static let startingWith: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 256)
        for (bit, wording) in wordings.enumerated() { table[Int(wording.utf8Start[0])] |= 1 << bit }
        return table
    }()

    /// The phrases the text holds.
    static func found(in text: String) -> EvidencePhrase {
        let wordings = EvidencePhrase.wordings
        let startingWith = EvidencePhrase.startingWith
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt16 {
            var found: UInt16 = 0
            for index in bytes.indices {
                var candidates = startingWith[Int(lower(bytes[index]))] & ~found
                while candidates != 0 {
                    let bit = candidates.trailingZeroBitCount
                    candidates &= candidates - 1
                    let wording = wordings[bit]
                    let count = wording.utf8CodeUnitCount
                    guard index + count <= bytes.count else { continue }
                    var matched = 1
                    while matched < count, lower(bytes[index + matched]) == wording.utf8Start[matched] { matched += 1 }
                    if matched == count { found |= 1 << bit }
                }
            }
            return found
        }
        let found = text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
        return EvidencePhrase(rawValue: found)
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
