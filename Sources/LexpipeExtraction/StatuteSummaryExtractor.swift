import LexpipeIngest
public import LexpipeMarkup
import LexpipeRecord

/// Stage 4 for statute summaries: the headline, the date, and each headed section with its
/// `Citation:` lines parsed, its prose kept, and the laws its prose names read as references.
public enum StatuteSummaryExtractor {
    /// The full extraction of a statute summary; `codeNames` are the code names the document may
    /// cite (its jurisdiction's and federal law's), for finding citations in `Citation:` lines
    /// and prose.
    public static func extract(
        _ blocks: [Block], codeNames: KnownCodeNames = KnownCodeNames(), limits: ExtractionLimits = ExtractionLimits()
    ) -> Extraction {
        var (extraction, headerBlockCount) = headerAndLength(blocks)
        extraction.kind = .statuteSummary
        var sections: [ExtractedSection] = []
        var heading: String?
        var citations: [CitationReference] = []
        var paragraphs: [String] = []
        var preamble = 0
        // Citations kept over the whole document, against `limits`.
        var citationCount = 0
        var truncated = false
        var droppedProblems = 0

        // Reads citations within what `limits` leave, so a flood of them costs no more than
        // the limit: the scanner stops, one warning says so. Citations and prose references
        // share the limit.
        func read(_ text: Substring, isLine: Bool) -> [CitationReference] {
            guard !truncated else { return [] }
            let found = CitationParser.read(
                text, codeNames: codeNames, isLine: isLine, maxCitations: limits.maxCitations - citationCount,
                maxProblems: limits.maxWarnings - extraction.warnings.count
            )
            citationCount += found.citations.count
            droppedProblems += found.droppedProblems
            extraction.warnings += found.problems.map {
                CitationWarning.text(section: sections.count + 1, $0.text, $0.problem)
            }
            if found.truncated {
                truncated = true
                extraction.warnings.append(Diagnostic(
                    .truncated, .document,
                    "truncated: citations past the first \(limits.maxCitations) not read (limits.max_citations_per_document)"
                ))
            }
            return found.citations
        }

        func closeSection() {
            guard let current = heading else { return }
            var references: [CitationReference] = []
            for paragraph in paragraphs { references += read(paragraph[...], isLine: false) }
            let text = paragraphs.joined(separator: "\n\n")
            sections.append(ExtractedSection(
                heading: current, citations: citations, references: references,
                saysNothingDescribed: NothingDescribed.matches(text), text: text
            ))
            citations = []
            paragraphs = []
        }

        let body = blocks.dropFirst(headerBlockCount)
        for (offset, block) in body.enumerated() {
            let isLast = offset == body.count - 1
            if isHeading(block, isLast: isLast) {
                closeSection()
                heading = block.text
                continue
            }
            if let line = citationLine(block.text) {
                citations += read(line, isLine: true)
                continue
            }
            guard heading != nil else {
                preamble += 1
                continue
            }
            paragraphs.append(block.cells.map { $0.filter { !$0.isEmpty }.joined(separator: " ") } ?? block.text)
        }
        closeSection()
        if droppedProblems > 0 {
            extraction.warnings.append(Diagnostic(
                .truncated, .document,
                "truncated: \(droppedProblems) more citation text problem(s) not kept (limits.max_warnings_per_document is \(limits.maxWarnings))"
            ))
        }
        if preamble > 0 {
            extraction.warnings.append(Diagnostic(.sectionStructure, .document, "\(preamble) block(s) before the first section heading left out"))
        }
        if sections.isEmpty { extraction.warnings.append(Diagnostic(.sectionStructure, .document, "no section headings found")) }
        extraction.sections = sections
        return extraction
    }

    /// The headline and date that open a document, without its sections.
    public static func header(_ blocks: [Block]) -> Extraction {
        headerAndLength(blocks).extraction
    }

    /// The header and how many opening blocks it took.
    static func headerAndLength(_ blocks: [Block]) -> (extraction: Extraction, length: Int) {
        var extraction = Extraction(kind: DocumentKind.unknown)
        var consumed = 0
        for block in blocks.prefix(6) {
            if SeriesLabel.matches(block.text) {
                consumed += 1
                continue
            }
            if extraction.headline == nil, block.cells == nil, !isCitation(block.text), DateText.find(in: block.text)?.isWholeBlock != true {
                extraction.headline = block.text
                consumed += 1
                continue
            }
            if extraction.dateText == nil, let date = DateText.find(in: block.text), date.isWholeBlock {
                extraction.dateText = date.text
                consumed += 1
                continue
            }
            break
        }
        return (extraction, consumed)
    }

