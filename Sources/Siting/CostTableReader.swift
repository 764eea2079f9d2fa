import Foundation

/// Reads covering instances from CSV tables, so analysts can bring travel
/// times computed elsewhere:
/// - costs: header `demand,site,cost`; one row per reachable pair (a
///   missing pair is unreachable); a pair covers when cost ≤ threshold.
/// - weights (optional): `demand,weight` (default weight 1).
/// - site costs (optional): `site,cost` (default 1).
/// Ids are strings; demands and sites are ordered by first appearance.
public enum CostTableReader {
    public struct Table: Sendable {
        public let demandIDs: [String]
        public let siteIDs: [String]
        /// (demand index, site index, cost) for every listed pair.
        public let pairs: [(demand: Int, site: Int, cost: Double)]
    }

    public static func costs(_ url: URL) throws -> Table {
        let rows = try CSVRows.read(url, header: ["demand", "site", "cost"])
        var demandIndex: [String: Int] = [:], siteIndex: [String: Int] = [:]
        var demandIDs: [String] = [], siteIDs: [String] = []
        var pairs: [(demand: Int, site: Int, cost: Double)] = []
        var seen = Set<[Int]>()
        for row in rows {
            let cost = try row.number(2)
            let d = demandIndex[row.fields[0]] ?? { demandIDs.append(row.fields[0]); demandIndex[row.fields[0]] = demandIDs.count - 1; return demandIDs.count - 1 }()
            let s = siteIndex[row.fields[1]] ?? { siteIDs.append(row.fields[1]); siteIndex[row.fields[1]] = siteIDs.count - 1; return siteIDs.count - 1 }()
            guard seen.insert([d, s]).inserted else { throw row.error("the pair \(row.fields[0]),\(row.fields[1]) is listed twice") }
            pairs.append((d, s, cost))
        }
        guard !pairs.isEmpty else { throw SitingInputError("\(url.path): no demand,site,cost rows") }
        return Table(demandIDs: demandIDs, siteIDs: siteIDs, pairs: pairs)
    }

    /// `id,value` rows as a dictionary (weights or site costs).
    public static func values(_ url: URL, header: [String]) throws -> [String: Double] {
        var values: [String: Double] = [:]
        for row in try CSVRows.read(url, header: header) {
            guard values[row.fields[0]] == nil else { throw row.error("\(header[0]) \(row.fields[0]) is listed twice") }
            values[row.fields[0]] = try row.number(1)
        }
        return values
    }

    /// The instance with every listed pair and its cost (for p-center and
    /// p-median, which need the response times, not just coverage).
    public static func timedInstance(_ table: Table, weights: [String: Double]? = nil, siteCosts: [String: Double]? = nil) throws -> CoverInstance {
        var pairs = [[(site: Int, cost: Double)]](repeating: [], count: table.demandIDs.count)
        for pair in table.pairs { pairs[pair.demand].append((pair.site, pair.cost)) }
        return try CoverInstance(demandIDs: table.demandIDs, siteIDs: table.siteIDs,
                                 weights: weights.map { w in table.demandIDs.map { w[$0] ?? 1 } },
                                 siteCosts: siteCosts.map { c in table.siteIDs.map { c[$0] ?? 1 } }, pairs: pairs)
    }

    /// The covering instance: pairs with cost ≤ `threshold` cover.
    public static func instance(_ table: Table, threshold: Double, weights: [String: Double]? = nil,
                                siteCosts: [String: Double]? = nil) throws -> CoverInstance {
        var covering = [[Int]](repeating: [], count: table.demandIDs.count)
        for pair in table.pairs where pair.cost <= threshold { covering[pair.demand].append(pair.site) }
        if let weights, let unknown = weights.keys.sorted().first(where: { !table.demandIDs.contains($0) }) {
            throw SitingInputError("the weights name demand \(unknown), which the costs table does not have")
        }
        return try CoverInstance(demandIDs: table.demandIDs, siteIDs: table.siteIDs,
                                 weights: weights.map { w in table.demandIDs.map { w[$0] ?? 1 } },
                                 siteCosts: siteCosts.map { c in table.siteIDs.map { c[$0] ?? 1 } },
                                 coveringSites: covering)
    }
}

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
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw SitingInputError("\(url.path): cannot read the file (\(error.localizedDescription))")
        }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }.makeIterator()
        guard let first = lines.next() else { throw SitingInputError("\(url.path): empty file; expected the header \(header.joined(separator: ","))") }
        let names = split(String(first.element)).map { $0.lowercased() }
        guard names == header else {
            throw SitingInputError("\(url.path): the header is \"\(first.element)\"; expected \(header.joined(separator: ","))")
        }
        var rows: [Row] = []
        while let (index, line) = lines.next() {
            let fields = split(String(line))
            guard fields.count == header.count else {
                throw SitingInputError("\(url.path): line \(index + 1): \(fields.count) fields; expected \(header.count) (\(header.joined(separator: ",")))")
            }
            rows.append(Row(source: url.path, line: index + 1, fields: fields))
        }
        return rows
    }

    static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { fields.append(current); current = "" } else { current.append(character) }
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
