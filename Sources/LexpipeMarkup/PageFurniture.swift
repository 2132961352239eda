import LexpipeIngest
import LexpipeRecord

/// Running headers and footers that PDF-to-text conversion leaves between pages: page
/// numbers, the publisher's footer lines, and any line repeated at the edge of most pages.
enum PageFurniture {
    /// What stripping found: the document's lines (ranges of its UTF-8 `bytes`) with page
    /// furniture removed (page breaks and dropped lines become empty lines), where each page
    /// after the first starts, and the running header most pages carry, if any.
    struct Result {
        var lines: [Range<Int>]
        var pageStarts: [Int]
        var runningHeader: String?
    }

    /// The document's lines with page furniture removed. Pages are the text between form feeds;
    /// a conversion without form feeds is cut into pages after its page numbers, when they count
    /// up through the document. A line is furniture when it recurs at the top or the bottom of
    /// most pages (compared with digits ignored, so page numbers differing still match), or is
    /// a page number or a bare URL there; the edges are peeled line by line while that holds.
    static func strip(_ bytes: Span<UInt8>, dropped: inout Int) -> Result {
        var pages: [[Range<Int>]] = []
        var pageStart = 0
        while true {
            let pageEnd = bytes.withUnsafeBufferPointer { $0.offset(of: 0x0C, from: pageStart, to: $0.count) }
            pages.append(TextLines.split(bytes, pageStart..<pageEnd))
            guard pageEnd < bytes.count else { break }
            pageStart = pageEnd + 1
        }
        if pages.count == 1 { pages = inferredPages(pages[0], in: bytes) }
        let edges = pages.map { edgeIndices($0, in: bytes) }
        // Shapes are only needed at page edges, and only when there are pages to compare;
        // computing them for every line would fold and lower-case the whole document once more.
        // A page has at most seven edge lines: small arrays searched in order, not hashed.
        var edgeShapes: [[(index: Int, shape: String)]] = []
        if pages.count >= 2 {
            for (page, pageEdges) in zip(pages, edges) {
                edgeShapes.append(pageEdges.map { ($0, shape(page[$0], in: bytes)) })
            }
        }
        func edgeShape(_ page: Int, _ index: Int) -> String? {
            edgeShapes[page].first { $0.index == index }?.shape
        }
        let repeated = repeatedEdgeLines(edgeShapes, pageCount: pages.count)
        var furniture: [[Int]] = []
        var headerCounts: [String: (count: Int, line: Range<Int>)] = [:]
        for (pageIndex, page) in pages.enumerated() where pages.count >= 2 {
            var found: [Int] = []
            func isEdgeFurniture(_ index: Int) -> Bool {
                let line = page[index]
                if let shape = edgeShape(pageIndex, index), repeated.contains(shape) { return true }
                return isPageNumber(line, in: bytes) || isBareURL(line, in: bytes)
            }
            // Peel from the top, then from the bottom, over non-blank lines. The document's
            // first line is its own title, even where later pages repeat it as their header.
            for index in page.indices where !UTF8Text.isBlank(bytes, page[index]) {
                guard pageIndex > 0, edgeShape(pageIndex, index) != nil, isEdgeFurniture(index) else { break }
                found.append(index)
                if let shape = edgeShape(pageIndex, index), repeated.contains(shape), !isPageNumber(page[index], in: bytes) {
                    headerCounts[shape, default: (0, page[index])].count += 1
                }
            }
            for index in page.indices.reversed() where !UTF8Text.isBlank(bytes, page[index]) && !found.contains(index) {
                guard edgeShape(pageIndex, index) != nil, isEdgeFurniture(index) else { break }
                found.append(index)
            }
            furniture.append(found)
        }
        let wordStarts = furnitureWordStarts(bytes)
        var nextWord = 0
        var result = Result(lines: [], pageStarts: [])
        result.lines.reserveCapacity(pages.reduce(pages.count) { $0 + $1.count })
        for (pageIndex, page) in pages.enumerated() {
            if pageIndex > 0, let first = page.first {
                result.lines.append(first.lowerBound..<first.lowerBound)
                result.pageStarts.append(first.lowerBound)
            }
            for (lineIndex, line) in page.enumerated() {
                while nextWord < wordStarts.count, wordStarts[nextWord] < line.lowerBound { nextWord += 1 }
                let mentionsWord = nextWord < wordStarts.count && wordStarts[nextWord] < line.upperBound
                if isFurniture(line, mentionsWord: mentionsWord, in: bytes)
                    || pages.count >= 2 && furniture[pageIndex].contains(lineIndex)
                {
                    dropped += 1
                    result.lines.append(line.lowerBound..<line.lowerBound)
                    continue
                }
                result.lines.append(line)
            }
        }
        // The line most pages open with, as written: a title and state when nothing else has them.
        if let header = headerCounts.values.max(by: { $0.count < $1.count }), header.count >= 2 {
            result.runningHeader = InlineText.fold(bytes.extracting(header.line))
        }
        return result
    }

