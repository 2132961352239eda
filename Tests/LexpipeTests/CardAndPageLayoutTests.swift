@testable import LexpipeExtraction
@testable import LexpipeMarkup
import LexpipePipeline
import LexpipeRecord
import Testing

// Layouts of cards and pages met in documents as users convert them: spreadsheet exports, OCR,
// drawing-order text, tables built of ARIA roles, layout tables. Each test holds one rule.

/// The six issues of the card framework, a score and maximum for each, and the highlight text.
private enum Card {
    static let names = [
        "Criminal Provisions", "Identification of and Response to Victims", "Continuum of Care",
        "Access to Justice for Trafficking Survivors", "Tools for a Victim-Centered Criminal Justice Response",
        "Prevention and Training",
    ]
    static let scores: [(grade: String, score: String, max: String)] = [
        ("B", "15", "17.5"), ("C", "19.5", "27.5"), ("C", "10.5", "15"), ("B", "12", "15"), ("B", "8", "10"), ("D", "9.5", "15"),
    ]
    static let accomplished = "civil remedies and vacatur"
    static let gaps = "statutes of limitation"
    static let highlight = "Policy goals accomplished in areas related to civil remedies and vacatur. Gap remains related to statutes of limitation."

    /// Checks the issue rows: names, grades, scores, maximums, highlights.
    static func expectIssues(_ record: DocumentRecord, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(record.kind == .reportCard, "warnings: \(record.warnings)", sourceLocation: sourceLocation)
        let issues = record.reportCard?.issues ?? []
        #expect(issues.map(\.name) == names, sourceLocation: sourceLocation)
        #expect(issues.map { $0.grade?.rawValue } == scores.map(\.grade), sourceLocation: sourceLocation)
        #expect(issues.map(\.score) == scores.map { Double($0.score) }, sourceLocation: sourceLocation)
        #expect(issues.map(\.maxScore) == scores.map { Double($0.max) }, sourceLocation: sourceLocation)
        #expect(issues.allSatisfy { $0.accomplished == accomplished && $0.gaps == gaps }, sourceLocation: sourceLocation)
    }
}

@Suite("Layouts of converted cards and pages")
struct CardAndPageLayoutTests {

    /// A card's table built of `<div>`s with ARIA roles reads as a table.
    @Test func aTableOfARIARolesIsATable() throws {
        let rows = Card.names.indices.map { index -> String in
            let row = Card.scores[index]
            return """
                <div role="row"><div role="rowheader">\(index + 1). \(Card.names[index])</div>
                <div role="cell">\(row.grade)</div><div role="cell">\(row.score) / \(row.max)</div>
                <div role="cell"><p>\(Card.highlight)</p></div></div>
                """
        }.joined(separator: "\n")
        let html = """
            <html><body><main><h1>Utah</h1><p>2023 Report Card on Child &amp; Youth Sex Trafficking</p>
            <div role="table"><div role="rowgroup"><div role="row"><div role="columnheader">Issue</div>
            <div role="columnheader">Grade</div><div role="columnheader">Score</div><div role="columnheader">Highlights</div></div></div>
            <div role="rowgroup">\(rows)</div></div><p>Overall Grade: C</p><p>74.5</p></main></body></html>
            """
        let record = try extractRecord(text: html, source: "card.html")
        Card.expectIssues(record)
        #expect(record.reportCard?.overall.score == 74.5)
    }

    /// An element styled `display: none` (an email's preheader) is never read.
    @Test func anElementStyledDisplayNoneIsNotRead() throws {
        let html = """
            <html><body><div style="display:none;font-size:1px">See how your state scored.</div>
            <div style="DISPLAY: none">Hidden too.</div><p style="color:red">Shown.</p>
            <p style="max-display:none2">Shown as well.</p></body></html>
            """
        let blocks = try MarkupCleaner().clean(text: html, format: .html).blocks
        #expect(blocks.map(\.text) == ["Shown.", "Shown as well."])
    }

