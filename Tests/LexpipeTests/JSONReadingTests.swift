import Foundation
import LexpipeCorpusGenerator
import LexpipeRecord
import Testing

/// `DocumentRecord(json:)`, the reader of records written before (the previous run's records,
/// datasets to diff), against `JSONDecoder`, which gives JSON its meaning for `Codable` types.
@Suite("JSON reading")
struct JSONReadingTests {
    /// Records of generated documents of every kind and format, and the corpus documents.
    static let records: [DocumentRecord] = {
        let generator = CorpusGenerator(seed: 3)
        var records = (0..<60).compactMap { index -> DocumentRecord? in
            let document = generator.document(at: index)
            return try? extractRecord(text: String(decoding: document.bytes, as: UTF8.self), source: document.path)
        }
        for name in ["ms-2018-responding-to-child-victims-of-human-trafficking.txt", "ms-2021-report-card.md"] {
            if let text = try? String(contentsOfFile: Package.corpusFile(name), encoding: .utf8),
                let record = try? extractRecord(text: text, source: name)
            {
                records.append(record)
            }
        }
        return records
    }()

    static func line(_ record: DocumentRecord) -> [UInt8] {
        var writer = JSONWriter()
        record.write(to: &writer)
        writer.endLine()
        return writer.bytes
    }

    @Test func recordsReadBackAsWritten() throws {
        #expect(JSONReadingTests.records.count == 62)
        #expect(JSONReadingTests.records.contains { $0.reportCard != nil })
        #expect(JSONReadingTests.records.contains { !$0.sections.isEmpty })
        for record in JSONReadingTests.records {
            let line = JSONReadingTests.line(record)
            let read = try DocumentRecord(json: line)
            #expect(read == record, "\(record.source)")
            #expect(read == (try JSONDecoder().decode(DocumentRecord.self, from: Data(line))), "\(record.source)")
        }
    }

    @Test func awkwardStringsReadAsJSONDecoderReadsThem() throws {
        var record = DocumentRecord(source: JSONWriterTests.awkward, sha256: "", format: .text, kind: .unknown)
        record.warnings = [JSONWriterTests.awkward, "", "\u{10FFFF}\u{FEFF}", String(repeating: "\\\"", count: 300)]
        let line = JSONReadingTests.line(record)
        #expect(try DocumentRecord(json: line) == record)
        // Escapes a writer other than ours may use: \/, \u for any character, surrogate pairs.
        let foreign = Array(#"{"source":"a\/b\u00e9\uD83D\uDE00\u4e2d","sha256":"","format":"text","kind":"unknown","sections":[],"warnings":[]}"#.utf8)
        let read = try DocumentRecord(json: foreign)
        #expect(read.source == "a/bé😀中")
        #expect(read == (try JSONDecoder().decode(DocumentRecord.self, from: Data(foreign))))
    }

    @Test func membersInAnyOrderUnknownOnesSkippedMissingOptionalsNil() throws {
        let json = """
            { "warnings" : [ ] , "extra": {"a": [1, -2.5e3, true, null, {"b": "\\u0022"}]},
              "kind":"report_card","sections":[],"format":"html","sha256":"ab","source":"s",
              "year": 2021.0, "title": null,
              "report_card": {"checks": {"grades_match_scores": false, "total_matches_sum": true},
                "overall": {"score": 68}, "extra_credit": [], "framework": "F",
                "issues": [{"name": "N", "number": 1, "score": 2.5, "max_score": 1e1, "grade": "B"}]} }
            """
        let read = try DocumentRecord(json: Array(json.utf8))
        #expect(read == (try JSONDecoder().decode(DocumentRecord.self, from: Data(json.utf8))))
        #expect(read.year == 2021)
        #expect(read.title == nil && read.state == nil)
        #expect(read.reportCard?.issues.first?.score == 2.5)
        #expect(read.reportCard?.issues.first?.maxScore == 10)
        #expect(read.reportCard?.issues.first?.grade == .b)
        #expect(read.reportCard?.overall == OverallGrade(score: 68, grade: nil, gradeSource: nil))
    }

    /// A record cut short anywhere is refused, never read as something else, and never crashes.
    @Test func everyTruncatedRecordIsRefused() throws {
        let record = try #require(JSONReadingTests.records.first { $0.reportCard != nil })
        let line = JSONReadingTests.line(record).dropLast()
        for length in 0..<line.count {
            #expect(throws: JSONReadError.self, "cut at \(length)") { try DocumentRecord(json: Array(line.prefix(length))) }
        }
        #expect(try DocumentRecord(json: Array(line)) == record)
    }

    @Test(arguments: [
        (#"{"source":"a"#, "unterminated string"),
        ("{\"source\":\"a\u{01}\"}", "control character in a string"),
        (#"{"source":"\x"}"#, "bad escape"),
        (#"{"source":"\uD800"}"#, "lone surrogate"),
        (#"{"source":"\uDC00x"}"#, "lone surrogate"),
        (#"{"year":01}"#, "leading zero in a number"),
        (#"{"year":1.}"#, "expected digits after '.'"),
        (#"{"year":2.5}"#, "expected an integer"),
        (#"{"format":"docx"}"#, "unknown DocumentFormat"),
        (#"{"sections":[],}"#, "expected a member name"),
        (#"{"sections":[1,]}"#, "expected an object"),
        (#"{"source":"a","sha256":"","format":"text","kind":"unknown","sections":[]}"#, "a record needs"),
        (#"{"source":"a","sha256":"","format":"text","kind":"unknown","sections":[],"warnings":[]} x"#, "unexpected text"),
        (String(repeating: #"{"x":["#, count: 600), "nested too deeply"),
    ])
    func malformedRecordsAreRefusedWithTheReason(json: String, reason: String) {
        do {
            _ = try DocumentRecord(json: Array(json.utf8))
            Issue.record("read \(json.prefix(60))")
        } catch {
            #expect(error.reason.hasPrefix(reason), "\(json.prefix(60)): \(error)")
        }
    }

    @Test func invalidUTF8IsRefused() {
        var line = Array(#"{"source":"ab","sha256":"","format":"text","kind":"unknown","sections":[],"warnings":[]}"#.utf8)
        line[12] = 0xFF
        #expect(throws: JSONReadError.self) { try DocumentRecord(json: line) }
    }
}
