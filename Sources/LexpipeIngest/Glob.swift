/// A path pattern as in `.gitignore`-style configs: `*` matches within one path segment,
/// `**` matches any number of segments, `?` one character, `[abc]` one of a set.
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    /// The pattern's segments; `nil` stands for `**`.
    private let segments: [[UInt8]?]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { $0 == "**" ? nil : Array($0.utf8) }
    }

    public var description: String { pattern }

    /// Whether the relative path (segments separated by `/`) matches.
    public func matches(_ path: String) -> Bool {
        matches(GlobPath(path))
    }

    /// Whether the path, split once for every pattern it is tested against, matches.
    public func matches(_ path: GlobPath) -> Bool {
        Glob.match(segments[...], path.parts[...], in: path.bytes)
    }

    private static func match(_ pattern: ArraySlice<[UInt8]?>, _ path: ArraySlice<Range<Int>>, in bytes: [UInt8]) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        guard let first else {
            let rest = pattern.dropFirst()
            // Iterative over the split point keeps this linear in the number of segments per `**`.
            var remaining = path
            while true {
                if match(rest, remaining, in: bytes) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(first[...], bytes[segment]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst(), in: bytes)
    }

    /// Wildcard matching within a segment, greedy with one backtrack point: linear time.
    private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var starP: Int? = nil
        var starT = text.startIndex
        while t < text.endIndex {
            if p < pattern.endIndex {
                let c = pattern[p]
                if c == UInt8(ascii: "*") {
                    starP = p
                    starT = t
                    p += 1
                    continue
                }
                if c == UInt8(ascii: "[") , let (matched, next) = matchClass(pattern, p, text[t]) {
                    if matched { p = next; t += 1; continue }
                } else if c == UInt8(ascii: "?") || c == text[t] {
                    p += 1
                    t += 1
                    continue
                }
            }
            guard let star = starP else { return false }
            p = star + 1
            starT += 1
            t = starT
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }

    /// Matches `[...]` at `start`; `nil` when the bracket is not closed (then it is a literal).
    private static func matchClass(_ pattern: ArraySlice<UInt8>, _ start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var index = start + 1
        var negate = false
        if index < pattern.endIndex, pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            negate = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.endIndex {
            let c = pattern[index]
            if c == UInt8(ascii: "]"), !first {
                return (matched != negate, index + 1)
            }
            first = false
            if index + 2 < pattern.endIndex, pattern[index + 1] == UInt8(ascii: "-"), pattern[index + 2] != UInt8(ascii: "]") {
                if c <= byte && byte <= pattern[index + 2] { matched = true }
                index += 3
            } else {
                if c == byte { matched = true }
                index += 1
            }
        }
        return nil
    }
}

/// A relative path split into its `/`-separated segments once, for testing against several
/// patterns.
public struct GlobPath: Sendable {
    let bytes: [UInt8]
    /// The non-empty segments, as ranges of `bytes`.
    let parts: [Range<Int>]

    public init(_ path: String) {
        bytes = Array(path.utf8)
        var parts: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
            if index > start { parts.append(start..<index) }
            start = index + 1
        }
        if bytes.count > start { parts.append(start..<bytes.count) }
        self.parts = parts
    }
}
