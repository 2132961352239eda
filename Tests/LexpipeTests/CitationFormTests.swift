import Foundation
import LexpipeExtraction
import LexpipeJurisdictions
import LexpipePipeline
import LexpipeRecord
import Testing

/// How a summary is laid out around its one `Citation:` line.
enum SummaryLayout: String, Sendable {
    /// Plain text, the label as written in `line`.
    case text
    /// Markdown: `## Definitions`, the label in bold.
    case markdown
    /// HTML: `<h2>`, `<p><b>Citation:</b> …</p>`, entities as the line writes them.
    case html
}

/// A statute summary whose one section has one `Citation:` line (as the document writes it,
/// markup included) and a paragraph of prose, and every field of the citations it should give.
struct CitationFormCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// USPS code of the document's state; `nil` for a summary that names no state.
    var state: String?
    var layout: SummaryLayout = .text
    /// The citation line's body as the document writes it (for HTML and markdown, the whole
    /// block or blocks after the heading).
    var line: String
    var prose = "The term 'child' means a person younger than age 18."
    /// The prose on the line after the citation line, with no blank line between (text only).
    var joined = false
    /// The citations of the `Citation:` line, each field.
    var expected: [Citation]
    /// A part of the one warning the line should draw, or `nil` for none.
    var warning: String?

    var testDescription: String { name }

    var fileName: String {
        switch layout {
        case .text: "summary.txt"
        case .markdown: "summary.md"
        case .html: "summary.html"
        }
    }

    var document: String {
        let stateName = state.flatMap { JurisdictionTable.standard.jurisdiction(usps: $0)?.name }
        let headline = "Definitions of Child Abuse and Neglect" + (stateName.map { " - \($0)" } ?? "")
        switch layout {
        case .text:
            return "\(headline)\n\nDate: May 2022\n\nDefinitions\n\n\(line)\n\(joined ? "" : "\n")\(prose)\n"
        case .markdown:
            return "# \(headline)\n\nDate: May 2022\n\n## Definitions\n\n\(line)\n\n\(prose)\n"
        case .html:
            return """
                <html><head><title>\(headline)</title></head><body><main><h1>\(headline)</h1><p>Date: May 2022</p>
                <h2>Definitions</h2>
                \(line)
                <p>\(prose)</p>
                </main></body></html>
                """
        }
    }
}

/// `cite(raw, jurisdiction, body, code, title:, section, end:, normalized)`: one expected citation.
private func cite(
    _ raw: String, _ jurisdiction: String?, _ body: LawBody, _ code: String, title: String? = nil,
    _ section: String, end: String? = nil, _ normalized: String
) -> Citation {
    Citation(
        raw: raw, jurisdiction: jurisdiction, body: body, code: code, title: title, section: section, sectionEnd: end,
        normalized: normalized
    )
}

/// `cite(raw, jurisdiction, code, title:, section, end:, normalized)`: one expected citation of a statute.
private func cite(
    _ raw: String, _ jurisdiction: String?, _ code: String, title: String? = nil, _ section: String, end: String? = nil,
    _ normalized: String
) -> Citation {
    cite(raw, jurisdiction, .statute, code, title: title, section, end: end, normalized)
}

