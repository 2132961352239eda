/// Lays a report card out as the tab-separated markdown conversion, a plain-text conversion,
/// or a Shared Hope web page with the grades in a table.
extension ReportCard {
    /// The name of the state as the card's prose writes it.
    private var properName: String { jurisdiction.name }

    private func scoreCell(_ issue: CardIssue, separator: String) -> String {
        var score = ReportCard.points(issue.scoreHalves)
        if let tag = issue.scoreTag { score = "<\(tag)>\(score)</\(tag)>" }
        let maximum = ReportCard.points(issue.maxHalves)
        switch scoreForm {
        case .runTogether: return "\(score) \(maximum)"
        case .separateCells: return "\(score)\(separator)\(maximum)"
        case .slash: return "\(score)/\(maximum)"
        }
    }

    private var learnMore: [(heading: String, text: String)] {
        [
            ("TOOLKIT:", "To see how \(properName) compares, visit reportcards.sharedhope.org/toolkit."),
            ("ISSUE BRIEFS:", "To better understand a policy goal, visit reportcards.sharedhope.org/issue-briefs."),
        ]
    }

    private var resources: String {
        "To better understand \(properName)\(typography.apostrophe)s grade, access an in-depth analysis of its laws under the advanced legislative framework and review its historical progress by visiting reportcards.sharedhope.org/\(properName.lowercased().replacingOccurrencesOfSlot(" ", with: "-"))."
    }

    private static let assistance = "For legislators and partner non-profits that assist elected officials in creating legislation, request a consultation with our Policy Team online at sharedhope.org/legislative-technical-assistance. We will set up a meeting to discuss your legislative goals and create a customized goal for ongoing technical assistance, bill drafting services, and legislative support."

    /// The code and label cells of an extra-credit row.
    /// `18+)` and `18+) Youth` as the conversion doubles the marker, else `18+` and `18+ Youth`.
    private func creditLabels(_ credit: CardCredit) -> (code: String, label: String) {
        let marker = doubledLabels && credit.code == "18+" ? "18+)" : credit.code
        return (marker, "\(marker) \(credit.name)")
    }

    // MARK: Markdown