    /// A conversion's lines cut into pages after each page number, when the document has two or
    /// more page numbers counting up by one, each at least twenty lines after the one before (a
    /// page's worth): numbers alone on a line that do not count up so (scores, issue numbers)
    /// cut nothing. One page, the whole text, otherwise.
    private static func inferredPages(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> [[Range<Int>]] {
        var cuts: [Int] = []
        var last: (line: Int, number: Int)?
        for index in lines.indices where !lines[index].isEmpty && lines[index].count <= 24 {
            // A page number's line opens with a digit, `Page` or a dash (white space aside).
            var first = lines[index].lowerBound
            while first < lines[index].upperBound, UTF8Text.isASCIIWhitespace(bytes[first]) { first += 1 }
            guard first < lines[index].upperBound else { continue }
            let opening = bytes[first]
            guard opening >= 0x30 && opening <= 0x39 || opening | 0x20 == UInt8(ascii: "p") || opening == UInt8(ascii: "-") else { continue }
            guard let number = pageNumber(lines[index], in: bytes) else { continue }
            if let previous = last, number == previous.number + 1, index - previous.line >= 20 {
                if cuts.last != previous.line { cuts.append(previous.line) }
                cuts.append(index)
            } else if let previous = last, number == previous.number + 1 {
                continue
            }
            last = (index, number)
        }
        guard cuts.count >= 2 else { return [lines] }
        var pages: [[Range<Int>]] = []
        var start = 0
        for cut in cuts {
            pages.append(Array(lines[start...cut]))
            start = cut + 1
        }
        pages.append(Array(lines[start...]))
        return pages
    }

    /// The number of a page-number line (`3`, `Page 3`, `3 of 10`, `- 3 -`), or `nil`.
    private static func pageNumber(_ line: Range<Int>, in bytes: Span<UInt8>) -> Int? {
        guard isPageNumber(line, in: bytes) else { return nil }
        let folded = InlineText.fold(bytes.extracting(line)).lowercased()
        let words = folded.split(separator: " ").map { $0.trimming(where: { $0 == "-" }) }.filter { !$0.isEmpty }
        return words.first { Int($0) != nil }.flatMap { Int($0) }
    }

    /// A line that is one web address and nothing else.
    private static func isBareURL(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        // Folding drops only white space and invisible scalars before the first letter.
        var first = line.lowerBound
        while first < line.upperBound, UTF8Text.isASCIIWhitespace(bytes[first]) { first += 1 }
        guard first < line.upperBound, bytes[first] >= 0x80 || bytes[first] | 0x20 == UInt8(ascii: "h") || bytes[first] | 0x20 == UInt8(ascii: "w")
        else { return false }
        let folded = InlineText.fold(bytes.extracting(line)).lowercased()
        guard !folded.isEmpty, folded.utf8.count <= 200, !folded.contains(" ") else { return false }
        return folded.hasPrefix("http://") || folded.hasPrefix("https://") || folded.hasPrefix("www.")
    }

    /// Indices of the first three and the last four non-blank lines of a page, where running
    /// headers and footers stand.
    private static func edgeIndices(_ page: [Range<Int>], in bytes: Span<UInt8>) -> [Int] {
        var edges: [Int] = []
        for index in page.indices where !UTF8Text.isBlank(bytes, page[index]) {
            edges.append(index)
            if edges.count == 3 { break }
        }
        var fromEnd = 0
        for index in page.indices.reversed() where !UTF8Text.isBlank(bytes, page[index]) {
            if !edges.contains(index) { edges.append(index) }
            fromEnd += 1
            if fromEnd == 4 { break }
        }
        return edges
    }

    /// Lines that stand at a page edge on at least half the pages (and on two or more), given
    /// the shapes of each page's edge lines.
    private static func repeatedEdgeLines(_ edgeShapes: [[(index: Int, shape: String)]], pageCount: Int) -> Set<String> {
        guard pageCount >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for shapes in edgeShapes {
            var seen = Set<String>()
            for key in shapes.map(\.shape) where (2...120).contains(key.unicodeScalars.count) && seen.insert(key).inserted {
                counts[key, default: 0] += 1
            }
        }
        let needed = max(2, (pageCount + 1) / 2)
        return Set(counts.filter { $0.value >= needed }.map(\.key))
    }

    /// A line's shape for comparing running headers: folded, every number scalar a `#`, lower
    /// case.
    private static func shape(_ line: Range<Int>, in bytes: Span<UInt8>) -> String {
        let folded = InlineText.fold(bytes.extracting(line))
        let text = folded.utf8.span
        var shape: [UInt8] = []
        shape.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let (scalar, length) = UTF8Text.scalar(at: index, in: text)
            index += length
            // An ASCII scalar is a number only as a digit, and has no lower case but its letter's.
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): shape.append(UInt8(ascii: "#"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): shape.append(byte | 0x20)
                default: shape.append(byte)
                }
            } else if scalar.properties.numericType != nil {
                shape.append(UInt8(ascii: "#"))
            } else {
                shape.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: shape, as: UTF8.self)
    }

    private static func isPageNumber(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        // An ASCII character other than these is no digit and no letter of `page` or `of`, and
        // stands in a word of its own Character.
        for index in line where bytes[index] < 0x80 && !pageNumberBytes[Int(bytes[index])] { return false }
        let folded = InlineText.fold(bytes.extracting(line)).lowercased()
        guard !folded.isEmpty, folded.count <= 20 else { return false }
        var words = folded.split(separator: " ")
        if words.first == "page" { words.removeFirst() }
        if words.count == 3, words[1] == "of" { words = [words[0], words[2]] }
        return !words.isEmpty && words.count <= 2
            && words.allSatisfy { $0.trimming(where: { $0 == "-" }).allSatisfy(\.isNumber) }
    }

    /// The ASCII bytes a page-number line can hold: white space, digits, `-`, the letters of
    /// `page` and `of` in either case.
    private static let pageNumberBytes: [Bool] = (0..<128).map { value in
        let byte = UInt8(value)
        return UTF8Text.isASCIIWhitespace(byte) || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "-")
            || "pageofPAGEOF".utf8.contains(byte)
    }

    /// The reproduction notice a publisher prints once, on the last page, above its repeated
    /// footer: the one footer line repetition cannot find.
    private static let footerPhrases: [StaticString] = [
        "this material may be freely reproduced and distributed",
        "please credit child welfare information gateway",
    ]

    /// Lines that are furniture wherever they stand (a page number written out, the reproduction
    /// notice); only a line that mentions a furniture word can be one.
    private static func isFurniture(_ line: Range<Int>, mentionsWord: Bool, in bytes: Span<UInt8>) -> Bool {
        guard line.count <= 400, mentionsWord else { return false }
        let folded = InlineText.fold(bytes.extracting(line)).lowercased()
        guard !folded.isEmpty, folded.count <= 200 else { return false }
        if folded.hasPrefix("page "), isPageNumber(line, in: bytes) { return true }
        return footerPhrases.contains(where: { ASCIIText.contains(folded, $0) })
    }

    /// Where "page", "reproduced" or "credit" starts in the
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

    private static let furnitureWords = ByteScan.Words(["page", "reproduced", "credit"])
}
