@testable import LexpipeExtraction
import LexpipeMarkup
import LexpipePipeline
import LexpipeRecord
import Testing

// One Kansas 2023 card in every table form a conversion delivers (markdown pipe tables, HTML
// tables, text with tabs), one Protected Innocence Challenge card in three forms, and the press
// releases and news stories about the cards that are no card at all. Each card is checked row
// by row through every stage.

/// The Kansas 2023 card: what every form prints and what its record holds.
private enum Kansas {
    static let framework = "Report Card on Child & Youth Sex Trafficking"
    static let names = [
        "Criminal Provisions", "Identification of and Response to Victims", "Continuum of Care",
        "Access to Justice for Trafficking Survivors", "Tools for a Victim-Centered Criminal Justice Response",
        "Prevention and Training",
    ]
    static let grades: [Grade] = [.a, .c, .d, .f, .b, .c]
    static let scores: [Double] = [16, 20, 9.5, 8, 8.5, 11]
    static let maxima: [Double] = [17.5, 27.5, 15, 15, 10, 15]
    static let accomplished = [
        "buyer and trafficker accountability under state CSEC laws and financial penalties",
        "third party control and child abuse definitions",
        "services through a non-punitive system and MDT responses",
        "civil remedies",
        "victim supports and hearsay exceptions",
        "training for child welfare and law enforcement",
    ]
    static let gaps = [
        "business entity liability under the trafficking law",
        "screening through the juvenile justice system and juvenile court jurisdiction",
        "extended foster care services and appropriations",
        "crime victims' compensation, vacatur, restitution, and statutes of limitation",
        "privileged communications",
        "prevention education in schools",
    ]
    static let youthText = "Protections related to civil remedies are extended to sex trafficked youth."
    static let laborText = "Protections related to child abuse definitions are extended to child labor trafficking victims."

    /// The highlights cell of issue `index` (0-based), its two sentences joined by `separator`.
    static func highlight(_ index: Int, separator: String = " ") -> String {
        "Policy goals accomplished in areas related to \(accomplished[index])." + separator
            + "Gaps remain in areas related to \(gaps[index])."
    }

    /// A score as printed: `16`, `9.5`.
    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// The record's issue rows.
    static var issues: [GradeRow] {
        names.indices.map { index in
            GradeRow(
                number: index + 1, name: names[index], grade: grades[index], gradeSource: .stated, score: scores[index],
                maxScore: maxima[index], accomplished: accomplished[index], gaps: gaps[index]
            )
        }
    }

    static let extraCredit = [
        ExtraCredit(code: "18+", name: "18+ Youth", points: 2, description: youthText),
        ExtraCredit(code: "CLT", name: "Child Labor Trafficking", points: 2, description: laborText),
    ]

    static let title = "2023 Report Card on Child & Youth Sex Trafficking"
    static let heading = "## **KANSAS**\n\n\(title)\n\n"
}

/// A grade table in one form.
enum KansasCardForm: String, CaseIterable {
    /// `| 1. Criminal Provisions | A | 16 / 17.5 | ... |`, extra credit labelled in the table,
    /// the overall grade below it.
    case pipeSlashScores
    /// No outer pipes, `1\. Criminal Provisions`, `16/17.5`, the highlights' sentences as
    /// bullets with `<br>` between them, the overall grade as the table's last row.
    case pipeWithoutOuterPipes
    /// `16 of 17.5 (91%)`; extra-credit rows without a label (`| 18+ Youth | | +2 | ... |`); the
    /// overall row in bold.
    case pipeScoreOfMaximum
    /// Score and maximum in columns of their own; a page break splits the table in two, the
    /// header row repeated; issues numbered `Issue 1:` and `4)`.
    case pipeSeparateScoreAndMaximum
    /// Columns in another order (`Grade | Issue | Highlights | Max | Score`), the maximum
    /// before the score; an `EXTRA CREDIT` row alone, then `Child Labor Trafficking (CLT)`.
    case pipeColumnsInAnotherOrder
    /// Grade and score in one cell (`A &nbsp;&nbsp; **16**`) under `Total Score`, the maximum
    /// in a column of its own.
    case pipeGradeAndScoreInOneCell
    /// The overall grade as a row of the table before the extra-credit rows.
    case pipeExtraCreditAfterOverall
    /// The whole card one pipe table, the state and the title in rows of their own above the
    /// header row, the overall grade its last row.
    case pipeTitleInTheTable
    /// An HTML table: `<thead>`, a `<tbody>` per issue with the highlights in a row of their
    /// own, `<th>` row headers, the overall row in `<tfoot>`.
    case htmlHeadAndBodies
    /// An HTML table with the grade first, cells labelled (`Grade: A`, `Score: 16 of 17.5`),
    /// `<br>` inside cells, the overall grade in a paragraph after it (`Overall Grade: C (77)`).
    case htmlGradeFirst
    /// The tab-separated conversion, leader dots after each issue's name.
    case textWithTabs
    /// A paragraph per issue, each value labelled on a line of its own (`Issue 1: …`,
    /// `Grade: A`, `Score: 16 out of 17.5 points`, `Highlights:`, `Gaps:`), the overall grade
    /// and final score above them, a sentence of the page's after the last credit.
    case textLabelledParagraphs
    /// AsciiDoc: attribute lines under the `= State: Title` line, `[cols=…]` and `|===` around
    /// tables of a cell per line, `*Overall Grade:* C +` after a `[.lead]` line, extra credit
    /// under `== Extra Credit`, a `NOTE:` after it.
    case textAsciiDoc
    /// A table of contents' form: leader dots from each name to its grade and score
    /// (`1. Criminal Provisions ........ A   16/17.5`), the highlights indented below, extra
    /// credit and the overall grade with leader dots too.
    case textDotLeaders
    /// A web page laid out by CSS grid: a `<div>` per cell, no table and no ARIA roles, the
    /// number in a `<span>` run into the name's (`1Criminal Provisions` as text), the overall
    /// grade and `77 of 100` under the title with no label, extra credit in a `<div>` after the
    /// grid's (a sibling of the densest container), all in the page's wrapper.
    case htmlGridNumberRunIntoName
    /// A definition list: the name in `<dt>`, the score, its share and then the grade in one
    /// `<dd>` (`16 / 17.5 (91%) · Grade A`), the highlights in another.
    case htmlDefinitionListGradeAfterScore
    /// A spreadsheet saved as comma-separated values: CRLF records, quoted cells with a line
    /// break inside (a wrapped name, the highlights' two sentences), grades in `<b>` tags.
    case textCommaSeparated
    /// A pandoc grid table (`+----+----+`, `+====+` under the header): each cell's text wrapped
    /// over the lines of its row, a name broken after a hyphen.
    case markdownGridTable
    /// A reStructuredText simple table (`====  ====` columns) of number, name, score and grade,
    /// a name wrapped onto a line whose number column is blank; the title between rules.
    case textSimpleTable
    /// nougat's LaTeX `tabular` (`&` between cells, `\\ \hline` after each row), the overall
    /// grade and score apart by `\(\quad\)`.
    case markdownLaTeXTabular
    /// No table: a heading per issue, its grade and score on labelled lines of their own
    /// (`Grade: A`, `Score: 16 / 17.5`), its highlights below; each credit a bold code, a dash,
    /// the name and its points in parentheses (`**18+** — 18+ Youth (+2)`), its description below.
    case markdownIssueBlocks

