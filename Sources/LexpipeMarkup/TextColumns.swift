import LexpipeRecord

/// Pages that `pdftotext -layout` set in two columns of numbered items side by side (a card's
/// issues 1-3 on the left, 4-6 on the right), read column by column: the left column's lines,
/// then the right's, as pdfminer reads a two-column page by its gutter.
///
/// A gutter is a position where many lines start text after two spaces or more and no line of
/// the run crosses. Columns of a table have one too; a page of two columns differs in what its
/// right column holds: items numbered as the left column's are (`4. Access to Justice`), their
/// numbers going on where the left column's stop, or one of them starting while the left
/// column's text runs on above and beside it, which no table row does (a row's cells start on
/// one line).
enum TextColumns {
    /// The lines with each run of two columns replaced by its left column's lines, an empty line,
    /// and its right column's lines; the lines unchanged when there is no such run.
    static func split(_ lines: [Range<Int>], in bytes: Span<UInt8>) -> [Range<Int>] {
        guard hasNumberedItemsAfterGaps(bytes) else { return lines }
        // Text starts after a gap of two spaces or more, by column, counted over the lines. Most
        // lines of most documents have no such gap, and are passed over by their bytes.
        // A gutter has numbered items starting at it (two or more), which few gaps have: only
        // those are looked at further.
        var starts: [Int: Int] = [:]
        var numberedStarts: [Int: Int] = [:]
        for line in lines where hasInnerGap(line, in: bytes) {
            let offsets = columnOffsets(line, in: bytes)
            for column in gapStarts(line, offsets: offsets, in: bytes) {
                starts[column, default: 0] += 1
                if opensNumberedItem(at: column, offsets, in: bytes) { numberedStarts[column, default: 0] += 1 }
            }
        }
        let candidates = starts.filter { $0.key >= 20 && $0.value >= 6 && numberedStarts[$0.key, default: 0] >= 2 }
            .sorted { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }
        guard !candidates.isEmpty else { return lines }
        let columnsOfLines = lines.map { columnOffsets($0, in: bytes) }
        for (gutter, _) in candidates.prefix(4) {
            guard let (header, items) = twoColumnRun(lines, gutter: gutter, columns: columnsOfLines, in: bytes) else { continue }
            // The lines above the first item (a title beside an overall grade) are read side by
            // side as well, apart from the items.
            var result = Array(lines[..<header.lowerBound])
            for part in [header, items] where !part.isEmpty {
                var right: [Range<Int>] = []
                for index in part {
                    let line = lines[index]
                    let offsets = columnsOfLines[index]
                    let cut = gutter < offsets.count ? offsets[gutter] : line.upperBound
                    result.append(line.lowerBound..<cut)
                    right.append(cut..<line.upperBound)
                }
                let end = lines[part.upperBound - 1].upperBound
                result.append(end..<end)
                result += right
                result.append(end..<end)
            }
            result += lines[items.upperBound...]
            return result
        }
        return lines
    }

