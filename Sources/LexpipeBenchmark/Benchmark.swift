import Foundation
public import LexpipeRecord

/// What one benchmark measured for one corpus size.
public struct BenchmarkResult: Sendable {
    /// One `lexpipe run` with a given number of jobs: the medians over the repeats.
    public struct Run: Sendable {
        public var jobs: Int
        /// Run again over its own output, nothing changed, so every record is reused; otherwise
        /// `--full`.
        public var unchanged: Bool
        public var seconds: Double
        public var megabytesPerSecond: Double
        public var documentsPerSecond: Double
        public var peakRSSMegabytes: Double
        /// Seconds per stage summed over documents, from the run's manifest (median run).
        public var stageSeconds: [(stage: String, seconds: Double)]
        /// Every repeat's wall-clock seconds.
        public var samples: [Double]
        /// CPU time the run's process spent in user and in system mode (medians over the
        /// repeats): what the run cost, whatever else the machine was doing.
        public var userSeconds: Double
        public var systemSeconds: Double

        /// CPU seconds per MB of corpus.
        public func cpuSecondsPerMegabyte(corpusBytes: Int) -> Double {
            (userSeconds + systemSeconds) / (Double(corpusBytes) / 1_000_000)
        }
    }

    public var documents: Int
    public var bytes: Int
    public var htmlDocuments: Int
    public var htmlBytes: Int
    /// Reading every file's bytes on one thread (median).
    public var readSeconds: Double
    /// libxml2 parsing every HTML document on one thread (median).
    public var libxml2Seconds: Double
    /// What the full runs published: datasets and manifest.
    public var datasetBytes: Int
    /// Writing `datasetBytes` into files on one thread, each synced (median).
    public var writeSeconds: Double
    public var runs: [Run]
    /// The corpus's PDFs read alone, when it has any.
    public var pdf: PDF? = nil

    /// The corpus's readable PDFs, read by lexpipe (text layer and layout, in this process) and
    /// by poppler's own `pdftotext` (one process per file, as it is used), both on one thread.
    public struct PDF: Sendable {
        public var documents: Int
        public var bytes: Int
        public var pages: Int
        /// lexpipe: poppler's text layer into words, laid out into blocks (median).
        public var seconds: Double
        /// `pdftotext FILE -` for every file (median); `nil` when it is not installed.
        public var pdftotextSeconds: Double?
        /// CPU time (user and system, medians) of the reading thread and of the `pdftotext`
        /// processes: what each cost, whatever else the machine was doing.
        public var cpuSeconds: Double = 0
        public var pdftotextCPUSeconds: Double? = nil

        public init(
            documents: Int, bytes: Int, pages: Int, seconds: Double, pdftotextSeconds: Double?, cpuSeconds: Double = 0,
            pdftotextCPUSeconds: Double? = nil
        ) {
            self.documents = documents
            self.bytes = bytes
            self.pages = pages
            self.seconds = seconds
            self.pdftotextSeconds = pdftotextSeconds
            self.cpuSeconds = cpuSeconds
            self.pdftotextCPUSeconds = pdftotextCPUSeconds
        }
    }

    /// Reading plus libxml2 parsing: the floor of a run.
    public var floorSeconds: Double { readSeconds + libxml2Seconds }
    /// The floor plus writing the datasets: what a run cannot avoid on one thread.
    public var floorWithWritesSeconds: Double { floorSeconds + writeSeconds }
}

