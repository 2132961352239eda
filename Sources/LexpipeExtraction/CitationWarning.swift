public import LexpipeRecord

/// The wording of warnings about citation text, in one place.
public enum CitationWarning {
    /// A warning about citation text of section `section` (1-based) that gave no citation:
    /// `section 3: citation text "…": not a citation`.
    public static func text(section: Int, _ text: some StringProtocol, _ problem: String) -> Diagnostic {
        Diagnostic(.citationText, .section(section), "citation text \"\(text)\": \(problem)")
    }
}
