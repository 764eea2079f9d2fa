/// A covering instance, free of geography: demands, candidate sites, which
/// sites cover which demands, demand weights and site costs.
///
/// Stored both by demand (the sites covering demand i) and by site (the
/// demands site j covers), with indices ascending in each list.
public struct CoverInstance: Sendable, Equatable {
    public let demandIDs: [String]
    public let siteIDs: [String]
    /// Weight of each demand (≥ 0).
    public let weights: [Double]
    /// Cost of opening each site (> 0; 1 for "fewest sites").
    public let siteCosts: [Double]
    /// Which sites cover which demands: rows are demands, columns sites.
    public let matrix: CoverMatrix
    /// Cost (response time) of each pair, in the order of
    /// `matrix.rowColumns`; 0 when the instance was built from covering sets
    /// alone (then not stored).
    public let demandCosts: PairCosts

    /// Sites covering demand i: `demandSites[demandStart[i]..<demandStart[i + 1]]`.
    public var demandStart: [Int] { matrix.rowStart }
    public var demandSites: [Int32] { matrix.rowColumns }
    /// Demands covered by site j: `siteDemands[siteStart[j]..<siteStart[j + 1]]`.
    public var siteStart: [Int] { matrix.columnStart }
    public var siteDemands: [Int32] { matrix.columnRows }

    /// An instance from, for each demand, the sites covering it (listed
    /// twice counts once), every pair at cost 0.
    public init(
        demandIDs: [String], siteIDs: [String], weights: [Double]? = nil, siteCosts: [Double]? = nil,
        coveringSites: [[Int]]
    ) throws {
        for (i, list) in coveringSites.enumerated() where i < demandIDs.count {
            if let site = list.first(where: { !(0..<siteIDs.count).contains($0) }) {
                throw Self.unknownSite(site, demand: demandIDs[i], siteCount: siteIDs.count)
            }
        }
        try self.init(
            demandIDs: demandIDs, siteIDs: siteIDs, weights: weights, siteCosts: siteCosts,
            coveringSites: coveringSites.map { $0.map { Int32($0) } })
    }

    /// An instance from, for each demand, the sites covering it (listed
    /// twice counts once), every pair at cost 0. Builds the grouped arrays
    /// straight from the lists, with no per-pair copy beside them (national
    /// instances hold 10⁸ pairs).
    public init(
        demandIDs: [String], siteIDs: [String], weights: [Double]? = nil, siteCosts: [Double]? = nil,
        coveringSites: [[Int32]]
    ) throws {
        guard coveringSites.count == demandIDs.count else {
            throw SitingInputError("\(demandIDs.count) demands but \(coveringSites.count) covering lists")
        }
        var demandStart = [Int](), demandSites = [Int32]()
        demandStart.reserveCapacity(demandIDs.count + 1)
        demandSites.reserveCapacity(coveringSites.reduce(0) { $0 + $1.count })
        demandStart.append(0)
        for (i, list) in coveringSites.enumerated() {
            if let site = list.first(where: { !(0..<Int32(siteIDs.count)).contains($0) }) {
                throw Self.unknownSite(Int(site), demand: demandIDs[i], siteCount: siteIDs.count)
            }
            let ascending = zip(list, list.dropFirst()).allSatisfy { $0 < $1 }
            for site in ascending ? list : list.sorted() where demandSites.count == demandStart[i] || demandSites.last != site {
                demandSites.append(site)
            }
            demandStart.append(demandSites.count)
        }
        try self.init(
            demandIDs: demandIDs, siteIDs: siteIDs, weights: weights, siteCosts: siteCosts, demandStart: demandStart,
            demandSites: demandSites, demandCosts: .zeros(demandSites.count))
    }

    static func unknownSite(_ site: Int, demand: String, siteCount: Int) -> SitingInputError {
        SitingInputError("demand \(demand) names site index \(site), beyond the \(siteCount) sites")
    }

