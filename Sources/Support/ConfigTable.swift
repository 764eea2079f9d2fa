import Foundation
import TOMLKit

/// A table of a configuration file (TOML), read with messages that name the
/// file, the table and the key.
///
/// TOML is parsed by toml++ (through TOMLKit) and handed on as `JSONValue`,
/// so every reader in aircover checks values the same way.
public struct ConfigTable: Sendable {
    /// The file (or text) this table came from.
    public let source: String
    /// Where in the file, e.g. `[[aircraft]] #3 ("H135")`; empty for the root.
    public let path: String
    /// The table's members.
    public let value: JSONValue

    /// Parses a TOML file; text that is not UTF-8 is refused with the line
    /// and column of its first bad byte.
    public static func load(tomlFile url: URL) throws -> ConfigTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigError(source: url.path, path: "", problem: "cannot read the file (\(error.localizedDescription))")
        }
        let bytes = [UInt8](data)
        if let bad = TOMLTextCheck.firstInvalidUTF8(in: bytes) {
            throw ConfigError(
                source: url.path, path: "line \(bad.line), column \(bad.column)",
                problem: "not valid TOML: the file is not UTF-8 text (save it as UTF-8)")
        }
        return try parse(toml: String(decoding: bytes, as: UTF8.self), source: url.path)
    }

    /// Parses TOML text; `source` names it in errors. Syntax errors name the
    /// line and column; a NaN or infinite number names its key.
    public static func parse(toml text: String, source: String) throws -> ConfigTable {
        let bytes = Array(text.utf8)
        if var finding = TOMLTextCheck.firstProblem(in: bytes) {
            // The text before the finding's line goes to toml++ below, so it
            // must hold no finding itself (a NUL is found before an earlier bad header).
            while let earlier = TOMLTextCheck.firstProblem(in: Array(bytes[..<finding.lineStart])) { finding = earlier }
            // toml++ reports an earlier error itself, if there is one.
            _ = try tomlTable(String(decoding: bytes[..<finding.lineStart], as: UTF8.self), source: source)
            throw ConfigError(
                source: source, path: "line \(finding.line), column \(finding.column)",
                problem: "not valid TOML: \(finding.problem)")
        }
        let table = try tomlTable(text, source: source)
        return ConfigTable(source: source, path: "", value: try jsonValue(of: table, at: [], source: source))
    }

    private static func tomlTable(_ text: String, source: String) throws -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(
                source: source, path: "line \(error.source.begin.line), column \(error.source.begin.column)",
                problem: "not valid TOML: \(error.description)")
        }
    }

    /// A TOML value as JSON: tables as objects (keys in toml++'s order),
    /// dates and times as their TOML text.
    private static func jsonValue(of value: TOMLValueConvertible, at path: [TOMLPathStep], source: String) throws -> JSONValue {
        switch value.type {
        case .table:
            guard let table = value.table else { return .null }
            return .object(
                try table.keys.map { key in
                    (key, try table[key].map { try jsonValue(of: $0, at: path + [.key(key)], source: source) } ?? .null)
                })
        case .array:
            guard let array = value.array else { return .null }
            return .array(
                try array.enumerated().map { index, item in
                    try jsonValue(of: item, at: path + [.item(index)], source: source)
                })
        case .string: return value.string.map(JSONValue.string) ?? .null
        case .int: return value.int.map(JSONValue.integer) ?? .null
        case .bool: return value.bool.map(JSONValue.bool) ?? .null
        case .double:
            guard let number = value.double else { return .null }
            guard number.isFinite else {
                throw ConfigError(
                    source: source, path: TOMLPathStep.location(path),
                    problem: "must be a finite number, found \(number.isNaN ? "nan" : number > 0 ? "inf" : "-inf")")
            }
            return .number(number)
        case .date, .time, .dateTime: return .string(value.debugDescription)
        }
    }

    /// A table read from `source`, located at `path` within it.
    public init(source: String, path: String, value: JSONValue) {
        self.source = source
        self.path = path
        self.value = value
    }

    /// The member names present.
    public var keys: [String] {
        guard case .object(let members) = value else { return [] }
        return members.map(\.key)
    }

    /// Whether the table has member `key`.
    public func contains(_ key: String) -> Bool { value[key] != nil }

    /// An error located at `key` of this table.
    public func error(_ key: String?, _ problem: String) -> ConfigError {
        let location = [path, key].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return ConfigError(source: source, path: location, problem: problem)
    }

    /// A required finite number (integer or float in the file).
    public func number(_ key: String) throws -> Double {
        guard let raw = value[key] else { throw error(key, "is missing (a number is required)") }
        guard let number = raw.doubleValue, number.isFinite else { throw error(key, "must be a number, found \(raw.typeName)") }
        return number
    }

    /// A number, or `nil` when the key is absent.
    public func optionalNumber(_ key: String) throws -> Double? {
        value[key] == nil ? nil : try number(key)
    }

    /// A required string.
    public func string(_ key: String) throws -> String {
        guard let raw = value[key] else { throw error(key, "is missing (a string is required)") }
        guard let text = raw.stringValue else { throw error(key, "must be a string, found \(raw.typeName)") }
        return text
    }

    /// A string, or `nil` when the key is absent.
    public func optionalString(_ key: String) throws -> String? {
        value[key] == nil ? nil : try string(key)
    }

    /// A boolean, or `nil` when the key is absent.
    public func optionalBool(_ key: String) throws -> Bool? {
        guard let raw = value[key] else { return nil }
        guard case .bool(let flag) = raw else { throw error(key, "must be true or false, found \(raw.typeName)") }
        return flag
    }

    /// An array of strings; empty when absent.
    public func strings(_ key: String) throws -> [String] {
        guard let raw = value[key] else { return [] }
        guard case .array(let items) = raw else { throw error(key, "must be an array of strings, found \(raw.typeName)") }
        return try items.map { item in
            guard let text = item.stringValue else { throw error(key, "must hold only strings, found \(item.typeName)") }
            return text
        }
    }

    /// An array of numbers; empty when absent.
    public func numbers(_ key: String) throws -> [Double] {
        guard let raw = value[key] else { return [] }
        if let single = raw.doubleValue { return [single] }
        guard case .array(let items) = raw else { throw error(key, "must be a number or an array of numbers, found \(raw.typeName)") }
        return try items.map { item in
            guard let number = item.doubleValue else { throw error(key, "must hold only numbers, found \(item.typeName)") }
            return number
        }
    }

    /// A sub-table; `nil` when absent.
    public func optionalTable(_ key: String) throws -> ConfigTable? {
        guard let raw = value[key] else { return nil }
        guard case .object = raw else { throw error(key, "must be a table, found \(raw.typeName)") }
        return ConfigTable(source: source, path: [path, "[\(key)]"].filter { !$0.isEmpty }.joined(separator: " "), value: raw)
    }

    /// An array of tables (`[[key]]`); empty when absent. Each is named
    /// `[[key]] #n` (1-based), with its `name` member when it has one.
    public func tables(_ key: String) throws -> [ConfigTable] {
        guard let raw = value[key] else { return [] }
        guard case .array(let items) = raw else { throw error(key, "must be an array of tables ([[\(key)]]), found \(raw.typeName)") }
        return try items.enumerated().map { index, item in
            guard case .object = item else { throw error(key, "item \(index + 1) must be a table, found \(item.typeName)") }
            var name = "[[\(key)]] #\(index + 1)"
            if let label = item["name"]?.stringValue { name += " (\"\(label)\")" }
            return ConfigTable(source: source, path: [path, name].filter { !$0.isEmpty }.joined(separator: " "), value: item)
        }
    }

    /// Rejects members not in `allowed`, so that a misspelt key is reported
    /// instead of silently ignored.
    public func rejectUnknownKeys(allowed: Set<String>) throws {
        for key in keys where !allowed.contains(key) {
            let suggestion = allowed.min { Self.editDistance(key, $0) < Self.editDistance(key, $1) }
            var problem = "is not a known key"
            if let suggestion, Self.editDistance(key, suggestion) <= 3 { problem += " (did you mean \"\(suggestion)\"?)" }
            throw error(key, problem)
        }
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}