    /// A spreadsheet's tab-delimited export quotes a cell that holds a line break: the row goes
    /// on to the line that closes the quote, and the quotes are no part of the cell.
    @Test func aQuotedCellOfATabDelimitedExportSpansLines() throws {
        let text = "Issue\tGrade\tHighlights\r\n1. Criminal Provisions\tB\t\"Policy goals accomplished.\r\nGap remains \"\"here\"\".\"\r\nOverall\tC\t\r\n"
        let blocks = try MarkupCleaner().clean(text: text, format: .text).blocks
        #expect(blocks.map(\.cells) == [
            ["Issue", "Grade", "Highlights"], ["1. Criminal Provisions", "B", "Policy goals accomplished. Gap remains \"here\"."],
            ["Overall", "C", ""],
        ])
    }

    /// A spreadsheet's `State | Utah` row under the title names the card's state.
    @Test func aStateLabelRowNamesTheState() throws {
        var lines = ["2023 Report Card on Child & Youth Sex Trafficking", "State\tUtah", "Issue\tGrade\tScore\tHighlights"]
        for index in Card.names.indices {
            let row = Card.scores[index]
            lines.append("\(index + 1). \(Card.names[index])\t\(row.grade)\t\(row.score)/\(row.max)\t\(Card.highlight)")
        }
        lines.append("Overall Grade\tC\t74.5\t")
        let record = try extractRecord(text: lines.joined(separator: "\n") + "\n", source: "card.txt")
        Card.expectIssues(record)
        #expect(record.state == "Utah")
    }

    /// An extra-credit label written `code: name` gives the name after the colon.
    @Test func aCreditLabelWithAColonGivesTheNameAfterIt() throws {
        var lines = ["2023 Report Card on Child & Youth Sex Trafficking", "Texas", "Issue\tGrade\tScore\tHighlights"]
        for index in Card.names.indices {
            let row = Card.scores[index]
            lines.append("\(index + 1). \(Card.names[index])\t\(row.grade)\t\(row.score)/\(row.max)\t\(Card.highlight)")
        }
        lines += ["Extra Credit\tPoints\tDescription", "CLT: Child Labor Trafficking\t+2\tProtections are extended to child labor trafficking victims.",
                  "Overall Grade\tC\t76.5\t"]
        let record = try extractRecord(text: lines.joined(separator: "\n") + "\n", source: "card.txt")
        let credit = try #require(record.reportCard?.extraCredit.first)
        #expect(credit.code == "CLT")
        #expect(credit.name == "Child Labor Trafficking")
        #expect(credit.points == 2)
    }

    /// OCR's `l` for `1` and `O` for `0` inside a score are the digits, and the table's rules
    /// read as `|` are no words.
    @Test func scoresAsOCRMisreadsTheirDigitsAreRead() throws {
        let misread = ["l5/l7.5", "19.5/27.5", "1O.5/15", "12/15", "8/1O", "9.5/15"]
        var lines = ["TEXAS", "", "2023 REPORT CARD ON CHILD & YOUTH SEX TRAFFICKING", "", "| ISSUE | GRADE | SCORE | HIGHLIGHTS", ""]
        for index in Card.names.indices {
            lines += ["| \(index + 1). \(Card.names[index]) | \(Card.scores[index].grade) | \(misread[index]) | \(Card.highlight)", ""]
        }
        lines += ["OVERALL GRADE C", "74.5"]
        let record = try extractRecord(text: lines.joined(separator: "\n") + "\n", source: "card.txt")
        Card.expectIssues(record)
        #expect(WordStream.ocrNumbers("l4.5/l7.5") == ["14.5", "17.5"])
        #expect(WordStream.ocrNumbers("lO") == nil)
        #expect(WordStream.ocrNumbers("Ol.") == nil)
    }

    /// A grade letter is one scalar, a look-alike of another script included; a name's last
    /// word, read from its end, is its last piece between spaces.
    @Test func quickWordReadingsAgreeWithCharacterOnes() {
        for token in ["BB", "", "C\u{301}", "AB+", "🅱", "Bx"] { #expect(GradeLetter.read(token) == nil) }
        #expect(GradeLetter.read("В")?.letter == "B")
        #expect(GradeLetter.read("Ｆ")?.letter == "F")
        #expect(GradeLetter.read("D")?.letter == "D")
        let names = ["Identification of and", "Criminal Provisions", "of", "", "  ", "Victims and  ", " a b ", "Prevention e\u{301}", "and \u{301}of"]
        for name in names {
            #expect(IssueRowReader.lastWord(of: name) == name.split(separator: " ").last)
        }
    }

    /// A score word reads as the number `Double` reads from it; a word of other bytes, or of
    /// more than twelve, is none.
    @Test func scoreWordsReadAsTheirNumbers() {
        for word in ["16", "17.5", "0.1", "14.25", "007", "99999999.999", "123456789012", "0.3", "2.675", "1.7976"] {
            #expect(WordStream.number(word) == Double(word))
        }
        for word in ["", ".5", "5.", "1.2.3", "1,5", "+2", "1234567890123", "12a", "١٢", "5\u{301}"] {
            #expect(WordStream.number(word) == nil)
        }
    }

    /// A page title's parts are its runs between ` | ` separators, as splitting its characters
    /// at the separator gives them: none empty, and no separator whose space carries a mark.
    @Test func pageTitlePartsAreThoseBetweenSeparators() {
        let titles = [
            "Mississippi | 2021 Report Card | Shared Hope International", " | a | | b | ", "a || b", "a | | | b",
            "no separator", "", " | ", "x \u{301}| y", "x |\u{301} y | z", "Texas | 2022 |",
        ]
        for title in titles {
            #expect(CardHeader.titleParts(title).map(String.init) == title.split(separator: " | ").map(String.init))
        }
    }

    /// A heading word's letters, from its first to its last, in lower case, as its characters
    /// give them whether it is ASCII or not.
    @Test func headingWordsReadAsTheirLetters() {
        let words = [
            ("Grade:", "grade"), ("(OVERALL", "overall"), ("Score)", "score"), ("==", ""), ("", ""), ("Extra-Credit!", "extra-credit"),
            ("Énoncé:", "énoncé"), ("Total\u{301}", "total\u{301}"), ("18+", ""), ("«Final»", "final"),
        ]
        for (word, letters) in words {
            #expect(TableSection.letters(of: word[...]) == letters)
        }
    }

    /// A highlights part ends at its last word, without the bullets, spaces and final period
    /// after it, whatever marks stand on its last characters.
    @Test(arguments: [
        ("victim supports.", "victim supports"), ("victim supports", "victim supports"), ("hearsay exceptions (2019)", "hearsay exceptions (2019)"),
        ("offenses. •", "offenses"), ("offenses -", "offenses"), ("decoy defenses .", "decoy defenses"), ("*", nil), (".", nil),
        ("minors.\u{301}", "minors.\u{301}"), ("reporting e\u{301}", "reporting e\u{301}"), ("care \u{0600}.", "care \u{0600}."),
    ] as [(String, String?)])
    func highlightPartsEndAtTheirLastWord(joined: String, part: String?) {
        #expect(Highlights.part(joined) == part)
    }

    /// A site that names itself only by its logo, an image in the link to its root: the
    /// image's text is the site's name, and a page naming its state nowhere else is the state's.
    @Test func aLogoInTheRootLinkNamesTheSite() throws {
        let html = """
            <html><head><title>HB 12 — Modifies provisions relating to trafficking</title></head><body>
            <div id="header"><a href="/"><img src="/seal.png" alt="Missouri House of Representatives"></a></div>
            <div id="content"><h1>HB 12 — Modifies provisions relating to trafficking</h1>
            <p>This bill provides that a person under 18 years of age shall not be charged with prostitution.</p></div>
            </body></html>
            """
        let record = try extractRecord(text: html, source: "bill.html")
        #expect(record.kind == .unknown)
        #expect(record.state == "Missouri")
    }

    /// A `<header>` inside a `<section>` (an e-book chapter's) is the section's own, read as
    /// content, not dropped as the page's banner; the state given only by the file's `<title>`.
    @Test func aHeaderInsideASectionIsContent() throws {
        let xhtml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Idaho</title></head>
            <body><section epub:type="chapter"><span epub:type="pagebreak" id="page_41"/>
            <header><p>State Statutes Series</p><h1>Responding to Child Victims of Human Trafficking</h1><p>Current Through May 2019</p></header>
            <section><h2>Immunity From Prosecution</h2><p>Citation: Idaho Code § 18-8604</p>
            <p>A victim younger than age 18 shall not be prosecuted for prostitution.</p></section></section></body></html>
            """
        let record = try extractRecord(text: xhtml, source: "chapter.xhtml")
        #expect(record.kind == .statuteSummary)
        #expect(record.title == "Responding to Child Victims of Human Trafficking")
        #expect(record.state == "Idaho")
        #expect(record.date == "2019-05")
        #expect(record.sections.first?.citations.map(\.normalized) == ["Idaho Code § 18-8604"])
    }

    /// The link to a site's root written as a whole address (`https://alaska.gov/`) names the
    /// site as `/` does; a `<title>` that adds the site's name after a dash leaves the headline.
    @Test func aWholeAddressToARootNamesTheSiteAndTheTitlesDashEndsTheHeadline() throws {
        let html = """
            <html><head><title>Human Trafficking: Frequently Asked Questions - Office of Children's Services</title></head><body>
            <div id="top"><a href="https://alaska.gov/"><img src="/logo.png" alt="State of Alaska"></a>
            <a href="https://dfcs.alaska.gov/ocs/">Office of Children's Services</a></div>
            <div id="content"><h1>Human Trafficking: Frequently Asked Questions</h1>
            <h3>How do I report?</h3><p>Call the intake line at any hour, or write to the office by e-mail.</p>
            <p>Last updated: March 2, 2023</p></div></body></html>
            """
        let record = try extractRecord(text: html, source: "faq.html")
        #expect(record.kind == .unknown)
        #expect(record.title == "Human Trafficking: Frequently Asked Questions")
        #expect(record.state == "Alaska")
        #expect(record.date == "2023-03-02")
    }

    /// A breadcrumb trail that ends in the title (`Home › Resources › Title: State`), as a
    /// printed page keeps it, is not the title; the title under it is.
    @Test func aBreadcrumbTrailIsNoTitle() throws {
        let text = """
            An official website of the United States government

            Home › Resources › Definitions of Human Trafficking: Rhode Island

            Definitions of Human Trafficking: Rhode Island

            Current Through March 2022

            Human Trafficking

            Citation: Gen. Laws § 11-67.1-2

            'Human trafficking' means the recruitment or harboring of a person for forced labor.

            """
        let record = try extractRecord(text: text, source: "printed.txt")
        #expect(record.title == "Definitions of Human Trafficking")
        #expect(record.state == "Rhode Island")
        #expect(record.date == "2022-03")
        #expect(record.sections.map(\.heading) == ["Human Trafficking"])
    }

    /// A meeting's date line under its headline (`Thursday, June 23, 2022, 8:30 a.m.`) dates it,
    /// and the publisher's line naming itself by its state (`Wyoming Legislature — 2022
    /// Interim`) gives the state where nothing else does.
    @Test func aMeetingsDateLineAndItsPublishersStateAreRead() throws {
        let markdown = """
            # Joint Judiciary Interim Committee Meeting Agenda

            **Wyoming Legislature — 2022 Interim**

            Thursday, June 23, 2022, 8:30 a.m.
            Room W-3, Capitol Extension, Cheyenne

            | Time | Topic |
            | --- | --- |
            | 8:30 a.m. | Call to order |

            """
        let record = try extractRecord(text: markdown, source: "agenda.md")
        #expect(record.kind == .unknown)
        #expect(record.title == "Joint Judiciary Interim Committee Meeting Agenda")
        #expect(record.state == "Wyoming")
        #expect(record.date == "2022-06-23")
        #expect(HeaderReader.openingDate("June 23, 2022, at the Capitol") == "June 23, 2022")
        #expect(HeaderReader.openingDate("June 23, 2022") == nil, "a date alone is read as a date block")
        #expect(HeaderReader.openingDate("Thursday the court ruled, in 2022, that") == nil)
        #expect(HeaderReader.openingDate("Thursday June 23 2022 at the Capitol") == nil, "no comma after the date")
        #expect(HeaderReader.datelineDate("WASHINGTON, Nov. 15, 2023 — The agency said") == "Nov. 15, 2023")
        #expect(HeaderReader.datelineDate("Washington, Nov. 15, 2023 — The agency said") == nil, "the place is in capitals")
        #expect(HeaderReader.datelineDate("the agency said on Nov. 15, 2023 — that") == nil)
    }

    /// A page that quotes one section of a summary in a `<blockquote>` among its own text is not
    /// the summary (its quoted `Citation:` line is not evidence); a quotation that is most of
    /// the page is what the page is.
    @Test(arguments: [
        ("<p>Caseworkers in our state follow the law below when a report comes in.</p><p>Our staff screen every report the same day.</p>"
            + "<p>Questions go to the regional office.</p>", DocumentKind.unknown),
        ("", DocumentKind.statuteSummary),
    ])
    func aQuotedCitationLineMakesNoSummary(ownText: String, kind: DocumentKind) throws {
        let quote = "<blockquote><h3>Screening and Assessment</h3><p>Citation: Rev. Stat. § 28-712</p>"
            + "<p>The department shall screen a child who is the subject of a report.</p></blockquote>"
        let html = "<html><body><main><h1>What Nebraska Law Requires of Caseworkers</h1>\(ownText)\(quote)</main></body></html>"
        #expect(try extractRecord(text: html, source: "page.html").kind == kind)
    }

    /// A markdown quotation (`> `) is quoted as an HTML `<blockquote>` is: its blocks read
    /// without the marks and marked quoted, so one quoted section among a page's own text makes
    /// no summary. (A quotation that is most of the page is what the page is: the page then
    /// forwards it, and is read as it.)
    @Test(arguments: [
        ("Caseworkers in our state follow the law below when a report comes in.\n\nOur staff screen every report the same day.\n\n"
            + "Questions go to the regional office.\n\nThe office answers within a week.\n\nForms are on the last page.\n\n", DocumentKind.unknown),
        ("", DocumentKind.statuteSummary),
    ])
    func aMarkdownQuotationIsQuoted(ownText: String, kind: DocumentKind) throws {
        let quote = "> ### Screening and Assessment\n>\n> Citation: Rev. Stat. § 28-712\n>\n"
            + "> The department shall screen a child who is the subject of a report.\n"
        let markdown = "# What Nebraska Law Requires of Caseworkers\n\n\(ownText)\(quote)"
        #expect(try extractRecord(text: markdown, source: "page.md").kind == kind)
        let blocks = try MarkupCleaner().clean(text: markdown, format: .markdown).blocks
        #expect(blocks.suffix(3).map(\.text) == [
            "Screening and Assessment", "Citation: Rev. Stat. § 28-712", "The department shall screen a child who is the subject of a report.",
        ])
        guard !ownText.isEmpty else { return }
        #expect(blocks.suffix(3).allSatisfy { $0.isQuoted })
        #expect(!blocks.dropLast(3).contains { $0.isQuoted })
    }

    /// A dateline over the headline (`Newsletter · December 1, 2022`) dates the page, also in an
    /// e-mail's nested layout tables under a row of one cell; so does a labelled date at its end
    /// (`Page last updated: March 14, 2023`) when its top has none.
    @Test(arguments: [
        ("<p>Policy Newsletter &middot; December 1, 2022</p><h1>The cards are out</h1><p>Six states raised their grades this year, and three earned an A.</p>", "2022-12-01"),
        (
            "<table><tr><td><a href=\"https://example.org/view\">View this email in your browser</a></td></tr><tr><td><table><tr><td>"
                + "<p>Policy Newsletter &middot; December 1, 2022</p><h1>The cards are out</h1><p>Six states raised their grades this year, and three earned an A.</p>"
                + "</td></tr></table></td></tr></table>",
            "2022-12-01"
        ),
        ("<h1>The cards are out</h1><p>Six states raised their grades this year, and three earned an A.</p><p>Page last updated: March 14, 2023</p>", "2023-03-14"),
    ])
    func aDatelineOrAPageEndDateDatesThePage(body: String, date: String) throws {
        let record = try extractRecord(text: "<html><body><main>\(body)</main></body></html>", source: "page.html")
        #expect(record.kind == .unknown)
        #expect(record.date == date)
    }

    /// Text in drawing order sets each row's grade and score before its number and name
    /// (`B` / `15/17.5` / `1. Criminal Provisions` / highlights): each row keeps its own.
    @Test func valuesDrawnBeforeEachRowAreThatRowsValues() throws {
        var lines = ["Texas", "2023 Report Card on Child & Youth Sex Trafficking", "", "Issue Grade Score Highlights"]
        for index in Card.names.indices {
            let row = Card.scores[index]
            lines += [row.grade, "\(row.score)/\(row.max)", "\(index + 1). \(Card.names[index])", Card.highlight]
        }
        lines += ["", "OVERALL GRADE", "C", "74.5"]
        let record = try extractRecord(text: lines.joined(separator: "\n") + "\n", source: "card.txt")
        Card.expectIssues(record)
    }

    /// A title that a conversion ran into the final score under it (no blank line between)
    /// ends where the overall heading starts, and the score and grade after it are the card's.
    @Test func aFinalScoreRunIntoTheTitleIsTheOverallGrade() throws {
        var lines = ["Texas", "2023 Report Card on Child & Youth Sex Trafficking", "Final Score: 74.5 (C)", "Issue Grade Score Highlights", ""]
        for index in Card.names.indices {
            let row = Card.scores[index]
            lines += ["\(index + 1). \(Card.names[index]) \(row.grade) \(row.score)/\(row.max)", Card.highlight, ""]
        }
        let record = try extractRecord(text: lines.joined(separator: "\n") + "\n", source: "card.txt")
        #expect(record.title == "Report Card on Child & Youth Sex Trafficking")
        #expect(record.reportCard?.overall.score == 74.5)
        #expect(record.reportCard?.overall.grade?.rawValue == "C")
    }

    /// Extra-credit points drawn before their label (`+2` / `CLT Child Labor Trafficking` /
    /// its description) belong to that row.
    @Test func creditPointsBeforeTheirLabelAreItsPoints() throws {
        var lines = ["Texas", "", "2023 Report Card on Child & Youth Sex Trafficking", ""]
        for index in Card.names.indices {
            let row = Card.scores[index]
            lines += ["\(index + 1). \(Card.names[index]) \(row.grade) \(row.score)/\(row.max)", Card.highlight, ""]
        }
        lines += ["EXTRA CREDIT", "+2", "CLT Child Labor Trafficking", "Protections are extended to child labor trafficking victims.",
                  "", "OVERALL GRADE", "C", "76.5"]
        let record = try extractRecord(text: lines.joined(separator: "\n") + "\n", source: "card.txt")
        let credit = try #require(record.reportCard?.extraCredit.first, "warnings: \(record.warnings)")
        #expect(credit.code == "CLT")
        #expect(credit.name == "Child Labor Trafficking")
        #expect(credit.points == 2)
        #expect(credit.description == "Protections are extended to child labor trafficking victims.")
    }

    /// An issue's number set apart before its name in the name's cell (`1 Criminal
    /// Provisions`, a badge of its own) numbers the row.
    @Test func aBareNumberBeforeTheNameNumbersTheRow() throws {
        let rows = Card.names.indices.map { index -> String in
            let row = Card.scores[index]
            return "<tr><th><span>\(index + 1)</span> \(Card.names[index])</th><td>\(Card.highlight)</td><td>\(row.grade)</td><td>\(row.score)/\(row.max)</td></tr>"
        }.joined(separator: "\n")
        let html = """
            <html><body><main><h1>Utah</h1><p>2023 Report Card on Child &amp; Youth Sex Trafficking</p>
            <table><tr><th>Issue Area</th><th>Highlights</th><th>Grade</th><th>Score</th></tr>\(rows)</table>
            <p>Overall Grade: C</p><p>74.5</p></main></body></html>
            """
        let record = try extractRecord(text: html, source: "card.html")
        Card.expectIssues(record)
    }

    /// Extra-credit points with their sign (`+2`) in a row read as words are its points.
    @Test func signedCreditPointsInARowOfWordsAreItsPoints() throws {
        var lines = ["Texas", "", "2023 Report Card on Child & Youth Sex Trafficking", ""]
        for index in Card.names.indices {
            let row = Card.scores[index]
            lines += ["\(index + 1). \(Card.names[index]) \(row.grade) \(row.score)/\(row.max)", Card.highlight, ""]
        }
        lines += ["EXTRA CREDIT", "", "18+", "", "18+ Youth", "", "+2", "", "Protections are extended to sex trafficked youth.", "",
                  "OVERALL GRADE", "C", "76.5"]
        let record = try extractRecord(text: lines.joined(separator: "\n") + "\n", source: "card.txt")
        let credit = try #require(record.reportCard?.extraCredit.first, "warnings: \(record.warnings)")
        #expect(credit.code == "18+")
        #expect(credit.name == "18+ Youth")
        #expect(credit.points == 2)
        #expect(record.reportCard?.checks.totalMatchesSum == true)
    }

    /// The running header a page break set after a row's last sentence (the card's title) is
    /// no part of the row's highlights, nor a footer's web address of an extra-credit row's
    /// description.
    @Test func aRunningHeaderAfterARowsLastSentenceIsDropped() throws {
        var lines = ["Texas", "", "2023 Report Card on Child & Youth Sex Trafficking", ""]
        for index in Card.names.indices {
            let row = Card.scores[index]
            lines += ["\(index + 1). \(Card.names[index]) \(row.grade) \(row.score)/\(row.max)", Card.highlight]
            if index == 2 { lines += ["TEXAS 2023 REPORT CARD ISSUE GRADE SCORE HIGHLIGHTS"] }
            lines += [""]
        }
        lines += ["EXTRA CREDIT", "CLT Child Labor Trafficking +2 Protections are extended to child labor trafficking victims.",
                  "reportcards.example.org", "", "OVERALL GRADE", "C", "76.5"]
        let record = try extractRecord(text: lines.joined(separator: "\n") + "\n", source: "card.txt")
        Card.expectIssues(record)
        #expect(record.reportCard?.extraCredit.first?.description == "Protections are extended to child labor trafficking victims.")
        #expect(WordStream.isWebAddress("reportcards.sharedhope.org"))
        #expect(!WordStream.isWebAddress("U.S.C."))
        #expect(!WordStream.isWebAddress("defenses."))
    }

    /// A card that prints its overall grade under the title and its final score after the
    /// table: both are read.
    @Test func anOverallGradeAboveAndAFinalScoreBelowAreBothRead() throws {
        var lines = ["TEXAS", "", "2023 REPORT CARD ON CHILD & YOUTH SEX TRAFFICKING", "", "OVERALL GRADE", "", "C", ""]
        for index in Card.names.indices {
            let row = Card.scores[index]
            lines += ["\(index + 1). \(Card.names[index])", "", row.grade, "", row.score, "", "/ \(row.max)", "", Card.highlight, ""]
        }
        lines += ["FINAL SCORE", "", "74.5"]
        let record = try extractRecord(text: lines.joined(separator: "\n") + "\n", source: "card.md")
        Card.expectIssues(record)
        #expect(record.reportCard?.overall.score == 74.5)
        #expect(record.reportCard?.overall.grade?.rawValue == "C")
    }

    /// A table that lays out text (a label beside paragraphs, or paragraphs alone in a cell) is
    /// read as the headings and paragraphs it holds; a table of data stays rows.
    @Test func aTableThatLaysOutParagraphsIsReadAsThem() throws {
        let html = """
            <html><body><main><table>
            <tr><td><p><b>Screening</b></p></td><td><p><b>Citation:</b> Rev. Stat. &sect; 1</p><p>The department shall screen.</p></td></tr>
            <tr><td><p>Dateline &middot; May 2022</p><p>Prose.</p></td></tr>
            <tr><td>1. Criminal</td><td>B</td><td><p>One.</p><p>Two.</p></td></tr>
            </table></main></body></html>
            """
        let blocks = try MarkupCleaner().clean(text: html, format: .html).blocks
        #expect(blocks.map(\.text) == [
            "Screening", "Citation: Rev. Stat. § 1", "The department shall screen.", "Dateline · May 2022", "Prose.",
            "1. Criminal\tB\tOne. Two.",
        ])
        #expect(blocks.first?.headingLevel == 3)
    }

    /// The reproduction notice set after a page's content (not in its footer) is furniture.
    @Test func theReproductionNoticeAfterAPagesContentIsDropped() throws {
        let html = """
            <html><body><h1>Responding to Child Victims of Human Trafficking</h1><p>The department shall screen.</p>
            <p><small>This material may be freely reproduced and distributed. However, when doing so, please credit Child Welfare Information Gateway.</small></p>
            </body></html>
            """
        let blocks = try MarkupCleaner().clean(text: html, format: .html).blocks
        #expect(blocks.map(\.text) == ["Responding to Child Victims of Human Trafficking", "The department shall screen."])
    }

    /// A legislature's page speaks for the session it names (`2024 Regular Session`).
    @Test func aLegislativeSessionDatesALegislaturesPage() throws {
        let html = """
            <html><body><div id="content"><p>2024 Regular Session</p><h1>HB 12 — Modifies provisions relating to trafficking</h1>
            <p>This bill provides that a person under 18 years of age shall not be charged with prostitution.</p></div></body></html>
            """
        let record = try extractRecord(text: html, source: "bill.html")
        #expect(record.year == 2024)
        #expect(record.date == "2024")
        #expect(LexpipeExtraction.HeaderReader.sessionYear("2024 Regular Session") == "2024")
        #expect(LexpipeExtraction.HeaderReader.sessionYear("2024 Annual Report") == nil)
        #expect(LexpipeExtraction.HeaderReader.sessionYear("  2023 Special Session") == "2023", "spaces before it are no word")
        #expect(LexpipeExtraction.HeaderReader.sessionYear("Session 2024") == nil)
        #expect(LexpipeExtraction.HeaderReader.sessionYear("20245 Regular Session") == nil)
    }

    /// An overall grade in a box beside the title, which the layout reads before the title,
    /// is the card's stated grade.
    @Test func anOverallGradeBeforeTheTitleIsStated() throws {
        let record = try extractRecord(text: CardAndPageLayoutTests.boxedCard, source: "card.html")
        #expect(record.reportCard?.overall.grade?.rawValue == "C")
        #expect(record.reportCard?.overall.gradeSource == .stated)
    }

    /// A card whose rows each stand over their highlights (a table of one row, then a
    /// paragraph), its extra credit labelled by headings after the last row.
    static let boxedCard: String = {
        let rows = Card.names.indices.map { index -> String in
            let row = Card.scores[index]
            return "<table><tr><td>\(index + 1)</td><td>\(Card.names[index])</td><td>\(row.grade)</td><td>\(row.score) / \(row.max)</td></tr></table><p>\(Card.highlight)</p>"
        }.joined(separator: "\n")
        return """
            <html><body><main><h1>IOWA</h1><p>OVERALL GRADE</p><h2>C</h2><h3>2022 Report Card on Child &amp; Youth Sex Trafficking</h3>
            <p>Final Score 76</p>
            \(rows)
            <h4>EXTRA CREDIT</h4><h5>18+ 18+ Youth</h5><h5>+1.5</h5><p>Protections are extended to sex trafficked youth.</p>
            </main></body></html>
            """
    }()

    /// Rows each followed by their highlights in a paragraph: the last row keeps its
    /// paragraph, and extra credit labelled by headings after it (the credit's label a smaller
    /// heading than the `EXTRA CREDIT` label) is read.
    @Test func theLastRowKeepsItsHighlightsAndTheCreditAfterItIsRead() throws {
        let record = try extractRecord(text: CardAndPageLayoutTests.boxedCard, source: "card.html")
        Card.expectIssues(record)
        let credit = try #require(record.reportCard?.extraCredit.first, "warnings: \(record.warnings)")
        #expect(credit.code == "18+")
        #expect(credit.name == "18+ Youth")
        #expect(credit.points == 1.5)
        #expect(record.reportCard?.checks.totalMatchesSum == true)
    }

    /// A card as `pdftotext -layout` sets a table of text columns: each row's cells at the
    /// columns of the header (issue, grade, score, highlights), the highlights wrapped in their
    /// column; `highlight(index)` gives each row's highlights.
    static func layoutCard(score: (Int) -> String, highlight: (Int) -> String) -> String {
        let columns = [4, 57, 65, 81]
        /// The cells set at their columns; a cell wider than its column runs into the next one,
        /// as the page drew it.
        func line(_ cells: [String]) -> String {
            var text = ""
            for (cell, column) in zip(cells, columns) where !cell.isEmpty {
                text += String(repeating: " ", count: max(0, column - text.count)) + cell
            }
            return text
        }
        func wrapped(_ text: String, width: Int) -> [String] {
            var lines = [""]
            for word in text.split(separator: " ") {
                if !lines[lines.count - 1].isEmpty, lines[lines.count - 1].count + 1 + word.count > width { lines.append("") }
                lines[lines.count - 1] += (lines[lines.count - 1].isEmpty ? "" : " ") + word
            }
            return lines
        }
        var lines = [
            "", "                              Texas: 2023 Report Card on Child & Youth Sex Trafficking", "",
            "                                                  FINAL SCORE      FINAL GRADE",
            "                                                        74.5        C", "",
            line(["Issue", "Grade", "Score", "Highlights"]), "",
        ]
        for index in Card.names.indices {
            let text = wrapped(highlight(index), width: 48)
            let name = wrapped("\(index + 1). \(Card.names[index])", width: 50)
            lines.append(line([name[0], Card.scores[index].grade, score(index), text[0]]))
            for next in 1..<max(name.count, text.count) {
                lines.append(line([next < name.count ? name[next] : "", "", "", next < text.count ? text[next] : ""]))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A score as wide as its column (`19.5 out of 27.5`) runs into the highlights beside it
    /// (`27.5Policy`): the number and the word are read apart.
    @Test func aScoreRunIntoTheHighlightsIsReadApart() throws {
        let text = CardAndPageLayoutTests.layoutCard(
            score: { "\(Card.scores[$0].score) out of \(Card.scores[$0].max)" }, highlight: { _ in Card.highlight }
        )
        #expect(text.contains("27.5Policy"))
        let record = try extractRecord(text: text, source: "card.txt")
        Card.expectIssues(record)
        #expect(WordStream.words("19.5 out of 27.5Policy goals"[...]) == ["19.5", "out", "of", "27.5", "Policy", "goals"])
        for word in ["3D", "2nd", "1990s", "18+", "4K", "2.Policy"] {
            #expect(WordStream.words(word[...]) == [word[...]], "\(word)")
        }
    }

    /// A table read from a paragraph's columns whose last row is a line of its own (its
    /// highlights short enough for one line) keeps that row.
    @Test func aLastRowOfOneLineAfterColumnRowsIsRead() throws {
        let short = "Gap remains related to statutes of limitation."
        let text = CardAndPageLayoutTests.layoutCard(
            score: { "\(Card.scores[$0].score)/\(Card.scores[$0].max)" },
            highlight: { $0 == Card.names.count - 1 ? short : Card.highlight }
        )
        let record = try extractRecord(text: text, source: "card.txt")
        let issues = record.reportCard?.issues ?? []
        #expect(issues.map(\.name) == Card.names, "warnings: \(record.warnings)")
        #expect(issues.map(\.maxScore) == Card.scores.map { Double($0.max) })
        #expect(issues.last?.gaps == "statutes of limitation")
        #expect(issues.last?.accomplished == nil)
        #expect(issues.dropLast().allSatisfy { $0.accomplished == Card.accomplished && $0.gaps == Card.gaps })
    }

    /// A Protected Innocence Challenge title over its state and year lines (one paragraph of
    /// plain text): a state whose name holds a short word (`District of Columbia`) is named.
    @Test func aStateWithAShortWordInItsNameIsReadFromThePICTitle() throws {
        #expect(ReportCardExtractor.splitTitle("Protected Innocence Challenge District of Columbia Report Card 2016").state
            == "District of Columbia")
        #expect(ReportCardExtractor.splitTitle("The Protected Innocence Challenge Report Card for Texas").state == "Texas")
        let text = """

                                      Protected Innocence Challenge
                                      District of Columbia
                                      Report Card 2016

                                                          FINAL SCORE      FINAL GRADE
                                                                68          D

            1. Criminalization of Domestic Minor Sex Trafficking 8/10
            2. Criminal Provisions Addressing Demand 20/25
            3. Criminal Provisions for Traffickers 10/15
            4. Criminal Provisions for Facilitators 7/10
            5. Protective Provisions for the Child Victims 15/27.5
            6. Criminal Justice Tools for Investigation and Prosecution 8/15

            """
        let record = try extractRecord(text: text, source: "dc-pic.txt")
        #expect(record.kind == .reportCard, "warnings: \(record.warnings)")
        #expect(record.state == "District of Columbia")
        #expect(record.stateCode == "DC")
        #expect(record.year == 2016)
    }

    /// A bare page (no `<main>`, no `<article>`) of a card whose only line of prose is its
    /// subtitle (`PROTECTED INNOCENCE CHALLENGE`), the rest headings and short cells: too little
    /// prose to find the content by, so the whole page is read, grade table included. With a
    /// sentence after the table (`LEARN MORE`), no paragraph alone is the content either: the
    /// page has no container of its prose short of the whole.
    @Test(arguments: ["", "<h2>LEARN MORE</h2><p>To see how Kentucky compares, visit reportcards.example.org/toolkit.</p>"])
    func aPageWithTooLittleProseIsReadWhole(trailer: String) throws {
        let areas = ProtectedInnocenceForm.areas
        func points(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        let rows = areas.indices.map { index in
            "<div class=\"issue\"><h3>\(index + 1). \(areas[index])</h3><div class=\"grade\">\(ProtectedInnocenceForm.grades[index].rawValue)</div>"
                + "<div class=\"score\">\(points(ProtectedInnocenceForm.scores[index]))/\(points(ProtectedInnocenceForm.maxima[index]))</div></div>"
        }.joined(separator: "\n")
        let html = """
            <html><body>
            <h1>KENTUCKY</h1>
            <p class="sub">PROTECTED INNOCENCE CHALLENGE</p>
            <p class="sub">2015 Report Card</p>
            \(rows)
            <p class="final">Total Score 68</p>
            <p class="overall">Overall Grade: D</p>
            \(trailer)</body></html>
            """
        let blocks = try MarkupCleaner().clean(text: html, format: .html).blocks
        #expect(blocks.count == 5 + 3 * areas.count + (trailer.isEmpty ? 0 : 2))
        let record = try extractRecord(text: html, source: "ky-pic.html")
        #expect(record.kind == .reportCard, "warnings: \(record.warnings)")
        #expect(record.state == "Kentucky")
        #expect(record.year == 2015)
        #expect(record.reportCard?.issues.map(\.name) == areas)
        #expect(record.reportCard?.issues.map(\.maxScore) == ProtectedInnocenceForm.maxima)
    }

    /// A `-layout` card without grades or highlights (a Protected Innocence Challenge card)
    /// whose names wrap below their scores: the words after a row's score, in a name's title
    /// case, end its name.
    @Test func aNameWrappedBelowItsScoreEndsTheName() throws {
        let areas = ProtectedInnocenceForm.areas
        var lines = ["TEXAS", "", "Protected Innocence Challenge 2015 Report Card", "", "    Area                                                         Score", ""]
        for index in areas.indices {
            let name = "\(index + 1). \(areas[index])"
            let score = "\(ProtectedInnocenceForm.scores[index]) out of \(ProtectedInnocenceForm.maxima[index])"
            let cut = name.count > 50 ? name[..<name.index(name.startIndex, offsetBy: 50)].lastIndex(of: " ")! : name.endIndex
            let first = "    " + name[..<cut]
            lines.append(first + String(repeating: " ", count: 65 - first.count) + score)
            if cut < name.endIndex { lines.append("    " + name[name.index(after: cut)...]) }
            lines.append("")
        }
        lines += ["FINAL SCORE: 68", ""]
        let record = try extractRecord(text: lines.joined(separator: "\n"), source: "tx-pic.txt")
        #expect(record.reportCard?.issues.map(\.name) == areas, "warnings: \(record.warnings)")
        #expect(record.reportCard?.issues.map(\.maxScore) == ProtectedInnocenceForm.maxima)
        #expect(IssueRowReader.isNameContinuation(["Response", "to", "Victims"]))
        #expect(!IssueRowReader.isNameContinuation(["Needs", "improvement"]))
    }

    /// The cells of a table read from a paragraph's columns are folded as a paragraph is:
    /// typographic quotes straightened.
    @Test func columnCellsAreFoldedAsParagraphsAre() throws {
        let text = CardAndPageLayoutTests.layoutCard(
            score: { "\(Card.scores[$0].score)/\(Card.scores[$0].max)" },
            highlight: { _ in "Policy goals accomplished in areas related to crime victims\u{2019} compensation. Gap remains related to statutes of limitation." }
        )
        let record = try extractRecord(text: text, source: "card.txt")
        #expect(record.reportCard?.issues.map(\.accomplished) == Array(repeating: "crime victims' compensation", count: 6))
    }
}
