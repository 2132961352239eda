/// The names and USPS codes of the states, DC and territories, for telling a line that names a
/// state (`Texas`, `State: UT`) from any other: the jurisdiction table provides them
/// (`JurisdictionTable.stateNames`), so the names live in one place.
public struct StateNames: Sendable {
    /// Name keys (`KnownCodeNames.key`) and USPS codes, each to the jurisdiction's full name.
    private var byKey: [String: String] = [:]
    private var byCode: [String: String] = [:]

    /// No names: only labelled states and states in a title are read.
    public init() {}

    /// `names` are full names and their aliases, each with the full name it stands for; `codes`
    /// are USPS codes with theirs.
    public init(names: [(name: String, fullName: String)], codes: [(usps: String, fullName: String)]) {
        for (name, fullName) in names { byKey[KnownCodeNames.key(name)] = fullName }
        for (usps, fullName) in codes { byCode[usps.uppercased()] = fullName }
    }

    /// The full name of the state the whole text names (in any case, `MISSISSIPPI`), or its
    /// USPS code when written in capitals (`UT`); `nil` for any other text.
    public func fullName(of text: some StringProtocol) -> String? {
        name(of: text)
    }

    /// `fullName(of:)` of a string: read by a specialized copy, not through the protocol.
    public func fullName(of text: String) -> String? {
        name(of: text)
    }

    /// `fullName(of:)` of a substring: read by a specialized copy, not through the protocol.
    public func fullName(of text: Substring) -> String? {
        name(of: text)
    }

    private func name(of text: some StringProtocol) -> String? {
        guard text.utf8.count <= 64 else { return nil }
        let trimmed = trimmedText(text, where: { !$0.isLetter && !$0.isNumber })
        guard !trimmed.isEmpty, trimmed.utf8.count <= 48 else { return nil }
        if trimmed.utf8.count == 2, let name = byCode[String(trimmed)] { return name }
        return byKey[KnownCodeNames.key(trimmed)]
    }

    /// Whether no name is known.
    package var isEmpty: Bool { byKey.isEmpty }
}

/// `text` without leading and trailing characters that satisfy `predicate`.
private func trimmedText(_ text: some StringProtocol, where predicate: (Character) -> Bool) -> Substring {
    let text = Substring(text)
    guard let start = text.firstIndex(where: { !predicate($0) }) else { return "" }
    let end = text.lastIndex(where: { !predicate($0) })!
    return text[start...end]
}
