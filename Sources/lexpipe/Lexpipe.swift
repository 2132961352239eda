import ArgumentParser
import LexpipePipeline

/// The `lexpipe` command: turns US state policy documents into structured datasets.
@main
struct Lexpipe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexpipe",
        abstract: "Turn state statute summaries and report cards into clean datasets.",
        version: LexpipeVersion.current,
        subcommands: [Run.self, Extract.self, Check.self, Diff.self, Citations.self, GenCorpus.self, Bench.self],
        defaultSubcommand: Run.self
    )
}

/// Options every subcommand that reads a configuration shares.
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .long, help: "The pipeline configuration (default: pipeline.yml when present, else built-in defaults).")
    var config: String?

    /// The configuration named by `--config`, or `pipeline.yml` in the current folder, or defaults.
    func load() throws -> LexpipePipeline.Configuration {
        if let config { return try loadOrExit(config) }
        if FileManager.default.fileExists(atPath: "pipeline.yml") { return try loadOrExit("pipeline.yml") }
        return LexpipePipeline.Configuration()
    }

    private func loadOrExit(_ path: String) throws -> LexpipePipeline.Configuration {
        do {
            return try LexpipePipeline.Configuration.load(path: path)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}

import Foundation

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("lexpipe: " + message + "\n").utf8))
}
