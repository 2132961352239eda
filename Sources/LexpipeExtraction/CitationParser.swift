/// How a code is divided above the section, when a citation names the division.
public enum DivisionKind: String, Sendable, Equatable, CaseIterable {
    case title
    case chapter
    case article
}

/// A title, chapter or article number written before the section (`Tit. 22,`).
public struct Division: Sendable, Equatable {
    public var kind: DivisionKind
    public var number: String

    public init(kind: DivisionKind, number: String) {
        self.kind = kind
        self.number = number
    }
}

/// One citation as written, split into its parts but not yet resolved against the code-name
/// table: `Ann. Code § 43-21-105` is code name `Ann. Code`, section `43-21-105`.
public struct CitationReference: Sendable, Equatable {
    /// The citation's text, a contiguous part of the line it came from.
    public var raw: String
    /// The code name as written (`Ann. Code`, `U.S.C.`); for `§§ 722.622; 750.462a` the second
    /// citation carries the first one's code name.
    public var codeName: String
    /// A `Tit.`, `Ch.` or `Art.` division written between code name and section.
    public var division: Division?
    /// A title number written before the code name (`22 U.S.C.`).
    public var leadingTitle: String?
    /// The section as written; a range's first section.
    public var section: String
    /// A range's last section.
    public var sectionEnd: String?
    /// The citation ends in `et seq.`.
    public var etSeq: Bool

    public init(
        raw: String, codeName: String, division: Division? = nil, leadingTitle: String? = nil, section: String,
        sectionEnd: String? = nil, etSeq: Bool = false
    ) {
        self.raw = raw
        self.codeName = codeName
        self.division = division
        self.leadingTitle = leadingTitle
        self.section = section
        self.sectionEnd = sectionEnd
        self.etSeq = etSeq
    }
}

/// Splits citation text (`Ann. Code § 43-21-105; Code of Rules § 18-006-102`) into citations.
///
/// Handles several citations per line (`;`), several sections per code (`§§ 13-3212, 8-201`,
/// `and`), ranges (`through`, `to`, dashes between spaced sections), divisions (`Tit. 33, §`),
/// title-first codes (`22 U.S.C. § 7102`), subsections and `et seq.`. One pass over the text.
public enum CitationParser {
    /// The citations of a line, and what could not be read.
    public static func parse(_ line: some StringProtocol) -> (citations: [CitationReference], warnings: [String]) {
        let text = Substring(line)
        var citations: [CitationReference] = []
        var warnings: [String] = []
        var context: (codeName: String, division: Division?, leadingTitle: String?)?
        for piece in topLevelPieces(text) {
            let trimmed = trimPiece(piece)
            guard !trimmed.isEmpty else { continue }
            if let sign = trimmed.firstIndex(of: "§") {
                let left = trimmed[..<sign]
                var right = trimmed[sign...]
                right = right.drop(while: { $0 == "§" || $0 == " " })
                var head = parseHead(left)
                if head.codeName.isEmpty, let context {
                    head = (context.codeName, head.division ?? context.division, head.leadingTitle ?? context.leadingTitle)
                }
                let items = sectionItems(right)
                if items.isEmpty {
                    warnings.append("no section number in \"\(trimmed)\"")
                    continue
                }
                for (index, item) in items.enumerated() {
                    let start = index == 0 ? trimmed.startIndex : item.range.lowerBound
                    citations.append(CitationReference(
                        raw: String(text[start..<item.range.upperBound]), codeName: head.codeName,
                        division: head.division, leadingTitle: head.leadingTitle, section: item.section,
                        sectionEnd: item.sectionEnd, etSeq: item.etSeq
                    ))
                }
                context = head
                if head.codeName.isEmpty { warnings.append("no code name before § in \"\(trimmed)\"") }
            } else if let context {
                let items = sectionItems(trimmed)
                if items.isEmpty { warnings.append("not a citation: \"\(trimmed)\"") }
                for item in items {
                    citations.append(CitationReference(
                        raw: String(text[item.range]), codeName: context.codeName, division: context.division,
                        leadingTitle: context.leadingTitle, section: item.section, sectionEnd: item.sectionEnd,
                        etSeq: item.etSeq
                    ))
                }
            } else if let split = trimmed.lastIndex(of: " "), trimmed[trimmed.index(after: split)...].contains(where: \.isNumber) {
                // A citation without § (`Pub. L. 106-386`): the last word is the section.
                let head = parseHead(trimmed[..<split])
                citations.append(CitationReference(
                    raw: String(trimmed), codeName: head.codeName, division: head.division,
                    leadingTitle: head.leadingTitle, section: String(trimmed[trimmed.index(after: split)...])
                ))
                context = head
            } else {
                warnings.append("not a citation: \"\(trimmed)\"")
            }
        }
        return (citations, warnings)
    }

