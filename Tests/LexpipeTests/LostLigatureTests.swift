@testable import LexpipeExtraction
import LexpipeRecord
import Testing

/// Words whose ligatures a PDF-to-text conversion lost, given back.
@Suite("Lost ligatures")
struct LostLigatureTests {
    /// A summary converted from a PDF whose font's `fi`, `fl` and `ff` glyphs were lost, or left
    /// as spaces.
    static func summary(_ dropped: Bool) -> String {
        let (definitions, officer, conflict, affidavit, specific) = dropped
            ? ("Denitions", "ofcer", "conict", "afdavit", "specic")
            : ("De nitions", "of cer", "con ict", "af davit", "speci c")
        return """
            Responding to Child Victims of Human \(dropped ? "Trafcking" : "Traf cking") - Mississippi

            Date: May 2022

            \(definitions)

            Citation: Ann. Code § 43-21-105

            A law enforcement \(officer) who has a \(conflict) of interest shall le an \(affidavit) with the court.

            Services

            No training \(specific) to human \(dropped ? "trafcking" : "traf cking") is described in the statutes and regulations reviewed.
            """
    }

    @Test(arguments: [true, false])
    func summaryReadsWithItsWordsGivenBack(_ dropped: Bool) throws {
        let record = try extractRecord(text: LostLigatureTests.summary(dropped), source: "ms.txt")
        #expect(record.kind == .statuteSummary)
        #expect(record.stateCode == "MS")
        #expect(record.title == "Responding to Child Victims of Human Trafficking")
        #expect(record.sections.map(\.heading) == ["Definitions", "Services"])
        #expect(record.sections.first?.text == "A law enforcement officer who has a conflict of interest shall file an affidavit with the court.")
        #expect(record.sections.last?.provision == false)
        #expect(record.sections.last?.text.contains("No training specific to") == true)
        #expect(record.diagnostics.contains { $0.code == .lostLigatures })
    }

    /// A lost reading that is a word itself (`at` for `flat`, `in ate` for `inflate`) stays as
    /// written; a word outside the project's own wording comes back from the English list.
    @Test func onlyReadingsThatAreNoWordsAreRepaired() {
        let repaired = LostLigatures.repair("The at fee and the conagration, in ate and De nitions.")
        #expect(repaired.text == "The at fee and the conflagration, in ate and Definitions.")
        #expect(repaired.repaired.map(\.lost) == ["conagration", "De nitions"])
    }

    /// The generated tables are read in place by binary search: each listed reading of ASCII
    /// letters gives its word back, in any ASCII case, and a reading that is not listed (a
    /// listed one cut short or run on) gives none. (A reading with other letters, `ambé` of
    /// `flambé`, is never looked up: the words looked up are runs of ASCII letters.)
    @Test func everyListedReadingGivesItsWordBack() {
        for listed in [LigatureWords.dropped, LigatureWords.spaced, LigatureWords.droppedWords] {
            let table = LostLigatures.Readings(listed)
            let lines = listed.split(separator: "\n").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
                .filter { $0[0].utf8.allSatisfy { $0 < 0x80 } }
            #expect(lines.count > 50)
            let missed = lines.filter { table.word(for: ArraySlice($0[0].utf8)) != $0[1] }
            #expect(missed.isEmpty, "\(missed.prefix(3))")
            let shouted = lines.filter { table.word(for: ArraySlice($0[0].uppercased().utf8)) != $0[1] }
            #expect(shouted.isEmpty, "\(shouted.prefix(3))")
            let readings = Set(lines.map { $0[0] })
            let unlisted = lines.flatMap { [String($0[0].dropLast()), $0[0] + "q", "a" + $0[0]] }.filter { !readings.contains($0) }
            #expect(unlisted.allSatisfy { table.word(for: ArraySlice($0.utf8)) == nil })
            #expect(table.word(for: []) == nil)
        }
    }

