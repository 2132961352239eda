import Foundation
import LexpipeIngest
import LexpipeMarkup
import LexpipePDF

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

/// Measures corpora four ways in one invocation: reading the bytes alone, libxml2 parsing the
/// HTML alone (and the PDFs read alone, beside `pdftotext` on the same files), whole `lexpipe run`s in child processes (so each run's peak RSS is its own):
/// `--full` for every job count, then once more with nothing changed (every record reused), and
/// writing as many bytes as those runs' datasets hold alone; each repeated and reported by its
/// median.
///
/// The repeats run in rounds, each measuring every corpus and every job count once, and the job
/// counts alternate their order from one round to the next: a shared machine's speed drifts over
/// minutes, and rounds spread that drift over every figure instead of loading it onto whichever
/// corpus or job count came last. Each corpus is run once before the first round, unmeasured, so
/// that every measured run, like a nightly one, reads a previous output's manifest.
public struct BenchmarkRunner {
    /// The `lexpipe` executable to run.
    public var executable: String
    /// The corpus folders, reported in this order.
    public var corpora: [String]
    /// The `--jobs` values to run.
    public var jobs: [Int]
    /// Rounds, so samples per measurement; the median is reported.
    public var repeats: Int
    /// Where runs write; removed afterwards.
    public var scratch: String
    /// poppler's `pdftotext`, run on the same PDFs for comparison; `nil` to leave it out.
    public var pdftotext: String?

    public init(
        executable: String, corpora: [String], jobs: [Int], repeats: Int, scratch: String,
        pdftotext: String? = BenchmarkRunner.findExecutable("pdftotext")
    ) {
        self.executable = executable
        self.corpora = corpora
        self.jobs = jobs
        self.repeats = repeats
        self.scratch = scratch
        self.pdftotext = pdftotext
    }

    /// The first executable of that name on `PATH`.
    public static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    /// The job count of the warm-up runs and the unchanged reruns.
    private var mostJobs: Int { jobs.max() ?? 1 }

    /// One `lexpipe run`'s figures.
    private struct Sample {
        var seconds: Double
        var rss: Double
        var stages: [(String, Double)]
        var user: Double
        var system: Double
    }

    /// A corpus's files and the samples taken of it so far.
    private struct Subject {
        var folder: String
        var output: String
        var entries: [CorpusEntry]
        var bytes: Int
        var html: [[UInt8]]
        /// The PDFs that read, their paths and bytes, and their pages in all.
        var pdfs: [(path: String, bytes: [UInt8])] = []
        var pdfPages = 0
        var read: [Double] = []
        var parse: [Double] = []
        var pdfRead: [Double] = []
        var pdftotext: [Double] = []
        var pdfCPU: [Double] = []
        var pdftotextCPU: [Double] = []
        var write: [Double] = []
        var datasetSizes: [Int] = []
        /// By job count: the `--full` runs' samples, then the unchanged reruns' (largest count).
        var full: [Int: [Sample]] = [:]
        var unchanged: [Sample] = []
    }

    /// Measures every corpus `repeats` times, round by round; `progress` hears what is measured.
    public func measure(progress: (String) -> Void = { _ in }) throws -> [BenchmarkResult] {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // `lexpipe run` publishes only into a folder whose parent exists.
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        var subjects = try corpora.enumerated().map { index, folder in
            try load(folder, output: scratch + "/output-\(index)")
        }
        for index in subjects.indices {
            progress("warming up on \(subjects[index].folder)")
            _ = try run(subjects[index], jobs: mostJobs, full: true)
        }
        for round in 0..<repeats {
            for index in subjects.indices {
                progress("round \(round + 1) of \(repeats): \(subjects[index].folder)")
                try measureRound(&subjects[index], jobOrder: round % 2 == 0 ? jobs : jobs.reversed())
            }
        }
        // The writes come last, back to back. Right after a run, the same bytes took 2.4-3.1 s
        // at 20,000 documents on the development machine's virtual disk, after another write
        // 0.6-0.9 s (docs/performance.md); a floor is what a run cannot avoid, so it takes the
        // disk at its quickest.
        for index in subjects.indices {
            progress("writing the datasets' bytes of \(subjects[index].folder)")
            let sizes = subjects[index].datasetSizes
            for _ in 0..<repeats {
                sync()
                subjects[index].write.append(try time { try write(sizes: sizes) })
            }
        }
        return subjects.map(result)
    }

    private func load(_ folder: String, output: String) throws -> Subject {
        let walker = CorpusWalker(root: folder, include: [Glob("**/*")], exclude: [])
        let entries: [CorpusEntry]
        do {
            entries = try walker.entries().filter { $0.refusal == nil }
        } catch {
            throw BenchmarkError.corpus(error.description)
        }
        let reader = Ingestor(maxDocumentBytes: Int.max / 2)
        var bytes = 0
        var html: [[UInt8]] = []
        var pdfs: [(path: String, bytes: [UInt8])] = []
        var pages = 0
        for entry in entries {
            guard let data = try? reader.readBytes(path: entry.path) else { continue }
            bytes += data.count
            if entry.source.hasSuffix(".html") || entry.source.hasSuffix(".htm") { html.append(data) }
            // Only PDFs that read: a refused one costs a run little and would skew the rate.
            if PDFReader.isPDF(data), let text = try? PDFReader.read(data, maxPages: Int.max) {
                pdfs.append((entry.path, data))
                pages += text.pages.count
            }
        }
        var subject = Subject(folder: folder, output: output, entries: entries, bytes: bytes, html: html)
        subject.pdfs = pdfs
        subject.pdfPages = pages
        return subject
    }

