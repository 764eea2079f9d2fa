import Foundation
import Coverage
import Siting

/// A study's demand cells at one standard as groups for max–min fairness
/// (`GroupFairCovering`), the groups being its reporting regions
/// (`CellRegions`): one demand per region and set of covering candidates,
/// weights summed. Cells no candidate serves are demands with no site, so
/// that each region's share is of its whole weight; cells in no region
/// count in the total and in no share. Sites are `study.candidates`, in
/// their order.
public struct RegionGroups: Sendable {
    public let instance: CoverInstance
    /// The region of each demand (an index into `names`), or nil.
    public let groupOfDemand: [Int?]
    public let names: [String]

    /// Refuses a study with no reporting regions (`key` names what asked for them).
    public init(study: Study, coverage: StandardCoverage, key: String) throws {
        let regions = CellRegions(study: study)
        guard !regions.names.isEmpty else {
            throw InputError("\(key) needs reporting regions, the groups whose least covered share it raises: give [demand] regions")
        }
        let weights = study.grid.cells.map(\.weight)
        var index: [[Int32]: Int] = [:]
        var lists: [[Int32]] = [], demandWeights: [Double] = [], groups: [Int?] = []
        for cell in 0..<coverage.matrix.cellCount where weights[cell] > 0 {
            let group = regions.cellRegion[cell]
            let sites = Array(coverage.matrix.sites(serving: cell))
            // The region as a leading negative entry keeps regions apart in the key.
            let key = [Int32(-1 - (group ?? regions.names.count))] + sites
            if let d = index[key] {
                demandWeights[d] += weights[cell]
            } else {
                index[key] = lists.count
                lists.append(sites)
                demandWeights.append(weights[cell])
                groups.append(group)
            }
        }
        instance = try CoverInstance(
            demandIDs: lists.indices.map { "region-group-\($0)" }, siteIDs: study.candidates.map(\.id),
            weights: demandWeights, siteCosts: study.candidates.map(\.cost), coveringSites: lists)
        groupOfDemand = groups
        names = regions.names
    }

    /// Each region's covered share of its weight with `open` sites (nil
    /// for a region of weight 0), from the covering lists.
    public func shares(_ open: [Int]) -> [Double?] {
        let isOpen = Set(open)
        var covered = [Double](repeating: 0, count: names.count), weight = covered
        for d in 0..<instance.demandCount {
            guard let g = groupOfDemand[d] else { continue }
            weight[g] += instance.weights[d]
            if instance.sites(covering: d).contains(where: { isOpen.contains(Int($0)) }) { covered[g] += instance.weights[d] }
        }
        return names.indices.map { weight[$0] > 0 ? covered[$0] / weight[$0] : nil }
    }

    /// The region of least share with `open` sites (the first listed on a
    /// tie), and that share; nil when no region has weight.
    public func least(_ open: [Int]) -> (name: String, share: Double)? {
        let figures = shares(open)
        let present = names.indices.compactMap { g in figures[g].map { (group: g, share: $0) } }
        guard let lowest = present.min(by: { $0.share < $1.share }) else { return nil }
        return (names[lowest.group], lowest.share)
    }
}
