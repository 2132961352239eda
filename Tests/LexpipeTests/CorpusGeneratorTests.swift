import Foundation
@testable import LexpipeCorpusGenerator
import LexpipeJurisdictions
import LexpipeNormalization
import LexpipeRecord
import Testing

// The synthetic corpus generator: deterministic, within its size and format bounds, and honest
// with the extractor: every document it writes is read back by the real pipeline as it was made.

@Suite("Corpus generator")
struct CorpusGeneratorTests {
    @Test func sameSeedGivesByteIdenticalDocuments() {
        let first = CorpusGenerator(seed: 42)
        let second = CorpusGenerator(seed: 42)
        for index in Array(0..<120) + [1139, 1140, 5000, 19_999] {
            let a = first.document(at: index)
            let b = second.document(at: index)
            #expect(a.path == b.path, "document \(index)")
            #expect(a.bytes == b.bytes, "document \(index)")
            #expect(a.expected == b.expected, "document \(index)")
        }
    }

    @Test func documentsInAnyOrderAreTheSame() {
        let generator = CorpusGenerator(seed: 9)
        let forward = (0..<40).map { generator.document(at: $0).bytes }
        let backward = (0..<40).reversed().map { generator.document(at: $0).bytes }.reversed()
        #expect(forward == Array(backward))
    }

    @Test func differentSeedsGiveDifferentDocuments() {
        let first = CorpusGenerator(seed: 1)
        let second = CorpusGenerator(seed: 2)
        let same = (0..<200).filter { first.document(at: $0).bytes == second.document(at: $0).bytes }
        #expect(same.isEmpty, "documents \(same) are the same under seeds 1 and 2")
    }

