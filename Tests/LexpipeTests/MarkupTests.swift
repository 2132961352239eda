@testable import LexpipeMarkup
import LexpipeRecord
import Testing

@Suite("Markup cleanup")
struct MarkupTests {
    let cleaner = MarkupCleaner()

    /// The text reaching libxml2 is UTF-8 whatever the page declares: a legacy `<meta charset>`
    /// does not make it decode the bytes a second time.
    @Test(arguments: [
        #"<meta charset="windows-1252">"#, #"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">"#,
        #"<meta charset="utf-8">"#, "",
    ])
    func declaredCharsetDoesNotDecodeTheTextAgain(meta: String) throws {
        let html = "<html><head>\(meta)</head><body><p>Café “quoted” — § 43-21-105</p></body></html>"
        let blocks = try cleaner.clean(text: html, format: .html).blocks
        #expect(blocks.map(\.text) == ["Café \"quoted\" — § 43-21-105"])
    }

    @Test func cwigHTMLPageBecomesBlocksWithoutNavigationAndFooter() throws {
        let html = """
            <!DOCTYPE html>
            <html><head><title>Responding</title><style>p { color: red }</style>
            <script>var x = "<p>not text</p>";</script></head>
            <body>
            <header><a href="/">Child Welfare Information Gateway</a></header>
            <nav><ul><li>Home</li><li>Topics</li></ul></nav>
            <main>
              <h1>Responding to Child Victims of Human Trafficking &ndash; Oregon</h1>
              <p>Date: December&nbsp;2018</p>
              <h2>State Agency   Responsibilities</h2>
              <p><strong>Citation:</strong> Rev. Stat. &sect; 418.005</p>
              <p>The department &ldquo;shall&rdquo; provide services.<br>A second line.</p>
              <ul><li>First item</li><li>Second <em>item</em></li></ul>
              <table><tr><th>Issue</th><th>Grade</th></tr><tr><td>1. Criminal</td><td></td><td>F</td></tr></table>
            </main>
            <footer><p>This material may be freely reproduced.</p></footer>
            </body></html>
            """
        let blocks = try cleaner.clean(text: html, format: .html).blocks
        #expect(blocks == [
            Block(.heading(level: 1), "Responding to Child Victims of Human Trafficking – Oregon"),
            Block(.paragraph, "Date: December 2018"),
            Block(.heading(level: 2), "State Agency Responsibilities"),
            Block(.paragraph, "Citation: Rev. Stat. § 418.005"),
            Block(.paragraph, "The department \"shall\" provide services."),
            Block(.paragraph, "A second line."),
            Block(.listItem, "First item"),
            Block(.listItem, "Second item"),
            .row(["Issue", "Grade"]),
            .row(["1. Criminal", "", "F"]),
        ])
    }

    @Test func accordionHeadingsAndTheirCollapsedPanelsAreRead() throws {
        let html = """
            <main><h1>Definitions</h1>
            <h3><button aria-expanded="false" aria-controls="p1">First Heading<span aria-hidden="true">+</span></button></h3>
            <div id="p1" hidden><p>Citation: Stat. &sect; 1</p><p>First prose.</p></div>
            <details><summary>Second Heading</summary><p>Second prose.</p></details>
            <div id="other" hidden><p>Hidden prose.</p></div>
            <button type="button">Print</button>
            </main>
            """
        let blocks = try cleaner.clean(text: html, format: .html).blocks
        #expect(blocks == [
            Block(.heading(level: 1), "Definitions"),
            Block(.heading(level: 3), "First Heading"),
            Block(.paragraph, "Citation: Stat. § 1"),
            Block(.paragraph, "First prose."),
            Block(.heading(level: 3), "Second Heading"),
            Block(.paragraph, "Second prose."),
        ])
    }

    @Test func anElementHiddenByItsStyleIsNotRead() throws {
        let html = """
            <body><div style="display:none;max-height:0">A preheader no reader sees</div>
            <div style="font-size: 12px; DISPLAY: None">Nor this</div>
            <p style="display:block">Shown prose.</p><p style="x-display:none">Also shown.</p></body>
            """
        let blocks = try cleaner.clean(text: html, format: .html).blocks
        #expect(blocks == [Block(.paragraph, "Shown prose."), Block(.paragraph, "Also shown.")])
    }

    @Test func anEmailForwardReadsAsTheDocumentItQuotes() throws {
        let forward = "From: A <a@example.org>\nSubject: FW: Summary\n\nSee below.\n\n> Definitions\n> Texas\n>\n> Citation: Fam. Code § 261.001\n>\n> The term 'abuse' includes\n> trafficking.\n"
        let blocks = try cleaner.clean(text: forward, format: .text).blocks
        #expect(!blocks.contains { $0.text.contains("From:") || $0.text.contains("See below") || $0.text.contains(">") })
        #expect(blocks.suffix(2).map(\.text) == ["Citation: Fam. Code § 261.001", "The term 'abuse' includes trafficking."])
        #expect(MarkupCleaner.forwardedText(forward)?.utf8.count == forward.utf8.count)
        // A reply quoting a few lines under more of its own is read as written.
        let reply = "Thanks, agreed.\nOne more point.\nAnd another.\nAnd a fourth.\nAnd a fifth.\nAnd a sixth.\n\n> a\n> b\n> c\n> d\n> e\n"
        #expect(MarkupCleaner.forwardedText(reply) == nil)
    }

    @Test func aBlankLineAfterEveryLineMarksNoParagraph() throws {
        var lines = ["Heading One", "Citation: Rev. Stat. § 14:46.3"]
        for index in 1...6 { lines += ["Paragraph \(index) opens here and is wrapped at the", "end of its line."] }
        let text = lines.joined(separator: "\n\n") + "\n"
        let single = try #require(MarkupCleaner.singleSpaced(text))
        #expect(single.utf8.count == text.utf8.count)
        let blocks = try cleaner.clean(text: text, format: .text).blocks
        #expect(blocks.map(\.text).contains("Paragraph 3 opens here and is wrapped at the end of its line."))
        #expect(blocks.map(\.text).contains("Citation: Rev. Stat. § 14:46.3"))
        // Text set as usual, paragraphs of several lines parted by blank lines, is left alone.
        let usual = (1...8).map { "Paragraph \($0) opens here\nand goes on here." }.joined(separator: "\n\n")
        #expect(MarkupCleaner.singleSpaced(usual) == nil)
    }

    /// Text with blank lines between paragraphs whose spacing a conversion doubled: one blank
    /// line after each wrapped line, three between paragraphs. The single blank lines are line
    /// breaks (a wrapped line's next may open in upper case), the longer runs part paragraphs.
    @Test func doubledSpacingKeepsTheLongerRunsAsParagraphBreaks() throws {
        var lines = ["Heading One", "", "Citation: Rev. Stat. § 14:46.3", ""]
        for index in 1...4 {
            lines += ["Paragraph \(index) opens here, and a wrapped line of it goes on to the", "State agency and ends on this line with a word that is hyphen-",
                      "ated at its end.", ""]
        }
        lines += ["CRLF Heading", ""]
        let doubled = lines.joined(separator: "\n").components(separatedBy: "\n").joined(separator: "\n\n") + "\n"
        let single = try #require(MarkupCleaner.singleSpaced(doubled))
        #expect(single.utf8.count == doubled.utf8.count)
        let paragraph = "Paragraph 2 opens here, and a wrapped line of it goes on to the State agency and ends on this line with a word that is hyphenated at its end."
        for text in [doubled, doubled.replacingOccurrences(of: "\n", with: "\r\n")] {
            let blocks = try cleaner.clean(text: text, format: .text).blocks.map(\.text)
            #expect(blocks.contains(paragraph))
            #expect(blocks.first == "Heading One")
            #expect(blocks.contains("Citation: Rev. Stat. § 14:46.3"))
            #expect(blocks.last == "CRLF Heading")
        }
        // Unwrapped paragraphs parted by one blank line, sections by two, are left alone.
        let long = String(repeating: "A sentence of a paragraph set on one line. ", count: 5)
        let unwrapped = (1...6).map { "Heading \($0)\n\n\n\(long)\n\n\(long)\n\n\(long)" }.joined(separator: "\n\n\n")
        #expect(MarkupCleaner.singleSpaced(unwrapped) == nil)
    }

    @Test func theReproductionNoticeWrappedOntoLinesEndingInItsAddressIsDropped() throws {
        let wrapped = "Heading\n\nProse of the section.\n\nThis material may be freely reproduced and distributed. However, when doing so, please credit Child\nWelfare Information Gateway. This publication is available online at\nhttps://www.childwelfare.gov/resources/.\n\nNext Heading\n\nMore prose.\n"
        let blocks = try cleaner.clean(text: wrapped, format: .text).blocks
        #expect(blocks.map(\.text) == ["Heading", "Prose of the section.", "Next Heading", "More prose."])
        // Lines after the notice that do not end in a web address are the document's.
        let followed = "Heading\n\nThis material may be freely reproduced and distributed. However, when doing so, please credit Child Welfare Information Gateway.\nNext Heading\n\nMore prose.\n"
        #expect(try cleaner.clean(text: followed, format: .text).blocks.map(\.text).contains { $0.contains("Next Heading") })
    }

    @Test func inlineMarkupInTextIsParsedAwayKeepingLinesAndCells() throws {
        let text = "Issue\tGrade\n<b>9</b>\t1. Crim\t&amp; more\n19 <u>1</u>\tAT&T <i>x</i>\n"
        let blocks = try cleaner.clean(text: text, format: .markdown).blocks
        #expect(blocks == [.row(["Issue", "Grade"]), .row(["9", "1. Crim", "& more"]), .row(["19 1", "AT&T x"])])
    }

    @Test func wrappedLinesAreRejoinedAndHyphenatedWordsMadeWhole() throws {
        let text = "The state shall pro-\nvide services to traf-\nficking victims and non-\nProfit groups.\n\nNext paragraph."
        let blocks = try cleaner.clean(text: text, format: .text).blocks
        #expect(blocks == [
            Block(.paragraph, "The state shall provide services to trafficking victims and non- Profit groups."),
            Block(.paragraph, "Next paragraph."),
        ])
    }

    @Test func pageFurnitureOfPDFConversionsIsDropped() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - Ohio

            The first page text.
            This material may be freely reproduced and distributed. However, when doing so, please credit Child Welfare Information Gateway.
            https://www.childwelfare.gov
            1
            \u{0C}Responding to Child Victims: Ohio
            More text on page two.
            2
            \u{0C}Responding to Child Victims: Ohio
            Page three text.
            Page 3 of 3
            """
        let document = try cleaner.clean(text: text, format: .text)
        #expect(document.blocks.map(\.text) == [
            "Responding to Child Victims of Human Trafficking - Ohio", "The first page text.", "More text on page two.",
            "Page three text.",
        ])
        #expect(document.warnings.map(\.text) == ["dropped 7 line(s) of page header, footer or page number"])
        #expect(document.warnings.map(\.code) == [.pageFurniture])
    }

    /// `pdftotext -layout` sets the page's number at the right end of the reproduction notice's
    /// last line (`… available online at https://…/state-statutes/.      1`): the line is the
    /// notice's all the same.
    @Test func theNoticesLastLineWithThePageNumberBesideItIsFurniture() throws {
        let notice = "This material may be freely reproduced and distributed. However, when doing so, please credit Child Welfare Information Gateway."
        let text = """
            Responding to Child Victims of Human Trafficking: Oregon

            Definitions

            The first page text.



            \(notice)
            This publication is available online at https://www.childwelfare.gov/resources/state-statutes/.                                    1
            \u{0C}Responding to Child Victims of Human Trafficking: Oregon                                                  https://www.childwelfare.gov

            The second page text.



            \(notice)
            This publication is available online at https://www.childwelfare.gov/resources/state-statutes/.                                     2
            """
        let document = try cleaner.clean(text: text, format: .text)
        #expect(!document.blocks.contains { $0.text.contains("available online") }, "\(document.blocks.map(\.text))")
    }

    /// A statute's wording repeated in a document can end up on the last line of more than one
    /// page, over the footer: that line carries on the sentence above it, so it is the
    /// paragraph's, not a footer that recurs. A footer line under an open sentence is still one.
    @Test func aRecurringLineThatCarriesOnTheSentenceAboveItIsText() throws {
        let open = "At any time after a conviction, the court in which the conviction was entered may,"
        let recurring = "upon appropriate motion, vacate the conviction if the court finds that the"
        let text = """
            Responding to Child Victims of Human Trafficking - California

            \(open)
            \(recurring)

            Child Welfare Information Gateway
            Page 1 of 3
            \u{0C}Responding to Child Victims of Human Trafficking - California

            defendant's participation in the offense was the result of having been a traffic-
            ked child. The term 'labor trafficking' means a child who has been induced to
            perform a commercial sex act. \(open)
            \(recurring)

            Child Welfare Information Gateway
            Page 2 of 3
            \u{0C}Responding to Child Victims of Human Trafficking - California

            defendant's participation in the offense was the result of having been a victim
            of trafficking, and the court in which the conviction was entered finds that
            Child Welfare Information Gateway
            Page 3 of 3
            """
        let document = try cleaner.clean(text: text, format: .text)
        let texts = document.blocks.map(\.text)
        #expect(texts.count == 2)
        #expect(texts.last?.components(separatedBy: recurring + " defendant's").count == 3, "\(texts)")
        #expect(!texts.contains { $0.contains("Child Welfare Information Gateway") }, "\(texts)")
        #expect(document.warnings.map(\.text) == ["dropped 8 line(s) of page header, footer or page number"])
    }

    /// A short paragraph said twice, pages apart, in a conversion without form feeds or page
    /// numbers recurs as a running header would; its lines are one sentence wrapped (the second
    /// carries on the first in lower case), so it is text both times.
    @Test func aRecurringWrappedSentenceIsNoRunningHeader() throws {
        let fund = "There is hereby created in the State Treasury a special fund to be known as\nthe Human Trafficking Victim Services Fund."
        let filler = (1...12).map { "Paragraph \($0) of the section says what the statute provides." }
        let text = "Responding to Child Victims of Human Trafficking - Alabama\n\n" + fund + "\n\n"
            + filler.joined(separator: "\n\n") + "\n\n" + fund + "\n\nThe last paragraph.\n"
        let document = try cleaner.clean(text: text, format: .text)
        let joined = fund.replacingOccurrences(of: "\n", with: " ")
        #expect(document.blocks.filter { $0.text == joined }.count == 2, "\(document.blocks.map(\.text))")
        #expect(document.warnings.isEmpty, "\(document.warnings.map(\.text))")
    }

    /// The same for a paragraph's short last line in lower case (`of the Code.`) that a later
    /// page's foot holds too.
    @Test func aRecurringShortLastLineInLowerCaseIsText() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - Nebraska

            In regulation: Such a child is a dependent child within the meaning of section 14-5937
            of the Code.
            \u{0C}Responding to Child Victims of Human Trafficking - Nebraska
            https://www.childwelfare.gov/resources/nebraska/

            There is hereby created in the State Treasury a special fund.
            \u{0C}Responding to Child Victims of Human Trafficking - Nebraska
            https://www.childwelfare.gov/resources/nebraska/

            Reports are handled under section 58-9534
            of the Code.

            Records may be expunged upon petition to the court.
            """
        let document = try cleaner.clean(text: text, format: .text)
        #expect(document.blocks.map(\.text) == [
            "Responding to Child Victims of Human Trafficking - Nebraska",
            "In regulation: Such a child is a dependent child within the meaning of section 14-5937 of the Code.",
            "There is hereby created in the State Treasury a special fund.",
            "Reports are handled under section 58-9534 of the Code.",
            "Records may be expunged upon petition to the court.",
        ])
    }

    /// Folding drops soft hyphens and zero-width characters: a page number beside a web address
    /// split by one is furniture all the same, and a line of curly quotes is text.
    @Test func aNumberedAddressHiddenByAScalarFoldingDropsIsFurniture() throws {
        let text = "Title of the digest\n\nThe only page\u{2019}s text.\n\n1   www\u{00AD}.childwelfare.gov/topics\u{200B}\n"
        let document = try cleaner.clean(text: text, format: .text)
        #expect(document.blocks.map(\.text) == ["Title of the digest", "The only page's text."])
        let quoted = "Title of the digest\n\nThe only page\u{2019}s text.\n\n1   \u{201C}www.childwelfare.gov\u{201D}\n"
        #expect(try cleaner.clean(text: quoted, format: .text).blocks.count == 3)
    }

    @Test func aReproductionNoticeUnwrappedOnOneLineIsDropped() throws {
        let text = """
            ## Services and Supports for Victims

            No services specific to child victims of trafficking are described in the statutes and regulations reviewed.

            This material may be freely reproduced and distributed. However, when doing so, please credit Child Welfare Information Gateway. This publication is available online at https://www.childwelfare.gov/resources/state-statutes/.

            """
        let blocks = try cleaner.clean(text: text, format: .markdown).blocks
        #expect(blocks.map(\.text) == [
            "Services and Supports for Victims",
            "No services specific to child victims of trafficking are described in the statutes and regulations reviewed.",
        ])
    }

    @Test func markdownHeadingsEmphasisAndListsAreRead() throws {
        let text = "## **MISSISSIPPI**\n\nSome *emphasis* and a [link](http://x.org) in snake_case.\n\n- item one\n- item two\n"
        let blocks = try cleaner.clean(text: text, format: .markdown).blocks
        #expect(blocks == [
            Block(.heading(level: 2), "MISSISSIPPI"),
            Block(.paragraph, "Some emphasis and a link in snake_case."),
            Block(.listItem, "item one"),
            Block(.listItem, "item two"),
        ])
    }

    @Test func aDocumentOfOnlyScriptsHasNoText() {
        #expect(throws: MarkupError.noText) {
            try cleaner.clean(text: "<html><body><script>x()</script><nav>menu</nav></body></html>", format: .html)
        }
    }

    @Test func whitespaceAndQuotesAreFolded() {
        #expect(InlineText.fold("  a\u{00A0}\u{00A0}b\t\n c ’d’ “e” ﬁle\u{00AD}s ") == "a b c 'd' \"e\" files")
    }

    /// Text a parser delivered (an encoded surrogate from `&#xD800;`) is read as a String made
    /// from its bytes would read it, wherever the first non-ASCII byte falls: after words of
    /// eight ASCII bytes or in the tail.
    @Test func parsedTextIsRepairedWhereverItBreaks() {
        for count in 1..<20 {
            let ascii = Array(repeating: UInt8(ascii: "a"), count: count)
            let broken = ascii + [0xED, 0xA0, 0x80] + Array(" b".utf8)
            #expect(InlineText.fold(parsed: broken.span) == String(repeating: "a", count: count) + "\u{FFFD}\u{FFFD}\u{FFFD} b")
            let valid = ascii + Array("\u{00A0}é\u{2019}b".utf8)
            #expect(InlineText.fold(parsed: valid.span) == String(repeating: "a", count: count) + " é'b")
        }
    }

    /// Folding as the rule states it, one scalar at a time, against the folding that copies
    /// words of eight bytes: on texts where spaces, tabs, line breaks, no-break spaces, quotes
    /// and ligatures fall at every offset of a word.
    @Test func foldingByWordsMatchesFoldingByScalars() {
        func reference(_ text: String) -> String {
            var out = ""
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                let replacement: String? = switch scalar {
                case "\u{2019}": "'"
                case "\u{201C}": "\""
                case "\u{FB01}": "fi"
                case "\u{00AD}": ""
                default: nil
                }
                if replacement == "" { continue }
                if replacement == nil, [" ", "\t", "\n", "\u{00A0}"].contains(scalar) {
                    pendingSpace = true
                    continue
                }
                if pendingSpace, !out.isEmpty { out += " " }
                pendingSpace = false
                out += replacement ?? String(scalar)
            }
            return out
        }
        let pieces = ["a", "bc", "defghij", " ", "  ", "\t", "\n", "\u{00A0}", "\u{2019}", "\u{201C}", "\u{FB01}", "\u{00AD}", "é", "~", "klmnopqrstu"]
        // A fixed linear congruential sequence: the same texts on every run.
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<3_000 {
            let text = (0..<next(25)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(InlineText.fold(text) == reference(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func markersAreScalarsWhateverFollowsThem() throws {
        // Markup reads scalars: a combining mark after a `|`, `#`, bullet or space leaves it the
        // marker it is, and the mark stays in the text beside it.
        #expect(try cleaner.clean(text: "| a |\u{301} b | c |", format: .markdown).blocks == [.row(["a", "\u{301} b", "c"])])
        #expect(try cleaner.clean(text: "## Title #\u{301}", format: .markdown).blocks == [Block(.heading(level: 2), "Title #\u{301}")])
        #expect(try cleaner.clean(text: "- \u{301}item\n\n- item", format: .markdown).blocks == [
            Block(.listItem, "\u{301}item"), Block(.listItem, "item"),
        ])
        // U+1FEF is no backtick; a line of a space and a combining mark is not blank.
        #expect(try cleaner.clean(text: "`x`\u{1FEF}y and *em*\u{301} and [link](http://x)", format: .markdown).blocks == [
            Block(.paragraph, "x\u{1FEF}y and em*\u{301} and link")
        ])
        #expect(try cleaner.clean(text: "Para one\n \u{301}\nPara two", format: .text).blocks == [
            Block(.paragraph, "Para one \u{301} Para two")
        ])
        // A no-break space is white space, so a line of it is blank.
        #expect(try cleaner.clean(text: "Para one\n\u{A0}\nPara two", format: .text).blocks == [
            Block(.paragraph, "Para one"), Block(.paragraph, "Para two"),
        ])
    }
}

