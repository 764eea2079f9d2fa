import Foundation

/// The rows of a cost table, read line by line in file order, then grouped
/// by demand.
struct PairReader {
    let source: String
    private var demandIDs = IDTable(), siteIDs = IDTable()
    /// Pair k: site `sites[k]` at cost `costs[k]`, in file order until grouped.
    private var sites: [Int32] = [], costs: [Double] = []
    /// Runs of consecutive pairs of one demand, in file order: run r holds
    /// pairs `runStarts[r]..<runStarts[r + 1]` (the last one up to the end)
    /// of demand `runDemands[r]`.
    private var runDemands: [Int32] = [], runStarts: [Int] = []
    private var headerLine: Int?
    /// For each blank line after the header, how many pairs came before it.
    private var blankLines: [Int] = []

    init(source: String) { self.source = source }

    var sawHeader: Bool { headerLine != nil }
    var pairCount: Int { costs.count }

    /// Takes line `number` of the file (without its `\n`; a `\r` before it
    /// is dropped here).
    mutating func read(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws {
        let line = line.last == 0x0D ? UnsafeBufferPointer(rebasing: line.dropLast()) : line
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            if sawHeader { blankLines.append(pairCount) }
            return
        }
        guard sawHeader else {
            try split(line, number: number)
            guard quoted.strings.map({ $0.lowercased() }) == ["demand", "site", "cost"] else {
                throw SitingInputError("\(source): the header is \"\(String(decoding: line, as: UTF8.self))\"; expected demand,site,cost")
            }
            headerLine = number
            return
        }
        // The fast path, for lines without quotes: find the two commas.
        var commas = 0, first = 0, second = 0
        for k in line.indices where line[k] == 0x2C || line[k] == 0x22 {
            guard line[k] == 0x2C else { return try readQuoted(line, number: number) }
            commas += 1
            if commas == 1 { first = k } else if commas == 2 { second = k }
        }
        guard commas == 2 else { throw error(line: number, "\(commas + 1) fields; expected 3 (demand,site,cost)") }
        try add(
            demand: Self.trimmed(UnsafeBufferPointer(rebasing: line[..<first])),
            site: Self.trimmed(UnsafeBufferPointer(rebasing: line[(first + 1)..<second])),
            cost: UnsafeBufferPointer(rebasing: line[(second + 1)...]), number: number)
    }

    /// Fields of a line with quotes, by the shared CSV dialect (`CSVFields`).
    private var quoted = CSVFields()

