import LexpipeIngest
import LexpipeRecord

/// Running headers and footers that PDF-to-text conversion leaves between pages: page
/// numbers, the publisher's footer lines, and any line repeated at the edge of most pages.
enum PageFurniture {
    /// The document's lines (ranges of its UTF-8 `bytes`) with page furniture removed; page
    /// breaks and dropped lines become empty lines.
    static func strip(_ bytes: Span<UInt8>, dropped: inout Int) -> [Range<Int>] {
        var pages: [[Range<Int>]] = []
        var pageStart = 0
        while true {
            let pageEnd = bytes.withUnsafeBufferPointer { $0.offset(of: 0x0C, from: pageStart, to: $0.count) }
            pages.append(TextLines.split(bytes, pageStart..<pageEnd))
            guard pageEnd < bytes.count else { break }
            pageStart = pageEnd + 1
        }
        let edges = pages.map { edgeIndices($0, in: bytes) }
        // Shapes are only needed at page edges, and only when there are pages to compare;
        // computing them for every line would fold and lower-case the whole document once more.
        var edgeShapes: [[String]] = []
        if pages.count >= 2 {
            for (page, pageEdges) in zip(pages, edges) { edgeShapes.append(pageEdges.map { shape(page[$0], in: bytes) }) }
        }
        let repeated = repeatedEdgeLines(edgeShapes, pageCount: pages.count)
        let wordStarts = furnitureWordStarts(bytes)
        var nextWord = 0
        var lines: [Range<Int>] = []
        lines.reserveCapacity(pages.reduce(pages.count) { $0 + $1.count })
        for (pageIndex, page) in pages.enumerated() {
            if pageIndex > 0 { lines.append(page.first!.lowerBound..<page.first!.lowerBound) }
            for (lineIndex, line) in page.enumerated() {
                let edge = pages.count >= 2 ? edges[pageIndex].firstIndex(of: lineIndex) : nil
                while nextWord < wordStarts.count, wordStarts[nextWord] < line.lowerBound { nextWord += 1 }
                let mentionsWord = nextWord < wordStarts.count && wordStarts[nextWord] < line.upperBound
                if isFurniture(line, mentionsWord: mentionsWord, in: bytes)
                    || edge.map({ repeated.contains(edgeShapes[pageIndex][$0]) || isPageNumber(line, in: bytes) }) == true
                {
                    dropped += 1
                    lines.append(line.lowerBound..<line.lowerBound)
                    continue
                }
                lines.append(line)
            }
        }
        return lines
    }

    /// Indices of the first and last two non-blank lines of a page (an index twice when a page
    /// has fewer than four).
    private static func edgeIndices(_ page: [Range<Int>], in bytes: Span<UInt8>) -> [Int] {
        var edges: [Int] = []
        for index in page.indices where !UTF8Text.isBlank(bytes, page[index]) {
            edges.append(index)
            if edges.count == 2 { break }
        }
        var fromEnd = 0
        for index in page.indices.reversed() where !UTF8Text.isBlank(bytes, page[index]) {
            edges.append(index)
            fromEnd += 1
            if fromEnd == 2 { break }
        }
        return edges
    }

    /// Lines that stand at a page edge on at least half the pages (and on two or more), given
    /// the shapes of each page's edge lines.
    private static func repeatedEdgeLines(_ edgeShapes: [[String]], pageCount: Int) -> Set<String> {
        guard pageCount >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for shapes in edgeShapes {
            var seen = Set<String>()
            for key in shapes where key.count >= 2 && key.count <= 120 && seen.insert(key).inserted {
                counts[key, default: 0] += 1
            }
        }
        let needed = max(2, (pageCount + 1) / 2)
        return Set(counts.filter { $0.value >= needed }.map(\.key))
    }

