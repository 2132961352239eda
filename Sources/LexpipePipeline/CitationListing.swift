public import LexpipeRecord
import LexpipeExtraction

/// The citations of one document with the warnings about them, as `lexpipe citations` lists
/// them for checking a new state's documents.
public struct CitationListing: Sendable {
    /// One citation of the document.
    public struct Row: Sendable, Equatable {
        /// The section's ordinal, 1-based.
        public var section: Int
        /// The section's heading; `nil` for the one section of a body without headings.
        public var heading: String?
        /// Whether the section's prose names it (a reference) rather than a `Citation:` line.
        public var isReference: Bool
        /// The citation as the record has it.
        public var citation: Citation
        /// What normalization could not resolve about it (an unknown code name).
        public var warnings: [String]
    }

    /// The file as named on the command line.
    public var file: String
    /// USPS code of the document's state, when it names one.
    public var stateCode: String?
    /// Every citation, in section order.
    public var rows: [Row]
    /// Warnings about citation text that gave no citation (`not a citation`).
    public var textWarnings: [String]
    /// Why the document was refused, if it was.
    public var failure: DocumentFailure?

    /// The listing of `file` from what the pipeline made of it.
    public init(file: String, outcome: DocumentOutcome) {
        self.file = file
        rows = []
        textWarnings = []
        switch outcome {
        case let .failure(failure):
            self.failure = failure
        case let .record(record):
            stateCode = record.stateCode
            var byCitation: [Int: [Int: [String]]] = [:]
            var byReference: [Int: [Int: [String]]] = [:]
            for diagnostic in record.diagnostics {
                switch diagnostic.location {
                case let .citation(section, index, _):
                    byCitation[section, default: [:]][index, default: []].append(diagnostic.text)
                case let .reference(section, index, _):
                    byReference[section, default: [:]][index, default: []].append(diagnostic.text)
                case .section where diagnostic.code == .citationText:
                    textWarnings.append(diagnostic.text)
                default:
                    continue
                }
            }
            for section in record.sections {
                for (index, citation) in section.citations.enumerated() {
                    rows.append(Row(
                        section: section.ordinal, heading: section.heading, isReference: false, citation: citation,
                        warnings: byCitation[section.ordinal]?[index + 1] ?? []
                    ))
                }
                for (index, reference) in section.references.enumerated() {
                    rows.append(Row(
                        section: section.ordinal, heading: section.heading, isReference: true, citation: reference,
                        warnings: byReference[section.ordinal]?[index + 1] ?? []
                    ))
                }
            }
        }
    }

    /// Whether the document was refused or any citation or citation text drew a warning.
    public var hasProblems: Bool {
        failure != nil || !textWarnings.isEmpty || rows.contains { !$0.warnings.isEmpty }
    }

    /// The listing as JSON: `file`, `state_code`, `citations` (each with `section_ordinal`,
    /// `section_heading`, `from` (`citation_line` or `prose`), the record's citation fields and
    /// `warnings`), `warnings`, `error`.
    public var json: JSONValue {
        let citations: [JSONValue] = rows.map { row in
            var members: [(String, JSONValue)] = [
                ("section_ordinal", .integer(row.section)), ("section_heading", JSONValue(row.heading)),
                ("from", .string(row.isReference ? "prose" : "citation_line")),
            ]
            if case let .object(fields) = row.citation.json { members += fields }
            members.append(("warnings", .array(row.warnings.map(JSONValue.string))))
            return .object(members)
        }
        return .object([
            ("file", .string(file)),
            ("state_code", stateCode.map(JSONValue.string) ?? .null),
            ("citations", .array(citations)),
            ("warnings", .array(textWarnings.map(JSONValue.string))),
            ("error", failure.map { .string("\($0.stage.rawValue): \($0.reason)") } ?? .null),
        ])
    }
}
