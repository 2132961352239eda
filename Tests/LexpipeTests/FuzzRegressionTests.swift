import Foundation
import LexpipePipeline
import LexpipeRecord
import Testing

/// Inputs kept from fuzzing (`scripts/fuzz.sh`): each runs through every stage to a record or a
/// refusal, the record serializes to valid JSON and reads back as written, and the same bytes
/// give the same result.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let inputs: [String] = {
        let folder = Package.fixtures.appendingPathComponent("fuzz").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }()

    @Test func theKeptInputsAreThere() {
        #expect(FuzzRegressionTests.inputs.count >= 20)
    }

    @Test(arguments: inputs)
    func replaysWithoutCrashingAndDeterministically(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let processor = DocumentProcessor(configuration: LexpipePipeline.Configuration())
        var times = StageTimes()
        let first = processor.process(bytes: bytes, source: "fuzz.txt", times: &times)
        let second = processor.process(bytes: bytes, source: "fuzz.txt", times: &times)
        switch (first, second) {
        case let (.record(a), .record(b)):
            #expect(a == b)
            let json = a.json.pretty()
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "record JSON does not parse")
            // The record reads back as written, as the next run reusing it reads it.
            var line = JSONWriter()
            a.write(to: &line)
            let read = try DocumentRecord(json: line.bytes)
            #expect(read == a)
        case let (.failure(a), .failure(b)):
            #expect(a == b)
            #expect(!a.reason.isEmpty)
        default:
            Issue.record("the same bytes gave a record once and a refusal once")
        }
    }
}
