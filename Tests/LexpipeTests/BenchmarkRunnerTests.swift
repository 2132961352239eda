import Foundation
import LexpipeBenchmark
import Testing

// The benchmark's schedule, with a stand-in for `lexpipe run` that logs its arguments: rounds
// over every corpus and job count, the job counts alternating, one unmeasured warm-up run per
// corpus, and each corpus's output folder its own.

@Suite("Benchmark runner")
struct BenchmarkRunnerTests {
    /// A `lexpipe run` that logs `corpus jobs full|rerun output`, refuses an output folder whose
    /// parent does not exist, publishes a 1,000-byte dataset
    /// and a manifest with a stage time, and reports a peak RSS of 2,048 KB.
    static let standIn = """
        #!/bin/sh
        corpus= output= jobs= report= mode=rerun
        while [ $# -gt 0 ]; do
          case "$1" in
            --corpus) corpus=$2; shift ;;
            --output) output=$2; shift ;;
            --jobs) jobs=$2; shift ;;
            --peak-memory-report) report=$2; shift ;;
            --full) mode=full ;;
          esac
          shift
        done
        echo "$(basename "$corpus") $jobs $mode $(basename "$output")" >> "$LOG"
        # As lexpipe run: an output folder whose parent does not exist is refused.
        [ -d "$(dirname "$output")" ] || exit 2
        mkdir "$output" 2>/dev/null || [ -d "$output" ]
        head -c 1000 /dev/zero > "$output/documents.jsonl"
        printf '{"run": {"stage_seconds": {"markup": 0.5}}}' > "$output/manifest.json"
        echo 2048 > "$report"

        """

    @Test func roundsCoverEveryCorpusAndAlternateTheJobCounts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("small/a.txt", String(repeating: "a", count: 100))
        try folder.write("large/a.html", "<p>" + String(repeating: "b", count: 300) + "</p>")
        try folder.write("large/b.txt", String(repeating: "c", count: 600))
        let log = folder.path + "/log"
        let script = "#!/bin/sh\nLOG='\(log)' exec /bin/sh '\(folder.path)/stand-in.sh' \"$@\"\n"
        try folder.write("stand-in.sh", BenchmarkRunnerTests.standIn)
        try folder.write("lexpipe", script)
        chmod(folder.path + "/lexpipe", 0o755)

        let runner = BenchmarkRunner(
            executable: folder.path + "/lexpipe", corpora: [folder.path + "/small", folder.path + "/large"],
            jobs: [1, 2], repeats: 3, scratch: folder.path + "/scratch"
        )
        var progress: [String] = []
        let results = try runner.measure { progress.append($0) }

        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(calls == [
            "small 2 full output-0", "large 2 full output-1",
            "small 1 full output-0", "small 2 full output-0", "small 2 rerun output-0",
            "large 1 full output-1", "large 2 full output-1", "large 2 rerun output-1",
            "small 2 full output-0", "small 1 full output-0", "small 2 rerun output-0",
            "large 2 full output-1", "large 1 full output-1", "large 2 rerun output-1",
            "small 1 full output-0", "small 2 full output-0", "small 2 rerun output-0",
            "large 1 full output-1", "large 2 full output-1", "large 2 rerun output-1",
        ])
        #expect(progress.count == 2 + 3 * 2 + 2)
        #expect(progress[2].hasPrefix("round 1 of 3: ") && progress[2].hasSuffix("/small"))

        #expect(results.map(\.documents) == [1, 2])
        #expect(results.map(\.bytes) == [100, 907])
        #expect(results.map(\.htmlDocuments) == [0, 1])
        for result in results {
            #expect(result.runs.map(\.jobs) == [1, 2, 2])
            #expect(result.runs.map(\.unchanged) == [false, false, true])
            for run in result.runs {
                #expect(run.samples.count == 3)
                #expect(run.peakRSSMegabytes == 2)
                #expect(run.stageSeconds.first { $0.stage == "markup" }?.seconds == 0.5)
            }
            // The published files: the dataset and the manifest.
            #expect(result.datasetBytes == 1000 + #"{"run": {"stage_seconds": {"markup": 0.5}}}"#.utf8.count)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/scratch"))
    }

    @Test func aFailedRunEndsTheBenchmarkWithItsStatus() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("corpus/a.txt", "text")
        try folder.write("lexpipe", "#!/bin/sh\nexit 3\n")
        chmod(folder.path + "/lexpipe", 0o755)
        let runner = BenchmarkRunner(
            executable: folder.path + "/lexpipe", corpora: [folder.path + "/corpus"], jobs: [1], repeats: 1,
            scratch: folder.path + "/scratch"
        )
        let error = #expect(throws: BenchmarkError.self) { try runner.measure() }
        #expect(error?.description == "benchmark run: lexpipe run exited with status 3")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/scratch"))
    }
}
