import Foundation
import LexpipeDatasets
import LexpipePipeline
import LexpipeRecord
import Testing

@Suite("Batch runs")
struct PipelineRunTests {
    @Test func outputIsByteIdenticalForOneAndFourJobs() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 40, extra: ["broken.txt": Data([0x00, 0x01])])
        let one = try await BatchRunner(configuration: CorpusFixture.configuration(folder, jobs: 1, output: "one")).run()
        let four = try await BatchRunner(configuration: CorpusFixture.configuration(folder, jobs: 4, output: "four")).run()
        #expect(one.documents == 43)
        #expect(one.records == 42)
        #expect(four.records == 42)
        let first = try CorpusFixture.snapshot(folder.path + "/one")
        let second = try CorpusFixture.snapshot(folder.path + "/four")
        #expect(first.keys.sorted() == [
            "citations.csv", "documents.csv", "documents.jsonl", "errors.csv", "errors.jsonl", "extra_credit.csv",
            "grades.csv", "law_references.csv", "lexpipe.sqlite", "manifest.json", "report_cards.csv", "sections.csv",
            "warnings.csv",
        ])
        for (name, data) in first {
            #expect(second[name] == data, "\(name) differs between --jobs 1 and --jobs 4")
        }
        let lines = String(decoding: first["documents.jsonl"]!, as: UTF8.self).split(separator: "\n")
        let sources = try lines.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return object["source"] as! String
        }
        #expect(sources == sources.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(sources.count == 42)
    }

    /// The manifest counts every table's rows whatever the formats written: a JSON Lines-only
    /// run reports what a run with every format does.
    @Test func rowCountsDoNotDependOnTheFormats() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 12, extra: ["broken.txt": Data([0x00, 0x01])])
        var jsonOnly = CorpusFixture.configuration(folder, jobs: 2, output: "jsonl")
        jsonOnly.formats = [.jsonl]
        _ = try await BatchRunner(configuration: jsonOnly).run()
        _ = try await BatchRunner(configuration: CorpusFixture.configuration(folder, jobs: 2, output: "all")).run()
        func rowCounts(_ output: String) throws -> [String: Int] {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + output + "/manifest.json"))
            let manifest = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            return manifest["row_counts"] as! [String: Int]
        }
        let counts = try rowCounts("all")
        #expect(try rowCounts("jsonl") == counts)
        #expect(counts["documents"] == 14)
        #expect(counts["errors"] == 1)
        #expect((counts["sections"] ?? 0) > 0)
    }

    @Test func badDocumentsAreListedAndTheRestExtracted() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 3, extra: [
            "bad/binary.txt": Data([0x48, 0x69, 0x00, 0x00, 0xFF]),
            "bad/empty.md": Data(),
            "bad/blank.txt": Data("  \n\n\t\n".utf8),
            "bad/invalid-bytes.txt": Data([0x41, 0x81, 0x9D, 0x42, 0x0A]),
            "bad/saved-pdf.txt": Data("%PDF-1.4\n%âãÏÓ\n".utf8),
            "bad/scripts-only.html": Data("<html><body><script>alert(1)</script></body></html>".utf8),
            "legacy-1252.txt": Data(Array(CorpusFixture.statuteSummary(state: "Ohio", code: "Rev. Code").utf8.map { $0 == 0xC2 ? 0x20 : $0 }.filter { $0 != 0xA7 }) + [0xA7, 0x0A]),
        ])
        let summary = try await BatchRunner(configuration: CorpusFixture.configuration(folder, jobs: 2)).run()
        #expect(summary.documents == 12)
        #expect(summary.records == 6)
        #expect(summary.errors == 6)
        let errors = try String(contentsOfFile: folder.path + "/output/errors.jsonl", encoding: .utf8)
        #expect(errors == """
            {"file":"bad/binary.txt","stage":"ingest","reason":"binary content: NUL byte at offset 2"}
            {"file":"bad/blank.txt","stage":"ingest","reason":"empty document: no text to extract"}
            {"file":"bad/empty.md","stage":"ingest","reason":"empty document: no text to extract"}
            {"file":"bad/invalid-bytes.txt","stage":"ingest","reason":"binary content: neither UTF-8 (invalid byte at offset 1) nor Windows-1252"}
            {"file":"bad/saved-pdf.txt","stage":"ingest","reason":"PDF is damaged: PDF document is damaged"}
            {"file":"bad/scripts-only.html","stage":"markup","reason":"no readable text after markup cleanup"}

            """)
        let documents = try String(contentsOfFile: folder.path + "/output/documents.jsonl", encoding: .utf8)
        for source in ["legacy-1252.txt", "ms-2018-responding-to-child-victims-of-human-trafficking.txt", "ms-2021-report-card.md",
                       "summaries/mississippi-000.txt", "summaries/ohio-001.txt", "summaries/texas-002.txt"] {
            #expect(documents.contains("\"source\":\"\(source)\""), "\(source) was not extracted")
        }
        #expect(documents.contains("decoded as Windows-1252"))
    }

    @Test func aSyntheticSummaryIsExtractedCompletely() throws {
        let record = try extractRecord(text: CorpusFixture.statuteSummary(state: "Mississippi", code: "Ann. Code"), source: "s.txt")
        #expect(record.kind == .statuteSummary)
        #expect(record.state == "Mississippi")
        #expect(record.date == "2020-03")
        #expect(record.year == 2020)
        #expect(record.sections.map(\.heading) == ["State Agency Responsibilities", "Training Requirement"])
        #expect(record.sections.map(\.provision) == [true, false])
        #expect(record.sections[0].citations.map(\.normalized) == [
            "Miss. Code Ann. § 12-34-56", "Miss. Code Ann. §§ 12-34-60 to 12-34-64",
        ])
        #expect(record.sections[0].citations[1].sectionEnd == "12-34-64")
        #expect(record.sections[0].text == "The department shall screen every child for trafficking and refer \"victims\" to services, including specialized shelters.")
    }
}

@Suite("Incremental runs")
struct IncrementalRunTests {
    @Test func unchangedDocumentsAreReusedAndOutputIsIdenticalToAFullRun() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 12, extra: ["bad.txt": Data([0])])
        let configuration = CorpusFixture.configuration(folder, jobs: 2)
        let first = try await BatchRunner(configuration: configuration).run()
        #expect(first.changes.new.count == 15)
        #expect(first.changes.reused == 0)
        let firstFiles = try CorpusFixture.snapshot(folder.path + "/output")

        let second = try await BatchRunner(configuration: configuration).run()
        #expect(second.changes.reused == 14, "every record is reused")
        #expect(second.changes.unchanged.count == 15)
        #expect(second.changes.new.isEmpty && second.changes.changed.isEmpty && second.changes.removed.isEmpty)
        #expect(second.stageTimes.seconds[.markup] == nil, "nothing was parsed again")
        #expect(try CorpusFixture.snapshot(folder.path + "/output") == firstFiles)

        // Touch one document, rename another, remove a third, add a fourth.
        try folder.write("corpus/summaries/ohio-001.txt", CorpusFixture.statuteSummary(state: "Ohio", code: "Rev. Code", date: "June 2024"))
        try FileManager.default.moveItem(atPath: folder.path + "/corpus/summaries/texas-002.txt", toPath: folder.path + "/corpus/summaries/texas-renamed.txt")
        try FileManager.default.removeItem(atPath: folder.path + "/corpus/summaries/oregon-003.txt")
        try folder.write("corpus/summaries/utah-new.txt", CorpusFixture.statuteSummary(state: "Utah", code: "Code Ann."))
        let third = try await BatchRunner(configuration: configuration).run()
        #expect(third.changes.changed == ["summaries/ohio-001.txt"])
        #expect(third.changes.new == ["summaries/texas-renamed.txt", "summaries/utah-new.txt"])
        #expect(third.changes.removed == ["summaries/oregon-003.txt", "summaries/texas-002.txt"])
        #expect(third.changes.reused == 13 - 1 + 1 - 1, "the renamed document keeps its record; the touched and new ones are redone")
        let incremental = try CorpusFixture.snapshot(folder.path + "/output")
        let ohio = try DatasetReader.records(at: folder.path + "/output").first { $0.source == "summaries/ohio-001.txt" }
        #expect(ohio?.date == "2024-06")

        // A full run into another folder gives the same datasets.
        var fullConfiguration = configuration
        fullConfiguration.outputDirectory = folder.path + "/full"
        _ = try await BatchRunner(configuration: fullConfiguration).run(full: true)
        #expect(try CorpusFixture.snapshot(folder.path + "/full") == incremental)

        // Different extraction settings invalidate every record.
        var changedSettings = configuration
        changedSettings.gradingScales = []
        let fourth = try await BatchRunner(configuration: changedSettings).run()
        #expect(fourth.changes.reused == 0)
        let forced = try await BatchRunner(configuration: changedSettings).run(full: true)
        #expect(forced.changes.reused == 0)
    }
}

@Suite("Concurrency under stress", .serialized)
struct ConcurrencyStressTests {
    @Test func manySmallDocumentsWithSixteenJobsGiveIdenticalOutputEveryTime() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 400, extra: ["bad-1.txt": Data([0]), "bad-2.md": Data()])
        var reference: [String: Data]?
        for attempt in 0..<5 {
            let configuration = CorpusFixture.configuration(folder, jobs: 16, output: "out-\(attempt)")
            let summary = try await BatchRunner(configuration: configuration).run()
            #expect(summary.records == 402)
            #expect(summary.errors == 2)
            let snapshot = try CorpusFixture.snapshot(folder.path + "/out-\(attempt)")
            if let reference {
                #expect(snapshot == reference, "run \(attempt) with --jobs 16 differs from the first")
            } else {
                reference = snapshot
            }
        }
        let sequential = try await BatchRunner(configuration: CorpusFixture.configuration(folder, jobs: 1, output: "sequential")).run()
        #expect(sequential.records == 402)
        #expect(try CorpusFixture.snapshot(folder.path + "/sequential") == reference)
    }
}
