@testable import LexpipeMarkup
import LexpipePipeline
import LexpipeRecord
import Testing

// Forms that editors, note apps and mail give documents: pandoc's metadata block, bracketed
// spans and notes, a note app's front matter and tag lines, a word processor's "Save as text",
// a summary pasted into an e-mail reply, a card's extra credit and header as a user keeps
// them. Each test holds one rule.

/// A two-section Kentucky summary's parts, shared by the export layout tests.
enum KentuckySections {
    static let headings = ["Immunity From Prosecution", "Services and Supports for Victims"]
    static let texts = [
        "A person under the age of 18 shall not be prosecuted for prostitution.",
        "The cabinet shall develop a protocol for the investigation of reports of a child who is a victim of human trafficking.",
    ]
    /// The summary's header as a text export writes it.
    static let header = """
        Responding to Child Victims of Human Trafficking: Kentucky

        STATE STATUTES SERIES

        Current Through May 2021
        """
    static let body = """
        Immunity From Prosecution

        Citation: Rev. Stat. § 529.120

        \(texts[0])

        Services and Supports for Victims

        Citation: Rev. Stat. § 620.029

        \(texts[1])

        """

    /// The record's fields as the summary states them; `citations` also asks for its two
    /// citations in their normalized form.
    static func expect(_ record: DocumentRecord, citations: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(record.kind == .statuteSummary, "warnings: \(record.warnings)", sourceLocation: sourceLocation)
        #expect(record.title == "Responding to Child Victims of Human Trafficking", sourceLocation: sourceLocation)
        #expect(record.state == "Kentucky", sourceLocation: sourceLocation)
        #expect(record.date == "2021-05", sourceLocation: sourceLocation)
        #expect(record.sections.map(\.heading) == headings, sourceLocation: sourceLocation)
        #expect(record.sections.map(\.text) == texts, sourceLocation: sourceLocation)
        if citations {
            #expect(
                record.sections.flatMap(\.citations).map(\.normalized) == ["Ky. Rev. Stat. Ann. § 529.120", "Ky. Rev. Stat. Ann. § 620.029"],
                sourceLocation: sourceLocation
            )
        }
    }
}

@Suite("Layouts of editors', note apps' and mail's exports")
struct EditorAndNoteExportTests {

    /// A YAML metadata block opening markdown (pandoc's `-s`) gives the title and date it
    /// holds, its other keys no text; offsets and line numbers stay the document's.
    @Test func aMetadataBlockGivesItsTitleAndDate() throws {
        let text = """
            ---
            date: Current Through May 2021
            subtitle: State Statutes Series
            title: "Responding to Child Victims of Human Trafficking: Kentucky"
            ---

            \(KentuckySections.body)
            """
        KentuckySections.expect(try extractRecord(text: text, source: "summary.md"))
        let cleaned = try #require(MarkupCleaner.withoutFrontMatter(text))
        #expect(cleaned.utf8.count == text.utf8.count)
        #expect(!cleaned.contains("subtitle") && !cleaned.contains("---"))
        // A rule over a paragraph is no metadata block.
        #expect(MarkupCleaner.withoutFrontMatter("---\nSome prose, not a key.\n---\n") == nil)
    }

    /// The metadata block's title is the title over a body whose sections are level-1
    /// headings (pandoc's `-s` from a word processor's file), and a body that opens with the
    /// same title as its own heading keeps it once.
    @Test func aMetadataTitleStaysTheTitleOverLevelOneSections() throws {
        let body = KentuckySections.body
            .replacing("\(KentuckySections.headings[0])\n", with: "# \(KentuckySections.headings[0])\n")
            .replacing("\(KentuckySections.headings[1])\n", with: "# \(KentuckySections.headings[1])\n")
        let text = """
            ---
            title: "Responding to Child Victims of Human Trafficking - Kentucky"
            author: Child Welfare Information Gateway
            date: "May 2021"
            ---

            \(body)
            """
        KentuckySections.expect(try extractRecord(text: text, source: "summary.md"))
        let cleaned = try #require(MarkupCleaner.withoutFrontMatter(text))
        #expect(cleaned.utf8.count == text.utf8.count)
        #expect(cleaned.contains("\n#       Responding to Child Victims of Human Trafficking - Kentucky "))
        let repeated = "---\ntitle: Notes - Kentucky\n---\n\n# Notes - Kentucky\n\nText.\n"
        #expect(try #require(MarkupCleaner.withoutFrontMatter(repeated)).hasPrefix("   \n       Notes - Kentucky\n"))
    }

