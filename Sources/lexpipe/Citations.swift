import ArgumentParser
import LexpipePipeline
import LexpipeRecord

extension Lexpipe {
    /// `lexpipe citations FILE...`: the parsed citations of documents, for checking a new
    /// state's documents quickly.
    struct Citations: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the citations parsed from documents, as a table or JSON.",
            discussion: """
                Lists every citation of the documents' statute summaries (from Citation: lines \
                and prose) with its normal form, kind of law and jurisdiction, then the warnings \
                about them. Exit status: 0 when every citation resolved, 1 when a citation or \
                citation text drew a warning or a document was refused, 2 for a bad configuration.
                """
        )

        /// How the citations are printed.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table
            case json
        }

        @OptionGroup var options: ConfigurationOptions

        @Option(help: "Output format: table or json.")
        var format: Format = .table

        @Argument(help: "The documents to read.")
        var files: [String]

        func run() throws {
            let configuration = try options.load()
            let processor = DocumentProcessor(configuration: configuration)
            var listings: [CitationListing] = []
            for file in files {
                var times = StageTimes()
                listings.append(CitationListing(file: file, outcome: processor.process(path: file, source: file, times: &times)))
            }
            switch format {
            case .json:
                print(JSONValue.array(listings.map(\.json)).pretty())
            case .table:
                printTable(listings)
            }
            for listing in listings {
                if let failure = listing.failure { printError("\(listing.file): \(failure.stage.rawValue): \(failure.reason)") }
            }
            if listings.contains(where: \.hasProblems) { throw ExitStatus.partial.exitCode }
        }

        /// The citations in aligned columns, then their warnings, then a count.
        private func printTable(_ listings: [CitationListing]) {
            var lines = [["FILE", "SECTION", "FROM", "RAW", "NORMALIZED", "BODY", "JURISDICTION"]]
            var warnings: [String] = []
            for listing in listings {
                for row in listing.rows {
                    let citation = row.citation
                    lines.append([
                        listing.file, String(row.section), row.isReference ? "prose" : "citation", citation.raw,
                        citation.normalized, citation.body.rawValue, citation.jurisdiction ?? "-",
                    ])
                    warnings += row.warnings.map { "\(listing.file): \($0)" }
                }
                warnings += listing.textWarnings.map { "\(listing.file): \($0)" }
            }
            let widths = lines[0].indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
            for line in lines {
                let padded = line.enumerated().map { column, cell in
                    column == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
                }
                print(padded.joined(separator: "  "))
            }
            if !warnings.isEmpty {
                print("")
                for warning in warnings { print("warning: " + warning) }
            }
            let refused = listings.filter { $0.failure != nil }.count
            print("")
            print("\(lines.count - 1) citation(s) in \(listings.count - refused) document(s), \(warnings.count) warning(s)"
                + (refused > 0 ? ", \(refused) document(s) refused" : ""))
        }
    }
}
