import Foundation
public import LexpipeRecord

/// One document of the layout zoo: its bytes, the layout they are written in, and the record a
/// faithful extraction of them gives.
public struct ZooDocument: Sendable {
    /// Path relative to a corpus root (`zoo/ms-2018-statute-summary-17.txt`).
    public let path: String
    /// The document's bytes (UTF-8).
    public let bytes: [UInt8]
    /// The form on every axis it is laid out in.
    public let layout: ZooLayout
    /// The record an extraction should give, field by field (`source` is `path`, `sha256` and
    /// `warnings` are left empty: they say nothing about reading the layout).
    public let expected: DocumentRecord
}

/// Statute summaries, report cards and other documents (news releases, a legislature's page for
/// one code section) in every layout documents are known to come in: each record rendered with a
/// form chosen independently on each axis (header order, date form, heading syntax, citation
/// label, what the citations cite, how prose names laws, web chrome, page furniture, lost
/// ligatures, grade-table form, line ends, entities), none left out because the extractor
/// misreads it.
///
/// Like `CorpusGenerator`, each document is a pure function of the seed and its index, so a
/// failing document is made again from the two numbers alone.
public struct LayoutZoo: Sendable {
    /// The seed every document derives from.
    public let seed: UInt64

    /// A zoo for `seed`.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The document at `index` in a layout drawn at random.
    public func document(at index: Int) -> ZooDocument {
        var rng = SplitMix64(seed: seed, index: index, stream: 0x200)
        let kind: DocumentKind = switch rng.weighted([60, 30, 10]) {
        case 0: .statuteSummary
        case 1: .reportCard
        default: .unknown
        }
        let layout = ZooLayout.random(kind, &rng)
        return document(at: index, layout: layout)
    }

    /// The document at `index` (its record as `document(at:)` draws it) in `layout`; the
    /// layout's kind decides whether it is a summary, a report card or (`unknown`) a news release.
    public func document(at index: Int, layout: ZooLayout) -> ZooDocument {
        var rng = SplitMix64(seed: seed, index: index, stream: 0x201)
        let jurisdiction = rng.pick(GeneratedJurisdictions.all)
        let year = rng.int(CorpusGenerator.years.lowerBound...CorpusGenerator.years.upperBound)
        let folder = jurisdiction.usps.lowercased()
        let bytes: [UInt8]
        var expected: DocumentRecord
        let name: String
        if layout.kind == .unknown {
            let named = layout.header.namesState
            let release = switch layout.otherDocument {
            case .pressRelease: PressRelease.generate(jurisdiction: jurisdiction, year: year, stateNamed: named, rng: &rng)
            case .labelledRelease:
                PressRelease.generate(jurisdiction: jurisdiction, year: year, stateNamed: named, labelFirst: true, rng: &rng)
            case .statuteSection: PressRelease.codeSection(jurisdiction: jurisdiction, year: year, stateNamed: named, rng: &rng)
            }
            bytes = release.render(layout)
            expected = release.expectedRecord(layout)
            name = layout.otherDocument == .statuteSection ? "code-section" : "press-release"
        } else if layout.kind == .reportCard {
            let card = ReportCard.generate(
                jurisdiction: jurisdiction, year: year, framework: CardFramework.of(year: year), rng: &rng
            ).clean
            bytes = card.render(layout)
            expected = card.expectedRecord(layout)
            name = "report-card"
        } else {
            let summary = StatuteSummary.generate(
                jurisdiction: jurisdiction, year: year, target: rng.int(2600...9000), stateNamed: layout.header.namesState,
                content: layout.citationContent, proseForm: layout.proseCitations, rng: &rng
            )
            bytes = summary.render(layout, &rng)
            expected = summary.expectedRecord(layout)
            name = "statute-summary"
        }
        let path = "\(folder)/\(year)-\(name)-\(index).\(layout.format.zooExtension)"
        expected.source = path
        return ZooDocument(path: path, bytes: bytes, layout: layout, expected: expected)
    }

    /// Writes documents `0..<count` under `directory`, each with its expected record beside it
    /// (`NAME.json`, the form `lexpipe check` reads as gold).
    public func write(count: Int, to directory: String) throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var folders = Set<String>()
        for index in 0..<count {
            let document = document(at: index)
            let folder = String(document.path.prefix { $0 != "/" })
            if folders.insert(folder).inserted {
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(folder), withIntermediateDirectories: true
                )
            }
            try CorpusGenerator.writeFile(root.appendingPathComponent(document.path).path, document.bytes)
            let stem = document.path.prefix(upTo: document.path.lastIndex(of: ".") ?? document.path.endIndex)
            try CorpusGenerator.writeFile(
                root.appendingPathComponent(stem + ".json").path, Array(document.expected.json.pretty().utf8) + [0x0A]
            )
        }
    }
}

extension DocumentFormat {
    /// The file extension a zoo document of this format is written with.
    var zooExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        default: "txt"
        }
    }
}
