import Foundation
import LexpipeDatasets
import LexpipePipeline
import LexpipeRecord
import Testing

/// One test per row of docs/errors.md: what the user sees, and that every other document of
/// the batch was still extracted.
@Suite("Fault catalogue", .serialized)
struct FaultCatalogueTests {
    static let goodSources = [
        "ms-2018-responding-to-child-victims-of-human-trafficking.txt", "ms-2021-report-card.md",
        "summaries/mississippi-000.txt", "summaries/ohio-001.txt",
    ]

    /// Runs a batch of the good documents plus `faults`, returning errors by file and records.
    static func run(
        faults: [String: Data], configure: (inout LexpipePipeline.Configuration) -> Void = { _ in },
        prepare: (TemporaryFolder) throws -> Void = { _ in }
    ) async throws -> (errors: [String: String], records: [DocumentRecord], summary: RunSummary) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 2, extra: faults)
        try prepare(folder)
        var configuration = CorpusFixture.configuration(folder, jobs: 2)
        configure(&configuration)
        let summary = try await BatchRunner(configuration: configuration).run()
        var errors: [String: String] = [:]
        for line in try String(contentsOfFile: folder.path + "/output/errors.jsonl", encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: String]
            errors[object["file"]!] = "\(object["stage"]!): \(object["reason"]!)"
        }
        let records = try DatasetReader.records(at: folder.path + "/output")
        let extracted = Set(records.map(\.source))
        for source in goodSources { #expect(extracted.contains(source), "\(source) was not extracted") }
        return (errors, records, summary)
    }

    @Test(arguments: [
        ("binary.txt", Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]), "ingest: binary content: an executable (ELF)"),
        ("saved.txt", Data("%PDF-1.5\n1 0 obj".utf8), "ingest: PDF is damaged: PDF document is damaged"),
        ("nul.md", Data("Title\n\u{0}\u{0}".utf8), "ingest: binary content: NUL byte at offset 6"),
        ("controls.txt", Data((0..<400).map { UInt8(1 + $0 % 8) }), "ingest: binary content: 400 control characters in the first 400 characters"),
        ("undefined-1252.txt", Data([0x41, 0x81, 0x42]), "ingest: binary content: neither UTF-8 (invalid byte at offset 1) nor Windows-1252"),
        ("empty.txt", Data(), "ingest: empty document: no text to extract"),
        ("spaces.txt", Data(" \t\r\n\n   ".utf8), "ingest: empty document: no text to extract"),
        ("tags-only.html", Data("<html><body><nav>menu</nav><script>x()</script></body></html>".utf8), "markup: no readable text after markup cleanup"),
    ])
    func refusedDocumentIsReportedAndTheRestExtracted(name: String, bytes: Data, message: String) async throws {
        let result = try await FaultCatalogueTests.run(faults: [name: bytes])
        #expect(result.errors == [name: message])
        #expect(result.summary.errors == 1)
    }

    static func pdf(_ name: String) throws -> Data {
        try Data(contentsOf: Package.fixtures.appendingPathComponent("pdf/\(name)"))
    }

    @Test func unreadablePDFsAreRefusedWithTheirReasonAndReadablePDFsExtracted() async throws {
        let result = try await FaultCatalogueTests.run(
            faults: [
                "encrypted.pdf": try FaultCatalogueTests.pdf("fault-encrypted.pdf"),
                "truncated.pdf": try FaultCatalogueTests.pdf("fault-truncated.pdf"),
                "zero-pages.pdf": try FaultCatalogueTests.pdf("fault-zero-pages.pdf"),
                "scanned.pdf": try FaultCatalogueTests.pdf("fault-image-only.pdf"),
                "many-pages.pdf": try FaultCatalogueTests.pdf("fault-many-pages.pdf"),
                "summary.pdf": try FaultCatalogueTests.pdf("summary-page-breaks.pdf"),
            ],
            configure: { $0.maxPDFPages = 50 }
        )
        #expect(result.errors == [
            "encrypted.pdf": "ingest: PDF is password-protected; remove the password first",
            "truncated.pdf": "ingest: PDF is damaged: PDF document is damaged",
            "zero-pages.pdf": "ingest: PDF has no pages",
            "scanned.pdf": "ingest: PDF has no text layer; OCR it first (1 page(s), none with text)",
            "many-pages.pdf": "ingest: PDF has 60 pages, over the limit of 50 pages (max_pdf_pages)",
        ])
        let summary = try #require(result.records.first { $0.source == "summary.pdf" })
        #expect(summary.format == .pdf)
        #expect(summary.stateCode == "MS")
        #expect(summary.sections.count == 5)
    }

    /// Files whose content is data or an office document rather than text or markup.
    static let notDocuments: [(name: String, bytes: Data, message: String)] = [
        ("scores.txt", Data("state,year,score\r\nOhio,2021,\"80,5\"\r\nIowa,2021,71\r\n".utf8), "ingest: not a document: CSV data (lines of 3 comma-separated fields); lexpipe reads text, markdown, HTML and PDF documents"),
        ("grades.md", Data("state\tgrade\nOhio\tB\nIowa\tC\nUtah\tA\nMaine\tD\n".utf8), "ingest: not a document: TSV data (lines of 2 tab-separated fields); lexpipe reads text, markdown, HTML and PDF documents"),
        ("memo.txt", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 6, 0]) + Data("[Content_Types].xml word/document.xml".utf8), "ingest: binary content: a ZIP archive (DOCX, XLSX or similar)"),
        ("sheet.txt", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(repeating: 0, count: 64), "ingest: binary content: a legacy Office document"),
    ]

    @Test(arguments: FaultCatalogueTests.notDocuments)
    func dataAndOfficeFilesAreRefused(name: String, bytes: Data, message: String) async throws {
        let result = try await FaultCatalogueTests.run(faults: [name: bytes])
        #expect(result.errors == [name: message])
    }

    @Test func overSizeDocumentsAreRefusedBeforeReading() async throws {
        let result = try await FaultCatalogueTests.run(
            faults: ["huge.txt": Data(repeating: 0x61, count: 300_000)], configure: { $0.maxDocumentBytes = 200_000 }
        )
        #expect(result.errors == ["huge.txt": "ingest: document is 300000 bytes, over the limit of 200000 bytes (max_document_bytes)"])
    }

    @Test func legacyAndMixedEncodingsAreExtractedWithAWarning() async throws {
        let legacy = Data("Responding to Child Victims of Human Trafficking - Ohio\n\nDate: May 2020\n\nTraining\n\nCitation: Rev. Code ".utf8) + Data([0xA7]) + Data(" 2151.01\n\nText ".utf8) + Data([0x93]) + Data("quoted".utf8) + Data([0x94, 0x2E, 0x0A])
        let mixed = Data("Responding to Child Victims of Human Trafficking - Iowa\n\nDate: May 2020\n\nTraining\n\nCitation: Code § 232.1\n\nThe ".utf8) + Data([0x93]) + Data("child\u{2019}s".utf8) + Data([0x94]) + Data(" services.\n".utf8)
        let result = try await FaultCatalogueTests.run(faults: ["legacy.txt": legacy, "mixed.txt": mixed])
        #expect(result.errors.isEmpty)
        let legacyRecord = try #require(result.records.first { $0.source == "legacy.txt" })
        #expect(legacyRecord.warnings.first?.hasSuffix("decoded as Windows-1252") == true)
        #expect(legacyRecord.sections.first?.citations.first?.section == "2151.01")
        let mixedRecord = try #require(result.records.first { $0.source == "mixed.txt" })
        #expect(mixedRecord.sections.first?.text == "The \"child's\" services.")
        #expect(mixedRecord.warnings.first?.hasPrefix("mixed encodings: 2 byte(s)") == true)
    }

    /// UTF-32 starts with UTF-16's byte-order mark: it used to be read as UTF-16 and refused
    /// for its control characters.
    @Test func utf32WithAByteOrderMarkIsDecoded() async throws {
        let text = CorpusFixture.statuteSummary(state: "Ohio", code: "Rev. Code")
        let little = Data([0xFF, 0xFE, 0, 0]) + text.data(using: .utf32LittleEndian)!
        let big = Data([0, 0, 0xFE, 0xFF]) + text.data(using: .utf32BigEndian)!
        let result = try await FaultCatalogueTests.run(faults: ["little.txt": little, "big.txt": big])
        #expect(result.errors.isEmpty)
        for source in ["little.txt", "big.txt"] {
            let record = try #require(result.records.first { $0.source == source })
            #expect(record.warnings.first == "decoded as UTF-32 (byte-order mark)")
            #expect(record.stateCode == "OH")
        }
    }

    /// Prose with commas, and markdown pipe tables, are documents, not CSV.
    @Test func proseAndPipeTablesAreNotTables() async throws {
        let prose = "Board Minutes - Utah\n\nDate: May 2021\n\nThe board met, heard reports, and adjourned.\nMembers present: Ann, Bo.\nNext, the budget.\nAgain, nothing.\nFinally, closing.\n"
        let pipes = "# Card - Ohio\n\n| state | grade |\n| --- | --- |\n| Ohio | B |\n| Iowa | C |\n"
        let result = try await FaultCatalogueTests.run(faults: ["prose.txt": Data(prose.utf8), "pipes.md": Data(pipes.utf8)])
        #expect(result.errors.isEmpty)
    }

    @Test func aDocumentOfNeitherKindIsKeptAsUnknown() async throws {
        let result = try await FaultCatalogueTests.run(faults: ["minutes.txt": Data("Board Minutes - Utah\n\nDate: May 2021\n\nThe board met.\n".utf8)])
        #expect(result.errors.isEmpty)
        let record = try #require(result.records.first { $0.source == "minutes.txt" })
        #expect(record.kind == .unknown)
        #expect(record.stateCode == "UT")
        #expect(record.warnings.contains("neither a statute summary nor a report card: only title, state and date extracted"))
    }

    @Test func entityBombsAndExternalEntitiesAreNeverExpandedOrLoaded() async throws {
        let bomb = """
            <!DOCTYPE html [
            <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
            <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            <!ENTITY secret SYSTEM "file:///etc/hostname">
            <!ENTITY remote SYSTEM "http://127.0.0.1:9/x">
            ]>
            <html><body><h1>Responding to Child Victims of Human Trafficking - Ohio</h1><p>Date: May 2020</p>
            <h2>Training</h2><p>Citation: Rev. Code § 2151.01</p><p>Bomb &c;&c;&c;&c; secret &secret; remote &remote;.</p></body></html>
            """
        let result = try await FaultCatalogueTests.run(faults: ["bomb.html": Data(bomb.utf8)])
        let record = try #require(result.records.first { $0.source == "bomb.html" })
        let text = record.sections.first?.text ?? ""
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "\u{0}"
        #expect(!text.contains("aaaaaaaa"), "internal entities are not expanded")
        #expect(!text.contains(hostname), "external entities are not loaded")
        #expect(text.count < 200)
    }

    @Test func deeplyNestedAndUnterminatedHTMLIsRead() async throws {
        let nested = String(repeating: "<div><span>", count: 20_000) + "<p>Deep text" + "<table><tr><td>open cell"
        let result = try await FaultCatalogueTests.run(faults: ["nested.html": Data(("<html><body><h1>Deep - Ohio</h1>" + nested).utf8)])
        let record = try #require(result.records.first { $0.source == "nested.html" })
        #expect(record.title == "Deep")
        #expect(record.stateCode == "OH")
    }

    @Test func symbolicLinksAreReportedNotFollowedUnlessConfigured() async throws {
        let linking: (TemporaryFolder) throws -> Void = { folder in
            let corpus = folder.path + "/corpus"
            try FileManager.default.createDirectory(atPath: corpus + "/loop", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: corpus + "/loop/again", withDestinationPath: corpus + "/loop")
            try FileManager.default.createSymbolicLink(atPath: corpus + "/outside.txt", withDestinationPath: "/etc/hostname")
            try FileManager.default.createSymbolicLink(atPath: corpus + "/dangling.txt", withDestinationPath: corpus + "/nowhere.txt")
        }
        let notFollowed = try await FaultCatalogueTests.run(faults: [:], prepare: linking)
        #expect(notFollowed.errors == [
            "dangling.txt": "ingest: symbolic link, not followed (corpus.follow_symlinks is false)",
            "outside.txt": "ingest: symbolic link, not followed (corpus.follow_symlinks is false)",
        ])
        let followed = try await FaultCatalogueTests.run(faults: [:], configure: { $0.followSymbolicLinks = true }, prepare: linking)
        #expect(followed.errors["dangling.txt"] == "ingest: broken symbolic link: No such file or directory")
        #expect(followed.errors["loop/again"] == "ingest: symbolic link loop: folder already walked")
        #expect(followed.errors["outside.txt"] == "ingest: symbolic link to /etc/hostname, outside the corpus folder, not followed")
        #expect(!followed.records.contains { $0.source == "outside.txt" }, "a link out of the corpus is never read")
    }

    @Test func aFileNameThatIsNotUTF8IsReportedByName() async throws {
        let result = try await FaultCatalogueTests.run(faults: [:], prepare: { folder in
            // "Rapport-", then é as Latin-1 writes it, then ".txt".
            let path = Array((folder.path + "/corpus/Rapport-").utf8) + [0xE9] + Array(".txt".utf8) + [0]
            let descriptor = path.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
            }
            try #require(descriptor >= 0)
            close(descriptor)
        })
        #expect(result.errors == ["Rapport-\u{FFFD}.txt": "ingest: file name is not valid UTF-8"])
    }

    @Test func aFileGoneBetweenWalkAndReadIsReported() {
        var times = StageTimes()
        let outcome = DocumentProcessor(configuration: LexpipePipeline.Configuration())
            .process(path: "/nonexistent/removed.txt", source: "removed.txt", times: &times)
        guard case let .failure(failure) = outcome else {
            Issue.record("a missing file was not refused")
            return
        }
        #expect(failure == DocumentFailure(source: "removed.txt", stage: .ingest, reason: "unreadable: No such file or directory"))
    }

    @Test func anOutputFolderThatCannotBeWrittenStopsTheRunCleanly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 1)
        try folder.write("blocker", "a file where a folder should be")
        let before = try folderTree(folder.path)
        let result = try LexpipeBinary.run(["run", "--corpus", "corpus", "--output", "blocker/output"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stderr == "lexpipe: cannot publish into \(folder.path)/blocker/output: \(folder.path)/blocker, which would hold it, is a file, not a folder\n")
        #expect(try folderTree(folder.path) == before)
    }

    /// ThreadSanitizer's runtime dies on a file-size limit of its own before lexpipe can report
    /// one, so under it this fault cannot be simulated this way.
    @Test(.enabled(if: !Sanitizers.threadSanitizerLoaded, "the file-size limit kills ThreadSanitizer's runtime"))
    func aFullDiskWhileWritingKeepsThePreviousOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 2)
        let first = try LexpipeBinary.run(["run", "--corpus", "corpus", "--output", "output"], in: folder.path)
        #expect(first.status == 0)
        let previous = try CorpusFixture.snapshot(folder.path + "/output")
        try CorpusFixture.write(into: folder, synthetic: 300)
        // A 32 KiB file-size limit makes the datasets' writes fail as a full disk would.
        let result = try runUnderFileSizeLimit(32 * 1024, "run --corpus corpus --output output", in: folder)
        #expect(result.status == 3)
        #expect(result.stderr.contains("File too large"), "\(result.stderr)")
        #expect(try CorpusFixture.snapshot(folder.path + "/output") == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".output.lock", "corpus", "output"])
    }

    /// A failure as the datasets close stops the run as cleanly as one while they are written.
    /// SQLite writes a small database only as the run commits it, when the tables close: a
    /// file-size limit between the largest other file and the database fails that step alone.
    @Test(.enabled(if: !Sanitizers.threadSanitizerLoaded, "the file-size limit kills ThreadSanitizer's runtime"))
    func aFullDiskWhileTheTablesCloseKeepsThePreviousOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 40)
        let first = try LexpipeBinary.run(["run", "--corpus", "corpus", "--output", "output"], in: folder.path)
        #expect(first.status == 0)
        let previous = try CorpusFixture.snapshot(folder.path + "/output")
        let sizes = previous.mapValues(\.count)
        let database = try #require(sizes["lexpipe.sqlite"])
        let largestOther = try #require(sizes.filter { $0.key != "lexpipe.sqlite" && $0.key != "manifest.json" }.values.max())
        try #require(database > largestOther + 128 * 1024, "\(sizes)")
        let result = try runUnderFileSizeLimit((largestOther + database) / 2, "run --full --corpus corpus --output output", in: folder)
        #expect(result.status == 3)
        #expect(result.stderr.contains("lexpipe.sqlite"), "\(result.stderr)")
        #expect(try CorpusFixture.snapshot(folder.path + "/output") == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".output.lock", "corpus", "output"])
    }

    /// `lexpipe` run in `folder` with `arguments` (as `sh` splits them), no file it writes allowed to
    /// grow past `bytes` (rounded down to the 512-byte blocks `sh` counts): its exit status and
    /// standard error.
    private func runUnderFileSizeLimit(_ bytes: Int, _ arguments: String, in folder: TemporaryFolder) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f \(bytes / 512); exec \"$0\" \(arguments)", LexpipeBinary.url.path]
        process.currentDirectoryURL = folder.url
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }
}

/// Which sanitizer runtimes this test process carries.
enum Sanitizers {
    static let threadSanitizerLoaded = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil
}
