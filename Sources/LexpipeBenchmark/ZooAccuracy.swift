public import LexpipeCheck
import LexpipeCorpusGenerator
public import LexpipePipeline
public import LexpipeRecord

/// How well the pipeline reads the layout zoo: its documents written with their expected
/// records beside them, then scored as `lexpipe check` scores a hand-checked sample. Reported
/// by `lexpipe bench` next to the speed, so that a change that buys speed with accuracy shows.
public enum ZooAccuracy {
    /// Writes `count` zoo documents of `seed` with their records under `folder`, extracts them
    /// and scores each against its record.
    public static func measure(
        count: Int, seed: UInt64, folder: String, configuration: Configuration = Configuration()
    ) throws -> AccuracyReport {
        try LayoutZoo(seed: seed).write(count: count, to: folder)
        return try GoldCheck(goldFolder: folder, configuration: configuration).run()
    }

    /// `zoo accuracy (1000 documents, seed 42): fields exact 97.1%, citation F1 0.964, ...`.
    public static func line(_ report: AccuracyReport, seed: UInt64) -> String {
        var line = "zoo accuracy (\(report.documents.count) documents, seed \(seed)): fields exact "
            + AccuracyReport.percent(report.fieldsExact) + ", citation F1 " + AccuracyReport.fixed(report.citations.f1)
        if let references = report.references { line += ", reference F1 " + AccuracyReport.fixed(references.f1) }
        line += ", documents exact \(report.exactDocuments)"
        return line
    }

    /// The totals as JSON, for `lexpipe bench --json`.
    public static func json(_ report: AccuracyReport, seed: UInt64) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("documents", .integer(report.documents.count)), ("seed", .integer(Int(truncatingIfNeeded: seed))),
            ("fields_exact", .number(report.fieldsExact)), ("citation_f1", .number(report.citations.f1)),
            ("citation_precision", .number(report.citations.precision)), ("citation_recall", .number(report.citations.recall)),
        ]
        if let references = report.references { members.append(("reference_f1", .number(references.f1))) }
        members.append(("documents_exact", .integer(report.exactDocuments)))
        return .object(members)
    }
}
