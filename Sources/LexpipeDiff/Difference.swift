public import LexpipeRecord

/// One row of a diff: a difference between two extractions of the same document, or a note that
/// a document's key holds several documents on one side.
public struct Difference: Sendable, Equatable {
    /// Whether something appeared, vanished or changed, or the key was ambiguous.
    public enum Change: String, Sendable {
        case added = "+"
        case removed = "-"
        case changed = "~"
        /// Several documents share one (kind, state, year, title): `old` and `new` list the
        /// sources on each side. Not a difference by itself: the documents that pair by source
        /// are compared in rows of their own, the others are added or removed.
        case ambiguous = "?"
    }

    public var change: Change
    public var kind: DocumentKind
    /// USPS code of the document's state.
    public var stateCode: String?
    /// The document's title (a report card's framework).
    public var document: String
    /// The year of the old document compared; `nil` for an added document.
    public var oldYear: Int?
    /// The year of the new document compared; `nil` for a removed document.
    public var newYear: Int?
    /// The old document's source; `nil` for an added document or an ambiguous key.
    public var oldSource: String?
    /// The new document's source; `nil` for a removed document or an ambiguous key.
    public var newSource: String?
    /// What in the document: `document`, `overall`, an issue's name, `extra credit CLT`, a
    /// section heading.
    public var item: String
    /// A report card's issue number, for rows about one issue.
    public var issue: Int?
    /// Which field: `score`, `grade`, `accomplished`, `gaps`, `text`, `citation`, `documents`, ...
    public var field: String
    /// The value before, when there was one.
    public var old: String?
    /// The value after, when there is one.
    public var new: String?
    /// For numbers: new minus old.
    public var delta: Double?

    public init(
        _ change: Change, kind: DocumentKind, stateCode: String?, document: String,
        oldYear: Int? = nil, newYear: Int? = nil, oldSource: String? = nil, newSource: String? = nil,
        item: String, issue: Int? = nil, field: String, old: String? = nil, new: String? = nil, delta: Double? = nil
    ) {
        self.change = change
        self.kind = kind
        self.stateCode = stateCode
        self.document = document
        self.oldYear = oldYear
        self.newYear = newYear
        self.oldSource = oldSource
        self.newSource = newSource
        self.item = item
        self.issue = issue
        self.field = field
        self.old = old
        self.new = new
        self.delta = delta
    }

    /// Whether the row is a difference (added, removed or changed) rather than a note.
    public var isDifference: Bool { change != .ambiguous }
}

extension [Difference] {
    /// Whether any row is a difference: what decides `lexpipe diff`'s exit status.
    public var hasDifferences: Bool { contains(where: \.isDifference) }
}