    /// A note app's front matter (`tags:`, `created:`) is no title, and a line of tags
    /// (`#report-card #oregon`) no text; a heading (`# Title`) stays.
    @Test func frontMatterAndTagLinesAreNoText() throws {
        let text = """
            ---
            tags: [summary, kentucky]
            created: 2023-01-10
            ---

            # Responding to Child Victims of Human Trafficking: Kentucky

            Current Through May 2021

            \(KentuckySections.body)
            #statutes #kentucky
            """
        KentuckySections.expect(try extractRecord(text: text, source: "note.md"))
        let untagged = try #require(MarkupCleaner.withoutTagLines("# Title\n\n#one #two-three\nText #not a tag line\n"))
        #expect(untagged == "# Title\n\n" + String(repeating: " ", count: 15) + "\nText #not a tag line\n")
    }

    /// A note app's page properties under the title (`Created:`, `Current Through:`, `State:`),
    /// a line each with no blank line between, give the date and state; a paragraph that
    /// merely holds a colon stays one block.
    @Test func aPagesPropertiesAreLinesOfTheirOwn() throws {
        let text = """
            # Responding to Child Victims of Human Trafficking

            Created: August 3, 2022 10:12 AM
            Current Through: May 2021
            Series: State Statutes Series
            State: Kentucky
            Tags: responding, statutes

            ## \(KentuckySections.headings[0])

            **Citation:** Rev. Stat. § 529.120

            \(KentuckySections.texts[0])

            ## \(KentuckySections.headings[1])

            **Citation:** Rev. Stat. § 620.029

            \(KentuckySections.texts[1])

            """
        KentuckySections.expect(try extractRecord(text: text, source: "page.md"))
        var builder = TextBlockBuilder(markdown: true, dropPageFurniture: true)
        #expect(builder.build("Note: the court may order\nrestitution to the victim, and the\nvictim may bring a civil action.\n").count == 1)
    }

