/// Why `pipeline.yml` was rejected: always with the file, and where the file has one, the
/// key and its line and column.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The YAML itself is malformed.
    case syntax(file: String, line: Int, column: Int, problem: String)
    /// A key lexpipe does not know (a typo, or a setting from a newer version).
    case unknownKey(file: String, key: String, line: Int, column: Int, known: [String])
    /// A value of the wrong type.
    case wrongType(file: String, key: String, line: Int, column: Int, expected: String)
    /// A value of the right type that is not allowed.
    case invalidValue(file: String, key: String, line: Int, column: Int, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            "\(file): cannot read configuration: \(reason)"
        case let .syntax(file, line, column, problem):
            "\(file):\(line):\(column): malformed YAML: \(problem)"
        case let .unknownKey(file, key, line, column, known):
            "\(file):\(line):\(column): unknown key '\(key)' (expected one of: \(known.joined(separator: ", ")))"
        case let .wrongType(file, key, line, column, expected):
            "\(file):\(line):\(column): '\(key)' must be \(expected)"
        case let .invalidValue(file, key, line, column, reason):
            "\(file):\(line):\(column): '\(key)': \(reason)"
        }
    }
}
