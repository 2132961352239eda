import LexpipeIngest
import LexpipeJurisdictions

/// Laws prose names with the word rather than the sign: `Section 20A.02, Penal Code`,
/// `section 43-21-105 of the Code`, `Sections 3185 through 3191 of Title 7`.
///
/// The word is common in prose (`this section`, `section 2 of the form`), so a number after it
/// is a reference only when a code is named with it: a known code name after the number (`,
/// Penal Code`, `of the Penal Code`), `of the Code` (the code of the section's `Citation:` line),
/// or `of Title T` (a title of that code).
enum SectionWordReferences {
    /// The references in `text` named with `Section`, each with the offset (in characters) where
    /// it starts; `sectionCitation` is the section's first citation, whose code `of the Code` and
    /// `of Title T` cite.
    static func find(
        in text: String, codeNames: KnownCodeNames, sectionCitation: CitationReference?
    ) -> [(offset: Int, reference: CitationReference)] {
        guard mayName(text) else { return [] }
        let words = Word.split(text)
        var found: [(Int, CitationReference)] = []
        var index = 0
        while index < words.count {
            defer { index += 1 }
            // Only ASCII letters lower-case to these words' letters: a word of another length is
            // neither, and is not copied lower-cased.
            let length = words[index].bare.utf8.count
            guard length == 7 || length == 8 else { continue }
            let word = words[index].bare.lowercased()
            guard word == "section" || word == "sections", index + 1 < words.count, words[index].trailing.isEmpty else {
                continue
            }
            var cursor = index + 1
            let first = words[cursor]
            guard isSectionNumber(first.bare) else { continue }
            var last = first
            var end: String?
            if first.trailing.isEmpty, cursor + 2 < words.count,
                ["through", "to"].contains(words[cursor + 1].text), isSectionNumber(words[cursor + 2].bare)
            {
                cursor += 2
                last = words[cursor]
                end = String(last.bare)
            }
            var reference = CitationReference(
                raw: "", codeName: "", division: nil, leadingTitle: nil, designator: .section, section: String(first.bare),
                sectionEnd: end, etSeq: false
            )
            var stop: Int
            var rawEnd: String.Index
            if last.trailing == ",", let name = knownName(words, from: cursor + 1, codeNames: codeNames) {
                // `Section 20A.02, Penal Code`.
                reference.codeName = name.text
                (stop, rawEnd) = (name.end, name.endIndex)
            } else if !last.trailing.isEmpty {
                continue
            } else if cursor + 2 < words.count, words[cursor + 1].text == "of" {
                let next = words[cursor + 2]
                if next.text == "the", cursor + 3 < words.count, ["Code", "Code."].contains(words[cursor + 3].bare),
                    let section = sectionCitation
                {
                    // `section 43-21-105 of the Code`: the code the section's `Citation:` line cites.
                    reference.codeName = section.codeName
                    reference.division = section.division
                    reference.leadingTitle = section.leadingTitle
                    stop = cursor + 3
                    let word = words[stop]
                    rawEnd = word.bare.hasSuffix(".") ? word.bare.index(before: word.bare.endIndex) : word.bare.endIndex
                } else if next.text == "the", let name = knownName(words, from: cursor + 3, codeNames: codeNames) {
                    // `section 20A.02 of the Penal Code`.
                    reference.codeName = name.text
                    (stop, rawEnd) = (name.end, name.endIndex)
                } else if next.bare == "Title", cursor + 3 < words.count, let section = sectionCitation,
                    words[cursor + 3].bare.first?.isNumber == true
                {
                    // `Sections 3185 through 3191 of Title 7`: a title of the section's code; a
                    // sentence's period after it is not part of it (`Title 34-B.`).
                    var title = words[cursor + 3].bare
                    if title.hasSuffix(".") { title = title.dropLast() }
                    reference.codeName = section.codeName
                    reference.division = Division(kind: .title, number: String(title))
                    reference.leadingTitle = nil
                    stop = cursor + 3
                    rawEnd = title.endIndex
                } else {
                    continue
                }
            } else {
                continue
            }
            reference.raw = String(text[words[index].text.startIndex..<rawEnd])
            found.append((words[index].start, reference))
            index = stop
        }
        return found
    }

