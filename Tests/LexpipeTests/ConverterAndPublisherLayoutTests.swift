@testable import LexpipeExtraction
import LexpipeIngest
@testable import LexpipeMarkup
import LexpipePipeline
import LexpipeRecord
import Testing

// Forms that converters and publishing tools give documents: html2text's reference links and
// spaced rules, Acrobat's text with no page breaks, a static site's post byline, a notebook's
// data frame, a spreadsheet's source line, an announcement's table of facts. Each test holds
// one rule.

@Suite("Layouts of converters, static sites, notebooks and announcements")
struct ConverterAndPublisherLayoutTests {

    /// A reference link (`[text][6]`, `[text][]`) reads as its text; the links' targets at the
    /// end (`   [6]: https://…`) are no text.
    @Test func referenceLinksReadAsTheirText() throws {
        #expect(MarkdownInline.strip("**Citation:** [Rev. Stat. § 529.120][6]") == "Citation: Rev. Stat. § 529.120")
        #expect(MarkdownInline.strip("See [the guide][] and [home][Home Page].") == "See the guide and home.")
        // A bracket that no reference follows stays.
        #expect(MarkdownInline.strip("[draft] text") == "[draft] text")
        var builder = TextBlockBuilder(markdown: true, dropPageFurniture: true)
        let blocks = builder.build("Prose.\n\n[Print][9] [Email][10]\n\n   [1]: https://example.org/\n   [6]: https://example.org/a \"A\"\n")
        #expect(blocks.map(\.text) == ["Prose."])
        // A note with a colon after a bracketed number is text.
        var notes = TextBlockBuilder(markdown: true, dropPageFurniture: true)
        #expect(notes.build("[1]: See the annual report.\n").map(\.text) == ["[1]: See the annual report."])
        let text = "\(KentuckySections.header)\n\n"
            + KentuckySections.body.replacingOccurrences(of: "Citation: Rev. Stat. § 529.120", with: "**Citation:** [Rev. Stat. § 529.120][1]")
            + "\n   [1]: https://apps.legislature.ky.gov/law/statutes/statute.aspx?id=1\n"
        KentuckySections.expect(try extractRecord(text: text, source: "summary.md"), citations: true)
    }

    /// Markdown's thematic break of spaced stars (`* * *`, html2text's) is a break, not a list
    /// item: the page's links after it are left out as after `---`.
    @Test func aSpacedBreakIsARule() throws {
        var builder = TextBlockBuilder(markdown: true, dropPageFurniture: true)
        #expect(builder.build("Prose.\n\n* * *\n\n___\n").map(\.text) == ["Prose.", "---", "---"])
        let text = "\(KentuckySections.header)\n\n\(KentuckySections.body)\n* * *\n\n### Related Resources\n\n  * [A Guide for Caseworkers][1]\n\nThe site is a service of the Bureau.\n"
        KentuckySections.expect(try extractRecord(text: text, source: "summary.md"))
    }

