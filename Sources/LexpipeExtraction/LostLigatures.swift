import LexpipeRecord

/// Words whose `fi`, `fl` or `ff` ligature a PDF-to-text conversion lost (`Denitions`, `ofcer`,
/// `conict`, `Trafcking`) or left as a space (`De nitions`, `of cer`), given back from a word
/// list (`LigatureWords`): a word is repaired only when its lost reading is no word itself and
/// only one listed word reads so.
///
/// A document shows the symptom when its text holds far fewer `fi`, `fl` and `ff` than English
/// does (about one in 300 letters; one in 1,000 or fewer here): one font sets the three alike,
/// and the few left are those a soft hyphen or a line break kept apart. Only then are its words
/// looked up, so other documents cost one byte scan.
public enum LostLigatures {
    /// Whether `texts` show lost ligatures.
    public static func shows(_ texts: [String]) -> Bool {
        // No text has more letters than bytes: once the ligatures are more than one in 1,000
        // bytes, the letters need no counting. A text as English writes it gets there within
        // its first half, its `f`s found by `memchr`.
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        var ligatures = 0
        for text in texts {
            ligatures += ligatureCount(in: text)
            if ligatures * 1000 > bytes { return false }
        }
        var letters = 0
        for text in texts {
            for byte in text.utf8 where byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") {
                letters += 1
            }
        }
        return letters > 0 && ligatures * 1000 <= letters
    }

    /// How many times `f` stands before `i`, `l` or `f` in `text`.
    private static func ligatureCount(in text: String) -> Int {
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var found = 0
            var index = bytes.offset(of: UInt8(ascii: "f"), from: 0, to: bytes.count)
            while index + 1 < bytes.count {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "i") || next == UInt8(ascii: "l") || next == UInt8(ascii: "f") { found += 1 }
                index = bytes.offset(of: UInt8(ascii: "f"), from: index + 1, to: bytes.count)
            }
            return found
        }
        return text.utf8.withContiguousStorageIfAvailable(count) ?? Array(text.utf8).withUnsafeBufferPointer(count)
    }

    /// `text` with each word that lost a ligature given back, and the words repaired (as
    /// written, and as given back).
    public static func repair(_ text: String) -> (text: String, repaired: [(lost: String, word: String)]) {
        let bytes = Array(text.utf8)
        return repair(text, bytes, words(in: bytes))
    }

    /// `repair`, then `repairWordReadings` of what it gives: the text's words are found once
    /// where the first gives nothing back.
    static func repair(_ text: String, evidence: () -> Set<String>) -> (text: String, repaired: [(lost: String, word: String)]) {
        let bytes = Array(text.utf8)
        let words = Self.words(in: bytes)
        let first = repair(text, bytes, words)
        guard first.repaired.isEmpty else {
            let repairedBytes = Array(first.text.utf8)
            let second = repairWordReadings(first.text, repairedBytes, Self.words(in: repairedBytes), evidence: evidence)
            return (second.text, first.repaired + second.repaired)
        }
        return repairWordReadings(text, bytes, words, evidence: evidence)
    }

    /// `repair` of `text`, whose bytes and words are given.
    private static func repair(_ text: String, _ bytes: [UInt8], _ words: [Range<Int>]) -> (text: String, repaired: [(lost: String, word: String)]) {
        guard !words.isEmpty else { return (text, []) }
        let table = Repairs.shared
        var out: [UInt8] = []
        var repaired: [(String, String)] = []
        var copied = 0
        var index = 0
        while index < words.count {
            // A word split by spaces where ligatures stood (`De nitions`, `ef ciency`): up to
            // three pieces, each space a single one.
            var joined: (word: String, pieces: Int)?
            for pieces in stride(from: min(3, words.count - index), through: 2, by: -1) {
                let run = words[index..<(index + pieces)]
                guard zip(run, run.dropFirst()).allSatisfy({ $0.upperBound + 1 == $1.lowerBound && bytes[$0.upperBound] == 0x20 }) else {
                    continue
                }
                if let word = table.spaced.word(for: bytes[run.first!.lowerBound..<run.last!.upperBound]) {
                    joined = (word, pieces)
                    break
                }
            }
            let range: Range<Int>
            let word: String
            if let joined {
                range = words[index].lowerBound..<words[index + joined.pieces - 1].upperBound
                word = joined.word
                index += joined.pieces
            } else {
                range = words[index]
                index += 1
                guard let found = table.dropped.word(for: bytes[range]) else { continue }
                word = found
            }
            let written = String(decoding: bytes[range], as: UTF8.self)
            let cased = Self.cased(word, like: written)
            out += bytes[copied..<range.lowerBound]
            out += cased.utf8
            copied = range.upperBound
            repaired.append((written, cased))
        }
        guard !repaired.isEmpty else { return (text, []) }
        out += bytes[copied...]
        return (String(decoding: out, as: UTF8.self), repaired)
    }

    /// `text` with each word whose lost reading is a word itself given back (`Tracking` as
    /// `Trafficking`), where `evidence` (the document's other texts) writes the listed word and
    /// never the reading. The evidence is read only when `text` holds such a reading.
    private static func repairWordReadings(
        _ text: String, _ bytes: [UInt8], _ words: [Range<Int>], evidence: () -> Set<String>
    ) -> (text: String, repaired: [(lost: String, word: String)]) {
        let table = Repairs.shared
        var evidenced: Set<String>?
        var out: [UInt8] = []
        var repaired: [(String, String)] = []
        var copied = 0
        for range in words {
            guard let word = table.droppedWords.word(for: bytes[range]) else { continue }
            let reading = lowercased(bytes[range])
            if evidenced == nil { evidenced = evidence() }
            guard evidenced!.contains(word), !evidenced!.contains(reading) else { continue }
            let written = String(decoding: bytes[range], as: UTF8.self)
            let cased = cased(word, like: written)
            out += bytes[copied..<range.lowerBound]
            out += cased.utf8
            copied = range.upperBound
            repaired.append((written, cased))
        }
        guard !repaired.isEmpty else { return (text, []) }
        out += bytes[copied...]
        return (String(decoding: out, as: UTF8.self), repaired)
    }

    /// The words of the topic every document lexpipe reads is about: in evidence wherever the
    /// document does not write their lost readings (`tracking`) as words of its own.
    static let topicWords: Set<String> = ["trafficking", "trafficked", "trafficker", "traffickers"]

    /// The runs of ASCII letters in `texts`, in lower case.
    static func lowercasedWords(_ texts: [String]) -> Set<String> {
        var found = Set<String>()
        for text in texts {
            let bytes = Array(text.utf8)
            for range in words(in: bytes) { found.insert(lowercased(bytes[range])) }
        }
        return found
    }

    /// ASCII letters in lower case, as a `String`.
    private static func lowercased(_ letters: ArraySlice<UInt8>) -> String {
        String(unsafeUninitializedCapacity: letters.count) { buffer in
            for (offset, byte) in letters.enumerated() { buffer[offset] = byte | 0x20 }
            return letters.count
        }
    }

    /// The runs of ASCII letters in `bytes`.
    private static func words(in bytes: [UInt8]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for (index, byte) in bytes.enumerated() {
            let isLetter = byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
            if isLetter, start == nil { start = index }
            if !isLetter, let begin = start {
                words.append(begin..<index)
                start = nil
            }
        }
        if let start { words.append(start..<bytes.count) }
        return words
    }

    /// `word` (lower case) in the case `written` has: all capitals, a capital first, or as is.
    private static func cased(_ word: String, like written: String) -> String {
        let letters = written.filter(\.isLetter)
        if letters.count > 1, letters.allSatisfy(\.isUppercase) { return word.uppercased() }
        if written.first?.isUppercase == true { return word.prefix(1).uppercased() + word.dropFirst() }
        return word
    }

    /// The lost readings of the listed words, each with the one word it gives back.
    struct Repairs: Sendable {
        /// `denitions` → `definitions`.
        let dropped = Readings(LigatureWords.dropped)
        /// `de nitions` → `definitions`.
        let spaced = Readings(LigatureWords.spaced)
        /// Lost readings that are words themselves, each with the one listed word it may stand
        /// for (`tracking` → `trafficking`): given back only on the document's own evidence.
        let droppedWords = Readings(LigatureWords.droppedWords)

        /// Read on first use from the generated tables (`scripts/ligature-words.py` reads the
        /// fonts and decides which readings are words or shared by two words).
        static let shared = Repairs()
    }

    /// One of `LigatureWords`' tables, `reading=word` lines sorted by reading in byte order,
    /// looked up in place by binary search among the lines whose reading starts with the same
    /// two bytes (a letter, then the end, a space or a letter): only where each line and each
    /// such run of lines starts is found first.
    struct Readings: Sendable {
        private let bytes: [UInt8]
        private let lines: [Int32]
        /// The lines of the readings that start with each pair: `lines[runs[p]..<runs[p + 1]]`.
        private let runs: [Int32]
        /// Two bits of `filterBits` set for each reading, from a hash of its bytes: a word
        /// whose two bits are not both set is no reading, known without a search (one word in
        /// forty or fewer that is no reading passes). Most words of a text are none, and the
        /// search's steps through the table miss the cache.
        private let filter: [UInt64]
        private static let filterBits = 1 << 15

        init(_ table: String) {
            bytes = Array(table.utf8)
            var lines: [Int32] = [0]
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { lines.append(Int32(offset + 1)) }
            var runs = [Int32](repeating: 0, count: 26 * 28 + 1)
            var filter = [UInt64](repeating: 0, count: Readings.filterBits / 64)
            for line in lines {
                let reading = bytes[Int(line)...].prefix { $0 != UInt8(ascii: "=") }
                guard let pair = Readings.pair(reading) else { preconditionFailure("a reading starts with a letter") }
                runs[pair + 1] += 1
                let (first, second) = Readings.filterPlaces(reading)
                filter[first >> 6] |= 1 << UInt64(first & 63)
                filter[second >> 6] |= 1 << UInt64(second & 63)
            }
            for pair in 1..<runs.count { runs[pair] += runs[pair - 1] }
            self.lines = lines
            self.runs = runs
            self.filter = filter
        }

        /// The two bits of the filter for `letters`, from their FNV-1a hash in lower case.
        @inline(__always)
        private static func filterPlaces(_ letters: ArraySlice<UInt8>) -> (Int, Int) {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for letter in letters { hash = (hash ^ UInt64(letter | 0x20)) &* 0x0000_0100_0000_01B3 }
            return (Int(truncatingIfNeeded: hash) & (filterBits - 1), Int(truncatingIfNeeded: hash >> 32) & (filterBits - 1))
        }

        /// The run of the readings that start as `letters` does, in their order: a letter, then
        /// the end before a space before a letter. `nil` when `letters` start with no letter.
        private static func pair(_ letters: ArraySlice<UInt8>) -> Int? {
            guard let first = letters.first, first | 0x20 >= UInt8(ascii: "a"), first | 0x20 <= UInt8(ascii: "z") else { return nil }
            let second: Int
            if letters.count == 1 {
                second = 0
            } else {
                let byte = letters[letters.startIndex + 1] | 0x20
                second = byte == 0x20 ? 1 : byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? Int(byte - UInt8(ascii: "a")) + 2 : 0
            }
            return Int((first | 0x20) - UInt8(ascii: "a")) * 28 + second
        }

        /// The word that `letters` (ASCII letters, with single spaces between the pieces of a
        /// spaced reading), in lower case, read as.
        func word(for letters: ArraySlice<UInt8>) -> String? {
            guard let pair = Readings.pair(letters) else { return nil }
            let (first, second) = Readings.filterPlaces(letters)
            guard filter[first >> 6] & 1 << UInt64(first & 63) != 0, filter[second >> 6] & 1 << UInt64(second & 63) != 0 else {
                return nil
            }
            var low = Int(runs[pair])
            var high = Int(runs[pair + 1])
            while low < high {
                let middle = (low + high) / 2
                var index = Int(lines[middle])
                // The reading ends at `=`, before any letter or space it is compared with.
                var order = 0
                for letter in letters {
                    let byte = bytes[index]
                    let lower = letter | 0x20
                    if byte == UInt8(ascii: "=") || byte < lower {
                        order = 1
                        break
                    }
                    if byte > lower {
                        order = -1
                        break
                    }
                    index += 1
                }
                if order == 0, bytes[index] != UInt8(ascii: "=") { order = -1 }
                if order < 0 {
                    high = middle
                } else if order > 0 {
                    low = middle + 1
                } else {
                    let end = middle + 1 < lines.count ? Int(lines[middle + 1]) - 1 : bytes.count
                    return String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                }
            }
            return nil
        }
    }
}

