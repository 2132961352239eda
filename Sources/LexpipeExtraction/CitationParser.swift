public import LexpipeJurisdictions
import LexpipeRecord

/// How a code is divided above the section, when a citation names the division.
public enum DivisionKind: String, Sendable, Equatable, CaseIterable {
    /// `Tit. 22`, `Title 22`.
    case title
    /// `Ch. 119`, `Chapter 119`.
    case chapter
    /// `Art. 27`, `Article IV`.
    case article
}

/// A title, chapter or article number written before the section (`Tit. 22,`).
public struct Division: Sendable, Equatable {
    /// Which division.
    public var kind: DivisionKind
    /// Its number as written (`22`, `10A`, `IV`).
    public var number: String

    /// A division of `kind` numbered `number`.
    public init(kind: DivisionKind, number: String) {
        self.kind = kind
        self.number = number
    }
}

/// How a citation introduces its section number.
public enum SectionDesignator: String, Sendable, Equatable, CaseIterable {
    /// `§`, or `§§` before several sections or a range.
    case section
    /// `Art.`: codes numbered by article (`Ch. Code Art. 603`).
    case article
    /// `r.` or `Rule`: rules cited by number (`Admin. Code r. 660-5-34-.03`).
    case rule
    /// Nothing: the number follows the code name (`Pub. L. 106-386`, `705 ILCS 405/2-3`,
    /// `Welf. & Inst. Code 300`).
    case none
    /// `No.`: issuances cited by number (`County Fiscal Letter No. 16/17-73`).
    case number
}

/// One citation as written, split into its parts but not yet resolved against the code-name
/// table: `Ann. Code § 43-21-105` is code name `Ann. Code`, section `43-21-105`.
public struct CitationReference: Sendable, Equatable {
    /// The citation's text, a contiguous part of the line or paragraph it came from, with any
    /// whitespace character written as a space (`§` and a no-break space read `§ `).
    public var raw: String
    /// The code name as written (`Ann. Code`, `U.S.C.`); for `§§ 722.622; 750.462a` the second
    /// citation carries the first one's code name. Empty when the text names no code.
    public var codeName: String
    /// A `Tit.`, `Ch.` or `Art.` division written between code name and section.
    public var division: Division?
    /// A title number written before the code name (`22 U.S.C.`).
    public var leadingTitle: String?
    /// How the section is introduced: `§` unless written otherwise.
    public var designator: SectionDesignator
    /// The section as written, subsections included (`2151.031(A)(1)`); a range's first section.
    public var section: String
    /// A range's last section.
    public var sectionEnd: String?
    /// The citation ends in `et seq.`.
    public var etSeq: Bool

    /// A citation with every part given.
    public init(
        raw: String, codeName: String, division: Division? = nil, leadingTitle: String? = nil,
        designator: SectionDesignator = .section, section: String, sectionEnd: String? = nil, etSeq: Bool = false
    ) {
        self.raw = raw
        self.codeName = codeName
        self.division = division
        self.leadingTitle = leadingTitle
        self.designator = designator
        self.section = section
        self.sectionEnd = sectionEnd
        self.etSeq = etSeq
    }
}

/// Citation text the parser could not read as a citation.
public struct CitationProblem: Sendable, Equatable, CustomStringConvertible {
    /// The text, as written.
    public var text: String
    /// What is wrong with it.
    public var problem: String

    /// A problem with `text`.
    public init(text: String, problem: String) {
        self.text = text
        self.problem = problem
    }

    /// `citation text "…": problem`.
    public var description: String { "citation text \"\(text)\": \(problem)" }
}

/// Reads citations out of text: the `Citation:` lines of statute summaries
/// (`Ann. Code § 43-21-105; Code of Rules § 18-006-102`) and citations in running prose
/// ("as defined in Rev. Stat. § 13-3212").
///
/// Handles several citations per line (`;`, `,`, `and`), several sections per code
/// (`§§ 13-3212, 8-201`, `§§ 722.622; 750.462a`: later sections take the code, division and
/// title of the first), ranges (`through`, `to`, en and em dashes, a spaced hyphen), divisions
/// (`Tit. 33, §`, `Ch. 119, §`, `Art. 27, §`), title-first codes (`22 U.S.C. § 7102`),
/// subsections (`§ 2151.031(A)(1)`), `et seq.`, stray spaces in `§ §`, and in `Citation:`
/// lines, citations by article or rule (`Ch. Code Art. 603`) or without designator
/// (`Pub. L. 106-386`).
///
/// Where a code name begins is found by matching the longest known code name ending right
/// before `§` (or before the division); an unknown name is taken as written: in a
/// `Citation:` line, everything since the previous citation; in prose, the capitalized
/// words before `§`. One left-to-right pass over the text with bounded look-back; no regular
/// expressions.
public enum CitationParser {
    /// The citations of a `Citation:` line (without its label), and the text that gave none.
    public static func parse(
        _ line: some StringProtocol, codeNames: KnownCodeNames = KnownCodeNames()
    ) -> (citations: [CitationReference], problems: [CitationProblem]) {
        scan(line, codeNames: codeNames, isLine: true)
    }

    /// The citations in a paragraph of prose: every `§` with the code name before it, or after
    /// its number (`an offense under § 20A.02 or § 20A.03, Penal Code`: both Penal Code). A `§`
    /// with no code name in its sentence takes the code of `sectionCitation` (the first citation
    /// of the section's `Citation:` lines), title or chapter included. Text between citations
    /// is prose and is not reported.
    public static func inline(
        _ text: some StringProtocol, codeNames: KnownCodeNames = KnownCodeNames(),
        sectionCitation: CitationReference? = nil
    ) -> (citations: [CitationReference], problems: [CitationProblem]) {
        scan(text, codeNames: codeNames, isLine: false, sectionCitation: sectionCitation)
    }

    /// The citations of a `Citation:` line (`isLine`) or of prose, reading no further once
    /// `maxCitations` citations are found, and keeping at most `maxProblems` problems (the
    /// others are counted): a line of millions of `§§ 1-` costs no more than its first
    /// citations.
    /// In prose, `sectionCitation` is as for `inline`. One pass of the scanner: over bytes when
    /// the text is ASCII and `§` alone, else over `Character`s.
    public static func read(
        _ text: some StringProtocol, codeNames: KnownCodeNames = KnownCodeNames(), isLine: Bool, maxCitations: Int,
        maxProblems: Int, sectionCitation: CitationReference? = nil
    ) -> CitationScan {
        // Prose cites only after a section sign; most paragraphs hold none.
        if !isLine, !hasSectionSign(text) { return CitationScan(citations: [], problems: [], truncated: false, droppedProblems: 0) }
        func scan<Scanned: ScannedCharacter>(_ chars: [Scanned]) -> CitationScan {
            var scanner = CitationScanner(chars: chars, codeNames: codeNames, isLine: isLine)
            (scanner.maxCitations, scanner.maxProblems) = (max(0, maxCitations), max(0, maxProblems))
            if let sectionCitation { scanner.sectionCode = .init(sectionCitation) }
            scanner.run()
            return CitationScan(
                citations: scanner.citations, problems: scanner.problems, truncated: scanner.truncated,
                droppedProblems: scanner.droppedProblems
            )
        }
        if let characters = ASCIICharacter.characters(of: text) { return scan(characters) }
        return scan(Array(text))
    }
}

