import CSystemShims
import Foundation
import GRDB
import LexpipeRecord

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Where table rows go as records arrive: CSV files or a SQLite database.
protocol TableSink: AnyObject {
    /// Adds one document's rows, in order.
    func insert(_ rows: EncodedRows) throws(DatasetError)
    /// Completes the output; nothing is readable as complete before this returns.
    func close() throws(DatasetError)
    /// Gives the output up after a failure; the files are removed with the staging folder.
    func abandon()
}

/// One RFC 4180 CSV file per table: UTF-8, a header row, CRLF line ends, fields quoted when
/// they hold a comma, a quote or a line break; `NULL` is an empty field.
final class CSVSink: TableSink {
    /// In the order of `Tables.all`.
    private var files: [BufferedFile] = []

    init(directory: StagedDirectory) throws(DatasetError) {
        for table in Tables.all {
            let file = try BufferedFile(path: directory.path(table.name + ".csv"))
            try file.write { out in
                for (index, column) in table.columns.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    CSVSink.field(column.name, into: &out)
                }
                out.append(ascii: "\r\n")
            }
            files.append(file)
        }
    }

    func insert(_ rows: EncodedRows) throws(DatasetError) {
        var start = 0
        for row in rows.rows {
            try files[row.table].write { $0.append(contentsOf: rows.csv[start..<row.csvEnd]) }
            start = row.csvEnd
        }
    }

    func close() throws(DatasetError) {
        for file in files { try file.close() }
    }

    func abandon() {
        files.removeAll()
    }

    private static let quoted = SpecialBytes([UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D])

    /// Appends the text as one field, quoted if it holds a comma, a quote or a line break.
    /// Quotes are doubled byte by byte: a quote followed by a combining mark is one
    /// `Character`, which a character-level replacement would miss.
    static func field(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { field($0, into: &out) }
    }

    /// Appends UTF-8 text as one field, as `field(_:into:)` does.
    static func field(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        guard CSVSink.quoted.first(in: utf8, from: 0) < utf8.count else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(quote)
        var runStart = 0
        while true {
            let index = utf8.offset(of: quote, from: runStart, to: utf8.count)
            guard index < utf8.count else { break }
            // The run up to and including the quote, then the quote again.
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...index]))
            out.append(quote)
            runStart = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        out.append(quote)
    }
}

/// `lexpipe.sqlite`: typed columns, primary and foreign keys, `(state_code, year)` indexes and
/// a `schema_version` table, all written in one transaction.
final class SQLiteSink: TableSink {
    private let path: String
    private let queue: DatabaseQueue
    /// The `INSERT`s of each table, in the order of `Tables.all`: at `level` the one of
    /// `1 << level` rows, prepared when first used.
    private var statements: [[Statement?]] = Tables.all.map { _ in Array(repeating: nil, count: SQLiteSink.levels) }
    /// Statements take up to `1 << (levels - 1)` rows.
    private static let levels = 7
    /// The cells of a document's rows of one table, as `insert` gathers them.
    private var pending: [Range<Int>] = []
    private var inserts = 0
    /// The database file, opened again only to start its writeback during the load.
    private var writebackDescriptor: Int32 = -1