    var format: DocumentFormat {
        switch self {
        case .htmlHeadAndBodies, .htmlGradeFirst, .htmlGridNumberRunIntoName, .htmlDefinitionListGradeAfterScore: .html
        case .textCommaSeparated, .textSimpleTable, .textAsciiDoc: .text
        default: .markdown
        }
    }

    /// The document's file name extension.
    var fileExtension: String {
        switch self {
        case .textCommaSeparated: "csv"
        case .textSimpleTable: "rst"
        case .textAsciiDoc: "adoc"
        default: format == .html ? "html" : "md"
        }
    }

    /// Whether the form prints the overall letter (else it is derived from 77).
    var statesOverallGrade: Bool {
        switch self {
        case .pipeSlashScores, .textWithTabs: false
        default: true
        }
    }

    private static let rows = Kansas.names.indices

    private func pipe(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    var document: String {
        let k = Kansas.self
        func name(_ index: Int) -> String { "\(index + 1). \(k.names[index])" }
        func score(_ index: Int) -> String { k.points(k.scores[index]) }
        func maximum(_ index: Int) -> String { k.points(k.maxima[index]) }
        func grade(_ index: Int) -> String { k.grades[index].rawValue }
        switch self {
        case .pipeSlashScores:
            var lines = ["| Issue | Grade | Score | Highlights |", "|---|:---:|:---:|---|"]
            lines += Self.rows.map { pipe([name($0), grade($0), "\(score($0)) / \(maximum($0))", k.highlight($0)]) }
            lines.append(pipe(["EXTRA CREDIT", "18+ Youth", "2", k.youthText]))
            lines.append(pipe(["", "CLT Child Labor Trafficking", "2", k.laborText]))
            return k.heading + lines.joined(separator: "\n") + "\n\n**OVERALL GRADE**\n\n77\n\n## **LEARN MORE**\n"
        case .pipeWithoutOuterPipes:
            var lines = ["Issue | Grade | Score | Highlights", "--- | --- | --- | ---"]
            // The list number escaped at the line's start, as html2text writes it.
            lines += Self.rows.map {
                [name($0).replacing(". ", with: "\\. ", maxReplacements: 1), grade($0), "\(score($0))/\(maximum($0))",
                 "• " + k.highlight($0, separator: "<br>• ")].joined(separator: " | ")
            }
            lines.append("EXTRA CREDIT | 18+ Youth | 2 | \(k.youthText)")
            lines.append(" | CLT Child Labor Trafficking | 2 | \(k.laborText)")
            lines.append("Overall Grade | C | 77 | ")
            return k.heading + lines.joined(separator: "\n") + "\n\n## **LEARN MORE**\n\nTo see how Kansas compares, visit the toolkit.\n"
        case .pipeScoreOfMaximum:
            var lines = ["| Issue | Grade | Score | Highlights |", "|---|---|---|---|"]
            lines += Self.rows.map {
                pipe([name($0), grade($0), "\(score($0)) of \(maximum($0)) (\(Int(k.scores[$0] / k.maxima[$0] * 100))%)", k.highlight($0)])
            }
            lines.append(pipe(["18+ Youth", "", "+2", k.youthText]))
            lines.append(pipe(["CLT Child Labor Trafficking", "", "+2", k.laborText]))
            lines.append(pipe(["**Overall Grade**", "**C**", "**77**", ""]))
            return k.heading + lines.joined(separator: "\n") + "\n"
        case .pipeSeparateScoreAndMaximum:
            // Issues numbered `Issue 1:` on the first page, `4)` on the second.
            func label(_ index: Int) -> String { index < 3 ? "Issue \(index + 1): \(k.names[index])" : "\(index + 1)) \(k.names[index])" }
            var lines = ["| Issue | Grade | Score | Max | Highlights |", "|---|---|--:|--:|---|"]
            lines += Self.rows.prefix(3).map { pipe([label($0), grade($0), score($0), maximum($0), k.highlight($0)]) }
            lines += ["", "\u{0C}", "| Issue | Grade | Score | Max | Highlights |", "|---|---|--:|--:|---|"]
            lines += Self.rows.dropFirst(3).map { pipe([label($0), grade($0), score($0), maximum($0), k.highlight($0)]) }
            lines.append(pipe(["**EXTRA CREDIT**", "", "", "", ""]))
            lines.append(pipe(["18+ Youth", "", "2", "", k.youthText]))
            lines.append(pipe(["CLT Child Labor Trafficking", "", "2", "", k.laborText]))
            lines.append(pipe(["Overall", "C", "77", "100", ""]))
            return k.heading + lines.joined(separator: "\n") + "\n"
        case .pipeColumnsInAnotherOrder:
            var lines = ["| Grade | Issue | Highlights | Max | Score |", "|---|---|---|---|---|"]
            lines += Self.rows.map { pipe([grade($0), name($0), k.highlight($0), maximum($0), score($0)]) }
            lines.append(pipe(["", "EXTRA CREDIT", "", "", ""]))
            lines.append(pipe(["", "18+ Youth", k.youthText, "", "2"]))
            lines.append(pipe(["", "Child Labor Trafficking (CLT)", k.laborText, "", "2"]))
            lines.append(pipe(["C", "OVERALL GRADE", "", "100", "77"]))
            return k.heading + lines.joined(separator: "\n") + "\n"
        case .pipeGradeAndScoreInOneCell:
            var lines = ["| Issue | Total Score | Points Possible | Highlights |", "|---|---|---|---|"]
            lines += Self.rows.map { pipe([name($0), "\(grade($0)) &nbsp;&nbsp; **\(score($0))**", maximum($0), k.highlight($0)]) }
            lines.append(pipe(["EXTRA CREDIT", "18+ Youth", "2", k.youthText]))
            lines.append(pipe(["", "CLT Child Labor Trafficking", "2", k.laborText]))
            lines.append(pipe(["**OVERALL GRADE**", "C &nbsp;&nbsp; **77**", "100", ""]))
            return k.heading + lines.joined(separator: "\n") + "\n"
        case .pipeExtraCreditAfterOverall:
            var lines = ["| Issue | Grade | Score | Highlights |", "|---|---|---|---|"]
            lines += Self.rows.map { pipe([name($0), grade($0), "\(score($0)) / \(maximum($0))", k.highlight($0)]) }
            lines.append(pipe(["**OVERALL GRADE**", "C", "77", ""]))
            lines.append(pipe(["**EXTRA CREDIT**", "18+ Youth", "2", k.youthText]))
            lines.append(pipe(["", "CLT Child Labor Trafficking", "2", k.laborText]))
            return k.heading + lines.joined(separator: "\n") + "\n\n**TOOLKIT:** To see how Kansas compares, visit the toolkit.\n"
        case .pipeTitleInTheTable:
            var lines = [pipe(["KANSAS", "", "", ""]), "|---|---|---|---|", pipe([k.title, "", "", ""])]
            lines.append(pipe(["Issue", "Grade", "Score", "Highlights"]))
            lines += Self.rows.map { pipe([name($0), grade($0), "\(score($0)) / \(maximum($0))", k.highlight($0)]) }
            lines.append(pipe(["EXTRA CREDIT", "18+ Youth", "2", k.youthText]))
            lines.append(pipe(["", "CLT Child Labor Trafficking", "2", k.laborText]))
            lines.append(pipe(["OVERALL GRADE", "C", "77", ""]))
            return lines.joined(separator: "\n") + "\n"
        case .htmlHeadAndBodies:
            var html = """
                <!DOCTYPE html><html><head><title>Kansas | 2023 Report Card</title></head><body><main>
                <h1>KANSAS</h1><h2>2023 Report Card on Child &amp; Youth Sex Trafficking</h2>
                <table><thead><tr><th>Issue</th><th>Grade</th><th>Score</th></tr></thead>

                """
            for index in Self.rows {
                html += "<tbody><tr><th scope=\"row\">\(name(index))</th><td>\(grade(index))</td><td>\(score(index)) / \(maximum(index))</td></tr>"
                html += "<tr><td colspan=\"3\">\(k.highlight(index).replacing("'", with: "&#8217;"))</td></tr></tbody>\n"
            }
            html += "<tbody><tr><th colspan=\"3\">Extra Credit</th></tr>"
            html += "<tr><td>18+ Youth</td><td>2</td><td>\(k.youthText)</td></tr>"
            html += "<tr><td>CLT Child Labor Trafficking</td><td>2</td><td>\(k.laborText)</td></tr></tbody>\n"
            html += "<tfoot><tr><th>Overall Grade</th><td>C</td><td>77</td></tr></tfoot></table>\n"
            html += "<h2>Learn More</h2><p>To see how Kansas compares, visit the toolkit.</p></main></body></html>\n"
            return html
        case .htmlGradeFirst:
            var html = """
                <html><body><main>
                <p>KANSAS</p><p>2023 Report Card on Child &amp; Youth Sex Trafficking</p>
                <table><tr><th>Grade</th><th>Issue</th><th>Score</th><th>Highlights</th></tr>

                """
            for index in Self.rows {
                html += "<tr><td><span>Grade:</span> \(grade(index))</td><td>\(name(index))</td><td>Score: \(score(index)) of \(maximum(index))</td>"
                html += "<td>\(k.highlight(index, separator: "<br>"))</td></tr>\n"
            }
            html += "<tr><td colspan=\"4\"><strong>EXTRA CREDIT</strong></td></tr>\n"
            html += "<tr><td></td><td>18+ Youth</td><td>2</td><td>\(k.youthText)</td></tr>\n"
            html += "<tr><td></td><td>CLT Child Labor Trafficking</td><td>2</td><td>\(k.laborText)</td></tr>\n"
            html += "</table><p><strong>Overall Grade:</strong> C (77)</p><p>A state's grade reflects its laws.</p></main></body></html>\n"
            return html
        case .textWithTabs:
            var lines = ["Issue\tGrade\tScore\tHighlights"]
            lines += Self.rows.map { [name($0) + " ........", grade($0), "\(score($0)) \(maximum($0))", k.highlight($0)].joined(separator: "\t") }
            lines.append("EXTRA CREDIT\t18+)\t18+) Youth\t2\t\(k.youthText)")
            lines.append("\tCLT\tCLT Child Labor Trafficking\t2\t\(k.laborText)")
            return k.heading + lines.joined(separator: "\n") + "\n\n**OVERALL GRADE**\n\n77\n\n## **LEARN MORE**\n"
        case .textLabelledParagraphs:
            let issues = Self.rows.map {
                "Issue \($0 + 1): \(k.names[$0])\nGrade: \(grade($0))\nScore: \(score($0)) out of \(maximum($0)) points\n"
                    + "Highlights: Policy goals accomplished in areas related to \(k.accomplished[$0]).\n"
                    + "Gaps: Gaps remain in areas related to \(k.gaps[$0])."
            }
            return k.heading + "Overall Grade: C\nFinal Score: 77\n\n" + issues.joined(separator: "\n\n")
                + "\n\nEXTRA CREDIT\n\n18+ 18+ Youth +2\n\(k.youthText)\n\nCLT Child Labor Trafficking +2\n\(k.laborText)\n"
                + "\nTo see how Kansas compares, visit reportcards.sharedhope.org/toolkit.\n"
        case .textDotLeaders:
            func leader(_ label: String) -> String { label + " " + String(repeating: ".", count: max(3, 60 - label.count)) }
            var lines = Self.rows.map { "\(leader(name($0))) \(grade($0))   \(score($0))/\(maximum($0))\n     \(k.highlight($0))\n" }
            lines.append("EXTRA CREDIT\n\(leader("18+   18+ Youth")) +2\n     \(k.youthText)\n\(leader("CLT   Child Labor Trafficking")) +2\n     \(k.laborText)\n")
            lines.append("\(leader("OVERALL GRADE")) C   77\n")
            return k.heading + lines.joined(separator: "\n")
        case .htmlGridNumberRunIntoName:
            var html = """
                <html><head><style>.grid { display: grid; grid-template-columns: 3fr 1fr 1fr 6fr; }</style></head><body><div class="page">
                <div class="hero"><div class="state">Kansas</div><div class="title">2023 Report Card on Child &amp; Youth Sex Trafficking</div>
                <div class="grade">C</div><div class="score">77 of 100</div></div>
                <div class="grid"><div class="head">Issue</div><div class="head">Grade</div><div class="head">Score</div><div class="head">Highlights</div>

                """
            for index in Self.rows {
                html += "<div class=\"cell\"><span class=\"num\">\(index + 1)</span><span class=\"name\">\(k.names[index])</span></div>"
                html += "<div class=\"cell\">\(grade(index))</div><div class=\"cell\">\(score(index)) of \(maximum(index)) points</div>"
                html += "<div class=\"cell\"><p>\(k.highlight(index, separator: "</p><p>"))</p></div>\n"
            }
            html += "</div><div class=\"extra\"><div class=\"head\">Extra Credit</div>"
            html += "<div>18+ Youth</div><div>+2</div><div>\(k.youthText)</div>"
            html += "<div>CLT Child Labor Trafficking</div><div>+2</div><div>\(k.laborText)</div></div></div>"
            html += "<div class=\"footer\">© Shared Hope International</div></body></html>\n"
            return html
        case .htmlDefinitionListGradeAfterScore:
            var html = """
                <html><body><main><h1>Kansas</h1><h2>2023 Report Card on Child &amp; Youth Sex Trafficking</h2>
                <dl>

                """
            for index in Self.rows {
                let share = Int((k.scores[index] / k.maxima[index] * 100).rounded())
                html += "<dt>\(name(index))</dt><dd>\(score(index)) / \(maximum(index)) (\(share)%) &middot; Grade \(grade(index))</dd>"
                html += "<dd>\(k.highlight(index))</dd>\n"
            }
            html += "</dl><h3>Extra Credit</h3><dl><dt>18+ Youth</dt><dd>+2</dd><dd>\(k.youthText)</dd>"
            html += "<dt>CLT Child Labor Trafficking</dt><dd>+2</dd><dd>\(k.laborText)</dd></dl>"
            html += "<p>Overall Grade: C (77)</p></main></body></html>\n"
            return html
        case .textCommaSeparated:
            func quoted(_ text: String) -> String { "\"" + text.replacing("\"", with: "\"\"") + "\"" }
            var records = ["Kansas - \(k.title),,,", ",,,", "Issue,Grade,Score,Highlights"]
            records += Self.rows.map {
                [quoted(name($0).replacing(" and ", with: " and\r\n", maxReplacements: 1)), "<b>\(grade($0))</b>",
                 "\(score($0))/\(maximum($0))", quoted(k.highlight($0, separator: "\r\n"))].joined(separator: ",")
            }
            records += [",,,", "Extra Credit,,Points,Description", "18+ - 18+ Youth,,+2,\(quoted(k.youthText))",
                        "CLT - Child Labor Trafficking,,+2,\(quoted(k.laborText))", ",,,", "Overall Grade,<b>C</b>,77,"]
            return records.joined(separator: "\r\n") + "\r\n"
        case .markdownGridTable:
            func wrap(_ text: String, _ width: Int) -> [String] {
                var lines: [String] = []
                var line = ""
                for word in text.split(separator: " ") {
                    if !line.isEmpty, line.count + 1 + word.count > width {
                        lines.append(line)
                        line = ""
                    }
                    line += line.isEmpty ? String(word) : " " + word
                }
                return lines + [line]
            }
            let issueWidths = [22, 5, 9, 40]
            let creditWidths = [5, 23, 4, 40]
            func rule(_ mark: Character, _ widths: [Int] = issueWidths) -> String {
                "+" + widths.map { String(repeating: mark, count: $0 + 2) }.joined(separator: "+") + "+"
            }
            func row(_ cells: [[String]], _ widths: [Int] = issueWidths) -> [String] {
                (0..<cells.map(\.count).max()!).map { line in
                    "| " + zip(cells, widths).map { cell, width in
                        let text = line < cell.count ? cell[line] : ""
                        return text + String(repeating: " ", count: width - text.count)
                    }.joined(separator: " | ") + " |"
                }
            }
            var lines = [rule("-")] + row([["Issue"], ["Grade"], ["Score"], ["Highlights"]]) + [rule("=")]
            for index in Self.rows {
                // The hyphenated name breaks after its hyphen, as a grid cell's width wraps it.
                let nameLines = wrap(name(index).replacing("Victim-Centered", with: "Victim- Centered"), 22)
                lines += row([nameLines, [grade(index)], ["\(score(index))/\(maximum(index))"], wrap(k.highlight(index), 40)])
                lines.append(rule("-"))
            }
            var credit = [rule("-", creditWidths)]
            credit += row([["18+"], ["18+ Youth"], ["+2"], wrap(k.youthText, 40)], creditWidths) + [rule("-", creditWidths)]
            credit += row([["CLT"], ["Child Labor Trafficking"], ["+2"], wrap(k.laborText, 40)], creditWidths) + [rule("-", creditWidths)]
            return k.heading + lines.joined(separator: "\n") + "\n\n### Extra Credit\n\n" + credit.joined(separator: "\n")
                + "\n\n**Overall Grade: C** (Final Score: 77)\n"
        case .textSimpleTable:
            func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
            let rule = "====  \(String(repeating: "=", count: 46))  =========  =====  \(String(repeating: "=", count: 40))"
            var lines = ["======", "KANSAS", "======", "", "-------------------------------------------------",
                         k.title, "-------------------------------------------------", "", rule,
                         "No.   \(padded("Issue", 46))  Score      Grade  Highlights", rule]
            for index in Self.rows {
                let words = k.names[index].split(separator: " ")
                let first = index == 4 ? words.prefix(3).joined(separator: " ") : k.names[index]
                lines.append("\(padded(String(index + 1), 4))  \(padded(first, 46))  \(padded("\(score(index))/\(maximum(index))", 9))  "
                    + "\(padded(grade(index), 5))  \(k.highlight(index))")
                if index == 4 { lines.append("      " + words.dropFirst(3).joined(separator: " ")) }
            }
            lines += [rule, "", "Overall Grade: C", "Final Score: 77", "", "EXTRA CREDIT", "",
                      "18+ 18+ Youth +2 \(k.youthText)", "", "CLT Child Labor Trafficking +2 \(k.laborText)", ""]
            return lines.joined(separator: "\n")
        case .textAsciiDoc:
            let rows = Self.rows.map { "|\(name($0))\n|\(grade($0))\n|\(score($0)) of \(maximum($0))\n|\(k.highlight($0))" }
            return """
                = Kansas: \(k.title)
                :doctype: article
                :reproducible:

                [.lead]
                *Overall Grade:* C +
                *Final Score:* 77 of 100

                [cols="3,1,1,6",options="header"]
                |===
                |Issue |Grade |Score |Highlights

                \(rows.joined(separator: "\n\n"))
                |===

                == Extra Credit

                [cols="1,2,1,6"]
                |===
                |18+ |18+ Youth |+2 |\(k.youthText)
                |CLT |Child Labor Trafficking |+2 |\(k.laborText)
                |===

                NOTE: To see how Kansas compares, visit https://reportcards.sharedhope.org/toolkit[the toolkit].

                """
        case .markdownLaTeXTabular:
            var lines = ["\\begin{tabular}{|p{113.8pt}|c|c|p{227.6pt}|} \\hline", "**Issue** & **Grade** & **Score** & **Highlights** \\\\ \\hline"]
            lines += Self.rows.map { "\(name($0)) & \(grade($0)) & \(score($0))/\(maximum($0)) & \(k.highlight($0)) \\\\ \\hline" }
            lines.append("\\end{tabular}")
            let credit = ["\\begin{tabular}{l l c p{227.6pt}}", "18+ & 18+ Youth & +2 & \(k.youthText) \\\\",
                          "CLT & Child Labor Trafficking & +2 & \(k.laborText) \\\\ \\hline", "\\end{tabular}"]
            return k.heading + lines.joined(separator: "\n") + "\n\n**Extra Credit**\n\n" + credit.joined(separator: "\n")
                + "\n\n**Overall Grade: C** \\(\\quad\\) **Final Score: 77**\n"
        case .markdownIssueBlocks:
            var lines: [String] = []
            for index in Self.rows {
                lines += ["### \(name(index))", "", "Grade: \(grade(index))", "", "Score: \(score(index)) / \(maximum(index))", "", k.highlight(index), ""]
            }
            lines += ["### Extra Credit", "", "**18+** — 18+ Youth (+2)", "", k.youthText, "", "**CLT** — Child Labor Trafficking (+2)", "", k.laborText, ""]
            lines += ["**Overall Grade: C**", "", "**Final Score: 77**"]
            return k.heading + lines.joined(separator: "\n") + "\n"
        }
    }
}

@Suite("Report cards: table forms")
struct ReportCardTableFormTests {
    @Test(arguments: KansasCardForm.allCases)
    func everyTableFormGivesTheSameRecord(form: KansasCardForm) throws {
        let record = try extractRecord(text: form.document, source: "ks-2023-report-card.\(form.fileExtension)")
        #expect(record.kind == .reportCard, "warnings: \(record.warnings)")
        #expect(record.format == form.format)
        #expect(record.title == Kansas.framework)
        #expect(record.state == "Kansas")
        #expect(record.year == 2023)
        guard let card = record.reportCard else {
            Issue.record("no report card; warnings: \(record.warnings)")
            return
        }
        #expect(card.framework == Kansas.framework)
        #expect(card.issues.count == Kansas.issues.count, "warnings: \(record.warnings)")
        for (got, want) in zip(card.issues, Kansas.issues) {
            #expect(got == want, "issue \(want.number)")
        }
        #expect(card.overall == OverallGrade(score: 77, grade: .c, gradeSource: form.statesOverallGrade ? .stated : .derived))
        #expect(card.extraCredit == Kansas.extraCredit)
        #expect(card.checks == ReportCardChecks(totalMatchesSum: true, gradesMatchScores: true), "warnings: \(record.warnings)")
        #expect(!record.warnings.contains { $0.contains("stray") || $0.contains("no points") || $0.contains("no row") }, "\(record.warnings)")
    }
}

/// A Protected Innocence Challenge card (Shared Hope's framework before 2019): six areas, a
/// score out of each area's points, a final grade and score.
enum ProtectedInnocenceForm: String, CaseIterable {
    /// Text: numbered area rows with `8.5/10`, the final grade and score below the table.
    case textNumberedAreas
    /// A pipe table without numbers (`| Area | Grade | Score | Possible |`), each area's grade
    /// stated, the final grade as a table row.
    case pipeUnnumberedAreas
    /// HTML: the final grade and score printed above the table, a `<th>` header row, a number
    /// column of its own (`1.`, `2`), prose after the table.
    case htmlFinalGradeAbove
    /// Text: `2015 Report Card` as the title, the framework named on the line below it, the
    /// final score and grade on one line above the rows, scores as `8.5 10`.
    case textFrameworkBelowTheTitle

