import Foundation
public import LexpipeRecord

/// One generated document: where it goes, its bytes, and what the extractor should read in it.
public struct GeneratedDocument: Sendable {
    /// Path relative to the corpus root, one folder per state (`ms/2021-report-card.md`).
    public let path: String
    /// The document's bytes (UTF-8).
    public let bytes: [UInt8]
    /// The format it is written in.
    public let format: DocumentFormat
    /// A statute summary or a report card.
    public let kind: DocumentKind
    /// What a faithful extraction of it holds.
    public let expected: Expected

    /// What the generator put in a document, for checking an extraction against it.
    public struct Expected: Sendable, Equatable {
        /// Full name of the jurisdiction (`Mississippi`).
        public let state: String
        /// Its USPS code (`MS`).
        public let stateCode: String
        /// The year the document speaks for.
        public let year: Int
        /// Statute summaries: the number of citations of each section, in order (empty for cards).
        public let sectionCitations: [Int]
        /// Report cards: the six issue scores (empty for summaries).
        public let issueScores: [Double]
        /// Report cards: the extra-credit points, `18+` then `CLT`.
        public let extraCredit: [Double]
        /// Report cards: the overall score, the sum of the issue scores and extra credit.
        public let overallScore: Double?
        /// The conversion noise and layout forms the document carries (`duplicated issue
        /// name`, `CRLF line ends`, ...).
        public internal(set) var noise: [String]

        /// Statute summaries: the number of headed sections.
        public var sectionCount: Int { sectionCitations.count }
        /// Statute summaries: the number of citations in all sections.
        public var citationCount: Int { sectionCitations.reduce(0, +) }
    }
}

/// What `CorpusGenerator.write(count:to:)` wrote.
public struct CorpusSummary: Sendable, Equatable {
    /// Documents written.
    public var documents: Int
    /// Their bytes in total.
    public var bytes: Int
    /// How many are HTML pages.
    public var htmlDocuments: Int

    /// The share of HTML documents, 0...1.
    public var htmlShare: Double { documents == 0 ? 0 : Double(htmlDocuments) / Double(documents) }
}

/// A deterministic corpus of statute summaries and report cards for benchmarks and stress
/// tests: 50 states, DC and five territories, years 2015-2024, as PDF-to-text conversions,
/// markdown conversions and web pages, with the noise real conversions carry.
///
/// Each document is a pure function of the seed and its index (its own SplitMix64 stream), so
/// any subset can be made alone or in parallel and the same seed gives byte-identical files on
/// every machine. Indices map to (state, year, kind) through a seeded permutation, so the first
/// 1,140 documents are all different; later ones repeat a combination under a numbered name.
public struct CorpusGenerator: Sendable {
    /// The seed every document derives from.
    public let seed: UInt64
    private let combinations: [UInt16]

    /// The years documents speak for.
    public static let years = 2015...2024

    /// A generator of the corpus for `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        let count = GeneratedJurisdictions.all.count * CorpusGenerator.years.count * 2
        var rng = SplitMix64(state: seed ^ 0xC0A7_5E11_DE57_1A7E)
        combinations = rng.shuffled((0..<count).map { UInt16($0) })
    }

    /// The document at `index` (0 or more).
    public func document(at index: Int) -> GeneratedDocument {
        precondition(index >= 0, "document index must not be negative")
        let combination = Int(combinations[index % combinations.count])
        let round = index / combinations.count
        let isCard = combination % 2 == 1
        let year = CorpusGenerator.years.lowerBound + (combination / 2) % CorpusGenerator.years.count
        let jurisdiction = GeneratedJurisdictions.all[combination / 2 / CorpusGenerator.years.count]
        var rng = SplitMix64(seed: seed, index: index)
        let suffix = round > 0 ? "-\(round + 1)" : ""
        let folder = jurisdiction.usps.lowercased()

        if isCard {
            let card = ReportCard.generate(jurisdiction: jurisdiction, year: year, rng: &rng)
            let format: DocumentFormat = switch rng.weighted([40, 20, 40]) {
            case 0: .markdown
            case 1: .text
            default: .html
            }
            let bytes = switch format {
            case .markdown: card.markdown(&rng)
            case .text: card.text(&rng)
            case .html: card.html(&rng)
            case .pdf: preconditionFailure("the generator writes text, markdown and HTML only")
            }
            return GeneratedDocument(
                path: "\(folder)/\(year)-report-card\(suffix).\(format.fileExtension)", bytes: bytes, format: format,
                kind: .reportCard, expected: card.expected
            )
        }
        let summary = StatuteSummary.generate(
            jurisdiction: jurisdiction, year: year, target: StatuteSummary.targetSize(&rng), rng: &rng
        )
        let format: DocumentFormat = switch rng.weighted([38, 22, 40]) {
        case 0: .text
        case 1: .markdown
        default: .html
        }
        var forms: [String] = []
        let bytes = switch format {
        case .text: summary.text(&rng, forms: &forms)
        case .markdown: summary.markdown(&rng)
        case .html: summary.html(&rng, forms: &forms)
        case .pdf: preconditionFailure("the generator writes text, markdown and HTML only")
        }
        var expected = summary.expected
        expected.noise += forms
        return GeneratedDocument(
            path: "\(folder)/\(year)-statute-summary\(suffix).\(format.fileExtension)", bytes: bytes, format: format,
            kind: .statuteSummary, expected: expected
        )
    }

    /// Writes documents `0..<count` under `directory` (created if missing), one folder per
    /// state, in parallel; returns how many documents and bytes were written.
    @discardableResult
    public func write(count: Int, to directory: String) throws -> CorpusSummary {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        var folders = Set<Int>()
        for index in 0..<min(count, combinations.count) {
            folders.insert(Int(combinations[index]) / 2 / CorpusGenerator.years.count)
        }
        for folder in folders.sorted() {
            let name = GeneratedJurisdictions.all[folder].usps.lowercased()
            try manager.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        let tally = Tally()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local = CorpusSummary(documents: 0, bytes: 0, htmlDocuments: 0)
            var index = worker
            while index < count, !tally.failed {
                let document = self.document(at: index)
                do {
                    try CorpusGenerator.writeFile(root.appendingPathComponent(document.path).path, document.bytes)
                } catch {
                    tally.fail(error)
                    break
                }
                local.documents += 1
                local.bytes += document.bytes.count
                if document.format == .html { local.htmlDocuments += 1 }
                index += workers
            }
            tally.add(local)
        }
        if let error = tally.error { throw error }
        return tally.summary
    }
}