    /// A digest of the first documents of seed 1: the same on every machine and every run, so a
    /// change of the generator's output shows here first.
    @Test func outputIsPinnedAcrossMachines() {
        let generator = CorpusGenerator(seed: 1)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in 0..<60 {
            let document = generator.document(at: index)
            for byte in Array(document.path.utf8) + document.bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        #expect(hash == CorpusGeneratorTests.pinnedDigest, "digest \(String(hash, radix: 16))")
    }

    static let pinnedDigest: UInt64 = 0xB4EA_1EFC_0224_09B4

    @Test func namesAreUniqueAndFiledByState() {
        let generator = CorpusGenerator(seed: 5)
        var paths = Set<String>()
        for index in 0..<2500 {
            let document = generator.document(at: index)
            #expect(paths.insert(document.path).inserted, "\(document.path) twice")
            let parts = document.path.split(separator: "/")
            #expect(parts.count == 2 && parts[0] == document.expected.stateCode.lowercased(), "\(document.path)")
            let year = String(document.expected.year)
            let kind = document.kind == .reportCard ? "report-card" : "statute-summary"
            #expect(parts.last?.hasPrefix("\(year)-\(kind)") == true, "\(document.path)")
        }
        // All 50 states, DC and the territories, all years, both kinds in the first 1,140.
        let firstRound = (0..<1140).map { generator.document(at: $0).expected }
        #expect(Set(firstRound.map(\.stateCode)).count == 56)
        #expect(Set(firstRound.map(\.year)) == Set(2015...2024))
    }

    @Test func sizesStayWithinBounds() {
        let generator = CorpusGenerator(seed: 11)
        var summaries: [Int] = []
        var cards: [Int] = []
        for index in 0..<500 {
            let document = generator.document(at: index)
            let size = document.bytes.count
            #expect((2048...200_000).contains(size), "\(document.path): \(size) bytes")
            if document.kind == .reportCard {
                cards.append(size)
                #expect((2048...10_240).contains(size), "\(document.path): \(size) bytes")
            } else {
                summaries.append(size)
            }
        }
        summaries.sort()
        let median = summaries[summaries.count / 2]
        #expect((5_000...60_000).contains(median), "median summary \(median) bytes")
        let common = summaries.filter { (5_000...60_000).contains($0) }.count
        #expect(common * 10 >= summaries.count * 7, "\(common) of \(summaries.count) summaries are 5-60 KB")
        #expect(summaries.contains { $0 > 100_000 }, "no long tail: largest \(summaries.last ?? 0)")
    }

    /// Small summaries whose later sections describe nothing: seed 42's documents 11641 and
    /// 18786 came out at 1,662 and 1,856 bytes before the first section took up the rest.
    @Test(arguments: [11641, 18786])
    func smallSummariesStillReachTwoKilobytes(index: Int) throws {
        let document = CorpusGenerator(seed: 42).document(at: index)
        #expect(document.kind == .statuteSummary)
        #expect(document.bytes.count >= 2048, "\(document.path): \(document.bytes.count) bytes")
        let record = try extractRecord(text: String(decoding: document.bytes, as: UTF8.self), source: document.path)
        #expect(record.sections.map(\.citations.count) == document.expected.sectionCitations)
    }

    @Test func aboutFortyPercentAreHTML() {
        let generator = CorpusGenerator(seed: 3)
        let documents = (0..<500).map { generator.document(at: $0) }
        let html = documents.filter { $0.format == .html }.count
        #expect((175...225).contains(html), "\(html) of 500 HTML")
        // Every format but PDF: the test PDFs are made by scripts/make-test-pdfs.py.
        for format in DocumentFormat.allCases where format != .pdf {
            #expect(documents.contains { $0.format == format && $0.kind == .statuteSummary }, "no \(format) summary")
            #expect(documents.contains { $0.format == format && $0.kind == .reportCard }, "no \(format) card")
        }
    }

    @Test func everyNoiseFormOccurs() {
        let generator = CorpusGenerator(seed: 4)
        let noise = Set((0..<400).flatMap { generator.document(at: $0).expected.noise })
        for form in [
            "stray fragment in first column", "duplicated and cut issue name", "tag around score",
            "look-alike grade letter", "missing grade letter", "doubled extra-credit labels",
            "score and maximum run together", "smart quotes", "no-break spaces", "CRLF line ends", "series label",
            "page furniture in text with & or <",
        ] {
            #expect(noise.contains(form), "no document with \(form)")
        }
    }

    /// The generator's code names are the first names of the code-name table, cited the way the
    /// table says the code is divided.
    @Test func codeNamesAgreeWithTheTable() throws {
        let table = JurisdictionTable.standard
        #expect(GeneratedJurisdictions.all.count == 56)
        for place in GeneratedJurisdictions.all {
            let jurisdiction = try #require(table.jurisdiction(usps: place.usps), "\(place.usps)")
            #expect(jurisdiction.name == place.name || table.jurisdiction(named: place.name)?.usps == place.usps)
            #expect(table.jurisdiction(named: place.name)?.usps == place.usps, "\(place.name)")
            for code in place.codes {
                let entry = try #require(
                    jurisdiction.codes.first { $0.names.first == code.name }, "\(place.usps) \(code.name) is no first name"
                )
                #expect((entry.body == .regulation) == code.isRegulation, "\(place.usps) \(code.name)")
                let citedBy: CitedBy = switch code.form {
                case .section: .section
                case .title: .title
                case .chapter: .chapter
                case .article, .articleDivision: .article
                }
                #expect(entry.citedBy == citedBy, "\(place.usps) \(code.name): table says \(entry.citedBy)")
            }
        }
    }

    /// The states the zoo takes to call a code the Revised Statutes, and the policy manuals it
    /// knows by their Bluebook form, are those the code-name table says.
    @Test func zooCodeNamesAgreeWithTheTable() throws {
        let table = JurisdictionTable.standard
        for place in GeneratedJurisdictions.all {
            let jurisdiction = try #require(table.jurisdiction(usps: place.usps))
            let revised = jurisdiction.codes.contains { $0.names.contains("Rev. Stat.") }
            #expect(revised == CitationWriter.revisedStatutesStates.contains(place.usps), "\(place.usps)")
            // The name the zoo uses for a code the state does not have is none of its names.
            let foreign = revised ? "Ann. Code" : "Rev. Stat."
            #expect(!jurisdiction.codes.contains { $0.names.contains(foreign) }, "\(place.usps) \(foreign)")
            let manual = jurisdiction.codes.first { $0.names.contains("Pol. & Proc. Man.") }
            #expect(manual?.bluebook == CitationWriter.policyManuals[place.usps], "\(place.usps)")
        }
    }

