public import LexpipeRecord

/// A framework's grading scale for a range of years: the lowest percentage that earns each
/// letter; below the lowest, `F`.
public struct GradingScale: Sendable, Equatable {
    /// The framework title it applies to (case-insensitive); `nil` for any framework.
    public var framework: String?
    /// First year it applies to; `nil` for no lower bound.
    public var fromYear: Int?
    /// Last year it applies to; `nil` for no upper bound.
    public var toYear: Int?
    /// Minimum percentages, e.g. `A: 90, B: 80, C: 70, D: 60`.
    public var minimums: [Grade: Double]
    /// The points the overall score is graded out of, when the framework grades it by points
    /// rather than by its share of the points possible (the Protected Innocence Challenge: 90
    /// points earn an A though its areas add up to 102.5); `nil`: out of the issues' maxima
    /// summed.
    public var overallOutOf: Double?

    public init(framework: String?, fromYear: Int?, toYear: Int?, minimums: [Grade: Double], overallOutOf: Double? = nil) {
        self.framework = framework
        self.fromYear = fromYear
        self.toYear = toYear
        self.minimums = minimums
        self.overallOutOf = overallOutOf
    }

    /// The 2021-2023 scale of the Report Card on Child & Youth Sex Trafficking.
    public static let reportCard2021 = GradingScale(
        framework: "Report Card on Child & Youth Sex Trafficking", fromYear: 2021, toYear: 2023,
        minimums: [.a: 90, .b: 80, .c: 70, .d: 60]
    )

    /// The 2011-2019 scale of the Protected Innocence Challenge as this project reads it: the
    /// final score in points, A from 90, B from 80, C from 70, D from 60, out of 100 whatever
    /// the areas add up to; an area's grade by the same percentages of its own points.
    /// Shared Hope's methodology was not at hand to confirm it: `pipeline.yml` can set another.
    public static let protectedInnocence = GradingScale(
        framework: "Protected Innocence Challenge", fromYear: 2011, toYear: 2019,
        minimums: [.a: 90, .b: 80, .c: 70, .d: 60], overallOutOf: 100
    )

    /// The scales used when the configuration names none.
    public static let builtIn: [GradingScale] = [.reportCard2021, .protectedInnocence]

    /// The grade a score earns out of a maximum.
    public func grade(score: Double, outOf maximum: Double) -> Grade {
        guard maximum > 0 else { return .f }
        let percent = score / maximum * 100
        // A tolerance keeps 80% of 10 from falling to 79.999...% through floating point.
        for grade in [Grade.a, .b, .c, .d] {
            if let minimum = minimums[grade], percent + 1e-9 >= minimum { return grade }
        }
        return .f
    }

    /// Whether the scale applies to a framework and year.
    public func applies(to framework: String, year: Int?) -> Bool {
        if let own = self.framework, own.lowercased() != framework.lowercased() { return false }
        if let year {
            if let fromYear, year < fromYear { return false }
            if let toYear, year > toYear { return false }
        } else if fromYear != nil || toYear != nil {
            return false
        }
        return true
    }
}
