import Foundation
import LexpipeRecord
import Testing

@Suite("JSON writing")
struct JSONWriterTests {
    static let awkward = "q\"b\\s/\n\r\t\u{08}\u{0C}\u{00}\u{01}\u{1F}\u{7F} \u{2028}\u{2029} é\u{301} 👩‍👩‍👧 中文 \"\u{301}"

    @Test func stringsAreEscapedOneWay() {
        #expect(JSONValue.string(JSONWriterTests.awkward).compact()
            == "\"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0000\\u0001\\u001f\u{7F} \u{2028}\u{2029} é\u{301} 👩‍👩‍👧 中文 \\\"\u{301}\"")
        #expect(JSONValue.string("").compact() == "\"\"")
        let long = String(repeating: "plain text, ", count: 10_000) + "\"" + String(repeating: "é", count: 5_000)
        #expect(JSONValue.string(long).compact() == "\"" + long.replacingOccurrences(of: "\"", with: "\\\"") + "\"")
    }

    @Test func numbersPrintAsFormatPrintsThem() {
        let values: [Double] = [0, -0.0, 16, -3, 17.5, 1 / 3, 1e15, 1e16, -1e15 + 1, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, .nan]
        for value in values {
            #expect(JSONValue.number(value).compact() == JSONValue.format(value))
        }
        for value in [0, 7, -7, 10, 1234567890, Int.max, Int.min] {
            #expect(JSONValue.integer(value).compact() == String(value))
        }
    }

    @Test func prettyIndentsTwoSpacesPerLevel() {
        let value = JSONValue.object([
            ("a", .array([.integer(1), .object([]), .array([]), .null])),
            ("b\n", .object([("c", .bool(true)), ("d", .number(2.5))])),
        ])
        #expect(value.pretty() == "{\n  \"a\": [\n    1,\n    {},\n    [],\n    null\n  ],\n  \"b\\n\": {\n    \"c\": true,\n    \"d\": 2.5\n  }\n}")
        #expect(value.compact() == #"{"a":[1,{},[],null],"b\n":{"c":true,"d":2.5}}"#)
    }

    /// The direct encoders write exactly what the JSON trees of the same values compact to.
    @Test func recordsWriteAsTheirJSONTreesCompact() throws {
        var records = try DatasetTests.goldRecords()
        var odd = records[1]
        odd.title = JSONWriterTests.awkward
        odd.state = nil
        odd.year = nil
        odd.warnings = [JSONWriterTests.awkward, ""]
        odd.reportCard?.issues[0].score = 1 / 3
        odd.reportCard?.issues[0].grade = nil
        odd.reportCard?.extraCredit = []
        records.append(odd)
        var summary = records[0]
        summary.sections[0].text = JSONWriterTests.awkward
        if let cited = summary.sections.firstIndex(where: { !$0.citations.isEmpty }) {
            summary.sections[cited].citations[0].sectionEnd = "9"
            summary.sections[cited].citations[0].title = nil
        }
        summary.reportCard = nil
        records.append(summary)
        for record in records {
            var json = JSONWriter()
            record.write(to: &json)
            #expect(String(decoding: json.bytes, as: UTF8.self) == record.json.compact())
        }
        let failure = DocumentFailure(source: "a,\"b\".pdf", stage: .ingest, reason: JSONWriterTests.awkward)
        var json = JSONWriter()
        failure.write(to: &json)
        #expect(String(decoding: json.bytes, as: UTF8.self) == failure.json.compact())
    }
}
