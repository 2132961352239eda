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
    /// case, with at most four different first pairs of bytes.
    public struct Words: Sendable {
        fileprivate let bytes: [UInt8]
        fileprivate let ends: [Int]

        public init(_ words: [StaticString]) {
            precondition((1...8).contains(words.count))
            var bytes: [UInt8] = []
            var ends: [Int] = []
            for word in words {
                precondition(word.utf8CodeUnitCount >= 2)
                word.withUTF8Buffer { bytes.append(contentsOf: $0) }
                ends.append(bytes.count)
            }
            precondition(Set(words.map { [$0.utf8Start[0], $0.utf8Start[1]] }).count <= 4)
            self.bytes = bytes
            self.ends = ends
        }
    }

    /// The first offset where one of the words stands whole, ignoring ASCII case.
    public static func firstWord(_ words: Words, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress, start < text.count else { return text.count }
        return words.bytes.withUnsafeBufferPointer { bytes in
            withUnsafeTemporaryAllocation(of: UnsafePointer<UInt8>?.self, capacity: words.ends.count) { pointers in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: words.ends.count) { lengths in
                    var wordStart = 0
                    for (index, end) in words.ends.enumerated() {
                        pointers[index] = bytes.baseAddress! + wordStart
                        lengths[index] = end - wordStart
                        wordStart = end
                    }
                    return Int(lexpipe_first_word(
                        base, text.count, start, pointers.baseAddress!,
                        lengths.baseAddress!, Int32(words.ends.count)
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
        var pointer: UnsafePointer<UInt8>? = word.baseAddress
        var length = word.count
        return Int(lexpipe_first_word(base, text.count, start, &pointer, &length, 1))
    }

    /// The end of the run from `start` of ASCII from the space up, without two spaces together
    /// and not ending in a space: text that folding white space leaves as it is.
    public static func foldFreeEnd(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress, start < text.count else { return start }
        return Int(lexpipe_fold_free_end(base, text.count, start))
    }
}
