import Foundation
import GRDB
import LexpipeDatasets
import LexpipeRecord
import Testing

@Suite("Datasets")
struct DatasetTests {
    static func goldRecords() throws -> [DocumentRecord] {
        try ["ms-2018-responding-to-child-victims-of-human-trafficking.json", "ms-2021-report-card.json"].map {
            try JSONDecoder().decode(DocumentRecord.self, from: Data(contentsOf: Package.gold($0)))
        }
    }

    /// Writes records and failures through the dataset writer into `folder/output`.
    static func publish(_ records: [DocumentRecord], failures: [DocumentFailure] = [], in folder: TemporaryFolder) throws -> String {
        let output = folder.path + "/output"
        let writer = try DatasetWriter(outputDirectory: output, formats: [.jsonl, .csv, .sqlite])
        for record in records { try writer.write(record) }
        for failure in failures { try writer.write(failure) }
        try writer.finish(manifest: nil)
        return output
    }

    @Test func everyRecordFieldReachesItsTableAndComesBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let records = try DatasetTests.goldRecords()
        let output = try DatasetTests.publish(records, failures: [DocumentFailure(source: "x.pdf", stage: .ingest, reason: "binary")], in: folder)
        #expect(try DatasetReader.database(output + "/lexpipe.sqlite") == records)
        #expect(try DatasetReader.records(at: output) == records)
        let database = try DatabaseQueue(path: output + "/lexpipe.sqlite")
        let fromCSV = try CSVTablesReader(directory: output).records()
        #expect(fromCSV == records)
        let errors = try database.read { db in try Row.fetchAll(db, sql: "SELECT source, stage, reason FROM errors") }
        #expect(errors.map { [$0[0] as String, $0[1], $0[2]] } == [["x.pdf", "ingest", "binary"]])
        let jsonl = try String(contentsOfFile: output + "/documents.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(try jsonl.map { try JSONDecoder().decode(DocumentRecord.self, from: Data($0.utf8)) } == records)
    }