@Suite("Markup line endings and page breaks")
struct LineEndingTests {
    @Test func windowsLineEndingsSplitLikeUnixOnes() throws {
        let text = "Responding to Child Victims of Human Trafficking - Ohio\r\n\r\nDate: May 2020\r\n\r\nServices\r\n\r\nCitation: Rev. Code § 2151.01\r\n\r\nServices are provided.\r\n\r\nTraining\r\n\r\nNo training is described in the statutes and regulations reviewed.\r\n"
        let record = try extractRecord(text: text, source: "crlf.txt")
        #expect(record.date == "2020-05")
        #expect(record.sections.map(\.heading) == ["Services", "Training"])
        #expect(record.sections.map(\.provision) == [true, false])
    }

    @Test func pageBreaksSurviveInlineMarkupCleanup() throws {
        let text = "Welf. & Inst. Code text one.\nRunning Header\n2\n\u{0C}Running Header\nText <b>two</b>.\n3\n\u{0C}Running Header\nText three.\n"
        let blocks = try MarkupCleaner().clean(text: text, format: .text).blocks
        #expect(blocks.map(\.text) == ["Welf. & Inst. Code text one.", "Text two.", "Text three."])
    }

    @Test func theSeriesLabelIsPartOfTheHeader() throws {
        let text = "State Statutes Series\n\nResponding to Child Victims of Human Trafficking - Ohio\n\nDate: May 2020\n\nTraining\n\nCitation: Rev. Code § 2151.01\n\nText.\n"
        let record = try extractRecord(text: text, source: "series.txt")
        #expect(record.title == "Responding to Child Victims of Human Trafficking")
        #expect(record.date == "2020-05")
        #expect(record.sections.map(\.heading) == ["Training"])
    }
}

