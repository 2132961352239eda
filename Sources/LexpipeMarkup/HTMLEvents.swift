internal import CLibXML2

/// Receives what libxml2's HTML parser reads, in document order. `offset` is where the parser
/// stands in the document's UTF-8 when it reports the event: after the start tag, after the end
/// tag, after the characters (`-1` if libxml2 cannot say).
protocol HTMLEventHandler: AnyObject {
    /// An element opens; `name` is lower-case, as libxml2's HTML parser reports it.
    func startElement(_ name: HTMLElementName, attributes: HTMLAttributes, offset: Int)
    /// The element opened last and not yet closed closes, explicitly or implied by the parser's
    /// recovery.
    func endElement(offset: Int)
    /// Character data, entities decoded, white space as written: UTF-8 in libxml2's buffer, valid
    /// only during the call.
    func characters(_ text: UnsafeBufferPointer<UInt8>, offset: Int)
}

/// An element's name, as libxml2's HTML parser reports it (lower-case), read once from its bytes
/// into two numbers, the first eight bytes and the next eight, first byte lowest: compared and
/// looked up without making a String of it for every element. Names longer than sixteen bytes
/// keep only their first sixteen; no rule reads such a name.
struct HTMLElementName: Comparable, ExpressibleByStringLiteral {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// The length in bytes, 17 for any longer name.
    private var count = 0

    /// Reads a `NUL`-terminated name.
    init(cString name: UnsafePointer<UInt8>) {
        while count <= 16, name[count] != 0 { add(name[count]) }
    }

    init(_ name: String) {
        for byte in name.utf8 where count <= 16 { add(byte) }
    }

    init(stringLiteral name: StaticString) {
        self.init(cString: name.utf8Start)
    }

    // Names the block builder compares with on every start tag, read once rather than from
    // their bytes at each comparison.
    static let img: HTMLElementName = "img"
    static let button: HTMLElementName = "button"
    static let summary: HTMLElementName = "summary"
    static let blockquote: HTMLElementName = "blockquote"
    static let section: HTMLElementName = "section"
    static let article: HTMLElementName = "article"
    static let div: HTMLElementName = "div"
    static let pre: HTMLElementName = "pre"
    static let textarea: HTMLElementName = "textarea"
    static let body: HTMLElementName = "body"
    static let html: HTMLElementName = "html"

    private mutating func add(_ byte: UInt8) {
        if count < 8 {
            low |= UInt64(byte) << (8 * count)
        } else if count < 16 {
            high |= UInt64(byte) << (8 * (count - 8))
        }
        count += 1
    }

    static func < (left: HTMLElementName, right: HTMLElementName) -> Bool {
        (left.low, left.high, left.count) < (right.low, right.high, right.count)
    }
}

/// The attributes of an element that finding a page's content reads; the others are never
/// copied out of libxml2. Only valid during the `startElement` call it is given to: the `class`,
/// `id`, `role` and `aria-controls` values are read in place, from libxml2's list, when asked
/// for. It holds no reference, so handing it on copies no more than its bytes.
struct HTMLAttributes {
    /// libxml2's list of name and value pairs, for the values read when asked for.
    private var pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    /// Whether the element has an `href`, and whether it points into the page itself (`#main`).
    var hasHref = false
    var hrefIsInPage = false
    /// Whether the `href` is the site's root, `/`: the link a site names itself by.
    var hrefIsSiteRoot = false
    /// `hidden`, `aria-hidden="true"`, or a `style` of `display: none` (an email's preheader).
    var hidden = false
    /// `aria-expanded` is set: the element opens and closes a panel (an accordion's button).
    var togglesPanel = false

