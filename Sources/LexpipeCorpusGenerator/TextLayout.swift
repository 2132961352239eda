/// Lines of a PDF-to-text conversion: text wrapped at a column, now and then a long word
/// hyphenated at the wrap, never a bare number left at the start of a line (a conversion keeps
/// `§ 300` together, and a line holding only a number would read as a page number).
struct TextLayout {
    var width: Int
    /// Chance that a long lower-case word overflowing the line is hyphenated there.
    var hyphenation: Double
    /// What a word hyphenated at the wrap ends its line with: `-`, or a soft hyphen (U+00AD).
    var hyphen = "-"

    /// Appends the lines of `text` to `lines`; the first line starts with `first`, the others
    /// with `rest` (a list item's hanging indent).
    func wrap(
        _ text: String, first: String = "", rest: String = "", hyphenate: Bool, rng: inout SplitMix64,
        into lines: inout [[UInt8]]
    ) {
        let bytes = Array(text.utf8)
        var line = Array(first.utf8)
        var column = TextLayout.columns(line[...])
        var hasWord = false
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            let word = bytes[start..<end]
            start = end + 1
            if word.isEmpty { continue }
            let wordColumns = TextLayout.columns(word)
            if !hasWord {
                line += word
                column += wordColumns
                hasWord = true
                continue
            }
            if column + 1 + wordColumns <= width || TextLayout.isBareNumber(word) {
                line.append(0x20)
                line += word
                column += 1 + wordColumns
                continue
            }
            if hyphenate, word.count >= 9, word.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }),
                rng.chance(hyphenation)
            {
                let room = min(width - column - 2, word.count - 3)
                if room >= 3 {
                    let cut = word.startIndex + room
                    line.append(0x20)
                    line += word[..<cut]
                    line += hyphen.utf8
                    lines.append(line)
                    line = Array(rest.utf8) + word[cut...]
                    column = TextLayout.columns(line[...])
                    continue
                }
            }
            lines.append(line)
            line = Array(rest.utf8) + word
            column = TextLayout.columns(line[...])
        }
        if hasWord || !line.isEmpty { lines.append(line) }
    }

    /// Display columns: one per Unicode scalar (UTF-8 continuation bytes do not count).
    static func columns(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Digits and hyphens only (`300`, `13-3212`): must not start a line.
    static func isBareNumber(_ word: ArraySlice<UInt8>) -> Bool {
        word.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && word.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
    }
}

/// HTML text escaping, with the entity spellings CMS pages use for `§`, no-break spaces and
/// typographic quotes.
struct HTMLEscaper {
    /// Write `§` as `&sect;` (or `&#167;`), no-break spaces as `&nbsp;`, quotes as entities.
    var entities: Bool
    var numeric: Bool

    func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                    || (entities && (byte == 0xC2 || byte == 0xE2))
                else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                var length = 1
                switch byte {
                case UInt8(ascii: "&"): out.write("&amp;")
                case UInt8(ascii: "<"): out.write("&lt;")
                case UInt8(ascii: ">"): out.write("&gt;")
                case 0xC2 where index + 1 < bytes.count && (bytes[index + 1] == 0xA7 || bytes[index + 1] == 0xA0):
                    let section = bytes[index + 1] == 0xA7
                    out.write(section ? (numeric ? "&#167;" : "&sect;") : (numeric ? "&#160;" : "&nbsp;"))
                    length = 2
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && [UInt8(0x98), 0x99, 0x9C, 0x9D].contains(bytes[index + 2]):
                    let name = switch bytes[index + 2] {
                    case 0x98: numeric ? "&#8216;" : "&lsquo;"
                    case 0x99: numeric ? "&#8217;" : "&rsquo;"
                    case 0x9C: numeric ? "&#8220;" : "&ldquo;"
                    default: numeric ? "&#8221;" : "&rdquo;"
                    }
                    out.write(name)
                    length = 3
                default:
                    out.append(byte)
                }
                index += length
                run = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes.
    mutating func write(_ text: String) {
        append(contentsOf: text.utf8)
    }

    /// Appends a string's UTF-8 bytes and a line end.
    mutating func line(_ text: String = "", _ end: String = "\n") {
        append(contentsOf: text.utf8)
        append(contentsOf: end.utf8)
    }
}
