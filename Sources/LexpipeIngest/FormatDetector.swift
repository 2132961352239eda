public import LexpipeRecord

/// Decides a document's format from its content; the file name only breaks a tie between
/// markdown and plain text. Looks at the first 8 KiB, byte by byte.
public enum FormatDetector {
    private static let blockTags: [StaticString] = [
        "<p>", "<p ", "<div", "<table", "<body", "<ul", "<ol", "<li", "<h1", "<h2", "<h3", "<tr", "<br",
    ]

    /// The detected format of `text`.
    public static func detect(_ text: String, fileName: String) -> DocumentFormat {
        let head = text.utf8.prefix(8192)
        let trimmed = Substring(decoding: head.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }), as: UTF8.self)
        if ASCIIText.hasPrefix(trimmed, "<!doctype html") || ASCIIText.hasPrefix(trimmed, "<html")
            || ASCIIText.hasPrefix(trimmed, "<?xml") && ASCIIText.contains(trimmed, "<html")
        {
            return .html
        }
        let blockTagCount = blockTags(in: trimmed, upTo: 3)
        if blockTagCount >= 3 { return .html }
        if looksLikeMarkdown(trimmed) { return .markdown }
        if ASCIIText.hasSuffix(fileName, ".md") || ASCIIText.hasSuffix(fileName, ".markdown") { return .markdown }
        if (ASCIIText.hasSuffix(fileName, ".html") || ASCIIText.hasSuffix(fileName, ".htm")) && blockTagCount > 0 { return .html }
        return .text
    }

    /// Occurrences of block-level tags (`<p>`, `<div`, ...), ignoring case, counted in one
    /// pass up to `limit`.
    private static func blockTags(in text: Substring, upTo limit: Int) -> Int {
        var count = 0
        var utf8 = text.utf8[...]
        while count < limit, let open = utf8.firstIndex(of: UInt8(ascii: "<")) {
            let rest = utf8[utf8.index(after: open)...]
            for tag in blockTags where matches(rest, tag) {
                count += 1
                break
            }
            utf8 = rest
        }
        return count
    }

    /// Whether `bytes` start with `tag` after its `<`, ignoring ASCII case.
    private static func matches(_ bytes: Substring.UTF8View.SubSequence, _ tag: StaticString) -> Bool {
        var iterator = bytes.makeIterator()
        for index in 1..<tag.utf8CodeUnitCount {
            guard let byte = iterator.next(), ASCIIText.lower(byte) == tag.utf8Start[index] else { return false }
        }
        return true
    }

    /// ATX headings (`## Title`) decide at once; two of bold lines, pipe tables, fences and
    /// links do too.
    private static func looksLikeMarkdown(_ head: Substring) -> Bool {
        var signals = 0
        for line in head.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let content = line.drop(while: { $0 == 0x20 })
            guard let first = content.first else { continue }
            if first == UInt8(ascii: "#") {
                let marks = content.prefix(while: { $0 == UInt8(ascii: "#") }).count
                if marks <= 6, content.dropFirst(marks).first == 0x20 { return true }
            }
            if content.starts(with: "**".utf8) || content.starts(with: "__".utf8) { signals += 1 }
            if first == UInt8(ascii: "|"), ASCIIText.contains(Substring(decoding: content, as: UTF8.self), "---") { signals += 1 }
            if content.starts(with: "```".utf8) { signals += 1 }
            if ASCIIText.contains(Substring(decoding: content, as: UTF8.self), "](") { signals += 1 }
            if signals >= 2 { return true }
        }
        return false
    }
}
