@testable import LexpipeExtraction
@testable import LexpipeJurisdictions
import LexpipeMarkup
import Testing

@Suite("Statute summary headings")
struct StatuteSummaryHeadingTests {
    /// The `Character` reading of a paragraph that reads as a heading, which the byte reading
    /// must agree with.
    static func readsAsHeading(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isUppercase else { return false }
        guard text.utf8.count <= 100, let last = text.last, !".:;,!?".contains(last) else { return false }
        guard StatuteSummaryExtractor.citationLine(text) == nil else { return false }
        return text.split(separator: " ").count <= 12
    }

    @Test(arguments: [
        "State Agency Responsibilities", "Training requirement.", "Training requirement:", "Definitions?", "lowercase start",
        "Évaluation des victimes", "Ωmega Provisions", "Citation: Ann. Code § 1-2-3", "One two three four five six seven eight nine ten eleven twelve",
        "One two three four five six seven eight nine ten eleven twelve thirteen", "Heading with mark \u{301} inside", "Ends in combining.\u{301}",
        "Prepended \u{600}.", "Spaces  between   words", "A", "Trailing space ", "Em dash — heading", "Tab\tinside heading",
    ])
    func paragraphsReadAsHeadingsAsCharactersDo(text: String) {
        let block = Block(.paragraph, text)
        #expect(StatuteSummaryExtractor.isHeading(block, isLast: false) == Self.readsAsHeading(text), "\(text.debugDescription)")
        #expect(!StatuteSummaryExtractor.isHeading(block, isLast: true))
    }
}

@Suite("Statute summary numbered headings")
struct NumberedHeadingTests {
    static func sections(_ headings: [String?]) -> [ExtractedSection] {
        headings.map { ExtractedSection(heading: $0, citations: [], saysNothingDescribed: false, text: "Text.") }
    }

    /// Headings numbered by their ordinals lose the numbers; any other numbering stays.
    @Test(arguments: [
        (["1. Definitions", "2. Sex Trafficking", "3) Labor Trafficking"], ["Definitions", "Sex Trafficking", "Labor Trafficking"]),
        (["1. Definitions", "3. Sex Trafficking"], ["1. Definitions", "3. Sex Trafficking"]),
        (["1. Definitions", "Sex Trafficking"], ["1. Definitions", "Sex Trafficking"]),
        (["1. Definitions"], ["1. Definitions"]),
        (["18 U.S.C. Provisions", "2. Other"], ["18 U.S.C. Provisions", "2. Other"]),
        (["1.5 Definitions", "2. Other"], ["1.5 Definitions", "2. Other"]),
    ])
    func headingsNumberedByTheirOrdinalsLoseTheNumbers(headings: [String], expected: [String]) {
        let read = StatuteSummaryExtractor.withoutHeadingNumbers(Self.sections(headings)).map(\.heading)
        #expect(read == expected)
    }
}

@Suite("Statute summary list items")
struct ListItemNumberTests {
    /// An ordered list item's number is markup; a number that is the item's text stays.
    @Test(arguments: [
        ("1. Recruiting a person;", "Recruiting a person;"), ("12) Harboring", "Harboring"), ("1.5 acres", "1.5 acres"),
        ("2019. Amended.", "2019. Amended."), ("1. ", "1. "), ("Recruiting", "Recruiting"),
    ])
    func anOrderedItemLosesItsNumber(item: String, text: String) {
        #expect(StatuteSummaryExtractor.withoutListNumber(item) == text)
    }
}

@Suite("Known code names")
struct KnownCodeNamesTests {
    /// A key's endings after each space, found by byte in an ASCII key, are the ones a
    /// `Character` search finds; a space that a combining mark follows is no space there.
    @Test(arguments: [
        "rev stat ann", "code", "", "ann code ", " gov t code", "code ann tit", "stat \u{301}ann code", "c\u{E9}d civ proc",
    ])
    func endingsAreWhatACharacterSearchFinds(key: String) {
        var expected: [String] = []
        var ending = key[...]
        while let space = ending.firstIndex(of: " ") {
            ending = ending[ending.index(after: space)...]
            expected.append(String(ending))
        }
        #expect(KnownCodeNames.shorterEndings(of: key) == expected, "\(key.debugDescription)")
    }

    @Test func namesAreFoundByTheirEndings() {
        var names = KnownCodeNames()
        names.insert("Rev. Stat. Ann.", titled: true)
        #expect(names.contains("Rev. Stat. Ann."))
        #expect(names.isTitled("rev stat ann"))
        #expect(names.match(key: "stat ann") == (true, nil))
        #expect(names.match(key: "ann") == (true, nil))
        #expect(names.match(key: "rev stat") == (false, nil))
    }
}

