import LexpipeRecord

/// A news release about a state's report card, or a legislature's page for one section of a
/// state's code: neither a statute summary nor a report card (no `Citation:` lines, no grade
/// table), so its record is `kind: unknown` with the headline, state and date it gives, never a
/// report card with no issues nor a summary of one section.
struct PressRelease {
    var jurisdiction: GeneratedJurisdiction
    var year: Int
    var month: String
    var headline: String
    var paragraphs: [String]
    /// The publisher, after the headline in the page's `<title>`.
    var site = "Shared Hope International"
    /// Whether the document names its state.
    var stateNamed = true
    /// A label in capitals set above the header (`FOR IMMEDIATE RELEASE`), if any.
    var label: String?

    static let headlines = [
        "New Report Cards Grade State Laws on Child Sex Trafficking",
        "Advocates Call for Stronger Protections for Trafficked Youth",
        "Legislature Closes Gaps Named in Annual Trafficking Report",
        "Statewide Task Force Reports Progress on Services for Child Victims",
    ]

    static func generate(
        jurisdiction: GeneratedJurisdiction, year: Int, stateNamed: Bool = true, labelFirst: Bool = false, rng: inout SplitMix64
    ) -> PressRelease {
        let name = stateNamed ? jurisdiction.name : "The state"
        let score = rng.int(40...95)
        let area = rng.pick(Vocabulary.policyAreas[rng.below(Vocabulary.policyAreas.count)])
        let label = "FOR IMMEDIATE RELEASE"
        let paragraphs = [
            label,
            "Shared Hope International released its annual report cards today. \(name) earned \(score) points, "
                + "and advocates said the results show where the law still falls short for young survivors.",
            "Lawmakers said they would take up \(area) in the next session. Service providers welcomed the attention "
                + "and asked for funding that reaches children outside the largest cities.",
            "Media contact: Communications Office, 800-555-0100.",
        ]
        return PressRelease(
            jurisdiction: jurisdiction, year: year, month: rng.pick(Vocabulary.months), headline: rng.pick(headlines),
            paragraphs: labelFirst ? Array(paragraphs.dropFirst()) : paragraphs, stateNamed: stateNamed,
            label: labelFirst ? label : nil
        )
    }

    /// Headings of code sections a legislature's page shows.
    static let sectionHeadings = [
        "Definitions", "Duty to report suspected abuse or neglect", "Human trafficking; penalties",
        "Services for child victims of trafficking", "Confidentiality of records", "Protective custody; emergency placement",
    ]

    /// A legislature's page for one section of the state's first statute code: the section's
    /// number and heading as its headline, its subsections, and the history note of the laws
    /// that made it (`Laws, 2019, ch. 391, § 2`).
    static func codeSection(jurisdiction: GeneratedJurisdiction, year: Int, stateNamed: Bool = true, rng: inout SplitMix64) -> PressRelease {
        let code = jurisdiction.statutes.first { $0.form == .section } ?? jurisdiction.statutes[0]
        let writer = CitationWriter(jurisdiction: jurisdiction, noBreakSpaces: false)
        let section = writer.number(code, &rng)
        let prose = ProseWriter(typography: Typography())
        var paragraphs: [String] = []
        for (index, letter) in ["a", "b", "c", "d"].prefix(rng.int(3...4)).enumerated() {
            var text = "(\(letter)) "
            if index == 0 {
                text += "As used in this section, \"child victim\" means \(rng.pick(Vocabulary.definitions))."
            } else {
                prose.fill(rng.pick(Frame.varying), into: &text, rng: &rng)
            }
            paragraphs.append(text)
        }
        let enacted = year - rng.int(3...20)
        paragraphs.append(
            "History: Laws, \(enacted), ch. \(rng.int(100...599)), \u{00A7} \(rng.int(1...30)); "
                + "Laws, \(year - 1), ch. \(rng.int(100...599)), \u{00A7} \(rng.int(1...30)), eff from and after July 1, \(year - 1)."
        )
        let site = stateNamed ? "\(jurisdiction.name) Legislature" : "State Legislature"
        return PressRelease(
            jurisdiction: jurisdiction, year: year, month: rng.pick(Vocabulary.months),
            headline: "Section \(section). \(rng.pick(sectionHeadings))", paragraphs: paragraphs, site: site,
            stateNamed: stateNamed
        )
    }

    private var summaryLike: StatuteSummary {
        StatuteSummary(
            jurisdiction: jurisdiction, year: year, month: month, sections: [], typography: Typography()
        )
    }

    /// Header lines as a summary lays them out, with the headline for title.
    private func headerLines(_ layout: ZooLayout) -> [(role: HeaderRole, text: String)] {
        summaryLike.headerLines(layout, title: headline)
    }

    func expectedRecord(_ layout: ZooLayout) -> DocumentRecord {
        let month = summaryLike.monthNumber
        let date = layout.date == .labelledYear ? String(year) : "\(year)-\(month < 10 ? "0" : "")\(month)"
        return DocumentRecord(
            source: "", sha256: "", format: layout.format, kind: .unknown, title: headline,
            state: stateNamed ? jurisdiction.name : nil, stateCode: stateNamed ? jurisdiction.usps : nil, year: year, date: date
        )
    }

    func render(_ layout: ZooLayout) -> [UInt8] {
        var out: [UInt8] = []
        switch layout.format {
        case .markdown:
            if let label {
                out.line(label)
                out.line()
            }
            HeaderRole.markdown(headerLines(layout), into: &out)
            for paragraph in paragraphs {
                out.line(paragraph)
                out.line()
            }
        case .html:
            let escaper = HTMLEscaper(entities: layout.entities != .characters, numeric: layout.entities == .numeric)
            func text(_ value: String) { escaper.escape(value, into: &out) }
            let chrome = ZooChrome(form: layout.chrome, state: summaryLike.crumb(layout))
            out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            text("\(summaryLike.pageTitle(layout, title: headline)) | \(site)")
            out.line("</title></head>")
            out.line("<body>")
            chrome.before(into: &out)
            if let label {
                out.write("<p>")
                text(label)
                out.line("</p>")
            }
            for (role, line) in headerLines(layout) {
                let (open, close) = switch role {
                case .title: ("<h1>", "</h1>")
                case .boldState: ("<p><strong>", "</strong></p>")
                case .stateHeading: ("<h2>", "</h2>")
                default: ("<p>", "</p>")
                }
                out.write(open)
                text(line)
                out.line(close)
            }
            chrome.afterHeader(into: &out)
            for paragraph in paragraphs {
                out.write("<p>")
                text(paragraph)
                out.line("</p>")
            }
            chrome.after(into: &out)
            out.line("</body>\n</html>")
        default:
            if let label {
                out.line(label)
                out.line()
            }
            for (_, text) in headerLines(layout) {
                out.line(text)
                out.line()
            }
            for paragraph in paragraphs {
                out.line(paragraph)
                out.line()
            }
        }
        return layout.lineEnding == .crlf ? ZooText.crlf(out) : out
    }
}