@Suite("Layout columns")
struct LayoutColumnTests {
    /// A gap between columns is three spaces in a row after the line's first word and before
    /// another, counted as `Character`s: a space that a combining mark follows, or that follows
    /// a prepended scalar, is no space of its own. The byte reading agrees with the Character one.
    @Test(arguments: [
        "1. Criminal Provisions    B    14.5", "prose with two  spaces", "   leading spaces, then prose", "trailing   ",
        "a   \u{301}b", "a    \u{301}b", "a \u{301}   b", "\u{600}   b", "\u{600}    b", "e\u{301}   b", "é   b",
        "a\u{200D}   b", "     ", "", "a   ", "x   y",
        // A run of three spaces read wherever it starts among every third byte.
        "ab   c", "abc   d", "abcd   e", "a  b  c  d", "a  bc   d", "a b  c    d", "abcde  f", "ab  c  d  e", "abcd    \u{301}e",
    ])
    func gapsAreReadOnBytesAsOnCharacters(_ line: String) {
        var line = line
        let onBytes = line.withUTF8 { LayoutColumns.hasGap($0) }
        #expect(onBytes == Self.hasGap(Array(line)), "\(line.unicodeScalars.map(\.value))")
    }

    /// A table of a layout conversion is read where its lines open with an issue's number (the
    /// spaces before it aside); lines apart in the same columns but numbered nowhere are prose.
    @Test func rowsOpenWithAnIssuesNumber() {
        func rows(_ text: String) -> [[String]]? {
            let bytes = Array(text.utf8)
            var lines: [Range<Int>] = []
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == 0x0A {
                lines.append(start..<index)
                start = index + 1
            }
            return LayoutColumns.rows(lines, in: bytes.span)?.map(\.cells)
        }
        #expect(rows("  1. Criminal Provisions    B    14.5\n  2. Victim Services        C    11\n") == [
            ["1. Criminal Provisions", "B", "14.5"], ["2. Victim Services", "C", "11"],
        ])
        #expect(rows("  Criminal Provisions    B    14.5\n  Victim Services        C    11\n") == nil)
    }

    /// The gap as the columns count it, on Characters.
    private static func hasGap(_ text: [Character]) -> Bool {
        guard let first = text.firstIndex(where: { $0 != " " }) else { return false }
        var run = 0
        for character in text[first...] {
            if character == " " {
                run += 1
            } else {
                if run >= 3 { return true }
                run = 0
            }
        }
        return false
    }
}

