@testable import LexpipeExtraction
import LexpipePipeline
import LexpipeRecord
import Testing

// Small report cards of the "Report Card on Child & Youth Sex Trafficking" framework, one per
// noise form a PDF conversion leaves in the grade table and one per input form, each checked
// row by row through every stage (`extractRecord`).

/// The framework every card here is graded under; also each record's `title`.
private let framework = "Report Card on Child & Youth Sex Trafficking"

/// A highlights cell as printed on a card and what the record reads from it.
private struct Highlight {
    var text: String
    var accomplished: String?
    var gaps: String?
}

/// The six issues of the framework, their maximum scores, and a typical highlights cell.
private enum Framework {
    static let names = [
        "Criminal Provisions",
        "Identification of and Response to Victims",
        "Continuum of Care",
        "Access to Justice for Trafficking Survivors",
        "Tools for a Victim-Centered Criminal Justice Response",
        "Prevention and Training",
    ]
    static let maxima: [Double] = [17.5, 27.5, 15, 15, 10, 15]

    static let criminal = Highlight(
        text: "Policy goals accomplished in areas related to buyer and trafficker accountability under state CSEC laws, mistake of age defenses, and financial penalties. Gap remains related to business entity liability under the trafficking law.",
        accomplished: "buyer and trafficker accountability under state CSEC laws, mistake of age defenses, and financial penalties",
        gaps: "business entity liability under the trafficking law"
    )
    static let identification = Highlight(
        text: "Policy goals accomplished in areas related to third party control, non-criminalization for prostitution offenses, and child abuse definitions. Gaps remain in areas related to screening through the juvenile justice system and juvenile court jurisdiction.",
        accomplished: "third party control, non-criminalization for prostitution offenses, and child abuse definitions",
        gaps: "screening through the juvenile justice system and juvenile court jurisdiction"
    )
    static let care = Highlight(
        text: "Policy goals accomplished in areas related to services through a non-punitive system and MDT responses. Gaps remain in areas related to extended foster care services and appropriations.",
        accomplished: "services through a non-punitive system and MDT responses",
        gaps: "extended foster care services and appropriations"
    )
    static let justice = Highlight(
        text: "Policy goal accomplished related to civil remedies. Gaps remain in areas related to crime victims' compensation, vacatur, restitution, and statutes of limitation.",
        accomplished: "civil remedies",
        gaps: "crime victims' compensation, vacatur, restitution, and statutes of limitation"
    )
    static let tools = Highlight(
        text: "Policy goals accomplished in areas related to victim supports and hearsay exceptions. Gap remains related to privileged communications.",
        accomplished: "victim supports and hearsay exceptions",
        gaps: "privileged communications"
    )
    static let prevention = Highlight(
        text: "Policy goals accomplished in areas related to training for child welfare and law enforcement. Gaps remain in areas related to training for prosecutors and school personnel as well as prevention education in schools.",
        accomplished: "training for child welfare and law enforcement",
        gaps: "training for prosecutors and school personnel as well as prevention education in schools"
    )
    static let highlights = [criminal, identification, care, justice, tools, prevention]

    /// The `18+` extra-credit row as the record holds it.
    static func youth(_ points: Double) -> ExtraCredit {
        ExtraCredit(code: "18+", name: "18+ Youth", points: points, description: youthText)
    }

    /// The `CLT` extra-credit row as the record holds it.
    static func labor(_ points: Double) -> ExtraCredit {
        ExtraCredit(code: "CLT", name: "Child Labor Trafficking", points: points, description: laborText)
    }

    static let youthText = "Protections related to civil remedies and privileged communications are extended to sex trafficked youth."
    static let laborText = "Protections related to child abuse definitions and services through a non-punitive system are extended to child labor trafficking victims."
}

/// The record's row for issue `number` with the framework's name and maximum.
private func issue(
    _ number: Int, _ grade: Grade?, _ source: GradeSource?, _ score: Double, _ highlight: Highlight? = nil
) -> GradeRow {
    let highlight = highlight ?? Framework.highlights[number - 1]
    return GradeRow(
        number: number, name: Framework.names[number - 1], grade: grade, gradeSource: source, score: score,
        maxScore: Framework.maxima[number - 1], accomplished: highlight.accomplished, gaps: highlight.gaps
    )
}

/// A card as its record should read: every row, the overall score and grade, the checks.
private struct ExpectedCard {
    var state: String
    var stateCode: String
    var year: Int
    var issues: [GradeRow]
    var extraCredit: [ExtraCredit]
    var overall: OverallGrade
    var checks = ReportCardChecks(totalMatchesSum: true, gradesMatchScores: true)
}

/// Runs a card through every stage.
private func record(
    _ text: String, source: String, configuration: LexpipePipeline.Configuration = LexpipePipeline.Configuration()
) throws -> DocumentRecord {
    try extractRecord(text: text, source: source, configuration: configuration)
}

/// Checks every field of the record against the expected card, row by row.
private func expectCard(
    _ record: DocumentRecord, _ expected: ExpectedCard, format: DocumentFormat = .markdown,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(record.kind == .reportCard, sourceLocation: sourceLocation)
    #expect(record.format == format, sourceLocation: sourceLocation)
    #expect(record.title == framework, sourceLocation: sourceLocation)
    #expect(record.state == expected.state, sourceLocation: sourceLocation)
    #expect(record.stateCode == expected.stateCode, sourceLocation: sourceLocation)
    #expect(record.year == expected.year, sourceLocation: sourceLocation)
    #expect(record.date == String(expected.year), sourceLocation: sourceLocation)
    #expect(record.sections.isEmpty, sourceLocation: sourceLocation)
    guard let card = record.reportCard else {
        Issue.record("no report card in the record; warnings: \(record.warnings)", sourceLocation: sourceLocation)
        return
    }
    #expect(card.framework == framework, sourceLocation: sourceLocation)
    #expect(card.issues.count == expected.issues.count, sourceLocation: sourceLocation)
    for (got, want) in zip(card.issues, expected.issues) {
        #expect(got == want, "issue \(want.number)", sourceLocation: sourceLocation)
    }
    #expect(card.extraCredit == expected.extraCredit, sourceLocation: sourceLocation)
    #expect(card.overall == expected.overall, sourceLocation: sourceLocation)
    #expect(card.checks == expected.checks, "warnings: \(record.warnings)", sourceLocation: sourceLocation)
}

/// Checks that some warning contains each of `parts`.
private func expectWarnings(
    _ record: DocumentRecord, _ parts: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
    let all = record.warnings.joined(separator: "\n")
    for part in parts {
        #expect(all.contains(part), "no warning contains \"\(part)\"; warnings:\n\(all)", sourceLocation: sourceLocation)
    }
}

// MARK: - Noise forms of the markdown-ish conversion

