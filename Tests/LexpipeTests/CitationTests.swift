import Foundation
@testable import LexpipeExtraction
import LexpipeJurisdictions
@testable import LexpipeMarkup
import LexpipeNormalization
import LexpipePipeline
import LexpipeRecord
import Testing

/// One citation as a statute summary writes it, and every field its record should have.
struct CitationCase: Sendable, CustomTestStringConvertible {
    /// USPS code of the document's state; `nil` for a document about no one state.
    var state: String?
    var expected: Citation

    var testDescription: String { "\(state ?? "--") \(expected.raw)" }

    /// A summary of `state` whose one section cites `expected.raw` in its `Citation:` line.
    var document: String {
        let headline = state.flatMap { JurisdictionTable.standard.jurisdiction(usps: $0) }
            .map { "Definitions of Child Abuse and Neglect - \($0.name)" } ?? "Federal Definitions of Child Abuse and Neglect"
        return "\(headline)\n\nDate: May 2022\n\nDefinitions\n\nCitation: \(expected.raw)\n\nThe term 'child' means a person younger than age 18.\n"
    }
}

/// `c(state, raw, code, title:, section, end:, body:, in:, normalized)`: a case in one line.
private func c(
    _ state: String?, _ raw: String, _ code: String, title: String? = nil, _ section: String, end: String? = nil,
    body: LawBody = .statute, in jurisdiction: String? = nil, _ normalized: String
) -> CitationCase {
    CitationCase(state: state, expected: Citation(
        raw: raw, jurisdiction: jurisdiction ?? state ?? "US", body: body, code: code, title: title,
        section: section, sectionEnd: end, normalized: normalized
    ))
}

