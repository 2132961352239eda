import Foundation
import LexpipeCheck
import LexpipeIngest
import LexpipePipeline
import LexpipeRecord
import Testing

// The hand-checked sample documents (Fixtures/samples): summaries, report cards and other
// documents as users have them (web pages saved whole, pdftotext with and without -layout,
// converter markdown, pdftohtml), none made by the layout zoo's generator, each with a gold
// record written by hand from the record contract. Every document is checked field by field;
// a field misread today is listed in `SampleKnownIssues` with the reason, and its check runs
// inside `withKnownIssue`, so the suite passes now and fails the day the field is read right
// (then the entry goes).

/// The fields of sample documents the extractor misreads today, by document and field.
enum SampleKnownIssues {
    /// Document file name → (field, reason). A field is a path in the record as the check
    /// reports it (`sections[3].text`, `report_card.issues[5].grade`), a path without positions
    /// (`sections[].heading`: every position), or `citations` / `references` for the laws
    /// matched as a multiset.
    static let fields: [String: [(field: String, reason: String)]] = [:]

    /// Documents refused today that a careful reader reads, with the reason.
    static let refused: [String: String] = [:]
}

/// The sample set's documents, gold records and check report.
enum SampleSet {
    static let folder = Package.fixtures.appendingPathComponent("samples")
    static let gold = folder.appendingPathComponent("gold").path
    static let docs = folder.appendingPathComponent("docs").path

    /// The gold records' file names, sorted.
    static let goldNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: gold)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// The documents' file names, sorted.
    static let documentNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// The check of every document against its gold record, with the project's configuration.
    static func report() throws -> AccuracyReport {
        let configuration = try Configuration.load(path: Package.root.appendingPathComponent("pipeline.yml").path)
        return try GoldCheck(goldFolder: gold, corpusFolder: docs, configuration: configuration).run()
    }

    /// Whether a reported difference at `path` is the field `field` names.
    static func path(_ path: String, isField field: String) -> Bool {
        let name = withoutPositions(path)
        if path == field || name == field { return true }
        for separator in [".", "["] where path.hasPrefix(field + separator) || name.hasPrefix(field + separator) {
            return true
        }
        return false
    }

    /// `sections[2].heading` as `sections[].heading`.
    static func withoutPositions(_ path: String) -> String {
        var name = ""
        var inIndex = false
        for character in path {
            if character == "[" { inIndex = true; name += "[]" } else if character == "]" { inIndex = false } else if !inIndex { name.append(character) }
        }
        return name
    }
}

@Suite("Hand-checked sample documents")
struct SampleSetTests {
    @Test func everyDocumentHasAGoldRecordAndEveryGoldRecordADocument() throws {
        #expect((16...150).contains(SampleSet.documentNames.count), "\(SampleSet.documentNames.count) documents")
        let stems = Set(SampleSet.documentNames.map { String($0[..<($0.lastIndex(of: ".") ?? $0.endIndex)]) })
        let goldStems = Set(SampleSet.goldNames.map { String($0.dropLast(".json".count)) })
        #expect(stems == goldStems)
        let report = try SampleSet.report()
        #expect(report.unmatchedGold.isEmpty)
        #expect(report.documents.count == SampleSet.goldNames.count)
        for document in report.documents {
            if let reason = SampleKnownIssues.refused[document.source] {
                withKnownIssue(Comment(rawValue: "\(document.source): \(reason)")) {
                    #expect(document.refused == nil, "\(document.source): \(document.refused ?? "")")
                }
            } else {
                #expect(document.refused == nil, "\(document.source): \(document.refused ?? "")")
            }
        }
    }

    @Test func goldRecordsNameTheirDocumentAndItsDigest() throws {
        for name in SampleSet.goldNames {
            let gold = try DocumentRecord(json: Array(try Data(contentsOf: URL(fileURLWithPath: SampleSet.gold + "/" + name))))
            let document = try Data(contentsOf: URL(fileURLWithPath: SampleSet.docs + "/" + gold.source))
            #expect(gold.sha256 == Ingestor.sha256(Array(document)), "\(name): sha256")
        }
    }

