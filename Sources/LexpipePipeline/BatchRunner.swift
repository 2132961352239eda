import Foundation
public import LexpipeDatasets
public import LexpipeIngest
import LexpipeRecord

/// What a finished run reports.
public struct RunSummary: Sendable {
    /// Documents the corpus walk found.
    public var documents: Int
    /// Records written.
    public var records: Int
    /// Documents refused.
    public var errors: Int
    /// Wall-clock seconds for the whole run.
    public var seconds: Double
    /// Time per stage, summed over documents (so above wall-clock time when jobs run at once).
    public var stageTimes: StageTimes
    /// Where the datasets were published.
    public var outputDirectory: String
    /// What changed since the previous run in the same output folder.
    public var changes: ChangeSummary
    /// Warnings, failed checks, missing fields and files left out, over the run.
    public var counts = DocumentCounts()

    /// `12 documents, 11 records, 1 error in 0.42 s`.
    public var line: String {
        "\(documents) document\(documents == 1 ? "" : "s"), \(records) record\(records == 1 ? "" : "s"), "
            + "\(errors) error\(errors == 1 ? "" : "s") in \(String(format: "%.2f", seconds)) s"
    }
}

/// Documents compared with the previous run's inputs, by source and input digest.
public struct ChangeSummary: Sendable, Equatable {
    /// Sources the previous run did not have.
    public var new: [String] = []
    /// Sources whose bytes changed.
    public var changed: [String] = []
    /// Sources with the same bytes.
    public var unchanged: [String] = []
    /// Sources the previous run had and this one does not.
    public var removed: [String] = []
    /// Records taken from the previous run instead of being extracted again.
    public var reused = 0

    /// `3 new, 1 changed, 40 unchanged, 0 removed; 41 reused`.
    public var line: String {
        "\(new.count) new, \(changed.count) changed, \(unchanged.count) unchanged, \(removed.count) removed; \(reused) reused"
    }

    var json: JSONValue {
        .object([
            ("new", .array(new.map(JSONValue.string))),
            ("changed", .array(changed.map(JSONValue.string))),
            ("removed", .array(removed.map(JSONValue.string))),
            ("unchanged", .integer(unchanged.count)),
            ("reused", .integer(reused)),
        ])
    }
}

/// Why a run could not complete at all (as opposed to one document failing).
public enum RunError: Error, Sendable, CustomStringConvertible {
    /// The corpus folder could not be walked.
    case corpus(CorpusError)
    /// The output folder was refused before any work.
    case output(OutputError)
    /// The run would publish far fewer documents than the previous output holds: `found` in
    /// the corpus against `previous` (refused unless `allowShrink`).
    case shrink(corpus: String, found: Int, previous: Int)
    /// The corpus holds no document (refused unless `allowShrink`).
    case emptyCorpus(corpus: String, unmatched: Int)
    /// The datasets could not be written; the previous output is unchanged.
    case datasets(DatasetError)

    public var description: String {
        switch self {
        case let .corpus(error): error.description
        case let .output(error): error.description
        case let .shrink(corpus, found, previous):
            "refusing to publish: the corpus \(corpus) has \(found) document\(found == 1 ? "" : "s"), fewer than half the "
                + "\(previous) of the previous output (an unmounted or partly copied corpus?); the previous output is "
                + "unchanged; pass --allow-shrink if the corpus really shrank"
        case let .emptyCorpus(corpus, unmatched):
            "refusing to publish: the corpus \(corpus) holds no document matching corpus.include"
                + (unmatched > 0 ? " (\(unmatched) file\(unmatched == 1 ? "" : "s") matched no include pattern)" : "")
                + "; the previous output is unchanged; pass --allow-shrink to publish empty datasets"
        case let .datasets(error): error.description
        }
    }
}

