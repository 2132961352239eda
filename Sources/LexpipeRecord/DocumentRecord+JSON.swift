extension DocumentRecord {
    /// The record as JSON, keys in the order of the record contract.
    public var json: JSONValue {
        .object([
            ("source", .string(source)),
            ("sha256", .string(sha256)),
            ("format", .string(format.rawValue)),
            ("kind", .string(kind.rawValue)),
            ("title", JSONValue(title)),
            ("state", JSONValue(state)),
            ("state_code", JSONValue(stateCode)),
            ("year", JSONValue(year)),
            ("date", JSONValue(date)),
            ("sections", .array(sections.map(\.json))),
            ("report_card", reportCard?.json ?? .null),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ])
    }
}

extension Section {
    /// The section as JSON, keys in contract order.
    public var json: JSONValue {
        .object([
            ("ordinal", .integer(ordinal)),
            ("heading", .string(heading)),
            ("citations", .array(citations.map(\.json))),
            ("provision", .bool(provision)),
            ("text", .string(text)),
        ])
    }
}

extension Citation {
    /// The citation as JSON, keys in contract order.
    public var json: JSONValue {
        .object([
            ("raw", .string(raw)),
            ("jurisdiction", .string(jurisdiction)),
            ("body", .string(body.rawValue)),
            ("code", .string(code)),
            ("title", JSONValue(title)),
            ("section", .string(section)),
            ("section_end", JSONValue(sectionEnd)),
            ("normalized", .string(normalized)),
        ])
    }
}

extension ReportCard {
    /// The report card as JSON, keys in contract order.
    public var json: JSONValue {
        .object([
            ("framework", .string(framework)),
            ("issues", .array(issues.map(\.json))),
            ("extra_credit", .array(extraCredit.map(\.json))),
            (
                "overall",
                .object([
                    ("score", JSONValue(overall.score)),
                    ("grade", JSONValue(overall.grade?.rawValue)),
                    ("grade_source", JSONValue(overall.gradeSource?.rawValue)),
                ])
            ),
            (
                "checks",
                .object([
                    ("total_matches_sum", .bool(checks.totalMatchesSum)),
                    ("grades_match_scores", .bool(checks.gradesMatchScores)),
                ])
            ),
        ])
    }
}

extension GradeRow {
    /// The issue row as JSON, keys in contract order.
    public var json: JSONValue {
        .object([
            ("number", .integer(number)),
            ("name", .string(name)),
            ("grade", JSONValue(grade?.rawValue)),
            ("grade_source", JSONValue(gradeSource?.rawValue)),
            ("score", JSONValue(score)),
            ("max_score", JSONValue(maxScore)),
            ("accomplished", JSONValue(accomplished)),
            ("gaps", JSONValue(gaps)),
        ])
    }
}

extension ExtraCredit {
    /// The extra-credit row as JSON, keys in contract order.
    public var json: JSONValue {
        .object([
            ("code", .string(code)),
            ("name", .string(name)),
            ("points", JSONValue(points)),
            ("description", JSONValue(description)),
        ])
    }
}