    static let areas = [
        "Criminalization of Domestic Minor Sex Trafficking", "Criminal Provisions Addressing Demand",
        "Criminal Provisions for Traffickers", "Criminal Provisions for Facilitators",
        "Protective Provisions for the Child Victims", "Criminal Justice Tools for Investigation and Prosecutions",
    ]
    static let scores: [Double] = [8.5, 15, 13.5, 8, 17.5, 5.5]
    static let maxima: [Double] = [10, 25, 15, 15, 27.5, 7.5]
    static let grades: [Grade] = [.b, .d, .a, .f, .d, .c]

    /// Whether the form states each area's grade.
    var statesAreaGrades: Bool { self == .pipeUnnumberedAreas }

    var format: DocumentFormat { self == .htmlFinalGradeAbove ? .html : .markdown }

    var document: String {
        let rows = Self.areas.indices
        func points(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        switch self {
        case .textNumberedAreas:
            var lines = ["TEXAS", "", "Protected Innocence Challenge 2015", "", "Area Score"]
            lines += rows.map { "\($0 + 1). \(Self.areas[$0]) \(points(Self.scores[$0]))/\(points(Self.maxima[$0]))" }
            lines += ["", "FINAL GRADE: D", "FINAL SCORE: 68", "", "Laws are graded as of the close of the session."]
            return lines.joined(separator: "\n") + "\n"
        case .pipeUnnumberedAreas:
            var lines = ["# Protected Innocence Challenge 2015 Report Card: Texas", "", "| Area | Grade | Score | Possible |", "|---|---|---|---|"]
            lines += rows.map { "| \(Self.areas[$0]) | \(Self.grades[$0].rawValue) | \(points(Self.scores[$0])) | \(points(Self.maxima[$0])) |" }
            lines.append("| **Final Grade** | **D** | **68** | |")
            return lines.joined(separator: "\n") + "\n"
        case .textFrameworkBelowTheTitle:
            var lines = ["TEXAS", "", "2015 Report Card", "", "Protected Innocence Challenge", "", "FINAL SCORE: 68 FINAL GRADE: D", ""]
            lines += rows.map { "\($0 + 1). \(Self.areas[$0]) \(points(Self.scores[$0])) \(points(Self.maxima[$0]))" }
            lines += ["", "Learn more at sharedhope.org."]
            return lines.joined(separator: "\n") + "\n"
        case .htmlFinalGradeAbove:
            var html = """
                <html><head><title>Texas - Protected Innocence Challenge</title></head><body>
                <h1>2015 Protected Innocence Challenge: Texas</h1>
                <h2>Final Grade: D</h2><p>Final Score: 68</p>
                <table><tr><th>#</th><th>Area</th><th>Score</th></tr>

                """
            for index in rows {
                html += "<tr><td>\(index + 1)\(index.isMultiple(of: 2) ? "." : "")</td><td>\(Self.areas[index])</td><td>\(points(Self.scores[index])) / \(points(Self.maxima[index]))</td></tr>\n"
            }
            html += "</table><p>Policy goals accomplished related to none of the areas. The challenge graded 51 jurisdictions.</p>"
            html += "<h2>About the Challenge</h2><p>The challenge graded 51 jurisdictions in 2015.</p></body></html>\n"
            return html
        }
    }
}

@Suite("Report cards: Protected Innocence Challenge")
struct ProtectedInnocenceChallengeTests {
    @Test(arguments: ProtectedInnocenceForm.allCases)
    func protectedInnocenceCardsAreReadAsReportCards(form: ProtectedInnocenceForm) throws {
        let record = try extractRecord(text: form.document, source: "tx-2015-pic.\(form.format == .html ? "html" : "md")")
        #expect(record.kind == .reportCard, "warnings: \(record.warnings)")
        #expect(record.title == "Protected Innocence Challenge")
        #expect(record.state == "Texas")
        #expect(record.stateCode == "TX")
        #expect(record.year == 2015)
        guard let card = record.reportCard else {
            Issue.record("no report card; warnings: \(record.warnings)")
            return
        }
        #expect(card.framework == "Protected Innocence Challenge")
        let expected = ProtectedInnocenceForm.areas.indices.map { index in
            // An area without its letter gets the one its share of its points earns under the
            // Challenge's built-in scale.
            GradeRow(
                number: index + 1, name: ProtectedInnocenceForm.areas[index], grade: ProtectedInnocenceForm.grades[index],
                gradeSource: form.statesAreaGrades ? .stated : .derived, score: ProtectedInnocenceForm.scores[index],
                maxScore: ProtectedInnocenceForm.maxima[index], accomplished: nil, gaps: nil
            )
        }
        #expect(card.issues.count == expected.count, "warnings: \(record.warnings)")
        for (got, want) in zip(card.issues, expected) {
            #expect(got == want, "area \(want.number)")
        }
        #expect(card.extraCredit.isEmpty)
        #expect(card.overall == OverallGrade(score: 68, grade: .d, gradeSource: .stated))
        // The sum and the stated final grade (68 points: a D) are checked.
        #expect(card.checks == ReportCardChecks(totalMatchesSum: true, gradesMatchScores: true), "warnings: \(record.warnings)")
        #expect(!record.warnings.contains { $0.contains("no grading scale") }, "\(record.warnings)")
        #expect(!record.warnings.contains { $0.contains("stray") }, "\(record.warnings)")
        #expect(record.warnings.contains { $0.contains("grade derived") } == !form.statesAreaGrades, "\(record.warnings)")
    }
}

extension ProtectedInnocenceChallengeTests {
    /// A card whose areas add up to 102.5 points and whose final score, 90, shows no letter.
    static let finalScoreOnly = """
        TEXAS

        Protected Innocence Challenge 2017 Report Card

        Area Score
        1. Criminalization of Domestic Minor Sex Trafficking 10/10
        2. Criminal Provisions Addressing Demand 22.5/25
        3. Criminal Provisions for Traffickers 13.5/15
        4. Criminal Provisions for Facilitators 8/10
        5. Protective Provisions for the Child Victims 22/27.5
        6. Criminal Justice Tools for Investigation and Prosecutions 14/15

        FINAL SCORE: 90

        """

