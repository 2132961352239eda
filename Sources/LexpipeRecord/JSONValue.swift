/// A JSON value whose objects keep their keys in the order given, so that every file lexpipe
/// writes has one byte-exact form for the same content.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.integer(a), .integer(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    /// The value on one line, as in JSON Lines.
    public func compact() -> String {
        var json = JSONWriter()
        write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// Writes the value as `compact()` spells it.
    public func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case let .bool(value): json.bool(value)
        case let .integer(value): json.integer(value)
        case let .number(value): json.number(value)
        case let .string(value): json.string(value)
        case let .array(items):
            json.beginArray()
            for item in items { item.write(to: &json) }
            json.endArray()
        case let .object(members):
            json.beginObject()
            for (key, value) in members {
                json.key(key)
                value.write(to: &json)
            }
            json.endObject()
        }
    }

    /// The value indented by two spaces per level, `"key": value`.
    public func pretty() -> String {
        var out: [UInt8] = []
        writePretty(to: &out, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value as `pretty()` prints it when nested `depth` levels deep: inner lines
    /// indented for that depth, no indentation before the first.
    public func writePretty(to out: inout [UInt8], depth: Int) {
        switch self {
        case let .array(items) where !items.isEmpty:
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, depth: depth + 1)
                item.writePretty(to: &out, depth: depth + 1)
            }
            JSONValue.newline(&out, depth: depth)
            out.append(UInt8(ascii: "]"))
        case let .object(members) where !members.isEmpty:
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, depth: depth + 1)
                JSONWriter.quote(key, into: &out)
                out.append(ascii: ": ")
                value.writePretty(to: &out, depth: depth + 1)
            }
            JSONValue.newline(&out, depth: depth)
            out.append(UInt8(ascii: "}"))
        default:
            // Scalars and empty containers look the same either way.
            var json = JSONWriter()
            write(to: &json)
            out.append(contentsOf: json.bytes)
        }
    }

    private static func newline(_ out: inout [UInt8], depth: Int) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// Integral values print without a fraction (`16`), others in their shortest form (`17.5`).
    public static func format(_ value: Double) -> String {
        if isIntegral(value) { return String(Int(value)) }
        return value.isFinite ? String(value) : "null"
    }

    /// Whether `format` prints `value` as an integer.
    static func isIntegral(_ value: Double) -> Bool {
        value.isFinite && value == value.rounded() && abs(value) < 1e15
    }
}

extension JSONValue {
    /// `.string`, or `.null` for `nil`.
    public init(_ string: String?) {
        self = string.map(JSONValue.string) ?? .null
    }

    /// `.number`, or `.null` for `nil`.
    public init(_ number: Double?) {
        self = number.map(JSONValue.number) ?? .null
    }

    /// `.integer`, or `.null` for `nil`.
    public init(_ integer: Int?) {
        self = integer.map(JSONValue.integer) ?? .null
    }

    /// `.bool`, or `.null` for `nil`.
    public init(_ bool: Bool?) {
        self = bool.map(JSONValue.bool) ?? .null
    }
}

/// Compact JSON written straight into UTF-8 bytes, byte for byte as `JSONValue.compact()`
/// writes the same content: members in the order written, no spaces, strings escaped the one
/// way, numbers as `JSONValue.format` prints them.
///
/// Callers write values in document order; the writer puts the commas between them.
public struct JSONWriter: Sendable {
    /// The JSON so far, UTF-8.
    public private(set) var bytes: [UInt8]
    /// A value or member was just completed, so the next one is preceded by a comma.
    private var needsComma = false

    public init() {
        bytes = []
    }

