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
    /// document, in any ASCII case, in order. None spans a line break, so a line mentions one
    /// exactly when one starts inside it.
    private static func furnitureWordStarts(_ bytes: Span<UInt8>) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var starts: [Int] = []
            var index = 0
            while true {
                index = ByteScan.firstWord(furnitureWords, in: buffer, from: index)
                guard index < buffer.count else { return starts }
                starts.append(index)
                index += 1
            }
        }
    }

    private static let furnitureWords = ByteScan.Words(["page", "reproduced", "credit", "childwelfare", "child welfare"])
}
