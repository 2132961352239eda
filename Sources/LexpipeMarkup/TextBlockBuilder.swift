import LexpipeIngest

/// Turns the lines of a text or markdown document into blocks: blank lines end paragraphs,
/// tab-separated lines are table rows, bullets are list items, `#` lines (markdown) are
/// headings. Lines wrapped inside a paragraph are rejoined, a word hyphenated at a line end
/// made whole, and running page headers and footers of PDF conversions dropped.
struct TextBlockBuilder {
    var markdown: Bool
    var dropPageFurniture: Bool

    private(set) var blocks: [Block] = []
    private(set) var droppedFurniture = 0
    private var paragraph: [Substring] = []
    private var paragraphIsListItem = false

    init(markdown: Bool, dropPageFurniture: Bool) {
        self.markdown = markdown
        self.dropPageFurniture = dropPageFurniture
    }

    mutating func build(_ text: String) -> [Block] {
        let lines = dropPageFurniture
            ? PageFurniture.strip(text, dropped: &droppedFurniture)
            : TextLines.split(Substring(text))
        for line in lines { consume(line) }
        flushParagraph()
        return blocks
    }

    private mutating func consume(_ line: Substring) {
        if line.allSatisfy({ $0.isWhitespace }) {
            flushParagraph()
            return
        }
        if line.contains("\t") || markdown && line.drop(while: { $0 == " " }).hasPrefix("|") {
            flushParagraph()
            let cells = tableCells(line)
            if cells.contains(where: { !$0.isEmpty }) { blocks.append(.row(cells)) }
            return
        }
        let content = line.drop(while: { $0 == " " })
        if markdown, let heading = atxHeading(content) {
            flushParagraph()
            if !heading.text.isEmpty { blocks.append(Block(.heading(level: heading.level), heading.text)) }
            return
        }
        if markdown, let level = setextLevel(content), paragraph.count == 1, !paragraphIsListItem {
            let text = inline(paragraph[0])
            paragraph = []
            if !text.isEmpty { blocks.append(Block(.heading(level: level), text)) }
            return
        }
        if let item = bulletItem(content) {
            flushParagraph()
            paragraph = [item]
            paragraphIsListItem = true
            return
        }
        paragraph.append(line)
    }

    private mutating func flushParagraph() {
        defer {
            paragraph = []
            paragraphIsListItem = false
        }
        guard !paragraph.isEmpty else { return }
        let text = inline(TextBlockBuilder.rejoin(paragraph))
        if !text.isEmpty { blocks.append(Block(paragraphIsListItem ? .listItem : .paragraph, text)) }
    }

    /// Joins wrapped lines with a space; a line ending in a letter and a hyphen, followed by
    /// a line starting with a lower-case letter, is a word broken at the wrap and is joined whole.
    static func rejoin(_ lines: [Substring]) -> String {
        var out = ""
        for line in lines {
            let trimmed = line.trimmingScalars(where: InlineText.isSpace)
            guard !trimmed.isEmpty else { continue }
            if out.isEmpty {
                out = String(trimmed)
                continue
            }
            if endsInWordHyphen(out), let first = trimmed.unicodeScalars.first, first.properties.isLowercase {
                out.unicodeScalars.removeLast()
                out += trimmed
            } else {
                out += " "
                out += trimmed
            }
        }
        return out
    }

    /// Whether the text ends in a letter and a hyphen. Only the last two scalars are looked
    /// at, and no view of the text outlives the call: a view held while the caller removes the
    /// hyphen would force a copy of the whole paragraph on every wrapped line.
    private static func endsInWordHyphen(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        let last = scalars.index(before: scalars.endIndex)
        return scalars[last] == "-" && last > scalars.startIndex && scalars[scalars.index(before: last)].properties.isAlphabetic
    }

