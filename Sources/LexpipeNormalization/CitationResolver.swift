import LexpipeExtraction
import LexpipeRecord

/// Resolves a citation's code name against the document's jurisdiction, then federal law,
/// and writes its normal form.
struct CitationResolver {
    var table: JurisdictionTable
    /// USPS code of the document's state, if known.
    var documentState: String?

    func resolve(_ reference: CitationReference) -> (citation: Citation, warning: String?) {
        var found: (usps: String, code: CodeName)?
        if let state = documentState, let code = table.code(named: reference.codeName, in: state) {
            found = (state, code)
        } else if let code = table.code(named: reference.codeName, in: "US") {
            found = ("US", code)
        }
        let title = reference.leadingTitle ?? reference.division?.number
        guard let (usps, code) = found else {
            let name = reference.codeName.isEmpty ? "(none)" : reference.codeName
            let citation = Citation(
                raw: reference.raw, jurisdiction: documentState ?? "US", body: .statute, code: reference.codeName,
                title: title, section: reference.section, sectionEnd: reference.sectionEnd,
                normalized: CitationResolver.normalized(
                    code: reference.codeName, titleFirst: reference.leadingTitle != nil, title: title,
                    division: reference.division?.kind, reference: reference
                )
            )
            return (citation, "code name \"\(name)\" in \"\(reference.raw)\" is not in the code-name table for \(documentState ?? "any jurisdiction"); kept as written")
        }
        let division: DivisionKind? = reference.division?.kind ?? (title == nil ? nil : code.citedBy.divisionKind)
        let citation = Citation(
            raw: reference.raw, jurisdiction: usps, body: code.body, code: code.bluebook, title: title,
            section: reference.section, sectionEnd: reference.sectionEnd,
            normalized: CitationResolver.normalized(
                code: code.bluebook, titleFirst: code.titleFirst, title: title, division: division, reference: reference
            )
        )
        return (citation, nil)
    }

    /// `code § S`; `code tit. T, § S`; `T code § S` for title-first codes; `§§ A to B` for ranges.
    static func normalized(code: String, titleFirst: Bool, title: String?, division: DivisionKind?, reference: CitationReference) -> String {
        var sections = "§ \(reference.section)"
        if let end = reference.sectionEnd { sections = "§§ \(reference.section) to \(end)" }
        if reference.etSeq { sections += " et seq." }
        guard let title else { return "\(code) \(sections)" }
        if titleFirst { return "\(title) \(code) \(sections)" }
        let designator = switch division ?? .title {
        case .title: "tit."
        case .chapter: "ch."
        case .article: "art."
        }
        return "\(code) \(designator) \(title), \(sections)"
    }
}

extension CitedBy {
    var divisionKind: DivisionKind? {
        switch self {
        case .section: nil
        case .title: .title
        case .chapter: .chapter
        case .article: .article
        }
    }
}
