import Foundation
import LexpipeBenchmark
import LexpipeCheck
import LexpipeCorpusGenerator
import LexpipeRecord
import Testing

// The layout zoo: each generated record rendered in every form of every axis, and
// the extraction compared with the record field by field. A form the extractor misreads today
// is listed in `KnownMisreadings` with the field it gets wrong; its tests run inside
// `withKnownIssue`, so they pass now and Swift Testing reports the day the form is read right.

/// The forms the extractor misreads today, with the field that comes out wrong.
enum KnownMisreadings {
    /// By the form's description (`ZooLayout` axis name and form), the fields misread.
    static let forms: [String: String] = [
        "furniture: no blank lines, footer and header lines (pdfplumber)":
            "sections: a paragraph's last line that is full joins it to the next paragraph (or to a heading under it and its sentence), and a `Citation:` line that is full runs into the prose under it",
        "furniture: blank lines between sections only (pdftotext, pdfminer)":
            "sections: a paragraph whose last line falls within six columns of its block's widest line joins the next paragraph, and a list's last item runs into the paragraph after it",
        "furniture: copied from a PDF viewer: narrow lines, no blank lines, bullets alone":
            "sections: a paragraph's last line that is full joins it to the next paragraph (or to a heading under it and its sentence), a `Citation:` line that is full runs into the line under it (a list's lead-in, prose, the citation's next line), and a list whose lead-in ends a page loses its items",
    ]

    /// The share of random documents, none in a known form, that may be misread because of how
    /// their forms combine (0.6% at 4,000 documents of seed 18 when this was set).
    static let combinationShare = 0.015

    /// The known misreading of `form` on `axis`, if any.
    static func issue(_ axis: String, _ form: some LayoutForm) -> String? {
        forms["\(axis): \(form.rawValue)"]
    }

    /// Every known misreading in `layout` that applies to its kind and format.
    static func issues(in layout: ZooLayout) -> [String] {
        let card = layout.kind == .reportCard
        var found: [String?] = [issue(card ? "card header" : "header", layout.header), issue("line ends", layout.lineEnding)]
        if layout.kind == .unknown {
            found += [
                forms["other document: \(layout.format.rawValue)"], issue("other document", layout.otherDocument),
                issue("date", layout.date),
            ]
        } else if card {
            found.append(issue("table", layout.cardTable))
        } else {
            found += [
                issue("date", layout.date), issue("headings", layout.heading), issue("label", layout.citationLabel),
                issue("citations", layout.citationContent), issue("prose", layout.proseCitations),
            ]
            if layout.format == .text { found += [issue("furniture", layout.furniture), issue("ligatures", layout.ligatures)] }
        }
        if layout.format == .html {
            found += [issue(card ? "card chrome" : "chrome", layout.chrome), issue("entities", layout.entities)]
        }
        return found.compactMap { $0 }
    }
}

/// Extraction of zoo documents, scored with the check module.
enum ZooReading {
    /// The differences between the extraction of `document` and its record, empty when exact.
    static func differences(_ document: ZooDocument) throws -> [String] {
        let record = try extractRecord(text: String(decoding: document.bytes, as: UTF8.self), source: document.path)
        let score = RecordComparison.score(gold: document.expected, extracted: record)
        return (score.differences + score.unmatched).map(\.description)
    }

    /// `count` documents in `layout`, each checked; one failure per misread document, naming
    /// the seed, index, layout and the differing fields.
    static func check(_ layout: ZooLayout, count: Int = 12, seed: UInt64 = 18) throws {
        let zoo = LayoutZoo(seed: seed)
        for index in 0..<count {
            let document = zoo.document(at: index, layout: layout)
            let problems = try differences(document)
            if !problems.isEmpty {
                Issue.record("seed \(seed) index \(index) (\(layout)):\n  \(problems.prefix(8).joined(separator: "\n  "))")
            }
        }
    }

    /// `check`, inside `withKnownIssue` when `issue` names a known misreading of the form
    /// tested or the layout holds another one (the baseline forms around it).
    static func check(_ layout: ZooLayout, knownIssue issue: String?) throws {
        if let issue {
            withKnownIssue(Comment(rawValue: issue)) { try check(layout) }
            return
        }
        // The form tested is read; misreadings of the forms around it may or may not show.
        let others = KnownMisreadings.issues(in: layout)
        if others.isEmpty {
            try check(layout)
        } else {
            withKnownIssue(Comment(rawValue: others.joined(separator: "; ")), isIntermittent: true) { try check(layout) }
        }
    }
}

