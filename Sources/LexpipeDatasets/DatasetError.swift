/// Why datasets could not be written. Any of these stops the run and leaves the previous
/// output as it was.
public enum DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output folder's parent cannot take a staging folder (missing, not writable, full).
    case cannotStage(path: String, reason: String)
    /// Writing a dataset file failed (disk full, I/O error).
    case writeFailed(path: String, reason: String)
    /// The finished datasets could not be swapped in place of the previous output.
    case cannotPublish(path: String, reason: String)
    /// SQLite refused the database.
    case sqlite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotStage(path, reason): "cannot prepare output beside \(path): \(reason)"
        case let .writeFailed(path, reason): "cannot write \(path): \(reason)"
        case let .cannotPublish(path, reason): "cannot publish output to \(path): \(reason); the previous output is unchanged"
        case let .sqlite(path, reason): "SQLite error in \(path): \(reason)"
        }
    }
}
