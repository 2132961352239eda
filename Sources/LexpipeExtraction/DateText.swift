import LexpipeIngest
/// Finds a date as a document writes it: `December 2018`, `Dec. 5, 2018`, `2018-12-05`,
/// `03/2022`, `3/15/2022`, after an optional label (`Date:`, `Current Through`, `Updated`); a
/// year alone (`2020`) only after a label or as the whole block.
public enum DateText {
    /// A date found in a block.
    public struct Match: Sendable, Equatable {
        /// The date words alone (`December 2018`); a date written in numbers, in ISO order
        /// (`03/2022` is `2022-03`).
        public var text: String
        /// Whether the block holds nothing but the date and its label.
        public var isWholeBlock: Bool
        /// Whether a label stood before the date (`Date:`, `Current Through`).
        public var isLabelled: Bool

        public init(text: String, isWholeBlock: Bool, isLabelled: Bool = false) {
            self.text = text
            self.isWholeBlock = isWholeBlock
            self.isLabelled = isLabelled
        }
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    private static let labels: [StaticString] = [
        "date:", "dated:", "current through", "current as of", "last updated:", "last updated", "updated:", "updated",
        "page last updated:", "page last updated", "last modified:", "last reviewed:",
        "published:", "published", "effective:", "as of", "date",
    ]

    /// The month (1-12) a word names, in full or abbreviated (`Dec.`, `Sept`).
    public static func month(_ word: some StringProtocol) -> Int? {
        if let month = asciiMonth(word.utf8) { return month }
        var lower = word.lowercased()
        if lower.hasSuffix(".") { lower.removeLast() }
        guard lower.count >= 3 else { return nil }
        if lower == "sept" { return 9 }
        for (index, name) in months.enumerated() where name == lower || (lower.count <= 4 && name.hasPrefix(lower)) {
            return index + 1
        }
        return nil
    }

    /// `month` of an ASCII word, by its bytes (where a byte is a character, but for `\r\n`,
    /// and lower-casing touches only `A`-`Z`): `.some(nil)` when it names no month, `nil` when
    /// the word is not ASCII.
    private static func asciiMonth(_ utf8: some Collection<UInt8>) -> Int?? {
        // The lower-cased word packed into two words, first byte lowest; longer than any month
        // name with a period after it is no month.
        var packed: (low: UInt64, high: UInt64) = (0, 0)
        var count = 0
        for byte in utf8 {
            guard byte < 0x80, byte != 0x0D else { return nil }
            count += 1
            guard count <= 16 else { continue }
            let lower = UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            if count <= 8 { packed.low |= lower << (8 * UInt64(count - 1)) } else { packed.high |= lower << (8 * UInt64(count - 9)) }
        }
        guard count >= 3, count <= 10 else { return .some(nil) }
        let last = count <= 8 ? packed.low >> (8 * UInt64(count - 1)) & 0xFF : packed.high >> (8 * UInt64(count - 9)) & 0xFF
        if last == UInt64(UInt8(ascii: ".")) {
            if count <= 8 { packed.low &= ~(0xFF << (8 * UInt64(count - 1))) } else { packed.high &= ~(0xFF << (8 * UInt64(count - 9))) }
            count -= 1
        }
        guard count >= 3 else { return .some(nil) }
        if count == 4, packed.low == packedSept { return 9 }
        for (index, name) in packedMonths.enumerated() {
            // The whole name, or (for up to four letters) its beginning.
            if name.count == count, name.low == packed.low, name.high == packed.high { return index + 1 }
            if count <= 4, name.low & (UInt64.max >> (64 - 8 * UInt64(count))) == packed.low { return index + 1 }
        }
        return .some(nil)
    }

    /// The month names packed as `asciiMonth` packs a word.
    private static let packedMonths: [(low: UInt64, high: UInt64, count: Int)] = months.map { name in
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (offset, byte) in name.utf8.enumerated() {
            if offset < 8 { low |= UInt64(byte) << (8 * UInt64(offset)) } else { high |= UInt64(byte) << (8 * UInt64(offset - 8)) }
        }
        return (low, high, name.utf8.count)
    }
    /// `sept`, packed.
    private static let packedSept: UInt64 = 0x7470_6573