@Suite("Report cards: conversion noise")
struct ReportCardNoiseTests {
    @Test func duplicatedAndCutIssueNamesAreDroppedWhicheverComesFirst() throws {
        let text = """
            ## **TEXAS**

            2022 Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            \t1. Crim\t1. Criminal Provisions\t\tA\t17 17.5\t\(Framework.criminal.text)
            \t2. Identification of and Response to Victims\t\tC\t20 27.5\t\(Framework.identification.text)
            \t3. Continuum of Care\t\tD\t9.5 15\t\(Framework.care.text)
            \t4. Acc\t4. Access to Justice for Trafficking Survivors\t\tF\t8 15\t\(Framework.justice.text)
            \t5. Tools for a Victim-Centered Criminal Justice Response\t\tB\t8.5 10\t\(Framework.tools.text)
            \t6. Prevention and Training\t6. Prev\t\tC\t11 15\t\(Framework.prevention.text)
            EXTRA CREDIT\t18+)\t18+) Youth\t\t2\t\(Framework.youthText)
            \tCLT\tCLT Child Labor Trafficking\t\t3\t\(Framework.laborText)

            **OVERALL GRADE**



            79

            ## **LEARN MORE**

            **TOOLKIT:** To see how Texas compares, visit reportcards.sharedhope.org/toolkit.
            """
        let record = try record(text, source: "tx-2022-report-card.md")
        expectCard(record, ExpectedCard(
            state: "Texas", stateCode: "TX", year: 2022,
            issues: [
                issue(1, .a, .stated, 17), issue(2, .c, .stated, 20), issue(3, .d, .stated, 9.5),
                issue(4, .f, .stated, 8), issue(5, .b, .stated, 8.5), issue(6, .c, .stated, 11),
            ],
            extraCredit: [Framework.youth(2), Framework.labor(3)],
            overall: OverallGrade(score: 79, grade: .c, gradeSource: .derived)
        ))
        expectWarnings(record, [
            "issue 1: duplicated fragment \"1. Crim\" dropped",
            "issue 4: duplicated fragment \"4. Acc\" dropped",
            "issue 6: duplicated fragment \"6. Prev\" dropped",
            "overall: grade derived from score 79",
        ])
    }

    @Test func strayNumbersAndTagsInTheFirstColumnAreDropped() throws {
        let text = """
            ## **OREGON**

            2023 Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            <b>9</b>\t1. Criminal Provisions\t\tB\t15 17.5\t\(Framework.criminal.text)
            \t2. Identification of and Response to Victims\t\tD\t17.5 27.5\t\(Framework.identification.text)
            (F)\t3. Continuum of Care\t\tF\t<b>8.5</b> 15\t\(Framework.care.text)
            <u> </u>\t4. Access to Justice for Trafficking Survivors\t\tC\t<b>10.5</b> 15\t\(Framework.justice.text)
            19 <u>1</u>\t5. Tools for a Victim-Centered Criminal Justice Response\t\tA\t9 10\t\(Framework.tools.text)
            \t6. Prevention and Training\t\tD\t<u>9</u> 15\t\(Framework.prevention.text)
            EXTRA CREDIT\t18+)\t18+) Youth\t\t2\t\(Framework.youthText)
            \tCLT\tCLT Child Labor Trafficking\t\t5\t\(Framework.laborText)

            **OVERALL GRADE**

            76.5

            ## **LEARN MORE**
            """
        let record = try record(text, source: "or-2023-report-card.md")
        expectCard(record, ExpectedCard(
            state: "Oregon", stateCode: "OR", year: 2023,
            issues: [
                issue(1, .b, .stated, 15), issue(2, .d, .stated, 17.5), issue(3, .f, .stated, 8.5),
                issue(4, .c, .stated, 10.5), issue(5, .a, .stated, 9), issue(6, .d, .stated, 9),
            ],
            extraCredit: [Framework.youth(2), Framework.labor(5)],
            overall: OverallGrade(score: 76.5, grade: .c, gradeSource: .derived)
        ))
        expectWarnings(record, [
            "issue 1: stray fragment \"9\" dropped",
            "issue 3: stray fragment \"(F)\" dropped",
            "issue 5: stray fragment \"19 1\" dropped",
        ])
    }

    /// How a score cell can print `score` and `maximum`.
    enum ScoreForm: String, CaseIterable {
        case runTogether, separateCells, slash

        func cell(_ score: String, _ maximum: String) -> String {
            switch self {
            case .runTogether: "\(score) \(maximum)"
            case .separateCells: "\(score)\t\(maximum)"
            case .slash: "\(score)/\(maximum)"
            }
        }
    }

    @Test(arguments: ScoreForm.allCases)
    func scoreAndMaximumAreReadInEveryForm(form: ScoreForm) throws {
        let text = """
            ## **OHIO**

            2021 Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            \t1. Criminal Provisions\t\tB\t\(form.cell("14.5", "17.5"))\t\(Framework.criminal.text)
            \t2. Identification of and Response to Victims\t\tC\t\(form.cell("19.5", "27.5"))\t\(Framework.identification.text)
            \t3. Continuum of Care\t\tC\t\(form.cell("11", "15"))\t\(Framework.care.text)
            \t4. Access to Justice for Trafficking Survivors\t\tD\t\(form.cell("9.5", "15"))\t\(Framework.justice.text)
            \t5. Tools for a Victim-Centered Criminal Justice Response\t\tA\t\(form.cell("10", "10"))\t\(Framework.tools.text)
            \t6. Prevention and Training\t\tB\t\(form.cell("12.5", "15"))\t\(Framework.prevention.text)
            EXTRA CREDIT\t18+)\t18+) Youth\t\t1.5\t\(Framework.youthText)
            \tCLT\tCLT Child Labor Trafficking\t\t4.5\t\(Framework.laborText)

            **OVERALL GRADE**

            83

            ## **LEARN MORE**
            """
        let record = try record(text, source: "oh-2021-report-card.md")
        expectCard(record, ExpectedCard(
            state: "Ohio", stateCode: "OH", year: 2021,
            issues: [
                issue(1, .b, .stated, 14.5), issue(2, .c, .stated, 19.5), issue(3, .c, .stated, 11),
                issue(4, .d, .stated, 9.5), issue(5, .a, .stated, 10), issue(6, .b, .stated, 12.5),
            ],
            extraCredit: [Framework.youth(1.5), Framework.labor(4.5)],
            overall: OverallGrade(score: 83, grade: .b, gradeSource: .derived)
        ))
        #expect(!record.warnings.contains { $0.contains("maximum") || $0.contains("stray") }, "\(record.warnings)")
    }

    /// How a card retyped as a list can print an issue's name, grade and score.
    enum ListItemForm: String, CaseIterable {
        case bulletColonGradeFirst, dashItemEmDash, numberedScoreFirst, plainLineOutOf, parenthesisNumberedMax

