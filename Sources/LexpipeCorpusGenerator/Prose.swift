import LexpipeRecord

/// A sentence frame split once into literal text and slots, so filling it is a few appends.
struct Frame: Sendable {
    enum Part: Sendable {
        case text(String)
        case slot(UInt8)
    }

    let parts: [Part]
    /// Whether the frame has no slot that varies (quotes and apostrophes aside).
    let isFixed: Bool

    init(_ template: String) {
        var parts: [Part] = []
        var literal: [UInt8] = []
        let bytes = Array(template.utf8)
        var index = 0
        var fixed = true
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "}") {
                if !literal.isEmpty { parts.append(.text(String(decoding: literal, as: UTF8.self))) }
                literal = []
                let slot = bytes[index + 1]
                if !"QqR".utf8.contains(slot) { fixed = false }
                parts.append(.slot(slot))
                index += 3
                continue
            }
            literal.append(bytes[index])
            index += 1
        }
        if !literal.isEmpty { parts.append(.text(String(decoding: literal, as: UTF8.self))) }
        self.parts = parts
        isFixed = fixed
    }

    static let sentences = Vocabulary.sentences.map(Frame.init)
    static let citing = Vocabulary.citingSentences.map(Frame.init)
    /// The sentences with a slot that varies.
    static let varying = sentences.filter { !$0.isFixed }
}

/// How a document writes quotes and apostrophes: straight, or typographic as a word processor
/// leaves them.
struct Typography: Sendable {
    var openQuote = "'"
    var closeQuote = "'"
    var apostrophe = "'"

    static func random(_ rng: inout SplitMix64) -> Typography {
        switch rng.weighted([55, 30, 15]) {
        case 0: Typography()
        case 1: Typography(openQuote: "\u{2018}", closeQuote: "\u{2019}", apostrophe: "\u{2019}")
        default: Typography(openQuote: "\u{201C}", closeQuote: "\u{201D}", apostrophe: "\u{2019}")
        }
    }

    /// `text` with `{R}` written as this document's apostrophe.
    func apostrophes(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "{")) ? text.replacingOccurrencesOfSlot("{R}", with: apostrophe) : text
    }

    /// The agencies with this document's apostrophe, worked out once per kind of apostrophe.
    var agencies: [String] { apostrophe == "'" ? Typography.straightAgencies : Typography.curlyAgencies }

    private static let straightAgencies = Vocabulary.agencies.map { $0.replacingOccurrencesOfSlot("{R}", with: "'") }
    private static let curlyAgencies = Vocabulary.agencies.map { $0.replacingOccurrencesOfSlot("{R}", with: "\u{2019}") }
}

