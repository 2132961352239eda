import Foundation
import LexpipeRecord

/// One item of a `manifest.json` list, pretty-printed where it was made, so that the writer
/// only copies it.
public struct ManifestItem: Sendable {
    let bytes: [UInt8]

    public init(_ value: JSONValue) {
        var bytes = Array("\n    ".utf8)
        value.writePretty(to: &bytes, depth: 2)
        self.bytes = bytes
    }
}

/// A top-level list of `manifest.json` with one item per document. Items are written to a
/// spool file in the staging folder as documents are written and copied into the manifest at
/// the end, so the writer's memory does not grow with the corpus.
final class ManifestList {
    /// The manifest member the items belong to.
    let key: String
    private let spool: BufferedFile
    private(set) var count = 0

    init(key: String, spoolPath: String) throws(DatasetError) {
        self.key = key
        spool = try BufferedFile(path: spoolPath)
    }

    func append(_ item: ManifestItem) throws(DatasetError) {
        try spool.write { out in
            if count > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: item.bytes)
        }
        count += 1
    }

    /// Writes `manifest` pretty-printed into `file`, with this list as its `key` member
    /// (which `manifest` holds as an empty placeholder, or not at all: then it is added last).
    func write(_ manifest: JSONValue, into file: BufferedFile) throws(DatasetError) {
        guard case var .object(members) = manifest else {
            var out: [UInt8] = []
            manifest.writePretty(to: &out, depth: 0)
            return try file.write(out)
        }
        if !members.contains(where: { $0.0 == key }) { members.append((key, .array([]))) }
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (index, (name, value)) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: "\n  ".utf8)
            JSONValue.string(name).writePretty(to: &out, depth: 1)
            out.append(contentsOf: ": ".utf8)
            guard name == key, count > 0 else {
                value.writePretty(to: &out, depth: 1)
                continue
            }
            out.append(UInt8(ascii: "["))
            try file.write(out)
            try copySpool(into: file)
            out = Array("\n  ]".utf8)
        }
        out.append(contentsOf: "\n}".utf8)
        try file.write(out)
    }

    /// Removes the spool file; the staging folder is published without it.
    func remove() {
        unlink(spool.path)
    }

    private func copySpool(into file: BufferedFile) throws(DatasetError) {
        try spool.flush()
        let descriptor = open(spool.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .writeFailed(path: spool.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var block = [UInt8](repeating: 0, count: 1 << 18)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: spool.path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return }
            try file.write { $0.append(contentsOf: block[..<count]) }
        }
    }
}