/// What `CitationParser.read` found, and what its limits left out.
public struct CitationScan: Sendable, Equatable {
    public var citations: [CitationReference]
    public var problems: [CitationProblem]
    /// Reading stopped at `maxCitations` with text left; the rest was not read.
    public var truncated: Bool
    /// Problems found past `maxProblems`, counted but not kept.
    public var droppedProblems: Int
}

extension CitationParser {
    /// `read` without limits.
    static func scan(
        _ text: some StringProtocol, codeNames: KnownCodeNames, isLine: Bool, sectionCitation: CitationReference? = nil
    ) -> (citations: [CitationReference], problems: [CitationProblem]) {
        let scan = read(
            text, codeNames: codeNames, isLine: isLine, maxCitations: .max, maxProblems: .max, sectionCitation: sectionCitation
        )
        return (scan.citations, scan.problems)
    }

    /// Whether the text holds a `§`, found by its UTF-8 bytes (C2 A7): the character has no
    /// canonical equivalent, so no text without those bytes holds one.
    static func hasSectionSign(_ text: some StringProtocol) -> Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            // The second byte is rare in prose: found with `memchr`, then the first checked.
            var index = 1
            while true {
                index = bytes.offset(of: 0xA7, from: index, to: bytes.count)
                guard index < bytes.count else { return false }
                if bytes[index - 1] == 0xC2 { return true }
                index += 1
            }
        }
        return text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
    }
}

/// The one pass behind `CitationParser`, over the text's characters.
private struct CitationScanner<Scanned: ScannedCharacter> {
    let chars: [Scanned]
    let codeNames: KnownCodeNames
    /// A `Citation:` line, where all text is citations; else prose.
    let isLine: Bool
    var citations: [CitationReference] = []
    var problems: [CitationProblem] = []
    /// In prose, the code a `§` with no code name in its sentence takes.
    var sectionCode: Head?
    /// Reading stops once this many citations are found.
    var maxCitations = Int.max
    /// Problems past this many are counted, not kept.
    var maxProblems = Int.max
    var droppedProblems = 0
    /// Reading stopped at `maxCitations` with text left.
    var truncated = false

    /// Whether the citation limit is reached: nothing more is read.
    var isFull: Bool { citations.count >= maxCitations }

    /// What precedes a section list: code name, division, title before the name.
    struct Head {
        var codeName = ""
        var division: Division?
        var leadingTitle: String?
        var designator = SectionDesignator.section
        /// Where the citation's raw text starts.
        var start: Int
    }

    /// A section, a range or a section with `et seq.`, and where it stands.
    struct Item {
        var section: String
        var sectionEnd: String?
        var etSeq = false
        var start: Int
        var end: Int
    }

    // MARK: The pass

    mutating func run() {
        let signs = signRuns()
        citations.reserveCapacity(signs.count)
        var cursor = 0
        var context: Head?
        /// In prose, the code cited last in an earlier sentence: a `§` whose sentence names no
        /// code takes it when the section has no `Citation:` line to give one.
        var earlier: Head?
        /// Where the citations of `§` signs without a code name of their own begin, while only
        /// connectives stand between them (`§ 20A.02 or § 20A.03`): a code name written after
        /// the last one's number is theirs too.
        var bareRun: Int?
        for (index, sign) in signs.enumerated() {
            if isFull {
                truncated = true
                return
            }
            let limit = index + 1 < signs.count ? signs[index + 1].lowerBound : chars.count
            var head = findHead(from: cursor, to: sign.lowerBound)
            let gap = cursor..<head.start
            let bare = head.codeName.isEmpty
            if isLine {
                readWithoutSign(gap, context: &context)
            } else if bare, context != nil, endsSentence(gap) {
                // In prose a code name carries on to the end of its sentence (looked at only for
                // a `§` that would take it, so that prose is not read twice).
                earlier = context
                context = nil
            }
            if !bare || !onlyConnectives(gap) { bareRun = nil }
            // A bare `§` continues the code cited before it (`Ch. 119, § 51A and investigated under § 51B`),
            // or in prose, the section's code when its sentence names none.
            if bare, let previous = context ?? (isLine ? nil : sectionCode ?? earlier) {
                head.codeName = previous.codeName
                head.division = head.division ?? previous.division
                head.leadingTitle = previous.leadingTitle
            }
            var (items, _) = sectionItems(from: sign.upperBound, to: limit)
            guard !items.isEmpty else {
                if isLine { report(head.start..<min(limit, sign.upperBound + 24), "no section number after §") }
                cursor = sign.upperBound
                bareRun = nil
                continue
            }
            if bare, let trailing = trailingName(after: items[items.count - 1].end, limit: limit) {
                // `§ 20A.03, Penal Code`: the name written after the number, for this `§` and
                // the bare ones just before it.
                head.codeName = text(trailing)
                head.division = nil
                head.leadingTitle = nil
                items[items.count - 1].end = trailing.upperBound
                for index in (bareRun ?? citations.count)..<citations.count {
                    citations[index].codeName = head.codeName
                    citations[index].division = nil
                    citations[index].leadingTitle = nil
                }
                bareRun = nil
            } else if bare {
                bareRun = bareRun ?? citations.count
            }
            emit(head, items)
            context = head
            cursor = items[items.count - 1].end
        }
        if isLine { readWithoutSign(cursor..<chars.count, context: &context) }
    }

    // MARK: Prose

    /// Whether only separators (`,`, `;`, `and`, `or`) stand in `gap`.
    func onlyConnectives(_ gap: Range<Int>) -> Bool {
        var index = gap.lowerBound
        while let word = wordAfter(index, limit: gap.upperBound) {
            var parts = word.lowerBound
            // `,` and `;` may stick to a word: `or,`.
            while parts < word.upperBound {
                var end = parts
                if chars[end].isStandalone {
                    end += 1
                } else {
                    while end < word.upperBound, !chars[end].isStandalone { end += 1 }
                }
                guard CitationWords.separators.contains(lowercasedText(parts..<end)) else { return false }
                parts = end
            }
            index = word.upperBound
        }
        return true
    }

