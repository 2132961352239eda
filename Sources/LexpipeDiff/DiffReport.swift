import Foundation
import LexpipeRecord

/// How differences are written: for people or for programs.
public enum DiffFormat: String, Sendable, CaseIterable {
    /// An aligned table with `+`, `-` and `~` markers and a summary line.
    case table
    /// RFC 4180 CSV with a header row.
    case csv
    /// A JSON object with the differences and a summary.
    case json
}

/// Renders differences.
public enum DiffReport {
    /// `3 differences in 2 documents: 1 added, 0 removed, 2 changed` or `no differences`, followed
    /// by `; 1 key with several documents` when some key was ambiguous. A document is one
    /// compared pair of sources, or one document added or removed.
    public static func summary(_ differences: [Difference]) -> String {
        let ambiguous = differences.filter { $0.change == .ambiguous }.count
        let note = ambiguous == 0 ? "" : "; \(ambiguous) key\(ambiguous == 1 ? "" : "s") with several documents"
        let rows = differences.filter(\.isDifference)
        guard !rows.isEmpty else { return "no differences" + note }
        let documents = Set(rows.map { [$0.oldSource ?? "", $0.newSource ?? ""] }).count
        let added = rows.filter { $0.change == .added }.count
        let removed = rows.filter { $0.change == .removed }.count
        let changed = rows.filter { $0.change == .changed }.count
        return "\(rows.count) difference\(rows.count == 1 ? "" : "s") in \(documents) document\(documents == 1 ? "" : "s"): "
            + "\(added) added, \(removed) removed, \(changed) changed" + note
    }

    /// The differences in `format`, ending in a newline.
    public static func render(_ differences: [Difference], as format: DiffFormat) -> String {
        switch format {
        case .table: table(differences)
        case .csv: csv(differences)
        case .json: json(differences).pretty() + "\n"
        }
    }

    private static let headers = [
        "change", "kind", "state_code", "document", "old_year", "new_year", "old_source", "new_source", "issue", "item",
        "field", "old", "new", "delta",
    ]

    private static func fields(_ difference: Difference) -> [String] {
        [
            difference.change.rawValue, difference.kind.rawValue, difference.stateCode ?? "", difference.document,
            difference.oldYear.map(String.init) ?? "", difference.newYear.map(String.init) ?? "",
            difference.oldSource ?? "", difference.newSource ?? "", difference.issue.map(String.init) ?? "",
            difference.item, difference.field, difference.old ?? "", difference.new ?? "",
            difference.delta.map { ($0 > 0 ? "+" : "") + JSONValue.format($0) } ?? "",
        ]
    }

    /// `a` when both sides are `a` (or one side is missing), else `a -> b`.
    private static func span(_ old: String?, _ new: String?) -> String {
        switch (old, new) {
        case let (old?, new?): old == new ? old : "\(old) -> \(new)"
        case let (old?, nil): old
        case let (nil, new?): new
        case (nil, nil): ""
        }
    }

    private static func table(_ differences: [Difference]) -> String {
        let rows = differences.map { difference -> [String] in
            let value: String = switch difference.change {
            case .added: shorten(difference.new ?? "")
            case .removed: shorten(difference.old ?? "")
            case .ambiguous: "\(difference.old ?? "(none)") -> \(difference.new ?? "(none)")"
            case .changed:
                difference.field == "text"
                    ? "rewritten"
                    : "\(difference.old ?? "null") -> \(difference.new ?? "null")"
                        + (difference.delta.map { " (\($0 > 0 ? "+" : "")\(JSONValue.format($0)))" } ?? "")
            }
            return [
                difference.change.rawValue, difference.stateCode ?? "",
                span(difference.oldYear.map(String.init), difference.newYear.map(String.init)),
                shorten(span(difference.oldSource, difference.newSource), 60), shorten(difference.document, 40),
                difference.issue.map(String.init) ?? "", shorten(difference.item, 50), difference.field, value,
            ]
        }
        let header = ["", "state", "year", "source", "document", "issue", "item", "field", "value"]
        var widths = header.map(\.count)
        for row in rows { for index in 0..<(header.count - 1) { widths[index] = max(widths[index], row[index].count) } }
        var out = ""
        for row in [header] + rows {
            for index in 0..<(header.count - 1) { out += row[index].padding(toLength: widths[index], withPad: " ", startingAt: 0) + "  " }
            out += row[header.count - 1] + "\n"
        }
        return out + summary(differences) + "\n"
    }

    private static func shorten(_ text: String, _ limit: Int = 80) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    private static func csv(_ differences: [Difference]) -> String {
        var out = headers.joined(separator: ",") + "\r\n"
        for difference in differences {
            out += fields(difference).map(quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func json(_ differences: [Difference]) -> JSONValue {
        .object([
            ("summary", .string(summary(differences))),
            (
                "differences",
                .array(differences.map { difference in
                    .object([
                        ("change", .string(difference.change.rawValue)), ("kind", .string(difference.kind.rawValue)),
                        ("state_code", JSONValue(difference.stateCode)), ("document", .string(difference.document)),
                        ("old_year", JSONValue(difference.oldYear)),
                        ("new_year", JSONValue(difference.newYear)),
                        ("old_source", JSONValue(difference.oldSource)), ("new_source", JSONValue(difference.newSource)),
                        ("issue", JSONValue(difference.issue)),
                        ("item", .string(difference.item)), ("field", .string(difference.field)),
                        ("old", JSONValue(difference.old)), ("new", JSONValue(difference.new)),
                        ("delta", JSONValue(difference.delta)),
                    ])
                })
            ),
        ])
    }
}