extension CorpusGenerator {
    /// Writes `bytes` to a new or truncated file with plain `open` and `write`: Foundation's
    /// `Data.write` flushes every file to disk, which made writing twenty times slower than
    /// generating.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CorpusWriteError(path: path, code: errno) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CorpusWriteError(path: path, code: errno)
                }
                offset += written
            }
        }
    }
}

/// A document file that could not be written.
public struct CorpusWriteError: Error, CustomStringConvertible, LocalizedError {
    /// The file.
    public let path: String
    /// The `errno` value.
    public let code: Int32

    /// `cannot write PATH: reason`.
    public var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    /// The same as `description`.
    public var errorDescription: String? { description }
}

/// Totals of the writing workers, behind a lock.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var total = CorpusSummary(documents: 0, bytes: 0, htmlDocuments: 0)
    private var firstError: (any Error)?

    var summary: CorpusSummary { lock.withLock { total } }
    var error: (any Error)? { lock.withLock { firstError } }
    var failed: Bool { lock.withLock { firstError != nil } }

    func add(_ part: CorpusSummary) {
        lock.withLock {
            total.documents += part.documents
            total.bytes += part.bytes
            total.htmlDocuments += part.htmlDocuments
        }
    }

    func fail(_ error: any Error) {
        lock.withLock {
            if firstError == nil { firstError = error }
        }
    }
}

extension DocumentFormat {
    /// The file extension a document of this format is written with.
    var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        case .pdf: "pdf"
        }
    }
}

extension StatuteSummary {
    var expected: GeneratedDocument.Expected {
        var noise: [String] = []
        if typography.apostrophe != "'" { noise.append("smart quotes") }
        if noBreakSpaces { noise.append("no-break spaces") }
        return GeneratedDocument.Expected(
            state: jurisdiction.name, stateCode: jurisdiction.usps, year: year,
            sectionCitations: sections.map(\.citations), issueScores: [], extraCredit: [], overallScore: nil,
            noise: noise
        )
    }
}

extension ReportCard {
    var expected: GeneratedDocument.Expected {
        var noise: [String] = []
        for issue in issues {
            if issue.stray != nil { noise.append("stray fragment in first column") }
            if issue.duplicate != nil { noise.append("duplicated and cut issue name") }
            if issue.scoreTag != nil { noise.append("tag around score") }
            switch issue.gradeForm {
            case .latin: break
            case .lookAlike: noise.append("look-alike grade letter")
            case .missing: noise.append("missing grade letter")
            }
        }
        if doubledLabels { noise.append("doubled extra-credit labels") }
        if scoreForm == .runTogether { noise.append("score and maximum run together") }
        if typography.apostrophe != "'" { noise.append("smart quotes") }
        return GeneratedDocument.Expected(
            state: jurisdiction.name, stateCode: jurisdiction.usps, year: year, sectionCitations: [],
            issueScores: issues.map { Double($0.scoreHalves) / 2 }, extraCredit: credits.map { Double($0.halves) / 2 },
            overallScore: Double(totalHalves) / 2, noise: noise
        )
    }
}
