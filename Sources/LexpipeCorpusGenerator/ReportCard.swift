/// How a grade letter reaches the page.
enum GradeForm {
    case latin
    /// A look-alike from another script (`В` for `B`).
    case lookAlike(String)
    /// No letter at all: the extractor derives it from the score.
    case missing
}

/// One numbered issue row of a card, with the conversion noise it carries.
struct CardIssue {
    var number: Int
    var name: String
    var scoreHalves: Int
    var maxHalves: Int
    var highlight: String
    var gradeForm: GradeForm
    /// A fragment that stands in the first column before the row (`<b>9</b>`, `(F)`).
    var stray: String?
    /// A cut copy of the name and whether it stands before the full name.
    var duplicate: (cut: String, before: Bool)?
    /// The score wrapped in `<b>` or `<u>`.
    var scoreTag: String?

    var grade: String { CardIssue.letter(scoreHalves, of: maxHalves) }

    /// The letter a score earns on the A 90 / B 80 / C 70 / D 60 scale.
    static func letter(_ halves: Int, of maximum: Int) -> String {
        let percent = halves * 100
        if percent >= 90 * maximum { return "A" }
        if percent >= 80 * maximum { return "B" }
        if percent >= 70 * maximum { return "C" }
        if percent >= 60 * maximum { return "D" }
        return "F"
    }

    /// The letter as printed.
    var printedGrade: String {
        switch gradeForm {
        case .latin: grade
        case let .lookAlike(letter): letter
        case .missing: ""
        }
    }
}

/// An extra-credit row.
struct CardCredit {
    var code: String
    var name: String
    var halves: Int
    var description: String
}

/// How the score and maximum share the score cell.
enum ScoreForm {
    /// `16 17.5` in one cell.
    case runTogether
    /// `16` and `17.5` in cells of their own.
    case separateCells
    /// `16/17.5`.
    case slash
}

/// How the overall score follows its heading.
enum OverallForm {
    case setApart, sameLine, letterSetApart, letterSameLine
}

/// The framework a card grades a state under.
enum CardFramework {
    /// The Report Card on Child & Youth Sex Trafficking (2021 on): six issues, each with its
    /// grade and highlights, extra credit, an overall grade out of 100.
    case reportCard
    /// The Protected Innocence Challenge (2011-2019): six areas of law adding up to 102.5
    /// points, a score but no grade or highlights per area, no extra credit, a final grade
    /// by points.
    case protectedInnocence

    /// The framework a card for `year` is drawn under: the Challenge graded states until 2019.
    static func of(year: Int) -> CardFramework {
        year <= 2019 ? .protectedInnocence : .reportCard
    }

    /// Its name, as the record's `framework` and `title` hold it.
    var name: String {
        self == .reportCard ? Vocabulary.cardFramework : Vocabulary.challengeFramework
    }

    var issueNames: [String] {
        self == .reportCard ? Vocabulary.issueNames : Vocabulary.challengeAreaNames
    }

    var issueMaxHalves: [Int] {
        self == .reportCard ? Vocabulary.issueMaxHalves : Vocabulary.challengeAreaMaxHalves
    }

    /// Whether each issue row prints its grade letter and highlights.
    var printsIssueDetails: Bool { self == .reportCard }

    /// The label of the overall grade.
    var overallLabel: String { self == .reportCard ? "OVERALL GRADE" : "FINAL GRADE" }

    /// The card's title line for `year`.
    func title(_ year: Int) -> String {
        self == .reportCard ? "\(year) \(name)" : "\(name) \(year) Report Card"
    }

    /// The years the built-in grading scale covers: a letter the card leaves out is derived
    /// only then.
    var scaledYears: ClosedRange<Int> { self == .reportCard ? 2021...2023 : 2011...2019 }
}

/// A report card's content, independent of its format.
struct ReportCard {
    var jurisdiction: GeneratedJurisdiction
    var year: Int
    var issues: [CardIssue]
    var credits: [CardCredit]
    var scoreForm: ScoreForm
    var overallForm: OverallForm
    /// `18+)` then `18+) Youth`, as the conversion doubles the label.
    var doubledLabels: Bool
    /// `EXTRA CREDIT` on a line of its own rather than in the first cell.
    var creditHeadingApart: Bool
    var typography: Typography
    var framework: CardFramework = .reportCard

    var totalHalves: Int { issues.reduce(0) { $0 + $1.scoreHalves } + credits.reduce(0) { $0 + $1.halves } }
    var overallGrade: String { CardIssue.letter(totalHalves, of: 200) }
    var upperName: String { jurisdiction.name.uppercased() }
    var title: String { framework.title(year) }