    /// The built-in scale grades the final score by points (90 earn an A); a scale without
    /// `overall_out_of` grades it by its share of the points possible (90 of 102.5: a B).
    @Test(arguments: [(nil, Grade.a), ("overall_out_of: 100", .a), ("", .b)] as [(String?, Grade)])
    func finalScoreIsGradedAsTheScaleSays(setting: String?, grade: Grade) throws {
        let configuration = try setting.map { line in
            try LexpipePipeline.Configuration.parse(yaml: """
                version: 1
                normalization:
                  grading_scales:
                    - framework: Protected Innocence Challenge
                      years: 2011-2019
                      minimums: {A: 90, B: 80, C: 70, D: 60}
                      \(line)
                """, file: "pipeline.yml")
        } ?? LexpipePipeline.Configuration()
        let record = try extractRecord(text: Self.finalScoreOnly, source: "tx-2017-pic.md", configuration: configuration)
        #expect(record.reportCard?.overall == OverallGrade(score: 90, grade: grade, gradeSource: .derived), "\(record.warnings)")
        #expect(record.reportCard?.issues.map(\.grade) == [.a, .a, .a, .b, .b, .a])
        #expect(record.reportCard?.checks == ReportCardChecks(totalMatchesSum: true, gradesMatchScores: nil))
    }
}

/// Documents about the report cards that are no report card: their prose names the cards,
/// grades and scores, but they have no grade table.
enum StoryAboutCards: String, CaseIterable {
    /// A press release with a ranking of states in a numbered list.
    case pressRelease
    /// A news story on a web page, quoting a state's grade and an issue's score in sentences.
    case newsStory
    /// A plain-text newsletter item with the card's section labels in its prose.
    case newsletter