/// The forms of `Citation:` lines seen outside the two corpus examples.
let citationFormCases: [CitationFormCase] = [
    // Labels in markup.
    CitationFormCase(
        name: "<b>Citation:</b> with &sect;&nbsp;", state: "AK", layout: .html,
        line: "<p><b>Citation:</b> Alaska Stat. &sect;&nbsp;47.17.290</p>",
        expected: [cite("Alaska Stat. § 47.17.290", "AK", "Alaska Stat.", "47.17.290", "Alaska Stat. § 47.17.290")]
    ),
    CitationFormCase(
        name: "**Citation:** in markdown", state: "TX", layout: .markdown,
        line: "**Citation:** Fam. Code § 261.001; Penal Code §§ 20A.02 to 20A.03",
        expected: [
            cite("Fam. Code § 261.001", "TX", "Tex. Fam. Code Ann.", "261.001", "Tex. Fam. Code Ann. § 261.001"),
            cite("Penal Code §§ 20A.02 to 20A.03", "TX", "Tex. Penal Code Ann.", "20A.02", end: "20A.03",
                 "Tex. Penal Code Ann. §§ 20A.02 to 20A.03"),
        ]
    ),
    CitationFormCase(
        name: "**Citation:** kept in text", state: "CA",
        line: "**Citation:** Penal Code § 236.1",
        expected: [cite("Penal Code § 236.1", "CA", "Cal. Penal Code", "236.1", "Cal. Penal Code § 236.1")]
    ),
    CitationFormCase(
        name: "__Citation__: kept in text", state: "CA",
        line: "__Citation__: Welf. & Inst. Code § 300",
        expected: [cite("Welf. & Inst. Code § 300", "CA", "Cal. Welf. & Inst. Code", "300", "Cal. Welf. & Inst. Code § 300")]
    ),
    CitationFormCase(
        name: "closing emphasis without its opening", state: "CA",
        line: "Citation:** Fam. Code § 3011",
        expected: [cite("Fam. Code § 3011", "CA", "Cal. Fam. Code", "3011", "Cal. Fam. Code § 3011")]
    ),
    CitationFormCase(
        name: "&sect;&nbsp; in text", state: "MS",
        line: "Citation: Ann. Code &sect;&nbsp;43-21-105",
        expected: [cite("Ann. Code § 43-21-105", "MS", "Miss. Code Ann.", "43-21-105", "Miss. Code Ann. § 43-21-105")]
    ),

    // Citations listed under a bare label.
    CitationFormCase(
        name: "**Citations:** over a markdown list", state: "IN", layout: .markdown,
        line: "**Citations:**\n\n- Ann. Code § 31-34-1-3.5\n- Ann. Code § 31-9-2-133.1",
        expected: [
            cite("Ann. Code § 31-34-1-3.5", "IN", "Ind. Code", "31-34-1-3.5", "Ind. Code § 31-34-1-3.5"),
            cite("Ann. Code § 31-9-2-133.1", "IN", "Ind. Code", "31-9-2-133.1", "Ind. Code § 31-9-2-133.1"),
        ]
    ),
    CitationFormCase(
        name: "<p>Citations:</p> over an HTML list", state: "WI", layout: .html,
        line: "<p><strong>Citations:</strong></p><ul><li>Stat. &sect; 948.051</li><li>Stat. &sect; 940.302</li></ul>",
        expected: [
            cite("Stat. § 948.051", "WI", "Wis. Stat.", "948.051", "Wis. Stat. § 948.051"),
            cite("Stat. § 940.302", "WI", "Wis. Stat.", "940.302", "Wis. Stat. § 940.302"),
        ]
    ),

    // Wrapped lines.
    CitationFormCase(
        name: "wrapped at <br> after a semicolon", state: "AK", layout: .html,
        line: "<p><b>Citation:</b> Ann. Stat. § 47.10.011;<br>Admin. Code Tit. 7, § 54.010</p>",
        expected: [
            cite("Ann. Stat. § 47.10.011", "AK", "Alaska Stat.", "47.10.011", "Alaska Stat. § 47.10.011"),
            cite("Admin. Code Tit. 7, § 54.010", "AK", .regulation, "Alaska Admin. Code", title: "7", "54.010",
                 "Alaska Admin. Code tit. 7, § 54.010"),
        ]
    ),
    CitationFormCase(
        name: "wrapped inside a code name, a blank line between", state: "MS",
        line: "Citation: Ann. Code § 43-21-105; Code of\n\nRules § 18-006-102",
        expected: [
            cite("Ann. Code § 43-21-105", "MS", "Miss. Code Ann.", "43-21-105", "Miss. Code Ann. § 43-21-105"),
            cite("Code of Rules § 18-006-102", "MS", .regulation, "Miss. Code R.", "18-006-102", "Miss. Code R. § 18-006-102"),
        ]
    ),
    CitationFormCase(
        name: "wrapped before a lettered section, a blank line between", state: "UT",
        line: "Citation: Admin. Code §§ R828-319-6;\n\nR439-837-8",
        expected: [
            cite("Admin. Code §§ R828-319-6", "UT", .regulation, "Utah Admin. Code", "R828-319-6", "Utah Admin. Code § R828-319-6"),
            cite("R439-837-8", "UT", .regulation, "Utah Admin. Code", "R439-837-8", "Utah Admin. Code § R439-837-8"),
        ]
    ),
    CitationFormCase(
        name: "wrapped on a line break in text", state: "MS",
        line: "Citation: Ann. Code §§ 97-3-54.1 through\n97-3-54.4",
        expected: [
            cite("Ann. Code §§ 97-3-54.1 through 97-3-54.4", "MS", "Miss. Code Ann.", "97-3-54.1", end: "97-3-54.4",
                 "Miss. Code Ann. §§ 97-3-54.1 to 97-3-54.4"),
        ]
    ),
    CitationFormCase(
        name: "wrapped before an issuance cited by number", state: "CA",
        line: "Citation: Welf. & Inst. Code § 300;\n\nCounty Fiscal Letter No. 16/17-73",
        expected: [
            cite("Welf. & Inst. Code § 300", "CA", "Cal. Welf. & Inst. Code", "300", "Cal. Welf. & Inst. Code § 300"),
            cite("County Fiscal Letter No. 16/17-73", "CA", .policy, "County Fiscal Letter", "16/17-73",
                 "County Fiscal Letter No. 16/17-73"),
        ],
        warning: "code name \"County Fiscal Letter\" is not in the code-name table for CA"
    ),
    CitationFormCase(
        name: "prose on the next line, no blank line between", state: "MS",
        line: "Citation: Ann. Code § 43-21-105; Code of Rules § 18-006-102",
        prose: "The term 'child' means a person younger than age 18.",
        joined: true,
        expected: [
            cite("Ann. Code § 43-21-105", "MS", "Miss. Code Ann.", "43-21-105", "Miss. Code Ann. § 43-21-105"),
            cite("Code of Rules § 18-006-102", "MS", .regulation, "Miss. Code R.", "18-006-102", "Miss. Code R. § 18-006-102"),
        ]
    ),
    CitationFormCase(
        name: "label alone, citations in the next block", state: "PA", layout: .html,
        line: "<p><strong>Citation:</strong></p>\n<p>Cons. Stat. Tit. 7, &sect;&sect; 3185 through 3191</p>",
        expected: [
            cite("Cons. Stat. Tit. 7, §§ 3185 through 3191", "PA", "Pa. Cons. Stat.", title: "7", "3185", end: "3191",
                 "7 Pa. Cons. Stat. §§ 3185 to 3191"),
        ]
    ),

    CitationFormCase(
        name: "label alone, citations ending in a period in the next block", state: "MS", layout: .html,
        line: "<p><b>Citation:</b></p>\n<p>Ann. Code § 43-21-105; Code of Rules § 18-006-102.</p>",
        expected: [
            cite("Ann. Code § 43-21-105", "MS", "Miss. Code Ann.", "43-21-105", "Miss. Code Ann. § 43-21-105"),
            cite("Code of Rules § 18-006-102", "MS", .regulation, "Miss. Code R.", "18-006-102", "Miss. Code R. § 18-006-102"),
        ]
    ),
    CitationFormCase(
        name: "label set as a heading, citations in the next block", state: "MA", layout: .html,
        line: "<h4>Citation:</h4>\n<p>Gen. Laws Ch. 119, &sect;&sect; 51A; 51B</p>",
        expected: [
            cite("Gen. Laws Ch. 119, §§ 51A", "MA", "Mass. Gen. Laws", title: "119", "51A", "Mass. Gen. Laws ch. 119, § 51A"),
            cite("51B", "MA", "Mass. Gen. Laws", title: "119", "51B", "Mass. Gen. Laws ch. 119, § 51B"),
        ]
    ),

    // Codes that carry their state.
    CitationFormCase(
        name: "Alaska Stat. in Alaska", state: "AK",
        line: "Citation: Alaska Stat. § 47.17.290; Alaska Admin. Code Tit. 7, § 54.010",
        expected: [
            cite("Alaska Stat. § 47.17.290", "AK", "Alaska Stat.", "47.17.290", "Alaska Stat. § 47.17.290"),
            cite("Alaska Admin. Code Tit. 7, § 54.010", "AK", .regulation, "Alaska Admin. Code", title: "7", "54.010",
                 "Alaska Admin. Code tit. 7, § 54.010"),
        ]
    ),
    CitationFormCase(
        name: "Tex. Fam. Code Ann. in Texas", state: "TX",
        line: "Citation: Tex. Fam. Code Ann. § 261.001; Tex. Penal Code § 20A.02",
        expected: [
            cite("Tex. Fam. Code Ann. § 261.001", "TX", "Tex. Fam. Code Ann.", "261.001", "Tex. Fam. Code Ann. § 261.001"),
            cite("Tex. Penal Code § 20A.02", "TX", "Tex. Penal Code Ann.", "20A.02", "Tex. Penal Code Ann. § 20A.02"),
        ]
    ),
    CitationFormCase(
        name: "Alaska Stat. with no state named", state: nil,
        line: "Citation: Alaska Stat. § 47.17.290",
        expected: [cite("Alaska Stat. § 47.17.290", "AK", "Alaska Stat.", "47.17.290", "Alaska Stat. § 47.17.290")]
    ),

    CitationFormCase(
        name: "code name after the sections", state: "TX",
        line: "Citation: §§ 261.001, 261.101, Family Code; Penal Code, § 20A.02",
        expected: [
            cite("§§ 261.001", "TX", "Tex. Fam. Code Ann.", "261.001", "Tex. Fam. Code Ann. § 261.001"),
            cite("261.101, Family Code", "TX", "Tex. Fam. Code Ann.", "261.101", "Tex. Fam. Code Ann. § 261.101"),
            cite("Penal Code, § 20A.02", "TX", "Tex. Penal Code Ann.", "20A.02", "Tex. Penal Code Ann. § 20A.02"),
        ]
    ),

    // Policy manuals.
    CitationFormCase(
        name: "policy manual in the table", state: "KS",
        line: "Citation: Pol. & Proc. Man. Ch. 2, § 3",
        expected: [
            cite("Pol. & Proc. Man. Ch. 2, § 3", "KS", .policy,
                 "Kan. Dep't for Child. & Fams., Prevention & Prot. Servs. Pol'y & Proc. Manual", title: "2", "3",
                 "Kan. Dep't for Child. & Fams., Prevention & Prot. Servs. Pol'y & Proc. Manual ch. 2, § 3"),
        ]
    ),
    CitationFormCase(
        name: "policy manual not in the table", state: "TX",
        line: "Citation: Pol. & Proc. Man. Ch. 2, § 3",
        expected: [cite("Pol. & Proc. Man. Ch. 2, § 3", "TX", .policy, "Pol. & Proc. Man.", title: "2", "3", "Pol. & Proc. Man. ch. 2, § 3")],
        warning: "code name \"Pol. & Proc. Man.\" is not in the code-name table for TX"
    ),

    // Items without `§`.
    CitationFormCase(
        name: "an issuance cited by number", state: "CA",
        line: "Citation: County Fiscal Letter No. 16/17-73",
        expected: [
            cite("County Fiscal Letter No. 16/17-73", "CA", .policy, "County Fiscal Letter", "16/17-73",
                 "County Fiscal Letter No. 16/17-73"),
        ],
        warning: "code name \"County Fiscal Letter\" is not in the code-name table for CA"
    ),
    CitationFormCase(
        name: "a known code with its number and no §", state: "CA",
        line: "Citation: Welf. & Inst. Code 300; Penal Code § 11165.1",
        expected: [
            cite("Welf. & Inst. Code 300", "CA", "Cal. Welf. & Inst. Code", "300", "Cal. Welf. & Inst. Code § 300"),
            cite("Penal Code § 11165.1", "CA", "Cal. Penal Code", "11165.1", "Cal. Penal Code § 11165.1"),
        ]
    ),

    CitationFormCase(
        name: "Sec. for §", state: "MS",
        line: "Citation: Ann. Code Sec. 43-21-105",
        expected: [cite("Ann. Code Sec. 43-21-105", "MS", "Miss. Code Ann.", "43-21-105", "Miss. Code Ann. § 43-21-105")]
    ),

    // Titles and ranges.
    CitationFormCase(
        name: "Cons. Stat. Tit. 7, §§ A through B", state: "PA",
        line: "Citation: Cons. Stat. Tit. 7, §§ 3185 through 3191",
        expected: [
            cite("Cons. Stat. Tit. 7, §§ 3185 through 3191", "PA", "Pa. Cons. Stat.", title: "7", "3185", end: "3191",
                 "7 Pa. Cons. Stat. §§ 3185 to 3191"),
        ]
    ),

    // Rev. Stat. is not federal law.
    CitationFormCase(
        name: "Rev. Stat. in Arizona", state: "AZ",
        line: "Citation: Rev. Stat. § 13-3212",
        expected: [cite("Rev. Stat. § 13-3212", "AZ", "Ariz. Rev. Stat. Ann.", "13-3212", "Ariz. Rev. Stat. Ann. § 13-3212")]
    ),
    CitationFormCase(
        name: "Rev. Stat. in a state without Revised Statutes", state: "TX",
        line: "Citation: Rev. Stat. § 13-3212",
        expected: [cite("Rev. Stat. § 13-3212", "TX", "Rev. Stat.", "13-3212", "Rev. Stat. § 13-3212")],
        warning: "code name \"Rev. Stat.\" is not in the code-name table for TX"
    ),
    CitationFormCase(
        name: "Ann. Stat. in a state that calls its code otherwise", state: "TX",
        line: "Citation: Ann. Stat. § 5",
        expected: [cite("Ann. Stat. § 5", "TX", "Ann. Stat.", "5", "Ann. Stat. § 5")],
        warning: "code name \"Ann. Stat.\" is not in the code-name table for TX"
    ),
    CitationFormCase(
        name: "Revised Statutes of the United States", state: "TX",
        line: "Citation: Rev. Stat. of the U.S. § 1979",
        expected: [cite("Rev. Stat. of the U.S. § 1979", "US", "Rev. Stat.", "1979", "Rev. Stat. § 1979")]
    ),

    CitationFormCase(
        name: "Statutes at Large by volume in a state whose code is Stat.", state: "FL",
        line: "Citation: Ann. Stat. § 39.01; 114 Stat. 1464",
        expected: [
            cite("Ann. Stat. § 39.01", "FL", "Fla. Stat.", "39.01", "Fla. Stat. § 39.01"),
            cite("114 Stat. 1464", "US", .sessionLaw, "Stat.", title: "114", "1464", "114 Stat. 1464"),
        ]
    ),

    // No state named: never federal law by default.
    CitationFormCase(
        name: "no state: a state's code name", state: nil,
        line: "Citation: Ann. Code § 43-21-105",
        expected: [cite("Ann. Code § 43-21-105", nil, "Ann. Code", "43-21-105", "Ann. Code § 43-21-105")],
        warning: "the document names no state"
    ),
    CitationFormCase(
        name: "no state: Rev. Stat.", state: nil,
        line: "Citation: Rev. Stat. § 13-3212",
        expected: [cite("Rev. Stat. § 13-3212", nil, "Rev. Stat.", "13-3212", "Rev. Stat. § 13-3212")],
        warning: "the document names no state"
    ),
    CitationFormCase(
        name: "no state: a regulation by its name", state: nil,
        line: "Citation: Admin. Code § 5101:2-1-01",
        expected: [cite("Admin. Code § 5101:2-1-01", nil, .regulation, "Admin. Code", "5101:2-1-01", "Admin. Code § 5101:2-1-01")],
        warning: "the document names no state"
    ),
    CitationFormCase(
        name: "no state: a constitution", state: nil,
        line: "Citation: Const. Art. 2, § 8",
        expected: [cite("Const. Art. 2, § 8", nil, .constitution, "Const.", title: "2", "8", "Const. art. 2, § 8")],
        warning: "the document names no state"
    ),
    CitationFormCase(
        name: "no state: federal law as written", state: nil,
        line: "Citation: 42 U.S.C. § 5106g; 45 C.F.R. § 1356.21; Pub. L. 106-386",
        expected: [
            cite("42 U.S.C. § 5106g", "US", "U.S.C.", title: "42", "5106g", "42 U.S.C. § 5106g"),
            cite("45 C.F.R. § 1356.21", "US", .regulation, "C.F.R.", title: "45", "1356.21", "45 C.F.R. § 1356.21"),
            cite("Pub. L. 106-386", "US", .sessionLaw, "Pub. L.", "106-386", "Pub. L. 106-386"),
        ]
    ),
]

