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
        var issues = Set<Int>()
        for (index, block) in blocks.prefix(400).enumerated() {
            let text = block.text
            if ASCIIText.hasPrefix(text, "citation"), StatuteSummaryExtractor.citationLine(text) != nil { summaryEvidence += 1 }
            let found = EvidencePhrase.found(in: text)
            if found.contains(.statutesReviewed) { summaryEvidence += 1 }
            if index < 10, found.contains(.seriesLabel) || SeriesLabel.matches(text) { summaryEvidence += 1 }
            // Two pieces of a summary's evidence settle it: rows are no longer looked for.
            if summaryEvidence < 2 { issues.formUnion(GradeTableEvidence.issueNumbers(in: block)) }
        }
        // A summary's numbered lists can look like a row or two; its citations outweigh them.
        if issues.count >= 3, summaryEvidence < 2 { return .reportCard }
        if summaryEvidence > 0 { return .statuteSummary }
        return .unknown
    }
}

/// The rows of a report card's grade table, as far as classifying needs: an issue number (`1.`
/// to `20.`), words naming the issue, then a score with its maximum (`16 17.5`, `14.5 / 17.5`)
/// or a grade letter with a score (`B 14.5`), in a table row or in lines of text (a conversion
/// may run a whole table into one paragraph, so a block can hold several rows).
enum GradeTableEvidence {
    /// The issue numbers of the rows `block` holds.
    static func issueNumbers(in block: Block) -> [Int] {
        var text = block.text
        // Only the words after each issue number are read: the rest of a block is passed by
        // a byte scan.
        let starts = text.withUTF8(issueNumberStarts)
        guard !starts.isEmpty else { return [] }
        let utf8 = text.utf8
        var numbers: [Int] = []
        for start in starts {
            let from = utf8.index(utf8.startIndex, offsetBy: start)
            let window = text[from...].prefix(240)
            var tokens: [Substring] = []
            for token in window.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "|" }) {
                let bare = token.trimming(where: { $0 == "*" || $0 == "(" || $0 == ")" })
                guard !bare.isEmpty else { continue }
                // `14.5/17.5` is two numbers.
                if let slash = bare.firstIndex(of: "/"), Double(bare[..<slash]) != nil {
                    tokens.append(bare[..<slash])
                    tokens.append(bare[bare.index(after: slash)...])
                } else if bare != "/" {
                    tokens.append(bare)
                }
                if tokens.count >= 18 { break }
            }
            guard let number = tokens.first.flatMap(issueNumber), tokens.count > 2, tokens[1].first?.isLetter == true else { continue }
            // A score after the issue's name, before the next issue.
            var next = 2
            while next + 1 < tokens.count, issueNumber(tokens[next]) == nil {
                let first = tokens[next]
                let second = tokens[next + 1]
                if let score = Double(first), let maximum = Double(second), score >= 0, score <= maximum, maximum > 0, maximum <= 100 {
                    numbers.append(number)
                    break
                }
                if isGradeLetter(first), Double(second) != nil {
                    numbers.append(number)
                    break
                }
                next += 1
            }
        }
        return numbers
    }

    /// Where each `1.` to `20.` that could open a row starts: one or two digits, a period and a
    /// space or tab, at the start of the text or after a space, tab or `|`.
    private static func issueNumberStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts: [Int] = []
        var index = bytes.offset(of: UInt8(ascii: "."), from: 0, to: bytes.count)
        while index < bytes.count {
            defer { index = bytes.offset(of: UInt8(ascii: "."), from: index + 1, to: bytes.count) }
            guard index + 1 < bytes.count, bytes[index + 1] == 0x20 || bytes[index + 1] == 0x09 else { continue }
            var start = index
            while start > 0, index - start < 2, isDigit(bytes[start - 1]) { start -= 1 }
            guard start < index, start == 0 || !isDigit(bytes[start - 1]) else { continue }
            if start == 0 || [0x20, 0x09, UInt8(ascii: "|"), UInt8(ascii: "*")].contains(bytes[start - 1]) { starts.append(start) }
        }
        return starts
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `1.` to `20.`
    private static func issueNumber(_ token: Substring) -> Int? {
        guard token.utf8.count >= 2, token.utf8.count <= 3, token.last == ".", let number = Int(token.dropLast()),
            (1...20).contains(number)
        else { return nil }
        return number
    }

    /// One capital letter: a grade (a look-alike from another script included).
    private static func isGradeLetter(_ token: Substring) -> Bool {
        guard token.count == 1, let letter = token.first, letter.isUppercase else { return false }
        return !letter.isASCII || "ABCDF".contains(letter)
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
