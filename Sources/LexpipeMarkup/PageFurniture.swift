import LexpipeIngest

/// Running headers and footers that PDF-to-text conversion leaves between pages: page
/// numbers, the publisher's footer lines, and any line repeated at the edge of most pages.
enum PageFurniture {
    /// The document's lines with page furniture removed; page breaks become blank lines.
    static func strip(_ text: String, dropped: inout Int) -> [Substring] {
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
            TextLines.split(page)
        }
        let repeated = pages.count >= 2 ? repeatedEdgeLines(pages) : []
        var lines: [Substring] = []
        for (pageIndex, page) in pages.enumerated() {
            if pageIndex > 0 { lines.append("") }
            let edges = edgeIndices(page)
            for (lineIndex, line) in page.enumerated() {
                // Shapes are only needed at page edges; computing them for every line would
                // fold and lower-case the whole document once more.
                let atEdge = edges.contains(lineIndex)
                if isFurniture(line) || atEdge && (repeated.contains(shape(line)) || pages.count >= 2 && isPageNumber(line)) {
                    dropped += 1
                    lines.append("")
                    continue
                }
                lines.append(line)
            }
        }
        return lines
    }

    /// Indices of the first and last two non-blank lines of a page.
    private static func edgeIndices(_ page: [Substring]) -> Set<Int> {
        let filled = page.indices.filter { !page[$0].allSatisfy(\.isWhitespace) }
        return Set(filled.prefix(2) + filled.suffix(2))
    }

    /// Lines that stand at a page edge on at least half the pages (and on two or more).
    private static func repeatedEdgeLines(_ pages: [[Substring]]) -> Set<String> {
        var counts: [String: Int] = [:]
        for page in pages {
            var seen = Set<String>()
            for index in edgeIndices(page) {
                let key = shape(page[index])
                if key.count >= 2, key.count <= 120, seen.insert(key).inserted { counts[key, default: 0] += 1 }
            }
        }
        let needed = max(2, (pages.count + 1) / 2)
        return Set(counts.filter { $0.value >= needed }.map(\.key))
    }

    /// A line's shape for comparing running headers: folded, digits replaced, case ignored.
    private static func shape(_ line: Substring) -> String {
        String(InlineText.fold(line).lowercased().map { $0.isNumber ? "#" : $0 })
    }

    private static func isPageNumber(_ line: Substring) -> Bool {
        let folded = InlineText.fold(line).lowercased()
        guard !folded.isEmpty, folded.count <= 20 else { return false }
        var words = folded.split(separator: " ")
        if words.first == "page" { words.removeFirst() }
        if words.count == 3, words[1] == "of" { words = [words[0], words[2]] }
        return !words.isEmpty && words.count <= 2
            && words.allSatisfy { $0.trimming(where: { $0 == "-" }).allSatisfy(\.isNumber) }
    }

    private static let footerPhrases = [
        "this material may be freely reproduced and distributed",
        "please credit child welfare information gateway",
    ]

    /// Lines that are furniture wherever they stand.
    private static func isFurniture(_ line: Substring) -> Bool {
        guard line.utf8.count <= 400,
            ASCIIText.contains(line, "page") || ASCIIText.contains(line, "reproduced") || ASCIIText.contains(line, "credit")
                || ASCIIText.contains(line, "childwelfare") || ASCIIText.contains(line, "child welfare")
        else { return false }
        let folded = InlineText.fold(line).lowercased()
        guard !folded.isEmpty, folded.count <= 200 else { return false }
        if folded.hasPrefix("page "), isPageNumber(line) { return true }
        if footerPhrases.contains(where: { folded.contains($0) }) { return true }
        let bare = folded.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
        if bare == "www.childwelfare.gov" || bare == "childwelfare.gov" { return true }
        if folded.hasPrefix("child welfare information gateway"), folded.count <= 60 { return true }
        return false
    }
}
