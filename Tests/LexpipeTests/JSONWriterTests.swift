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

    /// The sixteen-at-a-time search finds what a byte-by-byte search finds: every byte value, at
    /// every offset of a block, in the tails, and from a start inside the text.
    @Test func specialBytesAreFoundAtEveryPosition() {
        let sets: [(SpecialBytes, (UInt8) -> Bool)] = [
            (SpecialBytes([0x22, 0x5C], controls: true), { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }),
            (SpecialBytes([0x2C, 0x22, 0x0A, 0x0D]), { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }),
            (SpecialBytes([0x22]), { $0 == 0x22 }),
        ]
        for (special, isSpecial) in sets {
            for (length, start) in [(0, 0), (1, 0), (7, 0), (8, 0), (9, 0), (15, 0), (16, 0), (17, 0), (31, 0), (33, 0), (40, 0), (48, 0), (21, 5), (40, 3)] {
                for position in 0..<max(length, 1) {
                    for value in UInt8.min...UInt8.max {
                        // Around the probe: the bytes just above and below the special ones.
                        var text = [UInt8](repeating: 0x61, count: length)
                        for index in text.indices { text[index] = [0x20, 0x7F, 0x80, 0xFF, 0x21, 0x5D, 0x2D][index % 7] }
                        if position < length { text[position] = value }
                        let expected = text[min(start, length)...].firstIndex(where: isSpecial) ?? length
                        let found = text.withUnsafeBufferPointer { special.first(in: $0, from: start) }
                        #expect(found == expected, "length \(length), byte \(value) at \(position)")
                        if found != expected { return }
                    }
                }
            }
        }
    }

    /// The word tests mark exactly the bytes a byte-by-byte test finds, whatever their neighbours.
    @Test func wordTestsMarkExactlyTheBytesTheyName() {
        let neighbours: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x7F, 0x80, 0xFF]
        for value in UInt8.min...UInt8.max {
            for neighbour in neighbours {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[position] = value
                    let word = bytes.withUnsafeBufferPointer { ByteWord.load($0, at: 0) }
                    for target in [0x00, 0x0D, 0x20, value] as [UInt8] {
                        var expected: UInt64 = 0
                        for (index, byte) in bytes.enumerated() where byte == target { expected |= 0x80 << (8 * UInt64(index)) }
                        #expect(ByteWord.matches(target, in: word) == expected, "\(bytes) \(target)")
                        #expect((ByteWord.anyZero(word ^ ByteWord.spread(target)) != 0) == (expected != 0), "\(bytes) \(target)")
                    }
                    #expect((ByteWord.controls(in: word) != 0) == bytes.contains { $0 < 0x20 }, "\(bytes)")
                    #expect(ByteWord.isPrintableASCII(word) == bytes.allSatisfy { $0 >= 0x20 && $0 < 0x80 }, "\(bytes)")
                }
            }
        }
    }

    @Test func numbersPrintAsFormatPrintsThem() {
        let values: [Double] = [0, -0.0, 16, -3, 17.5, 1 / 3, 1e15, 1e16, -1e15 + 1, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, .nan]
        for value in values {
            #expect(JSONValue.number(value).compact() == JSONValue.format(value))
        }
        for value in [0, 7, -7, 9, 10, -10, 99, 100, 1234567890, Int.max, Int.min] {
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
