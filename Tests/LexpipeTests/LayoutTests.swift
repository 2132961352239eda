import Foundation
@testable import LexpipeExtraction
@testable import LexpipeMarkup
import LexpipeJurisdictions
import LexpipeNormalization
import LexpipePipeline
import LexpipeRecord
import Testing

/// The same statute summary in the layouts documents really come in: each case asserts what a
/// researcher reads from the record (kind, state, year, date, section headings).
enum LayoutSample {
    static let title = "Responding to Child Victims of Human Trafficking"
    static let firstBody = "The term 'abused child' includes a child who is or has been trafficked by any person."
    static let secondBody = "No training specific to human or sex trafficking is described in the statutes and regulations reviewed."
    static let headings = ["State Agency Responsibilities", "Training Requirement"]

    /// The two sections as a web page's content.
    static let htmlSections = """
        <h2>State Agency Responsibilities</h2>
        <p><strong>Citation:</strong> Ann. Code &sect;&nbsp;43-21-105</p>
        <p>\(firstBody)</p>
        <h2>Training Requirement</h2>
        <p>\(secondBody)</p>
        """

    /// The two sections as plain text.
    static let textSections = """
        State Agency Responsibilities

        Citation: Ann. Code § 43-21-105

        \(firstBody)

        Training Requirement

        \(secondBody)
        """

    /// Everything a whole saved page carries around its content.
    static let skipLink = ##"<a class="skip-link" href="#main-content">Skip to main content</a>"##
    static let banner = """
        <header class="site-header"><a href="/"><img alt="Gateway logo" src="logo.png"></a>
        <p class="tagline">Connecting professionals and the public to information</p>
        <form role="search"><label>Search</label><input type="text"><button>Go</button></form></header>
        """
    static let menu = """
        <nav aria-label="Main"><ul><li><a href="/topics">Topics</a></li><li><a href="/resources">Resources</a></li>
        <li><a href="/about">About Us</a></li></ul></nav>
        """
    static let breadcrumb = """
        <div class="crumbs"><a href="/">Home</a> › <a href="/topics">Topics</a> › <a href="/topics/laws">Laws &amp; Policies</a> › Responding</div>
        """
    static let printShare = """
        <ul class="page-tools"><li><a href="javascript:print()">Print</a></li><li><a href="/share">Share</a></li>
        <li><a href="mailto:?subject=x">Email</a></li></ul>
        """
    static let related = """
        <aside><h2>Related Resources</h2><h3>Human Trafficking</h3><ul><li><a href="/a">Child Trafficking Overview</a></li>
        <li><a href="/b">State Laws Search</a></li></ul></aside>
        """
    static let footer = """
        <footer><div><h2>Contact Us</h2><p>Children's Bureau, 330 C Street SW, Washington, DC 20201</p>
        <ul><li><a href="/privacy">Privacy</a></li><li><a href="/foia">FOIA</a></li><li><a href="/a11y">Accessibility</a></li></ul></div></footer>
        """

    /// A whole page: chrome around `<main>` holding `header` then the sections.
    static func page(title: String = "Responding to Child Victims of Human Trafficking | Gateway", header: String, main: Bool = true) -> String {
        let content = "\(header)\n\(printShare)\n\(htmlSections)\n\(related)"
        return """
            <!DOCTYPE html><html><head><title>\(title)</title><script>var menu = "<p>not text</p>";</script></head>
            <body>\(skipLink)\(banner)\(menu)
            \(main ? #"<main id="main-content">"# : #"<div id="content">"#)\(breadcrumb)
            \(content)
            \(main ? "</main>" : "</div>")
            \(footer)
            </body></html>
            """
    }
}

@Suite("Layouts: web pages saved whole")
struct WebPageLayoutTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var html: String
        var state: String
        var date: String

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "state in an h2 under the title, date as Current Through", html: LayoutSample.page(header: """
            <h1>\(LayoutSample.title)</h1><h2>Texas</h2><p>Current Through April 2023</p>
            """), state: "Texas", date: "2023-04"),
        Case(name: "State: label, date in a span label", html: LayoutSample.page(header: """
            <h1>\(LayoutSample.title)</h1><p>State: Utah</p><div><span>Date:</span> December 2018</div>
            """), state: "Utah", date: "2018-12"),
        Case(name: "state only in the page title", html: LayoutSample.page(
            title: "\(LayoutSample.title) - Oregon | Child Welfare Information Gateway",
            header: "<h1>\(LayoutSample.title)</h1><p>Date: May 2023</p>"
        ), state: "Oregon", date: "2023-05"),
        Case(name: "title and state in the h1, in an article's own header", html: LayoutSample.page(header: """
            <article><header><h1>\(LayoutSample.title) - Ohio</h1><p>03/2022</p></header></article>
            """), state: "Ohio", date: "2022-03"),
        Case(name: "no semantic containers: divs only", html: LayoutSample.page(header: """
            <h1>\(LayoutSample.title)</h1><p><b>Kansas</b></p><p>Date: 2020</p>
            """, main: false), state: "Kansas", date: "2020"),
    ]

    @Test(arguments: cases)
    func pageChromeIsDroppedAndTheHeaderRead(_ sample: Case) throws {
        let record = try extractRecord(text: sample.html, source: "page.html")
        #expect(record.kind == .statuteSummary)
        #expect(record.title == LayoutSample.title)
        #expect(record.state == sample.state)
        #expect(record.date == sample.date)
        #expect(record.year == Int(sample.date.prefix(4)))
        #expect(record.sections.map(\.heading) == LayoutSample.headings)
        #expect(record.sections.first?.citations.map(\.raw) == ["Ann. Code § 43-21-105"])
        #expect(record.sections.map(\.text) == [LayoutSample.firstBody, LayoutSample.secondBody])
    }

    /// What a page's chrome says never reaches the blocks.
    @Test func chromeTextIsNotContent() throws {
        let html = LayoutSample.page(header: "<h1>\(LayoutSample.title)</h1><h2>Texas</h2>")
        for main in [true, false] {
            let page = main ? html : html.replacingOccurrences(of: #"<main id="main-content">"#, with: "<div>")
                .replacingOccurrences(of: "</main>", with: "</div>")
            let document = try MarkupCleaner().clean(text: page, format: .html)
            let text = document.blocks.map(\.text).joined(separator: "\n")
            for chrome in ["Skip to main content", "Topics", "Print", "Share", "Related Resources", "Child Trafficking Overview",
                           "Privacy", "Contact Us", "Search", "Home"] {
                #expect(!text.contains(chrome), "\(chrome) kept (main: \(main))")
            }
            #expect(document.blocks.first?.text == LayoutSample.title)
            #expect(document.pageTitle == "Responding to Child Victims of Human Trafficking | Gateway")
        }
    }

    /// Link-dense containers go whatever they are called; a container of text with a link in it stays.
    @Test func linkDensityDecidesNotClassNames() throws {
        let html = """
            <html><body><div><h1>Title - Iowa</h1>
            <div class="menu-of-things"><p>See the <a href="/x">department's page</a> for the full list of services offered to children and families across the state each year.</p></div>
            <div><a href="/1">One</a> <a href="/2">Two</a> <a href="/3">Three</a> <a href="/4">Four</a></div>
            <div class="related-links"><h2>Related Resources</h2><p><a href="/r">Trafficking Overview</a>, and more</p></div>
            <p>Body text that carries the content of the page and is long enough to weigh.</p></div></body></html>
            """
        let texts = try MarkupCleaner().clean(text: html, format: .html).blocks.map(\.text)
        #expect(texts == [
            "Title - Iowa",
            "See the department's page for the full list of services offered to children and families across the state each year.",
            "Body text that carries the content of the page and is long enough to weigh.",
        ])
    }
}

extension WebPageLayoutTests {
    /// A page laid out in a table: a menu row, a sidebar cell of related links before the
    /// content cell (whose title is a bold paragraph, no `<h1>`), a footer row; with the table
    /// turned into `<div>`s, the same. The content is found as in any page, the sidebar's
    /// heading is no header line, and a data table inside the content stays a table.
    @Test(arguments: [true, false])
    func aPageLaidOutInATableReadsAsItsContent(table: Bool) throws {
        let sidebar = """
            <div class="sidebar"><h3>Related Resources</h3><ul><li><a href="/a">Definitions of Child Abuse and Neglect</a></li>
            <li><a href="/b">Mandatory Reporting</a></li><li><a href="/c">Safe Haven Laws</a></li></ul></div>
            """
        let content = """
            <p class="series">State Statutes Series</p><p>Arkansas</p><p>Current Through May 2022</p>
            <p><font size="5"><b>\(LayoutSample.title)</b></font></p>\(LayoutSample.htmlSections)
            """
        let menu = #"<ul class="menu"><li><a href="/">Home</a></li><li><a href="/topics/">Topics</a></li><li><a href="/about/">About</a></li></ul>"#
        let footer = #"<a href="/privacy">Privacy</a> | <a href="/contact">Contact Us</a>"#
        let (open, row, cell, close) = table ? ("<table width=\"100%\">", "tr", "td", "</table>") : ("<div>", "div", "div", "</div>")
        let html = "<html><head><title>Arkansas</title></head><body>\(open)<\(row)><\(cell) colspan=\"2\">\(menu)</\(cell)></\(row)>"
            + "<\(row)><\(cell) valign=\"top\">\(sidebar)</\(cell)><\(cell)>\(content)</\(cell)></\(row)>"
            + "<\(row)><\(cell) colspan=\"2\">\(footer)</\(cell)></\(row)>\(close)</body></html>"
        let record = try extractRecord(text: html, source: "ar.html")
        #expect(record.kind == .statuteSummary)
        #expect(record.title == LayoutSample.title)
        #expect(record.state == "Arkansas")
        #expect(record.date == "2022-05")
        #expect(record.sections.map(\.heading) == LayoutSample.headings)
        #expect(!record.sections.map(\.text).joined().contains("Related"))
    }

