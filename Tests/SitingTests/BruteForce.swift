@testable import Siting
import Support

/// Exhaustive answers for small instances, to check the solvers against.
enum BruteForce {
    static func subsets(of sites: [Int]) -> [[Int]] {
        (0..<(1 << sites.count)).map { mask in sites.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element) }
    }

    /// The cheapest cost of a set covering every demand some allowed site covers.
    static func setCover(_ instance: CoverInstance, forced: Set<Int>, excluded: Set<Int>) -> Double {
        let free = (0..<instance.siteCount).filter { !forced.contains($0) && !excluded.contains($0) }
        let allowedCounts = instance.coverCounts((0..<instance.siteCount).filter { !excluded.contains($0) })
        var best = Double.infinity
        for subset in subsets(of: free) {
            let open = subset + forced
            let counts = instance.coverCounts(open)
            guard (0..<instance.demandCount).allSatisfy({ allowedCounts[$0] == 0 || counts[$0] > 0 }) else { continue }
            best = min(best, open.reduce(0) { $0 + instance.siteCosts[$1] })
        }
        return best
    }

    /// The largest weight covered by at most p sites (or within a budget).
    static func maximalCover(_ instance: CoverInstance, limit: MaximalCovering.Limit, forced: Set<Int>, excluded: Set<Int>) -> Double {
        let free = (0..<instance.siteCount).filter { !forced.contains($0) && !excluded.contains($0) }
        var best = 0.0
        for subset in subsets(of: free) {
            let open = subset + forced
            switch limit {
            case .sites(let p): guard open.count <= p else { continue }
            case .budget(let b): guard open.reduce(0, { $0 + instance.siteCosts[$1] }) <= b + 1e-9 else { continue }
            }
            best = max(best, instance.coveredWeight(by: open))
        }
        return best
    }

    static func randomInstance(seed: UInt64, demands: Int = 14, sites: Int = 9, density: Double = 0.3, unitCosts: Bool = false) throws -> CoverInstance {
        var g = SplitMix64(seed: seed)
        let covering = (0..<demands).map { _ in (0..<sites).filter { _ in g.unit() < density } }
        return try CoverInstance(
            demandIDs: (0..<demands).map { "d\($0)" }, siteIDs: (0..<sites).map { "s\($0)" },
            weights: (0..<demands).map { _ in Double(Int(g.unit() * 9) + 1) },
            siteCosts: (0..<sites).map { _ in unitCosts ? 1 : Double(Int(g.unit() * 5) + 1) },
            coveringSites: covering)
    }
}

extension BruteForce {
    /// Every placement of `aircraft` aircraft at `sites` sites, at most
    /// `perSite` at a site, as counts per site.
    static func placements(aircraft: Int, sites: Int, perSite: Int) -> [[Int]] {
        guard sites > 0 else { return aircraft == 0 ? [[]] : [] }
        return (0...min(perSite, aircraft)).flatMap { first in
            placements(aircraft: aircraft - first, sites: sites - 1, perSite: perSite).map { [first] + $0 }
        }
    }

    /// How many aircraft of `counts` cover each demand.
    static func coverCounts(_ instance: CoverInstance, _ counts: [Int]) -> [Int] {
        (0..<instance.demandCount).map { i in instance.sites(covering: i).reduce(0) { $0 + counts[Int($1)] } }
    }
}