    var source: String {
        switch self {
        case .pressRelease: "release.md"
        case .newsStory: "story.html"
        case .newsletter: "newsletter.txt"
        }
    }

    var document: String {
        switch self {
        case .pressRelease:
            """
            # Shared Hope International Releases the 2023 Report Card on Child & Youth Sex Trafficking

            **WASHINGTON, D.C., November 2023** — Shared Hope International today released its 2023 Report Card
            on Child & Youth Sex Trafficking. Kansas earned an overall grade of C with a score of 77, up from 70.

            Policy goals accomplished in areas related to civil remedies. Gaps remain in areas related to vacatur.

            The states with the highest grades:

            1. Texas A 93.5
            2. Tennessee A 92
            3. Florida A 91

            EXTRA CREDIT was awarded to 30 states. Contact: press@example.org
            """
        case .newsStory:
            """
            <!DOCTYPE html><html><head><title>Kansas gets a C on trafficking report card</title></head><body>
            <article><h1>Kansas gets a C on trafficking report card</h1>
            <p>Kansas received an overall grade of C on the 2023 Report Card on Child &amp; Youth Sex Trafficking.</p>
            <p>The state scored 16 of 17.5 points for 1. Criminal Provisions, but only 8 of 15 for access to justice.</p>
            <p>OVERALL GRADE: C. Advocates say gaps remain in areas related to vacatur.</p>
            </article></body></html>
            """
        case .newsletter:
            """
            KANSAS REPORT CARD SHOWS PROGRESS

            The 2023 report card gives Kansas a C. OVERALL GRADE 77. EXTRA CREDIT 18+ 2.
            Policy goals accomplished related to civil remedies. Gap remains related to vacatur.
            """
        }
    }
}

@Suite("Report cards: documents about them")
struct StoryAboutCardsTests {
    @Test(arguments: StoryAboutCards.allCases)
    func aStoryAboutTheCardsIsUnknownNotAnEmptyCard(story: StoryAboutCards) throws {
        let record = try extractRecord(text: story.document, source: story.source)
        #expect(record.kind == .unknown, "warnings: \(record.warnings)")
        #expect(record.reportCard == nil)
        #expect(record.sections.isEmpty)
    }
}

@Suite("Report cards: grade table evidence")
struct GradeTableEarlyAnswerTests {
    /// The classifier's early answer (reading only as far as the rows it needs) is the answer
    /// of counting every scored row, on cards and on stories about them.
    @Test(arguments: KansasCardForm.allCases.map { ($0.document, $0.format) }
        + StoryAboutCards.allCases.map { ($0.document, $0.source.hasSuffix(".html") ? DocumentFormat.html : .markdown) })
    func earlyAnswerIsTheCount(document: String, format: DocumentFormat) throws {
        let blocks = try MarkupCleaner().clean(text: document, format: format).blocks[...]
        let count = IssueRowReader.scoredRowCount(WordStream.words(blocks))
        for needed in 1...7 {
            #expect(IssueRowReader.hasScoredRows(blocks, atLeast: needed) == (count >= needed), "\(needed) of \(count)")
        }
    }
}

@Suite("Report card titles")
struct ReportCardTitleTests {
    /// A title line and the framework, year and state it gives.
    @Test(arguments: [
        ("2021 Report Card on Child & Youth Sex Trafficking", "Report Card on Child & Youth Sex Trafficking", 2021, nil),
        ("TEXAS 2022 Report Card on Child & Youth Sex Trafficking", "Report Card on Child & Youth Sex Trafficking", 2022, "TEXAS"),
        ("2023 Report Card on Child & Youth Sex Trafficking - New Mexico", "Report Card on Child & Youth Sex Trafficking", 2023, "New Mexico"),
        ("Report Card on Child & Youth Sex Trafficking: Ohio (2021)", "Report Card on Child & Youth Sex Trafficking", 2021, "Ohio"),
        ("Report Card on Child & Youth Sex Trafficking | Mississippi | 2021", "Report Card on Child & Youth Sex Trafficking", 2021, "Mississippi"),
        ("Protected Innocence Challenge 2017 Report Card: Texas", "Protected Innocence Challenge", 2017, "Texas"),
        ("NEW YORK Protected Innocence Challenge", "Protected Innocence Challenge", nil, "NEW YORK"),
        ("2015 Protected Innocence Challenge", "Protected Innocence Challenge", 2015, nil),
    ] as [(String, String, Int?, String?)])
    func titlesGiveFrameworkYearAndState(title: String, framework: String, year: Int?, state: String?) {
        let split = ReportCardExtractor.splitTitle(title)
        #expect(split.framework == framework)
        #expect(split.year == year)
        #expect(split.state == state)
    }
}

@Suite("Grade table cells")
struct GradeTableCellTests {
    /// Each cell is a grade (maybe with its score), numbers alone, or text, by its words.
    @Test(arguments: [
        ("B", GradeTable.Content.grade), ("F 47.5", .grade), ("\u{0412}", .grade), ("14.5 / 17.5", .numbers),
        ("14.5/17.5", .numbers), ("14.5 of 17.5", .numbers), ("16 17.5 (91%)", .numbers), ("2 pts", .numbers), ("+2", .numbers),
        ("1. Criminal Provisions", .text), ("Policy goals accomplished in areas related to x.", .text),
        ("A gap remains", .text), ("18+ Youth", .text), ("", .text),
    ])
    func cellsAreToldByTheirWords(cell: String, content: GradeTable.Content) {
        #expect(GradeTable.content(of: cell) == content)
    }