        func item(_ number: Int, _ name: String, _ grade: String, _ score: String, _ maximum: String) -> String {
            switch self {
            case .bulletColonGradeFirst: "* \(name): \(grade), \(score)/\(maximum)"
            case .dashItemEmDash: "- \(name) — \(grade) — \(score) of \(maximum)"
            case .numberedScoreFirst: "\(number). \(name): \(score)/\(maximum), \(grade)"
            case .plainLineOutOf: "\(name): \(grade), \(score) out of \(maximum)"
            case .parenthesisNumberedMax: "\(number)) \(name) - \(grade) - \(score) of \(maximum) max"
            }
        }
    }

    @Test(arguments: ListItemForm.allCases)
    func listItemRowsAreReadInEveryForm(form: ListItemForm) throws {
        let values: [(String, String, String)] = [
            ("B", "14.5", "17.5"), ("C", "19.5", "27.5"), ("C", "11", "15"), ("D", "9.5", "15"), ("A", "10", "10"), ("B", "12.5", "15"),
        ]
        let items = Framework.names.indices.map { index in
            let (grade, score, maximum) = values[index]
            return form.item(index + 1, Framework.names[index], grade, score, String(maximum))
        }
        let text = """
            Ohio 2021 Report Card on Child & Youth Sex Trafficking

            Overall grade: B (83 points)

            \(items[0])
                - \(Framework.criminal.text)

            \(items[1...].joined(separator: "\n\n"))
            """
        let record = try record(text, source: "oh-2021-report-card-list.txt")
        let card = try #require(record.reportCard, "\(record.kind)")
        #expect(card.issues.map(\.name) == Framework.names)
        #expect(card.issues.map(\.grade) == [.b, .c, .c, .d, .a, .b])
        #expect(card.issues.map(\.score) == [14.5, 19.5, 11, 9.5, 10, 12.5])
        #expect(card.issues.map(\.maxScore) == Framework.maxima)
        #expect(card.issues.allSatisfy { $0.gradeSource == .stated })
        #expect(card.issues.first?.accomplished == Framework.criminal.accomplished)
        #expect(card.overall.score == 83)
    }