/// Real citations in the forms the summaries use, for 51 states and DC, five territories and
/// federal law: at least three for each state and DC.
enum CitationCases {
    static let all: [CitationCase] = [
        c("AL", "Code § 26-14-1", "Ala. Code", "26-14-1", "Ala. Code § 26-14-1"),
        c("AL", "Code §§ 26-14-3 through 26-14-4", "Ala. Code", "26-14-3", end: "26-14-4", "Ala. Code §§ 26-14-3 to 26-14-4"),
        c("AL", "Admin. Code r. 660-5-34-.03", "Ala. Admin. Code", "660-5-34-.03", body: .regulation, "Ala. Admin. Code § 660-5-34-.03"),
        c("AL", "Code § 13A-6-152", "Ala. Code", "13A-6-152", "Ala. Code § 13A-6-152"),

        c("AK", "Ann. Stat. § 47.17.290", "Alaska Stat.", "47.17.290", "Alaska Stat. § 47.17.290"),
        c("AK", "Ann. Stat. § 47.10.011", "Alaska Stat.", "47.10.011", "Alaska Stat. § 47.10.011"),
        c("AK", "Admin. Code Tit. 7, § 54.010", "Alaska Admin. Code", title: "7", "54.010", body: .regulation,
          "Alaska Admin. Code tit. 7, § 54.010"),

        c("AS", "Ann. Code § 45.2001", "Am. Samoa Code Ann.", "45.2001", "Am. Samoa Code Ann. § 45.2001"),

        c("AZ", "Rev. Stat. § 13-3212", "Ariz. Rev. Stat. Ann.", "13-3212", "Ariz. Rev. Stat. Ann. § 13-3212"),
        c("AZ", "Rev. Stat. §§ 13-3620 through 13-3620.01", "Ariz. Rev. Stat. Ann.", "13-3620", end: "13-3620.01",
          "Ariz. Rev. Stat. Ann. §§ 13-3620 to 13-3620.01"),
        c("AZ", "Rev. Stat. § 8-201(2)", "Ariz. Rev. Stat. Ann.", "8-201(2)", "Ariz. Rev. Stat. Ann. § 8-201(2)"),
        c("AZ", "Admin. Code § R21-5-204", "Ariz. Admin. Code", "R21-5-204", body: .regulation, "Ariz. Admin. Code § R21-5-204"),
        c("AZ", "Ariz. Rev. Stat. Ann. § 13-3212", "Ariz. Rev. Stat. Ann.", "13-3212", "Ariz. Rev. Stat. Ann. § 13-3212"),

        c("AR", "Ann. Code § 12-18-103", "Ark. Code Ann.", "12-18-103", "Ark. Code Ann. § 12-18-103"),
        c("AR", "Ann. Code § 12-18-402 et seq.", "Ark. Code Ann.", "12-18-402", "Ark. Code Ann. § 12-18-402 et seq."),
        c("AR", "Const. Art. 2, § 8", "Ark. Const.", title: "2", "8", body: .constitution, "Ark. Const. art. 2, § 8"),

        c("CA", "Penal Code § 236.1", "Cal. Penal Code", "236.1", "Cal. Penal Code § 236.1"),
        c("CA", "Welf. & Inst. Code § 300", "Cal. Welf. & Inst. Code", "300", "Cal. Welf. & Inst. Code § 300"),
        c("CA", "Penal Code §§ 11164 to 11174.3", "Cal. Penal Code", "11164", end: "11174.3", "Cal. Penal Code §§ 11164 to 11174.3"),
        c("CA", "Code of Regs. Tit. 22, § 31-002", "Cal. Code Regs.", title: "22", "31-002", body: .regulation,
          "Cal. Code Regs. tit. 22, § 31-002"),
        c("CA", "Fam. Code § 3011", "Cal. Fam. Code", "3011", "Cal. Fam. Code § 3011"),

        c("CO", "Rev. Stat. § 19-1-103", "Colo. Rev. Stat.", "19-1-103", "Colo. Rev. Stat. § 19-1-103"),
        c("CO", "Rev. Stat. § 19-3-304(2)(a)", "Colo. Rev. Stat.", "19-3-304(2)(a)", "Colo. Rev. Stat. § 19-3-304(2)(a)"),
        c("CO", "Code of Regs. Tit. 12, § 2509-1", "Colo. Code Regs.", title: "12", "2509-1", body: .regulation,
          "12 Colo. Code Regs. § 2509-1"),

        c("CT", "Gen. Stat. § 17a-101", "Conn. Gen. Stat.", "17a-101", "Conn. Gen. Stat. § 17a-101"),
        c("CT", "Gen. Stat. § 46b-120", "Conn. Gen. Stat.", "46b-120", "Conn. Gen. Stat. § 46b-120"),
        c("CT", "Gen. Stat. §§ 17a-101a to 17a-101d", "Conn. Gen. Stat.", "17a-101a", end: "17a-101d",
          "Conn. Gen. Stat. §§ 17a-101a to 17a-101d"),

        c("DE", "Ann. Code Tit. 16, § 902", "Del. Code Ann.", title: "16", "902", "Del. Code Ann. tit. 16, § 902"),
        c("DE", "Ann. Code Tit. 11, § 787", "Del. Code Ann.", title: "11", "787", "Del. Code Ann. tit. 11, § 787"),
        c("DE", "Ann. Code Tit. 10, § 901", "Del. Code Ann.", title: "10", "901", "Del. Code Ann. tit. 10, § 901"),

        c("DC", "Ann. Code § 16-2301", "D.C. Code", "16-2301", "D.C. Code § 16-2301"),
        c("DC", "Ann. Code § 4-1301.02", "D.C. Code", "4-1301.02", "D.C. Code § 4-1301.02"),
        c("DC", "Ann. Code §§ 4-1321.01 to 4-1321.07", "D.C. Code", "4-1321.01", end: "4-1321.07",
          "D.C. Code §§ 4-1321.01 to 4-1321.07"),
        c("DC", "Mun. Regs. Tit. 29, § 6000", "D.C. Mun. Regs.", title: "29", "6000", body: .regulation,
          "D.C. Mun. Regs. tit. 29, § 6000"),

        c("FL", "Ann. Stat. § 39.01", "Fla. Stat.", "39.01", "Fla. Stat. § 39.01"),
        c("FL", "Ann. Stat. § 409.1678", "Fla. Stat.", "409.1678", "Fla. Stat. § 409.1678"),
        c("FL", "Admin. Code r. 65C-30.001", "Fla. Admin. Code Ann.", "65C-30.001", body: .regulation,
          "Fla. Admin. Code Ann. § 65C-30.001"),

        c("GA", "Ann. Code § 19-7-5", "Ga. Code Ann.", "19-7-5", "Ga. Code Ann. § 19-7-5"),
        c("GA", "Ann. Code § 15-11-2", "Ga. Code Ann.", "15-11-2", "Ga. Code Ann. § 15-11-2"),
        c("GA", "Comp. R. & Regs. 290-2-5-.01", "Ga. Comp. R. & Regs.", "290-2-5-.01", body: .regulation,
          "Ga. Comp. R. & Regs. § 290-2-5-.01"),

        c("GU", "Ann. Code Tit. 19, § 13101", "Guam Code Ann.", title: "19", "13101", "19 Guam Code Ann. § 13101"),

        c("HI", "Rev. Stat. § 350-1", "Haw. Rev. Stat.", "350-1", "Haw. Rev. Stat. § 350-1"),
        c("HI", "Rev. Stat. § 587A-4", "Haw. Rev. Stat.", "587A-4", "Haw. Rev. Stat. § 587A-4"),
        c("HI", "Admin. Rules § 17-1610-2", "Haw. Code R.", "17-1610-2", body: .regulation, "Haw. Code R. § 17-1610-2"),

        c("ID", "Ann. Code § 16-1602", "Idaho Code", "16-1602", "Idaho Code § 16-1602"),
        c("ID", "Ann. Code § 16-1605", "Idaho Code", "16-1605", "Idaho Code § 16-1605"),
        c("ID", "Admin. Code r. 16.06.01.011", "Idaho Admin. Code", "16.06.01.011", body: .regulation,
          "Idaho Admin. Code § 16.06.01.011"),

        c("IL", "Comp. Stat. Ch. 325, § 5/3", "Ill. Comp. Stat.", title: "325", "5/3", "325 Ill. Comp. Stat. § 5/3"),
        c("IL", "Comp. Stat. Ch. 705, § 405/2-3", "Ill. Comp. Stat.", title: "705", "405/2-3", "705 Ill. Comp. Stat. § 405/2-3"),
        c("IL", "705 ILCS 405/2-3", "Ill. Comp. Stat.", title: "705", "405/2-3", "705 Ill. Comp. Stat. § 405/2-3"),
        c("IL", "Admin. Code Tit. 89, § 300.20", "Ill. Admin. Code", title: "89", "300.20", body: .regulation,
          "Ill. Admin. Code tit. 89, § 300.20"),

        c("IN", "Ann. Code § 31-9-2-14", "Ind. Code", "31-9-2-14", "Ind. Code § 31-9-2-14"),
        c("IN", "Ann. Code § 31-33-5-1", "Ind. Code", "31-33-5-1", "Ind. Code § 31-33-5-1"),
        c("IN", "Ann. Code §§ 35-42-3.5-1 to 35-42-3.5-4", "Ind. Code", "35-42-3.5-1", end: "35-42-3.5-4",
          "Ind. Code §§ 35-42-3.5-1 to 35-42-3.5-4"),

        c("IA", "Ann. Stat. § 232.70", "Iowa Code", "232.70", "Iowa Code § 232.70"),
        c("IA", "Ann. Stat. § 232.68", "Iowa Code", "232.68", "Iowa Code § 232.68"),
        c("IA", "Ann. Stat. § 232.77(2)", "Iowa Code", "232.77(2)", "Iowa Code § 232.77(2)"),
        c("IA", "Ann. Code § 235A.14", "Iowa Code", "235A.14", "Iowa Code § 235A.14"),

        c("KS", "Ann. Stat. § 38-2202", "Kan. Stat. Ann.", "38-2202", "Kan. Stat. Ann. § 38-2202"),
        c("KS", "Ann. Stat. § 38-2223", "Kan. Stat. Ann.", "38-2223", "Kan. Stat. Ann. § 38-2223"),
        c("KS", "Admin. Regs. § 30-46-10", "Kan. Admin. Regs.", "30-46-10", body: .regulation, "Kan. Admin. Regs. § 30-46-10"),

        c("KY", "Rev. Stat. § 600.020", "Ky. Rev. Stat. Ann.", "600.020", "Ky. Rev. Stat. Ann. § 600.020"),
        c("KY", "Rev. Stat. § 620.030", "Ky. Rev. Stat. Ann.", "620.030", "Ky. Rev. Stat. Ann. § 620.030"),
        c("KY", "Admin. Regs. Tit. 922, § 1:330", "Ky. Admin. Regs.", title: "922", "1:330", body: .regulation,
          "922 Ky. Admin. Regs. § 1:330"),

        c("LA", "Ch. Code Art. 603", "La. Child. Code Ann.", "603", "La. Child. Code Ann. art. 603"),
        c("LA", "Ch. Code Arts. 609 to 610", "La. Child. Code Ann.", "609", end: "610", "La. Child. Code Ann. arts. 609 to 610"),
        c("LA", "Rev. Stat. § 14:403", "La. Stat. Ann.", "14:403", "La. Stat. Ann. § 14:403"),

        c("ME", "Rev. Stat. Tit. 22, § 4002", "Me. Rev. Stat. Ann.", title: "22", "4002", "Me. Rev. Stat. Ann. tit. 22, § 4002"),
        c("ME", "Rev. Stat. Tit. 22, § 4011-A", "Me. Rev. Stat. Ann.", title: "22", "4011-A", "Me. Rev. Stat. Ann. tit. 22, § 4011-A"),
        c("ME", "Rev. Stat. Tit. 17-A, § 852", "Me. Rev. Stat. Ann.", title: "17-A", "852", "Me. Rev. Stat. Ann. tit. 17-A, § 852"),

        c("MD", "Fam. Law § 5-701", "Md. Code Ann., Fam. Law", "5-701", "Md. Code Ann., Fam. Law § 5-701"),
        c("MD", "Ann. Code Art. 27, § 11", "Md. Code Ann.", title: "27", "11", "Md. Code Ann. art. 27, § 11"),
        c("MD", "Crim. Law § 11-303", "Md. Code Ann., Crim. Law", "11-303", "Md. Code Ann., Crim. Law § 11-303"),
        c("MD", "Cts. & Jud. Proc. § 3-801", "Md. Code Ann., Cts. & Jud. Proc.", "3-801", "Md. Code Ann., Cts. & Jud. Proc. § 3-801"),

        c("MA", "Gen. Laws Ch. 119, § 51A", "Mass. Gen. Laws", title: "119", "51A", "Mass. Gen. Laws ch. 119, § 51A"),
        c("MA", "Ann. Laws Ch. 119, § 21", "Mass. Gen. Laws", title: "119", "21", "Mass. Gen. Laws ch. 119, § 21"),
        c("MA", "Gen. Laws Ch. 265, § 50", "Mass. Gen. Laws", title: "265", "50", "Mass. Gen. Laws ch. 265, § 50"),
        c("MA", "Code of Mass. Regs. Tit. 110, § 2.00", "Mass. Code Regs.", title: "110", "2.00", body: .regulation,
          "110 Mass. Code Regs. § 2.00"),

        c("MI", "Comp. Laws § 722.622", "Mich. Comp. Laws", "722.622", "Mich. Comp. Laws § 722.622"),
        c("MI", "Comp. Laws § 750.462a", "Mich. Comp. Laws", "750.462a", "Mich. Comp. Laws § 750.462a"),
        c("MI", "Comp. Laws §§ 750.462a to 750.462h", "Mich. Comp. Laws", "750.462a", end: "750.462h",
          "Mich. Comp. Laws §§ 750.462a to 750.462h"),

        c("MN", "Ann. Stat. § 260C.007", "Minn. Stat.", "260C.007", "Minn. Stat. § 260C.007"),
        c("MN", "Ann. Stat. § 626.556", "Minn. Stat.", "626.556", "Minn. Stat. § 626.556"),
        c("MN", "Ann. Stat. § 609.321", "Minn. Stat.", "609.321", "Minn. Stat. § 609.321"),

        c("MS", "Ann. Code § 43-21-105", "Miss. Code Ann.", "43-21-105", "Miss. Code Ann. § 43-21-105"),
        c("MS", "Code of Rules § 18-006-102", "Miss. Code R.", "18-006-102", body: .regulation, "Miss. Code R. § 18-006-102"),
        c("MS", "Ann. Code §§ 97-3-54.1 through 97-3-54.4", "Miss. Code Ann.", "97-3-54.1", end: "97-3-54.4",
          "Miss. Code Ann. §§ 97-3-54.1 to 97-3-54.4"),
        c("MS", "Ala. Code § 26-14-1", "Ala. Code", "26-14-1", in: "AL", "Ala. Code § 26-14-1"),

        c("MO", "Ann. Stat. § 210.110", "Mo. Rev. Stat.", "210.110", "Mo. Rev. Stat. § 210.110"),
        c("MO", "Ann. Stat. § 566.209", "Mo. Rev. Stat.", "566.209", "Mo. Rev. Stat. § 566.209"),
        c("MO", "Code of Regs. Tit. 13, § 35-31.010", "Mo. Code Regs. Ann.", title: "13", "35-31.010", body: .regulation,
          "Mo. Code Regs. Ann. tit. 13, § 35-31.010"),

        c("MT", "Ann. Code § 41-3-102", "Mont. Code Ann.", "41-3-102", "Mont. Code Ann. § 41-3-102"),
        c("MT", "Ann. Code § 41-3-201", "Mont. Code Ann.", "41-3-201", "Mont. Code Ann. § 41-3-201"),
        c("MT", "Admin. R. 37.47.602", "Mont. Admin. R.", "37.47.602", body: .regulation, "Mont. Admin. R. § 37.47.602"),

        c("NE", "Rev. Stat. § 28-710", "Neb. Rev. Stat.", "28-710", "Neb. Rev. Stat. § 28-710"),
        c("NE", "Rev. Stat. § 43-247", "Neb. Rev. Stat.", "43-247", "Neb. Rev. Stat. § 43-247"),
        c("NE", "Rev. Stat. §§ 28-710 to 28-727", "Neb. Rev. Stat.", "28-710", end: "28-727", "Neb. Rev. Stat. §§ 28-710 to 28-727"),

        c("NV", "Rev. Stat. § 432B.020", "Nev. Rev. Stat.", "432B.020", "Nev. Rev. Stat. § 432B.020"),
        c("NV", "Rev. Stat. § 432B.140", "Nev. Rev. Stat.", "432B.140", "Nev. Rev. Stat. § 432B.140"),
        c("NV", "Rev. Stat. § 432B.110", "Nev. Rev. Stat.", "432B.110", "Nev. Rev. Stat. § 432B.110"),

        c("NH", "Rev. Stat. § 169-C:3", "N.H. Rev. Stat. Ann.", "169-C:3", "N.H. Rev. Stat. Ann. § 169-C:3"),
        c("NH", "Rev. Stat. § 169-C:29", "N.H. Rev. Stat. Ann.", "169-C:29", "N.H. Rev. Stat. Ann. § 169-C:29"),
        c("NH", "Rev. Stat. § 633:7", "N.H. Rev. Stat. Ann.", "633:7", "N.H. Rev. Stat. Ann. § 633:7"),

        c("NJ", "Ann. Stat. § 9:6-8.21", "N.J. Stat. Ann.", "9:6-8.21", "N.J. Stat. Ann. § 9:6-8.21"),
        c("NJ", "Ann. Stat. § 2C:13-8", "N.J. Stat. Ann.", "2C:13-8", "N.J. Stat. Ann. § 2C:13-8"),
        c("NJ", "Admin. Code § 10:133-1.3", "N.J. Admin. Code", "10:133-1.3", body: .regulation, "N.J. Admin. Code § 10:133-1.3"),

        c("NM", "Ann. Stat. § 32A-4-2", "N.M. Stat. Ann.", "32A-4-2", "N.M. Stat. Ann. § 32A-4-2"),
        c("NM", "Ann. Stat. § 32A-4-3", "N.M. Stat. Ann.", "32A-4-3", "N.M. Stat. Ann. § 32A-4-3"),
        c("NM", "Admin. Code § 8.10.3.7", "N.M. Code R.", "8.10.3.7", body: .regulation, "N.M. Code R. § 8.10.3.7"),

        c("NY", "Soc. Serv. Law § 371", "N.Y. Soc. Serv. Law", "371", "N.Y. Soc. Serv. Law § 371"),
        c("NY", "Fam. Ct. Act § 1012", "N.Y. Fam. Ct. Act", "1012", "N.Y. Fam. Ct. Act § 1012"),
        c("NY", "Soc. Serv. Law § 413(1)(a)", "N.Y. Soc. Serv. Law", "413(1)(a)", "N.Y. Soc. Serv. Law § 413(1)(a)"),
        c("NY", "Comp. Codes R. & Regs. Tit. 18, § 432.1", "N.Y. Comp. Codes R. & Regs.", title: "18", "432.1",
          body: .regulation, "N.Y. Comp. Codes R. & Regs. tit. 18, § 432.1"),

        c("NC", "Gen. Stat. § 7B-101", "N.C. Gen. Stat.", "7B-101", "N.C. Gen. Stat. § 7B-101"),
        c("NC", "Gen. Stat. § 7B-301", "N.C. Gen. Stat.", "7B-301", "N.C. Gen. Stat. § 7B-301"),
        c("NC", "Admin. Code Tit. 10A, § 70A.0101", "N.C. Admin. Code", title: "10A", "70A.0101", body: .regulation,
          "10A N.C. Admin. Code § 70A.0101"),

        c("ND", "Cent. Code § 50-25.1-02", "N.D. Cent. Code", "50-25.1-02", "N.D. Cent. Code § 50-25.1-02"),
        c("ND", "Cent. Code § 50-25.1-03", "N.D. Cent. Code", "50-25.1-03", "N.D. Cent. Code § 50-25.1-03"),
        c("ND", "Cent. Code § 12.1-41-01", "N.D. Cent. Code", "12.1-41-01", "N.D. Cent. Code § 12.1-41-01"),

        c("MP", "Commonwealth Code Tit. 6, § 5312", "N. Mar. I. Code", title: "6", "5312", "6 N. Mar. I. Code § 5312"),

        c("OH", "Rev. Code § 2151.031", "Ohio Rev. Code Ann.", "2151.031", "Ohio Rev. Code Ann. § 2151.031"),
        c("OH", "Admin. Code § 5101:2-1-01", "Ohio Admin. Code", "5101:2-1-01", body: .regulation, "Ohio Admin. Code § 5101:2-1-01"),
        c("OH", "Rev. Code § 2151.421(A)(1)(a)", "Ohio Rev. Code Ann.", "2151.421(A)(1)(a)", "Ohio Rev. Code Ann. § 2151.421(A)(1)(a)"),

        c("OK", "Ann. Stat. Tit. 10A, § 1-1-105", "Okla. Stat.", title: "10A", "1-1-105", "Okla. Stat. tit. 10A, § 1-1-105"),
        c("OK", "Ann. Stat. Tit. 21, § 748", "Okla. Stat.", title: "21", "748", "Okla. Stat. tit. 21, § 748"),
        c("OK", "Admin. Code § 340:75-3-120", "Okla. Admin. Code", "340:75-3-120", body: .regulation, "Okla. Admin. Code § 340:75-3-120"),

        c("OR", "Rev. Stat. § 419B.005", "Or. Rev. Stat.", "419B.005", "Or. Rev. Stat. § 419B.005"),
        c("OR", "Rev. Stat. § 419B.010", "Or. Rev. Stat.", "419B.010", "Or. Rev. Stat. § 419B.010"),
        c("OR", "Admin. Rules § 413-015-0115", "Or. Admin. R.", "413-015-0115", body: .regulation, "Or. Admin. R. § 413-015-0115"),

        c("PA", "Cons. Stat. Tit. 23, § 6303", "Pa. Cons. Stat.", title: "23", "6303", "23 Pa. Cons. Stat. § 6303"),
        c("PA", "Cons. Stat. Tit. 18, § 3011", "Pa. Cons. Stat.", title: "18", "3011", "18 Pa. Cons. Stat. § 3011"),
        c("PA", "Admin. Code Tit. 55, § 3490.4", "Pa. Code", title: "55", "3490.4", body: .regulation, "55 Pa. Code § 3490.4"),

        c("PR", "Ann. Laws Tit. 8, § 1101", "P.R. Laws Ann.", title: "8", "1101", "P.R. Laws Ann. tit. 8, § 1101"),

        c("RI", "Gen. Laws § 40-11-2", "R.I. Gen. Laws", "40-11-2", "R.I. Gen. Laws § 40-11-2"),
        c("RI", "Gen. Laws § 11-67.1-2", "R.I. Gen. Laws", "11-67.1-2", "R.I. Gen. Laws § 11-67.1-2"),
        c("RI", "Gen. Laws §§ 40-11-3 to 40-11-3.2", "R.I. Gen. Laws", "40-11-3", end: "40-11-3.2", "R.I. Gen. Laws §§ 40-11-3 to 40-11-3.2"),

        c("SC", "Ann. Code § 63-7-20", "S.C. Code Ann.", "63-7-20", "S.C. Code Ann. § 63-7-20"),
        c("SC", "Ann. Code § 16-3-2010", "S.C. Code Ann.", "16-3-2010", "S.C. Code Ann. § 16-3-2010"),
        c("SC", "Code Regs. § 114-550", "S.C. Code Ann. Regs.", "114-550", body: .regulation, "S.C. Code Ann. Regs. § 114-550"),

        c("SD", "Ann. Laws § 26-8A-3", "S.D. Codified Laws", "26-8A-3", "S.D. Codified Laws § 26-8A-3"),
        c("SD", "Ann. Laws § 26-8A-2", "S.D. Codified Laws", "26-8A-2", "S.D. Codified Laws § 26-8A-2"),
        c("SD", "Codified Laws § 22-49-1", "S.D. Codified Laws", "22-49-1", "S.D. Codified Laws § 22-49-1"),

        c("TN", "Ann. Code § 37-1-102", "Tenn. Code Ann.", "37-1-102", "Tenn. Code Ann. § 37-1-102"),
        c("TN", "Ann. Code § 39-13-314", "Tenn. Code Ann.", "39-13-314", "Tenn. Code Ann. § 39-13-314"),
        c("TN", "Comp. R. & Regs. 0250-07-09-.01", "Tenn. Comp. R. & Regs.", "0250-07-09-.01", body: .regulation,
          "Tenn. Comp. R. & Regs. § 0250-07-09-.01"),

        c("TX", "Fam. Code § 261.001", "Tex. Fam. Code Ann.", "261.001", "Tex. Fam. Code Ann. § 261.001"),
        c("TX", "Penal Code § 20A.02", "Tex. Penal Code Ann.", "20A.02", "Tex. Penal Code Ann. § 20A.02"),
        c("TX", "Hum. Res. Code § 40.002", "Tex. Hum. Res. Code Ann.", "40.002", "Tex. Hum. Res. Code Ann. § 40.002"),
        c("TX", "Admin. Code Tit. 40, § 700.1401", "Tex. Admin. Code", title: "40", "700.1401", body: .regulation,
          "40 Tex. Admin. Code § 700.1401"),
        c("TX", "Code Crim. Proc. Art. 56.32", "Tex. Code Crim. Proc. Ann.", "56.32", "Tex. Code Crim. Proc. Ann. art. 56.32"),
        c("TX", "42 U.S.C. § 5106g", "U.S.C.", title: "42", "5106g", in: "US", "42 U.S.C. § 5106g"),

        c("VI", "Ann. Code Tit. 5, § 2531", "V.I. Code Ann.", title: "5", "2531", "V.I. Code Ann. tit. 5, § 2531"),

        c("UT", "Ann. Code § 80-1-102", "Utah Code Ann.", "80-1-102", "Utah Code Ann. § 80-1-102"),
        c("UT", "Ann. Code § 62A-4a-101", "Utah Code Ann.", "62A-4a-101", "Utah Code Ann. § 62A-4a-101"),
        c("UT", "Admin. Code R512-80-2", "Utah Admin. Code", "R512-80-2", body: .regulation, "Utah Admin. Code § R512-80-2"),

        c("VT", "Ann. Stat. Tit. 33, § 4912", "Vt. Stat. Ann.", title: "33", "4912", "Vt. Stat. Ann. tit. 33, § 4912"),
        c("VT", "Ann. Stat. Tit. 13, § 2652", "Vt. Stat. Ann.", title: "13", "2652", "Vt. Stat. Ann. tit. 13, § 2652"),
        c("VT", "Ann. Stat. Tit. 33, §§ 4911 to 4913", "Vt. Stat. Ann.", title: "33", "4911", end: "4913",
          "Vt. Stat. Ann. tit. 33, §§ 4911 to 4913"),

        c("VA", "Ann. Code § 63.2-1508", "Va. Code Ann.", "63.2-1508", "Va. Code Ann. § 63.2-1508"),
        c("VA", "Ann. Code § 16.1-228", "Va. Code Ann.", "16.1-228", "Va. Code Ann. § 16.1-228"),
        c("VA", "Admin. Code Tit. 22, § 40-705-10", "Va. Admin. Code", title: "22", "40-705-10", body: .regulation,
          "22 Va. Admin. Code § 40-705-10"),

        c("WA", "Rev. Code § 26.44.020", "Wash. Rev. Code", "26.44.020", "Wash. Rev. Code § 26.44.020"),
        c("WA", "Rev. Code § 13.34.030", "Wash. Rev. Code", "13.34.030", "Wash. Rev. Code § 13.34.030"),
        c("WA", "Admin. Code § 110-30-0030", "Wash. Admin. Code", "110-30-0030", body: .regulation, "Wash. Admin. Code § 110-30-0030"),

        c("WV", "Ann. Code § 49-1-201", "W. Va. Code", "49-1-201", "W. Va. Code § 49-1-201"),
        c("WV", "Ann. Code § 61-14-2", "W. Va. Code", "61-14-2", "W. Va. Code § 61-14-2"),
        c("WV", "Code of State Rules § 78-3-2", "W. Va. Code R.", "78-3-2", body: .regulation, "W. Va. Code R. § 78-3-2"),

        c("WI", "Ann. Stat. § 48.02", "Wis. Stat.", "48.02", "Wis. Stat. § 48.02"),
        c("WI", "Ann. Stat. § 48.981", "Wis. Stat.", "48.981", "Wis. Stat. § 48.981"),
        c("WI", "Ann. Stat. § 948.051", "Wis. Stat.", "948.051", "Wis. Stat. § 948.051"),

        c("WY", "Ann. Stat. § 14-3-202", "Wyo. Stat. Ann.", "14-3-202", "Wyo. Stat. Ann. § 14-3-202"),
        c("WY", "Ann. Stat. § 14-3-205", "Wyo. Stat. Ann.", "14-3-205", "Wyo. Stat. Ann. § 14-3-205"),
        c("WY", "Ann. Stat. § 6-2-702", "Wyo. Stat. Ann.", "6-2-702", "Wyo. Stat. Ann. § 6-2-702"),

        c(nil, "22 U.S.C. § 7102", "U.S.C.", title: "22", "7102", "22 U.S.C. § 7102"),
        c(nil, "42 U.S.C. § 5106a", "U.S.C.", title: "42", "5106a", "42 U.S.C. § 5106a"),
        c(nil, "45 C.F.R. § 1356.21", "C.F.R.", title: "45", "1356.21", body: .regulation, "45 C.F.R. § 1356.21"),
        c(nil, "42 U.S.C. §§ 671 to 679b", "U.S.C.", title: "42", "671", end: "679b", "42 U.S.C. §§ 671 to 679b"),
        c(nil, "Pub. L. 106-386", "Pub. L.", "106-386", body: .sessionLaw, "Pub. L. 106-386"),
    ]
}

