/// How a generated citation writes its code's division above the section.
public enum GeneratedCitationForm: String, Sendable, CaseIterable {
    /// `Ann. Code § 43-21-105`.
    case section
    /// `Rev. Stat. Tit. 22, § 4002`.
    case title
    /// `Gen. Laws Ch. 119, § 51A`.
    case chapter
    /// Codes numbered by article, without `§`: `Children's Code Art. 603`.
    case article
    /// Codes divided by article, then section: `Ann. Code Art. 27, § 11`.
    case articleDivision
}

/// A code a generated summary cites, written with the first of its names in the code-name
/// table (`Sources/LexpipeJurisdictions/Resources/jurisdictions.json`), as CWIG summaries write it.
public struct GeneratedCode: Sendable, Equatable {
    /// The code's name without the state (`Ann. Code`, `Code of Rules`).
    public let name: String
    /// How its citations name the division above the section.
    public let form: GeneratedCitationForm
    /// A regulation code (otherwise a statute).
    public let isRegulation: Bool
    /// Section number shapes: `N` a digit 1-9, `n` a digit 0-9, `L` a capital A-H, anything
    /// else as written.
    let patterns: [String]
    /// Title, chapter or article numbers the code is cited with.
    let divisions: [String]
}

/// A state, DC or territory with the codes its summaries cite.
public struct GeneratedJurisdiction: Sendable, Equatable {
    /// USPS code.
    public let usps: String
    /// Full name, as headlines write it.
    public let name: String
    /// The statute codes first, then the regulation code.
    public let codes: [GeneratedCode]

    /// The statute codes.
    var statutes: [GeneratedCode] { codes.filter { !$0.isRegulation } }
    /// The regulation codes.
    var regulations: [GeneratedCode] { codes.filter(\.isRegulation) }
}

private func statute(_ name: String, _ patterns: String...) -> GeneratedCode {
    GeneratedCode(name: name, form: .section, isRegulation: false, patterns: patterns, divisions: [])
}

private func regulation(_ name: String, _ patterns: String...) -> GeneratedCode {
    GeneratedCode(name: name, form: .section, isRegulation: true, patterns: patterns, divisions: [])
}

private func divided(
    _ name: String, _ form: GeneratedCitationForm, regulation: Bool = false, _ divisions: [String], _ patterns: String...
) -> GeneratedCode {
    GeneratedCode(name: name, form: form, isRegulation: regulation, patterns: patterns, divisions: divisions)
}

private func place(_ usps: String, _ name: String, _ codes: GeneratedCode...) -> GeneratedJurisdiction {
    GeneratedJurisdiction(usps: usps, name: name, codes: codes)
}

