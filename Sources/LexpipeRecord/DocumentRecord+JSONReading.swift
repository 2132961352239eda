extension DocumentRecord {
    /// Reads a record from its JSON (a `documents.jsonl` line, line feed or not) with the
    /// meaning `JSONDecoder` gives it: members in any order, unknown members ignored, a missing
    /// or `null` optional member `nil`. Several times faster than `JSONDecoder`, which matters
    /// where whole datasets are read back: a run reusing the previous run's records, `diff`.
    public init(json: UnsafeBufferPointer<UInt8>) throws(JSONReadError) {
        self = try JSONReader.read(json) { reader throws(JSONReadError) in try DocumentRecord(reading: &reader) }
    }

    /// Reads a record from its JSON, as `init(json:)` of a buffer does.
    public init(json: [UInt8]) throws(JSONReadError) {
        self = try json.withUnsafeBufferPointer { bytes throws(JSONReadError) in try DocumentRecord(json: bytes) }
    }

    init(reading reader: inout JSONReader) throws(JSONReadError) {
        var source: String?
        var sha256: String?
        var format: DocumentFormat?
        var kind: DocumentKind?
        var title: String?
        var state: String?
        var stateCode: String?
        var year: Int?
        var date: String?
        var sections: [Section]?
        var reportCard: ReportCard?
        var warnings: [String]?
        try reader.object { reader, key throws(JSONReadError) in
            switch key {
            case "source": source = try reader.string()
            case "sha256": sha256 = try reader.string()
            case "format": format = try reader.value(DocumentFormat.self)
            case "kind": kind = try reader.value(DocumentKind.self)
            case "title": title = try reader.optionalString()
            case "state": state = try reader.optionalString()
            case "state_code": stateCode = try reader.optionalString()
            case "year": year = try reader.optionalInteger()
            case "date": date = try reader.optionalString()
            case "sections":
                var list: [Section] = []
                try reader.array { reader throws(JSONReadError) in list.append(try Section(reading: &reader)) }
                sections = list
            case "report_card": reportCard = reader.null() ? nil : try ReportCard(reading: &reader)
            case "warnings": warnings = try reader.strings()
            default: try reader.skipValue()
            }
        }
        guard let source, let sha256, let format, let kind, let sections, let warnings else {
            throw reader.error("a record needs source, sha256, format, kind, sections and warnings")
        }
        self.init(
            source: source, sha256: sha256, format: format, kind: kind, title: title, state: state,
            stateCode: stateCode, year: year, date: date, sections: sections, reportCard: reportCard,
            diagnostics: warnings.map(Diagnostic.init(rendered:))
        )
    }
}

extension Section {
    init(reading reader: inout JSONReader) throws(JSONReadError) {
        var ordinal: Int?
        // `.some(nil)`: the key holds `null`.
        var heading: String??
        var citations: [Citation]?
        var references: [Citation]?
        var provision: Bool?
        var text: String?
        func citationList(_ reader: inout JSONReader) throws(JSONReadError) -> [Citation] {
            var list: [Citation] = []
            try reader.array { reader throws(JSONReadError) in list.append(try Citation(reading: &reader)) }
            return list
        }
        try reader.object { reader, key throws(JSONReadError) in
            switch key {
            case "ordinal": ordinal = try reader.integer()
            case "heading": heading = .some(try reader.optionalString())
            case "citations": citations = try citationList(&reader)
            case "references": references = try citationList(&reader)
            case "provision": provision = try reader.bool()
            case "text": text = try reader.string()
            default: try reader.skipValue()
            }
        }
        guard let ordinal, let heading, let citations, let references, let provision, let text else {
            throw reader.error("a section needs ordinal, heading, citations, references, provision and text")
        }
        self.init(
            ordinal: ordinal, heading: heading, citations: citations, references: references, provision: provision,
            text: text
        )
    }
}

extension Citation {
    init(reading reader: inout JSONReader) throws(JSONReadError) {
        var raw: String?
        // `.some(nil)`: the key holds `null`.
        var jurisdiction: String??
        var body: LawBody?
        var code: String?
        var title: String?
        var section: String?
        var sectionEnd: String?
        var normalized: String?
        try reader.object { reader, key throws(JSONReadError) in
            switch key {
            case "raw": raw = try reader.string()
            case "jurisdiction": jurisdiction = .some(try reader.optionalString())
            case "body": body = try reader.value(LawBody.self)
            case "code": code = try reader.string()
            case "title": title = try reader.optionalString()
            case "section": section = try reader.string()
            case "section_end": sectionEnd = try reader.optionalString()
            case "normalized": normalized = try reader.string()
            default: try reader.skipValue()
            }
        }
        guard let raw, let jurisdiction, let body, let code, let section, let normalized else {
            throw reader.error("a citation needs raw, jurisdiction, body, code, section and normalized")
        }
        self.init(
            raw: raw, jurisdiction: jurisdiction, body: body, code: code, title: title, section: section,
            sectionEnd: sectionEnd, normalized: normalized
        )
    }
}