    /// The line split at semicolons outside parentheses.
    private static func topLevelPieces(_ text: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var depth = 0
        var start = text.startIndex
        for index in text.indices {
            switch text[index] {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case ";" where depth == 0:
                pieces.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
        }
        pieces.append(text[start...])
        return pieces
    }

    /// A piece without surrounding spaces, a leading `and`, or a closing period or comma
    /// (a period that ends `et seq.` stays).
    private static func trimPiece(_ piece: Substring) -> Substring {
        var result = piece.trimming(where: { $0 == " " })
        if result.lowercased().hasPrefix("and ") { result = result.dropFirst(4).trimming(where: { $0 == " " }) }
        while let last = result.last, last == "," || last == "." && !result.lowercased().hasSuffix("seq.") {
            result = result.dropLast()
        }
        return result
    }

    private static let divisionWords: [String: DivisionKind] = [
        "tit.": .title, "tit": .title, "title": .title, "t.": .title,
        "ch.": .chapter, "ch": .chapter, "chap.": .chapter, "chapter": .chapter,
        "art.": .article, "art": .article, "article": .article,
    ]

    /// Code name, division and leading title number of the text before `§`.
    private static func parseHead(_ left: Substring) -> (codeName: String, division: Division?, leadingTitle: String?) {
        var words = left.split(separator: " ").map { $0.trimming(where: { $0 == "," }) }.filter { !$0.isEmpty }
        var division: Division?
        if words.count >= 2, let kind = divisionWords[words[words.count - 2].lowercased()],
            words[words.count - 1].contains(where: \.isNumber)
        {
            division = Division(kind: kind, number: String(words[words.count - 1]))
            words.removeLast(2)
        }
        var leadingTitle: String?
        if words.count >= 2, let first = words.first, first.first?.isNumber == true, first.allSatisfy({ $0.isNumber || $0.isLetter }) {
            leadingTitle = String(first)
            words.removeFirst()
        }
        return (words.joined(separator: " "), division, leadingTitle)
    }

    private struct SectionItem {
        var section: String
        var sectionEnd: String?
        var etSeq: Bool
        var range: Range<Substring.Index>
    }

    private static let rangeWords: Set<String> = ["through", "thru", "to", "-", "–", "—", "−"]

    /// The sections after `§`: a list separated by commas or `and`, each a section or a range.
    private static func sectionItems(_ spec: Substring) -> [SectionItem] {
        var items: [SectionItem] = []
        var current: SectionItem?
        var expectingEnd = false
        var stopped = false
        for token in tokens(spec) where !stopped {
            let lower = token.lowercased()
            if lower == "," || lower == "and" || lower == "&" {
                if let item = current { items.append(item) }
                current = nil
                expectingEnd = false
                continue
            }
            if rangeWords.contains(lower), current != nil, current?.sectionEnd == nil {
                expectingEnd = true
                continue
            }
            if lower == "et" || lower == "seq." || lower == "seq" {
                if lower != "et", var item = current {
                    item.etSeq = true
                    item.range = item.range.lowerBound..<token.endIndex
                    current = item
                }
                continue
            }
            if token.first == "(", var item = current {
                // A subsection written apart from its section (`§ 2151.031 (A)`).
                if token.count <= 8, token.last == ")" {
                    item.range = item.range.lowerBound..<token.endIndex
                    if expectingEnd || item.sectionEnd != nil {
                        item.sectionEnd = (item.sectionEnd ?? "") + token
                    } else {
                        item.section += token
                    }
                    current = item
                    continue
                }
                stopped = true
                continue
            }
            guard token.contains(where: { $0.isNumber }) || token.count <= 4 && token.allSatisfy({ $0.isLetter && $0.isUppercase }) else {
                stopped = true
                continue
            }
            let value = String(token.trimming(where: { $0 == "." }))
            if expectingEnd, var item = current {
                item.sectionEnd = value
                item.range = item.range.lowerBound..<token.endIndex
                current = item
                expectingEnd = false
            } else {
                if let item = current { items.append(item) }
                current = SectionItem(section: value, sectionEnd: nil, etSeq: false, range: token.startIndex..<token.endIndex)
            }
        }
        if let item = current { items.append(item) }
        return items
    }

    /// Words of a section list: commas stand alone, and a dash between two sections written
    /// without spaces (`13-3212–13-3214`) splits them (a hyphen inside `43-21-105` does not).
    private static func tokens(_ spec: Substring) -> [Substring] {
        var result: [Substring] = []
        var start: Substring.Index?
        var index = spec.startIndex
        while index < spec.endIndex {
            let character = spec[index]
            if character == " " || character == "," || character == "–" || character == "—" {
                if let begin = start { result.append(spec[begin..<index]) }
                start = nil
                if character != " " { result.append(spec[index...index]) }
            } else if start == nil {
                start = index
            }
            index = spec.index(after: index)
        }
        if let begin = start { result.append(spec[begin..<spec.endIndex]) }
        return result
    }
}
