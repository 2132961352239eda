@testable import LexpipeIngest
@testable import LexpipeMarkup
import LexpipePipeline
import LexpipeRecord
import Testing

// Forms that converters and text browsers give documents: a spreadsheet's CSV with a title
// row, a slide deck's markdown with raw HTML tables, UnRTF's banner, badge images, `lynx -dump`
// link numbers, `w3m -dump` box-drawn tables, text without blank lines. Each test holds one rule.

/// A six-issue card's rows: name, grade, score and maximum.
private enum SixIssues {
    static let rows: [(name: String, grade: String, score: String, max: String)] = [
        ("Criminal Provisions", "B", "15", "17.5"),
        ("Identification of and Response to Victims", "C", "20.5", "27.5"),
        ("Continuum of Care", "D", "9.5", "15"),
        ("Access to Justice for Trafficking Survivors", "B", "12", "15"),
        ("Tools for a Victim-Centered Criminal Justice Response", "C", "7.5", "10"),
        ("Prevention and Training", "C", "10.5", "15"),
    ]

    static func expectIssues(_ record: DocumentRecord, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(record.kind == .reportCard, "warnings: \(record.warnings)", sourceLocation: sourceLocation)
        let issues = record.reportCard?.issues ?? []
        #expect(issues.map(\.name) == rows.map(\.name), sourceLocation: sourceLocation)
        #expect(issues.map { $0.grade?.rawValue } == rows.map(\.grade), sourceLocation: sourceLocation)
        #expect(issues.map(\.score) == rows.map { Double($0.score) }, sourceLocation: sourceLocation)
        #expect(issues.map(\.maxScore) == rows.map { Double($0.max) }, sourceLocation: sourceLocation)
    }
}

/// A two-section statute summary's parts.
private enum TwoSections {
    static let headings = ["Immunity From Prosecution", "Services and Supports for Victims"]
    static let citations = ["Ky. Rev. Stat. Ann. § 529.120", "Ky. Rev. Stat. Ann. § 620.029"]
    static let texts = [
        "A person under the age of 18 shall not be prosecuted for prostitution or loitering for prostitution purposes.",
        "The cabinet shall develop a protocol for the investigation of reports of a child who is a victim of human trafficking, and shall provide for the child's safety and for appropriate services.",
    ]

    static func expectSections(_ record: DocumentRecord, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(record.kind == .statuteSummary, "warnings: \(record.warnings)", sourceLocation: sourceLocation)
        #expect(record.title == "Responding to Child Victims of Human Trafficking", sourceLocation: sourceLocation)
        #expect(record.state == "Kentucky", sourceLocation: sourceLocation)
        #expect(record.date == "2021-05", sourceLocation: sourceLocation)
        #expect(record.sections.map(\.heading) == headings, sourceLocation: sourceLocation)
        #expect(record.sections.map { $0.citations.map(\.normalized) } == citations.map { [$0] }, sourceLocation: sourceLocation)
        #expect(record.sections.map(\.text) == texts, sourceLocation: sourceLocation)
    }
}

@Suite("Layouts of converters' and text browsers' output")
struct ConvertedTextLayoutTests {

    /// A page's footer between a list's lead-in and its items (a page broke there): the list
    /// is the section's, not a page's menu after the last section.
    @Test func aListLedInAcrossAPageFooterIsTheSections() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - Kentucky

            Current Through May 2021

            Affirmative Defense

            Citation: Rev. Stat. § 613.089

            Such services may include:

            Child Welfare Information Gateway https://www.childwelfare.gov 2

            - Victim advocacy
            - Case management
            - Family reunification services

