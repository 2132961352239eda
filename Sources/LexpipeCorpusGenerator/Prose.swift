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
                // A citation ending in an abbreviation (`Rev. Stat.`) ends the sentence with its period.
                if text.hasPrefix("."), out.hasSuffix(".") { out += text.dropFirst() } else { out += text }
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
    /// Whether the document names its state: else a code written without the state is of no
    /// known jurisdiction, taken as written (`Ann. Code § 43-21-105`).
    var stateNamed = true
    /// Whether codes cited by section are written with their state (`Alaska Stat. § 47.10.011`).
    var statePrefixed = false

    /// One citation text, its count, and the citations an extraction resolves it to.
    struct Written {
        var text: String
        var count: Int
        /// Each citation of `text` as the record holds it: raw text, code's Bluebook form,
        /// title, section, range end and normal form.
        var citations: [Citation] = []
        /// The state code of the first citation, and its title, chapter or article (`nil` for
        /// federal law).
        var code: GeneratedCode?
        var division: String?
    }

    /// Whether citations of `code` are written with the state's name (its Bluebook form).
    func writesState(_ code: GeneratedCode) -> Bool {
        guard statePrefixed, code.form != .article else { return false }
        let (bluebook, titleFirst) = jurisdiction.bluebook(code)
        // `Md. Code Ann., Fam. Law` and title-first codes are written otherwise with the state.
        return !titleFirst && !bluebook.contains(",")
    }

    /// The code's name as this document writes it.
    func writtenName(_ code: GeneratedCode) -> String {
        writesState(code) ? jurisdiction.bluebook(code).bluebook : code.name
    }

    /// A citation of one of the state's codes as the record holds it: the Bluebook form where
    /// the document names its state or the citation carries it, else the name as written, of
    /// no jurisdiction.
    func cited(
        _ code: GeneratedCode, _ raw: String, _ section: String, _ end: String? = nil, title: String? = nil,
        etSeq: Bool = false, form: GeneratedCitationForm? = nil, body: LawBody? = nil
    ) -> Citation {
        let known = stateNamed || writesState(code)
        let (bluebook, titleFirst) = jurisdiction.bluebook(code)
        let name = known ? bluebook : writtenName(code)
        return Citation(
            raw: raw, jurisdiction: known ? jurisdiction.usps : nil, body: body ?? (code.isRegulation ? .regulation : .statute),
            code: name, title: title, section: section, sectionEnd: end,
            normalized: CitationWriter.normalized(
                name, form: form ?? code.form, titleFirst: known && titleFirst, title: title, section: section, end: end,
                etSeq: etSeq
            )
        )
    }

    /// A citation of a code the jurisdiction's table does not hold (`Pol. & Proc. Man.`,
    /// `Rev. Stat.` in Texas): the state's law, its code as written.
    func citedUnlisted(
        _ name: String, _ raw: String, _ body: LawBody, _ section: String, _ end: String? = nil, title: String? = nil,
        form: GeneratedCitationForm = .section, designator: String? = nil
    ) -> Citation {
        var normalized = CitationWriter.normalized(name, form: form, titleFirst: false, title: title, section: section, end: end, etSeq: false)
        if let designator { normalized = "\(name) \(designator) \(section)" }
        return Citation(
            raw: raw, jurisdiction: stateNamed ? jurisdiction.usps : nil, body: body, code: name, title: title,
            section: section, sectionEnd: end, normalized: normalized
        )
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
        let name = writtenName(code)
        func cited(_ raw: String, _ section: String, _ end: String? = nil, title: String? = nil, etSeq: Bool = false) -> Citation {
            self.cited(code, raw, section, end, title: title, etSeq: etSeq)
        }
        if code.form == .article {
            if rng.chance(0.25) {
                let end = CitationWriter.following(first, &rng)
                let text = "\(name) Arts. \(first) to \(end)"
                return Written(text: text, count: 1, citations: [cited(text, first, end)], code: code)
            }
            let text = "\(name) Art. \(first)"
            return Written(text: text, count: 1, citations: [cited(text, first)], code: code)
        }
        let prefix: String
        var title: String?
        switch code.form {
        case .section, .article: prefix = name + " "
        case .title, .chapter, .articleDivision:
            let division = rng.pick(code.divisions)
            let word = code.form == .title ? "Tit." : code.form == .chapter ? "Ch." : "Art."
            prefix = "\(name) \(word) \(division), "
            title = division
        }
        var written = Written(text: "", count: 1, code: code, division: title)
        let shape = inLine ? rng.weighted([48, 10, 16, 18, 8]) : rng.weighted([70, 15, 0, 15, 0])
        switch shape {
        case 1:
            let section = first + rng.pick(CitationWriter.subsections)
            let text = prefix + sign + section
            (written.text, written.citations) = (text, [cited(text, section, title: title)])
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
            (written.text, written.count, written.citations) = (text, count, citations)
        case 3:
            let word = rng.chance(0.6) ? " through " : " to "
            let end = CitationWriter.following(first, &rng)
            let text = prefix + signs + first + word + end
            (written.text, written.citations) = (text, [cited(text, first, end, title: title)])
        case 4:
            let text = prefix + sign + first + " et seq."
            (written.text, written.citations) = (text, [cited(text, first, title: title, etSeq: true)])
        default:
            let text = prefix + sign + first
            (written.text, written.citations) = (text, [cited(text, first, title: title)])
        }
        return written
    }

    /// The states whose codes include the Revised Statutes under some name (`jurisdictions.json`
    /// lists `Rev. Stat.` among their code names; a test keeps the two in step).
    static let revisedStatutesStates: Set<String> = ["AZ", "CO", "HI", "KY", "LA", "ME", "MO", "NE", "NV", "NH", "NJ", "OR"]

    /// The policy manuals the code-name table holds, by state, in their Bluebook form.
    static let policyManuals = ["KS": "Kan. Dep't for Child. & Fams., Prevention & Prot. Servs. Pol'y & Proc. Manual"]

    /// The citation a `Citation:` line holds in `form` beyond the state's codes, if the form
    /// adds one.
    func extra(_ form: CitationContentForm, _ rng: inout SplitMix64) -> Written? {
        switch form {
        case .stateLeftOut, .stateWritten, .wrapped:
            return nil
        case .policyManual:
            let (chapter, section) = (String(rng.int(1...9)), String(rng.int(1...24)))
            let text = "Pol. & Proc. Man. Ch. \(chapter), \u{00A7} \(section)"
            if stateNamed, let manual = CitationWriter.policyManuals[jurisdiction.usps] {
                let citation = Citation(
                    raw: text, jurisdiction: jurisdiction.usps, body: .policy, code: manual, title: chapter, section: section,
                    sectionEnd: nil, normalized: "\(manual) ch. \(chapter), \u{00A7} \(section)"
                )
                return Written(text: text, count: 1, citations: [citation])
            }
            let citation = citedUnlisted("Pol. & Proc. Man.", text, .policy, section, title: chapter, form: .chapter)
            return Written(text: text, count: 1, citations: [citation])
        case .issuance:
            let name = rng.pick(["County Fiscal Letter", "All County Letter"])
            let year = rng.int(10...23)
            let number = "\(year)/\(year + 1)-\(rng.int(10...99))"
            let text = "\(name) No. \(number)"
            return Written(text: text, count: 1, citations: [citedUnlisted(name, text, .policy, number, designator: "No.")])
        case .titleRange:
            let code = jurisdiction.codes.first { $0.form == .title } ?? jurisdiction.statutes.first { $0.form == .section }
            guard let code else { return nil }
            let first = number(code, &rng)
            let end = CitationWriter.following(first, &rng)
            let title = code.form == .title ? rng.pick(code.divisions) : nil
            let text = writtenName(code) + (title.map { " Tit. \($0)," } ?? "") + " \u{00A7}\u{00A7} \(first) through \(end)"
            return Written(text: text, count: 1, citations: [cited(code, text, first, end, title: title)], code: code, division: title)
        case .foreignCodeName:
            let name = CitationWriter.revisedStatutesStates.contains(jurisdiction.usps) ? "Ann. Code" : "Rev. Stat."
            let section = CitationWriter.expand("Nn-NnnN", &rng)
            let text = "\(name) \u{00A7} \(section)"
            return Written(text: text, count: 1, citations: [citedUnlisted(name, text, .statute, section)])
        }
    }

    /// A citation for prose in `form`, where the form can name one: `first` is the first
    /// citation of the section's `Citation:` line, whose code `section N of the Code` and
    /// `Sections A through B of Title T` cite.
    func prose(_ form: ProseCitationForm, first: Written?, _ rng: inout SplitMix64) -> Written? {
        switch form {
        case .sectionSign:
            return nil
        case .sectionWord:
            // A code prose names after the number by a name that says it is one (`Penal Code`,
            // `Fam. Law`, `Rev. Stat.`), not `Code` alone nor `Cts. & Jud. Proc.`.
            let codes = jurisdiction.statutes.filter { code in
                let words = code.name.split(separator: " ")
                return code.form == .section && words.count >= 2
                    && ["code", "law", "laws", "stat."].contains(words.last.map { $0.lowercased() } ?? "")
            }
            guard !codes.isEmpty else { return nil }
            let code = rng.pick(codes)
            let section = number(code, &rng)
            let text = "Section \(section), \(writtenName(code))"
            return Written(text: text, count: 1, citations: [cited(code, text, section)], code: code)
        case .ofTheCode:
            guard let code = first?.code, code.form == .section else { return nil }
            let section = number(code, &rng)
            let text = "section \(section) of the Code"
            return Written(text: text, count: 1, citations: [cited(code, text, section)], code: code)
        case .ofTitle:
            guard let code = first?.code, code.form == .title else { return nil }
            let title = rng.pick(code.divisions)
            let section = number(code, &rng)
            let end = CitationWriter.following(section, &rng)
            let text = "Sections \(section) through \(end) of Title \(title)"
            return Written(text: text, count: 1, citations: [cited(code, text, section, end, title: title)], code: code)
        }
    }

    /// A whole `Citation:` line's citations: one to four parts joined by `; `.
    func line(_ rng: inout SplitMix64) -> Written {
        let parts = 1 + rng.weighted([50, 30, 14, 6])
        var written = Written(text: "", count: 0)
        for index in 0..<parts {
            let part = write(&rng, inLine: true)
            if index > 0 { written.text += "; " } else { (written.code, written.division) = (part.code, part.division) }
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
