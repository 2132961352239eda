public import LexpipeRecord

/// Compares two sets of records: documents are matched by what they are, (kind, state, title
/// or framework), never by file name, so a renamed file is the same document and last year's
/// card is compared with this year's.
public enum DatasetDiff {
    /// The identity of a document across years and file names.
    struct Key: Hashable, Comparable {
        var kind: String
        var state: String
        var title: String

        init(_ record: DocumentRecord) {
            kind = record.kind.rawValue
            state = record.stateCode ?? record.state ?? ""
            title = DatasetDiff.fold(record.reportCard?.framework ?? record.title ?? record.source)
        }

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.state, lhs.kind, lhs.title) < (rhs.state, rhs.kind, rhs.title)
        }
    }

    /// Every difference from `old` to `new`, ordered by state, kind and document. Where a side
    /// holds several years of one document, its latest year is compared.
    public static func compare(old: [DocumentRecord], new: [DocumentRecord]) -> [Difference] {
        let before = latest(old)
        let after = latest(new)
        var differences: [Difference] = []
        for key in Set(before.keys).union(after.keys).sorted() {
            switch (before[key], after[key]) {
            case let (old?, new?):
                differences += compare(old, new)
            case let (old?, nil):
                differences.append(Difference(
                    .removed, kind: old.kind, stateCode: old.stateCode, document: title(old), item: "document",
                    field: "document", old: old.source
                ))
            case let (nil, new?):
                differences.append(Difference(
                    .added, kind: new.kind, stateCode: new.stateCode, document: title(new), item: "document",
                    field: "document", new: new.source
                ))
            case (nil, nil):
                break
            }
        }
        return differences
    }

    private static func latest(_ records: [DocumentRecord]) -> [Key: DocumentRecord] {
        var result: [Key: DocumentRecord] = [:]
        for record in records {
            let key = Key(record)
            if let existing = result[key], (existing.year ?? 0, existing.source) >= (record.year ?? 0, record.source) { continue }
            result[key] = record
        }
        return result
    }

    static func title(_ record: DocumentRecord) -> String {
        record.reportCard?.framework ?? record.title ?? record.source
    }

    static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Differences between two extractions of one document.
    static func compare(_ old: DocumentRecord, _ new: DocumentRecord) -> [Difference] {
        var differences: [Difference] = []
        func add(_ change: Difference.Change, _ item: String, _ field: String, _ before: String?, _ after: String?, delta: Double? = nil) {
            differences.append(Difference(
                change, kind: new.kind, stateCode: new.stateCode ?? old.stateCode, document: title(new), item: item,
                field: field, old: before, new: after, delta: delta
            ))
        }
        if let oldCard = old.reportCard, let newCard = new.reportCard {
            ReportCardDiff.compare(oldCard, newCard, add: add)
        }
        if old.kind == .statuteSummary || new.kind == .statuteSummary {
            SectionDiff.compare(old.sections, new.sections, add: add)
        }
        return differences
    }

    static func number(_ value: Double?) -> String? {
        value.map(JSONValue.format)
    }
}

