/// A converter's banner at the top of its text output: UnRTF writes its comments as lines
/// opening with `###` (its version, the font table, the file's dates, author and title) and
/// closes them with a rule of dashes. They describe the conversion, not the document, and read
/// as markdown headings if kept.
enum ConverterBanner {
    /// `text` with the banner's bytes turned to spaces (line breaks kept, so every offset and
    /// line number stays the document's), or `nil` when it opens with none: three or more lines
    /// opening with `###`, one after the other from the first, then a line of five or more
    /// dashes alone (white space after them aside).
    static func blanked(_ text: String) -> String? {
        guard text.utf8.starts(with: "###".utf8) else { return nil }
        var bytes = Array(text.utf8)
        var start = 0
        var commentLines = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var line = bytes[start..<end]
            while let last = line.last, last == 0x0D || last == 0x20 || last == 0x09 { line = line.dropLast() }
            if line.starts(with: "###".utf8) {
                commentLines += 1
            } else {
                guard commentLines >= 3, line.count >= 5, line.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
                for index in 0..<end where bytes[index] != 0x0A && bytes[index] != 0x0D { bytes[index] = 0x20 }
                return String(decoding: bytes, as: UTF8.self)
            }
            start = end + 1
        }
        return nil
    }
}
