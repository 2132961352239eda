import Foundation
import LexpipeRecord

extension JurisdictionTable {
    /// The jurisdiction a document is about and its title without the state: the state it names
    /// apart from its headline (`stateText`, a report card's heading), else the one its headline
    /// names after a dash (`... - Mississippi`) or before a colon (`Texas: ...`). Read by
    /// extraction, to know which codes the document may cite, and by normalization, for the
    /// record's state.
    public func documentJurisdiction(headline: String?, stateText: String?) -> (jurisdiction: Jurisdiction?, title: String?) {
        var title = headline
        var jurisdiction: Jurisdiction?
        if let stateText {
            jurisdiction = self.jurisdiction(named: trimmed(stateText, where: { !$0.isLetter }))
        }
        if let headline, let split = HeadlineState.split(headline, table: self) {
            title = split.title
            jurisdiction = jurisdiction ?? split.jurisdiction
        }
        return (jurisdiction, title)
    }
}

/// A headline that names its state after a dash (`... - Mississippi`) or before a colon.
package enum HeadlineState {
    static func split(_ headline: String, table: JurisdictionTable) -> (title: String, jurisdiction: Jurisdiction)? {
        for separator in [" - ", " – ", " — ", ": "] {
            guard let range = lastRange(of: separator, in: headline) else { continue }
            let tail = headline[range.upperBound...]
            if let jurisdiction = table.jurisdiction(named: tail) {
                return (String(trimmed(headline[..<range.lowerBound], where: { $0 == " " })), jurisdiction)
            }
            let head = headline[..<range.lowerBound]
            if separator == ": ", let jurisdiction = table.jurisdiction(named: head) {
                return (String(tail), jurisdiction)
            }
        }
        return nil
    }

    /// The last `separator` in `text`, as Foundation's `range(of:options: .backwards)` finds it.
    /// Found by bytes (none of the separators' characters has another canonical form), unless
    /// the match has a character beside it that is not ASCII, which could join a character of
    /// the separator into another one (a combining mark after it); then Foundation decides.
    package static func lastRange(of separator: String, in text: String) -> Range<String.Index>? {
        let pattern = Array(separator.utf8)
        // Forward with `memchr` to each candidate of the pattern's first byte that is no space
        // (spaces are common in a title, a dash or colon is not), keeping the last match; then
        // whether the bytes beside it are ASCII.
        let anchor = pattern.firstIndex { $0 != UInt8(ascii: " ") } ?? 0
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, asciiBeside: Bool)? {
            var found: Int?
            var index = anchor
            while true {
                index = bytes.offset(of: pattern[anchor], from: index, to: bytes.count)
                let start = index - anchor
                guard start + pattern.count <= bytes.count else { break }
                if UnsafeBufferPointer(rebasing: bytes[start..<(start + pattern.count)]).elementsEqual(pattern) { found = start }
                index += 1
            }
            guard let start = found else { return nil }
            let end = start + pattern.count
            return (start, (start == 0 || bytes[start - 1] < 0x80) && (end == bytes.count || bytes[end] < 0x80))
        }
        let match = text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
        guard let (start, asciiBeside) = match else { return nil }
        guard asciiBeside else { return text.range(of: separator, options: .backwards) }
        return text.utf8.index(text.startIndex, offsetBy: start)..<text.utf8.index(text.startIndex, offsetBy: start + pattern.count)
    }
}


/// `text` without leading and trailing characters that satisfy `predicate`.
private func trimmed(_ text: some StringProtocol, where predicate: (Character) -> Bool) -> Substring {
    let text = Substring(text)
    guard let start = text.firstIndex(where: { !predicate($0) }) else { return "" }
    let end = text.lastIndex(where: { !predicate($0) })!
    return text[start...end]
}
