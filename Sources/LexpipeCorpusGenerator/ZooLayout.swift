public import LexpipeRecord

/// One way of laying out a document, as an axis of `ZooLayout`: each form says which formats
/// can carry it.
public protocol LayoutForm: CaseIterable, Sendable, Hashable, RawRepresentable where RawValue == String {
    /// The formats a document in this form can be written in.
    var formats: [DocumentFormat] { get }
}

extension LayoutForm {
    /// Every format.
    public var formats: [DocumentFormat] { [.text, .markdown, .html] }
}

/// Where the title, the state and the date stand at the top, and how the state is written.
public enum HeaderForm: String, LayoutForm {
    /// `Responding to Child Victims of Human Trafficking - Mississippi`, then the date.
    case titleDashState = "title - state"
    /// The state on a line of its own before the title.
    case stateBeforeTitle = "state line before title"
    /// The state on a line of its own after the title.
    case stateAfterTitle = "state line after title"
    /// The state in bold on its own line (`**Texas**`, `<p><strong>Texas</strong></p>`).
    case boldState = "state in bold"
    /// The state as a heading (`## Texas`, `<h2>Texas</h2>`).
    case stateHeading = "state as heading"
    /// `State: Utah`.
    case labelledState = "State: label"
    /// The date before the title.
    case dateFirst = "date before title"
    /// `State Statutes Series` between title and date.
    case seriesLabel = "series label"
    /// `State Statutes Series: Ohio` above the title: the series label carries the state.
    case seriesLabelWithState = "series label with the state"
    /// The state only in `<title>Title - State | Site</title>`.
    case stateInPageTitleOnly = "state only in <title>"
    /// No state anywhere: a title without one, no state line, none in the page's `<title>`,
    /// running headers or breadcrumbs (a summary of model legislation, a draft).
    case noState = "no state named"
    /// A YAML metadata block opening the markdown (pandoc's `-s`, a note app's front matter):
    /// `title:` and `date:` among other keys between `---` lines, no header lines after it.
    case frontMatter = "YAML front matter"

    public var formats: [DocumentFormat] {
        switch self {
        case .boldState, .stateHeading: [.markdown, .html]
        case .stateInPageTitleOnly: [.html]
        case .frontMatter: [.markdown]
        default: [.text, .markdown, .html]
        }
    }

    /// Whether a report card can be laid out so (cards carry their year in the title, no date
    /// line, no series label).
    public var appliesToCards: Bool {
        self != .dateFirst && self != .seriesLabel && self != .seriesLabelWithState && self != .noState && self != .frontMatter
    }

    /// Whether a news release can be laid out so (it is no part of the State Statutes Series,
    /// and is no note app's page).
    public var appliesToReleases: Bool { self != .seriesLabel && self != .seriesLabelWithState && self != .frontMatter }

    /// Whether the document names its state somewhere.
    public var namesState: Bool { self != .noState }
}

/// How a statute summary writes its date.
public enum DateForm: String, LayoutForm {
    /// `Date: December 2018`.
    case labelledMonthYear = "Date: December 2018"
    /// `Date: 2020`.
    case labelledYear = "Date: 2020"
    /// `May 2023` alone on its line.
    case monthYear = "May 2023"
    /// `03/2022`.
    case numeric = "03/2022"
    /// `Current Through April 2023`.
    case currentThrough = "Current Through April 2023"
    /// `<div><span>Date:</span> December 2018</div>`.
    case spanLabel = "<span>Date:</span> December 2018"

    public var formats: [DocumentFormat] { self == .spanLabel ? [.html] : [.text, .markdown, .html] }
}

/// How section headings are marked.
public enum HeadingForm: String, LayoutForm {
    /// A plain line between blank lines (text conversions).
    case plainLine = "plain line"
    /// A line underlined by a rule of `=` as long as itself (text written for plain-text readers).
    case underlined = "underlined by ===="
    /// Markdown headings, `#` to `####`.
    case hash1 = "# heading"
    case hash2 = "## heading"
    case hash3 = "### heading"
    case hash4 = "#### heading"
    /// `**Heading**` alone on its line.
    case boldLine = "**bold** line"
    /// HTML headings, `<h2>` to `<h4>`.
    case h2 = "<h2>"
    case h3 = "<h3>"
    case h4 = "<h4>"
    /// `<p><strong>Heading</strong></p>`.
    case paragraphStrong = "<p><strong>"
    /// No section heading at all: a page of one citation line and its prose, read as one
    /// section whose heading is `null`.
    case noHeadings = "no section headings"
    /// Org mode's text export in UTF-8: each heading numbered (`2 Definitions`, the number its
    /// ordinal) and underlined by `═` as long as itself.
    case orgNumbered = "Org mode: numbered, underlined by ════"
    /// A line underlined by a rule of `─` as long as itself (Org mode's second level).
    case boxRuleUnderlined = "underlined by ────"

