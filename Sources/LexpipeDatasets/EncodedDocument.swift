import LexpipeRecord

/// One document's share of every dataset, already in the bytes and cells the datasets take:
/// its `documents.jsonl` or `errors.jsonl` line, its CSV lines and its SQLite cells, table by
/// table. Encoding is most of the cost of writing, and it needs nothing but the document, so it
/// runs where the document was processed, concurrently; the one writer only copies lines and
/// steps SQLite statements.
public struct EncodedDocument: Sendable {
    /// The formats it was encoded for, which must be the writer's.
    let formats: Set<DatasetFormat>
    /// Whether the document was refused: its line goes to `errors.jsonl`.
    let isFailure: Bool
    /// The JSON Lines line, line feed included; empty when the run writes no `documents.jsonl`.
    let line: [UInt8]
    let rows: EncodedRows

    /// The bytes it adds to the datasets: its `documents.jsonl` line, or when no such line is
    /// written its largest encoding in the other formats.
    public var byteCount: Int {
        line.isEmpty ? max(rows.csv.count, rows.textBytes) : line.count
    }
}

/// Rows of the flat tables in the order they are inserted (parents first), each as its CSV line
/// and as the cells SQLite binds, for the formats the encoder was made for.
struct EncodedRows: Sendable {
    /// A row: its table's position in `Tables.all`, and where its CSV line and cells end.
    struct Row: Sendable {
        var table: Int
        var csvEnd: Int
        var cellEnd: Int
    }

    /// A value as SQLite binds it. Texts are ranges of `texts`, or of `csv` where the CSV field
    /// holds the text as it is.
    enum Cell: Sendable {
        case null
        case text(start: Int, end: Int)
        case csvText(start: Int, end: Int)
        case integer(Int64)
        case real(Double)
    }

    var rows: [Row] = []
    /// The CSV lines of all rows, one after another, each ending in CRLF.
    var csv: [UInt8] = []
    var cells: [Cell] = []
    /// The texts of all cells, one after another; a row key's texts once, shared by the rows
    /// that open with it. Starts with one unused byte, so that the buffer has an address even
    /// when every text is empty (a null pointer would bind NULL).
    var texts: [UInt8] = [0]
    /// The bytes of every cell's text, each counted as often as a row holds it.
    var textBytes = 1
}

/// Encodes records and refusals for the datasets of the given formats. A value type with no
/// state of its own: every worker uses it at once.
public struct DatasetEncoder: Sendable {
    public let formats: Set<DatasetFormat>
    private let csv: Bool
    private let sqlite: Bool

    public init(formats: Set<DatasetFormat>) {
        self.formats = formats
        csv = formats.contains(.csv)
        sqlite = formats.contains(.sqlite)
    }

    /// A record's `documents.jsonl` line and rows. `line`, when given, is the record's line as
    /// this encoder writes it (a previous run's, for a record it reuses), taken as it is.
    public func encode(_ record: DocumentRecord, line given: [UInt8]? = nil) -> EncodedDocument {
        // The warnings are rendered once, for the JSON line and the `documents` row alike.
        let warnings = record.warnings
        // Sized once for the record rather than grown (and copied) a dozen times.
        let size = DatasetEncoder.textBytes(of: record, warnings: warnings)
        guard formats.contains(.jsonl) else { return encode(record, warnings: warnings, line: [], textBytes: size) }
        if let given { return encode(record, warnings: warnings, line: given, textBytes: size) }
        var line = JSONWriter()
        line.reserveCapacity(size + size / 8)
        record.write(to: &line, warnings: warnings)
        line.endLine()
        return encode(record, warnings: warnings, line: line.bytes, textBytes: size)
    }

    private func encode(_ record: DocumentRecord, warnings: [String], line: [UInt8], textBytes size: Int) -> EncodedDocument {
        var rows = RowEncoder(csv: csv, sqlite: sqlite)
        rows.reserveCapacity(textBytes: size, rows: Tables.rowCount(of: record), cells: Tables.cellCount(of: record))
        // Rows are listed whatever the formats: the manifest counts them.
        Tables.encode(record, warnings: warnings, into: &rows)
        return EncodedDocument(formats: formats, isFailure: false, line: line, rows: rows.rows)
    }

    /// A refused document's `errors.jsonl` line and `errors` row.
    public func encode(_ failure: DocumentFailure) -> EncodedDocument {
        var line = JSONWriter()
        failure.write(to: &line)
        line.endLine()
        var rows = RowEncoder(csv: csv, sqlite: sqlite)
        Tables.encode(failure, into: &rows)
        return EncodedDocument(formats: formats, isFailure: true, line: line.bytes, rows: rows.rows)
    }
}