@Suite("Layout zoo")
struct LayoutZooTests {
    @Test func sameSeedAndIndexGiveTheSameDocument() {
        let zoo = LayoutZoo(seed: 7)
        for index in [0, 1, 17, 999] {
            let a = zoo.document(at: index), b = LayoutZoo(seed: 7).document(at: index)
            #expect(a.bytes == b.bytes && a.layout == b.layout && a.expected == b.expected && a.path == b.path)
        }
    }

    /// Drawn at random, the layouts reach every form of every axis.
    @Test func randomLayoutsCoverEveryForm() {
        let layouts = (0..<3000).map { LayoutZoo(seed: 3).document(at: $0).layout }
        let summaries = layouts.filter { $0.kind == .statuteSummary }
        #expect(layouts.contains { $0.kind == .unknown })
        let cards = layouts.filter { $0.kind == .reportCard }
        #expect(Set(summaries.map(\.header)) == Set(HeaderForm.allCases))
        #expect(Set(cards.map(\.header)) == Set(HeaderForm.allCases.filter(\.appliesToCards)))
        #expect(Set(summaries.map(\.date)) == Set(DateForm.allCases))
        #expect(Set(summaries.map(\.heading)) == Set(HeadingForm.allCases))
        #expect(Set(summaries.map(\.citationLabel)) == Set(CitationLabelForm.allCases))
        #expect(Set(layouts.filter { $0.format == .html }.map(\.chrome)) == Set(WebChrome.allCases))
        #expect(Set(summaries.filter { $0.format == .text }.map(\.furniture)) == Set(PageFurniture.allCases))
        #expect(Set(cards.map(\.cardTable)) == Set(CardTableForm.allCases))
        #expect(Set(layouts.map(\.lineEnding)) == Set(LineEnding.allCases))
        #expect(Set(layouts.filter { $0.format == .html }.map(\.entities)) == Set(EntityForm.allCases))
        #expect(Set(summaries.filter { $0.format == .text }.map(\.ligatures)) == Set(LigatureForm.allCases))
        #expect(Set(summaries.map(\.citationContent)) == Set(CitationContentForm.allCases))
        #expect(Set(summaries.map(\.proseCitations)) == Set(ProseCitationForm.allCases))
        let others = layouts.filter { $0.kind == .unknown }
        #expect(Set(others.map(\.otherDocument)) == Set(OtherDocumentForm.allCases))
        #expect(others.contains { $0.header == .noState })
    }

    /// Every known misreading names a form that exists, so none is left behind by a rename.
    @Test func knownMisreadingsNameExistingForms() {
        func names<Form: LayoutForm>(_ axis: String, _: Form.Type) -> [String] { Form.allCases.map { "\(axis): \($0.rawValue)" } }
        let forms = Set(
            names("header", HeaderForm.self) + names("card header", HeaderForm.self) + names("date", DateForm.self)
                + names("headings", HeadingForm.self) + names("label", CitationLabelForm.self)
                + names("chrome", WebChrome.self) + names("card chrome", WebChrome.self)
                + names("furniture", PageFurniture.self) + names("table", CardTableForm.self)
                + names("line ends", LineEnding.self) + names("entities", EntityForm.self)
                + names("ligatures", LigatureForm.self) + names("citations", CitationContentForm.self)
                + names("prose", ProseCitationForm.self) + names("other document", OtherDocumentForm.self)
                + ["text", "markdown", "html"].map { "other document: \($0)" }
        )
        #expect(Set(KnownMisreadings.forms.keys).subtracting(forms).isEmpty)
    }

