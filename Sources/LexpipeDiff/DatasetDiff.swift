public import LexpipeRecord

/// Compares two sets of records. Documents are matched on what they are, (kind, state, year,
/// title or framework), never by file name, so a renamed file is the same document and every
/// year of every document is compared with the same year on the other side. A document that is
/// the only one of its kind, state and title on each side is compared whatever the years (last
/// year's card with this year's, a summary's old edition with its new one). Several documents
/// in one key are reported as such, with their sources; those whose source is on both sides are
/// compared, the others are added or removed. No document is ever left out.
public enum DatasetDiff {
    /// What a document is, whatever its file name and year.
    struct Identity: Hashable, Comparable {
        var state: String
        var kind: String
        var title: String

        init(_ record: DocumentRecord) {
            state = record.stateCode ?? record.state ?? ""
            kind = record.kind.rawValue
            title = DatasetDiff.fold(DatasetDiff.title(record))
        }

        static func < (lhs: Identity, rhs: Identity) -> Bool {
            (lhs.state, lhs.kind, lhs.title) < (rhs.state, rhs.kind, rhs.title)
        }
    }

    /// The rows about one compared pair, one document alone, or one ambiguous key, placed among
    /// the others by document, year and source.
    private struct Block {
        var identity: Identity
        var year: Int
        var source: String
        var rows: [Difference]

        init(_ records: [DocumentRecord], rows: [Difference]) {
            identity = Identity(records[0])
            year = records.compactMap(\.year).min() ?? Int.min
            source = records.map(\.source).min() ?? ""
            self.rows = rows
        }
    }

    /// Every difference from `old` to `new`, ordered by state, kind, document, year and source.
    public static func compare(old: [DocumentRecord], new: [DocumentRecord]) -> [Difference] {
        let oldByIdentity = Dictionary(grouping: old, by: Identity.init)
        let newByIdentity = Dictionary(grouping: new, by: Identity.init)
        var blocks: [Block] = []
        for identity in Set(oldByIdentity.keys).union(newByIdentity.keys) {
            let before = oldByIdentity[identity] ?? [], after = newByIdentity[identity] ?? []
            if before.count == 1, after.count == 1 {
                blocks.append(Block([before[0], after[0]], rows: compare(before[0], after[0])))
                continue
            }
            let oldByYear = Dictionary(grouping: before, by: \.year)
            let newByYear = Dictionary(grouping: after, by: \.year)
            for year in Set(oldByYear.keys).union(newByYear.keys) {
                blocks.append(match(year: year, old: oldByYear[year] ?? [], new: newByYear[year] ?? []))
            }
        }
        blocks.sort { ($0.identity, $0.year, $0.source) < ($1.identity, $1.year, $1.source) }
        return blocks.flatMap(\.rows)
    }

    /// The documents of one key: compared when there is one on each side; when there are more,
    /// a row saying so, then those paired by source compared and the others added or removed.
    private static func match(year: Int?, old: [DocumentRecord], new: [DocumentRecord]) -> Block {
        let old = old.sorted { $0.source < $1.source }
        let new = new.sorted { $0.source < $1.source }
        if old.count == 1, new.count == 1 { return Block(old + new, rows: compare(old[0], new[0])) }
        var rows: [Difference] = []
        if old.count > 1 || new.count > 1 {
            let sample = new.first ?? old[0]
            rows.append(Difference(
                .ambiguous, kind: sample.kind, stateCode: sample.stateCode, document: title(sample),
                oldYear: old.isEmpty ? nil : year, newYear: new.isEmpty ? nil : year, item: "document", field: "documents",
                old: old.isEmpty ? nil : old.map(\.source).joined(separator: ", "),
                new: new.isEmpty ? nil : new.map(\.source).joined(separator: ", ")
            ))
        }
        // A source is unique within a dataset: the uniquing never drops a record.
        let newBySource = Dictionary(new.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        let oldSources = Set(old.map(\.source))
        for record in old {
            if let counterpart = newBySource[record.source] {
                rows += compare(record, counterpart)
            } else {
                rows.append(removed(record))
            }
        }
        for record in new where !oldSources.contains(record.source) { rows.append(added(record)) }
        return Block(old + new, rows: rows)
    }

    private static func removed(_ record: DocumentRecord) -> Difference {
        Difference(
            .removed, kind: record.kind, stateCode: record.stateCode, document: title(record), oldYear: record.year,
            oldSource: record.source, item: "document", field: "document", old: record.source
        )
    }

    private static func added(_ record: DocumentRecord) -> Difference {
        Difference(
            .added, kind: record.kind, stateCode: record.stateCode, document: title(record), newYear: record.year,
            newSource: record.source, item: "document", field: "document", new: record.source
        )
    }

    static func title(_ record: DocumentRecord) -> String {
        record.reportCard?.framework ?? record.title ?? record.source
    }

    static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Differences between two extractions of one document.
    static func compare(_ old: DocumentRecord, _ new: DocumentRecord) -> [Difference] {
        var rows = PairRows(old: old, new: new)
        // Across years the dates differ by nature, and every row shows both years.
        if old.year == new.year, old.date != new.date { rows.add(.changed, "document", "date", old.date, new.date) }
        if let oldCard = old.reportCard, let newCard = new.reportCard {
            ReportCardDiff.compare(oldCard, newCard, into: &rows)
        }
        if old.kind == .statuteSummary || new.kind == .statuteSummary {
            SectionDiff.compare(old.sections, new.sections, into: &rows)
        }
        return rows.rows
    }

    static func number(_ value: Double?) -> String? {
        value.map(JSONValue.format)
    }

    /// Items keyed by `key` and their occurrence among the items of that key (0 for the first),
    /// so that a repeated key keeps every item rather than the first.
    static func occurrences<Item, Key: Hashable>(_ items: [Item], key: (Item) -> Key) -> [Occurrence<Key>: Item] {
        var seen: [Key: Int] = [:]
        var result: [Occurrence<Key>: Item] = [:]
        for item in items {
            let itemKey = key(item)
            let index = seen[itemKey, default: 0]
            seen[itemKey] = index + 1
            result[Occurrence(key: itemKey, index: index)] = item
        }
        return result
    }
}

/// A key and which of the items sharing it.
struct Occurrence<Key: Hashable>: Hashable {
    var key: Key
    var index: Int
}

/// The rows about one compared pair, each carrying the pair's years and sources.
struct PairRows {
    let old: DocumentRecord
    let new: DocumentRecord
    private(set) var rows: [Difference] = []

