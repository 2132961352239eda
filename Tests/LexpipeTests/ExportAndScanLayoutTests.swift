@testable import LexpipeExtraction
import LexpipeIngest
@testable import LexpipeMarkup
import LexpipePipeline
import LexpipeRecord
import Testing

// Forms that ebook converters, outliners, wikis and OCR give documents: a table of contents
// written at the top, Org mode's text export, digits OCR read as letters, a wiki's source with
// line-break tags. Each test holds one rule.

@Suite("Layouts of ebook, outliner, wiki and OCR exports")
struct ExportAndScanLayoutTests {

    /// A table of contents at the top (Calibre's `--inline-toc`): the label and its entries,
    /// each standing again later as a line, are no text; offsets stay the document's.
    @Test func aTableOfContentsAtTheTopIsNoText() throws {
        let text = """
            Table of Contents

            Responding to Child Victims of Human Trafficking: Kentucky
            Immunity From Prosecution
            Services and Supports for Victims



            \(KentuckySections.header)

            \(KentuckySections.body)
            """
        KentuckySections.expect(try extractRecord(text: text, source: "summary.txt"), citations: true)
        let cleaned = try #require(MarkupCleaner.withoutTableOfContents(text))
        #expect(cleaned.utf8.count == text.utf8.count)
        #expect(!cleaned.contains("Table of Contents"))
        // Numbered entries under an underlined label (Org mode's export) match numbered headings.
        let org = "Table of Contents\n─────────────────\n\n1. Immunity\n2. Services\n\n\n1 Immunity\n═════════\n\n  Text.\n\n2 Services\n═════════\n"
        let orgCleaned = try #require(MarkupCleaner.withoutTableOfContents(org))
        #expect(!orgCleaned.contains("Contents") && !orgCleaned.contains("1. Immunity") && orgCleaned.contains("1 Immunity"))
        // Lines under a `Contents` label that do not stand again later are the document's.
        #expect(MarkupCleaner.withoutTableOfContents("Contents\n\nA first line\nA second line\n\nProse.\n") == nil)
    }

    /// Org mode's text export: the title framed by `____` rules (no markdown), headings
    /// underlined by `═` and numbered `1 Heading` (the number is the ordinal), prose indented.
    @Test func orgModesTextExportHeadingsAreUnderlinedAndNumbered() throws {
        let text = """
                    _____________________________________________

                     Responding to Child Victims of Human
                              Trafficking: Kentucky

                             State Statutes Series

                           Current Through May 2021
                    _____________________________________________


            1 Immunity From Prosecution
            ═══════════════════════════

              Citation: Rev. Stat. § 529.120

              \(KentuckySections.texts[0])


            2 Services and Supports for Victims
            ═══════════════════════════════════

              Citation: Rev. Stat. § 620.029

              \(KentuckySections.texts[1])

            """
        #expect(FormatDetector.detect(text, fileName: "summary.txt") == .text)
        let record = try extractRecord(text: text, source: "summary.txt")
        KentuckySections.expect(record, citations: true)
        #expect(record.sections.map(\.ordinal) == [1, 2])
    }

    /// OCR's `l` for `1` and `O` for `0` inside a section number and a date's year are read as
    /// digits; a part with another letter (`14B`) is kept.
    @Test func ocrLettersInsideNumbersAreDigits() throws {
        #expect(OCRDigits.repaired("28-8Ol") == "28-801")
        #expect(OCRDigits.repaired("2O19") == "2019")
        #expect(OCRDigits.repaired("l430") == "1430")
        #expect(OCRDigits.repaired("74.14B.070") == nil)
        #expect(OCRDigits.repaired("13A-6-152") == nil)
        #expect(OCRDigits.repaired("4011-A") == nil)
        // A year alone after its label, a month and year in numbers.
        #expect(DateText.find(in: "Date: 2O15")?.text == "2015")
        #expect(DateText.find(in: "09/2O15")?.text == "2015-09")
        // A subsection or a chapter's number beside the section's: each part read alone.
        #expect(OCRDigits.repaired("85.3O63(A)(1)") == "85.3063(A)(1)")
        #expect(OCRDigits.repaired("63l/1-9") == "631/1-9")
        #expect(OCRDigits.repaired("12(l)") == nil)
        #expect(OCRDigits.repairedWords("§ l3932(A)(1), the") == "§ 13932(A)(1), the")
        let text = KentuckySections.header.replacingOccurrences(of: "2021", with: "2O21") + "\n\n"
            + KentuckySections.body.replacingOccurrences(of: "529.120", with: "529.l2O")
        KentuckySections.expect(try extractRecord(text: text, source: "summary.txt"), citations: true)
        let subsection = KentuckySections.header + "\n\n" + KentuckySections.body.replacingOccurrences(of: "620.029", with: "62O.029(1)")
        let record = try extractRecord(text: subsection, source: "summary.txt")
        #expect(record.sections.last?.citations.map(\.normalized) == ["Ky. Rev. Stat. Ann. § 620.029(1)"])
    }

