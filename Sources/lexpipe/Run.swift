import ArgumentParser
import CSystemShims
import Foundation
import LexpipeDatasets
import LexpipePipeline

extension Lexpipe {
    /// `lexpipe run`: the whole batch.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract every document of the corpus and publish the datasets.",
            discussion: """
                The output folder must be new (its parent must exist), empty, or a previous lexpipe \
                output; it may not be /, your home folder, the current folder, the corpus, or hold \
                or lie inside any of them. Exit status: 0 when every document was extracted, 1 when \
                some were refused (see errors.jsonl; the datasets are still published) or --strict \
                found warnings, failed checks, documents without a state or year or files matching \
                no include pattern, 2 when nothing was done (bad configuration, corpus or output \
                folder, another run on the same output, or a corpus that shrank), 3 when the \
                datasets could not be written (the previous output is unchanged).
                """
        )

        @OptionGroup var options: ConfigurationOptions

        @Option(help: "The corpus folder (overrides corpus.root).")
        var corpus: String?

        @Option(help: "The output folder (overrides output).")
        var output: String?

        @Option(help: "Documents processed at once (overrides jobs; default: the number of cores).")
        var jobs: Int?

        @Flag(help: "Extract every document again instead of reusing records of unchanged documents.")
        var full = false

        @Flag(help: "Publish even when the corpus has no document, or fewer than half those of the previous output.")
        var allowShrink = false

        @Flag(help: "Exit 1 when a record has warnings or failed checks, lacks a state or year, or a file matched no include pattern.")
        var strict = false

        /// For `lexpipe bench`: the process's own peak RSS, written at exit. A child's `wait4`
        /// figure is no use for this: Linux carries the spawning process's peak over `exec`.
        @Option(help: .hidden)
        var peakMemoryReport: String?

        func validate() throws {
            if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be from 1 to 1024") }
            if output?.isEmpty == true { throw ValidationError("--output must name a folder") }
            if corpus?.isEmpty == true { throw ValidationError("--corpus must name a folder") }
        }

        func run() async throws {
            // Past a file-size limit, a write should fail with EFBIG (reported, previous output
            // kept) rather than the signal killing the process.
            signal(SIGXFSZ, SIG_IGN)
            // Left to raise its mmap threshold, glibc carves large documents' buffers from the
            // heap, whose fragments then grow with the corpus; mapped, they are returned whole.
            lexpipe_fix_mmap_threshold(128 * 1024)
            let signals = Run.removeStagingOnSignals()
            defer { withExtendedLifetime(signals) {} }
            defer { if let peakMemoryReport { Run.writePeakMemory(to: peakMemoryReport) } }
            var configuration = try options.load()
            // Flags are relative to the current folder, not to the configuration file.
            let cwd = FileManager.default.currentDirectoryPath
            if let corpus { configuration.corpusRoot = corpus.hasPrefix("/") ? corpus : cwd + "/" + corpus }
            if let output { configuration.outputDirectory = output.hasPrefix("/") ? output : cwd + "/" + output }
            if let jobs { configuration.jobs = jobs }
            let bar = ProgressBar.onTerminal()
            let summary: RunSummary
            var progress: (@Sendable (Int, Int) -> Void)?
            if let bar { progress = { done, total in bar.update(done: done, total: total) } }
            do {
                summary = try await BatchRunner(configuration: configuration).run(
                    full: full, allowShrink: allowShrink, progress: progress
                )
            } catch {
                bar?.finish()
                printError(error.description)
                switch error {
                case .corpus, .output, .shrink, .emptyCorpus: throw ExitStatus.refused.exitCode
                case .datasets: throw ExitStatus.cannotWrite.exitCode
                }
            }
            bar?.finish()
            print(summary.line + " -> \(summary.outputDirectory)")
            print("changes since the previous run: " + summary.changes.line)
            for line in summary.counts.lines { print(line) }
            if summary.errors > 0 { throw ExitStatus.partial.exitCode }
            if strict, summary.counts.hasFindings {
                printError("--strict: the run found warnings, failed checks, missing states or years, or files matching no include pattern")
                throw ExitStatus.partial.exitCode
            }
        }

        /// On SIGTERM or SIGINT, removes the staging folder being written and ends the process
        /// (status 128 + the signal, as the shell reports a killed process); the kernel releases
        /// the output's lock. The previous output is untouched. Returns the signal sources, to be
        /// kept alive for the run.
        static func removeStagingOnSignals() -> [any DispatchSourceSignal] {
            // A queue of their own, which gets a thread even while the run's work holds every
            // thread of the shared pool (as many as cores): on `.global()` the handler could wait
            // for the run to end.
            let queue = DispatchQueue(label: "lexpipe.signals")
            return [SIGTERM, SIGINT].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    StagedDirectory.removeActive()
                    _exit(128 + number)
                }
                source.resume()
                return source
            }
        }

        /// Writes `VmHWM` of `/proc/self/status` (the peak resident set of this process's own
        /// memory since `exec`) in kilobytes.
        static func writePeakMemory(to path: String) {
            guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kilobytes = line.split(separator: " ").dropFirst().first
            else { return }
            try? Data(kilobytes.utf8).write(to: URL(fileURLWithPath: path))
        }
    }
}

/// A one-line progress bar on standard error, drawn only when it is a terminal.
final class ProgressBar: Sendable {
    static func onTerminal() -> ProgressBar? {
        isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
    }

    func update(done: Int, total: Int) {
        guard total > 0, done == total || done % max(1, total / 200) == 0 else { return }
        let width = 30
        let filled = done * width / total
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            + "] \(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
