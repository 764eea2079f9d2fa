import Foundation

/// Reads covering instances from CSV tables, so analysts can bring travel
/// times computed elsewhere:
/// - costs: header `demand,site,cost`; one row per reachable pair (a
///   missing pair is unreachable); a pair covers when cost ≤ threshold.
/// - weights (optional): `demand,weight` (default weight 1).
/// - site costs (optional): `site,cost` (default 1).
/// - groups (max–min fairness): `demand,group`.
/// Ids are strings; demands and sites are ordered by first appearance.
public enum CostTableReader {
    /// A cost table: its ids and every listed pair, grouped by demand.
    public struct Table: Sendable {
        public let demandIDs: [String]
        public let siteIDs: [String]
        /// The sites listed for demand i are
        /// `demandSites[demandStart[i]..<demandStart[i + 1]]`, strictly
        /// ascending, each with its cost at the same position in `demandCosts`.
        public let demandStart: [Int]
        public let demandSites: [Int32]
        public let demandCosts: [Double]

        public var pairCount: Int { demandSites.count }
    }

    /// Reads a cost table in one pass over its bytes, a few MiB at a time.
    ///
    /// Fields follow the shared CSV dialect (`CSVFields`: quotes, CRLF,
    /// byte-order mark); ids lose spaces around them; a cost is what
    /// `strtod` reads, followed by nothing but spaces. Blank lines are
    /// skipped. Mistakes are reported as `FILE: line N: what`, the first one
    /// in the file: a row without exactly three fields, a cost that is not a
    /// finite number of 0 or more, a pair listed twice (on the line of its
    /// second listing).
    public static func costs(_ url: URL) throws -> Table {
        var reader = PairReader(source: url.path)
        do {
            try forEachLine(of: url) { line, number in try reader.read(line, number: number) }
        } catch {
            _ = try reader.grouped()  // a pair repeated on an earlier line is the first mistake
            throw error
        }
        guard reader.sawHeader else { throw SitingInputError("\(url.path): empty file; expected the header demand,site,cost") }
        guard reader.pairCount > 0 else { throw SitingInputError("\(url.path): no demand,site,cost rows") }
        return try reader.grouped()
    }

    /// `id,value` rows as a dictionary (weights or site costs). Each value
    /// must be a finite number; `allowed` refuses others, with `rule` saying
    /// what is allowed; an id listed twice is refused.
    public static func values(
        _ url: URL, header: [String], allowed: (Double) -> Bool = { _ in true },
        rule: String = ""
    ) throws -> [String: Double] {
        var values: [String: Double] = [:]
        for row in try CSVRows.read(url, header: header) {
            guard values[row.fields[0]] == nil else { throw row.error("\(header[0]) \(row.fields[0]) is listed twice") }
            let value = try row.number(1)
            guard allowed(value) else { throw row.error("\(header[0]) \(row.fields[0]) has \(header[1]) \(row.fields[1]); \(rule)") }
            values[row.fields[0]] = value
        }
        return values
    }

    /// A `demand,weight` table; weights are finite and 0 or more.
    public static func weights(_ url: URL) throws -> [String: Double] {
        try values(url, header: ["demand", "weight"], allowed: { $0 >= 0 }, rule: "weights must be 0 or more")
    }

    /// A `site,cost` table; costs are finite and above 0.
    public static func siteCosts(_ url: URL) throws -> [String: Double] {
        try values(url, header: ["site", "cost"], allowed: { $0 > 0 }, rule: "site costs must be above 0")
    }

    /// A `demand,group` table: the group (a non-empty name) of each demand;
    /// a demand listed twice is refused.
    public static func groups(_ url: URL) throws -> [String: String] {
        var groups: [String: String] = [:]
        for row in try CSVRows.read(url, header: ["demand", "group"]) {
            guard groups[row.fields[0]] == nil else { throw row.error("demand \(row.fields[0]) is listed twice") }
            guard !row.fields[1].isEmpty else { throw row.error("demand \(row.fields[0]) has an empty group") }
            groups[row.fields[0]] = row.fields[1]
        }
        return groups
    }

