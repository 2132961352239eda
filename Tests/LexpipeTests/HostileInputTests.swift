import Foundation
import Testing

/// Issue 19's corpus and document cases, run as a user would: links out of the corpus, named
/// pipes and devices reported without being read; one hostile document bounded; tables and
/// office files refused; counts in the run summary and `--strict`; configuration mistakes at
/// their line.
@Suite("Hostile input, run end to end", .serialized)
struct HostileInputTests {
    static func errors(_ output: String) throws -> [String: String] {
        var errors: [String: String] = [:]
        for line in try String(contentsOfFile: output + "/errors.jsonl", encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: String]
            errors[object["file"]!] = "\(object["stage"]!): \(object["reason"]!)"
        }
        return errors
    }

    static func manifestFailures(_ output: String) throws -> [String: String] {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/manifest.json"))) as! [String: Any]
        var failures: [String: String] = [:]
        for input in manifest["inputs"] as! [[String: Any]] where input["outcome"] as? String == "failed" {
            failures[input["source"] as! String] = input["reason"] as? String
        }
        return failures
    }

    /// With `follow_symlinks: true`, a link is followed only inside the corpus; a link out of it
    /// (to a secret, to /dev/zero), a named pipe and a link to it are reported, never opened
    /// (opening the pipe would wait for a writer for ever: the run is killed after 120 s).
    @Test func linksOutOfTheCorpusAndSpecialFilesAreReportedNotRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 1)
        try folder.write("secret.txt", "Responding to Child Victims of Human Trafficking - SECRET CONTENT\n\nDate: May 2020\n")
        try folder.write("pipeline.yml", "corpus:\n  root: corpus\n  follow_symlinks: true\n")
        let corpus = folder.path + "/corpus"
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: corpus + "/shadow.txt", withDestinationPath: folder.path + "/secret.txt")
        try manager.createSymbolicLink(atPath: corpus + "/relative.txt", withDestinationPath: "../secret.txt")
        try manager.createSymbolicLink(atPath: corpus + "/zero.txt", withDestinationPath: "/dev/zero")
        try manager.createSymbolicLink(atPath: corpus + "/outside", withDestinationPath: folder.path)
        try manager.createSymbolicLink(atPath: corpus + "/copy.txt", withDestinationPath: "ms-2018-responding-to-child-victims-of-human-trafficking.txt")
        #expect(mkfifo(corpus + "/pipe.txt", 0o644) == 0)
        try manager.createSymbolicLink(atPath: corpus + "/to-pipe.txt", withDestinationPath: "pipe.txt")
        let socketDescriptor = try HostileInputTests.bindSocket(at: corpus + "/socket.txt")
        defer { close(socketDescriptor) }
        let before = try folderTree(folder.path)

        let result = try runLexpipe(["run"], in: folder.path, timeout: 120)
        #expect(result.status == 1, "\(result.stderr)")
        let expected = [
            "outside": "ingest: symbolic link to \(folder.path), outside the corpus folder, not followed",
            "pipe.txt": "ingest: a named pipe (FIFO), not a document; not read",
            "relative.txt": "ingest: symbolic link to ../secret.txt, outside the corpus folder, not followed",
            "shadow.txt": "ingest: symbolic link to \(folder.path)/secret.txt, outside the corpus folder, not followed",
            "socket.txt": "ingest: a socket, not a document; not read",
            "to-pipe.txt": "ingest: symbolic link to a named pipe (FIFO), not a document; not read",
            "zero.txt": "ingest: symbolic link to /dev/zero, outside the corpus folder, not followed",
        ]
        #expect(try HostileInputTests.errors(folder.path + "/output") == expected)
        #expect(try HostileInputTests.manifestFailures(folder.path + "/output") == expected.mapValues { String($0.dropFirst("ingest: ".count)) })
        let records = try String(contentsOfFile: folder.path + "/output/documents.jsonl", encoding: .utf8)
        #expect(!records.contains("SECRET"))
        #expect(records.contains("\"source\":\"copy.txt\""), "a link inside the corpus is followed")
        var after = try folderTree(folder.path)
        for key in after.keys where key.hasPrefix("output/") || key == ".output.lock" { after.removeValue(forKey: key) }
        #expect(after == before, "the user's files are as they were")
    }

    /// A Unix socket bound at `path`; the caller closes the descriptor.
    static func bindSocket(at path: String) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        return descriptor
    }

    /// One document of `Citation: ` then `§§ 1-` repeated: its citations and warnings stop at
    /// the limits with a warning saying so, and the rest of the batch is published.
    @Test func aCitationFloodIsBoundedAndTheBatchPublished() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 2)
        let flood = "Responding to Child Victims of Human Trafficking - Ohio\n\nDate: May 2020\n\nTraining\n\nCitation: "
            + String(repeating: "§§ 1-", count: 400_000) + "\n\nThe department trains staff.\n"
        try folder.write("corpus/flood.txt", flood)
        try folder.write("pipeline.yml", "limits:\n  max_citations_per_document: 500\n  max_warnings_per_document: 50\n")
        let corpus = try folderTree(folder.path + "/corpus")
        let result = try runLexpipe(["run"], in: folder.path, timeout: 200)
        #expect(try folderTree(folder.path + "/corpus") == corpus)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("5 documents, 5 records, 0 errors"))
        let lines = try String(contentsOfFile: folder.path + "/output/documents.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        let record = try #require(lines.first { $0.contains("\"source\":\"flood.txt\"") })
        let object = try JSONSerialization.jsonObject(with: Data(record.utf8)) as! [String: Any]
        let sections = object["sections"] as! [[String: Any]]
        #expect((sections.first?["citations"] as? [Any])?.count == 500)
        let warnings = object["warnings"] as! [String]
        #expect(warnings.count == 51)
        #expect(warnings.first == "truncated: citations past the first 500 not read (limits.max_citations_per_document)")
        #expect(warnings.last == "truncated: 451 more warning(s) not kept (limits.max_warnings_per_document is 50)")
        #expect(record.utf8.count < 200_000)
    }

    /// A record over `limits.max_record_bytes` is refused, the others published.
    @Test func anOversizeRecordIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 2)
        let long = CorpusFixture.statuteSummary(state: "Ohio", code: "Rev. Code") + "\n\n"
            + String(repeating: "The department trains staff. ", count: 2_000) + "\n"
        try folder.write("corpus/long.txt", long)
        try folder.write("pipeline.yml", "limits:\n  max_record_bytes: 20000\n")
        let corpus = try folderTree(folder.path + "/corpus")
        let result = try runLexpipe(["run"], in: folder.path)
        #expect(try folderTree(folder.path + "/corpus") == corpus)
        #expect(result.status == 1)
        let errors = try HostileInputTests.errors(folder.path + "/output")
        #expect(errors.count == 1)
        #expect(errors["long.txt"]?.hasPrefix("datasets: record is ") == true)
        #expect(errors["long.txt"]?.hasSuffix(" bytes, over the limit of 20000 bytes (limits.max_record_bytes)") == true)
        #expect(result.stdout.hasPrefix("5 documents, 4 records, 1 error"))
    }

    /// Data that is no document is refused with its reason; files matching no include pattern
    /// are counted, office files named; `--strict` makes any of it exit 1.
    @Test func runSummaryCountsAndStrict() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 1)
        try folder.write("corpus/scores.txt", "state,year,score\nOhio,2021,80.5\nIowa,2021,71\nUtah,2022,64\n")
        try folder.write("corpus/report.rtf", Data("{\\rtf1\\ansi Report}".utf8))
        try folder.write("corpus/memo.docx", Data([0x50, 0x4B, 0x03, 0x04]))
        try folder.write("corpus/picture.png", Data([0x89, 0x50]))
        let corpus = try folderTree(folder.path + "/corpus")
        let result = try runLexpipe(["run"], in: folder.path)
        #expect(try folderTree(folder.path + "/corpus") == corpus, "files left out are left alone")
        #expect(result.status == 1)
        #expect(try HostileInputTests.errors(folder.path + "/output") == [
            "scores.txt": "ingest: not a document: CSV data (lines of 3 comma-separated fields); lexpipe reads text, markdown, HTML and PDF documents",
        ])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[2].hasPrefix("warnings: ") && lines[2].contains("homoglyph 1"), "warnings by code: \(lines[2])")
        #expect(lines[3] == "files matching no include pattern: 3 (among them memo.docx, report.rtf)")

        try FileManager.default.removeItem(atPath: folder.path + "/corpus/scores.txt")
        let lenient = try runLexpipe(["run"], in: folder.path)
        #expect(lenient.status == 0, "\(lenient.stderr)")
        let published = try folderTree(folder.path + "/output")
        let strict = try runLexpipe(["run", "--strict"], in: folder.path)
        #expect(strict.status == 1)
        #expect(try folderTree(folder.path + "/output").keys == published.keys, "--strict still publishes; only the status tells")
        #expect(strict.stderr == "lexpipe: --strict: the run found warnings, failed checks, missing states or years, or files matching no include pattern\n")

        for name in ["report.rtf", "memo.docx", "picture.png"] { try FileManager.default.removeItem(atPath: folder.path + "/corpus/" + name) }
        try folder.write("pipeline.yml", "corpus:\n  include: ['**/ohio-*.txt']\n")
        try folder.write("corpus/clean/ohio-9.txt", CorpusFixture.statuteSummary(state: "Ohio", code: "Rev. Code"))
        let clean = try runLexpipe(["run", "--strict", "--allow-shrink"], in: folder.path)
        #expect(clean.status == 1, "the other files match no include pattern")
        try folder.write("pipeline.yml", "corpus:\n  include: ['**/*.txt', '**/*.md']\n  exclude: ['ms-*', 'summaries']\n")
        let none = try runLexpipe(["run", "--strict", "--allow-shrink"], in: folder.path)
        #expect(none.stdout.split(separator: "\n").count == 2, "\(none.stdout)")
        #expect(none.status == 0, "\(none.stdout)\(none.stderr)")
    }

    @Test(arguments: [
        ("version: 1\noutput: a\njobs: 2\noutput: b\n", "pipeline.yml:4:1: 'output': given twice (first at line 2)"),
        ("corpus:\n  root: c\n  include: '*.txt'\n  root: d\n", "pipeline.yml:4:3: 'root': given twice (first at line 2)"),
        ("normalization:\n  grading_scales:\n    - years: 2021-2019\n      minimums: {A: 90, B: 80, C: 70, D: 60}\n", "pipeline.yml:3:14: 'normalization.grading_scales[0].years': the range 2021-2019 ends before it starts; write 2019-2021"),
        ("datasets:\n  formats: []\n", "pipeline.yml:2:12: 'datasets.formats': names no format; give at least one of jsonl, csv, sqlite"),
        ("limits:\n  max_citations_per_document: 0\n", "pipeline.yml:2:31: 'limits.max_citations_per_document': must be positive"),
    ])
    func configurationMistakesAtTheirLine(yaml: String, message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 1)
        try folder.write("pipeline.yml", yaml)
        let before = try folderTree(folder.path)
        let result = try runLexpipe(["run"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stderr == "lexpipe: \(message)\n")
        #expect(try folderTree(folder.path) == before)
    }

    @Test func aUTF32ConfigurationIsRefusedForWhatItIs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("pipeline.yml", Data([0xFF, 0xFE, 0, 0]) + "output: out\n".data(using: .utf32LittleEndian)!)
        let result = try runLexpipe(["run"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stderr == "lexpipe: pipeline.yml: cannot read configuration: not UTF-8 text (it starts with a UTF-32 byte-order mark); save it as UTF-8\n")
    }
}