/// A step from a TOML document's root to a value: a key or an array item.
enum TOMLPathStep {
    case key(String)
    case item(Int)

    /// Where `path` is, in ConfigTable's words: `[demand] cell_km`,
    /// `[[aircraft]] #2 cruise_speed_kmh`, `[standards] minutes (item 2)`.
    static func location(_ path: [TOMLPathStep]) -> String {
        var steps = path[...]
        var items: [Int] = []
        while case .item(let index)? = steps.last { items.insert(index + 1, at: 0); steps.removeLast() }
        guard case .key(let leaf)? = steps.popLast() else { return "" }
        let keys = steps.compactMap { step -> String? in if case .key(let key) = step { key } else { nil } }.joined(separator: ".")
        var table = ""
        if case .item(let index)? = steps.last {
            table = "[[\(keys)]] #\(index + 1)"
        } else if !keys.isEmpty {
            table = "[\(keys)]"
        }
        let item = items.isEmpty ? "" : " (item \(items.map(String.init).joined(separator: ", ")))"
        return [table, leaf + item].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// A configuration value that cannot be used: the file, where in it, and why.
public struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file.
    public let source: String
    /// The table and key, e.g. `[demand] cell_km`.
    public let path: String
    /// What is wrong and, where possible, what to write instead.
    public let problem: String

    public init(source: String, path: String, problem: String) {
        self.source = source
        self.path = path
        self.problem = problem
    }

    public var description: String {
        path.isEmpty ? "\(source): \(problem)" : "\(source): \(path): \(problem)"
    }
}