    /// The instance with every listed pair and its cost (for p-center and
    /// p-median, which need the response times, not just coverage).
    public static func timedInstance(_ table: Table, weights: [String: Double]? = nil, siteCosts: [String: Double]? = nil) throws -> CoverInstance {
        try checkIDs(table, weights: weights, siteCosts: siteCosts)
        return try CoverInstance(
            demandIDs: table.demandIDs, siteIDs: table.siteIDs,
            weights: weights.map { w in table.demandIDs.map { w[$0] ?? 1 } },
            siteCosts: siteCosts.map { c in table.siteIDs.map { c[$0] ?? 1 } },
            demandStart: table.demandStart, demandSites: table.demandSites, demandCosts: PairCosts(table.demandCosts))
    }

    /// Refuses weights naming a demand, or site costs naming a site, that
    /// the costs table does not have (the smallest such id is named).
    static func checkIDs(_ table: Table, weights: [String: Double]?, siteCosts: [String: Double]?) throws {
        for (values, ids, what, file) in [(weights, table.demandIDs, "demand", "weights"), (siteCosts, table.siteIDs, "site", "site costs")] {
            guard let values else { continue }
            let known = Set(ids)
            if let unknown = values.keys.filter({ !known.contains($0) }).min() {
                throw SitingInputError("the \(file) name \(what) \(unknown), which the costs table does not have")
            }
        }
    }

    /// The covering instance: pairs with cost ≤ `threshold` cover (their
    /// costs are 0 in the instance, as for one built from covering sets).
    public static func instance(
        _ table: Table, threshold: Double, weights: [String: Double]? = nil,
        siteCosts: [String: Double]? = nil
    ) throws -> CoverInstance {
        var demandStart = table.demandStart, demandSites = table.demandSites  // as they are if every pair covers
        if !table.demandCosts.allSatisfy({ $0 <= threshold }) {
            demandStart = [0]
            demandSites = []
            for i in table.demandIDs.indices {
                for k in table.demandStart[i]..<table.demandStart[i + 1] where table.demandCosts[k] <= threshold {
                    demandSites.append(table.demandSites[k])
                }
                demandStart.append(demandSites.count)
            }
        }
        try checkIDs(table, weights: weights, siteCosts: siteCosts)
        return try CoverInstance(
            demandIDs: table.demandIDs, siteIDs: table.siteIDs,
            weights: weights.map { w in table.demandIDs.map { w[$0] ?? 1 } },
            siteCosts: siteCosts.map { c in table.siteIDs.map { c[$0] ?? 1 } },
            demandStart: demandStart, demandSites: demandSites,
            demandCosts: .zeros(demandSites.count))
    }

    /// Calls `body` with each line of the file (its bytes without the `\n`)
    /// and the line's number, from 1; a last line without `\n` counts too.
    /// A UTF-8 byte-order mark at the start of the file is not passed on.
    /// Reads `blockSize` bytes at a time into one buffer (grown only for a
    /// longer line), so memory stays flat however large the file.
    static func forEachLine(of url: URL, blockSize: Int = 1 << 22, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        func unreadable(_ reason: String) -> SitingInputError { SitingInputError("\(url.path): cannot read the file (\(reason))") }
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch { throw unreadable(error.localizedDescription) }
        defer { try? handle.close() }
        var buffer = [UInt8](repeating: 0, count: blockSize)
        var kept = 0  // bytes at the start of `buffer` not yet passed on: the start of a line
        var number = 0
        while true {
            if kept == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }  // a line longer than the buffer
            let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress! + kept, $0.count - kept) }
            guard count >= 0 else { throw unreadable(String(cString: strerror(errno))) }
            if count == 0 { break }
            let end = kept + count
            let used = try buffer.withUnsafeBufferPointer { bytes in
                var start = 0
                if number == 0, end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }  // a byte-order mark
                while let newline = memchr(bytes.baseAddress! + start, 0x0A, end - start) {
                    let stop = UnsafeRawPointer(newline) - UnsafeRawPointer(bytes.baseAddress!)
                    number += 1
                    try body(UnsafeBufferPointer(rebasing: bytes[start..<stop]), number)
                    start = stop + 1
                }
                return start
            }
            kept = end - used
            buffer.withUnsafeMutableBytes { _ = memmove($0.baseAddress!, $0.baseAddress! + used, kept) }
        }
        if kept > 0 { try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<kept]), number + 1) } }
    }
}
