import Foundation
import LexpipeDatasets
import LexpipeRecord

/// `manifest.json`: what produced the datasets and from what. Everything in it but the `run`
/// object (timings) is the same for the same inputs and configuration.
enum Manifest {
    /// The lexpipe version written into manifests and cache keys.
    static let lexpipeVersion = LexpipeVersion.current

    /// The manifest with `inputs` left empty: the dataset writer fills it with the items the
    /// run added one document at a time.
    static func make(
        configuration: Configuration, extractionDigest: String, rowCounts: [(table: String, rows: Int)],
        changes: ChangeSummary, times: StageTimes, seconds: Double
    ) -> JSONValue {
        .object([
            // Marks the folder as lexpipe's: only such a folder is replaced by a later run.
            ("generator", .string(OutputFolder.generator)),
            ("lexpipe_version", .string(lexpipeVersion)),
            ("schema_version", .integer(1)),
            ("config_digest", .string(configuration.digest)),
            ("extraction_digest", .string(extractionDigest)),
            ("formats", .array(configuration.formats.map { .string($0.rawValue) })),
            ("inputs", .array([])),
            ("row_counts", .object(rowCounts.map { ($0.table, .integer($0.rows)) })),
            (
                "run",
                .object([
                    ("changes", changes.json),
                    ("seconds", .number(rounded(seconds))),
                    (
                        "stage_seconds",
                        .object(PipelineStage.allCases.map { ($0.rawValue, .number(rounded(times.seconds[$0] ?? 0))) })
                    ),
                ])
            ),
        ])
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 10000).rounded() / 10000
    }
}

/// The version of lexpipe.
public enum LexpipeVersion {
    public static let current = "0.1.0"
}
