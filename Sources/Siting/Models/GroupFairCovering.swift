import Foundation

/// Coverage fair across groups of demands (regions, counties, hazard
/// types): at most p sites, and every group's covered share of its weight
/// counted, not only the total. A group's share is s_g = Σ_{i∈g} w_i y_i / W_g
/// with W_g = Σ_{i∈g} w_i; groups of weight 0 have no share and are left out.
///
/// Max–min (lexicographic): first the least share as high as it goes,
///
///     maximise   t
///     subject to Σ_{i∈g} w_i y_i ≥ t W_g          for every group g
///                y_i ≤ Σ_{j∈N_i} x_j,  Σ_j x_j ≤ p,  x_j ∈ {0, 1},  0 ≤ y_i ≤ 1
///
/// then, with every share at least that optimum t*, the total covered
/// weight Σ_i w_i y_i as high as it goes. The constraint form asks every
/// share at least a given s and maximises the total (infeasible when p
/// sites cannot give every group s). y needs no integrality: for integral
/// x the best y is 1 exactly where a site covers i. Demands of the same
/// group with the same covering sites are one row (weights summed).
///
/// A demand may belong to no group (nil: e.g. a cell outside every
/// reporting region): it counts in the total, never in a share.
///
/// The result's `objective` is the total covered weight, `minGroupShare`
/// the least share; its sites hold none that adds nothing (`withoutIdleSites`:
/// nothing in the objective penalises a site, so a solver may open more than
/// the shares and the total need); in the lexicographic form `.optimal` means both
/// stages are proven optimal, and the second stage's floor is t* less
/// `OptimalityTolerance`'s margin, against round-off.
public struct GroupFairCovering: Sendable {
    public enum Goal: Sendable, Equatable {
        /// The least group share as high as it goes, then the total.
        case maxMin
        /// Every group's share at least this (0…1); the total as high as it goes.
        case minimumShare(Double)
    }

    public let instance: CoverInstance
    public let p: Int
    /// The group of each demand: an index into `groupNames`, or nil (no group).
    public let groupOfDemand: [Int?]
    public let groupNames: [String]
    public let goal: Goal

    /// Demands of positive weight that some site covers, merged when they
    /// share their group and sites: rows over the instance's sites.
    private let matrix: CoverMatrix
    private let rowWeights: [Double], rowGroups: [Int]
    /// The group of each demand with nil as `groupNames.count`: the extra
    /// slot that every array by group carries, counted in the total only.
    private let slot: [Int]
    /// W_g (and the weight of no group in the extra slot).
    private let groupWeights: [Double]

    public init(instance: CoverInstance, p: Int, groupOfDemand: [Int?], groupNames: [String], goal: Goal) throws {
        guard p >= 1, p <= instance.siteCount else {
            throw SitingInputError("p = \(p) must be between 1 and the \(instance.siteCount) candidate sites")
        }
        guard groupOfDemand.count == instance.demandCount else {
            throw SitingInputError("\(instance.demandCount) demands but \(groupOfDemand.count) group memberships")
        }
        if let i = groupOfDemand.firstIndex(where: { $0.map { !groupNames.indices.contains($0) } ?? false }),
            let group = groupOfDemand[i]
        {
            throw SitingInputError("demand \(instance.demandIDs[i]) names group index \(group), beyond the \(groupNames.count) groups")
        }
        let slot = groupOfDemand.map { $0 ?? groupNames.count }
        if case .minimumShare(let share) = goal, !(share.isFinite && (0...1).contains(share)) {
            throw SitingInputError("the least group share is \(share); it must be from 0 to 1")
        }
        var groupWeights = [Double](repeating: 0, count: groupNames.count + 1)
        for i in 0..<instance.demandCount { groupWeights[slot[i]] += instance.weights[i] }
        var index: [[Int32]: Int] = [:]
        var rowStart = [0], rowColumns: [Int32] = [], weights: [Double] = [], groups: [Int] = []
        for i in 0..<instance.demandCount where instance.weights[i] > 0 && !instance.sites(covering: i).isEmpty {
            // The group as a leading negative entry keeps groups apart in the key.
            let sites = instance.sites(covering: i), key = [Int32(-1 - slot[i])] + sites
            if let r = index[key] {
                weights[r] += instance.weights[i]
            } else {
                index[key] = weights.count
                rowColumns += sites
                rowStart.append(rowColumns.count)
                weights.append(instance.weights[i])
                groups.append(slot[i])
            }
        }
        self.instance = instance
        self.p = p
        self.groupOfDemand = groupOfDemand
        self.slot = slot
        self.groupNames = groupNames
        self.goal = goal
        matrix = CoverMatrix(rowStart: rowStart, rowColumns: rowColumns, columnCount: instance.siteCount)
        (rowWeights, rowGroups) = (weights, groups)
        self.groupWeights = groupWeights
    }

