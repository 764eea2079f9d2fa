import Foundation

/// Reads J. E. Beasley's OR-Library set-covering format: `m n`; the n column
/// costs; then for each of the m rows, the number of columns covering it and
/// those columns (1-based). Whitespace, including line breaks, separates
/// numbers anywhere. Rows become demands "r1"…"rm", columns sites "c1"…"cn".
///
/// Every number must be a whole number: m, n and the costs at least 1, a
/// row's count at least 0, its columns within 1…n. A count (m, n or a row's)
/// larger than the numbers left in the file is refused before anything is
/// allocated for it, so a damaged header cannot ask for terabytes. Mistakes
/// are reported as `FILE: number K (what it is): what is wrong`.
public enum OrLibraryReader {
    public static func read(_ url: URL) throws -> CoverInstance {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw SitingInputError("\(url.path): cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, source: url.path)
    }

    public static func parse(_ text: String, source: String) throws -> CoverInstance {
        let numbers = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" })
        var position = 0  // numbers read so far
        func next(_ what: @autoclosure () -> String, atLeast minimum: Int) throws -> Int {
            guard position < numbers.count else { throw SitingInputError("\(source): the file ends before \(what())") }
            let token = numbers[position]
            position += 1
            guard let value = Int(token) else {
                throw SitingInputError("\(source): number \(position) (\(what())) is \"\(token)\", not a whole number")
            }
            guard value >= minimum else {
                throw SitingInputError("\(source): number \(position) (\(what())) is \(value); it must be at least \(minimum)")
            }
            return value
        }
        /// `count` (number `k` of the file) says how many numbers must
        /// follow: refused when fewer are left.
        func expect(_ count: Int, _ what: String, countAt k: Int) throws {
            let left = numbers.count - position
            guard count <= left else {
                throw SitingInputError("\(source): number \(k) says \(count) \(what) follow, but the file has only \(left) more number\(left == 1 ? "" : "s")")
            }
        }
        let rows = try next("the row count", atLeast: 1), columns = try next("the column count", atLeast: 1)
        try expect(columns, "column costs", countAt: 2)
        let costs = try (1...columns).map { Double(try next("the cost of column \($0)", atLeast: 1)) }
        try expect(rows, "rows", countAt: 1)  // each row has at least its count
        var covering: [[Int]] = []
        covering.reserveCapacity(rows)
        for r in 1...rows {
            let count = try next("the column count of row \(r)", atLeast: 0)
            try expect(count, "columns of row \(r)", countAt: position)
            covering.append(
                try (0..<count).map { _ in
                    let column = try next("a column of row \(r)", atLeast: Int.min)
                    guard (1...columns).contains(column) else {
                        throw SitingInputError("\(source): number \(position): row \(r) names column \(column), outside 1…\(columns)")
                    }
                    return column - 1
                })
        }
        return try CoverInstance(
            demandIDs: (1...rows).map { "r\($0)" }, siteIDs: (1...columns).map { "c\($0)" },
            siteCosts: costs, coveringSites: covering)
    }
}