/// A paragraph of a section whose `Citation:` line is `line`, and the references its prose gives.
struct ProseFormCase: Sendable, CustomTestStringConvertible {
    var state: String?
    var line: String
    var prose: String
    var expected: [Citation]

    var testDescription: String { prose }

    var form: CitationFormCase {
        CitationFormCase(name: prose, state: state, line: "Citation: \(line)", prose: prose, expected: [])
    }
}

/// Laws named in prose, in the forms summaries other than the corpus examples use.
let proseFormCases: [ProseFormCase] = [
    // No state: a code name unknown, found by its capitals, begins after the sentence's opening word.
    ProseFormCase(
        state: nil, line: "Pol. & Proc. Man. Ch. 5, § 1",
        prose: "Abuse must be reported to the Office of the Attorney General. Under Fam. Code § 658.929, the coordinator acts.",
        expected: [cite("Fam. Code § 658.929", nil, "Fam. Code", "658.929", "Fam. Code § 658.929")]
    ),
    ProseFormCase(
        state: "TX", line: "Fam. Code § 261.001",
        prose: "Abuse includes an offense under § 20A.02 or § 20A.03, Penal Code.",
        expected: [
            cite("§ 20A.02", "TX", "Tex. Penal Code Ann.", "20A.02", "Tex. Penal Code Ann. § 20A.02"),
            cite("§ 20A.03, Penal Code", "TX", "Tex. Penal Code Ann.", "20A.03", "Tex. Penal Code Ann. § 20A.03"),
        ]
    ),
    ProseFormCase(
        state: "TX", line: "Penal Code § 20A.02",
        prose: "Conduct described by § 261.001, Family Code, is reported.",
        expected: [cite("§ 261.001, Family Code", "TX", "Tex. Fam. Code Ann.", "261.001", "Tex. Fam. Code Ann. § 261.001")]
    ),
    ProseFormCase(
        state: "TX", line: "Fam. Code § 261.001",
        prose: "Trafficking is an offense under § 20A.02 of the Penal Code.",
        expected: [cite("§ 20A.02 of the Penal Code", "TX", "Tex. Penal Code Ann.", "20A.02", "Tex. Penal Code Ann. § 20A.02")]
    ),
    ProseFormCase(
        state: "TX", line: "Fam. Code § 261.001",
        prose: "It is defined by §§ 20A.02, 20A.03, Penal Code, and by other laws.",
        expected: [
            cite("§§ 20A.02", "TX", "Tex. Penal Code Ann.", "20A.02", "Tex. Penal Code Ann. § 20A.02"),
            cite("20A.03, Penal Code", "TX", "Tex. Penal Code Ann.", "20A.03", "Tex. Penal Code Ann. § 20A.03"),
        ]
    ),
    ProseFormCase(
        state: "TX", line: "Fam. Code § 261.001",
        prose: "The duty under § 261.101, Penal Code § 20A.02 aside, applies to every person.",
        expected: [
            cite("§ 261.101", "TX", "Tex. Fam. Code Ann.", "261.101", "Tex. Fam. Code Ann. § 261.101"),
            cite("Penal Code § 20A.02", "TX", "Tex. Penal Code Ann.", "20A.02", "Tex. Penal Code Ann. § 20A.02"),
        ]
    ),
    ProseFormCase(
        state: "AZ", line: "Rev. Stat. § 8-201",
        prose: "The department investigates every report. Reports under § 8-456 are kept.",
        expected: [cite("§ 8-456", "AZ", "Ariz. Rev. Stat. Ann.", "8-456", "Ariz. Rev. Stat. Ann. § 8-456")]
    ),
    ProseFormCase(
        state: "AZ", line: "Rev. Stat. § 8-201",
        prose: "Federal law sets the minimum (42 U.S.C. § 5106a). Reports follow § 8-456.",
        expected: [
            cite("42 U.S.C. § 5106a", "US", "U.S.C.", title: "42", "5106a", "42 U.S.C. § 5106a"),
            cite("§ 8-456", "AZ", "Ariz. Rev. Stat. Ann.", "8-456", "Ariz. Rev. Stat. Ann. § 8-456"),
        ]
    ),
    ProseFormCase(
        state: "AZ", line: "Rev. Stat. § 8-201",
        prose: "Federal law (see, e.g., 42 U.S.C. § 5106a and § 5106g) sets the minimum.",
        expected: [
            cite("42 U.S.C. § 5106a", "US", "U.S.C.", title: "42", "5106a", "42 U.S.C. § 5106a"),
            cite("§ 5106g", "US", "U.S.C.", title: "42", "5106g", "42 U.S.C. § 5106g"),
        ]
    ),
    ProseFormCase(
        state: "TX", line: "Fam. Code § 261.001",
        prose: "The offense is defined in § 43.02, Penal Code Ann.",
        expected: [cite("§ 43.02, Penal Code Ann.", "TX", "Tex. Penal Code Ann.", "43.02", "Tex. Penal Code Ann. § 43.02")]
    ),
    ProseFormCase(
        state: "AZ", line: "Rev. Stat. § 8-201",
        prose: "Reports under § 8-456 of the Act are kept.",
        expected: [cite("§ 8-456", "AZ", "Ariz. Rev. Stat. Ann.", "8-456", "Ariz. Rev. Stat. Ann. § 8-456")]
    ),
    ProseFormCase(
        state: "AZ", line: "Rev. Stat. § 8-201",
        prose: "Victims may sue under § 1595 of the Trafficking Victims Protection Act.",
        expected: [
            cite("§ 1595 of the Trafficking Victims Protection Act", "AZ", "Trafficking Victims Protection Act", "1595",
                 "Trafficking Victims Protection Act § 1595"),
        ]
    ),
    ProseFormCase(
        state: "ME", line: "Rev. Stat. Tit. 22, § 4002",
        prose: "Records are confidential. See § 4008.",
        expected: [cite("§ 4008", "ME", "Me. Rev. Stat. Ann.", title: "22", "4008", "Me. Rev. Stat. Ann. tit. 22, § 4008")]
    ),
    ProseFormCase(
        state: nil, line: "Ann. Code § 43-21-105",
        prose: "Reports are made under § 43-21-353.",
        expected: [cite("§ 43-21-353", nil, "Ann. Code", "43-21-353", "Ann. Code § 43-21-353")]
    ),

    // The word for the sign, with the code named after the number.
    ProseFormCase(
        state: "TX", line: "Fam. Code § 261.001",
        prose: "Trafficking is an offense under Section 20A.02, Penal Code.",
        expected: [cite("Section 20A.02, Penal Code", "TX", "Tex. Penal Code Ann.", "20A.02", "Tex. Penal Code Ann. § 20A.02")]
    ),
    ProseFormCase(
        state: "TX", line: "Fam. Code § 261.001",
        prose: "It is an offense under section 20A.02 of the Penal Code, as amended.",
        expected: [cite("section 20A.02 of the Penal Code", "TX", "Tex. Penal Code Ann.", "20A.02", "Tex. Penal Code Ann. § 20A.02")]
    ),
    ProseFormCase(
        state: "MS", line: "Ann. Code § 43-21-105",
        prose: "Reports are made under section 43-21-353 of the Code.",
        expected: [cite("section 43-21-353 of the Code", "MS", "Miss. Code Ann.", "43-21-353", "Miss. Code Ann. § 43-21-353")]
    ),
    ProseFormCase(
        state: "PA", line: "Cons. Stat. Tit. 23, § 6303",
        prose: "Services are described in Sections 3185 through 3191 of Title 7.",
        expected: [
            cite("Sections 3185 through 3191 of Title 7", "PA", "Pa. Cons. Stat.", title: "7", "3185", end: "3191",
                 "7 Pa. Cons. Stat. §§ 3185 to 3191"),
        ]
    ),
    ProseFormCase(
        state: "TX", line: "Fam. Code § 261.001",
        prose: "The duty under § 261.101 and Section 20A.02, Penal Code, applies to every person.",
        expected: [
            cite("§ 261.101", "TX", "Tex. Fam. Code Ann.", "261.101", "Tex. Fam. Code Ann. § 261.101"),
            cite("Section 20A.02, Penal Code", "TX", "Tex. Penal Code Ann.", "20A.02", "Tex. Penal Code Ann. § 20A.02"),
        ]
    ),
    ProseFormCase(
        state: nil, line: "Ann. Code § 43-21-105",
        prose: "Reports are made under Section 43-21-353, Ann. Code.",
        expected: [cite("Section 43-21-353, Ann. Code", nil, "Ann. Code", "43-21-353", "Ann. Code § 43-21-353")]
    ),
    // The word alone names no law: this section, a section of a form.
    ProseFormCase(
        state: "MS", line: "Ann. Code § 43-21-105",
        prose: "Section 3 of the form must be completed, and this section 5 applies to every report.",
        expected: []
    ),
]

