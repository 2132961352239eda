import Foundation
import LexpipeCheck
import LexpipeRecord
import Testing

// `lexpipe check`: extraction scored against gold records, field by field, as a researcher who
// hand-checked a sample reports it.

@Suite("Check against gold records")
struct CheckTests {
    static let goldNames = [
        "ms-2018-responding-to-child-victims-of-human-trafficking.json", "ms-2021-report-card.json",
    ]

    static func gold(_ name: String) throws -> DocumentRecord {
        try DocumentRecord(json: Array(try Data(contentsOf: Package.gold(name))))
    }

    @Test func aRecordAgainstItselfIsExact() throws {
        for name in CheckTests.goldNames {
            let record = try CheckTests.gold(name)
            let score = RecordComparison.score(gold: record, extracted: record)
            #expect(score.isExact, "\(name): \(score.differences)")
            #expect(score.fields > 10 && score.exact == score.fields)
            #expect(score.citations.f1 == 1)
        }
    }

    @Test func aChangedFieldIsNamedWithBothValues() throws {
        let gold = try CheckTests.gold(CheckTests.goldNames[0])
        var extracted = gold
        extracted.sections[2].heading = "Diversion"
        extracted.year = 2019
        extracted.warnings = ["not compared"]
        extracted.sha256 = "0"
        let score = RecordComparison.score(gold: gold, extracted: extracted)
        #expect(score.differences.map(\.path) == ["year", "sections[2].heading"])
        #expect(score.differences[1].gold == "\"Diversion From Prosecution\"" && score.differences[1].extracted == "\"Diversion\"")
        #expect(score.exact == score.fields - 2)
        #expect(score.byField["sections[].heading"] == FieldTally(exact: 4, total: 5))
    }

    @Test func citationsScoreAsAMultisetByNormalForm() throws {
        let gold = try CheckTests.gold(CheckTests.goldNames[0])
        var extracted = gold
        // One citation lost, one spurious added, one written with other spacing (still a match).
        extracted.sections[0].citations.removeLast()
        extracted.sections[2].citations[0].raw = "Ann. Code §  97-3-54.6"
        var spurious = gold.sections[4].citations[0]
        spurious.normalized = "Miss. Code Ann. § 1-1-1"
        extracted.sections[4].citations.append(spurious)
        let score = RecordComparison.score(gold: gold, extracted: extracted)
        #expect(score.citations == MatchCount(expected: 4, found: 4, matched: 3))
        #expect(score.citations.precision == 0.75 && score.citations.recall == 0.75)
        #expect(!score.isExact)
        #expect(score.exact == score.fields, "citations are not fields")
    }

    @Test func missingAndSpuriousSectionsCountAsWrongFields() throws {
        let gold = try CheckTests.gold(CheckTests.goldNames[0])
        var fewer = gold
        fewer.sections.removeLast()
        let missed = RecordComparison.score(gold: gold, extracted: fewer)
        #expect(missed.differences.contains { $0.path == "sections[4].heading" && $0.extracted == "(absent)" })
        var more = gold
        more.sections.append(gold.sections[0])
        let spurious = RecordComparison.score(gold: gold, extracted: more)
        #expect(spurious.fields > RecordComparison.score(gold: gold, extracted: gold).fields)
        #expect(spurious.differences.allSatisfy { $0.path.hasPrefix("sections[5].") && $0.gold == "(absent)" })
    }

    @Test func theCorpusDocumentsMatchTheirGoldExactly() throws {
        let report = try GoldCheck(goldFolder: Package.fixtures.appendingPathComponent("gold").path, corpusFolder: Package.corpus.path).run()
        #expect(report.documents.count == 2 && report.unmatchedGold.isEmpty)
        #expect(report.fieldsExact == 1, "\(report.text())")
        #expect(report.citations.f1 == 1)
        #expect(report.exactDocuments == 2)
    }

    @Test func percentsAndDecimalsPrintAsInTheReport() {
        #expect(AccuracyReport.percent(0.9749) == "97.5%")
        #expect(AccuracyReport.percent(1) == "100.0%")
        #expect(AccuracyReport.fixed(0.5) == "0.500")
        #expect(AccuracyReport.fixed(0.9999) == "1.000")
        #expect(MatchCount.zero.f1 == 1)
        #expect(MatchCount(expected: 2, found: 0, matched: 0).f1 == 0)
    }
}

@Suite("lexpipe check", .serialized)
struct CheckCommandTests {
    @Test func theCorpusAgainstItsGoldPassesAtOneHundredPercent() throws {
        let result = try LexpipeBinary.run(["check", "Tests/LexpipeTests/Fixtures/gold", "corpus", "--min", "1"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("documents: 2, exact: 2"))
        #expect(result.stdout.contains("(100.0%)"))
        #expect(result.stdout.contains("citations: 4 expected, 4 found, 4 matched: precision 1.000, recall 1.000, F1 1.000"))
    }

    @Test func anAlteredGoldFailsAndNamesTheField() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in CheckTests.goldNames {
            var text = try String(contentsOf: Package.gold(name), encoding: .utf8)
            if name.hasPrefix("ms-2021") {
                text = text.replacingOccurrences(of: "\"name\": \"Continuum of Care\"", with: "\"name\": \"Continuum of Services\"")
            }
            try folder.write(name, text)
        }
        let result = try LexpipeBinary.run(["check", folder.path, "corpus", "--min", "0.999"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("documents: 2, exact: 1"))
        #expect(result.stdout.contains(
            "report_card.issues[2].name: gold \"Continuum of Services\", extracted \"Continuum of Care\""
        ), "\(result.stdout)")
        #expect(result.stderr.contains("below --min"))
        // Without --min the same report passes.
        #expect(try LexpipeBinary.run(["check", folder.path, "corpus"]).status == 0)
    }

    @Test func goldBesideItsDocumentsNeedsNoCorpusAndJSONIsAvailable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let name = "ms-2018-responding-to-child-victims-of-human-trafficking"
        try folder.write("sub/\(name).json", try String(contentsOf: Package.gold(name + ".json"), encoding: .utf8))
        try folder.write("sub/\(name).txt", try String(contentsOf: Package.corpus.appendingPathComponent(name + ".txt"), encoding: .utf8))
        try folder.write("orphan.json", try String(contentsOf: Package.gold("ms-2021-report-card.json"), encoding: .utf8))
        let result = try LexpipeBinary.run(["check", folder.path, "--format", "json"])
        #expect(result.status == 1, "a gold record with no document fails the check")
        let tree = try JSONTree.parse(Data(result.stdout.utf8))
        guard case let .object(members) = tree else { Issue.record("not an object"); return }
        #expect(members["documents"] == .number(1))
        #expect(members["fields_exact_share"] == .number(1))
        #expect(members["unmatched_gold"] == .array([.string("orphan.json")]))
    }

    @Test func noGoldIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try LexpipeBinary.run(["check", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no gold record"))
    }
}
