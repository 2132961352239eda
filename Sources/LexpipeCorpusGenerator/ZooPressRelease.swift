import LexpipeRecord

/// A news release about a state's report card: neither a statute summary nor a report card
/// (no `Citation:` lines, no grade table), so its record is `kind: unknown` with the headline,
/// state and date it gives, never a report card with no issues.
struct PressRelease {
    var jurisdiction: GeneratedJurisdiction
    var year: Int
    var month: String
    var headline: String
    var paragraphs: [String]

    static let headlines = [
        "New Report Cards Grade State Laws on Child Sex Trafficking",
        "Advocates Call for Stronger Protections for Trafficked Youth",
        "Legislature Closes Gaps Named in Annual Trafficking Report",
        "Statewide Task Force Reports Progress on Services for Child Victims",
    ]

    static func generate(jurisdiction: GeneratedJurisdiction, year: Int, rng: inout SplitMix64) -> PressRelease {
        let name = jurisdiction.name
        let score = rng.int(40...95)
        let area = rng.pick(Vocabulary.policyAreas[rng.below(Vocabulary.policyAreas.count)])
        let paragraphs = [
            "FOR IMMEDIATE RELEASE",
            "Shared Hope International released its annual report cards today. \(name) earned \(score) points, "
                + "and advocates said the results show where the law still falls short for young survivors.",
            "Lawmakers said they would take up \(area) in the next session. Service providers welcomed the attention "
                + "and asked for funding that reaches children outside the largest cities.",
            "Media contact: Communications Office, 800-555-0100.",
        ]
        return PressRelease(
            jurisdiction: jurisdiction, year: year, month: rng.pick(Vocabulary.months), headline: rng.pick(headlines),
            paragraphs: paragraphs
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
            source: "", sha256: "", format: layout.format, kind: .unknown, title: headline, state: jurisdiction.name,
            stateCode: jurisdiction.usps, year: year, date: date
        )
    }

    func render(_ layout: ZooLayout) -> [UInt8] {
        var out: [UInt8] = []
        switch layout.format {
        case .markdown:
            HeaderRole.markdown(headerLines(layout), into: &out)
            for paragraph in paragraphs {
                out.line(paragraph)
                out.line()
            }
        case .html:
            let escaper = HTMLEscaper(entities: layout.entities != .characters, numeric: layout.entities == .numeric)
            func text(_ value: String) { escaper.escape(value, into: &out) }
            let chrome = ZooChrome(form: layout.chrome, state: jurisdiction.name)
            out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            text("\(headline) - \(jurisdiction.name) | Shared Hope International")
            out.line("</title></head>")
            out.line("<body>")
            chrome.before(into: &out)
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
