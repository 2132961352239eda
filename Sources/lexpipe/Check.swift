import ArgumentParser
import Foundation
import LexpipeCheck

extension Lexpipe {
    /// `lexpipe check GOLD_DIR [CORPUS]`: extraction accuracy against hand-checked records.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract the documents that have a gold record and report accuracy field by field.",
            discussion: """
                A gold record is a record's JSON as `lexpipe extract` prints it, checked by hand: \
                GOLD_DIR/REL/NAME.json belongs to CORPUS/REL/NAME.* (or NAME.* at the corpus root); \
                without CORPUS the documents are looked for beside the gold records. Prints the \
                share of fields exact, citation and reference precision, recall and F1, accuracy \
                per field, and the fields that differ in each document. `source`, `sha256` and \
                `warnings` are not compared. Exit status: 0, or 1 when the share of fields exact \
                is below --min or a gold record has no document, 2 when the gold records cannot \
                be read.
                """
        )

        @OptionGroup var options: ConfigurationOptions

        @Argument(help: "The folder of gold records (NAME.json).")
        var goldFolder: String

        @Argument(help: "The folder of documents (default: the gold folder).")
        var corpus: String?

        @Option(help: "The least share of fields exact, 0...1, below which the check fails.")
        var min: Double = 0

        @Option(help: "Output: table or json.")
        var format: OutputFormat = .table

        enum OutputFormat: String, ExpressibleByArgument {
            case table, json
        }

        func validate() throws {
            guard (0...1).contains(min) else { throw ValidationError("--min takes a share from 0 to 1 (0.97 for 97%)") }
        }

        func run() throws {
            let check = GoldCheck(goldFolder: goldFolder, corpusFolder: corpus, configuration: try options.load())
            let report: AccuracyReport
            do {
                report = try check.run()
            } catch {
                printError(error.description)
                throw ExitStatus.refused.exitCode
            }
            switch format {
            case .table: print(report.text(), terminator: "")
            case .json: print(report.json.pretty())
            }
            if report.fieldsExact < min {
                printError("fields exact \(AccuracyReport.percent(report.fieldsExact)) is below --min \(AccuracyReport.percent(min))")
                throw ExitStatus.partial.exitCode
            }
            if !report.unmatchedGold.isEmpty { throw ExitStatus.partial.exitCode }
        }
    }
}
