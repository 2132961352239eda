public import LexpipeRecord

/// One field whose extracted value differs from the gold record's.
public struct FieldDifference: Sendable, Equatable, CustomStringConvertible {
    /// Where it stands in the record (`sections[2].heading`, `report_card.issues[0].grade`).
    public var path: String
    /// The gold value as compact JSON, or `(absent)`.
    public var gold: String
    /// The extracted value as compact JSON, or `(absent)`.
    public var extracted: String

    /// `path: gold "…", extracted "…"`; long values cut around where they first differ.
    public var description: String {
        let (a, b) = FieldDifference.around(gold, extracted)
        return "\(path): gold \(a), extracted \(b)"
    }

    /// The two values, each cut to about 90 characters around their first difference.
    static func around(_ gold: String, _ extracted: String) -> (String, String) {
        let a = Array(gold), b = Array(extracted)
        guard a.count > 90 || b.count > 90 else { return (gold, extracted) }
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let start = max(0, common - 30)
        func cut(_ characters: [Character]) -> String {
            let end = min(characters.count, start + 90)
            guard start < end else { return start == 0 ? "" : "..." }
            return (start > 0 ? "..." : "") + String(characters[start..<end]) + (end < characters.count ? "..." : "")
        }
        return (cut(a), cut(b))
    }
}

/// How many citations were expected, found and matched, and what that makes of precision,
/// recall and F1.
public struct MatchCount: Sendable, Equatable {
    /// In the gold record.
    public var expected: Int
    /// In the extracted record.
    public var found: Int
    /// In both (as a multiset: a citation written twice counts twice).
    public var matched: Int

    /// Counts of `expected`, `found` and `matched` citations.
    public init(expected: Int, found: Int, matched: Int) {
        self.expected = expected
        self.found = found
        self.matched = matched
    }

    /// Counts of nothing.
    public static let zero = MatchCount(expected: 0, found: 0, matched: 0)

    /// `matched / found`; 1 when nothing was found and nothing expected.
    public var precision: Double { found == 0 ? (expected == 0 ? 1 : 0) : Double(matched) / Double(found) }
    /// `matched / expected`; 1 when nothing was expected.
    public var recall: Double { expected == 0 ? 1 : Double(matched) / Double(expected) }
    /// The harmonic mean of precision and recall.
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// The sum of two counts.
    public static func + (lhs: MatchCount, rhs: MatchCount) -> MatchCount {
        MatchCount(expected: lhs.expected + rhs.expected, found: lhs.found + rhs.found, matched: lhs.matched + rhs.matched)
    }
}

/// How many values of one field were compared and how many were equal.
public struct FieldTally: Sendable, Equatable {
    /// Values equal in gold and extraction.
    public var exact: Int
    /// Values compared.
    public var total: Int

    /// A tally of `exact` equal values out of `total`.
    public init(exact: Int, total: Int) {
        self.exact = exact
        self.total = total
    }
}

/// One document's extraction scored against its gold record.
public struct RecordScore: Sendable, Equatable {
    /// The gold record's `source`.
    public var source: String
    /// Fields compared: every value of the gold or the extracted record (citations and
    /// references apart), matched by their place in the record.
    public var fields: Int
    /// Fields equal in both.
    public var exact: Int
    /// The fields that differ, in record order.
    public var differences: [FieldDifference]
    /// Fields compared and equal, by field name with positions dropped (`sections[].heading`).
    public var byField: [String: FieldTally]
    /// The `Citation:` line citations (`citations` of every section).
    public var citations: MatchCount
    /// The laws named in prose (`references` of every section), when either record has them.
    public var references: MatchCount?
    /// Why the document could not be extracted, when it was refused.
    public var refused: String?
    /// Citations and references of the gold record the extraction missed, and those it found
    /// that the gold record does not have (`citation MS Miss. Code Ann. § 43-21-105`).
    public var unmatched: [FieldDifference] = []

    /// Whether every field and every citation matches.
    public var isExact: Bool {
        exact == fields && citations.matched == citations.expected && citations.matched == citations.found
            && (references.map { $0.matched == $0.expected && $0.matched == $0.found } ?? true)
    }
}

/// Scores an extracted record against a gold one, field by field.
///
/// Both records are compared as the JSON `lexpipe extract` prints, so that every field of the
/// record contract counts, including fields added later, without a list to keep in step.
/// `source`, `sha256` and `warnings` are not compared (they say where a file was and what was
/// repaired, not what was read). Sections, issues and extra-credit rows are matched by
/// position: a missed or spurious section shifts the ones after it, as it does for a reader of
/// the dataset. Citations (`citations`) and references (`references`) are scored apart, as
/// multisets over the whole document, a citation matching when its jurisdiction and normal
/// form agree: the identity of the law, whatever the raw text's spacing.
public enum RecordComparison {
    /// Top-level keys that are not compared.
    public static let ignoredKeys: Set<String> = ["source", "sha256", "warnings"]

