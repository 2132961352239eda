/// Reads a grade letter that PDF conversion may have replaced by a look-alike from another
/// script: Cyrillic `В` for `B`, Greek `Α` for `A`, full-width `Ｆ` for `F`.
public enum GradeLetter {
    /// A letter as read, and the script it was written in when that was not Latin.
    public struct Reading: Sendable, Equatable {
        /// `A` to `F`.
        public var letter: Character
        /// The character on the card, when it was a look-alike.
        public var homoglyph: Unicode.Scalar?
        /// The look-alike's script (`Cyrillic`, `Greek`, `full-width`).
        public var script: String?
    }

    private static let lookAlikes: [Unicode.Scalar: (Character, String)] = [
        "\u{0410}": ("A", "Cyrillic"), "\u{0412}": ("B", "Cyrillic"), "\u{0421}": ("C", "Cyrillic"),
        "\u{0391}": ("A", "Greek"), "\u{0392}": ("B", "Greek"), "\u{03F9}": ("C", "Greek"), "\u{03DC}": ("F", "Greek"),
        "\u{FF21}": ("A", "full-width"), "\u{FF22}": ("B", "full-width"), "\u{FF23}": ("C", "full-width"),
        "\u{FF24}": ("D", "full-width"), "\u{FF26}": ("F", "full-width"),
        "\u{13A0}": ("D", "Cherokee"), "\u{13DF}": ("C", "Cherokee"), "\u{13AA}": ("A", "Cherokee"),
        "\u{13F4}": ("B", "Cherokee"),
    ]

    /// The grade a one-letter token stands for, or `nil` when it is no grade letter.
    public static func read(_ token: some StringProtocol) -> Reading? {
        let scalars = token.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return nil }
        if ("A"..."D").contains(scalar) || scalar == "F" { return Reading(letter: Character(scalar), homoglyph: nil, script: nil) }
        if let (letter, script) = lookAlikes[scalar] { return Reading(letter: letter, homoglyph: scalar, script: script) }
        return nil
    }
}
