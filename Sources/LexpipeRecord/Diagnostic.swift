/// Something a stage noticed about a document and repaired or could not resolve: a value with a
/// stable code, the stage, where in the document, and a message, so warnings can be counted,
/// filtered and put in a table. Rendered as text (`text`) only at the edges: the record's
/// `warnings` strings, the run summary.
///
/// The record contract keeps `warnings` as strings, so a record read back from
/// `documents.jsonl` (a reused record, `lexpipe diff`) recovers each diagnostic from its text
/// (`init(rendered:)`): every code's messages are recognisable, and rendering then reading
/// gives the same value back (tested for every code).
public struct Diagnostic: Sendable, Hashable {
    public var code: DiagnosticCode
    /// Where in the document; `.document` when it is about the whole document.
    public var location: DiagnosticLocation
    /// What happened, without the location.
    public var message: String

    public init(_ code: DiagnosticCode, _ location: DiagnosticLocation = .document, _ message: String) {
        self.code = code
        self.location = location
        self.message = message
    }

    /// The stage that noticed it.
    public var stage: PipelineStage { code.stage }

    /// `location: message`, as the record's `warnings` hold it.
    public var text: String {
        let prefix = location.text
        return prefix.isEmpty ? message : prefix + ": " + message
    }

    /// The diagnostic a record's warning string was rendered from; a text no code recognises is
    /// kept whole with the code `other`.
    public init(rendered text: String) {
        let (location, message) = DiagnosticLocation.split(text)
        self.init(DiagnosticCode.recognise(message, at: location), location, message)
    }
}

/// Where in a document a diagnostic points.
public enum DiagnosticLocation: Sendable, Hashable {
    case document
    /// A statute summary's section (1-based).
    case section(Int)
    /// Citation `index` (1-based) of a section's `Citation:` lines, as written.
    case citation(section: Int, index: Int, raw: String)
    /// Reference `index` (1-based) among the laws a section's prose names, as written.
    case reference(section: Int, index: Int, raw: String)
    /// A report card's issue row (1-based number), or a run of missing ones.
    case issues(ClosedRange<Int>)
    /// A report card's extra-credit row, by its text.
    case extraCredit(String)
    /// A report card's overall score and grade.
    case overall

    /// One issue row.
    public static func issue(_ number: Int) -> DiagnosticLocation { .issues(number...number) }

    /// The prefix of the rendered text; empty for `.document`.
    public var text: String {
        switch self {
        case .document: ""
        case let .section(section): "section \(section)"
        case let .citation(section, index, raw): "section \(section), citation \(index) \"\(raw)\""
        case let .reference(section, index, raw): "section \(section), reference \(index) \"\(raw)\""
        case let .issues(range): range.count == 1 ? "issue \(range.lowerBound)" : "issue \(range.lowerBound)-\(range.upperBound)"
        case let .extraCredit(text): "extra credit \"\(text)\""
        case .overall: "overall"
        }
    }

    /// The section a location lies in, if any.
    public var section: Int? {
        switch self {
        case let .section(section), let .citation(section, _, _), let .reference(section, _, _): section
        default: nil
        }
    }

    /// The location a rendered text starts with, and the message after it.
    static func split(_ text: String) -> (DiagnosticLocation, String) {
        var rest = Substring(text)
        func number() -> Int? {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count < 10, let value = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            return value
        }
        /// The text between a quote opening `rest` and the first `"` + `separator` at least
        /// `skip` bytes into it; `rest` then goes on after them.
        func quoted(then separator: String, from skip: Int = 0) -> String? {
            guard rest.hasPrefix("\"") else { return nil }
            let body = rest.dropFirst()
            let closing = "\"" + separator
            guard skip <= body.utf8.count else { return nil }
            var index = body.utf8.index(body.startIndex, offsetBy: skip)
            while index < body.endIndex {
                if body[index] == "\"", body[index...].hasPrefix(closing) {
                    rest = body[index...].dropFirst(closing.count)
                    return String(body[..<index])
                }
                index = body.index(after: index)
            }
            return nil
        }
        /// The location made of the quoted text opening `rest` and the message after it. The
        /// text as written may hold `": ` itself (a citation line of JSON): the quote closes where
        /// the message after it is one a code recognises, else at the first `": `.
        func quotedLocation(_ make: (String) -> DiagnosticLocation) -> (DiagnosticLocation, String)? {
            let opened = rest
            guard var quote = quoted(then: ": ") else { return nil }
            let first = (make(quote), String(rest))
            while DiagnosticCode.recognise(String(rest), at: make(quote)) == .other {
                let tried = quote.utf8.count + 3
                rest = opened
                guard let longer = quoted(then: ": ", from: tried) else { return first }
                quote = longer
            }
            return (make(quote), String(rest))
        }
        let whole = (DiagnosticLocation.document, text)
        if rest.hasPrefix("section ") {
            rest = rest.dropFirst("section ".count)
            guard let section = number() else { return whole }
            if rest.hasPrefix(": ") { return (.section(section), String(rest.dropFirst(2))) }
            for (label, isReference) in [(", citation ", false), (", reference ", true)] where rest.hasPrefix(label) {
                rest = rest.dropFirst(label.count)
                guard let index = number(), rest.hasPrefix(" ") else { return whole }
                rest = rest.dropFirst()
                return quotedLocation { raw in
                    isReference ? .reference(section: section, index: index, raw: raw) : .citation(section: section, index: index, raw: raw)
                } ?? whole
            }
            return whole
        }
        if rest.hasPrefix("issue ") {
            rest = rest.dropFirst("issue ".count)
            guard let first = number() else { return whole }
            var last = first
            if rest.hasPrefix("-") {
                rest = rest.dropFirst()
                guard let end = number(), end >= first else { return whole }
                last = end
            }
            guard rest.hasPrefix(": ") else { return whole }
            return (.issues(first...last), String(rest.dropFirst(2)))
        }
        if rest.hasPrefix("extra credit ") {
            rest = rest.dropFirst("extra credit ".count)
            return quotedLocation { .extraCredit($0) } ?? whole
        }
        if rest.hasPrefix("overall: ") { return (.overall, String(rest.dropFirst("overall: ".count))) }
        return whole
    }
}

