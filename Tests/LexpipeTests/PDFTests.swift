import Foundation
import LexpipeExtraction
import LexpipeIngest
import LexpipeJurisdictions
@testable import LexpipeMarkup
@testable import LexpipePDF
import LexpipePipeline
import LexpipeRecord
import Testing

/// PDFs read through poppler: the records of the test PDFs (made by scripts/make-test-pdfs.py
/// from the corpus documents) against the records of the same documents as text, and the
/// layout analysis on pages built word by word.
@Suite("PDF")
struct PDFTests {
    static func fixture(_ name: String) -> String {
        Package.fixtures.appendingPathComponent("pdf/\(name)").path
    }

    static func record(path: String, source: String) throws -> DocumentRecord {
        var times = StageTimes()
        switch DocumentProcessor(configuration: LexpipePipeline.Configuration()).process(path: path, source: source, times: &times) {
        case let .record(record): return record
        case let .failure(failure): throw failure
        }
    }

    @Test(arguments: [
        ("summary-printed-web-page.pdf", "ms-2018-responding-to-child-victims-of-human-trafficking.txt"),
        ("summary-two-columns.pdf", "ms-2018-responding-to-child-victims-of-human-trafficking.txt"),
        ("summary-page-breaks.pdf", "ms-2018-responding-to-child-victims-of-human-trafficking.txt"),
        ("report-card-table.pdf", "ms-2021-report-card.md"),
    ])
    func recordEqualsTheRecordOfTheSameDocumentAsText(pdf: String, text: String) throws {
        try PDFTests.expectSameRecord(pdf: pdf, text: text)
    }

    /// The summary in two columns justified word by word (`scripts/make-test-pdfs.py`): its
    /// lines' wide spaces are no gutters. A line of four long words in the narrow column
    /// spreads its spaces as wide as the gutter beside it, and is read whole: the gutter is
    /// where the column's lines leave the page blank, not any gap as wide.
    @Test func twoJustifiedColumnsReadAsTheSameDocumentAsText() throws {
        try PDFTests.expectSameRecord(
            pdf: "summary-two-columns-justified.pdf", text: "ms-2018-responding-to-child-victims-of-human-trafficking.txt"
        )
    }

