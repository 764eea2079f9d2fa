import Foundation
import Testing
@testable import Siting

/// A cancel (`SolveCancellation`) stops a running solve at the solvers'
/// next check, with a valid solution and bound, as a time limit would.
@Suite struct SolveCancellationTests {
    /// 4,000 demands × 400 sites, p = 25: the branch and cut proves the
    /// optimum in about 6.6 s (debug build); cancelled after 0.5 s it
    /// returns within 3 s of the cancel (a busy machine), not proven
    /// optimal, with p sites at most and its bound above its objective.
    @Test func aCancelStopsTheBranchAndCut() throws {
        let instance = try TimeLimitTests.geometricInstance(seed: 41, demands: 4_000, sites: 400, radius: 30).restricted(toCostAtMost: 18)
        var model = try MaximalCovering(instance: instance, limit: .sites(25))
        model.exactSearch = .branchAndCut
        let flag = SolveCancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { flag.cancel() }
        let started = ContinuousClock.now
        let result = SolveCancellation.$current.withValue(flag) { model.solve() }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        #expect(flag.isCancelled)
        #expect(seconds - 0.5 < 3, "returned \(seconds - 0.5) s after the cancel")
        #expect(result.status == .feasible && result.bound >= result.objective, "\(result.status) \(result.objective) \(result.bound)")
        #expect(!result.selected.isEmpty && result.selected.count <= 25)
    }

    /// Cancelled before it starts, a solve skips the searches and CBC: it
    /// returns its heuristic solution with a valid bound at once (with no
    /// time limit given), for MCLP and LSCP alike; uncancelled, the two take
    /// about 22 s (debug build).
    @Test func aSolveCancelledBeforeItStartsReturnsItsHeuristicSolutionAtOnce() throws {
        let instance = try TimeLimitTests.geometricInstance(seed: 41, demands: 4_000, sites: 400, radius: 30).restricted(toCostAtMost: 18)
        let flag = SolveCancellation()
        flag.cancel()
        let started = ContinuousClock.now
        let (mclp, lscp) = try SolveCancellation.$current.withValue(flag) {
            (try MaximalCovering(instance: instance, limit: .sites(25)).solve(), try SetCovering(instance: instance).solve())
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        #expect(seconds < 4, "\(seconds) s")
        for result in [mclp, lscp] {
            #expect(!result.selected.isEmpty && result.objective.isFinite, "\(result.model)")
            #expect(result.model == "lscp" ? result.bound <= result.objective : result.bound >= result.objective, "\(result.model)")
        }
        // Unbound, the flag stops nothing.
        #expect(SolveCancellation.current == nil)
    }
}
