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
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SitingInputError("\(url.path): cannot read the file (\(error.localizedDescription))")
        }
        var bytes = [UInt8](data)
        bytes.append(0)  // strtod and the scanner stop here
        var demandIndex: [String: Int] = [:], siteIndex: [String: Int] = [:]
        var demandIDs: [String] = [], siteIDs: [String] = []
        var pairs: [(demand: Int, site: Int, cost: Double)] = []
        var seen = Set<Int>()
        try bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            let count = buffer.count - 1
            var position = 0, line = 0
            var sawHeader = false
            func fail(_ what: String) -> SitingInputError { SitingInputError("\(url.path): line \(line): \(what)") }
            func field(_ from: Int, _ to: Int) -> String {
                var a = from, b = to
                while a < b, base[a] == 0x20 || base[a] == 0x22 { a += 1 }
                while b > a, base[b - 1] == 0x20 || base[b - 1] == 0x22 || base[b - 1] == 0x0D { b -= 1 }
                return String(decoding: UnsafeBufferPointer(start: base + a, count: b - a), as: UTF8.self)
            }
            while position < count {
                line += 1
                var end = position
                var commas: [Int] = []
                while end < count, base[end] != 0x0A {
                    if base[end] == 0x2C { commas.append(end) }
                    end += 1
                }
                defer { position = end + 1 }
                if (position..<end).allSatisfy({ base[$0] == 0x20 || base[$0] == 0x0D || base[$0] == 0x09 }) { continue }
                if !sawHeader {
                    sawHeader = true
                    let header = field(position, end).lowercased().replacingOccurrences(of: " ", with: "")
                    guard header == "demand,site,cost" else {
                        throw SitingInputError("\(url.path): the header is \"\(field(position, end))\"; expected demand,site,cost")
                    }
                    continue
                }
                guard commas.count == 2 else { throw fail("\(commas.count + 1) fields; expected 3 (demand,site,cost)") }
                let demand = field(position, commas[0]), site = field(commas[0] + 1, commas[1])
                var stop: UnsafeMutablePointer<CChar>?
                let start = UnsafeMutableRawPointer(mutating: base + commas[1] + 1).assumingMemoryBound(to: CChar.self)
                let cost = strtod(start, &stop)
                let rest = UnsafeRawPointer(stop!) - UnsafeRawPointer(base)
                guard rest > commas[1] + 1, (rest..<end).allSatisfy({ base[$0] == 0x20 || base[$0] == 0x0D || base[$0] == 0x22 }),
                      cost.isFinite else {
                    throw fail("\"\(field(commas[1] + 1, end))\" is not a number")
                }
                let d = demandIndex[demand] ?? { demandIDs.append(demand); demandIndex[demand] = demandIDs.count - 1; return demandIDs.count - 1 }()
                let s = siteIndex[site] ?? { siteIDs.append(site); siteIndex[site] = siteIDs.count - 1; return siteIDs.count - 1 }()
                guard seen.insert(d << 32 | s).inserted else { throw fail("the pair \(demand),\(site) is listed twice") }
                pairs.append((d, s, cost))
            }
            if !sawHeader { throw SitingInputError("\(url.path): empty file; expected the header demand,site,cost") }
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
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SitingInputError("\(url.path): cannot read the file (\(error.localizedDescription))")
        }
        var rows: [Row] = []
        var sawHeader = false
        var lineNumber = 0
        // Lines are cut on the bytes (cost tables run to millions of rows).
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                lineNumber += 1
                var stop = end
                if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
                start = end + 1
                if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
                let fields = split(line)
                if !sawHeader {
                    sawHeader = true
                    guard fields.map({ $0.lowercased() }) == header else {
                        throw SitingInputError("\(url.path): the header is \"\(line)\"; expected \(header.joined(separator: ","))")
                    }
                    continue
                }
                guard fields.count == header.count else {
                    throw SitingInputError("\(url.path): line \(lineNumber): \(fields.count) fields; expected \(header.count) (\(header.joined(separator: ",")))")
                }
                rows.append(Row(source: url.path, line: lineNumber, fields: fields))
            }
        }
        guard sawHeader else { throw SitingInputError("\(url.path): empty file; expected the header \(header.joined(separator: ","))") }
        return rows
    }

    static func split(_ line: String) -> [String] {
        if !line.contains("\"") {
            return line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var fields: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { fields.append(current); current = "" } else { current.append(character) }
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