/// A diagnostic's stable identifier: what a table, a filter or `--strict` counts by.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String
    /// The stage that reports it.
    public let stage: PipelineStage
    /// The wordings its messages start with, for reading a rendered warning back.
    let openings: [String]

    public init?(rawValue: String) {
        guard let code = DiagnosticCode.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = code
    }

    private init(_ rawValue: String, _ stage: PipelineStage, _ openings: [String]) {
        self.rawValue = rawValue
        self.stage = stage
        self.openings = openings
    }

    public var description: String { rawValue }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    // Ingest.
    /// Text decoded as Windows-1252, wholly or in part, or as UTF-16.
    public static let encoding = DiagnosticCode("encoding", .ingest, ["not valid UTF-8", "mixed encodings", "decoded as UTF-"])
    /// Something a document holds was cut short at a limit.
    public static let truncated = DiagnosticCode("truncated", .ingest, ["truncated:"])

    // Markup.
    /// Running headers, footers or page numbers dropped.
    public static let pageFurniture = DiagnosticCode("page_furniture", .markup, ["dropped "])

    // Extraction.
    /// Neither a statute summary nor a report card.
    public static let unknownKind = DiagnosticCode("unknown_kind", .extraction, ["neither a statute summary nor a report card"])
    /// Header fields (title, state, date) missing or contradicting each other.
    public static let header = DiagnosticCode("header", .extraction, ["no report card title", "header:"])
    /// Blocks before the first section heading or after the last section left out, or no
    /// section headings.
    public static let sectionStructure = DiagnosticCode(
        "section_structure", .extraction,
        ["no section headings", "block(s) before the first section heading", "section(s) after the last one",
         "block(s) after the last section", "the page's sentence after the last section"]
    )
    /// Text after a `Citation:` label (or a `§` in prose) that gave no citation.
    public static let citationText = DiagnosticCode("citation_text", .extraction, ["citation text "])
    /// A fragment of a scrambled report card dropped (stray numbers, duplicated text).
    public static let fragmentDropped = DiagnosticCode("fragment_dropped", .extraction, ["stray fragment", "duplicated fragment"])
    /// Words whose `fi`, `fl` or `ff` ligature a PDF-to-text conversion lost, given back.
    public static let lostLigatures = DiagnosticCode("lost_ligatures", .extraction, ["lost ligatures:"])
    /// A report card row, score or heading that could not be found.
    public static let cardIncomplete = DiagnosticCode(
        "card_incomplete", .extraction,
        ["no row found", "no score or maximum", "no maximum score", "no points found", "no score found", "no OVERALL GRADE",
         "no numbered issue rows"]
    )

    // Normalization.
    /// A date that could not be read.
    public static let date = DiagnosticCode("date", .normalization, ["date "])
    /// A code name not in the table, kept as written; or a citation without one.
    public static let unknownCodeName = DiagnosticCode("unknown_code_name", .normalization, ["code name ", "no code name"])
    /// No state found, so citations of state law have no jurisdiction.
    public static let noState = DiagnosticCode("no_state", .normalization, ["no state found"])
    /// A look-alike grade letter, or a look-alike letter in an issue's name, read as Latin.
    public static let homoglyph = DiagnosticCode("homoglyph", .normalization, ["grade letter U+", "name letter U+"])
    /// A grade derived from the score, or one that could not be derived.
    public static let gradeDerived = DiagnosticCode(
        "grade_derived", .normalization, ["no legible grade letter", "grade derived", "no grade derived"]
    )
    /// No grading scale for the card's framework and year.
    public static let noGradingScale = DiagnosticCode("no_grading_scale", .normalization, ["no grading scale"])
    /// A report card check that failed.
    public static let checkFailed = DiagnosticCode("check_failed", .normalization, ["check failed"])
    /// A report card check that could not run.
    public static let checkNotRun = DiagnosticCode("check_not_run", .normalization, ["check not run"])

    /// A warning no other code recognises (kept whole).
    public static let other = DiagnosticCode("other", .extraction, [])

    /// Every code, `other` last.
    public static let all: [DiagnosticCode] = [
        .encoding, .truncated, .pageFurniture, .unknownKind, .header, .sectionStructure, .citationText, .fragmentDropped,
        .lostLigatures, .cardIncomplete, .date, .unknownCodeName, .noState, .homoglyph, .gradeDerived, .noGradingScale, .checkFailed,
        .checkNotRun, .other,
    ]

    /// The code whose messages start like `message` (after a leading count: `2 block(s) …`).
    static func recognise(_ message: String, at location: DiagnosticLocation) -> DiagnosticCode {
        let afterCount = message.drop { $0.isASCII && ($0.isNumber || $0 == " ") }
        return all.first { code in code.openings.contains { message.hasPrefix($0) || afterCount.hasPrefix($0) } } ?? .other
    }
}