    /// Whether `text` may name a law with the word, found by its bytes before any word is cut:
    /// it holds `ection` after `s` or `S` at a word's start (of `Section`, `sections`), and some
    /// `section` or `sections` in any ASCII case followed by white space and what may start a
    /// section number (a digit or a capital). Most paragraphs fail one or the other in one pass.
    private static func mayName(_ text: String) -> Bool {
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var mentions = false
            var numbered = false
            var from = 0
            // Each `section` in any ASCII case, found sixteen bytes at a time.
            while let found = ASCIIText.firstRange(of: "section", in: bytes, from: from) {
                from = found.lowerBound + 1
                let start = found.lowerBound
                if !mentions, UnsafeBufferPointer(rebasing: bytes[(start + 1)..<found.upperBound]).elementsEqual("ection".utf8) {
                    // A word of its own: at the start, or after white space (ASCII, or a scalar
                    // of more bytes: `Word.split` decides).
                    let before = start > 0 ? bytes[start - 1] : 0x20
                    mentions = before == 0x20 || before >= 0x09 && before <= 0x0D || before >= 0x80
                }
                if !numbered {
                    // White space after the word (a scalar of more bytes may be), then a digit or
                    // a capital.
                    var after = found.upperBound
                    if after < bytes.count, bytes[after] | 0x20 == UInt8(ascii: "s") { after += 1 }
                    var next = after
                    while next < bytes.count, bytes[next] == 0x20 || bytes[next] >= 0x09 && bytes[next] <= 0x0D || bytes[next] >= 0x80 {
                        next += 1
                    }
                    numbered = next > after && next < bytes.count
                        && (bytes[next] >= UInt8(ascii: "0") && bytes[next] <= UInt8(ascii: "9")
                            || bytes[next] >= UInt8(ascii: "A") && bytes[next] <= UInt8(ascii: "Z"))
                }
                if mentions, numbered { return true }
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
    }

    /// `references` (read from `text` in order, with `§`) and `worded` merged in order of
    /// appearance in `text`.
    static func merge(
        _ references: [CitationReference], _ worded: [(offset: Int, reference: CitationReference)], in text: String
    ) -> [CitationReference] {
        guard !references.isEmpty else { return worded.map(\.reference) }
        // Where each reference read with `§` stands: found in order, each after the one before.
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        var from = 0
        for reference in references {
            let raw = Array(reference.raw.unicodeScalars)
            var at = from
            var found: Int?
            while !raw.isEmpty, at + raw.count <= scalars.count {
                if scalars[at] == raw[0], scalars[at..<(at + raw.count)].elementsEqual(raw) {
                    found = at
                    break
                }
                at += 1
            }
            offsets.append(found ?? from)
            if let found { from = found + raw.count }
        }
        var merged: [CitationReference] = []
        var next = 0
        for (offset, reference) in zip(offsets, references) {
            while next < worded.count, worded[next].offset < offset {
                merged.append(worded[next].reference)
                next += 1
            }
            merged.append(reference)
        }
        merged += worded[next...].map(\.reference)
        return merged
    }

    /// Words that end a code's name written out or abbreviated (`Penal Code`, `Ann. Stat.`,
    /// `Comp. Laws`).
    private static let lawWords: Set<String> = [
        "code", "law", "laws", "stat", "stats", "statutes", "regs", "regulations", "rules", "r", "act", "manual",
    ]

    /// The law words written abbreviated, whose period is their own.
    private static let abbreviations: Set<String> = ["stat", "stats", "regs", "r"]

    /// The longest known code name of one to eight words starting at word `from`; else, for a
    /// code the table does not hold (a document naming no state), the longest run of capitalized
    /// words (and `&`, `of`) ending in a word that names a body of law.
    private static func knownName(
        _ words: [Word], from: Int, codeNames: KnownCodeNames
    ) -> (text: String, end: Int, endIndex: String.Index)? {
        guard from < words.count, words[from].bare.first?.isUppercase == true else { return nil }
        var best: (text: String, end: Int, endIndex: String.Index)?
        var name = ""
        for index in from..<min(words.count, from + 8) {
            let word = words[index]
            name += (name.isEmpty ? "" : " ") + word.bare
            let plain = word.bare.dropLast()
            if word.bare.hasSuffix("."), lawWords.contains(plain.lowercased()), !abbreviations.contains(plain.lowercased()),
                codeNames.contains(String(name.dropLast()))
            {
                // A sentence's period after a whole word is not part of the name (`Penal Code.`).
                best = (String(name.dropLast()), index, plain.endIndex)
            } else if codeNames.contains(name) {
                best = (name, index, word.bare.endIndex)
            } else if word.bare.hasSuffix("."), codeNames.contains(String(name.dropLast())) {
                // A sentence's period after the name.
                best = (String(name.dropLast()), index, word.bare.index(before: word.bare.endIndex))
            }
            if !word.trailing.isEmpty { break }
        }
        if best != nil { return best }
        for index in from..<min(words.count, from + 6) {
            let word = words[index]
            let plain = word.bare.hasSuffix(".") ? word.bare.dropLast() : word.bare
            guard word.bare.first?.isUppercase == true || ["&", "of"].contains(word.bare) else { break }
            if lawWords.contains(plain.lowercased()) {
                let start = words[from].bare.startIndex
                // A sentence's period after a whole word is not part of the name (`Penal Code.`);
                // an abbreviation's is (`Ann. Stat.`).
                let whole = plain.count < word.bare.count && !abbreviations.contains(plain.lowercased())
                let end = whole ? plain.endIndex : word.bare.endIndex
                best = (String(words[from].text.base[start..<end]), index, end)
            }
            if !word.trailing.isEmpty { break }
        }
        // One word (`the Act`, `Code`) names no code by itself.
        guard let found = best, found.end > from else { return nil }
        return found
    }

    /// A section number: a digit first (or a capital and a digit: `R741-174-3`), then digits,
    /// letters, `.`, `-`, `:` and `/`.
    private static func isSectionNumber(_ word: Substring) -> Bool {
        guard let first = word.first, first.isASCII, word.last?.isLetter == true || word.last?.isNumber == true else {
            return false
        }
        guard first.isNumber || (first.isUppercase && word.dropFirst().first?.isNumber == true) else { return false }
        return word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0.isAny(of: ".-:/")) }
    }

    /// A word of prose: its text without the punctuation that follows it (`,` `;` `)` and a
    /// sentence's period), and where it stands.
    private struct Word {
        var text: Substring
        /// The word without trailing `,`, `;`, `)` or `:`; a final period is kept (it may be an
        /// abbreviation's) unless after a digit.
        var bare: Substring
        /// The punctuation cut from the end.
        var trailing: Substring
        /// Where the word starts, in Unicode scalars.
        var start: Int

        /// `properties.isWhitespace`, answered for ASCII without the property lookup.
        private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == " " || scalar.value >= 0x09 && scalar.value <= 0x0D : scalar.properties.isWhitespace
        }

        static func split(_ text: String) -> [Word] {
            var words: [Word] = []
            let scalars = text.unicodeScalars
            var index = scalars.startIndex
            var offset = 0
            while index < scalars.endIndex {
                while index < scalars.endIndex, isWhitespace(scalars[index]) {
                    index = scalars.index(after: index)
                    offset += 1
                }
                guard index < scalars.endIndex else { break }
                let start = index
                let startOffset = offset
                while index < scalars.endIndex, !isWhitespace(scalars[index]) {
                    index = scalars.index(after: index)
                    offset += 1
                }
                let word = text[start..<index]
                var bareEnd = word.endIndex
                while bareEnd > word.startIndex {
                    let previous = word.index(before: bareEnd)
                    let character = word[previous]
                    let cut = character.isAny(of: ",;):")
                        || (character == "." && previous > word.startIndex && word[word.index(before: previous)].isNumber)
                    guard cut else { break }
                    bareEnd = previous
                }
                words.append(Word(text: word, bare: word[..<bareEnd], trailing: word[bareEnd...], start: startOffset))
            }
            return words
        }
    }
}
