import LexpipeIngest
public import LexpipeExtraction
public import LexpipeJurisdictions
public import LexpipeRecord

/// Settings of the normalization stage.
public struct NormalizationSettings: Sendable {
    /// Scales for deriving grades, tried in order; the first that applies wins.
    public var gradingScales: [GradingScale]
    /// Code names and their jurisdictions.
    public var jurisdictions: JurisdictionTable

    public init(gradingScales: [GradingScale] = GradingScale.builtIn, jurisdictions: JurisdictionTable = .standard) {
        self.gradingScales = gradingScales
        self.jurisdictions = jurisdictions
    }
}

/// Stage 5: turns what extraction read into the document record: state names and USPS codes,
/// ISO dates, citations resolved to Bluebook code names and normal forms, grades repaired,
/// derived and checked.
public struct Normalizer: Sendable {
    public var settings: NormalizationSettings

    public init(settings: NormalizationSettings = NormalizationSettings()) {
        self.settings = settings
    }

    /// The record for one document.
    public func normalize(_ extraction: Extraction, source: String, sha256: String, format: DocumentFormat) -> DocumentRecord {
        var record = DocumentRecord(source: source, sha256: sha256, format: format, kind: extraction.kind)
        var warnings = extraction.warnings
        let table = settings.jurisdictions

        let (jurisdiction, title) = documentJurisdiction(extraction)
        record.title = title
        record.state = jurisdiction?.name
        record.stateCode = jurisdiction?.usps

        if let dateText = extraction.dateText {
            if let date = DateNormalizer.iso(dateText) {
                record.date = date.text
                record.year = date.year
            } else {
                warnings.append(Diagnostic(.date, .document, "date \"\(dateText)\" not understood"))
            }
        }
        if let title = record.title, let year = record.year, let rest = Normalizer.title(title, openingWithYear: year) {
            record.title = rest
        }

        var resolver = CitationResolver(table: table, documentState: jurisdiction?.usps)
        record.sections = extraction.sections.enumerated().map { offset, section in
            // By index: each reference is read where it is rather than copied out first.
            let citations = section.citations.indices.map { index in
                let resolved = resolver.resolve(section.citations[index])
                if let warning = resolved.warning {
                    warnings.append(Diagnostic(
                        .unknownCodeName, .citation(section: offset + 1, index: index + 1, raw: section.citations[index].raw), warning
                    ))
                }
                return resolved.citation
            }
            let references = section.references.indices.map { index in
                let resolved = resolver.resolve(section.references[index])
                if let warning = resolved.warning {
                    warnings.append(Diagnostic(
                        .unknownCodeName, .reference(section: offset + 1, index: index + 1, raw: section.references[index].raw),
                        warning
                    ))
                }
                return resolved.citation
            }
            return Section(
                ordinal: offset + 1, heading: section.heading, citations: citations, references: references,
                provision: !(citations.isEmpty && references.isEmpty && section.saysNothingDescribed), text: section.text
            )
        }

        if jurisdiction == nil, record.sections.contains(where: { section in
            (section.citations + section.references).contains { $0.jurisdiction == nil }
        }) {
            warnings.append(Diagnostic(
                .noState, .document, "no state found in the document: citations that are not federal law have no jurisdiction"
            ))
        }

        if let card = extraction.reportCard {
            if record.year == nil, let year = card.year {
                record.year = year
                record.date = String(year)
            }
            record.reportCard = ReportCardNormalizer(scales: settings.gradingScales)
                .normalize(card, year: record.year, warnings: &warnings)
        }
        record.diagnostics = warnings
        return record
    }

    /// A title that opens with the year the document speaks for (`2023 Legislative Digest:
    /// Crimes`) without it, when two words or more follow, the first capitalized; else `nil`.
    static func title(_ title: String, openingWithYear year: Int) -> String? {
        let prefix = "\(year) "
        guard title.hasPrefix(prefix) else { return nil }
        let rest = title.dropFirst(prefix.count)
        guard rest.first?.isUppercase == true, rest.split(separator: " ").count >= 2 else { return nil }
        return String(rest)
    }

    /// The jurisdiction a document is about (its headline's state, or a state it names apart
    /// from the headline), and its title without the state.
    public func documentJurisdiction(_ extraction: Extraction) -> (jurisdiction: Jurisdiction?, title: String?) {
        settings.jurisdictions.documentJurisdiction(headline: extraction.headline, stateText: extraction.stateText)
    }
}

/// Dates as the record writes them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
public enum DateNormalizer {
    /// The ISO form and year of a written date (`December 2018` is `2018-12`).
    public static func iso(_ text: String) -> (text: String, year: Int)? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        if words.count == 1 {
            let parts = words[0].split(separator: "-")
            guard let year = Int(parts[0]), parts[0].count == 4 else { return nil }
            let rest = parts.dropFirst().compactMap { Int($0) }
            guard rest.count == parts.count - 1, rest.count <= 2 else { return nil }
            if let month = rest.first, !(1...12).contains(month) { return nil }
            if rest.count == 2, !(1...31).contains(rest[1]) { return nil }
            return ([String(year)] + rest.map(twoDigits)).joined(separator: "-").nonEmpty(year)
        }
        guard let month = DateText.month(words[0]), let year = words.last.flatMap({ Int($0) }), words.last!.count == 4 else {
            return nil
        }
        if words.count == 3, let day = Int(words[1]), (1...31).contains(day) {
            return ("\(year)-\(twoDigits(month))-\(twoDigits(day))", year)
        }
        return ("\(year)-\(twoDigits(month))", year)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}

extension String {
    fileprivate func nonEmpty(_ year: Int) -> (text: String, year: Int)? {
        isEmpty ? nil : (self, year)
    }
}
