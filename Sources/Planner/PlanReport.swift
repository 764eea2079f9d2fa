import Foundation
import GeoCore
import Coverage
import Support

/// The plan in words and figures for a person at a terminal.
public enum PlanReport {
    public static func text(_ run: PlanRun) -> String {
        var lines = [
            "\(run.scenario.name)",
            "aircraft \(run.scenario.aircraft.name): \(Int(run.scenario.aircraft.cruiseSpeedKmh)) km/h, dispatch \(run.scenario.aircraft.dispatchMinutes(night: run.scenario.night)) min (\(run.scenario.night ? "night" : "day"))",
            String(
                format: "zones: %.2f km² in %d cells of %.1f km", run.standards.first?.existing.total.areaKm2 ?? 0, run.grid.cells.count, run.scenario.cellKm),
            "isochrones within \(NumberText.readable(run.scenario.isochroneToleranceMetres)) m of the true reach (inside it where convex: figures err low)",
        ]
        for s in run.standards {
            lines.append("")
            lines.append(String(format: "%.0f-minute standard", s.minutes))
            for limit in s.rangeLimits { lines.append("  \(limit.sentence)") }
            lines.append(
                String(
                    format: "  existing %d base(s) cover %.2f%% (%.2f of %.2f km², exact polygon areas)",
                    run.existing.count, s.existing.total.coveredPercent, s.existing.total.coveredKm2, s.existing.total.areaKm2))
            if s.existing.totalPopulation > 0 {
                lines.append(
                    String(
                        format: "  population: %.0f of %.0f people (%.2f%%) within the standard",
                        s.existing.coveredPopulation, s.existing.totalPopulation, 100 * s.existing.coveredPopulation / s.existing.totalPopulation))
            }
            if let critical = s.resilience.mostCritical {
                lines.append(
                    String(
                        format: "  N−1: losing %@ costs the most, %.2f points (to %.2f%%)",
                        run.existing[critical.base].id, critical.lossPoints, critical.coveredPercent))
            }
            if let r = s.response {
                lines.append(
                    String(
                        format: "  response time over served demand: mean %.1f, median %.1f, p90 %.1f, max %.1f min",
                        r.meanMinutes, r.medianMinutes, r.p90Minutes, r.maxMinutes))
            }
            if let e = s.expected { lines.append("  " + e.sentence) }
            if let lscp = s.lscp {
                lines.append(
                    String(
                        format: "  LSCP: %d base(s) cover everything the candidates can reach: %@ [%@] (exact %.2f%%)",
                        lscp.sites.count, lscp.sites.joined(separator: ", "), proof(lscp), lscp.exactCoveredPercent))
            }
            for plan in s.mclp {
                lines.append(
                    String(
                        format: "  MCLP p=%d: %@ → %.2f%% exact [%@]", plan.p ?? plan.result.selected.count,
                        plan.sites.joined(separator: ", "), plan.exactCoveredPercent, proof(plan)))
                if let shortfall = plan.shortfall { lines.append("    \(shortfall)") }
            }
            for plan in s.mexclp { lines.append(aircraftPlan("MEXCLP", plan, measure: "expected %.2f%% of the demand weight (grid)")) }
            for plan in s.malp {
                lines.append(aircraftPlan("MALP", plan, measure: "%.2f%% of the demand weight reached with probability ≥ α (grid)"))
            }
            for plan in s.maxmin { lines.append(fairPlan(plan)) }
        }
        return lines.joined(separator: "\n")
    }

    /// A plan placing aircraft (MEXCLP, MALP): sites with their counts, the
    /// objective as a share of the weight by `measure` (one `%.2f`), the exact coverage.
    static func aircraftPlan(_ model: String, _ plan: PlanRun.SitingPlan, measure: String) -> String {
        let placed = zip(plan.sites, plan.result.aircraft ?? []).map { $1 > 1 ? "\($0) ×\($1)" : $0 }
        let share = plan.result.totalWeight > 0 ? 100 * plan.result.objective / plan.result.totalWeight : 0
        return "  \(model) \(plan.p ?? 0) aircraft: \(placed.joined(separator: ", ")) → "
            + String(format: measure, share) + String(format: ", exact %.2f%% reached [%@]", plan.exactCoveredPercent, proof(plan))
    }

    /// A max–min plan over the regions: its sites, the least covered region
    /// and its share, the total (grid) and the exact coverage.
    static func fairPlan(_ plan: PlanRun.SitingPlan) -> String {
        let r = plan.result
        let least = plan.leastGroup.map { String(format: "least covered region %@ %.2f%%", $0.name, 100 * $0.share) } ?? "no region"
        return String(
            format: "  MAX–MIN p=%d: %@ → %@, total %.2f%% of the demand weight (grid), exact %.2f%% [%@]", plan.p ?? r.selected.count,
            plan.sites.joined(separator: ", "), least, r.totalWeight > 0 ? 100 * r.coveredWeight / r.totalWeight : 0, plan.exactCoveredPercent,
            proof(plan))
    }

    static func proof(_ plan: PlanRun.SitingPlan) -> String {
        plan.result.status == .optimal ? "optimal, proven" : String(format: "%@, gap %.2f%%", plan.result.status.rawValue, plan.result.gap * 100)
    }
}