    /// Makes room for at least `count` bytes of JSON.
    public mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    /// Empties the writer for the next document, keeping its storage.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    /// Ends a top-level value with a line feed, as JSON Lines separates them.
    public mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
        needsComma = false
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// An object member's key; its value is written next.
    public mutating func key(_ key: String) {
        separate()
        JSONWriter.quote(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// An object member's key written in the source, which holds nothing to escape (checked
    /// when debugging); its value is written next.
    public mutating func key(literal key: StaticString) {
        key.withUTF8Buffer { utf8 in
            assert(!utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
            // The comma, the quoted key and the colon in one append: a record has a key for
            // every member, and an append costs more than the few bytes it copies.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + 4) { buffer in
                var end = 0
                if needsComma {
                    buffer[end] = UInt8(ascii: ",")
                    end += 1
                }
                buffer[end] = UInt8(ascii: "\"")
                let start = end + 1
                _ = UnsafeMutableBufferPointer(rebasing: buffer[start...]).initialize(fromContentsOf: utf8)
                end = start + utf8.count
                buffer[end] = UInt8(ascii: "\"")
                buffer[end + 1] = UInt8(ascii: ":")
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<(end + 2)]))
            }
        }
        needsComma = false
    }

    public mutating func null() {
        separate()
        bytes.append(ascii: "null")
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        if value { bytes.append(ascii: "true") } else { bytes.append(ascii: "false") }
        needsComma = true
    }

    public mutating func integer(_ value: Int) {
        separate()
        JSONWriter.digits(value, into: &bytes)
        needsComma = true
    }

    /// As `JSONValue.format` prints it.
    public mutating func number(_ value: Double) {
        separate()
        if JSONValue.isIntegral(value) {
            JSONWriter.digits(Int(value), into: &bytes)
        } else {
            bytes.append(contentsOf: (value.isFinite ? String(value) : "null").utf8)
        }
        needsComma = true
    }

    public mutating func string(_ value: String) {
        separate()
        JSONWriter.quote(value, into: &bytes)
        needsComma = true
    }

    /// The string, or `null` for `nil`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// The truth value, or `null` for `nil`.
    public mutating func bool(_ value: Bool?) {
        if let value { bool(value) } else { null() }
    }

    /// The integer, or `null` for `nil`.
    public mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { null() }
    }

    /// The number, or `null` for `nil`.
    public mutating func number(_ value: Double?) {
        if let value { number(value) } else { null() }
    }

    /// An array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// Appends the decimal digits of `value`, as `String(value)` spells them.
    public static func digits(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        // Most significant digit first, one byte at a time: numbers in records are a few digits
        // long, and appending one byte costs far less than appending a buffer.
        var scale: UInt = 1
        while scale <= magnitude / 10 { scale *= 10 }
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude / scale % 10))
            scale /= 10
        } while scale > 0
    }

    /// The string in quotes. `"`, `\` and the C0 controls are escaped (`\n`, `\r`, `\t`, `\b`,
    /// `\f`, else `\u00XX` in lowercase hex); every other byte, ASCII or not, is copied as is.
    static func quote(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { escape($0, into: &out) }
        out.append(UInt8(ascii: "\""))
    }

    private static let escaped = SpecialBytes([UInt8(ascii: "\""), UInt8(ascii: "\\")], controls: true)

    /// Copies the runs that need no escape in one append each.
    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let escaped = JSONWriter.escaped
        var runStart = 0
        while true {
            let index = escaped.first(in: utf8, from: runStart)
            guard index < utf8.count else { break }
            let byte = utf8[index]
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): out.append(ascii: #"\""#)
            case UInt8(ascii: "\\"): out.append(ascii: #"\\"#)
            case UInt8(ascii: "\n"): out.append(ascii: #"\n"#)
            case UInt8(ascii: "\r"): out.append(ascii: #"\r"#)
            case UInt8(ascii: "\t"): out.append(ascii: #"\t"#)
            case 0x08: out.append(ascii: #"\b"#)
            case 0x0C: out.append(ascii: #"\f"#)
            default:
                out.append(ascii: #"\u00"#)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}

extension [UInt8] {
    /// Appends the UTF-8 of text written in the source (`"null"`, `"\r\n"`), copied as it is
    /// stored, without going through a `String`.
    @inlinable
    public mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
