import Foundation
import LexpipeRecord

/// A report card laid out in any zoo layout, and the record a faithful extraction of it holds.
/// Zoo cards carry no conversion noise (stray fragments, look-alike letters): they vary the
/// layout only.
extension ReportCard {
    /// The card without conversion noise: every grade letter printed, no strays, no
    /// duplicated names, no tags in the score, labels written once.
    var clean: ReportCard {
        var card = self
        for index in card.issues.indices {
            card.issues[index].gradeForm = .latin
            card.issues[index].stray = nil
            card.issues[index].duplicate = nil
            card.issues[index].scoreTag = nil
        }
        card.doubledLabels = false
        card.creditHeadingApart = false
        return card
    }

    /// Whether the overall letter is printed beside the score.
    private var overallLetterPrinted: Bool { overallForm == .letterSetApart || overallForm == .letterSameLine }

    /// The record an extraction of this card should give, whatever its layout.
    func expectedRecord(_ layout: ZooLayout) -> DocumentRecord {
        // The built-in grading scale covers some years of each framework: a letter left out is
        // derived only then.
        let scaled = framework.scaledYears.contains(year)
        // A card retyped a line per issue leaves out the highlights and the credits' descriptions.
        let bare = layout.cardTable == .lineRows
        let issues = self.issues.map { issue in
            let (accomplished, gaps) = bare ? (nil, nil) : ReportCard.highlightParts(issue.highlight)
            let printed = framework.printsIssueDetails
            return GradeRow(
                number: issue.number, name: issue.name, grade: printed || scaled ? Grade(rawValue: issue.grade) : nil,
                gradeSource: printed ? .stated : scaled ? .derived : nil,
                score: Double(issue.scoreHalves) / 2, maxScore: Double(issue.maxHalves) / 2,
                accomplished: accomplished.map(ZooText.asRead), gaps: gaps.map(ZooText.asRead)
            )
        }
        let credits = self.credits.map { credit in
            // As the corpus example's record names them: `18+ Youth`, `Child Labor Trafficking`.
            ExtraCredit(
                code: credit.code, name: credit.code == "18+" ? "18+ \(credit.name)" : credit.name,
                points: Double(credit.halves) / 2,
                description: bare ? nil : ZooText.asRead(credit.description)
            )
        }
        // Grades are checked against scores only under a grading scale, and only where one is stated.
        let stated = framework.printsIssueDetails || overallLetterPrinted
        let card = LexpipeRecord.ReportCard(
            framework: framework.name, issues: issues, extraCredit: credits,
            overall: OverallGrade(
                score: Double(totalHalves) / 2, grade: overallLetterPrinted || scaled ? Grade(rawValue: overallGrade) : nil,
                gradeSource: overallLetterPrinted ? .stated : scaled ? .derived : nil
            ),
            checks: ReportCardChecks(totalMatchesSum: true, gradesMatchScores: scaled && stated ? true : nil)
        )
        return DocumentRecord(
            source: "", sha256: "", format: layout.format, kind: .reportCard, title: framework.name,
            state: jurisdiction.name, stateCode: jurisdiction.usps, year: year, date: String(year), reportCard: card
        )
    }

    /// What a highlight says was accomplished and what gaps remain (the areas after
    /// "related to", final period dropped).
    static func highlightParts(_ highlight: String) -> (accomplished: String?, gaps: String?) {
        var accomplished: String?
        var gaps: String?
        for sentence in highlight.split(separator: ".").map({ $0.trimmingSpaces }) where !sentence.isEmpty {
            guard let range = sentence.range(of: "related to ") else { continue }
            let areas = String(sentence[range.upperBound...])
            if sentence.hasPrefix("Policy goal") { accomplished = areas } else { gaps = areas }
        }
        return (accomplished, gaps)
    }

    /// The header lines in reading order, with their roles.
    private func headerLines(_ layout: ZooLayout) -> [(role: HeaderRole, text: String)] {
        switch layout.header {
        case .titleDashState: [(.title, "\(title) - \(jurisdiction.name)")]
        case .stateAfterTitle: [(.title, title), (.state, upperName)]
        case .boldState: [(.boldState, upperName), (.title, title)]
        case .stateHeading: [(.stateHeading, upperName), (.title, title)]
        case .labelledState: [(.title, title), (.state, "State: \(jurisdiction.name)")]
        case .stateInPageTitleOnly: [(.title, title)]
        default: [(.state, upperName), (.title, title)]
        }
    }