    public var formats: [DocumentFormat] {
        switch self {
        case .plainLine, .underlined, .orgNumbered, .boxRuleUnderlined: [.text]
        case .hash1, .hash2, .hash3, .hash4, .boldLine: [.markdown]
        case .h2, .h3, .h4, .paragraphStrong: [.html]
        case .noHeadings: [.text, .markdown, .html]
        }
    }
}

/// How a `Citation:` line's label is written.
public enum CitationLabelForm: String, LayoutForm {
    /// `Citation: Ann. Code § 43-21-105`.
    case plain = "Citation:"
    /// `<b>Citation:</b>`.
    case htmlBold = "<b>Citation:</b>"
    /// `**Citation:**`.
    case markdownBold = "**Citation:**"
    /// `**Citation**:`, the colon outside the bold (a PDF converter that emboldens the word).
    case markdownBoldColonOutside = "**Citation**:"
    /// The label on one line, the citations on the next.
    case wrapped = "Citation: wrapped over two lines"
    /// `§` written `&sect;&nbsp;` in the citation lines.
    case sectionEntity = "&sect;&nbsp;"
    /// The label in other words, one a section in turn: `Citation(s):`, `Statutory citation:`,
    /// `Cite:`.
    case worded = "Citation(s): / Statutory citation: / Cite:"
    /// A word processor's file through pandoc: the citations underlined as bracketed spans
    /// (`Citation: [Ann. Code § 43-21-105]{.underline}`), each heading opening with an empty
    /// anchor span (`## []{#_Toc2 .anchor}Definitions`).
    case pandocSpans = "pandoc [text]{.underline} spans"

    /// The label of the `section`th section's citation lines (from 0).
    public func label(section: Int) -> String {
        guard self == .worded else { return "Citation:" }
        return ["Citation(s):", "Statutory citation:", "Cite:"][section % 3]
    }

    public var formats: [DocumentFormat] {
        switch self {
        case .plain, .worded: [.text, .markdown, .html]
        case .htmlBold, .sectionEntity: [.html]
        case .markdownBold, .markdownBoldColonOutside, .pandocSpans: [.markdown]
        case .wrapped: [.text, .markdown]
        }
    }
}

/// The parts of a web page around its content.
public enum WebChrome: String, LayoutForm {
    /// The content alone in `<body>`.
    case none = "no chrome"
    /// `Skip to main content` before everything.
    case skipLink = "skip link"
    /// The government banner and site name in `<header>`.
    case banner = "government banner"
    /// A `<nav>` menu of links.
    case navigationMenu = "navigation menu"
    /// `Home › Topics › Laws & Policies › State`.
    case breadcrumbs = "breadcrumbs"
    /// Print, Share and Email links under the header.
    case printShare = "Print/Share links"
    /// An `<aside>` with headings and links of its own after the content.
    case relatedResources = "Related Resources aside"
    /// A `<footer>` with the publisher and links.
    case siteFooter = "site footer"
    /// All of the above, the content in `<main>`.
    case everything = "all chrome, landmarks"
    /// All of the above in plain `<div>`s: no `main`, `nav`, `header`, `aside` or `footer`.
    case everythingInDivs = "all chrome in <div>s"

    public var formats: [DocumentFormat] { [.html] }
}