    @Test func csvQuotesCommasQuotesAndNewlines() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var record = try DatasetTests.goldRecords()[0]
        record.title = "Title, with \"quotes\", commas"
        record.sections[0].text = "Line one, \"two\"\r\nline three\n\nlast"
        record.sections[0].heading = "Plain"
        let output = try DatasetTests.publish([record], in: folder)
        let text = try String(contentsOfFile: output + "/sections.csv", encoding: .utf8)
        #expect(text.hasPrefix("source,state_code,year,ordinal,heading,provision,citation_count,reference_count,text\r\n"))
        #expect(text.contains(",1,Plain,true,2,0,\"Line one, \"\"two\"\"\r\nline three\n\nlast\"\r\n"))
        let documents = try String(contentsOfFile: output + "/documents.csv", encoding: .utf8)
        #expect(documents.contains(",\"Title, with \"\"quotes\"\", commas\","))
        #expect(try CSVTablesReader(directory: output).records() == [record])
    }

    /// SQLite holds the record's texts whether or not CSV files are written beside it, both
    /// texts the CSV quotes and texts it holds as they are.
    @Test func sqliteTextsAreTheRecordsWithAndWithoutCSV() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var record = try DatasetTests.goldRecords()[0]
        record.title = "Title, with \"quotes\""
        record.state = "Plain state"
        record.sections[0].text = "Line one\n\nline two"
        for (index, formats) in ([[.sqlite], [.csv, .sqlite], [.jsonl, .csv, .sqlite]] as [Set<DatasetFormat>]).enumerated() {
            let output = folder.path + "/output-\(index)"
            let writer = try DatasetWriter(outputDirectory: output, formats: formats)
            try writer.write(record)
            try writer.finish(manifest: nil)
            #expect(try DatasetReader.database(output + "/lexpipe.sqlite") == [record])
        }
    }

    @Test func csvDoublesQuotesByteByByteAndKeepsOtherTextAsIs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var record = try DatasetTests.goldRecords()[0]
        record.title = "a \"\u{301}b\rc \u{2028} 👩‍👩‍👧 \\ \u{1}"
        record.state = "no quoting: \\ \u{1} \t é"
        let output = try DatasetTests.publish([record], in: folder)
        let documents = try Data(contentsOf: URL(fileURLWithPath: output + "/documents.csv"))
        let expected = ",\"a \"\"\u{301}b\rc \u{2028} 👩‍👩‍👧 \\ \u{1}\",no quoting: \\ \u{1} \t é,"
        #expect(documents.range(of: Data(expected.utf8)) != nil)
        #expect(try CSVTablesReader(directory: output).records() == [record])
    }

    @Test func sqliteSchemaHasTypesKeysIndexesAndVersion() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = try DatasetTests.publish(try DatasetTests.goldRecords(), in: folder)
        let database = try DatabaseQueue(path: output + "/lexpipe.sqlite")
        try database.read { db in
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try Int.fetchOne(db, sql: "SELECT version FROM schema_version") == 1)
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 1)
            let gradeColumns = try Row.fetchAll(db, sql: "PRAGMA table_info(grades)").map { "\($0["name"] as String) \($0["type"] as String)" }
            #expect(gradeColumns == [
                "source TEXT", "state_code TEXT", "year INTEGER", "issue_number INTEGER", "name TEXT", "grade TEXT",
                "grade_source TEXT", "score REAL", "max_score REAL", "accomplished TEXT", "gaps TEXT",
            ])
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(citations)").map { "\($0["from"] as String)->\($0["table"] as String).\($0["to"] as String)" }
            #expect(Set(keys) == ["source->sections.source", "section_ordinal->sections.ordinal"])
            for table in ["documents", "sections", "citations", "report_cards", "grades", "extra_credit"] {
                let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", arguments: [table])
                #expect(indexes.contains("\(table)_state_year"), "\(table) has no (state_code, year) index")
            }
            let rows = try Row.fetchAll(db, sql: "SELECT state_code, year, issue_number, grade, score FROM grades ORDER BY issue_number")
            #expect(rows.map { "\($0[0] as String)|\($0[1] as Int)|\($0[2] as Int)|\($0[3] as String)|\($0[4] as Double)" } == [
                "MS|2021|1|A|16.0", "MS|2021|2|F|14.0", "MS|2021|3|F|8.5", "MS|2021|4|F|8.5", "MS|2021|5|B|8.0", "MS|2021|6|F|6.0",
            ])
        }
        // A foreign key violation is refused, so the check above cannot pass vacuously.
        #expect(throws: DatabaseError.self) {
            try database.write { db in
                try db.execute(sql: "INSERT INTO grades (source, issue_number, name) VALUES ('nope', 1, 'x')")
            }
        }
    }

    @Test func everyTableAndColumnIsDocumented() throws {
        let documentation = try String(contentsOf: Package.root.appendingPathComponent("docs/datasets.md"), encoding: .utf8)
        for table in Tables.all {
            guard let start = documentation.range(of: "### `\(table.name)`") else {
                Issue.record("docs/datasets.md does not describe table \(table.name)")
                continue
            }
            let rest = documentation[start.upperBound...]
            let section = rest[..<(rest.range(of: "\n### ")?.lowerBound ?? rest.endIndex)]
            for column in table.columns {
                let type = column.type == .boolean ? "BOOLEAN" : column.type.rawValue
                #expect(section.contains("| `\(column.name)` | \(type)"), "\(table.name).\(column.name) is not documented with its type")
            }
        }
    }

    @Test func aFailedRunLeavesThePreviousOutputAndNoStaging() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let records = try DatasetTests.goldRecords()
        let output = try DatasetTests.publish(records, in: folder)
        let before = try CorpusFixture.snapshot(output)
        let writer = try DatasetWriter(outputDirectory: output, formats: [.jsonl, .csv, .sqlite])
        try writer.write(records[0])
        writer.discard()
        #expect(try CorpusFixture.snapshot(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["output"])
    }
}

