import Foundation
import LexpipeIngest
import LexpipeMarkup
import LexpipePipeline
import LexpipeRecord
import Testing

/// Paths inside the package, found from this file so tests run from any folder.
enum Package {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("corpus")
    static let fixtures = root.appendingPathComponent("Tests/LexpipeTests/Fixtures")

    static func corpusFile(_ name: String) -> String { corpus.appendingPathComponent(name).path }
    static func gold(_ name: String) -> URL { fixtures.appendingPathComponent("gold/\(name)") }
}

/// Runs one document through every stage, as `lexpipe extract` does.
func extractRecord(
    text: String, source: String, configuration: LexpipePipeline.Configuration = LexpipePipeline.Configuration()
) throws -> DocumentRecord {
    var times = StageTimes()
    switch DocumentProcessor(configuration: configuration).process(bytes: Array(text.utf8), source: source, times: &times) {
    case let .record(record): return record
    case let .failure(failure): throw failure
    }
}

/// A JSON document parsed with Foundation, for comparing records field by field.
indirect enum JSONTree: Equatable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([JSONTree]), object([String: JSONTree])

    init(_ any: Any) {
        switch any {
        case is NSNull: self = .null
        case let number as NSNumber where ["c", "B"].contains(String(cString: number.objCType)): self = .bool(number.boolValue)
        case let number as NSNumber: self = .number(number.doubleValue)
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(JSONTree.init))
        case let object as [String: Any]: self = .object(object.mapValues(JSONTree.init))
        default: self = .string("\(any)")
        }
    }

    static func parse(_ data: Data) throws -> JSONTree {
        JSONTree(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    var description: String {
        switch self {
        case .null: "null"
        case let .bool(value): "\(value)"
        case let .number(value): "\(value)"
        case let .string(value): "\"\(value)\""
        case let .array(items): "[\(items.count) items]"
        case let .object(members): "{\(members.keys.sorted().joined(separator: ", "))}"
        }
    }

    /// Every difference, as `path: expected X, got Y`; fields named in `ignoring` are skipped.
    func differences(from expected: JSONTree, path: String = "", ignoring: Set<String> = []) -> [String] {
        switch (expected, self) {
        case let (.object(want), .object(got)):
            var result: [String] = []
            for key in Set(want.keys).union(got.keys).sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if ignoring.contains(child) { continue }
                guard let wanted = want[key] else { result.append("\(child): unexpected field"); continue }
                guard let value = got[key] else { result.append("\(child): missing"); continue }
                result += value.differences(from: wanted, path: child, ignoring: ignoring)
            }
            return result
        case let (.array(want), .array(got)):
            var result: [String] = []
            if want.count != got.count { result.append("\(path): expected \(want.count) items, got \(got.count)") }
            for index in 0..<min(want.count, got.count) {
                result += got[index].differences(from: want[index], path: "\(path)[\(index)]", ignoring: ignoring)
            }
            return result
        default:
            return expected == self ? [] : ["\(path): expected \(expected), got \(self)"]
        }
    }
}

/// A fresh temporary folder, removed by the caller with `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lexpipe-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
