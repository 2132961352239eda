/// A letter grade on a report card.
public enum Grade: String, Sendable, Codable, CaseIterable, Comparable {
    case a = "A", b = "B", c = "C", d = "D", f = "F"

    public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue > rhs.rawValue }
}

/// Whether a grade was printed on the card or computed from its score.
public enum GradeSource: String, Sendable, Codable {
    case stated
    case derived
}

/// A state's report card for one year under one grading framework.
public struct ReportCard: Sendable, Equatable, Codable {
    /// The grading framework's name, as in the record's `title`.
    public var framework: String
    /// One per numbered issue row, in number order.
    public var issues: [GradeRow]
    public var extraCredit: [ExtraCredit]
    public var overall: OverallGrade
    public var checks: ReportCardChecks

    public init(
        framework: String, issues: [GradeRow], extraCredit: [ExtraCredit], overall: OverallGrade,
        checks: ReportCardChecks
    ) {
        self.framework = framework
        self.issues = issues
        self.extraCredit = extraCredit
        self.overall = overall
        self.checks = checks
    }

    enum CodingKeys: String, CodingKey {
        case framework, issues
        case extraCredit = "extra_credit"
        case overall, checks
    }
}

/// One numbered issue row of a report card.
public struct GradeRow: Sendable, Equatable, Codable {
    public var number: Int
    /// The issue name without its number.
    public var name: String
    /// The letter, stated or derived; `nil` only when neither a letter nor a score is legible.
    public var grade: Grade?
    public var gradeSource: GradeSource?
    /// Points earned; `nil` when the card shows none.
    public var score: Double?
    /// Points possible; `nil` when the card shows none.
    public var maxScore: Double?
    /// What follows "Policy goal(s) accomplished ... related to", final period dropped.
    public var accomplished: String?
    /// What follows "Gap(s) remain(s) ... related to", final period dropped.
    public var gaps: String?

    public init(
        number: Int, name: String, grade: Grade?, gradeSource: GradeSource?, score: Double?,
        maxScore: Double?, accomplished: String?, gaps: String?
    ) {
        self.number = number
        self.name = name
        self.grade = grade
        self.gradeSource = gradeSource
        self.score = score
        self.maxScore = maxScore
        self.accomplished = accomplished
        self.gaps = gaps
    }

    enum CodingKeys: String, CodingKey {
        case number, name, grade
        case gradeSource = "grade_source"
        case score
        case maxScore = "max_score"
        case accomplished, gaps
    }
}

/// One extra-credit row of a report card.
public struct ExtraCredit: Sendable, Equatable, Codable {
    /// The short label (`18+`, `CLT`).
    public var code: String
    /// The label's long form.
    public var name: String
    /// Points earned; `nil` when the row shows none.
    public var points: Double?
    public var description: String?

    public init(code: String, name: String, points: Double?, description: String?) {
        self.code = code
        self.name = name
        self.points = points
        self.description = description
    }
}

/// A report card's overall score and grade.
public struct OverallGrade: Sendable, Equatable, Codable {
    public var score: Double?
    public var grade: Grade?
    public var gradeSource: GradeSource?

    public init(score: Double?, grade: Grade?, gradeSource: GradeSource?) {
        self.score = score
        self.grade = grade
        self.gradeSource = gradeSource
    }

    enum CodingKeys: String, CodingKey {
        case score, grade
        case gradeSource = "grade_source"
    }
}

/// Arithmetic checks of a report card against itself. Each is `nil` when it could not run (no
/// grading scale for the card's framework and year), never `true` by default.
public struct ReportCardChecks: Sendable, Equatable, Codable {
    /// The overall score equals the issue scores plus extra credit.
    public var totalMatchesSum: Bool?
    /// Every stated grade is the grade its score earns.
    public var gradesMatchScores: Bool?

    public init(totalMatchesSum: Bool?, gradesMatchScores: Bool?) {
        self.totalMatchesSum = totalMatchesSum
        self.gradesMatchScores = gradesMatchScores
    }

    enum CodingKeys: String, CodingKey {
        case totalMatchesSum = "total_matches_sum"
        case gradesMatchScores = "grades_match_scores"
    }
}
