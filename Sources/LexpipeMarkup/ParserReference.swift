internal import CLibXML2

/// libxml2 on its own, as the floor the markup stage is measured against: parses a document
/// into libxml2's tree and frees it, doing nothing else.
public enum ParserReference {
    /// Parses HTML bytes with the options the markup stage uses; `false` if libxml2 gave up.
    @discardableResult
    public static func parseHTML(_ bytes: [UInt8]) -> Bool {
        precondition(HTMLEvents.initialized)
        let options = HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_RECOVER.rawValue
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", Int32(options))
            }
        }
        guard let document else { return false }
        xmlFreeDoc(document)
        return true
    }
}
