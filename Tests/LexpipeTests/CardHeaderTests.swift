import LexpipeRecord
import Testing

/// A report card's header in the places cards and their conversions put the state: the title,
/// a line above or below it, a labelled line, a state line run into the title, the page's
/// `<title>`; the framework and year read from the title whatever stands around it.
@Suite("Report card headers")
struct CardHeaderTests {
    /// Six scored issue rows and an overall score: enough to be a report card.
    static let table = """
        Issue\tGrade\tScore
        1. Criminal Provisions\tB\t14 17.5
        2. Identification of and Response to Victims\tD\t17 27.5
        3. Continuum of Care\tD\t9 15
        4. Access to Justice for Trafficking Survivors\tF\t6.5 15
        5. Tools for a Victim-Centered Criminal Justice Response\tB\t8 10
        6. Prevention and Training\tF\t7 15

        OVERALL GRADE 61.5

        """

    static let framework = "Report Card on Child & Youth Sex Trafficking"

    /// The lines above the table and the state they name (`nil`: none).
    @Test(arguments: [
        ("2022 Report Card on Child & Youth Sex Trafficking\n\nState: UT\n\n", "Utah"),
        ("2022 Report Card on Child & Youth Sex Trafficking\n\nNEW MEXICO\n\n", "New Mexico"),
        ("2022 Report Card on Child & Youth Sex Trafficking\nWEST VIRGINIA\n\n", "West Virginia"),
        ("2022 Report Card on Child & Youth Sex Trafficking\nJurisdiction: Guam\n\n", "Guam"),
        ("**Kansas**\n\n2022 Report Card on Child & Youth Sex Trafficking\n\n", "Kansas"),
        ("2022 Report Card on Child & Youth Sex Trafficking - District of Columbia\n\n", "District of Columbia"),
        ("2022 Report Card on Child & Youth Sex Trafficking\n\n2022\n\n", nil),
    ] as [(String, String?)])
    func stateIsReadWhereverTheHeaderPutsIt(header: String, state: String?) throws {
        let record = try extractRecord(text: header + Self.table, source: "card.md")
        #expect(record.kind == .reportCard)
        #expect(record.title == Self.framework)
        #expect(record.reportCard?.framework == Self.framework)
        #expect(record.year == 2022)
        #expect(record.state == state)
        #expect(record.reportCard?.issues.count == 6)
        #expect(record.reportCard?.overall.score == 61.5)
        #expect(!record.warnings.contains { $0.contains("stray") }, "\(record.warnings)")
    }

    /// A framework about a state's laws keeps its words: the state it names is its subject,
    /// not a state line run into the title.
    @Test func aStateJoinedToTheTitleByAWordStaysInTheTitle() throws {
        let record = try extractRecord(text: "2022 Report Card on Trafficking Laws in Texas\n\n" + Self.table, source: "card.md")
        #expect(record.title == "Report Card on Trafficking Laws in Texas")
        #expect(record.state == nil)
    }

    /// The Challenge's title names no `Report Card on ...`; its state after a dash is still the state.
    @Test(arguments: [
        "Protected Innocence Challenge 2018 Report Card - District of Columbia",
        "Protected Innocence Challenge 2018 Report Card\nDISTRICT OF COLUMBIA",
        "DISTRICT OF COLUMBIA\n\n2018 Protected Innocence Challenge",
    ])
    func challengeTitlesGiveTheirState(title: String) throws {
        let record = try extractRecord(text: title + "\n\n" + Self.table, source: "card.md")
        #expect(record.title == "Protected Innocence Challenge")
        #expect(record.reportCard?.framework == "Protected Innocence Challenge")
        #expect(record.year == 2018)
        #expect(record.state == "District of Columbia")
    }

    @Test func theStateOnlyInThePageTitleIsTheLastResort() throws {
        let rows = Self.table.split(separator: "\n").map { line in
            "<tr>" + line.split(separator: "\t").map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        let page = """
            <html><head><title>Kansas | 2022 Report Card | Shared Hope International</title></head><body>
            <h2>2022 Report Card on Child &amp; Youth Sex Trafficking</h2>
            <table>\(rows.dropLast().joined(separator: "\n"))</table>
            <p>OVERALL GRADE</p><p>61.5</p>
            </body></html>
            """
        let record = try extractRecord(text: page, source: "card.html")
        #expect(record.state == "Kansas")
        #expect(record.title == Self.framework)
        #expect(record.reportCard?.overall.score == 61.5)
    }

    /// Two places naming different states: the surer one is kept (a line of its own over the
    /// title's dash), the other reported.
    @Test func disagreeingPlacesAreReported() throws {
        let record = try extractRecord(
            text: "TEXAS\n\n2022 Report Card on Child & Youth Sex Trafficking - Ohio\n\n" + Self.table, source: "card.md"
        )
        #expect(record.state == "Texas")
        #expect(record.title == Self.framework)
        #expect(record.warnings.contains { $0.contains("header: state") && $0.contains("\"Ohio\"") && $0.contains("kept \"Texas\"") })
    }
}