    /// A data table inside a page laid out in a table keeps its rows.
    @Test func aTableInsideALayoutTableStaysATable() throws {
        let html = """
            <html><body><table><tr><td><h1>Title</h1><p>One.</p><p>Two.</p></td></tr><tr><td>
            <table><tr><td>1. Criminal Provisions</td><td>B</td><td>14 / 17.5</td></tr></table></td></tr></table></body></html>
            """
        let blocks = try MarkupCleaner().clean(text: html, format: .html).blocks
        #expect(blocks.contains { $0.cells == ["1. Criminal Provisions", "B", "14 / 17.5"] })
        #expect(blocks.contains { $0.headingLevel == 1 && $0.text == "Title" })
    }
}

@Suite("Layouts: header lines in any order")
struct HeaderOrderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var header: [String]
        var markdown = false
        var state: String
        var date: String
        var warns = false

        var testDescription: String { name }
    }

    static let title = LayoutSample.title
    static let cases: [Case] = [
        Case(name: "title with state, date", header: ["\(title) - Mississippi", "Date: December 2018"], state: "Mississippi", date: "2018-12"),
        Case(name: "state line before the title", header: ["Mississippi", title, "Date: December 2018"], state: "Mississippi", date: "2018-12"),
        Case(name: "state line after the title", header: [title, "Utah", "May 2023"], state: "Utah", date: "2023-05"),
        Case(name: "date first, then series, title, labelled state", header: ["Current Through April 2023", "State Statutes Series", title, "State: Nevada"], state: "Nevada", date: "2023-04"),
        Case(name: "series above title, USPS code", header: ["State Statutes Series", title, "State: UT", "03/2022"], state: "Utah", date: "2022-03"),
        Case(name: "title, series, date", header: ["\(title) - Ohio", "State Statutes Series", "Date: 2020"], state: "Ohio", date: "2020"),
        Case(name: "bold state in markdown", header: ["# \(title)", "**Vermont**", "Date: June 2019"], markdown: true, state: "Vermont", date: "2019-06"),
        Case(name: "state as a heading in markdown", header: ["# \(title)", "## Maine", "Date: June 2019"], markdown: true, state: "Maine", date: "2019-06"),
        Case(name: "state in capitals", header: ["OREGON", title, "Date: June 2019"], state: "Oregon", date: "2019-06"),
        Case(name: "converted page: menu and breadcrumb, the state above the title", header: ["* [Home](/)\n* [Topics](/topics/)", "[Home](/) > [State Statutes](/state/) > Kansas", "Kansas", "# \(title)", "Updated 2017-05"], markdown: true, state: "Kansas", date: "2017-05"),
        Case(name: "series label with the state, under the title", header: [title, "State Statutes Series: Iowa", "May 2023"], state: "Iowa", date: "2023-05"),
        Case(name: "converted page: skip link, menu and breadcrumb, the series line with the state above the title", header: ["[Skip to main content](#main)", "* [Home](/)\n* [Topics](/topics/)", "[Home](/) > [State Statutes](/state/) > Missouri", "State Statutes Series: Missouri", "November 2018", "# \(title)"], markdown: true, state: "Missouri", date: "2018-11"),
        Case(name: "converted page: skip link, menu and breadcrumb, a labelled state, date and series above the title", header: ["[Skip to main content](#main)", "* [Home](/)\n* [Topics](/topics/)", "[Home](/) > [State Statutes](/state/) > Florida", "State: Florida", "March 2016", "STATE STATUTES SERIES", "# \(title)"], markdown: true, state: "Florida", date: "2016-03"),
        Case(name: "series label with the state, above the title", header: ["Date: 2021", "State Statutes Series - New Mexico", title], state: "New Mexico", date: "2021"),
        Case(name: "two states disagree: the labelled one kept, a warning", header: ["\(title) - Idaho", "State: Montana", "Date: June 2019"], state: "Montana", date: "2019-06", warns: true),
    ]

    @Test(arguments: cases)
    func headerIsReadInAnyOrder(_ sample: Case) throws {
        let sections = sample.markdown
            ? LayoutSample.textSections.replacingOccurrences(of: "State Agency Responsibilities", with: "## State Agency Responsibilities")
                .replacingOccurrences(of: "Training Requirement", with: "## Training Requirement")
            : LayoutSample.textSections
        let text = (sample.header + [sections]).joined(separator: "\n\n") + "\n"
        let record = try extractRecord(text: text, source: sample.markdown ? "summary.md" : "summary.txt")
        #expect(record.kind == .statuteSummary)
        #expect(record.title == LayoutSample.title)
        #expect(record.state == sample.state)
        #expect(record.date == sample.date)
        #expect(record.year == Int(sample.date.prefix(4)))
        #expect(record.sections.map(\.heading) == LayoutSample.headings)
        #expect(record.sections.count == 2)
        #expect(record.diagnostics.contains { $0.code == .header && $0.message.contains("state:") } == sample.warns, "\(record.warnings)")
    }
}

@Suite("Layouts: the page's title")
struct PageTitleHeadlineTests {
    /// A headline set over lines whose first line alone opens the page is the page's title
    /// whole; a page's title that only repeats the headline, with its state and site, changes
    /// nothing.
    @Test(arguments: [
        ("PENAL CODE CHAPTER 20A. TRAFFICKING OF PERSONS", "PENAL CODE", "PENAL CODE CHAPTER 20A. TRAFFICKING OF PERSONS"),
        ("Penal Code | Statutes", "PENAL CODE", "PENAL CODE"),
        ("PENAL CODEBOOK", "PENAL CODE", "PENAL CODE"),
        ("PENAL CODE in Ohio", "PENAL CODE", "PENAL CODE"),
    ])
    func aPageTitleThatGoesOnFromTheHeadlineIsTheHeadline(pageTitle: String, firstLine: String, headline: String) throws {
        let html = "<html><head><title>\(pageTitle)</title></head><body><p>\(firstLine)</p><p>TITLE 5. OFFENSES AGAINST THE PERSON</p><p>CHAPTER 20A. TRAFFICKING OF PERSONS</p><p>Sec. 20A.01. DEFINITIONS. In this chapter, a child is a person younger than 18 years of age.</p></body></html>"
        let record = try extractRecord(text: html, source: "chapter.html")
        #expect(record.title == headline)
    }

    /// A page that names no state but in its site's name (its link to the site's root) is that
    /// state's; a state the page names anywhere else comes first.
    @Test(arguments: [
        ("<title>PENAL CODE</title>", "<a href=\"/\">Texas Constitution and Statutes</a> | <a href=\"/pdf\">PDF</a>", "Texas"),
        ("<title>PENAL CODE - Ohio</title>", "<a href=\"/\">Texas Constitution and Statutes</a>", "Ohio"),
        ("<title>PENAL CODE</title>", "<a href=\"/statutes/\">Texas Constitution and Statutes</a>", nil),
        ("<title>PENAL CODE</title>", "<a href=\"/\">Child Welfare Information Gateway</a>", nil),
    ] as [(String, String, String?)])
    func aStateNamedOnlyByTheSiteIsTheState(head: String, banner: String, state: String?) throws {
        let html = "<html><head>\(head)</head><body><div id=\"header\">\(banner)</div><div class=\"statute\"><p>PENAL CODE</p><p>TITLE 5. OFFENSES AGAINST THE PERSON</p><p>Sec. 20A.01. DEFINITIONS. In this chapter, a child is a person younger than 18 years of age.</p></div></body></html>"
        let record = try extractRecord(text: html, source: "chapter.html")
        #expect(record.state == state)
    }

    @Test func aPageTitleRepeatingTheHeadlineWithItsStateLeavesIt() throws {
        let html = "<html><head><title>\(LayoutSample.title) - Ohio | Child Welfare Information Gateway</title></head><body><h1>\(LayoutSample.title)</h1><p>Date: May 2020</p>\(LayoutSample.textSections.split(separator: "\n\n").map { "<p>\($0)</p>" }.joined())</body></html>"
        let record = try extractRecord(text: html, source: "summary.html")
        #expect(record.title == LayoutSample.title)
        #expect(record.state == "Ohio")
    }
}

@Suite("Layouts: date forms")
struct DateFormTests {
    /// Two dates that disagree: the first of the surest kept, a warning naming both.
    @Test func disagreeingDatesAreReported() throws {
        let text = "\(LayoutSample.title) - Ohio\n\nDate: May 2020\n\nCurrent Through June 2021\n\n\(LayoutSample.textSections)\n"
        let record = try extractRecord(text: text, source: "dates.txt")
        #expect(record.date == "2020-05")
        #expect(record.diagnostics.contains { $0.code == .header && $0.message.contains("date:") && $0.message.contains("June 2021") })
        #expect(record.sections.map(\.heading) == LayoutSample.headings)
    }

    @Test(arguments: [
        ("Date: December 2018", "2018-12", 2018), ("Date: 2020", "2020", 2020), ("03/2022", "2022-03", 2022),
        ("May 2023", "2023-05", 2023), ("Current Through April 2023", "2023-04", 2023), ("Updated 3/15/2022", "2022-03-15", 2022),
        ("Current as of Dec. 5, 2019", "2019-12-05", 2019), ("2021-07", "2021-07", 2021), ("Last updated: August 2024", "2024-08", 2024),
    ])
    func everyDateFormIsRead(line: String, date: String, year: Int) throws {
        let text = "\(LayoutSample.title) - Alaska\n\n\(line)\n\n\(LayoutSample.textSections)\n"
        let record = try extractRecord(text: text, source: "date.txt")
        #expect(record.date == date)
        #expect(record.year == year)
        #expect(record.sections.map(\.heading) == LayoutSample.headings)
    }