    /// Renders the card in `layout`.
    func render(_ layout: ZooLayout) -> [UInt8] {
        let out: [UInt8] = switch layout.cardTable {
        case .tabs: zooTabs(layout)
        case .plainText: zooText(layout)
        case .pipeTable: zooPipeTable(layout)
        case .htmlTable, .htmlTableSections, .htmlDivs: zooHTML(layout)
        case .gridTable: zooGridTable(layout)
        case .commaSeparated: zooCommaSeparated(layout)
        case .layoutColumns: zooLayoutColumns(layout)
        case .listItems: zooListItems(layout)
        case .boxDrawn: zooBoxDrawn(layout)
        case .commaSeparatedColumns: zooCommaSeparatedColumns(layout)
        case .lineRows: zooLineRows(layout)
        case .wikitable: zooWikitable()
        case .googleDocsTabs: zooGoogleDocs(layout)
        case .readmeDetails: zooReadme(layout)
        }
        // A Google Docs download has CRLF line ends whatever the line-end axis says.
        return layout.lineEnding == .crlf || layout.cardTable == .googleDocsTabs ? ZooText.crlf(out) : out
    }

    private var overallScore: String { ReportCard.points(totalHalves) }

    /// The issue's grade letter as the row prints it: none on a Challenge card.
    private func printedGrade(_ issue: CardIssue) -> String {
        framework.printsIssueDetails ? issue.grade : ""
    }

    private func scoreText(_ issue: CardIssue, _ separator: String) -> String {
        "\(ReportCard.points(issue.scoreHalves))\(separator)\(ReportCard.points(issue.maxHalves))"
    }

    private var learnMore: String {
        "To see how \(jurisdiction.name) compares, visit reportcards.sharedhope.org/toolkit."
    }

    // MARK: Markdown, tab-separated

    private func zooTabs(_ layout: ZooLayout) -> [UInt8] {
        var out: [UInt8] = []
        markdownHeader(layout, into: &out)
        out.line("Issue\t\t\tGrade\tScore\tHighlights")
        let separator = scoreForm == .slash ? "/" : scoreForm == .separateCells ? "\t" : " "
        for issue in issues {
            out.line(["", "\(issue.number). \(issue.name)", "", printedGrade(issue), scoreText(issue, separator), issue.highlight]
                .joined(separator: "\t"))
        }
        for (index, credit) in credits.enumerated() {
            out.line([index == 0 ? "EXTRA CREDIT" : "", credit.code, "\(credit.code) \(credit.name)", "", ReportCard.points(credit.halves), credit.description]
                .joined(separator: "\t"))
        }
        out.line()
        overallLines(bold: true, into: &out)
        trailer(markdown: true, into: &out)
        return out
    }

    private func markdownHeader(_ layout: ZooLayout, into out: inout [UInt8]) {
        for (role, text) in headerLines(layout) {
            switch role {
            case .boldState: out.line("**\(text)**")
            case .stateHeading: out.line("## **\(text)**")
            default: out.line(text)
            }
            out.line()
        }
    }

    private func overallLines(bold: Bool, into out: inout [UInt8]) {
        let label = bold ? "**\(framework.overallLabel)**" : framework.overallLabel
        switch overallForm {
        case .setApart: out.write("\(label)\n\n\(overallScore)\n")
        case .sameLine: out.line("\(label) \(overallScore)")
        case .letterSetApart: out.write("\(label)\n\n\(overallGrade)\n\n\(overallScore)\n")
        case .letterSameLine: out.line("\(label) \(overallGrade) \(overallScore)")
        }
        out.line()
    }

    private func trailer(markdown: Bool, into out: inout [UInt8]) {
        out.line(markdown ? "## **LEARN MORE**" : "LEARN MORE")
        out.line()
        out.line(learnMore)
    }

    // MARK: Markdown pipe table

