import ArgumentParser
import LexpipePipeline

/// The `lexpipe` command: turns US state policy documents into structured datasets. It has no
/// default subcommand: `lexpipe` alone prints its help (exit 0) rather than starting a run.
@main
struct Lexpipe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexpipe",
        abstract: "Turn state statute summaries and report cards into clean datasets.",
        discussion: """
            Exit status, for every command: 0 done; 1 done, but some documents were refused, a \
            --strict check failed or diff found differences; 2 nothing done (usage, configuration, \
            corpus or output folder refused); 3 the datasets could not be written.
            """,
        version: LexpipeVersion.current,
        subcommands: [Run.self, Extract.self, Diff.self, Citations.self, GenCorpus.self, Bench.self]
    )

    /// Parses and runs a subcommand as ArgumentParser does, with two differences: a first word
    /// that is no subcommand is reported with the nearest one, and usage errors exit with
    /// `ExitStatus.refused` instead of `EX_USAGE`.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let word = arguments.first, let message = unknownSubcommand(word) {
            printError(message)
            Foundation.exit(ExitStatus.refused.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let status = ExitStatus.status(for: error, command: Lexpipe.self)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if status == 0 {
                    print(message)
                } else {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
            }
            Foundation.exit(status)
        }
    }

    /// The names `lexpipe` takes as its first word.
    static var subcommandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// The message for a first word that is neither an option nor a subcommand, naming the
    /// nearest subcommand when one is close; `nil` for a known subcommand or an option.
    static func unknownSubcommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !subcommandNames.contains(word) else { return nil }
        let ranked = subcommandNames.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        let hint = ranked.flatMap { name, distance in distance <= max(2, name.count / 3) ? name : nil }
        return "unknown command '\(word)'" + (hint.map { "; did you mean '\($0)'?" } ?? "")
            + " (commands: \(subcommandNames.filter { $0 != "help" }.joined(separator: ", ")); see lexpipe --help)"
    }

    /// Levenshtein distance, with a transposition of neighbours counting as one edit.
    static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left), b = Array(right)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
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
            throw ExitStatus.refused.exitCode
        }
    }
}

import Foundation

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("lexpipe: " + message + "\n").utf8))
}
