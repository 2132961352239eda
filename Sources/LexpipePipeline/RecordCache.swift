import Foundation
import LexpipeRecord

/// The records of the previous run, found by the SHA-256 of their input bytes: a document whose
/// bytes are unchanged (under any name) is not extracted again. Valid only when the previous
/// run had the same lexpipe version and extraction settings, which its manifest records.
final class RecordCache: Sendable {
    /// Previous records' lines in `documents.jsonl`, by input digest.
    private let lines: [String: (offset: Int, length: Int)]
    private let descriptor: Int32
    /// Input digests by source, from the previous manifest, for the change report.
    let previousInputs: [String: String]

    private init(lines: [String: (offset: Int, length: Int)], descriptor: Int32, previousInputs: [String: String]) {
        self.lines = lines
        self.descriptor = descriptor
        self.previousInputs = previousInputs
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The previous output's inputs alone, when its records cannot be reused.
    static func inputsOnly(_ previousInputs: [String: String]) -> RecordCache {
        RecordCache(lines: [:], descriptor: -1, previousInputs: previousInputs)
    }

    /// Opens the cache of the output folder; `nil` when there is no previous output.
    static func open(outputDirectory: String, extractionDigest: String, reuse: Bool) -> RecordCache? {
        guard let manifestData = FileManager.default.contents(atPath: outputDirectory + "/manifest.json"),
            let manifest = try? JSONDecoder().decode(PreviousManifest.self, from: manifestData)
        else { return nil }
        var previousInputs: [String: String] = [:]
        previousInputs.reserveCapacity(manifest.inputs?.count ?? 0)
        for input in manifest.inputs ?? [] {
            if let source = input.source, let digest = input.sha256 { previousInputs[source] = digest }
        }
        guard reuse, manifest.extractionDigest == extractionDigest else { return inputsOnly(previousInputs) }
        let path = outputDirectory + "/documents.jsonl"
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, let lines = lineIndex(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            return inputsOnly(previousInputs)
        }
        return RecordCache(lines: lines, descriptor: descriptor, previousInputs: previousInputs)
    }

    /// What the cache needs of the previous `manifest.json`; decoded without building a
    /// dictionary per input, whose memory would grow with the corpus.
    private struct PreviousManifest: Decodable {
        struct Input: Decodable {
            var source: String?
            var sha256: String?
        }

        var extractionDigest: String?
        var inputs: [Input]?

        enum CodingKeys: String, CodingKey {
            case extractionDigest = "extraction_digest"
            case inputs
        }
    }

    /// Where each record line of `documents.jsonl` starts and how long it is, by its input
    /// digest. Read in blocks: the file grows with the corpus, the memory used here must not.
    private static func lineIndex(_ descriptor: Int32) -> [String: (offset: Int, length: Int)]? {
        var lines: [String: (offset: Int, length: Int)] = [:]
        let blockSize = 1 << 20
        var block = [UInt8](repeating: 0, count: blockSize)
        var line: [UInt8] = []
        var lineStart = 0
        var position = 0
        while true {
            let count = block.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, blockSize) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            var start = 0
            while let newline = block[start..<count].firstIndex(of: 10) {
                line.append(contentsOf: block[start..<newline])
                if let digest = digest(in: line) { lines[digest] = (lineStart, line.count) }
                line.removeAll(keepingCapacity: true)
                lineStart = position + newline + 1
                start = newline + 1
            }
            line.append(contentsOf: block[start..<count])
            position += count
        }
        if let digest = digest(in: line) { lines[digest] = (lineStart, line.count) }
        return lines
    }

    private static let digestMarker = Array(#"","sha256":""#.utf8)

    /// The `sha256` field of a record line: the first `","sha256":"` (a source cannot contain
    /// it unescaped) followed by 64 hex digits.
    private static func digest(in line: [UInt8]) -> String? {
        let marker = digestMarker
        guard line.count > marker.count + 64 else { return nil }
        var index = 0
        while index + marker.count + 64 <= line.count {
            if line[index] == marker[0], line[index..<(index + marker.count)].elementsEqual(marker) {
                let start = index + marker.count
                return String(decoding: line[start..<(start + 64)], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    /// The previous record of a document with these bytes, under its new `source`.
    func record(sha256: String, source: String) -> DocumentRecord? {
        guard let (offset, length) = lines[sha256] else { return nil }
        var bytes = [UInt8](repeating: 0, count: length)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(offset)) }
        guard count == length, var record = try? JSONDecoder().decode(DocumentRecord.self, from: Data(bytes)),
            record.sha256 == sha256
        else { return nil }
        record.source = source
        return record
    }
}
