import LexpipeRecord

/// What a run's summary counts beside documents and errors: what a reader of the datasets
/// should look at, and what `lexpipe run --strict` turns into exit status 1.
public struct DocumentCounts: Sendable, Equatable {
    /// Warnings over all records.
    public var warnings = 0
    /// Warnings by code.
    public var warningsByCode: [DiagnosticCode: Int] = [:]
    /// Records with at least one warning.
    public var documentsWithWarnings = 0
    /// Report-card checks that ran and failed (`false`; `null`, a check that could not run, is
    /// not counted).
    public var failedChecks = 0
    /// Records without a state.
    public var withoutState = 0
    /// Records without a year.
    public var withoutYear = 0
    /// Files of the corpus that matched no include pattern.
    public var unmatchedFiles = 0
    /// Those that look like documents in another format, by path (at most 100).
    public var unmatchedDocuments: [String] = []

    public init() {}

    /// The counts of one record.
    init(_ record: DocumentRecord) {
        warnings = record.diagnostics.count
        documentsWithWarnings = record.diagnostics.isEmpty ? 0 : 1
        for diagnostic in record.diagnostics { warningsByCode[diagnostic.code, default: 0] += 1 }
        if let checks = record.reportCard?.checks {
            failedChecks = [checks.totalMatchesSum, checks.gradesMatchScores].filter { $0 == false }.count
        }
        withoutState = record.stateCode == nil ? 1 : 0
        withoutYear = record.year == nil ? 1 : 0
    }

    mutating func add(_ other: DocumentCounts) {
        warnings += other.warnings
        warningsByCode.merge(other.warningsByCode, uniquingKeysWith: +)
        documentsWithWarnings += other.documentsWithWarnings
        failedChecks += other.failedChecks
        withoutState += other.withoutState
        withoutYear += other.withoutYear
    }

    /// Whether anything was counted that `--strict` refuses.
    public var hasFindings: Bool {
        warnings > 0 || failedChecks > 0 || withoutState > 0 || withoutYear > 0 || unmatchedFiles > 0
    }

    /// The summary's lines: one per kind of finding, none when there is nothing to say.
    public var lines: [String] {
        var lines: [String] = []
        if warnings > 0 {
            let byCode = warningsByCode.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("warnings: \(warnings) in \(documentsWithWarnings) document\(documentsWithWarnings == 1 ? "" : "s") (\(byCode))")
        }
        if failedChecks > 0 { lines.append("failed checks: \(failedChecks) (report cards whose numbers do not add up)") }
        if withoutState > 0 || withoutYear > 0 {
            lines.append("documents without a state: \(withoutState), without a year: \(withoutYear)")
        }
        if unmatchedFiles > 0 {
            var line = "files matching no include pattern: \(unmatchedFiles)"
            if !unmatchedDocuments.isEmpty {
                let shown = unmatchedDocuments.prefix(10).joined(separator: ", ")
                line += " (among them \(shown)\(unmatchedDocuments.count > 10 ? ", ..." : ""))"
            }
            lines.append(line)
        }
        return lines
    }
}