    /// A card retyped as a line per issue with no blank line between (`Name: B, 15 of 17.5`),
    /// which a conversion runs into one block: every line is a row; the call to action after a
    /// credit without a description (`LEARN MORE: To see how …`) is no description.
    @Test func listRowsOnConsecutiveLinesAreEachARow() throws {
        let values: [(String, String)] = [("B", "15"), ("C", "20.5"), ("D", "9.5"), ("B", "12"), ("C", "7.5"), ("C", "10.5")]
        let maxima = ["17.5", "27.5", "15", "15", "10", "15"]
        let lines = Framework.names.indices.map { index in "\(Framework.names[index]): \(values[index].0), \(values[index].1) of \(maxima[index])" }
        let text = """
            Maine
            2023 Report Card on Child & Youth Sex Trafficking

            Overall grade: C, 78.5 of 100

            \(lines.joined(separator: "\n"))

            Extra credit:
            18+ Youth: +1.5
            CLT Child Labor Trafficking: +2

            LEARN MORE: To see how Maine compares, visit reportcards.sharedhope.org/toolkit.
            """
        let record = try record(text, source: "me-2023-report-card.txt")
        let card = try #require(record.reportCard, "\(record.kind) \(record.warnings)")
        #expect(card.issues.map(\.name) == Framework.names)
        #expect(card.issues.map(\.score) == [15, 20.5, 9.5, 12, 7.5, 10.5])
        #expect(card.issues.map(\.maxScore) == Framework.maxima)
        #expect(card.overall.score == 78.5)
        // Credits on consecutive lines are a row each (the signed points end one); the call to
        // action under a credit without a description is neither.
        #expect(card.extraCredit == [
            ExtraCredit(code: "18+", name: "18+ Youth", points: 1.5, description: nil),
            ExtraCredit(code: "CLT", name: "Child Labor Trafficking", points: 2, description: nil),
        ])
        #expect(!record.warnings.contains { $0.contains("check failed") }, "\(record.warnings)")
        #expect(ListItemRows.rowsRunTogether(lines.joined(separator: " ")).map(\.row.name) == Framework.names)
        // Highlights after a row are no row.
        #expect(ListItemRows.rowsRunTogether("Continuum of Care: D, 9.5 of 15 Gaps remain related to services.").count == 1)
    }

    /// A call to action after the extra credit (`LEARN MORE` over `To see how … compares,
    /// visit …`, or `TOOLKIT:` before it on one line) is the page's, not a credit row.
    @Test(arguments: ["LEARN MORE\nTo see how Maine compares, visit reportcards.sharedhope.org/toolkit.",
                      "TOOLKIT: To see how Maine compares, visit reportcards.sharedhope.org/toolkit.",
                      "LEARN MORE: To see how Maine compares, visit reportcards.sharedhope.org/toolkit.",
                      "LEARN MORE"])
    func aCallToActionAfterTheExtraCreditIsNoCredit(_ closing: String) throws {
        let text = """
            MAINE
            2023 Report Card on Child & Youth Sex Trafficking

            OVERALL GRADE C 78.5

            Issue Grade Score Highlights
            1. Criminal Provisions B 15/17.5 \(Framework.criminal.text)
            2. Identification of and Response to Victims C 20.5/27.5 \(Framework.identification.text)
            3. Continuum of Care D 9.5/15 \(Framework.care.text)
            4. Access to Justice for Trafficking Survivors B 12/15 \(Framework.justice.text)
            5. Tools for a Victim-Centered Criminal Justice Response C 7.5/10 \(Framework.tools.text)
            6. Prevention and Training C 10.5/15 \(Framework.prevention.text)
            EXTRA CREDIT 18+ Youth 1.5 \(Framework.youthText)
            CLT Child Labor Trafficking 2 \(Framework.laborText)

            \(closing)
            """
        let record = try record(text, source: "me-2023-report-card.txt")
        let card = try #require(record.reportCard, "\(record.kind) \(record.warnings)")
        #expect(card.extraCredit == [Framework.youth(1.5), Framework.labor(2)])
        #expect(!record.warnings.contains { $0.contains("extra credit") || $0.contains("check failed") }, "\(record.warnings)")
    }

    @Test func listItemRowReadsNameGradeAndScoreAndRefusesOtherLines() {
        let row = ListItemRows.row("Criminal Provisions: A, 15.5 of 17.5")
        #expect(row == ListItemRows.Row(number: nil, name: "Criminal Provisions", grade: "A", score: 15.5, maxScore: 17.5))
        #expect(ListItemRows.row("3. Continuum of Care — 12/15 (B)")?.number == 3)
        #expect(ListItemRows.row("3. Continuum of Care — 12/15 (B)")?.grade == "B")
        // An item whose highlights a conversion ran into it: the row, then the highlights.
        let runOn = ListItemRows.rowAndRest("2. Continuum of Care — B — 12 of 15 - Policy goals accomplished in areas related to MDT responses.")
        #expect(runOn?.row.name == "Continuum of Care")
        #expect(runOn?.row.score == 12)
        #expect(runOn?.rest == "Policy goals accomplished in areas related to MDT responses.")
        // A credit (one number), an overall line, a sentence, a score above its maximum.
        #expect(ListItemRows.row("18+ Youth: +2") == nil)
        #expect(ListItemRows.row("Score: 16 / 17.5") == nil)
        #expect(ListItemRows.row("Overall grade: B (83 points)") == nil)
        #expect(ListItemRows.row("Ohio: the state scored 83 of 100 and earned a B grade.") == nil)
        #expect(ListItemRows.row("Criminal Provisions: A, 17.5 of 15.5") == nil)
    }

    @Test func lookAlikeGradeLettersAreReadAsLatin() throws {
        let text = """
            ## **ALASKA**

            2022 Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            \t1. Criminal Provisions\t\tC\t13 17.5\t\(Framework.criminal.text)
            \t2. Identification of and Response to Victims\t\t\u{0412}\t22.5 27.5\t\(Framework.identification.text)
            \t3. Continuum of Care\t\t\u{0391}\t14 15\t\(Framework.care.text)
            \t4. Access to Justice for Trafficking Survivors\t\t\u{FF26}\t7 15\t\(Framework.justice.text)
            \t5. Tools for a Victim-Centered Criminal Justice Response\t\tD\t6 10\t\(Framework.tools.text)
            \t6. Prevention and Training\t\tF\t5 15\t\(Framework.prevention.text)
            EXTRA CREDIT\t18+)\t18+) Youth\t\t0\t\(Framework.youthText)
            \tCLT\tCLT Child Labor Trafficking\t\t2.5\t\(Framework.laborText)

            **OVERALL GRADE**

            70

            ## **LEARN MORE**
            """
        let record = try record(text, source: "ak-2022-report-card.md")
        expectCard(record, ExpectedCard(
            state: "Alaska", stateCode: "AK", year: 2022,
            issues: [
                issue(1, .c, .stated, 13), issue(2, .b, .stated, 22.5), issue(3, .a, .stated, 14),
                issue(4, .f, .stated, 7), issue(5, .d, .stated, 6), issue(6, .f, .stated, 5),
            ],
            extraCredit: [Framework.youth(0), Framework.labor(2.5)],
            overall: OverallGrade(score: 70, grade: .c, gradeSource: .derived)
        ))
        expectWarnings(record, [
            "issue 2: grade letter U+0412 (Cyrillic) read as B",
            "issue 3: grade letter U+0391 (Greek) read as A",
            "issue 4: grade letter U+FF26 (full-width) read as F",
        ])
    }

    @Test func missingGradeLettersAreDerivedFromTheScore() throws {
        let text = """
            ## **GEORGIA**

            2023 Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            \t1. Criminal Provisions\t\t\t16.5 17.5\t\(Framework.criminal.text)
            \t2. Identification of and Response to Victims\t\tB\t22 27.5\t\(Framework.identification.text)
            \t3. Continuum of Care\t\t\t10.5 15\t\(Framework.care.text)
            \t4. Access to Justice for Trafficking Survivors\t\tD\t9 15\t\(Framework.justice.text)
            \t5. Tools for a Victim-Centered Criminal Justice Response\t\tB\t8 10\t\(Framework.tools.text)
            \t6. Prevention and Training\t\t\t8.5 15\t\(Framework.prevention.text)
            EXTRA CREDIT\t18+)\t18+) Youth\t\t2\t\(Framework.youthText)
            \tCLT\tCLT Child Labor Trafficking\t\t3\t\(Framework.laborText)

            **OVERALL GRADE**

            79.5

            ## **LEARN MORE**
            """
        let record = try record(text, source: "ga-2023-report-card.md")
        expectCard(record, ExpectedCard(
            state: "Georgia", stateCode: "GA", year: 2023,
            issues: [
                // 16.5/17.5 is 94%, 10.5/15 is 70%, 8.5/15 is 57%.
                issue(1, .a, .derived, 16.5), issue(2, .b, .stated, 22), issue(3, .c, .derived, 10.5),
                issue(4, .d, .stated, 9), issue(5, .b, .stated, 8), issue(6, .f, .derived, 8.5),
            ],
            extraCredit: [Framework.youth(2), Framework.labor(3)],
            overall: OverallGrade(score: 79.5, grade: .c, gradeSource: .derived)
        ))
        expectWarnings(record, [
            "issue 1: no legible grade letter; grade derived from score 16.5/17.5",
            "issue 3: no legible grade letter; grade derived from score 10.5/15",
            "issue 6: no legible grade letter; grade derived from score 8.5/15",
        ])
    }

    /// Where the `EXTRA CREDIT` label stands.
    enum CreditLabel: String, CaseIterable {
        case firstCell, ownLine
    }

    @Test(arguments: CreditLabel.allCases)
    func extraCreditRowsWithDoubledLabels(label: CreditLabel) throws {
        let credits = switch label {
        case .firstCell:
            """
            EXTRA CREDIT\t18+)\t18+) Youth\t\t2\t\(Framework.youthText)
            \tCLT\tCLT Child Labor Trafficking\t\t5\t\(Framework.laborText)
            """
        case .ownLine:
            """

            **EXTRA CREDIT**

            18+)\t18+) Youth\t\t2\t\(Framework.youthText)
            CLT\tCLT Child Labor Trafficking\t\t5\t\(Framework.laborText)
            """
        }
        let text = """
            ## **NEVADA**

            2021 Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            \t1. Criminal Provisions\t\tA\t17.5 17.5\t\(Framework.criminal.text)
            \t2. Identification of and Response to Victims\t\tB\t23 27.5\t\(Framework.identification.text)
            \t3. Continuum of Care\t\tC\t11.5 15\t\(Framework.care.text)
            \t4. Access to Justice for Trafficking Survivors\t\tB\t12.5 15\t\(Framework.justice.text)
            \t5. Tools for a Victim-Centered Criminal Justice Response\t\tA\t9.5 10\t\(Framework.tools.text)
            \t6. Prevention and Training\t\tC\t11 15\t\(Framework.prevention.text)
            \(credits)

            **OVERALL GRADE**

            92

            ## **LEARN MORE**
            """
        let record = try record(text, source: "nv-2021-report-card.md")
        expectCard(record, ExpectedCard(
            state: "Nevada", stateCode: "NV", year: 2021,
            issues: [
                issue(1, .a, .stated, 17.5), issue(2, .b, .stated, 23), issue(3, .c, .stated, 11.5),
                issue(4, .b, .stated, 12.5), issue(5, .a, .stated, 9.5), issue(6, .c, .stated, 11),
            ],
            extraCredit: [Framework.youth(2), Framework.labor(5)],
            overall: OverallGrade(score: 92, grade: .a, gradeSource: .derived)
        ))
        #expect(!record.warnings.contains { $0.contains("extra credit") }, "\(record.warnings)")
    }

    /// How the overall score (and maybe a letter) follows its `OVERALL GRADE` heading.
    enum OverallForm: String, CaseIterable {
        case setApart, sameLine, statedLetterSetApart, statedLetterSameLine, statedLetterInCells, statedGreekLetter

        var text: String {
            switch self {
            case .setApart: "**OVERALL GRADE** \n\n\n\n81\n\n## **LEARN MORE**"
            case .sameLine: "**OVERALL GRADE** 81\n\n## **LEARN MORE**"
            case .statedLetterSetApart: "**OVERALL GRADE**\n\nB\n\n81\n\n## **LEARN MORE**"
            case .statedLetterSameLine: "**OVERALL GRADE:** B 81\n\n## **LEARN MORE**"
            case .statedLetterInCells: "OVERALL GRADE\tB\t81\n\n## **LEARN MORE**"
            case .statedGreekLetter: "**OVERALL GRADE**\n\n\u{0392}\n\n81\n\n## **LEARN MORE**"
            }
        }

        var source: GradeSource {
            switch self {
            case .setApart, .sameLine: .derived
            default: .stated
            }
        }
    }

    @Test(arguments: OverallForm.allCases)
    func overallScoreIsFoundApartFromOrBesideItsHeading(form: OverallForm) throws {
        let text = """
            ## **WASHINGTON**

            2022 Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            \t1. Criminal Provisions\t\tA\t16 17.5\t\(Framework.criminal.text)
            \t2. Identification of and Response to Victims\t\tC\t21 27.5\t\(Framework.identification.text)
            \t3. Continuum of Care\t\tB\t12 15\t\(Framework.care.text)
            \t4. Access to Justice for Trafficking Survivors\t\tD\t9 15\t\(Framework.justice.text)
            \t5. Tools for a Victim-Centered Criminal Justice Response\t\tB\t8 10\t\(Framework.tools.text)
            \t6. Prevention and Training\t\tC\t10.5 15\t\(Framework.prevention.text)
            EXTRA CREDIT\t18+)\t18+) Youth\t\t1.5\t\(Framework.youthText)
            \tCLT\tCLT Child Labor Trafficking\t\t3\t\(Framework.laborText)

            \(form.text)

            **TOOLKIT:** To see how Washington compares, visit reportcards.sharedhope.org/toolkit.
            """
        let record = try record(text, source: "wa-2022-report-card.md")
        expectCard(record, ExpectedCard(
            state: "Washington", stateCode: "WA", year: 2022,
            issues: [
                issue(1, .a, .stated, 16), issue(2, .c, .stated, 21), issue(3, .b, .stated, 12),
                issue(4, .d, .stated, 9), issue(5, .b, .stated, 8), issue(6, .c, .stated, 10.5),
            ],
            extraCredit: [Framework.youth(1.5), Framework.labor(3)],
            overall: OverallGrade(score: 81, grade: .b, gradeSource: form.source)
        ))
        if form.source == .derived {
            expectWarnings(record, ["overall: grade derived from score 81"])
        } else if form == .statedGreekLetter {
            expectWarnings(record, ["overall: grade letter U+0392 (Greek) read as B"])
        } else {
            #expect(!record.warnings.contains { $0.contains("overall") }, "\(record.warnings)")
        }
    }
}

