import Foundation
public import LexpipeRecord

/// How a code is divided above its sections, as citations name it.
public enum CitedBy: String, Sendable, Codable, CaseIterable {
    case section
    case title
    case chapter
    case article
}

/// One code of a jurisdiction, as the statute summaries abbreviate it and as Bluebook cites it.
public struct CodeName: Sendable, Equatable, Codable {
    /// How summaries write it without the state, first the usual form, then variants.
    public var names: [String]
    public var body: LawBody
    public var citedBy: CitedBy
    /// Whether the title number precedes the code name (`22 U.S.C. § 7102`).
    public var titleFirst: Bool
    /// The Bluebook abbreviation with the state prefix (`Miss. Code Ann.`).
    public var bluebook: String
    /// Where the entry comes from.
    public var source: String

    public init(names: [String], body: LawBody, citedBy: CitedBy, titleFirst: Bool, bluebook: String, source: String) {
        self.names = names
        self.body = body
        self.citedBy = citedBy
        self.titleFirst = titleFirst
        self.bluebook = bluebook
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case names, body
        case citedBy = "cited_by"
        case titleFirst = "title_first"
        case bluebook, source
    }
}

/// A US state, DC, a territory, or the federal jurisdiction.
public struct Jurisdiction: Sendable, Equatable, Codable {
    /// USPS code (`MS`), or `US` for federal law.
    public var usps: String
    /// Full name (`Mississippi`).
    public var name: String
    /// `state`, `district`, `territory` or `federal`.
    public var kind: String
    /// Bluebook T10 abbreviation (`Miss.`).
    public var abbreviation: String
    public var codes: [CodeName]
}

/// The states, DC, territories and federal law with their code names: data, loaded from the
/// `jurisdictions.json` resource and extendable from `pipeline.yml`.
public struct JurisdictionTable: Sendable {
    public let jurisdictions: [Jurisdiction]
    private let byUSPS: [String: Int]
    private let byName: [String: Int]
    private let codesByKey: [String: [String: CodeName]]
    /// The keys of the names that some state, DC or territory gives one of its codes or its
    /// constitution as its summaries write them (`Rev. Stat.`, `Const.`, `Stat.`): a federal
    /// code by such a name is not read as federal. Session laws are left out: `Pub. L.` is
    /// federal law by convention, and the territories that name their own laws so are found
    /// first in their own documents.
    private let stateNameKeys: Set<String>
    /// For each name key, the body of law of every code that any jurisdiction gives that name,
    /// or `nil` where they differ.
    private let bodiesByNameKey: [String: LawBody?]
    /// `knownCodeNames(for:)` of every jurisdiction (and of none, under ""), built once: the
    /// union with every state's prefixed names (so that a summary citing another state's code,
    /// `Ala. Code § 26-14-1`, is read as that state's) is too large to build per document.
    private let knownByJurisdiction: [String: KnownCodeNames]
    /// The names (and aliases) and USPS codes of every jurisdiction but federal law, for
    /// reading a state from a document's header.
    public let stateNames: StateNames