/// One line or paragraph and the citations the parser should read from it.
struct ParserCase: Sendable, CustomTestStringConvertible {
    var state: String?
    var text: String
    /// `raw`, code name, division or leading title, section, section end, for each citation.
    var expected: [Parsed]

    struct Parsed: Sendable, Equatable {
        var raw: String
        var codeName: String
        var title: String? = nil
        var section: String
        var sectionEnd: String? = nil
        var etSeq = false
    }

    var testDescription: String { text }

    static func p(
        _ raw: String, _ codeName: String, title: String? = nil, _ section: String, end: String? = nil, etSeq: Bool = false
    ) -> Parsed {
        Parsed(raw: raw, codeName: codeName, title: title, section: section, sectionEnd: end, etSeq: etSeq)
    }

    static func parsed(_ reference: CitationReference) -> Parsed {
        Parsed(
            raw: reference.raw, codeName: reference.codeName, title: reference.leadingTitle ?? reference.division?.number,
            section: reference.section, sectionEnd: reference.sectionEnd, etSeq: reference.etSeq
        )
    }
}

/// `p(raw, codeName, title:, section, end:, etSeq:)`: one expected parse.
private func p(
    _ raw: String, _ codeName: String, title: String? = nil, _ section: String, end: String? = nil, etSeq: Bool = false
) -> ParserCase.Parsed {
    ParserCase.p(raw, codeName, title: title, section, end: end, etSeq: etSeq)
}

