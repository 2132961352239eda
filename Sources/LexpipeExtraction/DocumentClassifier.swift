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

/// The phrases whose presence in a block, anywhere and in any ASCII case, is evidence of a kind,
/// found as `ASCIIText.contains` finds each. All but `accomplished` hold a space, so one pass
/// looks at the letters around each space only; `accomplished` counts only beside "policy goal",
/// and is looked for only then.
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
    private static let spacedWordings: [StaticString] = [
        "statutes and regulations reviewed", "state statutes series", "child welfare information gateway",
        "report card", "overall grade", "policy goal", "gap remains", "gaps remain",
    ]

    /// Where each spaced phrase has its first space.
    private static let firstSpace: [Int] = spacedWordings.map { wording in
        (0..<wording.utf8CodeUnitCount).first { wording.utf8Start[$0] == UInt8(ascii: " ") }!
    }

    /// For the lower-case letters before and after a space (the first byte's low five bits, then
    /// the second's), the phrases whose first space stands between those letters.
    private static let aroundSpace: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 1 << 10)
        for (bit, wording) in spacedWordings.enumerated() {
            let space = firstSpace[bit]
            table[pairIndex(wording.utf8Start[space - 1], wording.utf8Start[space + 1])] |= 1 << bit
        }
        return table
    }()

    /// The table entry of two bytes; bytes that are no letter land on entries of letters and
    /// are told apart when the phrase is compared.
    private static func pairIndex(_ before: UInt8, _ after: UInt8) -> Int {
        Int(before & 0x1F) << 5 | Int(after & 0x1F)
    }

    /// The phrases the text holds.
    static func found(in text: String) -> EvidencePhrase {
        let wordings = EvidencePhrase.spacedWordings
        let firstSpace = EvidencePhrase.firstSpace
        let aroundSpace = EvidencePhrase.aroundSpace
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt16 {
            var found: UInt16 = 0
            guard bytes.count >= 3 else { return found }

            /// Compares the phrases whose first space could be the one at `index`.
            func look(around index: Int) {
                var candidates = aroundSpace[pairIndex(bytes[index - 1], bytes[index + 1])] & ~found
                while candidates != 0 {
                    let bit = candidates.trailingZeroBitCount
                    candidates &= candidates - 1
                    let wording = wordings[bit]
                    let start = index - firstSpace[bit]
                    let count = wording.utf8CodeUnitCount
                    guard start >= 0, start + count <= bytes.count else { continue }
                    var matched = 0
                    while matched < count, lower(bytes[start + matched]) == wording.utf8Start[matched] { matched += 1 }
                    if matched == count { found |= 1 << bit }
                }
            }

            // Spaces at positions 1 up to the last but one: eight positions at a time while they
            // are inside, then one by one.
            let end = bytes.count - 1
            var index = 1
            while index + 8 <= end {
                var spaces = ByteWord.matches(UInt8(ascii: " "), in: ByteWord.load(bytes, at: index))
                while spaces != 0 {
                    look(around: index + spaces.trailingZeroBitCount / 8)
                    spaces &= spaces - 1
                }
                index += 8
            }
            while index < end {
                if bytes[index] == UInt8(ascii: " ") { look(around: index) }
                index += 1
            }
            return found
        }
        var found = EvidencePhrase(
            rawValue: text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
        )
        if found.contains(.policyGoal), ASCIIText.contains(text, "accomplished") { found.insert(.accomplished) }
        return found
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