    /// The form of `corpus/ms-2021-report-card.md`: `##` headings in bold, one tab-separated
    /// line per row, stray fragments in the first column, the overall score set apart.
    func markdown(_ rng: inout SplitMix64) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(6000)
        out.line("## **\(upperName)**")
        out.line()
        out.line(title)
        out.line()
        out.line("Issue\t\t\tGrade\tScore\tHighlights")
        for issue in issues {
            var cells = [issue.stray ?? ""]
            let name = "\(issue.number). \(issue.name)"
            if let duplicate = issue.duplicate {
                let cut = "\(issue.number). \(duplicate.cut)"
                cells += duplicate.before ? [cut, name] : [name, cut]
            } else {
                cells.append(name)
            }
            cells += ["", issue.printedGrade, scoreCell(issue, separator: "\t"), issue.highlight]
            out.line(cells.joined(separator: "\t"))
        }
        if creditHeadingApart {
            out.line()
            out.line("**EXTRA CREDIT**")
            out.line()
        }
        for (index, credit) in credits.enumerated() {
            let (marker, label) = creditLabels(credit)
            let first = creditHeadingApart ? [] : [index == 0 ? "EXTRA CREDIT" : ""]
            out.line((first + [marker, label, "", ReportCard.points(credit.halves), credit.description]).joined(separator: "\t"))
        }
        out.line()
        let score = ReportCard.points(totalHalves)
        switch overallForm {
        case .setApart: out.write("**OVERALL GRADE** \n\n\n\n\(score)\n")
        case .sameLine: out.line("**OVERALL GRADE** \(score)")
        case .letterSetApart: out.write("**OVERALL GRADE**\n\n\(overallGrade)\n\n\(score)\n")
        case .letterSameLine: out.line("**OVERALL GRADE:** \(overallGrade) \(score)")
        }
        out.line()
        out.line("## **LEARN MORE**")
        out.line()
        for item in learnMore {
            out.line("**\(item.heading)** \(item.text)")
            out.line()
        }
        out.line("## \(upperName) SPECIFIC RESOURCES")
        out.line()
        out.line(resources)
        out.line()
        out.line("## **TECHNICAL ASSISTANCE**")
        out.line()
        out.line(ReportCard.assistance)
        return out
    }

    // MARK: Text

    /// A plain-text conversion: no tabs, each row a wrapped run of lines, table, extra credit
    /// and overall score in one paragraph.
    func text(_ rng: inout SplitMix64) -> [UInt8] {
        let layout = TextLayout(width: rng.int(88...100), hyphenation: rng.chance(0.5) ? 0.3 : 0)
        var lines: [[UInt8]] = []
        lines.append(Array(upperName.utf8))
        lines.append(Array(title.utf8))
        lines.append([])
        lines.append(Array("Issue Grade Score Highlights".utf8))
        for issue in issues {
            var words: [String] = []
            if let stray = issue.stray { words.append(stray) }
            let name = "\(issue.number). \(issue.name)"
            if let duplicate = issue.duplicate {
                let cut = "\(issue.number). \(duplicate.cut)"
                words += duplicate.before ? [cut, name] : [name, cut]
            } else {
                words.append(name)
            }
            if !issue.printedGrade.isEmpty { words.append(issue.printedGrade) }
            words += [scoreCell(issue, separator: " "), issue.highlight]
            layout.wrap(words.joined(separator: " "), hyphenate: true, rng: &rng, into: &lines)
        }
        for (index, credit) in credits.enumerated() {
            let (marker, label) = creditLabels(credit)
            var words = index == 0 ? ["EXTRA CREDIT"] : []
            words += doubledLabels ? [marker, label] : [label]
            words += [ReportCard.points(credit.halves), credit.description]
            layout.wrap(words.joined(separator: " "), hyphenate: true, rng: &rng, into: &lines)
        }
        let score = ReportCard.points(totalHalves)
        switch overallForm {
        case .setApart, .letterSetApart:
            lines.append(Array("OVERALL GRADE".utf8))
            if overallForm == .letterSetApart { lines.append(Array(overallGrade.utf8)) }
            lines.append(Array(score.utf8))
        case .sameLine: lines.append(Array("OVERALL GRADE \(score)".utf8))
        case .letterSameLine: lines.append(Array("OVERALL GRADE \(overallGrade) \(score)".utf8))
        }
        lines.append([])
        lines.append(Array("LEARN MORE".utf8))
        for item in learnMore {
            layout.wrap("\(item.heading) \(item.text)", hyphenate: false, rng: &rng, into: &lines)
        }
        lines.append([])
        lines.append(Array("\(upperName) SPECIFIC RESOURCES".utf8))
        layout.wrap(resources, hyphenate: false, rng: &rng, into: &lines)
        lines.append([])
        lines.append(Array("TECHNICAL ASSISTANCE".utf8))
        layout.wrap(ReportCard.assistance, hyphenate: false, rng: &rng, into: &lines)
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines {
            out += line
            out.append(0x0A)
        }
        return out
    }

    // MARK: HTML

    /// A Shared Hope page: the grades in a `<table>` with a header row, extra credit as rows
    /// of the same table, the overall grade in a box below it.
    func html(_ rng: inout SplitMix64) -> [UInt8] {
        let escaper = HTMLEscaper(entities: rng.chance(0.6), numeric: rng.chance(0.5))
        let strayColumn = issues.contains { $0.stray != nil || $0.duplicate != nil }
        var out: [UInt8] = []
        out.reserveCapacity(9000)
        func text(_ value: String) { escaper.escape(value, into: &out) }
        func cell(_ value: String, raw: Bool = false) {
            out.write("<td>")
            if raw { out.write(value) } else { text(value) }
            out.write("</td>")
        }

        out.line("<!DOCTYPE html>")
        out.line("<html lang=\"en\">")
        out.write("<head><meta charset=\"utf-8\"><title>")
        text("\(properName) | \(year) Report Card | Shared Hope International")
        out.line("</title>")
        out.line(HTMLChrome.sharedHopeHead)
        out.line("</head>")
        out.line("<body class=\"report-card state-\(jurisdiction.usps.lowercased())\">")
        out.line(HTMLChrome.sharedHopeHeader)
        out.line(HTMLChrome.sharedHopeMenu)
        out.line("<main>")
        out.write("<h1>")
        text(upperName)
        out.line("</h1>")
        out.write("<h2>")
        text(title)
        out.line("</h2>")
        out.line("<table class=\"grades\">")
        out.write("<thead><tr>")
        if strayColumn { out.write("<th></th>") }
        out.line("<th>Issue</th><th>Grade</th><th>Score</th><th>Highlights</th></tr></thead>")
        out.line("<tbody>")
        for issue in issues {
            out.write("<tr>")
            if strayColumn { cell(issue.stray ?? "", raw: true) }
            let name = "\(issue.number). \(issue.name)"
            if let duplicate = issue.duplicate {
                let cut = "\(issue.number). \(duplicate.cut)"
                cell(duplicate.before ? cut : name)
                cell(duplicate.before ? name : cut)
            } else {
                cell(name)
            }
            cell(issue.printedGrade)
            let score = scoreCell(issue, separator: "</td><td>")
            cell(score, raw: true)
            cell(issue.highlight)
            out.line("</tr>")
        }
        for (index, credit) in credits.enumerated() {
            let (marker, label) = creditLabels(credit)
            out.write("<tr>")
            if strayColumn { cell("") }
            cell(index == 0 ? "EXTRA CREDIT" : "")
            cell(marker)
            cell(label)
            cell(ReportCard.points(credit.halves))
            cell(credit.description)
            out.line("</tr>")
        }
        out.line("</tbody>")
        out.line("</table>")
        out.write("<div class=\"overall\"><h3>OVERALL GRADE</h3>")
        if overallForm == .letterSetApart || overallForm == .letterSameLine {
            out.write("<p class=\"grade\">\(overallGrade)</p>")
        }
        out.line("<p class=\"score\">\(ReportCard.points(totalHalves))</p></div>")
        out.line("<section class=\"learn-more\"><h2>LEARN MORE</h2>")
        for item in learnMore {
            out.write("<p><strong>\(item.heading)</strong> ")
            text(item.text)
            out.line("</p>")
        }
        out.write("<h2>")
        text("\(upperName) SPECIFIC RESOURCES")
        out.write("</h2><p>")
        text(resources)
        out.line("</p>")
        out.write("<h2>TECHNICAL ASSISTANCE</h2><p>")
        text(ReportCard.assistance)
        out.line("</p></section>")
        out.line("</main>")
        out.line(HTMLChrome.sharedHopeFooter)
        out.line(HTMLChrome.sharedHopeScripts)
        out.line("</body>")
        out.line("</html>")
        return out
    }
}