    @Test func writeFillsAFolderWithTheSameDocuments() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let generator = CorpusGenerator(seed: 21)
        let summary = try generator.write(count: 60, to: folder.path + "/corpus")
        #expect(summary.documents == 60)
        var bytes = 0
        var html = 0
        for index in 0..<60 {
            let document = generator.document(at: index)
            let written = try Data(contentsOf: folder.url.appendingPathComponent("corpus/" + document.path))
            #expect(Array(written) == document.bytes, "\(document.path)")
            bytes += document.bytes.count
            if document.format == .html { html += 1 }
        }
        #expect(summary.bytes == bytes && summary.htmlDocuments == html)
    }

    /// Every document of a 300-document corpus, through every stage: the kind, state and year it
    /// was made with; cards with six issues whose total adds up; summaries with the sections and
    /// citations generated, every citation resolved against the code-name table.
    /// `LEXPIPE_GEN_DOCS` and `LEXPIPE_GEN_SEED` check another corpus (more documents, another seed).
    @Test func theExtractorReadsWhatWasGenerated() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["LEXPIPE_GEN_DOCS"].flatMap { Int($0) } ?? 300
        let generator = CorpusGenerator(seed: environment["LEXPIPE_GEN_SEED"].flatMap { UInt64($0) } ?? 2024)
        var failures: [String] = []
        for index in 0..<count {
            let document = generator.document(at: index)
            let expected = document.expected
            let record = try extractRecord(text: String(decoding: document.bytes, as: UTF8.self), source: document.path)
            var problems: [String] = []
            if record.kind != document.kind { problems.append("kind \(record.kind)") }
            if record.format != document.format { problems.append("format \(record.format)") }
            if record.stateCode != expected.stateCode { problems.append("state \(record.stateCode ?? "nil")") }
            if record.year != expected.year { problems.append("year \(record.year.map(String.init) ?? "nil")") }
            if document.kind == .reportCard {
                if let card = record.reportCard {
                    if card.issues.count != 6 { problems.append("\(card.issues.count) issues") }
                    if card.checks.totalMatchesSum != true { problems.append("total does not match the sum") }
                    if card.issues.map(\.score) != expected.issueScores.map(Optional.some) {
                        problems.append("scores \(card.issues.map(\.score)) not \(expected.issueScores)")
                    }
                    if card.extraCredit.map(\.points) != expected.extraCredit.map(Optional.some) {
                        problems.append("extra credit \(card.extraCredit.map(\.points)) not \(expected.extraCredit)")
                    }
                    if card.overall.score != expected.overallScore { problems.append("overall \(String(describing: card.overall.score))") }
                } else {
                    problems.append("no report card")
                }
            } else {
                // The generator counts the laws a section names, on its Citation: lines and in its prose.
                let counts = record.sections.map { $0.citations.count + $0.references.count }
                if counts.count != expected.sectionCount {
                    problems.append("\(counts.count) sections, not \(expected.sectionCount)")
                } else if counts != expected.sectionCitations {
                    let first = counts.indices.first { counts[$0] != expected.sectionCitations[$0] } ?? 0
                    problems.append("section \(first + 1) has \(counts[first]) citations, not \(expected.sectionCitations[first])")
                }
                let unresolved = record.warnings.filter { $0.contains("code name") || $0.contains("citation") }
                if !unresolved.isEmpty { problems.append("citation warnings \(unresolved.prefix(3))") }
            }
            if !problems.isEmpty {
                failures.append("\(document.path) (\(document.format), noise \(expected.noise)): \(problems.joined(separator: "; "))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(count) documents misread:\n\(failures.prefix(20).joined(separator: "\n"))")
    }
}