    /// Whether a sentence ends in `gap`: `.`, `!` or `?` (closing quotes and parentheses after
    /// it allowed) then whitespace and a capital, the period not ending an abbreviation
    /// (`U.S.`, `e.g.`, `No.`). A period right after a citation ends a sentence.
    func endsSentence(_ gap: Range<Int>) -> Bool {
        // A citation that ends in a period (`et seq.`) and a capital after it.
        if gap.lowerBound > 0, chars[gap.lowerBound - 1] == ".", gap.lowerBound < gap.upperBound, chars[gap.lowerBound].isWhitespace {
            let next = skipSpacesForward(gap.lowerBound, limit: gap.upperBound)
            if next < gap.upperBound, chars[next].isUppercase { return true }
        }
        var index = gap.lowerBound
        while index < gap.upperBound {
            let character = chars[index]
            guard character == "." || character == "!" || character == "?" else {
                index += 1
                continue
            }
            var after = index + 1
            while after < gap.upperBound, chars[after].isCloser || chars[after] == ")" { after += 1 }
            let next = skipSpacesForward(after, limit: gap.upperBound)
            guard next > after, next < chars.count, chars[next].isUppercase || chars[next].isOpener || chars[next] == "§" else {
                index += 1
                continue
            }
            if character != "." { return true }
            var wordStart = index
            while wordStart > gap.lowerBound, !chars[wordStart - 1].isWhitespace { wordStart -= 1 }
            // The word's letters and periods: `5106a)` and `)` end sentences, `U.S` and `e.g` do not.
            let word = lowercasedText(wordStart..<index).filter { $0.isLetter || $0.isNumber || $0 == "." }
            if word.isEmpty || word.first!.isNumber
                || !(word.contains(".") || word.count == 1 || CitationWords.abbreviations.contains(word))
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// A code name written after a section's number, after a comma or `of (the)`
    /// (`§ 20A.03, Penal Code`, `§ 20A.03 of the Penal Code`):
    /// the longest known name of at most eight words there, else two or more capitalized words ending in
    /// a word that names a body of law (`Code`, `Act`); never the code name of the next citation
    /// (followed by `§` or a division).
    func trailingName(after end: Int, limit: Int) -> Range<Int>? {
        var index = skipSpacesForward(end, limit: limit)
        if index < limit, chars[index] == "," {
            index += 1
        } else if let of = wordAfter(index, limit: limit), text(of) == "of" {
            index = of.upperBound
            if let the = wordAfter(index, limit: limit), text(the) == "the" { index = the.upperBound }
        } else {
            return nil
        }
        var words: [Range<Int>] = []
        while words.count < 8, let word = wordAfter(index, limit: limit) {
            // Punctuation after a word, but for an abbreviation's period, is not part of the name.
            var wordEnd = word.upperBound
            while wordEnd > word.lowerBound, chars[wordEnd - 1] != ".",
                chars[wordEnd - 1].isCloser || chars[wordEnd - 1] == "," || chars[wordEnd - 1] == ";" || chars[wordEnd - 1] == ")"
            {
                wordEnd -= 1
            }
            guard wordEnd > word.lowerBound else { break }
            words.append(word.lowerBound..<wordEnd)
            // A name stops at punctuation other than a period.
            if wordEnd < word.upperBound { break }
            index = word.upperBound
        }
        guard let first = words.first, chars[first.lowerBound].isUppercase else { return nil }
        var found: Range<Int>?
        for count in stride(from: words.count, through: 1, by: -1) {
            let candidate = first.lowerBound..<words[count - 1].upperBound
            if codeNames.contains(text(candidate)) {
                found = candidate
                break
            }
        }
        if found == nil {
            var last: Int?
            for (offset, word) in words.enumerated() {
                let written = text(word)
                guard chars[word.lowerBound].isUppercase || ["&", "of", "and"].contains(written) else { break }
                // One word (`the Act`) names no code by itself.
                if offset > 0, CitationWords.lawWords.contains(String(written.lowercased().trimmingSuffix("."))) { last = offset }
            }
            found = last.map { first.lowerBound..<words[$0].upperBound }
        }
        guard var name = found else { return nil }
        // A sentence's period after a whole word is not part of the name.
        if chars[name.upperBound - 1] == ".", CitationWords.lawWords.contains(text(name.lowerBound..<name.upperBound - 1).split(separator: " ").last.map { $0.lowercased() } ?? "") {
            name = name.lowerBound..<name.upperBound - 1
        }
        // The name of the next citation: `, Penal Code § 20A.02`, `, Rev. Stat. Tit. 22, § 4002`.
        let next = skipSpacesForward(name.upperBound, limit: limit)
        if next == limit, limit < chars.count { return nil }
        if let word = wordAfter(next, limit: limit), CitationWords.divisionWords[lowercasedText(word)] != nil { return nil }
        return name
    }

    /// Each `§` or `§§` (also `§ §`), as the range of its signs.
    func signRuns() -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while true {
            index = Scanned.firstSign(in: chars, from: index)
            guard index < chars.count else { break }
            var end = index + 1
            var probe = end
            while probe < chars.count {
                if chars[probe] == "§" {
                    end = probe + 1
                } else if !chars[probe].isWhitespace {
                    break
                }
                probe += 1
            }
            // Lines hold a few signs: room for them at once, and none taken where there is none.
            if runs.isEmpty { runs.reserveCapacity(4) }
            runs.append(index..<end)
            index = end
        }
        return runs
    }

    /// Keeps a problem, unless `maxProblems` are kept already: then it is only counted (its
    /// text is not even copied).
    mutating func report(_ range: Range<Int>, _ message: String) {
        guard problems.count < maxProblems else {
            droppedProblems += 1
            return
        }
        let found = problem(range, message)
        problems.append(found)
    }

    mutating func emit(_ head: Head, _ items: [Item]) {
        for (offset, item) in items.enumerated() {
            guard citations.count < maxCitations else {
                truncated = true
                return
            }
            let start = offset == 0 ? head.start : item.start
            citations.append(CitationReference(
                raw: spacedText(start..<item.end), codeName: head.codeName, division: head.division,
                leadingTitle: head.leadingTitle, designator: head.designator, section: item.section,
                sectionEnd: item.sectionEnd, etSeq: item.etSeq
            ))
        }
    }

    // MARK: Heads

    /// The code name, division and title number ending at `end` (where `§` stands), found no
    /// further back than `start`.
    func findHead(from start: Int, to end: Int) -> Head {
        var stop = skipSpacesBack(end, floor: start)
        if stop > start, chars[stop - 1] == "," { stop = skipSpacesBack(stop - 1, floor: start) }
        var head = Head(start: end)
        // A division: `Tit. 22,`, `Ch. 119`, `Art. IV`.
        if let number = wordBefore(stop, floor: start), isDivisionNumber(number),
            let designator = wordBefore(skipSpacesBack(number.lowerBound, floor: start), floor: start),
            let kind = CitationWords.divisionWords[lowercasedText(designator)]
        {
            head.division = Division(kind: kind, number: text(number))
            head.start = designator.lowerBound
            stop = skipSpacesBack(designator.lowerBound, floor: start)
            if stop > start, chars[stop - 1] == "," { stop = skipSpacesBack(stop - 1, floor: start) }
        }
        guard stop > start else { return head }
        if let nameStart = knownName(endingAt: stop, floor: start) {
            head.codeName = text(nameStart..<stop)
            head.start = nameStart
            if let title = leadingTitle(before: nameStart, floor: start), codeNames.isTitled(head.codeName) {
                head.leadingTitle = text(title)
                head.start = title.lowerBound
            }
            return head
        }
        let nameStart = isLine ? unknownNameInLine(endingAt: stop, floor: start) : unknownNameInProse(endingAt: stop, floor: start)
        guard nameStart < stop else { return head }
        head.codeName = text(nameStart..<stop)
        head.start = nameStart
        // `22 U.S.C.` and the like when the name is not known: a number opens the name.
        if isLine, let space = head.codeName.firstIndex(of: " "), isTitleNumber(head.codeName[..<space]) {
            let titleText = String(head.codeName[..<space])
            head.leadingTitle = titleText
            head.codeName = String(head.codeName[space...].drop(while: \.isWhitespace))
        }
        return head
    }

    /// Where the longest known code name ending at `end` begins. Words are taken leftward while
    /// they still make the ending of some known name, so the look-back is as long as the
    /// longest name at most, and the key grows by one word at a time.
    ///
    /// Capitalized words before a known name that still make the ending of a longer known name
    /// belong to the name: `Rev. Stat.` is the ending of `Ariz. Rev. Stat.`, so in a document
    /// whose table lacks `Rev. Stat.` the name is `Rev. Stat.` (unknown there), never the
    /// federal `Stat.` inside it.
    func knownName(endingAt end: Int, floor: Int) -> Int? {
        guard !codeNames.isEmpty else { return nil }
        var best: Int?
        var farthest: Int?
        var capitalized = true
        var suffix = ""
        var position = end
        while let word = wordBefore(position, floor: floor) {
            var begin = word.lowerBound
            while begin < word.upperBound, chars[begin].isOpener { begin += 1 }
            let candidate = Scanned.key(chars[begin..<word.upperBound], before: suffix)
            if !candidate.isEmpty {
                let match = codeNames.match(key: candidate)
                guard match.isEnding else { break }
                suffix = candidate
                capitalized = capitalized && chars[begin].isUppercase
                if match.titled != nil {
                    best = begin
                } else if capitalized {
                    farthest = begin
                }
            }
            // A name begins after an opening parenthesis or quote at the latest.
            guard begin == word.lowerBound else { break }
            position = word.lowerBound
        }
        if let best, let farthest, farthest < best { return farthest }
        return best
    }

    /// In a `Citation:` line, an unknown name is all text since the last `;` or `,`.
    func unknownNameInLine(endingAt end: Int, floor: Int) -> Int {
        var index = end
        var depth = 0
        while index > floor {
            let character = chars[index - 1]
            if character == ")" { depth += 1 }
            if character == "(" { depth = max(0, depth - 1) }
            if depth == 0, character == ";" || character == "," { break }
            index -= 1
        }
        index = skipSpacesForward(index, limit: end)
        // Leading connectives and signals are not part of the name.
        while let word = wordAfter(index, limit: end), CitationWords.leadIns.contains(lowercasedText(word)) {
            index = skipSpacesForward(word.upperBound, limit: end)
        }
        return index
    }

    /// In prose, an unknown name is the run of capitalized words (with `&`, `of`, `and`
    /// inside it) before `§`, at most six words, without a sentence word like `The` first.
    func unknownNameInProse(endingAt end: Int, floor: Int) -> Int {
        var words: [Range<Int>] = []
        var position = end
        while words.count < 6, let word = wordBefore(position, floor: floor) {
            let written = text(word).drop(while: { CitationWords.openers.contains($0) })
            guard let first = written.first, !written.contains(where: \.isNumber) else { break }
            guard first.isUppercase || ["&", "of", "and"].contains(written) else { break }
            words.append(word)
            position = word.lowerBound
            if chars[word.lowerBound].isOpener { break }
            // A sentence word written with a capital opens a sentence (`… the Office of the
            // Attorney General. Under Fam. Code § 658.929`): the name is after it.
            if first.isUppercase, CitationWords.sentenceWords.contains(lowercasedText(word)) { break }
        }
        // In reading order, without the sentence words and connectives that cannot begin a name.
        let forward = Array(words.reversed())
        guard let firstKept = forward.firstIndex(where: { !CitationWords.sentenceWords.contains(lowercasedText($0)) })
        else { return end }
        var begin = forward[firstKept].lowerBound
        while begin < end, chars[begin].isOpener { begin += 1 }
        return begin
    }

    /// A title number right before a code name (`22` of `22 U.S.C.`).
    func leadingTitle(before nameStart: Int, floor: Int) -> Range<Int>? {
        let stop = skipSpacesBack(nameStart, floor: floor)
        guard stop < nameStart, let word = wordBefore(stop, floor: floor) else { return nil }
        var begin = word.lowerBound
        while begin < stop, chars[begin].isOpener { begin += 1 }
        // A title number starts with a number: other words are not copied to be looked at.
        guard begin < stop, isTitleNumber(chars[begin..<stop]) else { return nil }
        return begin..<stop
    }

    // MARK: Citations without §

    /// Reads the text between `§` citations of a `Citation:` line: citations by article, rule
    /// or bare number, or sections continuing the previous citation; anything else is reported.
    mutating func readWithoutSign(_ region: Range<Int>, context: inout Head?) {
        var next = region.lowerBound
        while next <= region.upperBound {
            let piece = next..<pieceEnd(from: next, limit: region.upperBound)
            next = piece.upperBound + 1
            var begin = skipSpacesForward(piece.lowerBound, limit: piece.upperBound)
            let end = skipSpacesBack(piece.upperBound, floor: begin)
            while let word = wordAfter(begin, limit: end), CitationWords.leadIns.contains(lowercasedText(word))
                || text(word) == ","
            {
                begin = skipSpacesForward(word.upperBound, limit: end)
            }
            guard begin < end, chars[begin..<end].contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            if isFull {
                truncated = true
                return
            }
            if let (head, items) = citationWithoutSign(begin..<end, context: context) {
                emit(head, items)
                context = head
                let rest = items[items.count - 1].end..<end
                if chars[rest].contains(where: { $0.isLetter || $0.isNumber }) {
                    report(rest, "not a citation")
                }
            } else {
                report(begin..<end, "not a citation")
            }
        }
    }

    /// Where the part of a region that starts at `start` ends: at the next `;` outside
    /// parentheses, else at `limit`.
    func pieceEnd(from start: Int, limit: Int) -> Int {
        var depth = 0
        for index in start..<limit {
            switch chars[index] {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case ";" where depth == 0: return index
            default: break
            }
        }
        return limit
    }

    /// `Ch. Code Art. 603`, `Admin. Code r. 660-5-34-.03`, `Pub. L. 106-386`, `705 ILCS 405/2-3`,
    /// or sections alone continuing `context`.
    func citationWithoutSign(_ piece: Range<Int>, context: Head?) -> (Head, [Item])? {
        var words: [Range<Int>] = []
        var index = piece.lowerBound
        while let word = wordAfter(index, limit: piece.upperBound) {
            words.append(word)
            index = word.upperBound
        }
        guard let firstWord = words.first else { return nil }
        // Sections continuing the previous citation, unless a capitalized word after the number
        // makes it a title before a code name (`; 114 Stat. 1464`).
        if let context, isSectionNumber(firstWord), words.count < 2 || !chars[words[1].lowerBound].isUppercase {
            let (items, _) = sectionItems(from: firstWord.lowerBound, to: piece.upperBound)
            var head = context
            head.start = firstWord.lowerBound
            if !items.isEmpty { return (head, items) }
        }
        var nameFrom = 0
        var leadingTitle: String?
        if words.count > 2, isTitleNumber(chars[firstWord]) {
            leadingTitle = text(firstWord)
            nameFrom = 1
        }
        // The first number after the name is the section.
        guard let numberAt = words.indices.first(where: { $0 > nameFrom && isSectionNumber(words[$0]) }) else { return nil }
        var nameEnd = numberAt
        var designator = SectionDesignator.none
        let nameText = text(words[nameFrom].lowerBound..<words[numberAt - 1].upperBound)
        if numberAt - 1 > nameFrom, !codeNames.contains(nameText),
            let kind = CitationWords.sectionWords[lowercasedText(words[numberAt - 1])]
        {
            designator = kind
            nameEnd = numberAt - 1
        }
        let name = text(words[nameFrom].lowerBound..<words[nameEnd - 1].upperBound)
        guard codeNames.contains(name) || name.first?.isUppercase == true || name.first?.isNumber == true else { return nil }
        // A sentence is no code name: `The term means a person younger than age 18`.
        if !codeNames.contains(name) {
            let lowerCase = words[nameFrom..<nameEnd].filter { word in
                chars[word.lowerBound].isLowercase && !CitationWords.nameConnectives.contains(text(word))
            }
            guard lowerCase.count < 2 else { return nil }
        }
        let (items, _) = sectionItems(from: words[numberAt].lowerBound, to: piece.upperBound)
        guard !items.isEmpty else { return nil }
        let head = Head(
            codeName: name, division: nil, leadingTitle: leadingTitle, designator: designator, start: words[0].lowerBound
        )
        return (head, items)
    }

    // MARK: Section lists

    enum Token {
        case separator
        case range
        case et
        case seq
        case subsection(String)
        case number(String)
        case other
    }

    /// The sections from `start` up to `limit`: a list separated by commas, semicolons, `and`,
    /// `or`, each a section, a range or a section with `et seq.`; and where reading stopped.
    /// Words are read one ahead of the one being decided and no further than the list goes.
    func sectionItems(from start: Int, to limit: Int) -> ([Item], Int) {
        // A list longer than the citations still to be read is read no further.
        let room = maxCitations - citations.count
        var items: [Item] = []
        var current: Item?
        var expectingEnd = false
        var afterSeparator = false
        var cursor = start
        var ahead = nextToken(&cursor, limit: limit)
        loop: while let (kind, range) = ahead {
            ahead = nextToken(&cursor, limit: limit)
            switch kind {
            case .separator:
                guard current != nil, !expectingEnd else { break loop }
                afterSeparator = true
            case .range:
                guard current != nil, current?.sectionEnd == nil, !afterSeparator, !expectingEnd else { break loop }
                expectingEnd = true
            case .et:
                guard var item = current, !afterSeparator, !expectingEnd, let (next, seqRange) = ahead, case .seq = next
                else { break loop }
                item.etSeq = true
                item.end = seqRange.upperBound
                current = item
                ahead = nextToken(&cursor, limit: limit)
            case .seq:
                break loop
            case let .subsection(value):
                guard var item = current, !afterSeparator, !expectingEnd else { break loop }
                if item.sectionEnd != nil { item.sectionEnd! += value } else { item.section += value }
                item.end = range.upperBound
                current = item
            case let .number(value):
                if var item = current {
                    if expectingEnd {
                        item.sectionEnd = value
                        item.end = range.upperBound
                        current = item
                        expectingEnd = false
                    } else if afterSeparator {
                        // A number followed by a capitalized word opens the next citation
                        // (`§ 1; 22 U.S.C. § 7102`), it is not another section.
                        if let (next, nextRange) = ahead, case .other = next, chars[nextRange.lowerBound].isUppercase {
                            break loop
                        }
                        items.append(item)
                        current = nil
                        guard items.count < room else { break loop }
                        current = Item(section: value, start: range.lowerBound, end: range.upperBound)
                        afterSeparator = false
                    } else {
                        break loop
                    }
                } else {
                    current = Item(section: value, start: range.lowerBound, end: range.upperBound)
                }
            case .other:
                break loop
            }
        }
        if let item = current { items.append(item) }
        return (items, items.last?.end ?? start)
    }

    /// The next word of a section list from `position`, which moves past it: whitespace
    /// separates, commas, semicolons and dashes stand alone (a dash between sections written
    /// without spaces, `13-3212–13-3214`, splits them; a hyphen inside `43-21-105` does not).
    func nextToken(_ position: inout Int, limit: Int) -> (Token, Range<Int>)? {
        var begin = position
        while begin < limit, chars[begin].isWhitespace { begin += 1 }
        guard begin < limit else {
            position = limit
            return nil
        }
        var end = begin + 1
        if !chars[begin].isStandalone {
            while end < limit, !chars[end].isWhitespace, !chars[end].isStandalone { end += 1 }
        }
        position = end
        return classify(begin..<end)
    }

    /// A word of a section list; closing punctuation is dropped from numbers.
    func classify(_ range: Range<Int>) -> (Token, Range<Int>) {
        // Every word of the list other than a number starts with a letter or punctuation; the
        // words are lower-cased and looked up only when their first character may open one.
        // The words are matched on the characters: no text is made for a word that is not a number.
        if !chars[range.lowerBound].isNumber, opensListWord(chars[range.lowerBound]) {
            for (spelling, kind) in CitationWords.listWords where spells(range, spelling) {
                switch kind {
                case .separator: return (.separator, range)
                case .range: return (.range, range)
                case .et: return (.et, range)
                }
            }
            let seq = range.lowerBound..<min(range.lowerBound + 3, range.upperBound)
            if spells(seq, ["s", "e", "q"]), chars[seq.upperBound..<range.upperBound].allSatisfy({ $0 == "." || $0 == ")" }) {
                return (.seq, range.lowerBound..<range.lowerBound + (seq.upperBound < range.upperBound && chars[seq.upperBound] == "." ? 4 : 3))
            }
        }
        // A number holds a digit and a subsection opens with `(`: any other word is neither.
        guard chars[range.lowerBound] == "(" || chars[range].contains(where: \.isNumber) else { return (.other, range) }
        // Closing punctuation and unbalanced closing parentheses are not part of a number.
        var end = range.upperBound
        // Counted only when a `)` ends the word.
        var unbalanced: Int?
        while end > range.lowerBound {
            let last = chars[end - 1]
            if last.isCloser {
                end -= 1
                continue
            }
            guard last == ")" else { break }
            let open = unbalanced ?? count(")", in: range) - count("(", in: range)
            guard open > 0 else { break }
            end -= 1
            unbalanced = open - 1
        }
        let trimmed = range.lowerBound..<end
        if chars[trimmed.lowerBound] == "(", chars[trimmed.upperBound - 1] == ")", isSubsection(trimmed) {
            return (.subsection(text(trimmed)), trimmed)
        }
        // OCR's `l` and `O` inside a number are its digits (`§ 28-8Ol`).
        if isSectionNumber(trimmed) {
            let number = text(trimmed)
            return (.number(OCRDigits.repaired(number) ?? number), trimmed)
        }
        return (.other, range)
    }

    /// Whether the text of `range`, lower-cased, is `spelling` (lower-case, a character a
    /// scalar): an ASCII letter matches in either case, any other character itself.
    func spells(_ range: Range<Int>, _ spelling: [Unicode.Scalar]) -> Bool {
        guard range.count == spelling.count else { return false }
        for (offset, scalar) in spelling.enumerated() {
            let character = chars[range.lowerBound + offset]
            if character != Scanned(scalar) {
                guard scalar >= "a", scalar <= "z", character == Scanned(Unicode.Scalar(UInt8(scalar.value) - 0x20)) else { return false }
            }
        }
        return true
    }

    /// Whether a character may open a word of `CitationWords.listWords` or `seq`, in any case:
    /// no other character lower-cases to the first of one.
    func opensListWord(_ character: Scanned) -> Bool {
        switch character {
        case ",", ";", "&", "-", "\u{2013}", "\u{2014}", "\u{2212}", "a", "A", "o", "O", "t", "T", "e", "E", "s", "S": true
        default: false
        }
    }

    // MARK: Words and characters

    func text(_ range: Range<Int>) -> String { Scanned.string(chars[range]) }

    /// `text(range).lowercased()`, made at once.
    func lowercasedText(_ range: Range<Int>) -> String { Scanned.lowercasedString(chars[range]) }

    /// The text with each whitespace character other than a space (a line break where a line
    /// was wrapped, a no-break space after `§`) written as a space, as a citation reads.
    func spacedText(_ range: Range<Int>) -> String { Scanned.spacedString(chars[range]) }

    func count(_ character: Scanned, in range: Range<Int>) -> Int {
        chars[range].reduce(0) { $1 == character ? $0 + 1 : $0 }
    }

    func skipSpacesBack(_ index: Int, floor: Int) -> Int {
        var index = index
        while index > floor, chars[index - 1].isWhitespace { index -= 1 }
        return index
    }

    func skipSpacesForward(_ index: Int, limit: Int) -> Int {
        var index = index
        while index < limit, chars[index].isWhitespace { index += 1 }
        return index
    }

    /// The word ending at `end` (after skipping spaces before `end`), not reaching below `floor`.
    func wordBefore(_ end: Int, floor: Int) -> Range<Int>? {
        let stop = skipSpacesBack(end, floor: floor)
        guard stop > floor else { return nil }
        var begin = stop
        while begin > floor, !chars[begin - 1].isWhitespace { begin -= 1 }
        return begin..<stop
    }

    /// The word starting at or after `start`, before `limit`.
    func wordAfter(_ start: Int, limit: Int) -> Range<Int>? {
        let begin = skipSpacesForward(start, limit: limit)
        guard begin < limit else { return nil }
        var end = begin
        while end < limit, !chars[end].isWhitespace { end += 1 }
        return begin..<end
    }

    /// `43-21-105`, `750.462a`, `5101:2-1-01`, `5/3`, `51A`, `2151.031(A)(1)`: a digit in it,
    /// starting with a letter, digit or period, and no `§`.
    func isSectionNumber(_ word: Range<Int>) -> Bool {
        guard !word.isEmpty else { return false }
        let first = chars[word.lowerBound]
        guard first.isLetter || first.isNumber || first == "." else { return false }
        var hasDigit = false
        for character in chars[word] {
            if character == "§" { return false }
            hasDigit = hasDigit || character.isNumber
        }
        return hasDigit
    }

    /// `(A)`, `(1)`, `(a)(1)(iv)`: parenthesized groups of at most four letters or digits,
    /// not a year.
    func isSubsection(_ word: Range<Int>) -> Bool {
        var inside = 0
        var open = false
        var digits = 0
        for character in chars[word] {
            switch character {
            case "(":
                guard !open else { return false }
                open = true
                inside = 0
                digits = 0
            case ")":
                guard open, inside > 0, !(inside == 4 && digits == 4) else { return false }
                open = false
            default:
                guard open, character.isLetter || character.isNumber, inside < 4 else { return false }
                inside += 1
                if character.isNumber { digits += 1 }
            }
        }
        return !open
    }

    /// A division number: digits with letters (`22`, `10A`, `7-B`) or a Roman numeral (`IV`),
    /// read from the characters, so that the word is copied only when it is one.
    func isDivisionNumber(_ word: Range<Int>) -> Bool {
        guard !word.isEmpty else { return false }
        if chars[word.lowerBound].isNumber { return true }
        return word.count <= 6 && chars[word].allSatisfy { $0 == "I" || $0 == "V" || $0 == "X" || $0 == "L" || $0 == "C" }
    }

    /// A title number before a code name: starts with a digit, letters, digits and hyphens.
    func isTitleNumber<Word: Collection>(_ word: Word) -> Bool where Word.Element: ScannedCharacter {
        guard word.first?.isNumber == true else { return false }
        return word.allSatisfy { $0.isNumber || $0.isLetter || $0 == "-" }
    }

    func problem(_ range: Range<Int>, _ message: String) -> CitationProblem {
        let begin = skipSpacesForward(range.lowerBound, limit: range.upperBound)
        let end = skipSpacesBack(range.upperBound, floor: begin)
        return CitationProblem(text: text(begin..<end), problem: message)
    }
}

/// The words and punctuation the citation scanner reads.
private enum CitationWords {
    static let divisionWords: [String: DivisionKind] = [
        "tit.": .title, "tit": .title, "title": .title,
        "ch.": .chapter, "ch": .chapter, "chap.": .chapter, "chapter": .chapter,
        "art.": .article, "art": .article, "article": .article,
    ]
    static let sectionWords: [String: SectionDesignator] = [
        "art.": .article, "arts.": .article, "article": .article, "articles": .article,
        "r.": .rule, "rr.": .rule, "rule": .rule, "rules": .rule,
        "no.": .number, "nos.": .number,
        "sec.": .section, "secs.": .section, "section": .section, "sections": .section,
    ]
    static let separators: Set<String> = [",", ";", "and", "or", "&"]
    static let rangeWords: Set<String> = ["through", "thru", "to", "-", "–", "—", "−"]
    enum ListWord { case separator, range, et }
    /// The words of a section list other than numbers, lower-cased: one lookup per word.
    /// Spelled as scalars, so that they are matched on a text's characters without making a string.
    static let listWords: [(spelling: [Unicode.Scalar], kind: ListWord)] =
        (separators.map { ($0, ListWord.separator) } + rangeWords.map { ($0, .range) } + [("et", .et)])
        .map { (Array($0.unicodeScalars), $1) }
    static let standalone: Set<Character> = [",", ";", "–", "—"]
    static let closers: Set<Character> = [".", ":", "\"", "\u{201D}", "'", "\u{2019}", "]"]
    static let openers: Set<Character> = ["(", "[", "\"", "\u{201C}", "'", "\u{2018}"]
    static let leadIns: Set<String> = ["and", "&", "or", "see", "also", "cf.", "e.g.,", "see,", "e.g."]
    /// Lower-case words inside code names (`Code of Rules`, `Rules of Court`).
    static let nameConnectives: Set<String> = ["of", "and", "the", "for", "on", "&"]
    /// Words that end the name of a code or act written out (`Penal Code`, `Social Security Act`).
    static let lawWords: Set<String> = [
        "code", "act", "law", "laws", "statutes", "rules", "regulations", "constitution", "manual",
    ]
    /// Words whose period does not end a sentence.
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "no", "nos", "v", "vs", "mr", "ms", "mrs", "dr", "st", "inc", "co", "corp", "ch", "art", "arts",
        "tit", "sec", "secs", "stat", "ann", "rev", "gen", "admin", "civ", "crim", "proc", "fam", "pen", "jud", "cts",
        "soc", "serv", "regs", "comp", "cons", "const", "pub", "l", "approx", "et", "al", "seq",
    ]
    static let sentenceWords: Set<String> = [
        "the", "a", "an", "see", "in", "under", "as", "per", "pursuant", "by", "also", "its", "this", "that",
        "these", "those", "each", "both", "and", "of", "&", "section", "sections", "statute", "statutes",
    ]
}