extension DatasetEncoder {
    /// About how many bytes a record's texts and the names and punctuation around them take,
    /// a little more rather than less.
    static func textBytes(of record: DocumentRecord, warnings: [String]) -> Int {
        // Each warning twice: in the `documents` row's JSON array and, split, in its own row.
        var size = 512 + 2 * record.source.utf8.count + warnings.reduce(0) { $0 + 2 * $1.utf8.count + 48 }
        for section in record.sections {
            size += 96 + (section.heading?.utf8.count ?? 0) + section.text.utf8.count
            for citation in section.citations {
                size += 192 + citation.raw.utf8.count + citation.code.utf8.count + citation.normalized.utf8.count
            }
        }
        if let card = record.reportCard {
            size += 256
            for issue in card.issues {
                size += 160 + issue.name.utf8.count + (issue.accomplished?.utf8.count ?? 0) + (issue.gaps?.utf8.count ?? 0)
            }
            for credit in card.extraCredit { size += 96 + credit.name.utf8.count + (credit.description?.utf8.count ?? 0) }
        }
        return size
    }
}

/// Appends rows cell by cell, in the order of their table's columns, to the CSV lines and the
/// SQLite cells at once.
struct RowEncoder {
    let csv: Bool
    let sqlite: Bool
    private(set) var rows = EncodedRows()
    /// Cells of the current row so far.
    private var width = 0
    /// The key cells (`source`, `state_code`, `year`) as first written: their CSV bytes, their
    /// cells and how many text bytes those hold, copied into every later row that opens with them.
    private var key: (csv: [UInt8], cells: [EncodedRows.Cell], textBytes: Int)?

    init(csv: Bool, sqlite: Bool) {
        self.csv = csv
        self.sqlite = sqlite
    }

    /// Room for `rows` rows of `cells` cells in all, whose texts take about `textBytes`.
    mutating func reserveCapacity(textBytes: Int, rows count: Int, cells: Int) {
        rows.rows.reserveCapacity(count)
        if csv { rows.csv.reserveCapacity(textBytes + textBytes / 8) }
        if sqlite {
            rows.texts.reserveCapacity(textBytes)
            rows.cells.reserveCapacity(cells)
        }
    }

    /// Ends the current row as a row of `table`.
    mutating func endRow(_ table: Tables.ID) {
        if csv { rows.csv.append(ascii: "\r\n") }
        rows.rows.append(EncodedRows.Row(table: table.rawValue, csvEnd: rows.csv.count, cellEnd: rows.cells.count))
        width = 0
    }

    /// A child table's key cells, which open the row: written once per record, then copied.
    mutating func key(source: String, stateCode: String?, year: Int?) {
        precondition(width == 0, "a key opens its row")
        if let key {
            if csv { rows.csv.append(contentsOf: key.csv) }
            if sqlite { rows.cells.append(contentsOf: key.cells) }
            rows.textBytes += key.textBytes
            width = 3
            return
        }
        let (csvStart, cellStart, textStart) = (rows.csv.count, rows.cells.count, rows.textBytes)
        text(source)
        text(stateCode)
        integer(year)
        key = (Array(rows.csv[csvStart...]), Array(rows.cells[cellStart...]), rows.textBytes - textStart)
    }

    private mutating func separate() {
        if csv, width > 0 { rows.csv.append(UInt8(ascii: ",")) }
        width += 1
    }

    mutating func null() {
        separate()
        if sqlite { rows.cells.append(.null) }
    }

    mutating func text(_ text: String?) {
        guard let text else { return null() }
        // Read in place, without the copy (a retain and a release) that `withUTF8` needs.
        if text.utf8.withContiguousStorageIfAvailable({ self.text(utf8: $0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { self.text(utf8: $0) }
        }
    }

    mutating func text(utf8: UnsafeBufferPointer<UInt8>) {
        separate()
        let csvStart = rows.csv.count
        if csv { CSVSink.field(utf8, into: &rows.csv) }
        if sqlite {
            // As GRDB binds a Swift string: up to its first NUL.
            let length = utf8.offset(of: 0, from: 0, to: utf8.count)
            rows.textBytes += length
            // A field as long as the text was written unquoted, byte for byte: SQLite reads it
            // there rather than from a second copy.
            if csv, length > 0, length == utf8.count, rows.csv.count - csvStart == length {
                rows.cells.append(.csvText(start: csvStart, end: rows.csv.count))
                return
            }
            let start = rows.texts.count
            rows.texts.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<length]))
            rows.cells.append(.text(start: start, end: rows.texts.count))
        }
    }

    mutating func integer(_ integer: Int?) {
        guard let integer else { return null() }
        separate()
        if csv { JSONWriter.digits(integer, into: &rows.csv) }
        if sqlite { rows.cells.append(.integer(Int64(integer))) }
    }

    mutating func real(_ real: Double?) {
        guard let real else { return null() }
        separate()
        if csv { rows.csv.append(contentsOf: JSONValue.format(real).utf8) }
        if sqlite { rows.cells.append(.real(real)) }
    }

    /// `true`/`false` in CSV, 1/0 in SQLite; empty and NULL for `nil`.
    mutating func boolean(_ flag: Bool?) {
        guard let flag else { return null() }
        separate()
        if csv {
            if flag { rows.csv.append(ascii: "true") } else { rows.csv.append(ascii: "false") }
        }
        if sqlite { rows.cells.append(.integer(flag ? 1 : 0)) }
    }
}
