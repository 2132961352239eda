import ArgumentParser

/// The exit statuses of every `lexpipe` command, documented once in docs/errors.md.
enum ExitStatus: Int32, CaseIterable {
    /// Everything done: every document extracted, or no differences.
    case success = 0
    /// Done, but some documents were refused (`run`, `extract`, `citations`), a check asked for
    /// by `--strict` found something, or `diff` found differences.
    case partial = 1
    /// Nothing done: a usage error, or the configuration, the corpus or the output folder was
    /// refused before any work. The previous output is unchanged.
    case refused = 2
    /// The datasets could not be written; the previous output is unchanged.
    case cannotWrite = 3

    /// The status as ArgumentParser's `ExitCode`, to throw from `run()`.
    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The status for an error that ended a command: a usage error, which ArgumentParser gives
    /// `EX_USAGE` (64), is `refused`; a thrown `ExitCode` keeps its value.
    static func status(for error: any Error, command: any ParsableCommand.Type) -> Int32 {
        let code = command.exitCode(for: error)
        return code == .validationFailure ? ExitStatus.refused.rawValue : code.rawValue
    }
}