@Suite("Page numbers")
struct PageNumberTests {
    /// A page number's line (`3`, `Page 3`, `3 of 10`, `- 3 -`) is read the same on the bytes
    /// of an ASCII line as on its folded, lower-cased text: lines of up to three words a page number
    /// line may hold, parted by any white space, and others.
    @Test func asciiLinesReadAsTheirFoldedText() {
        let words = ["3", "12", "page", "Page", "PAGE", "of", "OF", "-", "--", "-3-", "- 3", "pa", "gap", "1-2", "123456789012", "0f"]
        let spaces = [" ", "  ", "\t", " \u{0C}"]
        var lines = ["", " ", "3", "Page 3", "3 of 10", "- 3 -", "Page 3 of 10", "page", "page page 3", "1 2", "1 2 3", "1 2 3 4 5",
                     "\t12\u{0B}of\r40 ", "Page 12345678901234567", "12345678901 123456789", "page 1 of 2 of"]
        for (first, a) in words.enumerated() {
            for (second, b) in ([""] + words).enumerated() {
                for (third, c) in ([""] + words).enumerated() {
                    let space = spaces[(first + second + third) % spaces.count]
                    lines.append([a, b, c].filter { !$0.isEmpty }.joined(separator: space))
                }
            }
        }
        for line in lines {
            let bytes = Array(line.utf8)
            let onBytes = PageFurniture.isPageNumber(0..<bytes.count, in: bytes.span)
            #expect(onBytes == PageFurniture.isPageNumber(folded: InlineText.fold(line).lowercased()), "\(line.debugDescription)")
        }
        #expect(PageFurniture.isPageNumber(folded: "page 3 of 10"))
        #expect(!PageFurniture.isPageNumber(folded: "page"))
    }

