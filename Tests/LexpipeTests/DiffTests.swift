import Foundation
import LexpipeDatasets
import LexpipeDiff
import LexpipePipeline
import LexpipeRecord
import Testing

@Suite("Year-over-year diff", .serialized)
struct DiffTests {
    /// A report card in the tab-separated conversion form.
    static func card(state: String, year: Int, scores: [Double], grades: [String], gaps3: String, overall: Double) -> String {
        let names = ["Criminal Provisions", "Identification of and Response to Victims", "Continuum of Care",
                     "Access to Justice for Trafficking Survivors", "Tools for a Victim-Centered Criminal Justice Response",
                     "Prevention and Training"]
        let maxima = ["17.5", "27.5", "15", "15", "10", "15"]
        var rows = ""
        for index in 0..<6 {
            let gaps = index == 2 ? gaps3 : "training for prosecutors"
            rows += "\t\(index + 1). \(names[index])\t\t\(grades[index])\t\(JSONValue.format(scores[index])) \(maxima[index])\tPolicy goals accomplished in areas related to victim services. Gaps remain in areas related to \(gaps).\n"
        }
        return """
            ## **\(state.uppercased())**

            \(year) Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            \(rows)EXTRA CREDIT\tCLT\tCLT Child Labor Trafficking\t\t2\tProtections are extended to child labor trafficking victims.

            **OVERALL GRADE**

            \(JSONValue.format(overall))
            """
    }

    static func summary(state: String, date: String, citations: String, training: String) -> String {
        """
        Responding to Child Victims of Human Trafficking - \(state)

        Date: \(date)

        State Agency Responsibilities

        Citation: \(citations)

        The department shall screen children for trafficking.

        Training Requirement

        \(training)
        """
    }

    /// Two years of a small corpus, each extracted into its own output folder.
    static func twoYears(in folder: TemporaryFolder) async throws {
        let year1 = [
            "ms-card-2021.md": card(state: "Mississippi", year: 2021, scores: [16, 14, 8.5, 8.5, 8, 6], grades: ["A", "F", "F", "F", "B", "F"],
                                    gaps3: "extended foster care services and appropriations", overall: 63),
            "tx-card-2021.md": card(state: "Texas", year: 2021, scores: [17, 20, 12, 12, 9, 10], grades: ["A", "D", "B", "B", "A", "D"],
                                    gaps3: "appropriations", overall: 82),
            "ms-summary.txt": summary(state: "Mississippi", date: "December 2018", citations: "Ann. Code § 43-21-105; Ann. Code § 97-3-54.6",
                                      training: "No training specific to human or sex trafficking is described in the statutes and regulations reviewed."),
        ]
        let year2 = [
            // Mississippi's card: issue 1 score up, issue 2 grade up, a gap added to issue 3.
            "mississippi/2022-card.md": card(state: "Mississippi", year: 2022, scores: [17.5, 19.5, 8.5, 8.5, 8, 6], grades: ["A", "D", "F", "F", "B", "F"],
                                             gaps3: "extended foster care services, appropriations, and housing", overall: 70),
            // Texas unchanged but for the year and the file's name.
            "texas/tx-2022.md": card(state: "Texas", year: 2022, scores: [17, 20, 12, 12, 9, 10], grades: ["A", "D", "B", "B", "A", "D"],
                                     gaps3: "appropriations", overall: 82),
            "ohio-card-2022.md": card(state: "Ohio", year: 2022, scores: [10, 10, 10, 10, 10, 10], grades: ["F", "F", "F", "F", "A", "F"],
                                      gaps3: "appropriations", overall: 62),
            "ms-summary.txt": summary(state: "Mississippi", date: "December 2019", citations: "Ann. Code § 43-21-105; Ann. Code § 97-3-54.8",
                                      training: "Caseworkers must complete training on trafficking within 90 days of hire."),
        ]
        for (name, text) in year1 { try folder.write("y2021/" + name, text) }
        for (name, text) in year2 { try folder.write("y2022/" + name, text) }
        for year in ["y2021", "y2022"] {
            var configuration = LexpipePipeline.Configuration()
            configuration.corpusRoot = folder.path + "/" + year
            configuration.outputDirectory = folder.path + "/out-" + year
            _ = try await BatchRunner(configuration: configuration).run()
        }
    }