    init(path: String) throws(DatasetError) {
        self.path = path
        var configuration = Configuration()
        // The run's one transaction spans many writer calls, opened in init, committed in close.
        configuration.allowsUnsafeTransactions = true
        // Rows are written parents first by construction; checking every child row's key
        // against its parent would cost a lookup per row. The keys are declared for readers,
        // and `PRAGMA foreign_key_check` finds none broken.
        configuration.foreignKeysEnabled = false
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                // The database is new and lives in the staging folder, which a failed run
                // deletes: nothing ever needs rolling back, so no journal is kept and nothing is
                // synced page by page. `close` syncs the finished file once.
                // Section texts run to tens of kilobytes: in the default 4 KiB pages each spills
                // over a chain of overflow pages, every one a separate page for SQLite to allocate
                // and write. Larger pages cost memory: the index builds at the end sort in buffers
                // of 250 pages (16 KiB pages: 4 MiB; 64 KiB pages took peak RSS up by 30 MB).
                try db.execute(sql: "PRAGMA page_size = 16384")
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
                try db.beginTransaction()
                try db.execute(sql: "CREATE TABLE schema_version (version INTEGER NOT NULL)")
                try db.execute(sql: "INSERT INTO schema_version (version) VALUES (?)", arguments: [Tables.schemaVersion])
                try db.execute(sql: "PRAGMA user_version = \(Tables.schemaVersion)")
                for table in Tables.all { try db.execute(sql: SQLiteSink.createStatement(table)) }
            }
        } catch {
            throw .sqlite(path: path, reason: SQLiteSink.describe(error))
        }
    }

    static func createStatement(_ table: TableSchema) -> String {
        var parts = table.columns.map { column in
            let type = column.type == .boolean ? "INTEGER" : column.type.rawValue
            let check = column.type == .boolean ? " CHECK (\(column.name) IN (0, 1))" : ""
            return "\(column.name) \(type)\(column.nullable ? "" : " NOT NULL")\(check)"
        }
        parts.append("PRIMARY KEY (\(table.primaryKey.joined(separator: ", ")))")
        for key in table.foreignKeys {
            parts.append("FOREIGN KEY (\(key.columns.joined(separator: ", "))) REFERENCES \(key.table) (\(key.references.joined(separator: ", ")))")
        }
        return "CREATE TABLE \(table.name) (\n  " + parts.joined(separator: ",\n  ") + "\n)"
    }

    /// Inserts a document's rows table by table, parents first, each table's in their order
    /// (the order of its rowids), several rows to a statement: a statement's run costs SQLite
    /// about as much again as the rows it inserts (cursors opened and closed, registers
    /// freed), so one per row about doubled the load.
    func insert(_ rows: EncodedRows) throws(DatasetError) {
        inserts += 1
        if inserts % 256 == 0 { startWriteback() }
        do {
            try queue.writeWithoutTransaction { db in
                try rows.texts.withUnsafeBufferPointer { texts in
                    try rows.csv.withUnsafeBufferPointer { csv in
                        for table in Tables.all.indices {
                            pending.removeAll(keepingCapacity: true)
                            var start = 0
                            for row in rows.rows {
                                if row.table == table { pending.append(start..<row.cellEnd) }
                                start = row.cellEnd
                            }
                            // In statements of as many rows as a power of two allows, largest first.
                            var done = 0
                            while done < pending.count {
                                let left = pending.count - done
                                let level = min(SQLiteSink.levels - 1, Int.bitWidth - 1 - left.leadingZeroBitCount)
                                let statement = try statement(table, level: level, in: db)
                                try insert(
                                    pending[done..<(done + 1 << level)], of: rows.cells, texts: texts, csv: csv, with: statement,
                                    in: db
                                )
                                done += 1 << level
                            }
                        }
                    }
                }
            }
        } catch {
            throw .sqlite(path: path, reason: SQLiteSink.describe(error))
        }
    }

    /// The `INSERT` of `1 << level` rows of the table at `table` in `Tables.all`. `OR FAIL`: a
    /// failed insert fails the run, whose staging folder is deleted, so no statement's rows
    /// need undoing, and SQLite keeps no statement journal (as `ABORT` would for a statement
    /// of several rows).
    private func statement(_ table: Int, level: Int, in db: Database) throws -> Statement {
        if let statement = statements[table][level] { return statement }
        let schema = Tables.all[table]
        let row = "(" + Array(repeating: "?", count: schema.columns.count).joined(separator: ", ") + ")"
        let statement = try db.makeStatement(
            sql: "INSERT OR FAIL INTO \(schema.name) (\(schema.columns.map(\.name).joined(separator: ", "))) VALUES "
                + Array(repeating: row, count: 1 << level).joined(separator: ", ")
        )
        statements[table][level] = statement
        return statement
    }

    /// Inserts rows, each given by the range of its cells in `cells`: binds the cells to the
    /// statement's parameters in order and runs it. SQLite reads the texts where they are in
    /// `texts` or `csv` while the statement runs (`SQLITE_STATIC`) instead of copying each
    /// into memory of its own first.
    private func insert(
        _ rows: ArraySlice<Range<Int>>, of cells: [EncodedRows.Cell], texts: UnsafeBufferPointer<UInt8>,
        csv: UnsafeBufferPointer<UInt8>, with statement: Statement, in db: Database
    ) throws {
        let handle = statement.sqliteStatement
        // SQLite refuses bindings on a statement that has run until it is reset. A failed step
        // was already thrown by `step`.
        sqlite3_reset(handle)
        let base = UnsafeRawPointer(texts.baseAddress!).assumingMemoryBound(to: CChar.self)
        // Only non-empty CSV texts are cells, so the CSV has an address when a cell is in it.
        let csvBase = csv.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
        var index: CInt = 1
        for row in rows {
            for cell in cells[row] {
                try bind(cell, at: index, of: statement, base: base, csv: csvBase, in: db)
                index += 1
            }
        }
        // Every parameter is bound anew before each step, so a binding left pointing into the
        // previous document's texts is never read (finalizing frees no static text), and the
        // bindings need no clearing.
        precondition(index - 1 == sqlite3_bind_parameter_count(handle), "every row binds every column")
        try SQLiteSink.step(statement, in: db)
    }

    /// Binds a cell to the parameter at `index`, a text where it stands after `base` or `csv`.
    private func bind(
        _ cell: EncodedRows.Cell, at index: CInt, of statement: Statement, base: UnsafePointer<CChar>,
        csv: UnsafePointer<CChar>?, in db: Database
    ) throws {
        let handle = statement.sqliteStatement
        let code: CInt
        switch cell {
        case .null: code = sqlite3_bind_null(handle, index)
        case let .text(start, end): code = sqlite3_bind_text(handle, index, base + start, CInt(end - start), SQLiteSink.static)
        case let .csvText(start, end): code = sqlite3_bind_text(handle, index, csv! + start, CInt(end - start), SQLiteSink.static)
        case let .integer(integer): code = sqlite3_bind_int64(handle, index, integer)
        case let .real(real): code = sqlite3_bind_double(handle, index, real)
        }
        guard code == SQLITE_OK else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: statement.sql
            )
        }
    }

    /// Runs an `INSERT` once with its bound values. Straight to SQLite rather than through
    /// `Statement.execute()`, whose per-call bookkeeping (observers, cancellation, tracing)
    /// this connection has no use for.
    private static func step(_ statement: Statement, in db: Database) throws {
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: statement.sql
            )
        }
    }

    /// Starts writing the pages SQLite has written so far back to the disk, as `BufferedFile`
    /// does for each chunk, so the fsync in `close` does not wait for the whole database.
    private func startWriteback() {
        if writebackDescriptor < 0 { writebackDescriptor = open(path, O_RDONLY | O_CLOEXEC) }
        if writebackDescriptor >= 0 { _ = lexpipe_start_writeback(writebackDescriptor, 0, 0) }
    }

    deinit {
        if writebackDescriptor >= 0 { Foundation.close(writebackDescriptor) }
    }

    /// `SQLITE_STATIC`: SQLite reads the bound text where it is, which must stay put until the
    /// statement has run.
    private static let `static`: sqlite3_destructor_type? = nil

    func close() throws(DatasetError) {
        do {
            try queue.writeWithoutTransaction { db in
                statements.removeAll()
                // Built once over the loaded rows, in one sort each, instead of updated per row.
                for table in Tables.all where table.hasStateYear {
                    try db.execute(sql: "CREATE INDEX \(table.name)_state_year ON \(table.name) (state_code, year)")
                }
                try db.commit()
            }
            try queue.close()
        } catch {
            throw .sqlite(path: path, reason: SQLiteSink.describe(error))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, fsync(descriptor) == 0 || errno == EINVAL else {
            let reason = String(cString: strerror(errno))
            if descriptor >= 0 { Foundation.close(descriptor) }
            throw .sqlite(path: path, reason: reason)
        }
        Foundation.close(descriptor)
    }

    /// Rolls the run's transaction back and closes the database. The transaction must not be
    /// left for the connection's deinitializer: SQLite would then call GRDB's rollback hook
    /// after GRDB has torn down what the hook refers to.
    func abandon() {
        try? queue.writeWithoutTransaction { db in
            statements.removeAll()
            if db.isInsideTransaction { try db.rollback() }
        }
        try? queue.close()
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return String(describing: error)
    }
}
