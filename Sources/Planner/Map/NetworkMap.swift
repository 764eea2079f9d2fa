import Foundation
import Coverage
import GeoCore
import Support

/// What one map shows: a network of bases, its reach, and the zones coloured
/// by that network's exact coverage at one standard, with the parts out of
/// reach. Built for the existing network at each standard, and for each
/// standard's proposed network (`proposed(in:)`).
struct NetworkMap {
    /// One reach outline: the standard, its rank among the run's standards
    /// (its colour) and the network's reach there (WGS84).
    struct Reach {
        let minutes: Double
        let rank: Int
        let served: Geometry
        let coveredPercent: Double
    }

    /// The legend's heading, e.g. "Existing network" or "Proposed network: LSCP".
    let heading: String
    /// The standard at which the zones are coloured.
    let minutes: Double
    /// The network's exact covered share of all zones' area at `minutes`, percent.
    let coveredPercent: Double
    /// Each zone's exact covered percent at `minutes`, in the grid's zone order.
    let zonePercents: [Double]
    /// Each zone's part out of reach at `minutes` (WGS84), in the grid's zone order.
    let uncovered: [Geometry]
    let reaches: [Reach]
    /// What the reach lines are of, for the legend ("existing bases", "proposed bases").
    let reachOf: String
    /// Existing bases (circles); labelled when `labelExisting`.
    let existing: [Site]
    let labelExisting: Bool
    /// Proposed bases (diamonds, labelled) and their legend text.
    let proposed: [Site]
    let proposedCaption: String

    /// The existing network with its zones coloured at standard `index`
    /// and its reach at every standard.
    static func existing(in run: PlanRun, standard index: Int) -> NetworkMap {
        let s = run.standards[index]
        return NetworkMap(
            heading: "Existing network", minutes: s.minutes, coveredPercent: s.existing.total.coveredPercent,
            zonePercents: s.existing.zones.map(\.coveredPercent),
            uncovered: s.existing.uncovered,
            reaches: run.standards.enumerated().map {
                Reach(minutes: $1.minutes, rank: $0, served: $1.served, coveredPercent: $1.existing.total.coveredPercent)
            },
            reachOf: "existing bases", existing: run.existing, labelExisting: true, proposed: [], proposedCaption: "")
    }

    /// The network a standard's siting proposes: the MCLP run with the
    /// largest p, or the LSCP where no MCLP ran; `nil` when no siting ran
    /// at that standard or it chose no site. Its reach and coverage are
    /// computed here, exactly as for the existing network (polygon areas in
    /// the equal-area projection).
    static func proposed(in run: PlanRun, standard index: Int) throws -> NetworkMap? {
        let s = run.standards[index]
        guard let plan = s.mclp.max(by: { ($0.p ?? 0) < ($1.p ?? 0) }) ?? s.lscp, !plan.sites.isEmpty else { return nil }
        let byId = Dictionary(run.candidates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sites = plan.sites.compactMap { byId[$0] }
        let served = try Geometry.union(of: try run.study.reaches(of: sites, minutes: s.minutes))
        let evaluation = try CoverageEvaluation.evaluate(grid: run.grid, served: served)
        let model = plan.model.uppercased() + (plan.p.map { " p = \($0)" } ?? "")
        return NetworkMap(
            heading: "Proposed network: \(model)", minutes: s.minutes, coveredPercent: evaluation.total.coveredPercent,
            zonePercents: evaluation.zones.map(\.coveredPercent),
            uncovered: evaluation.uncovered,
            reaches: [Reach(minutes: s.minutes, rank: index, served: served, coveredPercent: evaluation.total.coveredPercent)],
            reachOf: "proposed bases", existing: run.existing, labelExisting: false,
            proposed: sites, proposedCaption: "proposed base (\(model), \(NumberText.readable(s.minutes)) min)")
    }
}
