import Testing
@testable import Siting
import Support

/// Max–min opens no site that adds nothing: a site of the result that is
/// the only open cover of no demand of positive weight is dropped, as
/// MCLP drops its idle sites, so the shares and the total stay those of the
/// brute-force optimum with fewer bases shown.
@Suite struct GroupFairIdleSitesTests {
    /// Site s0 covers all four demands; s1 and s2 one each, s3 none. With
    /// p = 3 the greedy opens three sites, and every set holding s0 is
    /// optimal in both forms: only s0 remains.
    @Test(arguments: [GroupFairCovering.Goal.maxMin, .minimumShare(0.5)])
    func aSiteCoveringEverythingAloneIsTheWholePlan(goal: GroupFairCovering.Goal) throws {
        let instance = try CoverInstance(
            demandIDs: ["a", "b", "c", "d"], siteIDs: ["s0", "s1", "s2", "s3"], weights: [1, 2, 3, 4],
            coveringSites: [[0, 1], [0], [0, 2], [0]] as [[Int]])
        let model = try GroupFairCovering(instance: instance, p: 3, groupOfDemand: [0, 0, 1, 1], groupNames: ["north", "south"], goal: goal)
        #expect(model.greedy().count == 3)
        let result = try model.solve()
        #expect(result.status == .optimal && result.selected == [0], "\(result.selected)")
        #expect(result.objective == 10 && result.minGroupShare == 1)
    }

    /// Random instances with p large beside the sites needed: the figures
    /// of the brute-force optimum, and every site chosen the only cover of
    /// some demand of positive weight.
    @Test(arguments: 0..<16)
    func noChosenSiteIsIdle(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(8_600 + seed), demands: 10, sites: 8, density: 0.35)
        let p = 4 + seed % 3, groupCount = 2 + seed % 2
        var g = SplitMix64(seed: UInt64(77_600 + seed))
        let groups = (0..<instance.demandCount).map { _ in Int(g.unit() * Double(groupCount)) }
        let goal: GroupFairCovering.Goal = seed % 2 == 0 ? .maxMin : .minimumShare(0.4)
        let model = try GroupFairCovering(
            instance: instance, p: p, groupOfDemand: groups, groupNames: (0..<groupCount).map { "g\($0)" }, goal: goal)
        let sets = BruteForce.subsets(of: Array(0..<instance.siteCount)).filter { $0.count <= p }
        let floor: Double
        switch goal {
        case .maxMin: floor = sets.map(model.minimumShare).max()!
        case .minimumShare(let share): floor = share
        }
        let feasible = sets.filter { model.minimumShare($0) >= floor - 1e-9 }
        let result = try model.solve()
        guard let total = feasible.map(instance.coveredWeight).max() else {
            #expect(result.status == .infeasible, "seed \(seed)")
            return
        }
        #expect(result.status == .optimal, "seed \(seed)")
        #expect(abs(result.objective - total) < 1e-9 && model.minimumShare(result.selected) >= floor - 1e-9, "seed \(seed)")
        let counts = instance.coverCounts(result.selected)
        for j in result.selected {
            let alone = instance.demands(coveredBy: j).contains { counts[Int($0)] == 1 && instance.weights[Int($0)] > 0 }
            #expect(alone, "seed \(seed): site \(j) of \(result.selected) adds nothing")
        }
    }
}
