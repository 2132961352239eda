import Foundation
public import LexpipePipeline
import LexpipeRecord

/// What went wrong finding or reading the gold records.
public enum GoldCheckError: Error, CustomStringConvertible, Sendable {
    /// The folder does not exist or cannot be listed.
    case unreadableFolder(path: String)
    /// A gold file is not a record's JSON.
    case unreadableGold(path: String, reason: String)
    /// The gold folder holds no `.json` file.
    case noGold(path: String)

    /// What went wrong, with the path.
    public var description: String {
        switch self {
        case let .unreadableFolder(path): "cannot read the folder \(path)"
        case let .unreadableGold(path, reason): "\(path): not a record: \(reason)"
        case let .noGold(path): "no gold record (NAME.json) in \(path)"
        }
    }
}

/// Extracts the documents that have a gold record and scores each against it: `lexpipe check`.
///
/// A gold record `REL/NAME.json` under the gold folder belongs to the document `REL/NAME.*`
/// under the corpus folder (the gold folder itself when no corpus is given: gold beside the
/// documents), else to `NAME.*` at the corpus root, else to the gold record's `source`.
public struct GoldCheck: Sendable {
    /// The folder of gold records.
    public var goldFolder: String
    /// The folder of documents.
    public var corpusFolder: String
    /// The settings extraction runs with.
    public var configuration: Configuration

    /// A check of the gold records in `goldFolder` against the documents in `corpusFolder`
    /// (default: the gold folder).
    public init(goldFolder: String, corpusFolder: String? = nil, configuration: Configuration = Configuration()) {
        self.goldFolder = goldFolder
        self.corpusFolder = corpusFolder ?? goldFolder
        self.configuration = configuration
    }

    /// Extracts and scores every document that has a gold record, in the order of the gold
    /// records' paths.
    public func run() throws(GoldCheckError) -> AccuracyReport {
        let goldFiles = try GoldCheck.files(under: goldFolder).filter { $0.hasSuffix(".json") }
        guard !goldFiles.isEmpty else { throw .noGold(path: goldFolder) }
        let corpusFiles = try GoldCheck.files(under: corpusFolder).filter { !$0.hasSuffix(".json") }
        var byStem: [String: String] = [:]
        for file in corpusFiles { byStem[GoldCheck.stem(file)] = byStem[GoldCheck.stem(file)] ?? file }
        let processor = DocumentProcessor(configuration: configuration)
        var scores: [RecordScore] = []
        var unmatched: [String] = []
        for goldFile in goldFiles {
            let goldPath = goldFolder + "/" + goldFile
            guard let bytes = FileManager.default.contents(atPath: goldPath) else {
                throw .unreadableGold(path: goldPath, reason: "cannot be read")
            }
            let gold: DocumentRecord
            do {
                gold = try DocumentRecord(json: Array(bytes))
            } catch {
                throw .unreadableGold(path: goldPath, reason: error.description)
            }
            let stem = GoldCheck.stem(goldFile)
            let name = String(stem.split(separator: "/").last ?? Substring(stem))
            guard let document = byStem[stem] ?? byStem[name]
                ?? (corpusFiles.contains(gold.source) ? gold.source : nil)
            else {
                unmatched.append(goldFile)
                continue
            }
            var times = StageTimes()
            switch processor.process(path: corpusFolder + "/" + document, source: gold.source, times: &times) {
            case let .record(record):
                scores.append(RecordComparison.score(gold: gold, extracted: record))
            case let .failure(failure):
                scores.append(RecordComparison.refused(gold: gold, reason: "\(failure.stage.rawValue): \(failure.reason)"))
            }
        }
        return AccuracyReport(documents: scores, unmatchedGold: unmatched)
    }

    /// `a/b.txt` as `a/b`.
    static func stem(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }

    /// Regular files under `folder`, as paths relative to it, sorted; hidden files left out.
    static func files(under folder: String) throws(GoldCheckError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
            let enumerator = FileManager.default.enumerator(atPath: folder)
        else { throw .unreadableFolder(path: folder) }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { files.append(path) }
        }
        return files.sorted()
    }
}