/// What a PDF-to-text conversion leaves around and inside the content.
public enum PageFurniture: String, LayoutForm {
    /// One page, nothing around the content.
    case none = "no furniture"
    /// Title, state and URL at each page top after a form feed.
    case runningHeaderFormFeed = "running header after form feed"
    /// The same without form feeds: pages follow each other after a blank line.
    case runningHeaderNoFormFeed = "running header without form feed"
    /// The publisher and `Page N of M` (or a bare number) at each page bottom.
    case footerPageNumbers = "footer with publisher and page number"
    /// The Gateway's reproduction notice at the end.
    case reproductionNotice = "reproduction notice"
    /// A paragraph broken across a page break, footer and header between its halves.
    case splitParagraph = "paragraph split across a page break"
    /// Soft hyphens (U+00AD) inside words and at line ends.
    case softHyphens = "soft hyphens"
    /// No form feeds; each page ends with its number beside the web address on one line
    /// (`2      https://www.childwelfare.gov`).
    case numberedAddressFooter = "page number beside the web address"
    /// One page set with a blank line after every line (Apache Tika): one blank line inside a
    /// paragraph, three between paragraphs.
    case doubledSpacing = "a blank line after every line"
    /// Two pages without form feeds, the second short: each ends with the publisher and its
    /// address on one line over the page number, the address alone opens the second, and a
    /// paragraph runs on across the break.
    case shortLastPage = "two pages, the last short, without form feeds"
    /// Pages after form feeds, set with a blank line after every line (Apache Tika): each ends
    /// with its number beside the web address, and a paragraph runs on from one page's foot to
    /// the next page's first line.
    case doubledSpacingPages = "a blank line after every line, pages after form feeds"
    /// All of the above with form feeds.
    case everything = "all furniture"
    /// No blank line anywhere (pdfplumber's text): heading, `Citation:` line and paragraphs
    /// one under the other; each page ends with the publisher, the web address and the page
    /// number on one line, and the next opens with the title beside the address.
    case noBlankLines = "no blank lines, footer and header lines (pdfplumber)"
    /// A text browser's dump of the web page (`lynx -dump`): text indented, each link's text
    /// after its number (`Citation: [14]Ann. Code § 43-21-105`), the page's links and footer
    /// after the content, and a `References` list of the numbered addresses at the end (the
    /// page's letters: no ligature lost, whatever the ligature axis says).
    case linkReferences = "link numbers and a References list (lynx -dump)"
    /// An ebook converter's table of contents at the top (Calibre's `--inline-toc`): `Table of
    /// Contents`, the title and each heading as an entry, then the document.
    case tableOfContents = "a table of contents at the top (Calibre)"
    /// A copy from a PDF viewer: lines hard-wrapped at a narrow measure, no blank line, each
    /// list item's bullet alone on the line above it, and between pages the footer (publisher,
    /// address, number) and the page's title alone on the next line.
    case viewerCopy = "copied from a PDF viewer: narrow lines, no blank lines, bullets alone"
    /// OCR of a printed page: `l` for `1` or `O` for `0` inside cited section numbers and the
    /// date's year (`§ 43-21-1O5`, `May 2O19`).
    case ocrDigits = "OCR: l and O for 1 and 0 inside numbers"
    /// A web page printed from a browser, as `pdftotext -layout` sets it: every page, the first
    /// too, opens with the time of printing and the page's title on one line and ends with the
    /// page's address and `n/m` on one line; the page's actions, the site's notice and its links
    /// follow the content.
    case browserPrint = "printed from a browser"
    /// A blank line between the header's lines and between sections, none inside a section: its
    /// heading, `Citation:` line, paragraphs and list one under the other (`pdftotext`'s default
    /// mode, pdfminer: a blank line between the blocks of text they find).
    case sectionBlocks = "blank lines between sections only (pdftotext, pdfminer)"

    public var formats: [DocumentFormat] { [.text] }
}

