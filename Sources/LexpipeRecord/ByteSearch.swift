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
    /// Pairs of bytes to look for, for `firstPair`: one to four, each byte in lower case.
    public struct Pairs: Sendable {
        fileprivate let firsts: UInt32
        fileprivate let seconds: UInt32
        fileprivate let count: Int32

        public init(_ pairs: [(UInt8, UInt8)]) {
            precondition((1...4).contains(pairs.count))
            firsts = pairs.enumerated().reduce(0) { $0 | UInt32($1.element.0) << (8 * $1.offset) }
            seconds = pairs.enumerated().reduce(0) { $0 | UInt32($1.element.1) << (8 * $1.offset) }
            count = Int32(pairs.count)
        }
    }

    /// The first offset `i` where `text[i]` and `text[i + 1]`, lower-cased, are one of the pairs.
    public static func firstPair(_ pairs: Pairs, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress, start < text.count else { return text.count }
        return withUnsafeBytes(of: pairs.firsts.littleEndian) { firsts in
            withUnsafeBytes(of: pairs.seconds.littleEndian) { seconds in
                Int(lexpipe_first_pair(
                    base, text.count, start, firsts.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    seconds.baseAddress!.assumingMemoryBound(to: UInt8.self), pairs.count
                ))
            }
        }
    }

    /// The first offset `i` where `text[i]` and `text[i + 1]`, lower-cased, are `first` and
    /// `second`.
    public static func firstPair(_ first: UInt8, _ second: UInt8, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress, start < text.count else { return text.count }
        var first = first
        var second = second
        return Int(lexpipe_first_pair(base, text.count, start, &first, &second, 1))
    }

    /// The end of the run from `start` of ASCII from the space up, without two spaces together
    /// and not ending in a space: text that folding white space leaves as it is.
    public static func foldFreeEnd(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress, start < text.count else { return start }
        return Int(lexpipe_fold_free_end(base, text.count, start))
    }
}
