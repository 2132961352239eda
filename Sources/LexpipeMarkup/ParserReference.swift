internal import CLibXML2

/// libxml2 on its own, as the floor the markup stage is measured against: parses a document
/// into libxml2's tree and frees it, doing nothing else.
public enum ParserReference {
    /// Parses HTML bytes with the options the markup stage uses; `false` if libxml2 gave up.
    @discardableResult
    public static func parseHTML(_ bytes: [UInt8]) -> Bool {
        precondition(HTMLEvents.initialized)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", HTMLEvents.options)
            }
        }
        guard let document else { return false }
        xmlFreeDoc(document)
        return true
    }
}
