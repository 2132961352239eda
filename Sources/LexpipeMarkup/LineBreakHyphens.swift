/// How a word broken at a line end with a hyphen is made whole again, decided by what the
/// document itself writes: a conversion hyphenates words at the wrap (`adjudica-` / `ted`), but a
/// compound can also break at its own hyphen (`health-` / `care`). The hyphen is kept when the
/// document writes the compound with its hyphen somewhere inside a line, and dropped otherwise.
/// A soft hyphen (U+00AD) marks a break point only: the word is always joined.
struct LineBreakHyphens {
    /// The document's words with a hyphen between letters (`health-care`), ASCII letters in
    /// lower case; read on first use.
    private var compounds: Set<[UInt8]>?

    /// Whether `before` (ending in the letters before the hyphen) and `after` (starting with the
    /// letters after the line break) are one compound the document writes with its hyphen.
    mutating func keepsHyphen(before: some BidirectionalCollection<UInt8>, after: some Collection<UInt8>, in document: Span<UInt8>) -> Bool {
        // Walked back from the end: the paragraph before the break may be long, the word is not.
        var start = before.endIndex
        while start > before.startIndex {
            let previous = before.index(before: start)
            guard LineBreakHyphens.isLetter(before[previous]) else { break }
            start = previous
        }
        let head = before[start...]
        let tail = after.prefix(while: LineBreakHyphens.isLetter)
        guard !head.isEmpty, !tail.isEmpty else { return false }
        if compounds == nil { compounds = LineBreakHyphens.compounds(in: document) }
        guard !compounds!.isEmpty else { return false }
        var word = head.map(LineBreakHyphens.lowered)
        word.append(UInt8(ascii: "-"))
        word += tail.map(LineBreakHyphens.lowered)
        return compounds!.contains(word)
    }

    /// Every word of the document with a hyphen inside it, between two letters on one line.
    private static func compounds(in document: Span<UInt8>) -> Set<[UInt8]> {
        var found = Set<[UInt8]>()
        document.withUnsafeBufferPointer { buffer in
            var index = 1
            while index + 1 < buffer.count {
                index = buffer.offset(of: UInt8(ascii: "-"), from: index, to: buffer.count - 1)
                guard index + 1 < buffer.count else { break }
                defer { index += 1 }
                guard isLetter(buffer[index - 1]), isLetter(buffer[index + 1]) else { continue }
                var start = index - 1
                while start > 0, isLetter(buffer[start - 1]) || buffer[start - 1] == UInt8(ascii: "-") { start -= 1 }
                var end = index + 1
                while end < buffer.count, isLetter(buffer[end]) || buffer[end] == UInt8(ascii: "-") { end += 1 }
                // A word of several hyphens (`well-to-do`) is entered as each pair of its pieces
                // (runs of letters between hyphens) one after the other, lower-cased.
                var previous: Range<Int>?
                var pieceStart = start
                while pieceStart < end {
                    while pieceStart < end, buffer[pieceStart] == UInt8(ascii: "-") { pieceStart += 1 }
                    guard pieceStart < end else { break }
                    var pieceEnd = pieceStart
                    while pieceEnd < end, buffer[pieceEnd] != UInt8(ascii: "-") { pieceEnd += 1 }
                    if let left = previous {
                        var pair: [UInt8] = []
                        pair.reserveCapacity(left.count + 1 + pieceEnd - pieceStart)
                        for offset in left { pair.append(lowered(buffer[offset])) }
                        pair.append(UInt8(ascii: "-"))
                        for offset in pieceStart..<pieceEnd { pair.append(lowered(buffer[offset])) }
                        found.insert(pair)
                    }
                    previous = pieceStart..<pieceEnd
                    pieceStart = pieceEnd
                }
                index = end - 1
            }
        }
        return found
    }

    /// A letter: ASCII, or any byte of a non-ASCII scalar (accented letters).
    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Whether the text ends in a soft hyphen (U+00AD, `C2 AD`).
    static func endsInSoftHyphen(_ text: some BidirectionalCollection<UInt8>) -> Bool {
        text.count >= 2 && text.last == 0xAD && text.dropLast().last == 0xC2
    }
}