    private func zooPipeTable(_ layout: ZooLayout) -> [UInt8] {
        var out: [UInt8] = []
        markdownHeader(layout, into: &out)
        out.line("| Issue | Grade | Score | Highlights |")
        out.line("| --- | --- | --- | --- |")
        for issue in issues {
            let highlight = ReportCard.highlightSentences(issue.highlight).joined(separator: "<br>")
            out.line("| \(issue.number). \(issue.name) | \(printedGrade(issue)) | \(scoreText(issue, " / ")) | \(highlight) |")
        }
        for (index, credit) in credits.enumerated() {
            let label = index == 0 ? "EXTRA CREDIT<br>\(credit.code) \(credit.name)" : "\(credit.code) \(credit.name)"
            out.line("| \(label) |  | \(ReportCard.points(credit.halves)) | \(credit.description) |")
        }
        let letter = overallLetterPrinted ? "\(overallGrade) &nbsp;&nbsp; " : ""
        out.line("| **\(framework.overallLabel)** | \(letter)**\(overallScore)** |  |  |")
        out.line()
        trailer(markdown: true, into: &out)
        return out
    }

    // MARK: Markdown grid table

    private func zooGridTable(_ layout: ZooLayout) -> [UInt8] {
        var out: [UInt8] = []
        markdownHeader(layout, into: &out)
        let widths = [26, 5, 11, 48]
        var lines = [ZooGrid.rule(widths, "-")] + ZooGrid.row(["Issue", "Grade", "Score", "Highlights"], widths)
        lines.append(ZooGrid.rule(widths, "="))
        for issue in issues {
            lines += ZooGrid.row(["\(issue.number). \(issue.name)", printedGrade(issue), scoreText(issue, "/"), issue.highlight], widths)
            lines.append(ZooGrid.rule(widths, "-"))
        }
        for line in lines { out.line(line) }
        out.line()
        if !credits.isEmpty {
            out.line("**EXTRA CREDIT**")
            out.line()
            let creditWidths = [5, 24, 6, 48]
            var credit = [ZooGrid.rule(creditWidths, "-")]
            for row in credits {
                let name = row.code == "18+" ? "18+ \(row.name)" : row.name
                credit += ZooGrid.row([row.code, name, ReportCard.points(row.halves), row.description], creditWidths)
                credit.append(ZooGrid.rule(creditWidths, "-"))
            }
            for line in credit { out.line(line) }
            out.line()
        }
        overallLines(bold: true, into: &out)
        trailer(markdown: true, into: &out)
        return out
    }

    // MARK: Comma-separated values

    private func zooCommaSeparated(_ layout: ZooLayout) -> [UInt8] {
        func quoted(_ text: String) -> String {
            text.contains(",") || text.contains("\"") || text.contains("\n") ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
        }
        var records = headerLines(layout).map { "\(quoted($0.text)),,," }
        records += [",,,", "Issue,Grade,Score,Highlights"]
        for issue in issues {
            let highlight = ReportCard.highlightSentences(issue.highlight).joined(separator: "\n")
            // The name wrapped in its cell after its second word, as a spreadsheet's narrow
            // column holds it: records over several lines, no line-by-line data.
            let words = "\(issue.number). \(issue.name)".split(separator: " ")
            let name = words.count > 3 ? words.prefix(3).joined(separator: " ") + "\n" + words.dropFirst(3).joined(separator: " ")
                : words.joined(separator: " ")
            records.append([quoted(name), printedGrade(issue), scoreText(issue, "/"), quoted(highlight)].joined(separator: ","))
        }
        if !credits.isEmpty {
            records += [",,,", "EXTRA CREDIT,,Points,Description"]
            for credit in credits {
                let name = credit.code == "18+" ? "18+ \(credit.name)" : credit.name
                records.append("\(quoted("\(credit.code) - \(name)")),,\(ReportCard.points(credit.halves)),\(quoted(credit.description))")
            }
        }
        records += [",,,", "\(framework.overallLabel),\(overallLetterPrinted ? overallGrade : ""),\(overallScore),", ",,,"]
        records.append("\(quoted(learnMore)),,,")
        var out: [UInt8] = []
        for record in records { out.line(record) }
        return out
    }

