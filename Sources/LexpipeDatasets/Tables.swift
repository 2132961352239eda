import LexpipeRecord

/// A column's type, as SQLite declares it and CSV readers should parse it.
public enum ColumnType: String, Sendable {
    case text = "TEXT"
    case integer = "INTEGER"
    case real = "REAL"
    /// `INTEGER` 0 or 1 in SQLite, `true` or `false` in CSV.
    case boolean = "BOOLEAN"
}

/// One column of a table.
public struct Column: Sendable {
    public var name: String
    public var type: ColumnType
    public var nullable: Bool
    /// What the column means, for `docs/datasets.md` and the schema's comments.
    public var meaning: String
}

/// A flat table projected from the records: its columns, keys and indexes.
public struct TableSchema: Sendable {
    public var name: String
    public var columns: [Column]
    public var primaryKey: [String]
    /// (columns, referenced table, referenced columns).
    public var foreignKeys: [(columns: [String], table: String, references: [String])]
    /// Whether the table carries `state_code` and `year` and is indexed on them.
    public var hasStateYear: Bool
}

/// The tables lexpipe writes, in the order they are created (parents before children).
public enum Tables {
    public static let schemaVersion = 1

    private static func column(_ name: String, _ type: ColumnType, _ nullable: Bool, _ meaning: String) -> Column {
        Column(name: name, type: type, nullable: nullable, meaning: meaning)
    }

    private static let keyColumns = [
        column("source", .text, false, "the document's path relative to the corpus root (its key)"),
        column("state_code", .text, true, "USPS code of the document's state"),
        column("year", .integer, true, "year the document speaks for"),
    ]

    public static let documents = TableSchema(
        name: "documents",
        columns: [
            column("source", .text, false, "path relative to the corpus root; the key of every table"),
            column("sha256", .text, false, "hex SHA-256 of the input bytes"),
            column("format", .text, false, "text, html, markdown or pdf"),
            column("kind", .text, false, "statute_summary, report_card or unknown"),
            column("title", .text, true, "title without state and year"),
            column("state", .text, true, "full name of the state, DC or territory"),
            column("state_code", .text, true, "USPS code"),
            column("year", .integer, true, "year the document speaks for"),
            column("date", .text, true, "YYYY, YYYY-MM or YYYY-MM-DD"),
            column("section_count", .integer, false, "number of sections (statute summaries)"),
            column("citation_count", .integer, false, "number of citations over all sections"),
            column("reference_count", .integer, false, "number of laws named in the sections' prose"),
            column("warnings", .text, false, "what the extractor repaired or could not resolve, as a JSON array of strings"),
        ],
        primaryKey: ["source"], foreignKeys: [], hasStateYear: true
    )

    public static let sections = TableSchema(
        name: "sections",
        columns: keyColumns + [
            column("ordinal", .integer, false, "1-based position in the document"),
            column("heading", .text, true, "section heading as written; null when the body has no section headings"),
            column("provision", .boolean, false, "false when the section cites nothing and says nothing is described"),
            column("citation_count", .integer, false, "citations of the section's Citation: lines"),
            column("reference_count", .integer, false, "laws named in the section's prose"),
            column("text", .text, false, "section prose, paragraphs separated by a blank line"),
        ],
        primaryKey: ["source", "ordinal"], foreignKeys: [(["source"], "documents", ["source"])], hasStateYear: true
    )

    public static let citations = citationTable(
        name: "citations", ordinalMeaning: "1-based position within the section's Citation: lines"
    )

    /// The laws named in sections' prose, apart from their `Citation:` lines. Not `references`:
    /// that is an SQL keyword, which every query would have to quote.
    public static let references = citationTable(
        name: "law_references", ordinalMeaning: "1-based position within the section's prose"
    )

    private static func citationTable(name: String, ordinalMeaning: String) -> TableSchema {
        TableSchema(
        name: name,
        columns: keyColumns + [
            column("section_ordinal", .integer, false, "ordinal of the citing section"),
            column("ordinal", .integer, false, ordinalMeaning),
            column("raw", .text, false, "citation as written"),
            column("jurisdiction", .text, true, "USPS code, US for federal law, null when no state is known"),
            column("body", .text, false, "statute, regulation, constitution, session_law, court_rule or policy"),
            column("code", .text, false, "Bluebook code abbreviation with state prefix"),
            column("title", .text, true, "title, chapter or article number for codes cited by division"),
            column("section", .text, false, "section as written; a range's first section"),
            column("section_end", .text, true, "a range's last section"),
            column("normalized", .text, false, "the normal form to join and diff on"),
        ],
        primaryKey: ["source", "section_ordinal", "ordinal"],
        foreignKeys: [(["source", "section_ordinal"], "sections", ["source", "ordinal"])], hasStateYear: true
        )
    }

