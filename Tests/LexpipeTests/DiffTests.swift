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

    @Test func reportsWhatMovedBetweenTwoYears() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await DiffTests.twoYears(in: folder)
        let old = try DatasetReader.records(at: folder.path + "/out-y2021")
        let new = try DatasetReader.records(at: folder.path + "/out-y2022")
        let differences = DatasetDiff.compare(old: old, new: new)
        let lines = differences.map { "\($0.change.rawValue) \($0.stateCode ?? "") | \($0.item) | \($0.field) | \($0.old ?? "") | \($0.new ?? "") | \($0.delta.map(JSONValue.format) ?? "")" }
        #expect(lines == [
            "~ MS | overall | score | 63 | 70 | 7",
            "~ MS | overall | grade | D | C | ",
            "~ MS | issue 1 Criminal Provisions | score | 16 | 17.5 | 1.5",
            "~ MS | issue 2 Identification of and Response to Victims | score | 14 | 19.5 | 5.5",
            "~ MS | issue 2 Identification of and Response to Victims | grade | F | D | ",
            "+ MS | issue 3 Continuum of Care | gaps |  | housing | ",
            "~ MS | Training Requirement | text | No training specific to human or sex trafficking is described in the statutes and regulations reviewed. | Caseworkers must complete training on trafficking within 90 days of hire. | ",
            "~ MS | Training Requirement | provision | false | true | ",
            "- MS | State Agency Responsibilities | citation | Miss. Code Ann. § 97-3-54.6 |  | ",
            "+ MS | State Agency Responsibilities | citation |  | Miss. Code Ann. § 97-3-54.8 | ",
            "+ OH | document | document |  | ohio-card-2022.md | ",
        ])
        #expect(!lines.contains { $0.contains(" TX ") }, "a renamed, unchanged document shows no difference")
        #expect(DiffReport.summary(differences) == "11 differences in 3 documents: 3 added, 1 removed, 7 changed")
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
        #expect(table.stdout.contains("16 -> 17.5 (+1.5)"))
        #expect(table.stdout.hasSuffix("11 differences in 3 documents: 3 added, 1 removed, 7 changed\n"))

        let csv = try LexpipeBinary.run(["diff", "--format", "csv", folder.path + "/out-y2021/lexpipe.sqlite", folder.path + "/out-y2022/lexpipe.sqlite"])
        #expect(csv.status == 1)
        #expect(csv.stdout.hasPrefix("change,kind,state_code,document,item,field,old,new,delta\r\n~,report_card,MS,Report Card on Child & Youth Sex Trafficking,overall,score,63,70,+7\r\n"))

        let json = try LexpipeBinary.run(["diff", "--format", "json", "--out", folder.path + "/diff.json", folder.path + "/out-y2021", folder.path + "/out-y2022"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/diff.json"))) as! [String: Any]
        #expect((object["differences"] as! [Any]).count == 11)

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
        #expect(result.stdout.contains("~,report_card,MS,Report Card on Child & Youth Sex Trafficking,overall,score,63,70,+7"))
        #expect(result.stdout.contains("+,report_card,OH,"))
        #expect(!result.stdout.contains(",TX,"))
    }
}
