public import LexpipeRecord

/// Searches over a string's UTF-8 bytes for ASCII words and phrases, ignoring ASCII case: the
/// hot paths' replacement for `lowercased()` followed by `contains`, which copies the text and
/// compares by `Character`.
public enum ASCIIText {
    /// Whether `text` contains `needle` (lower-case ASCII), ignoring ASCII case.
    @inlinable
    public static func contains(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
        firstRange(of: needle, in: text) != nil
    }

    /// Whether `text` starts with `needle` (lower-case ASCII), ignoring ASCII case.
    @inlinable
    public static func hasPrefix(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        // In place where the text is contiguous (a native string), else by iterating.
        if let prefixed = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard bytes.count >= count else { return false }
            for index in 0..<count where lower(bytes[index]) != needle.utf8Start[index] { return false }
            return true
        }) {
            return prefixed
        }
        var utf8 = text.utf8.makeIterator()
        for index in 0..<count {
            guard let byte = utf8.next(), lower(byte) == needle.utf8Start[index] else { return false }
        }
        return true
    }

    /// Whether `text` ends with `needle` (lower-case ASCII), ignoring ASCII case.
    @inlinable
    public static func hasSuffix(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        func endsWithNeedle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count >= count else { return false }
            let start = bytes.count - count
            for index in 0..<count where lower(bytes[start + index]) != needle.utf8Start[index] { return false }
            return true
        }
        // In place where the text is contiguous (a native string): a generic view's `suffix`
        // walks the whole text from its start.
        return text.utf8.withContiguousStorageIfAvailable(endsWithNeedle) ?? Array(text.utf8).withUnsafeBufferPointer(endsWithNeedle)
    }

    /// Byte offsets of the first occurrence of `needle` (lower-case ASCII), ignoring ASCII case.
    @inlinable
    public static func firstRange(of needle: StaticString, in text: some StringProtocol, from start: Int = 0) -> Range<Int>? {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return start..<start }
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
        if let found = text.utf8.withContiguousStorageIfAvailable({ search(pattern, in: $0, from: start) }) {
            return found
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { search(pattern, in: $0, from: start) }
    }

    /// Byte offsets of the first occurrence of `needle` (lower-case ASCII) in `bytes` at or after
    /// `start`, ignoring ASCII case.
    @inlinable
    public static func firstRange(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Range<Int>? {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return start..<start }
        return search(UnsafeBufferPointer(start: needle.utf8Start, count: count), in: bytes, from: start)
    }

    @inlinable
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inlinable
    static func search(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        let count = pattern.count
        guard text.count >= count, start <= text.count - count else { return nil }
        let last = text.count - count
        guard count >= 2 else {
            // One byte: memchr, once per case.
            let first = pattern[0]
            let upper = first >= 0x61 && first <= 0x7A ? first - 0x20 : first
            let index = min(text.offset(of: first, from: start, to: last + 1), text.offset(of: upper, from: start, to: last + 1))
            return index <= last ? index..<(index + 1) : nil
        }
        // Found sixteen offsets at a time by the pattern's first two bytes, then compared whole.
        let found = ByteScan.firstWord(pattern, in: text, from: start)
        return found <= last ? found..<(found + count) : nil
    }
}

extension Character {
    /// Whether the character is one of the ASCII characters of `set`: the set's bytes compared,
    /// not its characters read one by one as `String.contains` would.
    @inlinable
    public func isAny(of set: StaticString) -> Bool {
        let bytes = utf8
        guard bytes.count == 1, let value = bytes.first, value < 0x80 else { return false }
        return set.withUTF8Buffer { $0.contains(value) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters that satisfy `predicate`.
    public func trimming(where predicate: (Character) -> Bool) -> Substring {
        let text = Substring(self)
        guard let start = text.firstIndex(where: { !predicate($0) }) else { return "" }
        let end = text.lastIndex(where: { !predicate($0) })!
        return text[start...end]
    }
}