    init(old: DocumentRecord, new: DocumentRecord) {
        self.old = old
        self.new = new
    }

    mutating func add(
        _ change: Difference.Change, _ item: String, issue: Int? = nil, _ field: String, _ before: String?, _ after: String?,
        delta: Double? = nil
    ) {
        rows.append(Difference(
            change, kind: new.kind, stateCode: new.stateCode ?? old.stateCode, document: DatasetDiff.title(new),
            oldYear: old.year, newYear: new.year, oldSource: old.source, newSource: new.source,
            item: item, issue: issue, field: field, old: before, new: after, delta: delta
        ))
    }
}

/// Report cards: overall score and grade, each issue's score, grade, accomplishments and gaps,
/// extra credit.
enum ReportCardDiff {
    static func compare(_ old: ReportCard, _ new: ReportCard, into rows: inout PairRows) {
        if old.overall.score != new.overall.score {
            rows.add(.changed, "overall", "score", DatasetDiff.number(old.overall.score), DatasetDiff.number(new.overall.score),
                     delta: delta(old.overall.score, new.overall.score))
        }
        if old.overall.grade != new.overall.grade {
            rows.add(.changed, "overall", "grade", old.overall.grade?.rawValue, new.overall.grade?.rawValue)
        }
        if old.overall.gradeSource != new.overall.gradeSource {
            rows.add(.changed, "overall", "grade_source", old.overall.gradeSource?.rawValue, new.overall.gradeSource?.rawValue)
        }
        if old.checks.totalMatchesSum != new.checks.totalMatchesSum {
            rows.add(.changed, "checks", "total_matches_sum", flag(old.checks.totalMatchesSum), flag(new.checks.totalMatchesSum))
        }
        if old.checks.gradesMatchScores != new.checks.gradesMatchScores {
            rows.add(.changed, "checks", "grades_match_scores", flag(old.checks.gradesMatchScores), flag(new.checks.gradesMatchScores))
        }
        let oldIssues = DatasetDiff.occurrences(old.issues, key: \.number)
        let newIssues = DatasetDiff.occurrences(new.issues, key: \.number)
        for key in Set(oldIssues.keys).union(newIssues.keys).sorted(by: { ($0.key, $0.index) < ($1.key, $1.index) }) {
            let number = key.key
            switch (oldIssues[key], newIssues[key]) {
            case let (before?, after?):
                let item = after.name
                if before.name != after.name { rows.add(.changed, item, issue: number, "name", before.name, after.name) }
                if before.score != after.score {
                    rows.add(.changed, item, issue: number, "score", DatasetDiff.number(before.score), DatasetDiff.number(after.score),
                             delta: delta(before.score, after.score))
                }
                if before.maxScore != after.maxScore {
                    rows.add(.changed, item, issue: number, "max_score", DatasetDiff.number(before.maxScore),
                             DatasetDiff.number(after.maxScore), delta: delta(before.maxScore, after.maxScore))
                }
                if before.grade != after.grade {
                    rows.add(.changed, item, issue: number, "grade", before.grade?.rawValue, after.grade?.rawValue)
                }
                if before.gradeSource != after.gradeSource {
                    rows.add(.changed, item, issue: number, "grade_source", before.gradeSource?.rawValue, after.gradeSource?.rawValue)
                }
                compareItems(before.accomplished, after.accomplished, item: item, issue: number, field: "accomplished", into: &rows)
                compareItems(before.gaps, after.gaps, item: item, issue: number, field: "gaps", into: &rows)
            case let (before?, nil):
                rows.add(.removed, before.name, issue: number, "issue", before.name, nil)
            case let (nil, after?):
                rows.add(.added, after.name, issue: number, "issue", nil, after.name)
            case (nil, nil):
                break
            }
        }
        let oldCredits = DatasetDiff.occurrences(old.extraCredit, key: \.code)
        let newCredits = DatasetDiff.occurrences(new.extraCredit, key: \.code)
        for key in Set(oldCredits.keys).union(newCredits.keys).sorted(by: { ($0.key, $0.index) < ($1.key, $1.index) }) {
            let item = "extra credit \(key.key)"
            switch (oldCredits[key], newCredits[key]) {
            case let (before?, after?):
                if before.points != after.points {
                    rows.add(.changed, item, "points", DatasetDiff.number(before.points), DatasetDiff.number(after.points),
                             delta: delta(before.points, after.points))
                }
                if before.name != after.name { rows.add(.changed, item, "name", before.name, after.name) }
                if before.description != after.description { rows.add(.changed, item, "description", before.description, after.description) }
            case let (before?, nil):
                rows.add(.removed, item, "extra_credit", before.name, nil)
            case let (nil, after?):
                rows.add(.added, item, "extra_credit", nil, after.name)
            case (nil, nil):
                break
            }
        }
    }