    @Test func formsReachTheBytes() {
        let zoo = LayoutZoo(seed: 5)
        func text(_ layout: ZooLayout) -> String { String(decoding: zoo.document(at: 1, layout: layout).bytes, as: UTF8.self) }
        #expect(text(.varying(.statuteSummary, \.lineEnding, .crlf)).contains("\r\n"))
        #expect(text(.varying(.statuteSummary, \.furniture, .runningHeaderFormFeed)).contains("\u{0C}"))
        #expect(!text(.varying(.statuteSummary, \.furniture, .runningHeaderNoFormFeed)).contains("\u{0C}"))
        #expect(text(.varying(.statuteSummary, \.furniture, .softHyphens)).contains("\u{00AD}"))
        #expect(!text(.varying(.statuteSummary, \.furniture, .shortLastPage)).contains("\u{0C}"))
        #expect(text(.varying(.statuteSummary, \.furniture, .doubledSpacingPages)).contains("\n\n\u{0C}"))
        #expect(text(.varying(.statuteSummary, \.citationLabel, .sectionEntity)).contains("&sect;&nbsp;"))
        #expect(text(.varying(.statuteSummary, \.citationLabel, .htmlBold)).contains("<b>Citation:</b>"))
        #expect(text(.varying(.statuteSummary, \.citationLabel, .worded)).contains("Citation(s): "))
        #expect(text(.varying(.statuteSummary, \.heading, .hash4)).contains("\n#### "))
        #expect(text(.varying(.statuteSummary, \.heading, .underlined)).contains("\n=========="))
        #expect(text(.varying(.statuteSummary, \.date, .currentThrough)).contains("Current Through "))
        #expect(text(.varying(.statuteSummary, \.chrome, .breadcrumbs)).contains("Home</a> \u{203A} <a"))
        #expect(text(.varying(.reportCard, \.cardTable, .htmlTableSections)).components(separatedBy: "<tbody").count == 4)
        #expect(text(.varying(.reportCard, \.cardTable, .layoutColumns)).contains(" out of "))
        #expect(!text(.varying(.reportCard, \.cardTable, .htmlDivs)).contains("<table"))
        #expect(text(.varying(.reportCard, \.cardTable, .boxDrawn)).contains("\u{250C}\u{2500}"))
        #expect(text(.varying(.reportCard, \.cardTable, .boxDrawn)).contains("\n\u{2502}1. "))
        #expect(text(.varying(.reportCard, \.cardTable, .commaSeparatedColumns)).contains("\n#,Issue,Grade,Points earned,Points possible,"))
        #expect(text(.varying(.reportCard, \.cardTable, .wikitable)).contains("\n{| class=\"wikitable\"\n! # !! Issue !! Grade"))
        let docs = text(.varying(.reportCard, \.cardTable, .googleDocsTabs))
        #expect(docs.hasPrefix("\u{FEFF}") && docs.contains("\r\n") && docs.contains("\t"))
        let readme = ZooLayout.varying(.reportCard, \.cardTable, .readmeDetails)
        #expect(text(readme).contains("\n> [!NOTE]\n> "))
        #expect((0..<20).contains { String(decoding: zoo.document(at: $0, layout: readme).bytes, as: UTF8.self).contains("<details>\n<summary>1. ") })
        let lineRows = text(.varying(.reportCard, \.cardTable, .lineRows))
        #expect(lineRows.contains(" of 15\n") && lineRows.contains("\nLEARN MORE: To see how "))
        #expect(text(.varying(.statuteSummary, \.heading, .orgNumbered)).contains("\n1 ") && text(.varying(.statuteSummary, \.heading, .orgNumbered)).contains("\n\u{2550}\u{2550}\u{2550}"))
        #expect(text(.varying(.statuteSummary, \.heading, .boxRuleUnderlined)).contains("\n\u{2500}\u{2500}\u{2500}"))
        #expect(text(.varying(.statuteSummary, \.furniture, .tableOfContents)).hasPrefix("Table of Contents\n\nResponding to Child Victims"))
        let viewer = text(.varying(.statuteSummary, \.furniture, .viewerCopy))
        #expect(!viewer.contains("\n\n") && viewer.split(separator: "\n").allSatisfy { $0.count <= 72 || $0.contains("https://") })
        let scanned = text(.varying(.statuteSummary, \.furniture, .ocrDigits))
        #expect(scanned.contains(" 2O") && scanned.range(of: #"§ [0-9.-]*([0-9][Ol]|[Ol][0-9])"#, options: .regularExpression) != nil)
        #expect(!text(.varying(.statuteSummary, \.furniture, .noBlankLines)).contains("\n\n"))
        #expect(text(.varying(.statuteSummary, \.furniture, .noBlankLines)).contains("Child Welfare Information Gateway https://www.childwelfare.gov 1\n"))
        let dump = text(.varying(.statuteSummary, \.furniture, .linkReferences))
        #expect(dump.contains("\n   Citation: [2]") && dump.contains("\nReferences\n\n   1. https://"))
        #expect(text(.varying(.statuteSummary, \.header, .frontMatter)).hasPrefix("---\ntitle: \"Responding to Child Victims"))
        let spans = text(.varying(.statuteSummary, \.citationLabel, .pandocSpans))
        #expect(spans.contains("]{.underline}") && spans.contains("## []{#_Toc1 .anchor}"))
        let plain = text(.varying(.statuteSummary, \.ligatures, .kept))
        #expect(plain.contains("Trafficking"))
        #expect(!text(.varying(.statuteSummary, \.ligatures, .dropped)).contains("fi"))
        #expect(text(.varying(.statuteSummary, \.ligatures, .dropped)).contains("Trafcking"))
        #expect(text(.varying(.statuteSummary, \.ligatures, .spaced)).contains("Traf cking"))
        #expect(text(.varying(.statuteSummary, \.citationContent, .policyManual)).contains("Pol. & Proc. Man. Ch. "))
        #expect(text(.varying(.statuteSummary, \.citationContent, .issuance)).contains(" Letter No. "))
        #expect(text(.varying(.statuteSummary, \.citationContent, .titleRange)).contains(" through "))
        let unnamed = LayoutZoo(seed: 5).document(at: 1, layout: .varying(.statuteSummary, \.header, .noState))
        #expect(unnamed.expected.state == nil && unnamed.expected.stateCode == nil)
        #expect(!String(decoding: unnamed.bytes, as: UTF8.self).contains(GeneratedJurisdictions.all.first { $0.usps == unnamed.path.prefix(2).uppercased() }!.name))
        var page = ZooLayout.baseline(.unknown, .html)
        page.otherDocument = .statuteSection
        #expect(text(page).contains("History: Laws, "))
        // A card for 2019 or before is a Protected Innocence Challenge card, a later one a Report Card.
        let pipeTable = ZooLayout.varying(.reportCard, \.cardTable, .pipeTable)
        let cards = (0..<40).map { zoo.document(at: $0, layout: pipeTable) }
        let challenge = cards.first { ($0.expected.year ?? 0) <= 2019 }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        let reportCard = cards.first { ($0.expected.year ?? 0) > 2019 }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        #expect(challenge.contains("Protected Innocence Challenge 20") && challenge.contains("| **FINAL GRADE** | "))
        #expect(!challenge.contains("Policy goal") && !challenge.contains("EXTRA CREDIT"))
        #expect(reportCard.contains("Report Card on Child & Youth Sex Trafficking") && reportCard.contains("| **OVERALL GRADE** | "))
        #expect(reportCard.contains("<br>") && reportCard.contains("EXTRA CREDIT"))
    }