/// Report cards: overall score and grade, each issue's score, grade, accomplishments and gaps,
/// extra credit.
enum ReportCardDiff {
    static func compare(
        _ old: ReportCard, _ new: ReportCard,
        add: (Difference.Change, String, String, String?, String?, Double?) -> Void
    ) {
        if old.overall.score != new.overall.score {
            add(.changed, "overall", "score", DatasetDiff.number(old.overall.score), DatasetDiff.number(new.overall.score), delta(old.overall.score, new.overall.score))
        }
        if old.overall.grade != new.overall.grade {
            add(.changed, "overall", "grade", old.overall.grade?.rawValue, new.overall.grade?.rawValue, nil)
        }
        let oldIssues = Dictionary(old.issues.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let newIssues = Dictionary(new.issues.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        for number in Set(oldIssues.keys).union(newIssues.keys).sorted() {
            switch (oldIssues[number], newIssues[number]) {
            case let (before?, after?):
                let item = "issue \(number) \(after.name)"
                if before.score != after.score {
                    add(.changed, item, "score", DatasetDiff.number(before.score), DatasetDiff.number(after.score), delta(before.score, after.score))
                }
                if before.maxScore != after.maxScore {
                    add(.changed, item, "max_score", DatasetDiff.number(before.maxScore), DatasetDiff.number(after.maxScore), delta(before.maxScore, after.maxScore))
                }
                if before.grade != after.grade {
                    add(.changed, item, "grade", before.grade?.rawValue, after.grade?.rawValue, nil)
                }
                compareItems(before.accomplished, after.accomplished, item: item, field: "accomplished", add: add)
                compareItems(before.gaps, after.gaps, item: item, field: "gaps", add: add)
            case let (before?, nil):
                add(.removed, "issue \(number) \(before.name)", "issue", before.name, nil, nil)
            case let (nil, after?):
                add(.added, "issue \(number) \(after.name)", "issue", nil, after.name, nil)
            case (nil, nil):
                break
            }
        }
        let oldCredits = Dictionary(old.extraCredit.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let newCredits = Dictionary(new.extraCredit.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        for code in Set(oldCredits.keys).union(newCredits.keys).sorted() {
            let item = "extra credit \(code)"
            switch (oldCredits[code], newCredits[code]) {
            case let (before?, after?) where before.points != after.points:
                add(.changed, item, "points", DatasetDiff.number(before.points), DatasetDiff.number(after.points), delta(before.points, after.points))
            case let (before?, nil):
                add(.removed, item, "extra_credit", before.name, nil, nil)
            case let (nil, after?):
                add(.added, item, "extra_credit", nil, after.name, nil)
            default:
                break
            }
        }
    }

    private static func delta(_ old: Double?, _ new: Double?) -> Double? {
        guard let old, let new else { return nil }
        return new - old
    }

    /// Accomplishments and gaps are lists (`a, b, and c`): report the entries that appeared and
    /// vanished rather than the whole sentence.
    private static func compareItems(
        _ old: String?, _ new: String?, item: String, field: String,
        add: (Difference.Change, String, String, String?, String?, Double?) -> Void
    ) {
        let before = entries(old)
        let after = entries(new)
        let beforeSet = Set(before.map(DatasetDiff.fold))
        let afterSet = Set(after.map(DatasetDiff.fold))
        for entry in before where !afterSet.contains(DatasetDiff.fold(entry)) { add(.removed, item, field, entry, nil, nil) }
        for entry in after where !beforeSet.contains(DatasetDiff.fold(entry)) { add(.added, item, field, nil, entry, nil) }
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

/// Statute summaries: sections added, removed or rewritten (matched by heading), provisions
/// that appeared or vanished, citations and references added and removed by normalized form.
enum SectionDiff {
    static func compare(
        _ old: [Section], _ new: [Section],
        add: (Difference.Change, String, String, String?, String?, Double?) -> Void
    ) {
        let oldByHeading = Dictionary(old.map { (DatasetDiff.fold($0.label), $0) }, uniquingKeysWith: { first, _ in first })
        let newByHeading = Dictionary(new.map { (DatasetDiff.fold($0.label), $0) }, uniquingKeysWith: { first, _ in first })
        for section in old where newByHeading[DatasetDiff.fold(section.label)] == nil {
            add(.removed, section.label, "section", section.text, nil, nil)
        }
        for section in new {
            guard let before = oldByHeading[DatasetDiff.fold(section.label)] else {
                add(.added, section.label, "section", nil, section.text, nil)
                continue
            }
            if before.text != section.text { add(.changed, section.label, "text", before.text, section.text, nil) }
            if before.provision != section.provision {
                add(.changed, section.label, "provision", String(before.provision), String(section.provision), nil)
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
                add(.removed, heading, field, normalized, nil, nil)
            }
            for (normalized, heading) in newForms.sorted(by: { $0.key < $1.key }) where oldForms[normalized] == nil {
                add(.added, heading, field, nil, normalized, nil)
            }
        }
    }
}

extension Section {
    /// The heading, or `section N` for the one section of a body without headings.
    var label: String { heading ?? "section \(ordinal)" }
}