@Suite("Header dates")
struct HeaderDateTests {
    /// A page whose top gives no date takes the one its `<title>` gives among other parts.
    @Test func aPageTitlesPartGivesTheDateWhenTheTopGivesNone() throws {
        let html = """
            <html><head><title>The Weekly Brief | April 2019</title></head><body>
            <table><tr><td>The Weekly Brief</td></tr></table>
            <p>Three items this week on foster care and schools.</p></body></html>
            """
        let record = try extractRecord(text: html, source: "brief.html")
        #expect(record.date == "2019-04")
        #expect(record.year == 2019)
    }

    /// A masthead's parts give an unlabelled date (`Coalition · Issue 14 · March 2021`).
    @Test func aMastheadsUnlabelledDatePartIsItsDate() throws {
        let dated = try extractRecord(text: "The Weekly Brief\n\nCoalition · Issue 14 · March 2021\n\nThree items this week.\n", source: "brief.txt")
        #expect(dated.date == "2021-03")
    }
}

@Suite("Statute summary endnotes")
struct EndnoteTests {
    static let summary = """
        Definitions of Human Trafficking
        Nebraska

        Current Through October 2022

        Human Trafficking
        Citation: Rev. Stat. § 28-830

        'Labor trafficking' is defined in § 28-830.2 as forced labor or services.1

        Child Abuse
        Citation: Rev. Stat. § 28-710

        Child abuse includes placing2 a child in a situation to be a victim.

        Notes

        1 Applies to the whole article.
        2 Amended in 2022.

        Back page address
        """

    @Test func numberedNotesAtTheEndAndTheirGluedNumbersAreLeftOut() throws {
        let record = try extractRecord(text: EndnoteTests.summary, source: "summary.txt")
        #expect(record.sections.map(\.heading) == ["Human Trafficking", "Child Abuse"])
        #expect(record.sections.first?.text == "'Labor trafficking' is defined in § 28-830.2 as forced labor or services.")
        #expect(record.sections.last?.text == "Child abuse includes placing a child in a situation to be a victim.")
    }

    @Test func aLastNumberedSectionWithoutMarksInTheProseStays() throws {
        let text = EndnoteTests.summary.replacingOccurrences(of: "services.1", with: "services.")
        let record = try extractRecord(text: text, source: "summary.txt")
        #expect(record.sections.count == 3)
    }
}

@Suite("Statute summary footer lines")
struct FooterLineTests {
    @Test(arguments: [
        ("Child Welfare Information Gateway | https://www.childwelfare.gov", true),
        ("Child Welfare Information Gateway https://www.childwelfare.gov 2", true),
        ("Texas State Bar - www.texasbar.com", true),
        ("State Bar of Texas - www.texasbar.com", false),
        ("More is at https://www.childwelfare.gov", false),
        ("See the Manual. https://example.org", false),
        ("Child Welfare Information Gateway https://www.childwelfare.gov for details", false),
        ("Child Welfare Information Gateway", false),
        ("Child Welfare Information Gateway · www.childwelfare.gov · 1", true),
        ("Child Welfare Information Gateway · www.childwelfare.gov · more", false),
    ])
    func aNameAndAWebAddressIsAFooterLine(_ line: String, _ isFooter: Bool) {
        #expect(StatuteSummaryExtractor.isNameAndAddress(line) == isFooter)
    }
}

@Suite("Statute summary page end")
struct PageEndTests {
    /// A row of links (`Print | Email | Share`) after the last section's `Citation:` line
    /// starts the page's own matter (a printed page's menu and footer): left out.
    @Test func aRowOfLinksAfterTheLastCitationEndsTheSummary() {
        let blocks = [
            Block(.heading(level: 1), "Definitions of Human Trafficking - Ohio"),
            Block(.heading(level: 2), "Training Requirement"), Block(.paragraph, "Citation: Rev. Code § 2151.421"),
            Block(.paragraph, "The department shall train staff."), .row(["Print", "Email", "Share"]),
            Block(.paragraph, "The site is a service of the department of health."), .row(["Privacy", "Accessibility", "Contact Us"]),
        ]
        let extraction = StatuteSummaryExtractor.extract(blocks)
        #expect(extraction.sections.map(\.text) == ["The department shall train staff."])
    }

    /// A row of cells that hold sentences or citations is no menu.
    @Test func aRowOfSentencesIsKept() {
        let blocks = [
            Block(.heading(level: 1), "Definitions of Human Trafficking - Ohio"),
            Block(.heading(level: 2), "Training Requirement"), Block(.paragraph, "Citation: Rev. Code § 2151.421"),
            Block(.paragraph, "The department shall train staff."), .row(["Staff train.", "Others wait.", "All report."]),
        ]
        let extraction = StatuteSummaryExtractor.extract(blocks)
        #expect(extraction.sections.map(\.text) == ["The department shall train staff.\n\nStaff train. Others wait. All report."])
    }
}
