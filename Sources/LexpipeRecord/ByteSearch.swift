import CByteScan

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` in `self[start..<end]`, or `end` if there is none: found
    /// with `memchr`, for bytes that most of a text holds few of (line feeds, tabs, quotes, NUL).
    @inlinable
    public func offset(of byte: UInt8, from start: Int, to end: Int) -> Int {
        guard start < end, let base = baseAddress, let found = memchr(base + start, Int32(byte), end - start) else { return end }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

/// Eight bytes of text read as one 64-bit word (first byte lowest), and tests over all eight at
/// once: the scans that skip most of a text eight bytes at a time share these. Each mask holds
/// the high bit (0x80) of every byte it reports.
public enum ByteWord {
    public static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset`, which must have eight bytes after it.
    @inlinable @inline(__always)
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// `byte` in every byte of a word.
    @inlinable @inline(__always)
    public static func spread(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* 0x0101_0101_0101_0101
    }

    /// The bytes of `word` equal to `byte`, exactly: no borrow crosses from one byte to the next.
    @inlinable @inline(__always)
    public static func matches(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let value = word ^ spread(byte)
        return ~(((value & low7) &+ low7) | value) & highBits
    }

    /// Nonzero when some byte of `word` is zero; which bytes it marks is exact only up to the
    /// first (a borrow may cross into the next byte). Two operations cheaper than `matches`:
    /// `anyZero(word ^ spread(byte))` asks whether `byte` is there.
    @inlinable @inline(__always)
    public static func anyZero(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & highBits
    }

    /// Nonzero when some byte of `word` is below 0x20 (taking 0x20 from it borrows into its high
    /// bit); which bytes it marks is exact only up to the first.
    @inlinable @inline(__always)
    public static func controls(in word: UInt64) -> UInt64 {
        (word &- 0x2020_2020_2020_2020) & ~word & highBits
    }

    /// Whether all eight bytes are ASCII from the space up (space to DEL).
    @inlinable @inline(__always)
    public static func isPrintableASCII(_ word: UInt64) -> Bool {
        controls(in: word) | word & highBits == 0
    }
}

/// Scans over UTF-8 bytes sixteen at a time (`CByteScan`), for the searches that look at every
/// byte of a document. Each returns an offset at or after `start`, or `text.count` when there is
/// none. ASCII case is ignored where a pattern is given in lower case.
public enum ByteScan {
    /// Words to look for, for `firstWord`: one to eight, each of at least two bytes in lower
    /// case, found by their rarest pairs of bytes (`anchor`), of which there are at most four
    /// different ones.
    public struct Words: Sendable {
        fileprivate let bytes: [UInt8]
        fileprivate let ends: [Int]
        fileprivate let anchors: [Int]

        public init(_ words: [StaticString]) {
            precondition((1...8).contains(words.count))
            var bytes: [UInt8] = []
            var ends: [Int] = []
            var anchors: [Int] = []
            var pairs = Set<[UInt8]>()
            for word in words {
                precondition(word.utf8CodeUnitCount >= 2)
                word.withUTF8Buffer { word in
                    let anchor = ByteScan.anchor(of: word)
                    anchors.append(anchor)
                    pairs.insert([word[anchor], word[anchor + 1]])
                    bytes.append(contentsOf: word)
                }
                ends.append(bytes.count)
            }
            precondition(pairs.count <= 4)
            self.bytes = bytes
            self.ends = ends
            self.anchors = anchors
        }
    }

    /// Phrases to look for, for `phrasesFound`: one to sixteen, in lower case, each holding a
    /// space with a byte before and after it. They are found by the bytes around their first
    /// space, so a text is looked at only where it has a space.
    public struct Phrases: Sendable {
        fileprivate let bytes: [UInt8]
        fileprivate let ends: [Int]
        fileprivate let spaces: [Int]
        /// For the bytes before and after a space (each one's low five bits), the phrases whose
        /// first space could stand there.
        fileprivate let around: [UInt16]