/// A character as the citation scanner reads it.
private protocol ScannedCharacter: Equatable, ExpressibleByUnicodeScalarLiteral {
    var isWhitespace: Bool { get }
    var isUppercase: Bool { get }
    var isLowercase: Bool { get }
    var isNumber: Bool { get }
    var isLetter: Bool { get }
    /// `(`, `[` and opening quotes, which may precede a code name.
    var isOpener: Bool { get }
    /// Closing punctuation that follows a section number without being part of it.
    var isCloser: Bool { get }
    /// A word of a section list by itself: commas, semicolons, en and em dashes.
    var isStandalone: Bool { get }
    /// Whitespace other than a space: a line break, a tab, a no-break space.
    var isOtherSpace: Bool { get }
    /// The character of one scalar.
    init(_ scalar: Unicode.Scalar)
    /// The text of a run of characters.
    static func string(_ characters: ArraySlice<Self>) -> String
    /// The text of a run of characters, lower-cased (`String.lowercased()`).
    static func lowercasedString(_ characters: ArraySlice<Self>) -> String
    /// The text of a run of characters with each `isOtherSpace` character written as a space.
    static func spacedString(_ characters: ArraySlice<Self>) -> String
    /// `KnownCodeNames.key` of the text of a run of characters (a word), then a space and
    /// `suffix` (the key of the words after it) unless either is empty; empty when the word's
    /// key is.
    static func key(_ characters: ArraySlice<Self>, before suffix: String) -> String
    /// The position of the first `§` at or after `start`, or `characters.count`.
    static func firstSign(in characters: [Self], from start: Int) -> Int
}