    /// A page number written out (`Page 2 of 5`) is furniture wherever it stands, as is one a
    /// converter opened with a zero-width space; a line that mentions a page inside its text,
    /// or opens with another word of `p`, stays.
    @Test func writtenOutPageNumbersAreDroppedWhereverTheyStand() {
        var builder = TextBlockBuilder(markdown: false, dropPageFurniture: true)
        let blocks = builder.build("""
            The first paragraph.

            Page 2 of 5

            The second paragraph, as on page 2 of the report.

            \u{200B}PAGE 3 of 5

            Pages 3 of 5 are blank.

            """)
        #expect(blocks.map(\.text) == [
            "The first paragraph.", "The second paragraph, as on page 2 of the report.", "Pages 3 of 5 are blank.",
        ])
    }

    /// A line of dashes is no page number: a setext heading's underline at the top of a page
    /// (cut after a stray page number) keeps its heading; the numbers go.
    @Test func aLineOfDashesIsNoPageNumber() {
        for dashes in ["-", "---", "---------------", "-- --"] {
            #expect(!PageFurniture.isPageNumber(folded: dashes), "\(dashes)")
            let bytes = Array(dashes.utf8)
            let onBytes = PageFurniture.isPageNumber(0..<bytes.count, in: bytes.span)
            #expect(!onBytes, "\(dashes)")
        }
        let paragraph = String(repeating: "Each county agency shall provide training for employees who investigate reports. ", count: 20)
        var builder = TextBlockBuilder(markdown: true, dropPageFurniture: true)
        let blocks = builder.build("""
            Exceptions
            ----------

            \(paragraph)

            1

            Emotional Abuse
            ---------------

            \(paragraph)

            2

            """)
        #expect(blocks.filter { $0.headingLevel != nil }.map(\.text) == ["Exceptions", "Emotional Abuse"])
        #expect(!blocks.contains { $0.text == "1" || $0.text == "2" })
    }
}

@Suite("Lines of one table cell")
struct CellLineTests {
    /// A grade letter alone (`A`, a look-alike `В`, an accented capital) is a label, a lower-case
    /// letter is not; capitals, numbers and scores as before.
    @Test(arguments: [
        ("A", TextBlockBuilder.CellLine?.some(.label)), ("  B  ", .label), ("\u{412}", .label), ("\u{C9}", .label),
        ("a", nil), ("\u{3B1}", nil), ("AB", .label), ("A1", .label), ("16.5", .number), ("88", .number), ("1.", nil),
        ("EXTRA CREDIT", .label), ("A.", nil), ("", nil), ("Grade", nil),
    ])
    func cellLines(_ line: String, _ expected: TextBlockBuilder.CellLine?) {
        let bytes = Array(line.utf8)
        #expect(TextBlockBuilder.cellLine(0..<bytes.count, in: bytes.span) == expected, "\(line.debugDescription)")
    }

    /// A short capitalized line over a much longer one is a heading the wrap did not end, read
    /// alike whether it opens with an ASCII capital or another; one in lower case is not.
    @Test func unwrappedHeadingsOpenInUpperCase() {
        let next = "The department shall provide services to every child found to be a victim of trafficking."
        for (heading, expected) in [("Screening and Assessment", true), ("\u{C9}valuation des services", true), ("screening and assessment", false)] {
            let text = heading + "\n" + next
            let bytes = Array(text.utf8)
            let first = 0..<heading.utf8.count
            let second = (heading.utf8.count + 1)..<bytes.count
            #expect(TextBlockBuilder.isUnwrappedHeading(first, before: second, in: bytes.span) == expected, "\(heading)")
        }
    }
}

