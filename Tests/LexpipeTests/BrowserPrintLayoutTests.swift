@testable import LexpipeExtraction
@testable import LexpipeMarkup
import LexpipeRecord
import Testing

// A web page printed to PDF from a browser, then converted to text: every page opens with the
// time it was printed and the page's title and ends with its address and `page/count`; the
// site's banner, breadcrumb and footer stand around the summary. Each test holds one rule.

@Suite("Layouts: web pages printed from a browser")
struct BrowserPrintLayoutTests {
    /// The summary as a browser prints it, the page broken inside the second section: the print's
    /// header (`stamp`, then `title` on the next line or beside it) and footer (`address` and
    /// `1/2`) on each page, the first too; `layout` sets each pair on one line, as
    /// `pdftotext -layout` and `-raw` do.
    static func printed(stamp: String = "11/14/22, 9:07 AM", layout: Bool, blankLines: Bool = true) -> String {
        let title = "Responding to Child Victims of Human Trafficking: Kentucky | Child Welfare Information Gateway"
        let address = "https://www.childwelfare.gov/resources/responding-kentucky/"
        let gap = blankLines ? "\n\n" : "\n"
        func header() -> String { layout ? "\(stamp)        \(title)" : "\(stamp)\(gap)\(title)" }
        func footer(_ page: Int) -> String { layout ? "\(address)        \(page)/2" : "\(address)\(gap)\(page)/2" }
        // A paragraph's lines as the page wraps them.
        func wrapped(_ text: String) -> String {
            var lines: [String] = []
            for word in text.split(separator: " ") {
                if let last = lines.last, last.count + 1 + word.count <= 90 { lines[lines.count - 1] += " \(word)" } else { lines.append(String(word)) }
            }
            return lines.joined(separator: "\n")
        }
        let pages = [
            [
                header(), "An official website of the United States government", "Child Welfare Information Gateway",
                "Home › Resources › Responding to Child Victims of Human Trafficking: Kentucky", "State Statutes Series",
                "Responding to Child Victims of Human Trafficking:\nKentucky\nCurrent Through May 2021",
                KentuckySections.headings[0], "Citation: Rev. Stat. § 529.120", wrapped(KentuckySections.texts[0]),
                KentuckySections.headings[1], "Citation: Rev. Stat. § 620.029", footer(1),
            ],
            [
                header(), wrapped(KentuckySections.texts[1]), layout ? "Print     Email   Share" : "Print\(gap)Email\(gap)Share",
                wrapped("Child Welfare Information Gateway is a service of the Children's Bureau, Administration for Children and Families, U.S. Department of Health and Human Services."),
                layout ? "Privacy    Accessibility    FOIA    Contact Us" : "Privacy\(gap)Accessibility\(gap)FOIA\(gap)Contact Us",
                footer(2),
            ],
        ]
        return pages.map { $0.joined(separator: gap) }.joined(separator: "\n\u{0C}") + "\n\u{0C}"
    }

    /// Each page's print header and footer are furniture, the first page's too; the banner and
    /// breadcrumb over the title and the page's actions, notice and links after the last section
    /// are no sections.
    @Test(arguments: [false, true])
    func aBrowsersPrintReadsAsTheSummary(layout: Bool) throws {
        let record = try extractRecord(text: Self.printed(layout: layout), source: "summary.txt")
        KentuckySections.expect(record, citations: true)
        // With no blank lines (`pdftotext -raw`), the header, sections and citations still read; the
        // row of actions is run into the notice under it, and both into the last section's text.
        let lines = try extractRecord(text: Self.printed(layout: layout, blankLines: false), source: "summary.txt")
        #expect(lines.title == record.title && lines.state == "Kentucky" && lines.date == "2021-05")
        #expect(lines.sections.map(\.heading) == KentuckySections.headings)
        #expect(lines.sections.flatMap(\.citations).map(\.normalized) == record.sections.flatMap(\.citations).map(\.normalized))
        withKnownIssue("a row of actions run into the lines under it") {
            #expect(lines.sections.map(\.text) == KentuckySections.texts)
        }
    }