    @Test(arguments: ["Enacted 2020 by the legislature", "16/17-73", "13/2022", "2020 Report Card"])
    func textThatIsNoDateIsNone(text: String) {
        #expect(DateText.find(in: text)?.isWholeBlock != true)
    }
}

@Suite("Layouts: section headings")
struct HeadingSyntaxTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        var format: String

        var testDescription: String { name }
    }

    static func markdown(_ mark: (String) -> String) -> String {
        "# \(LayoutSample.title) - Iowa\n\nDate: May 2020\n\n" + LayoutSample.textSections
            .replacingOccurrences(of: LayoutSample.headings[0], with: mark(LayoutSample.headings[0]))
            .replacingOccurrences(of: LayoutSample.headings[1], with: mark(LayoutSample.headings[1])) + "\n"
    }

    static func html(_ mark: (String) -> String) -> String {
        "<html><body><main><h1>\(LayoutSample.title) - Iowa</h1><p>Date: May 2020</p>"
            + LayoutSample.htmlSections
            .replacingOccurrences(of: "<h2>\(LayoutSample.headings[0])</h2>", with: mark(LayoutSample.headings[0]))
            .replacingOccurrences(of: "<h2>\(LayoutSample.headings[1])</h2>", with: mark(LayoutSample.headings[1]))
            + "</main></body></html>"
    }

    static let cases: [Case] = [
        Case(name: "plain short lines", source: "\(LayoutSample.title) - Iowa\n\nDate: May 2020\n\n\(LayoutSample.textSections)\n", format: "txt"),
        Case(name: "markdown ##", source: markdown { "## \($0)" }, format: "md"),
        Case(name: "markdown ###", source: markdown { "### \($0)" }, format: "md"),
        Case(name: "markdown ####", source: markdown { "#### \($0)" }, format: "md"),
        Case(name: "markdown bold-only lines", source: markdown { "**\($0)**" }, format: "md"),
        Case(name: "html h2", source: html { "<h2>\($0)</h2>" }, format: "html"),
        Case(name: "html h3", source: html { "<h3>\($0)</h3>" }, format: "html"),
        Case(name: "html h4", source: html { "<h4>\($0)</h4>" }, format: "html"),
        Case(name: "html p strong", source: html { "<p><strong>\($0)</strong></p>" }, format: "html"),
        Case(name: "html p b", source: html { "<p><b>\($0)</b></p>" }, format: "html"),
        Case(name: "plain text underlined", source: underlined("-"), format: "txt"),
    ]

    /// Plain text whose title and headings are underlined by a rule as long as they are.
    static func underlined(_ mark: Character, capitals: Bool = false) -> String {
        func heading(_ text: String) -> String { text + "\n" + String(repeating: mark, count: text.count) }
        let title = "\(LayoutSample.title) - Iowa"
        var sections = LayoutSample.textSections
        for name in LayoutSample.headings {
            sections = sections.replacingOccurrences(of: name + "\n", with: heading(capitals ? name.uppercased() : name) + "\n")
        }
        return heading(title) + "\n\nDate: May 2020\n\n" + sections + "\n"
    }

    /// Headings in capitals underlined by `=` as the title is: each underline makes the line
    /// above it a heading (never a table cell of its own), and is no text.
    @Test func underlinedCapitalsAreHeadingsUnderATitleUnderlinedAlike() throws {
        let record = try extractRecord(text: Self.underlined("=", capitals: true), source: "summary.txt")
        #expect(record.title == LayoutSample.title)
        #expect(record.state == "Iowa")
        #expect(record.sections.map(\.heading) == LayoutSample.headings.map { $0.uppercased() })
        #expect(record.sections.map(\.text) == [LayoutSample.firstBody, LayoutSample.secondBody])
        #expect(record.sections.first?.citations.map(\.normalized) == ["Iowa Code § 43-21-105"])
    }

    /// Under a title that has no rule, headings underlined by `=` are sections, not the title:
    /// in plain text a rule ranks below a title.
    @Test func underlinedHeadingsUnderAPlainTitleAreSections() throws {
        let source = Self.underlined("=").replacingOccurrences(
            of: "\(LayoutSample.title) - Iowa\n" + String(repeating: "=", count: "\(LayoutSample.title) - Iowa".count) + "\n", with: "\(LayoutSample.title) - Iowa\n"
        )
        let record = try extractRecord(text: source, source: "summary.txt")
        #expect(record.title == LayoutSample.title)
        #expect(record.state == "Iowa")
        #expect(record.sections.map(\.heading) == LayoutSample.headings)
    }

    /// A rule much shorter or longer than the line above it underlines nothing in plain text.
    @Test func aRuleOfAnotherLengthIsNoUnderline() throws {
        let blocks = try MarkupCleaner().clean(text: "A short line\n==========================================\n\nMore text.\n", format: .text).blocks
        #expect(blocks.first?.headingLevel == nil)
    }

    @Test(arguments: cases)
    func sectionsAreFoundWhateverTheHeadingSyntax(_ sample: Case) throws {
        let record = try extractRecord(text: sample.source, source: "summary.\(sample.format)")
        #expect(record.kind == .statuteSummary)
        #expect(record.state == "Iowa")
        #expect(record.year == 2020)
        #expect(record.sections.count == 2)
        #expect(record.sections.map(\.heading) == LayoutSample.headings)
        #expect(record.sections.map(\.text) == [LayoutSample.firstBody, LayoutSample.secondBody])
        #expect(record.sections.map(\.provision) == [true, false])
    }

    /// In a body with marked headings, a short plain line is text, not a heading.
    @Test func markedHeadingsTurnOffTheShortLineRule() throws {
        let source = Self.markdown { "## \($0)" }.replacingOccurrences(of: LayoutSample.firstBody, with: "Services to victims\n\n" + LayoutSample.firstBody)
        let record = try extractRecord(text: source, source: "summary.md")
        #expect(record.sections.map(\.heading) == LayoutSample.headings)
        #expect(record.sections.first?.text == "Services to victims\n\n" + LayoutSample.firstBody)
    }

    @Test(arguments: [
        ("text", "Human Trafficking Definitions - Nevada\n\nDate: 2021\n\nCitation: Rev. Stat. § 432B.020\n\nA child who is a victim of sex trafficking is a child in need of protection.\n"),
        ("html", "<html><body><main><h1>Human Trafficking Definitions - Nevada</h1><p>Date: 2021</p><p><b>Citation:</b> Rev. Stat. &sect; 432B.020</p><p>A child who is a victim of sex trafficking is a child in need of protection.</p></main></body></html>"),
    ])
    func aBodyWithoutHeadingsIsOneSectionWithoutAHeading(format: String, source: String) throws {
        let cleaned = try MarkupCleaner().clean(text: source, format: format == "html" ? .html : .text)
        let kind = DocumentClassifier.classify(cleaned.blocks)
        #expect(kind == .statuteSummary)
        let extraction = Extractor(jurisdictions: .standard).extract(cleaned, as: kind)
        #expect(extraction.sections.count == 1)
        #expect(extraction.sections.first?.heading == nil)
        #expect(extraction.sections.first?.citations.map(\.raw) == ["Rev. Stat. § 432B.020"])
        #expect(extraction.sections.first?.text == "A child who is a victim of sex trafficking is a child in need of protection.")
        let record = try extractRecord(text: source, source: "one.\(format == "html" ? "html" : "txt")")
        #expect(record.state == "Nevada")
        #expect(record.year == 2021)
        #expect(record.sections.count == 1)
        #expect(record.sections.first?.heading == nil)
        #expect(record.sections.first?.citations.map(\.normalized) == ["Nev. Rev. Stat. § 432B.020"])
    }
}

@Suite("Layouts: other documents")
struct OtherDocumentTests {
    @Test(arguments: [
        ("press release", """
            <html><head><title>New Report Cards Show Progress | Shared Hope</title></head><body><nav><a href="/">Home</a></nav>
            <main><h1>Mississippi Raises Its Grade on the Report Card</h1><p>FOR IMMEDIATE RELEASE</p><p>May 5, 2023</p>
            <p>Mississippi earned a C on the 2023 Report Card on Child &amp; Youth Sex Trafficking, up from an F in 2021, with an overall grade of 75.</p>
            <p>The state improved its criminal provisions and its continuum of care. "We are encouraged," the group said.</p></main></body></html>
            """, "Mississippi Raises Its Grade on the Report Card", "2023-05-05"),
        ("news story", """
            Lawmakers Weigh Trafficking Bill - Texas

            June 2022

            Texas lawmakers on Tuesday weighed a bill that would change how child victims of trafficking are served, after a report card gave the state a B.

            1. Criminal Provisions were strengthened in 2019, advocates said, and 2. Continuum of Care rose in 2021.
            """, "Lawmakers Weigh Trafficking Bill", "2022-06"),
        ("legislature's page for one section", """
            <html><head><title>Section 43-21-105 - Definitions</title></head><body><main><h1>Section 43-21-105. Definitions</h1>
            <p>State: Mississippi</p><p>Effective: July 1, 2019</p>
            <p>(a) "Youth court" means the Youth Court Division.</p><p>(b) "Abused child" means a child whose parent has caused or allowed to be caused upon the child sexual abuse, sexual exploitation, commercial sexual exploitation or human trafficking.</p>
            </main></body></html>
            """, "Section 43-21-105. Definitions", "2019-07-01"),
    ])
    func documentsOfNeitherKindAreUnknownWithTheirHeader(name: String, source: String, title: String, date: String) throws {
        let record = try extractRecord(text: source, source: name.contains("news") ? "story.txt" : "page.html")
        #expect(record.kind == .unknown)
        #expect(record.reportCard == nil)
        #expect(record.sections.isEmpty)
        #expect(record.title == title)
        #expect(record.date == date)
        #expect(record.state != nil)
    }
}