/// Every syntax form of `Citation:` lines.
let lineCases: [ParserCase] = [
    ParserCase(state: "CA", text: "Penal Code § 236.1; Welf. & Inst. Code § 300", expected: [
        p("Penal Code § 236.1", "Penal Code", "236.1"), p("Welf. & Inst. Code § 300", "Welf. & Inst. Code", "300"),
    ]),
    ParserCase(state: "AZ", text: "Rev. Stat. §§ 13-3212; 8-201", expected: [
        p("Rev. Stat. §§ 13-3212", "Rev. Stat.", "13-3212"), p("8-201", "Rev. Stat.", "8-201"),
    ]),
    ParserCase(state: "MI", text: "Comp. Laws §§ 722.622; 750.462a", expected: [
        p("Comp. Laws §§ 722.622", "Comp. Laws", "722.622"), p("750.462a", "Comp. Laws", "750.462a"),
    ]),
    ParserCase(state: "PA", text: "Cons. Stat. Tit. 23, §§ 6303; 6311", expected: [
        p("Cons. Stat. Tit. 23, §§ 6303", "Cons. Stat.", title: "23", "6303"), p("6311", "Cons. Stat.", title: "23", "6311"),
    ]),
    ParserCase(state: "MA", text: "Gen. Laws Ch. 119, §§ 51A, 51B", expected: [
        p("Gen. Laws Ch. 119, §§ 51A", "Gen. Laws", title: "119", "51A"), p("51B", "Gen. Laws", title: "119", "51B"),
    ]),
    ParserCase(state: "AZ", text: "Rev. Stat. § § 13-3212", expected: [p("Rev. Stat. § § 13-3212", "Rev. Stat.", "13-3212")]),
    ParserCase(state: "AZ", text: "Rev. Stat. §§ 13-3212 through 13-3214", expected: [
        p("Rev. Stat. §§ 13-3212 through 13-3214", "Rev. Stat.", "13-3212", end: "13-3214"),
    ]),
    ParserCase(state: "AZ", text: "Rev. Stat. §§ 13-3212 to 13-3214", expected: [
        p("Rev. Stat. §§ 13-3212 to 13-3214", "Rev. Stat.", "13-3212", end: "13-3214"),
    ]),
    ParserCase(state: "AZ", text: "Rev. Stat. §§ 13-3212–13-3214", expected: [
        p("Rev. Stat. §§ 13-3212–13-3214", "Rev. Stat.", "13-3212", end: "13-3214"),
    ]),
    ParserCase(state: "AZ", text: "Rev. Stat. §§ 13-3212 – 13-3214", expected: [
        p("Rev. Stat. §§ 13-3212 – 13-3214", "Rev. Stat.", "13-3212", end: "13-3214"),
    ]),
    ParserCase(state: "AZ", text: "Rev. Stat. §§ 13-3212—13-3214", expected: [
        p("Rev. Stat. §§ 13-3212—13-3214", "Rev. Stat.", "13-3212", end: "13-3214"),
    ]),
    ParserCase(state: "AZ", text: "Rev. Stat. §§ 13-3212 - 13-3214", expected: [
        p("Rev. Stat. §§ 13-3212 - 13-3214", "Rev. Stat.", "13-3212", end: "13-3214"),
    ]),
    ParserCase(state: "OH", text: "Rev. Code § 2151.031(A)(1); Admin. Code § 5101:2-1-01", expected: [
        p("Rev. Code § 2151.031(A)(1)", "Rev. Code", "2151.031(A)(1)"), p("Admin. Code § 5101:2-1-01", "Admin. Code", "5101:2-1-01"),
    ]),
    ParserCase(state: "OH", text: "Rev. Code § 2151.031 (A)", expected: [p("Rev. Code § 2151.031 (A)", "Rev. Code", "2151.031(A)")]),
    ParserCase(state: "MS", text: "Ann. Code § 43-21-101 et seq.", expected: [
        p("Ann. Code § 43-21-101 et seq.", "Ann. Code", "43-21-101", etSeq: true),
    ]),
    ParserCase(state: "TX", text: "Fam. Code §§ 261.001, 261.101, and 261.103", expected: [
        p("Fam. Code §§ 261.001", "Fam. Code", "261.001"), p("261.101", "Fam. Code", "261.101"), p("261.103", "Fam. Code", "261.103"),
    ]),
    ParserCase(state: "TX", text: "Fam. Code § 261.001 and Penal Code § 20A.02", expected: [
        p("Fam. Code § 261.001", "Fam. Code", "261.001"), p("Penal Code § 20A.02", "Penal Code", "20A.02"),
    ]),
    ParserCase(state: nil, text: "22 U.S.C. § 7102; 42 U.S.C. § 5106a", expected: [
        p("22 U.S.C. § 7102", "U.S.C.", title: "22", "7102"), p("42 U.S.C. § 5106a", "U.S.C.", title: "42", "5106a"),
    ]),
    ParserCase(state: "MS", text: "Ann. Code § 43-21-105; 42 U.S.C. § 5106a", expected: [
        p("Ann. Code § 43-21-105", "Ann. Code", "43-21-105"), p("42 U.S.C. § 5106a", "U.S.C.", title: "42", "5106a"),
    ]),
    ParserCase(state: nil, text: "45 C.F.R. §§ 1356.21 to 1356.30", expected: [
        p("45 C.F.R. §§ 1356.21 to 1356.30", "C.F.R.", title: "45", "1356.21", end: "1356.30"),
    ]),
    ParserCase(state: "ME", text: "Rev. Stat. Tit. 22, §§ 4002; 4011-A", expected: [
        p("Rev. Stat. Tit. 22, §§ 4002", "Rev. Stat.", title: "22", "4002"), p("4011-A", "Rev. Stat.", title: "22", "4011-A"),
    ]),
    ParserCase(state: "VT", text: "Ann. Stat. Tit. 33, § 4912; Tit. 13, § 2652", expected: [
        p("Ann. Stat. Tit. 33, § 4912", "Ann. Stat.", title: "33", "4912"), p("Tit. 13, § 2652", "Ann. Stat.", title: "13", "2652"),
    ]),
    ParserCase(state: "MD", text: "Ann. Code Art. 27, § 11; Fam. Law § 5-701", expected: [
        p("Ann. Code Art. 27, § 11", "Ann. Code", title: "27", "11"), p("Fam. Law § 5-701", "Fam. Law", "5-701"),
    ]),
    ParserCase(state: "MD", text: "Md. Code Ann., Fam. Law § 5-701", expected: [
        p("Md. Code Ann., Fam. Law § 5-701", "Md. Code Ann., Fam. Law", "5-701"),
    ]),
    ParserCase(state: "LA", text: "Ch. Code Art. 603; Rev. Stat. § 14:403", expected: [
        p("Ch. Code Art. 603", "Ch. Code", "603"), p("Rev. Stat. § 14:403", "Rev. Stat.", "14:403"),
    ]),
    ParserCase(state: nil, text: "Pub. L. 106-386; 22 U.S.C. § 7102", expected: [
        p("Pub. L. 106-386", "Pub. L.", "106-386"), p("22 U.S.C. § 7102", "U.S.C.", title: "22", "7102"),
    ]),
    ParserCase(state: "IL", text: "705 ILCS 405/2-3; Comp. Stat. Ch. 325, § 5/3", expected: [
        p("705 ILCS 405/2-3", "ILCS", title: "705", "405/2-3"), p("Comp. Stat. Ch. 325, § 5/3", "Comp. Stat.", title: "325", "5/3"),
    ]),
    ParserCase(state: "AL", text: "Code § 26-14-1; Admin. Code r. 660-5-34-.03", expected: [
        p("Code § 26-14-1", "Code", "26-14-1"), p("Admin. Code r. 660-5-34-.03", "Admin. Code", "660-5-34-.03"),
    ]),
]

