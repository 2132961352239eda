import LexpipePDF

/// Gutters between columns, found across lines as layout analysers find them (poppler's
/// text flows, Tesseract's tab stops): an x range that the lines of a vertical run of the page
/// leave blank, the next column's lines starting at one left edge after it. A line is cut gap
/// by gap, and a line of a narrow justified column holding a few long words spreads its spaces
/// as wide as the gutter, or wider: its spaces are no gutters when they stand where the
/// column's other lines have text, and the line fills its column from edge to edge.
extension PDFLayout {
    struct Gutter: Equatable {
        /// Where the column before it ends: the furthest its lines beside the next column reach.
        var left: Double
        /// Where the column after it starts: the left edge the next column's lines line up at.
        var right: Double
        /// The lines (by index, top to bottom) it runs through.
        var lines: ClosedRange<Int>
        /// The left edge most lines of the run start at, when the column before the gutter
        /// has one (three lines or more); the right edge most lines of the run that go past
        /// the gutter end at, when the column after it has one.
        var columnStart: Double?
        var columnEnd: Double?
    }

    /// Whether the line has three words in a row with two gaps alike and wider than a word
    /// space: a justified line set loose (or a row of cells spaced evenly), the only kind of
    /// line the page's gutters are looked for and read by.
    static func hasWideEvenSpaces(_ line: [PDFWord]) -> Bool {
        guard line.count >= 3 else { return false }
        for index in 0..<(line.count - 2) {
            let (a, b, c) = (line[index], line[index + 1], line[index + 2])
            let size = max(a.fontSize, b.fontSize, c.fontSize)
            let first = b.box.left - a.box.right, second = c.box.left - b.box.right
            if min(first, second) > size * 0.8, alike(first, second) { return true }
        }
        return false
    }

    /// Gaps one typesetter's spacing could have made: the wider within 15% (and half a
    /// point) of the narrower.
    static func alike(_ first: Double, _ second: Double) -> Bool {
        max(first, second) <= min(first, second) * 1.15 + 0.5
    }

    /// The gutters of a page's lines (each sorted left to right, the lines top to bottom): a
    /// left edge that four lines or more start a piece at (their first word, or one after a
    /// gap wider than a word space), two of them or more with text before it on the same line,
    /// and a strip at least a font size wide before it that at most a fifth of the lines from
    /// the first of them to the last cross (a title or heading set across the columns), three
    /// of those lines or more starting before the strip (the column before it).
    /// At most the eight edges most lines start at are tried.
    static func gutters(_ lines: [[PDFWord]]) -> [Gutter] {
        struct Start {
            var x: Double
            var line: Int
            var before: Double?
            var size: Double
        }
        var starts: [Start] = []
        for (number, line) in lines.enumerated() {
            for index in line.indices {
                let word = line[index]
                guard index > 0 else {
                    starts.append(Start(x: word.box.left, line: number, before: nil, size: word.fontSize))
                    continue
                }
                let previous = line[index - 1]
                if word.box.left - previous.box.right > max(word.fontSize, previous.fontSize) * 0.8 {
                    starts.append(Start(x: word.box.left, line: number, before: previous.box.right, size: word.fontSize))
                }
            }
        }
        guard starts.count >= 4 else { return [] }
        starts.sort { $0.x < $1.x }
        // Left edges lining up: starts within a point of the first of their group, on four
        // lines or more, two of them with text before the edge.
        var groups: [ArraySlice<Start>] = []
        var first = 0
        for index in starts.indices {
            let end = index + 1
            guard end == starts.count || starts[end].x - starts[first].x > 1 else { continue }
            let group = starts[first..<end]
            if group.count >= 4, group.lazy.filter({ $0.before != nil }).count >= 2, Set(group.map(\.line)).count >= 4 {
                groups.append(group)
            }
            first = end
        }
        groups.sort { $0.count > $1.count }
        var gutters: [Gutter] = []
        for group in groups.prefix(8) {
            let edge = group.first!.x
            let reach = group.compactMap(\.before).max()!
            let sizes = group.map(\.size).sorted()
            guard edge - reach >= sizes[sizes.count / 2] else { continue }
            let run = group.map(\.line).min()!...group.map(\.line).max()!
            var crossing = 0
            var lefts: [Double] = []
            var rights: [Double] = []
            for number in run {
                let line = lines[number]
                if line.contains(where: { $0.box.left < edge - 0.5 && $0.box.right > reach + 0.5 }) {
                    crossing += 1
                    continue
                }
                if let head = line.first, head.box.right <= reach + 0.5 { lefts.append(head.box.left) }
                if let tail = line.last, tail.box.left >= edge - 0.5 { rights.append(tail.box.right) }
            }
            guard crossing * 5 <= run.count, lefts.count >= 3 else { continue }
            gutters.append(Gutter(left: reach, right: edge, lines: run, columnStart: commonEdge(lefts), columnEnd: commonEdge(rights)))
        }
        return gutters
    }

    /// The position most of `values` share within a point (the first of them), when three or
    /// more do.
    static func commonEdge(_ values: [Double]) -> Double? {
        let sorted = values.sorted()
        var best: (value: Double, count: Int)?
        var first = 0
        for index in sorted.indices {
            let end = index + 1
            guard end == sorted.count || sorted[end] - sorted[first] > 1 else { continue }
            if end - first >= 3, end - first > best?.count ?? 0 { best = (sorted[first], end - first) }
            first = end
        }
        return best?.value
    }

    /// A line (line `number` of `lines`) cut at the gutters it runs through, each column's part
    /// kept whole when it is a justified line of its column, else cut by its gaps as a line is.
    static func cut(_ line: [PDFWord], number: Int, gutters: [Gutter], into fragments: inout [Fragment]) {
        let through = gutters.filter { $0.lines.contains(number) }
        guard !through.isEmpty else {
            cut(line[...], into: &fragments)
            return
        }
        var start = 0
        var before: Gutter?
        for index in line.indices {
            let end = index + 1
            var after: Gutter?
            if end < line.count {
                after = through.first { line[index].box.right <= $0.left + 0.5 && line[end].box.left >= $0.right - 0.5 }
                guard after != nil else { continue }
            }
            let part = line[start..<end]
            if isJustified(part, from: before?.right ?? after?.columnStart, to: after?.left ?? before?.columnEnd) {
                fragments.append(Fragment(Array(part)))
            } else {
                cut(part, into: &fragments)
            }
            start = end
            before = after
        }
    }

    /// Whether a column's part of a line is a justified line of the column running from `from`
    /// to `to`: three words or more with their gaps alike, from the column's left edge (or
    /// indented up to four font sizes) to its right edge, in a column of fifteen font sizes or
    /// more (a column of prose, not of a table's cells).
    static func isJustified(_ part: ArraySlice<PDFWord>, from: Double?, to: Double?) -> Bool {
        guard part.count >= 3, let from, let to, let head = part.first, let tail = part.last else { return false }
        let size = part.map(\.fontSize).max()!
        guard to - from >= size * 15, head.box.left >= from - 1, head.box.left <= from + size * 4,
            abs(tail.box.right - to) <= max(1, size * 0.1)
        else { return false }
        var narrowest = Double.infinity
        var widest = -Double.infinity
        for (left, right) in zip(part, part.dropFirst()) {
            let gap = right.box.left - left.box.right
            narrowest = min(narrowest, gap)
            widest = max(widest, gap)
        }
        return narrowest > 0 && alike(narrowest, widest)
    }
}
