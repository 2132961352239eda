import Foundation
import GRDB
import Testing

/// Everything under a folder, hidden files included: relative path to bytes (a folder, a link
/// and a special file by what they are), so a test can show that not one byte changed.
func folderTree(_ root: String) throws -> [String: Data] {
    var tree: [String: Data] = [:]
    let manager = FileManager.default
    func visit(_ relative: String) throws {
        let path = relative.isEmpty ? root : root + "/" + relative
        for name in try manager.contentsOfDirectory(atPath: path) {
            let child = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(root + "/" + child, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                tree[child + "/"] = Data()
                try visit(child)
            case S_IFLNK:
                tree[child] = Data(("-> " + (try manager.destinationOfSymbolicLink(atPath: root + "/" + child))).utf8)
            case S_IFREG:
                tree[child] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + child))
            default:
                tree[child] = Data("special file".utf8)
            }
        }
    }
    try visit("")
    return tree
}

/// Runs the built binary with an environment of its own; a run still going after `timeout`
/// seconds is killed (a test that would hang fails instead).
func runLexpipe(
    _ arguments: [String], in directory: String, environment: [String: String] = [:], timeout: Double = 300
) throws -> LexpipeBinary.Result {
    let process = Process()
    process.executableURL = LexpipeBinary.url
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let pid = process.processIdentifier
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { kill(pid, SIGKILL) }
    let stderrData = LockedData()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        stderrData.set(err.fileHandleForReading.readDataToEndOfFile())
        group.leave()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return LexpipeBinary.Result(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderrData.get(), as: UTF8.self)
    )
}

/// Bytes handed from one thread to another.
final class LockedData: @unchecked Sendable {
    // Every access goes through `lock`.
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}