@Suite("Links to a site's root")
struct SiteRootLinkTests {
    /// `/`, or a web address with no path after its host, in any case; a relative link, a path,
    /// an anchor or another scheme is not.
    @Test(arguments: [
        ("/", true), ("https://alaska.gov/", true), ("HTTP://Alaska.gov", true), ("http://www.state-site.gov", true),
        ("/donate", false), ("https://alaska.gov/about", false), ("#main", false), ("mailto:info@alaska.gov", false),
        ("https://", false), ("https://a_b.gov/", false), ("home", false), ("", false),
    ])
    func siteRoots(_ href: String, _ expected: Bool) {
        let bytes = Array(href.utf8) + [0]
        #expect(bytes.withUnsafeBufferPointer { HTMLAttributes.isSiteRoot($0.baseAddress!) } == expected, "\(href)")
    }
}

@Suite("Hyphens at line ends")
struct LineBreakHyphenTests {
    /// A word broken at its own hyphen keeps it where the document writes the compound with
    /// it inside a line (in any case, each pair of a word of several hyphens), and loses it
    /// otherwise.
    @Test func compoundsTheDocumentWritesKeepTheirHyphen() {
        let document = Array("The well-to-do Health-Care providers -- and x-ray--units -ish.\nNo adjudica-\nted text.".utf8)
        var hyphens = LineBreakHyphens()
        for (before, after, expected) in [
            ("health", "care", true), ("the well", "to do", true), ("to", "do", true), ("WELL", "TO", true), ("x", "ray", true),
            ("ray", "units", true), ("adjudica", "ted", false), ("well", "do", false), ("providers", "and", false),
        ] {
            let kept = hyphens.keepsHyphen(before: Array(before.utf8), after: Array(after.utf8), in: document.span)
            #expect(kept == expected, "\(before)-\(after)")
        }
    }
}

@Suite("Chrome hints")
struct ChromeHintTests {
    /// A class or id naming chrome, in any ASCII case and inside longer names; none otherwise.
    @Test(arguments: [
        "breadcrumb", "skip-link", "share", "Social-Icons", "print", "related-posts", "sidebar", "main-menu", "navbar",
        "site-footer", "BANNER", "toolbar", "utility", "promo", "cookie-notice", "subscribe", "newsletter", "masthead",
    ])
    func chromeWordsAreFound(_ value: String) {
        var value = value
        #expect(value.withUTF8 { ChromeHint.matches($0) })
    }

    @Test func contentNamesAreNone() {
        for name in ["content", "article-body", "entry", "post", "main", "statute-text"] {
            var value = name
            #expect(!value.withUTF8 { ChromeHint.matches($0) }, "\(name)")
        }
    }
}

@Suite("Bare web addresses")
struct BareWebAddressTests {
    /// One word opening with `http://`, `https://` or `www.` in any ASCII case, white space
    /// around it aside; a String and a Substring read alike.
    @Test(arguments: [
        ("https://www.childwelfare.gov", true), ("  WWW.childwelfare.gov/topics\t", true), ("Http://x", true), ("www.", true),
        ("\nhttps://a.org\r\n", true), ("www", false), ("http:/x", false), ("see www.x.org", false),
        ("www.x.org and more", false), ("", false), ("   ", false), ("wwww.x.org", false), ("ftp://x.org", false),
    ])
    func bareWebAddresses(_ text: String, _ expected: Bool) {
        #expect(InlineText.isBareWebAddress(text) == expected)
        #expect(InlineText.isBareWebAddress(("<" + text + ">").dropFirst().dropLast()) == expected)
    }
}