extension ScannedCharacter {
    fileprivate static func firstSign(in characters: [Self], from start: Int) -> Int {
        characters[start...].firstIndex(of: "§") ?? characters.count
    }
}

extension Character: ScannedCharacter {
    fileprivate var isOpener: Bool { CitationWords.openers.contains(self) }
    fileprivate var isCloser: Bool { CitationWords.closers.contains(self) }
    fileprivate var isStandalone: Bool { CitationWords.standalone.contains(self) }
    fileprivate var isOtherSpace: Bool { self != " " && isWhitespace }

    fileprivate static func string(_ characters: ArraySlice<Character>) -> String { String(characters) }

    fileprivate static func lowercasedString(_ characters: ArraySlice<Character>) -> String { string(characters).lowercased() }

    fileprivate static func spacedString(_ characters: ArraySlice<Character>) -> String {
        guard characters.contains(where: { $0.isOtherSpace }) else { return string(characters) }
        return String(characters.map { $0.isOtherSpace ? " " : $0 })
    }

    fileprivate static func key(_ characters: ArraySlice<Character>, before suffix: String) -> String {
        let key = KnownCodeNames.key(string(characters))
        return key.isEmpty || suffix.isEmpty ? key : key + " " + suffix
    }
}

/// A character of a text written in ASCII and `§` alone, as its byte (`§` as A7). In such a
/// text every byte but `§`'s two is a character of its own, and each has the traits of the
/// `Character` it stands for, so the scanner reads the bytes as it would read the characters.
private struct ASCIICharacter: ScannedCharacter {
    let byte: UInt8