    /// Each group's covered share of its weight with `open` sites (nil for
    /// groups of weight 0).
    public func groupShares(_ open: [Int]) -> [Double?] {
        let counts = instance.coverCounts(open)
        var covered = [Double](repeating: 0, count: groupNames.count + 1)
        for i in 0..<instance.demandCount where counts[i] > 0 { covered[slot[i]] += instance.weights[i] }
        return groupNames.indices.map { groupWeights[$0] > 0 ? covered[$0] / groupWeights[$0] : nil }
    }

    /// The least share of a group of positive weight (1 when there is none).
    public func minimumShare(_ open: [Int]) -> Double {
        groupShares(open).compactMap { $0 }.min() ?? 1
    }

    /// Greedy: sites one at a time up to p, each the one raising most, in
    /// order, the least share (max–min) or Σ_g min(covered_g, s W_g)
    /// (constraint form), then the total; ties to the lowest index. Each
    /// candidate is scored from its own demands.
    public func greedy() -> [Int] {
        var open: [Int] = []
        var isOpen = [Bool](repeating: false, count: instance.siteCount)
        var counts = [Int](repeating: 0, count: instance.demandCount)
        var covered = [Double](repeating: 0, count: groupNames.count + 1)
        while open.count < p {
            var best: (site: Int, score: (Double, Double))?
            for j in 0..<instance.siteCount where !isOpen[j] {
                var with = covered
                for i in instance.demands(coveredBy: j) where counts[Int(i)] == 0 { with[slot[Int(i)]] += instance.weights[Int(i)] }
                let s = score(with)
                if best == nil || s > best!.score { best = (j, s) }
            }
            guard let site = best?.site else { break }
            open.append(site)
            isOpen[site] = true
            for i in instance.demands(coveredBy: site) {
                if counts[Int(i)] == 0 { covered[slot[Int(i)]] += instance.weights[Int(i)] }
                counts[Int(i)] += 1
            }
        }
        return open.sorted()
    }

    /// The greedy's and the swaps' score of the covered weight by group:
    /// (least share, or Σ_g min(covered_g, s W_g); total).
    private func score(_ covered: [Double]) -> (Double, Double) {
        let total = covered.reduce(0, +)
        switch goal {
        case .maxMin:
            return (groupNames.indices.filter { groupWeights[$0] > 0 }.map { covered[$0] / groupWeights[$0] }.min() ?? 1, total)
        case .minimumShare(let s):
            return (groupNames.indices.reduce(0.0) { $0 + min(covered[$1], s * groupWeights[$1]) }, total)
        }
    }