    /// Reads libxml2's `NULL`-terminated list of name and value pairs.
    init(_ pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        self.pairs = pairs
        guard var pair = pairs else { return }
        while let name = pair.pointee {
            let value = pair.successor().pointee
            if HTMLAttributes.is(name, "href") {
                hasHref = true
                hrefIsInPage = value?.pointee == UInt8(ascii: "#")
                hrefIsSiteRoot = value.map(HTMLAttributes.isSiteRoot) ?? false
            } else if HTMLAttributes.is(name, "hidden") {
                hidden = true
            } else if HTMLAttributes.is(name, "aria-expanded") {
                togglesPanel = true
            } else if HTMLAttributes.is(name, "aria-hidden") {
                hidden = hidden || value.map { String(cString: $0).lowercased() == "true" } ?? false
            } else if HTMLAttributes.is(name, "style"), let value {
                hidden = hidden || HTMLAttributes.hidesElement(style: value)
            }
            pair += 2
        }
    }

    init() {}

    /// The ARIA `role`, lower-cased (`main`, `navigation`).
    var role: String? {
        value(of: "role")?.lowercased()
    }

    /// The ids an `aria-controls` names, split on white space.
    var controls: [String] {
        value(of: "aria-controls").map { $0.split(separator: " ").map(String.init) } ?? []
    }

    /// Whether a link's target is a site's root: `/`, or a web address with no path after its
    /// host (`https://alaska.gov/`).
    static func isSiteRoot(_ href: UnsafePointer<xmlChar>) -> Bool {
        if href[0] == UInt8(ascii: "/") && href[1] == 0 { return true }
        // Only `http://` or `https://` (any case) can open such an address: a relative link
        // (most of a page's) is told by its first byte, without being copied and lower-cased.
        guard href[0] | 0x20 == UInt8(ascii: "h") else { return false }
        let target = String(cString: href).lowercased()
        for scheme in ["https://", "http://"] where target.hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            let host = rest.prefix { $0 != "/" }
            guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else { return false }
            let path = rest.dropFirst(host.count)
            return path.isEmpty || path == "/"
        }
        return false
    }

    /// The value of the attribute `wanted` (lower case, as libxml2 reports HTML names), as
    /// written; `nil` when the element has none.
    func value(of wanted: StaticString) -> String? {
        guard var pair = pairs else { return nil }
        while let name = pair.pointee {
            if HTMLAttributes.is(name, wanted), let value = pair.successor().pointee { return String(cString: value) }
            pair += 2
        }
        return nil
    }

    /// Whether the `class` or the `id` value satisfies `test` (given its bytes as written): a
    /// hint at what the element holds (`breadcrumb`, `sidebar`), never the rule.
    func classOrID(_ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard var pair = pairs else { return false }
        while let name = pair.pointee {
            if HTMLAttributes.is(name, "class") || HTMLAttributes.is(name, "id"), let value = pair.successor().pointee {
                var length = 0
                while value[length] != 0 { length += 1 }
                if test(UnsafeBufferPointer(start: value, count: length)) { return true }
            }
            pair += 2
        }
        return false
    }

    /// Whether an inline style sets `display: none`, in any case and spacing.
    static func hidesElement(style: UnsafePointer<xmlChar>) -> Bool {
        var compact: [UInt8] = []
        var index = 0
        while style[index] != 0 {
            let byte = style[index]
            if byte != UInt8(ascii: " "), byte != 0x09, byte != 0x0A, byte != 0x0D { compact.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)) }
            index += 1
        }
        let wanted = Array("display:none".utf8)
        guard compact.count >= wanted.count else { return false }
        for start in 0...(compact.count - wanted.count) where compact[start..<(start + wanted.count)].elementsEqual(wanted) {
            // `display:none` itself, not the end of another property's name.
            if start == 0 || compact[start - 1] == UInt8(ascii: ";") { return true }
        }
        return false
    }

    /// Whether the attribute name libxml2 reports (lower-case for HTML) is `wanted`, compared
    /// byte by byte without copying it.
    private static func `is`(_ name: UnsafePointer<xmlChar>, _ wanted: StaticString) -> Bool {
        let count = wanted.utf8CodeUnitCount
        let bytes = wanted.utf8Start
        for index in 0..<count where name[index] != bytes[index] { return false }
        return name[count] == 0
    }
}

