import LexpipeRecord
import Testing

/// Cards in forms that set their parts apart from a printed card's: a slide deck whose title
/// slide holds the overall grade and the month the deck was presented, and a notebook exported
/// to HTML whose grade table is a code cell's output.
@Suite("Notebook and slide cards")
struct NotebookAndSlideCardTests {
    /// The six issues: name, grade, score and maximum.
    static let issues: [(name: String, grade: String, score: String, max: String, gaps: String)] = [
        ("Criminal Provisions", "B", "14", "17.5", "mistake of age defenses"),
        ("Identification of and Response to Victims", "C", "20", "27.5", "screening through the child welfare system"),
        ("Continuum of Care", "C", "11", "15", "extended foster care services"),
        ("Access to Justice for Trafficking Survivors", "D", "9.5", "15", "vacatur"),
        ("Tools for a Victim-Centered Criminal Justice Response", "B", "8.5", "10", "hearsay exceptions"),
        ("Prevention and Training", "D", "10", "15", "training for school personnel"),
    ]

    static let accomplished = [
        "buyer accountability", "child abuse definitions", "community-based services", "civil remedies",
        "victim-witness supports", "training for law enforcement",
    ]

    /// A slide deck as pdftotext writes it without `-layout`: a line per text box, a form feed
    /// between slides, each but the first under a footer and its number, the title slide's
    /// lines under the title given as `titleSlide`.
    static func slides(titleSlide: String) -> String {
        var text = "Vermont\n2022 Report Card on Child & Youth Sex Trafficking\n" + titleSlide + "\n\n"
        for (index, issue) in issues.enumerated() {
            text += "\u{0C}Issue \(index + 1)\n\(issue.name)\n\(issue.grade)\n\(issue.score) / \(issue.max) points\n"
            text += "• Policy goals accomplished in areas related to \(Self.accomplished[index]).\n"
            text += "• Gaps remain in areas related to \(issue.gaps).\n"
            text += "Vermont 2022 Report Card | Briefing\n\(index + 2)\n\n"
        }
        return text + "\u{0C}Questions?\nVermont 2022 Report Card | Briefing\n8\n"
    }

    /// The title slide's overall grade, a letter alone on the line under its label, is read as
    /// stated, and the month the deck was presented, on a line of its own further down the
    /// slide, dates it.
    @Test func aTitleSlideGivesTheOverallGradeAndTheMonth() throws {
        let text = Self.slides(titleSlide: "Overall Grade\nC\nFinal Score: 73\nPresented to the Senate Judiciary Committee\nMarch 2022")
        let record = try extractRecord(text: text, source: "deck.txt")
        #expect(record.kind == .reportCard)
        #expect(record.state == "Vermont")
        #expect(record.date == "2022-03")
        #expect(record.reportCard?.issues.count == 6)
        #expect(record.reportCard?.overall.score == 73)
        #expect(record.reportCard?.overall.grade == .c)
        #expect(record.reportCard?.overall.gradeSource == .stated)
    }

    /// A date a sentence gives (a page's edit stamp under its title) is no date of the card:
    /// the title's year stays its date.
    @Test func aDateInASentenceUnderTheTitleIsNotTheCards() throws {
        let text = Self.slides(titleSlide: "Overall Grade\nC\nFinal Score: 73\nCreated by the staff, last modified on Dec 04, 2022")
        let record = try extractRecord(text: text, source: "deck.txt")
        #expect(record.date == "2022")
        #expect(record.reportCard?.overall.grade == .c)
    }

    /// A notebook's code cells as nbconvert's JupyterLab template writes them: a prompt, the
    /// code in a `<pre>`, and the output, here first the grade table and then a number the next
    /// cell's code printed.
    static func labCell(_ number: Int, code: String, output: String) -> String {
        """
        <div class="jp-Cell jp-CodeCell jp-Notebook-cell">
        <div class="jp-Cell-inputWrapper"><div class="jp-InputArea jp-Cell-inputArea">
        <div class="jp-InputPrompt jp-InputArea-prompt">In&nbsp;[\(number)]:</div>
        <div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor"><div class="highlight hl-ipython3"><pre><span class="n">\(code)</span>
        </pre></div></div></div></div>
        <div class="jp-Cell-outputWrapper"><div class="jp-OutputArea jp-Cell-outputArea"><div class="jp-OutputArea-child">
        <div class="jp-OutputPrompt jp-OutputArea-prompt">Out[\(number)]:</div>
        \(output)
        </div></div></div>
        </div>
        """
    }

    /// The same in the classic template: `div.input` with its `input_prompt` and `input_area`.
    static func classicCell(_ number: Int, code: String, output: String) -> String {
        """
        <div class="cell border-box-sizing code_cell rendered">
        <div class="input"><div class="prompt input_prompt">In&nbsp;[\(number)]:</div>
        <div class="inner_cell"><div class="input_area"><div class="highlight hl-ipython3"><pre>\(code)
        </pre></div></div></div></div>
        <div class="output_wrapper"><div class="output"><div class="output_area">
        <div class="prompt output_prompt">Out[\(number)]:</div>
        \(output)
        </div></div></div>
        </div>
        """
    }

    static func notebook(cell: (Int, String, String) -> String) -> String {
        var rows = ""
        for (index, issue) in issues.enumerated() {
            rows += "<tr><th>\(index)</th><td>\(issue.name)</td><td>\(issue.grade)</td><td>\(issue.score)</td><td>\(issue.max)</td>"
            rows += "<td>\(Self.accomplished[index])</td><td>\(issue.gaps)</td></tr>\n"
        }
        let table = """
            <div class="jp-RenderedHTMLCommon jp-RenderedHTML output_html rendered_html"><table class="dataframe">
            <thead><tr><th></th><th>issue</th><th>grade</th><th>score</th><th>max_score</th><th>accomplished</th><th>gaps</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></div>
            """
        return """
            <!DOCTYPE html><html><head><title>vermont_card</title></head><body>
            <div class="jp-Cell jp-MarkdownCell text_cell"><div class="jp-RenderedMarkdown text_cell_render">
            <h1>Vermont 2022 Report Card</h1><p>Grades from the <em>Report Card on Child &amp; Youth Sex Trafficking</em>, typed in from the state's card.</p>
            </div></div>
            \(cell(1, "card = pd.read_csv(\"vermont.csv\")", table))
            \(cell(2, "card[\"score\"].sum()", "<div class=\"jp-RenderedText output_text\"><pre>73.0</pre></div>"))
            <div class="jp-Cell jp-MarkdownCell text_cell"><div class="jp-RenderedMarkdown text_cell_render">
            <p><strong>Overall grade: C</strong> (final score 73; no extra credit).</p>
            </div></div>
            </body></html>
            """
    }

    /// The code cell after the table (its prompts, its code and the number it printed) is no
    /// part of the last row's gaps; the table its code made is read.
    @Test(arguments: ["lab", "classic"])
    func aNotebooksCodeAndPromptsAreNotRead(template: String) throws {
        let html = Self.notebook(cell: template == "lab" ? Self.labCell : Self.classicCell)
        let record = try extractRecord(text: html, source: "card.html")
        #expect(record.kind == .reportCard)
        let issues = record.reportCard?.issues ?? []
        #expect(issues.count == 6)
        #expect(issues.last?.gaps == "training for school personnel")
        #expect(issues.last?.score == 10)
        #expect(record.reportCard?.overall.grade == .c)
        #expect(record.reportCard?.overall.score == 73)
        #expect(!record.warnings.contains { $0.contains("In [") || $0.contains("read_csv") }, "\(record.warnings)")
    }
}