// MARK: - Input forms

@Suite("Report cards: input forms")
struct ReportCardInputFormTests {
    /// One Kansas 2023 card in each form a conversion delivers.
    enum InputForm: String, CaseIterable {
        case markdown, text, html

        var source: String {
            switch self {
            case .markdown: "ks-2023-report-card.md"
            case .text: "ks-2023-report-card.txt"
            case .html: "ks-2023-report-card.html"
            }
        }

        var format: DocumentFormat {
            switch self {
            case .markdown: .markdown
            case .text: .text
            case .html: .html
            }
        }

        var document: String {
            switch self {
            case .markdown: ReportCardInputFormTests.markdown
            case .text: ReportCardInputFormTests.text
            case .html: ReportCardInputFormTests.html
            }
        }
    }

    static let markdown = """
        ## **KANSAS**

        2023 Report Card on Child & Youth Sex Trafficking

        Issue\t\t\tGrade\tScore\tHighlights
        \t1. Criminal Provisions\t\tA\t16 17.5\t\(Framework.criminal.text)
        \t2. Identification of and Response to Victims\t\tC\t20 27.5\t\(Framework.identification.text)
        \t3. Continuum of Care\t\tD\t9.5 15\t\(Framework.care.text)
        \t4. Access to Justice for Trafficking Survivors\t\tF\t8 15\t\(Framework.justice.text)
        \t5. Tools for a Victim-Centered Criminal Justice Response\t\tB\t8.5 10\t\(Framework.tools.text)
        \t6. Prevention and Training\t\tC\t11 15\t\(Framework.prevention.text)
        EXTRA CREDIT\t18+)\t18+) Youth\t\t2\t\(Framework.youthText)
        \tCLT\tCLT Child Labor Trafficking\t\t2\t\(Framework.laborText)

        **OVERALL GRADE**

        77

        ## **LEARN MORE**

        **TOOLKIT:** To see how Kansas compares, visit reportcards.sharedhope.org/toolkit.
        """

    /// A plain-text conversion: no tabs, rows wrapped over several lines, the state printed
    /// on the line above the title, no blank line between the table, extra credit and the
    /// closing prose.
    static let text = """
        KANSAS
        2023 Report Card on Child & Youth Sex Trafficking

        Issue Grade Score Highlights
        1. Criminal Provisions A 16 17.5 Policy goals accomplished in areas related to buyer
        and trafficker accountability under state CSEC laws, mistake of age defenses, and financial
        penalties. Gap remains related to business entity liability under the trafficking law.
        2. Identification of and Response to Victims C 20 27.5 Policy goals accomplished in areas
        related to third party control, non-criminalization for prostitution offenses, and child abuse
        definitions. Gaps remain in areas related to screening through the juvenile justice system
        and juvenile court jurisdiction.
        3. Continuum of Care D 9.5 15 Policy goals accomplished in areas related to services through
        a non-punitive system and MDT responses. Gaps remain in areas related to extended foster care
        services and appropriations.
        4. Access to Justice for Trafficking Survivors F 8 15 Policy goal accomplished related to civil
        remedies. Gaps remain in areas related to crime victims' compensation, vacatur, restitution,
        and statutes of limitation.
        5. Tools for a Victim-Centered Criminal Justice Response B 8.5 10 Policy goals accomplished in
        areas related to victim supports and hearsay exceptions. Gap remains related to privileged
        communications.
        6. Prevention and Training C 11 15 Policy goals accomplished in areas related to training for
        child welfare and law enforcement. Gaps remain in areas related to training for prosecutors
        and school personnel as well as prevention education in schools.
        EXTRA CREDIT 18+) 18+) Youth 2 Protections related to civil remedies and privileged
        communications are extended to sex trafficked youth.
        CLT CLT Child Labor Trafficking 2 Protections related to child abuse definitions and services
        through a non-punitive system are extended to child labor trafficking victims.
        OVERALL GRADE
        77

        LEARN MORE
        TOOLKIT: To see how Kansas compares, visit reportcards.sharedhope.org/toolkit.
        A state's grade reflects its laws as of the close of its legislative session.
        """

