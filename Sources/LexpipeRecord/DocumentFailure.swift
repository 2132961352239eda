/// The stages a document passes through, in order.
public enum PipelineStage: String, Sendable, Codable, CaseIterable {
    case ingest
    case markup
    case classification
    case extraction
    case normalization
    case datasets
}

/// A document the pipeline refused: it is reported and skipped, and the batch goes on.
public struct DocumentFailure: Sendable, Equatable, Codable, Error {
    /// Path of the input, relative to the corpus root.
    public var source: String
    /// The stage that refused it.
    public var stage: PipelineStage
    /// Why, in words a user can act on.
    public var reason: String

    public init(source: String, stage: PipelineStage, reason: String) {
        self.source = source
        self.stage = stage
        self.reason = reason
    }

    /// The failure as one `errors.jsonl` line: `file`, `stage`, `reason`.
    public var json: JSONValue {
        .object([("file", .string(source)), ("stage", .string(stage.rawValue)), ("reason", .string(reason))])
    }

    /// Writes the failure as `json.compact()` spells it.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key(literal: "file"); json.string(source)
        json.key(literal: "stage"); json.string(stage.rawValue)
        json.key(literal: "reason"); json.string(reason)
        json.endObject()
    }
}
