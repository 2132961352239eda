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
            let manifest = try? JSONSerialization.jsonObject(with: manifestData) as? [String: Any]
        else { return nil }
        var previousInputs: [String: String] = [:]
        for input in manifest["inputs"] as? [[String: Any]] ?? [] {
            if let source = input["source"] as? String, let digest = input["sha256"] as? String { previousInputs[source] = digest }
        }
        guard reuse, manifest["extraction_digest"] as? String == extractionDigest else { return inputsOnly(previousInputs) }
        let path = outputDirectory + "/documents.jsonl"
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, let data = FileManager.default.contents(atPath: path) else {
            if descriptor >= 0 { close(descriptor) }
            return inputsOnly(previousInputs)
        }
        var lines: [String: (Int, Int)] = [:]
        let marker = Array(#"","sha256":""#.utf8)
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 10 { end += 1 }
                if let digest = RecordCache.digest(in: bytes[start..<end], marker: marker) { lines[digest] = (start, end - start) }
                start = end + 1
            }
        }
        return RecordCache(lines: lines, descriptor: descriptor, previousInputs: previousInputs)
    }

    /// The `sha256` field of a record line: the first `","sha256":"` (a source cannot contain
    /// it unescaped) followed by 64 hex digits.
    private static func digest(in line: Slice<UnsafeBufferPointer<UInt8>>, marker: [UInt8]) -> String? {
        guard line.count > marker.count + 64 else { return nil }
        var index = line.startIndex
        while index + marker.count + 64 <= line.endIndex {
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