/// Renders benchmark results as a table and as JSON.
public enum BenchmarkReport {
    public static func table(_ results: [BenchmarkResult]) -> String {
        var out = ""
        for result in results {
            let megabytes = Double(result.bytes) / 1_000_000
            out += String(format: "corpus: %d documents, %.1f MB (%d HTML, %.1f MB)\n", result.documents, megabytes,
                          result.htmlDocuments, Double(result.htmlBytes) / 1_000_000)
            func label(_ text: String) -> String { "  " + text.padding(toLength: 30, withPad: " ", startingAt: 0) }
            out += label("read bytes (1 thread)") + String(format: "%8.3f s  %8.1f MB/s\n", result.readSeconds, megabytes / result.readSeconds)
            out += label("libxml2 parse HTML (1 thread)") + String(format: "%8.3f s  %8.1f MB/s of HTML\n", result.libxml2Seconds,
                          Double(result.htmlBytes) / 1_000_000 / max(result.libxml2Seconds, 1e-9))
            out += label("floor: read + parse") + String(format: "%8.3f s  %8.1f MB/s\n", result.floorSeconds, megabytes / result.floorSeconds)
            out += label("write datasets (1 thread)") + String(format: "%8.3f s  %8.1f MB written\n", result.writeSeconds,
                          Double(result.datasetBytes) / 1_000_000)
            out += label("floor + write") + String(format: "%8.3f s  %8.1f MB/s\n", result.floorWithWritesSeconds,
                          megabytes / result.floorWithWritesSeconds)
            if let pdf = result.pdf {
                let pdfMegabytes = Double(pdf.bytes) / 1_000_000
                out += String(format: "  PDFs: %d files, %d pages, %.1f MB\n", pdf.documents, pdf.pages, pdfMegabytes)
                out += label("lexpipe PDF text + layout") + String(format: "%8.3f s  %8.1f MB/s  %8.0f pages/s  CPU %.3f s\n", pdf.seconds,
                              pdfMegabytes / max(pdf.seconds, 1e-9), Double(pdf.pages) / max(pdf.seconds, 1e-9), pdf.cpuSeconds)
                if let seconds = pdf.pdftotextSeconds {
                    out += label("pdftotext, a process per file") + String(format: "%8.3f s  %8.1f MB/s  %8.0f pages/s  CPU %.3f s\n", seconds,
                                  pdfMegabytes / max(seconds, 1e-9), Double(pdf.pages) / max(seconds, 1e-9), pdf.pdftotextCPUSeconds ?? 0)
                } else {
                    out += label("pdftotext") + "not installed\n"
                }
            }
            for run in result.runs {
                out += label(run.unchanged ? "rerun, unchanged, --jobs \(run.jobs)" : "lexpipe run --jobs \(run.jobs)") + String(format: "%8.3f s  %8.1f MB/s  %8.0f docs/s  peak RSS %6.1f MB  (%.2fx floor, %.2fx floor + write)\n",
                              run.seconds, run.megabytesPerSecond, run.documentsPerSecond,
                              run.peakRSSMegabytes, run.seconds / result.floorSeconds, run.seconds / result.floorWithWritesSeconds)
                out += String(format: "      CPU: %.2f s user, %.2f s system (%.1f ms per MB)\n", run.userSeconds, run.systemSeconds,
                              run.cpuSecondsPerMegabyte(corpusBytes: result.bytes) * 1000)
                out += "      stages (summed over documents):"
                for (stage, seconds) in run.stageSeconds where seconds > 0 { out += String(format: " %@ %.3f s", stage, seconds) }
                out += "\n      samples: " + run.samples.map { String(format: "%.3f", $0) }.joined(separator: ", ") + " s\n"
            }
            let full = result.runs.filter { !$0.unchanged }
            if let one = full.first(where: { $0.jobs == 1 }), let most = full.max(by: { $0.jobs < $1.jobs }), most.jobs > 1 {
                out += String(format: "  scaling: --jobs %d is %.2fx --jobs 1\n", most.jobs, one.seconds / most.seconds)
            }
        }
        if results.count >= 2, let small = results.first, let large = results.last {
            for run in small.runs {
                guard let other = large.runs.first(where: { $0.jobs == run.jobs && $0.unchanged == run.unchanged }) else { continue }
                let cpu = run.cpuSecondsPerMegabyte(corpusBytes: small.bytes) * 1000
                let otherCPU = other.cpuSecondsPerMegabyte(corpusBytes: large.bytes) * 1000
                out += String(format: "size %d -> %d, %@--jobs %d: MB/s %.1f -> %.1f (%+.1f%%), CPU ms per MB %.1f -> %.1f (%+.1f%%), peak RSS %.1f -> %.1f MB (%+.1f%%)\n",
                              small.documents, large.documents, run.unchanged ? "unchanged, " : "", run.jobs, run.megabytesPerSecond, other.megabytesPerSecond,
                              (other.megabytesPerSecond / run.megabytesPerSecond - 1) * 100, cpu, otherCPU, (otherCPU / cpu - 1) * 100,
                              run.peakRSSMegabytes, other.peakRSSMegabytes, (other.peakRSSMegabytes / run.peakRSSMegabytes - 1) * 100)
            }
        }
        return out
    }

    public static func json(_ results: [BenchmarkResult], machine: String) -> JSONValue {
        .object([
            ("machine", .string(machine)),
            ("results", .array(results.map { result in
                .object([
                    ("documents", .integer(result.documents)), ("bytes", .integer(result.bytes)),
                    ("html_documents", .integer(result.htmlDocuments)), ("html_bytes", .integer(result.htmlBytes)),
                    ("read_seconds", .number(result.readSeconds)), ("libxml2_seconds", .number(result.libxml2Seconds)),
                    ("floor_seconds", .number(result.floorSeconds)),
                    ("dataset_bytes", .integer(result.datasetBytes)), ("write_seconds", .number(result.writeSeconds)),
                    ("floor_with_writes_seconds", .number(result.floorWithWritesSeconds)),
                    ("pdf", result.pdf.map { pdf in
                        .object([
                            ("documents", .integer(pdf.documents)), ("bytes", .integer(pdf.bytes)), ("pages", .integer(pdf.pages)),
                            ("seconds", .number(pdf.seconds)),
                            ("pdftotext_seconds", pdf.pdftotextSeconds.map(JSONValue.number) ?? .null),
                            ("cpu_seconds", .number(pdf.cpuSeconds)),
                            ("pdftotext_cpu_seconds", pdf.pdftotextCPUSeconds.map(JSONValue.number) ?? .null),
                        ])
                    } ?? .null),
                    ("runs", .array(result.runs.map { run in
                        .object([
                            ("jobs", .integer(run.jobs)), ("unchanged", .bool(run.unchanged)), ("seconds", .number(run.seconds)),
                            ("mb_per_second", .number(run.megabytesPerSecond)),
                            ("documents_per_second", .number(run.documentsPerSecond)),
                            ("peak_rss_mb", .number(run.peakRSSMegabytes)),
                            ("stage_seconds", .object(run.stageSeconds.map { ($0.stage, .number($0.seconds)) })),
                            ("samples", .array(run.samples.map(JSONValue.number))),
                            ("user_seconds", .number(run.userSeconds)), ("system_seconds", .number(run.systemSeconds)),
                        ])
                    })),
                ])
            })),
        ])
    }
}
