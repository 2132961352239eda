import ArgumentParser
import Foundation
import LexpipeDatasets
import LexpipeDiff
import LexpipeRecord

extension Lexpipe {
    /// `lexpipe diff`: what changed between two extractions.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two extractions: which scores and grades moved, which citations appeared or vanished.",
            discussion: """
                `lexpipe diff OLD NEW` compares two output folders (or two lexpipe.sqlite files). \
                `lexpipe diff --from-year 2021 --to-year 2022 OUTPUT` compares two years within one. \
                Documents are matched by kind, state and title (a report card's framework), not by \
                file name. Exit status: 0 when there are no differences, 1 when there are, 2 on error.
                """
        )

        @Argument(help: "OLD and NEW output folders or SQLite files; one OUTPUT with --from-year and --to-year.")
        var paths: [String]

        @Option(help: "Compare this year's documents...")
        var fromYear: Int?

        @Option(help: "...with this year's, within one dataset.")
        var toYear: Int?

        @Option(help: "table (for people), csv or json.")
        var format: String = "table"

        @Option(help: "Write the report to this file instead of standard output.")
        var out: String?

        func validate() throws {
            if (fromYear == nil) != (toYear == nil) { throw ValidationError("--from-year and --to-year go together") }
            if fromYear != nil, paths.count != 1 { throw ValidationError("with --from-year and --to-year, give one OUTPUT") }
            if fromYear == nil, paths.count != 2 { throw ValidationError("give OLD and NEW") }
            if DiffFormat(rawValue: format) == nil { throw ValidationError("--format must be table, csv or json") }
        }

        func run() throws {
            let old: [DocumentRecord]
            let new: [DocumentRecord]
            do {
                if let fromYear, let toYear {
                    let records = try DatasetReader.records(at: paths[0])
                    old = records.filter { $0.year == fromYear }
                    new = records.filter { $0.year == toYear }
                } else {
                    old = try DatasetReader.records(at: paths[0])
                    new = try DatasetReader.records(at: paths[1])
                }
            } catch {
                printError(error.description)
                throw ExitStatus.refused.exitCode
            }
            let differences = DatasetDiff.compare(old: old, new: new)
            let report = DiffReport.render(differences, as: DiffFormat(rawValue: format)!)
            if let out {
                do {
                    try Data(report.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    printError("cannot write \(out): \(error.localizedDescription)")
                    throw ExitStatus.refused.exitCode
                }
                print(DiffReport.summary(differences))
            } else {
                print(report, terminator: "")
            }
            if !differences.isEmpty { throw ExitStatus.partial.exitCode }
        }
    }
}
