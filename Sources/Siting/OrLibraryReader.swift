import Foundation

/// Reads J. E. Beasley's OR-Library set-covering format: `m n`; the n column
/// costs; then for each of the m rows, the number of columns covering it and
/// those columns (1-based). Whitespace, including line breaks, separates
/// numbers anywhere. Rows become demands "r1"…"rm", columns sites "c1"…"cn".
public enum OrLibraryReader {
    public static func read(_ url: URL) throws -> CoverInstance {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw SitingInputError("\(url.path): cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, source: url.path)
    }

    public static func parse(_ text: String, source: String) throws -> CoverInstance {
        var numbers = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).makeIterator()
        var position = 0
        func next(_ what: @autoclosure () -> String) throws -> Int {
            position += 1
            guard let token = numbers.next() else { throw SitingInputError("\(source): the file ends before \(what())") }
            guard let value = Int(token) else { throw SitingInputError("\(source): number \(position) (\(what())) is \"\(token)\", not a whole number") }
            return value
        }
        let rows = try next("the row count"), columns = try next("the column count")
        guard rows > 0, columns > 0 else { throw SitingInputError("\(source): needs at least one row and one column, got \(rows)×\(columns)") }
        let costs = try (1...columns).map { Double(try next("the cost of column \($0)")) }
        var covering: [[Int]] = []
        covering.reserveCapacity(rows)
        for r in 1...rows {
            let count = try next("the column count of row \(r)")
            covering.append(try (0..<count).map { _ in
                let column = try next("a column of row \(r)")
                guard (1...columns).contains(column) else { throw SitingInputError("\(source): row \(r) names column \(column), outside 1…\(columns)") }
                return column - 1
            })
        }
        return try CoverInstance(demandIDs: (1...rows).map { "r\($0)" }, siteIDs: (1...columns).map { "c\($0)" },
                                 siteCosts: costs, coveringSites: covering)
    }
}
