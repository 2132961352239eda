import Foundation
import LexpipeIngest
import LexpipeMarkup

/// Why a benchmark could not run.
public enum BenchmarkError: Error, CustomStringConvertible {
    case corpus(String)
    case run(String)

    public var description: String {
        switch self {
        case let .corpus(reason): "benchmark corpus: \(reason)"
        case let .run(reason): "benchmark run: \(reason)"
        }
    }
}

/// Measures a corpus four ways in one invocation: reading the bytes alone, libxml2 parsing the
/// HTML alone, whole `lexpipe run`s in child processes (so each run's peak RSS is its own):
/// `--full` for every job count, then once more with nothing changed (every record reused), and
/// writing as many bytes as those runs' datasets hold alone; each repeated and reported by its
/// median.
public struct BenchmarkRunner {
    /// The `lexpipe` executable to run.
    public var executable: String
    public var corpus: String
    public var jobs: [Int]
    public var repeats: Int
    /// Where runs write; removed afterwards.
    public var scratch: String

    public init(executable: String, corpus: String, jobs: [Int], repeats: Int, scratch: String) {
        self.executable = executable
        self.corpus = corpus
        self.jobs = jobs
        self.repeats = repeats
        self.scratch = scratch
    }

    public func measure() throws -> BenchmarkResult {
        let walker = CorpusWalker(root: corpus, include: [Glob("**/*")], exclude: [])
        let entries: [CorpusEntry]
        do {
            entries = try walker.entries().filter { $0.refusal == nil }
        } catch {
            throw BenchmarkError.corpus(error.description)
        }
        let reader = Ingestor(maxDocumentBytes: Int.max / 2)
        var bytes = 0
        var html: [[UInt8]] = []
        for entry in entries {
            guard let data = try? reader.readBytes(path: entry.path) else { continue }
            bytes += data.count
            if entry.source.hasSuffix(".html") || entry.source.hasSuffix(".htm") { html.append(data) }
        }
        let readSeconds = median((0..<repeats).map { _ in
            time {
                var total = 0
                for entry in entries { total &+= (try? reader.readBytes(path: entry.path))?.count ?? 0 }
                precondition(total == bytes, "the corpus changed during the benchmark")
            }
        })
        let parseSeconds = median((0..<repeats).map { _ in
            time { for document in html { ParserReference.parseHTML(document) } }
        })
        var runs: [BenchmarkResult.Run] = []
        func measureRuns(jobs count: Int, full: Bool) throws {
            var samples: [(seconds: Double, rss: Double, stages: [(String, Double)], user: Double, system: Double)] = []
            for _ in 0..<repeats { samples.append(try run(jobs: count, full: full)) }
            let sorted = samples.sorted { $0.seconds < $1.seconds }
            let middle = sorted[sorted.count / 2]
            runs.append(BenchmarkResult.Run(
                jobs: count, unchanged: !full, seconds: middle.seconds,
                megabytesPerSecond: Double(bytes) / 1_000_000 / middle.seconds,
                documentsPerSecond: Double(entries.count) / middle.seconds,
                peakRSSMegabytes: median(samples.map(\.rss)), stageSeconds: middle.stages, samples: samples.map(\.seconds),
                userSeconds: median(samples.map(\.user)), systemSeconds: median(samples.map(\.system))
            ))
        }
        for count in jobs { try measureRuns(jobs: count, full: true) }
        // The nightly case: the same corpus again into the output of the last full run, every
        // record reused.
        if let most = jobs.max() { try measureRuns(jobs: most, full: false) }
        let datasetSizes = BenchmarkRunner.fileSizes(in: scratch + "/output")
        let writeSeconds = median(try (0..<repeats).map { _ in try time { try write(sizes: datasetSizes) } })
        try? FileManager.default.removeItem(atPath: scratch)
        return BenchmarkResult(
            documents: entries.count, bytes: bytes, htmlDocuments: html.count, htmlBytes: html.reduce(0) { $0 + $1.count },
            readSeconds: readSeconds, libxml2Seconds: parseSeconds, datasetBytes: datasetSizes.reduce(0, +),
            writeSeconds: writeSeconds, runs: runs
        )
    }

    /// The sizes of the files a run published (its datasets and manifest).
    private static func fileSizes(in folder: String) -> [Int] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { name in
            (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name))?[.size] as? Int
        }
    }

    /// Writes files of these sizes into a scratch folder on one thread as a run's writer does:
    /// 256 KiB per `write(2)`, then `fsync` and `close` per file, then removes them.
    private func write(sizes: [Int]) throws {
        let folder = scratch + "/write-reference"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 18)
        for (index, size) in sizes.enumerated() {
            let path = folder + "/\(index)"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw BenchmarkError.run("\(path): \(String(cString: strerror(errno)))") }
            defer { close(descriptor) }
            var left = size
            while left > 0 {
                let written = chunk.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress!, min(left, $0.count)) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw BenchmarkError.run("\(path): \(String(cString: strerror(errno)))")
                }
                left -= written
            }
            guard fsync(descriptor) == 0 else { throw BenchmarkError.run("\(path): \(String(cString: strerror(errno)))") }
        }
    }

    /// One `lexpipe run` (`--full` unless not `full`) in a child process: wall-clock seconds,
    /// the child's peak RSS in MB, its per-stage seconds from the manifest, and its user and
    /// system CPU seconds.
    private func run(jobs: Int, full: Bool) throws -> (seconds: Double, rss: Double, stages: [(String, Double)], user: Double, system: Double) {
        let output = scratch + "/output"
        let peakReport = scratch + "/peak-rss"
        try? FileManager.default.removeItem(atPath: peakReport)
        let arguments = [
            executable, "run", "--corpus", corpus, "--output", output, "--jobs", String(jobs),
            "--peak-memory-report", peakReport,
        ] + (full ? ["--full"] : [])
        let start = ContinuousClock.now
        let (status, usage) = try BenchmarkRunner.spawn(arguments)
        let elapsed = ContinuousClock.now - start
        guard status == 0 || status == 1 else { throw BenchmarkError.run("lexpipe run exited with status \(status)") }
        var stages: [(String, Double)] = []
        if let data = FileManager.default.contents(atPath: output + "/manifest.json"),
            let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let run = manifest["run"] as? [String: Any], let stageSeconds = run["stage_seconds"] as? [String: Double]
        {
            stages = ["ingest", "markup", "classification", "extraction", "normalization", "datasets"].map { ($0, stageSeconds[$0] ?? 0) }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        // The child's own report; `ru_maxrss` includes this process's peak, which Linux carries
        // into a spawned child, so it is only a fallback. Both are in kilobytes.
        let reported = (try? String(contentsOfFile: peakReport, encoding: .utf8)).flatMap { Double($0) }
        func cpuSeconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
        return (seconds, (reported ?? Double(usage.ru_maxrss)) / 1024, stages, cpuSeconds(usage.ru_utime), cpuSeconds(usage.ru_stime))
    }

    /// Runs a program, waits for it, and returns its exit status and resource usage.
    static func spawn(_ arguments: [String]) throws -> (status: Int32, usage: rusage) {
        var pid: pid_t = 0
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        let result = posix_spawn(&pid, arguments[0], &fileActions, nil, cArguments, environ)
        guard result == 0 else { throw BenchmarkError.run("cannot start \(arguments[0]): \(String(cString: strerror(result)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkError.run("wait4: \(String(cString: strerror(errno)))") }
        }
        let exited = status & 0x7F == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), usage)
    }

    private func time(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