    private init(byte: UInt8) {
        self.byte = byte
    }

    /// Found by `memchr`: a character is its byte.
    static func firstSign(in characters: [ASCIICharacter], from start: Int) -> Int {
        // A character is one byte: the array's bytes are its characters' bytes.
        assert(MemoryLayout<ASCIICharacter>.stride == 1)
        return characters.withUnsafeBytes { raw in
            raw.withMemoryRebound(to: UInt8.self) { $0.offset(of: 0xA7, from: start, to: $0.count) }
        }
    }

    /// `§` as A7, ASCII as itself; anything else as a byte no scanned text holds.
    init(unicodeScalarLiteral scalar: Unicode.Scalar) {
        byte = scalar.isASCII ? UInt8(scalar.value) : scalar == "§" ? 0xA7 : 0xFF
    }

    init(_ scalar: Unicode.Scalar) {
        self.init(unicodeScalarLiteral: scalar)
    }

    /// The characters of `text`, or `nil` when it holds anything but ASCII and `§`, or a
    /// `\r\n` (one character of two bytes).
    static func characters(of text: some StringProtocol) -> [ASCIICharacter]? {
        text.utf8.withContiguousStorageIfAvailable(characters) ?? Array(text.utf8).withUnsafeBufferPointer(characters)
    }

