/// The bytes a writer must treat specially in a text (quotes, separators, line breaks, control
/// characters), found eight bytes at a time: most of a section's text holds none, and a word of
/// eight bytes is tested with a handful of integer operations instead of eight comparisons.
public struct SpecialBytes: Sendable {
    /// Up to four bytes, each repeated across a word; unused slots repeat the first.
    @usableFromInline let words: (UInt64, UInt64, UInt64, UInt64)
    @usableFromInline let bytes: (UInt8, UInt8, UInt8, UInt8)
    /// Whether every byte below 0x20 is special too.
    @usableFromInline let controls: Bool

    /// `bytes` (ASCII, one to four of them), and the control characters when `controls`.
    public init(_ bytes: [UInt8], controls: Bool = false) {
        precondition((1...4).contains(bytes.count) && bytes.allSatisfy { $0 < 0x80 })
        let padded = bytes + Array(repeating: bytes[0], count: 4 - bytes.count)
        self.bytes = (padded[0], padded[1], padded[2], padded[3])
        let spread = padded.map { UInt64($0) &* 0x0101_0101_0101_0101 }
        words = (spread[0], spread[1], spread[2], spread[3])
        self.controls = controls
    }

    @inlinable
    func contains(_ byte: UInt8) -> Bool {
        byte == bytes.0 || byte == bytes.1 || byte == bytes.2 || byte == bytes.3 || controls && byte < 0x20
    }

    /// Whether some byte of the word may be special: never false when one is.
    @inlinable
    func mayContain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        var found = hasZero(word ^ words.0) | hasZero(word ^ words.1) | hasZero(word ^ words.2) | hasZero(word ^ words.3)
        // Some byte below 0x20: subtracting 0x20 from it borrows into its high bit.
        if controls { found |= (word &- 0x2020_2020_2020_2020) & ~word & highs }
        return found != 0
    }

    /// The offset of the first special byte in `text` at or after `start`; `text.count` if none.
    @inlinable
    public func first(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress else { return text.count }
        var index = start
        while index + 8 <= text.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if mayContain(word) { break }
            index += 8
        }
        while index < text.count, !contains(text[index]) { index += 1 }
        return index
    }
}