/// How a report card's grade table is written.
public enum CardTableForm: String, LayoutForm {
    /// One tab-separated line per row (`corpus/ms-2021-report-card.md`).
    case tabs = "tab-separated rows"
    /// A plain-text conversion: each row a wrapped run of lines.
    case plainText = "plain text rows"
    /// A markdown pipe table with `<br>` in cells, extra credit and overall rows in the table,
    /// the overall as `F &nbsp;&nbsp; **47.5**`.
    case pipeTable = "markdown pipe table"
    /// An HTML table with one `<tbody>`.
    case htmlTable = "HTML table"
    /// An HTML table with `<thead>` and one `<tbody>` each for issues, extra credit and overall.
    case htmlTableSections = "HTML table, several <tbody>"
    /// pandoc's grid table (`+----+----+`, `+====+` under the header): each cell's text wrapped
    /// over its row's lines; extra credit as a grid of its own.
    case gridTable = "markdown grid table"
    /// A spreadsheet saved as comma-separated values: records padded with empty fields, cells
    /// with a line break inside quoted.
    case commaSeparated = "comma-separated values"
    /// `pdftotext -layout`: each row's cells at the header's columns, names and highlights
    /// wrapped within theirs, scores as `19.5 out of 27.5` (a score as wide as its column runs
    /// into the highlights beside it: `27.5Policy`), a blank line after each row.
    case layoutColumns = "columns of a -layout conversion"
    /// A web page of one `<div>` per issue (its name a heading, its grade, score and highlights
    /// `<div>`s), extra credit the same under its heading: no table, and on a card without
    /// highlights hardly any prose.
    case htmlDivs = "HTML <div> per issue"
    /// A card retyped as a list: an item or line per issue (`* Criminal Provisions: A,
    /// 16.5/17.5`, `2. Continuum of Care — B — 12 of 15`, `- Name: 12 out of 15, B`), its
    /// highlights' sentences as indented `-` items, extra credit as items under `Extra credit:`.
    case listItems = "list item per issue"
    /// A table drawn in box-drawing characters, as `w3m -dump` draws a page's table
    /// (`┌─┬─┐`, `│`, `├─┼─┤`, `└─┴─┘`): each cell's text wrapped within its column, extra
    /// credit a table of its own under its label.
    case boxDrawn = "box-drawn table (w3m -dump)"
    /// A spreadsheet saved as comma-separated values with the title and state in rows above
    /// the table, a column each for the number, name, grade, points earned, points
    /// possible, the goals accomplished and the gaps remaining.
    case commaSeparatedColumns = "comma-separated values, title rows and a column per value"
    /// A card retyped as a line per issue with no blank line between (`Continuum of Care: D,
    /// 9.5 of 15`), no highlights, the overall grade above, extra credit as lines of points
    /// under `Extra credit:`, and a call to action after a label in capitals (`LEARN MORE: To
    /// see how … compares, visit …`).
    case lineRows = "a line per issue, no blank line between"
    /// A wiki page's source (MediaWiki): an infobox's `| key = value` lines (state, year,
    /// framework, overall grade and score), a lead sentence, a `{| class="wikitable"` table of a
    /// row per issue (`| 1 || Name || B || 14.5/17.5`, the highlights a cell on a line of its own,
    /// sentences parted by `<br />`), extra credit as `* '''CLT''' (Name): +5 — …` items, and the
    /// `References` section and a category.
    case wikitable = "MediaWiki source, {| wikitable"
    /// A Google Docs document downloaded as plain text: a byte-order mark, CRLF line ends, the
    /// grade table a row per line of tab-separated cells, a blank line after each paragraph.
    case googleDocsTabs = "Google Docs plain text, tab-separated cells"
    /// A GitHub README: the overall grade in a `> [!NOTE]` alert above a pipe table of number,
    /// issue, grade and score, each issue's highlights in a `<details>` block under
    /// `## Highlights` (its name the `<summary>`), extra credit under its own heading.
    case readmeDetails = "GitHub README, <details> per issue"

    public var formats: [DocumentFormat] {
        switch self {
        case .tabs, .pipeTable, .gridTable, .readmeDetails: [.markdown]
        case .plainText, .commaSeparated, .layoutColumns, .listItems, .boxDrawn, .commaSeparatedColumns, .lineRows, .wikitable,
            .googleDocsTabs:
            [.text]
        case .htmlTable, .htmlTableSections, .htmlDivs: [.html]
        }
    }
}

/// Line ends.
public enum LineEnding: String, LayoutForm {
    /// `\n`.
    case lf = "LF"
    /// `\r\n`, as Windows tools write.
    case crlf = "CRLF"
}

/// How a web page writes `§`, no-break spaces and typographic quotes.
public enum EntityForm: String, LayoutForm {
    /// As UTF-8 characters.
    case characters = "UTF-8 characters"
    /// `&sect;`, `&nbsp;`, `&rsquo;`.
    case named = "named entities"
    /// `&#167;`, `&#160;`, `&#8217;`.
    case numeric = "numeric entities"

    public var formats: [DocumentFormat] { [.html] }
}