    /// A web page: navigation and footer around a table with a header row and one row per issue.
    static let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Kansas | 2023 Report Card | Shared Hope International</title></head>
        <body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/report-cards">Report Cards</a></li><li><a href="/toolkit">Toolkit</a></li></ul></nav>
        <main>
        <h1>KANSAS</h1>
        <h2>2023 Report Card on Child &amp; Youth Sex Trafficking</h2>
        <table class="grades">
        <thead><tr><th>Issue</th><th>Grade</th><th>Score</th><th>Highlights</th></tr></thead>
        <tbody>
        <tr><td>1. Criminal Provisions</td><td>A</td><td>16/17.5</td><td>\(Framework.criminal.text)</td></tr>
        <tr><td>2. Identification of and Response to Victims</td><td>C</td><td>20/27.5</td><td>\(Framework.identification.text)</td></tr>
        <tr><td>3. Continuum of Care</td><td>D</td><td>9.5/15</td><td>\(Framework.care.text)</td></tr>
        <tr><td>4. Access to Justice for Trafficking Survivors</td><td>F</td><td>8/15</td><td>Policy goal accomplished related to civil remedies. Gaps remain in areas related to crime victims&#8217; compensation, vacatur, restitution, and statutes of limitation.</td></tr>
        <tr><td>5. Tools for a Victim-Centered Criminal Justice Response</td><td>B</td><td>8.5/10</td><td>\(Framework.tools.text)</td></tr>
        <tr><td>6. Prevention and Training</td><td>C</td><td>11/15</td><td>\(Framework.prevention.text)</td></tr>
        <tr><td>EXTRA CREDIT</td><td>18+</td><td>18+ Youth</td><td>2</td><td>\(Framework.youthText)</td></tr>
        <tr><td></td><td>CLT</td><td>CLT Child Labor Trafficking</td><td>2</td><td>\(Framework.laborText)</td></tr>
        </tbody>
        </table>
        <div class="overall"><h3>OVERALL GRADE</h3><p class="score">77</p></div>
        <p>To see how Kansas compares, visit the <a href="/toolkit">toolkit</a>.</p>
        </main>
        <footer><p>A project of Shared Hope International. Report Card 2023. Page 1 of 1</p></footer>
        </body>
        </html>
        """

    @Test(arguments: InputForm.allCases)
    func everyInputFormGivesTheSameRecord(form: InputForm) throws {
        let record = try record(form.document, source: form.source)
        expectCard(record, ExpectedCard(
            state: "Kansas", stateCode: "KS", year: 2023,
            issues: [
                issue(1, .a, .stated, 16), issue(2, .c, .stated, 20), issue(3, .d, .stated, 9.5),
                issue(4, .f, .stated, 8), issue(5, .b, .stated, 8.5), issue(6, .c, .stated, 11),
            ],
            extraCredit: [Framework.youth(2), Framework.labor(2)],
            overall: OverallGrade(score: 77, grade: .c, gradeSource: .derived)
        ), format: form.format)
        #expect(!record.warnings.contains { $0.contains("stray") || $0.contains("no points") }, "\(record.warnings)")
    }
}

// MARK: - Checks, highlights, grading scales

@Suite("Report cards: checks, highlights and grading scales")
struct ReportCardCheckTests {
    @Test func overallScoreThatIsNotTheSumFailsTheCheckButKeepsEveryRow() throws {
        let text = """
            ## **ARIZONA**