    /// A spreadsheet of a column per value, saved as comma-separated values: the title and
    /// state in rows above the table, the highlights' areas in columns of their own.
    private func zooCommaSeparatedColumns(_ layout: ZooLayout) -> [UInt8] {
        func quoted(_ text: String) -> String {
            text.contains(",") || text.contains("\"") ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
        }
        let padding = ",,,,,,"
        var records = headerLines(layout).map { quoted($0.text) + padding }
        records += [",,,,,,", "#,Issue,Grade,Points earned,Points possible,Policy goals accomplished,Gaps remaining"]
        for issue in issues {
            let (accomplished, gaps) = ReportCard.highlightParts(issue.highlight)
            records.append([
                String(issue.number), quoted(issue.name), printedGrade(issue), ReportCard.points(issue.scoreHalves),
                ReportCard.points(issue.maxHalves), quoted(accomplished ?? ""), quoted(gaps ?? ""),
            ].joined(separator: ","))
        }
        if !credits.isEmpty {
            records += [",,,,,,", "Extra credit,,,Points,,Description,"]
            for credit in credits {
                let name = credit.code == "18+" ? "18+ \(credit.name)" : credit.name
                records.append("\(credit.code),\(quoted(name)),,\(ReportCard.points(credit.halves)),,\(quoted(credit.description)),")
            }
        }
        records += [",,,,,,", "\(framework.overallLabel.capitalized),,\(overallLetterPrinted ? overallGrade : ""),\(overallScore),100,,"]
        var out: [UInt8] = []
        for record in records { out.line(record) }
        return out
    }

    /// A line per issue and per credit, no blank line between them and no highlights or
    /// descriptions, the overall grade above them and a call to action after them.
    private func zooLineRows(_ layout: ZooLayout) -> [UInt8] {
        var out: [UInt8] = []
        for (_, text) in headerLines(layout) { out.line(text) }
        out.line()
        let label = framework.overallLabel.prefix(1) + framework.overallLabel.dropFirst().lowercased()
        out.line("\(label): " + (overallLetterPrinted ? "\(overallGrade), " : "") + "\(overallScore) of 100")
        out.line()
        for issue in issues {
            let grade = printedGrade(issue)
            out.line("\(issue.name): " + (grade.isEmpty ? "" : "\(grade), ") + "\(ReportCard.points(issue.scoreHalves)) of \(ReportCard.points(issue.maxHalves))")
        }
        if !credits.isEmpty {
            out.line()
            out.line("Extra credit:")
            for credit in credits {
                out.line("\(credit.code == "18+" ? "18+ \(credit.name)" : "\(credit.code) \(credit.name)"): +\(ReportCard.points(credit.halves))")
            }
        }
        out.line()
        out.line("LEARN MORE: \(learnMore)")
        return out
    }

    // MARK: Wiki source, Google Docs text, README

    /// The credit's name as a record holds it (`18+ Youth`).
    private func creditName(_ credit: CardCredit) -> String {
        credit.code == "18+" ? "18+ \(credit.name)" : credit.name
    }

    /// The card as a wiki page's MediaWiki source: infobox, lead, `{| class="wikitable"`,
    /// extra credit items, references and category.
    private func zooWikitable() -> [UInt8] {
        var out: [UInt8] = []
        out.line("{{Infobox report card")
        out.line("| state         = \(jurisdiction.name)")
        out.line("| year          = \(year)")
        out.line("| framework     = [[\(framework.name)]]")
        if overallLetterPrinted { out.line("| overall_grade = \(overallGrade)") }
        out.line("| final_score   = \(overallScore)")
        out.line("}}")
        let grade = overallLetterPrinted ? "a '''\(overallGrade)''' (\(overallScore) points)" : "\(overallScore) points"
        out.line("'''\(jurisdiction.name)''' received \(grade) on Shared Hope International's \(year) ''[[\(framework.name)]]''.<ref>{{cite web |title=\(jurisdiction.name) \(year) Report Card |publisher=Shared Hope International}}</ref>")
        out.line()
        out.line("== Grades ==")
        out.line("{| class=\"wikitable\"")
        out.line("! # !! Issue !! Grade !! Score !! Highlights")
        for issue in issues {
            out.line("|-")
            out.line("| \(issue.number) || \(issue.name) || \(printedGrade(issue)) || \(scoreText(issue, "/"))")
            let highlight = ReportCard.highlightSentences(issue.highlight).joined(separator: "<br />")
            if !highlight.isEmpty { out.line("| \(highlight)") }
        }
        out.line("|}")
        out.line()
        if !credits.isEmpty {
            out.line("== Extra credit ==")
            for credit in credits {
                out.line("* '''\(credit.code)''' (\(creditName(credit))): +\(ReportCard.points(credit.halves)) \u{2014} \(credit.description)")
            }
            out.line()
        }
        out.line("== References ==")
        out.line("<references />")
        out.line()
        out.line("[[Category:\(jurisdiction.name)]]")
        return out
    }