    /// A heading block, or a paragraph that reads as one: a short line without end punctuation
    /// that starts with a capital and is followed by more text.
    static func isHeading(_ block: Block, isLast: Bool) -> Bool {
        if block.headingLevel != nil { return true }
        guard block.kind == .paragraph, !isLast else { return false }
        let text = block.text
        guard let first = text.unicodeScalars.first,
            first.isASCII ? first >= "A" && first <= "Z" : first.properties.isUppercase
        else { return false }
        guard text.utf8.count <= 100, !endsInPunctuation(text) else { return false }
        guard !isCitation(text) else { return false }
        return WordStream.split(text[...], atTabs: false).count <= 12
    }

    /// Whether the last `Character` is one of `.:;,!?`. An ASCII byte after another (or alone)
    /// is a `Character` of its own.
    private static func endsInPunctuation(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let last = utf8.last else { return false }
        let before = utf8.dropLast().last
        guard last < 0x80, before.map({ $0 < 0x80 }) ?? true else {
            return text.last.map { ".:;,!?".contains($0) } ?? false
        }
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        default: return false
        }
    }

    private static func isCitation(_ text: String) -> Bool {
        citationLine(text) != nil
    }

    /// The citations after a `Citation:` or `Citations:` label, or `nil` for any other text.
    static func citationLine(_ text: String) -> Substring? {
        // Every label opens with these letters, and no other character compares equal to one.
        guard ASCIIText.hasPrefix(text, "citation") else { return nil }
        for label in ["Citation:", "Citations:", "Citation", "Citations"] where opens(text, with: label) {
            let rest = text.dropFirst(label.count)
            if label.hasSuffix(":") { return rest.drop(while: { $0 == " " }) }
            // "Citation Ann. Code § ..." with the colon lost in conversion.
            if rest.first == " ", rest.contains("§") { return rest.dropFirst() }
        }
        return nil
    }

    /// `text.hasPrefix(label)` for an ASCII label, by bytes where the text opens in ASCII: the
    /// label's bytes then match exactly when its characters do, and an ASCII byte after them
    /// starts a character of its own.
    private static func opens(_ text: String, with label: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.prefix(label.utf8.count + 1).allSatisfy({ $0 < 0x80 }) else { return text.hasPrefix(label) }
        return utf8.starts(with: label.utf8)
    }
}

/// The "nothing is described" wording of sections that report no provision.
enum NothingDescribed {
    private static let endings: [StaticString] = [
        "described in the statutes and regulations reviewed",
        "described in the statutes reviewed",
        "described in the laws reviewed",
        "found in the statutes and regulations reviewed",
        "found in the statutes reviewed",
        "addressed in the statutes and regulations reviewed",
        "addressed in the statutes reviewed",
        "included in the statutes and regulations reviewed",
        "identified in the statutes and regulations reviewed",
    ]

    /// Whether a sentence of the text says that nothing is described in the laws reviewed:
    /// a sentence holding one of the endings that opens with "No", "None", "There is/are no"
    /// or says "not". Byte offsets throughout; no copy of the text.
    static func matches(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(matches) ?? Array(text.utf8).withUnsafeBufferPointer(matches)
    }

    /// Every wording ends in "reviewed": each "reviewed" is found (by `memchr`), and the endings
    /// that finish with it are looked at.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let reviewed = ASCIIText.firstRange(of: "reviewed", in: bytes, from: from) {
            from = reviewed.lowerBound + 1
            let end = reviewed.upperBound
            for ending in endings where holds(ending, endingAt: end, in: bytes) {
                let found = (end - ending.utf8CodeUnitCount)..<end
                var start = found.lowerBound
                while start > 0, bytes[start - 1] != UInt8(ascii: "."), bytes[start - 1] != 0x0A { start -= 1 }
                while start < found.lowerBound, bytes[start] == 0x20 { start += 1 }
                let sentence = Substring(decoding: bytes[start..<found.lowerBound], as: UTF8.self)
                if ASCIIText.hasPrefix(sentence, "no ") || ASCIIText.hasPrefix(sentence, "none ")
                    || ASCIIText.hasPrefix(sentence, "there is no ") || ASCIIText.hasPrefix(sentence, "there are no ")
                    || ASCIIText.contains(sentence, " not ")
                {
                    return true
                }
            }
        }
        return false
    }

    /// Whether `wording` (lower-case ASCII) stands in `bytes` right before `end`, in any ASCII case.
    private static func holds(_ wording: StaticString, endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = wording.utf8CodeUnitCount
        guard end >= count, end <= bytes.count else { return false }
        for offset in 0..<count {
            let byte = bytes[end - count + offset]
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard lower == wording.utf8Start[offset] else { return false }
        }
        return true
    }
}

/// The series label CWIG puts above its titles.
enum SeriesLabel {
    static func matches(_ text: String) -> Bool {
        guard ASCIIText.hasPrefix(text, "state statutes") else { return false }
        let lower = text.lowercased()
        return lower == "state statutes series" || lower == "state statutes" || lower.hasPrefix("state statutes series ")
    }
}
