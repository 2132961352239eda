public import LexpipeRecord

/// Decides a document's format from its content; the file name only breaks a tie between
/// markdown and plain text. Looks at the first 8 KiB, byte by byte.
public enum FormatDetector {
    private static let blockTags: [StaticString] = [
        "<p>", "<p ", "<div", "<table", "<body", "<ul", "<ol", "<li", "<h1", "<h2", "<h3", "<tr", "<br",
    ]

    /// The detected format of `text`.
    public static func detect(_ text: String, fileName: String) -> DocumentFormat {
        var text = text
        return text.withUTF8 { bytes in
            let end = min(bytes.count, 8192)
            var start = 0
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D {
                start += 1
            }
            return detect(head: UnsafeBufferPointer(rebasing: bytes[start..<end]), fileName: fileName)
        }
    }

    private static func detect(head: UnsafeBufferPointer<UInt8>, fileName: String) -> DocumentFormat {
        if hasPrefix(head, "<!doctype html") || hasPrefix(head, "<html") || hasPrefix(head, "<?xml") && contains(head, "<html") {
            return .html
        }
        let blockTagCount = blockTags(in: head, upTo: 3)
        // Line breaks inside the cells of a markdown pipe table (`| a<br>b |`) make no HTML page.
        let markdown = looksLikeMarkdown(head)
        // A converter's markdown may carry raw HTML blocks (markitdown's slide tables): an ATX
        // heading before the first block tag makes it markdown, which a page never has.
        // Nor do line breaks inside a wiki table's cells (lines opening with `|`).
        if blockTagCount >= 3, !markdown && blockTagsOutsideCellLines(head) >= 3
            || blockTags(in: head, upTo: 3, countingBreaks: false) >= 3 && !headingBeforeBlockTags(head)
        {
            return .html
        }
        if markdown { return .markdown }
        if ASCIIText.hasSuffix(fileName, ".md") || ASCIIText.hasSuffix(fileName, ".markdown") { return .markdown }
        if (ASCIIText.hasSuffix(fileName, ".html") || ASCIIText.hasSuffix(fileName, ".htm")) && blockTagCount > 0 { return .html }
        return .text
    }

    /// Occurrences of block-level tags (`<p>`, `<div`, ...), ignoring case, counted in one
    /// pass up to `limit`; `<br` among them only when `countingBreaks`.
    private static func blockTags(in bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int, countingBreaks: Bool = true) -> Int {
        var count = 0
        var next = bytes.offset(of: UInt8(ascii: "<"), from: 0, to: bytes.count)
        while count < limit, next < bytes.count {
            let rest = UnsafeBufferPointer(rebasing: bytes[(next + 1)...])
            if blockTags.contains(where: { hasPrefix(rest, $0, from: 1) }), countingBreaks || !hasPrefix(rest, "<br", from: 1) {
                count += 1
            }
            next = bytes.offset(of: UInt8(ascii: "<"), from: next + 1, to: bytes.count)
        }
        return count
    }

    /// Block-level tags up to 3, a line break among them only on a line that does not open
    /// with `|` (a table's cell in a wiki's source or markdown).
    private static func blockTagsOutsideCellLines(_ head: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var lineStart = 0
        while count < 3, lineStart < head.count {
            let lineEnd = head.offset(of: 0x0A, from: lineStart, to: head.count)
            defer { lineStart = lineEnd + 1 }
            let line = UnsafeBufferPointer(rebasing: head[lineStart..<lineEnd])
            let cell = line.first { $0 != 0x20 } == UInt8(ascii: "|")
            count += blockTags(in: line, upTo: 3 - count, countingBreaks: !cell)
        }
        return count
    }

    /// Whether `bytes` start with `needle` (lower-case ASCII) from its `from`th byte on,
    /// ignoring ASCII case.
    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from offset: Int = 0) -> Bool {
        let count = needle.utf8CodeUnitCount - offset
        guard bytes.count >= count else { return false }
        for index in 0..<count where ASCIIText.lower(bytes[index]) != needle.utf8Start[offset + index] { return false }
        return true
    }

    /// Whether `bytes` contain `needle` (lower-case ASCII), ignoring ASCII case.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        ASCIIText.search(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: bytes, from: 0) != nil
    }

    /// Whether lines that are ATX headings (`# Title`) stand both before the first line with a
    /// block-level tag and after one: markdown around HTML blocks, not a heading over a page.
    private static func headingBeforeBlockTags(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
        var headingBefore = false
        var sawBlockTag = false
        var lineStart = 0
        while lineStart < head.count {
            let lineEnd = head.offset(of: 0x0A, from: lineStart, to: head.count)
            defer { lineStart = lineEnd + 1 }
            let line = UnsafeBufferPointer(rebasing: head[lineStart..<lineEnd])
            if blockTags(in: line, upTo: 1, countingBreaks: false) > 0 {
                guard headingBefore else { return false }
                sawBlockTag = true
                continue
            }
            var marks = 0
            while marks < line.count, line[marks] == UInt8(ascii: "#") { marks += 1 }
            guard marks >= 1, marks <= 6, marks < line.count, line[marks] == 0x20 else { continue }
            if sawBlockTag { return true }
            headingBefore = true
        }
        return false
    }

    private static func has(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.offset(of: byte, from: 0, to: bytes.count) < bytes.count
    }

    /// ATX headings (`## Title`) decide at once; two of bold lines, pipe tables, fences and
    /// links do too.
    private static func looksLikeMarkdown(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
        var signals = 0
        var lineStart = 0
        while lineStart < head.count {
            let lineEnd = head.offset(of: 0x0A, from: lineStart, to: head.count)
            defer { lineStart = lineEnd + 1 }
            var first = lineStart
            while first < lineEnd, head[first] == 0x20 { first += 1 }
            guard first < lineEnd else { continue }
            let content = UnsafeBufferPointer(rebasing: head[first..<lineEnd])
            let opening = content[0]
            if opening == UInt8(ascii: "#") {
                var marks = 0
                while marks < content.count, content[marks] == UInt8(ascii: "#") { marks += 1 }
                if marks <= 6, marks < content.count, content[marks] == 0x20 { return true }
            }
            // Each test is asked of its marks' bytes, found with memchr: most lines of prose
            // hold none of them.
            // Bold opens with two marks; a line of nothing but the mark is a rule (Org's ASCII
            // export frames its title in `____`), which plain text draws as often.
            if content.count >= 2, opening == UInt8(ascii: "*") || opening == UInt8(ascii: "_"), content[1] == opening,
                content.contains(where: { $0 != opening && $0 != 0x20 && $0 != 0x0D })
            {
                signals += 1
            }
            // A pipe table's delimiter row, with or without outer pipes (`|---|`, `--- | ---`).
            // The single bytes first: most lines hold neither a pipe nor a bracket.
            if has(UInt8(ascii: "|"), in: content), contains(content, "---") { signals += 1 }
            if content.starts(with: "```".utf8) { signals += 1 }
            if has(UInt8(ascii: "]"), in: content), contains(content, "](") { signals += 1 }
            if signals >= 2 { return true }
        }
        return false
    }
}
