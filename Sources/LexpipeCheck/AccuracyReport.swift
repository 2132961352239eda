public import LexpipeRecord

/// The accuracy of a set of extractions against their gold records: what a researcher who
/// hand-checked a sample reports.
public struct AccuracyReport: Sendable, Equatable {
    /// One score per document, in the order given.
    public var documents: [RecordScore]
    /// Gold records no document was found for (their paths).
    public var unmatchedGold: [String]

    /// A report of `documents`.
    public init(documents: [RecordScore], unmatchedGold: [String] = []) {
        self.documents = documents
        self.unmatchedGold = unmatchedGold
    }

    /// Fields compared over all documents.
    public var fields: Int { documents.reduce(0) { $0 + $1.fields } }
    /// Fields equal over all documents.
    public var exact: Int { documents.reduce(0) { $0 + $1.exact } }
    /// `exact / fields`, 0...1 (1 for no fields).
    public var fieldsExact: Double { fields == 0 ? 1 : Double(exact) / Double(fields) }
    /// Citation counts over all documents.
    public var citations: MatchCount { documents.reduce(.zero) { $0 + $1.citations } }
    /// Reference counts over the documents whose records have references, or `nil` when none do.
    public var references: MatchCount? {
        let scored = documents.compactMap(\.references)
        return scored.isEmpty ? nil : scored.reduce(.zero, +)
    }
    /// Documents whose every field and citation is right.
    public var exactDocuments: Int { documents.filter(\.isExact).count }

    /// Compared and equal values by field name, over all documents.
    public var byField: [(name: String, tally: FieldTally)] {
        var totals: [String: FieldTally] = [:]
        for document in documents {
            for (name, tally) in document.byField {
                var total = totals[name] ?? FieldTally(exact: 0, total: 0)
                total.exact += tally.exact
                total.total += tally.total
                totals[name] = total
            }
        }
        return totals.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The report as text: totals, then accuracy field by field, then each document that
    /// is not exact with the fields that differ (at most `differencesPerDocument` of them).
    public func text(differencesPerDocument: Int = 12) -> String {
        var lines: [String] = []
        lines.append("documents: \(documents.count), exact: \(exactDocuments)")
        lines.append("fields exact: \(exact) of \(fields) (\(AccuracyReport.percent(fieldsExact)))")
        lines.append("citations: " + AccuracyReport.describe(citations))
        if let references { lines.append("references: " + AccuracyReport.describe(references)) }
        lines.append("")
        lines.append("field                                         exact   total       %")
        for (name, tally) in byField {
            let share = tally.total == 0 ? 1 : Double(tally.exact) / Double(tally.total)
            lines.append(
                AccuracyReport.pad(name, 44) + " " + AccuracyReport.left(String(tally.exact), 6) + "  "
                    + AccuracyReport.left(String(tally.total), 6) + "  " + AccuracyReport.left(AccuracyReport.percent(share), 6)
            )
        }
        for document in documents where !document.isExact {
            lines.append("")
            var heading = "\(document.source): \(document.exact) of \(document.fields) fields"
            if let refused = document.refused { heading += ", refused: \(refused)" }
            lines.append(heading)
            if document.citations.matched != document.citations.expected || document.citations.matched != document.citations.found {
                lines.append("  citations: " + AccuracyReport.describe(document.citations))
            }
            if let references = document.references,
                references.matched != references.expected || references.matched != references.found
            {
                lines.append("  references: " + AccuracyReport.describe(references))
            }
            for difference in (document.differences + document.unmatched).prefix(differencesPerDocument) {
                lines.append("  \(difference)")
            }
            let count = document.differences.count + document.unmatched.count
            if count > differencesPerDocument {
                lines.append("  ... and \(count - differencesPerDocument) more")
            }
        }
        if !unmatchedGold.isEmpty {
            lines.append("")
            lines.append("gold records with no document: \(unmatchedGold.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The totals and the per-document scores as JSON.
    public var json: JSONValue {
        func counts(_ count: MatchCount) -> JSONValue {
            .object([
                ("expected", .integer(count.expected)), ("found", .integer(count.found)), ("matched", .integer(count.matched)),
                ("precision", .number(count.precision)), ("recall", .number(count.recall)), ("f1", .number(count.f1)),
            ])
        }
        var members: [(String, JSONValue)] = [
            ("documents", .integer(documents.count)), ("exact_documents", .integer(exactDocuments)),
            ("fields", .integer(fields)), ("fields_exact", .integer(exact)), ("fields_exact_share", .number(fieldsExact)),
            ("citations", counts(citations)),
        ]
        if let references { members.append(("references", counts(references))) }
        members.append(("by_field", .object(byField.map { ($0.name, .object([
            ("exact", .integer($0.tally.exact)), ("total", .integer($0.tally.total)),
        ])) })))
        members.append(("differing", .array(documents.filter { !$0.isExact }.map { document in
            .object([
                ("source", .string(document.source)), ("fields", .integer(document.fields)),
                ("exact", .integer(document.exact)), ("refused", document.refused.map(JSONValue.string) ?? .null),
                ("differences", .array((document.differences + document.unmatched).map { .object([
                    ("path", .string($0.path)), ("gold", .string($0.gold)), ("extracted", .string($0.extracted)),
                ]) })),
            ])
        })))
        members.append(("unmatched_gold", .array(unmatchedGold.map(JSONValue.string))))
        return .object(members)
    }

    /// `12 expected, 11 found, 11 matched: precision 1.000, recall 0.917, F1 0.957`.
    static func describe(_ count: MatchCount) -> String {
        "\(count.expected) expected, \(count.found) found, \(count.matched) matched: precision \(fixed(count.precision)), recall \(fixed(count.recall)), F1 \(fixed(count.f1))"
    }

    /// `97.5%`.
    public static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// Three decimals (`0.957`).
    public static func fixed(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
