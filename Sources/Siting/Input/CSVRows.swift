import Foundation

/// Rows of a small CSV table with a required header, in the shared dialect
/// (`CSVFields`): weights and site costs.
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
        var fields = CSVFields()
        try CostTableReader.forEachLine(of: url) { bytes, lineNumber in
            let line = bytes.last == 0x0D ? UnsafeBufferPointer(rebasing: bytes.dropLast()) : bytes
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            do throws(CSVFields.Mistake) { try fields.split(line) } catch { throw SitingInputError("\(source): line \(lineNumber): \(error.what)") }
            if !sawHeader {
                sawHeader = true
                guard fields.strings.map({ $0.lowercased() }) == header else {
                    throw SitingInputError("\(source): the header is \"\(String(decoding: line, as: UTF8.self))\"; expected \(header.joined(separator: ","))")
                }
                return
            }
            guard fields.count == header.count else {
                throw SitingInputError("\(source): line \(lineNumber): \(fields.count) fields; expected \(header.count) (\(header.joined(separator: ",")))")
            }
            rows.append(Row(source: source, line: lineNumber, fields: fields.strings))
        }
        guard sawHeader else { throw SitingInputError("\(source): empty file; expected the header \(header.joined(separator: ","))") }
        return rows
    }
}