    /// The characters of UTF-8 `bytes`: words of eight ASCII bytes without a carriage return are
    /// copied whole, everything else is read byte by byte.
    private static func characters(_ bytes: UnsafeBufferPointer<UInt8>) -> [ASCIICharacter]? {
        guard bytes.baseAddress != nil else { return [] }
        var valid = true
        let characters = [ASCIICharacter](unsafeUninitializedCapacity: bytes.count) { out, count in
            let target = UnsafeMutableRawPointer(out.baseAddress!)
            var index = 0
            var afterLead = false
            var previous: UInt8 = 0
            while index < bytes.count {
                if !afterLead, index + 8 <= bytes.count {
                    let word = ByteWord.load(bytes, at: index)
                    // ASCII, without a carriage return.
                    if word & ByteWord.highBits | ByteWord.matches(0x0D, in: word) == 0, previous != 0x0D || word & 0xFF != 0x0A {
                        target.storeBytes(of: word, toByteOffset: count, as: UInt64.self)
                        count += 8
                        index += 8
                        previous = UInt8(truncatingIfNeeded: word >> 56)
                        continue
                    }
                }
                let byte = bytes[index]
                index += 1
                if afterLead {
                    guard byte == 0xA7 else {
                        valid = false
                        return
                    }
                    afterLead = false
                } else if byte == 0xC2 {
                    afterLead = true
                    previous = byte
                    continue
                } else {
                    guard byte < 0x80, byte != 0x0A || previous != 0x0D else {
                        valid = false
                        return
                    }
                }
                out[count] = ASCIICharacter(byte: byte)
                count += 1
                previous = byte
            }
            valid = !afterLead
        }
        return valid ? characters : nil
    }