extension OtherDocumentTests {
    /// A news story's date is its dateline's, at the head of its first paragraph (a place in
    /// capitals, the date, a dash), whatever the paragraph's length; its state is the one state
    /// its headline names, wherever in the headline (the longest name: `West Virginia`).
    @Test(arguments: [
        ("SALEM, Ore. (May 17, 2023) — ", "Advocates Cheer as West Virginia Earns a B", "2023-05-17", "West Virginia"),
        ("WASHINGTON, Nov. 15, 2023 -- ", "Report Cards Grade State Laws on Child Sex Trafficking", "2023-11-15", nil),
        ("OREGON (March 3, 2020) – ", "Bill to Expand Services Passes in Oregon", "2020-03-03", "Oregon"),
    ])
    func aDatelineGivesTheDate(dateline: String, headline: String, date: String, state: String?) throws {
        let body = String(repeating: "The group said lawmakers had acted on its recommendations this session. ", count: 6)
        let html = "<html><body><main><h1>\(headline)</h1><p>FOR IMMEDIATE RELEASE</p><p>\(dateline)\(body)</p><p>Other news.</p></main></body></html>"
        let record = try extractRecord(text: html, source: "release.html")
        #expect(record.kind == .unknown)
        #expect(record.title == headline)
        #expect(record.date == date)
        #expect(record.state == state)
    }
}

@Suite("Layouts: PDF conversions")
struct ConversionLayoutTests {
    /// A conversion's pages: a running header at each page top (title, state, a URL), a footer
    /// with the publisher and page number, with or without form feeds between pages.
    static func conversion(formFeeds: Bool, lineEnd: String = "\n") -> String {
        let header = "Responding to Child Victims of Human Trafficking: Wyoming\nhttps://www.example.gov/laws"
        let filler = (1...22).map { "Line \($0) of the services the department shall provide to the child and family." }
        var pages: [String] = []
        pages.append("\(LayoutSample.title) - Wyoming\n\nDate: March 2021\n\nState Agency Responsibilities\n\nCitation: Stat. § 14-3-202\n\n" + filler.joined(separator: "\n") + "\nThe department shall also offer\n\nExample Publisher\nPage 1 of 3")
        pages.append("\(header)\n\nservices to every child found to be a victim.\n\nTraining Requirement\n\n" + filler.joined(separator: "\n") + "\n\nExample Publisher\nPage 2 of 3")
        pages.append("\(header)\n\nNo training specific to trafficking is described in the statutes and regulations reviewed.\n\n" + filler.prefix(20).joined(separator: "\n") + "\n\nExample Publisher\nPage 3 of 3")
        let text = pages.joined(separator: formFeeds ? "\n\u{0C}" : "\n\n") + "\n"
        return lineEnd == "\n" ? text : text.replacingOccurrences(of: "\n", with: lineEnd)
    }

    @Test(arguments: [(true, "\n"), (false, "\n"), (true, "\r\n"), (false, "\r\n")])
    func runningHeadersAndFootersGoWithOrWithoutFormFeeds(formFeeds: Bool, lineEnd: String) throws {
        let record = try extractRecord(text: Self.conversion(formFeeds: formFeeds, lineEnd: lineEnd), source: "wy.txt")
        #expect(record.state == "Wyoming")
        #expect(record.date == "2021-03")
        #expect(record.sections.map(\.heading) == LayoutSample.headings)
        let text = record.sections.map(\.text).joined(separator: "\n")
        for furniture in ["Example Publisher", "Page 2", "https://", "Responding to Child Victims of Human Trafficking: Wyoming"] {
            #expect(!text.contains(furniture), "\(furniture) kept")
        }
        // The paragraph the first page break cut is whole again.
        #expect(text.contains("The department shall also offer services to every child found to be a victim."))
    }

    /// A running header that repeats the title still leaves the title to read, from the header.
    @Test func aRunningHeaderThatIsTheTitleStillGivesTheTitle() throws {
        let filler = (1...22).map { "Line \($0) of the services." }.joined(separator: "\n")
        let head = "\(LayoutSample.title) - Wyoming"
        let text = "\(head)\n\nDate: 2021\n\nServices\n\nCitation: Stat. § 14-3-202\n\n\(filler)\n\n1\n\u{0C}\(head)\n\n\(filler)\n\n2\n\u{0C}\(head)\n\nTraining\n\n\(filler)\n\n3\n"
        let record = try extractRecord(text: text, source: "wy.txt")
        #expect(record.title == LayoutSample.title)
        #expect(record.state == "Wyoming")
        #expect(record.sections.map(\.heading) == ["Services", "Training"])
    }

    /// A page number beside the publisher's web address is a footer line, and the first page's
    /// number closing a document of one page is its footer too.
    @Test(arguments: ["1", "1                  https://www.example.gov", "https://www.example.gov   1"])
    func theFirstPagesNumberEndsAOnePageConversion(footer: String) throws {
        let text = "Title - Utah\n\nDate: 2020\n\nServices\n\nCitation: Code § 62A-4a-101\n\nThe department serves children.\n\n\n\(footer)\n"
        let blocks = try MarkupCleaner().clean(text: text, format: .text).blocks
        #expect(blocks.last?.text == "The department serves children.")
    }

    /// Pages without form feeds, cut after footers that set the page number beside a web
    /// address: the footers go and the paragraph a page break cut is whole again.
    @Test func numberedAddressFootersCutPagesWithoutFormFeeds() throws {
        let filler = (1...24).map { "Line \($0) of the services the department shall provide to the child and family." }
        let text = "\(LayoutSample.title) - Wyoming\n\nDate: March 2021\n\nState Agency Responsibilities\n\nCitation: Stat. § 14-3-202\n\n"
            + filler.joined(separator: "\n") + "\nThe department shall also offer\n\n1      https://www.example.gov\n\n"
            + "services to every child found to be a victim.\n\nTraining Requirement\n\n" + filler.joined(separator: "\n")
            + "\n\n2      https://www.example.gov\n"
        let record = try extractRecord(text: text, source: "wy.txt")
        let body = record.sections.map(\.text).joined(separator: "\n")
        #expect(!body.contains("https://"))
        #expect(body.contains("The department shall also offer services to every child found to be a victim."))
    }

    /// A document of two pages shows its running header once, at the top of the second page:
    /// a line there that repeats the first page's title (and the state its header gives, in
    /// any case, ligatures lost or not) goes, and the paragraph the page break cut is whole.
    @Test(arguments: [
        ("\(LayoutSample.title) - Wyoming", "\(LayoutSample.title): Wyoming", "\n"),
        ("\(LayoutSample.title)\n\nWYOMING", "\(LayoutSample.title): Wyoming", "\n\u{0C}"),
        ("\(LayoutSample.title)\n\nState: Wyoming", LayoutSample.title.uppercased(), "\n"),
        ("Responding to Child Victims of Human Tra cking - Wyoming", "\(LayoutSample.title): Wyoming", "\n\u{0C}"),
    ])
    func aRunningHeaderMetOnceRepeatingTheTitleGoes(head: String, runningHeader: String, pageBreak: String) throws {
        let filler = (1...24).map { "Line \($0) of the services the department shall provide to the child and family." }
        let text = "\(head)\n\nDate: March 2021\n\nState Agency Responsibilities\n\nCitation: Stat. § 14-3-202\n\n"
            + filler.joined(separator: "\n") + "\nThe department shall also offer\n\n1" + pageBreak
            + "\(runningHeader)\n\nservices to every child found to be a victim.\n\nTraining Requirement\n\n" + filler.joined(separator: "\n")
            + "\n\n2\n"
        let record = try extractRecord(text: text, source: "wy.txt")
        #expect(record.state == "Wyoming")
        #expect(record.sections.map(\.heading) == LayoutSample.headings)
        let body = record.sections.map(\.text).joined(separator: "\n")
        #expect(!body.contains("Wyoming"))
        #expect(body.contains("The department shall also offer services to every child found to be a victim."))
    }

