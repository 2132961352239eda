import Foundation
public import LexpipeIngest
import LexpipeMarkup
import LexpipeExtraction
import LexpipeJurisdictions
import LexpipeNormalization
public import LexpipeRecord

/// Time spent in each stage, summed over documents.
public struct StageTimes: Sendable, Equatable {
    public var seconds: [PipelineStage: Double] = [:]

    public init() {}

    mutating func add(_ stage: PipelineStage, _ duration: Duration) {
        let components = duration.components
        seconds[stage, default: 0] += Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }

    mutating func merge(_ other: StageTimes) {
        for (stage, value) in other.seconds { seconds[stage, default: 0] += value }
    }
}

/// What became of one document: its record, or why it was refused.
public enum DocumentOutcome: Sendable {
    case record(DocumentRecord)
    case failure(DocumentFailure)

    /// The document's path relative to the corpus root.
    public var source: String {
        switch self {
        case let .record(record): record.source
        case let .failure(failure): failure.source
        }
    }
}

/// Runs one document through every stage: ingest, markup cleanup, classification and
/// extraction, normalization. Holds no state between documents, so any number run at once.
public struct DocumentProcessor: Sendable {
    public let ingestor: Ingestor
    public let cleaner: MarkupCleaner
    public let extractor: Extractor
    public let normalizer: Normalizer

    public init(configuration: Configuration) {
        ingestor = Ingestor(maxDocumentBytes: configuration.maxDocumentBytes, maxPDFPages: configuration.maxPDFPages)
        cleaner = MarkupCleaner(dropPageFurniture: configuration.dropPageFurniture)
        let jurisdictions = JurisdictionTable.standard.adding(codes: configuration.codeNames)
        extractor = Extractor(jurisdictions: jurisdictions, limits: ExtractionLimits(
            maxCitations: configuration.limits.maxCitationsPerDocument, maxWarnings: configuration.limits.maxWarningsPerDocument
        ))
        normalizer = Normalizer(settings: NormalizationSettings(
            gradingScales: configuration.gradingScales, jurisdictions: jurisdictions
        ))
    }

    /// Reads and processes the file at `path`, reporting it as `source`.
    public func process(path: String, source: String, times: inout StageTimes) -> DocumentOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let bytes: [UInt8]
        do {
            bytes = try ingestor.readBytes(path: path)
        } catch {
            times.add(.ingest, clock.now - start)
            return .failure(DocumentFailure(source: source, stage: .ingest, reason: error.description))
        }
        times.add(.ingest, clock.now - start)
        return process(bytes: bytes, source: source, times: &times)
    }

    /// Processes bytes already read; `sha256` is their digest when the caller has it already.
    public func process(bytes: [UInt8], source: String, sha256: String? = nil, times: inout StageTimes) -> DocumentOutcome {
        let clock = ContinuousClock()
        var mark = clock.now
        func lap(_ stage: PipelineStage) {
            let now = clock.now
            times.add(stage, now - mark)
            mark = now
        }
        let document: SourceDocument
        do {
            document = try ingestor.ingest(bytes: bytes, source: source, sha256: sha256)
        } catch {
            lap(.ingest)
            return .failure(DocumentFailure(source: source, stage: .ingest, reason: error.description))
        }
        lap(.ingest)
        let clean: CleanDocument
        do {
            clean = try cleaner.clean(document)
        } catch {
            lap(.markup)
            return .failure(DocumentFailure(source: source, stage: .markup, reason: error.description))
        }
        lap(.markup)
        let kind = DocumentClassifier.classify(clean.blocks)
        lap(.classification)
        // The header is read once: the extractor takes the state (and so the codes a summary
        // may cite) from it.
        let header = kind == .reportCard ? nil : extractor.header(clean)
        var extraction = extractor.extract(clean, as: kind, header: header)
        extraction.warnings.insert(contentsOf: document.warnings, at: 0)
        lap(.extraction)
        var record = normalizer.normalize(extraction, source: source, sha256: document.sha256, format: document.format)
        let maxWarnings = extractor.limits.maxWarnings
        if record.diagnostics.count > maxWarnings {
            let left = record.diagnostics.count - maxWarnings
            record.diagnostics.removeLast(left)
            record.diagnostics.append(Diagnostic(
                .truncated, .document, "truncated: \(left) more warning(s) not kept (limits.max_warnings_per_document is \(maxWarnings))"
            ))
        }
        lap(.normalization)
        return .record(record)
    }
}