extension String {
    /// The string with every `slot` replaced (a plain scan of the UTF-8 bytes).
    func replacingOccurrencesOfSlot(_ slot: String, with replacement: String) -> String {
        let bytes = Array(utf8)
        let pattern = Array(slot.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < bytes.count {
            if index + pattern.count <= bytes.count, bytes[index] == pattern[0],
                bytes[index..<(index + pattern.count)].elementsEqual(pattern)
            {
                result.append(contentsOf: replacement.utf8)
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The string with its first letter upper-cased.
    var capitalizedFirst: String {
        guard let first = unicodeScalars.first, ("a"..."z").contains(first) else { return self }
        return String(first).uppercased() + dropFirst()
    }

    /// The string with its first letter lower-cased (`The department` inside a sentence).
    var lowercasedFirst: String {
        guard let first = unicodeScalars.first, ("A"..."Z").contains(first) else { return self }
        // Proper names stay: `The Department of ...` becomes `the Department of ...`.
        return String(first).lowercased() + dropFirst()
    }
}

/// Fills sentence frames with words.
struct ProseWriter {
    var typography: Typography

    /// Appends one filled frame to `out`; `citation` fills `{C}`.
    func fill(_ frame: Frame, into out: inout String, rng: inout SplitMix64, citation: String? = nil) {
        for part in frame.parts {
            switch part {
            case let .text(text):
                out += text
            case let .slot(slot):
                out += word(for: slot, rng: &rng, citation: citation)
            }
        }
    }

    private func word(for slot: UInt8, rng: inout SplitMix64, citation: String?) -> String {
        switch slot {
        case UInt8(ascii: "A"): rng.pick(typography.agencies)
        case UInt8(ascii: "a"): rng.pick(typography.agencies).lowercasedFirst
        case UInt8(ascii: "V"): rng.pick(Vocabulary.victims)
        case UInt8(ascii: "G"): rng.pick(Vocabulary.victimGroups)
        case UInt8(ascii: "S"): rng.pick(Vocabulary.services)
        case UInt8(ascii: "P"): rng.pick(Vocabulary.professionals)
        case UInt8(ascii: "O"): rng.pick(Vocabulary.topics)
        case UInt8(ascii: "T"): rng.pick(Vocabulary.terms)
        case UInt8(ascii: "D"): rng.pick(Vocabulary.definitions)
        case UInt8(ascii: "W"): rng.pick(Vocabulary.times)
        case UInt8(ascii: "L"): rng.pick(Vocabulary.placements)
        case UInt8(ascii: "F"): rng.pick(Vocabulary.funds)
        case UInt8(ascii: "Q"): typography.openQuote
        case UInt8(ascii: "q"): typography.closeQuote
        case UInt8(ascii: "R"): typography.apostrophe
        case UInt8(ascii: "C"): citation ?? ""
        default: ""
        }
    }
}

/// Writes citations in a state's own code names, counting how many citations each one is to
/// the extractor (`§§ 8-201; 13-3623` is two, a range one).
struct CitationWriter {
    let jurisdiction: GeneratedJurisdiction
    /// Whether this document puts a no-break space after some `§` signs.
    let noBreakSpaces: Bool

    /// One citation text, its count, and the citations an extraction resolves it to.
    struct Written {
        var text: String
        var count: Int
        /// Each citation of `text` as the record holds it: raw text, code's Bluebook form,
        /// title, section, range end and normal form.
        var citations: [Citation] = []
    }

    /// A part of a `Citation:` line (several sections, ranges, `et seq.`, articles allowed), or
    /// a citation for prose (one section or a range, always with `§`).
    func write(_ rng: inout SplitMix64, inLine: Bool) -> Written {
        let source = inLine ? rng.weighted([60, 25, 15]) : rng.weighted([72, 20, 8])
        if source == 2 {
            let text = rng.pick(GeneratedJurisdictions.federal)
            return Written(text: text, count: 1, citations: [CitationWriter.federal(text)])
        }
        var code: GeneratedCode
        let statutes = jurisdiction.statutes
        let regulations = jurisdiction.regulations
        if source == 1, !regulations.isEmpty {
            code = rng.pick(regulations)
        } else {
            code = rng.chance(0.6) ? statutes[0] : rng.pick(statutes)
        }
        if code.form == .article, !inLine {
            // Codes numbered by article are cited without `§`, which prose does not show.
            code = statutes.first { $0.form != .article } ?? regulations[0]
        }
        let sign = noBreakSpaces && rng.chance(0.5) ? "\u{00A7}\u{00A0}" : "\u{00A7} "
        let signs = noBreakSpaces && rng.chance(0.5) ? "\u{00A7}\u{00A7}\u{00A0}" : "\u{00A7}\u{00A7} "
        let first = number(code, &rng)
        let (bluebook, titleFirst) = jurisdiction.bluebook(code)
        let body: LawBody = code.isRegulation ? .regulation : .statute
        func cited(_ raw: String, _ section: String, _ end: String? = nil, title: String? = nil, etSeq: Bool = false) -> Citation {
            Citation(
                raw: raw, jurisdiction: jurisdiction.usps, body: body, code: bluebook, title: title, section: section,
                sectionEnd: end,
                normalized: CitationWriter.normalized(
                    bluebook, form: code.form, titleFirst: titleFirst, title: title, section: section, end: end, etSeq: etSeq
                )
            )
        }
        if code.form == .article {
            if rng.chance(0.25) {
                let end = CitationWriter.following(first, &rng)
                let text = "\(code.name) Arts. \(first) to \(end)"
                return Written(text: text, count: 1, citations: [cited(text, first, end)])
            }
            let text = "\(code.name) Art. \(first)"
            return Written(text: text, count: 1, citations: [cited(text, first)])
        }
        let prefix: String
        var title: String?
        switch code.form {
        case .section, .article: prefix = code.name + " "
        case .title, .chapter, .articleDivision:
            let division = rng.pick(code.divisions)
            let word = code.form == .title ? "Tit." : code.form == .chapter ? "Ch." : "Art."
            prefix = "\(code.name) \(word) \(division), "
            title = division
        }
        let shape = inLine ? rng.weighted([48, 10, 16, 18, 8]) : rng.weighted([70, 15, 0, 15, 0])
        switch shape {
        case 1:
            let section = first + rng.pick(CitationWriter.subsections)
            let text = prefix + sign + section
            return Written(text: text, count: 1, citations: [cited(text, section, title: title)])
        case 2:
            let separator = rng.chance(0.6) ? "; " : ", "
            let second = number(code, &rng)
            var text = prefix + signs + first
            var citations = [cited(text, first, title: title), cited(second, second, title: title)]
            text += separator + second
            var count = 2
            if rng.chance(0.3) {
                let third = number(code, &rng)
                text += separator + third
                citations.append(cited(third, third, title: title))
                count += 1
            }
            return Written(text: text, count: count, citations: citations)
        case 3:
            let word = rng.chance(0.6) ? " through " : " to "
            let end = CitationWriter.following(first, &rng)
            let text = prefix + signs + first + word + end
            return Written(text: text, count: 1, citations: [cited(text, first, end, title: title)])
        case 4:
            let text = prefix + sign + first + " et seq."
            return Written(text: text, count: 1, citations: [cited(text, first, title: title, etSeq: true)])
        default:
            let text = prefix + sign + first
            return Written(text: text, count: 1, citations: [cited(text, first, title: title)])
        }
    }

    /// A whole `Citation:` line's citations: one to four parts joined by `; `.
    func line(_ rng: inout SplitMix64) -> Written {
        let parts = 1 + rng.weighted([50, 30, 14, 6])
        var written = Written(text: "", count: 0)
        for index in 0..<parts {
            let part = write(&rng, inLine: true)
            if index > 0 { written.text += "; " }
            written.text += part.text
            written.count += part.count
            written.citations += part.citations
        }
        return written
    }

    /// A federal citation as `GeneratedJurisdictions.federal` writes it (`42 U.S.C. § 5106a`):
    /// title first, then the code, then the section.
    static func federal(_ text: String) -> Citation {
        let parts = text.split(separator: " ", maxSplits: 3).map(String.init)
        let regulation = parts[1] == "C.F.R."
        return Citation(
            raw: text, jurisdiction: "US", body: regulation ? .regulation : .statute, code: parts[1], title: parts[0],
            section: parts[3], sectionEnd: nil, normalized: text
        )
    }

    /// The normal form of a citation (`RECORD.md`): `code § S`, `code tit. T, § S` (`ch.`,
    /// `art.`), `T code § S` for codes that put the title first, `§§ A to B` for a range,
    /// `art.` for codes numbered by article, ` et seq.` kept.
    static func normalized(
        _ code: String, form: GeneratedCitationForm, titleFirst: Bool, title: String?, section: String, end: String?,
        etSeq: Bool
    ) -> String {
        let range = end != nil
        var sections = (form == .article ? (range ? "arts. " : "art. ") : (range ? "\u{00A7}\u{00A7} " : "\u{00A7} ")) + section
        if let end { sections += " to \(end)" }
        if etSeq { sections += " et seq." }
        guard let title else { return "\(code) \(sections)" }
        if titleFirst { return "\(title) \(code) \(sections)" }
        let word = switch form {
        case .chapter: "ch."
        case .articleDivision: "art."
        default: "tit."
        }
        return "\(code) \(word) \(title), \(sections)"
    }

    static let subsections = ["(a)", "(1)", "(b)(2)", "(A)(1)", "(c)", "(3)(a)", "(e)(1)"]

    /// A section number of the code's shape.
    func number(_ code: GeneratedCode, _ rng: inout SplitMix64) -> String {
        CitationWriter.expand(rng.pick(code.patterns), &rng)
    }

    static func expand(_ pattern: String, _ rng: inout SplitMix64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pattern.utf8.count)
        for byte in pattern.utf8 {
            switch byte {
            case UInt8(ascii: "N"): bytes.append(UInt8(ascii: "1") + UInt8(rng.below(9)))
            case UInt8(ascii: "n"): bytes.append(UInt8(ascii: "0") + UInt8(rng.below(10)))
            case UInt8(ascii: "L"): bytes.append(UInt8(ascii: "A") + UInt8(rng.below(8)))
            case UInt8(ascii: "l"): bytes.append(UInt8(ascii: "a") + UInt8(rng.below(8)))
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A later section than `first` of the same shape: its last run of digits increased.
    static func following(_ first: String, _ rng: inout SplitMix64) -> String {
        var bytes = Array(first.utf8)
        guard let last = bytes.lastIndex(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return first
        }
        var start = last
        while start > 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[start - 1]) { start -= 1 }
        var value = 0
        for byte in bytes[start...last] { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
        value += 1 + rng.below(9)
        var digits = Array(String(value).utf8)
        let width = last - start + 1
        while digits.count < width { digits.insert(UInt8(ascii: "0"), at: 0) }
        bytes.replaceSubrange(start...last, with: digits)
        return String(decoding: bytes, as: UTF8.self)
    }
}
