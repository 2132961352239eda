@testable import LexpipeExtraction
import LexpipeMarkup
import Testing

@Suite("Card sections run into a paragraph")
struct CardSectionTests {
    /// A paragraph is cut where a section heading starts a capitalized word after its first,
    /// and each piece knows the section it opens; a heading's words in running text, in lower
    /// case or behind a parenthesis, cut nothing.
    @Test(arguments: [
        ("4. Tools B 10/15 Overall Grade C 72", ["4. Tools B 10/15", "Overall Grade C 72"], [false, true]),
        ("EXTRA CREDIT 18+ Youth 2 FINAL SCORE 81", ["EXTRA CREDIT 18+ Youth 2", "FINAL SCORE 81"], [false, true]),
        ("Vacatur – victims’ records Total Score: 68", ["Vacatur – victims’ records", "Total Score: 68"], [false, true]),
        ("the overall grade is final", ["the overall grade is final"], [false]),
        ("Grades (Overall Grade) are final. Finally, extra credit", ["Grades (Overall Grade) are final. Finally, extra credit"], [false]),
        ("Overall Grade C", ["Overall Grade C"], [true]),
    ])
    func aParagraphIsCutAtEachSectionHeading(text: String, pieces: [String], overall: [Bool]) {
        let (blocks, openings) = TableSection.separate([Block(.paragraph, text)])
        #expect(blocks.map(\.text) == pieces)
        #expect(openings.map { $0.contains(.overall) } == overall)
        #expect(zip(blocks, openings).allSatisfy { block, opening in opening == TableSection.Openings(block) })
    }
}
