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
    /// `3 differences in 2 documents: 1 added, 0 removed, 2 changed` or `no differences`.
    public static func summary(_ differences: [Difference]) -> String {
        guard !differences.isEmpty else { return "no differences" }
        let documents = Set(differences.map { "\($0.stateCode ?? "")|\($0.kind.rawValue)|\($0.document)" }).count
        let added = differences.filter { $0.change == .added }.count
        let removed = differences.filter { $0.change == .removed }.count
        let changed = differences.filter { $0.change == .changed }.count
        return "\(differences.count) difference\(differences.count == 1 ? "" : "s") in \(documents) document\(documents == 1 ? "" : "s"): "
            + "\(added) added, \(removed) removed, \(changed) changed"
    }

    /// The differences in `format`, ending in a newline.
    public static func render(_ differences: [Difference], as format: DiffFormat) -> String {
        switch format {
        case .table: table(differences)
        case .csv: csv(differences)
        case .json: json(differences).pretty() + "\n"
        }
    }

    private static let headers = ["change", "kind", "state_code", "document", "item", "field", "old", "new", "delta"]

    private static func fields(_ difference: Difference) -> [String] {
        [
            difference.change.rawValue, difference.kind.rawValue, difference.stateCode ?? "", difference.document,
            difference.item, difference.field, difference.old ?? "", difference.new ?? "",
            difference.delta.map { ($0 > 0 ? "+" : "") + JSONValue.format($0) } ?? "",
        ]
    }

    private static func table(_ differences: [Difference]) -> String {
        let rows = differences.map { difference -> [String] in
            let value: String = switch difference.change {
            case .added: shorten(difference.new ?? "")
            case .removed: shorten(difference.old ?? "")
            case .changed:
                difference.field == "text"
                    ? "rewritten"
                    : "\(difference.old ?? "null") -> \(difference.new ?? "null")"
                        + (difference.delta.map { " (\($0 > 0 ? "+" : "")\(JSONValue.format($0)))" } ?? "")
            }
            return [difference.change.rawValue, difference.stateCode ?? "", shorten(difference.document, 40), shorten(difference.item, 50), difference.field, value]
        }
        var widths = [1, 5, 8, 4, 5, 0]
        for row in rows { for index in 0..<5 { widths[index] = max(widths[index], row[index].count) } }
        var out = ""
        let header = ["", "state", "document", "item", "field", "value"]
        for row in [header] + rows {
            for index in 0..<5 { out += row[index].padding(toLength: widths[index], withPad: " ", startingAt: 0) + "  " }
            out += row[5] + "\n"
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
                        ("item", .string(difference.item)), ("field", .string(difference.field)),
                        ("old", JSONValue(difference.old)), ("new", JSONValue(difference.new)),
                        ("delta", JSONValue(difference.delta)),
                    ])
                })
            ),
        ])
    }
}
