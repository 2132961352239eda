public import LexpipeRecord

/// One difference between two extractions of the same document.
public struct Difference: Sendable, Equatable {
    /// Whether something appeared, vanished or changed.
    public enum Change: String, Sendable {
        case added = "+"
        case removed = "-"
        case changed = "~"
    }

    public var change: Change
    public var kind: DocumentKind
    /// USPS code of the document's state.
    public var stateCode: String?
    /// The document's title (a report card's framework).
    public var document: String
    /// What in the document: `document`, `overall`, `issue 3 Continuum of Care`, a section heading.
    public var item: String
    /// Which field: `score`, `grade`, `accomplished`, `gaps`, `text`, `citation`, ...
    public var field: String
    /// The value before, when there was one.
    public var old: String?
    /// The value after, when there is one.
    public var new: String?
    /// For numbers: new minus old.
    public var delta: Double?

    public init(
        _ change: Change, kind: DocumentKind, stateCode: String?, document: String, item: String, field: String,
        old: String? = nil, new: String? = nil, delta: Double? = nil
    ) {
        self.change = change
        self.kind = kind
        self.stateCode = stateCode
        self.document = document
        self.item = item
        self.field = field
        self.old = old
        self.new = new
        self.delta = delta
    }
}
