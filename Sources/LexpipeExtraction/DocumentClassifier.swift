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
            // `Citation:` lines however labelled (`**Citation:**`), as the extractor reads them.
            if StatuteSummaryExtractor.citationLine(text) != nil { summaryEvidence += 1 }
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
    /// The issue numbers of the rows `block` holds. Read on bytes: only the words after each
    /// issue number are looked at, and the rest of a block is passed by a byte scan.
    static func issueNumbers(in block: Block) -> [Int] {
        var text = block.text
        return text.withUTF8 { bytes in
            var numbers: [Int] = []
            var tokens: [Range<Int>] = []
            for start in issueNumberStarts(bytes) {
                tokens.removeAll(keepingCapacity: true)
                collectTokens(bytes, from: start, into: &tokens)
                guard let first = tokens.first, let number = issueNumber(bytes, first), tokens.count > 2,
                    startsWord(bytes, tokens[1])
                else { continue }
                // A score after the issue's name, before the next issue.
                var next = 2
                while next + 1 < tokens.count, issueNumber(bytes, tokens[next]) == nil {
                    let second = decimal(bytes, tokens[next + 1])
                    if let score = decimal(bytes, tokens[next]), let maximum = second, score <= maximum, maximum > 0, maximum <= 100 {
                        numbers.append(number)
                        break
                    }
                    if second != nil, isGradeLetter(bytes, tokens[next]) {
                        numbers.append(number)
                        break
                    }
                    next += 1
                }
            }
            return numbers
        }
    }

    /// Up to eighteen words from `start`, split at spaces, tabs and `|`, without the `*`, `(`
    /// and `)` around them; `14.5/17.5` is two numbers and a lone `/` none.
    private static func collectTokens(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into tokens: inout [Range<Int>]) {
        var index = start
        let end = min(bytes.count, start + 240)
        while index < end, tokens.count < 18 {
            while index < end, isSeparator(bytes[index]) { index += 1 }
            var tokenEnd = index
            while tokenEnd < end, !isSeparator(bytes[tokenEnd]) { tokenEnd += 1 }
            var lower = index
            var upper = tokenEnd
            index = tokenEnd
            while lower < upper, isWrapper(bytes[lower]) { lower += 1 }
            while upper > lower, isWrapper(bytes[upper - 1]) { upper -= 1 }
            guard lower < upper else { continue }
            if let slash = (lower..<upper).first(where: { bytes[$0] == UInt8(ascii: "/") }) {
                if slash > lower, decimal(bytes, lower..<slash) != nil {
                    tokens.append(lower..<slash)
                    if slash + 1 < upper { tokens.append((slash + 1)..<upper) }
                    continue
                }
                if upper - lower == 1 { continue }
            }
            tokens.append(lower..<upper)
        }
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "|") || byte == 0x0A
    }

    private static func isWrapper(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }

    /// A number written with digits and at most one period (`16`, `17.5`), or `nil`.
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Double? {
        guard !token.isEmpty, token.count <= 8 else { return nil }
        var value = 0.0
        var scale = 0.0
        var digits = 0
        for index in token {
            let byte = bytes[index]
            if isDigit(byte) {
                digits += 1
                if scale == 0 { value = value * 10 + Double(byte - 0x30) } else {
                    value += Double(byte - 0x30) * scale
                    scale /= 10
                }
            } else if byte == UInt8(ascii: "."), scale == 0 {
                scale = 0.1
            } else {
                return nil
            }
        }
        return digits > 0 ? value : nil
    }

    /// `1.` to `20.`
    private static func issueNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Int? {
        guard token.count == 2 || token.count == 3, bytes[token.upperBound - 1] == UInt8(ascii: ".") else { return nil }
        var number = 0
        for index in token.dropLast() {
            guard isDigit(bytes[index]) else { return nil }
            number = number * 10 + Int(bytes[index] - 0x30)
        }
        return (1...20).contains(number) ? number : nil
    }

    /// A word opens with a letter (any non-ASCII byte is taken for one).
    private static func startsWord(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Bool {
        let byte = bytes[token.lowerBound]
        return byte >= 0x80 || byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
    }

    /// One capital letter: a grade (`A` to `D`, `F`), or one capital from another script (a
    /// look-alike of one).
    private static func isGradeLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Bool {
        if token.count == 1 {
            switch bytes[token.lowerBound] {
            case UInt8(ascii: "A")...UInt8(ascii: "D"), UInt8(ascii: "F"): return true
            default: return false
            }
        }
        guard token.count <= 3, bytes[token.lowerBound] >= 0xC0 else { return false }
        let scalars = String(decoding: UnsafeBufferPointer(rebasing: bytes[token]), as: UTF8.self).unicodeScalars
        return scalars.count == 1 && scalars.first!.properties.isUppercase
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
            guard start > 0 else {
                starts.append(start)
                continue
            }
            switch bytes[start - 1] {
            case 0x20, 0x09, UInt8(ascii: "|"), UInt8(ascii: "*"): starts.append(start)
            default: break
            }
        }
        return starts
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }



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
