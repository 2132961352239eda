import LexpipeIngest

/// MediaWiki's source (a page's text copied from its edit box) read as the text it shows: a
/// table (`{|` … `|}`) becomes tab-separated rows, a template's `| key = value` lines
/// (an infobox) `key: value` lines and any other template nothing, a heading's closing marks
/// (`== Extra credit ==`) nothing (its opening marks are read as AsciiDoc's are), a link its
/// label (`[[Target|label]]`), a category's link nothing, bold and italic marks (`'''`, `''`)
/// nothing. Every byte is replaced by one byte, line breaks kept, so every offset and line
/// number stays the document's.
enum WikiText {
    /// `text` so read, or `nil` when it holds no wiki table: a line opening with `{|` and a
    /// line opening with `|}` after it.
    static func plain(_ text: String) -> String? {
        // Searched for whole, as most texts hold neither: `{|` opening a line, then `|}`; the
        // braces, which most texts hold none of, found with memchr.
        var text = text
        let opens = text.withUTF8 { bytes -> Bool in
            var index = bytes.offset(of: UInt8(ascii: "{"), from: 0, to: bytes.count)
            while index + 1 < bytes.count {
                if bytes[index + 1] == UInt8(ascii: "|"), index == 0 || bytes[index - 1] == 0x0A {
                    return ASCIIText.firstRange(of: "\n|}", in: bytes, from: index + 2) != nil
                }
                index = bytes.offset(of: UInt8(ascii: "{"), from: index + 1, to: bytes.count)
            }
            return false
        }
        guard opens else { return nil }
        var bytes = Array(text.utf8)
        templates(&bytes)
        lines(&bytes)
        inline(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let space = UInt8(ascii: " ")

    private static func blank(_ bytes: inout [UInt8], _ range: Range<Int>) {
        for index in range where bytes[index] != 0x0A && bytes[index] != 0x0D { bytes[index] = space }
    }

    /// Templates (`{{…}}`, nested) become spaces, but for their parameters on lines of their
    /// own at the outer level (`| overall_grade = B`), which become `overall grade: B`.
    private static func templates(_ bytes: inout [UInt8]) {
        var depth = 0
        var index = 0
        var keeping = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { keeping = false }
            if index + 1 < bytes.count, byte == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") {
                depth += 1
                bytes[index] = space
                bytes[index + 1] = space
                index += 2
                continue
            }
            if depth > 0, index + 1 < bytes.count, byte == UInt8(ascii: "}"), bytes[index + 1] == UInt8(ascii: "}") {
                depth -= 1
                bytes[index] = space
                bytes[index + 1] = space
                index += 2
                continue
            }
            guard depth > 0 else {
                index += 1
                continue
            }
            if depth == 1, byte == UInt8(ascii: "|"), index == 0 || bytes[index - 1] == 0x0A, let equals = parameter(at: index, in: bytes) {
                // `| key = value` as `  key:   value`: the key's underscores spaces, the colon
                // right after it.
                var keyEnd = equals
                while keyEnd > index + 1, bytes[keyEnd - 1] == space { keyEnd -= 1 }
                bytes[index] = space
                for position in index..<keyEnd where bytes[position] == UInt8(ascii: "_") { bytes[position] = space }
                bytes[keyEnd] = UInt8(ascii: ":")
                for position in (keyEnd + 1)...equals { bytes[position] = space }
                keeping = true
                index = equals + 1
                continue
            }
            if !keeping, byte != 0x0A, byte != 0x0D { bytes[index] = space }
            index += 1
        }
    }