/// What a PDF-to-text conversion made of the `fi`, `fl` and `ff` ligature glyphs of the PDF's
/// font (`ffi` and `ffl` set as `f` and the `fi` or `fl` glyph).
public enum LigatureForm: String, LayoutForm {
    /// Each ligature written as its letters.
    case kept = "ligatures kept"
    /// Each ligature lost (`Denitions`, `ofcer`, `conict`, `Trafcking`, `afdavit`).
    case dropped = "ligatures dropped"
    /// Each ligature inside a word left as a space (`De nitions`, `of cer`), one at a word's
    /// end lost.
    case spaced = "ligatures as spaces"
    /// Each ligature lost in the header's lines and the headings only (set in a font of their
    /// own), the prose keeping its letters (`Human Tracking` over prose about `trafficking`).
    case droppedInHeadings = "ligatures dropped in the header and headings"

    public var formats: [DocumentFormat] { self == .kept ? [.text, .markdown, .html] : [.text] }
}

/// What a summary's `Citation:` lines cite beyond its state's codes written without the state.
public enum CitationContentForm: String, LayoutForm {
    /// Code names without the state (`Ann. Code § 43-21-105`), federal law as written.
    case stateLeftOut = "codes without the state"
    /// Code names carrying their state (`Alaska Stat. § 47.10.011`).
    case stateWritten = "codes with the state"
    /// An agency's policy manual by chapter and section (`Pol. & Proc. Man. Ch. 2, § 3`).
    case policyManual = "policy manual"
    /// An issuance cited by number, without `§` (`County Fiscal Letter No. 16/17-73`).
    case issuance = "issuance by number"
    /// A range in a code cited by title (`Cons. Stat. Tit. 7, §§ 3185 through 3191`).
    case titleRange = "title and range"
    /// A code name the state's codes do not use (`Rev. Stat.` in Texas): the state's law all
    /// the same, never federal law.
    case foreignCodeName = "code name the state does not use"
    /// A citation broken over two lines inside it (`§§ 97-3-54.1 through` / `97-3-54.4`).
    case wrapped = "citation wrapped over two lines"
}

/// How a summary's prose names a law.
public enum ProseCitationForm: String, LayoutForm {
    /// With `§` and the code name before it (`as defined in Ann. Code § 43-21-105`).
    case sectionSign = "§ with its code"
    /// The word and the code name after the number (`Section 20A.02, Penal Code`).
    case sectionWord = "Section N, Code"
    /// The section of the code the section's `Citation:` line cites (`section 43-21-105 of the Code`).
    case ofTheCode = "section N of the Code"
    /// Sections of a title of that code (`Sections 3185 through 3191 of Title 7`).
    case ofTitle = "Sections A through B of Title T"
}

/// Which document that is neither a summary nor a report card.
public enum OtherDocumentForm: String, LayoutForm {
    /// A news release about a state's report card.
    case pressRelease = "news release"
    /// A news release whose label stands above its headline, in capitals (`FOR IMMEDIATE
    /// RELEASE` over `New Report Cards Grade State Laws on Child Sex Trafficking`).
    case labelledRelease = "news release with its label above the headline"
    /// A legislature's page for one section of a state's code: number, heading, text, history.
    case statuteSection = "code section page"
}

/// One layout of the zoo: a form on every axis. Axes that do not apply to the document's kind
/// and format (page furniture on a web page, a date form on a report card) are ignored.
public struct ZooLayout: Sendable, Hashable, CustomStringConvertible {
    /// A statute summary, a report card, or `unknown` for another document (a news release).
    public var kind: DocumentKind
    /// Text (a PDF-to-text conversion), markdown or HTML.
    public var format: DocumentFormat
    /// Where title, state and date stand.
    public var header: HeaderForm
    /// How a summary writes its date.
    public var date: DateForm
    /// How a summary marks its section headings.
    public var heading: HeadingForm
    /// How a summary writes its `Citation:` labels.
    public var citationLabel: CitationLabelForm
    /// The web page around the content (HTML).
    public var chrome: WebChrome
    /// What the conversion leaves around the content (text summaries).
    public var furniture: PageFurniture
    /// How a report card's grade table is written.
    public var cardTable: CardTableForm
    /// LF or CRLF.
    public var lineEnding: LineEnding
    /// How `§`, no-break spaces and quotes are written (HTML).
    public var entities: EntityForm
    /// What became of ligatures (text summaries).
    public var ligatures: LigatureForm = .kept
    /// What a summary's `Citation:` lines cite.
    public var citationContent: CitationContentForm = .stateLeftOut
    /// How a summary's prose names laws.
    public var proseCitations: ProseCitationForm = .sectionSign
    /// Which other document (`kind` unknown).
    public var otherDocument: OtherDocumentForm = .pressRelease

