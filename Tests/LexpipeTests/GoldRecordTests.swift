import Foundation
import LexpipePipeline
import LexpipeRecord
import Testing

/// The records of the two corpus documents against their gold files, field by field.
@Suite("Gold records")
struct GoldRecordTests {
    @Test(arguments: [
        ("ms-2018-responding-to-child-victims-of-human-trafficking.txt", "ms-2018-responding-to-child-victims-of-human-trafficking.json"),
        ("ms-2021-report-card.md", "ms-2021-report-card.json"),
    ])
    func recordMatchesGold(document: String, gold: String) throws {
        let configuration = try LexpipePipeline.Configuration.load(path: Package.root.appendingPathComponent("pipeline.yml").path)
        var times = StageTimes()
        let outcome = DocumentProcessor(configuration: configuration)
            .process(path: Package.corpusFile(document), source: document, times: &times)
        guard case let .record(record) = outcome else {
            Issue.record("\(document) was refused: \(outcome)")
            return
        }
        let produced = try JSONTree.parse(Data(record.json.pretty().utf8))
        let expected = try JSONTree.parse(try Data(contentsOf: Package.gold(gold)))
        let differences = produced.differences(from: expected, ignoring: ["warnings"])
        #expect(differences.isEmpty, "\(document) differs from gold: \(differences.joined(separator: "; "))")
    }

    @Test func reportCardWarningsNameEachRepair() throws {
        let text = try String(contentsOfFile: Package.corpusFile("ms-2021-report-card.md"), encoding: .utf8)
        let record = try extractRecord(text: text, source: "ms-2021-report-card.md")
        let warnings = record.warnings.joined(separator: "\n")
        #expect(warnings.contains("issue 1: no legible grade letter; grade derived from score 16/17.5"))
        #expect(warnings.contains("issue 5: grade letter U+0412 (Cyrillic) read as B"))
        #expect(warnings.contains("overall: grade derived from score 68"))
        #expect(warnings.contains("stray fragment \"9\""))
    }

    @Test func jsonDiffNamesTheField() throws {
        let expected = try JSONTree.parse(Data(#"{"a": {"b": [1, 2]}, "c": "x"}"#.utf8))
        let produced = try JSONTree.parse(Data(#"{"a": {"b": [1, 3]}, "c": "x"}"#.utf8))
        #expect(produced.differences(from: expected) == ["a.b[1]: expected 2.0, got 3.0"])
    }
}
