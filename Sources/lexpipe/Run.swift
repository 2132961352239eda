import ArgumentParser
import CSystemShims
import Foundation
import LexpipePipeline

extension Lexpipe {
    /// `lexpipe run`: the whole batch.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract every document of the corpus and publish the datasets.",
            discussion: """
                Exit status: 0 when every document was extracted, 1 when some were refused (see \
                errors.jsonl; the datasets are still published), 2 for a bad configuration or \
                corpus, 3 when the datasets could not be written (the previous output is unchanged).
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

        /// For `lexpipe bench`: the process's own peak RSS, written at exit. A child's `wait4`
        /// figure is no use for this: Linux carries the spawning process's peak over `exec`.
        @Option(help: .hidden)
        var peakMemoryReport: String?

        func validate() throws {
            if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be from 1 to 1024") }
        }

        func run() async throws {
            // Past a file-size limit, a write should fail with EFBIG (reported, previous output
            // kept) rather than the signal killing the process.
            signal(SIGXFSZ, SIG_IGN)
            // Left to raise its mmap threshold, glibc carves large documents' buffers from the
            // heap, whose fragments then grow with the corpus; mapped, they are returned whole.
            lexpipe_fix_mmap_threshold(128 * 1024)
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
                summary = try await BatchRunner(configuration: configuration).run(full: full, progress: progress)
            } catch {
                bar?.finish()
                printError(error.description)
                switch error {
                case .corpus: throw ExitCode(2)
                case .datasets: throw ExitCode(3)
                }
            }
            bar?.finish()
            print(summary.line + " -> \(summary.outputDirectory)")
            print("changes since the previous run: " + summary.changes.line)
            if summary.errors > 0 { throw ExitCode(1) }
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
