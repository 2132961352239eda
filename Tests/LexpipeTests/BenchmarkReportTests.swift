@testable import LexpipeBenchmark
import LexpipeRecord
import Testing

// The benchmark's report: the floors it derives and the ratios against them, as table and JSON.

@Suite("Benchmark report")
struct BenchmarkReportTests {
    static func result(documents: Int, megabytes: Double, jobs1: Double, jobs2: Double) -> BenchmarkResult {
        func run(_ jobs: Int, _ seconds: Double) -> BenchmarkResult.Run {
            BenchmarkResult.Run(
                jobs: jobs, unchanged: false, seconds: seconds, megabytesPerSecond: megabytes / seconds,
                documentsPerSecond: Double(documents) / seconds, peakRSSMegabytes: 50,
                stageSeconds: [("markup", 1.5), ("datasets", 0)], samples: [seconds, seconds + 0.1, seconds - 0.1],
                userSeconds: 7, systemSeconds: 1
            )
        }
        return BenchmarkResult(
            documents: documents, bytes: Int(megabytes * 1_000_000), htmlDocuments: documents / 2, htmlBytes: 1_000_000,
            readSeconds: 0.25, libxml2Seconds: 0.75, datasetBytes: 3_000_000, writeSeconds: 1.0,
            runs: [run(1, jobs1), run(2, jobs2)]
        )
    }

    @Test func tableRelatesEveryRunToBothFloors() {
        let table = BenchmarkReport.table([Self.result(documents: 100, megabytes: 10, jobs1: 8, jobs2: 4)])
        #expect(table.contains("floor: read + parse              1.000 s"))
        #expect(table.contains("write datasets (1 thread)        1.000 s       3.0 MB written"))
        #expect(table.contains("floor + write                    2.000 s       5.0 MB/s"))
        #expect(table.contains("(8.00x floor, 4.00x floor + write)"))
        #expect(table.contains("(4.00x floor, 2.00x floor + write)"))
        #expect(table.contains("stages (summed over documents): markup 1.500 s\n"))
        #expect(table.contains("scaling: --jobs 2 is 2.00x --jobs 1"))
        #expect(table.contains("CPU: 7.00 s user, 1.00 s system (800.0 ms per MB)\n"))
    }

    @Test func pdfsAreReportedBesidePdftotext() {
        var result = Self.result(documents: 100, megabytes: 10, jobs1: 8, jobs2: 4)
        result.pdf = BenchmarkResult.PDF(
            documents: 4, bytes: 2_000_000, pages: 40, seconds: 0.5, pdftotextSeconds: 1.0, cpuSeconds: 0.4, pdftotextCPUSeconds: 0.3
        )
        let table = BenchmarkReport.table([result])
        #expect(table.contains("  PDFs: 4 files, 40 pages, 2.0 MB\n"))
        #expect(table.contains("lexpipe PDF text + layout        0.500 s       4.0 MB/s        80 pages/s  CPU 0.400 s\n"))
        #expect(table.contains("pdftotext, a process per file    1.000 s       2.0 MB/s        40 pages/s  CPU 0.300 s\n"))
        result.pdf?.pdftotextSeconds = nil
        #expect(BenchmarkReport.table([result]).contains("pdftotext                     not installed\n"))
        let json = BenchmarkReport.json([result], machine: "test").pretty()
        #expect(json.contains("\"pages\": 40"))
        #expect(json.contains("\"pdftotext_seconds\": null"))
    }

    /// Across sizes: MB/s (wall-clock) and CPU per MB, which machine noise moves less.
    @Test func sizesCompareThroughputAndCPUPerMegabyte() {
        let table = BenchmarkReport.table([
            Self.result(documents: 100, megabytes: 10, jobs1: 8, jobs2: 4),
            Self.result(documents: 1000, megabytes: 100, jobs1: 100, jobs2: 40),
        ])
        #expect(table.contains("size 100 -> 1000, --jobs 1: MB/s 1.2 -> 1.0 (-20.0%), CPU ms per MB 800.0 -> 80.0 (-90.0%)"))
        #expect(table.contains("size 100 -> 1000, --jobs 2: MB/s 2.5 -> 2.5 (+0.0%)"))
    }

    @Test func jsonCarriesTheFloorsAndEveryRun() throws {
        let text = BenchmarkReport.json([Self.result(documents: 100, megabytes: 10, jobs1: 8, jobs2: 4)], machine: "test").pretty()
        var figures: [String: Double] = [:]
        var runSeconds: [Double] = []
        var cpuSeconds: [Double] = []
        try Array(text.utf8).withUnsafeBufferPointer { json throws(JSONReadError) in
            try JSONReader.read(json) { reader throws(JSONReadError) in
                try reader.object { reader, key throws(JSONReadError) in
                    guard case "results" = key else { return try reader.skipValue() }
                    try reader.array { reader throws(JSONReadError) in
                        try reader.object { reader, key throws(JSONReadError) in
                            let name = String(decoding: key.utf8, as: UTF8.self)
                            switch name {
                            case "floor_seconds", "write_seconds", "floor_with_writes_seconds", "dataset_bytes":
                                figures[name] = try reader.number()
                            case "runs":
                                try reader.array { reader throws(JSONReadError) in
                                    try reader.object { reader, key throws(JSONReadError) in
                                        switch String(decoding: key.utf8, as: UTF8.self) {
                                        case "seconds": runSeconds.append(try reader.number())
                                        case "user_seconds", "system_seconds": cpuSeconds.append(try reader.number())
                                        default: try reader.skipValue()
                                        }
                                    }
                                }
                            default: try reader.skipValue()
                            }
                        }
                    }
                }
            }
        }
        #expect(figures == ["floor_seconds": 1, "write_seconds": 1, "floor_with_writes_seconds": 2, "dataset_bytes": 3_000_000])
        #expect(runSeconds == [8, 4])
        #expect(cpuSeconds == [7, 1, 7, 1])
    }
}