    private mutating func split(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws {
        do throws(CSVFields.Mistake) { try quoted.split(line) } catch { throw self.error(line: number, error.what) }
    }

    /// `read` for a line holding a double quote.
    private mutating func readQuoted(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws {
        try split(line, number: number)
        guard quoted.count == 3 else { throw error(line: number, "\(quoted.count) fields; expected 3 (demand,site,cost)") }
        let fields = quoted
        try fields.withField(0) { demand in
            try fields.withField(1) { site in
                try fields.withField(2) { cost in try add(demand: demand, site: site, cost: cost, number: number) }
            }
        }
    }

    /// Adds the pair of one line: its ids (unquoted, trimmed) and its cost field.
    private mutating func add(
        demand: UnsafeBufferPointer<UInt8>, site: UnsafeBufferPointer<UInt8>,
        cost costField: UnsafeBufferPointer<UInt8>, number: Int
    ) throws {
        guard let cost = Self.number(costField) else {
            throw error(line: number, "\"\(String(decoding: Self.trimmed(costField), as: UTF8.self))\" is not a number")
        }
        guard cost >= 0 else {
            throw error(
                line: number, "the cost \(String(decoding: Self.trimmed(costField), as: UTF8.self)) is negative; costs (times, distances) are 0 or more")
        }
        let demand = demandIDs.index(of: demand)
        if runDemands.last != demand {
            runDemands.append(demand)
            runStarts.append(pairCount)
        }
        sites.append(siteIDs.index(of: site))
        costs.append(cost)
    }

    /// The pairs grouped by demand, sites ascending: runs moved to their
    /// demand (unless each demand came in one run, so already in place),
    /// then each demand's pairs sorted by site. Throws if a pair is listed
    /// twice, naming the earliest line that repeats one.
    mutating func grouped() throws -> CostTableReader.Table {
        var demandStart = [Int](repeating: 0, count: demandIDs.ids.count + 1)
        for r in runDemands.indices { demandStart[Int(runDemands[r]) + 1] += runRange(r).count }
        for d in demandIDs.ids.indices { demandStart[d + 1] += demandStart[d] }
        if runDemands.count > demandIDs.ids.count { moveRuns(to: demandStart) }
        var firstRepeats: [Int: (rank: Int, site: Int)] = [:]
        for d in demandIDs.ids.indices { firstRepeats[d] = sortBySite(demandStart[d]..<demandStart[d + 1]) }
        if !firstRepeats.isEmpty { throw repeatError(firstRepeats) }
        return .init(demandIDs: demandIDs.ids, siteIDs: siteIDs.ids, demandStart: demandStart, demandSites: sites, demandCosts: costs)
    }

    /// Pairs `runRange(r)` make run r.
    private func runRange(_ r: Int) -> Range<Int> {
        runStarts[r]..<(r + 1 < runStarts.count ? runStarts[r + 1] : pairCount)
    }

    /// Moves the runs to their demands' places, from `demandStart`, keeping
    /// file order within each demand.
    private mutating func moveRuns(to demandStart: [Int]) {
        var next = demandStart
        var movedSites = [Int32](repeating: 0, count: pairCount), movedCosts = [Double](repeating: 0, count: pairCount)
        for r in runDemands.indices {
            let d = Int(runDemands[r])
            for k in runRange(r) {
                movedSites[next[d]] = sites[k]
                movedCosts[next[d]] = costs[k]
                next[d] += 1
            }
        }
        (sites, costs) = (movedSites, movedCosts)
    }

    /// Sorts pairs `range`, one demand's in file order, by site. Returns the
    /// rank in file order of the first of them that repeats an earlier one,
    /// and its site; nil if none does.
    private mutating func sortBySite(_ range: Range<Int>) -> (rank: Int, site: Int)? {
        if zip(sites[range], sites[range].dropFirst()).allSatisfy({ $0 < $1 }) { return nil }
        // By site, then rank: a repeat comes right after the pair it repeats.
        let keys = range.map { UInt64(sites[$0]) << 32 | UInt64($0 - range.lowerBound) }.sorted()
        let listed = Array(costs[range])
        var firstRepeat: (rank: Int, site: Int)?
        for (j, key) in keys.enumerated() {
            let site = Int32(key >> 32), rank = Int(key & 0xFFFF_FFFF)
            if j > 0, sites[range.lowerBound + j - 1] == site, rank < firstRepeat?.rank ?? .max { firstRepeat = (rank, Int(site)) }
            sites[range.lowerBound + j] = site
            costs[range.lowerBound + j] = listed[rank]
        }
        return firstRepeat
    }

    /// The error for the earliest line that repeats a pair, from each such
    /// demand's first repeat (`sortBySite`).
    private func repeatError(_ firstRepeats: [Int: (rank: Int, site: Int)]) -> SitingInputError {
        var earlier = [Int](repeating: 0, count: demandIDs.ids.count)  // pairs of each demand in earlier runs
        for r in runDemands.indices {
            let d = Int(runDemands[r]), count = runRange(r).count
            if let (rank, site) = firstRepeats[d], rank < earlier[d] + count {
                return error(line: line(ofPair: runStarts[r] + rank - earlier[d]), "the pair \(demandIDs.ids[d]),\(siteIDs.ids[site]) is listed twice")
            }
            earlier[d] += count
        }
        preconditionFailure("repeats lie within the pairs read")
    }

    /// The line pair k was read from: after the header, k earlier pairs and
    /// the blank lines between them.
    private func line(ofPair k: Int) -> Int {
        headerLine! + 1 + k + blankLines.prefix { $0 <= k }.count
    }

    private func error(line: Int, _ what: String) -> SitingInputError { SitingInputError("\(source): line \(line): \(what)") }

    /// `field` without leading and trailing spaces and tabs.
    static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var a = 0, b = field.count
        while a < b, field[a] == 0x20 || field[a] == 0x09 { a += 1 }
        while b > a, field[b - 1] == 0x20 || field[b - 1] == 0x09 { b -= 1 }
        return UnsafeBufferPointer(rebasing: field[a..<b])
    }

    /// The finite number `field` holds, as `strtod` reads it, when nothing
    /// but spaces and tabs follows; nil otherwise.
    ///
    /// Plain decimals (`[+-]digits[.digits][e[+-]digits]`, after spaces)
    /// whose digits make an integer below 2^53 and whose decimal exponent is
    /// within ±22 are converted here: both factors are exact doubles, so one
    /// correctly rounded multiplication or division gives strtod's result
    /// (Clinger's fast path). Everything else goes to strtod.
    static func number(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        func isDigit(_ i: Int) -> Bool { i < field.count && field[i] &- 0x30 < 10 }
        var i = 0
        while i < field.count, field[i] == 0x20 || field[i] == 0x09 { i += 1 }
        let negative = i < field.count && field[i] == 0x2D
        if i < field.count, field[i] == 0x2B || field[i] == 0x2D { i += 1 }
        var digits: UInt64 = 0, exponent = 0, sawDigit = false
        while isDigit(i), digits < 1 << 53 {
            digits = digits * 10 + UInt64(field[i] - 0x30)
            sawDigit = true
            i += 1
        }
        if i < field.count, field[i] == 0x2E {
            i += 1
            while isDigit(i), digits < 1 << 53 {
                digits = digits * 10 + UInt64(field[i] - 0x30)
                exponent -= 1
                sawDigit = true
                i += 1
            }
        }
        if sawDigit, i < field.count, field[i] | 0x20 == 0x65 {  // e or E
            var j = i + 1
            let negativeExponent = j < field.count && field[j] == 0x2D
            if j < field.count, field[j] == 0x2B || field[j] == 0x2D { j += 1 }
            var written = 0
            while isDigit(j), written < 1000 {
                written = written * 10 + Int(field[j] - 0x30)
                j += 1
            }
            if j > i + 1, isDigit(j - 1) {
                exponent += negativeExponent ? -written : written
                i = j
            }
        }
        while i < field.count, field[i] == 0x20 || field[i] == 0x09 { i += 1 }
        guard sawDigit, i == field.count, digits < 1 << 53, abs(exponent) <= 22 else { return strtodNumber(field) }
        let magnitude = exponent < 0 ? Double(digits) / powersOfTen[-exponent] : Double(digits) * powersOfTen[exponent]
        return negative ? -magnitude : magnitude
    }

    /// 10^0 … 10^22: the powers of ten a double holds exactly.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// `number(_:)` by strtod on a NUL-terminated copy of the field.
    private static func strtodNumber(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        var text = field.map { CChar(bitPattern: $0) }
        text.append(0)
        return text.withUnsafeMutableBufferPointer { text -> Double? in
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(text.baseAddress!, &stop)
            let used = stop! - text.baseAddress!
            guard used > 0, value.isFinite,
                field[used...].allSatisfy({ $0 == 0x20 || $0 == 0x09 })
            else { return nil }
            return value
        }
    }
}