    /// A document with its ligatures shows no symptom: a word that merely looks like a lost
    /// reading stays as written, and no word is looked up.
    @Test func documentsWithTheirLigaturesAreLeftAlone() throws {
        #expect(!LostLigatures.shows(["The officer filed an affidavit; the conflict was specific to staff."]))
        #expect(LostLigatures.shows(["The ofcer led an afdavit; the conict was specic to sta."]))
        let text = """
            Definitions of Child Abuse and Neglect - Mississippi

            Date: May 2022

            Definitions

            Citation: Ann. Code § 43-21-105

            The officer files a report on the Denitions form, and the affidavit is filed with the conflict unit.
            """
        let record = try extractRecord(text: text, source: "ms.txt")
        #expect(record.sections.first?.text.contains("Denitions form") == true)
        #expect(!record.diagnostics.contains { $0.code == .lostLigatures })
    }
}

extension LostLigatureTests {
    /// A conversion may lose the ligatures of the title's and headings' font only, the prose
    /// keeping its own: the headline and headings are given back word by word, the prose is
    /// left as written.
    @Test(arguments: [true, false])
    func headingsThatLostTheirLigaturesAloneAreGivenBack(_ dropped: Bool) throws {
        let (definitions, trafficking) = dropped ? ("Denitions", "Trafcking") : ("De nitions", "Traf cking")
        let text = """
            Responding to Child Victims of Human \(trafficking) - Mississippi

            Date: May 2022

            \(definitions)

            Citation: Ann. Code § 43-21-105

            The officer files a report on the Denitions form, and the affidavit is filed with the conflict unit.

            Support for Anti-\(trafficking) Efforts

            The office of the attorney general shall fund efforts specific to trafficking.
            """
        let record = try extractRecord(text: text, source: "ms.txt")
        #expect(record.title == "Responding to Child Victims of Human Trafficking")
        #expect(record.sections.map(\.heading) == ["Definitions", "Support for Anti-Trafficking Efforts"])
        #expect(record.sections.first?.text.contains("Denitions form") == true)
        #expect(record.diagnostics.contains { $0.code == .lostLigatures })
    }

    /// A heading's lost reading that is a word itself is given back when the prose writes the
    /// listed word and never the reading; the documents' topic (`trafficking`) is in evidence
    /// unless the prose writes its reading (`tracking`).
    @Test(arguments: [
        ("The department serves victims of trafficking.", "Human Trafficking"),
        ("The department serves victims of trafficking and keeps a tracking system.", "Human Tracking"),
        ("The department serves children.", "Human Trafficking"),
    ])
    func aHeadingsReadingThatIsAWordIsGivenBackOnTheProsesEvidence(prose: String, heading: String) throws {
        let text = """
            Definitions of Child Abuse and Neglect - Mississippi

            Date: May 2022

            Human Tracking

            Citation: Ann. Code § 43-21-105

            \(prose) The officer files the affidavit.
            """
        let record = try extractRecord(text: text, source: "ms.txt")
        #expect(record.sections.map(\.heading) == [heading])
    }
}

extension LostLigatureTests {
    /// Where the prose lost its ligatures too, `Tracking` stands for `Trafficking` in the
    /// headline, the headings and the prose alike: the prose's own readings are no evidence.
    @Test func theTopicsWordIsGivenBackWhereTheWholeDocumentLostItsLigatures() throws {
        let text = """
            Responding to Child Victims of Human Tracking - Mississippi

            Date: May 2022

            Human Tracking

            Citation: Ann. Code § 43-21-105

            A law enforcement ofcer who has a conict of interest shall le an afdavit on each child who is a victim of human tracking.
            """
        let record = try extractRecord(text: text, source: "ms.txt")
        #expect(record.title == "Responding to Child Victims of Human Trafficking")
        #expect(record.sections.map(\.heading) == ["Human Trafficking"])
        #expect(record.sections.first?.text == "A law enforcement officer who has a conflict of interest shall file an affidavit on each child who is a victim of human trafficking.")
    }
}
