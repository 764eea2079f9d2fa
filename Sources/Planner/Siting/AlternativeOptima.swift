import Foundation
import GeoCore
import Siting
import Support

/// Other optimal site sets of a solved LSCP or MCLP, and the one to report
/// first among those found.
///
/// Search: Lawler's partition of the solution space (as in k-best
/// enumeration). For an optimal set S = {s₁ … s_k} (its sites not already
/// kept open), child problem i keeps s₁ … s_{i−1} open and s_i closed; the
/// children together hold every set other than S except supersets of S,
/// which for these models add only sites that bring nothing, and no set is
/// in two of them. A child whose proven optimum equals the first one
/// (within `OptimalityTolerance`, covering as many demands: an LSCP without
/// a site may leave demands only it reaches uncovered, with fewer sites) is
/// another optimal set, and is partitioned in turn, breadth first. So every
/// optimal set is found until `limit` others are; `othersExist` is `false`
/// only when the first level's children were all proven and none reached
/// the optimum, `nil` when one was not proven (or the first result was not).
/// Each child is one solve of the model.
///
/// Tie-breaking: among the optimal sets found, the first reported holds the
/// most `preferred` sites (the existing bases), then has the least total
/// site cost, then the first site ids in order. With every optimal set found
/// (fewer than `limit` others), it is the best of all of them.
public struct AlternativeOptima: Sendable {
    /// The optimal set reported first, by the tie-breaking rule.
    public let best: SitingResult
    /// Other optimal sets found (up to the limit), in the tie-breaking order.
    public let others: [SitingResult]
    public let othersExist: Bool?

    public static func search(
        _ model: SitingModel, on instance: CoverInstance, options: SitingOptions, first: SitingResult,
        limit: Int, preferred: Set<Int>
    ) throws -> AlternativeOptima {
        guard model == .lscp || model == .mclp else {
            throw InputError("--alternatives works with lscp and mclp only, so far")
        }
        guard first.status == .optimal, limit > 0 else { return AlternativeOptima(best: first, others: [], othersExist: nil) }
        var found = [first]
        var firstLevelProven = true
        // Problems still to partition: an optimal set with the constraints it was found under.
        var queue: [(result: SitingResult, keep: Set<Int>, exclude: Set<Int>, level: Int)] = [(first, options.keep, options.exclude, 0)]
        search: while !queue.isEmpty {
            let (solution, keep, exclude, level) = queue.removeFirst()
            var kept = keep
            for site in solution.selected.sorted() where !keep.contains(site) {
                var child = options
                child.keep = kept
                child.exclude = exclude.union([site])
                kept.insert(site)
                let result = try model.solve(on: instance, options: child)
                guard result.status == .optimal else {
                    if level == 0 { firstLevelProven = false }
                    continue
                }
                guard OptimalityTolerance.closes(abs(result.objective - first.objective), at: first.objective),
                    result.coveredDemandCount == first.coveredDemandCount,
                    OptimalityTolerance.closes(abs(result.coveredWeight - first.coveredWeight), at: first.coveredWeight)
                else { continue }
                found.append(result)
                if found.count > limit { break search }
                queue.append((result, child.keep, child.exclude, level + 1))
            }
        }
        func rank(_ r: SitingResult) -> (Int, Double, [String]) {
            (
                -r.selected.filter(preferred.contains).count, r.selected.reduce(0) { $0 + instance.siteCosts[$1] },
                r.selected.map { instance.siteIDs[$0] }.sorted()
            )
        }
        let ordered = found.sorted { a, b in
            let (x, y) = (rank(a), rank(b))
            return x.0 != y.0 ? x.0 < y.0 : x.1 != y.1 ? x.1 < y.1 : x.2.lexicographicallyPrecedes(y.2)
        }
        return AlternativeOptima(
            best: ordered[0], others: Array(ordered.dropFirst().prefix(limit)),
            othersExist: found.count > 1 ? true : (firstLevelProven ? false : nil))
    }

    /// `other_optima` (true, false or null) and `alternatives` (site id lists).
    public func json(siteIDs: [String]) -> [(key: String, value: JSONValue)] {
        [
            ("other_optima", othersExist.map { .bool($0) } ?? .null),
            ("alternatives", .array(others.map { r in .array(r.selected.map { siteIDs[$0] }.sorted().map { .string($0) }) })),
        ]
    }
}
