import CByteScan

/// The bytes a writer must treat specially in a text (quotes, separators, line breaks, control
/// characters), found sixteen bytes at a time (`lexpipe_first_of`): most of a section's text
/// holds none. (The standard library's `SIMD16` comparisons compile to a loop per lane here.)
public struct SpecialBytes: Sendable {
    /// Up to four special bytes, the first `count` of them used.
    private let bytes: (UInt8, UInt8, UInt8, UInt8)
    private let count: Int32
    /// Whether every byte below 0x20 is special too.
    private let controls: Bool

    /// `bytes` (one to four of them), and the control characters when `controls`.
    public init(_ bytes: [UInt8], controls: Bool = false) {
        precondition((1...4).contains(bytes.count))
        let padded = bytes + [0, 0, 0]
        self.bytes = (padded[0], padded[1], padded[2], padded[3])
        count = Int32(bytes.count)
        self.controls = controls
    }

    /// The offset of the first special byte in `text` at or after `start`; `text.count` if none.
    public func first(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress, start < text.count else { return text.count }
        return withUnsafeBytes(of: bytes) { set in
            Int(lexpipe_first_of(
                base, text.count, start, set.baseAddress!.assumingMemoryBound(to: UInt8.self), count, controls ? 1 : 0
            ))
        }
    }
}