    /// A row as `change state oldYear->newYear | issue | item | field | old | new | delta`.
    static func line(_ difference: Difference) -> String {
        "\(difference.change.rawValue) \(difference.stateCode ?? "") \(difference.oldYear.map(String.init) ?? "")->\(difference.newYear.map(String.init) ?? "")"
            + " | \(difference.issue.map(String.init) ?? "") | \(difference.item) | \(difference.field) | \(difference.old ?? "") | \(difference.new ?? "")"
            + " | \(difference.delta.map(JSONValue.format) ?? "")"
    }

    @Test func reportsWhatMovedBetweenTwoYears() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await DiffTests.twoYears(in: folder)
        let old = try DatasetReader.records(at: folder.path + "/out-y2021")
        let new = try DatasetReader.records(at: folder.path + "/out-y2022")
        let differences = DatasetDiff.compare(old: old, new: new)
        let lines = differences.map(DiffTests.line)
        #expect(lines == [
            "~ MS 2021->2022 |  | overall | score | 63 | 70 | 7",
            "~ MS 2021->2022 |  | overall | grade | D | C | ",
            "~ MS 2021->2022 |  | checks | grades_match_scores | true | false | ",
            "~ MS 2021->2022 | 1 | Criminal Provisions | score | 16 | 17.5 | 1.5",
            "~ MS 2021->2022 | 2 | Identification of and Response to Victims | score | 14 | 19.5 | 5.5",
            "~ MS 2021->2022 | 2 | Identification of and Response to Victims | grade | F | D | ",
            "+ MS 2021->2022 | 3 | Continuum of Care | gaps |  | housing | ",
            "~ MS 2018->2019 |  | Training Requirement | text | No training specific to human or sex trafficking is described in the statutes and regulations reviewed. | Caseworkers must complete training on trafficking within 90 days of hire. | ",
            "~ MS 2018->2019 |  | Training Requirement | provision | false | true | ",
            "- MS 2018->2019 |  | State Agency Responsibilities | citation | Miss. Code Ann. § 97-3-54.6 |  | ",
            "+ MS 2018->2019 |  | State Agency Responsibilities | citation |  | Miss. Code Ann. § 97-3-54.8 | ",
            "+ OH ->2022 |  | document | document |  | ohio-card-2022.md | ",
        ])
        #expect(differences.first.map { [$0.oldSource, $0.newSource] } == ["ms-card-2021.md", "mississippi/2022-card.md"])
        #expect(differences.last.map { [$0.oldSource, $0.newSource] } == [nil, "ohio-card-2022.md"])
        #expect(!lines.contains { $0.contains(" TX ") }, "a renamed, unchanged document shows no difference")
        #expect(DiffReport.summary(differences) == "12 differences in 3 documents: 3 added, 1 removed, 8 changed")
    }

    @Test func theSameDatasetHasNoDifferences() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await DiffTests.twoYears(in: folder)
        let records = try DatasetReader.records(at: folder.path + "/out-y2022")
        #expect(DatasetDiff.compare(old: records, new: records).isEmpty)
        #expect(DiffReport.summary([]) == "no differences")
    }

    @Test func commandLineFormatsAndExitStatus() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await DiffTests.twoYears(in: folder)
        let table = try LexpipeBinary.run(["diff", folder.path + "/out-y2021", folder.path + "/out-y2022"])
        #expect(table.status == 1)
        #expect(table.stdout.contains("~  MS"))
        #expect(table.stdout.contains("2021 -> 2022  ms-card-2021.md -> mississippi/2022-card.md"))
        #expect(table.stdout.contains("16 -> 17.5 (+1.5)"))
        #expect(table.stdout.hasSuffix("12 differences in 3 documents: 3 added, 1 removed, 8 changed\n"))

        let csv = try LexpipeBinary.run(["diff", "--format", "csv", folder.path + "/out-y2021/lexpipe.sqlite", folder.path + "/out-y2022/lexpipe.sqlite"])
        #expect(csv.status == 1)
        #expect(csv.stdout.hasPrefix(
            "change,kind,state_code,document,old_year,new_year,old_source,new_source,issue,item,field,old,new,delta\r\n"
                + "~,report_card,MS,Report Card on Child & Youth Sex Trafficking,2021,2022,ms-card-2021.md,mississippi/2022-card.md,,overall,score,63,70,+7\r\n"
                + "~,report_card,MS,Report Card on Child & Youth Sex Trafficking,2021,2022,ms-card-2021.md,mississippi/2022-card.md,,overall,grade,D,C,\r\n"
                + "~,report_card,MS,Report Card on Child & Youth Sex Trafficking,2021,2022,ms-card-2021.md,mississippi/2022-card.md,,checks,grades_match_scores,true,false,\r\n"
                + "~,report_card,MS,Report Card on Child & Youth Sex Trafficking,2021,2022,ms-card-2021.md,mississippi/2022-card.md,1,Criminal Provisions,score,16,17.5,+1.5\r\n"
        ))

        let json = try LexpipeBinary.run(["diff", "--format", "json", "--out", folder.path + "/diff.json", folder.path + "/out-y2021", folder.path + "/out-y2022"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/diff.json"))) as! [String: Any]
        let rows = object["differences"] as! [[String: Any]]
        #expect(rows.count == 12)
        #expect(rows[3]["issue"] as? Int == 1 && rows[3]["old_year"] as? Int == 2021 && rows[3]["new_year"] as? Int == 2022)
        #expect(rows[3]["old_source"] as? String == "ms-card-2021.md" && rows[3]["new_source"] as? String == "mississippi/2022-card.md")
        #expect(rows[11]["old_source"] is NSNull && rows[11]["new_source"] as? String == "ohio-card-2022.md")

        let same = try LexpipeBinary.run(["diff", folder.path + "/out-y2022", folder.path + "/out-y2022"])
        #expect(same.status == 0)
        #expect(same.stdout.hasSuffix("no differences\n"))

        let missing = try LexpipeBinary.run(["diff", folder.path + "/nothing", folder.path + "/out-y2022"])
        #expect(missing.status == 2)
    }

    @Test func yearsWithinOneDataset() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await DiffTests.twoYears(in: folder)
        // One corpus holding both years of cards.
        for name in ["ms-card-2021.md", "tx-card-2021.md"] {
            try FileManager.default.copyItem(atPath: folder.path + "/y2021/" + name, toPath: folder.path + "/y2022/" + name)
        }
        var configuration = LexpipePipeline.Configuration()
        configuration.corpusRoot = folder.path + "/y2022"
        configuration.outputDirectory = folder.path + "/both"
        _ = try await BatchRunner(configuration: configuration).run()
        let result = try LexpipeBinary.run(["diff", "--from-year", "2021", "--to-year", "2022", "--format", "csv", folder.path + "/both"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("~,report_card,MS,Report Card on Child & Youth Sex Trafficking,2021,2022,ms-card-2021.md,mississippi/2022-card.md,,overall,score,63,70,+7"))
        #expect(result.stdout.contains("+,report_card,OH,"))
        #expect(!result.stdout.contains(",TX,"))
    }

    /// Mississippi's card of `year` whose issues 1 and 2 score `first` and `second`.
    static func mississippi(_ year: Int, first: Double = 16, second: Double = 14) -> String {
        card(state: "Mississippi", year: year, scores: [first, second, 8.5, 8.5, 8, 6], grades: ["A", "F", "F", "F", "B", "F"],
             gaps3: "appropriations", overall: first + second + 33)
    }

    /// `lexpipe run` over `folder/corpus` into `folder/output`, from `folder`, as a user runs it.
    static func run(in folder: TemporaryFolder) throws -> LexpipeBinary.Result {
        try LexpipeBinary.run(["run", "--corpus", folder.path + "/corpus", "--output", folder.path + "/output"], in: folder.path)
    }

    /// Keeps a copy of the published output, as an analyst keeps last night's before a run.
    static func keepOutput(of folder: TemporaryFolder, as name: String) throws {
        try FileManager.default.copyItem(atPath: folder.path + "/output", toPath: folder.path + "/" + name)
    }

    @Test func aCorrectedPriorYearCardIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("corpus/ms-2021.md", DiffTests.mississippi(2021))
        try folder.write("corpus/ms-2022.md", DiffTests.mississippi(2022, first: 17.5))
        #expect(try DiffTests.run(in: folder).status == 0)
        try DiffTests.keepOutput(of: folder, as: "before")
        // The 2021 card is corrected; the 2022 card, the latest year, is untouched.
        try folder.write("corpus/ms-2021.md", DiffTests.mississippi(2021, second: 12.5))
        let rerun = try DiffTests.run(in: folder)
        #expect(rerun.status == 0)
        #expect(rerun.stdout.contains("1 changed"))

        let csv = try LexpipeBinary.run(["diff", "--format", "csv", folder.path + "/before", folder.path + "/output"])
        #expect(csv.status == 1)
        let document = "report_card,MS,Report Card on Child & Youth Sex Trafficking,2021,2021,ms-2021.md,ms-2021.md"
        #expect(csv.stdout == """
            change,kind,state_code,document,old_year,new_year,old_source,new_source,issue,item,field,old,new,delta\r
            ~,\(document),,overall,score,63,61.5,-1.5\r
            ~,\(document),2,Identification of and Response to Victims,score,14,12.5,-1.5\r

            """)
        let table = try LexpipeBinary.run(["diff", folder.path + "/before", folder.path + "/output"])
        #expect(table.status == 1)
        #expect(table.stdout.hasSuffix("2 differences in 1 document: 0 added, 0 removed, 2 changed\n"))
    }

    @Test func twoCardsOfOneStateAndYearAreBothCompared() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let high = DiffTests.card(state: "Mississippi", year: 2021, scores: [17.5, 27.5, 15, 10, 10, 7.5], grades: ["A", "A", "A", "C", "A", "C"],
                                  gaps3: "appropriations", overall: 89.5)
        let low = DiffTests.card(state: "Mississippi", year: 2021, scores: [5, 5, 5, 3.5, 3, 2], grades: ["A", "A", "A", "C", "A", "C"],
                                 gaps3: "appropriations", overall: 25.5)
        try folder.write("corpus/ms-a.md", DiffTests.mississippi(2021))
        try folder.write("corpus/ms-b.md", high)
        #expect(try DiffTests.run(in: folder).status == 0)
        try DiffTests.keepOutput(of: folder, as: "before")
        try folder.write("corpus/ms-b.md", low)
        #expect(try DiffTests.run(in: folder).status == 0)

        let result = try LexpipeBinary.run(["diff", "--format", "csv", folder.path + "/before", folder.path + "/output"])
        #expect(result.status == 1)
        let rows = result.stdout.components(separatedBy: "\r\n")
        let document = "report_card,MS,Report Card on Child & Youth Sex Trafficking,2021,2021"
        #expect(rows[1] == "?,\(document),,,,document,documents,\"ms-a.md, ms-b.md\",\"ms-a.md, ms-b.md\",")
        #expect(rows.contains("~,\(document),ms-b.md,ms-b.md,,overall,score,89.5,25.5,-64"))
        #expect(!rows.contains { $0.contains("ms-a.md,ms-a.md") }, "the unchanged card shows no difference")

        let table = try LexpipeBinary.run(["diff", folder.path + "/before", folder.path + "/output"])
        #expect(table.stdout.contains("ms-a.md, ms-b.md -> ms-a.md, ms-b.md"))
        #expect(table.stdout.contains("89.5 -> 25.5 (-64)"))
        #expect(table.stdout.hasSuffix("1 key with several documents\n"))

        // The same datasets: the key is still named, but nothing differs.
        let same = try LexpipeBinary.run(["diff", folder.path + "/output", folder.path + "/output"])
        #expect(same.status == 0)
        #expect(same.stdout.hasSuffix("no differences; 1 key with several documents\n"))
    }

    @Test func severalDocumentsOfOneKeyPairOnlyBySource() throws {
        let a = try extractRecord(text: DiffTests.mississippi(2021), source: "a.md")
        let b = try extractRecord(text: DiffTests.mississippi(2021, first: 10), source: "b.md")
        let c = try extractRecord(text: DiffTests.mississippi(2021, first: 10), source: "c.md")
        let differences = DatasetDiff.compare(old: [a, b], new: [a, c])
        #expect(differences.map(DiffTests.line) == [
            "? MS 2021->2021 |  | document | documents | a.md, b.md | a.md, c.md | ",
            "- MS 2021-> |  | document | document | b.md |  | ",
            "+ MS ->2021 |  | document | document |  | c.md | ",
        ])
        #expect(differences.hasDifferences)
        #expect(DiffReport.summary(differences) == "2 differences in 2 documents: 1 added, 1 removed, 0 changed; 1 key with several documents")
        // On one side only, the documents of the key are named and each is added.
        let added = DatasetDiff.compare(old: [], new: [b, c])
        #expect(added.map(DiffTests.line) == [
            "? MS ->2021 |  | document | documents |  | b.md, c.md | ",
            "+ MS ->2021 |  | document | document |  | b.md | ",
            "+ MS ->2021 |  | document | document |  | c.md | ",
        ])
    }

    @Test func everyYearIsComparedWithTheSameYear() throws {
        let old2020 = try extractRecord(text: DiffTests.mississippi(2020), source: "ms-2020.md")
        let old2021 = try extractRecord(text: DiffTests.mississippi(2021), source: "ms-2021.md")
        let new2021 = try extractRecord(text: DiffTests.mississippi(2021, first: 15), source: "2021/ms.md")
        let new2022 = try extractRecord(text: DiffTests.mississippi(2022), source: "ms-2022.md")
        // The corpus moved on a year: 2020 left, 2022 came, 2021 was corrected and renamed.
        #expect(DatasetDiff.compare(old: [old2021, old2020], new: [new2022, new2021]).map(DiffTests.line) == [
            "- MS 2020-> |  | document | document | ms-2020.md |  | ",
            "~ MS 2021->2021 |  | overall | score | 63 | 62 | -1",
            "~ MS 2021->2021 |  | checks | grades_match_scores | true | false | ",
            "~ MS 2021->2021 | 1 | Criminal Provisions | score | 16 | 15 | -1",
            "+ MS ->2022 |  | document | document |  | ms-2022.md | ",
        ])
        // Alone on each side, last year's card is compared with this year's.
        #expect(DatasetDiff.compare(old: [old2021], new: [new2022]).isEmpty)
        #expect(DatasetDiff.compare(old: [old2020], new: [new2021]).map(DiffTests.line).first == "~ MS 2020->2021 |  | overall | score | 63 | 62 | -1")
    }

    @Test func aYearWithNoDocumentIsAnError() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await DiffTests.twoYears(in: folder)
        let output = folder.path + "/out-y2022"
        for (from, to, missing) in [(2021, 2022, 2021), (2022, 2030, 2030)] {
            let result = try LexpipeBinary.run(["diff", "--from-year", String(from), "--to-year", String(to), output])
            #expect(result.status == 2)
            #expect(result.stderr == "lexpipe: no document of \(missing) in \(output) (years present: 2019, 2022)\n")
            #expect(result.stdout.isEmpty)
        }
        let records = try DatasetReader.records(at: output)
        #expect(throws: DiffError.noDocuments(year: 2021, dataset: "out", years: [2019, 2022])) {
            try DatasetDiff.years(records, from: 2021, to: 2022, dataset: "out")
        }
        #expect(try DatasetDiff.years(records, from: 2019, to: 2022, dataset: "out").old.map(\.source) == ["ms-summary.txt"])
    }

    static let usageErrors: [(String, [String])] = [
        ("no dataset", ["diff"]),
        ("one dataset without years", ["diff", "output"]),
        ("three datasets", ["diff", "a", "b", "c"]),
        ("--from-year without --to-year", ["diff", "--from-year", "2021", "output"]),
        ("two datasets with years", ["diff", "--from-year", "2021", "--to-year", "2022", "a", "b"]),
        ("unknown format", ["diff", "--format", "xml", "a", "b"]),
        ("unknown option", ["diff", "--bogus", "a", "b"]),
        ("a year that is no number", ["diff", "--from-year", "last", "--to-year", "2022", "output"]),
    ]

    @Test(arguments: usageErrors)
    func usageErrorsExitTwo(_ name: String, _ arguments: [String]) throws {
        let result = try LexpipeBinary.run(arguments)
        #expect(result.status == 2, "\(name)")
        #expect(result.stderr.hasPrefix("Error: "), "\(name)")
        #expect(result.stderr.contains("Usage: lexpipe diff"), "\(name)")
        #expect(result.stdout.isEmpty, "\(name)")
    }

    @Test func helpIsNoUsageError() throws {
        let result = try LexpipeBinary.run(["diff", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: lexpipe diff"))
        #expect(result.stderr.isEmpty)
    }

    @Test func fieldsBesideScoresAreCompared() throws {
        let old = try extractRecord(text: DiffTests.mississippi(2021), source: "ms.md")
        var new = old
        new.date = "2021-06"
        new.reportCard?.overall.gradeSource = .stated
        new.reportCard?.checks.totalMatchesSum = false
        new.reportCard?.issues[0].name = "Criminal Law"
        new.reportCard?.issues[1].gradeSource = .derived
        new.reportCard?.extraCredit[0].description = "Protections are extended to all child trafficking victims."
        #expect(DatasetDiff.compare(old: [old], new: [new]).map(DiffTests.line) == [
            "~ MS 2021->2021 |  | document | date | 2021 | 2021-06 | ",
            "~ MS 2021->2021 |  | overall | grade_source | derived | stated | ",
            "~ MS 2021->2021 |  | checks | total_matches_sum | true | false | ",
            "~ MS 2021->2021 | 1 | Criminal Law | name | Criminal Provisions | Criminal Law | ",
            "~ MS 2021->2021 | 2 | Identification of and Response to Victims | grade_source | stated | derived | ",
            "~ MS 2021->2021 |  | extra credit CLT | description | Protections are extended to child labor trafficking victims. | Protections are extended to all child trafficking victims. | ",
        ])
    }

    /// A statute summary of Texas in 2020 whose sections are `sections`.
    static func texasSummary(_ sections: [Section]) -> DocumentRecord {
        DocumentRecord(
            source: "tx.txt", sha256: "", format: .text, kind: .statuteSummary, title: "Responding to Child Victims of Human Trafficking",
            state: "Texas", stateCode: "TX", year: 2020, date: "2020-05", sections: sections
        )
    }

    static func penalCode(_ section: String) -> Citation {
        Citation(raw: "§ \(section), Penal Code", jurisdiction: nil, body: .statute, code: "Tex. Penal Code Ann.", title: nil,
                 section: section, sectionEnd: nil, normalized: "Tex. Penal Code Ann. § \(section)")
    }

    @Test func referencesAndSectionsWithoutHeadingsAreCompared() {
        let old = DiffTests.texasSummary([
            Section(ordinal: 1, heading: nil, citations: [], references: [DiffTests.penalCode("20A.02")], provision: true, text: "An offense."),
        ])
        let new = DiffTests.texasSummary([
            Section(ordinal: 1, heading: nil, citations: [], references: [DiffTests.penalCode("20A.03")], provision: true, text: "An offense."),
            Section(ordinal: 2, heading: "Definitions", citations: [], provision: true, text: "Terms."),
            Section(ordinal: 3, heading: "Definitions", citations: [], provision: true, text: "More terms."),
        ])
        #expect(DatasetDiff.compare(old: [old], new: [new]).map(DiffTests.line) == [
            "+ TX 2020->2020 |  | Definitions | section |  | Terms. | ",
            "+ TX 2020->2020 |  | Definitions (2) | section |  | More terms. | ",
            "- TX 2020->2020 |  | section 1 | reference | Tex. Penal Code Ann. § 20A.02 |  | ",
            "+ TX 2020->2020 |  | section 1 | reference |  | Tex. Penal Code Ann. § 20A.03 | ",
        ])
    }

    /// Every file under `path` with its bytes.
    static func contents(of path: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: path) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))
            }
        }
        return files
    }

    @Test func theReportNeverReplacesADatasetFile() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await DiffTests.twoYears(in: folder)
        let old = folder.path + "/out-y2021", new = folder.path + "/out-y2022"
        let before = try [DiffTests.contents(of: old), DiffTests.contents(of: new)]
        for (out, datasets) in [
            (new + "/documents.jsonl", [old, new]),
            (folder.path + "/out-y2021/../out-y2022/grades.csv", [old, new]),
            (new + "/lexpipe.sqlite", [old + "/lexpipe.sqlite", new + "/lexpipe.sqlite"]),
        ] {
            let result = try LexpipeBinary.run(["diff", "--format", "csv", "--out", out] + datasets)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("lexpipe: --out \(out) would replace a file of the dataset "))
            #expect(result.stdout.isEmpty)
        }
        #expect(try [DiffTests.contents(of: old), DiffTests.contents(of: new)] == before)
        // Beside the datasets, the report is written.
        let beside = try LexpipeBinary.run(["diff", "--out", folder.path + "/report.txt", old, new])
        #expect(beside.status == 1)
        #expect(try [DiffTests.contents(of: old), DiffTests.contents(of: new)] == before)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/report.txt"))
    }
}