/// Citations in running prose.
let proseCases: [ParserCase] = [
    ParserCase(state: "AZ", text: "A child is abused as defined in Rev. Stat. § 13-3212.", expected: [
        p("Rev. Stat. § 13-3212", "Rev. Stat.", "13-3212"),
    ]),
    ParserCase(state: "AZ", text: "The department investigates (see Ariz. Rev. Stat. Ann. § 13-3620) every report.", expected: [
        p("Ariz. Rev. Stat. Ann. § 13-3620", "Ariz. Rev. Stat. Ann.", "13-3620"),
    ]),
    ParserCase(state: "AZ", text: "Under Rev. Stat. §§ 8-201 through 8-203, the court may act; see also Rev. Stat. § 13-3212 and § 8-201.", expected: [
        p("Rev. Stat. §§ 8-201 through 8-203", "Rev. Stat.", "8-201", end: "8-203"),
        p("Rev. Stat. § 13-3212", "Rev. Stat.", "13-3212"), p("§ 8-201", "Rev. Stat.", "8-201"),
    ]),
    ParserCase(state: "TX", text: "States must comply with 42 U.S.C. § 5106a(b)(2)(B) to receive grants.", expected: [
        p("42 U.S.C. § 5106a(b)(2)(B)", "U.S.C.", title: "42", "5106a(b)(2)(B)"),
    ]),
    ParserCase(state: "NY", text: "The Family Court Act § 1012 defines an abused child.", expected: [
        p("Family Court Act § 1012", "Family Court Act", "1012"),
    ]),
    ParserCase(state: "ME", text: "A report is made pursuant to Rev. Stat. Tit. 22, § 4011-A, and the department responds.", expected: [
        p("Rev. Stat. Tit. 22, § 4011-A", "Rev. Stat.", title: "22", "4011-A"),
    ]),
    ParserCase(state: "MD", text: "Neglect has the meaning given in Md. Code Ann., Fam. Law § 5-701 et seq.", expected: [
        p("Md. Code Ann., Fam. Law § 5-701 et seq.", "Md. Code Ann., Fam. Law", "5-701", etSeq: true),
    ]),
    ParserCase(state: "PA", text: "Under 23 Pa. Cons. Stat. § 6303, a child is a person under 18.", expected: [
        p("23 Pa. Cons. Stat. § 6303", "Pa. Cons. Stat.", title: "23", "6303"),
    ]),
]

@Suite("Citations")
struct CitationTests {
    // MARK: Every field, every jurisdiction

    @Test(arguments: CitationCases.all)
    func recordHasEveryFieldOfTheCitation(_ testCase: CitationCase) throws {
        let record = try extractRecord(text: testCase.document, source: "citation.txt")
        #expect(record.kind == .statuteSummary)
        #expect(record.stateCode == testCase.state)
        let citations = record.sections.flatMap(\.citations)
        try #require(citations.count == 1, "\(citations.map(\.raw))")
        let got = citations[0]
        let expected = testCase.expected
        #expect(got.raw == expected.raw)
        #expect(got.jurisdiction == expected.jurisdiction)
        #expect(got.body == expected.body)
        #expect(got.code == expected.code)
        #expect(got.title == expected.title)
        #expect(got.section == expected.section)
        #expect(got.sectionEnd == expected.sectionEnd)
        #expect(got.normalized == expected.normalized)
        #expect(record.warnings.isEmpty, "\(record.warnings)")
    }

    @Test func casesCoverThirtyJurisdictionsWithThreeFormsEach() {
        let byState = Dictionary(grouping: CitationCases.all, by: { $0.state ?? "US" }).mapValues(\.count)
        let covered = byState.filter { $0.value >= 3 }
        #expect(covered.count >= 30, "\(byState)")
        for required in [
            "Rev. Stat. § 13-3212", "Penal Code § 236.1", "Welf. & Inst. Code § 300", "Fam. Code § 261.001",
            "Gen. Stat. § 7B-101", "Comp. Laws § 722.622", "Rev. Code § 2151.031", "Admin. Code § 5101:2-1-01",
            "Rev. Stat. Tit. 22, § 4002", "Ann. Stat. Tit. 33, § 4912", "Cons. Stat. Tit. 23, § 6303", "Soc. Serv. Law § 371",
            "Ann. Code Art. 27, § 11", "Fam. Law § 5-701", "Gen. Laws Ch. 119, § 51A", "22 U.S.C. § 7102", "42 U.S.C. § 5106a",
            "45 C.F.R. § 1356.21",
        ] {
            #expect(CitationCases.all.contains { $0.expected.raw == required }, "\(required) has no case")
        }
    }

    // MARK: Parser forms