    /// The time of printing in other forms a browser writes it.
    @Test(arguments: ["12/6/2026, 10:15:03 AM", "2022-11-14 09:07", "14.11.2022, 09:07"])
    func otherStamps(stamp: String) throws {
        KentuckySections.expect(try extractRecord(text: Self.printed(stamp: stamp, layout: false), source: "summary.txt"))
        KentuckySections.expect(try extractRecord(text: Self.printed(stamp: stamp, layout: true), source: "summary.txt"))
    }

    /// A print of one page, its title naming no state (`State:` labels it): the time of printing
    /// and the page's title over the content are no title of the document.
    @Test func aPrintOfOnePage() throws {
        let address = "https://www.childwelfare.gov/resources/responding-kentucky/"
        let text = "11/14/22, 9:07 AM" + String(repeating: " ", count: 20) + "Responding to Child Victims of Human Trafficking | Child Welfare Information Gateway\n\n"
            + "Responding to Child Victims of Human Trafficking\n\nState: Kentucky\n\nDate: May 2021\n\n" + KentuckySections.body
            + "\n" + address + String(repeating: " ", count: 60) + "1/1\n\u{0C}"
        KentuckySections.expect(try extractRecord(text: text, source: "summary.txt"), citations: true)
    }

    /// A date and time inside a line, or a date alone, is no print stamp.
    @Test(arguments: ["11/14/22", "11/14/22 was the day", "Updated 11/14/22, 9:07 AM", "11/14/22, 9:07 AM was when", "2022-11-14 9:7"])
    func noPrintStamp(_ text: String) {
        let line = Array(text.utf8)
        let stamped = PageFurniture.isPrintStamp(0..<line.count, in: line.span)
        #expect(!stamped)
    }

    /// The print stamps browsers write: alone on their line, or before the page's title.
    @Test(arguments: ["11/14/22, 9:07 AM", "12/6/2026, 10:15:03 PM   Title | Site", "2022-11-14 09:07", "14.11.2022, 09:07  Title"])
    func printStamp(_ text: String) {
        let line = Array(text.utf8)
        let stamped = PageFurniture.isPrintStamp(0..<line.count, in: line.span)
        #expect(stamped)
    }

    /// The page's address with `page/count` beside it (`pdftotext -layout` sets the print's
    /// footer on one line) is furniture; a print of one page (`1/1`, `aPrintOfOnePage`) shows it
    /// once, with nothing to compare it with.
    @Test func anAddressWithItsPageOfCount() throws {
        let address = "https://www.childwelfare.gov/resources/responding-kentucky/" + String(repeating: " ", count: 80)
        let text = "Prose of the first page.\n\n\(address)1/2\n\u{0C}Prose of the second page.\n\n\(address)2/2\n\u{0C}"
        var builder = TextBlockBuilder(markdown: false, dropPageFurniture: true)
        #expect(builder.build(text).map(\.text).filter { !$0.isEmpty } == ["Prose of the first page.", "Prose of the second page."])
        // A fraction that is not the page's own number stays.
        var kept = TextBlockBuilder(markdown: false, dropPageFurniture: true)
        let misnumbered = text.replacingOccurrences(of: "1/2\n", with: "3/4\n")
        #expect(kept.build(misnumbered).map(\.text).contains { $0.hasSuffix("3/4") })
    }

    /// A line of the page's actions (`Print Email Share`) after the last section ends the
    /// summary; the same words in a section's prose, or a heading of other words, do not.
    @Test func aRowOfPageActionsEndsTheSummary() throws {
        let text = "\(KentuckySections.header)\n\n\(KentuckySections.body)\nPrint | Share\n\nThe site is a service of the Bureau.\n"
        KentuckySections.expect(try extractRecord(text: text, source: "summary.txt"))
        let kept = "\(KentuckySections.header)\n\n\(KentuckySections.body)\nPrint Reports Online\n\nA report may be printed.\n"
        let record = try extractRecord(text: kept, source: "summary.txt")
        #expect(record.sections.map(\.heading) == KentuckySections.headings + ["Print Reports Online"])
    }

    /// The title naming its state with the date under it in one block (no blank line between
    /// them): the two apart.
    @Test func aTitleAndItsDateInOneBlock() throws {
        let text = """
            STATE STATUTES SERIES

            Responding to Child Victims of Human Trafficking: Kentucky
            Current Through May 2021

            \(KentuckySections.body)
            """
        KentuckySections.expect(try extractRecord(text: text, source: "summary.txt"))
    }
}