@Suite("Citation forms")
struct CitationFormTests {
    @Test(arguments: citationFormCases)
    func citationLineGivesEveryField(_ testCase: CitationFormCase) throws {
        let record = try extractRecord(text: testCase.document, source: testCase.fileName)
        #expect(record.kind == .statuteSummary)
        #expect(record.stateCode == testCase.state)
        let section = try #require(record.sections.first)
        #expect(record.sections.count == 1, "\(record.sections.map(\.heading))")
        #expect(section.text == testCase.prose)
        #expect(section.citations.count == testCase.expected.count, "\(section.citations.map(\.raw))")
        for (got, expected) in zip(section.citations, testCase.expected) {
            #expect(got.raw == expected.raw)
            #expect(got.jurisdiction == expected.jurisdiction, "\(expected.raw)")
            #expect(got.body == expected.body, "\(expected.raw)")
            #expect(got.code == expected.code, "\(expected.raw)")
            #expect(got.title == expected.title, "\(expected.raw)")
            #expect(got.section == expected.section, "\(expected.raw)")
            #expect(got.sectionEnd == expected.sectionEnd, "\(expected.raw)")
            #expect(got.normalized == expected.normalized, "\(expected.raw)")
        }
        // Warnings about the citations or their text; a document naming no state draws one more.
        let warnings = record.diagnostics.filter { [.unknownCodeName, .citationText].contains($0.code) }
        if let warning = testCase.warning {
            #expect(warnings.count == 1 && warnings[0].message.contains(warning), "\(warnings.map(\.text))")
            // Located at the citation it is about.
            if case let .citation(section, index, raw)? = warnings.first?.location {
                #expect(section == 1 && testCase.expected.indices.contains(index - 1) && testCase.expected[index - 1].raw == raw)
            } else {
                Issue.record("\(warnings.map(\.text)) not located at a citation")
            }
        } else {
            #expect(warnings.isEmpty, "\(warnings.map(\.text))")
        }
    }