    /// A line at a page's top that opens with the title and goes on with words the first
    /// page's opening does not end with is content, not a running header.
    @Test func aLineOpeningWithTheTitleAndGoingOnIsNoRunningHeader() {
        let text = "Services for Child Victims\n\nUtah\n\nServices for Child Victims are described below."
        let bytes = Array(text.utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var ranges: [Range<Int>] = []
        var start = 0
        for line in lines {
            ranges.append(start..<(start + line.utf8.count))
            start += line.utf8.count + 1
        }
        let span = bytes.span
        let opening = [PageFurniture.titleKey(ranges[0], in: span), PageFurniture.titleKey(ranges[2], in: span)]
        let goesOn = PageFurniture.repeatsOpening(ranges[4], openingKeys: opening, in: span)
        let repeats = PageFurniture.repeatsOpening(ranges[0], openingKeys: opening, in: span)
        #expect(!goesOn)
        #expect(repeats)
    }

    /// A converter that left each paragraph on one line puts fewer than twenty lines on a
    /// page: page numbers counting up from 1 a page's bytes apart still cut pages, and go. A
    /// footer of links alone (`[Privacy](/privacy) | [Contact](/contact)`) goes too.
    @Test func pageNumbersBetweenUnwrappedParagraphsAndALinkFooterGo() throws {
        let paragraph = String(repeating: "The department shall provide services to the child and the family. ", count: 8)
        var lines = ["# \(LayoutSample.title)", "", "Utah", "", "Date: 2020", ""]
        for (index, heading) in ["Services", "Training", "Placement", "Screening"].enumerated() {
            lines += ["## \(heading)", "", "Citation: Ann. Code § 62A-4a-10\(index)", "", paragraph, "", paragraph, ""]
            if index % 2 == 1 { lines += ["\(index / 2 + 1)", ""] }
        }
        lines += ["* * *", "", "[Privacy](/privacy) | [Contact Us](/contact)", ""]
        let record = try extractRecord(text: lines.joined(separator: "\n"), source: "ut.md")
        #expect(record.sections.count == 4)
        for section in record.sections {
            #expect(section.text == paragraph.trimmingCharacters(in: .whitespaces) + "\n\n" + paragraph.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func softHyphensGoAndNumbersAloneThatDoNotCountUpStay() throws {
        let text = "Title - Utah\n\nDate: 2020\n\nServices\n\nCitation: Code § 62A-4a-101\n\nThe depart\u{AD}ment serves chil\u{AD}dren.\n\n16\n\n17\n\n4\n"
        let blocks = try MarkupCleaner().clean(text: text, format: .text).blocks
        #expect(blocks.map(\.text).contains("The department serves children."))
        #expect(blocks.map(\.text).suffix(3) == ["16", "17", "4"])
    }
}

@Suite("Layouts: blocks point back to the source")
struct BlockSpanTests {
    @Test(arguments: [
        ("text", "Title - Utah\n\nDate: 2020\n\nServices\n\nThe department\nserves children.\n"),
        ("crlf", "Title - Utah\r\n\r\nDate: 2020\r\n\r\nServices\r\n\r\nThe department\r\nserves children.\r\n"),
        ("markup", "Title - Utah\n\n<b>Date:</b> 2020\n\nServices\n\nThe department\nserves <i>children</i>.\n"),
        ("html", "<html><body>\n<h1>Title - Utah</h1>\n<p>Date: 2020</p>\n<h2>Services</h2>\n<p>The department\nserves children.</p>\n</body></html>"),
    ])
    func spansHoldTheBlocksText(format: String, source: String) throws {
        let document = try MarkupCleaner().clean(text: source, format: format == "html" ? .html : .text)
        let bytes = Array(source.utf8)
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        #expect(document.blocks.count == 4)
        for block in document.blocks {
            let span = try #require(block.span?.bytes)
            let spanLines = try #require(block.span?.lines)
            // Every word of the block stands in its span (tags aside), and on its lines.
            var text = ""
            var inTag = false
            for character in String(decoding: bytes[span], as: UTF8.self) {
                if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
            }
            for word in block.text.split(separator: " ") {
                #expect(text.contains(word), "\(word) not in \(text.debugDescription)")
                #expect(lines[(spanLines.lowerBound - 1)...(spanLines.upperBound - 1)].contains { $0.contains(word.prefix(4)) })
            }
        }
        #expect(document.blocks.last?.span?.lines == (format == "html" ? 5...6 : 7...8))
        #expect(document.blocks.first?.span?.lines == (format == "html" ? 2...2 : 1...1))
    }
}

@Suite("Layouts: conversions without page markers")
struct PageBreakLayoutTests {
    /// Prose of `count` wrapped lines of about seventy columns and a last short one, ending a
    /// sentence only at the end.
    static func prose(_ subject: String, lines count: Int) -> [String] {
        (1...count).map { "the \(subject) shall be reviewed in part \($0) by the regional office and" }
            + ["then filed with the \(subject) clerk."]
    }

    /// Three pages with no form feed and no page number: a two-line running header over pages
    /// two and three, the document's header above page one written differently.
    static let pagesWithoutFormFeeds = ([
        "Oregon", "", "Placement of Youth in Care", "", "Current Through June 2022", "", "Licensing", "",
        "Citation: Rev. Stat. § 418.205", "",
    ] + prose("license", lines: 14) + ["", "Visits", "", "Citation: Rev. Stat. § 419B.192", ""] + prose("visit plan", lines: 5)
        + ["", "Placement of Youth in Care, Oregon", "www.example.org/digests/or", ""] + prose("placement", lines: 22)
        + ["", "Placement of Youth in Care, Oregon", "www.example.org/digests/or", ""] + prose("case plan", lines: 12))
        .joined(separator: "\n") + "\n"

    @Test func aRunningHeaderIsFoundByItsRecurrenceWithoutFormFeeds() throws {
        let document = try MarkupCleaner().clean(text: Self.pagesWithoutFormFeeds, format: .text)
        let text = document.blocks.map(\.text).joined(separator: "\n")
        #expect(!text.contains("www.example.org"))
        #expect(!text.contains("Placement of Youth in Care, Oregon"))
        let record = try extractRecord(text: Self.pagesWithoutFormFeeds, source: "or.txt")
        #expect(record.state == "Oregon")
        #expect(record.sections.map(\.heading) == ["Licensing", "Visits"])
        #expect(record.sections.last?.text.hasSuffix("then filed with the case plan clerk.") == true)
    }

    /// The same citation line three times, a page's worth apart, is content: no page is cut at it.
    @Test func aLineRecurringInTheContentIsNoRunningHeader() throws {
        var lines = ["Nevada", "", "Placement of Youth in Care", "", "Date: 2020"]
        for heading in ["Licensing", "Visits", "Records"] {
            lines += ["", heading, "", "Citation: 42 U.S.C. § 675", ""] + Self.prose(heading.lowercased(), lines: 21)
        }
        let text = lines.joined(separator: "\n") + "\n"
        let record = try extractRecord(text: text, source: "nv.txt")
        #expect(record.sections.map(\.heading) == ["Licensing", "Visits", "Records"])
        #expect(record.sections.map { $0.citations.map(\.raw) } == Array(repeating: ["42 U.S.C. § 675"], count: 3))
    }

    /// Pages after form feeds, each closed by a publisher's line over its number.
    static func pages(_ bodies: [[String]]) -> String {
        bodies.enumerated().map { index, body in
            let header = index == 0 ? [] : ["Kansas Foster Care Digest", "https://digest.example.org/ks", ""]
            return (header + body + ["", "Prairie Law Center", "\(index + 1)"]).joined(separator: "\n")
        }.joined(separator: "\n\u{0C}") + "\n"
    }

    @Test func aParagraphCutByAPageBreakIsWholeAgainWhateverTheCaseAfterIt() throws {
        let first = Self.prose("review", lines: 20).dropLast()
        let text = Self.pages([
            ["Kansas Foster Care Digest", "", "Date: 2021", "", "Reviews", "", "Citation: Stat. § 38-2201", ""] + first
                + ["the report of the regional office names as responsible the Department of"],
            ["Children and Families as the agency responsible.", "", "Hearings", "", "Citation: Stat. § 38-2202", "",
             "A hearing is held within 30 days."],
        ])
        let record = try extractRecord(text: text, source: "ks.txt")
        #expect(record.sections.map(\.heading) == ["Reviews", "Hearings"])
        #expect(record.sections.first?.text.hasSuffix("names as responsible the Department of Children and Families as the agency responsible.") == true)
        #expect(record.sections.map(\.text).allSatisfy { !$0.contains("Prairie Law Center") && !$0.contains("digest.example.org") })
    }

    /// A sentence cut at a page's foot goes on after the break even when the page is shorter
    /// than the next (a doubled spacing or a notice dropped from its foot shortens it in lines).
    @Test func aSentenceCutAtAShortPagesFootGoesOn() throws {
        let text = Self.pages([
            ["Kansas Foster Care Digest", "", "Date: 2021", "", "Reviews", "", "Citation: Stat. § 38-2201", ""]
                + Self.prose("review", lines: 6).dropLast() + ["the report of the regional office names as responsible the Department of"],
            ["Children and Families as the agency responsible.", ""] + Self.prose("audit", lines: 22),
            ["Hearings", "", "Citation: Stat. § 38-2202", ""] + Self.prose("hearing", lines: 12),
        ])
        let sections = try extractRecord(text: text, source: "ks.txt").sections
        #expect(sections.map(\.heading) == ["Reviews", "Hearings"])
        #expect(sections.first?.text.contains("names as responsible the Department of Children and Families as the agency responsible.") == true)
    }

    /// A citation cut inside its code's name at a short page's foot (`… given in Ann.` /
    /// `Code § 53-3067.`): the abbreviation ends no sentence, the paragraph goes on.
    @Test func aCitationCutInsideItsCodesNameAtAPageFootGoesOn() throws {
        let cut = "For the purposes of this section, \"abused child\" has the meaning given in Ann."
        let text = Self.pages([
            ["Kansas Foster Care Digest", "", "Date: 2021", "", "Reviews", "", "Citation: Stat. § 38-2201", ""]
                + Self.prose("review", lines: 6) + ["", cut],
            ["Code § 53-3067. The division reviews each placement within thirty days of the", "report.", ""]
                + Self.prose("audit", lines: 22),
            ["Hearings", "", "Citation: Stat. § 38-2202", ""] + Self.prose("hearing", lines: 12),
        ])
        let sections = try extractRecord(text: text, source: "ks.txt").sections
        #expect(sections.map(\.heading) == ["Reviews", "Hearings"])
        #expect(sections.first?.text.contains("given in Ann. Code § 53-3067. The division reviews") == true)
        #expect(TextBlockBuilder.opensWithSectionSign("Code § 53-3067."))
        #expect(TextBlockBuilder.opensWithSectionSign("§ 48.20.278."))
        #expect(!TextBlockBuilder.opensWithSectionSign("Each county agency § 4"))
        #expect(!TextBlockBuilder.opensWithSectionSign("code § 4"))
    }

    /// A page that opens with a sentence the first page's first paragraph opened with too (a
    /// summary repeating its wording) is content: only the first page's header, above its first
    /// citation and wrapped prose, is what a running header repeats.
    @Test func aPageOpeningWithTheFirstParagraphsWordsKeepsThem() throws {
        let opening = "A provider of services shall arrange placement in a setting that meets the child's"
        let first = ["Kansas Foster Care Digest", "", "Date: 2021", "", "Reviews", "", "Citation: Stat. § 38-2201", "",
                     opening, "specific needs when the child is in the custody of the department."]
            + Self.prose("review", lines: 20) + ["", "Prairie Law Center", "1"]
        let second = [opening, "specific needs.", "", "Hearings", "", "Citation: Stat. § 38-2202", ""]
            + Self.prose("hearing", lines: 12) + ["", "Prairie Law Center", "2"]
        let text = (first + ["\u{0C}"] + second).joined(separator: "\n") + "\n"
        let record = try extractRecord(text: text, source: "ks.txt")
        #expect(record.sections.map(\.heading) == ["Reviews", "Hearings"])
        #expect(record.sections.first?.text.hasSuffix("\(opening) specific needs.") == true)
    }

    /// A page that ends in `§` (`… as defined in Stat. Tit. 22, §` / `60-22-941, shall be …`)
    /// cut a citation before its number: the paragraph goes on, however short its last line.
    @Test func aPageEndingInASectionSignGoesOn() throws {
        let text = Self.pages([
            ["Kansas Foster Care Digest", "", "Date: 2021", "", "Reviews", "", "Citation: Stat. § 38-2201", ""]
                + Self.prose("review", lines: 6) + ["", "A child who is a victim of trafficking, as defined in Stat. §"],
            ["38-2202, shall be referred to the department for an assessment.", ""]
                + Self.prose("audit", lines: 22),
            ["Hearings", "", "Citation: Stat. § 38-2203", ""] + Self.prose("hearing", lines: 12),
        ])
        let record = try extractRecord(text: text, source: "ks.txt")
        #expect(record.sections.map(\.heading) == ["Reviews", "Hearings"])
        #expect(record.sections.first?.text.contains("as defined in Stat. § 38-2202, shall be referred") == true)
        #expect(record.sections.first?.references.map(\.normalized) == ["Kan. Stat. Ann. § 38-2202"])
    }

    /// A page shorter than the others ended with its paragraph, however long its last line.
    @Test func aParagraphEndingAtAnEarlyPageEndStaysApart() throws {
        let ending = "then filed with the clerk, who dates it, numbers it and keeps it on file."
        let text = Self.pages([
            ["Kansas Foster Care Digest", "", "Date: 2021", "", "Reviews", "", "Citation: Stat. § 38-2201", ""]
                + Self.prose("review", lines: 6).dropLast() + [ending],
            ["Each review is posted online within ten days and a copy of it", "is sent to the family.", ""]
                + Self.prose("audit", lines: 20),
            ["Hearings", "", "Citation: Stat. § 38-2202", ""] + Self.prose("hearing", lines: 12),
        ])
        let sections = try extractRecord(text: text, source: "ks.txt").sections
        #expect(sections.map(\.heading) == ["Reviews", "Hearings"])
        #expect(sections.first?.text.contains("\(ending)\n\nEach review is posted online") == true)
    }

    /// A conversion with a blank line after every line (Apache Tika) of a short document: few
    /// wrapped lines, each followed by one blank line and carried on in lower case, three blank
    /// lines between paragraphs. Each paragraph reads whole.
    @Test func aShortDocumentWithABlankLineAfterEveryLineReadsItsParagraphsWhole() throws {
        let paragraphs = [
            ["State Statutes Series: Utah"], ["September 27, 2018"], [LayoutSample.title], ["Services"], ["Citation: Code § 62A-4a-101"],
            ["A law enforcement officer shall coordinate the identification of children who are at risk of",
             "exploitation in consultation with community partners."],
            ["Training"], ["Citation: Code § 62A-4a-102"],
            ["A child protective services worker shall report annually on the identification of children", "who are at risk of exploitation."],
            ["Placement"], ["This issue is not addressed in the statutes reviewed."], ["1                                https://www.example.gov"],
        ]
        let text = paragraphs.map { $0.joined(separator: "\n\n") }.joined(separator: "\n\n\n\n") + "\n\n\u{0C}"
        let record = try extractRecord(text: text, source: "ut.txt")
        #expect(record.sections.map(\.heading) == ["Services", "Training", "Placement"])
        #expect(record.sections.map(\.text) == [
            "A law enforcement officer shall coordinate the identification of children who are at risk of exploitation in consultation with community partners.",
            "A child protective services worker shall report annually on the identification of children who are at risk of exploitation.",
            "This issue is not addressed in the statutes reviewed.",
        ])
    }