    private struct Traits: OptionSet {
        let rawValue: UInt8
        static let whitespace = Traits(rawValue: 1 << 0)
        static let uppercase = Traits(rawValue: 1 << 1)
        static let number = Traits(rawValue: 1 << 2)
        static let opener = Traits(rawValue: 1 << 3)
        static let closer = Traits(rawValue: 1 << 4)
        static let standalone = Traits(rawValue: 1 << 5)
    }

    /// The traits of each byte's `Character`.
    private static let traits: [Traits] = (0...UInt8.max).map { byte in
        guard byte < 0x80 || byte == 0xA7 else { return [] }
        let character = Character(Unicode.Scalar(byte))
        var traits: Traits = []
        if character.isWhitespace { traits.insert(.whitespace) }
        if character.isUppercase { traits.insert(.uppercase) }
        if character.isNumber { traits.insert(.number) }
        if character.isOpener { traits.insert(.opener) }
        if character.isCloser { traits.insert(.closer) }
        if character.isStandalone { traits.insert(.standalone) }
        return traits
    }

    var isWhitespace: Bool { ASCIICharacter.traits[Int(byte)].contains(.whitespace) }
    var isUppercase: Bool { ASCIICharacter.traits[Int(byte)].contains(.uppercase) }
    var isNumber: Bool { ASCIICharacter.traits[Int(byte)].contains(.number) }
    var isOpener: Bool { ASCIICharacter.traits[Int(byte)].contains(.opener) }
    var isCloser: Bool { ASCIICharacter.traits[Int(byte)].contains(.closer) }
    var isStandalone: Bool { ASCIICharacter.traits[Int(byte)].contains(.standalone) }
    var isLowercase: Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    var isLetter: Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }
    /// Tab, line feed, vertical tab, form feed, carriage return: ASCII's whitespace but the space.
    var isOtherSpace: Bool { byte >= 0x09 && byte <= 0x0D }

    /// Read from the bytes when there is no `§` among them (A7 alone is no UTF-8), the word's
    /// key and the suffix written into one string.
    static func key(_ characters: ArraySlice<ASCIICharacter>, before suffix: String) -> String {
        let key = characters.withUnsafeBytes { raw in
            raw.withMemoryRebound(to: UInt8.self) { KnownCodeNames.key(ascii: $0, before: suffix) }
        }
        if let key { return key }
        let wordKey = KnownCodeNames.key(string(characters))
        return wordKey.isEmpty || suffix.isEmpty ? wordKey : wordKey + " " + suffix
    }

    static func string(_ characters: ArraySlice<ASCIICharacter>) -> String {
        string(characters, lowercased: false, spaced: false)
    }

    /// ASCII lower-cases by letter, `A`-`Z` to `a`-`z`, and `§` has no case.
    static func lowercasedString(_ characters: ArraySlice<ASCIICharacter>) -> String {
        string(characters, lowercased: true, spaced: false)
    }

    static func spacedString(_ characters: ArraySlice<ASCIICharacter>) -> String {
        string(characters, lowercased: false, spaced: true)
    }

    private static func string(_ characters: ArraySlice<ASCIICharacter>, lowercased: Bool, spaced: Bool) -> String {
        // `§` is two bytes, any other character one. The exact size keeps a text of up to 15
        // bytes inline, without an allocation.
        let signs = characters.reduce(0) { $1.byte == 0xA7 ? $0 + 1 : $0 }
        return String(unsafeUninitializedCapacity: characters.count + signs) { utf8 in
            var count = 0
            for character in characters {
                if character.byte == 0xA7 {
                    utf8[count] = 0xC2
                    count += 1
                }
                let byte = character.byte
                utf8[count] =
                    if lowercased && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte | 0x20 }
                    else if spaced && character.isOtherSpace { UInt8(ascii: " ") }
                    else { byte }
                count += 1
            }
            return count
        }
    }
}

extension CitationScanner.Head {
    /// The code, division and title of a citation already read, for a `§` that takes them.
    init(_ reference: CitationReference) {
        self.init(
            codeName: reference.codeName, division: reference.division, leadingTitle: reference.leadingTitle,
            designator: .section, start: 0
        )
    }
}

extension String {
    /// The text without one `suffix` at its end.
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self[...]
    }
}