    /// A text with no page breaks (Acrobat's Save as Text): the page's number on a line of its
    /// own under the footer line, or ending the text, is no prose; each paragraph one long line
    /// with no blank line between is a paragraph of its own.
    @Test func pageNumbersUnderFootersAndUnwrappedParagraphs() throws {
        let first = "A child who is a victim of human trafficking shall be referred to the department for an assessment of the child's safety and needs."
        let second = "The department shall complete the assessment within 72 hours after it receives the referral from a law enforcement agency."
        let text = """
            Responding to Child Victims of Human Trafficking: Kentucky
            STATE STATUTES SERIES
            Current Through May 2021
            Immunity From Prosecution
            Citation: Rev. Stat. § 529.120
            \(first)
            \(second)
            Child Welfare Information Gateway                  https://www.childwelfare.gov
            1
            Services and Supports for Victims
            Citation: Rev. Stat. § 620.029
            \(KentuckySections.texts[1])
            2
            """
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == KentuckySections.headings)
        #expect(record.sections.map(\.text) == ["\(first)\n\n\(second)", KentuckySections.texts[1]])
        #expect(StatuteSummaryExtractor.isPageNumber("12") && !StatuteSummaryExtractor.isPageNumber("12a") && !StatuteSummaryExtractor.isPageNumber("12345"))
    }

    /// A post's byline above the summary (`June 14, 2022 · Updated September 1, 2022`) dates
    /// the page; the series' `Current Through` line dates the summary, and wins.
    @Test func theSeriesDateWinsOverAPostsByline() throws {
        let html = """
            <html><body><article>
            <h1>Responding to Child Victims of Human Trafficking: Kentucky</h1>
            <div class="post-meta"><time>June 14, 2022</time> · 3 min read · Updated <time>September 1, 2022</time></div>
            <p>State Statutes Series — Current Through May 2021</p>
            <h2>Immunity From Prosecution</h2><p><strong>Citation:</strong> Rev. Stat. § 529.120</p><p>\(KentuckySections.texts[0])</p>
            <h2>Services and Supports for Victims</h2><p><strong>Citation:</strong> Rev. Stat. § 620.029</p><p>\(KentuckySections.texts[1])</p>
            </article></body></html>
            """
        KentuckySections.expect(try extractRecord(text: html, source: "post.html"))
    }

    /// A heading's permalink pilcrow (nbconvert's `anchor-link`, Sphinx's `headerlink`) is no
    /// word of it.
    @Test func aHeadingsPilcrowIsNoWord() throws {
        let html = "<html><body><h1>Kansas 2022 Report Card<a class=\"anchor-link\" href=\"#k\">¶</a></h1><p>Body text here.</p></body></html>"
        let blocks = try MarkupCleaner().clean(text: html, format: .html).blocks
        #expect(blocks.first?.text == "Kansas 2022 Report Card")
    }

    /// A data frame's table (pandas' `to_html`): the index column, counted from 0 under an
    /// empty header cell, is no issue number nor a word of the row before.
    @Test func aDataFramesIndexIsNoPartOfTheRows() throws {
        let names = ["Criminal Provisions", "Identification of and Response to Victims", "Continuum of Care",
                     "Access to Justice for Trafficking Survivors", "Tools for a Victim-Centered Criminal Justice Response", "Prevention and Training"]
        let scores: [(String, Double, Double)] = [("B", 15, 17.5), ("C", 20, 27.5), ("C", 11, 15), ("D", 9.5, 15), ("B", 8.5, 10), ("C", 10.5, 15)]
        var rows = ""
        for (index, name) in names.enumerated() {
            let (grade, score, max) = scores[index]
            rows += "<tr><th>\(index)</th><td>\(name)</td><td>\(grade)</td><td>\(score)</td><td>\(max)</td><td>goal \(index)</td><td>gap \(index)</td></tr>\n"
        }
        let html = """
            <html><body><h1>Kansas 2022 Report Card</h1>
            <p>Scores from the Report Card on Child &amp; Youth Sex Trafficking.</p>
            <table class="dataframe"><thead><tr><th></th><th>issue</th><th>grade</th><th>score</th><th>max_score</th><th>accomplished</th><th>gaps</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <p>Overall grade: C (74.5)</p></body></html>
            """
        let issues = try #require(try extractRecord(text: html, source: "card.html").reportCard?.issues)
        #expect(issues.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(issues.map(\.name) == names)
        #expect(issues.map(\.gaps) == (0..<6).map { "gap \($0)" })
    }

    /// A source line under the extra credit (`Source: …, retrieved November 2022`) is no
    /// credit: a year after a month's name is a date, not points.
    @Test func aYearAfterAMonthIsNoCreditsPoints() throws {
        let text = CardHeaderTests.table.replacingOccurrences(of: "\nOVERALL GRADE 61.5\n", with: "")
            + "Extra Credit\n\nCLT\tChild Labor Trafficking\t+1.5\tProtections are extended to child labor trafficking victims.\n\nSource: reportcards.sharedhope.org, retrieved November 2022\n"
        let record = try extractRecord(text: "# Kansas 2022 Report Card on Child & Youth Sex Trafficking\n\n" + text, source: "card.md")
        let credits = try #require(record.reportCard?.extraCredit)
        #expect(credits.map(\.code) == ["CLT"])
        #expect(credits.map(\.points) == [1.5])
    }

    /// An announcement's table of facts under its headline: a first row labelling a date
    /// (`Release Date | March 14, 2023`) dates it; the site's name after ` | ` in the page's
    /// title, a publisher named by its state, gives the state when nothing else does.
    @Test func anAnnouncementsReleaseDateAndPublishersState() throws {
        let html = """
            <html><head><title>Funding Announcement: Services for Victims | Pennsylvania Commission on Crime and Delinquency</title></head>
            <body><main><h1>Funding Announcement: Services for Victims</h1>
            <table><tr><th>Release Date</th><td>March 14, 2023</td></tr><tr><th>Application Deadline</th><td>May 5, 2023</td></tr></table>
            <p>The Commission is soliciting applications from county agencies and nonprofit providers for services to victims.</p>
            </main></body></html>
            """
        let record = try extractRecord(text: html, source: "notice.html")
        #expect(record.state == "Pennsylvania")
        #expect(record.date == "2023-03-14")
        // A name that does not open with a state names none.
        let other = try extractRecord(text: html.replacingOccurrences(of: "Pennsylvania Commission", with: "Keystone Commission"), source: "notice.html")
        #expect(other.state == nil)
    }

    /// A slide deck's text (`pdftotext`, a slide a page): a line at each slide's top whose
    /// number falls short of the slide's own number (`Issue 1` over a slide numbered 3) counts
    /// the content, not the pages, and is kept; and `Extra credit` going on in a sentence
    /// (`Extra credit for protections …`) on a slide before the issues heads no extra credit.
    @Test func aSlidePerIssue() throws {
        let names = ["Criminal Provisions", "Identification of and Response to Victims", "Continuum of Care",
                     "Access to Justice for Trafficking Survivors", "Tools for a Victim-Centered Criminal Justice Response", "Prevention and Training"]
        let scores = [("A", "16.5 / 17.5"), ("B", "23 / 27.5"), ("C", "11 / 15"), ("B", "12.5 / 15"), ("B", "8.5 / 10"), ("C", "10.5 / 15")]
        var slides = ["Kansas\n2023 Report Card on Child & Youth Sex Trafficking\nFinal Score: 82\n",
                      "Scoring at a Glance\nSix issue areas, 100 points in all\nExtra credit for protections extended beyond the core policy goals\nKansas 2023 Report Card | Shared Hope International\n2\n"]
        let goals = ["buyer accountability", "child abuse definitions", "community services", "civil remedies", "victim supports", "law enforcement training"]
        let gaps = ["mistake of age defenses", "juvenile justice screening", "foster care services", "statutes of limitation", "hearsay exceptions", "school personnel training"]
        for (index, name) in names.enumerated() {
            slides.append("Issue \(index + 1)\n\(name)\n\(scores[index].0)\n\(scores[index].1) points\n• Policy goals accomplished in areas related to \(goals[index]).\n• Gaps remain in areas related to \(gaps[index]).\nKansas 2023 Report Card | Shared Hope International\n\(index + 3)\n")
        }
        let record = try extractRecord(text: slides.joined(separator: "\u{0C}"), source: "deck.txt")
        #expect(record.kind == .reportCard)
        let issues = try #require(record.reportCard?.issues)
        #expect(issues.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(issues.map(\.name) == names)
        #expect(issues.map { $0.grade?.rawValue } == scores.map(\.0))
        #expect(issues.map(\.gaps) == gaps)
        #expect(record.reportCard?.extraCredit.isEmpty == true)
    }

    /// A heading and its "not addressed" sentence in one block (mutool's text): the heading,
    /// one to twelve words with no end punctuation, heads a section that describes nothing.
    @Test func aHeadingOverItsNothingDescribedSentenceInOneBlock() throws {
        let block = Block(.paragraph, "Use of the Term 'Commercial Sexual Exploitation of Children' This issue is not addressed in the statutes and regulations reviewed.")
        let split = try #require(StatuteSummaryExtractor.headingOverNothingDescribed(block))
        #expect(split.heading == "Use of the Term 'Commercial Sexual Exploitation of Children'")
        #expect(split.sentence == "This issue is not addressed in the statutes and regulations reviewed.")
        // Prose before the sentence (a sentence of its own) is no heading.
        #expect(StatuteSummaryExtractor.headingOverNothingDescribed(Block(.paragraph,
            "The law defines trafficking. This issue is not addressed in the statutes and regulations reviewed.")) == nil)
        let text = "\(KentuckySections.header)\n\n\(KentuckySections.body)\nTraining Requirements\nThis issue is not addressed in the statutes and regulations reviewed.\n"
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.map(\.heading) == KentuckySections.headings + ["Training Requirements"])
        #expect(record.sections.last?.provision == false)
    }
}