    /// Pages of a conversion with a blank line after every line: a page's first line (right
    /// after its form feed) carries on the paragraph it opens; a running header set as a title
    /// and, a blank line below, the publisher's address goes whole, title and address.
    @Test func aPagesFirstLineCarriesOnAndATitleOverAnAddressGoesWhenEveryLineIsSpaced() throws {
        func spaced(_ paragraphs: [[String]]) -> String {
            paragraphs.map { $0.joined(separator: "\n\n") }.joined(separator: "\n\n\n\n")
        }
        let filler = (1...8).map { _ in ["The department shall provide services to the child and the family and shall", "report on them."] }
        let first = spaced([["State Statutes Series: Utah"], ["Date: 2021"], [LayoutSample.title], ["Services"], ["Citation: Code § 62A-4a-101"]] + filler
            + [["Each county agency shall provide the identification of children who are at risk of"]])
        let second = spaced([["exploitation when the child is in the custody of the department. Each county agency shall"]])
        let third = spaced([["develop protocols for training of employees who investigate reports of", "abuse or neglect."], ["Training"],
                            ["Citation: Code § 62A-4a-102"], ["No training is described in the statutes reviewed."]])
        let text = first + "\n\n\n\n1\n\n\u{0C}" + spaced([["\(LayoutSample.title): Utah", "https://www.example.gov"]])
            + "\n\n\n\n" + second + "\n\n\n\n2\n\n\u{0C}" + third + "\n\n\n\n3\n\n\u{0C}"
        let record = try extractRecord(text: text, source: "ut.txt")
        #expect(record.sections.map(\.heading) == ["Services", "Training"])
        #expect(record.sections.first?.text.hasSuffix(
            "Each county agency shall provide the identification of children who are at risk of exploitation when the child is in the custody of the department. Each county agency shall develop protocols for training of employees who investigate reports of abuse or neglect."
        ) == true)
        #expect(record.sections.allSatisfy { !$0.text.contains("https://") && !$0.text.contains("Utah") })
    }

    /// A document of two pages without form feeds whose last page is short: its footer (the
    /// publisher's line over the page number, a number beside the address, `Page 2 of 2`, a
    /// number centred by `pdftotext -layout`) still closes a page, goes, and the paragraph the
    /// break cut is whole.
    @Test(arguments: [
        ("Child Welfare Information Gateway        https://www.example.gov\n\n", "1", "2"),
        ("", "1                  https://www.example.gov", "2                  https://www.example.gov"),
        ("", "Page 1 of 2", "Page 2 of 2"),
        ("", "                                          1", "                                          2"),
    ])
    func aShortLastPageStillEndsAPage(publisher: String, firstNumber: String, lastNumber: String) throws {
        let filler = (1...24).map { "Line \($0) of the services the department shall provide to the child and family." }
        let text = "\(LayoutSample.title) - Wyoming\n\nDate: March 2021\n\nState Agency Responsibilities\n\nCitation: Stat. § 14-3-202\n\n"
            + filler.joined(separator: "\n") + "\nThe department shall also offer\n\n\(publisher)\(firstNumber)\n\n\nhttps://www.example.gov\n\n"
            + "services to every child found to be a victim.\n\nTraining Requirement\n\nCitation: Stat. § 14-3-203\n\n"
            + "No training is described in the statutes reviewed.\n\n\n\(publisher)\(lastNumber)\n"
        let record = try extractRecord(text: text, source: "wy.txt")
        #expect(record.sections.map(\.heading) == LayoutSample.headings)
        #expect(record.sections.first?.text.hasSuffix("The department shall also offer services to every child found to be a victim.") == true)
        #expect(record.sections.last?.text == "No training is described in the statutes reviewed.")
    }

    /// A paragraph's one line at a page's foot, as long as the measure, is carried on when the
    /// break cut a sentence (the line ends in a word) or a citation between its code's name and
    /// the section sign; a one-line paragraph ending a sentence, followed by one opening a
    /// sentence, stays apart.
    @Test(arguments: [
        ("The office names as responsible an agency as defined in Ann. Stat.", "§ 38-2203. The office keeps the report.", true),
        ("The office names as responsible an agency the statute defines in", "Ann. Stat. § 38-2203. The office keeps the report.", true),
        ("The office names as responsible an agency defined in that statute.", "The office keeps the report.", false),
    ])
    func aParagraphsOneLineAtAPagesFootIsCarriedOnWhenCut(foot: String, top: String, joined: Bool) throws {
        let text = Self.pages([
            ["Kansas Foster Care Digest", "", "Date: 2021", "", "Reviews", "", "Citation: Stat. § 38-2201", ""]
                + Self.prose("review", lines: 20) + ["", foot],
            [top, "", "Hearings", "", "Citation: Stat. § 38-2202", "", "A hearing is held within 30 days."],
        ])
        let record = try extractRecord(text: text, source: "ks.txt")
        #expect(record.sections.map(\.heading) == ["Reviews", "Hearings"])
        #expect(record.sections.first?.text.hasSuffix("then filed with the review clerk.\n\n\(foot)\(joined ? " " : "\n\n")\(top)") == true)
    }

    /// Citations at the foot of two pages alike but for their section numbers (`§ 164.42`,
    /// `§ 498.86`), each over a page number, are content: their digits do not count pages as a
    /// running footer's do.
    @Test func citationsOfOneShapeAtPageFeetAreNoFooter() throws {
        let paragraph = "The court shall provide specialized services for a child who is a victim of trafficking as soon as practicable."
        var lines = ["State Statutes Series", "", "New York", "", "Date: 2015", "", LayoutSample.title, ""]
        for (index, (heading, section)) in [("Services", "164.42"), ("Training", "498.86"), ("Placement", "313.9")].enumerated() {
            lines += [heading, ""] + Array(repeating: [paragraph, ""], count: 8).flatMap { $0 } + ["**Citation**: Penal Law § \(section)", ""]
            if index < 2 { lines += ["\(index + 1)", ""] }
        }
        let record = try extractRecord(text: lines.joined(separator: "\n"), source: "ny.md")
        #expect(record.sections.map(\.heading) == ["Services", "Training", "Placement"])
        #expect(record.sections.map { $0.citations.map(\.normalized) } == [
            ["N.Y. Penal Law § 164.42"], ["N.Y. Penal Law § 498.86"], ["N.Y. Penal Law § 313.9"],
        ])
    }

    /// A soft hyphen at a line end always joins; a hyphen joins unless the document writes the
    /// compound with its hyphen elsewhere.
    @Test func wordsBrokenAtALineEndAreJoinedByTheDocumentsOwnEvidence() throws {
        let text = """
            Placement of Youth in Care - Iowa

            Date: 2020

            Services

            Citation: Code § 232.2

            The agency shall ensure the protec\u{AD}
            tion of each child and attend to the child's well-
            being, with a review of adjudi-
            cated cases and of safety plans.

            Each plan addresses the child's well-being.
            """
        let record = try extractRecord(text: text, source: "ia.txt")
        #expect(record.sections.first?.text == "The agency shall ensure the protection of each child and attend to the child's well-being, with a review of adjudicated cases and of safety plans.\n\nEach plan addresses the child's well-being.")
    }
}

