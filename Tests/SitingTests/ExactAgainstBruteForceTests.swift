import Testing
@testable import Siting

/// Exact solutions equal brute force on many small random instances; greedy
/// never beats exact; bounds are honest (never better than the optimum).
@Suite struct ExactAgainstBruteForceTests {
    @Test(arguments: 0..<40)
    func setCoveringIsOptimal(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(seed), unitCosts: seed % 2 == 0)
        let forced: Set<Int> = seed % 5 == 0 ? [1] : [], excluded: Set<Int> = seed % 3 == 0 ? [2] : []
        let model = try SetCovering(instance: instance, forced: forced, excluded: excluded)
        let expected = BruteForce.setCover(instance, forced: forced, excluded: excluded)
        let exact = model.solve()
        #expect(exact.status == .optimal)
        #expect(abs(exact.objective - expected) < 1e-9, "seed \(seed): \(exact.objective) against \(expected)")
        #expect(exact.selected.reduce(0) { $0 + instance.siteCosts[$1] } == exact.objective)
        #expect(forced.isSubset(of: exact.selected) && excluded.isDisjoint(with: exact.selected))
        let heuristic = model.solve(heuristicOnly: true)
        #expect(heuristic.objective >= expected - 1e-9)
        #expect(heuristic.bound <= expected + 1e-9, "seed \(seed): LP bound \(heuristic.bound) above the optimum \(expected)")
        // Demands nobody may cover are listed, not hidden.
        let allowedCounts = instance.coverCounts((0..<instance.siteCount).filter { !excluded.contains($0) })
        #expect(exact.uncoveredDemands == (0..<instance.demandCount).filter { allowedCounts[$0] == 0 })
    }

    @Test(arguments: 0..<40)
    func maximalCoveringIsOptimal(seed: Int) throws {
        let instance = try BruteForce.randomInstance(seed: UInt64(1_000 + seed))
        let forced: Set<Int> = seed % 4 == 0 ? [0] : [], excluded: Set<Int> = seed % 3 == 0 ? [5] : []
        for limit in [MaximalCovering.Limit.sites(1 + seed % 4), .budget(Double(3 + seed % 7))] {
            if case .budget(let b) = limit, forced.reduce(0, { $0 + instance.siteCosts[$1] }) > b { continue }
            var model = try MaximalCovering(instance: instance, limit: limit, forced: forced, excluded: excluded)
            let expected = BruteForce.maximalCover(instance, limit: limit, forced: forced, excluded: excluded)
            // Both exact searches: CBC on the compact model and the branch and cut.
            for search in [MaximalCovering.ExactSearch.compact, .branchAndCut] {
                model.exactSearch = search
                let exact = model.solve()
                #expect(exact.status == .optimal)
                #expect(abs(exact.objective - expected) < 1e-9, "seed \(seed) \(limit) \(search): \(exact.objective) against \(expected)")
                #expect(abs(instance.coveredWeight(by: exact.selected) - exact.objective) < 1e-9)
                #expect(forced.isSubset(of: exact.selected) && excluded.isDisjoint(with: exact.selected))
            }
            let heuristic = model.solve(heuristicOnly: true)
            #expect(heuristic.objective <= expected + 1e-9)
            #expect(heuristic.bound >= expected - 1e-9, "seed \(seed): bound \(heuristic.bound) below the optimum \(expected)")
            #expect(heuristic.status != .optimal || abs(heuristic.objective - expected) < 1e-9)
        }
    }

    @Test func impossibleAsksAreClearErrors() throws {
        let instance = try BruteForce.randomInstance(seed: 7)
        func message(_ body: () throws -> Any) -> String {
            do { _ = try body(); return "no error" } catch { return "\(error)" }
        }
        #expect(message { try MaximalCovering(instance: instance, limit: .sites(12)) }.contains("more than the 9 candidate sites"))
        #expect(message { try MaximalCovering(instance: instance, limit: .sites(1), forced: [0, 1]) }.contains("2 sites are kept, more than p = 1"))
        #expect(message { try MaximalCovering(instance: instance, limit: .budget(0.5), forced: [0]) }.contains("is below the"))
        #expect(message { try SetCovering(instance: instance, forced: [3], excluded: [3]) }.contains("both kept and excluded"))
        #expect(message { try SetCovering(instance: instance, forced: [30]) }.contains("not among the 9 candidate sites"))
    }
}
