/// The bytes a writer must treat specially in a text (quotes, separators, line breaks, control
/// characters), found eight bytes at a time (`ByteWord`): most of a section's text holds none.
/// (The standard library's `SIMD16` comparisons compile to a loop per lane here.)
public struct SpecialBytes: Sendable {
    /// Up to four special bytes, the first `count` of them used, and each spread across a word
    /// once here rather than for every word tested.
    @usableFromInline let bytes: (UInt8, UInt8, UInt8, UInt8)
    @usableFromInline let spread: (UInt64, UInt64, UInt64, UInt64)
    @usableFromInline let count: Int
    /// Whether every byte below 0x20 is special too.
    @usableFromInline let controls: Bool

    /// `bytes` (one to four of them), and the control characters when `controls`.
    public init(_ bytes: [UInt8], controls: Bool = false) {
        precondition((1...4).contains(bytes.count))
        let padded = bytes + [0, 0, 0]
        self.bytes = (padded[0], padded[1], padded[2], padded[3])
        spread = (ByteWord.spread(padded[0]), ByteWord.spread(padded[1]), ByteWord.spread(padded[2]), ByteWord.spread(padded[3]))
        count = bytes.count
        self.controls = controls
    }

    /// Whether some byte of the word is special.
    @inlinable @inline(__always)
    func anyIn(_ word: UInt64) -> Bool {
        var found = ByteWord.anyZero(word ^ spread.0)
        if count > 1 { found |= ByteWord.anyZero(word ^ spread.1) }
        if count > 2 { found |= ByteWord.anyZero(word ^ spread.2) }
        if count > 3 { found |= ByteWord.anyZero(word ^ spread.3) }
        if controls { found |= ByteWord.controls(in: word) }
        return found != 0
    }

    /// The offset of the first special byte in `text` at or after `start`; `text.count` if none.
    @inlinable
    public func first(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard text.baseAddress != nil else { return text.count }
        var index = start
        while index + 8 <= text.count, !anyIn(ByteWord.load(text, at: index)) {
            index += 8
        }
        // The rest, and the word that holds a special byte, one byte at a time.
        while index < text.count, !contains(text[index]) { index += 1 }
        return index
    }

    @inlinable @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        byte == bytes.0 || count > 1 && byte == bytes.1 || count > 2 && byte == bytes.2 || count > 3 && byte == bytes.3
            || controls && byte < 0x20
    }
}