    /// The label of a `Citation:` line as summaries write it: plural, `(s)`, the short `Cite:`,
    /// a word before it (`Statutory citation:`), emphasis around it. The short and qualified
    /// forms need their colon; prose that opens with such words is no label.
    @Test(arguments: [
        ("Citation: Ann. Code § 1-2-3", "Ann. Code § 1-2-3"),
        ("Citations: Ann. Code § 1-2-3", "Ann. Code § 1-2-3"),
        ("Citation(s): Haw. Rev. Stat. § 707-781", "Haw. Rev. Stat. § 707-781"),
        ("Cite: Code §§ 49-1-201; 49-2-802;", "Code §§ 49-1-201; 49-2-802;"),
        ("Cites: Code § 49-1-201", "Code § 49-1-201"),
        ("Statutory citation: Ann. Stat. Tit. 33, § 4912", "Ann. Stat. Tit. 33, § 4912"),
        ("Statutory citations: Ann. Stat. Tit. 13, §§ 2661; 2662", "Ann. Stat. Tit. 13, §§ 2661; 2662"),
        ("**Regulatory Citation:** Admin. Code § 5", "Admin. Code § 5"),
        ("Citation Ann. Code § 1-2-3", "Ann. Code § 1-2-3"),
        ("Cite § 5 for the rule.", nil),
        ("Cited in § 5 is the rule.", nil),
        ("Statutory citation of § 5 is required.", nil),
        ("The citation in § 5 governs.", nil),
        ("Certain citations: none apply", "none apply"),
    ] as [(String, String?)])
    func citationLabels(_ text: String, _ citations: String?) {
        #expect(StatuteSummaryExtractor.citationLine(text).map(String.init) == citations)
        let bytes = Array(text.utf8)
        let opens = TextBlockBuilder.opensCitationLabel(0..<bytes.count, in: bytes.span)
        #expect(opens == (citations != nil && text.contains(":")), "\(text)")
    }

    /// A label read where the characters beside it are not ASCII, or are a table row's tab,
    /// reads as the characters say: a no-break space after the colon is dropped, a mark on
    /// the label's last letter or on its colon makes it no label.
    @Test(arguments: [
        ("Citation:\u{00A0}Ann. Code § 1-2-3", "Ann. Code § 1-2-3"),
        ("**Citations:**\u{00A0}Ann. Code § 1-2-3", "Ann. Code § 1-2-3"),
        ("Citation\tRev. Code § 9A.40.100", "Rev. Code § 9A.40.100"),
        ("citations: Code § 49-1-201", "Code § 49-1-201"),
        ("Citation\u{301}: Ann. Code § 1-2-3", nil),
        ("Citation:\u{301} Ann. Code § 1-2-3", nil),
        ("CITATION: Ann. Code § 1-2-3", nil),
    ] as [(String, String?)])
    func citationLabelsBesideOtherCharacters(_ text: String, _ citations: String?) {
        #expect(StatuteSummaryExtractor.citationLine(text).map(String.init) == citations, "\(text.debugDescription)")
    }

    @Test(arguments: lineCases)
    func citationLineForms(_ testCase: ParserCase) {
        let names = JurisdictionTable.standard.knownCodeNames(for: testCase.state)
        let parsed = CitationParser.parse(testCase.text, codeNames: names)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(parsed.citations.map(ParserCase.parsed) == testCase.expected)
    }

    @Test(arguments: proseCases)
    func proseForms(_ testCase: ParserCase) {
        let names = JurisdictionTable.standard.knownCodeNames(for: testCase.state)
        let parsed = CitationParser.inline(testCase.text, codeNames: names)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(parsed.citations.map(ParserCase.parsed) == testCase.expected)
    }

    /// A word outside ASCII sends the whole text through the reading by characters instead
    /// of bytes; the citations before it come out the same.
    @Test(arguments: lineCases)
    func citationLineFormsOutsideASCII(_ testCase: ParserCase) {
        let names = JurisdictionTable.standard.knownCodeNames(for: testCase.state)
        let parsed = CitationParser.parse(testCase.text + "; Voilà", codeNames: names)
        #expect(parsed.problems.map(\.text) == ["Voilà"])
        #expect(parsed.citations.map(ParserCase.parsed) == testCase.expected)
    }

    @Test(arguments: proseCases)
    func proseFormsOutsideASCII(_ testCase: ParserCase) {
        let names = JurisdictionTable.standard.knownCodeNames(for: testCase.state)
        let parsed = CitationParser.inline(testCase.text + " Voilà.", codeNames: names)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(parsed.citations.map(ParserCase.parsed) == testCase.expected)
    }