    /// An instance from, for each demand, the sites that reach it and at what
    /// cost (response time). A site listed twice for a demand keeps its
    /// lowest cost.
    public init(
        demandIDs: [String], siteIDs: [String], weights: [Double]? = nil, siteCosts: [Double]? = nil,
        pairs: [[(site: Int, cost: Double)]]
    ) throws {
        guard pairs.count == demandIDs.count else {
            throw SitingInputError("\(demandIDs.count) demands but \(pairs.count) covering lists")
        }
        var demandStart = [0], demandSites: [Int32] = [], demandCosts: [Double] = []
        demandStart.reserveCapacity(demandIDs.count + 1)
        for (i, list) in pairs.enumerated() {
            for pair in list {
                guard (0..<siteIDs.count).contains(pair.site) else {
                    throw Self.unknownSite(pair.site, demand: demandIDs[i], siteCount: siteIDs.count)
                }
                guard pair.cost.isFinite else {
                    throw SitingInputError("demand \(demandIDs[i]), site \(siteIDs[pair.site]): cost \(pair.cost) is not a number")
                }
            }
            for pair in list.sorted(by: { $0.site < $1.site }) {
                if demandSites.count > demandStart[i], demandSites.last == Int32(pair.site) {
                    demandCosts[demandCosts.count - 1] = min(demandCosts[demandCosts.count - 1], pair.cost)
                } else {
                    demandSites.append(Int32(pair.site))
                    demandCosts.append(pair.cost)
                }
            }
            demandStart.append(demandSites.count)
        }
        try self.init(
            demandIDs: demandIDs, siteIDs: siteIDs, weights: weights, siteCosts: siteCosts,
            demandStart: demandStart, demandSites: demandSites, demandCosts: PairCosts(demandCosts))
    }

    /// An instance from its pairs already grouped by demand: the sites of
    /// demand i are `demandSites[demandStart[i]..<demandStart[i + 1]]`,
    /// strictly ascending and below `siteIDs.count`, with finite costs at the
    /// same positions in `demandCosts`. The caller promises those; weights
    /// and site costs are checked here.
    init(
        demandIDs: [String], siteIDs: [String], weights: [Double]?, siteCosts: [Double]?,
        demandStart: [Int], demandSites: [Int32], demandCosts: PairCosts
    ) throws {
        precondition(
            demandStart.count == demandIDs.count + 1 && demandStart.last == demandSites.count
                && demandCosts.count == demandSites.count, "demandStart must bound demandSites and demandCosts")
        let weights = weights ?? Array(repeating: 1, count: demandIDs.count)
        let siteCosts = siteCosts ?? Array(repeating: 1, count: siteIDs.count)
        guard weights.count == demandIDs.count, siteCosts.count == siteIDs.count else {
            throw SitingInputError("one weight per demand and one cost per site are needed")
        }
        if let i = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw SitingInputError("demand \(demandIDs[i]) has weight \(weights[i]); weights must be zero or positive")
        }
        if let j = siteCosts.firstIndex(where: { !$0.isFinite || $0 <= 0 }) {
            throw SitingInputError("site \(siteIDs[j]) has cost \(siteCosts[j]); site costs must be positive")
        }
        self.demandIDs = demandIDs
        self.siteIDs = siteIDs
        self.weights = weights
        self.siteCosts = siteCosts
        matrix = CoverMatrix(rowStart: demandStart, rowColumns: demandSites, columnCount: siteIDs.count)
        self.demandCosts = demandCosts
    }

    public var demandCount: Int { demandIDs.count }
    public var siteCount: Int { siteIDs.count }

    public func sites(covering demand: Int) -> ArraySlice<Int32> { matrix.columns(ofRow: demand) }
    public func demands(coveredBy site: Int) -> ArraySlice<Int32> { matrix.rows(ofColumn: site) }

    /// The same demands and sites with only the pairs of cost ≤ `threshold`.
    public func restricted(toCostAtMost threshold: Double) throws -> CoverInstance {
        var start = [0], sites: [Int32] = [], costs: [Double] = []
        start.reserveCapacity(demandCount + 1)
        for i in 0..<demandCount {
            for k in matrix.rowStart[i]..<matrix.rowStart[i + 1] where demandCosts[k] <= threshold {
                sites.append(matrix.rowColumns[k])
                costs.append(demandCosts[k])
            }
            start.append(sites.count)
        }
        return try CoverInstance(
            demandIDs: demandIDs, siteIDs: siteIDs, weights: weights, siteCosts: siteCosts,
            demandStart: start, demandSites: sites, demandCosts: demandCosts.areAllZero ? .zeros(sites.count) : PairCosts(costs))
    }

    /// Demands no site covers.
    public var uncoverable: [Int] { (0..<demandCount).filter { matrix.columns(ofRow: $0).isEmpty } }

    /// The total weight of the demands `open` sites cover.
    public func coveredWeight(by open: [Int]) -> Double {
        var covered = [Bool](repeating: false, count: demandCount)
        for j in open { for i in demands(coveredBy: j) { covered[Int(i)] = true } }
        return zip(covered, weights).reduce(0) { $0 + ($1.0 ? $1.1 : 0) }
    }

    /// How many of `open` sites cover each demand.
    func coverCounts(_ open: [Int]) -> [Int] {
        var counts = [Int](repeating: 0, count: demandCount)
        for j in open { for i in demands(coveredBy: j) { counts[Int(i)] += 1 } }
        return counts
    }
}

/// A siting request that cannot be solved as asked, with what to change.
public struct SitingInputError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
