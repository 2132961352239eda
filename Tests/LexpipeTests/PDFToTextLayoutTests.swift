@testable import LexpipeExtraction
@testable import LexpipeMarkup
import LexpipeRecord
import Testing

// Forms `pdftotext` gives a summary's PDF in its modes: the default one runs the title, the
// state and the first heading into the `Citation:` line under them; `-layout` sets a running
// header's two ends on one line. Each test holds one rule.

@Suite("Layouts: pdftotext's modes")
struct PDFToTextLayoutTests {
    /// The title's lines, the state's and the first section's heading with no blank line between
    /// them or before the `Citation:` line, in a text with blank lines elsewhere: the heading is
    /// the section's, not the title's.
    @Test func aHeadingRunIntoTheTitleOverItsCitation() throws {
        let text = """
            STATE STATUTES SERIES
            Current Through May 2021

            Responding to Child Victims of Human Trafficking
            Kentucky
            \(KentuckySections.body.replacingOccurrences(of: "Immunity From Prosecution\n\n", with: "Immunity From Prosecution\n"))
            """
        KentuckySections.expect(try extractRecord(text: text, source: "summary.txt"), citations: true)
    }

    /// A wrapped prose line that ends without punctuation over a `Citation:` line is no heading
    /// set apart: only a line after a short or finished one is.
    @Test func aProseLineOverACitationStaysInItsParagraph() {
        let text = """
            Prose before.

            The department shall develop and implement a protocol for responding to reports that
            involve Human Trafficking Victims
            Citation: Rev. Stat. § 620.029
            """
        var builder = TextBlockBuilder(markdown: false, dropPageFurniture: true)
        #expect(builder.build(text).map(\.text) == [
            "Prose before.",
            "The department shall develop and implement a protocol for responding to reports that involve Human Trafficking Victims",
            "Citation: Rev. Stat. § 620.029",
        ])
    }

    /// The first line holding the title and, far to its right, the state (`-layout`'s running
    /// header): the two are lines of their own, the title read without the state.
    @Test func theTitleAndTheStateOnTheFirstLineApart() throws {
        let text = "Responding to Child Victims of Human Trafficking" + String(repeating: " ", count: 24) + "Kentucky\n\n"
            + "                STATE STATUTES SERIES\n              Current Through May 2021\n\n\n"
            + KentuckySections.body
        KentuckySections.expect(try extractRecord(text: text, source: "summary.txt"), citations: true)
        // A line of a table, or one whose second piece is no name, stays whole.
        for line in ["1. Criminal Provisions          B 14.5/17.5", "Responding to Child Victims          of Trafficking"] {
            let bytes = Array(line.utf8)
            let gap = TextBlockBuilder.titleAndNameGap(0..<bytes.count, in: bytes.span)
            #expect(gap == nil, "\(line)")
        }
    }

    /// `-raw`'s form: no blank lines; each page opens with the running header, the title with
    /// the state run on after it, and the site's name with the page's number (`childwelfare.gov
    /// Page 1 of 2`), the first page too; the title again over the first heading. The number's
    /// line is furniture on the first page as on the others, and the title is read without the
    /// state.
    @Test func theRunningHeaderOnEveryPageWithNoBlankLines() throws {
        let header = "Responding to Child Victims of Human Trafficking Kentucky"
        let text = """
            \(header)
            childwelfare.gov Page 1 of 2
            STATE STATUTES SERIES
            Current Through May 2021
            Responding to Child Victims of Human
            Trafficking
            \(KentuckySections.headings[0])
            Citation: Rev. Stat. § 529.120
            \(KentuckySections.texts[0])
            \u{0C}\(header)
            childwelfare.gov Page 2 of 2
            \(KentuckySections.headings[1])
            Citation: Rev. Stat. § 620.029
            \(KentuckySections.texts[1])
            \u{0C}
            """
        KentuckySections.expect(try extractRecord(text: text, source: "summary.txt"), citations: true)
    }

    /// The state's name is taken off a summary's title only where no word joins it to the title.
    @Test func aTitleEndingInItsState() {
        #expect(StatuteSummaryExtractor.titleBeforeState("Responding to Child Victims of Human Trafficking New Hampshire", state: "New Hampshire")
            == "Responding to Child Victims of Human Trafficking")
        #expect(StatuteSummaryExtractor.titleBeforeState("Services for Trafficking Victims in Ohio", state: "Ohio") == nil)
        #expect(StatuteSummaryExtractor.titleBeforeState("Ohio", state: "Ohio") == nil)
        #expect(StatuteSummaryExtractor.titleBeforeState("Definitions of Human Trafficking: Ohio", state: "Ohio") == nil)
    }

    /// `pdftotext`'s default mode sets a blank line between the blocks of text it finds, not
    /// between the paragraphs inside one: a line that ends a sentence well short of the block's
    /// widest line (the next line's first word would have fitted) ends its paragraph, the next
    /// opening with a capital or a quote. A full line that lost its ligatures (`oense`) runs on.
    @Test func paragraphsInsideABlockOfText() {
        let text = """
            Immunity From Prosecution

            A person who was younger than age 18 at the time of the offense shall not be
            prosecuted for prostitution when the person was a victim of trafficking in
            persons.
            ‘Victim’ means a person subjected to trafficking, as the section defines the
            term for all purposes.
            It is an afrmative defense that the defendant was an alleged child victim of
            human trafcking at the time of the oense and acted under threat.
            Ofcial documentation from a government agency creates a presumption.
            """
        var builder = TextBlockBuilder(markdown: false, dropPageFurniture: true)
        #expect(builder.build(text).map(\.text) == [
            "Immunity From Prosecution",
            "A person who was younger than age 18 at the time of the offense shall not be prosecuted for prostitution when the person was a victim of trafficking in persons.",
            "'Victim' means a person subjected to trafficking, as the section defines the term for all purposes.",
            "It is an afrmative defense that the defendant was an alleged child victim of human trafcking at the time of the oense and acted under threat. Ofcial documentation from a government agency creates a presumption.",
        ])
        // Markdown's lines break anywhere inside a paragraph (a sentence a line).
        var markdown = TextBlockBuilder(markdown: true, dropPageFurniture: true)
        #expect(markdown.build("Heading\n\nA first sentence that runs long enough to wrap the line.\nA second.\nA third one.\n").map(\.text)
            == ["Heading", "A first sentence that runs long enough to wrap the line. A second. A third one."])
    }

    /// `-layout`'s running header, the title and the site's address far apart on one line (longer
    /// than a header line is, but for its gap), is furniture on every page it opens, and a
    /// paragraph cut by the page break reads whole.
    @Test func aRunningHeaderWithAWideGap() {
        let header = "Responding to Child Victims of Human Trafficking: Oregon" + String(repeating: " ", count: 50) + "https://www.childwelfare.gov"
        let page = "A person injured by a violation of the trafficking laws may bring a civil action for damages against the\nperson who committed the violation"
        let text = "Responding to Child Victims of Human Trafficking: Oregon\n\nFirst page prose ends here.\n\u{0C}\(header)\n\n\(page)\n\u{0C}\(header)\n\n"
            + "and may recover damages and reasonable attorney fees.\n\nThe court may order restitution.\n\u{0C}"
        var builder = TextBlockBuilder(markdown: false, dropPageFurniture: true)
        let texts = builder.build(text).map(\.text)
        #expect(!texts.contains { $0.hasPrefix("Responding") && $0.hasSuffix("childwelfare.gov") })
        #expect(texts.contains(
            "A person injured by a violation of the trafficking laws may bring a civil action for damages against the person who committed the violation and may recover damages and reasonable attorney fees."
        ))
    }
}