    static func generate(
        jurisdiction: GeneratedJurisdiction, year: Int, framework: CardFramework = .reportCard, rng: inout SplitMix64
    ) -> ReportCard {
        let typography = Typography.random(&rng)
        let strength = rng.int(25...98)
        var issues: [CardIssue] = []
        for (offset, name) in framework.issueNames.enumerated() {
            let maximum = framework.issueMaxHalves[offset]
            let percent = min(100, max(0, strength + rng.int(-25...25)))
            let halves = maximum * percent / 100
            var issue = CardIssue(
                number: offset + 1, name: name, scoreHalves: halves, maxHalves: maximum,
                highlight: framework.printsIssueDetails
                    ? highlight(offset, halves: halves, of: maximum, typography: typography, rng: &rng) : "",
                gradeForm: .latin
            )
            let roll = rng.below(100)
            if roll < 5 {
                issue.gradeForm = .missing
            } else if roll < 11, let lookAlike = ReportCard.lookAlikes(issue.grade, &rng) {
                issue.gradeForm = .lookAlike(lookAlike)
            }
            if rng.chance(0.08) { issue.stray = rng.pick(ReportCard.strays) }
            if rng.chance(0.08) {
                let words = name.split(separator: " ")
                let cut: String
                if words.count > 2, rng.chance(0.4) {
                    cut = words.prefix(rng.int(1...(words.count - 1))).joined(separator: " ")
                } else {
                    cut = String(words[0].prefix(rng.int(3...max(3, words[0].count - 1))))
                }
                issue.duplicate = (cut, rng.chance(0.8))
            }
            if rng.chance(0.08) { issue.scoreTag = rng.pick(["b", "u"]) }
            issues.append(issue)
        }
        let issueTotal = issues.reduce(0) { $0 + $1.scoreHalves }
        var youth = rng.int(0...5)
        var labor = rng.int(0...10)
        while issueTotal + youth + labor > 200 {
            if labor > 0 { labor -= 1 } else { youth -= 1 }
        }
        let credits = framework == .protectedInnocence ? [] : [
            CardCredit(code: "18+", name: "Youth", halves: youth, description: creditText(
                youth, "sex trafficked youth", typography: typography, rng: &rng
            )),
            CardCredit(code: "CLT", name: "Child Labor Trafficking", halves: labor, description: creditText(
                labor, "child labor trafficking victims", typography: typography, rng: &rng
            )),
        ]
        let scoreForm: ScoreForm = switch rng.weighted([70, 15, 15]) {
        case 0: .runTogether
        case 1: .separateCells
        default: .slash
        }
        let overallForm: OverallForm = switch rng.weighted([50, 20, 15, 15]) {
        case 0: .setApart
        case 1: .sameLine
        case 2: .letterSetApart
        default: .letterSameLine
        }
        return ReportCard(
            jurisdiction: jurisdiction, year: year, issues: issues, credits: credits, scoreForm: scoreForm,
            overallForm: overallForm, doubledLabels: rng.chance(0.7), creditHeadingApart: rng.chance(0.15),
            typography: typography, framework: framework
        )
    }

    /// Fragments a conversion strands in the first column: no row number, no end period.
    static let strays = ["<b>9</b>", "(F)", "<u> </u>", "19 <u>1</u>", "<b>4</b>", "(D)", "<u>2</u>", "7", "<b> </b>"]

    /// A look-alike of `letter` from another script, or `nil` when none is used for it.
    static func lookAlikes(_ letter: String, _ rng: inout SplitMix64) -> String? {
        switch letter {
        case "B": rng.chance(0.8) ? "\u{0412}" : "\u{0392}"
        case "A": rng.chance(0.5) ? "\u{0391}" : "\u{0410}"
        case "F": "\u{FF26}"
        case "C": "\u{0421}"
        default: nil
        }
    }

    /// "Policy goals accomplished in areas related to ... Gaps remain in areas related to ...",
    /// the share of areas accomplished following the score.
    static func highlight(_ issue: Int, halves: Int, of maximum: Int, typography: Typography, rng: inout SplitMix64) -> String {
        let areas = rng.sample(Vocabulary.policyAreas[issue], count: rng.int(2...min(6, Vocabulary.policyAreas[issue].count)))
            .map(typography.apostrophes)
        var done = (areas.count * halves + maximum / 2) / maximum
        if halves == maximum { done = areas.count }
        if halves < maximum, done == areas.count { done -= 1 }
        if halves > 0, done == 0 { done = 1 }
        let accomplished = Array(areas.prefix(done))
        let gaps = Array(areas.dropFirst(done))
        var sentences: [String] = []
        if !accomplished.isEmpty {
            sentences.append(accomplished.count == 1
                ? "Policy goal accomplished related to \(accomplished[0])."
                : "Policy goals accomplished in areas related to \(list(accomplished)).")
        }
        if !gaps.isEmpty {
            sentences.append(gaps.count == 1
                ? "Gap remains related to \(gaps[0])."
                : "Gaps remain in areas related to \(list(gaps)).")
        }
        if sentences.count == 2, rng.chance(0.1) { sentences.reverse() }
        return sentences.joined(separator: rng.chance(0.15) ? "  " : " ")
    }

    static func creditText(_ halves: Int, _ who: String, typography: Typography, rng: inout SplitMix64) -> String {
        guard halves > 0 else { return "Protections are not yet extended to \(who)." }
        let items = rng.sample(Vocabulary.protections, count: rng.int(1...4)).map(typography.apostrophes)
        return "Protections related to \(list(items)) are extended to \(who)."
    }

    /// `a`, `a and b`, `a, b, and c`.
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        case 2: "\(items[0]) and \(items[1])"
        default: items.dropLast().joined(separator: ", ") + ", and " + items[items.count - 1]
        }
    }

    /// Half points as printed: `16`, `17.5`.
    static func points(_ halves: Int) -> String {
        halves % 2 == 0 ? String(halves / 2) : "\(halves / 2).5"
    }
}