    @Test func linesReadWithoutKnownNames() {
        let parsed = CitationParser.parse("Ann. Code §§ 43-21-105 to 43-21-109; Code of Rules § 18-006-102")
        #expect(parsed.citations.map(ParserCase.parsed) == [
            p("Ann. Code §§ 43-21-105 to 43-21-109", "Ann. Code", "43-21-105", end: "43-21-109"),
            p("Code of Rules § 18-006-102", "Code of Rules", "18-006-102"),
        ])
    }

    @Test func designatorsAreKept() {
        let names = JurisdictionTable.standard.knownCodeNames(for: "LA")
        let parsed = CitationParser.parse("Ch. Code Art. 603; Rev. Stat. § 14:403; Pub. L. 106-386", codeNames: names)
        #expect(parsed.citations.map(\.designator) == [.article, .section, SectionDesignator.none])
    }

    @Test func longestKnownNameWins() {
        let names = JurisdictionTable.standard.knownCodeNames(for: "AZ")
        let parsed = CitationParser.inline("as provided in Arizona Revised Statutes § 8-201 and Rev. Stat. Ann. § 8-202", codeNames: names)
        #expect(parsed.citations.map(\.codeName) == ["Arizona Revised Statutes", "Rev. Stat. Ann."])
    }

    @Test func textThatIsNoCitationIsReported() throws {
        let names = JurisdictionTable.standard.knownCodeNames(for: "MS")
        let parsed = CitationParser.parse("Ann. Code § 43-21-105; as amended in 2019; Code of Rules §", codeNames: names)
        #expect(parsed.citations.map(\.raw) == ["Ann. Code § 43-21-105"])
        #expect(parsed.problems.map(\.problem) == ["not a citation", "no section number after §"])
        #expect(parsed.problems.first?.text == "as amended in 2019")
    }

    @Test func arbitraryTextGivesOrderedPartsOfItInLinearTime() {
        let pieces = [
            "§", "§§", "§ §", " ", " ", " ", ";", ",", "(", ")", "(A)", "–", "-", "Rev.", "Stat.", "Tit.", "22", "13-3212",
            "and", "to", "through", "et", "seq.", "U.S.C.", "42", "Art.", "r.", "Pub.", "L.", "the", "Code", ".", "Ann.",
        ]
        let names = JurisdictionTable.standard.knownCodeNames(for: "AZ")
        var generator = SplitMix(seed: 2024)
        for _ in 0..<400 {
            let text = (0..<Int(generator.next() % 40)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(separator: " ")
            for parsed in [CitationParser.parse(text, codeNames: names), CitationParser.inline(text, codeNames: names)] {
                var rest = text[...]
                for citation in parsed.citations {
                    #expect(!citation.section.isEmpty && !citation.raw.isEmpty)
                    guard let found = rest.range(of: citation.raw) else {
                        Issue.record("\(citation.raw) out of order in \(text)")
                        break
                    }
                    rest = rest[found.upperBound...]
                }
            }
        }
        // Many citations, long words and unbalanced parentheses: one pass, not quadratic.
        let long = String(repeating: "Rev. Stat. §§ 13-3212 to 13-3214; 8-201, and ", count: 4000)
            + String(repeating: ")", count: 50_000) + " § " + String(repeating: "x", count: 50_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(CitationParser.parse(long, codeNames: names).citations.count == 8000)
            #expect(CitationParser.inline(long, codeNames: names).citations.count == 8000)
        }
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }

    // MARK: Documents

    @Test func proseCitationsFollowThoseOfCitationLines() throws {
        let text = """
            Definitions of Child Abuse and Neglect - Arizona

            Date: December 2019

            Physical Abuse

            Citation: Rev. Stat. §§ 8-201; 13-3623

            'Abuse' means the infliction of physical injury, as defined in Rev. Stat. § 13-3212(A)(1), and \
            includes the acts listed in §§ 13-3620 through 13-3620.01. Federal law (42 U.S.C. § 5106g) \
            sets the minimum.

            Citation: Admin. Code § R21-5-204
            """
        let record = try extractRecord(text: text, source: "az.txt")
        #expect(record.stateCode == "AZ")
        let section = try #require(record.sections.first)
        #expect(section.citations.map(\.normalized) == [
            "Ariz. Rev. Stat. Ann. § 8-201", "Ariz. Rev. Stat. Ann. § 13-3623", "Ariz. Admin. Code § R21-5-204",
        ])
        #expect(section.citations.map(\.raw) == ["Rev. Stat. §§ 8-201", "13-3623", "Admin. Code § R21-5-204"])
        #expect(section.citations.map(\.jurisdiction) == ["AZ", "AZ", "AZ"])
        // The laws the prose names are references, never mixed into the Citation: lines.
        #expect(section.references.map(\.normalized) == [
            "Ariz. Rev. Stat. Ann. § 13-3212(A)(1)", "Ariz. Rev. Stat. Ann. §§ 13-3620 to 13-3620.01", "42 U.S.C. § 5106g",
        ])
        #expect(section.references.map(\.raw) == [
            "Rev. Stat. § 13-3212(A)(1)", "§§ 13-3620 through 13-3620.01", "42 U.S.C. § 5106g",
        ])
        #expect(section.references.map(\.jurisdiction) == ["AZ", "AZ", "US"])
        #expect(!section.text.contains("Citation:"))
        #expect(record.warnings.isEmpty, "\(record.warnings)")
    }

    @Test func unknownCodeNameIsKeptAsWrittenAndWarned() throws {
        let text = """
            Responding to Child Victims of Human Trafficking - Mississippi

            Date: December 2018

            State Agency Responsibilities

            Citation: Ann. Code § 43-21-105; Youth Court Rules § 12

            Under the Uniform Juvenile Procedure Act § 7 the court may act.
            """
        let record = try extractRecord(text: text, source: "ms.txt")
        let section = try #require(record.sections.first)
        let citations = section.citations
        #expect(citations.map(\.raw) == ["Ann. Code § 43-21-105", "Youth Court Rules § 12"])
        #expect(citations[1] == Citation(
            raw: "Youth Court Rules § 12", jurisdiction: "MS", body: .statute, code: "Youth Court Rules", title: nil,
            section: "12", sectionEnd: nil, normalized: "Youth Court Rules § 12"
        ))
        #expect(section.references.map(\.raw) == ["Uniform Juvenile Procedure Act § 7"])
        #expect(section.references.first?.code == "Uniform Juvenile Procedure Act")
        let diagnostics = record.diagnostics.filter { $0.code == .unknownCodeName }
        #expect(diagnostics.map(\.text) == [
            "section 1, citation 2 \"Youth Court Rules § 12\": code name \"Youth Court Rules\" is not in the code-name table for MS; kept as written",
            "section 1, reference 1 \"Uniform Juvenile Procedure Act § 7\": code name \"Uniform Juvenile Procedure Act\" is not in the code-name table for MS; kept as written",
        ])
        #expect(diagnostics.map(\.location) == [
            .citation(section: 1, index: 2, raw: "Youth Court Rules § 12"),
            .reference(section: 1, index: 1, raw: "Uniform Juvenile Procedure Act § 7"),
        ])
        let listing = CitationListing(file: "ms.txt", outcome: .record(record))
        #expect(listing.rows.map(\.warnings.count) == [0, 1, 1])
        #expect(listing.hasProblems)
    }

    @Test func warningLocationsReadBack() {
        let text = CitationWarning.text(section: 4, "as amended", "not a citation")
        #expect(Diagnostic(rendered: text.text) == text)
        #expect(text.text == "section 4: citation text \"as amended\": not a citation")
        let citation = Diagnostic(.unknownCodeName, .citation(section: 2, index: 7, raw: "X § 1"), "code name \"X\" unknown")
        #expect(Diagnostic(rendered: citation.text) == citation)
        #expect(Diagnostic(rendered: "date \"x\" not understood").location == .document)
    }

    // MARK: The table

    @Test func everyTableEntryHasBluebookBodyAndSource() {
        let table = JurisdictionTable.standard
        #expect(table.jurisdictions.count == 57)
        for jurisdiction in table.jurisdictions {
            #expect(!jurisdiction.codes.isEmpty, "\(jurisdiction.usps) has no codes")
            for code in jurisdiction.codes {
                let label = "\(jurisdiction.usps) \(code.bluebook)"
                #expect(!code.bluebook.trimmingCharacters(in: .whitespaces).isEmpty, "\(label): no Bluebook abbreviation")
                #expect(LawBody.allCases.contains(code.body), "\(label): no body")
                #expect(!code.source.trimmingCharacters(in: .whitespaces).isEmpty, "\(label): no source")
                #expect(!code.names.isEmpty, "\(label): no names")
                if jurisdiction.usps != "US" {
                    #expect(code.bluebook.hasPrefix(jurisdiction.abbreviation), "\(label): Bluebook form without the state")
                }
                for name in code.names + [code.bluebook] {
                    #expect(table.code(named: name, in: jurisdiction.usps)?.bluebook == code.bluebook, "\(label): '\(name)' resolves elsewhere")
                }
            }
        }
    }

    @Test func bluebookFormsOfTitleCodes() throws {
        let table = JurisdictionTable.standard
        let pennsylvania = try #require(table.code(named: "Cons. Stat.", in: "PA"))
        #expect(pennsylvania.titleFirst && pennsylvania.citedBy == .title)
        let maine = try #require(table.code(named: "Rev. Stat.", in: "ME"))
        #expect(maine.bluebook == "Me. Rev. Stat. Ann." && maine.citedBy == .title && !maine.titleFirst)
        let maryland = try #require(table.code(named: "Fam. Law", in: "MD"))
        #expect(maryland.bluebook == "Md. Code Ann., Fam. Law" && maryland.citedBy == .section)
        let massachusetts = try #require(table.code(named: "Gen. Laws", in: "MA"))
        #expect(massachusetts.bluebook == "Mass. Gen. Laws" && massachusetts.citedBy == .chapter && !massachusetts.titleFirst)
    }

    // MARK: pipeline.yml

    @Test func codeNamesInPipelineYmlOverrideTheTable() throws {
        let text = CitationCases.all.first { $0.expected.raw == "Rev. Stat. § 13-3212" }!.document
        let standard = try extractRecord(text: text, source: "az.txt")
        #expect(standard.sections.first?.citations.first?.normalized == "Ariz. Rev. Stat. Ann. § 13-3212")

        let yaml = """
            version: 1
            normalization:
              code_names:
                AZ:
                  - names: ["Rev. Stat.", "A.R.S."]
                    body: statute
                    bluebook: Ariz. Rev. Stat.
                    source: Arizona Legislature citation guide
            """
        let configuration = try LexpipePipeline.Configuration.parse(yaml: yaml, file: "pipeline.yml")
        let record = try extractRecord(text: text, source: "az.txt", configuration: configuration)
        let citation = try #require(record.sections.first?.citations.first)
        #expect(citation.code == "Ariz. Rev. Stat.")
        #expect(citation.normalized == "Ariz. Rev. Stat. § 13-3212")
        #expect(record.warnings.isEmpty)

        // A name the table does not know becomes known, also in prose.
        let added = try extractRecord(
            text: text.replacingOccurrences(of: "The term 'child'", with: "Under A.R.S. § 8-201 the term 'child'"),
            source: "az.txt", configuration: configuration
        )
        #expect(added.sections.first?.citations.map(\.normalized) == ["Ariz. Rev. Stat. § 13-3212"])
        #expect(added.sections.first?.references.map(\.normalized) == ["Ariz. Rev. Stat. § 8-201"])
        #expect(added.warnings.isEmpty, "\(added.warnings)")
    }

    // MARK: A corpus of several states

    @Test func everySectionSignOfACorpusIsCovered() throws {
        var signs = 0
        var covered = 0
        for document in SyntheticCorpus.documents {
            let record = try extractRecord(text: document.text, source: document.name)
            #expect(record.kind == .statuteSummary, "\(document.name)")
            #expect(record.stateCode == document.state, "\(document.name)")
            let found = record.sections.flatMap { $0.citations + $0.references }
            let inDocument = sectionSigns(document.text)
            let inCitations = found.map { sectionSigns($0.raw) }.reduce(0, +)
            #expect(inCitations == inDocument, "\(document.name): \(inDocument) § signs, \(inCitations) in citations \(found.map(\.raw))")
            signs += inDocument
            covered += inCitations
            // Every warning is one the document was written to draw.
            for warning in record.warnings {
                #expect(document.expectedWarnings.contains { warning.contains($0) }, "\(document.name): unexplained warning \(warning)")
            }
            for expected in document.expectedWarnings {
                #expect(record.warnings.contains { $0.contains(expected) }, "\(document.name): no warning \(expected)")
            }
            #expect(!found.contains { $0.section.isEmpty || $0.normalized.isEmpty || $0.jurisdiction?.isEmpty != false })
        }
        #expect(signs >= 40 && covered == signs, "\(covered) of \(signs)")
    }

    // MARK: lexpipe citations

    @Test func citationsCommandPrintsTableAndJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("az.txt", SyntheticCorpus.documents[0].text)
        try folder.write("ms.txt", SyntheticCorpus.documents.first { $0.state == "MS" }!.text)

        let table = try LexpipeBinary.run(["citations", "az.txt"], in: folder.path)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("FILE    SECTION  FROM      RAW") == true, "\(table.stdout)")
        #expect(table.stdout.contains("az.txt  1        prose     Rev. Stat. § 13-3212"))
        #expect(table.stdout.contains("Ariz. Rev. Stat. Ann. § 13-3212"))
        // Columns line up: NORMALIZED starts at the same place on every row.
        let column = lines[0].range(of: "NORMALIZED")!.lowerBound.utf16Offset(in: lines[0])
        for line in lines.dropFirst() where line.hasPrefix("az.txt") {
            let prefix = String(line.prefix(column))
            #expect(prefix.count == column && prefix.hasSuffix("  "), "\(line)")
        }

        let json = try LexpipeBinary.run(["citations", "--format", "json", "az.txt", "ms.txt"], in: folder.path)
        #expect(json.status == 1, "a citation with a warning exits 1")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        let documents = try #require(parsed)
        #expect(documents.map { $0["file"] as? String } == ["az.txt", "ms.txt"])
        let citations = try #require(documents[1]["citations"] as? [[String: Any]])
        #expect(citations.contains { ($0["warnings"] as? [String])?.isEmpty == false })
        #expect(citations.allSatisfy { $0["normalized"] is String && $0["section_ordinal"] is Int })

        let missing = try LexpipeBinary.run(["citations", "nothing-here.txt"], in: folder.path)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nothing-here.txt"))
    }
}