/// Issue 19's output-folder cases, run as a user would: each refusal exits 2 with a message
/// naming the folder, before any work, and leaves every byte of the user's files as it was.
@Suite("Output folder safety", .serialized)
struct OutputSafetyTests {
    /// A folder with a small corpus, a configuration, and the user's own files beside them.
    static func userFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try CorpusFixture.write(into: folder, synthetic: 2)
        try folder.write("pipeline.yml", "corpus:\n  root: corpus\noutput: output\n")
        try folder.write("mydata/notes.txt", "my notes\n")
        try folder.write("mydata/sub/table.tsv", "a\tb\n")
        try folder.write("important.txt", "do not replace me\n")
        try folder.write("notebook.ipynb", "{}\n")
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: true)
        try folder.write("foreign/manifest.json", "{\"name\": \"my project\", \"version\": 3}\n")
        return folder
    }

    @Test(arguments: [
        (["--output", "mydata"], "refusing to publish into /F/mydata: it holds files lexpipe did not write (notes.txt, sub) and no manifest.json of a lexpipe output; give an empty folder, a new one, or a previous lexpipe output"),
        (["--output", "."], "refusing to publish into /F/. (/F): it is the current folder"),
        (["--output", "sub/.."], "refusing to publish into /F/sub/.. (/F): it is the current folder"),
        (["--output", ".."], "it is a folder holding the current folder /F"),
        (["--output", "corpus"], "refusing to publish into /F/corpus: it is the corpus folder"),
        (["--output", "corpus/out"], "refusing to publish into /F/corpus/out: it is inside the corpus folder /F/corpus"),
        (["--output", "/"], "refusing to publish into /: it is the root folder"),
        (["--output", "important.txt"], "refusing to publish into /F/important.txt: a file, not a folder, is in the way"),
        (["--output", "foreign"], "refusing to publish into /F/foreign: it holds files lexpipe did not write (manifest.json) and no manifest.json of a lexpipe output"),
        (["--output", "/nonexistent-lexpipe-parent/out"], "cannot publish into /nonexistent-lexpipe-parent/out: the folder /nonexistent-lexpipe-parent that would hold it does not exist; create it first"),
        (["--output", ""], "Error: --output must name a folder"),
        (["--corpus", ""], "Error: --corpus must name a folder"),
    ])
    func refusedOutputsLeaveEveryByte(arguments: [String], message: String) throws {
        let folder = try OutputSafetyTests.userFolder()
        defer { folder.remove() }
        let before = try folderTree(folder.path)
        let result = try runLexpipe(["run"] + arguments, in: folder.path)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message.replacingOccurrences(of: "/F", with: folder.path)), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try folderTree(folder.path) == before, "nothing written, nothing removed, no lock file")
    }

    @Test func aFolderHoldingTheCorpusIsRefused() throws {
        let folder = try OutputSafetyTests.userFolder()
        defer { folder.remove() }
        try folder.write("data/corpus/a.txt", CorpusFixture.statuteSummary(state: "Ohio", code: "Rev. Code"))
        let before = try folderTree(folder.path)
        let result = try runLexpipe(["run", "--corpus", "data/corpus", "--output", "data"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stderr == "lexpipe: refusing to publish into \(folder.path)/data: it is a folder holding the corpus folder \(folder.path)/data/corpus; choose a folder of its own for the datasets\n")
        #expect(try folderTree(folder.path) == before)
    }

    @Test func theHomeFolderIsRefused() throws {
        let folder = try OutputSafetyTests.userFolder()
        defer { folder.remove() }
        try folder.write("home/.profile", "export A=1\n")
        let before = try folderTree(folder.path)
        let result = try runLexpipe(["run", "--output", folder.path + "/home"], in: folder.path, environment: ["HOME": folder.path + "/home"])
        #expect(result.status == 2)
        #expect(result.stderr == "lexpipe: refusing to publish into \(folder.path)/home: it is your home folder; choose a folder of its own for the datasets\n")
        #expect(try folderTree(folder.path) == before)
    }

    /// `output: .` in pipeline.yml used to crash (SIGILL) in the staging code.
    @Test func outputDotInTheConfigurationIsRefused() throws {
        let folder = try OutputSafetyTests.userFolder()
        defer { folder.remove() }
        try folder.write("pipeline.yml", "corpus:\n  root: corpus\noutput: .\n")
        let before = try folderTree(folder.path)
        let result = try runLexpipe(["run"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stderr == "lexpipe: refusing to publish into . (\(folder.path)): it is the current folder; choose a folder of its own for the datasets\n")
        #expect(try folderTree(folder.path) == before)

        try folder.write("pipeline.yml", "corpus:\n  root: corpus\noutput: ''\n")
        let empty = try runLexpipe(["run"], in: folder.path)
        #expect(empty.status == 2)
        #expect(empty.stderr == "lexpipe: pipeline.yml:3:9: 'output': must name a folder\n")
    }

    /// A symbolic link to the corpus is resolved before the check: the output is still the corpus.
    @Test func aLinkToTheCorpusIsTheCorpus() throws {
        let folder = try OutputSafetyTests.userFolder()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/shortcut", withDestinationPath: "corpus")
        let before = try folderTree(folder.path)
        let result = try runLexpipe(["run", "--output", "shortcut"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to publish into \(folder.path)/shortcut (\(folder.path)/corpus): it is the corpus folder"))
        #expect(try folderTree(folder.path) == before)
    }

    /// A new folder, an empty one and a previous output are published into; a previous output
    /// into which the user put a file of their own is refused, the file kept.
    @Test func newEmptyAndPreviousOutputsArePublished() throws {
        let folder = try OutputSafetyTests.userFolder()
        defer { folder.remove() }
        let fresh = try runLexpipe(["run", "--output", "out"], in: folder.path)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        try FileManager.default.createDirectory(atPath: folder.path + "/empty", withIntermediateDirectories: false)
        let empty = try runLexpipe(["run", "--output", "empty"], in: folder.path)
        #expect(empty.status == 0, "\(empty.stderr)")
        try folder.write("out/.gitignore", "*\n")
        let again = try runLexpipe(["run", "--output", "out"], in: folder.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/.gitignore"), "hidden files are carried over")
        let manifest = try String(contentsOfFile: folder.path + "/out/manifest.json", encoding: .utf8)
        #expect(manifest.hasPrefix("{\n  \"generator\": \"lexpipe\","))

        try folder.write("out/my-analysis.R", "summary(x)\n")
        let before = try folderTree(folder.path)
        let refused = try runLexpipe(["run", "--output", "out"], in: folder.path)
        #expect(refused.status == 2)
        #expect(refused.stderr == "lexpipe: refusing to publish into \(folder.path)/out: it holds files lexpipe did not write (my-analysis.R); give an empty folder, a new one, or a previous lexpipe output\n")
        #expect(try folderTree(folder.path) == before)
    }

    /// A run holding the output's lock makes a second run refuse at once, whatever it is doing.
    @Test func aLockedOutputIsRefused() throws {
        let folder = try OutputSafetyTests.userFolder()
        defer { folder.remove() }
        let first = try runLexpipe(["run"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let descriptor = open(folder.path + "/.output.lock", O_RDWR)
        #expect(descriptor >= 0, "the run left its lock file beside the output")
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0, "the lock is released when a run ends")
        let before = try folderTree(folder.path)
        let second = try runLexpipe(["run"], in: folder.path)
        #expect(second.status == 2)
        #expect(second.stderr == "lexpipe: another lexpipe run is publishing into \(folder.path)/output (it holds \(folder.path)/.output.lock); try again when it has finished\n")
        #expect(try folderTree(folder.path) == before)
    }

    /// Two runs at once on one output: the second refuses while the first publishes, and the
    /// output is the first run's, whole.
    @Test func twoConcurrentRunsNeverMix() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 1500)
        let (process, out, _) = try LexpipeBinary.start(["run", "--corpus", "corpus", "--output", "output", "--jobs", "1"], in: folder.path)
        // The first run holds the lock from before its staging folder appears until it has published.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).contains(where: { $0.hasPrefix(".output.staging-") }) {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let second = try runLexpipe(["run", "--corpus", "corpus", "--output", "output", "--jobs", "1"], in: folder.path)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(second.status == 2)
        #expect(second.stderr.contains("another lexpipe run is publishing into \(folder.path)/output"), "\(second.stderr)")
        let lines = try String(contentsOfFile: folder.path + "/output/documents.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1502)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(entries == [".output.lock", "corpus", "output"])
    }

    /// SIGTERM and SIGINT mid-run remove the staging folder and release the lock; the previous
    /// output is whole.
    @Test(arguments: [SIGTERM, SIGINT])
    func signalsRemoveTheStagingFolder(signal: Int32) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 2)
        let first = try runLexpipe(["run", "--corpus", "corpus", "--output", "output"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let previous = try folderTree(folder.path + "/output")
        try CorpusFixture.write(into: folder, synthetic: 1500)
        let (process, _, _) = try LexpipeBinary.start(["run", "--corpus", "corpus", "--output", "output", "--jobs", "1"], in: folder.path)
        var staging: String?
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, staging == nil {
            staging = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.first { $0.hasPrefix(".output.staging-") }
            if staging == nil { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(staging != nil, "the run started writing")
        // Mid-run: some documents are written already.
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(entries == [".output.lock", "corpus", "output"], "no staging folder left")
        #expect(try folderTree(folder.path + "/output") == previous)
        let next = try runLexpipe(["run", "--corpus", "corpus", "--output", "output"], in: folder.path)
        #expect(next.status == 0, "the lock was released: \(next.stderr)")
    }

    /// A corpus that shrank below half (an unmounted disk, a partial copy) or to nothing is
    /// refused unless --allow-shrink; the previous output stays.
    @Test func aShrunkCorpusIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try CorpusFixture.write(into: folder, synthetic: 10)
        let first = try runLexpipe(["run"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        try FileManager.default.removeItem(atPath: folder.path + "/corpus/summaries")
        try folder.write("corpus/report.rtf", Data("{\\rtf1\\ansi Report}".utf8))
        let before = try folderTree(folder.path)
        let shrunk = try runLexpipe(["run"], in: folder.path)
        #expect(shrunk.status == 2)
        #expect(shrunk.stderr == "lexpipe: refusing to publish: the corpus \(folder.path)/corpus has 2 documents, fewer than half the 12 of the previous output (an unmounted or partly copied corpus?); the previous output is unchanged; pass --allow-shrink if the corpus really shrank\n")
        #expect(try folderTree(folder.path) == before)

        try FileManager.default.removeItem(atPath: folder.path + "/corpus")
        try FileManager.default.createDirectory(atPath: folder.path + "/corpus", withIntermediateDirectories: false)
        try folder.write("corpus/report.rtf", Data("{\\rtf1\\ansi Report}".utf8))
        let emptyBefore = try folderTree(folder.path)
        let empty = try runLexpipe(["run"], in: folder.path)
        #expect(empty.status == 2)
        #expect(empty.stderr == "lexpipe: refusing to publish: the corpus \(folder.path)/corpus holds no document matching corpus.include (1 file matched no include pattern); the previous output is unchanged; pass --allow-shrink to publish empty datasets\n")
        #expect(try folderTree(folder.path) == emptyBefore)

        let allowed = try runLexpipe(["run", "--allow-shrink"], in: folder.path)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.hasPrefix("0 documents, 0 records, 0 errors"))
    }
}