    @Test(arguments: proseFormCases)
    func proseGivesEveryField(_ testCase: ProseFormCase) throws {
        let record = try extractRecord(text: testCase.form.document, source: "summary.txt")
        let section = try #require(record.sections.first)
        #expect(section.citations.count == 1, "\(section.citations.map(\.raw))")
        #expect(section.references == testCase.expected)
    }

    /// The reading by characters (a word outside ASCII, or a no-break space, anywhere in the
    /// paragraph) finds what the reading by bytes finds (the scanner reads the sign; laws named
    /// with the word are read apart from it).
    @Test(arguments: proseFormCases.filter { $0.expected.allSatisfy { $0.raw.contains("§") } })
    func proseReadsAlikeOutsideASCII(_ testCase: ProseFormCase) {
        let names = JurisdictionTable.standard.knownCodeNames(for: testCase.state)
        let line = CitationParser.parse(testCase.line, codeNames: names).citations.first
        let ascii = CitationParser.inline(testCase.prose, codeNames: names, sectionCitation: line)
        let wide = CitationParser.inline("Voilà: " + testCase.prose, codeNames: names, sectionCitation: line)
        #expect(ascii.citations.count == testCase.expected.count)
        #expect(wide.citations == ascii.citations)
        #expect(wide.problems == ascii.problems)
    }

