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
        var out = ""
        write(to: &out, indent: nil, depth: 0)
        return out
    }

    /// The value indented by two spaces per level, `"key": value`.
    public func pretty() -> String {
        var out = ""
        write(to: &out, indent: "  ", depth: 0)
        return out
    }

    private func write(to out: inout String, indent: String?, depth: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .integer(value): out += String(value)
        case let .number(value): out += JSONValue.format(value)
        case let .string(value): JSONValue.quote(value, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                JSONValue.newline(&out, indent: indent, depth: depth + 1)
                item.write(to: &out, indent: indent, depth: depth + 1)
            }
            JSONValue.newline(&out, indent: indent, depth: depth)
            out += "]"
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                JSONValue.newline(&out, indent: indent, depth: depth + 1)
                JSONValue.quote(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(to: &out, indent: indent, depth: depth + 1)
            }
            JSONValue.newline(&out, indent: indent, depth: depth)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, indent: String?, depth: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<depth { out += indent }
    }

    /// Integral values print without a fraction (`16`), others in their shortest form (`17.5`).
    public static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return value.isFinite ? String(value) : "null"
    }

    private static func quote(_ string: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: append them whole.
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out += string
            out += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
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
}
