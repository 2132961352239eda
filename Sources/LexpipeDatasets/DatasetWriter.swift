import Foundation
public import LexpipeRecord

/// The dataset files a run can write.
public enum DatasetFormat: String, Sendable, CaseIterable, Codable {
    /// `documents.jsonl`: one record per line.
    case jsonl
    /// One RFC 4180 CSV file per table.
    case csv
    /// `lexpipe.sqlite`: every table, typed, with keys.
    case sqlite
}

/// The one writer of a run's datasets. Records arrive in `source` order; everything is written
/// into a staging folder and published in place of the previous output only by `finish`.
public final class DatasetWriter {
    public let staged: StagedDirectory
    public let formats: Set<DatasetFormat>
    private let documents: BufferedFile?
    private let errors: BufferedFile
    private let manifestInputs: ManifestList
    private var sinks: [any TableSink] = []
    /// Rows written, in the order of `Tables.all`.
    private var counts = [Int](repeating: 0, count: Tables.all.count)
    /// Encodes for `write(_:)` of a record or a refusal.
    public let encoder: DatasetEncoder
    public private(set) var recordCount = 0
    public private(set) var failureCount = 0

    /// Opens a staging folder beside `outputDirectory`.
    public init(outputDirectory: String, formats: Set<DatasetFormat>) throws(DatasetError) {
        staged = try StagedDirectory(replacing: outputDirectory)
        self.formats = formats
        encoder = DatasetEncoder(formats: formats)
        do {
            documents = formats.contains(.jsonl) ? try BufferedFile(path: staged.path("documents.jsonl")) : nil
            errors = try BufferedFile(path: staged.path("errors.jsonl"))
            manifestInputs = try ManifestList(key: "inputs", spoolPath: staged.path(".manifest-inputs"))
            if formats.contains(.csv) { sinks.append(try CSVSink(directory: staged)) }
            if formats.contains(.sqlite) { sinks.append(try SQLiteSink(path: staged.path("lexpipe.sqlite"))) }
        } catch {
            staged.discard()
            throw error
        }
    }

    /// Adds one document, encoded by a `DatasetEncoder` for this writer's formats.
    public func write(_ document: EncodedDocument) throws(DatasetError) {
        // Lines and cells of other formats would leave this writer's files short.
        precondition(document.formats == formats, "a document encoded for \(document.formats), written to \(formats)")
        if document.isFailure {
            try errors.write(document.line)
            failureCount += 1
        } else {
            try documents?.write(document.line)
            recordCount += 1
        }
        for row in document.rows.rows { counts[row.table] += 1 }
        for sink in sinks { try sink.insert(document.rows) }
    }

    /// Adds one document's record.
    public func write(_ record: DocumentRecord) throws(DatasetError) {
        try write(encoder.encode(record))
    }

    /// Adds one refused document.
    public func write(_ failure: DocumentFailure) throws(DatasetError) {
        try write(encoder.encode(failure))
    }

    /// Adds one item to the manifest's `inputs` list, which `finish` writes in the order added.
    public func addManifestInput(_ input: ManifestItem) throws(DatasetError) {
        try manifestInputs.append(input)
    }

    /// Rows per table so far, in table order.
    public var rowCounts: [(table: String, rows: Int)] {
        zip(Tables.all, counts).map { ($0.name, $1) }
    }

    /// Closes every file, writes the tables and `manifest.json`, and publishes the folder. The
    /// manifest's `inputs` member (an empty placeholder in `manifest`) gets the items added by
    /// `addManifestInput`.
    public func finish(manifest: JSONValue?) throws(DatasetError) {
        do {
            try documents?.close()
            try errors.close()
            for sink in sinks { try sink.close() }
            if let manifest {
                let file = try BufferedFile(path: staged.path("manifest.json"))
                try manifestInputs.write(manifest, into: file)
                try file.write("\n")
                try file.close()
            }
            manifestInputs.remove()
            try staged.publish()
        } catch {
            discard()
            throw error
        }
    }

    /// Throws the staged files away; the previous output stays as it was.
    public func discard() {
        for sink in sinks { sink.abandon() }
        sinks.removeAll()
        staged.discard()
    }
}