@Suite("HTML element roles")
struct HTMLElementRoleTests {
    /// Every name the block builder treats specially gets its role, and any other name, longer
    /// or shorter, a prefix or an extension of one, gets none.
    @Test func namesGetTheirRoles() {
        let skipped = ["script", "style", "noscript", "template", "svg", "iframe", "object", "button", "select", "textarea",
                       "input", "label", "dialog"]
        let blocks = ["p", "div", "section", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd",
                      "thead", "tbody", "tfoot", "caption", "figure", "figcaption", "fieldset", "address", "center",
                      "body", "html", "hr"]
        for name in skipped { #expect(HTMLElementRole(HTMLElementName(name)) == .skipped, "\(name)") }
        for name in blocks { #expect(HTMLElementRole(HTMLElementName(name)) == .block, "\(name)") }
        for name in ["nav", "aside"] { #expect(HTMLElementRole(HTMLElementName(name)) == .chrome, "\(name)") }
        for name in ["header", "footer"] { #expect(HTMLElementRole(HTMLElementName(name)) == .pageBand, "\(name)") }
        for name in ["main", "article"] { #expect(HTMLElementRole(HTMLElementName(name)) == .main, "\(name)") }
        #expect(HTMLElementRole("form") == .form)
        #expect(HTMLElementRole("a") == .link)
        #expect(HTMLElementRole("strong") == .bold && HTMLElementRole("b") == .bold)
        #expect(HTMLElementRole("title") == .title)
        for level in 1...6 { #expect(HTMLElementRole(HTMLElementName("h\(level)")) == .heading(level)) }
        #expect(HTMLElementRole("tr") == .row)
        #expect(HTMLElementRole("td") == .cell && HTMLElementRole("th") == .cell)
        #expect(HTMLElementRole("li") == .listItem)
        #expect(HTMLElementRole("br") == .lineBreak)
        #expect(HTMLElementRole("table") == .table)
        for name in ["", "h", "h0", "h7", "span", "em", "head", "tables", "tabl", "blockquotes", "figcaptio", "figcaptionxxxxxx", "blockquoteblockquote", "ps", "navx", "textareas", "TR", "é"] {
            #expect(HTMLElementRole(HTMLElementName(name)) == .other, "\(name)")
        }
        #expect(HTMLElementRole(ariaRole: "main") == .main)
        #expect(HTMLElementRole(ariaRole: "navigation") == .chrome)
        #expect(HTMLElementRole(ariaRole: "contentinfo") == .chrome)
        #expect(HTMLElementRole(ariaRole: "presentation") == nil)
    }
}

@Suite("Pipe tables")
struct PipeTableTests {
    /// One pipe table, written each way a converter writes it, and the rows it must become.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var format: DocumentFormat = .markdown
        var text: String
        var rows: [[String]]

        var testDescription: String { name }
    }

    static let header = ["Issue", "Grade", "Score", "Highlights"]

    static let cases: [Case] = [
        Case(
            name: "outer pipes, aligned delimiter row",
            text: """
                | Issue | Grade | Score | Highlights |
                |:------|:-----:|------:|------------|
                | 1. Criminal Provisions | B | 14.5 / 17.5 | Gap remains. |
                """,
            rows: [header, ["1. Criminal Provisions", "B", "14.5 / 17.5", "Gap remains."]]
        ),
        Case(
            name: "no outer pipes",
            text: """
                Issue | Grade | Score | Highlights
                --- | --- | --- | ---
                1. Criminal Provisions | B | 14.5 / 17.5 | Gap remains.
                2. Continuum of Care | C | 11 / 15 | Gaps remain.
                """,
            rows: [
                header, ["1. Criminal Provisions", "B", "14.5 / 17.5", "Gap remains."],
                ["2. Continuum of Care", "C", "11 / 15", "Gaps remain."],
            ]
        ),
        Case(
            name: "no outer pipes in a text document",
            format: .text,
            text: """
                Issue | Grade | Score
                ---|---|---
                1. Criminal Provisions | B | 14.5/17.5
                """,
            rows: [["Issue", "Grade", "Score"], ["1. Criminal Provisions", "B", "14.5/17.5"]]
        ),
        Case(
            name: "leading pipe only",
            text: """
                | Issue | Grade
                |---|---
                | 1. Criminal Provisions | B
                """,
            rows: [["Issue", "Grade"], ["1. Criminal Provisions", "B"]]
        ),
        Case(
            name: "escaped pipe inside a cell",
            text: """
                | Code | Text |
                |---|---|
                | A \\| B | one \\| two |
                """,
            rows: [["Code", "Text"], ["A | B", "one | two"]]
        ),
        Case(
            name: "escaped pipe inside a cell of a text document",
            format: .text,
            text: """
                Code | Text
                ---|---
                A \\| B | one
                """,
            rows: [["Code", "Text"], ["A | B", "one"]]
        ),
        Case(
            name: "a list number escaped as a converter writes it",
            text: """
                Issue | Grade
                ---|---
                1\\. Criminal Provisions | B
                """,
            rows: [["Issue", "Grade"], ["1. Criminal Provisions", "B"]]
        ),
        Case(
            name: "line breaks inside cells",
            text: """
                | Issue | Highlights |
                |---|---|
                | 1. Criminal Provisions | Policy goals accomplished.<br>Gaps remain.<br/>More. |
                """,
            rows: [["Issue", "Highlights"], ["1. Criminal Provisions", "Policy goals accomplished. Gaps remain. More."]]
        ),
        Case(
            name: "entities and emphasis inside cells",
            text: """
                | Overall | F &nbsp;&nbsp; **47.5** |
                |---|---|
                """,
            rows: [["Overall", "F 47.5"]]
        ),
        Case(
            name: "a tab inside a pipe row is white space",
            text: "| 1. Criminal\tProvisions | B |\n",
            rows: [["1. Criminal Provisions", "B"]]
        ),
    ]

    @Test(arguments: cases)
    func pipeTableLinesBecomeRows(table: Case) throws {
        let blocks = try MarkupCleaner().clean(text: table.text, format: table.format).blocks
        #expect(blocks == table.rows.map { Block.row($0) })
    }

    /// A `|` in prose makes no table: there is no delimiter row under it, and in a text
    /// document a leading `|` alone makes none either.
    @Test(arguments: [
        ("Either this | or that.\nAnd more prose.", DocumentFormat.markdown),
        ("Title | State | example.org\n\nBody text.", .text),
        ("| not a table in text |", .text),
    ])
    func aPipeInProseIsNoTable(text: String, format: DocumentFormat) throws {
        let blocks = try MarkupCleaner().clean(text: text, format: format).blocks
        #expect(blocks.allSatisfy { $0.cells == nil }, "\(blocks)")
    }

    /// A blank line ends the table: a `|` in the paragraph after it is prose again.
    @Test func aBlankLineEndsTheTable() throws {
        let text = "| a | b |\n|---|---|\n| c | d |\n\nEither this | or that.\n"
        let blocks = try MarkupCleaner().clean(text: text, format: .markdown).blocks
        #expect(blocks == [.row(["a", "b"]), .row(["c", "d"]), Block(.paragraph, "Either this | or that.")])
    }

    /// A backslash escape in markdown prose is the punctuation it escapes; elsewhere it stays.
    @Test func backslashEscapesAreThePunctuationTheyEscape() throws {
        let blocks = try MarkupCleaner().clean(text: "1\\. Not a list, \\*not emphasis\\*, C:\\path \\ end", format: .markdown).blocks
        #expect(blocks.map(\.text) == ["1. Not a list, *not emphasis*, C:\\path \\ end"])
    }

    /// Section signs a converter wrote as inline LaTeX math are section signs; other math stays.
    @Test func sectionSignsWrittenAsLaTeXAreSectionSigns() throws {
        let text = "Citation: Ann. Laws Tit. 8, \\(\\S\\) 1101; Tit. 33, \\( \\S\\S \\) 5001 to 5005 and \\(x\\)"
        let blocks = try MarkupCleaner().clean(text: text, format: .markdown).blocks
        #expect(blocks.map(\.text) == ["Citation: Ann. Laws Tit. 8, § 1101; Tit. 33, §§ 5001 to 5005 and (x)"])
    }

    /// A converter's note about a page it could not read is no text of the document.
    @Test func aConvertersMissingPageMarkerIsDropped() throws {
        let text = "Before.\n\n[MISSING_PAGE_POST]\n\n[MISSING_PAGE_FAIL:2]\n\n[SEE_ALSO] [Not_A_Marker]\n\nAfter."
        let blocks = try MarkupCleaner().clean(text: text, format: .markdown).blocks
        #expect(blocks.map(\.text) == ["Before.", "[SEE_ALSO] [Not_A_Marker]", "After."])
    }

    /// Markdown's ordered list items after a blank line are list items, their numbers kept; a
    /// wrapped line that starts with a number goes on with its paragraph.
    @Test func markdownOrderedListItemsAreListItems() throws {
        let text = "It means:\n\n1. Recruiting a person;\n2) Harboring a person; or\n3. Benefiting.\n\nEnacted under part\n2. Amended."
        let blocks = try MarkupCleaner().clean(text: text, format: .markdown).blocks
        #expect(blocks == [
            Block(.paragraph, "It means:"), Block(.listItem, "1. Recruiting a person;"), Block(.listItem, "2) Harboring a person; or"),
            Block(.listItem, "3. Benefiting."), Block(.paragraph, "Enacted under part 2. Amended."),
        ])
    }

    /// A heading line directly above its `Citation:` line is a block of its own, in text and
    /// in markdown; a line that only mentions citations carries on its paragraph.
    @Test(arguments: [DocumentFormat.text, .markdown])
    func aCitationLineDirectlyUnderAHeadingLineIsABlockOfItsOwn(format: DocumentFormat) throws {
        let text = "State Agency Responsibilities\nCitation: Ann. Code § 16-2301\n\nThe agency shall act on\ncitations in the report.\n**Citations:** § 1"
        let blocks = try MarkupCleaner().clean(text: text, format: format).blocks
        #expect(blocks.map(\.text) == [
            "State Agency Responsibilities", "Citation: Ann. Code § 16-2301", "The agency shall act on citations in the report.",
            format == .markdown ? "Citations: § 1" : "**Citations:** § 1",
        ])
    }

    /// A heading line directly above a longer line of prose is a block of its own: the prose's
    /// first word would have fitted on it. Lines a wrap ended stay one paragraph.
    @Test func aHeadingLineDirectlyAboveItsProseIsABlockOfItsOwn() throws {
        let text = """
            Responding to Child Victims of Human Trafficking
            District of Columbia

            Training Requirement
            No training specific to human trafficking is described in the statutes and regulations reviewed.

            The Department of Human Services shall
            provide the services.
            """
        let blocks = try MarkupCleaner().clean(text: text, format: .text).blocks
        #expect(blocks.map(\.text) == [
            "Responding to Child Victims of Human Trafficking District of Columbia", "Training Requirement",
            "No training specific to human trafficking is described in the statutes and regulations reviewed.",
            "The Department of Human Services shall provide the services.",
        ])
    }

    /// Two columns of numbered items side by side in a layout conversion are read left column
    /// first; a table whose right column holds no numbered items keeps its lines.
    @Test func twoColumnsOfNumberedItemsAreReadColumnByColumn() throws {
        func page(_ left: [String], _ right: [String]) -> String {
            zip(left, right).map { pair in
                let padded = pair.0.padding(toLength: 44, withPad: " ", startingAt: 0)
                return pair.1.isEmpty ? pair.0 : padded + pair.1
            }.joined(separator: "\n") + "\n"
        }
        let left = ["1. Alpha Item   B 10/15", "Left one goes on here", "and here.", "", "2. Beta Item   C 7/10", "Left two runs on and on", "and on still", "to the end."]
        let right = ["4. Delta Item   C 7/10", "Right four goes on", "and ends.", "", "5. Echo Item   B 8/10", "Right five.", "", "6. Zeta Item   A 9/10"]
        let columns = try MarkupCleaner().clean(text: page(left, right), format: .text).blocks.map(\.text)
        #expect(columns == [
            "1. Alpha Item B 10/15 Left one goes on here and here.", "2. Beta Item C 7/10 Left two runs on and on and on still to the end.",
            "4. Delta Item C 7/10 Right four goes on and ends.", "5. Echo Item B 8/10 Right five.", "6. Zeta Item A 9/10",
        ])
        // Items side by side on the same lines: the right column's numbers go on from the left's.
        let aligned = ["3. Gamma Item   C 7/10", "Right three goes on", "and ends.", "", "4. Delta Item   B 8/10", "Right four goes", "on and", "ends."]
        let alignedColumns = try MarkupCleaner().clean(text: page(left, aligned), format: .text).blocks.map(\.text)
        #expect(alignedColumns == [
            "1. Alpha Item B 10/15 Left one goes on here and here.", "2. Beta Item C 7/10 Left two runs on and on and on still to the end.",
            "3. Gamma Item C 7/10 Right three goes on and ends.", "4. Delta Item B 8/10 Right four goes on and ends.",
        ])
        let highlights = ["Goals met in areas related", "to alpha.", "", "Goals met in areas related", "to beta and", "gamma, and", "", "more."]
        let table = try MarkupCleaner().clean(text: page(left, highlights), format: .text).blocks.map(\.text)
        #expect(!table.contains { $0.contains("Delta") || $0.hasPrefix("Goals") })
    }

    /// A `<br>` inside a cell of a tab-separated row keeps the row whole.
    @Test func aLineBreakInATabSeparatedRowKeepsTheRow() throws {
        let blocks = try MarkupCleaner().clean(text: "1. Criminal Provisions\tB\tGoals met.<br>Gaps remain.\n", format: .text).blocks
        #expect(blocks == [.row(["1. Criminal Provisions", "B", "Goals met. Gaps remain."])])
    }

    /// A `<br>` on a line that is no table row still ends the line.
    @Test func aLineBreakOutsideATableStillBreaksTheLine() throws {
        let blocks = try MarkupCleaner().clean(text: "One line.<br>\n\nTwo | three.<br>Four.", format: .text).blocks
        #expect(blocks.map(\.text) == ["One line.", "Two | three. Four."])
    }

    /// A markdown conversion of a short document leaves its page numbers alone between
    /// paragraphs, too few lines apart to cut pages by: counting up from 1 they are furniture,
    /// as is a lone `1`; a score, a year, a list item or a cell standing so stays.
    @Test func strayPageNumbersBetweenMarkdownParagraphsAreDropped() throws {
        let counted = "## Grounds\n\nThe court shall act.\n\n1\n\n## Exceptions\n\n14.5\n\n2021\n\nThe agency shall refer.\n\n2\n\n1. First item\n\n| Score | 3 |\n"
        #expect(try MarkupCleaner().clean(text: counted, format: .markdown).blocks == [
            Block(.heading(level: 2), "Grounds"), Block(.paragraph, "The court shall act."), Block(.heading(level: 2), "Exceptions"),
            Block(.paragraph, "14.5"), Block(.paragraph, "2021"), Block(.paragraph, "The agency shall refer."),
            Block(.listItem, "1. First item"), .row(["Score", "3"]),
        ])
        let lone = "## Grounds\n\nThe court shall act.\n\n1\n\n## Exceptions\n\nThe agency shall refer.\n"
        #expect(try MarkupCleaner().clean(text: lone, format: .markdown).blocks.map(\.text) == ["Grounds", "The court shall act.", "Exceptions", "The agency shall refer."])
        // Numbers that do not count up from 1 or 2 are content.
        let scores = "Alpha\n\n7\n\nBeta\n\n9\n"
        #expect(try MarkupCleaner().clean(text: scores, format: .markdown).blocks.map(\.text) == ["Alpha", "7", "Beta", "9"])
    }
}
