/// The wording of warnings about citations, in one place: extraction and normalization write
/// them into the record's `warnings`, and `lexpipe citations` reads back which section and
/// citation each one is about.
///
/// - `section 3: citation text "…": not a citation` (the text of a section could not be read)
/// - `section 3, citation 2 "Foo Code § 12": code name "Foo Code" is not in …` (one citation)
/// - `section 3, reference 1 "Foo Code § 12": …` (one law named in the section's prose)
public enum CitationWarning {
    /// A warning about citation text of section `section` (1-based) that gave no citation.
    public static func text(section: Int, _ text: some StringProtocol, _ problem: String) -> String {
        "section \(section): citation text \"\(text)\": \(problem)"
    }

    /// A warning about citation `index` (1-based) of section `section`.
    public static func citation(section: Int, index: Int, raw: String, _ problem: String) -> String {
        "section \(section), citation \(index) \"\(raw)\": \(problem)"
    }

    /// A warning about reference `index` (1-based) of section `section`.
    public static func reference(section: Int, index: Int, raw: String, _ problem: String) -> String {
        "section \(section), reference \(index) \"\(raw)\": \(problem)"
    }

    /// The section and, for a warning about one citation or reference, which one a warning
    /// written by `text`, `citation` or `reference` is about; `nil` for any other warning.
    public static func location(of warning: String) -> (section: Int, citation: Int?, reference: Int?)? {
        guard warning.hasPrefix("section ") else { return nil }
        var rest = warning.dropFirst("section ".count)
        let sectionDigits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
        guard let section = Int(sectionDigits) else { return nil }
        rest = rest.dropFirst(sectionDigits.count)
        if rest.hasPrefix(": citation text \"") { return (section, nil, nil) }
        for (label, isReference) in [(", citation ", false), (", reference ", true)] where rest.hasPrefix(label) {
            rest = rest.dropFirst(label.count)
            let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
            guard let index = Int(digits), rest.dropFirst(digits.count).hasPrefix(" \"") else { return nil }
            return isReference ? (section, nil, index) : (section, index, nil)
        }
        return nil
    }
}
