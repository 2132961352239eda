/// Digits OCR read as the letters they look like: `l` for `1` and `O` for `0`.
enum OCRDigits {
    /// `value` with each part (between `-`, `.`, `:`, `/` and parentheses) made of digits and
    /// `l` or `O`, a digit among them, written in digits (`28-8Ol` is `28-801`, `2O19` is
    /// `2019`, `85.3O63(A)(1)` is `85.3063(A)(1)`); a part with any other letter (`14B`, `13A`)
    /// or no digit (a subsection `(l)`) is kept. `nil` when nothing changes.
    static func repaired(_ value: some StringProtocol) -> String? {
        guard mayHoldMisreadDigit(value) else { return nil }
        var bytes = Array(value.utf8)
        var changed = false
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, !"-.:/()".utf8.contains(bytes[end]) { end += 1 }
            let part = bytes[start..<end]
            let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            if part.contains(where: isDigit),
                part.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "l") || $0 == UInt8(ascii: "O") }),
                !part.allSatisfy(isDigit)
            {
                for index in start..<end where !isDigit(bytes[index]) {
                    bytes[index] = bytes[index] == UInt8(ascii: "l") ? UInt8(ascii: "1") : UInt8(ascii: "0")
                }
                changed = true
            }
            start = end + 1
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// Whether an `l` or an `O` stands next to a digit: a part made of digits and those letters
    /// with a digit among them has one, and most texts have none, decided in one pass over the
    /// bytes.
    static func mayHoldMisreadDigit(_ value: some StringProtocol) -> Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            func isDigit(_ index: Int) -> Bool {
                index >= 0 && index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
            }
            for index in bytes.indices where bytes[index] == UInt8(ascii: "l") || bytes[index] == UInt8(ascii: "O") {
                if isDigit(index - 1) || isDigit(index + 1) { return true }
            }
            return false
        }
        return value.utf8.withContiguousStorageIfAvailable(search) ?? Array(value.utf8).withUnsafeBufferPointer(search)
    }

    /// `text` with each word repaired (`§ 28-83O` is `§ 28-830`), or `nil` when no word changes.
    static func repairedWords(_ text: String) -> String? {
        guard mayHoldMisreadDigit(text) else { return nil }
        var changed = false
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard let repaired = repaired(word) else { return String(word) }
            changed = true
            return repaired
        }
        return changed ? words.joined(separator: " ") : nil
    }
}
