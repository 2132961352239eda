import Foundation
import GRDB
public import LexpipeRecord

/// Why published datasets could not be read back.
public enum DatasetReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither a dataset folder (with `documents.jsonl` or `lexpipe.sqlite`) nor a SQLite file.
    case notADataset(String)
    /// A file of the dataset is malformed.
    case malformed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notADataset(path): "\(path) is neither an output folder of lexpipe nor a lexpipe.sqlite file"
        case let .malformed(path, reason): "\(path): \(reason)"
        }
    }
}

/// Reads records back from published datasets: an output folder's `documents.jsonl`, or the
/// tables of a `lexpipe.sqlite` file (a folder without JSONL falls back to its database).
public enum DatasetReader {
    /// Every record of the dataset at `path`, in `source` order.
    public static func records(at path: String) throws(DatasetReadError) -> [DocumentRecord] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notADataset(path) }
        if isDirectory.boolValue {
            let jsonl = path + "/documents.jsonl"
            if FileManager.default.fileExists(atPath: jsonl) { return try jsonLines(jsonl) }
            let sqlite = path + "/lexpipe.sqlite"
            if FileManager.default.fileExists(atPath: sqlite) { return try database(sqlite) }
            throw .notADataset(path)
        }
        return try database(path)
    }

    /// Records from a JSON Lines file of records.
    public static func jsonLines(_ path: String) throws(DatasetReadError) -> [DocumentRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .malformed(path: path, reason: "unreadable") }
        return try [UInt8](data).withUnsafeBufferPointer { bytes throws(DatasetReadError) in
            var records: [DocumentRecord] = []
            var lineNumber = 0
            var start = 0
            while start < bytes.count {
                let end = bytes.offset(of: UInt8(ascii: "\n"), from: start, to: bytes.count)
                lineNumber += 1
                defer { start = end + 1 }
                guard end > start else { continue }
                do {
                    records.append(try DocumentRecord(json: UnsafeBufferPointer(rebasing: bytes[start..<end])))
                } catch {
                    throw .malformed(path: path, reason: "line \(lineNumber) is not a record: \(error)")
                }
            }
            return records
        }
    }

    /// Records rebuilt from the tables of a lexpipe SQLite database.
    public static func database(_ path: String) throws(DatasetReadError) -> [DocumentRecord] {
        do {
            var configuration = GRDB.Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                guard try db.tableExists("documents") else { throw DatasetReadError.notADataset(path) }
                let sources = try String.fetchAll(db, sql: "SELECT source FROM documents ORDER BY source")
                return try sources.map { try record(source: $0, from: db) }
            }
        } catch let error as DatasetReadError {
            throw error
        } catch {
            throw .malformed(path: path, reason: String(describing: error))
        }
    }

    private static func record(source: String, from db: Database) throws -> DocumentRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE source = ?", arguments: [source]),
            let format = DocumentFormat(rawValue: row["format"]), let kind = DocumentKind(rawValue: row["kind"])
        else { throw DatasetReadError.malformed(path: source, reason: "bad documents row") }
        var record = DocumentRecord(
            source: row["source"], sha256: row["sha256"], format: format, kind: kind, title: row["title"],
            state: row["state"], stateCode: row["state_code"], year: row["year"], date: row["date"],
            diagnostics: try Array((row["warnings"] as String).utf8).withUnsafeBufferPointer { json throws(JSONReadError) in
                try JSONReader.read(json) { reader throws(JSONReadError) in try reader.strings() }
            }.map(Diagnostic.init(rendered:))
        )
        func rows(of table: TableSchema) throws -> [Row] {
            try Row.fetchAll(
                db, sql: "SELECT * FROM \(table.name) WHERE source = ? ORDER BY section_ordinal, ordinal", arguments: [source]
            )
        }
        func citations(_ rows: [Row], section ordinal: Int) -> [Citation] {
            rows.filter { ($0["section_ordinal"] as Int) == ordinal }.map { citation in
                Citation(
                    raw: citation["raw"], jurisdiction: citation["jurisdiction"],
                    body: LawBody(rawValue: citation["body"]) ?? .statute, code: citation["code"], title: citation["title"],
                    section: citation["section"], sectionEnd: citation["section_end"], normalized: citation["normalized"]
                )
            }
        }
        let citationRows = try rows(of: Tables.citations)
        let referenceRows = try db.tableExists(Tables.references.name) ? try rows(of: Tables.references) : []
        for section in try Row.fetchAll(db, sql: "SELECT * FROM sections WHERE source = ? ORDER BY ordinal", arguments: [source]) {
            let ordinal: Int = section["ordinal"]
            record.sections.append(Section(
                ordinal: ordinal, heading: section["heading"], citations: citations(citationRows, section: ordinal),
                references: citations(referenceRows, section: ordinal), provision: section["provision"],
                text: section["text"]
            ))
        }
        if let card = try Row.fetchOne(db, sql: "SELECT * FROM report_cards WHERE source = ?", arguments: [source]) {
            let issues = try Row.fetchAll(db, sql: "SELECT * FROM grades WHERE source = ? ORDER BY issue_number", arguments: [source]).map { row in
                GradeRow(
                    number: row["issue_number"], name: row["name"], grade: (row["grade"] as String?).flatMap(Grade.init),
                    gradeSource: (row["grade_source"] as String?).flatMap(GradeSource.init), score: row["score"],
                    maxScore: row["max_score"], accomplished: row["accomplished"], gaps: row["gaps"]
                )
            }
            let credits = try Row.fetchAll(db, sql: "SELECT * FROM extra_credit WHERE source = ? ORDER BY ordinal", arguments: [source]).map { row in
                ExtraCredit(code: row["code"], name: row["name"], points: row["points"], description: row["description"])
            }
            record.reportCard = ReportCard(
                framework: card["framework"], issues: issues, extraCredit: credits,
                overall: OverallGrade(
                    score: card["overall_score"], grade: (card["overall_grade"] as String?).flatMap(Grade.init),
                    gradeSource: (card["overall_grade_source"] as String?).flatMap(GradeSource.init)
                ),
                checks: ReportCardChecks(totalMatchesSum: card["total_matches_sum"], gradesMatchScores: card["grades_match_scores"])
            )
        }
        return record
    }
}
