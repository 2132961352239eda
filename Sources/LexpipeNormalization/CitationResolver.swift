import LexpipeIngest
import LexpipeExtraction
import LexpipeJurisdictions
import LexpipeRecord

/// Resolves a citation's code name against the document's jurisdiction, then federal law,
/// then a jurisdiction its prefix names (`Ala. Code` in another state's summary), and writes
/// its normal form. Federal law is never the default: a name is federal only when no state
/// gives a code that name (`U.S.C.`, `C.F.R.`, `Pub. L.`), so `Rev. Stat.` in a summary of a
/// state without Revised Statutes stays that state's, and with no state known, its
/// jurisdiction is `nil`.
struct CitationResolver {
    var table: JurisdictionTable
    /// USPS code of the document's state, if known.
    var documentState: String?
    /// The codes already looked up, by code name as written: a document cites the same few
    /// codes again and again. Each found code is held once, so that a lookup copies one
    /// reference, not the code's names and strings.
    private var codes: [String: ResolvedCode?] = [:]

    /// A code found for a name, with its jurisdiction's USPS code.
    private final class ResolvedCode {
        let usps: String
        let code: CodeName

        init(usps: String, code: CodeName) {
            self.usps = usps
            self.code = code
        }
    }

    init(table: JurisdictionTable, documentState: String?) {
        self.table = table
        self.documentState = documentState
    }

    /// The citation, and a warning when its code name is not in the table (the citation then
    /// keeps the code name as written, and its body is read from the name's words).
    mutating func resolve(_ reference: CitationReference) -> (citation: Citation, warning: String?) {
        let found: ResolvedCode?
        // A number before the name may make it another code (`114 Stat. 1464`): looked up apart.
        let key = reference.leadingTitle == nil ? reference.codeName : reference.codeName + "\u{0}numbered"
        if let known = codes[key] {
            found = known
        } else {
            found = code(named: reference.codeName, numbered: reference.leadingTitle != nil).map(ResolvedCode.init)
            codes[key] = .some(found)
        }
        let title = reference.leadingTitle ?? reference.division?.number
        guard let found else {
            let citation = Citation(
                raw: reference.raw, jurisdiction: documentState, body: table.body(ofUnresolvedName: reference.codeName),
                code: reference.codeName,
                title: title, section: reference.section, sectionEnd: reference.sectionEnd,
                normalized: CitationResolver.normalized(
                    code: reference.codeName, titleFirst: reference.leadingTitle != nil, title: title,
                    division: reference.division?.kind, reference: reference, bare: true
                ).trimming(where: { $0 == " " }).description
            )
            let warning = switch (reference.codeName.isEmpty, documentState) {
            case (true, _): "no code name before the section; kept without one"
            case let (false, state?):
                "code name \"\(reference.codeName)\" is not in the code-name table for \(state); kept as written"
            case (false, nil):
                "code name \"\(reference.codeName)\" is not federal and the document names no state; kept as written, jurisdiction null"
            }
            return (citation, warning)
        }
        let code = found.code
        // The code's own division word, so that one code has one normal form however it is written.
        let division: DivisionKind? = code.citedBy.divisionKind ?? reference.division?.kind
        let citation = Citation(
            raw: reference.raw, jurisdiction: found.usps, body: code.body, code: code.bluebook, title: title,
            section: reference.section, sectionEnd: reference.sectionEnd,
            normalized: CitationResolver.normalized(
                code: code.bluebook, titleFirst: code.titleFirst, title: title, division: division, reference: reference,
                bare: code.body == .sessionLaw
            )
        )
        return (citation, nil)
    }

    /// The code a name stands for: in the document's state, in federal law, or in the
    /// jurisdiction its prefix names.
    ///
    /// A name written after a number (`114 Stat. 1464`) is the federal code that puts its
    /// volume or title first when the state's code of that name is cited by section alone
    /// (`Stat.` is Florida's statutes, but `114 Stat.` the Statutes at Large).
    private func code(named name: String, numbered: Bool) -> (usps: String, code: CodeName)? {
        let stateCode = documentState.flatMap { state in table.code(named: name, in: state).map { (state, $0) } }
        if numbered, let federal = table.code(named: name, in: "US"), federal.titleFirst,
            stateCode.map({ $0.1.citedBy == .section && !$0.1.titleFirst }) ?? true
        {
            return ("US", federal)
        }
        if let stateCode { return stateCode }
        if let code = table.federalCode(named: name) { return ("US", code) }
        return name.isEmpty ? nil : table.code(prefixedName: name)
    }

    /// `code § S`; `code tit. T, § S` (`ch.`, `art.` for codes divided so); `T code § S` for
    /// title-first codes; `§§ A to B` for ranges; ` et seq.` kept. A section written as a rule
    /// (`r. 660-5-34-.03`) or with no designator (`705 ILCS 405/2-3`) gets `§` like any other,
    /// so one provision has one form; articles of codes numbered by article keep `art.`
    /// (`La. Child. Code Ann. art. 603`), and session laws and unknown codes cited by bare number
    /// stay bare (`Pub. L. 106-386`).
    static func normalized(
        code: String, titleFirst: Bool, title: String?, division: DivisionKind?, reference: CitationReference,
        bare: Bool = false
    ) -> String {
        let isRange = reference.sectionEnd != nil
        let designator = switch reference.designator {
        case .section, .rule: isRange ? "§§ " : "§ "
        case .article: isRange ? "arts. " : "art. "
        case .none: bare ? "" : isRange ? "§§ " : "§ "
        case .number: isRange ? "Nos. " : "No. "
        }
        let word = switch division ?? .title {
        case .title: "tit. "
        case .chapter: "ch. "
        case .article: "art. "
        }
        // Written once into a string of its final size: `T code`, or `code` and `word T,`, then
        // the sections.
        var size = code.utf8.count + 1 + designator.utf8.count + reference.section.utf8.count
        if let end = reference.sectionEnd { size += 4 + end.utf8.count }
        if reference.etSeq { size += 8 }
        if let title { size += title.utf8.count + (titleFirst ? 1 : word.utf8.count + 2) }
        var normal = ""
        normal.reserveCapacity(size)
        if let title, titleFirst {
            normal += title
            normal += " "
        }
        normal += code
        normal += " "
        if let title, !titleFirst {
            normal += word
            normal += title
            normal += ", "
        }
        normal += designator
        normal += reference.section
        if let end = reference.sectionEnd {
            normal += " to "
            normal += end
        }
        if reference.etSeq { normal += " et seq." }
        return normal
    }
}

extension CitedBy {
    /// The division a code is cited by, or `nil` for codes cited by section alone.
    var divisionKind: DivisionKind? {
        switch self {
        case .section: nil
        case .title: .title
        case .chapter: .chapter
        case .article: .article
        }
    }
}