    /// MediaWiki's source: a `{|` table's rows (`| a || b`, a cell on a line of its own going
    /// on its row, `<br />` inside a cell), an infobox's `| key = value` lines (the framework,
    /// the year, the overall grade and score), bold marks and links, `== Extra credit ==`, and
    /// the closing `References` section and categories.
    @Test func aWikiTableIsReadAsItsRows() throws {
        let text = """
            {{Infobox report card
            | state         = Kansas
            | year          = 2023
            | framework     = [[Report Card on Child & Youth Sex Trafficking]]
            | overall_grade = C
            | final_score   = 74
            }}
            '''Kansas''' received a '''C''' (74 points) on Shared Hope International's 2023 ''[[Report Card on Child & Youth Sex Trafficking]]''.<ref>{{cite web |title=Kansas 2023 Report Card |publisher=Shared Hope International}}</ref>

            == Grades ==
            {| class="wikitable"
            ! # !! Issue !! Grade !! Score !! Highlights
            |-
            | 1 || Criminal Provisions || B || 14.5/17.5
            | Policy goals accomplished in areas related to buyer accountability.<br />Gaps remain in areas related to mistake of age defenses.
            |-
            | 2 || Identification of and Response to Victims || D || 17/27.5
            | Policy goals accomplished in areas related to child abuse definitions.<br />Gaps remain in areas related to screening.
            |-
            | 3 || [[Continuum of Care]] || C || 10.5/15
            | Policy goals accomplished in areas related to MDT responses.<br />Gaps remain in areas related to foster care.
            |-
            | 4 || Access to Justice for Trafficking Survivors || C || 11/15
            | Policy goals accomplished in areas related to civil remedies.<br />Gaps remain in areas related to vacatur.
            |-
            | 5 || Tools for a Victim-Centered Criminal Justice Response || C || 7/10
            | Policy goals accomplished in areas related to hearsay exceptions.<br />Gaps remain in areas related to victim supports.
            |-
            | 6 || Prevention and Training || D || 9/15
            | Policy goals accomplished in areas related to training for law enforcement.<br />Gaps remain in areas related to training for school personnel.
            |}

            == Extra credit ==
            * '''CLT''' (Child Labor Trafficking): +5 — Protections related to child abuse definitions are extended to child labor trafficking victims.

            == References ==
            <references />

            [[Category:Kansas]]

            """
        #expect(FormatDetector.detect(text, fileName: "card.txt") == .text)
        let plain = try #require(WikiText.plain(text))
        #expect(plain.utf8.count == text.utf8.count)
        #expect(plain.utf8.filter { $0 == 0x0A }.count == text.utf8.filter { $0 == 0x0A }.count)
        #expect(plain.contains("overall grade:") && !plain.contains("[[") && !plain.contains("''") && !plain.contains("References"))
        let record = try extractRecord(text: text, source: "card.txt")
        #expect(record.kind == .reportCard, "warnings: \(record.warnings)")
        #expect(record.year == 2023)
        let card = try #require(record.reportCard)
        #expect(card.issues.map(\.name) == [
            "Criminal Provisions", "Identification of and Response to Victims", "Continuum of Care",
            "Access to Justice for Trafficking Survivors", "Tools for a Victim-Centered Criminal Justice Response", "Prevention and Training",
        ])
        #expect(card.issues.map(\.score) == [14.5, 17, 10.5, 11, 7, 9])
        #expect(card.issues.map(\.accomplished) == [
            "buyer accountability", "child abuse definitions", "MDT responses", "civil remedies", "hearsay exceptions", "training for law enforcement",
        ])
        #expect(card.issues.last?.gaps == "training for school personnel")
        #expect(card.extraCredit.map(\.code) == ["CLT"])
        #expect(card.extraCredit.first?.description == "Protections related to child abuse definitions are extended to child labor trafficking victims.")
        #expect(card.overall.score == 74)
        #expect(card.overall.grade == .c)
        // A text without a wiki table is left alone.
        #expect(WikiText.plain("== Notes ==\n| not a table\n") == nil)
    }

    /// A wiki's infobox names the state (`| state = Nebraska`) where no title line does: a
    /// Challenge card's infobox, its lines run into one block with the framework's name.
    @Test func aWikiInfoboxNamesTheState() throws {
        let rows = [("Criminalization of Domestic Minor Sex Trafficking", "9/10"), ("Criminal Provisions Addressing Demand", "12/25"),
                    ("Criminal Provisions for Traffickers", "13.5/15"), ("Criminal Provisions for Facilitators", "7/10"),
                    ("Protective Provisions for the Child Victims", "26.5/27.5"),
                    ("Criminal Justice Tools for Investigation and Prosecutions", "12.5/15")]
        let table = rows.enumerated().map { "|-\n| \($0.offset + 1) || \($0.element.0) ||  || \($0.element.1)" }.joined(separator: "\n")
        let text = """
            {{Infobox report card
            | state         = New Mexico
            | year          = 2019
            | framework     = [[Protected Innocence Challenge]]
            | final_score   = 80.5
            }}
            The state received 80.5 points on Shared Hope International's 2019 ''[[Protected Innocence Challenge]]''.

            == Grades ==
            {| class="wikitable"
            ! # !! Issue !! Grade !! Score !! Highlights
            \(table)
            |}

            """
        let record = try extractRecord(text: text, source: "card.txt")
        #expect(record.kind == .reportCard)
        #expect(record.state == "New Mexico")
        #expect(record.year == 2019)
        #expect(record.reportCard?.overall.score == 80.5)
    }

    /// A wiki article dates itself only by its last edit, in the page's footer, which is left
    /// out with the chrome: that date is the document's when no other stands; a date of its
    /// own comes first.
    @Test func aWikiArticlesLastEditIsItsDate() throws {
        func page(_ lead: String) -> String {
            """
            <html><head><title>Human trafficking in Nevada - Wikipedia</title></head><body>
            <main><h1>Human trafficking in Nevada</h1>\(lead)
            <p>Human trafficking in Nevada is the trade of people for forced labor or sexual exploitation in the state of Nevada.</p>
            </main>
            <footer><ul><li>This page was last edited on 2 October 2023, at 17:41<span> (UTC)</span>.</li></ul></footer>
            </body></html>
            """
        }
        let article = try extractRecord(text: page(""), source: "article.html")
        #expect(article.date == "2023-10-02")
        #expect(article.year == 2023)
        let dated = try extractRecord(text: page("<p>Date: May 2021</p>"), source: "article.html")
        #expect(dated.date == "2021-05")
        #expect(MarkupCleaner.lastEditedDate("edited on 2 October 2023") == nil)
    }

    /// A copy from a PDF viewer: lines hard-wrapped at a narrow measure and no blank line, the
    /// `Current Through` line between the series label and the title's two lines, each list
    /// item's bullet alone on the line above it, the footer and the next page's running header
    /// (the title on one line) between sections, the reproduction notice over five lines.
    @Test func aPDFViewersCopyIsReadByItsLines() throws {
        let text = """
            STATE STATUTES SERIES
            Current Through May 2021
            Responding to Child Victims of
            Human Trafficking: Kentucky
            Immunity From Prosecution
            Citation: Rev. Stat. § 529.120
            A person under the age of 18 shall not be prosecuted for
            prostitution.
            Services and Supports for Victims
            Citation: Rev. Stat. § 620.029
            A victim may recover:
            •
            Actual damages
            •
            Punitive damages
            Child Welfare Information Gateway https://www.childwelfare.gov 1
            Responding to Child Victims of Human Trafficking: Kentucky
            Training Requirements
            Citation: Rev. Stat. § 15.334
            The council shall approve training on human trafficking for
            law enforcement officers.
            This material may be freely reproduced and distributed.
            However, when doing so, please credit Child Welfare
            Information Gateway. This publication is available online
            at https://www.childwelfare.gov/resources/responding-child-
            victims-human-trafficking-kentucky/.
            Child Welfare Information Gateway https://www.childwelfare.gov 2

            """.replacingOccurrences(of: "\n\n", with: "\n")
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.title == "Responding to Child Victims of Human Trafficking")
        #expect(record.state == "Kentucky")
        #expect(record.date == "2021-05")
        #expect(record.sections.map(\.heading) == ["Immunity From Prosecution", "Services and Supports for Victims", "Training Requirements"])
        #expect(record.sections.map(\.text) == [
            "A person under the age of 18 shall not be prosecuted for prostitution.",
            "A victim may recover:\n\nActual damages\n\nPunitive damages",
            "The council shall approve training on human trafficking for law enforcement officers.",
        ])
    }

    /// Text with no blank line (a PDF viewer's copy): a page's running title of ten words or
    /// more, alone on the line after the footer, repeats the document's title and state; the
    /// prose under it is no part of it.
    @Test func aLongRunningTitleAfterAFooterIsNoProse() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - District of Columbia
            STATE STATUTES SERIES
            Current Through May 2021
            Immunity From Prosecution
            Citation: Code § 22-1834
            A person under the age of 18 shall not be prosecuted for
            prostitution.
            The department shall establish a hotline through which
            reports of suspected trafficking may be made.
            Child Welfare Information Gateway https://www.childwelfare.gov 1
            Responding to Child Victims of Human Trafficking - District of Columbia
            The council shall approve training on human trafficking for
            law enforcement officers.
            Child Welfare Information Gateway https://www.childwelfare.gov 2

            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.title == "Responding to Child Victims of Human Trafficking")
        #expect(record.state == "District of Columbia")
        #expect(record.sections.map(\.text) == [
            "A person under the age of 18 shall not be prosecuted for prostitution.\n\nThe department shall establish a hotline through which reports of suspected trafficking may be made.\n\nThe council shall approve training on human trafficking for law enforcement officers.",
        ])
    }

    /// Text with no blank line (pdfplumber's): a `Citation:` line wrapped over two lines
    /// whose second ends where the next line's first word would have fitted ended there; the
    /// prose under it is no part of it.
    @Test func aWrappedCitationEndsWhereTheNextWordWouldHaveFitted() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - Kentucky
            STATE STATUTES SERIES
            Current Through May 2021
            Immunity From Prosecution
            Citation: Rev. Stat. § 529.120 et seq.; Rev. Stat. §§ 620.029 through
            620.031; 15.334
            Under Rev. Stat. § 529.130, a person under the age of 18 shall not be
            prosecuted for prostitution. The council shall approve training on human
            trafficking for law enforcement officers.
            Training Requirements
            Citation: Rev. Stat. § 15.334
            The council shall approve training on human trafficking for law enforcement
            officers and prosecutors across the state.
            Child Welfare Information Gateway https://www.childwelfare.gov 1

            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == ["Immunity From Prosecution", "Training Requirements"])
        #expect(record.sections.first?.text.hasPrefix("Under Rev. Stat. § 529.130, a person") == true)
        #expect(!record.sections.contains { $0.text.contains("620.031") })
    }

    /// Text with no blank line: a `Citation:` label alone on its line leads into the citations
    /// under it, wrapped over two lines, however short the label; the prose under them is no
    /// part of them.
    @Test func aCitationLabelAloneOnItsLineLeadsIntoTheLinesUnderIt() throws {
        let text = """
            State Statutes Series: Alaska
            Responding to Child Victims of Human Trafficking
            09/2016
            Statute of Limitations
            ======================
            Citation:
            Alaska Stat. § 25.18.644; Alaska Admin. Code Tit. 13, §
            78.197
            There is hereby created in the State Treasury a special
            fund to be known as the Relief for Victims of Human
            Trafficking Fund.
            Statewide Task Force
            ====================
            Citation:
            Alaska Stat. § 31.46.119
            When a sexually exploited child is taken into protective
            custody, the juvenile court shall place the child in the
            least restrictive setting available.
            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == ["Statute of Limitations", "Statewide Task Force"])
        #expect(record.sections.map { $0.citations.map(\.normalized) } == [
            ["Alaska Stat. § 25.18.644", "Alaska Admin. Code tit. 13, § 78.197"], ["Alaska Stat. § 31.46.119"],
        ])
        #expect(record.sections.first?.text
            == "There is hereby created in the State Treasury a special fund to be known as the Relief for Victims of Human Trafficking Fund.")
    }

    /// Text with no blank line: the first line of prose after a page's footer and running
    /// header, ten words that the next line carries on in lower case, is the paragraph's first
    /// line, not a running title of its own.
    @Test func aPagesFirstLineOfProseCarriedOnIsNoRunningTitle() throws {
        let text = """
            Responding to Child Victims of Human Trafficking North Dakota
            April 2023
            Data Collection and Reporting
            Cite: N.D. Admin. Code § 33-94-33-59 et seq.; N.D. Cent. Code § 81-82-31
            Child Welfare Information Gateway https://www.childwelfare.gov 1
            Responding to Child Victims of Human Trafficking - North Dakota https://www.childwelfare.gov
            The task force shall include representatives of child protective services
            workers, health-care providers, and law enforcement. Each county
            department of social services shall provide a child with access to
            specialized treatment, safe and stable housing, and dental care.
            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == ["Data Collection and Reporting"])
        #expect(record.sections.first?.text == "The task force shall include representatives of child protective services workers, health-care providers, and law enforcement. Each county department of social services shall provide a child with access to specialized treatment, safe and stable housing, and dental care.")
    }

    /// Text with no blank line: a heading right under a paragraph that ended its sentence is a
    /// line of its own even where its first word is too long to have fitted on the line above.
    @Test func aHeadingUnderAFinishedSentenceIsAHeadingWhateverItsFirstWord() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - Louisiana
            May 2017
            Services and Supports for Victims
            Citation: Rev. Stat. § 46:2161
            The department shall provide vocational training and safe
            and stable housing to sexually exploited children.
            No protocol specific to child victims of human trafficking is
            described in the statutes and regulations reviewed.
            Expungement of Records
            No placement option specific to labor trafficking of minors is
            described in the statutes and regulations reviewed.
            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == ["Services and Supports for Victims", "Expungement of Records"])
        #expect(record.sections.last?.text
            == "No placement option specific to labor trafficking of minors is described in the statutes and regulations reviewed.")
    }

    /// The same where the sentence ends in a code's abbreviation (`… Section 77-7-116, Rev.
    /// Stat.`); a citation carried on over the next line (`… given in Ann.` / `Code § 5 …`) still
    /// runs on.
    @Test func aHeadingUnderASentenceEndingInACodesAbbreviationIsAHeading() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - Colorado
            May 2024
            Legal Representation for Victims
            Citation: Rev. Stat. § 19-1-103
            Records relating to the adjudication of a minor who has been trafficked may be
            expunged upon petition to the court. Immunity from prosecution extends to youth
            at risk of trafficking, as provided in Section 77-7-116, Rev. Stat.
            Labor Trafficking Investigations
            No protocol specific to foreign national child victims is described in the
            statutes and regulations reviewed. The term 'child' has the meaning given in Rev.
            Stat. § 19-1-103 for the purposes of this section and of the rules adopted.
            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == ["Legal Representation for Victims", "Labor Trafficking Investigations"])
        #expect(record.sections.last?.text.hasSuffix("given in Rev. Stat. § 19-1-103 for the purposes of this section and of the rules adopted.") == true)
    }

    /// Text with no blank line: a list's lead-in right under a wrapped `Citation:` line ran into
    /// it, and is the section's prose however short (`Training must cover:`), not text of the
    /// citations.
    @Test func aListsLeadInRunIntoACitationLineIsTheSections() throws {
        let text = """
            Virginia
            Responding to Child Victims of Human Trafficking
            August 2021
            Training Requirement
            Citation(s): Va. Code Ann. § 11.9-626.2 et seq.; Admin.
            Code Tit. 22, § 99-547-58 et seq.; Va. Code Ann. § 87.8-622
            Training must cover:
            •
            The reporting obligations of mandated reporters
            •
            The indicators of human trafficking
            Victim Advocates
            Citation: Va. Code Ann. § 63.2-1506
            The department shall provide an advocate.
            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.first?.citations.count == 3)
        #expect(record.sections.first?.text
            == "Training must cover:\n\nThe reporting obligations of mandated reporters\n\nThe indicators of human trafficking")
    }

    /// Text with no blank line (Org mode's export copied out): a numbered heading underlined
    /// with `═` right after a list's last item is a heading, not the item's next line, and the
    /// headings' numbers count up as they should.
    @Test func anUnderlinedHeadingRightAfterAListIsAHeading() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - Montana
            09/2022
            1 Runaway and Homeless Youth
            ════════════════════════════
            Citation: Ann. Code § 27-9-724
            The services described in this section may include:
            •
            Specialized treatment
            •
            Substance use disorder treatment
            2 Specialized Placement Options
            ═══════════════════════════════
            Citation: Admin. R. § 72.81.169
            The Department of Juvenile Justice shall ensure that
            child protective services workers receive training.
            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == ["Runaway and Homeless Youth", "Specialized Placement Options"])
        #expect(record.sections.first?.text
            == "The services described in this section may include:\n\nSpecialized treatment\n\nSubstance use disorder treatment")
    }

    /// Text with no blank line (pdfplumber's): the page's running title beside the web
    /// address is wider than the text's measure, and is no measure of it; a `Citation:` line
    /// that filled the measure goes on on the next line, which opens with a capital.
    @Test func aRunningTitleWithItsAddressIsNoMeasureOfTheText() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - North Carolina
            STATE STATUTES SERIES
            Current Through May 2021
            Immunity From Prosecution
            Citation: Gen. Stat. § 14-204
            The State agency shall coordinate with each county department of social services to
            ensure that children who are victims of trafficking receive services without delay.
            Child Welfare Information Gateway https://www.childwelfare.gov 1
            Responding to Child Victims of Human Trafficking - North Carolina https://www.childwelfare.gov
            Services and Supports for Victims
            Citation: Gen. Stat. § 3B-952 et seq.; Admin. Code Tit. 10A, §§ 70E.8031, 47H.9059;
            Gen. Stat. §§ 4A-511; 50-78.76; Gen. Stat. §§ 24-88.95; 21-67.33
            Each county department of social services shall make reasonable efforts to locate
            any child missing from foster care and to determine the child's experiences while
            absent from care.
            Child Welfare Information Gateway https://www.childwelfare.gov 2

            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == ["Immunity From Prosecution", "Services and Supports for Victims"])
        #expect(record.sections.last?.text.hasPrefix("Each county department") == true)
        #expect(record.sections.last?.citations.count == 7)
    }

    /// A PDF viewer's copy: the title over the first page and the running title over the
    /// next, neither wrapped, are wider than the text's measure and no measure of it; a
    /// `Citation:` line wrapped where its next word would not have fitted goes on on the next
    /// line, and that line, ending in a section's number short of the measure, ends it.
    @Test func aViewersUnwrappedTitleIsNoMeasureOfTheText() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - Northern Mariana Islands
            Date: June 2023
            Immunity From Prosecution
            Citation: Commonwealth Code Tit. 6, § 1220
            A person under the age of 18 shall not be prosecuted for
            prostitution.
            Child Welfare Information Gateway https://www.childwelfare.gov 1
            Responding to Child Victims of Human Trafficking - Northern Mariana Islands
            Specialized Placement Options
            Citation: Commonwealth Code Tit. 6, § 7879 et seq.;
            Commonwealth Code Tit. 8, §§ 9117; 5993
            Under Commonwealth Code Tit. 6, §§ 3173 through 3178, the
            juvenile court shall provide trauma-informed counseling to a
            child who is suspected of being a victim of sex trafficking.
            Child Welfare Information Gateway https://www.childwelfare.gov 2

            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == ["Immunity From Prosecution", "Specialized Placement Options"])
        #expect(record.sections.last?.text.hasPrefix("Under Commonwealth Code Tit. 6, §§ 3173 through 3178, the juvenile court") == true)
        #expect(record.sections.last?.citations.count == 3)
    }

    /// Text with no blank line (pdfplumber's): prose run on under a `Citation:` line that
    /// filled the measure is read as prose, its lines joined; one ending short of the measure
    /// inside a sentence (`… known as the` / `Human Trafficking …`) ends no paragraph.
    @Test func proseUnderAFullCitationLineKeepsItsSentences() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - Northern Mariana Islands
            Date: June 2023
            Residential Treatment Standards
            Citation: Admin. Code Tit. 55, § 86-30-908; Admin. Code Tit. 55, §§ 75-56-851, 87-92-899
            There is hereby created in the State Treasury a special fund to be known as the
            Human Trafficking Victim Services Fund. Such a child is a dependent child
            within the meaning of Commonwealth Code Tit. 6, § 4779.
            Child Welfare Information Gateway https://www.childwelfare.gov 1
            Responding to Child Victims of Human Trafficking - Northern Mariana Islands https://www.childwelfare.gov
            Training Requirements
            Citation: Commonwealth Code Tit. 6, § 1220
            The council shall approve training on human trafficking for law enforcement.
            Child Welfare Information Gateway https://www.childwelfare.gov 2

            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == ["Residential Treatment Standards", "Training Requirements"])
        #expect(record.sections.first?.text == "There is hereby created in the State Treasury a special fund to be known as the Human Trafficking Victim Services Fund. Such a child is a dependent child within the meaning of Commonwealth Code Tit. 6, § 4779.")
    }

    /// OCR of a printed summary: a table rule read as a `|` before a heading is no text, a
    /// footer's page number read as `l` still ends a footer line, and a section number read
    /// with `O` in the prose is written in digits there as in its reference.
    @Test func ocrsRulesPageNumbersAndNumbersInProse() throws {
        let text = """
            \(KentuckySections.header)

            Immunity From Prosecution

            Citation: Rev. Stat. § 529.120

            \(KentuckySections.texts[0])

            | Services and Supports for Victims

            Citation: Rev. Stat. § 620.029

            The cabinet shall serve a victim, as defined in § 529.01O.

            Child Welfare Information Gateway https://www.childwelfare.gov l

            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == KentuckySections.headings)
        #expect(record.sections.last?.text == "The cabinet shall serve a victim, as defined in § 529.010.")
        #expect(record.sections.last?.references.map(\.normalized) == ["Ky. Rev. Stat. Ann. § 529.010"])
        #expect(OCRDigits.repairedWords("§ 28-83O") == "§ 28-830")
        #expect(OCRDigits.repairedWords("§ 28-830") == nil)
    }

    /// A wiki's page title after its space (`Report Cards : Kansas 2022 Report Card`, as
    /// Confluence exports it) is the card's title, and a title naming the framework in short
    /// (`Report Card`) takes its full name from the prose under it.
    @Test func aWikiSpacesPageTitleAndTheFrameworkNamedInProse() throws {
        let text = """
            # Report Cards : Kansas 2022 Report Card

            Kansas's results in Shared Hope International's Report Card on Child & Youth Sex Trafficking.

            \(CardHeaderTests.table)
            """
        let record = try extractRecord(text: text, source: "card.md")
        #expect(record.kind == .reportCard)
        #expect(record.state == "Kansas")
        #expect(record.year == 2022)
        #expect(record.title == CardHeaderTests.framework)
        #expect(record.reportCard?.framework == CardHeaderTests.framework)
        // Without the full name anywhere, the short one stays.
        let short = try extractRecord(text: "# Kansas 2022 Report Card\n\n\(CardHeaderTests.table)", source: "card.md")
        #expect(short.reportCard?.framework == "Report Card")
    }

    /// A GitHub alert's or an Obsidian callout's type alone on its quoted line (`> [!NOTE]`) is
    /// no text: the quoted lines under it are a paragraph of their own.
    @Test func anAlertsTypeIsNoText() {
        var builder = TextBlockBuilder(markdown: true, dropPageFurniture: true)
        let blocks = builder.build("Intro.\n\n> [!NOTE]\n> Overall grade: **C** (71.5 points)\n")
        #expect(blocks.map(\.text) == ["Intro.", "Overall grade: C (71.5 points)"])
        #expect(blocks.last?.isQuoted == true)
        // A type with a title after it on its line is a line of text.
        var titled = TextBlockBuilder(markdown: true, dropPageFurniture: true)
        #expect(titled.build("> [!NOTE] Read this first.\n").map(\.text).first?.hasSuffix("Read this first.") == true)
    }

    /// Highlights set apart from the grade table under each issue's name (a README's
    /// `<details>` blocks) are that issue's, when no row holds its own.
    @Test func highlightsUnderAnIssuesNameAfterTheTable() throws {
        let text = """
            # Kansas 2022 Report Card on Child & Youth Sex Trafficking

            \(CardHeaderTests.table)
            ## Highlights

            **1. Criminal Provisions**

            - Policy goals accomplished in areas related to buyer accountability.
            - Gaps remain in areas related to mistake of age defenses.

            **3. Continuum of Care**

            - Policy goals accomplished in areas related to MDT responses.
            - Gaps remain in areas related to foster care.

            """
        let card = try #require(try extractRecord(text: text, source: "card.md").reportCard)
        #expect(card.issues.map(\.accomplished) == ["buyer accountability", nil, "MDT responses", nil, nil, nil])
        #expect(card.issues.map(\.gaps) == ["mistake of age defenses", nil, "foster care", nil, nil, nil])
    }

    /// A README's card: the overall grade in an alert above the table, the highlights' section
    /// after it, then extra credit under a heading of its own, read though other sections stand
    /// between it and the table.
    @Test func extraCreditUnderItsOwnHeadingAfterOtherSections() throws {
        let text = """
            # Kansas 2022 Report Card on Child & Youth Sex Trafficking

            > [!NOTE]
            > Overall grade: **D** (66.5 points)

            | # | Issue | Grade | Score |
            |---|-------|-------|-------|
            | 1 | Criminal Provisions | B | 14 / 17.5 |
            | 2 | Identification of and Response to Victims | D | 17 / 27.5 |
            | 3 | Continuum of Care | D | 9 / 15 |
            | 4 | Access to Justice for Trafficking Survivors | F | 6.5 / 15 |
            | 5 | Tools for a Victim-Centered Criminal Justice Response | B | 8 / 10 |
            | 6 | Prevention and Training | F | 7 / 15 |

            ## Highlights

            **1. Criminal Provisions**

            - Policy goals accomplished in areas related to buyer accountability.
            - Gaps remain in areas related to mistake of age defenses.

            ## Extra credit

            **CLT** — Child Labor Trafficking (+5)

            Protections related to child abuse definitions are extended to child labor trafficking victims.

            """
        let card = try #require(try extractRecord(text: text, source: "card.md").reportCard)
        #expect(card.overall.score == 66.5)
        #expect(card.overall.grade == .d)
        #expect(card.issues.first?.accomplished == "buyer accountability")
        #expect(card.extraCredit.map(\.code) == ["CLT"])
        #expect(card.extraCredit.first?.points == 5)
        #expect(card.extraCredit.first?.description == "Protections related to child abuse definitions are extended to child labor trafficking victims.")
        #expect(card.checks.totalMatchesSum == true)
    }

    /// Line-break tags alone (a wiki's source, `<br />` inside a table's cells) make no HTML
    /// page; a page holds another block tag.
    @Test func lineBreakTagsAloneMakeNoHTMLPage() {
        let wiki = "== Grades ==\n| A<br />B\n| C<br />D\n| E<br />F\n"
        #expect(FormatDetector.detect(wiki, fileName: "card.txt") == .text)
        #expect(FormatDetector.detect("<div>One<br>Two<br>Three<br></div>", fileName: "page.txt") == .html)
    }
}