/// A small deterministic random generator, so that generated inputs are the same every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The number of `§` signs in text, `§§` and `§ §` counting once.
func sectionSigns(_ text: String) -> Int {
    var count = 0
    var previous: Character?
    for character in text where character != " " {
        if character == "§", previous != "§" { count += 1 }
        previous = character
    }
    return count
}

/// Statute summaries of several states written for the tests, in the forms the summaries use.
enum SyntheticCorpus {
    struct Document: Sendable {
        var name: String
        var state: String?
        var text: String
        /// Parts of the warnings the document should draw, each at least once.
        var expectedWarnings: [String] = []
    }

    static let documents: [Document] = [
        Document(name: "az-2019-definitions.txt", state: "AZ", text: """
            Definitions of Child Abuse and Neglect - Arizona

            Date: December 2019

            Physical Abuse

            Citation: Rev. Stat. §§ 8-201; 13-3623

            'Abuse' means the infliction or allowing of physical injury, impairment of bodily function, or \
            disfigurement, as defined in Rev. Stat. § 13-3212. The acts listed in Rev. Stat. §§ 13-3620 \
            through 13-3620.01 must be reported.

            Neglect

            Citation: Rev. Stat. § 8-201(25); Admin. Code § R21-5-204

            'Neglect' means the inability or unwillingness of a parent to provide supervision, food, \
            clothing, shelter, or medical care.

            Sexual Abuse/Exploitation

            Citation: Rev. Stat. § § 13-1404 – 13-1406 et seq.; 42 U.S.C. § 5106g

            The term includes sex trafficking of a child as described in Rev. Stat. § 13-1307.
            """),
        Document(name: "ca-2022-reporting.txt", state: "CA", text: """
            Making and Screening Reports of Child Abuse and Neglect - California

            Date: 2022

            Individual Responsibility to Report

            Citation: Penal Code §§ 11165.7; 11166; Welf. & Inst. Code § 300

            A mandated reporter shall make a report whenever the reporter has knowledge of or observes a \
            child whom the reporter reasonably suspects has been the victim of abuse, as described in \
            Penal Code § 11165.6 and Welf. & Inst. Code § 300(b)(2).

            Regulations

            Citation: Code of Regs. Tit. 22, § 31-002; Fam. Code § 3011

            Reports are handled under Code of Regs. Tit. 22, §§ 31-101 to 31-135.
            """),
        Document(name: "tx-2021-trafficking.txt", state: "TX", text: """
            Responding to Child Victims of Human Trafficking - Texas

            Date: August 2021

            Definitions

            Citation: Fam. Code § 261.001; Penal Code § 20A.02

            'Abuse' includes compelling or encouraging the child to engage in sexual conduct as defined \
            by Penal Code §§ 20A.02(a)(7) and 43.02.

            Services for Victims

            Citation: Hum. Res. Code § 40.002; Admin. Code Tit. 40, § 700.1401

            The department shall comply with 22 U.S.C. § 7102 and 45 C.F.R. § 1356.21.

            Criminal Procedure

            Citation: Code Crim. Proc. Art. 56.32; Fam. Code Ch. 261 Policy Manual § 2000

            The policy manual is not a code the table knows.
            """, expectedWarnings: ["code name \"Fam. Code Ch. 261 Policy Manual\""]),
        Document(name: "oh-2019-definitions.txt", state: "OH", text: """
            Definitions of Child Abuse and Neglect - Ohio

            Date: April 2019

            Physical Abuse

            Citation: Rev. Code § 2151.031; Admin. Code § 5101:2-1-01

            An 'abused child' includes any child who exhibits evidence of any physical or mental injury \
            or death, inflicted other than by accidental means (Rev. Code § 2151.031(C)).

            Reporting

            Citation: Rev. Code § 2151.421(A)(1)(a) et seq.

            See also Rev. Code §§ 2151.421 to 2151.423 and Admin. Code § 5101:2-36-01.
            """),
        Document(name: "me-2020-central-registry.txt", state: "ME", text: """
            Establishment and Maintenance of Central Registries - Maine

            Date: June 2020

            Establishment of Registry

            Citation: Rev. Stat. Tit. 22, §§ 4002; 4008

            Records are kept as required by Rev. Stat. Tit. 22, § 4008(3) and 42 U.S.C. § 5106a.

            Trafficking

            Citation: Rev. Stat. Tit. 17-A, § 852
            """),
        Document(name: "md-2019-definitions.txt", state: "MD", text: """
            Definitions of Child Abuse and Neglect - Maryland

            Date: March 2019

            Physical Abuse

            Citation: Fam. Law § 5-701; Ann. Code Art. 27, § 11

            'Abuse' means physical or mental injury of a child, as the terms are used in Fam. Law § 5-701(b) \
            and Crim. Law § 3-601.

            Sexual Abuse

            Citation: Crim. Law § 11-303; Cts. & Jud. Proc. § 3-801
            """),
        Document(name: "ma-2019-definitions.txt", state: "MA", text: """
            Definitions of Child Abuse and Neglect - Massachusetts

            Date: 2019

            Reports

            Citation: Gen. Laws Ch. 119, §§ 51A; 51B; Code of Mass. Regs. Tit. 110, § 2.00

            Reports are made under Gen. Laws Ch. 119, § 51A and investigated under § 51B.
            """),
        Document(name: "pa-2020-definitions.txt", state: "PA", text: """
            Definitions of Child Abuse and Neglect - Pennsylvania

            Date: 2020

            Definitions

            Citation: Cons. Stat. Tit. 23, § 6303; Admin. Code Tit. 55, § 3490.4

            'Child abuse' has the meaning in 23 Pa. Cons. Stat. § 6303(b.1), and trafficking the meaning in \
            Cons. Stat. Tit. 18, § 3011.
            """),
        Document(name: "ms-2018-trafficking.txt", state: "MS", text: """
            Responding to Child Victims of Human Trafficking - Mississippi

            Date: December 2018

            State Agency Responsibilities

            Citation: Ann. Code § 43-21-105; Code of Rules § 18-006-102; Youth Ct. R. § 12

            A sex trafficking victim is defined in Ann. Code § 97-3-54.4 and in the Trafficking Victims \
            Protection Act of 2000, Pub. L. 106-386.

            Services

            Citation: Ann. Code §§ 97-3-54.1 through 97-3-54.4

            Services follow the Zoning Ordinance § 4 of the county.
            """, expectedWarnings: ["code name \"Youth Ct. R.\"", "code name \"Zoning Ordinance\""]),
        Document(name: "us-2019-federal.txt", state: nil, text: """
            Federal Definitions of Child Abuse and Neglect

            Date: 2019

            Definitions

            Citation: 42 U.S.C. § 5106g; 22 U.S.C. § 7102; 45 C.F.R. §§ 1356.21 to 1356.30

            States receiving grants under 42 U.S.C. § 5106a must define abuse at a minimum as in \
            42 U.S.C. § 5106g(b)(2).
            """),
    ]
}

/// `CitationParser.read` stops at its limits: a flood of citations costs no more than the limit.
@Suite("Citation limits")
struct CitationLimitTests {
    @Test func readingStopsAtTheCitationLimit() {
        let flood = String(repeating: "§§ 1-", count: 100_000)
        let scan = CitationParser.read(flood, isLine: true, maxCitations: 25, maxProblems: 1_000)
        #expect(scan.citations.count == 25)
        #expect(scan.truncated)
    }

    @Test func readingStopsAtTheProblemLimit() {
        let flood = String(repeating: "not a citation; ", count: 50_000)
        let scan = CitationParser.read(flood, isLine: true, maxCitations: 1_000, maxProblems: 10)
        #expect(scan.problems.count == 10)
        #expect(scan.droppedProblems == 49_990)
        #expect(scan.citations.isEmpty)
        #expect(!scan.truncated)
    }

    @Test func aLongSectionListStopsAtTheLimit() {
        let list = "Ann. Code §§ " + (1...5_000).map { "1-2-\($0)" }.joined(separator: ", ")
        let scan = CitationParser.read(list, isLine: true, maxCitations: 30, maxProblems: 10)
        #expect(scan.citations.count == 30)
        #expect(scan.citations.last?.section == "1-2-30")
        #expect(scan.truncated)
    }

    @Test func underTheLimitsNothingIsCut() {
        let scan = CitationParser.read("Ann. Code § 43-21-105; Code of Rules § 18-006-102", isLine: true, maxCitations: 2, maxProblems: 1)
        #expect(scan.citations.count == 2)
        #expect(!scan.truncated)
        #expect(scan.citations.map(\.section) == CitationParser.parse("Ann. Code § 43-21-105; Code of Rules § 18-006-102").citations.map(\.section))
    }
}
