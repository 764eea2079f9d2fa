import Foundation
import Coverage

/// report.html: one self-contained page (no scripts, fonts or images from
/// the network) with the plan's figures, its tables, the map and the
/// tradeoff chart, for people who will read and forward it.
public enum PlanHTMLReport {
    /// `maps`: the maps by file name (`PlanMap.files`), embedded in that order.
    public static func html(_ run: PlanRun, maps: [(name: String, svg: String)], versions: ToolVersions) -> String {
        let a = run.scenario.aircraft
        var sections: [String] = []
        sections.append(
            """
            <h1>\(esc(run.scenario.name))</h1>
            <p>Aircraft <b>\(esc(a.name))</b>\(a.fullName.map { " (\(esc($0)))" } ?? ""): cruise \(num(a.cruiseSpeedKmh, 0)) km/h,
            dispatch \(num(a.dispatchMinutes(night: run.scenario.night), 0)) min (\(run.scenario.night ? "night" : "day")), endurance \(num(a.enduranceMin, 0)) min,
            reserve \(num(a.reserveMin, 0)) min, on scene \(num(a.onSceneMin, 0)) min.
            Demand: \(run.grid.zones.count) zone(s), \(num(run.standards.first?.existing.total.areaKm2 ?? 0, 1)) km²,
            on \(run.grid.cells.count) cells of \(num(run.scenario.cellKm, 1)) km (\(esc(run.grid.projection.description))); weighting \(esc(run.grid.weighting.description)).
            Candidates: \(run.candidates.count) sites, of which \(run.existing.count) existing bases.</p>
            <p class="note">Coverage figures are exact polygon areas (zones ∩ union of isochrones) in the equal-area projection; the grid estimate is shown beside them.
            Isochrone edges lie within \(num(run.scenario.isochroneToleranceMetres, 0)) m of the true reach (inside it where the reach is convex), so the exact figures err low by at most that band.\(outsideNote(run))
            Siting status “optimal” means CBC proved optimality on the grid; otherwise the gap to the best bound is given.</p>
            """)
        sections.append(
            "<h2>Maps</h2>\n"
                + maps.map { map in
                    "<figure>\(map.svg.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: ""))<figcaption class=\"note\">\(esc(map.name))</figcaption></figure>"
                }.joined(separator: "\n"))
        for s in run.standards {
            var rows = [["", "area km²", "covered km²", "covered %", "grid estimate km²"]]
            rows.append([
                "all zones", num(s.existing.total.areaKm2, 2), num(s.existing.total.coveredKm2, 2), num(s.existing.total.coveredPercent, 2),
                s.existing.total.gridCoveredKm2.map { num($0, 2) } ?? "—",
            ])
            for (zone, c) in zip(run.grid.zones, s.existing.zones) {
                rows.append([
                    "\(c.name) (\(zone.hazard))", num(c.areaKm2, 2), num(c.coveredKm2, 2), num(c.coveredPercent, 2), c.gridCoveredKm2.map { num($0, 2) } ?? "—",
                ])
            }
            var html = "<h2>\(num(s.minutes, 0))-minute standard</h2>\n"
            for limit in s.rangeLimits { html += "<p class=\"range-limit\">Range limit: \(esc(limit.sentence)).</p>\n" }
            html += "<h3>Existing bases (\(run.existing.count))</h3>\n" + table(rows)
            if s.existing.totalPopulation > 0 {
                html +=
                    "<p>Population: \(num(s.existing.coveredPopulation, 0)) of \(num(s.existing.totalPopulation, 0)) people "
                    + "(\(num(100 * s.existing.coveredPopulation / s.existing.totalPopulation, 2))%) live within \(num(s.minutes, 0)) min.</p>\n"
            }
            if s.existing.hazards.count > 1 {
                html +=
                    "<h3>By hazard type</h3>"
                    + table(
                        [["hazard", "area km²", "covered km²", "covered %"]]
                            + s.existing.hazards.map { [$0.name, num($0.areaKm2, 2), num($0.coveredKm2, 2), num($0.coveredPercent, 2)] })
            }
            if !s.existing.regions.isEmpty {
                html +=
                    "<h3>By region</h3>"
                    + table(
                        [["region", "zone area km²", "covered km²", "covered %"]]
                            + s.existing.regions.filter { $0.areaKm2 > 0 }.map {
                                [$0.name, num($0.areaKm2, 2), num($0.coveredKm2, 2), num($0.coveredPercent, 2)]
                            })
            }
            if let r = s.response {
                html +=
                    "<p>Response time over served demand (weighted): mean \(num(r.meanMinutes, 1)), median \(num(r.medianMinutes, 1)), 90th percentile \(num(r.p90Minutes, 1)), max \(num(r.maxMinutes, 1)) min.</p>"
            }
            if let e = s.expected {
                html +=
                    "<h3>Expected coverage</h3><p>\(esc(e.sentence))</p>"
                    + table(
                        [["zone", "grid km²", "expected km²", "expected %"]]
                            + e.zones.map {
                                [$0.name, num($0.gridKm2, 2), num($0.expectedKm2, 2), num($0.gridKm2 > 0 ? 100 * $0.expectedKm2 / $0.gridKm2 : 0, 2)]
                            })
                if !e.regions.isEmpty {
                    html += table(
                        [["region", "grid km²", "expected km²", "expected %"]]
                            + e.regions.map {
                                [$0.name, num($0.gridKm2, 2), num($0.expectedKm2, 2), num($0.gridKm2 > 0 ? 100 * $0.expectedKm2 / $0.gridKm2 : 0, 2)]
                            })
                }
            }
            html +=
                "<h3>N−1 resilience</h3>"
                + table(
                    [["base lost", "covered %", "loss, points"]]
                        + s.resilience.outages.map { [run.existing[$0.base].id, num($0.coveredPercent, 2), num($0.lossPoints, 2)] })
            let plans = [s.lscp].compactMap { $0 } + s.mclp + s.mexclp + s.malp + s.maxmin
            if !plans.isEmpty {
                html +=
                    "<h3>Siting</h3>"
                    + table(
                        [["model", "p", "status", "gap %", "grid covered %", "exact covered %", "bases"]]
                            + plans.map { plan in
                                let r = plan.result
                                return [
                                    plan.model, plan.p.map(String.init) ?? "—", r.status.rawValue, num(r.gap * 100, 3),
                                    num(r.totalWeight > 0 ? 100 * r.coveredWeight / r.totalWeight : 0, 2), num(plan.exactCoveredPercent, 2),
                                    plan.sites.joined(separator: ", "),
                                ]
                            })
                for plan in plans {
                    if let shortfall = plan.shortfall { html += "<p>\(esc(plan.model.uppercased())) p = \(plan.p ?? 0): \(esc(shortfall)).</p>\n" }
                }
                for plan in s.maxmin {
                    if let least = plan.leastGroup {
                        html +=
                            "<p>MAXMIN p = \(plan.p ?? 0): least covered region \(esc(least.name)), \(num(100 * least.share, 2)) % of its weight (grid).</p>\n"
                    }
                }
            }
            sections.append(html)
        }
        if let chart = tradeoffChart(run) { sections.append("<h2>Coverage against the number of bases</h2>\n<figure>\(chart)</figure>") }
        sections.append(
            "<p class=\"note\">aircover \(esc(versions.aircover)); PROJ \(esc(versions.proj)), GEOS \(esc(versions.geos)), GDAL \(esc(versions.gdal)), CBC \(esc(versions.cbc)). Scenario: \(esc(run.scenario.source.lastPathComponent)).</p>"
        )
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(esc(run.scenario.name))</title>
            <style>body{font-family:sans-serif;max-width:1200px;margin:1em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:.5em 0}
            td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child,th:first-child{text-align:left}.note{color:#555;font-size:90%}
            figure{margin:0}svg{max-width:100%;height:auto}</style></head><body>
            \(sections.joined(separator: "\n"))
            </body></html>

            """
    }

    /// Exact coverage (%) against p for the MCLP runs of every standard, as inline SVG.
    static func tradeoffChart(_ run: PlanRun) -> String? {
        let series = run.standards.filter { !$0.mclp.isEmpty }
        guard !series.isEmpty else { return nil }
        let maxP = series.flatMap { $0.mclp.compactMap(\.p) }.max() ?? 1
        // The axis starts at a multiple of 10 below the lowest point, ticks every quarter of the range.
        let lowest = series.flatMap { $0.mclp.map(\.exactCoveredPercent) }.min() ?? 0
        let minPct = min(80, max(0, ((lowest - 2) / 20).rounded(.down) * 20))
        let w = 640.0, h = 320.0, left = 50.0, bottom = 40.0, top = 15.0, right = 150.0
        func x(_ p: Int) -> Double { left + (maxP == 1 ? 0.5 : Double(p - 1) / Double(maxP - 1)) * (w - left - right) }
        func y(_ pct: Double) -> Double { top + (100 - pct) / max(100 - minPct, 1) * (h - top - bottom) }
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" font-family=\"sans-serif\" font-size=\"11\">"]
        out.append(
            "<line x1=\"\(left)\" y1=\"\(h - bottom)\" x2=\"\(w - right)\" y2=\"\(h - bottom)\" stroke=\"#222\"/><line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(h - bottom)\" stroke=\"#222\"/>"
        )
        for p in 1...maxP { out.append("<text x=\"\(x(p))\" y=\"\(h - bottom + 15)\" text-anchor=\"middle\">\(p)</text>") }
        for k in 0...4 {
            let pct = minPct + Double(k) * (100 - minPct) / 4
            out.append(
                "<text x=\"\(left - 5)\" y=\"\(y(pct) + 4)\" text-anchor=\"end\">\(num(pct, 0))%</text><line x1=\"\(left)\" y1=\"\(y(pct))\" x2=\"\(w - right)\" y2=\"\(y(pct))\" stroke=\"#eee\"/>"
            )
        }
        out.append("<text x=\"\((left + w - right) / 2)\" y=\"\(h - 5)\" text-anchor=\"middle\">number of bases p</text>")
        for (rank, s) in series.enumerated() {
            let colour = MapStyle.thresholdColour(rank: run.standards.firstIndex { $0.minutes == s.minutes } ?? rank, of: run.standards.count)
            let points = s.mclp.compactMap { plan in plan.p.map { (x($0), y(plan.exactCoveredPercent), plan.result.status == .optimal) } }
            out.append(
                "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points.map { "\($0.0),\($0.1)" }.joined(separator: " "))\"/>")
            for p in points { out.append("<circle cx=\"\(p.0)\" cy=\"\(p.1)\" r=\"3.5\" fill=\"\(p.2 ? colour : "#fff")\" stroke=\"\(colour)\"/>") }
            out.append("<text x=\"\(w - right + 10)\" y=\"\(top + 15 + Double(rank) * 16)\" fill=\"\(colour)\">\(num(s.minutes, 0)) min</text>")
        }
        out.append("<text x=\"\(w - right + 10)\" y=\"\(top + 20 + Double(series.count) * 16)\" fill=\"#555\">filled: proven optimal</text>")
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// The population points outside every zone, which the population figures count.
    static func outsideNote(_ run: PlanRun) -> String {
        let outside = run.grid.populationOutsideZones
        guard outside.points > 0 else { return "" }
        return "\n"
            + "<b>\(outside.points) population point(s) with \(num(outside.people, 0)) people lie outside every zone</b>; the population figures count them."
    }

    static func table(_ rows: [[String]]) -> String {
        guard let head = rows.first else { return "" }
        return "<table><tr>" + head.map { "<th>\(esc($0))</th>" }.joined() + "</tr>\n"
            + rows.dropFirst().map { "<tr>" + $0.map { "<td>\(esc($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n") + "</table>\n"
    }

    static func num(_ v: Double, _ digits: Int) -> String { v.isFinite ? String(format: "%.\(digits)f", v) : "—" }
    static func esc(_ s: String) -> String { PlanMap.xml(s) }
}