    /// The prose forms reach the records: a summary in each form that can show one names a law
    /// so in some document.
    @Test(arguments: ProseCitationForm.allCases.filter { $0 != .sectionSign })
    func proseFormsReachTheRecords(_ form: ProseCitationForm) {
        let zoo = LayoutZoo(seed: 5)
        let word = switch form {
        case .sectionWord: "Section "
        case .ofTheCode: " of the Code"
        default: " of Title "
        }
        let found = (0..<60).contains { index in
            zoo.document(at: index, layout: .varying(.statuteSummary, \.proseCitations, form)).expected.sections
                .contains { $0.references.contains { $0.raw.contains(word) } }
        }
        #expect(found)
    }

    /// Thousands of random (record, layout) pairs: every document whose layout holds no known
    /// misreading is read back exactly; the others are reported as known issues.
    /// `LEXPIPE_ZOO_DOCS` and `LEXPIPE_ZOO_SEED` check more documents or another seed.
    @Test func extractionReturnsTheRecordInAnyLayout() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["LEXPIPE_ZOO_DOCS"].flatMap { Int($0) } ?? 2000
        let seed = environment["LEXPIPE_ZOO_SEED"].flatMap { UInt64($0) } ?? 18
        let zoo = LayoutZoo(seed: seed)
        var failures: [String] = []
        var known: [String] = []
        var byForm: [String: Int] = [:]
        for index in 0..<count {
            let document = zoo.document(at: index)
            let problems = try ZooReading.differences(document)
            guard !problems.isEmpty else { continue }
            let report = "seed \(seed) index \(index) \(document.path) (\(document.layout)):\n  "
                + problems.prefix(6).joined(separator: "\n  ")
            let issues = KnownMisreadings.issues(in: document.layout)
            if issues.isEmpty {
                failures.append(report)
            } else {
                known.append(report)
                for issue in issues { byForm[issue, default: 0] += 1 }
            }
        }
        // Forms each read alone can still be misread together (a footer with a wrapped
        // `Citation:` label, a page without headings under running headers): up to
        // `KnownMisreadings.combinationShare` of the documents are reported as a known issue,
        // more fail the test.
        if !failures.isEmpty {
            let message = "\(failures.count) of \(count) documents misread with no known form:\n"
                + failures.prefix(10).joined(separator: "\n")
            if Double(failures.count) <= KnownMisreadings.combinationShare * Double(count) {
                withKnownIssue("forms read alone, misread together", isIntermittent: true) {
                    Issue.record(Comment(rawValue: message))
                }
            } else {
                Issue.record(Comment(rawValue: message))
            }
        }
        if !known.isEmpty {
            let forms = byForm.sorted { $0.value > $1.value }.map { "\($0.value) \($0.key)" }
            let comment = "\(known.count) of \(count) documents in forms misread today:\n" + forms.joined(separator: "\n")
            withKnownIssue(Comment(rawValue: comment), isIntermittent: true) {
                Issue.record(Comment(rawValue: known.prefix(3).joined(separator: "\n")))
            }
        }
    }

    @Test(arguments: HeaderForm.allCases)
    func summaryHeader(_ form: HeaderForm) throws {
        try ZooReading.check(.varying(.statuteSummary, \.header, form), knownIssue: KnownMisreadings.issue("header", form))
    }

    @Test(arguments: HeaderForm.allCases.filter(\.appliesToCards))
    func reportCardHeader(_ form: HeaderForm) throws {
        try ZooReading.check(.varying(.reportCard, \.header, form), knownIssue: KnownMisreadings.issue("card header", form))
    }

    @Test(arguments: DateForm.allCases)
    func date(_ form: DateForm) throws {
        try ZooReading.check(.varying(.statuteSummary, \.date, form), knownIssue: KnownMisreadings.issue("date", form))
    }

    @Test(arguments: HeadingForm.allCases)
    func sectionHeadings(_ form: HeadingForm) throws {
        try ZooReading.check(.varying(.statuteSummary, \.heading, form), knownIssue: KnownMisreadings.issue("headings", form))
    }

    @Test(arguments: CitationLabelForm.allCases)
    func citationLabel(_ form: CitationLabelForm) throws {
        try ZooReading.check(.varying(.statuteSummary, \.citationLabel, form), knownIssue: KnownMisreadings.issue("label", form))
    }

    @Test(arguments: CitationContentForm.allCases)
    func citationContent(_ form: CitationContentForm) throws {
        try ZooReading.check(.varying(.statuteSummary, \.citationContent, form), knownIssue: KnownMisreadings.issue("citations", form))
    }

    @Test(arguments: ProseCitationForm.allCases)
    func proseCitations(_ form: ProseCitationForm) throws {
        try ZooReading.check(.varying(.statuteSummary, \.proseCitations, form), knownIssue: KnownMisreadings.issue("prose", form))
    }

    @Test(arguments: LigatureForm.allCases)
    func ligatures(_ form: LigatureForm) throws {
        try ZooReading.check(.varying(.statuteSummary, \.ligatures, form), knownIssue: KnownMisreadings.issue("ligatures", form))
    }

    /// A document naming no state: summaries and other documents read with no state, and no
    /// citation of a state's code is federal law.
    @Test(arguments: [DocumentFormat.text, .markdown, .html])
    func noStateNamed(_ format: DocumentFormat) throws {
        for kind in [DocumentKind.statuteSummary, .unknown] {
            var layout = ZooLayout.baseline(kind, format)
            layout.header = .noState
            try ZooReading.check(layout, knownIssue: KnownMisreadings.issue("header", HeaderForm.noState))
        }
    }

    @Test(arguments: WebChrome.allCases)
    func summaryWebChrome(_ form: WebChrome) throws {
        try ZooReading.check(.varying(.statuteSummary, \.chrome, form), knownIssue: KnownMisreadings.issue("chrome", form))
    }

    @Test(arguments: WebChrome.allCases)
    func reportCardWebChrome(_ form: WebChrome) throws {
        try ZooReading.check(.varying(.reportCard, \.chrome, form), knownIssue: KnownMisreadings.issue("card chrome", form))
    }

    @Test(arguments: PageFurniture.allCases)
    func pageFurniture(_ form: PageFurniture) throws {
        try ZooReading.check(.varying(.statuteSummary, \.furniture, form), knownIssue: KnownMisreadings.issue("furniture", form))
    }

    @Test(arguments: CardTableForm.allCases)
    func reportCardTable(_ form: CardTableForm) throws {
        try ZooReading.check(.varying(.reportCard, \.cardTable, form), knownIssue: KnownMisreadings.issue("table", form))
    }

    @Test(arguments: [DocumentFormat.text, .markdown, .html], LineEnding.allCases)
    func lineEndings(_ format: DocumentFormat, _ form: LineEnding) throws {
        for kind in [DocumentKind.statuteSummary, .reportCard] {
            var layout = ZooLayout.baseline(kind, format)
            layout.lineEnding = form
            try ZooReading.check(layout, knownIssue: KnownMisreadings.issue("line ends", form))
        }
    }

    /// A news release about a report card, a legislature's page for one code section:
    /// `kind: unknown` with its headline, state and date.
    @Test(arguments: [DocumentFormat.text, .markdown, .html], OtherDocumentForm.allCases)
    func otherDocument(_ format: DocumentFormat, _ form: OtherDocumentForm) throws {
        var layout = ZooLayout.baseline(.unknown, format)
        layout.otherDocument = form
        try ZooReading.check(
            layout,
            knownIssue: KnownMisreadings.forms["other document: \(format.rawValue)"] ?? KnownMisreadings.issue("other document", form)
        )
    }

    @Test(arguments: EntityForm.allCases)
    func entities(_ form: EntityForm) throws {
        for kind in [DocumentKind.statuteSummary, .reportCard] {
            try ZooReading.check(.varying(kind, \.entities, form), knownIssue: KnownMisreadings.issue("entities", form))
        }
    }
}