extension ReportCard {
    init(reading reader: inout JSONReader) throws(JSONReadError) {
        var framework: String?
        var issues: [GradeRow]?
        var extraCredit: [ExtraCredit]?
        var overall: OverallGrade?
        var checks: ReportCardChecks?
        try reader.object { reader, key throws(JSONReadError) in
            switch key {
            case "framework": framework = try reader.string()
            case "issues":
                var list: [GradeRow] = []
                try reader.array { reader throws(JSONReadError) in list.append(try GradeRow(reading: &reader)) }
                issues = list
            case "extra_credit":
                var list: [ExtraCredit] = []
                try reader.array { reader throws(JSONReadError) in list.append(try ExtraCredit(reading: &reader)) }
                extraCredit = list
            case "overall": overall = try OverallGrade(reading: &reader)
            case "checks": checks = try ReportCardChecks(reading: &reader)
            default: try reader.skipValue()
            }
        }
        guard let framework, let issues, let extraCredit, let overall, let checks else {
            throw reader.error("a report card needs framework, issues, extra_credit, overall and checks")
        }
        self.init(framework: framework, issues: issues, extraCredit: extraCredit, overall: overall, checks: checks)
    }
}

extension GradeRow {
    init(reading reader: inout JSONReader) throws(JSONReadError) {
        var number: Int?
        var name: String?
        var grade: Grade?
        var gradeSource: GradeSource?
        var score: Double?
        var maxScore: Double?
        var accomplished: String?
        var gaps: String?
        try reader.object { reader, key throws(JSONReadError) in
            switch key {
            case "number": number = try reader.integer()
            case "name": name = try reader.string()
            case "grade": grade = try reader.optionalValue(Grade.self)
            case "grade_source": gradeSource = try reader.optionalValue(GradeSource.self)
            case "score": score = try reader.optionalNumber()
            case "max_score": maxScore = try reader.optionalNumber()
            case "accomplished": accomplished = try reader.optionalString()
            case "gaps": gaps = try reader.optionalString()
            default: try reader.skipValue()
            }
        }
        guard let number, let name else { throw reader.error("an issue row needs number and name") }
        self.init(
            number: number, name: name, grade: grade, gradeSource: gradeSource, score: score, maxScore: maxScore,
            accomplished: accomplished, gaps: gaps
        )
    }
}

extension ExtraCredit {
    init(reading reader: inout JSONReader) throws(JSONReadError) {
        var code: String?
        var name: String?
        var points: Double?
        var description: String?
        try reader.object { reader, key throws(JSONReadError) in
            switch key {
            case "code": code = try reader.string()
            case "name": name = try reader.string()
            case "points": points = try reader.optionalNumber()
            case "description": description = try reader.optionalString()
            default: try reader.skipValue()
            }
        }
        guard let code, let name else { throw reader.error("an extra-credit row needs code and name") }
        self.init(code: code, name: name, points: points, description: description)
    }
}

extension OverallGrade {
    init(reading reader: inout JSONReader) throws(JSONReadError) {
        var score: Double?
        var grade: Grade?
        var gradeSource: GradeSource?
        try reader.object { reader, key throws(JSONReadError) in
            switch key {
            case "score": score = try reader.optionalNumber()
            case "grade": grade = try reader.optionalValue(Grade.self)
            case "grade_source": gradeSource = try reader.optionalValue(GradeSource.self)
            default: try reader.skipValue()
            }
        }
        self.init(score: score, grade: grade, gradeSource: gradeSource)
    }
}

extension ReportCardChecks {
    init(reading reader: inout JSONReader) throws(JSONReadError) {
        // `.some(nil)`: the key holds `null`, a check that could not run.
        var totalMatchesSum: Bool??
        var gradesMatchScores: Bool??
        try reader.object { reader, key throws(JSONReadError) in
            switch key {
            case "total_matches_sum": totalMatchesSum = .some(try reader.optionalBool())
            case "grades_match_scores": gradesMatchScores = .some(try reader.optionalBool())
            default: try reader.skipValue()
            }
        }
        guard let totalMatchesSum, let gradesMatchScores else {
            throw reader.error("report card checks need total_matches_sum and grades_match_scores")
        }
        self.init(totalMatchesSum: totalMatchesSum, gradesMatchScores: gradesMatchScores)
    }
}