    /// `true`, `false`, or `nil` for a check that could not run.
    private static func flag(_ value: Bool?) -> String? {
        value.map(String.init)
    }

    private static func delta(_ old: Double?, _ new: Double?) -> Double? {
        guard let old, let new else { return nil }
        return new - old
    }

    /// Accomplishments and gaps are lists (`a, b, and c`): report the entries that appeared and
    /// vanished rather than the whole sentence.
    private static func compareItems(
        _ old: String?, _ new: String?, item: String, issue: Int, field: String, into rows: inout PairRows
    ) {
        let before = entries(old)
        let after = entries(new)
        let beforeSet = Set(before.map(DatasetDiff.fold))
        let afterSet = Set(after.map(DatasetDiff.fold))
        for entry in before where !afterSet.contains(DatasetDiff.fold(entry)) { rows.add(.removed, item, issue: issue, field, entry, nil) }
        for entry in after where !beforeSet.contains(DatasetDiff.fold(entry)) { rows.add(.added, item, issue: issue, field, nil, entry) }
    }

    /// `a, b, and c` as `[a, b, c]`; without commas, `a and b` as `[a, b]`.
    static func entries(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        var parts = text.components(separatedBy: ", ")
        if parts.count == 1 { parts = text.components(separatedBy: " and ") }
        return parts.map { part in
            var entry = Substring(part)
            if entry.hasPrefix("and ") { entry = entry.dropFirst(4) }
            return String(entry)
        }.filter { !$0.isEmpty }
    }
}

/// Statute summaries: sections added, removed or rewritten (matched by heading, a repeated
/// heading by its occurrence), provisions that appeared or vanished, citations and references
/// added and removed by normalized form.
enum SectionDiff {
    static func compare(_ old: [Section], _ new: [Section], into rows: inout PairRows) {
        let oldByHeading = DatasetDiff.occurrences(old) { DatasetDiff.fold($0.label) }
        let newByHeading = DatasetDiff.occurrences(new) { DatasetDiff.fold($0.label) }
        for (key, section) in oldByHeading.sorted(by: { $0.value.ordinal < $1.value.ordinal }) where newByHeading[key] == nil {
            rows.add(.removed, item(section, key), "section", section.text, nil)
        }
        for (key, section) in newByHeading.sorted(by: { $0.value.ordinal < $1.value.ordinal }) {
            let item = item(section, key)
            guard let before = oldByHeading[key] else {
                rows.add(.added, item, "section", nil, section.text)
                continue
            }
            if before.text != section.text { rows.add(.changed, item, "text", before.text, section.text) }
            if before.provision != section.provision {
                rows.add(.changed, item, "provision", String(before.provision), String(section.provision))
            }
        }
        // By normalized form over the whole document: a citation moved between sections is no
        // difference.
        for (field, list) in [("citation", \Section.citations), ("reference", \Section.references)] {
            var oldForms: [String: String] = [:]
            for section in old { for citation in section[keyPath: list] where oldForms[citation.normalized] == nil { oldForms[citation.normalized] = section.label } }
            var newForms: [String: String] = [:]
            for section in new { for citation in section[keyPath: list] where newForms[citation.normalized] == nil { newForms[citation.normalized] = section.label } }
            for (normalized, heading) in oldForms.sorted(by: { $0.key < $1.key }) where newForms[normalized] == nil {
                rows.add(.removed, heading, field, normalized, nil)
            }
            for (normalized, heading) in newForms.sorted(by: { $0.key < $1.key }) where oldForms[normalized] == nil {
                rows.add(.added, heading, field, nil, normalized)
            }
        }
    }

    /// The section's label, with its occurrence when the document repeats it (`Definitions (2)`).
    private static func item(_ section: Section, _ key: Occurrence<String>) -> String {
        key.index == 0 ? section.label : "\(section.label) (\(key.index + 1))"
    }
}

extension Section {
    /// The heading, or `section N` for the one section of a body without headings.
    var label: String { heading ?? "section \(ordinal)" }
}