@Suite("Layout zoo on disk", .serialized)
struct LayoutZooFolderTests {
    /// What `lexpipe bench` reports: the zoo written with its records, scored by the check module.
    @Test func benchAccuracyScoresEveryDocumentAgainstItsRecord() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = try ZooAccuracy.measure(count: 40, seed: 11, folder: folder.path)
        #expect(report.documents.count == 40 && report.unmatchedGold.isEmpty)
        let zoo = LayoutZoo(seed: 11)
        let exact = try (0..<40).filter { try ZooReading.differences(zoo.document(at: $0)).isEmpty }.count
        #expect(report.exactDocuments == exact, "the check module scores as the zoo tests do")
        #expect(report.fields > 40 * 20 && report.citations.expected > 0)
        let line = ZooAccuracy.line(report, seed: 11)
        #expect(line.hasPrefix("zoo accuracy (40 documents, seed 11): fields exact "))
        #expect(line.contains(", citation F1 "))
    }

    @Test func genCorpusWritesTheZooThatCheckReads() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let written = try LexpipeBinary.run(["gen-corpus", "--layouts", "zoo", "--docs", "25", "--seed", "3", "--out", folder.path])
        #expect(written.status == 0, "\(written.stderr)")
        let document = LayoutZoo(seed: 3).document(at: 24)
        #expect(FileManager.default.contents(atPath: folder.path + "/" + document.path).map(Array.init) == document.bytes)
        let check = try LexpipeBinary.run(["check", folder.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("documents: 25, exact: "))
    }
}
