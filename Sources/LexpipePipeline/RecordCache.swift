import Foundation
import LexpipeRecord

/// The records of the previous run, found by the SHA-256 of their input bytes: a document whose
/// bytes are unchanged (under any name) is not extracted again. Valid only when the previous
/// run had the same lexpipe version and extraction settings, which its manifest records.
final class RecordCache: Sendable {
    /// Previous records' lines in `documents.jsonl`, by input digest.
    private let lines: [InputDigest: (offset: Int, length: Int)]
    private let descriptor: Int32
    /// Input digests by source, from the previous manifest, for the change report.
    let previousInputs: PreviousInputs

    private init(lines: [InputDigest: (offset: Int, length: Int)], descriptor: Int32, previousInputs: PreviousInputs) {
        self.lines = lines
        self.descriptor = descriptor
        self.previousInputs = previousInputs
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The previous output's inputs alone, when its records cannot be reused.
    static func inputsOnly(_ previousInputs: PreviousInputs) -> RecordCache {
        RecordCache(lines: [:], descriptor: -1, previousInputs: previousInputs)
    }

    /// Opens the cache of the output folder; `nil` when there is no previous output.
    static func open(outputDirectory: String, extractionDigest: String, reuse: Bool) -> RecordCache? {
        guard let manifestData = FileManager.default.contents(atPath: outputDirectory + "/manifest.json"),
            let manifest = try? PreviousManifest([UInt8](manifestData))
        else { return nil }
        let previousInputs = PreviousInputs(manifest.inputs)
        guard reuse, manifest.extractionDigest == extractionDigest else { return inputsOnly(previousInputs) }
        let path = outputDirectory + "/documents.jsonl"
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, let lines = lineIndex(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            return inputsOnly(previousInputs)
        }
        return RecordCache(lines: lines, descriptor: descriptor, previousInputs: previousInputs)
    }

    /// What the cache needs of the previous `manifest.json`, read without keeping the rest.
    private struct PreviousManifest {
        var extractionDigest: String?
        /// Inputs with a source and a digest (a document refused before it was read has none).
        var inputs: [(source: String, digest: InputDigest)] = []

        init(_ json: [UInt8]) throws(JSONReadError) {
            var extractionDigest: String?
            var inputs: [(source: String, digest: InputDigest)] = []
            try json.withUnsafeBufferPointer { bytes throws(JSONReadError) in
                try JSONReader.read(bytes) { reader throws(JSONReadError) in
                    try reader.object { reader, key throws(JSONReadError) in
                        switch key {
                        case "extraction_digest": extractionDigest = try reader.optionalString()
                        case "inputs":
                            try reader.array { reader throws(JSONReadError) in
                                var source: String?
                                var digest: InputDigest?
                                try reader.object { reader, key throws(JSONReadError) in
                                    switch key {
                                    case "source": source = try reader.optionalString()
                                    case "sha256": digest = try reader.optionalString().flatMap(InputDigest.init(hex:))
                                    default: try reader.skipValue()
                                    }
                                }
                                if let source, let digest { inputs.append((source, digest)) }
                            }
                        default: try reader.skipValue()
                        }
                    }
                }
            }
            self.extractionDigest = extractionDigest
            self.inputs = inputs
        }
    }

    /// Where each record line of `documents.jsonl` starts and how long it is, by its input
    /// digest. Read in blocks: the file grows with the corpus, the memory used here must not.
    private static func lineIndex(_ descriptor: Int32) -> [InputDigest: (offset: Int, length: Int)]? {
        var lines: [InputDigest: (offset: Int, length: Int)] = [:]
        let blockSize = 1 << 20
        var block = [UInt8](repeating: 0, count: blockSize)
        // Only a line that runs across blocks is gathered here; the others are read in place.
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
            block.withUnsafeBufferPointer { block in
                var start = 0
                while true {
                    let newline = block.offset(of: UInt8(ascii: "\n"), from: start, to: count)
                    guard newline < count else {
                        line.append(contentsOf: UnsafeBufferPointer(rebasing: block[start..<count]))
                        break
                    }
                    if line.isEmpty {
                        if let digest = digest(in: UnsafeBufferPointer(rebasing: block[start..<newline])) {
                            lines[digest] = (lineStart, newline - start)
                        }
                    } else {
                        line.append(contentsOf: UnsafeBufferPointer(rebasing: block[start..<newline]))
                        if let digest = line.withUnsafeBufferPointer(digest(in:)) { lines[digest] = (lineStart, line.count) }
                        line.removeAll(keepingCapacity: true)
                    }
                    lineStart = position + newline + 1
                    start = newline + 1
                }
            }
            position += count
        }
        if let digest = line.withUnsafeBufferPointer(digest(in:)) { lines[digest] = (lineStart, line.count) }
        return lines
    }

    private static let digestMarker = Array(#"","sha256":""#.utf8)

    /// The `sha256` field of a record line: the first `","sha256":"` (a source cannot contain
    /// it unescaped) followed by 64 hex digits.
    private static func digest(in line: UnsafeBufferPointer<UInt8>) -> InputDigest? {
        let marker = digestMarker
        guard line.count > marker.count + 64 else { return nil }
        var index = 0
        while index + marker.count + 64 <= line.count {
            if line[index] == marker[0], line[index..<(index + marker.count)].elementsEqual(marker) {
                let start = index + marker.count
                return InputDigest(hex: UnsafeBufferPointer(rebasing: line[start..<(start + 64)]))
            }
            index += 1
        }
        return nil
    }

    /// A previous record, and its `documents.jsonl` line (line feed included) when the line is
    /// what encoding the record would write: under the same `source`.
    struct Reused {
        var record: DocumentRecord
        var line: [UInt8]?
    }

    /// The previous record of a document with these bytes, under its new `source`.
    func record(sha256: String, source: String) -> Reused? {
        guard let key = InputDigest(hex: sha256.utf8), let (offset, length) = lines[key] else { return nil }
        // Read into storage that is not zeroed first, with room for the line feed.
        var count = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: length + 1) { buffer, initialized in
            count = pread(descriptor, buffer.baseAddress, length, off_t(offset))
            initialized = max(0, count)
        }
        guard count == length, var record = try? DocumentRecord(json: bytes),
            record.sha256 == sha256
        else { return nil }
        guard record.source == source else {
            record.source = source
            return Reused(record: record, line: nil)
        }
        // The same version wrote the line from the same record (the cache is keyed on both),
        // and writing is deterministic.
        bytes.append(UInt8(ascii: "\n"))
        return Reused(record: record, line: bytes)
    }
}

/// A SHA-256 digest in 32 bytes rather than as its 64 hex digits: the cache keeps one for each
/// document of the previous run, so their size is what its memory grows by.
struct InputDigest: Hashable, Sendable {
    private let a: UInt64
    private let b: UInt64
    private let c: UInt64
    private let d: UInt64

    /// Parses 64 lower- or upper-case hex digits; `nil` for anything else.
    init?(hex: some Collection<UInt8>) {
        guard hex.count == 64 else { return nil }
        var words: [UInt64] = []
        words.reserveCapacity(4)
        var word: UInt64 = 0
        for (index, byte) in hex.enumerated() {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            word = word << 4 | UInt64(value)
            if index % 16 == 15 {
                words.append(word)
                word = 0
            }
        }
        (a, b, c, d) = (words[0], words[1], words[2], words[3])
    }

    init?(hex: String) {
        self.init(hex: hex.utf8)
    }
}