            A multidisciplinary team shall be convened.
            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.text) == [
            "Such services may include:\n\nVictim advocacy\n\nCase management\n\nFamily reunification services\n\nA multidisciplinary team shall be convened.",
        ])
        #expect(!record.warnings.contains { $0.contains("after the last section") }, "\(record.warnings)")
    }

    /// A conversion that lost its ligatures everywhere lost them in code names too (`S.D.
    /// Codied Laws`): given back there, the citation is the code the table knows.
    @Test func aCodeNameThatLostALigatureIsGivenItBack() throws {
        let text = """
            Responding to Child Victims of Human Trafcking - South Dakota

            Date: May 2020

            Identication of Victims

            Citation: S.D. Codied Laws § 26-8A-2

            A child identied as a victim of trafcking is eligible for the benets and services
            specied in this section. The ofcer shall conrm the childs identity. No specic
            protocol is dened for trafcked youth.
            """
        let record = try extractRecord(text: text, source: "summary.txt")
        let citation = try #require(record.sections.first?.citations.first)
        #expect(citation.raw == "S.D. Codified Laws § 26-8A-2")
        #expect(citation.normalized == "S.D. Codified Laws § 26-8A-2")
        #expect(citation.jurisdiction == "SD")
        #expect(!record.warnings.contains { $0.contains("not in the code-name table") }, "\(record.warnings)")
    }

    /// A card's numbered issue lines at the margin, each with its highlights as indented
    /// bullets under it: an issue's line after the last bullet of the one before opens a line
    /// of its own, not that bullet's next line (whose text it ran into, leaving a stray number).
    @Test func numberedIssueLinesUnderIndentedBulletsAreRowsOfTheirOwn() throws {
        let text = """
            AMERICAN SAMOA
            2023 Report Card on Child & Youth Sex Trafficking

            OVERALL GRADE

            C

            75.5

            1. Criminal Provisions — C — 12.5 of 17.5
                - Policy goals accomplished in areas related to sex trafficking definitions, business entity liability under the trafficking law, and mistake of age defenses.
                - Gap remains related to decoy defenses.
            2. Identification of and Response to Victims — B — 23 of 27.5
                - Policy goals accomplished in areas related to screening through child welfare and the juvenile justice system and child abuse definitions.
                - Gap remains related to non-familial trafficking cases.
            3. Continuum of Care — C — 11.5 of 15
                - Policy goals accomplished in areas related to services through the juvenile justice system, services through a non-punitive system, and community-based services.
                - Gap remains related to appropriations.
            4. Access to Justice for Trafficking Survivors — F — 7 of 15
                - Gaps remain in areas related to statutes of limitation and vacatur.
                - Policy goals accomplished in areas related to civil orders of protection and restitution.
            5. Tools for a Victim-Centered Criminal Justice Response — A — 9 of 10
                - Policy goal accomplished related to victim supports.
                - Gap remains related to victim-witness confidentiality.
            6. Prevention and Training — D — 9 of 15
                - Gaps remain in areas related to training for prosecutors and training for school personnel.
                - Policy goals accomplished in areas related to training for juvenile justice agencies, training for child welfare, and prevention education in schools.

            """
        let record = try extractRecord(text: text, source: "card.txt")
        let issues = record.reportCard?.issues ?? []
        #expect(issues.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(issues.map(\.name) == [
            "Criminal Provisions", "Identification of and Response to Victims", "Continuum of Care",
            "Access to Justice for Trafficking Survivors", "Tools for a Victim-Centered Criminal Justice Response",
            "Prevention and Training",
        ])
        #expect(issues[1].accomplished == "screening through child welfare and the juvenile justice system and child abuse definitions")
        #expect(issues[4].accomplished == "victim supports")
        #expect(issues[4].gaps == "victim-witness confidentiality")
    }

    /// The last section's list of short items that a line ending in `:` leads into, after a
    /// short citation line: the summary's, not a run of a page's links after it.
    @Test func aLedInListOfShortItemsInTheLastSectionIsTheSections() throws {
        let html = """
            <html><head><title>Responding to Child Victims of Human Trafficking - Maine</title></head><body><main>
            <h1>Responding to Child Victims of Human Trafficking - Maine</h1>
            <p>Date: May 2024</p>
            <h2>Case Planning</h2>
            <p><b>Citation:</b> Rev. Stat. Tit. 22, &sect; 4004</p>
            <p>The department shall develop a case plan for every child victim.</p>
            <h2>Definitions</h2>
            <p><b>Citation(s):</b> Rev. Stat. Tit. 17-A, &sect; 852;<br>
            Rev. Stat. Tit. 15, &sect; 3003-A</p>
            <p>The protocol must address the following:</p>
            <ul><li>Independent living services</li><li>Family reunification services</li><li>Dental care</li><li>Transportation</li></ul>
            <p>The department shall coordinate the response.</p>
            </main></body></html>
            """
        let record = try extractRecord(text: html, source: "summary.html")
        #expect(record.sections.map(\.heading) == ["Case Planning", "Definitions"])
        #expect(record.sections.last?.citations.map(\.normalized) == ["Me. Rev. Stat. Ann. tit. 17-A, § 852", "Me. Rev. Stat. Ann. tit. 15, § 3003-A"])
        #expect(record.sections.last?.text == "The protocol must address the following:\n\nIndependent living services\n\nFamily reunification services\n\nDental care\n\nTransportation\n\nThe department shall coordinate the response.")
        #expect(record.warnings.isEmpty, "\(record.warnings)")
    }

    /// A conversion that lost the title's `fi` ligature (`Human Trafcking`) while the running
    /// header over the next page kept it: the header is the title all the same, not a section's
    /// text or heading.
    @Test func aRunningHeaderKeepingTheLigatureTheTitleLostIsDropped() throws {
        let text = """
            Responding to Child Victims of Human Trafcking - Arkansas

            Date: December 2016

            Mandated Reporter Training

            Citation: Ann. Code § 12-18-402

            The individuals defined above are eligible for the same child protective
            services as any other abused or neglected child.

            Responding to Child Victims of Human Trafficking - Arkansas
            https://www.childwelfare.gov/resources/arkansas/

            Guardian ad Litem Appointments

            Citation: Ann. Code § 9-27-316

            A guardian ad litem is appointed for every child victim.
            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.title == "Responding to Child Victims of Human Trafficking")
        #expect(record.sections.map(\.heading) == ["Mandated Reporter Training", "Guardian ad Litem Appointments"])
        #expect(record.sections.first?.text == "The individuals defined above are eligible for the same child protective services as any other abused or neglected child.")
    }

    /// A spreadsheet saved as CSV whose first row is a title in its first cell (the row's
    /// other cells empty) is a document, not data; its records are a card's rows.
    @Test func aCSVExportOpeningWithATitleRowIsADocument() throws {
        let rows = SixIssues.rows.enumerated().map { "\($0.offset + 1),\($0.element.name),\($0.element.grade),\($0.element.score),\($0.element.max)" }
        let csv = (["Maine,,,,", "2023 Report Card on Child & Youth Sex Trafficking,,,,", ",,,,", "#,Issue,Grade,Points earned,Points possible"]
            + rows + [",,,,", "Overall grade,,C,75,100"]).joined(separator: "\n") + "\n"
        let record = try extractRecord(text: csv, source: "card.csv")
        SixIssues.expectIssues(record)
        #expect(record.state == "Maine")
        #expect(record.reportCard?.overall.score == 75)
        // Data with a header row is still refused.
        #expect(TableDetector.describe("state,year,grade\nMaine,2023,C\nOhio,2023,B\nIowa,2023,C\n") != nil)
    }

    /// A converter's markdown that carries raw HTML blocks (markitdown's slide tables) is
    /// markdown when ATX headings stand before the first block tag and after one.
    @Test func markdownWithRawHTMLTablesIsMarkdown() throws {
        let table = "<html><body><table><tr><th>Issue</th><th>Grade</th></tr><tr><td>1. Criminal Provisions</td><td>B</td></tr></table></body></html>"
        #expect(FormatDetector.detect("<!-- Slide number: 1 -->\n# South Dakota\n\n<!-- Slide number: 2 -->\n# Grades\n\(table)\n\n<!-- Slide number: 3 -->\n# Next Steps\n", fileName: "deck.md") == .markdown)
        #expect(FormatDetector.detect("<div><p>Intro</p></div>\n# not a heading\n\(table)\n", fileName: "page.html") == .html)
        #expect(FormatDetector.detect("## KANSAS\n\n<div><p>One</p><p>Two</p></div>\n\(table)\n", fileName: "page") == .html)
    }

    /// UnRTF's banner (`###` lines over a rule of dashes) is the conversion's, not the
    /// document's: no heading, no title; with spaces left at the lines' ends too.
    @Test(arguments: ["", "   "])
    func unRTFsBannerIsNoPartOfTheDocument(lineEnd: String) throws {
        let text = withTrailingSpaces(lineEnd, """
            ###  Translation from RTF performed by UnRTF, version 0.21.10
            ### font table contains 4 fonts total
            ### title: Responding to Child Victims of Human Trafficking: Kentucky
            -----------------
            STATE STATUTES SERIES
            Current Through May 2021

            Responding to Child Victims of Human Trafficking: Kentucky

            Immunity From Prosecution
            Citation: Rev. Stat. § 529.120
            \(TwoSections.texts[0])

            Services and Supports for Victims
            Citation: Rev. Stat. § 620.029
            \(TwoSections.texts[1])

            """)
        let document = try Ingestor(maxDocumentBytes: 1 << 20).ingest(bytes: Array(text.utf8), source: "summary.txt")
        #expect(document.format == .text)
        #expect(document.text.utf8.count == text.utf8.count)
        TwoSections.expectSections(try extractRecord(text: text, source: "summary.txt"))
    }

    /// An image that stands for a word (a grade's badge, `alt="B"`) reads as its `alt`.
    @Test func aGradeBadgeImageReadsAsItsLetter() throws {
        let rows = SixIssues.rows.enumerated().map {
            "<tr><td>\($0.offset + 1). \($0.element.name)</td><td>\($0.element.score) / \($0.element.max)</td><td><img src=\"g.png\" alt=\"\($0.element.grade)\"></td></tr>"
        }.joined(separator: "\n")
        let html = """
            <html><body><main><h1>Maine</h1><p>2023 Report Card on Child &amp; Youth Sex Trafficking</p>
            <table><tr><th>Issue</th><th>Score</th><th>Grade</th></tr>
            \(rows)</table>
            <a href="https://example.org/"><img src="logo.png" alt="Logo"></a></main></body></html>
            """
        let record = try extractRecord(text: html, source: "card.html")
        SixIssues.expectIssues(record)
        #expect(record.reportCard?.issues.allSatisfy { $0.gradeSource == .stated } == true)
        #expect(HTMLBlockBuilder.standsForAWord(" A+ "))
        #expect(!HTMLBlockBuilder.standsForAWord("Grade badge"))
    }

    /// `lynx -dump`'s numbered links (`[14]Rev. Stat.`) and its `References` list of their
    /// addresses are the browser's, not the page's.
    @Test(arguments: ["", "   "])
    func lynxLinkNumbersAndReferencesAreDropped(lineEnd: String) throws {
        let text = withTrailingSpaces(lineEnd, """
               [1]Skip to main content

               [2]Home > [3]Resources > Kentucky

            Responding to Child Victims of Human Trafficking: Kentucky

               STATE STATUTES SERIES

               Current Through May 2021

            Immunity From Prosecution

               Citation: [4]Rev. Stat. § 529.120

               \(TwoSections.texts[0])

            Services and Supports for Victims

               Citation: [5]Rev. Stat. § 620.029

               \(TwoSections.texts[1])

            References

               1. https://www.example.gov/#main-content
               2. https://www.example.gov/
               3. https://www.example.gov/resources/
               4. https://apps.legislature.ky.gov/law/statutes/statute.aspx?id=40316
               5. https://apps.legislature.ky.gov/law/statutes/statute.aspx?id=50979

            """)
        TwoSections.expectSections(try extractRecord(text: text, source: "summary.txt"))
        #expect(MarkupCleaner.withoutLinkReferences("See [1] below.\n\nReferences\n\nNot a list of links.\n") == nil)
    }

    /// In a `lynx -dump`, a skip link alone on its line above the title is no title, the
    /// page's closing sentence sending the reader to a link (`visit [6]State Statutes Search.`)
    /// no text of the last section, and the footer's links after it no text either; the dump
    /// reads the same with CRLF line ends.
    @Test func lynxSkipLinkClosingPointerAndFooterLinksAreNoText() throws {
        let text = """
               [1]Skip to main content

            Responding to Child Victims of Human Trafficking: Kentucky

               Current Through May 2021

            Immunity From Prosecution

               Citation: [2]Rev. Stat. § 529.120

               \(TwoSections.texts[0])

            Services and Supports for Victims

               Citation: [3]Rev. Stat. § 620.029

               \(TwoSections.texts[1])

               To view the statute summaries for all States and territories, visit
               [4]State Statutes Search.

                 * [5]About Us
                 * [6]Contact Us
                 * [7]Privacy Policy

            References

               1. https://www.example.gov/#main-content
               2. https://apps.legislature.ky.gov/law/statutes/statute.aspx?id=40316
               3. https://apps.legislature.ky.gov/law/statutes/statute.aspx?id=50979
               4. https://www.example.gov/state-statutes-search/
               5. https://www.example.gov/about/
               6. https://www.example.gov/contact-us/
               7. https://www.example.gov/privacy-policy/

            """
        for document in [text, text.replacing("\n", with: "\r\n")] {
            let record = try extractRecord(text: document, source: "summary.txt")
            #expect(record.title == "Responding to Child Victims of Human Trafficking")
            TwoSections.expectSections(record)
            let cleaned = try #require(MarkupCleaner.withoutLinkReferences(document))
            #expect(cleaned.utf8.count == document.utf8.count)
            #expect(!cleaned.contains("Skip to") && !cleaned.contains("To view"))
        }
        // A sentence that cites a law through a link, or says more after it, stays.
        let kept = "   Citation: [1]Rev. Stat. § 1\n\n   As defined in [2]Rev. Stat. § 2. The rest.\n\n   Or visit [3]the office. Then call.\n\nReferences\n\n   1. https://a.gov/1\n   2. https://a.gov/2\n   3. https://a.gov/3\n"
        let cleaned = try #require(MarkupCleaner.withoutLinkReferences(kept))
        #expect(cleaned.contains("As defined in") && cleaned.contains("Or visit") && cleaned.contains("the office. Then call."))
    }

    /// A table drawn in box-drawing characters (`w3m -dump`) is a table; a row of a short
    /// label beside paragraphs reads as a heading and its paragraphs.
    @Test func aBoxDrawnTableOfSectionsIsReadAsSections() throws {
        func row(_ label: [String], _ lines: [String]) -> [String] {
            (0..<max(label.count, lines.count)).map { index in
                let left = index < label.count ? label[index] : ""
                let right = index < lines.count ? lines[index] : ""
                return "│" + left.padding(toLength: 20, withPad: " ", startingAt: 0) + "│" + right.padding(toLength: 60, withPad: " ", startingAt: 0) + "│"
            }
        }
        func wrapped(_ text: String) -> [String] {
            var lines: [String] = [], line = ""
            for word in text.split(separator: " ") {
                if !line.isEmpty, line.count + 1 + word.count > 60 { lines.append(line); line = "" }
                line += (line.isEmpty ? "" : " ") + word
            }
            return lines + [line]
        }
        let rule = { (left: String, join: String, right: String) in left + String(repeating: "─", count: 20) + join + String(repeating: "─", count: 60) + right }
        let citations = ["Citation: Rev. Stat. § 529.120", "Citation: Rev. Stat. § 620.029"]
        var lines = ["STATE STATUTES SERIES", "Current Through May 2021", "", "Responding to Child Victims of Human Trafficking", "", "Kentucky", ""]
        lines.append(rule("┌", "┬", "┐"))
        lines += row(["Provision"], ["Statute Summary"])
        for index in 0..<2 {
            lines.append(rule("├", "┼", "┤"))
            let heading = index == 0 ? ["Immunity From", "Prosecution"] : ["Services and", "Supports for Victims"]
            lines += row(heading, [citations[index], ""] + wrapped(TwoSections.texts[index]))
        }
        lines.append(rule("└", "┴", "┘"))
        TwoSections.expectSections(try extractRecord(text: lines.joined(separator: "\n") + "\n", source: "summary.txt"))
    }

    /// In text with no blank line anywhere (pdfplumber), a line that ends a sentence where the
    /// next line's first word would have fitted ends its paragraph; the heading over a
    /// `Citation:` line is a block of its own; a footer line (a name, a web address, a page
    /// number) is a line of its own, and the series label, date and title run into one block
    /// are read apart.
    @Test func textWithoutBlankLinesIsReadByWhereLinesEnd() throws {
        let text = """
            STATE STATUTES SERIES Current Through May 2021
            Responding to Child Victims of
            Human Trafficking: Kentucky
            Immunity From Prosecution
            Citation: Rev. Stat. § 529.120
            A person under the age of 18 shall not be prosecuted for prostitution or loitering for
            prostitution purposes.
            A child who is suspected of engaging in such conduct shall be deemed a victim of human
            trafficking.
            Child Welfare Information Gateway https://www.childwelfare.gov 1
            Services and Supports for Victims
            Citation: Rev. Stat. § 620.029
            The cabinet shall develop a protocol for the investigation of reports of a child who is a
            victim of human trafficking.

            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.title == "Responding to Child Victims of Human Trafficking")
        #expect(record.state == "Kentucky")
        #expect(record.date == "2021-05")
        #expect(record.sections.map(\.heading) == TwoSections.headings)
        #expect(record.sections.map(\.text) == [
            "A person under the age of 18 shall not be prosecuted for prostitution or loitering for prostitution purposes.\n\nA child who is suspected of engaging in such conduct shall be deemed a victim of human trafficking.",
            "The cabinet shall develop a protocol for the investigation of reports of a child who is a victim of human trafficking.",
        ])
        // With blank lines in the text, lines are joined up to the blank line as ever.
        var builder = TextBlockBuilder(markdown: false, dropPageFurniture: true)
        let spaced = builder.build(
            (1...10).map { "Line \($0) ends here." }.joined(separator: "\n") + "\n\nA last paragraph.\n")
        #expect(spaced.count == 2)
    }

    /// A card retyped a line per issue, each issue's highlight on the line under it and no
    /// blank line between: each row is read with its own highlight.
    @Test func listRowsEachWithAHighlightLine() throws {
        var lines = ["KANSAS", "2022 Report Card on Child & Youth Sex Trafficking", "", "Overall grade: C, 74 of 100", ""]
        let areas = [("buyer accountability", "mistake of age defenses"), ("child abuse definitions", "screening"),
                     ("MDT responses", "foster care"), ("civil remedies", "vacatur"), ("hearsay exceptions", "victim supports"),
                     ("training for law enforcement", "training for school personnel")]
        for (row, area) in zip(SixIssues.rows, areas) {
            lines.append("\(row.name): \(row.grade), \(row.score) of \(row.max)")
            lines.append("Policy goals accomplished in areas related to \(area.0). Gaps remain in areas related to \(area.1).")
        }
        let record = try extractRecord(text: lines.joined(separator: "\n") + "\n", source: "card.txt")
        SixIssues.expectIssues(record)
        #expect(record.reportCard?.issues.map(\.accomplished) == areas.map(\.0))
        #expect(record.reportCard?.issues.map(\.gaps) == areas.map(\.1))
    }

    /// In text with no blank line anywhere, the header's lines (series label, state, date) are
    /// lines of their own, not part of the title, and a heading underlined by `=` is no part of
    /// the lines above it; a title wrapped over two lines stays one title.
    @Test(arguments: [
        ["State Statutes Series: Kentucky", "Responding to Child Victims of Human Trafficking", "05/2021"],
        ["Responding to Child Victims of Human Trafficking - Kentucky", "State Statutes Series", "May 2021"],
        ["Responding to Child Victims of Human Trafficking", "State: Kentucky", "Date: May 2021"],
        ["May 2021", "Responding to Child Victims of", "Human Trafficking: Kentucky"],
    ])
    func headerLinesWithoutBlankLinesStayApart(_ header: [String]) throws {
        let body = [
            "Immunity From Prosecution", "=========================", "Citation: Rev. Stat. § 529.120",
            "A person under the age of 18 shall not be prosecuted for prostitution or loitering for",
            "prostitution purposes.",
            "A child who is suspected of engaging in such conduct shall be deemed a victim of human",
            "trafficking.",
            "Services and Supports for Victims", "=================================", "Citation: Rev. Stat. § 620.029",
            "The cabinet shall develop a protocol for the investigation of reports of a child who is a",
            "victim of human trafficking.",
        ]
        let record = try extractRecord(text: (header + body).joined(separator: "\n") + "\n", source: "summary.txt")
        #expect(record.title == "Responding to Child Victims of Human Trafficking")
        #expect(record.state == "Kentucky")
        #expect(record.date == "2021-05")
        #expect(record.sections.map(\.heading) == TwoSections.headings)
        #expect(record.sections.first?.citations.map(\.raw) == ["Rev. Stat. § 529.120"])
    }

    /// A label in capitals over the headline that names its publisher by its state gives the
    /// state, and a title that opens with the document's year is recorded without it.
    @Test func aPublishersLabelNamesTheStateAndTheYearLeavesTheTitle() throws {
        let text = """
            MONTANA LEGISLATIVE SERVICES DIVISION

            2023 Legislative Digest: Crimes and Public Safety

            June 2023

            This digest summarizes bills passed by the 2023 Legislature that amend the criminal code and related laws.

            """
        let record = try extractRecord(text: text, source: "digest.txt")
        #expect(record.kind == .unknown)
        #expect(record.state == "Montana")
        #expect(record.title == "Legislative Digest: Crimes and Public Safety")
        #expect(record.date == "2023-06")
    }

    /// A slide deck's speaker notes (markitdown's `### Notes:` under a slide) are the
    /// presenter's; a heading over the table's next part (`Grades by Issue (continued)`) goes on
    /// with the table; a credit's description in the sentence under its row is the credit's.
    @Test func aSlideDecksCardIsReadAcrossItsSlides() throws {
        func table(_ range: ClosedRange<Int>) -> String {
            "<html><body><table><tr><th>Issue</th><th>Grade</th><th>Score</th></tr>"
                + range.map { index in
                    let row = SixIssues.rows[index - 1]
                    return "<tr><td>\(index). \(row.name)</td><td>\(row.grade)</td><td>\(row.score)/\(row.max)</td></tr>"
                }.joined() + "</table></body></html>"
        }
        let deck = """
            <!-- Slide number: 1 -->
            # Maine
            2023 Report Card on Child & Youth Sex Trafficking
            Briefing for the committee

            ### Notes:
            Issue 2 is where the gains are.

            <!-- Slide number: 2 -->
            # Grades by Issue
            \(table(1...3))

            ### Notes:
            Issue 5 comes next.

            <!-- Slide number: 3 -->
            # Grades by Issue (continued)
            \(table(4...6))

            <!-- Slide number: 4 -->
            # Extra Credit
            <html><body><table><tr><th>Extra Credit</th><th>Points</th></tr><tr><td>CLT – Child Labor Trafficking</td><td>+2</td></tr></table></body></html>
            Protections are extended to child labor trafficking victims.

            <!-- Slide number: 5 -->
            # Overall Grade: C
            Final Score: 77

            """
        let record = try extractRecord(text: deck, source: "deck.md")
        #expect(record.format == .markdown)
        #expect(record.title == "Report Card on Child & Youth Sex Trafficking")
        SixIssues.expectIssues(record)
        let credit = try #require(record.reportCard?.extraCredit.first, "warnings: \(record.warnings)")
        #expect(credit.points == 2)
        #expect(credit.description == "Protections are extended to child labor trafficking victims.")
        #expect(record.reportCard?.extraCredit.count == 1)
        #expect(record.reportCard?.overall.score == 77)
        #expect(MarkupCleaner.withoutSpeakerNotes("# Title\n### Notes:\nKept: no slide marks.\n") == nil)
    }

    /// A page's own sentence after a last section that says nothing is described (`To view
    /// the statute summaries for all States and territories, visit …`) is no part of that
    /// section: addressed to the reader, it sends them elsewhere and cites nothing.
    @Test func aSentenceAfterALastSectionThatSaysNothingIsThePages() throws {
        let text = """
            Responding to Child Victims of Human Trafficking: Kentucky

            Current Through May 2021

            Immunity From Prosecution

            Citation: Rev. Stat. § 529.120

            \(TwoSections.texts[0])

            Training Requirement

            This issue is not addressed in the statutes and regulations reviewed.

            To view the statute summaries for all States and territories, visit State Statutes Search.

            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == ["Immunity From Prosecution", "Training Requirement"])
        #expect(record.sections.last?.text == "This issue is not addressed in the statutes and regulations reviewed.")
        #expect(record.sections.last?.provision == false)
        #expect(record.warnings.contains("1 block(s) after the last section left out: the page's links and footer"), "\(record.warnings)")
    }

    /// The page's sentence sending the reader elsewhere, in markdown (a link) and in HTML (a
    /// `<p>` after the last section), after a section with a provision of its own.
    @Test func thePagesSentenceSendingTheReaderElsewhereIsNoSectionsInMarkdownAndHTML() throws {
        let markdown = """
            # Responding to Child Victims of Human Trafficking: Kentucky

            Current Through May 2021

            ## Immunity From Prosecution

            **Citation:** Rev. Stat. § 529.120

            \(TwoSections.texts[0])

            ## Services and Supports for Victims

            **Citation:** Rev. Stat. § 620.029

            \(TwoSections.texts[1])

            For more information, see [State Statutes Search](https://www.childwelfare.gov/resources/state-statutes-search/).

            """
        TwoSections.expectSections(try extractRecord(text: markdown, source: "summary.md"))
        let html = """
            <html><body><main>
            <h1>Responding to Child Victims of Human Trafficking: Kentucky</h1>
            <p>Current Through May 2021</p>
            <h2>Immunity From Prosecution</h2><p><strong>Citation:</strong> Rev. Stat. § 529.120</p><p>\(TwoSections.texts[0])</p>
            <h2>Services and Supports for Victims</h2><p><strong>Citation:</strong> Rev. Stat. § 620.029</p><p>\(TwoSections.texts[1])</p>
            <p>To view the statute summaries for all States and territories, visit <a href="/resources/state-statutes-search/">State Statutes Search</a>.</p>
            </main></body></html>
            """
        TwoSections.expectSections(try extractRecord(text: html, source: "summary.html"))
    }

    /// A PDF's text (`pdftotext -layout`): the page's sentence, wrapped over two lines, stands
    /// between the last section and the footer line and page number.
    @Test func thePagesSentenceBeforeAPDFsFooterIsNoSections() throws {
        let text = """
                                                                       State Statutes Series
                                                                       Current Through May 2021
            Responding to Child Victims of Human Trafficking: Kentucky

            Immunity From Prosecution
            Citation: Rev. Stat. § 529.120
            \(TwoSections.texts[0])

            Services and Supports for Victims
            Citation: Rev. Stat. § 620.029
            \(TwoSections.texts[1])

            Visit State Statutes Search for the statute summaries of all States and
            territories.

            Child Welfare Information Gateway                      https://www.childwelfare.gov
            2

            """
        let record = try extractRecord(text: text, source: "summary.txt")
        TwoSections.expectSections(record)
        #expect(record.warnings.contains { $0.contains("dropped 1 footer line(s)") }, "\(record.warnings)")
        // pdfplumber's text, no blank line anywhere: the sentence is joined to the last
        // section's paragraph, and only it is left out.
        let joined = """
            State Statutes Series Current Through May 2021
            Responding to Child Victims of Human Trafficking: Kentucky
            Immunity From Prosecution
            Citation: Rev. Stat. § 529.120
            A person under the age of 18 shall not be prosecuted for prostitution or loitering for
            prostitution purposes.
            Training Requirement
            This issue is not addressed in the statutes and regulations reviewed.
            To view the statute summaries for all States and territories, visit State Statutes Search.

            """
        let plumbed = try extractRecord(text: joined, source: "summary.txt")
        #expect(plumbed.sections.map(\.heading) == ["Immunity From Prosecution", "Training Requirement"])
        #expect(plumbed.sections.last?.text == "This issue is not addressed in the statutes and regulations reviewed.")
        let warning = "the page's sentence after the last section left out: it sends the reader elsewhere"
        #expect(plumbed.warnings.contains(warning), "\(plumbed.warnings)")
        #expect(Diagnostic(rendered: warning).code == .sectionStructure)
    }

    /// Statute prose after a last section's first paragraph stays the section's, whatever it
    /// says of visiting or seeing: it tells what the law provides (`the court may visit`), or
    /// cites (`see § 12-3`), rather than sending the reader elsewhere.
    @Test func statuteProseAfterALastSectionsSentenceStaysTheSections() throws {
        let endings = [
            "During the investigation, the court may visit the residence of the child to assess the child's safety.",
            "For the definition of a sexually exploited child, see § 12-3.",
            "Visits with a parent shall be supervised by the cabinet.",
            "To protect the child, the cabinet may see that a guardian ad litem is appointed.",
        ]
        for ending in endings {
            let text = """
                Responding to Child Victims of Human Trafficking: Kentucky

                Current Through May 2021

                Immunity From Prosecution

                Citation: Rev. Stat. § 529.120

                \(TwoSections.texts[0])

                Services and Supports for Victims

                Citation: Rev. Stat. § 620.029

                \(TwoSections.texts[1])

                \(ending)

                """
            let record = try extractRecord(text: text, source: "summary.txt")
            #expect(record.sections.map(\.heading) == TwoSections.headings)
            #expect(record.sections.last?.text == TwoSections.texts[1] + "\n\n" + ending)
            #expect(!record.warnings.contains { $0.contains("after the last section left out") }, "\(record.warnings)")
            // The same prose in the section's one paragraph.
            let joined = text.replacing(TwoSections.texts[1] + "\n\n", with: TwoSections.texts[1] + " ")
            let one = try extractRecord(text: joined, source: "summary.txt")
            #expect(one.sections.last?.text == TwoSections.texts[1] + " " + ending)
            #expect(!one.warnings.contains { $0.contains("after the last section left out") }, "\(one.warnings)")
        }
    }

    /// A card's highlights in two columns named by the header (`Policy goals accomplished`,
    /// `Gaps remaining`) give what was accomplished and the gaps.
    @Test func highlightsInTwoNamedColumnsAreRead() throws {
        let rows = SixIssues.rows.enumerated().map {
            "| \($0.offset + 1). \($0.element.name) | \($0.element.grade) | \($0.element.score) / \($0.element.max) | civil remedies and vacatur | statutes of limitation |"
        }.joined(separator: "\n")
        let markdown = """
            # Maine

            ## 2023 Report Card on Child & Youth Sex Trafficking

            | Issue | Grade | Score | Policy goals accomplished | Gaps remaining |
            | --- | --- | --- | --- | --- |
            \(rows)

            """
        let record = try extractRecord(text: markdown, source: "card.md")
        SixIssues.expectIssues(record)
        #expect(record.reportCard?.issues.allSatisfy { $0.accomplished == "civil remedies and vacatur" && $0.gaps == "statutes of limitation" } == true)
    }

    /// The reproduction notice whose web address a conversion broke after a hyphen is dropped
    /// with the address's rest on the line after it.
    @Test func theNoticesAddressBrokenAfterAHyphenGoesWithIt() throws {
        let text = """
            Responding to Child Victims of Human Trafficking: Kentucky

            Current Through May 2021

            Immunity From Prosecution

            Citation: Rev. Stat. § 529.120

            \(TwoSections.texts[0])

            This material may be freely reproduced and distributed. However, when doing so, please credit Child Welfare
            Information Gateway. This publication is available online at https://www.childwelfare.gov/resources/responding-
            child-victims-human-trafficking-kentucky/.

            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.text) == [TwoSections.texts[0]])
    }
}

/// `text` with `spaces` after every line that holds text, as some conversions leave them.
private func withTrailingSpaces(_ spaces: String, _ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? $0 : $0 + spaces }.joined(separator: "\n")
}