            2021 Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            \t1. Criminal Provisions\t\tA\t16 17.5\t\(Framework.criminal.text)
            \t2. Identification of and Response to Victims\t\tC\t20 27.5\t\(Framework.identification.text)
            \t3. Continuum of Care\t\tB\t12 15\t\(Framework.care.text)
            \t4. Access to Justice for Trafficking Survivors\t\tC\t11 15\t\(Framework.justice.text)
            \t5. Tools for a Victim-Centered Criminal Justice Response\t\tC\t7 10\t\(Framework.tools.text)
            \t6. Prevention and Training\t\tD\t9 15\t\(Framework.prevention.text)
            EXTRA CREDIT\t18+)\t18+) Youth\t\t2\t\(Framework.youthText)
            \tCLT\tCLT Child Labor Trafficking\t\t3\t\(Framework.laborText)

            **OVERALL GRADE**

            83

            ## **LEARN MORE**
            """
        let record = try record(text, source: "az-2021-report-card.md")
        expectCard(record, ExpectedCard(
            state: "Arizona", stateCode: "AZ", year: 2021,
            issues: [
                issue(1, .a, .stated, 16), issue(2, .c, .stated, 20), issue(3, .b, .stated, 12),
                issue(4, .c, .stated, 11), issue(5, .c, .stated, 7), issue(6, .d, .stated, 9),
            ],
            extraCredit: [Framework.youth(2), Framework.labor(3)],
            overall: OverallGrade(score: 83, grade: .b, gradeSource: .derived),
            checks: ReportCardChecks(totalMatchesSum: false, gradesMatchScores: true)
        ))
        expectWarnings(record, ["overall score 83 but issue scores 75 + extra credit 5 = 80"])
    }

    /// A stated grade its score does not earn, on an issue row or overall.
    enum Contradiction: String, CaseIterable {
        case issue, overall
    }

    @Test(arguments: Contradiction.allCases)
    func statedGradeTheScoreDoesNotEarnFailsTheCheck(contradiction: Contradiction) throws {
        let issueTwo = contradiction == .issue ? "B" : "C"
        let overall = contradiction == .overall ? "A" : "C"
        let text = """
            ## **COLORADO**

            2022 Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            \t1. Criminal Provisions\t\tB\t15 17.5\t\(Framework.criminal.text)
            \t2. Identification of and Response to Victims\t\t\(issueTwo)\t20 27.5\t\(Framework.identification.text)
            \t3. Continuum of Care\t\tC\t10.5 15\t\(Framework.care.text)
            \t4. Access to Justice for Trafficking Survivors\t\tF\t8.5 15\t\(Framework.justice.text)
            \t5. Tools for a Victim-Centered Criminal Justice Response\t\tB\t8 10\t\(Framework.tools.text)
            \t6. Prevention and Training\t\tD\t9.5 15\t\(Framework.prevention.text)
            EXTRA CREDIT\t18+)\t18+) Youth\t\t2\t\(Framework.youthText)
            \tCLT\tCLT Child Labor Trafficking\t\t2\t\(Framework.laborText)

            **OVERALL GRADE**

            \(overall)

            75.5

            ## **LEARN MORE**
            """
        let record = try record(text, source: "co-2022-report-card.md")
        expectCard(record, ExpectedCard(
            state: "Colorado", stateCode: "CO", year: 2022,
            issues: [
                issue(1, .b, .stated, 15), issue(2, contradiction == .issue ? .b : .c, .stated, 20),
                issue(3, .c, .stated, 10.5), issue(4, .f, .stated, 8.5), issue(5, .b, .stated, 8),
                issue(6, .d, .stated, 9.5),
            ],
            extraCredit: [Framework.youth(2), Framework.labor(2)],
            overall: OverallGrade(score: 75.5, grade: contradiction == .overall ? .a : .c, gradeSource: .stated),
            checks: ReportCardChecks(totalMatchesSum: true, gradesMatchScores: false)
        ))
        switch contradiction {
        case .issue: expectWarnings(record, ["issue 2 states grade B but 20/27.5 earns C"])
        case .overall: expectWarnings(record, ["overall grade A stated but 75.5/100 earns C"])
        }
    }

    @Test func singularAndPluralHighlightWordings() throws {
        let text = """
            ## **MAINE**

            2023 Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            \t1. Criminal Provisions\t\tB\t14.5 17.5\tPolicy goal accomplished related to buyer accountability under state CSEC laws. Gap remains related to decoy defenses.
            \t2. Identification of and Response to Victims\t\tD\t17 27.5\tPolicy goals accomplished in areas related to third party control and child abuse definitions. Gaps remain in areas related to foreign national victims and non-familial trafficking cases.
            \t3. Continuum of Care\t\tC\t11 15\tGaps remain in areas related to services through the juvenile justice system and appropriations. Policy goal accomplished related to MDT responses.
            \t4. Access to Justice for Trafficking Survivors\t\tF\t4 15\tGaps remain in areas related to civil remedies, vacatur, and restitution.
            \t5. Tools for a Victim-Centered Criminal Justice Response\t\tA\t10 10\tPolicy goals accomplished in areas related to victim supports, hearsay exceptions, and privileged communications.
            \t6. Prevention and Training\t\tC\t11 15\tPolicy goals accomplished in areas related to training for child welfare and law enforcement. Gap remains related to prevention education in schools.
            EXTRA CREDIT\t18+)\t18+) Youth\t\t1\t\(Framework.youthText)
            \tCLT\tCLT Child Labor Trafficking\t\t2.5\t\(Framework.laborText)

            **OVERALL GRADE**

            71

            ## **LEARN MORE**
            """
        let record = try record(text, source: "me-2023-report-card.md")
        expectCard(record, ExpectedCard(
            state: "Maine", stateCode: "ME", year: 2023,
            issues: [
                issue(1, .b, .stated, 14.5, Highlight(
                    text: "", accomplished: "buyer accountability under state CSEC laws", gaps: "decoy defenses"
                )),
                issue(2, .d, .stated, 17, Highlight(
                    text: "", accomplished: "third party control and child abuse definitions",
                    gaps: "foreign national victims and non-familial trafficking cases"
                )),
                issue(3, .c, .stated, 11, Highlight(
                    text: "", accomplished: "MDT responses",
                    gaps: "services through the juvenile justice system and appropriations"
                )),
                issue(4, .f, .stated, 4, Highlight(
                    text: "", accomplished: nil, gaps: "civil remedies, vacatur, and restitution"
                )),
                issue(5, .a, .stated, 10, Highlight(
                    text: "", accomplished: "victim supports, hearsay exceptions, and privileged communications", gaps: nil
                )),
                issue(6, .c, .stated, 11, Highlight(
                    text: "", accomplished: "training for child welfare and law enforcement",
                    gaps: "prevention education in schools"
                )),
            ],
            extraCredit: [Framework.youth(1), Framework.labor(2.5)],
            overall: OverallGrade(score: 71, grade: .c, gradeSource: .derived)
        ))
    }

    /// An Idaho 2022 card whose issue 3 (13/15, 86.7%) and overall grade (77) are derived.
    static let idaho = """
        ## **IDAHO**

        2022 Report Card on Child & Youth Sex Trafficking

        Issue\t\t\tGrade\tScore\tHighlights
        \t1. Criminal Provisions\t\tB\t14 17.5\t\(Framework.criminal.text)
        \t2. Identification of and Response to Victims\t\tD\t17 27.5\t\(Framework.identification.text)
        \t3. Continuum of Care\t\t\t13 15\t\(Framework.care.text)
        \t4. Access to Justice for Trafficking Survivors\t\tC\t10.5 15\t\(Framework.justice.text)
        \t5. Tools for a Victim-Centered Criminal Justice Response\t\tB\t8 10\t\(Framework.tools.text)
        \t6. Prevention and Training\t\tD\t9.5 15\t\(Framework.prevention.text)
        EXTRA CREDIT\t18+)\t18+) Youth\t\t2\t\(Framework.youthText)
        \tCLT\tCLT Child Labor Trafficking\t\t3\t\(Framework.laborText)

        **OVERALL GRADE**

        77

        ## **LEARN MORE**
        """

    /// A `pipeline.yml` and the grades it derives for Idaho's issue 3 and overall score.
    enum ScaleSetting: String, CaseIterable {
        /// No configuration file: the built-in 2021-2023 scale (A 90, B 80, C 70, D 60).
        case builtIn
        /// The same framework and years with a more lenient scale.
        case lenient
        /// The lenient scale listed first for the 2022 card only; the built-in scale after it.
        case yearOnly

        var yaml: String? {
            switch self {
            case .builtIn:
                nil
            case .lenient:
                """
                version: 1
                normalization:
                  grading_scales:
                    - framework: Report Card on Child & Youth Sex Trafficking
                      years: 2021-2023
                      minimums: {A: 85, B: 75, C: 65, D: 55}
                """
            case .yearOnly:
                """
                version: 1
                normalization:
                  grading_scales:
                    - framework: report card on child & youth sex trafficking
                      years: "2022"
                      minimums: {A: 85, B: 75, C: 65, D: 55}
                    - framework: Report Card on Child & Youth Sex Trafficking
                      years: 2021-2023
                      minimums: {A: 90, B: 80, C: 70, D: 60}
                """
            }
        }

        var issueThree: Grade { self == .builtIn ? .b : .a }
        var overall: Grade { self == .builtIn ? .c : .b }
    }

    @Test(arguments: ScaleSetting.allCases)
    func gradingScaleFromConfigurationDecidesDerivedGrades(setting: ScaleSetting) throws {
        let configuration = try setting.yaml.map { try LexpipePipeline.Configuration.parse(yaml: $0, file: "pipeline.yml") }
            ?? LexpipePipeline.Configuration()
        let record = try record(ReportCardCheckTests.idaho, source: "id-2022-report-card.md", configuration: configuration)
        expectCard(record, ExpectedCard(
            state: "Idaho", stateCode: "ID", year: 2022,
            issues: [
                issue(1, .b, .stated, 14), issue(2, .d, .stated, 17), issue(3, setting.issueThree, .derived, 13),
                issue(4, .c, .stated, 10.5), issue(5, .b, .stated, 8), issue(6, .d, .stated, 9.5),
            ],
            extraCredit: [Framework.youth(2), Framework.labor(3)],
            overall: OverallGrade(score: 77, grade: setting.overall, gradeSource: .derived),
        ))
        expectWarnings(record, [
            "issue 3: no legible grade letter; grade derived from score 13/15",
            "overall: grade derived from score 77",
        ])
    }

    @Test(arguments: [
        // The built-in scale covers 2021-2023 only.
        nil,
        // A scale for another framework.
        """
        version: 1
        normalization:
          grading_scales:
            - framework: Protected Innocence Challenge
              years: 2011-2019
              minimums: {A: 90, B: 80, C: 70, D: 60}
        """,
    ] as [String?])
    func cardWithoutAGradingScaleGetsNoDerivedGrade(yaml: String?) throws {
        let configuration = try yaml.map { try LexpipePipeline.Configuration.parse(yaml: $0, file: "pipeline.yml") }
            ?? LexpipePipeline.Configuration()
        let text = """
            ## **UTAH**

            2019 Report Card on Child & Youth Sex Trafficking

            Issue\t\t\tGrade\tScore\tHighlights
            \t1. Criminal Provisions\t\tB\t14 17.5\t\(Framework.criminal.text)
            \t2. Identification of and Response to Victims\t\t\t16 27.5\t\(Framework.identification.text)
            \t3. Continuum of Care\t\tD\t9 15\t\(Framework.care.text)
            \t4. Access to Justice for Trafficking Survivors\t\tF\t6.5 15\t\(Framework.justice.text)
            \t5. Tools for a Victim-Centered Criminal Justice Response\t\tB\t8 10\t\(Framework.tools.text)
            \t6. Prevention and Training\t\tF\t7 15\t\(Framework.prevention.text)
            EXTRA CREDIT\t18+)\t18+) Youth\t\t0\t\(Framework.youthText)
            \tCLT\tCLT Child Labor Trafficking\t\t2\t\(Framework.laborText)

            **OVERALL GRADE**

            62.5

            ## **LEARN MORE**
            """
        let record = try record(text, source: "ut-2019-report-card.md", configuration: configuration)
        expectCard(record, ExpectedCard(
            state: "Utah", stateCode: "UT", year: 2019,
            issues: [
                issue(1, .b, .stated, 14), issue(2, nil, nil, 16), issue(3, .d, .stated, 9),
                issue(4, .f, .stated, 6.5), issue(5, .b, .stated, 8), issue(6, .f, .stated, 7),
            ],
            extraCredit: [Framework.youth(0), Framework.labor(2)],
            overall: OverallGrade(score: 62.5, grade: nil, gradeSource: nil),
            // With no scale no grade could be checked: the check did not run, so it is neither
            // passed nor failed.
            checks: ReportCardChecks(totalMatchesSum: true, gradesMatchScores: nil)
        ))
        expectWarnings(record, [
            "no grading scale in pipeline.yml for \"Report Card on Child & Youth Sex Trafficking\" 2019",
            "issue 2: no legible grade letter and no grading scale",
        ])
        #expect(!record.warnings.contains { $0.contains("grade derived") }, "\(record.warnings)")
    }
}

@Suite("Report card words")
struct ReportCardWordTests {
    /// The byte test of a capitalized word decides as `Character.isUppercase` does, for ASCII
    /// and for a letter with a combining mark, a precomposed one, another script, or none.
    @Test(arguments: [
        "Overall", "overall", "", "A", "z", "1st", "(B)", "Éclair", "E\u{301}clair", "e\u{301}tat", "État", "Ωmega",
        "ωmega", "\u{130}stanbul", "Z\u{308}", "\r\nX", "ǅemal", "ⅫX",
    ])
    func capitalizedWordsAreCharactersThatAreUppercase(word: String) {
        #expect(WordStream.isCapitalized(word[...]) == (word.first?.isUppercase ?? false), "\(word.debugDescription)")
    }

    /// Splitting by bytes gives the words `split(whereSeparator:)` gives, also where a space is
    /// not a `Character` of its own (a combining mark after it, a prepending mark before it).
    @Test(arguments: [
        "Grade В  overall", "Issue 1 — Criminal\tprovisions", "a \u{301}b c", "x\t\u{301}y", "\u{600} 12 of 15",
        "  Сhild  trafficking  ", "👩‍👩‍👧 family \u{1F3FD} x", "e\u{301} \u{308}", "\t\t", "", "one",
    ])
    func wordsSplitAsCharactersSplit(text: String) {
        for atTabs in [false, true] {
            let expected = text[...].split(whereSeparator: { $0 == " " || atTabs && $0 == "\t" })
            let words = WordStream.split(text[...], atTabs: atTabs)
            #expect(words == expected, "\(text.debugDescription), at tabs: \(atTabs)")
        }
        // Inside a longer text, from an offset that is not its start.
        let framed = "Prefix: " + text + " :suffix"
        let slice = framed[framed.index(framed.startIndex, offsetBy: 8)...]
        #expect(WordStream.split(slice, atTabs: true) == slice.split(whereSeparator: { $0 == " " || $0 == "\t" }))
    }
}

@Suite("Report cards: wrapped issue names")
struct WrappedIssueNameTests {
    /// A name wrapped below its grade and score goes on with the name, not the highlights; a
    /// label before the highlights does not.
    @Test func aNameWrappedBelowItsScoreIsTheName() throws {
        let text = """
            NEW MEXICO

            2023 Report Card on Child & Youth Sex Trafficking

            1. Criminal Provisions  B  14.5/17.5
            Policy goals accomplished in areas related to buyer accountability. Gaps remain in areas related to decoy defenses.

            2. Identification of and Response to  D  19/27.5
            Victims
            Policy goals accomplished in areas related to child abuse definitions. Gaps remain in areas related to screening.

            3. Continuum of Care  C  11/15
            Highlights: Policy goals accomplished in areas related to MDT responses. Gaps remain in areas related to appropriations.
            """
        let record = try extractRecord(text: text, source: "nm-2023.txt")
        let issues = try #require(record.reportCard?.issues)
        #expect(issues.map(\.name) == ["Criminal Provisions", "Identification of and Response to Victims", "Continuum of Care"])
        #expect(issues.map(\.accomplished) == ["buyer accountability", "child abuse definitions", "MDT responses"])
    }
}
