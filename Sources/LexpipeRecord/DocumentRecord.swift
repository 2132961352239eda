/// The format ingest detected for a document.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case text
    case html
    case markdown
    /// Read from a PDF's text layer.
    case pdf
}

/// What the classifier decided a document is.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case statuteSummary = "statute_summary"
    case reportCard = "report_card"
    case unknown
}

/// One document's extraction: the contract between the pipeline and everyone downstream.
///
/// `lexpipe extract` prints it, `documents.jsonl` holds one per line in `source` order, and the
/// flat tables are projections of it. A value the document does not give is `nil`.
public struct DocumentRecord: Sendable, Equatable {
    /// Path of the input, relative to the corpus root.
    public var source: String
    /// Hex SHA-256 of the input's bytes.
    public var sha256: String
    public var format: DocumentFormat
    public var kind: DocumentKind
    /// The title without the state and year.
    public var title: String?
    /// Full name of the state, DC or territory the document is about.
    public var state: String?
    /// USPS code of `state`.
    public var stateCode: String?
    /// The year the document speaks for.
    public var year: Int?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the document says.
    public var date: String?
    /// Statute summaries only; empty otherwise.
    public var sections: [Section]
    /// Report cards only.
    public var reportCard: ReportCard?
    /// What the stages noticed and repaired or could not resolve.
    public var diagnostics: [Diagnostic]

    /// The diagnostics as the record's `warnings` strings.
    public var warnings: [String] {
        get { diagnostics.map(\.text) }
        set { diagnostics = newValue.map(Diagnostic.init(rendered:)) }
    }

    public init(
        source: String, sha256: String, format: DocumentFormat, kind: DocumentKind,
        title: String? = nil, state: String? = nil, stateCode: String? = nil, year: Int? = nil,
        date: String? = nil, sections: [Section] = [], reportCard: ReportCard? = nil,
        diagnostics: [Diagnostic] = []
    ) {
        self.source = source
        self.sha256 = sha256
        self.format = format
        self.kind = kind
        self.title = title
        self.state = state
        self.stateCode = stateCode
        self.year = year
        self.date = date
        self.sections = sections
        self.reportCard = reportCard
        self.diagnostics = diagnostics
    }
}

/// `Codable` as the record contract spells it, `warnings` as strings.
extension DocumentRecord: Codable {
    enum CodingKeys: String, CodingKey {
        case source, sha256, format, kind, title, state
        case stateCode = "state_code"
        case year, date, sections
        case reportCard = "report_card"
        case warnings
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            source: try container.decode(String.self, forKey: .source),
            sha256: try container.decode(String.self, forKey: .sha256),
            format: try container.decode(DocumentFormat.self, forKey: .format),
            kind: try container.decode(DocumentKind.self, forKey: .kind),
            title: try container.decodeIfPresent(String.self, forKey: .title),
            state: try container.decodeIfPresent(String.self, forKey: .state),
            stateCode: try container.decodeIfPresent(String.self, forKey: .stateCode),
            year: try container.decodeIfPresent(Int.self, forKey: .year),
            date: try container.decodeIfPresent(String.self, forKey: .date),
            sections: try container.decode([Section].self, forKey: .sections),
            reportCard: try container.decodeIfPresent(ReportCard.self, forKey: .reportCard),
            diagnostics: try container.decode([String].self, forKey: .warnings).map(Diagnostic.init(rendered:))
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(format, forKey: .format)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(state, forKey: .state)
        try container.encode(stateCode, forKey: .stateCode)
        try container.encode(year, forKey: .year)
        try container.encode(date, forKey: .date)
        try container.encode(sections, forKey: .sections)
        try container.encode(reportCard, forKey: .reportCard)
        try container.encode(warnings, forKey: .warnings)
    }
}

/// One headed section of a statute summary.
public struct Section: Sendable, Equatable, Codable {
    /// 1-based, in document order.
    public var ordinal: Int
    /// The heading as written, whitespace folded; `nil` only when the document's body has no
    /// section headings at all (its whole body is then this one section).
    public var heading: String?
    /// Every citation of the section's `Citation:` lines, in order.
    public var citations: [Citation]
    /// The laws the section's prose names, in order of appearance; never a copy of `citations`.
    public var references: [Citation]
    /// `false` when the section cites nothing and says nothing is described in the laws reviewed.
    public var provision: Bool
    /// The prose, citation lines removed, paragraphs joined by one blank line.
    public var text: String

    public init(
        ordinal: Int, heading: String?, citations: [Citation], references: [Citation] = [], provision: Bool, text: String
    ) {
        self.ordinal = ordinal
        self.heading = heading
        self.citations = citations
        self.references = references
        self.provision = provision
        self.text = text
    }
}

/// The kind of law a citation points into.
public enum LawBody: String, Sendable, Codable, CaseIterable {
    case statute
    case regulation
    case constitution
    case sessionLaw = "session_law"
    case courtRule = "court_rule"
    case policy
}

/// One cited provision, resolved against the jurisdiction's code names.
public struct Citation: Sendable, Equatable, Hashable, Codable {
    /// The citation as written (`Ann. Code § 43-21-105`).
    public var raw: String
    /// USPS code of the jurisdiction, `US` for federal law, `nil` when the document names no
    /// state and the code is not federal (never `US` by default).
    public var jurisdiction: String?
    public var body: LawBody
    /// The code's Bluebook abbreviation with the state prefix (`Miss. Code Ann.`).
    public var code: String
    /// Title (or chapter, article) number for codes cited by division and section.
    public var title: String?
    /// The section as written; a range's first section.
    public var section: String
    /// A range's last section.
    public var sectionEnd: String?
    /// The one form to join and diff on.
    public var normalized: String

    public init(
        raw: String, jurisdiction: String?, body: LawBody, code: String, title: String?,
        section: String, sectionEnd: String?, normalized: String
    ) {
        self.raw = raw
        self.jurisdiction = jurisdiction
        self.body = body
        self.code = code
        self.title = title
        self.section = section
        self.sectionEnd = sectionEnd
        self.normalized = normalized
    }

    enum CodingKeys: String, CodingKey {
        case raw, jurisdiction, body, code, title, section
        case sectionEnd = "section_end"
        case normalized
    }
}