    public static let reportCards = TableSchema(
        name: "report_cards",
        columns: [
            column("source", .text, false, "the document's key"),
            column("state", .text, true, "full name of the state"),
            column("state_code", .text, true, "USPS code"),
            column("year", .integer, true, "report card year"),
            column("framework", .text, false, "grading framework's name"),
            column("overall_score", .real, true, "overall score"),
            column("overall_grade", .text, true, "overall letter grade"),
            column("overall_grade_source", .text, true, "stated or derived"),
            column("total_matches_sum", .boolean, true, "overall score equals issue scores plus extra credit; null when not every score is known"),
            column("grades_match_scores", .boolean, true, "every stated grade is the grade its score earns; null when no grade could be checked (no grading scale)"),
        ],
        primaryKey: ["source"], foreignKeys: [(["source"], "documents", ["source"])], hasStateYear: true
    )

    public static let grades = TableSchema(
        name: "grades",
        columns: keyColumns + [
            column("issue_number", .integer, false, "1-based issue number"),
            column("name", .text, false, "issue name"),
            column("grade", .text, true, "letter grade A-F, stated or derived"),
            column("grade_source", .text, true, "stated or derived"),
            column("score", .real, true, "points earned"),
            column("max_score", .real, true, "points possible"),
            column("accomplished", .text, true, "policy goals accomplished"),
            column("gaps", .text, true, "gaps that remain"),
        ],
        primaryKey: ["source", "issue_number"], foreignKeys: [(["source"], "report_cards", ["source"])],
        hasStateYear: true
    )

    public static let extraCredit = TableSchema(
        name: "extra_credit",
        columns: keyColumns + [
            column("ordinal", .integer, false, "1-based position on the card"),
            column("code", .text, false, "short label (18+, CLT)"),
            column("name", .text, false, "label's long form"),
            column("points", .real, true, "points earned"),
            column("description", .text, true, "the row's text"),
        ],
        primaryKey: ["source", "ordinal"], foreignKeys: [(["source"], "report_cards", ["source"])], hasStateYear: true
    )

    public static let warnings = TableSchema(
        name: "warnings",
        columns: keyColumns + [
            column("ordinal", .integer, false, "1-based position among the document's warnings"),
            column("code", .text, false, "stable code of the warning (docs/errors.md lists them)"),
            column("stage", .text, false, "ingest, markup, extraction or normalization"),
            column("location", .text, true, "where in the document: section 2, section 2, citation 1 \"...\", issue 3, overall; null for the whole document"),
            column("message", .text, false, "what was noticed, without the location"),
        ],
        primaryKey: ["source", "ordinal"], foreignKeys: [(["source"], "documents", ["source"])], hasStateYear: true
    )

    public static let errors = TableSchema(
        name: "errors",
        columns: [
            column("source", .text, false, "path of the refused input relative to the corpus root"),
            column("stage", .text, false, "ingest, markup, classification, extraction, normalization or datasets"),
            column("reason", .text, false, "why it was refused"),
        ],
        primaryKey: ["source"], foreignKeys: [], hasStateYear: false
    )

    /// A table by its position in `all`.
    enum ID: Int, Sendable {
        case documents, sections, citations, references, reportCards, grades, extraCredit, warnings, errors
    }

    /// Every table, parents first, in the order of `ID`.
    public static let all = [documents, sections, citations, references, reportCards, grades, extraCredit, warnings, errors]

    /// How many rows a record contributes, over every table.
    static func rowCount(of record: DocumentRecord) -> Int {
        var count = 1 + record.diagnostics.count + record.sections.count
        for section in record.sections { count += section.citations.count + section.references.count }
        if let card = record.reportCard { count += 1 + card.issues.count + card.extraCredit.count }
        return count
    }

