/// The code names a document may cite, as its summaries write them (`Rev. Stat.`, `Fam. Code`,
/// `U.S.C.`): how the citation parser finds where a code name begins in running text
/// ("as defined in Rev. Stat. § 13-3212"). `JurisdictionTable.knownCodeNames(for:)` builds it
/// for the document's jurisdiction and federal law; extraction only reads it.
///
/// One table answers both questions the parser asks of the words before `§` (do they end some
/// name, are they a name), so that each word looked at costs one lookup.
public struct KnownCodeNames: Sendable, Equatable {
    /// Every ending of every name's comparison key in whole words (`stat ann` and `ann` of
    /// `rev stat ann`): how far back from `§` a name can still reach. Where an ending is a
    /// name itself, whether its code is cited by title, chapter or article (so that a number
    /// written before the name is that division's number).
    private var endings: [String: Ending] = [:]
    private var nameCount = 0

    private enum Ending: Sendable, Equatable {
        /// Only the end of longer names.
        case partial
        case name(titled: Bool)
    }

    /// No names: the parser then takes code names from the words before `§` alone.
    public init() {}

    /// The names given, each with whether its code is cited by a division above the section.
    public init(_ entries: some Sequence<(name: String, titled: Bool)>) {
        for entry in entries { insert(entry.name, titled: entry.titled) }
    }

    /// Adds a name; a name already known keeps its first `titled`.
    public mutating func insert(_ name: some StringProtocol, titled: Bool) {
        let key = KnownCodeNames.key(name)
        guard !key.isEmpty, match(key: key).titled == nil else { return }
        endings[key] = .name(titled: titled)
        nameCount += 1
        // Every key's shorter endings are in the table with it: past the first ending already
        // there, the rest are too.
        for shorter in KnownCodeNames.shorterEndings(of: key) {
            guard endings[shorter] == nil else { break }
            endings[shorter] = .partial
        }
    }

    /// The endings of a key after each of its spaces, longest first (`stat ann`, `ann` of
    /// `rev stat ann`). In an ASCII key each byte is a character: its spaces are found by byte.
    static func shorterEndings(of key: String) -> [String] {
        var key = key
        let ascii = key.withUTF8 { utf8 -> [String]? in
            var endings: [String] = []
            for index in utf8.indices {
                guard utf8[index] < 0x80 else { return nil }
                if utf8[index] == UInt8(ascii: " ") {
                    endings.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[(index + 1)...]), as: UTF8.self))
                }
            }
            return endings
        }
        if let ascii { return ascii }
        var endings: [String] = []
        var ending = key[...]
        while let space = ending.firstIndex(of: " ") {
            ending = ending[ending.index(after: space)...]
            endings.append(String(ending))
        }
        return endings
    }

    /// Adds the names of `other`; a name already known keeps its `titled`. The union is made in
    /// a copy of `other`'s table, with this value's (usually fewer) names written over it: the
    /// large table common to every jurisdiction is copied whole, never hashed again name by name.
    public mutating func formUnion(_ other: KnownCodeNames) {
        var union = other
        for (key, ending) in endings {
            switch (ending, union.endings[key]) {
            case (.partial, nil): union.endings[key] = .partial
            case (.partial, _?): continue
            case (.name, .name?): union.endings[key] = ending
            case (.name, _):
                union.endings[key] = ending
                union.nameCount += 1
            }
        }
        self = union
    }

    /// Room for `count` more keys, so that they are added without growing (and so rehashing)
    /// the table: names inserted, or a union made in a copy of this value's table.
    package mutating func reserveCapacity(adding count: Int) {
        endings.reserveCapacity(endings.count + count)
    }

    /// The number of keys, names and their endings.
    package var keyCount: Int { endings.count }

    /// Whether no name is known.
    public var isEmpty: Bool { nameCount == 0 }

    /// Whether `name` is known, compared as `key` compares.
    public func contains(_ name: some StringProtocol) -> Bool {
        match(key: KnownCodeNames.key(name)).titled != nil
    }

    /// Whether `name` is known and its code is cited by a division above the section.
    public func isTitled(_ name: some StringProtocol) -> Bool {
        match(key: KnownCodeNames.key(name)).titled ?? false
    }

    /// For the words whose key is `key`: whether some known name ends in them, and, when they
    /// are a known name, whether its code is cited by a division (the first group's answer).
    package func match(key: String) -> (isEnding: Bool, titled: Bool?) {
        switch endings[key] {
        case nil: (false, nil)
        case .partial: (true, nil)
        case let .name(titled): (true, titled)
        }
    }

    /// The comparison form of a name: lower case, periods, commas and apostrophes dropped,
    /// spaces folded (`Gov't Code` and `Govt. Code` compare equal).
    public static func key(_ name: some StringProtocol) -> String {
        if let key = name.utf8.withContiguousStorageIfAvailable({ asciiKey($0) }) ?? Array(name.utf8).withUnsafeBufferPointer({ asciiKey($0) }) {
            return key
        }
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

    /// `key` of a name written in ASCII, read from its bytes without a `String` first; `nil`
    /// when a byte is not ASCII.
    package static func key(ascii bytes: UnsafeBufferPointer<UInt8>) -> String? {
        asciiKey(bytes)
    }

    /// `key` of a word written in ASCII followed by a space and `suffix` (the key of the words
    /// after it), made as one string; only the word's key when `suffix` is empty, and empty
    /// when the word's key is. `nil` when a byte is not ASCII.
    package static func key(ascii bytes: UnsafeBufferPointer<UInt8>, before suffix: String) -> String? {
        asciiKey(bytes, before: suffix)
    }

    /// `key` of an ASCII name, by its bytes: a byte is a character there, but for `\r\n`, which
    /// the key keeps as it is; then `suffix`, as `key(ascii:before:)` adds it. `nil` for any
    /// other name.
    private static func asciiKey(_ name: UnsafeBufferPointer<UInt8>, before suffix: String = "") -> String? {
        var ascii = true
        var suffix = suffix
        let key = String(unsafeUninitializedCapacity: name.count + (suffix.isEmpty ? 0 : 1 + suffix.utf8.count)) { out in
            var count = 0
            var space = false
            for byte in name {
                guard byte < 0x80 else {
                    ascii = false
                    return 0
                }
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "'") { continue }
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    space = count > 0
                    continue
                }
                if space {
                    out[count] = UInt8(ascii: " ")
                    count += 1
                }
                space = false
                out[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                count += 1
            }
            if count > 0, !suffix.isEmpty {
                out[count] = UInt8(ascii: " ")
                count += 1
                suffix.withUTF8 { tail in
                    _ = UnsafeMutableBufferPointer(rebasing: out[count...]).initialize(fromContentsOf: tail)
                    count += tail.count
                }
            }
            return count
        }
        return ascii ? key : nil
    }
}