    /// The first date in `text`, if any.
    public static func find(in text: String) -> Match? {
        guard text.utf8.count <= 200 else { return nil }
        // Every date holds a digit: an ASCII one (`Int` reads no other), or one of another
        // script in an ISO-shaped word, whose bytes are not ASCII.
        guard text.utf8.contains(where: { $0 >= 0x80 || $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        var rest = Substring(text)
        // Where the text opens in ASCII (one byte a character, lower-cased by `A`-`Z` alone), a
        // label is compared by its bytes.
        let asciiOpening = text.utf8.prefix(16).allSatisfy { $0 < 0x80 && $0 != 0x0D }
        let lower = asciiOpening ? "" : text.lowercased()
        var isLabelled = false
        for label in labels where asciiOpening ? ASCIIText.hasPrefix(text, label) : lower.hasPrefix(label.description) {
            rest = rest.dropFirst(label.utf8CodeUnitCount).drop(while: { $0 == " " || $0 == ":" })
            isLabelled = true
            break
        }
        var words = WordStream.split(rest, atTabs: false)
        // OCR's `O` and `l` for digits in a year alone or a date in numbers (`2O19`, `09/2O15`).
        if words.count == 1, let repaired = OCRDigits.repaired(words[0]) { words[0] = Substring(repaired) }
        // A year alone: after a label, or as the whole block.
        if words.count == 1, let year = Int(words[0].trimming(where: { $0 == "." })), (1800...2200).contains(year),
            words[0].trimming(where: { $0 == "." }).utf8.count == 4, isLabelled || rest.utf8.count == text.utf8.count
        {
            return Match(text: String(year), isWholeBlock: true, isLabelled: isLabelled)
        }
        for (index, word) in words.enumerated() {
            if let numeric = numericDate(word) {
                return Match(text: numeric, isWholeBlock: words.count == 1, isLabelled: isLabelled)
            }
            if let _ = month(word), index + 1 < words.count {
                var parts = [word]
                var next = index + 1
                if let day = Int(words[next].trimming(where: { $0 == "," })), (1...31).contains(day), next + 1 < words.count {
                    parts.append(words[next])
                    next += 1
                }
                var yearWord = words[next].trimming(where: { $0.isAny(of: ".,") })
                // OCR's `O` and `l` for digits in the year after a month (`May 2O19`).
                if Int(yearWord) == nil, yearWord.utf8.count == 4, let repaired = OCRDigits.repaired(yearWord) { yearWord = Substring(repaired) }
                if let year = Int(yearWord), (1800...2200).contains(year), yearWord.count == 4 {
                    parts.append(yearWord)
                    let whole = index == 0 && next == words.count - 1
                    return Match(text: parts.joined(separator: " "), isWholeBlock: whole, isLabelled: isLabelled)
                }
            }
            if isISODate(word) {
                return Match(text: String(word), isWholeBlock: words.count == 1, isLabelled: isLabelled)
            }
        }
        return nil
    }

    /// `MM/YYYY` or `MM/DD/YYYY` (a month of 1-12, a day of 1-31, a four-digit year), in ISO
    /// order: `2022-03`, `2022-03-15`.
    static func numericDate(_ word: Substring) -> String? {
        let word = word.trimming(where: { $0 == "," || $0 == "." })
        guard word.utf8.count >= 6, word.utf8.count <= 10, word.utf8.allSatisfy({ $0 == UInt8(ascii: "/") || $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let year = Int(parts.last!), parts.last!.utf8.count == 4,
            (1800...2200).contains(year), let month = Int(parts[0]), parts[0].utf8.count <= 2, (1...12).contains(month)
        else { return nil }
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        if parts.count == 2 { return "\(year)-\(twoDigits(month))" }
        guard let day = Int(parts[1]), parts[1].utf8.count <= 2, (1...31).contains(day) else { return nil }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    private static func isISODate(_ word: Substring) -> Bool {
        // A first character that starts with an ASCII byte other than a digit is no number.
        guard let first = word.utf8.first, first >= 0x80 || first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") else { return false }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { $0.count <= 2 }
    }
}
