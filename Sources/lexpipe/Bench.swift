import ArgumentParser
import Foundation
import LexpipeBenchmark
import LexpipeCheck
import LexpipeRecord
import LexpipeCorpusGenerator

extension Lexpipe {
    /// `lexpipe bench`: speed and memory of the pipeline against reading and libxml2 alone.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure MB/s, documents/s, time per stage, peak RSS and scaling with --jobs.",
            discussion: """
                Generates a corpus per size (or measures --corpus), then times in one invocation: \
                reading every file, libxml2 parsing every HTML document (both on one thread), \
                whole `lexpipe run --full` in child processes for each --jobs value, a rerun with \
                nothing changed, and writing the datasets' bytes, reporting medians of --repeats \
                rounds (each round measures every size and job count once). The corpus's PDFs \
                (those of --pdfs are copied into each generated corpus) are also read alone, and \
                by poppler's `pdftotext` (one process per file) for comparison, in MB/s and \
                pages/s. Build with -c release for meaningful figures.
                """
        )

        @Option(help: "Corpus sizes to generate, comma-separated.")
        var docs: String = "2000"

        @Option(help: "Generator seed.")
        var seed: UInt64 = 42

        @Option(help: "Measure this corpus folder instead of generating one.")
        var corpus: String?

        @Option(help: "Job counts to run, comma-separated (default: 1 and the number of cores).")
        var jobs: String?

        @Option(help: "Repeats per measurement; the median is reported.")
        var repeats: Int = 3

        @Option(help: "Also write the results as JSON to this file.")
        var json: String?

        @Option(help: "Layout-zoo documents whose extraction accuracy is reported beside the speed (0: none).")
        var zooDocs: Int = 1000

        @Option(help: "Copy the PDFs of this folder into each generated corpus (under pdf/).")
        var pdfs: String?

        @Option(help: "How many copies of each PDF of --pdfs go into a generated corpus.")
        var pdfCopies: Int = 25

        func validate() throws {
            guard zooDocs >= 0 else { throw ValidationError("--zoo-docs must be 0 or more") }
            guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
            guard pdfCopies >= 1 else { throw ValidationError("--pdf-copies must be at least 1") }
            guard sizes.allSatisfy({ $0 > 0 }), !sizes.isEmpty else { throw ValidationError("--docs takes positive numbers") }
            guard jobCounts.allSatisfy({ (1...1024).contains($0) }), !jobCounts.isEmpty else {
                throw ValidationError("--jobs takes numbers from 1 to 1024")
            }
        }

        private var sizes: [Int] { docs.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

        private var jobCounts: [Int] {
            guard let jobs else { return Array(Set([1, ProcessInfo.processInfo.activeProcessorCount])).sorted() }
            return jobs.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }

        func run() throws {
            let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lexpipe-bench-\(getpid())").path
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let corpora: [(String, Int?)] = corpus.map { [($0, nil)] } ?? sizes.map { (scratch + "/corpus-\($0)", $0) }
            for case let (folder, size?) in corpora {
                FileHandle.standardError.write(Data("generating \(size) documents (seed \(seed))...\n".utf8))
                _ = try CorpusGenerator(seed: seed).write(count: size, to: folder)
                if let pdfs { try Bench.copyPDFs(from: pdfs, into: folder + "/pdf", copies: pdfCopies) }
            }
            let runner = BenchmarkRunner(
                executable: executable, corpora: corpora.map(\.0), jobs: jobCounts, repeats: repeats, scratch: scratch + "/runs"
            )
            let results = try runner.measure { FileHandle.standardError.write(Data("\($0)...\n".utf8)) }
            var accuracy: AccuracyReport?
            if zooDocs > 0 {
                FileHandle.standardError.write(Data("scoring \(zooDocs) layout-zoo documents...\n".utf8))
                accuracy = try ZooAccuracy.measure(count: zooDocs, seed: seed, folder: scratch + "/zoo")
            }
            print("machine: \(Bench.machine())")
            print(BenchmarkReport.table(results), terminator: "")
            if let accuracy { print(ZooAccuracy.line(accuracy, seed: seed)) }
            if let json {
                var report = BenchmarkReport.json(results, machine: Bench.machine())
                if let accuracy, case let .object(members) = report {
                    report = .object(members + [("zoo_accuracy", ZooAccuracy.json(accuracy, seed: seed))])
                }
                try Data((report.pretty() + "\n").utf8).write(to: URL(fileURLWithPath: json))
            }
        }

        /// Copies every `.pdf` file of `source` `copies` times into `folder`.
        static func copyPDFs(from source: String, into folder: String, copies: Int) throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(".pdf") }.sorted()
            guard !names.isEmpty else { throw ValidationError("--pdfs \(source) holds no .pdf file") }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for name in names {
                for copy in 1...copies {
                    try FileManager.default.copyItem(
                        atPath: source + "/" + name, toPath: folder + "/\(copy)-" + name
                    )
                }
            }
        }

        static func machine() -> String {
            let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
            let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
                .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
            let memory = ProcessInfo.processInfo.physicalMemory / (1 << 30)
            return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(model), \(memory) GiB"
        }
    }
}
