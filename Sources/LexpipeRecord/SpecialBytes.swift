/// The bytes a writer must treat specially in a text (quotes, separators, line breaks, control
/// characters), found eight bytes at a time: most of a section's text holds none, and a word of
/// eight bytes is tested with a few integer operations per special byte instead of eight
/// comparisons each. (The standard library's `SIMD16` comparisons compile to a loop per lane here.)
public struct SpecialBytes: Sendable {
    /// Up to four special bytes, each repeated across a word; `count` of them are used.
    @usableFromInline let words: (UInt64, UInt64, UInt64, UInt64)
    @usableFromInline let count: Int
    /// Whether every byte below 0x20 is special too.
    @usableFromInline let controls: Bool

    /// `bytes` (one to four of them), and the control characters when `controls`.
    public init(_ bytes: [UInt8], controls: Bool = false) {
        precondition((1...4).contains(bytes.count))
        let spread = bytes.map { UInt64($0) &* 0x0101_0101_0101_0101 } + [0, 0, 0]
        words = (spread[0], spread[1], spread[2], spread[3])
        count = bytes.count
        self.controls = controls
    }

    /// The high bit of every byte of `word` that is zero (and perhaps of bytes above one that
    /// is): nonzero exactly when some byte is.
    @inlinable @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// Whether some byte of the word is special.
    @inlinable @inline(__always)
    func anyIn(_ word: UInt64) -> Bool {
        var found = SpecialBytes.zeroBytes(word ^ words.0)
        if count > 1 { found |= SpecialBytes.zeroBytes(word ^ words.1) }
        if count > 2 { found |= SpecialBytes.zeroBytes(word ^ words.2) }
        if count > 3 { found |= SpecialBytes.zeroBytes(word ^ words.3) }
        // A byte below 0x20 borrows into its high bit when 0x20 is taken from it.
        if controls { found |= (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 }
        return found != 0
    }

    /// The offset of the first special byte in `text` at or after `start`; `text.count` if none.
    @inlinable
    public func first(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress else { return text.count }
        var index = start
        while index + 8 <= text.count, !anyIn(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
            index += 8
        }
        // The rest, and the word that holds a special byte, one byte at a time.
        while index < text.count, !contains(text[index]) { index += 1 }
        return index
    }

    @inlinable @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let value = UInt64(byte)
        return value == words.0 & 0xFF || count > 1 && value == words.1 & 0xFF || count > 2 && value == words.2 & 0xFF
            || count > 3 && value == words.3 & 0xFF || controls && byte < 0x20
    }
}