/// The whole batch: walks the corpus, runs documents through the stages with at most `jobs`
/// in flight, and has one writer take the results in `source` order, so output is the same
/// byte for byte whatever the concurrency.
public struct BatchRunner: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Runs the batch; `progress` is called by the writer after each document (done, total).
    /// Unless `full`, a document whose bytes, the extraction settings and the lexpipe version are
    /// unchanged since the previous run keeps its previous record. Before any work the output
    /// folder is checked (`OutputFolder`) and locked (`OutputLock`); unless `allowShrink`, a
    /// corpus with no document, or with fewer than half the documents of the previous output,
    /// is refused.
    public func run(
        full: Bool = false, allowShrink: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws(RunError) -> RunSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let corpusRoot = configuration.resolve(configuration.corpusRoot)
        let currentDirectory = FileManager.default.currentDirectoryPath
        // As messages name it: absolute, without `./`.
        let corpusShown = ((corpusRoot.hasPrefix("/") ? corpusRoot : currentDirectory + "/" + corpusRoot) as NSString).standardizingPath
        let outputDirectory: String
        let lock: OutputLock
        do {
            outputDirectory = try OutputFolder.check(
                configuration.outputDirectory, base: configuration.baseDirectory, corpus: corpusRoot,
                currentDirectory: currentDirectory, home: ProcessInfo.processInfo.environment["HOME"]
            )
            // Checked before locking, so that a refused folder gets no lock file beside it, and
            // again under the lock, which another run may have held meanwhile.
            try OutputFolder.checkContents(outputDirectory)
            lock = try OutputLock(output: outputDirectory)
            try OutputFolder.checkContents(outputDirectory)
        } catch {
            throw .output(error)
        }
        // Released when the run returns or throws, after publishing.
        defer { withExtendedLifetime(lock) {} }
        // Loading the code-name tables, and indexing the previous records for reuse, take as
        // long as walking thousands of files: all at once. A full run reads only the previous
        // inputs, after the walk: read beside it, they took peak memory up by 2 MB at 20,000
        // documents for some milliseconds saved.
        async let preparedProcessor = DocumentProcessor(configuration: configuration)
        let extractionDigest = configuration.extractionDigest
        async let reusableCache = full ? nil : RecordCache.open(outputDirectory: outputDirectory, extractionDigest: extractionDigest, reuse: true)
        let walker = CorpusWalker(
            root: corpusRoot,
            include: configuration.include.map(Glob.init), exclude: configuration.exclude.map(Glob.init),
            followSymbolicLinks: configuration.followSymbolicLinks
        )
        let listing: CorpusListing
        do {
            listing = try walker.listing()
        } catch {
            throw .corpus(error)
        }
        let entries = listing.entries
        let cache = full
            ? RecordCache.open(outputDirectory: outputDirectory, extractionDigest: extractionDigest, reuse: false)
            : await reusableCache
        if !allowShrink {
            let previous = cache?.previousInputs.count ?? 0
            if entries.isEmpty {
                throw .emptyCorpus(corpus: corpusShown, unmatched: listing.unmatchedCount)
            }
            if entries.count * 2 < previous {
                throw .shrink(corpus: corpusShown, found: entries.count, previous: previous)
            }
        }
        var changes = ChangeSummary()
        var counts = DocumentCounts()
        let writer: DatasetWriter
        do {
            writer = try DatasetWriter(outputDirectory: outputDirectory, formats: Set(configuration.formats))
        } catch {
            throw .datasets(error)
        }
        let processor = await preparedProcessor
        let encoder = writer.encoder
        let maxRecordBytes = configuration.limits.maxRecordBytes
        let followLinks = configuration.followSymbolicLinks
        let realRoot = OutputFolder.resolve(corpusShown)
        var times = StageTimes()
        let previousInputs = cache?.previousInputs
        var stillPresent = [Bool](repeating: false, count: previousInputs?.count ?? 0)
        do {
            let ingestor = processor.ingestor
            for index in entries.indices.prefix(BatchRunner.readAhead) { BatchRunner.prefetch(entries, index, ingestor) }
            try await BatchRunner.forEachInOrder(Array(entries.indices), jobs: configuration.effectiveJobs) { index -> Processed in
                let entry = entries[index]
                BatchRunner.prefetch(entries, index + BatchRunner.readAhead, ingestor)
                var documentTimes = StageTimes()
                if let refusal = entry.refusal {
                    let failure = DocumentFailure(source: entry.source, stage: .ingest, reason: refusal)
                    return Processed(.failure(failure), digest: nil, times: documentTimes, encoder: encoder)
                }
                let ingestStart = ContinuousClock.now
                let bytes: [UInt8]
                do {
                    bytes = try ingestor.readBytes(path: entry.path, followingLinks: followLinks, inside: realRoot)
                } catch {
                    let failure = DocumentFailure(source: entry.source, stage: .ingest, reason: String(describing: error))
                    return Processed(.failure(failure), digest: nil, times: documentTimes, encoder: encoder)
                }
                let digest = Ingestor.sha256(bytes)
                if let reused = cache?.record(sha256: digest, source: entry.source) {
                    // Reading the previous record counts as ingest: it stands in for every stage.
                    documentTimes.add(.ingest, ContinuousClock.now - ingestStart)
                    return Processed(
                        .record(reused.record), digest: digest, times: documentTimes, encoder: encoder, reused: true,
                        reusedLine: reused.line
                    )
                }
                documentTimes.add(.ingest, ContinuousClock.now - ingestStart)
                let outcome = processor.process(bytes: bytes, source: entry.source, sha256: digest, times: &documentTimes)
                return Processed(
                    outcome, digest: digest, times: documentTimes, encoder: encoder, maxRecordBytes: maxRecordBytes
                )
            } consume: { (index: Int, processed: Processed) throws in
                times.merge(processed.times)
                // The entry's string, not the record's: the lists then hold no copy of their
                // own per document.
                let source = entries[index].source
                let previous = previousInputs.flatMap { inputs in inputs.index(of: source).map { ($0, inputs.digest(at: $0)) } }
                if let (position, _) = previous { stillPresent[position] = true }
                if let digest = processed.digest {
                    switch previous?.1 {
                    case nil: changes.new.append(source)
                    case InputDigest(hex: digest): changes.unchanged.append(source)
                    default: changes.changed.append(source)
                    }
                }
                if processed.reused { changes.reused += 1 }
                counts.add(processed.counts)
                let writeStart = clock.now
                try writer.write(processed.document)
                try writer.addManifestInput(processed.manifestInput)
                times.add(.datasets, clock.now - writeStart)
                progress?(index + 1, entries.count)
            }
            if let previousInputs {
                // In byte order of source, as the table is kept.
                changes.removed = stillPresent.indices.filter { !stillPresent[$0] }.map(previousInputs.source(at:))
            }
            let elapsed = clock.now - start
            let manifest = Manifest.make(
                configuration: configuration, extractionDigest: extractionDigest,
                rowCounts: writer.rowCounts, changes: changes, times: times,
                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            )
            try writer.finish(manifest: manifest)
        } catch let error as DatasetError {
            writer.discard()
            throw .datasets(error)
        } catch {
            writer.discard()
            throw .datasets(.writeFailed(path: writer.staged.staging, reason: String(describing: error)))
        }
        let elapsed = clock.now - start
        counts.unmatchedFiles = listing.unmatchedCount
        counts.unmatchedDocuments = listing.unmatchedDocuments
        return RunSummary(
            documents: entries.count, records: writer.recordCount, errors: writer.failureCount,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            stageTimes: times, outputDirectory: outputDirectory, changes: changes, counts: counts
        )
    }

    /// How many documents ahead of the one starting the kernel is asked to read
    /// (`Ingestor.prefetch`): some milliseconds of work at thousands of documents a second,
    /// more than a disk takes to find a file.
    static let readAhead = 64

    /// Hints the entry at `index` to the kernel, if there is one and the walk did not refuse it.
    private static func prefetch(_ entries: [CorpusEntry], _ index: Int, _ ingestor: Ingestor) {
        guard index < entries.count, entries[index].refusal == nil else { return }
        ingestor.prefetch(path: entries[index].path)
    }

    /// One document's way through the stages, as the writer receives it: encoded for the
    /// datasets already, by the job that processed it.
    struct Processed: Sendable {
        var document: EncodedDocument
        var manifestInput: ManifestItem
        /// Stage times, encoding for the datasets included.
        var times: StageTimes
        /// SHA-256 of the input, when its bytes could be read.
        var digest: String?
        /// The record was taken from the previous run.
        var reused: Bool
        /// What the run summary counts of this document.
        var counts = DocumentCounts()

        /// A reused record comes with its previous `documents.jsonl` line when that line is
        /// what encoding it would write again (`RecordCache.Reused`).
        /// A record whose `documents.jsonl` line would exceed `maxRecordBytes` is refused instead.
        init(
            _ outcome: DocumentOutcome, digest: String?, times: StageTimes, encoder: DatasetEncoder, reused: Bool = false,
            reusedLine: [UInt8]? = nil, maxRecordBytes: Int = .max
        ) {
            let start = ContinuousClock.now
            var outcome = outcome
            var encoded: EncodedDocument?
            if case let .record(record) = outcome {
                let document = encoder.encode(record, line: reusedLine)
                if document.byteCount > maxRecordBytes {
                    outcome = .failure(DocumentFailure(
                        source: record.source, stage: .datasets,
                        reason: "record is \(document.byteCount) bytes, over the limit of \(maxRecordBytes) bytes (limits.max_record_bytes)"
                    ))
                } else {
                    encoded = document
                }
            }
            switch outcome {
            case let .record(record):
                document = encoded ?? encoder.encode(record, line: reusedLine)
                counts = DocumentCounts(record)
                manifestInput = ManifestItem(.object([
                    ("source", .string(record.source)), ("sha256", .string(record.sha256)),
                    ("outcome", .string("extracted")), ("kind", .string(record.kind.rawValue)),
                    ("warnings", .integer(record.diagnostics.count)),
                ]))
            case let .failure(failure):
                document = encoder.encode(failure)
                manifestInput = ManifestItem(.object([
                    ("source", .string(failure.source)), ("sha256", JSONValue(digest)), ("outcome", .string("failed")),
                    ("stage", .string(failure.stage.rawValue)), ("reason", .string(failure.reason)),
                ]))
            }
            self.times = times
            self.times.add(.datasets, ContinuousClock.now - start)
            self.digest = digest
            self.reused = reused
        }
    }

    /// Runs `work` over `items` with at most `jobs` at once and hands each result to `consume`
    /// in input order, on the caller's task: the one writer. The order is kept by an
    /// `OrderedWindow`. One job runs on the caller's task alone, one item after the other: a
    /// child task per item would hand every result from one thread to another for the writer
    /// (measured: 8% more CPU time, for little overlap).
    static func forEachInOrder<Item: Sendable, Result: Sendable>(
        _ items: [Item], jobs: Int, window: Int? = nil, work: @escaping @Sendable (Item) -> Result,
        consume: (Int, Result) throws -> Void
    ) async throws {
        if jobs <= 1 {
            for (index, item) in items.enumerated() { try consume(index, work(item)) }
            return
        }
        var order = OrderedWindow<Result>(count: items.count, jobs: jobs, window: window ?? jobs * 8)
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            func fill() {
                while let index = order.start() {
                    let item = items[index]
                    group.addTask { (index, work(item)) }
                }
            }
            fill()
            while let (index, result) = try await group.next() {
                order.finished(index, result)
                // The finished item's place goes to the next one before anything is written, so
                // its job is not left idle while the writer works.
                fill()
                while let (ready, result) = order.next() { try consume(ready, result) }
                fill()
            }
        }
    }
}