    /// A header cell names its column in any of the words a card uses; a label before a colon
    /// is dropped from a cell.
    @Test func headerCellsNameTheirColumns() {
        #expect(GradeTable.headerColumns(["Issue", "", "Grade", "Score", "Max", "Highlights"])
            == [.issue, nil, .grade, .score, .maximum, .highlights])
        #expect(GradeTable.headerColumns(["#", "Policy Area", "Points Earned", "Points Possible"]) == [.number, .issue, .score, .maximum])
        #expect(GradeTable.headerColumns(["1. Criminal Provisions", "B"]) == nil)
        #expect(GradeTable.headerColumns(["Issue"]) == nil)
        #expect(GradeTable.droppingLabel("Score: 14.5/17.5") == "14.5/17.5")
        #expect(GradeTable.droppingLabel("Note: see above") == "Note: see above")
    }

    /// A header cell's words are its runs of letters, `#` and `+`, in lower case, whatever
    /// stands between them, in ASCII cells and others alike.
    @Test(arguments: [
        ("Points Possible", "points possible"), ("Score (out of)", "score out of"), ("Issue #", "issue #"),
        ("  MAX.\r\nSCORE ", "max score"), ("18+", "+"), ("Issue\tNo.", "issue no"), ("", ""),
        ("Énoncé Grade", "énoncé grade"), ("Score\u{2009}/\u{2009}Max", "score max"),
    ])
    func headerCellWordsAreLetterRuns(cell: String, words: String) {
        #expect(GradeTable.columnWords(cell) == words)
    }
}

@Suite("Extra-credit labels")
struct ExtraCreditLabelTests {
    /// A label's long form without its code, however the code is set before or after it.
    @Test(arguments: [
        ("Issue 1: Criminal Provisions B 15/17.5 Issue 2: Continuum of Care C 10/15 Issue 3: Prevention and Training D 9/15", [1, 2, 3]),
        ("1 Criminal Provisions B 15/17.5 2 Continuum of Care C 10/15 3 Prevention and Training D 9/15", [1, 2, 3]),
        ("1Criminal Provisions B 15/17.5 2Continuum of Care C 10/15 3Prevention and Training D 9/15", [1, 2, 3]),
        ("|1. Criminal Provisions |B |15/17.5 |2. Continuum of Care |C |10/15 |3. Prevention |D |9/15", [1, 2, 3]),
        // Numbered so only twice: no rows; a score of 3 before a capital is no row's number.
        ("1 Texas A 93.5 2 Ohio B 85", []),
        ("Scored 1 Criminal 3 Policy goals", []),
    ] as [(String, [Int])])
    func rowsNumberedOtherwiseAreNumberedInSequence(text: String, numbers: [Int]) {
        let words = IssueRowReader.numbered(WordStream.words(text[...]))
        #expect(IssueRowReader.rowStarts(words).map(\.number) == numbers)
    }