    /// The publisher's wordmark set over the title on page 1, larger than the title, its
    /// name again at the head of every page's footer (`scripts/make-test-pdfs.py`): the
    /// wordmark is page furniture, not the title, and the title, state, date, sections and
    /// citations read as from the text.
    @Test func aWordmarkOverTheTitleReadsAsTheSameDocumentAsText() throws {
        try PDFTests.expectSameRecord(
            pdf: "summary-wordmark.pdf", text: "ms-2018-responding-to-child-victims-of-human-trafficking.txt"
        )
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: PDFTests.fixture("summary-wordmark.pdf"))))
        let document = try Ingestor(maxDocumentBytes: 1 << 24).ingest(bytes: bytes, source: "wordmark.pdf")
        let clean = try MarkupCleaner().clean(document)
        #expect(clean.blocks.first == Block(.heading(level: 1), "Responding to Child Victims of Human Trafficking - Mississippi"))
        #expect(!clean.blocks.map(\.text).joined(separator: "\n").contains("Information Gateway"))
    }

    static func expectSameRecord(pdf: String, text: String) throws {
        let fromPDF = try PDFTests.record(path: PDFTests.fixture(pdf), source: pdf)
        let fromText = try PDFTests.record(path: Package.corpusFile(text), source: text)
        #expect(fromPDF.format == .pdf)
        #expect(fromPDF.source == pdf)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: PDFTests.fixture(pdf))))
        #expect(fromPDF.sha256 == Ingestor.sha256(bytes))
        let produced = try JSONTree.parse(Data(fromPDF.json.pretty().utf8))
        let expected = try JSONTree.parse(Data(fromText.json.pretty().utf8))
        let differences = produced.differences(from: expected, ignoring: ["source", "sha256", "format", "warnings"])
        #expect(differences.isEmpty, "\(pdf) differs from \(text): \(differences.joined(separator: "; "))")
    }

    @Test func pageFurnitureIsDroppedAndEachBlockKeepsItsPageAndBox() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: PDFTests.fixture("summary-two-columns.pdf"))))
        let document = try Ingestor(maxDocumentBytes: 1 << 24).ingest(bytes: bytes, source: "two.pdf")
        let clean = try MarkupCleaner().clean(document)
        #expect(clean.blocks.allSatisfy { $0.span?.pageParts.isEmpty == false })
        // Header, gateway notice (two lines) and page number on both pages.
        #expect(clean.warnings.map(\.text) == ["dropped 10 line(s) of page header, footer or page number"])
        let text = clean.blocks.map(\.text).joined(separator: "\n")
        for furniture in ["State Statutes Series", "freely reproduced", "Information Gateway"] {
            #expect(!text.contains(furniture), "\(furniture) was kept")
        }
        #expect(clean.blocks.first == Block(.heading(level: 1), "Responding to Child Victims of Human Trafficking - Mississippi"))
        #expect(clean.blocks.first?.span?.pageParts.map(\.page) == [1])
        // The fund paragraph starts at the foot of page 2's left column and ends in its right one.
        let fund = try #require(clean.blocks.firstIndex { $0.text.hasPrefix("There is hereby created") })
        #expect(clean.blocks[fund].text.hasSuffix("statewide human trafficking coordinator."))
        #expect(clean.blocks[fund].span?.pageParts.map(\.page) == [2, 2])
        #expect(clean.blocks[fund].span?.pageParts.map { $0.box.left > 306 } == [false, true], "left column, then right")
        // The Diversion paragraph runs from page 1's right column onto page 2.
        let diversion = try #require(clean.blocks.firstIndex { $0.text.hasPrefix("At any time after a conviction") })
        #expect(clean.blocks[diversion].span?.pageParts.map(\.page) == [1, 2])
    }

    // MARK: Layout from words

    /// A word set in `size`-point type at `x`, on the line whose top is `y`.
    static func word(_ text: String, _ x: Double, _ y: Double, size: Double = 10, bold: Bool = false) -> PDFWord {
        PDFWord(
            text: text, box: PDFBox(left: x, top: y, right: x + Double(text.count) * size * 0.5, bottom: y + size * 1.2),
            fontSize: size, isBold: bold
        )
    }

    /// The words of `text` along one line from `x`.
    static func line(_ text: String, _ x: Double, _ y: Double, size: Double = 10, bold: Bool = false) -> [PDFWord] {
        var x = x
        return text.split(separator: " ").map { part in
            let word = word(String(part), x, y, size: size, bold: bold)
            x = word.box.right + size * 0.25
            return word
        }
    }

    static func blocks(_ pages: [[PDFWord]], height: Double = 600) throws -> [Block] {
        let text = PDFText(pages: pages.enumerated().map { PDFPage(number: $0.offset + 1, width: 500, height: height, words: $0.element) })
        return try MarkupCleaner().clean(pdf: text).blocks
    }

    @Test func ligaturesSoftHyphensAndLineEndHyphensAreResolved() throws {
        let words = PDFTests.line("The of\u{FB01}ce \u{FB02}oor and traf\u{00AD}", 50, 100)
            + PDFTests.line("ficking vic-", 50, 113) + PDFTests.line("tims are e\u{FB00}ective.", 50, 126)
        #expect(try PDFTests.blocks([words]) == [Block(.paragraph, "The office floor and trafficking victims are effective.")])
    }

    @Test func headingsStandOutBySizeOrWeight() throws {
        let words = PDFTests.line("Annual Summary", 50, 40, size: 18, bold: true)
            + PDFTests.line("Training Requirement", 50, 80, bold: true)
            + PDFTests.line("No training is described in the statutes reviewed here at all.", 50, 100)
            + PDFTests.line("More text follows on a second line of the paragraph.", 50, 113)
        #expect(try PDFTests.blocks([words]) == [
            Block(.heading(level: 1), "Annual Summary"), Block(.heading(level: 2), "Training Requirement"),
            Block(.paragraph, "No training is described in the statutes reviewed here at all. More text follows on a second line of the paragraph."),
        ])
    }

    @Test func paragraphsAreSplitBySpacingAndByIndentation() throws {
        let spaced = PDFTests.line("First paragraph ends here.", 50, 100) + PDFTests.line("Second paragraph after a gap.", 50, 125)
        #expect(try PDFTests.blocks([spaced]).map(\.text) == ["First paragraph ends here.", "Second paragraph after a gap."])
        let indented = PDFTests.line("One starts indented and", 64, 100) + PDFTests.line("runs on at the margin.", 50, 113)
            + PDFTests.line("Two starts indented and", 64, 126) + PDFTests.line("runs on at the margin.", 50, 139)
            + PDFTests.line("the margin once more.", 50, 152)
        #expect(try PDFTests.blocks([indented]).map(\.text) == [
            "One starts indented and runs on at the margin.", "Two starts indented and runs on at the margin. the margin once more.",
        ])
    }

    @Test func twoColumnPagesAreReadColumnByColumn() throws {
        var words = PDFTests.line("Title Of The Page", 40, 30, size: 16, bold: true)
        for row in 0..<8 {
            words += PDFTests.line("left \(row) words", 40, 80 + Double(row) * 13)
            words += PDFTests.line("right \(row) words", 280, 80 + Double(row) * 13)
        }
        let blocks = try PDFTests.blocks([words])
        #expect(blocks.map(\.text) == [
            "Title Of The Page",
            (0..<8).map { "left \($0) words" }.joined(separator: " "),
            (0..<8).map { "right \($0) words" }.joined(separator: " "),
        ])
    }

    /// A justified paragraph spreads its words with gaps alike, wider than a font size's 0.8
    /// where a line holds few long words: each line is one piece of text, and the paragraph
    /// reads whole; the gutter between two justified columns still parts them.
    @Test func justifiedLinesWithWideGapsAreReadWhole() throws {
        func spread(_ text: String, _ y: Double, gap: Double) -> [PDFWord] {
            var x = 50.0
            return text.split(separator: " ").map { part in
                let word = PDFTests.word(String(part), x, y)
                x = word.box.right + gap
                return word
            }
        }
        let words = PDFTests.line("Services", 50, 60, bold: true)
            + spread("The department shall arrange specialized services for every", 100, gap: 9)
            + spread("child who is a victim of trafficking within available", 113, gap: 9.5)
            + PDFTests.line("appropriations.", 50, 126)
        #expect(try PDFTests.blocks([words]).map(\.text) == [
            "Services",
            "The department shall arrange specialized services for every child who is a victim of trafficking within available appropriations.",
        ])
        // Two justified columns side by side: each line's wide spaces stay, the gutter cuts,
        // also beside a paragraph's last line set with plain spaces.
        var columns = PDFTests.line("Title Of The Page", 40, 30, size: 16, bold: true)
        for row in 0..<8 {
            let y = 80 + Double(row) * 13
            columns += row == 7 ? PDFTests.line("left \(row) words set wide", 50, y) : spread("left \(row) words set wide", y, gap: 9)
            columns += spread("right \(row) words set wide", y, gap: 9).map { word in
                var moved = word
                moved.box = PDFBox(left: word.box.left + 200, top: word.box.top, right: word.box.right + 200, bottom: word.box.bottom)
                return moved
            }
        }
        #expect(try PDFTests.blocks([columns]).map(\.text) == [
            "Title Of The Page",
            (0..<8).map { "left \($0) words set wide" }.joined(separator: " "),
            (0..<8).map { "right \($0) words set wide" }.joined(separator: " "),
        ])
    }

    /// Two justified columns under a title: a line of three long words in the left column
    /// spreads its spaces wider than the gutter, and wider than the gap that parts cells; the
    /// gutter is found across the lines (the right column's lines start at one left edge after
    /// a strip the lines leave blank), so the line is cut only there and reads whole.
    @Test func aJustifiedLineSpreadWiderThanTheGutterIsReadWhole() throws {
        // The words of `text` spread to fill the measure from `left` to `right`.
        func justified(_ text: String, _ left: Double, _ right: Double, _ y: Double) -> [PDFWord] {
            let parts = text.split(separator: " ").map(String.init)
            let width = parts.reduce(0) { $0 + Double($1.count) * 5 }
            let gap = (right - left - width) / Double(parts.count - 1)
            var x = left
            return parts.map { part in
                let word = PDFTests.word(part, x, y)
                x = word.box.right + gap
                return word
            }
        }
        let left = [
            "The department shall arrange for", "services for each child who is", "presumption that defendant's",
            "status as a victim of trafficking", "at the time of the offense and",
        ]
        let right = [
            "Official records from a Federal", "or State agency as to the child", "are taken as proof of its status",
            "but are not required to grant a", "motion under this subsection of",
        ]
        var lines = [PDFTests.line("Title Of The Page", 40, 30, size: 16, bold: true)]
        for row in 0..<6 {
            let y = 80 + Double(row) * 13
            lines.append(
                (row < 5 ? justified(left[row], 40, 230, y) : PDFTests.line("the law.", 40, y))
                    + (row < 5 ? justified(right[row], 250, 440, y) : PDFTests.line("the act.", 250, y))
            )
        }
        let words = lines.flatMap { $0 }
        // The three words' spaces (30 pt) are wider than the gutter (20 pt).
        let spread = words.filter { ["presumption", "that", "defendant's"].contains($0.text) }
        #expect(spread[1].box.left - spread[0].box.right > 20)
        #expect(try PDFTests.blocks([words]).map(\.text) == [
            "Title Of The Page", (left + ["the law."]).joined(separator: " "), (right + ["the act."]).joined(separator: " "),
        ])
        // One gutter, from the left column's right edge to the right column's left edge, down
        // the lines under the title.
        let gutters = PDFLayout.gutters(lines)
        #expect(gutters.count == 1)
        #expect(gutters.allSatisfy { abs($0.left - 230) < 0.01 && abs($0.right - 250) < 0.01 && $0.lines == 1...6 })
    }

    /// Cells centred on their row (a name of one line, a grade in larger type, highlights of
    /// three lines) make one row as cells with aligned tops do.
    @Test func cellsCentredOnTheirRowAreOneRow() throws {
        let words = PDFTests.line("Issue", 40, 50, bold: true) + PDFTests.line("Grade", 200, 50, bold: true)
            + PDFTests.line("Score", 260, 50, bold: true) + PDFTests.line("Highlights", 320, 50, bold: true)
            + PDFTests.line("1. Criminal Provisions", 40, 93) + PDFTests.line("B", 200, 90, size: 16) + PDFTests.line("15", 260, 93)
            + PDFTests.line("Goals met in", 320, 80) + PDFTests.line("some areas.", 320, 93) + PDFTests.line("Gaps remain.", 320, 106)
            + PDFTests.line("2. Prevention", 40, 140) + PDFTests.line("C", 200, 137, size: 16) + PDFTests.line("6", 260, 140)
            + PDFTests.line("Goals met.", 320, 133) + PDFTests.line("Gaps too.", 320, 146)
        #expect(try PDFTests.blocks([words]) == [
            .row(["Issue", "Grade", "Score", "Highlights"]), .row(["1. Criminal Provisions", "B", "15", "Goals met in some areas. Gaps remain."]),
            .row(["2. Prevention", "C", "6", "Goals met. Gaps too."]),
        ])
    }

    @Test func cellsSideBySideAreTableRowsWithEmptyCellsKept() throws {
        let words = PDFTests.line("Issue", 40, 50, bold: true) + PDFTests.line("Grade", 200, 50, bold: true)
            + PDFTests.line("Score", 260, 50, bold: true) + PDFTests.line("Highlights", 320, 50, bold: true)
            + PDFTests.line("1. Criminal", 40, 80) + PDFTests.line("Provisions", 40, 93) + PDFTests.line("16", 260, 80)
            + PDFTests.line("Goals met in", 320, 80) + PDFTests.line("some areas.", 320, 93)
            + PDFTests.line("2. Prevention", 40, 120) + PDFTests.line("F", 200, 120) + PDFTests.line("6", 260, 120)
            + PDFTests.line("Gaps remain.", 320, 120)
        #expect(try PDFTests.blocks([words]) == [
            .row(["Issue", "Grade", "Score", "Highlights"]),
            .row(["1. Criminal Provisions", "", "16", "Goals met in some areas."]),
            .row(["2. Prevention", "F", "6", "Gaps remain."]),
        ])
    }

    @Test func runningHeadersAndFootersGoByRepetitionNotWording() throws {
        let pages = (1...3).map { number in
            PDFTests.line("Quarterly Bulletin of the Board", 40, 10, size: 7) + PDFTests.line("\(number) of 3", 400, 10, size: 7)
                + PDFTests.line("Body text of page \(number) runs", 40, 100) + PDFTests.line("on to its end.", 40, 113)
                + PDFTests.line("\(number * 7)", 250, 580, size: 7)
                + (number == 1 ? PDFTests.line("A note only the first page carries", 40, 560, size: 7) : [])
        }
        let blocks = try PDFTests.blocks(pages)
        #expect(blocks.map(\.text) == [
            "Body text of page 1 runs on to its end.", "A note only the first page carries",
            "Body text of page 2 runs on to its end.", "Body text of page 3 runs on to its end.",
        ])
    }

    /// A one-page document's footer cannot repeat: the lines in the page's bottom tenth, set
    /// apart from the body by a gap, go by where they stand; the two short columns above them
    /// are still read one after the other.
    @Test func aOnePageFooterGoesByWhereItStands() throws {
        var words = PDFTests.line("Title Of The Page", 40, 30, size: 16, bold: true)
        for (column, x) in [(0, 40.0), (1, 280.0)] {
            for part in 0..<2 {
                let y = 80 + Double(part) * 45
                words += PDFTests.line("Heading \(column) \(part)", x, y, bold: true)
                words += PDFTests.line("column \(column) part \(part) runs", x, y + 18) + PDFTests.line("on here.", x, y + 31)
            }
        }
        words += PDFTests.line("Quarterly Bulletin of the Board", 40, 560, size: 7) + PDFTests.line("https://example.org", 400, 560, size: 7)
            + PDFTests.line("1", 250, 572, size: 7)
        #expect(try PDFTests.blocks([words]).map(\.text) == [
            "Title Of The Page",
            "Heading 0 0", "column 0 part 0 runs on here.", "Heading 0 1", "column 0 part 1 runs on here.",
            "Heading 1 0", "column 1 part 0 runs on here.", "Heading 1 1", "column 1 part 1 runs on here.",
        ])
    }

    /// A footer whose words change from page to page (a section's name, a draft's note) does
    /// not repeat, and goes by where it stands on every page, as a one-page footer does.
    @Test func aFooterThatChangesFromPageToPageGoesByWhereItStands() throws {
        let footers = ["Prepared for the Board, spring session", "Draft for comment only, not for citation"]
        let pages = footers.enumerated().map { number, footer in
            PDFTests.line("Body text of page \(number + 1) runs", 40, 100) + PDFTests.line("on to its end.", 40, 113)
                + PDFTests.line(footer, 40, 570, size: 7)
        }
        #expect(try PDFTests.blocks(pages).map(\.text) == ["Body text of page 1 runs on to its end.", "Body text of page 2 runs on to its end."])
    }

    /// The reproduction notice set as a paragraph of the body (a column's foot), wrapped and
    /// ending in its web address, repeats on no page and is dropped by what it says.
    @Test func theReproductionNoticeInTheBodyIsDropped() throws {
        let words = PDFTests.line("A victim is not criminally liable.", 40, 80)
            + PDFTests.line("This material may be freely reproduced and distributed.", 40, 120, size: 8)
            + PDFTests.line("However, when doing so, please credit Child Welfare", 40, 130, size: 8)
            + PDFTests.line("Information Gateway. https://www.childwelfare.gov/resources/.", 40, 140, size: 8)
        #expect(try PDFTests.blocks([words]).map(\.text) == ["A victim is not criminally liable."])
    }

    @Test func aParagraphRunsOnAcrossAPageBreak() throws {
        let pages = [
            PDFTests.line("Heading", 40, 40, size: 14, bold: true) + PDFTests.line("The court in which the conviction", 40, 70)
                + PDFTests.line("was entered may vacate the", 40, 83),
            PDFTests.line("conviction when the defendant was a victim.", 40, 40) + PDFTests.line("A new paragraph.", 40, 70),
        ]
        #expect(try PDFTests.blocks(pages).map(\.text) == [
            "Heading", "The court in which the conviction was entered may vacate the conviction when the defendant was a victim.",
            "A new paragraph.",
        ])
    }

    /// Lines set with wide leading (a gap over half the font size between them) stay one
    /// paragraph where most of the document's lines are set so, also on a page of few lines;
    /// a wider gap still parts paragraphs.
    @Test func linesSetWideApartStayOneParagraph() throws {
        let pitch = 19.0
        var first = PDFTests.line("Heading", 40, 40, size: 14, bold: true)
        for (index, text) in ["The first paragraph runs", "over three lines set", "wide apart."].enumerated() {
            first += PDFTests.line(text, 40, 70 + Double(index) * pitch)
        }
        for (index, text) in ["The second paragraph", "runs on", "and ends", "down here."].enumerated() {
            first += PDFTests.line(text, 40, 70 + 3 * pitch + 12 + Double(index) * pitch)
        }
        let second = PDFTests.line("A last paragraph of", 40, 40) + PDFTests.line("two lines.", 40, 40 + pitch)
        #expect(try PDFTests.blocks([first, second]).map(\.text) == [
            "Heading", "The first paragraph runs over three lines set wide apart.",
            "The second paragraph runs on and ends down here.", "A last paragraph of two lines.",
        ])
    }

    /// A lone short line set right of the margin (a word of a row of links) indents no
    /// paragraph: a paragraph at a page's top that starts a sentence stays apart from a line
    /// before the break that ends without a period.
    @Test func aLoneShortLineSetRightIndentsNoParagraph() throws {
        let pages = [
            PDFTests.line("Definitions", 40, 460, size: 14, bold: true) + PDFTests.line("Citation: Gen. Laws § 40-11-2", 40, 500),
            PDFTests.line("'Abused child' includes a child who is", 40, 40) + PDFTests.line("a victim of trafficking.", 40, 53)
                + PDFTests.line("Print", 40, 100) + PDFTests.line("Email", 76, 100) + PDFTests.line("Share", 112, 100),
        ]
        #expect(try PDFTests.blocks(pages).map(\.text).prefix(3) == [
            "Definitions", "Citation: Gen. Laws § 40-11-2", "'Abused child' includes a child who is a victim of trafficking.",
        ])
    }

    /// A PDF's own sentence after its last section sending the reader elsewhere, set as a
    /// paragraph of its own, is no text of that section.
    @Test func aPDFsSentenceSendingTheReaderElsewhereIsNoSections() throws {
        let words = PDFTests.line("Responding to Child Victims of Human Trafficking: Kentucky", 40, 20, size: 16, bold: true)
            + PDFTests.line("Current Through May 2021", 40, 50)
            + PDFTests.line("Immunity From Prosecution", 40, 90, bold: true)
            + PDFTests.line("Citation: Rev. Stat. § 529.120", 40, 110)
            + PDFTests.line("A person under the age of 18 shall not be prosecuted.", 40, 130)
            + PDFTests.line("Training Requirement", 40, 170, bold: true)
            + PDFTests.line("This issue is not addressed in the statutes and regulations reviewed.", 40, 190)
            + PDFTests.line("To view the statute summaries for all States and territories, visit", 40, 230)
            + PDFTests.line("State Statutes Search.", 40, 243)
        let blocks = try PDFTests.blocks([words])
        #expect(blocks.last?.text == "To view the statute summaries for all States and territories, visit State Statutes Search.")
        let extraction = StatuteSummaryExtractor.extract(blocks)
        #expect(extraction.sections.map(\.heading) == ["Immunity From Prosecution", "Training Requirement"])
        #expect(extraction.sections.last?.text == "This issue is not addressed in the statutes and regulations reviewed.")
        #expect(extraction.sections.last?.saysNothingDescribed == true)
    }

    /// A one-page document's footer is there once: a wordmark over the title whose words
    /// lead the footer on the same page is furniture, and the title is the first heading.
    @Test func aOnePageWordmarkFoundAgainInItsFooterIsNotTheTitle() throws {
        let words = PDFTests.line("Quarterly Bulletin of the Board", 40, 20, size: 20, bold: true)
            + PDFTests.line("Safe Harbor Laws", 40, 60, size: 16, bold: true)
            + PDFTests.line("Definitions", 40, 100, bold: true)
            + PDFTests.line("A child is a person under the age of eighteen.", 40, 120)
            + PDFTests.line("Penalties", 40, 150, bold: true)
            + PDFTests.line("A fine is set by the court.", 40, 170)
            + PDFTests.line("Quarterly Bulletin of the Board | bulletin.example.org | 1", 40, 570, size: 7)
        #expect(try PDFTests.blocks([words]) == [
            Block(.heading(level: 1), "Safe Harbor Laws"), Block(.heading(level: 2), "Definitions"),
            Block(.paragraph, "A child is a person under the age of eighteen."), Block(.heading(level: 2), "Penalties"),
            Block(.paragraph, "A fine is set by the court."),
        ])
    }

    /// A title the running header repeats on every page, with a section heading under it, is
    /// still the title: the opening has no other title to give way to.
    @Test func aTitleTheRunningHeaderRepeatsStaysTheTitle() throws {
        let pages = (1...2).map { number in
            PDFTests.line("Safe Harbor Laws", 40, 10, size: 7) + PDFTests.line("page \(number)", 420, 10, size: 7)
                + (number == 1 ? PDFTests.line("Safe Harbor Laws", 40, 40, size: 18, bold: true) : [])
                + PDFTests.line(number == 1 ? "Definitions" : "Penalties", 40, 100, size: 12, bold: true)
                + PDFTests.line("A child is a person under eighteen on page \(number).", 40, 120)
        }
        #expect(try PDFTests.blocks(pages).map(\.text).prefix(2) == ["Safe Harbor Laws", "Definitions"])
    }

    /// A state named only in the running header (`Title` left, `State` right on every page)
    /// is the document's state.
    @Test func theRunningHeaderNamesTheState() throws {
        let pages = (1...2).map { number in
            PDFTests.line("Responding to Child Victims of Human Trafficking", 40, 10, size: 7) + PDFTests.line("New Hampshire", 420, 10, size: 7)
                + (number == 1
                    ? PDFTests.line("Responding to Child Victims of Human Trafficking", 40, 40, size: 18, bold: true)
                        + PDFTests.line("Current Through December 2020", 40, 70)
                    : [])
                + PDFTests.line("Training Requirement", 40, 100, bold: true)
                + PDFTests.line("Citation: Rev. Stat. Ann. § 633:7", 40, 120) + PDFTests.line("A person shall be trained on page \(number).", 40, 140)
                + PDFTests.line("Page \(number) of 2", 420, 580, size: 7)
        }
        let text = PDFText(pages: pages.enumerated().map { PDFPage(number: $0.offset + 1, width: 500, height: 600, words: $0.element) })
        let cleaned = try MarkupCleaner().clean(pdf: text)
        #expect(cleaned.pageTitle == "Responding to Child Victims of Human Trafficking - New Hampshire")
        let extraction = Extractor(jurisdictions: .standard).extract(cleaned, as: DocumentClassifier.classify(cleaned.blocks))
        #expect(extraction.stateText == "New Hampshire")
        #expect(extraction.headline == "Responding to Child Victims of Human Trafficking")
    }

    /// A page of thousands of separate cells and a page of thousands of lines take about as
    /// long per word as a page of prose: no step of the layout is quadratic in a page's words.
    @Test func densePagesAreLaidOutInLinearTime() throws {
        var grid: [PDFWord] = []
        for row in 0..<150 {
            for column in 0..<40 { grid.append(PDFTests.word("c\(row)x\(column)", Double(column) * 30, Double(row) * 14, size: 6)) }
        }
        var lines: [PDFWord] = []
        for row in 0..<3000 { lines += PDFTests.line("line \(row) of a long page", 40, Double(row) * 13) }
        let clock = ContinuousClock()
        let start = clock.now
        let blocks = try PDFTests.blocks([grid, lines], height: 40_000)
        let elapsed = clock.now - start
        #expect(blocks.count >= 150)
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }

    // MARK: Refusals

    @Test(arguments: [
        ("fault-encrypted.pdf", PDFError.encrypted),
        ("fault-zero-pages.pdf", .noPages),
        ("fault-image-only.pdf", .noTextLayer(pages: 1)),
        ("fault-many-pages.pdf", .tooManyPages(count: 60, limit: 50)),
    ])
    func unreadablePDFsAreRefusedWithTheirReason(name: String, expected: PDFError) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: PDFTests.fixture(name))))
        #expect(throws: IngestError.pdf(expected)) {
            try Ingestor(maxDocumentBytes: 1 << 24, maxPDFPages: 50).ingest(bytes: bytes, source: name)
        }
    }

    @Test func truncatedAndBrokenPDFsAreRefusedAsDamaged() throws {
        let truncated = try [UInt8](Data(contentsOf: URL(fileURLWithPath: PDFTests.fixture("fault-truncated.pdf"))))
        for bytes in [truncated, Array("%PDF-1.4\n1 0 obj".utf8), Array("%PDF-".utf8)] {
            do {
                _ = try PDFReader.read(bytes, maxPages: 10)
                Issue.record("a damaged PDF was read")
            } catch {
                guard case .damaged = error else {
                    Issue.record("expected damaged, got \(error)")
                    continue
                }
            }
        }
    }

    /// poppler's documents are opened, read and freed inside one call, so many tasks may read
    /// PDFs at once: each reads what it reads alone.
    @Test func pdfsReadConcurrentlyReadAsAlone() async throws {
        let names = ["summary-printed-web-page.pdf", "summary-two-columns.pdf", "summary-page-breaks.pdf", "report-card-table.pdf"]
        let documents = try names.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: PDFTests.fixture($0)))) }
        let alone = try documents.map { try PDFReader.read($0, maxPages: 100) }
        let together = try await withThrowingTaskGroup(of: (Int, PDFText).self) { group in
            for round in 0..<24 {
                let index = round % documents.count
                let bytes = documents[index]
                group.addTask { (index, try PDFReader.read(bytes, maxPages: 100)) }
            }
            var results: [(Int, PDFText)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(together.count == 24)
        for (index, text) in together { #expect(text == alone[index]) }
    }

    /// Damaged copies of a test PDF (bytes flipped, cut short, spliced): each is read or
    /// refused, the same way twice, and a refusal names the PDF's fault.
    @Test func damagedCopiesAreReadOrRefusedNeverCrash() throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: PDFTests.fixture("summary-printed-web-page.pdf"))))
        let processor = DocumentProcessor(configuration: LexpipePipeline.Configuration())
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var refused = 0
        for round in 0..<40 {
            var bytes = original
            switch round % 3 {
            case 0: for _ in 0..<8 { bytes[5 + next(bytes.count - 5)] = UInt8(next(256)) }
            case 1: bytes.removeSubrange((8 + next(bytes.count - 8))...)
            default:
                let start = 5 + next(bytes.count - 5)
                bytes.replaceSubrange(start..<min(bytes.count, start + 200), with: original[0..<200])
            }
            var times = StageTimes()
            let first = processor.process(bytes: bytes, source: "damaged.pdf", times: &times)
            let second = processor.process(bytes: bytes, source: "damaged.pdf", times: &times)
            switch (first, second) {
            case let (.record(a), .record(b)):
                #expect(a == b)
                #expect(a.format == .pdf)
            case let (.failure(a), .failure(b)):
                #expect(a == b)
                #expect(a.reason.hasPrefix("PDF ") || a.stage == .markup, "\(a.reason)")
                refused += 1
            default:
                Issue.record("round \(round): read once, refused once")
            }
        }
        #expect(refused > 0, "cutting a PDF short refuses it")
    }

    @Test(arguments: [
        ("ABCDEF+DejaVuSans-Bold", true), ("Helvetica-BoldOblique", true), ("Arial,Bold", true),
        ("MyriadPro-Semibold", true), ("Lato-Black", true), ("TimesNewRomanPSMT", false), ("DejaVuSerif", false),
        ("Helvetica-Oblique", false),
    ])
    func boldFacesAreKnownByTheirNames(name: String, isBold: Bool) {
        #expect(PDFReader.isBoldFace(name) == isBold)
    }

    @Test func theEmptyDocumentThatKeepsPopplerReadyIsAValidPDF() throws {
        #expect(try PDFReader.pageCount(PDFReader.emptyDocument()) == 1)
        #expect(throws: PDFError.noTextLayer(pages: 1)) { try PDFReader.read(PDFReader.emptyDocument(), maxPages: 1) }
    }

    @Test func aPDFIsKnownByItsHeaderNotItsName() {
        #expect(PDFReader.isPDF(Array("%PDF-1.7\n".utf8)))
        #expect(PDFReader.isPDF([0x00, 0x05, 0x16, 0x00] + Array("%PDF-1.4\n".utf8)))
        #expect(!PDFReader.isPDF(Array("A text that mentions %PDF-1.4 headers".utf8)))
        #expect(!PDFReader.isPDF(Array(repeating: UInt8(ascii: "x"), count: 1100) + Array("%PDF-1.4".utf8)))
    }
}
