import Foundation
import LexpipeIngest
public import LexpipeDatasets
import LexpipeExtraction
public import LexpipeJurisdictions
public import LexpipeNormalization
import LexpipeRecord
import Yams

/// Bounds on what one document may produce (`limits` in `pipeline.yml`), so that a hostile
/// or broken file costs bounded memory and time and the rest of the batch is published.
public struct DocumentLimits: Sendable, Equatable {
    /// Citations kept per document; the rest of its citation text is not read, with a warning.
    public var maxCitationsPerDocument = 10_000
    /// Warnings kept per document; one more warning says how many were left out.
    public var maxWarningsPerDocument = 1_000
    /// A record whose `documents.jsonl` line is larger is refused.
    public var maxRecordBytes = 64 * 1024 * 1024

    public init() {}
}

/// Everything a run is told by `pipeline.yml`. Defaults live here, in one place; paths are
/// relative to the configuration file's folder.
public struct Configuration: Sendable {
    /// The configuration format's version; only 1 exists.
    public var version = 1
    /// The corpus folder.
    public var corpusRoot = "corpus"
    /// Patterns of documents to read, relative to the corpus root.
    public var include = ["**/*.txt", "**/*.text", "**/*.md", "**/*.markdown", "**/*.html", "**/*.htm", "**/*.rst", "**/*.adoc", "**/*.asciidoc", "**/*.xhtml", "**/*.mhtml", "**/*.mht", "**/*.pdf"]
    /// Patterns of files and folders to leave out.
    public var exclude: [String] = []
    /// Follow symbolic links in the corpus (loops are detected and reported).
    public var followSymbolicLinks = false
    /// Where datasets are published.
    public var outputDirectory = "output"
    /// Documents processed at once; `nil` means the number of cores.
    public var jobs: Int?
    /// Documents larger than this are refused by ingest.
    public var maxDocumentBytes = 16 * 1024 * 1024
    /// PDFs of more pages are refused by ingest before any page is read.
    public var maxPDFPages = Ingestor.defaultMaxPDFPages
    /// Drop running page headers, footers and page numbers (of PDFs and their conversions).
    public var dropPageFurniture = true
    /// Grade derivation scales, tried in order.
    public var gradingScales: [GradingScale] = GradingScale.builtIn
    /// Code names added to (or overriding) the shipped table, by USPS code.
    public var codeNames: [String: [CodeName]] = [:]
    /// Which dataset files to write; never empty.
    public var formats: [DatasetFormat] = [.jsonl, .csv, .sqlite]
    /// What one document may produce at most.
    public var limits = DocumentLimits()
    /// Where the file came from; relative paths resolve against its folder.
    public var baseDirectory = "."
    /// SHA-256 of the file's bytes, or of nothing when defaults are used.
    public var digest = ""

    public init() {}

    /// The number of documents in flight.
    public var effectiveJobs: Int {
        max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// A digest of every setting that can change a document's record, with the lexpipe
    /// version: records of a previous run are reused only when it is the same.
    public var extractionDigest: String {
        var text = "lexpipe \(LexpipeVersion.current)\nmax_document_bytes \(maxDocumentBytes)\n"
        text += "max_pdf_pages \(maxPDFPages)\ndrop_page_furniture \(dropPageFurniture)\n"
        text += "limits \(limits.maxCitationsPerDocument) \(limits.maxWarningsPerDocument) \(limits.maxRecordBytes)\n"
        for scale in gradingScales {
            let minimums = scale.minimums.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }
            let outOf = scale.overallOutOf.map { " overall_out_of=\($0)" } ?? ""
            text += "scale \(scale.framework ?? "*") \(scale.fromYear.map(String.init) ?? "*")-\(scale.toYear.map(String.init) ?? "*") \(minimums.joined(separator: ","))\(outOf)\n"
        }
        for (usps, codes) in codeNames.sorted(by: { $0.key < $1.key }) {
            for code in codes {
                text += "code \(usps) \(code.names.joined(separator: "|")) \(code.body.rawValue) \(code.citedBy.rawValue) \(code.titleFirst) \(code.bluebook)\n"
            }
        }
        return Ingestor.sha256(Array(text.utf8))
    }

    /// A path from the configuration resolved against its folder.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
    }

    /// Reads and validates a configuration file.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let bytes = [UInt8](data.prefix(4))
            let mark =
                if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) { " (it starts with a UTF-32 byte-order mark)" }
                else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { " (it starts with a UTF-16 byte-order mark)" }
                else { "" }
            throw .unreadable(file: path, reason: "not UTF-8 text\(mark); save it as UTF-8")
        }
        var configuration = try parse(yaml: text, file: path)
        configuration.baseDirectory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        return configuration
    }

    /// Parses configuration text; `file` names it in errors.
    public static func parse(yaml: String, file: String) throws(ConfigurationError) -> Configuration {
        let reader = ConfigurationReader(file: file)
        return try reader.read(yaml)
    }
}
