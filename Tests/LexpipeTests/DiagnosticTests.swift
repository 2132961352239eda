import Foundation
import LexpipeRecord
import Testing

@Suite("Warnings as data")
struct DiagnosticTests {
    /// One diagnostic of every code, as the stages write them, at every kind of location.
    static let examples: [Diagnostic] = [
        Diagnostic(.encoding, .document, "not valid UTF-8 (first invalid byte at offset 8); decoded as Windows-1252"),
        Diagnostic(.encoding, .document, "decoded as UTF-16 (byte-order mark)"),
        Diagnostic(.truncated, .document, "truncated: 10000 citations kept, the rest dropped"),
        Diagnostic(.pageFurniture, .document, "dropped 7 line(s) of page header, footer or page number"),
        Diagnostic(.unknownKind, .document, "neither a statute summary nor a report card: only title, state and date extracted"),
        Diagnostic(.header, .document, "no report card title found"),
        Diagnostic(.sectionStructure, .document, "2 block(s) before the first section heading left out"),
        Diagnostic(.sectionStructure, .document, "no section headings found"),
        Diagnostic(.citationText, .section(3), "citation text \"as amended\": not a citation"),
        Diagnostic(.fragmentDropped, .issue(1), "stray fragment \"9\" dropped"),
        Diagnostic(.fragmentDropped, .issue(1), "duplicated fragment \"1. Crim\" dropped"),
        Diagnostic(.lostLigatures, .document, "lost ligatures: 12 word(s) given back (\"Denitions\" as \"Definitions\")"),
        Diagnostic(.cardIncomplete, .issues(2...4), "no row found"),
        Diagnostic(.cardIncomplete, .extraCredit("18+ Youth: a \"quoted\" label"), "no points found"),
        Diagnostic(.cardIncomplete, .overall, "no score found after OVERALL GRADE"),
        Diagnostic(.cardIncomplete, .document, "no OVERALL GRADE found"),
        Diagnostic(.date, .document, "date \"sometime\" not understood"),
        Diagnostic(.unknownCodeName, .citation(section: 2, index: 7, raw: "Youth \"Court\" Rules: § 12"), "code name \"Youth Court Rules\" is not in the code-name table for MS; kept as written"),
        Diagnostic(.cardIncomplete, .extraCredit("CLT \", \"citations\": [ { \"raw\": \"Ann. Code"), "no points found"),
        // A text as written holding `": ` itself (a citation line of JSON).
        Diagnostic(.unknownCodeName, .citation(section: 1, index: 3, raw: "\"citations\": [ { \"raw\": \"Ann. Code § 43-21-105"),
            "code name \"\"citations\": [ { \"raw\": \"Ann. Code\" is not federal and the document names no state; kept as written, jurisdiction null"),
        Diagnostic(.unknownCodeName, .reference(section: 1, index: 1, raw: "§ 7"), "no code name before the section; kept without one"),
        Diagnostic(.noState, .document, "no state found in the document: citations that are not federal law have no jurisdiction"),
        Diagnostic(.homoglyph, .issue(5), "grade letter U+0412 (Cyrillic) read as B"),
        Diagnostic(.gradeDerived, .issue(1), "no legible grade letter; grade derived from score 16/17.5"),
        Diagnostic(.gradeDerived, .overall, "grade derived from score 68"),
        Diagnostic(.noGradingScale, .document, "no grading scale in pipeline.yml for \"X\" 2019; grades are not derived or checked"),
        Diagnostic(.checkFailed, .document, "check failed: overall score 70 but issue scores 60 + extra credit 7 = 67"),
        Diagnostic(.checkNotRun, .document, "check not run: no overall score to compare with issue scores 60 + extra credit 7 = 67"),
        Diagnostic(.other, .document, "something no code describes"),
    ]

    @Test(arguments: examples)
    func renderedWarningsReadBackAsTheSameValue(_ diagnostic: Diagnostic) {
        #expect(Diagnostic(rendered: diagnostic.text) == diagnostic, "\(diagnostic.text)")
    }

    @Test func everyCodeHasAnExampleAndAStage() {
        #expect(Set(DiagnosticCode.all) == Set(DiagnosticTests.examples.map(\.code)))
        #expect(DiagnosticCode(rawValue: "grade_derived") == .gradeDerived)
        #expect(DiagnosticCode(rawValue: "nonsense") == nil)
        #expect(DiagnosticCode.homoglyph.stage == .normalization && DiagnosticCode.pageFurniture.stage == .markup)
    }

    @Test func theGoldWarningsCarryTheirCodesAndLocations() throws {
        let card = try DocumentRecord(json: Array(try Data(contentsOf: Package.gold("ms-2021-report-card.json"))))
        #expect(card.diagnostics.map(\.code) == [.gradeDerived, .homoglyph, .gradeDerived])
        #expect(card.diagnostics.map(\.location) == [.issue(1), .issue(5), .overall])
    }
}