/// The command line: no default subcommand, "did you mean", one set of exit statuses.
@Suite("Command line", .serialized)
struct CommandLineTests {
    @Test func bareLexpipePrintsHelpAndRunsNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 1)
        let before = try folderTree(folder.path)
        let result = try runLexpipe([], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: lexpipe <subcommand>"))
        #expect(result.stdout.contains("Exit status, for every command: 0 done; 1 done, but some documents were"))
        #expect(try folderTree(folder.path) == before, "no run, no output folder")
    }

    @Test(arguments: [
        (["extrct", "x.txt"], "lexpipe: unknown command 'extrct'; did you mean 'extract'? (commands: run, extract, check, diff, citations, gen-corpus, bench; see lexpipe --help)\n"),
        (["rnu"], "lexpipe: unknown command 'rnu'; did you mean 'run'?"),
        (["citation", "a.txt"], "did you mean 'citations'?"),
        (["corpus"], "lexpipe: unknown command 'corpus' (commands: run,"),
        (["run", "--bogus"], "Error: Unknown option '--bogus'"),
        (["run", "--jobs", "0"], "Error: --jobs must be from 1 to 1024"),
        (["diff", "only-one"], "Error: give OLD and NEW"),
        (["extract"], "Error: Missing expected argument '<file>'"),
        (["bench", "--repeats", "0"], "Error: --repeats must be at least 1"),
    ])
    func usageErrorsExit2(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runLexpipe(arguments, in: folder.path)
        #expect(result.status == 2, "usage errors are status 2, not EX_USAGE (64)")
        #expect(result.stderr.hasPrefix(message) || result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