    /// The table shipped with lexpipe.
    public static let standard: JurisdictionTable = {
        guard let url = Bundle.module.url(forResource: "jurisdictions", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { preconditionFailure("jurisdictions.json is missing from the LexpipeJurisdictions resources") }
        do {
            let jurisdictions = try data.withUnsafeBytes { raw in
                try JSONReader.read(raw.bindMemory(to: UInt8.self), JurisdictionTable.jurisdictions(reading:))
            }
            return JurisdictionTable(jurisdictions)
        } catch {
            preconditionFailure("jurisdictions.json is malformed: \(error)")
        }
    }()

    /// The jurisdictions of `jurisdictions.json` (`{"version": 1, "jurisdictions": [...]}`), read
    /// as `JSONDecoder` reads them: members in any order, unknown members skipped, every member
    /// of a jurisdiction and a code required.
    static func jurisdictions(reading json: inout JSONReader) throws(JSONReadError) -> [Jurisdiction] {
        var version: Int?
        var jurisdictions: [Jurisdiction]?
        try json.object { json, key throws(JSONReadError) in
            switch key {
            case "version": version = try json.integer()
            case "jurisdictions":
                var list: [Jurisdiction] = []
                try json.array { json throws(JSONReadError) in list.append(try Jurisdiction(reading: &json)) }
                jurisdictions = list
            default: try json.skipValue()
            }
        }
        guard version != nil, let jurisdictions else { throw json.error("the table needs version and jurisdictions") }
        return jurisdictions
    }

    public init(_ jurisdictions: [Jurisdiction]) {
        self.jurisdictions = jurisdictions
        var byUSPS: [String: Int] = [:]
        var byName: [String: Int] = [:]
        var codesByKey: [String: [String: CodeName]] = [:]
        var stateNameKeys: Set<String> = []
        var bodiesByNameKey: [String: LawBody?] = [:]
        for (index, jurisdiction) in jurisdictions.enumerated() {
            if jurisdiction.usps != "US" {
                for code in jurisdiction.codes where code.body != .sessionLaw {
                    stateNameKeys.formUnion(code.names.map(JurisdictionTable.key))
                }
            }
            byUSPS[jurisdiction.usps] = index
            byName[JurisdictionTable.key(jurisdiction.name)] = index
            var codes: [String: CodeName] = [:]
            for code in jurisdiction.codes {
                for name in code.names {
                    let key = JurisdictionTable.key(name)
                    bodiesByNameKey[key] = bodiesByNameKey[key].map { $0 == code.body ? code.body : nil } ?? code.body
                }
                for name in code.names + [code.bluebook] where codes[JurisdictionTable.key(name)] == nil {
                    codes[JurisdictionTable.key(name)] = code
                }
            }
            codesByKey[jurisdiction.usps] = codes
        }
        for (alias, usps) in JurisdictionTable.nameAliases { if let index = byUSPS[usps] { byName[alias] = index } }
        self.byUSPS = byUSPS
        self.byName = byName
        self.codesByKey = codesByKey
        self.stateNameKeys = stateNameKeys
        self.bodiesByNameKey = bodiesByNameKey
        // Every document may cite federal law and every state's code names with the state's
        // abbreviation or name before them or in Bluebook form; a jurisdiction's own names come
        // first, then federal law's, then the prefixed ones. The names common to every
        // jurisdiction are one table, built once, with each jurisdiction's own names written
        // over a copy of it.
        // Each table is made at about its final size (a name and one or two endings of its
        // own), so that it does not grow, rehashing what it holds, name by name.
        func names(of jurisdiction: Jurisdiction) -> KnownCodeNames {
            var names = KnownCodeNames()
            names.reserveCapacity(adding: 2 * jurisdiction.codes.reduce(0) { $0 + $1.names.count + 1 })
            for code in jurisdiction.codes {
                let titled = code.citedBy != .section || code.titleFirst
                for name in code.names + [code.bluebook] { names.insert(name, titled: titled) }
            }
            return names
        }
        var prefixed = KnownCodeNames()
        prefixed.reserveCapacity(adding: 2 * jurisdictions.reduce(0) { $0 + $1.codes.reduce(0) { $0 + 2 * $1.names.count + 1 } })
        var own: [String: KnownCodeNames] = [:]
        for jurisdiction in jurisdictions where jurisdiction.usps != "US" {
            for code in jurisdiction.codes {
                let titled = code.citedBy != .section || code.titleFirst
                prefixed.insert(code.bluebook, titled: titled)
                for name in code.names {
                    prefixed.insert(jurisdiction.abbreviation + " " + name, titled: titled)
                    prefixed.insert(jurisdiction.name + " " + name, titled: titled)
                }
            }
            own[jurisdiction.usps] = names(of: jurisdiction)
        }
        var common = byUSPS["US"].map { names(of: jurisdictions[$0]) } ?? KnownCodeNames()
        common.formUnion(prefixed)
        common.reserveCapacity(adding: own.values.map(\.keyCount).max() ?? 0)
        var known: [String: KnownCodeNames] = ["": common, "US": common]
        for (usps, names) in own {
            known[usps] = names
            known[usps]!.formUnion(common)
        }
        knownByJurisdiction = known
        let places = jurisdictions.filter { $0.usps != "US" }
        stateNames = StateNames(
            names: places.map { ($0.name, $0.name) }
                + JurisdictionTable.nameAliases.compactMap { alias, usps in byUSPS[usps].map { (alias, jurisdictions[$0].name) } },
            codes: places.map { ($0.usps, $0.name) }
        )
    }

    private static let nameAliases: [String: String] = [
        "virgin islands": "VI", "us virgin islands": "VI", "washington dc": "DC", "dc": "DC",
        "washington d c": "DC", "commonwealth of puerto rico": "PR", "northern mariana islands": "MP",
        "commonwealth of the northern mariana islands": "MP",
    ]

    /// The table with `codes` added to (or, for a name already known, overriding) jurisdictions.
    public func adding(codes: [String: [CodeName]]) -> JurisdictionTable {
        guard !codes.isEmpty else { return self }
        var updated = jurisdictions
        for (usps, extra) in codes {
            guard let index = byUSPS[usps] else { continue }
            let extraKeys = Set(extra.flatMap(\.names).map(JurisdictionTable.key))
            updated[index].codes = extra + updated[index].codes.map { code in
                var kept = code
                kept.names.removeAll { extraKeys.contains(JurisdictionTable.key($0)) }
                return kept
            }.filter { !$0.names.isEmpty }
        }
        return JurisdictionTable(updated)
    }

    /// The jurisdiction with this USPS code.
    public func jurisdiction(usps: String) -> Jurisdiction? {
        (byUSPS[usps] ?? byUSPS[usps.uppercased()]).map { jurisdictions[$0] }
    }

    /// The jurisdiction a name stands for, in any case (`MISSISSIPPI`, `Mississippi`).
    public func jurisdiction(named name: some StringProtocol) -> Jurisdiction? {
        byName[JurisdictionTable.key(name)].map { jurisdictions[$0] }
    }

    /// The code a citation's code name stands for in a jurisdiction; the jurisdiction's own
    /// prefix is optional (`Miss. Code Ann.` and `Code Ann.` alike).
    public func code(named name: String, in usps: String) -> CodeName? {
        guard let codes = codesByKey[usps] else { return nil }
        let key = JurisdictionTable.key(name)
        if let code = codes[key] { return code }
        if let jurisdiction = jurisdiction(usps: usps) {
            for prefix in [jurisdiction.abbreviation, jurisdiction.name] {
                let prefixKey = JurisdictionTable.key(prefix) + " "
                if key.hasPrefix(prefixKey), let code = codes[String(key.dropFirst(prefixKey.count))] { return code }
            }
        }
        return nil
    }

    /// The federal code a name stands for when no state gives a code that name: `U.S.C.`,
    /// `C.F.R.`, `Pub. L.`, `Rev. Stat. of the U.S.`, `U.S. Const.`; not `Rev. Stat.`, `Stat.` or
    /// `Const.`, which are states' names too: never federal law by default.
    public func federalCode(named name: String) -> CodeName? {
        guard !stateNameKeys.contains(JurisdictionTable.key(name)) else { return nil }
        return code(named: name, in: "US")
    }

    /// The kind of law a code name that resolves to no code stands for: the body every
    /// jurisdiction giving a code that name agrees on (`Admin. Code` is a regulation wherever it
    /// is used), else what its words say (`Pol. & Proc. Man.`, `County Fiscal Letter` are an
    /// agency's policy; `Const.` a constitution), else a statute.
    public func body(ofUnresolvedName name: String) -> LawBody {
        if let agreed = bodiesByNameKey[JurisdictionTable.key(name)], let body = agreed { return body }
        var constitution = false
        for word in JurisdictionTable.key(name).split(separator: " ") {
            if JurisdictionTable.policyWords.contains(word) { return .policy }
            if word == "const" || word == "constitution" { constitution = true }
        }
        return constitution ? .constitution : .statute
    }

    /// Words of the names of agencies' manuals and issuances, in `key` form.
    private static let policyWords: Set<Substring> = [
        "man", "manual", "handbook", "pol", "poly", "policy", "policies", "letter", "bulletin", "directive",
        "memorandum", "guidelines",
    ]

    /// The code a name stands for in whichever jurisdiction its prefix names
    /// (`Ala. Code` is Alabama's wherever it is cited), with that jurisdiction's USPS code.
    public func code(prefixedName name: String) -> (usps: String, code: CodeName)? {
        let key = JurisdictionTable.key(name)
        for jurisdiction in jurisdictions {
            guard let codes = codesByKey[jurisdiction.usps] else { continue }
            for prefix in [jurisdiction.abbreviation, jurisdiction.name] {
                let prefixKey = JurisdictionTable.key(prefix) + " "
                guard key.hasPrefix(prefixKey) else { continue }
                if let code = codes[key] ?? codes[String(key.dropFirst(prefixKey.count))] { return (jurisdiction.usps, code) }
            }
        }
        return nil
    }

    /// The code names a document of jurisdiction `usps` may cite: that jurisdiction's as
    /// summaries write them, federal law's, and every state's with its abbreviation or name
    /// before it and in Bluebook form (`Ala. Code`).
    public func knownCodeNames(for usps: String?) -> KnownCodeNames {
        knownByJurisdiction[usps ?? ""] ?? knownByJurisdiction[""]!
    }

    /// The comparison form of a name: lower case, periods, commas and apostrophes dropped,
    /// spaces folded.
    public static func key(_ name: some StringProtocol) -> String {
        KnownCodeNames.key(name)
    }
}

extension Jurisdiction {
    /// A jurisdiction of `jurisdictions.json`.
    init(reading json: inout JSONReader) throws(JSONReadError) {
        var usps: String?
        var name: String?
        var kind: String?
        var abbreviation: String?
        var codes: [CodeName]?
        try json.object { json, key throws(JSONReadError) in
            switch key {
            case "usps": usps = try json.string()
            case "name": name = try json.string()
            case "kind": kind = try json.string()
            case "abbreviation": abbreviation = try json.string()
            case "codes":
                var list: [CodeName] = []
                try json.array { json throws(JSONReadError) in list.append(try CodeName(reading: &json)) }
                codes = list
            default: try json.skipValue()
            }
        }
        guard let usps, let name, let kind, let abbreviation, let codes else {
            throw json.error("a jurisdiction needs usps, name, kind, abbreviation and codes")
        }
        self.init(usps: usps, name: name, kind: kind, abbreviation: abbreviation, codes: codes)
    }
}

extension CodeName {
    /// A code of `jurisdictions.json`.
    init(reading json: inout JSONReader) throws(JSONReadError) {
        var names: [String]?
        var body: LawBody?
        var citedBy: CitedBy?
        var titleFirst: Bool?
        var bluebook: String?
        var source: String?
        try json.object { json, key throws(JSONReadError) in
            switch key {
            case "names": names = try json.strings()
            case "body": body = try json.value(LawBody.self)
            case "cited_by": citedBy = try json.value(CitedBy.self)
            case "title_first": titleFirst = try json.bool()
            case "bluebook": bluebook = try json.string()
            case "source": source = try json.string()
            default: try json.skipValue()
            }
        }
        guard let names, let body, let citedBy, let titleFirst, let bluebook, let source else {
            throw json.error("a code needs names, body, cited_by, title_first, bluebook and source")
        }
        self.init(names: names, body: body, citedBy: citedBy, titleFirst: titleFirst, bluebook: bluebook, source: source)
    }
}
