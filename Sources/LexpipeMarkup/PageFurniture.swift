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
        /// The empty line standing for each page break, in step with `pageStarts`.
        var pageBreaks: [Int] = []
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
        // Shapes are only needed at page edges, and only when there are pages to compare;
        // computing them for every line would fold and lower-case the whole document once more.
        // A page has at most seven edge lines: small arrays searched in order, not hashed. A
        // header recurs at the top of pages and a footer at the bottom: each band is compared
        // with the same band of the other pages.
        var topShapes: [[EdgeShape]] = []
        var bottomShapes: [[EdgeShape]] = []
        if pages.count >= 2 {
            for page in pages {
                let (top, bottom) = edgeIndices(page, in: bytes)
                topShapes.append(top.filter { isBandLine(page[$0], in: bytes) }.map { EdgeShape(index: $0, page[$0], in: bytes) })
                bottomShapes.append(bottom.filter { isBandLine(page[$0], in: bytes) }.map { EdgeShape(index: $0, page[$0], in: bytes) })
            }
        }
        let repeatedTop = repeatedEdgeLines(topShapes, pageCount: pages.count)
        let repeatedBottom = repeatedEdgeLines(bottomShapes, pageCount: pages.count)
        // The first page's opening lines, for a running header met once: its header, up to
        // the first citation line or the first line of wrapped prose (a long line carried on
        // in lower case), which a page may open with again in its own words.
        let openingKeys = pages.count >= 2 ? PageFurniture.openingKeys(pages[0], in: bytes) : []
        // A browser numbers the pages it prints `1/2` beside their address: the count is of the
        // pages that hold text (a conversion ends the last with a form feed too).
        let pageCount = pages.reduce(0) { $0 + ($1.contains { !UTF8Text.isBlank(bytes, $0) } ? 1 : 0) }
        // A browser's print of a web page opens every page, the first too, with the time it was
        // printed and the page's title (`11/14/22, 9:07 AM   Title | Site`): the first page's
        // header is furniture like the others'.
        let printHeader = printHeader(of: pages[0], in: bytes)
        let printed = printHeader != nil
        var furniture: [[Int]] = []
        var headerCounts: [String: (count: Int, line: Range<Int>)] = [:]
        for (pageIndex, page) in pages.enumerated() {
            var found: [Int] = []
            var nonBlank: [Int] = []
            nonBlank.reserveCapacity(page.count)
            for index in page.indices where !UTF8Text.isBlank(bytes, page[index]) { nonBlank.append(index) }
            // Where there are pages to compare, the tests below look only at the first three and
            // the last four non-blank lines: which of those are page numbers, and which mark a
            // band as furniture (a page number, a bare web address, or both), is asked once.
            let edgeLines = pages.count < 2 ? [] : nonBlank.count <= 7 ? nonBlank : Array(nonBlank.prefix(3)) + nonBlank.suffix(4)
            let numbered = edgeLines.filter { isPageNumber(page[$0], in: bytes) }
            let marked = edgeLines.filter {
                numbered.contains($0) || isBareURL(page[$0], in: bytes)
                    || numberedAddress(page[$0], page: pageIndex + 1, of: pageCount, in: bytes) != nil
                    || endsWithPageOfCount(page[$0], page: pageIndex + 1, of: pageCount, in: bytes)
            }
            // Peel from the top, then from the bottom, over non-blank lines. The document's
            // first line is its own title, even where later pages repeat it as their header.
            if pages.count >= 2 {
                let edges = edgeIndices(page, in: bytes)
                // The first page's own header under its first line, as the others carry it: its
                // lines that carry the page's number (`childwelfare.gov Page 1 of 2`).
                if pageIndex == 0 {
                    found += numberedHeader(page, nonBlank: nonBlank, top: edges.top, numbered: numbered, pageCount: pageCount, in: bytes)
                }
                for index in nonBlank {
                    guard pageIndex > 0 || printed, edges.top.contains(index) else { break }
                    let edge = topShapes[pageIndex].first { $0.index == index }
                    let key = edge?.key
                    // A line whose numbers all fall short of the page's own number (`Issue 1`
                    // over a slide numbered 3) counts the content, not the pages.
                    if let key, repeatedTop.contains(key), !(edge.map { lagsPageNumber($0.numbers, on: page, numbered: numbered, in: bytes) } ?? false) {
                        if !numbered.contains(index), !(printed && isPrintStamp(page[index], in: bytes)) {
                            headerCounts[shape(page[index], in: bytes), default: (0, page[index])].count += 1
                        }
                    } else if !marked.contains(index),
                        // A page's first line repeating the first page's title, in text without
                        // blank lines to set it apart as a band.
                        pageIndex == 0 || !(index == nonBlank.first && repeatsOpening(page[index], openingKeys: openingKeys, in: bytes))
                    {
                        break
                    }
                    found.append(index)
                }
                func recursAtBottom(_ index: Int) -> Bool {
                    bottomShapes[pageIndex].first { $0.index == index }.map { repeatedBottom.contains($0.key) } ?? false
                }
                for index in nonBlank.reversed() where !found.contains(index) {
                    guard edges.bottom.contains(index), recursAtBottom(index) || marked.contains(index) else { break }
                    // A recurring line that carries on the sentence of the text above it is the
                    // paragraph's.
                    if !marked.contains(index), index > page.startIndex, !recursAtBottom(index - 1), !marked.contains(index - 1),
                        carriesOn(page[index - 1], into: page[index], in: bytes)
                    {
                        break
                    }
                    found.append(index)
                }
            }
            // A band set apart by blank lines that carries the page's number or its web address
            // is furniture whole (the publisher's name over the number, a title over the address),
            // recurring or not: at the top of a page after the first, at the bottom of any page.
            // So is one whose first line repeats the first page's title (and its state): a
            // document of two pages shows its running header once, too few times to recur.
            if pageIndex > 0, var band = edgeBand(page, from: nonBlank.first, step: 1, in: bytes), band.count < nonBlank.count,
                band.contains(where: marked.contains)
                    || repeatsOpening(page[band[0]], openingKeys: openingKeys, in: bytes)
            {
                found += band.filter { !found.contains($0) }
                // A header whose lines a conversion set apart by blank lines (a title, then the
                // publisher's address) is bands in a row: each one after it that is only page
                // numbers and web addresses is furniture too.
                var taken = band.count
                while let last = band.last, let next = nonBlank.first(where: { $0 > last }),
                    let following = edgeBand(page, from: next, step: 1, in: bytes), taken + following.count < nonBlank.count,
                    following.allSatisfy(marked.contains)
                {
                    found += following.filter { !found.contains($0) }
                    taken += following.count
                    band = following
                }
            }
            // A document of one page shows no recurrence: only a number written as a page's
            // (`Page 1 of 1`), or the first page's number (alone or beside a web address), marks
            // its band.
            if let band = edgeBand(page, from: nonBlank.last, step: -1, in: bytes), band.count < nonBlank.count,
                band.contains(where: { index in
                pages.count >= 2 ? marked.contains(index)
                    : isPageNumber(page[index], in: bytes) && startsWithPage(page[index], in: bytes)
                        || pageNumber(page[index], in: bytes) == 1 || numberedAddress(page[index], in: bytes) == 1
            }) {
                found += band.filter { !found.contains($0) }
            }
            // A print of one page shows no recurrence: its time of printing opens it all the same.
            if pageIndex == 0, let printHeader, let first = page.firstIndex(of: printHeader.line), !found.contains(first) {
                found.append(first)
            }
            furniture.append(found)
        }
        if pages.count == 1 { furniture[0] += strayPageNumbers(pages[0], in: bytes).filter { !furniture[0].contains($0) } }
        let wordStarts = furnitureWordStarts(bytes)
        var nextWord = 0
        var result = Result(lines: [], pageStarts: [])
        result.lines.reserveCapacity(pages.reduce(pages.count) { $0 + $1.count })
        for (pageIndex, page) in pages.enumerated() {
            if pageIndex > 0, let first = page.first {
                result.pageBreaks.append(result.lines.count)
                result.lines.append(first.lowerBound..<first.lowerBound)
                result.pageStarts.append(first.lowerBound)
            }
            var noticeRest: Set<Int> = []
            for (lineIndex, line) in page.enumerated() {
                while nextWord < wordStarts.count, wordStarts[nextWord] < line.lowerBound { nextWord += 1 }
                let mentionsWord = nextWord < wordStarts.count && wordStarts[nextWord] < line.upperBound
                    || mayOpenWithPage(line, in: bytes)
                let isNotice = isFurniture(line, mentionsWord: mentionsWord, in: bytes)
                if isNotice { noticeRest.formUnion(noticeContinuation(after: lineIndex, in: page, bytes: bytes)) }
                if isNotice || furniture[pageIndex].contains(lineIndex) || noticeRest.contains(lineIndex)
                {
                    dropped += 1
                    result.lines.append(line.lowerBound..<line.lowerBound)
                    continue
                }
                result.lines.append(line)
            }
        }
        // The line most pages open with, as written: a title and state when nothing else has them.
        // Of lines opening as many pages, the first in the document (the title over the state).
        if let header = headerCounts.values.max(by: { ($0.count, $1.line.lowerBound) < ($1.count, $0.line.lowerBound) }), header.count >= 2 {
            result.runningHeader = InlineText.fold(bytes.extracting(header.line))
        } else if let printHeader, !printHeader.title.isEmpty {
            // A print's first line: the page's title after its time of printing (lines opening
            // with that time are not counted above).
            result.runningHeader = InlineText.fold(bytes.extracting(printHeader.title))
        }
        return result
    }

    /// The keys (`titleKey`) of the document's opening lines, for a running header met once:
    /// its header, up to the first citation line or the first line of wrapped prose (a long
    /// line carried on in lower case), eight lines at most.
    static func openingKeys(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> [[UInt8]] {
        var openingKeys: [[UInt8]] = []
        for (index, line) in lines.enumerated() where !UTF8Text.isBlank(bytes, line) {
            let trimmed = UTF8Text.trimmingSpaces(bytes, line)
            if TextBlockBuilder.opensCitationLabel(trimmed, in: bytes) { break }
            if trimmed.count >= 60, index + 1 < lines.count {
                let next = UTF8Text.trimmingSpaces(bytes, lines[index + 1])
                if !next.isEmpty, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[next.lowerBound]) { break }
            }
            openingKeys.append(titleKey(line, in: bytes))
            if openingKeys.count == 8 { break }
        }
        return openingKeys
    }

    /// Whether `line` repeats one of the first page's opening lines of a dozen letters or more
    /// (the title), followed by nothing or by what another of them ends with (the state, from
    /// `WASHINGTON` or `State: Washington`), separators, case and lost ligatures aside.
    static func repeatsOpening(_ line: Range<Int>, openingKeys: [[UInt8]], in bytes: Span<UInt8>) -> Bool {
        guard line.count <= 200 else { return false }
        let key = titleKey(line, in: bytes)
        guard key.count >= 12 else { return false }
        for title in openingKeys where title.count >= 12 && key.starts(with: title) {
            let rest = key.dropFirst(title.count)
            if rest.isEmpty || rest.count >= 4 && openingKeys.contains(where: { $0.count >= rest.count && $0.suffix(rest.count).elementsEqual(rest) }) {
                return true
            }
        }
        return false
    }

    /// A line's letters and digits in lower case, without `f` and an `i` or `l` after it (a line
    /// that lost its ligatures, `Denitions`, `Tra cking`, reads as one that kept them).
    static func titleKey(_ line: Range<Int>, in bytes: Span<UInt8>) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(line.count)
        var previousWasF = false
        for index in line {
            var byte = bytes[index]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            guard byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte >= 0x80
            else { continue }
            // Every `f`, and an `i` or `l` after one: `ffi` and `fl` go whole, as a lost ligature does.
            let afterF = previousWasF
            previousWasF = byte == UInt8(ascii: "f")
            if previousWasF || afterF && (byte == UInt8(ascii: "i") || byte == UInt8(ascii: "l")) { continue }
            key.append(byte)
        }
        return key
    }

    /// The lines that carry on a notice line wrapped after it: the next one to three lines of
    /// text (blank lines aside), when the last of them ends in the notice's web address
    /// (`… available online at` / `https://…/resources/.`, a page number after it or not); else
    /// none.
    private static func noticeContinuation(after index: Int, in page: [Range<Int>], bytes: Span<UInt8>) -> [Int] {
        var taken: [Int] = []
        var next = index + 1
        // Three lines at most: a notice wrapped at a narrow measure (a PDF viewer's copy).
        while next < page.count, taken.count < 3 {
            let text = InlineText.fold(bytes.extracting(page[next]))
            next += 1
            if text.isEmpty { continue }
            taken.append(next - 1)
            // The page's number may stand after the address (`pdftotext -layout`: `… statutes/.   1`).
            var words = text.split(separator: " ")
            if words.count >= 2, words[words.count - 1].allSatisfy({ $0.isASCII && $0.isNumber }) { words.removeLast() }
            guard let last = words.last else { continue }
            let address = last.hasSuffix(".") ? last.dropLast() : last
            guard InlineText.isBareWebAddress(address) else { continue }
            // An address broken after a hyphen goes on on the next line, a word alone.
            if address.hasSuffix("-"), let rest = page[next...].firstIndex(where: { !UTF8Text.isBlank(bytes, $0) }),
                !InlineText.fold(bytes.extracting(page[rest])).contains(" ")
            {
                taken.append(rest)
            }
            return taken
        }
        return []
    }

    /// A conversion's lines cut into pages: after each page number, when the document has two
    /// or more page numbers counting up by one, each at least twenty lines after the one before
    /// (a page's worth), numbers alone on a line that do not count up so (scores, issue numbers)
    /// cutting nothing; else where a running header or footer recurs (`recurrenceCuts`). One
    /// page, the whole text, when neither shows.
    private static func inferredPages(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> [[Range<Int>]] {
        var starts = pageNumberCuts(lines, in: bytes).map { $0 + 1 }
        if starts.count < 2 { starts = recurrenceCuts(lines, in: bytes) }
        guard !starts.isEmpty else { return [lines] }
        var pages: [[Range<Int>]] = []
        var start = 0
        for cut in starts where cut > start && cut < lines.count {
            pages.append(Array(lines[start..<cut]))
            start = cut
        }
        pages.append(Array(lines[start...]))
        return pages
    }

    /// The lines that are page numbers counting up, a page's worth apart (see `inferredPages`).
    private static func pageNumberCuts(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> [Int] {
        var cuts: [Int] = []
        var last: (line: Int, number: Int)?
        // The last page may be short: its number, the document's last line of text, need not
        // stand a page's worth after the one before, when the page before it was full.
        let lastText = lines.lastIndex { !UTF8Text.isBlank(bytes, $0) }
        func pageApart(_ previous: (line: Int, number: Int), _ index: Int) -> Bool {
            if PageFurniture.pageApart(previous.line, index, lines: lines, firstNumber: cuts.isEmpty ? previous.number : 1) { return true }
            return index == lastText && previous.line - (cuts.last { $0 < previous.line } ?? 0) >= 20
        }
        for index in lines.indices where !lines[index].isEmpty && lines[index].count <= 200 {
            // A number centred on its line (`pdftotext -layout`) is short once its spaces are off.
            if lines[index].count > 24, UTF8Text.trimmingSpaces(bytes, lines[index]).count > 24 {
                // A page number beside the publisher's web address, on a line of its own.
                guard let number = numberedAddress(lines[index], in: bytes) else { continue }
                if let previous = last, number == previous.number + 1, pageApart(previous, index) {
                    if cuts.last != previous.line { cuts.append(previous.line) }
                    cuts.append(index)
                } else if let previous = last, number == previous.number + 1 {
                    continue
                }
                last = (index, number)
                continue
            }
            // A page number's line opens with a digit, `Page` or a dash (white space aside).
            var first = lines[index].lowerBound
            while first < lines[index].upperBound, UTF8Text.isASCIIWhitespace(bytes[first]) { first += 1 }
            guard first < lines[index].upperBound else { continue }
            let opening = bytes[first]
            guard opening >= 0x30 && opening <= 0x39 || opening | 0x20 == UInt8(ascii: "p") || opening == UInt8(ascii: "-") else { continue }
            guard let number = pageNumber(lines[index], in: bytes) else { continue }
            if let previous = last, number == previous.number + 1, pageApart(previous, index) {
                if cuts.last != previous.line { cuts.append(previous.line) }
                cuts.append(index)
            } else if let previous = last, number == previous.number + 1 {
                continue
            }
            last = (index, number)
        }
        return cuts.count >= 2 ? cuts : []
    }

    /// Page numbers a conversion left between paragraphs of a text too short to cut into pages
    /// (a page of unwrapped paragraphs is a few lines): lines holding only a number, with a
    /// blank line or the document's edge on either side, that count up by one from 1 or 2, two
    /// or more of them; or a `1` that is the only number standing so (the first page's, where
    /// the last page went unnumbered). Numbers alone that break the count (a score, a year, a
    /// cell) stay.
    static func strayPageNumbers(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> [Int] {
        var chain: [Int] = []
        var expected: Int?
        var standing: [(index: Int, number: Int)] = []
        for index in lines.indices {
            guard let number = bareNumber(lines[index], in: bytes),
                index == 0 || UTF8Text.isBlank(bytes, lines[index - 1]),
                index + 1 == lines.count || UTF8Text.isBlank(bytes, lines[index + 1])
            else { continue }
            standing.append((index, number))
            if let next = expected {
                guard number == next else { continue }
            } else {
                guard number == 1 || number == 2 else { continue }
            }
            chain.append(index)
            expected = number + 1
        }
        if chain.count >= 2 { return chain }
        return standing.count == 1 && standing[0].number == 1 ? [standing[0].index] : []
    }

    /// The number a line holds alone (one to four digits, white space aside), if it does.
    private static func bareNumber(_ line: Range<Int>, in bytes: Span<UInt8>) -> Int? {
        var number = 0
        var digits = 0
        for index in line {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                guard digits < 4 else { return nil }
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else if !UTF8Text.isASCIIWhitespace(byte) {
                return nil
            }
        }
        return digits > 0 ? number : nil
    }

    /// Whether two page-number lines stand a page's worth apart: twenty lines, or (counting
    /// from the first or second page, in a conversion that left its paragraphs unwrapped, a
    /// paragraph a line) 1,500 bytes of text.
    private static func pageApart(_ first: Int, _ second: Int, lines: [Range<Int>], firstNumber: Int) -> Bool {
        if second - first >= 20 { return true }
        guard firstNumber <= 2 else { return false }
        return lines[second].lowerBound - lines[first].upperBound >= 1500
    }

    /// Where pages start in a conversion without form feeds or page numbers, found by
    /// repetition. A band is a group of at most three lines set apart by blank lines, none a list
    /// item or ending in `:`, `;` or `,` (which lead into what follows); it is a running header or
    /// footer when it recurs, every time at least a page's worth (twenty lines) after the time
    /// before, and either the band has two lines or more and recurs whole (digits aside), or its
    /// first line is the document's first (a title repeated over every page). A line alone that
    /// recurs is not enough: a citation or a list's lead-in recurs so in the content. A page
    /// begins at each band, or after it for a footer (a band in the document's last group and
    /// not its first).
    static func recurrenceCuts(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> [Int] {
        var groups: [Range<Int>] = []
        var groupStart: Int?
        for index in lines.indices {
            if UTF8Text.isBlank(bytes, lines[index]) {
                if let start = groupStart { groups.append(start..<index) }
                groupStart = nil
            } else if groupStart == nil {
                groupStart = index
            }
        }
        if let start = groupStart { groups.append(start..<lines.count) }
        guard groups.count >= 3 else { return [] }
        // Bands of several lines by their lines' keys (digits alike), and bands that open with
        // the document's first line.
        var bands: [UInt64: [Int]] = [:]
        var titleRepeats: [Int] = []
        let firstLineKey = bandKey(lines[groups[0].lowerBound], in: bytes)
        for (groupIndex, group) in groups.enumerated() where group.count <= 3 {
            var key: UInt64 = 0
            var openingKey: UInt64?
            var isBand = true
            for index in group {
                // A sentence wrapped over the group's lines is a paragraph recurring, no band.
                guard let lineKey = bandKey(lines[index], in: bytes),
                    index == group.lowerBound || !carriesOn(lines[index - 1], into: lines[index], lowerCaseOnly: true, in: bytes)
                else {
                    isBand = false
                    break
                }
                if openingKey == nil { openingKey = lineKey }
                key = (key ^ lineKey) &* 0x100_0000_01b3
            }
            guard isBand else { continue }
            if groupIndex > 0, let firstLineKey, openingKey == firstLineKey {
                titleRepeats.append(groupIndex)
            }
            if group.count >= 2 { bands[key, default: []].append(groupIndex) }
        }
        var found: [(groups: [Int], footer: Bool, firstLines: Bool)] = []
        for occurrences in bands.values where occurrences.count >= 2 {
            found.append((occurrences, occurrences[0] != 0 && occurrences[occurrences.count - 1] == groups.count - 1, false))
        }
        if !titleRepeats.isEmpty { found.append(([0] + titleRepeats, false, true)) }
        var cuts: [Int] = []
        for (occurrences, footer, firstLines) in found {
            guard zip(occurrences, occurrences.dropFirst()).allSatisfy({ groups[$1].lowerBound - groups[$0].upperBound >= 20 })
            else { continue }
            // Equal keys are equal shapes but for a hash collision, which the shapes rule out.
            func shapes(_ group: Int) -> [String] {
                groups[group].prefix(firstLines ? 1 : 3).map { shape(lines[$0], in: bytes) }
            }
            let first = shapes(occurrences[0])
            guard occurrences.dropFirst().allSatisfy({ shapes($0) == first }) else { continue }
            // Digits that differ from one time to the next count pages: a citation of two lines
            // recurring with other section numbers is content.
            func numbers(_ group: Int) -> [Int] {
                groups[group].prefix(firstLines ? 1 : 3).flatMap { numberRuns(lines[$0], in: bytes) }
            }
            guard zip(occurrences, occurrences.dropFirst()).allSatisfy({ countsPages(numbers($0), numbers($1)) }) else { continue }
            for group in occurrences {
                if footer {
                    if group < groups.count - 1 { cuts.append(groups[group].upperBound) }
                } else if group > 0 {
                    cuts.append(groups[group].lowerBound)
                }
            }
        }
        cuts.sort()
        // A footer's cut and the next header's fall a few lines apart: one page break, before the header.
        var merged: [Int] = []
        for cut in cuts {
            if let last = merged.last, cut - last < 20 { merged[merged.count - 1] = cut } else { merged.append(cut) }
        }
        return merged
    }

    /// The runs of ASCII digits in a line, as numbers (a run too long for one is `Int.max`).
    private static func numberRuns(_ line: Range<Int>, in bytes: Span<UInt8>) -> [Int] {
        bytes.extracting(line).withUnsafeBufferPointer { text in
            var runs: [Int] = []
            var value: Int?
            for byte in text {
                if (0x30...0x39).contains(byte) {
                    let (product, overflow) = (value ?? 0).multipliedReportingOverflow(by: 10)
                    value = overflow ? Int.max : min(Int.max - 10, product) + Int(byte - 0x30)
                } else if let run = value {
                    runs.append(run)
                    value = nil
                }
            }
            if let run = value { runs.append(run) }
            return runs
        }
    }

    /// Whether the numbers of a band's next time (`next`) follow those of the time before as
    /// page numbers do: equal, or one to three more (a page without the band in between).
    private static func countsPages(_ previous: [Int], _ next: [Int]) -> Bool {
        guard previous.count == next.count else { return false }
        return zip(previous, next).allSatisfy { $0 == $1 || ($1 > $0 && $1 - $0 <= 3) }
    }

    /// A hash of the line's shape (`shape`: ASCII case and runs of white space ignored, digits
    /// alike) when it may be a running header or footer: 2 to 120 bytes, not a
    /// list item, not ending in `:`, `;` or `,`; `nil` otherwise.
    private static func bandKey(_ line: Range<Int>, in bytes: Span<UInt8>) -> UInt64? {
        guard isBandLine(line, in: bytes) else { return nil }
        return asciiShapeHash(UTF8Text.trimmingSpaces(bytes, line), in: bytes, asciiOnly: false)?.hash
    }

    /// FNV-1a over the shape of trimmed text as ASCII makes it (runs of white space one space,
    /// digits `#`, letters lower case: `shape` of an ASCII line), and the shape's length; `nil`
    /// for text with a byte from 0x80 when `asciiOnly`.
    private static func asciiShapeHash(_ trimmed: Range<Int>, in bytes: Span<UInt8>, asciiOnly: Bool = true) -> (hash: UInt64, count: Int)? {
        bytes.extracting(trimmed).withUnsafeBufferPointer { text in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var count = 0
            var space = false
            for byte in text {
                if asciiOnly, byte >= 0x80 { return nil }
                if UTF8Text.isASCIIWhitespace(byte) {
                    space = true
                    continue
                }
                if space {
                    hash = (hash ^ 0x20) &* 0x100_0000_01b3
                    count += 1
                    space = false
                }
                hash = (hash ^ UInt64(asciiShape(byte))) &* 0x100_0000_01b3
                count += 1
            }
            return (hash, count)
        }
    }

    /// An edge line of a page, by its shape (`shape`): a hash of the shape's UTF-8, compared
    /// across pages, and whether the shape is 2 to 120 scalars long.
    private struct EdgeShape {
        var index: Int
        var key: UInt64
        var fits: Bool
        /// The line's runs of digits, as numbers.
        var numbers: [Int]

        /// The shape of an ASCII line is hashed as the line is read, without being made.
        init(index: Int, _ line: Range<Int>, in bytes: Span<UInt8>) {
            self.index = index
            numbers = PageFurniture.numberRuns(line, in: bytes)
            if let (hash, count) = PageFurniture.asciiShapeHash(UTF8Text.trimmingSpaces(bytes, line), in: bytes) {
                key = hash
                fits = (2...120).contains(count)
                return
            }
            let shape = PageFurniture.shape(line, in: bytes)
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in shape.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            key = hash
            fits = (2...120).contains(shape.unicodeScalars.count)
        }
    }

    /// Whether a line's numbers (`numbers`, one or more) are all below the number of the
    /// page's page-number line among `numbered`, when it has one.
    private static func lagsPageNumber(_ numbers: [Int], on page: [Range<Int>], numbered: [Int], in bytes: Span<UInt8>) -> Bool {
        guard !numbers.isEmpty else { return false }
        var own: Int?
        for index in numbered {
            if let number = pageNumber(page[index], in: bytes) { own = number }
        }
        guard let own else { return false }
        return numbers.allSatisfy { $0 < own }
    }

    /// The number of a page-number line (`3`, `Page 3`, `3 of 10`, `- 3 -`), or `nil`.
    private static func pageNumber(_ line: Range<Int>, in bytes: Span<UInt8>) -> Int? {
        guard isPageNumber(line, in: bytes) else { return nil }
        let folded = InlineText.fold(bytes.extracting(line)).lowercased()
        let words = folded.split(separator: " ").map { $0.trimming(where: { $0 == "-" }) }.filter { !$0.isEmpty }
        return words.first { Int($0) != nil }.flatMap { Int($0) }
    }

    /// The first line of a page when it opens with a print's time of printing, and the rest of
    /// the line after it (the page's title, or nothing).
    private static func printHeader(of page: [Range<Int>], in bytes: Span<UInt8>) -> (line: Range<Int>, title: Range<Int>)? {
        guard let first = page.first(where: { !UTF8Text.isBlank(bytes, $0) }), let title = afterPrintStamp(first, in: bytes) else { return nil }
        return (first, title)
    }

    /// The first page's header lines under its first line, among its top edge lines, that carry
    /// its page number (`numbered`, or `… Page 1 of 2`).
    private static func numberedHeader(
        _ page: [Range<Int>], nonBlank: [Int], top: [Int], numbered: [Int], pageCount: Int, in bytes: Span<UInt8>
    ) -> [Int] {
        var found: [Int] = []
        for index in nonBlank.dropFirst() {
            guard top.contains(index), numbered.contains(index) || endsWithPageOfCount(page[index], page: 1, of: pageCount, in: bytes)
            else { break }
            found.append(index)
        }
        return found
    }

    /// Whether the line opens with the date and time a browser prints at the top of each page
    /// (`11/14/22, 9:07 AM`, `2022-11-14 09:07`), alone or before the page's title.
    static func isPrintStamp(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        afterPrintStamp(line, in: bytes) != nil
    }

    /// The rest of a line after a print's date and time (empty when they stand alone), or `nil`
    /// when the line does not open with them: a date of numbers (`11/14/22`, `2022-11-14`,
    /// `14.11.2022`), a comma or not, a time `h:mm` or `h:mm:ss`, `AM` or `PM` or not, then the
    /// line's end or a gap of two spaces or more.
    private static func afterPrintStamp(_ line: Range<Int>, in bytes: Span<UInt8>) -> Range<Int>? {
        let trimmed = UTF8Text.trimmingSpaces(bytes, line)
        var index = trimmed.lowerBound
        let end = trimmed.upperBound
        func digits(_ range: ClosedRange<Int>) -> Bool {
            let start = index
            while index < end, index - start < range.upperBound, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return range.contains(index - start)
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard digits(1...4), index < end else { return nil }
        let separator = bytes[index]
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: "."),
            take(separator), digits(1...2), take(separator), digits(2...4)
        else { return nil }
        _ = take(UInt8(ascii: ","))
        guard take(0x20) else { return nil }
        while take(0x20) {}
        guard digits(1...2), take(UInt8(ascii: ":")), digits(2...2) else { return nil }
        if take(UInt8(ascii: ":")), !digits(2...2) { return nil }
        let beforeMeridiem = index
        _ = take(0x20)
        if index + 1 < end, bytes[index] | 0x20 == UInt8(ascii: "a") || bytes[index] | 0x20 == UInt8(ascii: "p"),
            bytes[index + 1] | 0x20 == UInt8(ascii: "m")
        {
            index += 2
        } else {
            index = beforeMeridiem
        }
        guard index == end || index + 1 < end && bytes[index] == 0x20 && bytes[index + 1] == 0x20 else { return nil }
        return UTF8Text.trimmingSpaces(bytes, index..<end)
    }

    /// Whether the line ends in `Page n of count` for its own page's number (`childwelfare.gov
    /// Page 1 of 2`, a header's site and number on one line), four words before it at most.
    private static func endsWithPageOfCount(_ line: Range<Int>, page: Int, of count: Int, in bytes: Span<UInt8>) -> Bool {
        guard count >= 2, line.count <= 120 else { return false }
        // Read back from the end, on ASCII bytes: most lines end in no digit and are read no further.
        var index = line.upperBound
        func skipSpaces() -> Bool {
            let end = index
            while index > line.lowerBound, UTF8Text.isASCIIWhitespace(bytes[index - 1]) { index -= 1 }
            return index < end
        }
        func number() -> Int? {
            var value = 0
            var scale = 1
            let end = index
            while index > line.lowerBound, end - index < 3, bytes[index - 1] >= 0x30, bytes[index - 1] <= 0x39 {
                value += Int(bytes[index - 1] - 0x30) * scale
                scale *= 10
                index -= 1
            }
            return index < end ? value : nil
        }
        func word(_ letters: StaticString) -> Bool {
            let count = letters.utf8CodeUnitCount
            guard index - line.lowerBound >= count else { return false }
            for offset in 0..<count where bytes[index - count + offset] | 0x20 != letters.utf8Start[offset] { return false }
            index -= count
            return true
        }
        _ = skipSpaces()
        guard number() == count, skipSpaces(), word("of"), skipSpaces(), number() == page, skipSpaces(), word("page") else { return false }
        // The site's name or address before it: four words at most.
        var words = 0
        var inWord = false
        for position in line.lowerBound..<index {
            let isSpace = UTF8Text.isASCIIWhitespace(bytes[position])
            if !isSpace, !inWord { words += 1 }
            inWord = !isSpace
        }
        return words <= 4 && (index == line.lowerBound || UTF8Text.isASCIIWhitespace(bytes[index - 1]))
    }

    /// The numbers of a word `page/count` (`1/2`): one to three digits each, the page no more than
    /// the count; `nil` for any other word.
    private static func pageOfCount(_ word: Substring) -> (Int, Int)? {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...3).contains($0.utf8.count) && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let page = Int(parts[0]), let count = Int(parts[1]), page >= 1, page <= count
        else { return nil }
        return (page, count)
    }

    /// The page number of a line that holds a page number and a web address and nothing else
    /// (`3   https://www.childwelfare.gov`, either way round, or a print's `1/2` for page 1 of 2),
    /// or `nil`.
    private static func numberedAddress(_ line: Range<Int>, page: Int = 0, of count: Int = 0, in bytes: Span<UInt8>) -> Int? {
        // A full stop first, found with memchr: a line without one (most lines of a page wrapped
        // inside a sentence) is not walked for a digit.
        guard line.count <= 200,
            bytes.withUnsafeBufferPointer({ $0.offset(of: UInt8(ascii: "."), from: line.lowerBound, to: line.upperBound) }) < line.upperBound,
            !opensWithThreeASCIIWords(line, in: bytes),
            line.contains(where: { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 })
        else { return nil }
        // A web address opens with `http://`, `https://` or `www.` in any ASCII case. Folding
        // joins white space and straightens quotes and ligatures, none of which makes an opening;
        // only a scalar it drops (a soft hyphen, a zero-width space) can. A line holding neither
        // an opening nor such a scalar has no address, and is not folded and split into words
        // (most lines of a page's text).
        let text = bytes.extracting(line)
        let mentionsAddress = text.withUnsafeBufferPointer { text in
            ByteScan.firstWord(addressOpenings, in: text, from: 0) < text.count
        }
        guard mentionsAddress || InlineText.holdsDroppedScalar(text) else { return nil }
        let words = InlineText.fold(text).split(separator: " ")
        guard words.count == 2 else { return nil }
        for (number, address) in [(words[0], words[1]), (words[1], words[0])] {
            if number.count <= 4, let value = Int(number), InlineText.isBareWebAddress(String(address)) { return value }
            if count > 0, pageOfCount(number).map({ $0 == (page, count) }) == true, InlineText.isBareWebAddress(String(address)) { return page }
        }
        return nil
    }

    /// Whether the line opens with three words of ASCII (runs of bytes other than white space,
    /// as folding leaves them): then it holds more than a number and an address. A prose line
    /// shows it within its first few bytes.
    private static func opensWithThreeASCIIWords(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        var words = 0
        var inWord = false
        for index in line {
            let byte = bytes[index]
            // Folding may drop a scalar of more bytes, or read it as white space.
            if byte >= 0x80 { return false }
            let isSpace = UTF8Text.isASCIIWhitespace(byte)
            if !isSpace, !inWord {
                words += 1
                if words == 3 { return true }
            }
            inWord = !isSpace
        }
        return false
    }

    /// What a web address opens with, for `numberedAddress`.
    private static let addressOpenings = ByteScan.Words(["://", "www."])

    /// Whether the line opens with the word `page` (white space aside, any case).
    private static func startsWithPage(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let trimmed = UTF8Text.trimmingSpaces(bytes, line)
        guard trimmed.count >= 4 else { return false }
        return zip(trimmed.prefix(4), "page".utf8).allSatisfy { bytes[$0] | 0x20 == $1 }
    }

    /// A line that is one web address and nothing else.
    private static func isBareURL(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        // Folding drops only white space and invisible scalars before the first letter.
        var first = line.lowerBound
        while first < line.upperBound, UTF8Text.isASCIIWhitespace(bytes[first]) { first += 1 }
        guard first < line.upperBound, bytes[first] >= 0x80 || bytes[first] | 0x20 == UInt8(ascii: "h") || bytes[first] | 0x20 == UInt8(ascii: "w")
        else { return false }
        let folded = InlineText.fold(bytes.extracting(line))
        return folded.utf8.count <= 200 && InlineText.isBareWebAddress(folded)
    }

    /// Whether `line` is the next line of the sentence `above` leaves open: `above` ends in no
    /// `.`, `!`, `?` or `:` (a closing quote or bracket aside) and `line` opens with a lower-case
    /// letter or, unless `lowerCaseOnly`, runs at least three fifths of its length. Such a line
    /// at the foot of a page is the paragraph's, though its words recur there on other pages (a
    /// statute's wording repeated, `of the Code.`); a footer under an open sentence (`Child
    /// Welfare Information Gateway`) opens with a capital and is shorter than the text's lines.
    /// A web address opening in lower case carries nothing on.
    private static func carriesOn(
        _ above: Range<Int>, into line: Range<Int>, lowerCaseOnly: Bool = false, in bytes: Span<UInt8>
    ) -> Bool {
        let above = UTF8Text.trimmingSpaces(bytes, above)
        let line = UTF8Text.trimmingSpaces(bytes, line)
        guard !above.isEmpty, !line.isEmpty else { return false }
        let opensLowerCase = TextBlockBuilder.opensLowerCase(line, in: bytes) && !isBareURL(line, in: bytes)
        guard opensLowerCase || !lowerCaseOnly && line.count * 5 >= above.count * 3 else { return false }
        var end = above.upperBound - 1
        while end > above.lowerBound, bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: "'") || bytes[end] == UInt8(ascii: ")") {
            end -= 1
        }
        switch bytes[end] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"): return false
        default: return true
        }
    }

    /// Indices of the first three and the last four non-blank lines of a page, where running
    /// headers and footers stand.
    private static func edgeIndices(_ page: [Range<Int>], in bytes: Span<UInt8>) -> (top: [Int], bottom: [Int]) {
        var top: [Int] = []
        for index in page.indices where !UTF8Text.isBlank(bytes, page[index]) {
            top.append(index)
            if top.count == 3 { break }
        }
        var bottom: [Int] = []
        for index in page.indices.reversed() where !UTF8Text.isBlank(bytes, page[index]) {
            bottom.append(index)
            if bottom.count == 4 { break }
        }
        return (top, bottom)
    }

    /// The lines of the group at a page's edge (non-blank lines from `start` on, `step` one way
    /// or the other, up to a blank line) when it is a band: at most three lines, each one that
    /// may be furniture (`isBandLine`), a blank line setting it apart from the page's text;
    /// `nil` otherwise.
    private static func edgeBand(_ page: [Range<Int>], from start: Int?, step: Int, in bytes: Span<UInt8>) -> [Int]? {
        guard var index = start else { return nil }
        var band: [Int] = []
        while page.indices.contains(index) {
            if UTF8Text.isBlank(bytes, page[index]) { return band }
            guard band.count < 3, isBandLine(page[index], in: bytes) else { return nil }
            band.append(index)
            index += step
        }
        return nil
    }

    /// Whether a line may be a running header or footer: 1 to 120 bytes (a run of spaces counted
    /// as one: `pdftotext -layout` sets a header's two ends far apart), not a list item, not
    /// ending in `:`, `;` or `,` (which lead into what follows).
    private static func isBandLine(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        let trimmed = UTF8Text.trimmingSpaces(bytes, line)
        guard !trimmed.isEmpty, trimmed.count <= 120 || foldedCount(trimmed, in: bytes) <= 120 else { return false }
        switch bytes[trimmed.upperBound - 1] {
        case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","): return false
        default: break
        }
        let opening = bytes[trimmed.lowerBound]
        if trimmed.count >= 2, opening == UInt8(ascii: "-") || opening == UInt8(ascii: "*"), bytes[trimmed.lowerBound + 1] == 0x20 {
            return false
        }
        // `•`, `◦`, `▪`, `●`: bullets of three bytes, E2 80 A2, E2 97 A6, E2 96 AA, E2 97 8F.
        if opening == 0xE2, trimmed.count >= 3 {
            let scalar = UTF8Text.scalar(at: trimmed.lowerBound, in: bytes).scalar
            if "•◦▪●".unicodeScalars.contains(scalar) { return false }
        }
        return true
    }

    /// The bytes of a line with each run of spaces counted as one.
    private static func foldedCount(_ line: Range<Int>, in bytes: Span<UInt8>) -> Int {
        var count = 0
        for index in line where bytes[index] != 0x20 || bytes[index - 1] != 0x20 { count += 1 }
        return count
    }

    /// Lines that stand at a page edge on at least half the pages (and on two or more), given
    /// the shapes of each page's edge lines.
    private static func repeatedEdgeLines(_ edgeShapes: [[EdgeShape]], pageCount: Int) -> Set<UInt64> {
        guard pageCount >= 2 else { return [] }
        // Each shape's pages so far, the numbers of its last time, and whether it is content: a
        // line whose digits do not count pages from one time to the next (a citation at the foot
        // of two pages, `§ 164.42` then `§ 498.86`) is content of the same shape. One table,
        // looked up once a line.
        var seen: [UInt64: (pages: Int, numbers: [Int], isContent: Bool)] = [:]
        for shapes in edgeShapes {
            // A page has at most seven edge lines: its shapes seen before are looked for in order.
            for (position, edge) in shapes.enumerated() where edge.fits && !shapes[..<position].contains(where: { $0.key == edge.key }) {
                guard let index = seen.index(forKey: edge.key) else {
                    seen[edge.key] = (1, edge.numbers, false)
                    continue
                }
                seen.values[index].pages += 1
                if !countsPages(seen.values[index].numbers, edge.numbers) { seen.values[index].isContent = true }
                seen.values[index].numbers = edge.numbers
            }
        }
        let needed = max(2, (pageCount + 1) / 2)
        return Set(seen.filter { $0.value.pages >= needed && !$0.value.isContent }.map(\.key))
    }

    /// A line's shape for comparing running headers: folded, every number scalar a `#`, lower
    /// case.
    private static func shape(_ line: Range<Int>, in bytes: Span<UInt8>) -> String {
        let folded = InlineText.fold(bytes.extracting(line))
        let text = folded.utf8.span
        // Most lines are ASCII (as the String knows): mapped byte for byte, the output as long
        // as the input.
        if folded.utf8Span.isKnownASCII {
            return String(unsafeUninitializedCapacity: text.count) { out in
                for index in 0..<text.count { out[index] = asciiShape(text[index]) }
                return text.count
            }
        }
        var shape: [UInt8] = []
        shape.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let (scalar, length) = UTF8Text.scalar(at: index, in: text)
            index += length
            if scalar.isASCII {
                shape.append(asciiShape(UInt8(scalar.value)))
            } else if scalar.properties.numericType != nil {
                shape.append(UInt8(ascii: "#"))
            } else {
                shape.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: shape, as: UTF8.self)
    }

    /// An ASCII scalar's shape: it is a number only as a digit, and has no lower case but its
    /// letter's.
    private static func asciiShape(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(ascii: "#")
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
        default: byte
        }
    }

    static func isPageNumber(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        // An ASCII character other than these is no digit and no letter of `page` or `of`, and
        // stands in a word of its own Character.
        var isASCII = true
        for index in line {
            if bytes[index] >= 0x80 {
                isASCII = false
            } else if !pageNumberBytes[Int(bytes[index])] {
                return false
            }
        }
        if isASCII { return isASCIIPageNumber(line, in: bytes) }
        return isPageNumber(folded: InlineText.fold(bytes.extracting(line)).lowercased())
    }

    /// `isPageNumber` for a line folded and lower-cased.
    static func isPageNumber(folded: String) -> Bool {
        guard !folded.isEmpty, folded.count <= 20 else { return false }
        var words = folded.split(separator: " ")
        if words.first == "page" { words.removeFirst() }
        if words.count == 3, words[1] == "of" { words = [words[0], words[2]] }
        // A number among the words: a line of dashes alone is a rule (a setext heading's
        // underline), not a page's number.
        return !words.isEmpty && words.count <= 2
            && words.allSatisfy { $0.trimming(where: { $0 == "-" }).allSatisfy(\.isNumber) }
            && words.contains { $0.contains(where: \.isNumber) }
    }

    /// `isPageNumber` for a line of ASCII that holds only the bytes a page number can
    /// (`pageNumberBytes`), read on its bytes: its words are its runs of bytes other than white
    /// space (as folding and splitting at spaces leaves them), at most twenty bytes with a space
    /// between each two, compared in lower case.
    private static func isASCIIPageNumber(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        var words: [Range<Int>] = []
        var length = 0
        var index = line.lowerBound
        while index < line.upperBound {
            guard !UTF8Text.isASCIIWhitespace(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < line.upperBound, !UTF8Text.isASCIIWhitespace(bytes[index]) { index += 1 }
            length += (words.isEmpty ? 0 : 1) + index - start
            guard length <= 20 else { return false }
            words.append(start..<index)
        }
        guard !words.isEmpty else { return false }
        // The allowed letters, digits and `-` all have 0x20 set or gain it as lower case.
        func isWord(_ word: Range<Int>, _ wanted: StaticString) -> Bool {
            guard word.count == wanted.utf8CodeUnitCount else { return false }
            for offset in 0..<word.count where bytes[word.lowerBound + offset] | 0x20 != wanted.utf8Start[offset] { return false }
            return true
        }
        if isWord(words[0], "page") { words.removeFirst() }
        if words.count == 3, isWord(words[1], "of") { words = [words[0], words[2]] }
        guard !words.isEmpty, words.count <= 2,
            words.contains(where: { word in word.contains { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") } })
        else { return false }
        return words.allSatisfy { word in
            var lower = word.lowerBound
            var upper = word.upperBound
            while lower < upper, bytes[lower] == UInt8(ascii: "-") { lower += 1 }
            while upper > lower, bytes[upper - 1] == UInt8(ascii: "-") { upper -= 1 }
            return (lower..<upper).allSatisfy { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }
        }
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

    /// Whether a block's text is the reproduction notice (a page that sets it after the
    /// content rather than in its footer).
    static func isReproductionNotice(_ text: String) -> Bool {
        guard text.utf8.count <= 400, ASCIIText.contains(text, "reproduced") else { return false }
        return footerPhrases.contains(where: { ASCIIText.contains(text, $0) })
    }

    /// Lines that are furniture wherever they stand (a page number written out, the reproduction
    /// notice, whole on one line as a converter that unwraps paragraphs leaves it, its web
    /// address included); only a line that mentions a word of the notice or may open with
    /// `page` (`mayOpenWithPage`) can be one.
    private static func isFurniture(_ line: Range<Int>, mentionsWord: Bool, in bytes: Span<UInt8>) -> Bool {
        guard line.count <= 400, mentionsWord else { return false }
        let folded = InlineText.fold(bytes.extracting(line)).lowercased()
        guard !folded.isEmpty, folded.count <= 320 else { return false }
        if folded.hasPrefix("page "), isPageNumber(line, in: bytes) { return true }
        return footerPhrases.contains(where: { ASCIIText.contains(folded, $0) })
    }

    /// Whether a line may open with the word `page` once folded: its first byte other than
    /// white space is a `p` in either case, or starts a scalar folding may drop, and it holds
    /// `page` in any ASCII case. Asked of each line in place of looking for `page` in the whole
    /// document, where most of its occurrences stand inside lines.
    private static func mayOpenWithPage(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        var first = line.lowerBound
        while first < line.upperBound, UTF8Text.isASCIIWhitespace(bytes[first]) { first += 1 }
        guard first < line.upperBound, bytes[first] | 0x20 == UInt8(ascii: "p") || bytes[first] >= 0x80 else { return false }
        return bytes.extracting(line).withUnsafeBufferPointer { ByteScan.firstWord(pageWord, in: $0, from: 0) < $0.count }
    }

    private static let pageWord = ByteScan.Words(["page"])

    /// Where "reproduced" or "credit" (words of the reproduction notice) starts in the document,
    /// in any ASCII case, in order. Neither spans a line break, so a line mentions one exactly
    /// when one starts inside it.
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

    private static let furnitureWords = ByteScan.Words(["reproduced", "credit"])
}