/// Reads the CSV tables back (RFC 4180) and rebuilds records from them.
struct CSVTablesReader {
    let directory: String

    /// Rows of a table as column-name dictionaries; an empty field is `nil`.
    func table(_ name: String) throws -> [[String: String?]] {
        let text = try String(contentsOfFile: "\(directory)/\(name).csv", encoding: .utf8)
        let rows = CSVTablesReader.parse(text)
        let header = rows[0]
        return rows.dropFirst().map { fields in
            Dictionary(uniqueKeysWithValues: zip(header, fields.map { $0.isEmpty ? nil : $0 }))
        }
    }

    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r", characters.first == "\n" {
                characters.removeFirst()
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !row.isEmpty || !field.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    func records() throws -> [DocumentRecord] {
        let sections = try table("sections"), citations = try table("citations")
        let cards = try table("report_cards"), grades = try table("grades"), credits = try table("extra_credit")
        func double(_ value: String??) -> Double? { (value ?? nil).flatMap(Double.init) }
        return try table("documents").map { row in
            let source = row["source"]!!
            var record = DocumentRecord(
                source: source, sha256: row["sha256"]!!, format: DocumentFormat(rawValue: row["format"]!!)!,
                kind: DocumentKind(rawValue: row["kind"]!!)!, title: row["title"]!, state: row["state"]!,
                stateCode: row["state_code"]!, year: row["year"]!.flatMap { Int($0) }, date: row["date"]!,
                diagnostics: try JSONDecoder().decode([String].self, from: Data(row["warnings"]!!.utf8)).map(Diagnostic.init(rendered:))
            )
            for section in sections where section["source"]!! == source {
                let ordinal = section["ordinal"]!!
                record.sections.append(Section(
                    ordinal: Int(ordinal)!, heading: section["heading"]!!,
                    citations: citations.filter { $0["source"]!! == source && $0["section_ordinal"]!! == ordinal }.map {
                        Citation(
                            raw: $0["raw"]!!, jurisdiction: $0["jurisdiction"]!!, body: LawBody(rawValue: $0["body"]!!)!,
                            code: $0["code"]!!, title: $0["title"]!, section: $0["section"]!!, sectionEnd: $0["section_end"]!,
                            normalized: $0["normalized"]!!
                        )
                    },
                    provision: section["provision"]!! == "true", text: section["text"]!!
                ))
            }
            if let card = cards.first(where: { $0["source"]!! == source }) {
                record.reportCard = ReportCard(
                    framework: card["framework"]!!,
                    issues: grades.filter { $0["source"]!! == source }.map {
                        GradeRow(
                            number: Int($0["issue_number"]!!)!, name: $0["name"]!!, grade: $0["grade"]!.flatMap(Grade.init),
                            gradeSource: $0["grade_source"]!.flatMap(GradeSource.init), score: double($0["score"]),
                            maxScore: double($0["max_score"]), accomplished: $0["accomplished"]!, gaps: $0["gaps"]!
                        )
                    },
                    extraCredit: credits.filter { $0["source"]!! == source }.map {
                        ExtraCredit(code: $0["code"]!!, name: $0["name"]!!, points: double($0["points"]), description: $0["description"]!)
                    },
                    overall: OverallGrade(
                        score: double(card["overall_score"]), grade: card["overall_grade"]!.flatMap(Grade.init),
                        gradeSource: card["overall_grade_source"]!.flatMap(GradeSource.init)
                    ),
                    checks: ReportCardChecks(
                        totalMatchesSum: card["total_matches_sum"]!! == "true", gradesMatchScores: card["grades_match_scores"]!! == "true"
                    )
                )
            }
            return record
        }
    }
}
