import Foundation

/// Rows of a simple CSV file (comma-separated, optional double quotes) with
/// a required header.
struct CSVRows {
    struct Row {
        let source: String
        let line: Int
        let fields: [String]
        func error(_ what: String) -> SitingInputError { SitingInputError("\(source): line \(line): \(what)") }
        func number(_ column: Int) throws -> Double {
            guard let value = Double(fields[column]), value.isFinite else {
                throw error("\"\(fields[column])\" is not a number")
            }
            return value
        }
    }

    static func read(_ url: URL, header: [String]) throws -> [Row] {
        let source = url.path
        var rows: [Row] = []
        var sawHeader = false
        try CostTableReader.forEachLine(of: url) { bytes, lineNumber in
            let stop = bytes.last == 0x0D ? bytes.count - 1 : bytes.count
            let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<stop]), as: UTF8.self)
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { return }
            let fields = split(line)
            if !sawHeader {
                sawHeader = true
                guard fields.map({ $0.lowercased() }) == header else {
                    throw SitingInputError("\(url.path): the header is \"\(line)\"; expected \(header.joined(separator: ","))")
                }
                return
            }
            guard fields.count == header.count else {
                throw SitingInputError("\(url.path): line \(lineNumber): \(fields.count) fields; expected \(header.count) (\(header.joined(separator: ",")))")
            }
            rows.append(Row(source: source, line: lineNumber, fields: fields))
        }
        guard sawHeader else { throw SitingInputError("\(url.path): empty file; expected the header \(header.joined(separator: ","))") }
        return rows
    }

    static func split(_ line: String) -> [String] {
        if !line.utf8.contains(0x22) {
            return line.split(separator: ",", omittingEmptySubsequences: false).map(trimmed)
        }
        var fields: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { fields.append(current); current = "" } else { current.append(character) }
        }
        fields.append(current)
        return fields.map { trimmed($0[...]) }
    }

    /// `field` without leading and trailing whitespace, as
    /// `trimmingCharacters(in: .whitespaces)` gives it; that is asked only
    /// when an end is not printable ASCII (it is slow on many fields).
    static func trimmed(_ field: Substring) -> String {
        func printable(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x7F } ?? true }
        return printable(field.utf8.first) && printable(field.utf8.last) ? String(field) : field.trimmingCharacters(in: .whitespaces)
    }
}