/// The 50 states, DC and five territories, with the statute and regulation codes their
/// summaries cite (first names of `jurisdictions.json`; a test keeps the two in step).
public enum GeneratedJurisdictions {
    /// Every jurisdiction a generated document may be about, in a fixed order.
    public static let all: [GeneratedJurisdiction] = [
        place("AL", "Alabama", statute("Code", "Nn-Nn-Nn", "NnL-N-NnN"), regulation("Admin. Code", "NnN-N-Nn-.nN")),
        place("AK", "Alaska", statute("Stat.", "Nn.Nn.nnN"), divided("Admin. Code", .title, regulation: true, ["7", "13"], "Nn.nnN")),
        place("AS", "American Samoa", statute("Ann. Code", "Nn.nnnN"), regulation("Admin. Code", "Nn.nnNn")),
        place("AZ", "Arizona", statute("Rev. Stat.", "N-nnN", "Nn-NnnN", "Nn-NnnN.nN"), regulation("Admin. Code", "RNn-N-NnN")),
        place("AR", "Arkansas", statute("Ann. Code", "Nn-Nn-NnN"), divided("Code R.", .title, regulation: true, ["016", "006"], "NnN.NnN")),
        place(
            "CA", "California", statute("Welf. & Inst. Code", "NnN", "NnnN.N"), statute("Penal Code", "NnN.N", "NnnnN"),
            statute("Fam. Code", "NnnN"), divided("Code of Regs.", .title, regulation: true, ["22"], "Nn-nnN")
        ),
        place("CO", "Colorado", statute("Rev. Stat.", "Nn-N-NnN", "Nn-Nn-NnN"), divided("Code of Regs.", .title, regulation: true, ["12"], "NnnN-N")),
        place("CT", "Connecticut", statute("Gen. Stat.", "NnL-NnN", "Nn-NnN"), regulation("Agencies Regs.", "NnL-NnN-N")),
        place("DE", "Delaware", divided("Ann. Code", .title, ["10", "11", "13", "16", "31"], "NnN", "NnnN"), divided("Admin. Code", .title, regulation: true, ["9", "16"], "NnN")),
        place("DC", "District of Columbia", statute("Ann. Code", "Nn-NnnN", "N-NnnN.nN"), divided("Mun. Regs.", .title, regulation: true, ["29"], "NnnN")),
        place("FL", "Florida", statute("Ann. Stat.", "Nn.nN", "NnN.NnnN"), regulation("Admin. Code", "NnL-Nn.nnN")),
        place("GA", "Georgia", statute("Ann. Code", "Nn-N-Nn", "Nn-Nn-NnN"), regulation("Comp. R. & Regs.", "NnN-N-N-.nN")),
        place("GU", "Guam", divided("Ann. Code", .title, ["9", "19"], "NnnnN"), divided("Admin. R. & Regs.", .title, regulation: true, ["26"], "NnnN")),
        place("HI", "Hawaii", statute("Rev. Stat.", "NnN-N", "NnnL-N"), regulation("Admin. Rules", "Nn-NnnN-N")),
        place("ID", "Idaho", statute("Code", "Nn-NnnN", "Nn-NnN"), regulation("Admin. Code", "Nn.nn.nn.nnN")),
        place("IL", "Illinois", divided("Comp. Stat.", .chapter, ["325", "705", "720"], "N/N", "NnN/N-N"), divided("Admin. Code", .title, regulation: true, ["89"], "NnN.Nn")),
        place("IN", "Indiana", statute("Ann. Code", "Nn-N-N-Nn", "Nn-Nn-N.N-N"), divided("Admin. Code", .title, regulation: true, ["465"], "N-N-N")),
        place("IA", "Iowa", statute("Ann. Stat.", "NnN.Nn", "NnnL.Nn"), regulation("Admin. Code", "NnN-NnN.N")),
        place("KS", "Kansas", statute("Ann. Stat.", "Nn-NnnN"), regulation("Admin. Regs.", "Nn-Nn-Nn")),
        place("KY", "Kentucky", statute("Rev. Stat.", "NnN.nnN"), divided("Admin. Regs.", .title, regulation: true, ["922"], "N:NnN")),
        place(
            "LA", "Louisiana", divided("Children's Code", .article, [], "NnN"), statute("Rev. Stat.", "Nn:NnN", "Nn:NnN.N"),
            divided("Admin. Code", .title, regulation: true, ["67"], "NnnN")
        ),
        place("ME", "Maine", divided("Rev. Stat.", .title, ["15", "17-A", "22", "34-B"], "NnnN", "NnnN-A"), divided("Code R.", .title, regulation: true, ["10-148"], "NnN")),
        place(
            "MD", "Maryland", statute("Fam. Law", "N-NnN"), statute("Crim. Law", "Nn-NnN"), statute("Cts. & Jud. Proc.", "N-NnN"),
            divided("Ann. Code", .articleDivision, ["27", "88A"], "Nn", "NnN"), regulation("Code of Md. Regs.", "nN.nN.nN.nN")
        ),
        place("MA", "Massachusetts", divided("Gen. Laws", .chapter, ["119", "265", "18C"], "NnL", "Nn"), divided("Code of Mass. Regs.", .title, regulation: true, ["110", "102"], "N.nn")),
        place("MI", "Michigan", statute("Comp. Laws", "NnN.NnN", "NnN.NnNl"), regulation("Admin. Code", "NnN.NnnnN")),
        place("MN", "Minnesota", statute("Ann. Stat.", "NnnL.nnN", "NnN.NnN"), regulation("Rules", "NnnN.nnNn")),
        place("MS", "Mississippi", statute("Ann. Code", "Nn-Nn-NnN", "Nn-N-Nn.N"), regulation("Code of Rules", "Nn-nnN-NnN")),
        place("MO", "Missouri", statute("Ann. Stat.", "NnN.NnN"), divided("Code of Regs.", .title, regulation: true, ["13"], "Nn-Nn.nnN")),
        place("MT", "Montana", statute("Ann. Code", "Nn-N-NnN"), regulation("Admin. R.", "Nn.Nn.NnN")),
        place("NE", "Nebraska", statute("Rev. Stat.", "Nn-NnN", "Nn-NnnN"), divided("Admin. Code", .title, regulation: true, ["390", "465"], "N-nnN")),
        place("NV", "Nevada", statute("Rev. Stat.", "NnnL.nnN"), regulation("Admin. Code", "NnnL.nnN")),
        place("NH", "New Hampshire", statute("Rev. Stat.", "NnN-L:Nn", "NnN:N"), regulation("Code Admin. R.", "NnnN.nN")),
        place("NJ", "New Jersey", statute("Ann. Stat.", "N:N-N.Nn", "NL:Nn-N"), divided("Admin. Code", .title, regulation: true, ["10"], "NnN-N.N")),
        place("NM", "New Mexico", statute("Ann. Stat.", "NnL-N-N", "Nn-Nn-Nn"), regulation("Admin. Code", "N.Nn.N.N")),
        place(
            "NY", "New York", statute("Soc. Serv. Law", "NnN"), statute("Fam. Ct. Act", "NnnN"), statute("Penal Law", "NnN.nn"),
            divided("Comp. Codes R. & Regs.", .title, regulation: true, ["18"], "NnN.N")
        ),
        place("NC", "North Carolina", statute("Gen. Stat.", "NL-NnN", "Nn-Nn.Nn"), divided("Admin. Code", .title, regulation: true, ["10A"], "NnL.nnnN")),
        place("ND", "North Dakota", statute("Cent. Code", "Nn-Nn.N-nN", "Nn-Nn-nN"), regulation("Admin. Code", "Nn-nN-Nn-nN")),
        place("MP", "Northern Mariana Islands", divided("Commonwealth Code", .title, ["6", "8"], "NnnN"), divided("Admin. Code", .title, regulation: true, ["55"], "Nn-Nn-NnN")),
        place("OH", "Ohio", statute("Rev. Code", "NnnN.nnN", "NnnN.nN"), regulation("Admin. Code", "NnnN:N-Nn-nN")),
        place("OK", "Oklahoma", divided("Ann. Stat.", .title, ["10A", "21"], "N-N-NnN", "NnnN"), regulation("Admin. Code", "NnN:Nn-N-N")),
        place("OR", "Oregon", statute("Rev. Stat.", "NnnL.nnN", "NnN.NnN"), regulation("Admin. R.", "NnN-nnN-nnNn")),
        place("PA", "Pennsylvania", divided("Cons. Stat.", .title, ["18", "23", "42"], "NnnN"), divided("Code", .title, regulation: true, ["55"], "NnnN.N")),
        place("PR", "Puerto Rico", divided("Ann. Laws", .title, ["8", "33"], "NnnN"), regulation("Regs.", "NnnN")),
        place("RI", "Rhode Island", statute("Gen. Laws", "Nn-Nn-N", "Nn-Nn-N.N"), divided("Code R.", .title, regulation: true, ["214"], "Nn-nn-nN.N")),
        place("SC", "South Carolina", statute("Ann. Code", "Nn-N-Nn", "Nn-N-NnnN"), regulation("Code Ann. Regs.", "NnN-NnN")),
        place("SD", "South Dakota", statute("Ann. Laws", "Nn-NL-N", "Nn-Nn-Nn"), regulation("Admin. R.", "Nn:Nn:nN:nN")),
        place("TN", "Tennessee", statute("Ann. Code", "Nn-N-NnN"), regulation("Comp. R. & Regs.", "nNnn-nN-nN-.nN")),
        place(
            "TX", "Texas", statute("Fam. Code", "NnN.nnN"), statute("Penal Code", "NnL.nN"), statute("Hum. Res. Code", "Nn.nnN"),
            divided("Code Crim. Proc.", .article, [], "Nn.nN"), divided("Admin. Code", .title, regulation: true, ["40"], "NnN.NnnN")
        ),
        place("VI", "U.S. Virgin Islands", divided("Ann. Code", .title, ["5", "14", "19"], "NnnN"), divided("Code R.", .title, regulation: true, ["5"], "NnnN-N")),
        place("UT", "Utah", statute("Ann. Code", "Nn-N-NnN", "NnL-N-NnN"), regulation("Admin. Code", "RNnN-NnN-N")),
        place("VT", "Vermont", divided("Ann. Stat.", .title, ["13", "33"], "NnnN"), divided("Code R.", .title, regulation: true, ["12"], "Nnn-nnN")),
        place("VA", "Virginia", statute("Ann. Code", "Nn.N-NnN", "Nn.N-NnN.N"), divided("Admin. Code", .title, regulation: true, ["22"], "Nn-NnN-Nn")),
        place("WA", "Washington", statute("Rev. Code", "Nn.Nn.nnN"), regulation("Admin. Code", "NnN-nN-nnnN")),
        place("WV", "West Virginia", statute("Ann. Code", "Nn-N-NnN"), regulation("Code R.", "Nn-N-N")),
        place("WI", "Wisconsin", statute("Stat.", "Nn.nN", "Nn.NnN"), regulation("Admin. Code", "NnN.nN")),
        place("WY", "Wyoming", statute("Ann. Stat.", "Nn-N-NnN"), regulation("Code R.", "NnN-nnnN-N")),
    ]

    /// Federal citations the summaries add to a state's own (`42 U.S.C. § 5106a`).
    static let federal = [
        "42 U.S.C. § 5106a", "42 U.S.C. § 5106g", "22 U.S.C. § 7102", "22 U.S.C. § 7105", "18 U.S.C. § 1591",
        "42 U.S.C. § 675", "42 U.S.C. § 671(a)(9)", "45 C.F.R. § 1356.21", "34 U.S.C. § 20341",
    ]
}
