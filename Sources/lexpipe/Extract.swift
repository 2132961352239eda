import ArgumentParser
import Foundation
import LexpipePipeline

extension Lexpipe {
    /// `lexpipe extract FILE`: one document's record on standard output.
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the record of one document as JSON.",
            discussion: "Exit status: 0 with the record on standard output, 1 when the document is refused."
        )

        @OptionGroup var options: ConfigurationOptions

        @Argument(help: "The document to extract.")
        var file: String

        func run() throws {
            let configuration = try options.load()
            let processor = DocumentProcessor(configuration: configuration)
            var times = StageTimes()
            let source = (file as NSString).lastPathComponent
            switch processor.process(path: file, source: source, times: &times) {
            case let .record(record):
                print(record.json.pretty())
            case let .failure(failure):
                printError("\(file): \(failure.stage.rawValue): \(failure.reason)")
                throw ExitStatus.partial.exitCode
            }
        }
    }
}