    /// First-improvement swaps of one open site for a closed one, from
    /// `start`, while a swap raises the greedy's score (least share, or the
    /// met floor, then the total), until none does or the deadline passes.
    /// Each swap is scored from the demands of the two sites alone.
    func improved(_ start: [Int], deadline: ContinuousClock.Instant?) -> [Int] {
        var open = start.sorted()
        var isOpen = [Bool](repeating: false, count: instance.siteCount)
        for j in open { isOpen[j] = true }
        var counts = instance.coverCounts(open)
        func coveredByGroup() -> [Double] {
            var covered = [Double](repeating: 0, count: groupNames.count + 1)
            for i in 0..<instance.demandCount where counts[i] > 0 { covered[slot[i]] += instance.weights[i] }
            return covered
        }
        let scale = max(1, instance.weights.reduce(0, +))
        func better(_ a: (Double, Double), than b: (Double, Double)) -> Bool {
            a.0 > b.0 + 1e-12 * scale || abs(a.0 - b.0) <= 1e-12 * scale && a.1 > b.1 + 1e-12 * scale
        }
        var covered = coveredByGroup()
        var swapped = true
        while swapped, deadline.map({ ContinuousClock.now < $0 }) ?? true {
            swapped = false
            let current = score(covered)
            search: for (position, out) in open.enumerated() {
                var without = covered
                for i in instance.demands(coveredBy: out) {
                    counts[Int(i)] -= 1
                    if counts[Int(i)] == 0 { without[slot[Int(i)]] -= instance.weights[Int(i)] }
                }
                for into in 0..<instance.siteCount where !isOpen[into] {
                    var with = without
                    for i in instance.demands(coveredBy: into) where counts[Int(i)] == 0 { with[slot[Int(i)]] += instance.weights[Int(i)] }
                    guard better(score(with), than: current) else { continue }
                    for i in instance.demands(coveredBy: into) { counts[Int(i)] += 1 }
                    isOpen[out] = false
                    isOpen[into] = true
                    open[position] = into
                    open.sort()
                    swapped = true
                    break search
                }
                for i in instance.demands(coveredBy: out) { counts[Int(i)] += 1 }
            }
            // Recomputed from the counts, so that sums do not drift swap after swap.
            covered = coveredByGroup()
        }
        return open
    }

    /// The greedy sites improved by swaps (`improved`, a quarter of the
    /// time limit at most), then CBC: for max–min the first stage (half the
    /// time left) and the second (the rest); for the constraint form one
    /// program. Each is started from the best sites known that meet its
    /// floor. Under a time limit, a stage above
    /// `MixedIntegerProgram.largestTimedProgram` nonzeros with such a start
    /// skips CBC (its root LP does not keep the limit): the result is then
    /// `.feasible`, bounded by the weight some site reaches.
    /// Throws only when a time limit stops CBC before it finds any sites
    /// meeting the floor and the greedy sites do not meet it either.
    public func solve(timeLimit: Double? = nil) throws -> SitingResult {
        let clock = ContinuousClock.now
        let deadline = timeLimit.map { clock + .seconds($0) }
        func left(_ fraction: Double) -> Double? {
            deadline.map { max(($0 - ContinuousClock.now) / .seconds(1) * fraction, 0.1) }
        }
        // Swaps for a quarter of the time limit at most, so CBC gets the rest.
        let greedySites = greedy()
        var best = improved(greedySites, deadline: timeLimit.map { clock + .seconds($0 / 4) })
        SitingTrace.log("maxmin greedy: least share \(minimumShare(greedySites)), swaps: \(minimumShare(best))", since: clock)
        var proven = true
        let floor: Double
        switch goal {
        case .minimumShare(let share):
            floor = share
        case .maxMin:
            let first = stage(floor: nil, start: best, timeLimit: left(0.5))
            if let sites = first.sites, minimumShare(sites) > minimumShare(best) - 1e-12 { best = sites }
            proven = first.optimal || minimumShare(best) >= 1  // every group wholly covered: no higher level exists
            floor = minimumShare(best)
            SitingTrace.log("maxmin stage 1: least share \(floor) (\(first.optimal ? "proven" : "not proven"))", since: clock)
        }
        let meets = minimumShare(best) >= floor - OptimalityTolerance.margin(at: floor)
        let second = stage(floor: floor, start: meets ? best : nil, timeLimit: left(1))
        var total = meets ? instance.coveredWeight(by: best) : -Double.infinity
        if let sites = second.sites, instance.coveredWeight(by: sites) > total { best = sites; total = instance.coveredWeight(by: sites) }
        if total == -.infinity && !second.infeasible {
            throw SitingInputError("no sites giving every group its share were found within the time limit; allow more time")
        }
        if second.infeasible && total == -.infinity {
            return result(SiteChoice.result(model: "maxmin", instance: instance, selected: [], status: .infeasible, objective: 0, bound: 0, since: clock), [])
        }
        // Dropping sites that cover nothing alone leaves every share and the total as they are.
        best = withoutIdleSites(best)
        // CBC's proof stands; its bound (its own value for a proof) can sit
        // a tolerance above the total recomputed from the sites.
        let bound = max(total, second.bound)
        proven = proven && (second.optimal || OptimalityTolerance.closes(bound - total, at: total))
        return result(
            SiteChoice.result(
                model: "maxmin", instance: instance, selected: best, status: proven ? .optimal : .feasible,
                objective: total, bound: proven ? total : bound, since: clock), best)
    }

