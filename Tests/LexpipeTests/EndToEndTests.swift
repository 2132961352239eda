import Foundation
import GRDB
import Testing

/// The built `lexpipe` binary, run as a user would.
enum LexpipeBinary {
    static let url: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside.appendingPathComponent("lexpipe"), beside.deletingLastPathComponent().appendingPathComponent("lexpipe"),
                          Package.root.appendingPathComponent(".build/debug/lexpipe")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return beside.appendingPathComponent("lexpipe")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func start(_ arguments: [String], in directory: String) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func run(_ arguments: [String], in directory: String = Package.root.path) throws -> Result {
        let (process, out, err) = try start(arguments, in: directory)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite("End to end", .serialized)
struct EndToEndTests {
    @Test func extractPrintsTheGoldRecord() throws {
        let result = try LexpipeBinary.run(["extract", "corpus/ms-2018-responding-to-child-victims-of-human-trafficking.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        let produced = try JSONTree.parse(Data(result.stdout.utf8))
        let expected = try JSONTree.parse(try Data(contentsOf: Package.gold("ms-2018-responding-to-child-victims-of-human-trafficking.json")))
        #expect(produced.differences(from: expected, ignoring: ["warnings"]) == [])
    }

    @Test func aPDFInTheCorpusIsReadByDefaultAndRecordedAsPDF() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("corpus/ms-2021-report-card.pdf", try Data(contentsOf: Package.fixtures.appendingPathComponent("pdf/report-card-table.pdf")))
        try folder.write("corpus/scanned.pdf", try Data(contentsOf: Package.fixtures.appendingPathComponent("pdf/fault-image-only.pdf")))
        let result = try LexpipeBinary.run(["run", "--corpus", folder.path + "/corpus", "--output", folder.path + "/output"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("2 documents, 1 record, 1 error in "))
        let database = try DatabaseQueue(path: folder.path + "/output/lexpipe.sqlite")
        let formats = try database.read { db in try String.fetchAll(db, sql: "select format from documents") }
        #expect(formats == ["pdf"])
        let grades = try database.read { db in try String.fetchAll(db, sql: "select grade from grades order by issue_number") }
        #expect(grades == ["A", "F", "F", "F", "B", "F"])
        let errors = try String(contentsOfFile: folder.path + "/output/errors.jsonl", encoding: .utf8)
        #expect(errors.contains("no text layer; OCR it first"))
    }

    @Test func runPublishesDatasetsTheReadmeQueries() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try LexpipeBinary.run(["run", "--output", folder.path + "/output", "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("2 documents, 2 records, 0 errors in "))
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let database = try DatabaseQueue(path: folder.path + "/output/lexpipe.sqlite")
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "select state_code, year, issue_number, grade, score from grades")
        }
        #expect(rows.count == 6)
        #expect(rows.map { $0[3] as String } == ["A", "F", "F", "F", "B", "F"])
    }

    @Test func exitStatusTellsWhatFailed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("corpus/good.txt", CorpusFixture.statuteSummary(state: "Ohio", code: "Rev. Code"))
        try folder.write("corpus/bad.txt", Data([0, 1, 2]))
        try folder.write("pipeline.yml", "corpus:\n  root: corpus\noutput: out\n")
        let partial = try LexpipeBinary.run(["run"], in: folder.path)
        #expect(partial.status == 1)
        #expect(partial.stdout.hasPrefix("2 documents, 1 record, 1 error in "))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/documents.jsonl"))

        try folder.write("bad.yml", "corpus:\n  rooot: corpus\n")
        let badConfig = try LexpipeBinary.run(["run", "--config", "bad.yml"], in: folder.path)
        #expect(badConfig.status == 2)
        #expect(badConfig.stderr == "lexpipe: bad.yml:2:3: unknown key 'corpus.rooot' (expected one of: root, include, exclude, follow_symlinks)\n")

        let missingCorpus = try LexpipeBinary.run(["run", "--corpus", "nowhere"], in: folder.path)
        #expect(missingCorpus.status == 2)
        #expect(missingCorpus.stderr.contains("nowhere is not a directory"))

        let refused = try LexpipeBinary.run(["extract", "corpus/bad.txt"], in: folder.path)
        #expect(refused.status == 1)
        #expect(refused.stderr == "lexpipe: corpus/bad.txt: ingest: binary content: NUL byte at offset 0\n")
    }

    /// A run killed at any moment leaves the previous output whole and readable.
    @Test func killedRunsLeaveThePreviousOutputIntact() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 2)
        let first = try LexpipeBinary.run(["run", "--corpus", "corpus", "--output", "output"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let previous = try CorpusFixture.snapshot(folder.path + "/output")
        try CorpusFixture.write(into: folder, synthetic: 1500)
        // Kills at fractions of how long a whole run takes here, so that most land mid-run
        // however fast the build and the machine are.
        let clock = ContinuousClock()
        let timing = try clock.measure {
            _ = try LexpipeBinary.run(["run", "--corpus", "corpus", "--output", "timing", "--jobs", "2"], in: folder.path)
        }
        try FileManager.default.removeItem(atPath: folder.path + "/timing")
        try FileManager.default.removeItem(atPath: folder.path + "/.timing.lock")
        let whole = Double(timing.components.seconds) + Double(timing.components.attoseconds) * 1e-18

        var survivors = 0
        for fraction in [0.01, 0.05, 0.15, 0.3, 0.45, 0.6, 0.75, 1.5] {
            let delay = whole * fraction
            let (process, _, _) = try LexpipeBinary.start(["run", "--corpus", "corpus", "--output", "output", "--jobs", "2"], in: folder.path)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try CorpusFixture.snapshot(folder.path + "/output")
            if now == previous {
                survivors += 1
            } else {
                // The run finished before the kill: the new output must be complete.
                let lines = String(decoding: now["documents.jsonl"] ?? Data(), as: UTF8.self).split(separator: "\n")
                #expect(lines.count == 1502, "a killed run after \(delay) s of \(whole) s left \(lines.count) records")
            }
            let database = try DatabaseQueue(path: folder.path + "/output/lexpipe.sqlite")
            let check = try database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
            #expect(check == "ok")
        }
        #expect(survivors >= 4, "most kills should land mid-run (a whole run \(whole) s); \(survivors) did")
        let final = try LexpipeBinary.run(["run", "--corpus", "corpus", "--output", "output"], in: folder.path)
        #expect(final.status == 0)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(entries == [".output.lock", "corpus", "output"], "staging folders of killed runs are cleaned up")
    }
}