extension Extraction {
    /// The extraction with words that lost their ligatures given back in its headline and
    /// sections (their citations' text and code names too), where the document shows the
    /// symptom; else in its headline and headings only, which a conversion may set in a font of
    /// their own that lost its ligatures while the prose kept them (each word still given back
    /// only where its lost reading is no word and reads as one listed word). One warning says
    /// how many.
    mutating func repairLostLigatures() {
        var texts = [headline ?? ""]
        for section in sections { texts += [section.heading ?? "", section.text] }
        let wholeDocument = LostLigatures.shows(texts)
        var repaired: [(lost: String, word: String)] = []
        // A lost reading that is a word itself (`Human Tracking`) is given back where the
        // evidence writes the listed word and never the reading: the documents' own topic
        // (`trafficking`), and, where only the headline and headings lost their ligatures, the
        // prose that kept them. Where the prose lost them too, its readings are no evidence.
        var prose: Set<String>?
        func repair(_ text: inout String) {
            let result = LostLigatures.repair(text) {
                if wholeDocument { return LostLigatures.topicWords }
                if prose == nil { prose = LostLigatures.lowercasedWords(sections.map(\.text)).union(LostLigatures.topicWords) }
                return prose!
            }
            text = result.text
            repaired += result.repaired
        }
        func repairLaws(_ laws: inout [CitationReference]) {
            for law in laws.indices {
                repair(&laws[law].raw)
                laws[law].codeName = LostLigatures.repair(laws[law].codeName, evidence: { LostLigatures.topicWords }).text
            }
        }
        if var text = headline {
            repair(&text)
            headline = text
        }
        for index in sections.indices {
            if var heading = sections[index].heading {
                repair(&heading)
                sections[index].heading = heading
            }
            if wholeDocument {
                var text = sections[index].text
                repair(&text)
                sections[index].text = text
                // A code name lost them as the prose did (`S.D. Codied Laws`): given back, it is
                // the name the code-name table knows. Each word is counted once, in `raw`.
                var citations = sections[index].citations
                repairLaws(&citations)
                sections[index].citations = citations
                var references = sections[index].references
                repairLaws(&references)
                sections[index].references = references
            }
        }
        guard let first = repaired.first else { return }
        warnings.append(Diagnostic(
            .lostLigatures, .document,
            "lost ligatures: \(repaired.count) word(s) given back (\"\(first.lost)\" as \"\(first.word)\")"
        ))
    }
}
