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
            ("heading", JSONValue(heading)),
            ("citations", .array(citations.map(\.json))),
            ("references", .array(references.map(\.json))),
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
            ("jurisdiction", JSONValue(jurisdiction)),
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
                    ("total_matches_sum", JSONValue(checks.totalMatchesSum)),
                    ("grades_match_scores", JSONValue(checks.gradesMatchScores)),
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

// Direct encoders for `documents.jsonl` and `errors.jsonl`: the bytes of `json.compact()`
// without the intermediate tree. Keys and their order must stay those of `json` above.

extension DocumentRecord {
    /// Writes the record as `json.compact()` spells it.
    public func write(to json: inout JSONWriter) {
        write(to: &json, warnings: warnings)
    }

    /// Writes the record as `json.compact()` spells it, with its `warnings` already rendered
    /// (they are `diagnostics.map(\.text)`), for a caller that renders them once for every
    /// dataset.
    public func write(to json: inout JSONWriter, warnings: [String]) {
        json.beginObject()
        json.key(literal: "source"); json.string(source)
        json.key(literal: "sha256"); json.string(sha256)
        json.key(literal: "format"); json.string(format.rawValue)
        json.key(literal: "kind"); json.string(kind.rawValue)
        json.key(literal: "title"); json.string(title)
        json.key(literal: "state"); json.string(state)
        json.key(literal: "state_code"); json.string(stateCode)
        json.key(literal: "year"); json.integer(year)
        json.key(literal: "date"); json.string(date)
        json.key(literal: "sections")
        json.beginArray()
        for section in sections { section.write(to: &json) }
        json.endArray()
        json.key(literal: "report_card")
        if let reportCard { reportCard.write(to: &json) } else { json.null() }
        json.key(literal: "warnings"); json.strings(warnings)
        json.endObject()
    }
}

extension Section {
    /// Writes the section as `json.compact()` spells it.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key(literal: "ordinal"); json.integer(ordinal)
        json.key(literal: "heading"); json.string(heading)
        json.key(literal: "citations")
        json.beginArray()
        for citation in citations { citation.write(to: &json) }
        json.endArray()
        json.key(literal: "references")
        json.beginArray()
        for reference in references { reference.write(to: &json) }
        json.endArray()
        json.key(literal: "provision"); json.bool(provision)
        json.key(literal: "text"); json.string(text)
        json.endObject()
    }
}

extension Citation {
    /// Writes the citation as `json.compact()` spells it.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key(literal: "raw"); json.string(raw)
        json.key(literal: "jurisdiction"); json.string(jurisdiction)
        json.key(literal: "body"); json.string(body.rawValue)
        json.key(literal: "code"); json.string(code)
        json.key(literal: "title"); json.string(title)
        json.key(literal: "section"); json.string(section)
        json.key(literal: "section_end"); json.string(sectionEnd)
        json.key(literal: "normalized"); json.string(normalized)
        json.endObject()
    }
}

extension ReportCard {
    /// Writes the report card as `json.compact()` spells it.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key(literal: "framework"); json.string(framework)
        json.key(literal: "issues")
        json.beginArray()
        for issue in issues { issue.write(to: &json) }
        json.endArray()
        json.key(literal: "extra_credit")
        json.beginArray()
        for credit in extraCredit { credit.write(to: &json) }
        json.endArray()
        json.key(literal: "overall")
        json.beginObject()
        json.key(literal: "score"); json.number(overall.score)
        json.key(literal: "grade"); json.string(overall.grade?.rawValue)
        json.key(literal: "grade_source"); json.string(overall.gradeSource?.rawValue)
        json.endObject()
        json.key(literal: "checks")
        json.beginObject()
        json.key(literal: "total_matches_sum"); json.bool(checks.totalMatchesSum)
        json.key(literal: "grades_match_scores"); json.bool(checks.gradesMatchScores)
        json.endObject()
        json.endObject()
    }
}

extension GradeRow {
    /// Writes the issue row as `json.compact()` spells it.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key(literal: "number"); json.integer(number)
        json.key(literal: "name"); json.string(name)
        json.key(literal: "grade"); json.string(grade?.rawValue)
        json.key(literal: "grade_source"); json.string(gradeSource?.rawValue)
        json.key(literal: "score"); json.number(score)
        json.key(literal: "max_score"); json.number(maxScore)
        json.key(literal: "accomplished"); json.string(accomplished)
        json.key(literal: "gaps"); json.string(gaps)
        json.endObject()
    }
}

extension ExtraCredit {
    /// Writes the extra-credit row as `json.compact()` spells it.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key(literal: "code"); json.string(code)
        json.key(literal: "name"); json.string(name)
        json.key(literal: "points"); json.number(points)
        json.key(literal: "description"); json.string(description)
        json.endObject()
    }
}