    /// The plainest layout of a kind in a format: the forms the two corpus examples use, or
    /// the closest the format has.
    public static func baseline(_ kind: DocumentKind, _ format: DocumentFormat) -> ZooLayout {
        let heading: HeadingForm = switch format {
        case .text: .plainLine
        case .markdown: .hash2
        default: .h2
        }
        let table: CardTableForm = switch format {
        case .text: .plainText
        case .markdown: .tabs
        default: .htmlTable
        }
        return ZooLayout(
            kind: kind, format: format, header: kind == .reportCard ? .stateBeforeTitle : .titleDashState,
            date: .labelledMonthYear, heading: heading, citationLabel: .plain, chrome: .none, furniture: .none,
            cardTable: table, lineEnding: .lf, entities: .characters
        )
    }

    /// The baseline layout of `kind` with one axis set to `form`, in the first format (text,
    /// markdown, HTML) that can carry it.
    public static func varying<Form: LayoutForm>(
        _ kind: DocumentKind, _ axis: WritableKeyPath<ZooLayout, Form>, _ form: Form
    ) -> ZooLayout {
        var layout = baseline(kind, form.formats[0])
        layout[keyPath: axis] = form
        return layout
    }

    /// A layout drawn at random: the format first, then each axis among the forms that format
    /// can carry.
    static func random(_ kind: DocumentKind, _ rng: inout SplitMix64) -> ZooLayout {
        if kind == .reportCard {
            let table = rng.pick(CardTableForm.allCases)
            var layout = baseline(kind, table.formats[0])
            layout.cardTable = table
            layout.header = rng.pick(HeaderForm.allCases.filter { $0.appliesToCards && $0.formats.contains(layout.format) })
            layout.lineEnding = rng.pick(LineEnding.allCases)
            if layout.format == .html {
                layout.chrome = rng.pick(WebChrome.allCases)
                layout.entities = rng.pick(EntityForm.allCases)
            }
            return layout
        }
        let format = rng.pick([DocumentFormat.text, .markdown, .html])
        func pick<Form: LayoutForm>(_: Form.Type) -> Form {
            rng.pick(Form.allCases.filter { $0.formats.contains(format) })
        }
        var layout = baseline(kind, format)
        layout.header = pick(HeaderForm.self)
        if kind == .unknown {
            layout.otherDocument = pick(OtherDocumentForm.self)
            if !layout.header.appliesToReleases { layout.header = .titleDashState }
        }
        layout.date = pick(DateForm.self)
        // A page without headings is one form among a format's several heading syntaxes, so it
        // is drawn about as often as one syntax of markdown or HTML.
        layout.heading = rng.chance(0.1) ? .noHeadings
            : rng.pick(HeadingForm.allCases.filter { $0 != .noHeadings && $0.formats.contains(format) })
        layout.citationLabel = pick(CitationLabelForm.self)
        layout.citationContent = pick(CitationContentForm.self)
        layout.proseCitations = pick(ProseCitationForm.self)
        layout.lineEnding = pick(LineEnding.self)
        switch format {
        case .html:
            layout.chrome = pick(WebChrome.self)
            layout.entities = pick(EntityForm.self)
        case .text where kind == .statuteSummary:
            layout.furniture = pick(PageFurniture.self)
            layout.ligatures = pick(LigatureForm.self)
        default:
            break
        }
        return layout
    }

    /// The forms that apply to the document, axis by axis (`format html, header state as
    /// heading, ...`).
    public var description: String {
        var parts = ["\(kind.rawValue) as \(format.rawValue)", "header: \(header.rawValue)"]
        if kind == .reportCard {
            parts.append("table: \(cardTable.rawValue)")
        } else if kind == .unknown {
            parts += ["other document: \(otherDocument.rawValue)", "date: \(date.rawValue)"]
        } else {
            parts += [
                "date: \(date.rawValue)", "headings: \(heading.rawValue)", "label: \(citationLabel.rawValue)",
                "citations: \(citationContent.rawValue)", "prose: \(proseCitations.rawValue)",
            ]
        }
        if format == .html { parts += ["chrome: \(chrome.rawValue)", "entities: \(entities.rawValue)"] }
        if format == .text, kind == .statuteSummary {
            parts += ["furniture: \(furniture.rawValue)", "ligatures: \(ligatures.rawValue)"]
        }
        parts.append("line ends: \(lineEnding.rawValue)")
        return parts.joined(separator: ", ")
    }
}
