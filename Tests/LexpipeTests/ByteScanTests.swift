import LexpipeRecord
import Testing

// The sixteen-at-a-time scans find what a byte-by-byte search finds: every byte value at every
// offset of a block, in the tails, and from starts inside the text.

@Suite("Byte scans")
struct ByteScanTests {
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Texts of these lengths made of bytes near the ones looked for, with every byte value put
    /// at every position in turn.
    static func probes(_ body: (_ text: [UInt8], _ start: Int) -> Bool) {
        let filler: [UInt8] = [0x20, 0x61, 0x41, 0x7F, 0x80, 0xFF, 0x60, 0x5B, 0x40, 0x1F, 0x72, 0x45, 0x20, 0x20]
        for (length, start) in [(0, 0), (1, 0), (2, 0), (3, 0), (15, 0), (16, 0), (17, 0), (18, 0), (33, 0), (40, 0), (48, 2), (21, 5), (40, 17)] {
            for position in 0..<max(length, 1) {
                for value in UInt8.min...UInt8.max {
                    var text = (0..<length).map { filler[($0 * 7 + length) % filler.count] }
                    if position < length { text[position] = value }
                    guard body(text, start) else { return }
                }
            }
        }
    }

    @Test func wordsAreFoundWhereAByteLoopFindsThem() {
        let words: [StaticString] = ["ra", "rae", "a`z", "e[\u{7F}", "  ", "ra a"]
        let scan = ByteScan.Words(words)
        func standsAt(_ word: StaticString, _ index: Int, in text: [UInt8]) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= text.count else { return false }
            return (0..<count).allSatisfy { Self.lower(text[index + $0]) == word.utf8Start[$0] }
        }
        Self.probes { text, start in
            let expected = (start..<max(start, text.count)).first { index in words.contains { standsAt($0, index, in: text) } } ?? text.count
            let found = text.withUnsafeBufferPointer { ByteScan.firstWord(scan, in: $0, from: start) }
            let single = text.withUnsafeBufferPointer { text in
                words[2].withUTF8Buffer { ByteScan.firstWord($0, in: text, from: start) }
            }
            let expectedSingle = (start..<max(start, text.count)).first { standsAt(words[2], $0, in: text) } ?? text.count
            #expect(found == expected, "\(text) from \(start)")
            #expect(single == expectedSingle, "\(text) from \(start)")
            return found == expected && single == expectedSingle
        }
    }

    /// Texts drawn from the words' own bytes, in both cases, so that words overlap and stand
    /// close together: the earliest is found, whichever pair of bytes each is looked for by.
    @Test func overlappingWordsAreFoundWhereAByteLoopFindsThem() {
        let words: [StaticString] = ["page", "reproduced", "credit", "childwelfare", "child welfare", "vi", "ed"]
        let scan = ByteScan.Words(Array(words.prefix(5)))
        let alphabet = Array("pagerodcutihlwf PAGERCHW".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func standsAt(_ word: StaticString, _ index: Int, in text: [UInt8]) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= text.count else { return false }
            return (0..<count).allSatisfy { Self.lower(text[index + $0]) == word.utf8Start[$0] }
        }
        for round in 0..<20_000 {
            var text = (0..<next(90)).map { _ in alphabet[next(alphabet.count)] }
            // Plant a word now and then, so that matches are common.
            if round % 2 == 0, !text.isEmpty {
                let word = words[next(words.count)]
                let at = next(text.count)
                for offset in 0..<word.utf8CodeUnitCount where at + offset < text.count { text[at + offset] = word.utf8Start[offset] }
            }
            let start = next(max(1, text.count))
            let expected = (start..<max(start, text.count)).first { index in words.prefix(5).contains { standsAt($0, index, in: text) } } ?? text.count
            let found = text.withUnsafeBufferPointer { ByteScan.firstWord(scan, in: $0, from: start) }
            #expect(found == expected, "\(String(decoding: text, as: UTF8.self).debugDescription) from \(start)")
            for word in words.suffix(2) {
                let single = text.withUnsafeBufferPointer { text in word.withUTF8Buffer { ByteScan.firstWord($0, in: text, from: start) } }
                let expectedSingle = (start..<max(start, text.count)).first { standsAt(word, $0, in: text) } ?? text.count
                #expect(single == expectedSingle, "\(word) in \(String(decoding: text, as: UTF8.self).debugDescription) from \(start)")
            }
            if found != expected { return }
        }
    }

    /// A word looked for by a pair far into it is found before a shorter one that starts later
    /// but is seen first.
    @Test func theEarliestWordWinsWhereverItsPairStands() {
        let words = ByteScan.Words(["cdeeeeeeeeeeeeeeeeeeqz", "de"])
        let text = Array("xcdeeeeeeeeeeeeeeeeeeqz".utf8)
        #expect(text.withUnsafeBufferPointer { ByteScan.firstWord(words, in: $0, from: 0) } == 1)
        #expect(text.withUnsafeBufferPointer { ByteScan.firstWord(words, in: $0, from: 2) } == 2)
        let short = Array("xcdeqz".utf8)
        #expect(short.withUnsafeBufferPointer { ByteScan.firstWord(words, in: $0, from: 0) } == 2)
    }

    static func phraseStands(_ phrase: StaticString, in text: [UInt8]) -> Bool {
        let count = phrase.utf8CodeUnitCount
        guard count <= text.count else { return false }
        return (0...(text.count - count)).contains { index in
            (0..<count).allSatisfy { Self.lower(text[index + $0]) == phrase.utf8Start[$0] }
        }
    }

    @Test func phrasesAreFoundWhereAByteLoopFindsThem() {
        // Spaces with letters, capitals, controls, non-ASCII bytes and other spaces around them;
        // `a@ a` shares its bytes' low five bits with `a` and `a ` (0x41, 0x61, 0x01).
        let phrases: [StaticString] = ["a a", "ra a", "e[ \u{7F}", "\u{7F}  a", "a` z", "a@ a"]
        let scan = ByteScan.Phrases(phrases)
        Self.probes { text, _ in
            let expected = phrases.indices.reduce(UInt16(0)) { bits, bit in
                Self.phraseStands(phrases[bit], in: text) ? bits | 1 << bit : bits
            }
            let found = text.withUnsafeBufferPointer { ByteScan.phrasesFound(scan, in: $0) }
            #expect(found == expected, "\(text)")
            return found == expected
        }
    }

    /// Texts drawn from the phrases' own bytes, in both cases, with phrases planted at every
    /// offset of the sixteen-byte blocks and across their edges.
    @Test func overlappingPhrasesAreFoundWhereAByteLoopFindsThem() {
        let phrases: [StaticString] = [
            "statutes and regulations reviewed", "state statutes series", "child welfare information gateway",
            "report card", "overall grade", "policy goal", "gap remains", "gaps remain",
        ]
        let scan = ByteScan.Phrases(phrases)
        let alphabet = Array("statuendrgliovwfcmpyTSAGR  ".utf8)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<20_000 {
            var text = (0..<next(120)).map { _ in alphabet[next(alphabet.count)] }
            for _ in 0..<(round % 3) where !text.isEmpty {
                let phrase = phrases[next(phrases.count)]
                let at = next(text.count)
                for offset in 0..<phrase.utf8CodeUnitCount where at + offset < text.count {
                    let byte = phrase.utf8Start[offset]
                    text[at + offset] = next(4) == 0 && byte >= 0x61 ? byte - 0x20 : byte
                }
            }
            let expected = phrases.indices.reduce(UInt16(0)) { bits, bit in
                Self.phraseStands(phrases[bit], in: text) ? bits | 1 << bit : bits
            }
            let found = text.withUnsafeBufferPointer { ByteScan.phrasesFound(scan, in: $0) }
            #expect(found == expected, "\(String(decoding: text, as: UTF8.self).debugDescription)")
            if found != expected { return }
        }
    }

    @Test func foldFreeRunsEndWhereAByteLoopEndsThem() {
        Self.probes { text, start in
            var end = start
            while end < text.count, text[end] >= 0x20, text[end] < 0x80,
                !(text[end] == 0x20 && (end + 1 == text.count || text[end + 1] == 0x20))
            {
                end += 1
            }
            if end > start, text[end - 1] == 0x20 { end -= 1 }
            let found = text.withUnsafeBufferPointer { ByteScan.foldFreeEnd(in: $0, from: start) }
            #expect(found == end, "\(text) from \(start)")
            return found == end
        }
    }
}
