#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why JSON text could not be read as the value expected.
public struct JSONReadError: Error, Sendable, CustomStringConvertible {
    /// Byte offset in the text where reading stopped.
    public var offset: Int
    public var reason: String

    public var description: String { "\(reason) at byte \(offset)" }
}

/// Reads JSON text value by value, as the caller expects them, without building a tree: a
/// record is read straight into its fields. Strict RFC 8259 (no trailing commas, no control
/// bytes in strings, no lone surrogates, valid UTF-8); members in any order, unknown members
/// skipped, as `JSONDecoder` reads a `Decodable` type.
public struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// Objects and arrays open around the current value; deeper nesting is refused rather than
    /// recursed into.
    private var depth = 0
    private static let maximumDepth = 512

    /// A reader of `bytes`, which must stay valid while it reads.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// An object member's name, matched against names written in the source
    /// (`case "source":`) without making a `String`.
    public struct Key {
        public let utf8: UnsafeBufferPointer<UInt8>

        public static func ~= (name: StaticString, key: Key) -> Bool {
            name.withUTF8Buffer { $0.elementsEqual(key.utf8) }
        }
    }

    /// Reads `json` as one value with `value`; only white space may follow it.
    public static func read<Value>(
        _ json: UnsafeBufferPointer<UInt8>, _ value: (inout JSONReader) throws(JSONReadError) -> Value
    ) throws(JSONReadError) -> Value {
        var reader = JSONReader(json)
        let result = try value(&reader)
        try reader.end()
        return result
    }

    /// An error at the current position.
    public func error(_ reason: String) -> JSONReadError {
        JSONReadError(offset: position, reason: reason)
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The next byte that is not white space, left unread; 0 at the end of the text.
    private mutating func peek() -> UInt8 {
        skipSpace()
        return position < bytes.count ? bytes[position] : 0
    }

    private mutating func consume(_ byte: UInt8, _ what: String) throws(JSONReadError) {
        guard peek() == byte else { throw error("expected \(what)") }
        position += 1
    }

    private mutating func consume(literal: StaticString) -> Bool {
        let matched = literal.withUTF8Buffer { word in
            position + word.count <= bytes.count && UnsafeBufferPointer(rebasing: bytes[position..<(position + word.count)]).elementsEqual(word)
        }
        if matched { position += literal.utf8CodeUnitCount }
        return matched
    }

    /// Only white space may follow the value read.
    public mutating func end() throws(JSONReadError) {
        guard peek() == 0, position == bytes.count else { throw error("unexpected text after the value") }
    }

    /// Reads an object, calling `member` with each name; `member` reads the value (or skips it).
    public mutating func object(_ member: (inout JSONReader, Key) throws(JSONReadError) -> Void) throws(JSONReadError) {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), "an object") { reader throws(JSONReadError) in
            guard reader.peek() == UInt8(ascii: "\"") else { throw reader.error("expected a member name") }
            let keyStart = reader.position
            let (key, escaped) = try reader.rawString()
            try reader.consume(UInt8(ascii: ":"), "':'")
            guard escaped else { return try member(&reader, Key(utf8: key)) }
            let name = Array(try reader.unescaped(key, from: keyStart + 1).utf8)
            try name.withUnsafeBufferPointer { utf8 throws(JSONReadError) in try member(&reader, Key(utf8: utf8)) }
        }
    }

    /// Reads an array, calling `element` for each value.
    public mutating func array(_ element: (inout JSONReader) throws(JSONReadError) -> Void) throws(JSONReadError) {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), "an array", item: element)
    }

    /// Reads `open`, items separated by commas, and `close`, calling `item` to read each item.
    private mutating func container(
        open: UInt8, close: UInt8, _ what: String, item: (inout JSONReader) throws(JSONReadError) -> Void
    ) throws(JSONReadError) {
        try consume(open, what)
        depth += 1
        guard depth <= JSONReader.maximumDepth else { throw error("nested too deeply") }
        defer { depth -= 1 }
        if peek() == close {
            position += 1
            return
        }
        while true {
            try item(&self)
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case close:
                position += 1
                return
            default: throw error("expected ',' or '\(Character(Unicode.Scalar(close)))'")
            }
        }
    }

    /// Consumes a `null` if one comes next.
    public mutating func null() -> Bool {
        peek() == UInt8(ascii: "n") && consume(literal: "null")
    }

    /// `true` or `false`.
    public mutating func bool() throws(JSONReadError) -> Bool {
        if peek() == UInt8(ascii: "t"), consume(literal: "true") { return true }
        if peek() == UInt8(ascii: "f"), consume(literal: "false") { return false }
        throw error("expected true or false")
    }

    /// `true`, `false`, or `nil` for `null`.
    public mutating func optionalBool() throws(JSONReadError) -> Bool? {
        null() ? nil : try bool()
    }

    /// A string, escapes resolved.
    public mutating func string() throws(JSONReadError) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a string") }
        let start = position
        let (raw, escaped) = try rawString()
        if !escaped {
            guard let text = JSONReader.text(raw) else {
                position = start
                throw error("invalid UTF-8 in a string")
            }
            return text
        }
        return try unescaped(raw, from: start + 1)
    }

    /// A string, or `nil` for `null`.
    public mutating func optionalString() throws(JSONReadError) -> String? {
        null() ? nil : try string()
    }

    /// An array of strings.
    public mutating func strings() throws(JSONReadError) -> [String] {
        var strings: [String] = []
        try array { reader throws(JSONReadError) in strings.append(try reader.string()) }
        return strings
    }

    /// A value of a `RawRepresentable` string enumeration.
    public mutating func value<Value: RawRepresentable<String>>(_ type: Value.Type) throws(JSONReadError) -> Value {
        let start = position
        guard let value = Value(rawValue: try string()) else {
            position = start
            throw error("unknown \(Value.self)")
        }
        return value
    }

    /// A value of a string enumeration, or `nil` for `null`.
    public mutating func optionalValue<Value: RawRepresentable<String>>(_ type: Value.Type) throws(JSONReadError) -> Value? {
        null() ? nil : try value(type)
    }

    /// An integer, written as one (`3`) or as a number that is one exactly (`3.0`, `3e0`).
    public mutating func integer() throws(JSONReadError) -> Int {
        let start = position
        let (text, integral) = try numberText()
        if integral, let value = Int(text) { return value }
        if let value = Double(text), let exact = Int(exactly: value) { return exact }
        position = start
        throw error("expected an integer")
    }

    /// An integer, or `nil` for `null`.
    public mutating func optionalInteger() throws(JSONReadError) -> Int? {
        null() ? nil : try integer()
    }

    /// A finite number.
    public mutating func number() throws(JSONReadError) -> Double {
        let start = position
        guard let value = Double(try numberText().text), value.isFinite else {
            position = start
            throw error("number out of range")
        }
        return value
    }

    /// A finite number, or `nil` for `null`.
    public mutating func optionalNumber() throws(JSONReadError) -> Double? {
        null() ? nil : try number()
    }

    /// Skips a value of any kind.
    public mutating func skipValue() throws(JSONReadError) {
        switch peek() {
        case UInt8(ascii: "{"): try object { reader, _ throws(JSONReadError) in try reader.skipValue() }
        case UInt8(ascii: "["): try array { reader throws(JSONReadError) in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): if !null() { throw error("expected a value") }
        default: _ = try numberText()
        }
    }

    /// The number at the position, checked against the JSON grammar, and whether it is written
    /// as an integer (no fraction, no exponent).
    private mutating func numberText() throws(JSONReadError) -> (text: String, integral: Bool) {
        _ = peek()
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
            return position - first
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        guard digits() > 0 else { throw error("expected a value") }
        guard bytes[integerStart] != UInt8(ascii: "0") || position - integerStart == 1 else {
            throw error("leading zero in a number")
        }
        var integral = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("expected digits after '.'") }
            integral = false
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw error("expected digits in an exponent") }
            integral = false
        }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self), integral)
    }

    /// The bytes between a string's quotes, escapes left as written, and whether it holds any;
    /// checks that no control byte is left unescaped (`unescaped` checks the escapes).
    private mutating func rawString() throws(JSONReadError) -> (bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) {
        position += 1
        let start = position
        var escaped = false
        while true {
            let next = JSONReader.stringEnds.first(in: bytes, from: position)
            guard next < bytes.count else { throw error("unterminated string") }
            position = next
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return (UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)]), escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                position += 2
                guard position <= bytes.count else { throw error("unterminated string") }
            default:
                throw error("control character in a string")
            }
        }
    }

    /// Bytes that end a run of plain string content: the closing quote, an escape, and the
    /// control bytes JSON does not allow unescaped.
    private static let stringEnds = SpecialBytes([UInt8(ascii: "\""), UInt8(ascii: "\\")], controls: true)

    /// Resolves the escapes of a string's raw content, which starts at byte `offset`.
    private func unescaped(_ raw: UnsafeBufferPointer<UInt8>, from offset: Int) throws(JSONReadError) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(raw.count)
        var index = 0
        func fail(_ reason: String) -> JSONReadError {
            JSONReadError(offset: offset + index, reason: reason)
        }
        func hex4() throws(JSONReadError) -> UInt32 {
            guard index + 4 <= raw.count else { throw fail("short \\u escape") }
            var value: UInt32 = 0
            for byte in raw[index..<(index + 4)] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw fail("bad \\u escape")
                }
                value = value << 4 | UInt32(digit)
            }
            index += 4
            return value
        }
        while index < raw.count {
            let next = raw.offset(of: UInt8(ascii: "\\"), from: index, to: raw.count)
            utf8.append(contentsOf: UnsafeBufferPointer(rebasing: raw[index..<next]))
            index = next + 1
            guard next < raw.count else { break }
            let escape = raw[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 2 <= raw.count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u") else {
                        throw fail("lone surrogate")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw fail("lone surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw fail("lone surrogate") }
                utf8.append(contentsOf: UTF8.encode(unicode)!)
            default: throw fail("bad escape")
            }
        }
        guard let text = utf8.withUnsafeBufferPointer(JSONReader.text) else { throw fail("invalid UTF-8 in a string") }
        return text
    }

    /// The text of UTF-8 bytes; `nil` if they are not valid UTF-8. (`String(validating:)` is
    /// generic and not specialized here: it looked its metadata up for every string.)
    private static func text(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: utf8, as: UTF8.self)
        // Decoding replaces what is not UTF-8, so the text keeps the bytes only if they were.
        let kept = text.withUTF8 { decoded in
            decoded.count == utf8.count && (decoded.isEmpty || memcmp(decoded.baseAddress!, utf8.baseAddress!, decoded.count) == 0)
        }
        return kept ? text : nil
    }
}
