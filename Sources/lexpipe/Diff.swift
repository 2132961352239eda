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
                Documents are matched by kind, state, year and title (a report card's framework), \
                not by file name; one that is alone of its kind, state and title on each side is \
                compared whatever the years. Several documents with one key are reported as such, \
                with their files. Every row names the years and files compared. Exit status: 0 \
                when there are no differences, 1 when there are, 2 on a usage error, an unreadable \
                dataset or a year with no document.
                """
        )

        @Argument(help: "OLD and NEW output folders or SQLite files; one OUTPUT with --from-year and --to-year.")
        var paths: [String] = []

        @Option(help: "Compare this year's documents...")
        var fromYear: Int?

        @Option(help: "...with this year's, within one dataset.")
        var toYear: Int?

        @Option(help: "table (for people), csv or json.")
        var format: String = "table"

        @Option(help: "Write the report to this file instead of standard output.")
        var out: String?

        /// Usage errors, which exit 2 like every lexpipe usage error.
        func validate() throws {
            if (fromYear == nil) != (toYear == nil) { throw ValidationError("--from-year and --to-year go together") }
            if fromYear != nil, paths.count != 1 { throw ValidationError("with --from-year and --to-year, give one OUTPUT") }
            if fromYear == nil, paths.count != 2 { throw ValidationError("give OLD and NEW") }
            if DiffFormat(rawValue: format) == nil { throw ValidationError("--format must be table, csv or json") }
        }

        /// The dataset among `paths` that `report` is, or lies inside: writing the report there
        /// would replace a published file.
        private func dataset(holding report: String) -> String? {
            // The report need not exist yet: its folder is resolved, links and `..` included.
            let reportURL = URL(fileURLWithPath: report).standardizedFileURL
            let reportPath = reportURL.deletingLastPathComponent().resolvingSymlinksInPath()
                .appendingPathComponent(reportURL.lastPathComponent).path
            return paths.first { path in
                let dataset = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
                return reportPath == dataset || reportPath.hasPrefix(dataset.hasSuffix("/") ? dataset : dataset + "/")
            }
        }

        func run() throws {
            if let out, let dataset = dataset(holding: out) {
                printError("--out \(out) would replace a file of the dataset \(dataset); write the report elsewhere")
                throw ExitStatus.refused.exitCode
            }
            let old: [DocumentRecord]
            let new: [DocumentRecord]
            do {
                if let fromYear, let toYear {
                    let years = try DatasetDiff.years(
                        DatasetReader.records(at: paths[0]), from: fromYear, to: toYear, dataset: paths[0]
                    )
                    old = years.old
                    new = years.new
                } else {
                    old = try DatasetReader.records(at: paths[0])
                    new = try DatasetReader.records(at: paths[1])
                }
            } catch let error as DatasetReadError {
                printError(error.description)
                throw ExitStatus.refused.exitCode
            } catch let error as DiffError {
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
            if differences.hasDifferences { throw ExitStatus.partial.exitCode }
        }
    }
}