    /// No state in the document: no citation is federal unless written so, and each one whose
    /// jurisdiction is unknown says why.
    @Test func noStateNeverDefaultsToFederalLaw() throws {
        let text = """
            Definitions of Child Abuse and Neglect

            Date: May 2021

            Definitions

            Citation: Rev. Stat. § 13-3212; Stat. § 5; Ann. Code § 43-21-105; Const. Art. 2, § 8; 42 U.S.C. § 5106g

            The term 'child' means a person younger than age 18.
            """
        let record = try extractRecord(text: text, source: "none.txt")
        #expect(record.stateCode == nil)
        let citations = try #require(record.sections.first?.citations)
        #expect(citations.map(\.jurisdiction) == [nil, nil, nil, nil, "US"])
        let warned = record.diagnostics.compactMap { diagnostic -> Int? in
            guard case let .citation(_, index, _) = diagnostic.location, diagnostic.message.contains("names no state") else { return nil }
            return index
        }
        #expect(warned == [1, 2, 3, 4], "\(record.warnings)")
        #expect(record.diagnostics.contains { $0.code == .noState })
    }

    /// A section without a `Citation:` line: a `§` whose sentence names no code takes the code
    /// named in an earlier sentence.
    @Test func bareSectionSignWithoutACitationLineTakesTheCodeNamedBefore() throws {
        let text = """
            Definitions of Child Abuse and Neglect - Arizona

            Date: May 2021

            Definitions

            Citation: Admin. Code § R21-5-204

            The term 'child' means a person younger than age 18.

            Records

            Reports are made under Rev. Stat. § 13-3620. Records are kept as § 8-456 requires.
            """
        let record = try extractRecord(text: text, source: "az.txt")
        try #require(record.sections.count == 2)
        let section = record.sections[1]
        #expect(section.citations.isEmpty)
        #expect(section.references.map(\.normalized) == ["Ariz. Rev. Stat. Ann. § 13-3620", "Ariz. Rev. Stat. Ann. § 8-456"])
    }

    /// A paragraph of prose after a `Citation:` line stays prose, even when it cites.
    @Test func proseAfterACitationLineIsNotItsContinuation() throws {
        let form = CitationFormCase(
            name: "prose", state: "AZ", line: "Citation: Rev. Stat. § 8-201;", prose: "See Rev. Stat. § 13-3212.", expected: []
        )
        let record = try extractRecord(text: form.document, source: "az.txt")
        let section = try #require(record.sections.first)
        #expect(section.text == "See Rev. Stat. § 13-3212.")
    }

    /// The federal reading of a name is refused exactly for the names some state's codes use.
    @Test func federalNamesSharedWithStatesAreNotFederal() {
        let table = JurisdictionTable.standard
        for name in ["U.S.C.", "C.F.R.", "Pub. L.", "Rev. Stat. of the U.S.", "U.S. Const."] {
            #expect(table.federalCode(named: name) != nil, "\(name)")
        }
        for name in ["Rev. Stat.", "Stat.", "Const.", "Constitution"] {
            #expect(table.federalCode(named: name) == nil, "\(name)")
            #expect(table.code(named: name, in: "US") != nil, "\(name) is in the federal table")
        }
    }
}