    /// Pandoc's bracketed spans (`[§ 529.010]{.underline}`, `[]{#_Toc1 .anchor}`) read as
    /// their text, a note's mark (`[^1]`) and its definition at the end as none, and a
    /// backslash ending a line (a hard line break) as a space.
    @Test func pandocsSpansNotesAndHardBreaksAreMarkup() throws {
        let text = """
            # Responding to Child Victims of Human Trafficking: Kentucky

            Current Through May 2021

            []{#_Toc67251101 .anchor}

            ## Immunity From Prosecution

            **Citation:** *Rev. Stat. § 529.120*

            A person under the age of 18 shall not be prosecuted for prostitution as
            described in [§ 529.010]{.underline}.[^1]\\
            The court shall refer the child for services.

            [^1]: The summary leaves out the regulations.
                Its second line.

            """
        let record = try extractRecord(text: text, source: "summary.md")
        #expect(record.sections.map(\.heading) == ["Immunity From Prosecution"])
        #expect(record.sections.first?.text
            == "A person under the age of 18 shall not be prosecuted for prostitution as described in § 529.010. The court shall refer the child for services.")
        #expect(record.sections.first?.references.map(\.normalized) == ["Ky. Rev. Stat. Ann. § 529.010"])
        // A link stays a link, a bracket without attributes stays as written.
        #expect(MarkdownInline.strip("[text](https://example.org) [MISSING] [^x y]") == "text [MISSING] [^x y]")
        #expect(MarkdownInline.strip("a [b]{.smallcaps} c[^12] d") == "a b c d")
    }

    /// A summary pasted into an e-mail reply: the message replied to (from `-----Original
    /// Message-----` with a `From:` line under it) and the sender's signature above it (short
    /// lines, a telephone number) are no part of it.
    @Test func anEmailReplysSignatureAndOriginalMessageAreLeftOut() throws {
        let text = """
            From: Renee Halvorson <rh@example.org>
            Subject: RE: the summary

            Here it is.

            STATE STATUTES SERIES
            Current Through May 2021

            Responding to Child Victims of Human Trafficking: Kentucky

            \(KentuckySections.body)
            Renee Halvorson | Training Coordinator
            (515) 555-0148

            -----Original Message-----
            From: Marcus Bell <mb@example.org>
            Subject: the summary

            Do you have the summary?

            """
        KentuckySections.expect(try extractRecord(text: text, source: "reply.txt"))
        // A signature line that ends a sentence is the prose's: only the message goes.
        let kept = try #require(MarkupCleaner.withoutRepliedToMessage("Text.\n\nCall me at (515) 555-0148.\n-----Original Message-----\nFrom: A\n"))
        #expect(kept.hasPrefix("Text.\n\nCall me at (515) 555-0148.\n"))
        #expect(MarkupCleaner.withoutRepliedToMessage("-----Original Message-----\nno header\n") == nil)
    }

    /// A blog post's reply form (a `<textarea>` under `Leave a Reply`) is the page's control:
    /// neither its heading nor its labels are a section; a form that wraps a page (its
    /// headings inside it) stays read.
    @Test func aReplyFormAndItsHeadingAreNoSection() throws {
        let sections = KentuckySections.headings.enumerated().map { index, heading in
            "<h2>\(heading)</h2><p><strong>Citation:</strong> Rev. Stat. § \(["529.120", "620.029"][index])</p><p>\(KentuckySections.texts[index])</p>"
        }.joined()
        func page(_ article: String) -> String {
            """
            <html><head><title>Responding: Kentucky</title></head><body><main><article>
            <h1>Responding to Child Victims of Human Trafficking: Kentucky</h1><p>Current Through May 2021</p>
            \(article)
            </article>
            <div id="respond"><h3>Leave a Reply</h3><form action="/post-comment" method="post">
            <p>Your email address will not be published. Required fields are marked *</p>
            <p><label>Comment</label> <textarea name="comment"></textarea></p>
            <p><input type="submit" value="Post Comment"></p></form></div>
            </main></body></html>
            """
        }
        KentuckySections.expect(try extractRecord(text: page(sections), source: "post.html"))
        // A page wrapped whole in a form (with a text box somewhere) is read.
        let wrapped = "<html><body><form id=\"page\"><h1>Responding to Child Victims of Human Trafficking: Kentucky</h1><p>Current Through May 2021</p>\(sections)<textarea name=\"q\"></textarea></form></body></html>"
        KentuckySections.expect(try extractRecord(text: wrapped, source: "page.html"))
    }

    /// A page that names no state at its top takes the one its prose names, and no other
    /// (`Under Ohio law …`); a name that opens a code's name (`Alaska Stat.`, `D.C. Code`) or a
    /// proper name (`Kansas City`) is none, and two states named give none.
    @Test func aPageTakesTheOneStateItsProseNames() throws {
        func page(_ prose: String) -> String {
            """
            <html><body><main><p class="masthead">Provider Bulletin · October 2021</p>
            <h1>Recognizing and Reporting Child Sex Trafficking</h1>
            <p>Children in foster care are among those most at risk of being trafficked.</p>
            <p>\(prose)</p></main></body></html>
            """
        }
        #expect(try extractRecord(text: page("Under Ohio law, caregivers must report known or suspected abuse. Ohio's safe harbor law treats a child as a victim."), source: "a.html").state == "Ohio")
        #expect(try extractRecord(text: page("Caregivers must report as Alaska Stat. § 47.17.020 requires, and as D.C. Code § 4-1321.02 does."), source: "b.html").state == nil)
        #expect(try extractRecord(text: page("The training is held in Kansas City every spring."), source: "c.html").state == nil)
        #expect(try extractRecord(text: page("Caregivers in Ohio and in Kentucky must report known or suspected abuse."), source: "d.html").state == nil)
    }

    /// A word processor's "Save as text": the series label and date on one line apart by a
    /// tab are the header's two lines, a bullet and a tab open a list item, and with no blank
    /// line anywhere an item, or a `Citation:` line, ends where the next line's first word
    /// would have fitted after it.
    @Test func aWordProcessorsTextExportIsReadByItsLines() throws {
        let text = """
            STATE STATUTES SERIES\tCurrent Through May 2021
            Responding to Child Victims of Human Trafficking: Kentucky
            Immunity From Prosecution
            Citation: Rev. Stat. § 529.120
            \(KentuckySections.texts[0])
            Services and Supports for Victims
            Citation: Rev. Stat. § 620.029
            The cabinet shall:
            •\tDevelop a protocol for the investigation of reports
            •\tProvide appropriate services
            Training Requirement
            Citation: Rev. Stat. § 620.030
            Each caseworker shall complete a training on human trafficking.

            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.title == "Responding to Child Victims of Human Trafficking")
        #expect(record.state == "Kentucky")
        #expect(record.date == "2021-05")
        #expect(record.sections.map(\.heading) == KentuckySections.headings + ["Training Requirement"])
        #expect(record.sections.dropFirst().first?.text
            == "The cabinet shall:\n\nDevelop a protocol for the investigation of reports\n\nProvide appropriate services")
    }

    /// A credit's label with a colon before its points (`18+ Youth: +1.5`) and a dash before
    /// its description; a note with a year in it after the last credit is the page's.
    @Test func aCreditsColonAndDashAreNoPartOfItsNameOrDescription() throws {
        let rows = [
            ("Criminal Provisions", "B", "15", "17.5"), ("Identification of and Response to Victims", "C", "20.5", "27.5"),
            ("Continuum of Care", "D", "9.5", "15"), ("Access to Justice for Trafficking Survivors", "B", "12", "15"),
            ("Tools for a Victim-Centered Criminal Justice Response", "C", "7.5", "10"), ("Prevention and Training", "C", "10.5", "15"),
        ]
        let table = rows.enumerated().map { "<tr><td>\($0.offset + 1). \($0.element.0)</td><td>\($0.element.1)</td><td>\($0.element.2)/\($0.element.3)</td></tr>" }
            .joined()
        let html = """
            <html><body><div><b>KENTUCKY</b></div><div>2023 Report Card on Child &amp; Youth Sex Trafficking</div>
            <div>Overall Grade: C</div><div>Final Score: 77.5</div>
            <table><tr><td>Issue</td><td>Grade</td><td>Score</td></tr>\(table)</table>
            <div><b>Extra Credit</b></div>
            <div>18+ Youth: +1.5 &mdash; Protections related to victim supports are extended to sex trafficked youth.</div>
            <div>CLT Child Labor Trafficking: +1 &mdash; Protections related to civil remedies are extended to child labor trafficking victims.</div>
            <div><i>Clipped for the coalition call &mdash; compare with 2022 (was C, 74).</i></div>
            </body></html>
            """
        let record = try extractRecord(text: html, source: "card.html")
        let credits = record.reportCard?.extraCredit ?? []
        #expect(credits.map(\.code) == ["18+", "CLT"])
        #expect(credits.map(\.name) == ["18+ Youth", "Child Labor Trafficking"])
        #expect(credits.map(\.points) == [1.5, 1])
        #expect(credits.map(\.description) == [
            "Protections related to victim supports are extended to sex trafficked youth.",
            "Protections related to civil remedies are extended to child labor trafficking victims.",
        ])
    }

    /// A card's year at one margin and its state at the other on one line under the title
    /// (`2013        OKLAHOMA`) give its year and state.
    @Test func aYearAndAStateOnOneLineUnderACardsTitle() throws {
        let areas = [
            ("Criminalization of Domestic Minor Sex Trafficking", "10", "10", "A"), ("Criminal Provisions Addressing Demand", "19.5", "25", "C"),
            ("Criminal Provisions for Traffickers", "13", "15", "B"), ("Criminal Provisions for Facilitators", "8.5", "10", "B"),
            ("Protective Provisions for the Child Victims", "16.5", "27.5", "D"),
            ("Criminal Justice Tools for Investigation and Prosecution", "12.5", "15", "B"),
        ]
        let rows = areas.enumerated().map { index, area in
            "  \(index + 1)   " + area.0.padding(toLength: 58, withPad: " ", startingAt: 0) + "\(area.1)     \(area.2)     \(area.3)"
        }
        let text = (["                 PROTECTED INNOCENCE CHALLENGE", "", "  2013                                            OKLAHOMA", "",
                     "  FINAL SCORE  80                                 FINAL GRADE  B", ""] + rows.flatMap { [$0, ""] })
            .joined(separator: "\n")
        let record = try extractRecord(text: text, source: "card.txt")
        #expect(record.kind == .reportCard)
        #expect(record.state == "Oklahoma")
        #expect(record.year == 2013)
        #expect(record.reportCard?.issues.count == 6)
        #expect(record.reportCard?.checks.gradesMatchScores == true)
    }
}
