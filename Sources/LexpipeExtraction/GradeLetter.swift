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
        // An ASCII letter is its one byte: most words are ruled out by their first two bytes.
        let utf8 = token.utf8
        guard let first = utf8.first else { return nil }
        if first < 0x80 {
            guard utf8.count == 1, first >= UInt8(ascii: "A") && first <= UInt8(ascii: "D") || first == UInt8(ascii: "F") else { return nil }
            return Reading(letter: Character(Unicode.Scalar(first)), homoglyph: nil, script: nil)
        }
        // A look-alike: one scalar and no second.
        var scalars = token.unicodeScalars.makeIterator()
        guard let scalar = scalars.next(), scalars.next() == nil else { return nil }
        if ("A"..."D").contains(scalar) || scalar == "F" { return Reading(letter: Character(scalar), homoglyph: nil, script: nil) }
        if let (letter, script) = lookAlikes[scalar] { return Reading(letter: letter, homoglyph: scalar, script: script) }
        return nil
    }
}

/// Latin letters that a conversion wrote with a Cyrillic or Greek look-alike inside a Latin
/// word (`Сontinuum` with a Cyrillic `С`).
public enum LatinLookAlikes {
    private static let latin: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{0410}": "A", "\u{0412}": "B", "\u{0421}": "C", "\u{0415}": "E", "\u{041D}": "H", "\u{041A}": "K",
        "\u{041C}": "M", "\u{041E}": "O", "\u{0420}": "P", "\u{0422}": "T", "\u{0425}": "X", "\u{0430}": "a",
        "\u{0435}": "e", "\u{043E}": "o", "\u{0440}": "p", "\u{0441}": "c", "\u{0445}": "x", "\u{0443}": "y",
        "\u{0391}": "A", "\u{0392}": "B", "\u{0395}": "E", "\u{039F}": "O", "\u{03A1}": "P", "\u{03A4}": "T",
        "\u{03BF}": "o",
    ]

    /// The text with every look-alike in a word that also holds a Latin letter written in
    /// Latin, and the look-alikes replaced; a word wholly in another script stays as it is.
    public static func repaired(_ text: String) -> (text: String, replaced: [Unicode.Scalar]) {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return (text, []) }
        var replaced: [Unicode.Scalar] = []
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard word.unicodeScalars.contains(where: { latin[$0] != nil }),
                word.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic })
            else { return String(word) }
            var scalars = String.UnicodeScalarView()
            for scalar in word.unicodeScalars {
                if let letter = latin[scalar] {
                    replaced.append(scalar)
                    scalars.append(letter)
                } else {
                    scalars.append(scalar)
                }
            }
            return String(scalars)
        }
        return (words.joined(separator: " "), replaced)
    }
}