    /// A line's shape for comparing running headers: folded, digits replaced, case ignored.
    private static func shape(_ line: Range<Int>, in bytes: Span<UInt8>) -> String {
        let folded = InlineText.fold(bytes.extracting(line))
        guard folded.utf8.allSatisfy({ $0 < 0x80 }) else {
            return String(folded.lowercased().map { $0.isNumber ? "#" : $0 })
        }
        // An ASCII Character is one byte, and a number only if it is a digit.
        return String(decoding: folded.utf8.map { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(ascii: "#")
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
            default: byte
            }
        }, as: UTF8.self)
    }

    private static func isPageNumber(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let folded = InlineText.fold(bytes.extracting(line)).lowercased()
        guard !folded.isEmpty, folded.count <= 20 else { return false }
        var words = folded.split(separator: " ")
        if words.first == "page" { words.removeFirst() }
        if words.count == 3, words[1] == "of" { words = [words[0], words[2]] }
        return !words.isEmpty && words.count <= 2
            && words.allSatisfy { $0.trimming(where: { $0 == "-" }).allSatisfy(\.isNumber) }
    }

    private static let footerPhrases: [StaticString] = [
        "this material may be freely reproduced and distributed",
        "please credit child welfare information gateway",
    ]

    /// Lines that are furniture wherever they stand; only a line that mentions a furniture word
    /// can be one.
    private static func isFurniture(_ line: Range<Int>, mentionsWord: Bool, in bytes: Span<UInt8>) -> Bool {
        guard line.count <= 400, mentionsWord else { return false }
        let folded = InlineText.fold(bytes.extracting(line)).lowercased()
        guard !folded.isEmpty, folded.count <= 200 else { return false }
        if folded.hasPrefix("page "), isPageNumber(line, in: bytes) { return true }
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            // On ASCII, Foundation's searches below match bytes: the same checks, on bytes (the
            // text is lower-case already, so ignoring ASCII case changes nothing).
            if footerPhrases.contains(where: { ASCIIText.contains(folded, $0) }) { return true }
            let bare = removingAll("http://", from: removingAll("https://", from: Array(folded.utf8)))
            if bare.elementsEqual("www.childwelfare.gov".utf8) || bare.elementsEqual("childwelfare.gov".utf8) { return true }
        } else {
            if footerPhrases.contains(where: { folded.contains($0.description) }) { return true }
            let bare = folded.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
            if bare == "www.childwelfare.gov" || bare == "childwelfare.gov" { return true }
        }
        if folded.hasPrefix("child welfare information gateway"), folded.count <= 60 { return true }
        return false
    }

    /// `text` with every occurrence of `pattern` (which cannot overlap itself) taken out.
    private static func removingAll(_ pattern: String, from text: [UInt8]) -> [UInt8] {
        let pattern = Array(pattern.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index...].starts(with: pattern) {
                index += pattern.count
            } else {
                out.append(text[index])
                index += 1
            }
        }
        return out
    }

    /// Where "page", "reproduced", "credit", "childwelfare" or "child welfare" starts in the
    /// document, in any ASCII case, in order. The words are told by their first two letters (`pa`,
    /// `re`, `cr`, `ch`), and compared only where such a pair stands. None spans a line break, so a
    /// line mentions one exactly when one starts inside it.
    private static func furnitureWordStarts(_ bytes: Span<UInt8>) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var starts: [Int] = []
            var index = 0
            while true {
                index = ByteScan.firstPair(furniturePairs, in: buffer, from: index)
                guard index < buffer.count else { return starts }
                if furnitureWord(at: index, in: bytes, end: buffer.count) { starts.append(index) }
                index += 1
            }
        }
    }

    private static let furniturePairs = ByteScan.Pairs([
        (UInt8(ascii: "p"), UInt8(ascii: "a")), (UInt8(ascii: "r"), UInt8(ascii: "e")),
        (UInt8(ascii: "c"), UInt8(ascii: "r")), (UInt8(ascii: "c"), UInt8(ascii: "h")),
    ])

    /// Whether one of the furniture words starts at `index`.
    private static func furnitureWord(at index: Int, in bytes: Span<UInt8>, end: Int) -> Bool {
        // `| 0x20` lower-cases a letter and sends no other byte to a letter; the first two
        // letters pick the word to look for.
        switch (bytes[index] | 0x20, bytes[index + 1] | 0x20) {
        case (UInt8(ascii: "p"), UInt8(ascii: "a")): has("page", at: index, in: bytes, end: end)
        case (UInt8(ascii: "r"), UInt8(ascii: "e")): has("reproduced", at: index, in: bytes, end: end)
        case (UInt8(ascii: "c"), UInt8(ascii: "r")): has("credit", at: index, in: bytes, end: end)
        case (UInt8(ascii: "c"), UInt8(ascii: "h")):
            has("childwelfare", at: index, in: bytes, end: end) || has("child welfare", at: index, in: bytes, end: end)
        default: false
        }
    }

    /// Whether `word` (lower-case ASCII) stands at `index`, ignoring ASCII case.
    private static func has(_ word: StaticString, at index: Int, in bytes: Span<UInt8>, end: Int) -> Bool {
        word.withUTF8Buffer { word in
            guard end - index >= word.count else { return false }
            for offset in 0..<word.count where lowercased(bytes[index + offset]) != word[offset] { return false }
            return true
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
