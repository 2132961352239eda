import Foundation
@testable import LexpipeExtraction
import LexpipeIngest
import LexpipeMarkup
@testable import LexpipeJurisdictions
@testable import LexpipeNormalization
import LexpipeRecord
import Testing

@Suite("Normalization and classification")
struct NormalizationTests {
    /// The headline's state separator is found where Foundation's backward search finds it,
    /// combining marks and other scripts beside it included.
    @Test func headlineSeparatorsAreFoundWhereFoundationFindsThem() {
        let headlines = [
            "Responding to Child Victims of Human Trafficking - Mississippi",
            "A - B - C", "Title – New Mexico", "Title — Puerto Rico", "Report Card: Texas", "no separator",
            " - ", "- ", " -", "", "Title -\u{301} Ohio", "Title - \u{301}Ohio", "Title é - Ohio", "Title - é",
            "Title \u{301}- Ohio", "日本 - 東京", "Title: a: b", "Title :  - x", "Title - Ohio -", "x - y\u{200D} - z",
        ]
        for headline in headlines {
            for separator in [" - ", " – ", " — ", ": "] {
                let expected = headline.range(of: separator, options: .backwards)
                let found = HeadlineState.lastRange(of: separator, in: headline)
                #expect(found == expected, "\(separator) in \(headline.debugDescription)")
            }
        }
    }