    /// `sites` without those that are the only open cover of no demand of
    /// positive weight, one at a time, highest index first (as
    /// `MaximalCovering.withoutIdleSites`): every demand covered stays
    /// covered, so each group's share and the total are unchanged, and a
    /// planner is not shown bases that add nothing.
    func withoutIdleSites(_ sites: [Int]) -> [Int] {
        var counts = instance.coverCounts(sites)
        var kept = sites
        for j in sites.sorted(by: >) {
            let alone = instance.demands(coveredBy: j).contains { counts[Int($0)] == 1 && instance.weights[Int($0)] > 0 }
            guard !alone else { continue }
            for i in instance.demands(coveredBy: j) { counts[Int(i)] -= 1 }
            kept.removeAll { $0 == j }
        }
        return kept
    }

    private func result(_ result: SitingResult, _ sites: [Int]) -> SitingResult {
        var result = result
        result.minGroupShare = result.status == .infeasible ? nil : minimumShare(sites)
        return result
    }

    /// One CBC solve. `floor` nil: maximise t (the least share); else every
    /// share ≥ floor, maximise the total. `bound`: upper bound on the
    /// total (second stage).
    private func stage(floor: Double?, start: [Int]?, timeLimit: Double?) -> (sites: [Int]?, optimal: Bool, infeasible: Bool, bound: Double) {
        let sites = (0..<instance.siteCount).filter { matrix.rowCount(ofColumn: $0) > 0 }
        var column = [Int32](repeating: -1, count: instance.siteCount)
        for (c, j) in sites.enumerated() { column[j] = Int32(c) }
        var program = MixedIntegerProgram()
        program.preprocess = false
        for _ in sites { program.addColumn(cost: 0) }
        program.addRow((0..<Int32(sites.count)).map { $0 }, Array(repeating: 1, count: sites.count), upper: Double(p))
        let chosen = Set(start ?? [])
        var values = sites.map { chosen.contains($0) ? 1.0 : 0.0 }
        var groupColumns = [[Int32]](repeating: [], count: groupNames.count + 1)
        var groupCoefficients = [[Double]](repeating: [], count: groupNames.count + 1)
        for r in 0..<matrix.rowCount {
            let row = matrix.columns(ofRow: r)
            let y = Int32(program.addColumn(cost: floor == nil ? 0 : -rowWeights[r], integer: false))
            program.addRow([y] + row.map { column[Int($0)] }, [1] + Array(repeating: -1, count: row.count), upper: 0)
            values.append(row.contains { chosen.contains(Int($0)) } ? 1 : 0)
            groupColumns[rowGroups[r]].append(y)
            groupCoefficients[rowGroups[r]].append(rowWeights[r])
        }
        if let floor {
            for g in groupNames.indices where groupWeights[g] > 0 {
                program.addRow(groupColumns[g], groupCoefficients[g], lower: floor * groupWeights[g] - OptimalityTolerance.margin(at: floor * groupWeights[g]))
            }
        } else {
            let t = Int32(program.addColumn(cost: -1, upper: 1, integer: false))
            values.append(start.map { minimumShare($0) } ?? 0)
            for g in groupNames.indices where groupWeights[g] > 0 {
                program.addRow(groupColumns[g] + [t], groupCoefficients[g] + [-groupWeights[g]], lower: 0)
            }
        }
        let total = instance.weights.reduce(0, +)
        if timeLimit != nil, start != nil, program.nonzeros > MixedIntegerProgram.largestTimedProgram {
            // CBC's root LP would not keep the limit: the start stands, bounded by the weight some site reaches.
            return (nil, false, false, rowWeights.reduce(0, +))
        }
        let solution = program.solve(timeLimit: timeLimit, start: start == nil ? nil : values)
        switch solution.status {
        case .infeasible: return (nil, false, true, 0)
        case .noSolutionFound: return (nil, false, false, solution.bound.isFinite ? -solution.bound : total)
        case .optimal, .feasible:
            let picked = sites.enumerated().filter { solution.values[$0.offset] > 0.5 }.map(\.element)
            return (picked, solution.status == .optimal, false, -solution.bound)
        }
    }
}