    /// `extracted` scored against `gold`.
    public static func score(gold: DocumentRecord, extracted: DocumentRecord) -> RecordScore {
        var goldLeaves = Leaves()
        goldLeaves.collect(gold.json, path: "", top: true)
        var extractedLeaves = Leaves()
        extractedLeaves.collect(extracted.json, path: "", top: true)
        var unmatched: [FieldDifference] = []
        var score = RecordScore(
            source: gold.source, fields: 0, exact: 0, differences: [], byField: [:],
            citations: match(goldLeaves.citations, extractedLeaves.citations, "citations", into: &unmatched),
            references: nil
        )
        if goldLeaves.hasReferences || extractedLeaves.hasReferences {
            score.references = match(goldLeaves.references, extractedLeaves.references, "references", into: &unmatched)
        }
        score.unmatched = unmatched
        let extractedValues = Dictionary(extractedLeaves.values.map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
        let goldPaths = Set(goldLeaves.values.map(\.path))
        func count(_ path: String, equal: Bool) {
            score.fields += 1
            let name = RecordComparison.fieldName(path)
            var entry = score.byField[name] ?? FieldTally(exact: 0, total: 0)
            entry.total += 1
            if equal {
                score.exact += 1
                entry.exact += 1
            }
            score.byField[name] = entry
        }
        for (path, value) in goldLeaves.values {
            let other = extractedValues[path]
            let equal = other == value
            count(path, equal: equal)
            if !equal {
                score.differences.append(FieldDifference(path: path, gold: value, extracted: other ?? "(absent)"))
            }
        }
        for (path, value) in extractedLeaves.values where !goldPaths.contains(path) {
            count(path, equal: false)
            score.differences.append(FieldDifference(path: path, gold: "(absent)", extracted: value))
        }
        return score
    }

    /// A refused document: every gold field and citation missed.
    public static func refused(gold: DocumentRecord, reason: String) -> RecordScore {
        let empty = DocumentRecord(source: gold.source, sha256: "", format: gold.format, kind: .unknown)
        var score = score(gold: gold, extracted: empty)
        score.exact = 0
        score.byField = score.byField.mapValues { FieldTally(exact: 0, total: $0.total) }
        score.refused = reason
        return score
    }

    /// `sections[2].heading` as `sections[].heading`.
    static func fieldName(_ path: String) -> String {
        var name = ""
        var inIndex = false
        for character in path {
            if character == "[" {
                inIndex = true
                name += "[]"
            } else if character == "]" {
                inIndex = false
            } else if !inIndex {
                name.append(character)
            }
        }
        return name
    }

    static func match(
        _ gold: [String], _ extracted: [String], _ name: String, into unmatched: inout [FieldDifference]
    ) -> MatchCount {
        var remaining: [String: Int] = [:]
        for key in gold { remaining[key, default: 0] += 1 }
        var matched = 0
        var spurious: [String] = []
        for key in extracted {
            if (remaining[key] ?? 0) > 0 {
                remaining[key]! -= 1
                matched += 1
            } else {
                spurious.append(key)
            }
        }
        for key in gold where (remaining[key] ?? 0) > 0 {
            remaining[key]! -= 1
            unmatched.append(FieldDifference(path: name, gold: key, extracted: "(absent)"))
        }
        for key in spurious { unmatched.append(FieldDifference(path: name, gold: "(absent)", extracted: key)) }
        return MatchCount(expected: gold.count, found: extracted.count, matched: matched)
    }
}

/// A record's values by path, with its citations and references set apart.
private struct Leaves {
    var values: [(path: String, value: String)] = []
    var citations: [String] = []
    var references: [String] = []
    var hasReferences = false

    mutating func collect(_ value: JSONValue, path: String, top: Bool = false) {
        switch value {
        case let .object(members):
            for (key, member) in members {
                if top, RecordComparison.ignoredKeys.contains(key) { continue }
                let child = path.isEmpty ? key : "\(path).\(key)"
                if key == "citations" || key == "references", case let .array(items) = member {
                    let keys = items.map(Leaves.citationKey)
                    if key == "citations" {
                        citations += keys
                    } else {
                        references += keys
                        hasReferences = true
                    }
                    continue
                }
                collect(member, path: child)
            }
        case let .array(items):
            for (index, item) in items.enumerated() { collect(item, path: "\(path)[\(index)]") }
        default:
            values.append((path, value.compact()))
        }
    }

    /// What makes two citations the same law: jurisdiction and normal form.
    static func citationKey(_ citation: JSONValue) -> String {
        guard case let .object(members) = citation else { return citation.compact() }
        let jurisdiction = members.first { $0.0 == "jurisdiction" }?.1.compact() ?? "null"
        let normalized = members.first { $0.0 == "normalized" }?.1.compact() ?? citation.compact()
        return jurisdiction + " " + normalized
    }
}