    /// Month words read by bytes name the months that the rule on lower-cased `Character`s names.
    @Test func monthWordsAreReadAsLowerCasedCharactersReadThem() {
        func reference(_ word: String) -> Int? {
            var lower = word.lowercased()
            if lower.hasSuffix(".") { lower.removeLast() }
            guard lower.count >= 3 else { return nil }
            if lower == "sept" { return 9 }
            let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
            return months.firstIndex { $0 == lower || (lower.count <= 4 && $0.hasPrefix(lower)) }.map { $0 + 1 }
        }
        var words = ["", ".", "..", "ma", "may", "May.", "MAY..", "jun", "june.", "JUNE", "sept", "Sept.", "sep", "septe", "September",
                     "SEPTEMBER.", "september..", "Septembers", "dec", "Dece", "decem", "Decem.", "Mar\r\n", "Marc\u{301}", "Mär", "ja.n",
                     "12", "2018", "jul1", "aug.", "Augustus", "ocTOBer", "nov.", "no", "Février", "k", "feb\t", "Apr.il"]
        for name in ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"] {
            for length in 1...name.count {
                let prefix = String(name.prefix(length))
                words += [prefix, prefix + ".", prefix.uppercased(), prefix.capitalized + "."]
            }
        }
        for word in words {
            #expect(DateText.month(word) == reference(word), "\(word)")
        }
    }

    let table = JurisdictionTable.standard

    @Test func everyStateDCAndTerritoryIsKnownByNameAndCode() {
        let kinds = Dictionary(grouping: table.jurisdictions, by: \.kind).mapValues(\.count)
        #expect(kinds == ["state": 50, "district": 1, "territory": 5, "federal": 1])
        for jurisdiction in table.jurisdictions {
            #expect(table.jurisdiction(usps: jurisdiction.usps)?.name == jurisdiction.name)
            #expect(table.jurisdiction(named: jurisdiction.name.uppercased())?.usps == jurisdiction.usps)
        }
        #expect(table.jurisdiction(named: "MISSISSIPPI")?.usps == "MS")
        #expect(table.jurisdiction(named: "Virgin Islands")?.usps == "VI")
        #expect(table.jurisdiction(named: "Washington, D.C.")?.usps == "DC")
        #expect(table.jurisdiction(named: "Atlantis") == nil)
    }

    @Test(arguments: [
        ("December 2018", "2018-12", 2018), ("Dec. 5, 2018", "2018-12-05", 2018), ("Sept 2020", "2020-09", 2020),
        ("2021", "2021", 2021), ("2019-04", "2019-04", 2019), ("2019-04-30", "2019-04-30", 2019),
    ])
    func datesBecomeISO(text: String, iso: String, year: Int) {
        let date = DateNormalizer.iso(text)
        #expect(date?.text == iso)
        #expect(date?.year == year)
    }

    @Test(arguments: ["Smarch 2018", "2019-13", "sometime"])
    func nonsenseDatesAreRefused(text: String) {
        #expect(DateNormalizer.iso(text) == nil)
    }

    @Test func datesAreFoundAfterTheirLabels() {
        #expect(DateText.find(in: "Date: December 2018") == DateText.Match(text: "December 2018", isWholeBlock: true, isLabelled: true))
        #expect(DateText.find(in: "Current Through March 3, 2021") == DateText.Match(text: "March 3, 2021", isWholeBlock: true, isLabelled: true))
        #expect(DateText.find(in: "Enacted in May 2019 by the legislature")?.isWholeBlock == false)
    }

    @Test(arguments: [
        (["Responding to X - Ohio", "Topic", "Citation: Rev. Code § 1"], DocumentKind.statuteSummary),
        (["Topic", "No training is described in the statutes and regulations reviewed.", "Other", "None is described in the statutes and regulations reviewed."], .statuteSummary),
        (["OHIO", "2022 Report Card on Child & Youth Sex Trafficking", "1. Criminal Provisions B 14.5 17.5",
          "2. Identification of Victims F 14 27.5", "3. Continuum of Care C 10 / 15", "EXTRA CREDIT 18+", "OVERALL GRADE"], .reportCard),
        // Mentions of report cards and grades without a grade table are no report card.
        (["OHIO", "2022 Report Card on Child & Youth Sex Trafficking", "EXTRA CREDIT 18+", "OVERALL GRADE"], .unknown),
        (["Minutes of the meeting", "Attendees: many"], .unknown),
    ])
    func classifiesFromContent(texts: [String], kind: DocumentKind) {
        #expect(DocumentClassifier.classify(texts.map { Block(.paragraph, $0) }) == kind)
    }

    /// The classifier's evidence is each phrase that `ASCIIText.contains` finds in a block.
    @Test(arguments: [
        "No training is described in the STATUTES AND REGULATIONS reviewed.",
        "Child Welfare Information Gateway · State Statutes Series",
        "OVERALL GRADE  B   Report card 2023",
        "Policy goals accomplished related to … Gaps remain related to", "Gap remains: policy goal; accomplished.",
        "statutes and regulations reviewe", " report card", "report card ", "grade overall", "",
    ])
    func evidenceIsWhatASearchFinds(text: String) {
        var expected = EvidencePhrase()
        for (bit, wording) in EvidencePhrase.spacedWordings.enumerated() where ASCIIText.contains(text, wording) {
            expected.insert(EvidencePhrase(rawValue: 1 << bit))
        }
        if expected.contains(.policyGoal), ASCIIText.contains(text, "accomplished") { expected.insert(.accomplished) }
        #expect(EvidencePhrase.found(in: text) == expected)
    }

    @Test func unknownDocumentsKeepTitleStateAndDate() throws {
        let record = try extractRecord(
            text: "Annual Foster Care Statistics - Oregon\n\nDate: June 2017\n\nThe agency served many children.\n",
            source: "other.txt"
        )
        #expect(record.kind == .unknown)
        #expect(record.title == "Annual Foster Care Statistics")
        #expect(record.state == "Oregon")
        #expect(record.stateCode == "OR")
        #expect(record.year == 2017)
        #expect(record.date == "2017-06")
        #expect(record.sections.isEmpty)
        #expect(record.reportCard == nil)
    }

    @Test(arguments: [
        (16.0, 17.5, Grade.a), (8, 10, .b), (7, 10, .c), (6, 10, .d), (5.99, 10, .f), (14, 27.5, .f), (68, 100, .d),
    ])
    func gradingScaleUsesMinimumPercentages(score: Double, maximum: Double, grade: Grade) {
        #expect(GradingScale.reportCard2021.grade(score: score, outOf: maximum) == grade)
    }
}
