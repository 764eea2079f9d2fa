import Testing
@testable import Siting
import Support

/// Max–min fair coverage over groups against every site set on small random
/// instances, both forms; a case where MCLP leaves a group out.
@Suite struct GroupFairCoveringTests {
    static func groups(seed: Int, demands: Int, count: Int) -> [Int] {
        var g = SplitMix64(seed: UInt64(77_000 + seed))
        return (0..<demands).map { _ in Int(g.unit() * Double(count)) }
    }

    @Test(arguments: 0..<24)
    func maxMinIsLexicographicallyOptimal(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(8_000 + seed), demands: 14, sites: 8, density: 0.3)
        let p = 1 + seed % 4, groupCount = 2 + seed % 3
        let model = try GroupFairCovering(
            instance: instance, p: p, groupOfDemand: Self.groups(seed: seed, demands: 14, count: groupCount),
            groupNames: (0..<groupCount).map { "g\($0)" }, goal: .maxMin)
        let sets = BruteForce.subsets(of: Array(0..<instance.siteCount)).filter { $0.count <= p }
        let level = sets.map(model.minimumShare).max()!
        let total = sets.filter { model.minimumShare($0) >= level - 1e-9 }.map(instance.coveredWeight).max()!
        let result = try model.solve()
        #expect(result.model == "maxmin" && result.status == .optimal, "seed \(seed): \(result)")
        #expect(abs((result.minGroupShare ?? -1) - level) < 1e-9, "seed \(seed): least share \(result.minGroupShare ?? -1) against \(level)")
        #expect(abs(result.objective - total) < 1e-9, "seed \(seed): total \(result.objective) against \(total)")
        #expect(result.selected.count <= p && abs(instance.coveredWeight(by: result.selected) - result.objective) < 1e-9)
        let greedy = model.greedy(), swapped = model.improved(greedy, deadline: nil)
        #expect(swapped.count == greedy.count && model.minimumShare(swapped) >= model.minimumShare(greedy) - 1e-12)
        #expect(model.minimumShare(swapped) <= level + 1e-9)
    }

    /// Demands in no group (every third, nil) count in the total, never in
    /// a share: against brute force with the shares and totals computed here
    /// from the covering lists.
    @Test(arguments: 0..<16)
    func demandsInNoGroupCountInTheTotalOnly(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(8_300 + seed), demands: 15, sites: 8, density: 0.3)
        let p = 1 + seed % 3, groupCount = 2 + seed % 2
        let groups: [Int?] = Self.groups(seed: seed, demands: 15, count: groupCount).enumerated().map { $0.offset % 3 == 2 ? nil : $0.element }
        func shares(_ open: [Int]) -> (least: Double, total: Double) {
            let counts = BruteForce.coverCounts(instance, (0..<instance.siteCount).map { open.contains($0) ? 1 : 0 })
            var covered = [Double](repeating: 0, count: groupCount), weight = covered, total = 0.0
            for i in 0..<instance.demandCount {
                if counts[i] > 0 { total += instance.weights[i] }
                guard let g = groups[i] else { continue }
                weight[g] += instance.weights[i]
                if counts[i] > 0 { covered[g] += instance.weights[i] }
            }
            return ((0..<groupCount).filter { weight[$0] > 0 }.map { covered[$0] / weight[$0] }.min() ?? 1, total)
        }
        let sets = BruteForce.subsets(of: Array(0..<instance.siteCount)).filter { $0.count <= p }
        let level = sets.map { shares($0).least }.max()!
        let total = sets.filter { shares($0).least >= level - 1e-9 }.map { shares($0).total }.max()!
        let result = try GroupFairCovering(
            instance: instance, p: p, groupOfDemand: groups, groupNames: (0..<groupCount).map { "g\($0)" }, goal: .maxMin
        ).solve()
        #expect(result.status == .optimal, "seed \(seed)")
        #expect(abs((result.minGroupShare ?? -1) - level) < 1e-9, "seed \(seed): least share \(result.minGroupShare ?? -1) against \(level)")
        #expect(abs(result.objective - total) < 1e-9, "seed \(seed): total \(result.objective) against \(total)")
    }

    @Test(arguments: 0..<24)
    func constraintFormIsOptimal(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(8_500 + seed), demands: 14, sites: 8, density: 0.3)
        let p = 1 + seed % 4, groupCount = 2 + seed % 3, share = [0.2, 0.4, 0.6, 0.8][seed % 4]
        let model = try GroupFairCovering(
            instance: instance, p: p, groupOfDemand: Self.groups(seed: seed, demands: 14, count: groupCount),
            groupNames: (0..<groupCount).map { "g\($0)" }, goal: .minimumShare(share))
        let meeting = BruteForce.subsets(of: Array(0..<instance.siteCount)).filter { $0.count <= p && model.minimumShare($0) >= share - 1e-9 }
        let result = try model.solve()
        if meeting.isEmpty {
            #expect(result.status == .infeasible, "seed \(seed)")
        } else {
            let total = meeting.map(instance.coveredWeight).max()!
            #expect(result.status == .optimal, "seed \(seed)")
            #expect(abs(result.objective - total) < 1e-9, "seed \(seed): \(result.objective) against \(total)")
            #expect((result.minGroupShare ?? -1) >= share - 1e-9)
        }
    }

    /// North: n1 (100, reached from A), n2 (10, from B); south: s1 (1, from
    /// B). With one site MCLP takes A (100), leaving the south at 0; max–min
    /// takes B: shares 10/110 and 1.
    @Test func maxMinServesTheSmallGroup() throws {
        // Group "north": n1 (100, from A), n2 (10, from B); group "south": s1 (1, from B).
        let instance = try CoverInstance(
            demandIDs: ["n1", "n2", "s1"], siteIDs: ["A", "B"], weights: [100, 10, 1],
            coveringSites: [[0], [1], [1]])
        #expect(try MaximalCovering(instance: instance, limit: .sites(1)).solve().selected == [0])
        let fair = try GroupFairCovering(instance: instance, p: 1, groupOfDemand: [0, 0, 1], groupNames: ["north", "south"], goal: .maxMin).solve()
        #expect(fair.selected == [1] && fair.status == .optimal)
        #expect(abs((fair.minGroupShare ?? 0) - 10.0 / 110) < 1e-12 && fair.objective == 11)
        let floor = try GroupFairCovering(instance: instance, p: 1, groupOfDemand: [0, 0, 1], groupNames: ["north", "south"], goal: .minimumShare(0.5)).solve()
        #expect(floor.status == .infeasible)
    }
}