/// Drives libxml2's HTML parser over a buffer with SAX callbacks, so no tree is built and no C
/// pointer outlives the call.
enum HTMLEvents {
    /// Calls `libxml2.xmlInitParser` once, before the first parse on any thread.
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The parser options: no network, no complaints on standard error, recovery from broken
    /// markup, and no second decoding: the text is UTF-8 already (ingest decoded it), so a
    /// `<meta charset="windows-1252">` must not make libxml2 read its bytes as another encoding.
    static let options = Int32(
        HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue
    )

    /// Parses `text` as HTML, feeding `handler`. Never touches the network, never loads
    /// external entities (`HTML_PARSE_NONET`, no DTD loading or entity substitution).
    static func parse(_ text: String, into handler: any HTMLEventHandler) throws(MarkupError) {
        precondition(initialized)
        var sax = htmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElement = { context, name, attributes in
            guard let context, let name else { return }
            let receiver = HTMLEvents.receiver(context)
            receiver.pointee.handler.startElement(
                HTMLElementName(cString: name), attributes: HTMLAttributes(attributes), offset: receiver.pointee.offset
            )
        }
        sax.endElement = { context, name in
            guard let context, name != nil else { return }
            let receiver = HTMLEvents.receiver(context)
            receiver.pointee.handler.endElement(offset: receiver.pointee.offset)
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            let buffer = UnsafeBufferPointer(start: bytes, count: Int(length))
            let receiver = HTMLEvents.receiver(context)
            receiver.pointee.handler.characters(buffer, offset: receiver.pointee.offset)
        }
        sax.characters = characters
        // The HTML parser calls white space it deems insignificant "ignorable"; for text
        // inputs every space matters, so it is delivered like any other character data.
        sax.ignorableWhitespace = characters
        // A structured handler keeps libxml2's recoverable complaints off standard error.
        sax.serror = { _, _ in }

        var receiver = Receiver(handler: handler)
        var source = text
        let failure = withUnsafeMutablePointer(to: &receiver) { receiver in
            source.withUTF8 { utf8 -> MarkupError? in
                // libxml2 refuses an empty buffer; an empty document has no events.
                guard !utf8.isEmpty else { return nil }
                guard utf8.count <= Int32.max else {
                    return .parserFailed(code: -1, message: "\(utf8.count) bytes of HTML, more than libxml2 reads in one buffer (2 GiB)")
                }
                // The whole document is in memory: libxml2's pull parser reads it in one pass, where
                // its push parser would look ahead for the end of every construct in each chunk.
                let created = utf8.baseAddress!.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                    htmlCreateMemoryParserCtxt($0, Int32(utf8.count))
                }
                guard let context = created else { return .parserFailed(code: -1, message: "could not create an HTML parser context") }
                defer {
                    receiver.pointee.context = nil
                    htmlFreeParserCtxt(context)
                }
                receiver.pointee.context = context
                context.pointee.sax.pointee = sax
                context.pointee.userData = UnsafeMutableRawPointer(receiver)
                xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
                htmlCtxtUseOptions(context, HTMLEvents.options)
                // Recoverable errors only mark the document not well-formed; libxml2 gave up only
                // when it stopped delivering events.
                guard htmlParseDocument(context) != 0, context.pointee.disableSAX != 0 else { return nil }
                let error = context.pointee.lastError
                let message = error.message.map { String(cString: $0) } ?? "unknown error"
                return .parserFailed(code: Int(error.code), message: message.trimmingWhitespace())
            }
        }
        if let failure { throw failure }
    }

    /// What the callbacks reach through libxml2's user data: the handler and, while the parse
    /// runs, the parser context the offsets are read from (only inside `parse`, never past it).
    private struct Receiver {
        /// Held by `parse`, whose argument it is, for as long as any callback can run: reached
        /// here without retaining and releasing it at every event.
        unowned(unsafe) let handler: any HTMLEventHandler
        var context: htmlParserCtxtPtr?

        init(handler: any HTMLEventHandler) {
            self.handler = handler
        }

        /// Where the parser stands in the document, or `-1`.
        var offset: Int {
            guard let context else { return -1 }
            return lexpipe_parserOffset(context)
        }
    }

    private static func receiver(_ context: UnsafeMutableRawPointer) -> UnsafeMutablePointer<Receiver> {
        context.assumingMemoryBound(to: Receiver.self)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