    /// Each document field by field; the fields in `SampleKnownIssues` inside `withKnownIssue`.
    @Test(arguments: SampleSet.goldNames)
    func documentMatchesItsGoldRecord(gold name: String) throws {
        let report = try SampleSet.report()
        let source = try DocumentRecord(json: Array(try Data(contentsOf: URL(fileURLWithPath: SampleSet.gold + "/" + name)))).source
        let score = try #require(report.documents.first { $0.source == source })
        let differences = score.differences + score.unmatched
        let known = SampleKnownIssues.fields[source] ?? []
        for (field, reason) in known {
            withKnownIssue(Comment(rawValue: "\(source): \(field): \(reason)")) {
                for difference in differences where SampleSet.path(difference.path, isField: field) {
                    Issue.record("\(source): \(difference)")
                }
            }
        }
        for difference in differences where !known.contains(where: { SampleSet.path(difference.path, isField: $0.field) }) {
            Issue.record("\(source): \(difference)")
        }
    }
}

/// The ways another tool may write the same text: the samples written out again so read as
/// their gold records, document for document.
@Suite("Hand-checked samples written out again")
struct RewrittenSampleTests {
    enum Form: String, CaseIterable, Sendable {
        case crlf = "CRLF line ends"
        case trailingSpaces = "spaces after every line of text (text and HTML)"
        case byteOrderMark = "a UTF-8 byte-order mark"
        case utf16 = "UTF-16 with its byte-order mark"

        /// `text` of a document named with `fileExtension` written in this form; `nil` where the
        /// form would change what the document says (spaces at a markdown line's end break it).
        func write(_ text: String, fileExtension: String) -> Data? {
            switch self {
            case .crlf: Data(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
            case .trailingSpaces:
                fileExtension == "md" ? nil
                    : Data(text.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { $0.allSatisfy(\.isWhitespace) ? $0 : $0 + "   " }.joined(separator: "\n").utf8)
            case .byteOrderMark: Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))
            case .utf16: Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
            }
        }
    }

    @Test(arguments: Form.allCases)
    func everySampleReadsAsItsGoldRecord(_ form: Form) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var written = 0
        for name in SampleSet.documentNames {
            let fileExtension = String(name[name.index(after: name.lastIndex(of: ".") ?? name.startIndex)...])
            guard ["txt", "md", "html"].contains(fileExtension),
                let text = String(data: try Data(contentsOf: URL(fileURLWithPath: SampleSet.docs).appendingPathComponent(name)), encoding: .utf8),
                let data = form.write(text, fileExtension: fileExtension)
            else { continue }
            let stem = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
            try folder.write(name, data)
            try folder.write(stem + ".json", try Data(contentsOf: URL(fileURLWithPath: SampleSet.gold).appendingPathComponent(stem + ".json")))
            written += 1
        }
        #expect(written >= 70, "\(written) documents")
        let configuration = try Configuration.load(path: Package.root.appendingPathComponent("pipeline.yml").path)
        let report = try GoldCheck(goldFolder: folder.path, corpusFolder: folder.path, configuration: configuration).run()
        let misread = report.documents.filter { !$0.isExact }.map { "\($0.source): \($0.differences.prefix(3).map(\.description))" }
        #expect(report.documents.count == written)
        #expect(misread.isEmpty, "\(misread.joined(separator: "\n"))")
    }
}

@Suite("lexpipe check on the sample documents", .serialized)
struct SampleSetCommandTests {
    @Test func theCheckReadsEverySampleDocument() throws {
        let result = try LexpipeBinary.run([
            "check", "Tests/LexpipeTests/Fixtures/samples/gold", "Tests/LexpipeTests/Fixtures/samples/docs",
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("documents: \(SampleSet.goldNames.count), exact: "), "\(result.stdout)")
        #expect(result.stdout.contains("citations: "))
        #expect(result.stdout.contains("references: "))
    }
}