@Suite("Layouts: web pages in plain divs")
struct DivPageLayoutTests {
    /// A page saved whole with no semantic container: banner, menu, trail, tools, a box of
    /// related links with headings of its own and a footer, all `<div>`s with class names that
    /// say nothing; the content, `sections` after the title and date, in one more `<div>`.
    static func page(sections: String) -> String {
        """
        <html><head><title>Placement Rules | State Digest</title></head><body>
        <div class="x1"><div class="x2">Official website of the State Digest project. Learn how to verify it.</div>
        <div class="x3"><a href="/">State Digest</a></div></div>
        <div class="x4"><a href="/a">Topics</a> <a href="/b">Laws</a> <a href="/c">Data</a> <a href="/d">About</a></div>
        <div class="x5"><a href="/">Home</a> / <a href="/laws">Laws</a> / Nevada</div>
        <div class="x6"><h1>Placement of Youth in Care</h1><p>Nevada</p><p>Date: March 2022</p>
        <div class="x7"><a href="#p">Print</a> <a href="#s">Share</a></div>
        \(sections)
        </div>
        <div class="x8"><h2>More From the Digest</h2><h3>Courts</h3><ul><li><a href="/e">Court Rules Overview</a></li><li><a href="/f">Judges' Bench Cards</a></li></ul>
        <h3>Data</h3><p><a href="/g">Browse the placement data</a></p></div>
        <div class="x9"><p>The State Digest is published by the Institute for Family Law, a nonprofit, with support from the Foundation, the Bar Association, and the University.</p>
        <p><a href="/h">Privacy</a> <a href="/i">Accessibility</a></p></div>
        </body></html>
        """
    }

    static let twoSections = """
        <h2>Licensing</h2><p>Citation: Rev. Stat. § 432B.020</p>
        <p>A foster home shall be licensed by the division, inspected each year, and closed when it fails inspection, as the rules provide.</p>
        <h2>Visits</h2><p>The division shall arrange visits with parents, siblings, and relatives, unless a court finds, after a hearing, that visits would harm the child.</p>
        """

    /// One section, shorter than the footer and the banner together: no container holds four
    /// fifths of the prose, the content still scores best.
    static let oneSection = """
        <p>Citation: Rev. Stat. § 432B.020</p>
        <p>A foster home shall be licensed by the division, inspected each year, and closed when it fails inspection. The division keeps, for each home, a file of its inspections.</p>
        """

    @Test(arguments: [twoSections, oneSection])
    func theContentIsFoundByTextDensity(_ sections: String) throws {
        let html = Self.page(sections: sections)
        let record = try extractRecord(text: html, source: "nv.html")
        #expect(record.title == "Placement of Youth in Care")
        #expect(record.state == "Nevada")
        #expect(record.date == "2022-03")
        #expect(record.sections.map(\.heading) == (sections == Self.twoSections ? ["Licensing", "Visits"] : [nil]))
        let text = try MarkupCleaner().clean(text: html, format: .html).blocks.map(\.text).joined(separator: "\n")
        for chrome in ["Official website", "Topics", "Home", "Print", "More From the Digest", "Court Rules", "Institute for Family Law", "Privacy"] {
            #expect(!text.contains(chrome), "\(chrome) kept")
        }
    }
}

extension DivPageLayoutTests {
    /// A page saved by a web archive: its toolbar's line names addresses whose dots are no
    /// sentences, so the content still holds four fifths of the page's prose and the site's
    /// footer sentence stays out of the last section.
    @Test func anArchiveToolbarsAddressesAreNoProse() throws {
        let html = """
            <html><head><title>Mandatory Reporters - Colorado | Gateway</title></head><body>
            <div id="wm-ipp"><p>The Wayback Machine - https://web.archive.org/web/20210101000000/https://www.childwelfare.gov/</p></div>
            <div id="page"><div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/s/">State Statutes</a> &gt; Colorado</div>
            <div id="content"><p>August 2021</p><h1>Mandatory Reporters of Child Abuse and Neglect: Colorado</h1>
            <h2>Privileged Communications</h2><p><b>Citation</b>: Rev. Stat. § 54-23-82</p>
            <p>The division is authorized to contract for training for employees who investigate reports of abuse or neglect.</p></div>
            <div id="footer"><p>Child Welfare Information Gateway is a service of the Children's Bureau. &copy; 2024</p>
            <ul><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact Us</a></li></ul></div></div></body></html>
            """
        let record = try extractRecord(text: html, source: "co.html")
        #expect(record.title == "Mandatory Reporters of Child Abuse and Neglect")
        #expect(record.state == "Colorado")
        #expect(record.sections.map(\.heading) == ["Privileged Communications"])
        #expect(record.sections.last?.text == "The division is authorized to contract for training for employees who investigate reports of abuse or neglect.")
    }
}

extension DivPageLayoutTests {
    /// A sidebar (its class says so) whose list of related pages was dropped as links leaves
    /// its heading and a newsletter line: still the sidebar's, dropped with it, beside a short
    /// content or in a table cell beside it.
    static let sidebarPages: [(html: String, title: String, headings: [String])] = [
        (
            """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>State Statutes Search</title><style>.menu{display:flex}</style><script>var x=1;</script></head><body>
            <div id="header"><div class="logo"><a href="/">Child Welfare Information Gateway</a></div><ul class="menu"><li><a href="/">Home</a></li><li><a href="/topics/">Topics</a></li><li><a href="/resources/">Resources</a></li><li><a href="/about/">About Us</a></li></ul></div>
            <div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/topics/">Topics</a> &gt; <a href="/topics/systemwide/laws-policies/state/">State Statutes</a> &gt; Mississippi</div>
            <div class="main-wrap"><div class="content">
            <div class="field-date">Current through April 2018</div>
            <h1>Mandatory Reporters of Child Abuse and Neglect</h1>
            <p class="state">State: Mississippi</p>
            <h2><b>Professionals Required to Report</b></h2>
            <p>Citation: Ann. Code § 92-19-325.5</p>
            <p>The commissioner is authorized to contract for the identification of children who are at risk of exploitation in consultation with community partners. Each county agency is authorized to contract for training for employees who investigate reports of abuse or neglect within available appropriations. The department is authorized to contract for an assessment of the child's safety and immediate needs.</p>
            <h2><b>Privileged Communications</b></h2>
            <p>This issue is not addressed in the statutes reviewed.</p>
            </div>
            <div class="sidebar"><h3>Related Resources</h3><ul><li><a href="/a">Definitions of Child Abuse and Neglect</a></li><li><a href="/b">Mandatory Reporting</a></li><li><a href="/c">Safe Haven Laws</a></li></ul><p>Sign up for our newsletter to receive updates.</p></div></div>
            <div id="footer"><p>Child Welfare Information Gateway is a service of the Children's Bureau. &copy; 2025</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact Us</a></li></ul></div></body></html>
            """,
            "Mandatory Reporters of Child Abuse and Neglect", ["Professionals Required to Report", "Privileged Communications"]
        ),
        (
            """
            <html><head><title>Responding to Child Victims of Human Trafficking - Oklahoma | Child Welfare Information Gateway</title></head><body><table width="100%"><tr><td colspan="2"><ul class="menu"><li><a href="/">Home</a></li><li><a href="/topics/">Topics</a></li><li><a href="/resources/">Resources</a></li><li><a href="/about/">About Us</a></li></ul></td></tr><tr><td width="20%" valign="top"><div class="sidebar"><h3>Related Resources</h3><ul><li><a href="/a">Definitions of Child Abuse and Neglect</a></li><li><a href="/b">Mandatory Reporting</a></li><li><a href="/c">Safe Haven Laws</a></li></ul><p>Sign up for our newsletter to receive updates.</p></div></td><td valign="top">
            <div class="subtitle">Oklahoma</div>
            <p class="doc-title"><font size="5"><b>Responding to Child Victims of Human Trafficking</b></font></p>
            <p class="date">Current Through 2017</p>
            <p class="series">State Statutes</p>
            <h3>Support for Anti-Trafficking Efforts</h3>
            <p>The court shall coordinate trauma-informed counseling and appropriate medical care when the child is in the custody of the department. The State agency shall develop protocols for training for employees who investigate reports of abuse or neglect when the child is in the custody of the department.</p>
            <p>The department shall arrange an assessment of the child's safety and immediate needs.</p>
            <p><b>Citation</b>: Stat. Tit. 10A, § 58-26-498.1</p>
            <h3>Definitions</h3>
            <p>This issue is not addressed in the statutes reviewed.</p>
            </td></tr><tr><td colspan="2"><p>Child Welfare Information Gateway is a service of the Children's Bureau. &copy; 2024</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact Us</a></li></ul></td></tr></table></body></html>
            """,
            "Responding to Child Victims of Human Trafficking", ["Support for Anti-Trafficking Efforts", "Definitions"]
        ),
    ]