    private func tableCells(_ line: Substring) -> [String] {
        var content = line.trimming(where: { $0 == " " || $0 == "\r" })
        if markdown, content.hasPrefix("|"), !line.contains("\t") {
            content = content.dropFirst()
            if content.hasSuffix("|") { content = content.dropLast() }
            let cells = content.split(separator: "|", omittingEmptySubsequences: false)
            if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { return [] }
            return cells.map { inline($0) }
        }
        return content.split(separator: "\t", omittingEmptySubsequences: false).map { inline($0) }
    }

    private func atxHeading(_ content: Substring) -> (level: Int, text: String)? {
        let marks = content.prefix(while: { $0 == "#" })
        guard (1...6).contains(marks.count) else { return nil }
        let rest = content.dropFirst(marks.count)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimming(where: { $0 == " " })
        while text.hasSuffix("#") { text = text.dropLast() }
        return (marks.count, inline(text))
    }

    private func setextLevel(_ content: Substring) -> Int? {
        let trimmed = content.trimming(where: { $0 == " " })
        guard trimmed.count >= 3 else { return nil }
        if trimmed.allSatisfy({ $0 == "=" }) { return 1 }
        if trimmed.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    private func bulletItem(_ content: Substring) -> Substring? {
        guard let first = content.first else { return nil }
        let bullets: Set<Character> = markdown ? ["-", "*", "+", "•", "◦", "▪"] : ["•", "◦", "▪", "●", "-", "*"]
        guard bullets.contains(first), content.dropFirst().first == " " else { return nil }
        return content.dropFirst(2)
    }

    /// Folds white space and, for markdown, removes emphasis markers and link targets.
    private func inline(_ text: some StringProtocol) -> String {
        guard markdown else { return InlineText.fold(text) }
        return InlineText.fold(MarkdownInline.strip(String(text)))
    }
}

extension StringProtocol {
    func trimmingScalars(where predicate: (Unicode.Scalar) -> Bool) -> Substring {
        let scalars = Substring(self).unicodeScalars
        guard let start = scalars.firstIndex(where: { !predicate($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !predicate($0) })!
        return Substring(scalars[start...end])
    }
}

/// Lines of text ending in LF, CRLF or CR. Swift reads CRLF as one `Character`, so splitting
/// on `"\n"` alone would leave a Windows file as one line.
enum TextLines {
    static func split(_ text: Substring) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }
}

/// Markdown inline syntax a conversion leaves around words.
enum MarkdownInline {
    /// Removes `**`/`__` strong markers, `*`/`_` emphasis around words, backticks, and turns
    /// `[text](target)` into `text`. One pass, linear in the length: the next `]` and `)` are
    /// found once and reused until passed, however many `[` open without closing.
    static func strip(_ text: String) -> String {
        guard text.contains(where: { "*_`[".contains($0) }) else { return text }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(chars.count)
        var nextClose = -1
        var nextParen = -1
        func next(_ target: Character, from start: Int, cached: inout Int) -> Int? {
            if cached < start {
                cached = chars[start...].firstIndex(of: target) ?? chars.count
            }
            return cached < chars.count ? cached : nil
        }
        var index = 0
        while index < chars.count {
            let c = chars[index]
            let previous: Character? = index > 0 ? chars[index - 1] : nil
            let following: Character? = index + 1 < chars.count ? chars[index + 1] : nil
            switch c {
            case "*", "_":
                if following == c { index += 2; continue }
                // A single marker counts only at a word edge (`*word*`), never inside `snake_case`.
                let atEdge = previous == nil || previous!.isWhitespace || following == nil || following!.isWhitespace
                    || previous!.isPunctuation || following!.isPunctuation
                if atEdge, !(previous?.isLetter == true && following?.isLetter == true) { index += 1; continue }
                out.append(c)
            case "`":
                break
            case "[":
                if let close = next("]", from: index + 1, cached: &nextClose), close - index <= 512,
                    close + 1 < chars.count, chars[close + 1] == "(",
                    let end = next(")", from: close + 1, cached: &nextParen), end - close <= 512
                {
                    out += String(chars[(index + 1)..<close])
                    index = end + 1
                    continue
                }
                out.append(c)
            default:
                out.append(c)
            }
            index += 1
        }
        return out
    }
}