    @Test(arguments: [
        // OCR set the name's second line in the highlights' first line.
        ("2. Identification of and D 17.5/27.5 Policy goals accomplished in areas related to Response to Victims non-criminalization for prostitution offenses. Gaps remain in areas related to foreign national victims.",
         "Identification of and Response to Victims", "non-criminalization for prostitution offenses"),
        ("4. Tools for a B 8/10 Policy goals accomplished in areas related to victim Victim-Centered Criminal supports and privileged Justice Response communications. Gap remains related to hearsay exceptions.",
         "Tools for a Victim-Centered Criminal Justice Response", "victim supports and privileged communications"),
        // A whole name leaves the capitals of the highlights where they are.
        ("1. Criminal Provisions B 15/17.5 Policy goal accomplished related to the Trafficking Victims Protection Act. Gap remains related to decoy defenses.",
         "Criminal Provisions", "the Trafficking Victims Protection Act"),
    ])
    func aNameWrappedIntoTheHighlightsGoesOnWithIt(text: String, name: String, accomplished: String) {
        var warnings: [Diagnostic] = []
        let rows = IssueRowReader.read(WordStream.words(text[...]), warnings: &warnings)
        #expect(rows.first?.name == name)
        #expect(rows.first?.accomplished == accomplished)
    }