    /// How many cells a record's rows hold, over every table.
    static func cellCount(of record: DocumentRecord) -> Int {
        var count = documents.columns.count + record.diagnostics.count * warnings.columns.count
            + record.sections.count * sections.columns.count
        for section in record.sections { count += (section.citations.count + section.references.count) * citations.columns.count }
        if let card = record.reportCard {
            count += reportCards.columns.count + card.issues.count * grades.columns.count
                + card.extraCredit.count * extraCredit.columns.count
        }
        return count
    }

    /// Encodes the rows one record contributes, table by table, each cell in its table's
    /// column order; `rendered` are the record's `warnings`, rendered once by the caller.
    static func encode(_ record: DocumentRecord, warnings rendered: [String], into rows: inout RowEncoder) {
        func key() {
            rows.key(source: record.source, stateCode: record.stateCode, year: record.year)
        }
        rows.text(record.source)
        rows.text(record.sha256)
        rows.text(record.format.rawValue)
        rows.text(record.kind.rawValue)
        rows.text(record.title)
        rows.text(record.state)
        rows.text(record.stateCode)
        rows.integer(record.year)
        rows.text(record.date)
        rows.integer(record.sections.count)
        rows.integer(record.sections.reduce(0) { $0 + $1.citations.count })
        rows.integer(record.sections.reduce(0) { $0 + $1.references.count })
        var warnings = JSONWriter()
        warnings.strings(rendered)
        warnings.bytes.withUnsafeBufferPointer { rows.text(utf8: $0) }
        rows.endRow(.documents)
        for (index, diagnostic) in record.diagnostics.enumerated() {
            key()
            rows.integer(index + 1)
            rows.text(diagnostic.code.rawValue)
            rows.text(diagnostic.stage.rawValue)
            let location = diagnostic.location.text
            rows.text(location.isEmpty ? nil : location)
            rows.text(diagnostic.message)
            rows.endRow(.warnings)
        }
        for section in record.sections {
            key()
            rows.integer(section.ordinal)
            rows.text(section.heading)
            rows.boolean(section.provision)
            rows.integer(section.citations.count)
            rows.integer(section.references.count)
            rows.text(section.text)
            rows.endRow(.sections)
            for table in [ID.citations, .references] {
                let citations = table == .citations ? section.citations : section.references
                // By index: each citation is read where it stands rather than copied out first.
                for index in citations.indices {
                    key()
                    rows.integer(section.ordinal)
                    rows.integer(index + 1)
                    rows.text(citations[index].raw)
                    rows.text(citations[index].jurisdiction)
                    rows.text(citations[index].body.rawValue)
                    rows.text(citations[index].code)
                    rows.text(citations[index].title)
                    rows.text(citations[index].section)
                    rows.text(citations[index].sectionEnd)
                    rows.text(citations[index].normalized)
                    rows.endRow(table)
                }
            }
        }
        guard let card = record.reportCard else { return }
        rows.text(record.source)
        rows.text(record.state)
        rows.text(record.stateCode)
        rows.integer(record.year)
        rows.text(card.framework)
        rows.real(card.overall.score)
        rows.text(card.overall.grade?.rawValue)
        rows.text(card.overall.gradeSource?.rawValue)
        rows.boolean(card.checks.totalMatchesSum)
        rows.boolean(card.checks.gradesMatchScores)
        rows.endRow(.reportCards)
        for issue in card.issues {
            key()
            rows.integer(issue.number)
            rows.text(issue.name)
            rows.text(issue.grade?.rawValue)
            rows.text(issue.gradeSource?.rawValue)
            rows.real(issue.score)
            rows.real(issue.maxScore)
            rows.text(issue.accomplished)
            rows.text(issue.gaps)
            rows.endRow(.grades)
        }
        for (index, credit) in card.extraCredit.enumerated() {
            key()
            rows.integer(index + 1)
            rows.text(credit.code)
            rows.text(credit.name)
            rows.real(credit.points)
            rows.text(credit.description)
            rows.endRow(.extraCredit)
        }
    }

    /// Encodes a refused document's `errors` row.
    static func encode(_ failure: DocumentFailure, into rows: inout RowEncoder) {
        rows.text(failure.source)
        rows.text(failure.stage.rawValue)
        rows.text(failure.reason)
        rows.endRow(.errors)
    }
}
