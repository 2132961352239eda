import LexpipeExtraction
import LexpipeRecord

/// Repairs, derives and checks a report card's grades under the framework's grading scale.
struct ReportCardNormalizer {
    var scales: [GradingScale]

    func normalize(_ card: ExtractedReportCard, year: Int?, warnings: inout [Diagnostic]) -> ReportCard {
        let scale = scales.first { $0.applies(to: card.framework, year: year) }
        if scale == nil {
            warnings.append(Diagnostic(
                .noGradingScale, .document,
                "no grading scale in pipeline.yml for \"\(card.framework)\" \(year.map(String.init) ?? "(no year)"); grades are not derived or checked"
            ))
        }
        // `nil` until a stated grade has been compared with the grade its score earns.
        var gradesMatch: Bool?
        let issues = card.issues.map { row -> GradeRow in
            var grade: Grade?
            var source: GradeSource?
            if let text = row.gradeText, let reading = GradeLetter.read(text), let letter = Grade(rawValue: String(reading.letter)) {
                grade = letter
                source = .stated
                if let repair = homoglyphRepair(reading) { warnings.append(Diagnostic(.homoglyph, .issue(row.number), repair)) }
                if let scale, let score = row.score, let maximum = row.maxScore {
                    let earned = scale.grade(score: score, outOf: maximum)
                    gradesMatch = (gradesMatch ?? true) && earned == letter
                    if earned != letter {
                        warnings.append(Diagnostic(
                            .checkFailed, .document,
                            "check failed: issue \(row.number) states grade \(letter.rawValue) but \(format(score))/\(format(maximum)) earns \(earned.rawValue)"
                        ))
                    }
                }
            } else if let scale, let score = row.score, let maximum = row.maxScore {
                grade = scale.grade(score: score, outOf: maximum)
                source = .derived
                warnings.append(Diagnostic(
                    .gradeDerived, .issue(row.number),
                    "no legible grade letter; grade derived from score \(format(score))/\(format(maximum))"
                ))
            } else if row.score != nil, row.maxScore != nil {
                warnings.append(Diagnostic(.gradeDerived, .issue(row.number), "no legible grade letter and no grading scale to derive one from"))
            } else {
                warnings.append(Diagnostic(
                    .gradeDerived, .issue(row.number), "no legible grade letter and no score and maximum to derive one from"
                ))
            }
            let name = LatinLookAlikes.repaired(row.name)
            for scalar in name.replaced {
                warnings.append(Diagnostic(.homoglyph, .issue(row.number), "name letter \(Self.codePoint(scalar)) read as Latin"))
            }
            return GradeRow(
                number: row.number, name: name.text, grade: grade, gradeSource: source, score: row.score,
                maxScore: row.maxScore, accomplished: row.accomplished, gaps: row.gaps
            )
        }
        let credits = card.extraCredit.map {
            ExtraCredit(code: $0.code, name: $0.name, points: $0.points, description: $0.description)
        }

        let issueTotal = issues.compactMap(\.score).reduce(0, +)
        let creditTotal = credits.compactMap(\.points).reduce(0, +)
        // The points possible, known only when every issue shows its maximum.
        let possible: Double? = issues.allSatisfy { $0.maxScore != nil } && !issues.isEmpty
            ? issues.compactMap(\.maxScore).reduce(0, +) : nil
        var overall = OverallGrade(score: card.overallScore, grade: nil, gradeSource: nil)
        if let text = card.overallGradeText, let reading = GradeLetter.read(text) {
            overall.grade = Grade(rawValue: String(reading.letter))
            overall.gradeSource = .stated
            if let repair = homoglyphRepair(reading) { warnings.append(Diagnostic(.homoglyph, .overall, repair)) }
            if let scale, let score = card.overallScore, let stated = overall.grade, let outOf = scale.overallOutOf ?? possible {
                let earned = scale.grade(score: score, outOf: outOf)
                gradesMatch = (gradesMatch ?? true) && earned == stated
                if earned != stated {
                    warnings.append(Diagnostic(
                        .checkFailed, .document,
                        "check failed: overall grade \(stated.rawValue) stated but \(format(score))/\(format(outOf)) earns \(earned.rawValue)"
                    ))
                }
            }
        } else if let scale, let score = card.overallScore {
            // Out of the scale's own total, else out of the points possible.
            if let outOf = scale.overallOutOf ?? possible, outOf > 0 {
                overall.grade = scale.grade(score: score, outOf: outOf)
                overall.gradeSource = .derived
                warnings.append(Diagnostic(.gradeDerived, .overall, "grade derived from score \(format(score))"))
            } else {
                warnings.append(Diagnostic(.gradeDerived, .overall, "no grade derived; the issues' maximum scores are not all known"))
            }
        }

        // The sum is checked only when every score it adds is known; else it could not run.
        var sumMatches: Bool?
        if let stated = card.overallScore, issues.allSatisfy({ $0.score != nil }), credits.allSatisfy({ $0.points != nil }) {
            sumMatches = abs(stated - (issueTotal + creditTotal)) < 0.005
            if sumMatches == false {
                warnings.append(Diagnostic(
                    .checkFailed, .document,
                    "check failed: overall score \(format(stated)) but issue scores \(format(issueTotal)) + extra credit \(format(creditTotal)) = \(format(issueTotal + creditTotal))"
                ))
            }
        } else if card.overallScore == nil {
            warnings.append(Diagnostic(
                .checkNotRun, .document,
                "check not run: no overall score to compare with issue scores \(format(issueTotal)) + extra credit \(format(creditTotal))"
            ))
        } else {
            warnings.append(Diagnostic(
                .checkNotRun, .document,
                "check not run: not every issue score and extra-credit point is known, so the overall score cannot be compared with their sum"
            ))
        }
        if gradesMatch == nil, scale != nil {
            warnings.append(Diagnostic(.checkNotRun, .document, "check not run: no stated grade with a score to compare it with"))
        }
        return ReportCard(
            framework: card.framework, issues: issues, extraCredit: credits, overall: overall,
            checks: ReportCardChecks(totalMatchesSum: sumMatches, gradesMatchScores: gradesMatch)
        )
    }

    /// The repair a look-alike letter needed (`grade letter U+0412 (Cyrillic) read as B`), or
    /// `nil` for a Latin letter.
    private func homoglyphRepair(_ reading: GradeLetter.Reading) -> String? {
        guard let homoglyph = reading.homoglyph else { return nil }
        return "grade letter \(Self.codePoint(homoglyph)) (\(reading.script ?? "non-Latin")) read as \(reading.letter)"
    }

    /// `U+0412`.
    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
    }

    private func format(_ value: Double) -> String {
        JSONValue.format(value)
    }
}