    /// Whether the text holds two or more item numbers after a gap (two spaces, one or two
    /// digits, `. `), as a gutter with numbered items starting at it has (`opensNumberedItem`
    /// at a gap start, on two lines or more). Each is ASCII, so the bytes show it whatever
    /// the line's other scalars; most texts have none and are looked at no further.
    private static func hasNumberedItemsAfterGaps(_ bytes: Span<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            var found = 0
            var period = text.offset(of: UInt8(ascii: "."), from: 0, to: text.count)
            while period < text.count {
                defer { period = text.offset(of: UInt8(ascii: "."), from: period + 1, to: text.count) }
                guard period + 1 < text.count, text[period + 1] == UInt8(ascii: " ") else { continue }
                var digits = period
                while digits > 0, period - digits < 3, text[digits - 1] >= UInt8(ascii: "0"), text[digits - 1] <= UInt8(ascii: "9") {
                    digits -= 1
                }
                guard (1...2).contains(period - digits), digits >= 2, text[digits - 1] == UInt8(ascii: " "),
                    text[digits - 2] == UInt8(ascii: " ")
                else { continue }
                found += 1
                if found == 2 { return true }
            }
            return false
        }
    }

    /// Whether two spaces follow text somewhere in the line.
    private static func hasInnerGap(_ line: Range<Int>, in bytes: Span<UInt8>) -> Bool {
        var seenText = false
        var previousIsSpace = false
        for index in line {
            let isSpace = bytes[index] == UInt8(ascii: " ")
            if isSpace, previousIsSpace, seenText { return true }
            if !isSpace { seenText = true }
            previousIsSpace = isSpace
        }
        return false
    }

    /// The item number that starts at the column (`4. `), if one does.
    private static func itemNumber(at column: Int, _ offsets: [Int], in bytes: Span<UInt8>) -> Int? {
        guard opensNumberedItem(at: column, offsets, in: bytes) else { return nil }
        var value = 0
        var position = column
        while bytes[offsets[position]] != UInt8(ascii: ".") {
            value = value * 10 + Int(bytes[offsets[position]] - UInt8(ascii: "0"))
            position += 1
        }
        return value
    }

    /// Whether an item number (`4. `, one or two digits) starts at the column.
    private static func opensNumberedItem(at column: Int, _ offsets: [Int], in bytes: Span<UInt8>) -> Bool {
        var position = column
        while position < offsets.count - 1, bytes[offsets[position]] >= UInt8(ascii: "0"), bytes[offsets[position]] <= UInt8(ascii: "9") {
            position += 1
        }
        return position > column && position - column <= 2 && position + 1 < offsets.count - 1
            && bytes[offsets[position]] == UInt8(ascii: ".") && bytes[offsets[position + 1]] == UInt8(ascii: " ")
    }

    /// The byte offset of each column of the line (one per scalar), and the line's end.
    private static func columnOffsets(_ line: Range<Int>, in bytes: Span<UInt8>) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(line.count + 1)
        for index in line where bytes[index] & 0xC0 != 0x80 { offsets.append(index) }
        offsets.append(line.upperBound)
        return offsets
    }

    private static func isSpace(_ column: Int, _ offsets: [Int], in bytes: Span<UInt8>) -> Bool {
        column >= offsets.count - 1 || bytes[offsets[column]] == UInt8(ascii: " ")
    }

    /// The columns where text starts after two spaces or more.
    private static func gapStarts(_ line: Range<Int>, offsets: [Int], in bytes: Span<UInt8>) -> [Int] {
        var found: [Int] = []
        var column = 2
        while column < offsets.count - 1 {
            if !isSpace(column, offsets, in: bytes), isSpace(column - 1, offsets, in: bytes), isSpace(column - 2, offsets, in: bytes),
                (0..<column).contains(where: { !isSpace($0, offsets, in: bytes) })
            {
                found.append(column)
            }
            column += 1
        }
        return found
    }

    /// The run of lines (by index) around the gutter that no line crosses, when it is a page of
    /// two columns of numbered items as the type's comment says:
    /// The run's lines above its first item, and its lines from the first item to the last
    /// line of the right column.
    private static func twoColumnRun(
        _ lines: [Range<Int>], gutter: Int, columns: [[Int]], in bytes: Span<UInt8>
    ) -> (header: Range<Int>, items: Range<Int>)? {
        func crosses(_ index: Int) -> Bool {
            let offsets = columns[index]
            return !isSpace(gutter - 1, offsets, in: bytes) || !isSpace(gutter - 2, offsets, in: bytes)
        }
        func leftHasText(_ index: Int) -> Bool {
            (0..<(gutter - 2)).contains { !isSpace($0, columns[index], in: bytes) }
        }
        func rightHasText(_ index: Int) -> Bool {
            columns[index].count - 1 > gutter && (gutter..<(columns[index].count - 1)).contains { !isSpace($0, columns[index], in: bytes) }
        }
        func numbered(_ index: Int, from column: Int) -> Bool {
            opensNumberedItem(at: column, columns[index], in: bytes)
        }
        var index = 0
        while index < lines.count {
            guard !crosses(index), rightHasText(index) else {
                index += 1
                continue
            }
            var end = index
            while end < lines.count, !crosses(end) { end += 1 }
            let run = index..<end
            index = end
            let rightLines = run.filter(rightHasText)
            let leftLines = run.filter(leftHasText)
            guard rightLines.count >= 6, leftLines.count >= 6 else { continue }
            let leftMargin = leftLines.map { line in (0..<gutter).first { !isSpace($0, columns[line], in: bytes) } ?? 0 }.min() ?? 0
            let rightNumbered = rightLines.filter { numbered($0, from: gutter) }
            let leftNumbered = leftLines.filter { numbered($0, from: leftMargin) }
            guard rightNumbered.count >= 2, leftNumbered.count >= 2 else { continue }
            // A right item starting while the left column's text runs on above and beside it.
            let restarts = rightNumbered.contains { line in
                line > run.lowerBound && !rightHasText(line - 1) && leftHasText(line - 1) && leftHasText(line)
            }
            // Or the right column's numbers go on where the left column's stop (1-3, then 4-6).
            let leftNumbers = leftNumbered.compactMap { itemNumber(at: leftMargin, columns[$0], in: bytes) }
            let rightNumbers = rightNumbered.compactMap { itemNumber(at: gutter, columns[$0], in: bytes) }
            let continues = rightNumbers.min().map { $0 == (leftNumbers.max() ?? -1) + 1 } ?? false
            guard restarts || continues, let first = (leftNumbered + rightNumbered).min(), var last = rightLines.last else { continue }
            // The left column's paragraph that runs on below the right column's last line.
            while last + 1 < run.upperBound, leftHasText(last + 1) { last += 1 }
            return (run.lowerBound..<first, first..<(last + 1))
        }
        return nil
    }
}
