/// The code names a document may cite, as its summaries write them (`Rev. Stat.`, `Fam. Code`,
/// `U.S.C.`): how the citation parser finds where a code name begins in running text
/// ("as defined in Rev. Stat. § 13-3212"). Normalization builds it from the code-name table
/// for the document's jurisdiction and federal law; extraction only reads it.
public struct KnownCodeNames: Sendable, Equatable {
    /// Comparison keys of the names, each with whether its code is cited by title, chapter or
    /// article (so that a number written before the name is that division's number).
    private var titledByKey: [String: Bool] = [:]
    /// The most words any name has.
    private(set) var maxWords = 0

    /// No names: the parser then takes code names from the words before `§` alone.
    public init() {}

    /// The names given, each with whether its code is cited by a division above the section.
    public init(_ entries: some Sequence<(name: String, titled: Bool)>) {
        for entry in entries { insert(entry.name, titled: entry.titled) }
    }

    /// Adds a name; a name already known keeps its first `titled`.
    public mutating func insert(_ name: some StringProtocol, titled: Bool) {
        let key = KnownCodeNames.key(name)
        guard !key.isEmpty, titledByKey[key] == nil else { return }
        titledByKey[key] = titled
        maxWords = max(maxWords, key.split(separator: " ").count)
    }

    /// Adds the names of `other`; a name already known keeps its `titled`.
    public mutating func formUnion(_ other: KnownCodeNames) {
        titledByKey.merge(other.titledByKey) { mine, _ in mine }
        maxWords = max(maxWords, other.maxWords)
    }

    /// Whether no name is known.
    public var isEmpty: Bool { titledByKey.isEmpty }

    /// How many names are known.
    public var count: Int { titledByKey.count }

    /// Whether `name` is known, compared as `key` compares.
    public func contains(_ name: some StringProtocol) -> Bool {
        titledByKey[KnownCodeNames.key(name)] != nil
    }

    /// Whether `name` is known and its code is cited by a division above the section.
    public func isTitled(_ name: some StringProtocol) -> Bool {
        titledByKey[KnownCodeNames.key(name)] ?? false
    }

    /// The comparison form of a name: lower case, periods, commas and apostrophes dropped,
    /// spaces folded (`Gov't Code` and `Govt. Code` compare equal).
    public static func key(_ name: some StringProtocol) -> String {
        var out = ""
        var space = false
        for character in name.lowercased() {
            if character == "." || character == "," || character == "'" || character == "\u{2019}" { continue }
            if character == " " || character == "\t" || character == "\u{00A0}" {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" ") }
            space = false
            out.append(character)
        }
        return out
    }
}
