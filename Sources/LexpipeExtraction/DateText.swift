import LexpipeIngest
/// Finds a date as a document writes it: `December 2018`, `Dec. 5, 2018`, `2018-12-05`,
/// after an optional label (`Date:`, `Current Through`).
public enum DateText {
    /// A date found in a block.
    public struct Match: Sendable, Equatable {
        /// The date words alone (`December 2018`).
        public var text: String
        /// Whether the block holds nothing but the date and its label.
        public var isWholeBlock: Bool

        public init(text: String, isWholeBlock: Bool) {
            self.text = text
            self.isWholeBlock = isWholeBlock
        }
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    private static let labels = ["date:", "dated:", "current through", "current as of", "updated:", "published:", "date"]

    /// The month (1-12) a word names, in full or abbreviated (`Dec.`, `Sept`).
    public static func month(_ word: some StringProtocol) -> Int? {
        var lower = word.lowercased()
        if lower.hasSuffix(".") { lower.removeLast() }
        guard lower.count >= 3 else { return nil }
        if lower == "sept" { return 9 }
        for (index, name) in months.enumerated() where name == lower || (lower.count <= 4 && name.hasPrefix(lower)) {
            return index + 1
        }
        return nil
    }

    /// The first date in `text`, if any.
    public static func find(in text: String) -> Match? {
        guard text.utf8.count <= 200 else { return nil }
        var rest = Substring(text)
        let lower = text.lowercased()
        for label in labels where lower.hasPrefix(label) {
            rest = rest.dropFirst(label.count).drop(while: { $0 == " " || $0 == ":" })
            break
        }
        let words = rest.split(separator: " ")
        for (index, word) in words.enumerated() {
            if let _ = month(word), index + 1 < words.count {
                var parts = [word]
                var next = index + 1
                if let day = Int(words[next].trimming(where: { $0 == "," })), (1...31).contains(day), next + 1 < words.count {
                    parts.append(words[next])
                    next += 1
                }
                let yearWord = words[next].trimming(where: { ".,".contains($0) })
                if let year = Int(yearWord), (1800...2200).contains(year), yearWord.count == 4 {
                    parts.append(yearWord)
                    let whole = index == 0 && next == words.count - 1
                    return Match(text: parts.joined(separator: " "), isWholeBlock: whole)
                }
            }
            if isISODate(word) {
                return Match(text: String(word), isWholeBlock: words.count == 1)
            }
        }
        return nil
    }

    private static func isISODate(_ word: Substring) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { $0.count <= 2 }
    }
}