    @Test(arguments: [
        ("\u{0421}ontinuum of Care", "Continuum of Care", 1),
        ("Prevention and Training", "Prevention and Training", 0),
        ("Tools for a Vi\u{0441}tim-Centered Response", "Tools for a Victim-Centered Response", 1),
        // A word wholly in another script is left as it is.
        ("\u{0421}\u{0435}\u{043C}\u{044C}\u{044F}", "\u{0421}\u{0435}\u{043C}\u{044C}\u{044F}", 0),
    ])
    func lookAlikeLettersInLatinWordsAreLatin(name: String, repaired: String, count: Int) {
        let result = LatinLookAlikes.repaired(name)
        #expect(result.text == repaired)
        #expect(result.replaced.count == count)
    }

    @Test(arguments: [
        ("18+ — 18+ Youth", "18+", "18+ Youth"), ("CLT - Child Labor Trafficking", "CLT", "Child Labor Trafficking"),
        ("CLT Child Labor Trafficking", "CLT", "Child Labor Trafficking"), ("Child Labor Trafficking (CLT)", "CLT", "Child Labor Trafficking"),
        ("18+ Youth", "18+", "18+ Youth"), ("CLT —", "CLT", "CLT —"),
    ])
    func theNameIsTheLabelWithoutItsCode(label: String, code: String, name: String) {
        #expect(ExtraCreditReader.name(label, code: code) == name)
    }
}