/// Which items may start and which results may be consumed, for items run concurrently and
/// consumed in input order. `jobs` items stay in flight while the reorder buffer has room, so
/// one slow item does not leave the other workers idle; items started but not yet consumed
/// (running or waiting in the buffer) never exceed `window`, so memory stays bounded whatever
/// the order items finish in.
struct OrderedWindow<Result> {
    let count: Int
    let jobs: Int
    let window: Int
    /// The next item to start.
    private(set) var started = 0
    /// The next item to consume.
    private(set) var consumed = 0
    private(set) var running = 0
    private var finished: [Int: Result] = [:]

    init(count: Int, jobs: Int, window: Int) {
        self.count = count
        self.jobs = max(1, jobs)
        self.window = max(self.jobs, window)
    }

    /// Results finished ahead of an earlier item.
    var waiting: Int { finished.count }

    /// The item to start now, if one may start.
    mutating func start() -> Int? {
        guard running < jobs, started < count, started - consumed < window else { return nil }
        started += 1
        running += 1
        return started - 1
    }

    mutating func finished(_ index: Int, _ result: Result) {
        running -= 1
        finished[index] = result
    }

    /// The next result in input order, if it has finished.
    mutating func next() -> (Int, Result)? {
        guard let result = finished.removeValue(forKey: consumed) else { return nil }
        consumed += 1
        return (consumed - 1, result)
    }
}