    @Test(arguments: 0..<2)
    func aSidebarWithItsLinksDroppedIsStillChrome(_ page: Int) throws {
        let sample = Self.sidebarPages[page]
        let record = try extractRecord(text: sample.html, source: "page.html")
        #expect(record.title == sample.title)
        #expect(record.sections.map(\.heading) == sample.headings)
        #expect(record.sections.last?.text == "This issue is not addressed in the statutes reviewed.")
    }
}

extension DivPageLayoutTests {
    /// `<div id="footer">` (or a class `site-footer`) is the page's footer as `<footer>` is:
    /// its sentence stays out of a short content's last section.
    @Test func aDivNamedFooterIsThePagesFooter() throws {
        let html = """
            <html><head><script src="//archive.org/includes/analytics.js"></script><title>State Statutes Search</title></head><body>
            <div id="wm-ipp-base"><div id="wm-ipp"><p>The Wayback Machine - https://web.archive.org/web/20180101000000/https://www.childwelfare.gov/</p><table><tr><td><a href="#">48 captures</a></td><td>4 Jul 2013</td></tr></table></div></div>
            <div id="page"><div id="header"><ul class="menu"><li><a href="/">Home</a></li><li><a href="/topics/">Topics</a></li><li><a href="/resources/">Resources</a></li><li><a href="/about/">About Us</a></li></ul></div><div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/topics/">Topics</a> &gt; <a href="/topics/systemwide/laws-policies/state/">State Statutes</a> &gt; Missouri</div><div id="content">
            <p><em>June 2018</em></p>
            <h1>Mandatory Reporters of Child Abuse and Neglect</h1>
            <div class="subtitle">State: Missouri</div>
            <p class="series">State Statutes Series</p>
            <p><strong>Privileged Communications</strong></p>
            <p>The court shall report annually on an assessment of the child's safety and immediate needs.</p>
            <p>Citation: Ann. Stat. §§ 505.36; 685.98</p>
            <p><strong>Professionals Required to Report</strong></p>
            <p>The court shall develop protocols for placement in a setting that meets the child's specific needs.</p>
            <p>Citation: Ann. Stat. §§ 49.82; 706.10; 992.92</p>
            </div><div id="footer"><p>Child Welfare Information Gateway is a service of the Children's Bureau. &copy; 2022</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact Us</a></li></ul></div></div></body></html>
            """
        let record = try extractRecord(text: html, source: "mo.html")
        #expect(record.title == "Mandatory Reporters of Child Abuse and Neglect")
        #expect(record.sections.map(\.heading) == ["Privileged Communications", "Professionals Required to Report"])
        #expect(record.sections.last?.text == "The court shall develop protocols for placement in a setting that meets the child's specific needs.")
        for name in ["footer", "site-footer", "Page_Footer", "x footer"] {
            #expect(Array(name.utf8).withUnsafeBufferPointer(ChromeHint.namesFooter), "\(name)")
        }
        for name in ["footer-nav", "footers", "prefooter"] {
            #expect(!Array(name.utf8).withUnsafeBufferPointer(ChromeHint.namesFooter), "\(name)")
        }
    }
}

extension DivPageLayoutTests {
    /// A link-free box beside the densest container in the page's wrapper (a note under the
    /// sections) is content with it; a link-free statement at the body's level, outside the
    /// wrapper, is the page's.
    @Test func aBoxBesideTheContentInItsWrapperIsContent() throws {
        let html = """
            <html><head><title>Placement Rules | State Digest</title></head><body>
            <div class="x4"><a href="/a">Topics</a> <a href="/b">Laws</a> <a href="/c">Data</a> <a href="/d">About</a></div>
            <div class="x6"><div class="x10"><h1>Placement of Youth in Care</h1><p>Nevada</p><p>Date: March 2022</p></div>
            <div class="x11">\(Self.twoSections)</div>
            <div class="x12"><p>Citation: Rev. Stat. § 432B.030</p><p>Visits are recorded.</p></div>
            </div>
            <p>The State Digest is published by the Institute for Family Law, a nonprofit, with support from the Foundation.</p>
            </body></html>
            """
        let text = try MarkupCleaner().clean(text: html, format: .html).blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("Visits are recorded."))
        #expect(text.contains("Placement of Youth in Care") && text.contains("Date: March 2022"))
        #expect(!text.contains("Institute for Family Law") && !text.contains("Topics"))
    }
}

extension DivPageLayoutTests {
    /// A page's line of when it last changed after the last section (a site's page meta) is
    /// the page's, not the section's.
    @Test func aPagesLastChangeLineIsNoSectionText() throws {
        let html = """
            <html><head><title>Responding - Alabama</title></head><body><div class="page">
            <div class="body"><h1>Responding to Child Victims of Human Trafficking</h1><p>Alabama</p><p>January 2022</p>
            <h2>Training Requirements</h2><p>Citation: Code § 13A-6-157</p>
            <p>The department shall provide training for employees who investigate reports of abuse or neglect.</p>
            <h2>Immunity</h2><p>This issue is not addressed in the statutes and regulations reviewed.</p></div>
            <div class="meta">Page last modified: 3/14/2022 3:02 PM</div></div></body></html>
            """
        let record = try extractRecord(text: html, source: "al.html")
        #expect(record.sections.map(\.heading) == ["Training Requirements", "Immunity"])
        #expect(record.sections.last?.text == "This issue is not addressed in the statutes and regulations reviewed.")
        #expect(PageEnd.isPageChangeDate("Last updated: March 3, 2022"))
        #expect(PageEnd.isPageChangeDate("Page last reviewed 2023-01-05"))
        #expect(!PageEnd.isPageChangeDate("Last updated rules apply to every placement."))
    }

    /// A run of short lines with the summary's sections after it (a PDF's "Related Resources"
    /// box, read between the first page's text and the second's) is not the page's matter:
    /// the sections after it are kept.
    @Test func shortLinesTheSummaryGoesOnAfterAreNoPageEnd() throws {
        let text = """
            Responding to Child Victims of Human Trafficking

            Georgia

            Current Through June 2022

            **Definitions**

            Citation: Ann. Code § 49-5-8

            The term "child victim of trafficking" means a person under 18 years of age who is a victim of trafficking.

            **Related Resources**

            Human Trafficking

            State Statutes Search

            Child Welfare Topics

            Contact Us

            **Services for Victims**

            Citation: Ann. Code § 15-11-2

            The commissioner shall arrange specialized services for a child who is a victim of trafficking.

            """
        let record = try extractRecord(text: text, source: "ga.md")
        #expect(record.sections.map(\.heading).last == "Services for Victims")
        #expect(record.sections.last?.citations.map(\.normalized) == ["Ga. Code Ann. § 15-11-2"])
    }
}

extension OtherDocumentTests {
    /// A short line in capitals over a longer mixed-case line in plain text is a label over the
    /// headline (`FOR IMMEDIATE RELEASE`), not the title; a title in capitals over mixed-case
    /// prose, or over a shorter line, stays the title.
    @Test(arguments: [
        ("FOR IMMEDIATE RELEASE", "Legislature passes bill to expand services for child trafficking survivors in Rhode Island",
         "Legislature passes bill to expand services for child trafficking survivors in Rhode Island", "Rhode Island"),
        ("MEDIA ADVISORY", "Bill to Expand Services Passes in Oregon", "Bill to Expand Services Passes in Oregon", "Oregon"),
        ("BILL TO EXPAND SERVICES PASSES IN OREGON",
         "The commissioner shall report annually on the identification of children who are at risk of exploitation.",
         "BILL TO EXPAND SERVICES PASSES IN OREGON", "Oregon"),
    ])
    func aLabelInCapitalsOverTheHeadlineIsNoTitle(first: String, second: String, title: String, state: String) throws {
        let text = """
            \(first)

            \(second)

            OREGON (April 11, 2018) — The commissioner shall report annually on the identification of children who are at risk of exploitation, the group said.

            ###

            """
        let record = try extractRecord(text: text, source: "release.txt")
        #expect(record.kind == .unknown)
        #expect(record.title == title)
        #expect(record.date == "2018-04-11")
        #expect(record.state == state)
    }

    @Test func aTitleInCapitalsOverAShortHeadingStaysTheTitle() {
        #expect(!HeaderReader.isLabel("HUMAN TRAFFICKING", above: "Definitions"))
        #expect(!HeaderReader.isLabel("HUMAN TRAFFICKING", above: "Duty to report abuse"))
        #expect(!HeaderReader.isLabel("STATE STATUTES: 2019 EDITION", above: "Mandatory Reporters of Child Abuse and Neglect"))
        #expect(HeaderReader.isLabel("NEWS RELEASE", above: "Mandatory Reporters of Child Abuse and Neglect"))
    }
}