    /// The `=` of a parameter line opening at `start` (`| key = value`), the key of letters,
    /// digits, `_` and spaces.
    private static func parameter(at start: Int, in bytes: [UInt8]) -> Int? {
        var index = start + 1
        var sawKey = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") { return sawKey ? index : nil }
            let isKey = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                || byte == UInt8(ascii: "_")
            guard isKey || byte == space else { return nil }
            sawKey = sawKey || isKey
            index += 1
        }
        return nil
    }

    /// The closing sections of a wiki page (`References`, `Notes`, `See also`, `External
    /// links`, `Further reading`), which hold its apparatus, not its text.
    private static let appendixHeadings: Set<String> = ["references", "notes", "see also", "external links", "further reading", "sources"]

    /// Table markup, headings' closing marks and category links, line by line; from the first
    /// heading of the page's closing sections on, when no other heading follows, nothing.
    private static func lines(_ bytes: inout [UInt8]) {
        var start = 0
        // Whether the line before was a row of the table or a cell of it: a cell on a line of
        // its own goes on that row.
        var inRow = false
        var appendixStart: Int?
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            var contentEnd = end
            while contentEnd > start, bytes[contentEnd - 1] == 0x0D || bytes[contentEnd - 1] == space { contentEnd -= 1 }
            var first = start
            while first < contentEnd, bytes[first] == space { first += 1 }
            guard first < contentEnd else { continue }
            let mark = bytes[first]
            let second = first + 1 < contentEnd ? bytes[first + 1] : 0
            if mark == UInt8(ascii: "{") && second == UInt8(ascii: "|")
                || mark == UInt8(ascii: "|") && (second == UInt8(ascii: "}") || second == UInt8(ascii: "-"))
            {
                // The table's opening (its attributes), closing and row separators.
                blank(&bytes, start..<end)
                inRow = false
            } else if mark == UInt8(ascii: "|") && second == UInt8(ascii: "+") {
                // The caption: its text stays.
                bytes[first] = space
                bytes[first + 1] = space
            } else if mark == UInt8(ascii: "|") || mark == UInt8(ascii: "!") {
                // A row of cells: `| a || b` (`! a !! b` in a header), a tab between cells; a
                // tab before a cell on a line of its own after the row's first line.
                bytes[first] = inRow ? 0x09 : space
                inRow = true
                var index = first + 1
                while index + 1 < contentEnd {
                    if bytes[index] == mark, bytes[index + 1] == mark {
                        bytes[index] = 0x09
                        bytes[index + 1] = space
                        index += 2
                    } else {
                        index += 1
                    }
                }
            } else if mark == UInt8(ascii: "=") {
                // `== Heading ==`: the closing marks, as many as the opening ones.
                var opening = first
                while opening < contentEnd, bytes[opening] == UInt8(ascii: "=") { opening += 1 }
                var closing = contentEnd
                while closing > opening, bytes[closing - 1] == UInt8(ascii: "=") { closing -= 1 }
                if opening - first >= 2, contentEnd - closing == opening - first {
                    let name = String(decoding: bytes[opening..<closing], as: UTF8.self).trimmingSpaces.lowercased()
                    if appendixHeadings.contains(name) {
                        appendixStart = appendixStart ?? start
                    } else {
                        appendixStart = nil
                    }
                    blank(&bytes, closing..<contentEnd)
                }
            } else if mark == UInt8(ascii: "["), second == UInt8(ascii: "["), contentEnd - first > 4,
                bytes[contentEnd - 1] == UInt8(ascii: "]"), bytes[contentEnd - 2] == UInt8(ascii: "]"),
                bytes[first..<contentEnd].contains(UInt8(ascii: ":"))
            {
                // A line that is one namespaced link (`[[Category:…]]`): the page's data.
                blank(&bytes, start..<end)
            }
        }
        if let appendixStart { blank(&bytes, appendixStart..<bytes.count) }
    }

    /// Links (`[[Target|label]]` as `label`) and bold and italic marks.
    private static func inline(_ bytes: inout [UInt8]) {
        var index = 0
        while index + 1 < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'"), bytes[index + 1] == UInt8(ascii: "'") {
                while index < bytes.count, bytes[index] == UInt8(ascii: "'") {
                    bytes[index] = space
                    index += 1
                }
                continue
            }
            if byte == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "[") {
                var close = index + 2
                var bar: Int?
                while close + 1 < bytes.count, bytes[close] != 0x0A, !(bytes[close] == UInt8(ascii: "]") && bytes[close + 1] == UInt8(ascii: "]")) {
                    if bytes[close] == UInt8(ascii: "|"), bar == nil { bar = close }
                    close += 1
                }
                if close + 1 < bytes.count, bytes[close] == UInt8(ascii: "]") {
                    blank(&bytes, index..<((bar ?? index + 1) + 1))
                    bytes[close] = space
                    bytes[close + 1] = space
                    index = close + 2
                    continue
                }
            }
            index += 1
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
