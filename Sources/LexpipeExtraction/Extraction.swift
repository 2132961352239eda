public import LexpipeJurisdictions
public import LexpipeMarkup
public import LexpipeRecord

/// What the extraction stage found in a document, as written: state names, dates, code names
/// and grades are still the document's own words. Normalization turns it into the record.
public struct Extraction: Sendable, Equatable {
    public var kind: DocumentKind
    /// The document's title line as written (`Responding to ... - Mississippi`).
    public var headline: String?
    /// A state named by the document apart from its headline (a report card's heading, a
    /// `State:` line, a line naming the state alone), as its full name where known.
    public var stateText: String?
    /// The series the document belongs to (`State Statutes Series`): data, not the title.
    public var series: String?
    /// How many opening blocks the header (title, series, state, date) took: the body starts
    /// after them.
    public var headerBlockCount = 0
    /// The date as written (`December 2018`), or a report card's year.
    public var dateText: String?
    /// Statute summaries only.
    public var sections: [ExtractedSection]
    /// Report cards only.
    public var reportCard: ExtractedReportCard?
    public var warnings: [Diagnostic]

    public init(
        kind: DocumentKind, headline: String? = nil, stateText: String? = nil, dateText: String? = nil,
        sections: [ExtractedSection] = [], reportCard: ExtractedReportCard? = nil, warnings: [Diagnostic] = []
    ) {
        self.kind = kind
        self.headline = headline
        self.stateText = stateText
        self.dateText = dateText
        self.sections = sections
        self.reportCard = reportCard
        self.warnings = warnings
    }
}

/// A statute summary section before its citations are resolved against code names.
public struct ExtractedSection: Sendable, Equatable {
    /// `nil` for the one section of a body without section headings.
    public var heading: String?
    /// The citations of the section's `Citation:` lines.
    public var citations: [CitationReference]
    /// The laws the section's prose names.
    public var references: [CitationReference]
    /// The section cites nothing, and says nothing on the subject is described in the laws
    /// reviewed (a section that cites a law reports a provision whatever it says).
    public var saysNothingDescribed: Bool
    public var text: String

    public init(
        heading: String?, citations: [CitationReference], references: [CitationReference] = [],
        saysNothingDescribed: Bool, text: String
    ) {
        self.heading = heading
        self.citations = citations
        self.references = references
        self.saysNothingDescribed = saysNothingDescribed
        self.text = text
    }
}

/// How much one document may produce, so that a hostile or broken file costs bounded memory
/// and time: past a limit the rest is not read, and a warning says so.
public struct ExtractionLimits: Sendable, Equatable {
    /// Citations kept per document (`limits.max_citations_per_document`).
    public var maxCitations: Int
    /// Warnings kept per document (`limits.max_warnings_per_document`).
    public var maxWarnings: Int

    /// The defaults: far above any real statute summary (the largest known cite some hundreds).
    public init(maxCitations: Int = 10_000, maxWarnings: Int = 1_000) {
        self.maxCitations = maxCitations
        self.maxWarnings = maxWarnings
    }
}

/// Stages 3 and 4: classifies a cleaned document and extracts what its kind holds.
public struct Extractor: Sendable {
    public var reportCards: ReportCardExtractor
    /// The jurisdictions and their code names: which codes a statute summary may cite, found
    /// from the state its header names, and the state names a header line may hold.
    public var jurisdictions: JurisdictionTable
    public var limits: ExtractionLimits

    /// An extractor reading report cards with `reportCards`, headers and citations against
    /// `jurisdictions`, within `limits`.
    public init(
        reportCards: ReportCardExtractor = ReportCardExtractor(), jurisdictions: JurisdictionTable = .standard,
        limits: ExtractionLimits = ExtractionLimits()
    ) {
        self.reportCards = reportCards
        self.jurisdictions = jurisdictions
        self.limits = limits
    }

    /// The state names a header line may hold.
    public var states: StateNames { jurisdictions.stateNames }

    /// The title, state and date that open a document.
    public func header(_ document: CleanDocument) -> Extraction {
        StatuteSummaryExtractor.header(document, states: states)
    }

    /// The extraction of one cleaned document.
    public func extract(_ document: CleanDocument) -> Extraction {
        extract(document, as: DocumentClassifier.classify(document.blocks))
    }

    /// The code names a statute summary with this header may cite: those of the state the
    /// header names and of federal law, and every state's with its prefix (`Ala. Code`).
    public func knownCodeNames(for header: Extraction) -> KnownCodeNames {
        let state = jurisdictions.documentJurisdiction(headline: header.headline, stateText: header.stateText).jurisdiction
        return jurisdictions.knownCodeNames(for: state?.usps)
    }

    /// The extraction of a document already classified as `kind`; `header` is the document's
    /// `header(_:)` when it was read already.
    public func extract(_ document: CleanDocument, as kind: DocumentKind, header known: Extraction? = nil) -> Extraction {
        var extraction: Extraction
        switch kind {
        case .statuteSummary:
            // A summary cites its state's codes: its header names the state.
            let header = known ?? header(document)
            extraction = StatuteSummaryExtractor.extract(
                document, states: states, codeNames: knownCodeNames(for: header), limits: limits, header: header
            )
        case .reportCard:
            extraction = reportCards.extract(document, states: states)
        case .unknown:
            extraction = known ?? header(document)
            extraction.kind = .unknown
            extraction.warnings.append(Diagnostic(
                .unknownKind, .document, "neither a statute summary nor a report card: only title, state and date extracted"
            ))
        }
        extraction.repairLostLigatures()
        extraction.warnings.insert(contentsOf: document.warnings, at: 0)
        return extraction
    }
}