        public init(_ phrases: [StaticString]) {
            precondition((1...16).contains(phrases.count))
            var bytes: [UInt8] = []
            var ends: [Int] = []
            var spaces: [Int] = []
            var around = [UInt16](repeating: 0, count: 1 << 10)
            for (bit, phrase) in phrases.enumerated() {
                phrase.withUTF8Buffer { phrase in
                    let space = phrase.firstIndex(of: UInt8(ascii: " "))!
                    precondition(space > 0 && space + 1 < phrase.count)
                    spaces.append(space)
                    around[Int(phrase[space - 1] & 0x1F) << 5 | Int(phrase[space + 1] & 0x1F)] |= 1 << bit
                    bytes.append(contentsOf: phrase)
                }
                ends.append(bytes.count)
            }
            self.bytes = bytes
            self.ends = ends
            self.spaces = spaces
            self.around = around
        }
    }

    /// The phrases that stand whole in the text, ignoring ASCII case: bit `p` set for
    /// `phrases`' phrase `p`.
    public static func phrasesFound(_ phrases: Phrases, in text: UnsafeBufferPointer<UInt8>) -> UInt16 {
        guard let base = text.baseAddress else { return 0 }
        return phrases.bytes.withUnsafeBufferPointer { bytes in
            phrases.ends.withUnsafeBufferPointer { ends in
                phrases.spaces.withUnsafeBufferPointer { spaces in
                    phrases.around.withUnsafeBufferPointer { around in
                        UInt16(truncatingIfNeeded: lexpipe_spaced_phrases(
                            base, text.count, around.baseAddress!, bytes.baseAddress!, ends.baseAddress!, spaces.baseAddress!
                        ))
                    }
                }
            }
        }
    }

    /// The first offset where one of the words stands whole, ignoring ASCII case.
    public static func firstWord(_ words: Words, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress, start < text.count else { return text.count }
        return words.bytes.withUnsafeBufferPointer { bytes in
            words.ends.withUnsafeBufferPointer { ends in
                words.anchors.withUnsafeBufferPointer { anchors in
                    Int(lexpipe_first_word(
                        base, text.count, start, bytes.baseAddress!, ends.baseAddress!, anchors.baseAddress!, Int32(ends.count)
                    ))
                }
            }
        }
    }

    /// The first offset where `word` (at least two bytes, in lower case) stands whole,
    /// ignoring ASCII case.
    public static func firstWord(_ word: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress, start < text.count else { return text.count }
        precondition(word.count >= 2)
        var end = word.count
        var anchor = anchor(of: word)
        return Int(lexpipe_first_word(base, text.count, start, word.baseAddress!, &end, &anchor, 1))
    }

    /// Where the word's rarest pair of bytes starts, by how often English text holds each byte:
    /// the fewer places it stands in a text, the fewer are compared with the word.
    static func anchor(of word: UnsafeBufferPointer<UInt8>) -> Int {
        var anchor = 0
        var rarest = -1
        for index in 0..<(word.count - 1) {
            let rarity = Int(rarity[Int(word[index])]) + Int(rarity[Int(word[index + 1])])
            if rarity > rarest {
                rarest = rarity
                anchor = index
            }
        }
        return anchor
    }

    /// How rare each byte is in English text, lower-case letters from `e` (0) to `z` (25), the
    /// space rarer than none, any other byte as rare as `g`.
    private static let rarity: [UInt8] = {
        var table = [UInt8](repeating: 16, count: 256)
        for (rank, letter) in "etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() { table[Int(letter)] = UInt8(rank) }
        table[Int(UInt8(ascii: " "))] = 0
        return table
    }()

    /// The end of the run from `start` of ASCII from the space up, without two spaces together
    /// and not ending in a space: text that folding white space leaves as it is.
    public static func foldFreeEnd(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress, start < text.count else { return start }
        return Int(lexpipe_fold_free_end(base, text.count, start))
    }
}