    /// One sample of a corpus's reading, parsing, full run per job count in `jobOrder` and
    /// unchanged rerun.
    private func measureRound(_ subject: inout Subject, jobOrder: [Int]) throws {
        let reader = Ingestor(maxDocumentBytes: Int.max / 2)
        let entries = subject.entries
        let expected = subject.bytes
        subject.read.append(try time {
            var total = 0
            for entry in entries { total &+= (try? reader.readBytes(path: entry.path))?.count ?? 0 }
            guard total == expected else { throw BenchmarkError.corpus("\(subject.folder) changed during the benchmark") }
        })
        let html = subject.html
        subject.parse.append(time { for document in html { ParserReference.parseHTML(document) } })
        if !subject.pdfs.isEmpty {
            let pdfs = subject.pdfs
            let cleaner = MarkupCleaner()
            let cpuBefore = BenchmarkRunner.threadCPUSeconds()
            subject.pdfRead.append(time {
                for pdf in pdfs {
                    guard let text = try? PDFReader.read(pdf.bytes, maxPages: Int.max) else { continue }
                    _ = try? cleaner.clean(pdf: text)
                }
            })
            subject.pdfCPU.append(BenchmarkRunner.threadCPUSeconds() - cpuBefore)
            if let pdftotext {
                var cpu = 0.0
                subject.pdftotext.append(try time {
                    for pdf in pdfs {
                        let (status, usage) = try BenchmarkRunner.spawn([pdftotext, "-q", pdf.path, "-"])
                        guard status == 0 else { throw BenchmarkError.run("pdftotext exited with status \(status) on \(pdf.path)") }
                        cpu += BenchmarkRunner.seconds(usage.ru_utime) + BenchmarkRunner.seconds(usage.ru_stime)
                    }
                })
                subject.pdftotextCPU.append(cpu)
            }
        }
        for count in jobOrder {
            subject.full[count, default: []].append(try run(subject, jobs: count, full: true))
        }
        // The nightly case: the same corpus again into the output of the last full run, every
        // record reused.
        subject.unchanged.append(try run(subject, jobs: mostJobs, full: false))
        subject.datasetSizes = BenchmarkRunner.fileSizes(in: subject.output)
    }

    private func result(_ subject: Subject) -> BenchmarkResult {
        func summary(_ samples: [Sample], jobs count: Int, unchanged: Bool) -> BenchmarkResult.Run {
            let middle = samples.sorted { $0.seconds < $1.seconds }[samples.count / 2]
            return BenchmarkResult.Run(
                jobs: count, unchanged: unchanged, seconds: middle.seconds,
                megabytesPerSecond: Double(subject.bytes) / 1_000_000 / middle.seconds,
                documentsPerSecond: Double(subject.entries.count) / middle.seconds,
                peakRSSMegabytes: median(samples.map(\.rss)), stageSeconds: middle.stages, samples: samples.map(\.seconds),
                userSeconds: median(samples.map(\.user)), systemSeconds: median(samples.map(\.system))
            )
        }
        var runs = jobs.map { summary(subject.full[$0] ?? [], jobs: $0, unchanged: false) }
        runs.append(summary(subject.unchanged, jobs: mostJobs, unchanged: true))
        var result = BenchmarkResult(
            documents: subject.entries.count, bytes: subject.bytes, htmlDocuments: subject.html.count,
            htmlBytes: subject.html.reduce(0) { $0 + $1.count },
            readSeconds: median(subject.read), libxml2Seconds: median(subject.parse),
            datasetBytes: subject.datasetSizes.reduce(0, +), writeSeconds: median(subject.write), runs: runs
        )
        if !subject.pdfs.isEmpty {
            result.pdf = BenchmarkResult.PDF(
                documents: subject.pdfs.count, bytes: subject.pdfs.reduce(0) { $0 + $1.bytes.count }, pages: subject.pdfPages,
                seconds: median(subject.pdfRead), pdftotextSeconds: subject.pdftotext.isEmpty ? nil : median(subject.pdftotext),
                cpuSeconds: median(subject.pdfCPU), pdftotextCPUSeconds: subject.pdftotextCPU.isEmpty ? nil : median(subject.pdftotextCPU)
            )
        }
        return result
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
    private func run(_ subject: Subject, jobs: Int, full: Bool) throws -> Sample {
        let output = subject.output
        let peakReport = scratch + "/peak-rss"
        try? FileManager.default.removeItem(atPath: peakReport)
        let arguments = [
            executable, "run", "--corpus", subject.folder, "--output", output, "--jobs", String(jobs),
            "--peak-memory-report", peakReport,
        ] + (full ? ["--full"] : [])
        // What the measurement before wrote is flushed first, so that a run pays for writing back
        // its own datasets only.
        sync()
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
        let reported = (try? String(contentsOfFile: peakReport, encoding: .utf8))
            .flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        func cpuSeconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
        return Sample(
            seconds: seconds, rss: (reported ?? Double(usage.ru_maxrss)) / 1024, stages: stages,
            user: cpuSeconds(usage.ru_utime), system: cpuSeconds(usage.ru_stime)
        )
    }

    /// CPU seconds (user and system) the calling thread has used.
    static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }

    static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) * 1e-6
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
        // A program written a moment ago may still be open for writing in a child that another
        // thread forked and that has not yet reached exec: Linux refuses it (ETXTBSY) until then.
        var result = posix_spawn(&pid, arguments[0], &fileActions, nil, cArguments, environ)
        for _ in 0..<100 where result == ETXTBSY {
            usleep(10_000)
            result = posix_spawn(&pid, arguments[0], &fileActions, nil, cArguments, environ)
        }
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
