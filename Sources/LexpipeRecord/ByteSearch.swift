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
