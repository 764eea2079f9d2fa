import Foundation
import GeoCore
import Coverage
import Support

/// The plan's CSV tables (RFC 4180: comma-separated, fields quoted when
/// they hold a comma, quote or line break; UTF-8; figures at full precision).
public enum PlanTables {
    /// File name → CSV text.
    public static func files(_ run: PlanRun) -> [String: String] {
        let bases = basesTable(run)
        // Zones carry their id beside their name (`AreaCoverage.name`), to join the zones layer.
        func coverageRows(_ pick: (CoverageEvaluation) -> [AreaCoverage], label: String, ids: Bool = false) -> [[String]] {
            var rows = [["minutes"] + (ids ? ["id"] : []) + [label, "area_km2", "covered_km2", "covered_pct", "grid_covered_km2"]]
            for s in run.standards {
                for a in pick(s.existing) {
                    rows.append(
                        [NumberText.exact(s.minutes)] + (ids ? [a.id ?? ""] : []) + [
                            a.name, NumberText.exact(a.areaKm2), NumberText.exact(a.coveredKm2),
                            NumberText.exact(a.coveredPercent), a.gridCoveredKm2.map(NumberText.exact) ?? "",
                        ])
                }
            }
            return rows
        }
        var curve = [["minutes", "model", "p", "status", "objective", "bound", "gap", "grid_covered_pct", "exact_covered_pct", "sites"]]
        for s in run.standards {
            for plan in [s.lscp].compactMap({ $0 }) + s.mclp {
                let r = plan.result
                curve.append([
                    NumberText.exact(s.minutes), plan.model, plan.p.map(String.init) ?? "", r.status.rawValue, NumberText.exact(r.objective),
                    NumberText.exact(r.bound), NumberText.exact(r.gap), NumberText.exact(r.totalWeight > 0 ? 100 * r.coveredWeight / r.totalWeight : 0),
                    NumberText.exact(plan.exactCoveredPercent), plan.sites.joined(separator: " "),
                ])
            }
        }
        var files = [
            "bases.csv": csv(bases),
            "coverage_zones.csv": csv(coverageRows({ $0.zones }, label: "zone", ids: true)),
            "coverage_hazards.csv": csv(coverageRows({ $0.hazards }, label: "hazard")),
            "siting.csv": csv(curve),
        ]
        if run.standards.contains(where: { !$0.existing.regions.isEmpty }) {
            files["coverage_regions.csv"] = csv(coverageRows({ $0.regions }, label: "region"))
        }
        return files
    }

    /// bases.csv's rows: the existing bases and the chosen sites. The
    /// aircraft column names each base's type; with `nameDefault` false it
    /// is left empty for the bases flying the scenario's `[aircraft]`, which
    /// a scenario reading the table back then gives them, figure overrides
    /// included (`PlanScenarioExport`). `flyableColumn`, unless it is one of
    /// those columns' names, adds a column of that name holding each
    /// site's flyable share (`Site.flyable`).
    static func basesTable(_ run: PlanRun, nameDefault: Bool = true, flyableColumn: String? = nil) -> [[String]] {
        let header = ["id", "name", "lon", "lat", "aircraft", "existing", "chosen_by"]
        let flyableColumn = flyableColumn.flatMap { header.contains($0) ? nil : $0 }
        var bases = [header + (flyableColumn.map { [$0] } ?? [])]
        for (index, site) in run.candidates.enumerated() {
            let chosen = run.standards.flatMap { s in
                ([s.lscp].compactMap { $0 } + s.mclp).filter { $0.sites.contains(site.id) }.map { plan in
                    "\(plan.model)\(plan.p.map { " p=\($0)" } ?? "") \(NumberText.readable(s.minutes)) min"
                }
            }
            guard index < run.existing.count || !chosen.isEmpty else { continue }
            bases.append(
                [
                    site.id, site.name, NumberText.exact(site.position.lon), NumberText.exact(site.position.lat),
                    nameDefault || run.study.model(of: site).aircraft != run.study.model.aircraft ? run.study.model(of: site).aircraft.name : "",
                    index < run.existing.count ? "yes" : "no", chosen.joined(separator: "; "),
                ] + (flyableColumn == nil ? [] : [NumberText.exact(site.flyable)]))
        }
        return bases
    }

    /// RFC 4180 text of `rows`.
    public static func csv(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}