    /// The card as Google Docs downloads it as plain text: a byte-order mark, each paragraph
    /// followed by a blank line, the table a line per row of tab-separated cells.
    private func zooGoogleDocs(_ layout: ZooLayout) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for (_, text) in headerLines(layout) {
            out.line(text)
            out.line()
        }
        out.line("Issue\tGrade\tScore\tHighlights")
        for issue in issues {
            out.line(["\(issue.number). \(issue.name)", printedGrade(issue), scoreText(issue, "/"), issue.highlight].joined(separator: "\t"))
        }
        out.line()
        if !credits.isEmpty {
            out.line("EXTRA CREDIT")
            out.line()
            for credit in credits {
                out.line(["\(credit.code) \(credit.name)", "+" + ReportCard.points(credit.halves), credit.description].joined(separator: "\t"))
            }
            out.line()
        }
        overallLines(bold: false, into: &out)
        trailer(markdown: false, into: &out)
        return out
    }

    /// The card as a GitHub README: the overall grade in an alert, a pipe table without
    /// highlights, each issue's highlights in a `<details>` block, extra credit under its heading.
    private func zooReadme(_ layout: ZooLayout) -> [UInt8] {
        var out: [UInt8] = []
        markdownHeader(layout, into: &out)
        let label = framework.overallLabel.prefix(1) + framework.overallLabel.dropFirst().lowercased()
        out.line("> [!NOTE]")
        out.line("> \(label): " + (overallLetterPrinted ? "**\(overallGrade)** (\(overallScore) points)" : "**\(overallScore)** points"))
        out.line()
        out.line("| # | Issue | Grade | Score |")
        out.line("|---|-------|-------|-------|")
        for issue in issues {
            out.line("| \(issue.number) | \(issue.name) | \(printedGrade(issue)) | \(scoreText(issue, " / ")) |")
        }
        out.line()
        let detailed = issues.filter { !ReportCard.highlightSentences($0.highlight).isEmpty }
        if !detailed.isEmpty {
            out.line("## Highlights")
            out.line()
            for issue in detailed {
                out.line("<details>")
                out.line("<summary>\(issue.number). \(issue.name)</summary>")
                out.line()
                for sentence in ReportCard.highlightSentences(issue.highlight) { out.line("- \(sentence)") }
                out.line()
                out.line("</details>")
                out.line()
            }
        }
        if !credits.isEmpty {
            out.line("## Extra credit")
            out.line()
            for credit in credits {
                out.line("**\(credit.code)** \u{2014} \(creditName(credit)) (+\(ReportCard.points(credit.halves)))")
                out.line()
                out.line(credit.description)
                out.line()
            }
        }
        return out
    }

    // MARK: Box-drawn table

    /// The card as `w3m -dump` draws its page: header lines, the grade table and the extra
    /// credit's table in box-drawing characters, the overall grade and the closing lines.
    private func zooBoxDrawn(_ layout: ZooLayout) -> [UInt8] {
        var out: [UInt8] = []
        for (_, text) in headerLines(layout) {
            out.line(text)
            out.line()
        }
        let widths = [28, 5, 10, 46]
        var rows = [["Issue", "Grade", "Score", "Highlights"]]
        for issue in issues {
            rows.append(["\(issue.number). \(issue.name)", printedGrade(issue), scoreText(issue, "/"), issue.highlight])
        }
        for line in ZooGrid.boxed(rows, widths) { out.line(line) }
        out.line()
        if !credits.isEmpty {
            out.line("EXTRA CREDIT")
            out.line()
            let creditRows = credits.map { credit in
                [credit.code, credit.code == "18+" ? "18+ \(credit.name)" : credit.name, "+" + ReportCard.points(credit.halves), credit.description]
            }
            for line in ZooGrid.boxed(creditRows, [5, 24, 6, 52]) { out.line(line) }
            out.line()
        }
        overallLines(bold: false, into: &out)
        trailer(markdown: false, into: &out)
        return out
    }

    // MARK: Text

    private func zooText(_ layout: ZooLayout) -> [UInt8] {
        // Rows wrap without hyphenation, which is all the layout draws a random number for.
        var rng = SplitMix64(state: 0)
        let textLayout = TextLayout(width: 92, hyphenation: 0)
        var lines: [[UInt8]] = headerLines(layout).map { Array($0.text.utf8) }
        lines.append([])
        lines.append(Array("Issue Grade Score Highlights".utf8))
        let separator = scoreForm == .slash ? "/" : " "
        for issue in issues {
            let row = ["\(issue.number). \(issue.name)", printedGrade(issue), scoreText(issue, separator), issue.highlight]
                .filter { !$0.isEmpty }.joined(separator: " ")
            textLayout.wrap(row, hyphenate: false, rng: &rng, into: &lines)
        }
        for (index, credit) in credits.enumerated() {
            let row = (index == 0 ? "EXTRA CREDIT " : "") + "\(credit.code) \(credit.name) \(ReportCard.points(credit.halves)) \(credit.description)"
            textLayout.wrap(row, hyphenate: false, rng: &rng, into: &lines)
        }
        var out: [UInt8] = []
        for line in lines {
            out += line
            out.line()
        }
        overallLines(bold: false, into: &out)
        trailer(markdown: false, into: &out)
        return out
    }

    // MARK: List items

    private func zooListItems(_ layout: ZooLayout) -> [UInt8] {
        var out: [UInt8] = []
        for (_, text) in headerLines(layout) { out.line(text) }
        out.line()
        overallLines(bold: false, into: &out)
        // One wording per card, as a person retyping it keeps to one; which one follows from
        // the state, so that the zoo holds them all.
        let variant = jurisdiction.name.utf8.reduce(0) { $0 + Int($1) } % 4
        for issue in issues {
            let grade = printedGrade(issue)
            let score = "\(ReportCard.points(issue.scoreHalves))"
            let maximum = "\(ReportCard.points(issue.maxHalves))"
            let item = switch variant {
            case 0: "* \(issue.name): " + (grade.isEmpty ? "" : "\(grade), ") + "\(score)/\(maximum)"
            case 1: "\(issue.number). \(issue.name) — " + (grade.isEmpty ? "" : "\(grade) — ") + "\(score) of \(maximum)"
            case 2: "- \(issue.name): \(score) out of \(maximum)" + (grade.isEmpty ? "" : ", \(grade)")
            default: "\(issue.name): " + (grade.isEmpty ? "" : "\(grade), ") + "\(score) of \(maximum) max"
            }
            out.line(item)
            for sentence in ReportCard.highlightSentences(issue.highlight) { out.line("    - \(sentence)") }
            if variant == 3 { out.line() }
        }
        if !credits.isEmpty {
            out.line()
            out.line("Extra credit:")
            for credit in credits {
                let name = credit.code == "18+" ? "18+ \(credit.name)" : "\(credit.code) \(credit.name)"
                out.line("* \(name): +\(ReportCard.points(credit.halves))")
                out.line("    - \(credit.description)")
            }
        }
        out.line()
        trailer(markdown: false, into: &out)
        return out
    }

    // MARK: Columns of a layout conversion

    private func zooLayoutColumns(_ layout: ZooLayout) -> [UInt8] {
        // Where the issue, grade, score and highlights columns start, and the widths the name
        // and the highlights wrap in.
        let columns = [4, 57, 65, 81]
        func line(_ cells: [String]) -> String {
            var text = ""
            for (cell, column) in zip(cells, columns) where !cell.isEmpty {
                // A cell wider than its column runs into the next one, as the page drew it.
                text += String(repeating: " ", count: max(0, column - text.count)) + cell
            }
            return text
        }
        var out: [UInt8] = []
        for (_, text) in headerLines(layout) {
            out.line(String(repeating: " ", count: 30) + text)
            out.line()
        }
        out.line(line(["Issue", "Grade", "Score", framework.printsIssueDetails ? "Highlights" : ""]))
        out.line()
        for issue in issues {
            let name = ZooGrid.wrap("\(issue.number). \(issue.name)", 50)
            let highlight = issue.highlight.isEmpty ? [] : ZooGrid.wrap(issue.highlight, 48)
            let score = scoreText(issue, " out of ")
            for index in 0..<max(name.count, highlight.count) {
                let first = index == 0
                out.line(line([
                    index < name.count ? name[index] : "", first ? printedGrade(issue) : "", first ? score : "",
                    index < highlight.count ? highlight[index] : "",
                ]))
            }
            out.line()
        }
        if !credits.isEmpty {
            out.line("    EXTRA CREDIT")
            out.line()
            for credit in credits {
                out.line("    \(credit.code) \(credit.name)   +\(ReportCard.points(credit.halves))   \(credit.description)")
                out.line()
            }
        }
        overallLines(bold: false, into: &out)
        trailer(markdown: false, into: &out)
        return out
    }

    // MARK: HTML

    private func zooHTML(_ layout: ZooLayout) -> [UInt8] {
        let escaper = HTMLEscaper(entities: layout.entities != .characters, numeric: layout.entities == .numeric)
        var out: [UInt8] = []
        func text(_ value: String) { escaper.escape(value, into: &out) }
        func cell(_ value: String, _ tag: String = "td") {
            out.write("<\(tag)>")
            text(value)
            out.write("</\(tag)>")
        }
        let sections = layout.cardTable == .htmlTableSections
        let chrome = ZooChrome(form: layout.chrome, state: jurisdiction.name)
        out.line("<!DOCTYPE html>")
        out.write("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        text("\(framework.name) - \(jurisdiction.name) | Shared Hope International")
        out.line("</title></head>")
        out.line("<body>")
        chrome.before(into: &out)
        for (role, line) in headerLines(layout) {
            let tag = switch role {
            case .title: "h2"
            case .stateHeading: "h1"
            default: "p"
            }
            out.write(role == .boldState ? "<p><strong>" : "<\(tag)>")
            text(line)
            out.line(role == .boldState ? "</strong></p>" : "</\(tag)>")
        }
        chrome.afterHeader(into: &out)
        if layout.cardTable == .htmlDivs {
            func div(_ value: String, _ kind: String) {
                out.write("<div class=\"\(kind)\">")
                text(value)
                out.write("</div>")
            }
            for issue in issues {
                out.write("<div class=\"issue\"><h3>")
                text("\(issue.number). \(issue.name)")
                out.write("</h3>")
                if !printedGrade(issue).isEmpty { div(printedGrade(issue), "grade") }
                div(scoreText(issue, scoreForm == .slash ? "/" : " / "), "score")
                if !issue.highlight.isEmpty { div(issue.highlight, "highlights") }
                out.line("</div>")
            }
            if !credits.isEmpty {
                out.line("<h3>EXTRA CREDIT</h3>")
                for credit in credits {
                    out.write("<div class=\"credit\">")
                    div("\(credit.code) \(credit.name)", "label")
                    div("+" + ReportCard.points(credit.halves), "points")
                    div(credit.description, "description")
                    out.line("</div>")
                }
            }
        } else {
            out.line("<table class=\"grades\">")
            out.line("<thead><tr><th>Issue</th><th>Grade</th><th>Score</th><th>Highlights</th></tr></thead>")
            out.line("<tbody>")
            for issue in issues {
                out.write("<tr>")
                cell("\(issue.number). \(issue.name)")
                cell(printedGrade(issue))
                cell(scoreText(issue, scoreForm == .slash ? "/" : " "))
                cell(issue.highlight)
                out.line("</tr>")
            }
            if sections {
                // Extra credit in a body of its own under a heading row, each label in one cell.
                out.line("</tbody>\n<tbody class=\"extra-credit\">")
                out.line("<tr><th colspan=\"4\">EXTRA CREDIT</th></tr>")
                for credit in credits {
                    out.write("<tr>")
                    cell("\(credit.code) \(credit.name)")
                    cell("")
                    cell(ReportCard.points(credit.halves))
                    cell(credit.description)
                    out.line("</tr>")
                }
            } else {
                // As Shared Hope's pages have it: the heading, code and label in cells of their own.
                for (index, credit) in credits.enumerated() {
                    out.write("<tr>")
                    cell(index == 0 ? "EXTRA CREDIT" : "")
                    cell(credit.code)
                    cell("\(credit.code) \(credit.name)")
                    cell("")
                    cell(ReportCard.points(credit.halves))
                    cell(credit.description)
                    out.line("</tr>")
                }
            }
            if sections {
                out.line("</tbody>\n<tbody class=\"overall\">")
                out.write("<tr>")
                cell(framework.overallLabel, "th")
                cell(overallLetterPrinted ? overallGrade : "")
                cell(overallScore)
                cell("")
                out.line("</tr>")
            }
            out.line("</tbody>")
            out.line("</table>")
        }
        if layout.cardTable != .htmlTableSections {
            out.write("<div class=\"overall\"><h3>\(framework.overallLabel)</h3>")
            if overallLetterPrinted { out.write("<p class=\"grade\">\(overallGrade)</p>") }
            out.line("<p class=\"score\">\(overallScore)</p></div>")
        }
        out.write("<h2>LEARN MORE</h2><p>")
        text(learnMore)
        out.line("</p>")
        chrome.after(into: &out)
        out.line("</body>")
        out.line("</html>")
        return out
    }

    /// The highlight's sentences, each with its period.
    static func highlightSentences(_ highlight: String) -> [String] {
        highlight.split(separator: ".").map { $0.trimmingSpaces + "." }.filter { $0 != "." }
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        var slice = self
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}

/// pandoc's grid tables, as the zoo draws them.
enum ZooGrid {
    /// A rule over columns of these widths: `+-----+---+`, or with `=` under a header.
    static func rule(_ widths: [Int], _ mark: Character) -> String {
        "+" + widths.map { String(repeating: mark, count: $0 + 2) }.joined(separator: "+") + "+"
    }

    /// The lines of a row: each cell's words wrapped within its column, the columns side by side.
    static func row(_ cells: [String], _ widths: [Int]) -> [String] {
        let wrapped = zip(cells, widths).map { wrap($0, $1) }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { line in
            "| " + zip(wrapped, widths).map { cell, width in
                let text = line < cell.count ? cell[line] : ""
                return text + String(repeating: " ", count: max(0, width - text.count))
            }.joined(separator: " | ") + " |"
        }
    }

    /// A table as a text browser draws it in box-drawing characters: a rule over, between and
    /// under the rows (`┌─┬─┐`, `├─┼─┤`, `└─┴─┘`), each cell's words wrapped within its column
    /// between `│`s, no space around them.
    static func boxed(_ rows: [[String]], _ widths: [Int]) -> [String] {
        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: "\u{2500}", count: $0) }.joined(separator: middle) + right
        }
        var lines = [rule("\u{250C}", "\u{252C}", "\u{2510}")]
        for (index, cells) in rows.enumerated() {
            if index > 0 { lines.append(rule("\u{251C}", "\u{253C}", "\u{2524}")) }
            let wrapped = zip(cells, widths).map { wrap($0, $1) }
            let height = wrapped.map(\.count).max() ?? 1
            for line in 0..<height {
                lines.append("\u{2502}" + zip(wrapped, widths).map { cell, width in
                    let text = line < cell.count ? cell[line] : ""
                    return text + String(repeating: " ", count: max(0, width - text.count))
                }.joined(separator: "\u{2502}") + "\u{2502}")
            }
        }
        lines.append(rule("\u{2514}", "\u{2534}", "\u{2518}"))
        return lines
    }

    /// The text's words in lines of at most `width` characters (a longer word alone on one).
    static func wrap(_ text: String, _ width: Int) -> [String] {
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
}

