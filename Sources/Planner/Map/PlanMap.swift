import Foundation
import Coverage
import GeoCore
import Support

/// The plan's maps, drawn in the grid's equal-area projection: for each
/// standard the existing network, and the network its siting proposes
/// (`NetworkMap`). Each map has the scenario's context layers dimmed, the
/// study area's outline (the union of the zones), the zones filled by their
/// exact coverage class, their uncovered parts hatched, the network's reach,
/// the bases labelled, a legend of exactly what is drawn, a scale bar and a
/// north arrow pointing to true north at the map's centre. Outlines (reach,
/// study area, context) are cut at the frame, not closed along it; a reach
/// whose outline lies wholly outside the view is neither drawn nor in the
/// legend, and the legend's heading gives the network's covered share.
///
/// The scale bar is true along the projection's standard parallels; an
/// Albers projection fitted to a province keeps scale within about 1% over it.
public enum PlanMap {
    /// Coverage classes and their colours (ColorBrewer "RdYlGn", 5 classes).
    static let classes: [(lower: Double, colour: String, label: String)] = [
        (99.995, "#1a9641", "100%"), (90, "#a6d96a", "90–100%"), (75, "#ffffbf", "75–90%"), (50, "#fdae61", "50–75%"), (0, "#d7191c", "below 50%"),
    ]

    static func coverageClass(forPercent p: Double) -> (lower: Double, colour: String, label: String) {
        classes.first { p >= $0.lower } ?? classes.last!
    }

    /// Every map of the run by file name, in reading order: `map.svg` (the
    /// existing network at the first standard), `map-<M>min.svg` (the
    /// existing network at each further standard M) and
    /// `map-<M>min-proposed.svg` (each standard's proposed network, where
    /// siting ran and chose a site).
    public static func files(_ run: PlanRun) throws -> [(name: String, svg: String)] {
        guard !run.standards.isEmpty else { throw InputError("the plan has no standards to draw") }
        let context = try MapContext(run.scenario.context)
        var files: [(name: String, svg: String)] = []
        for index in run.standards.indices {
            let m = NumberText.readable(run.standards[index].minutes)
            let name = index == 0 ? "map" : "map-\(m)min"
            files.append((name + ".svg", try svg(.existing(in: run, standard: index), run: run, context: context, key: name)))
            if let proposed = try NetworkMap.proposed(in: run, standard: index) {
                let name = "map-\(m)min-proposed"
                files.append((name + ".svg", try svg(proposed, run: run, context: context, key: name)))
            }
        }
        return files
    }

    /// map.svg alone: the existing network at the first standard.
    public static func svg(_ run: PlanRun) throws -> String {
        guard !run.standards.isEmpty else { throw InputError("the plan has no standards to draw") }
        return try svg(.existing(in: run, standard: 0), run: run, context: try MapContext(run.scenario.context), key: "map")
    }

    /// One map; `key` makes its SVG ids unique when several maps share a page.
    static func svg(_ map: NetworkMap, run: PlanRun, context: MapContext, key: String) throws -> String {
        let frame = try MapFrame(grid: run.grid, sites: (map.existing + map.proposed).map(\.position))
        let hatch = "uncovered-\(key)"
        let standard = NumberText.readable(map.minutes) + " min"
        var legend = MapLegend()
        var body: [String] = ["<defs>\(MapSymbol.hatchPattern(id: hatch))</defs>"]
        body.append("<rect x=\"0\" y=\"0\" width=\"\(fmt(frame.width))\" height=\"\(fmt(frame.height))\" fill=\"\(MapStyle.background)\"/>")
        body.append("<g id=\"drawing-\(key)\" class=\"drawing\">")
        // Context: land and province boundaries, dimmed.
        let contextPaths = try context.within(try frame.lonLatEnvelope()).map { try frame.outlinePath(try frame.project($0)) }.filter { !$0.isEmpty }
        if !contextPaths.isEmpty {
            body.append("<g class=\"context\" \(MapSymbol.context)>" + contextPaths.map { "<path d=\"\($0)\"/>" }.joined() + "</g>")
            legend.add("Context", .line(MapSymbol.context), "land and province boundaries")
        }
        let outline = try frame.outlinePath(try Geometry.union(of: run.grid.projectedZones))
        if !outline.isEmpty { legend.add("Context", .line(MapSymbol.studyArea), "study area (all zones)") }
        // Zones by coverage class, then their uncovered parts hatched.
        body.append("<g class=\"zones\">")
        // A zone with nothing covered has no class fill to show (its hatch
        // would hide it): it is drawn as its outline alone.
        var drawnClasses: Set<String> = [], outlineOnly = false
        for (index, zone) in run.grid.zones.enumerated() {
            let pct = map.zonePercents[index], c = coverageClass(forPercent: pct)
            let d = try frame.path(run.grid.projectedZones[index])
            guard !d.isEmpty else { continue }
            body.append(
                "<path \(MapSymbol.zone(pct > 0 ? c.colour : "none")) d=\"\(d)\"><title>\(xml(zone.name)) (\(xml(zone.hazard))): \(String(format: "%.2f", pct))% within \(standard)</title></path>"
            )
            if pct > 0 { drawnClasses.insert(c.label) } else { outlineOnly = true }
        }
        body.append("</g>")
        for c in classes where drawnClasses.contains(c.label) {
            legend.add("Zones covered within \(standard)", .area(MapSymbol.zone(c.colour)), c.label)
        }
        if outlineOnly { legend.add("Zones covered within \(standard)", .area(MapSymbol.zone("none")), "none (outline)") }
        body.append("<g class=\"uncovered\">")
        for (index, missing) in map.uncovered.enumerated() where !missing.isEmpty {
            let d = try frame.path(try frame.project(missing))
            guard !d.isEmpty else { continue }
            body.append(
                "<path \(MapSymbol.uncovered(patternID: hatch)) d=\"\(d)\"><title>\(xml(run.grid.zones[index].name)): not covered within \(standard)</title></path>"
            )
            legend.add("Zones covered within \(standard)", .area(MapSymbol.uncovered(patternID: hatch)), "part not covered")
        }
        body.append("</g>")
        // The study area's outline, drawn over the zones.
        if !outline.isEmpty { body.append("<path class=\"study-area\" \(MapSymbol.studyArea) d=\"\(outline)\"/>") }
        // Reach, widest first.
        body.append("<g class=\"reach\">")
        for reach in map.reaches.reversed() where !reach.served.isEmpty {
            let d = try frame.outlinePath(try frame.project(reach.served))
            guard !d.isEmpty else { continue }
            let style = MapSymbol.reach(MapStyle.thresholdColour(rank: reach.rank, of: run.standards.count), dashed: reach.rank != 0)
            body.append("<path \(style) d=\"\(d)\"/>")
            legend.add(
                "Reach of the \(map.reachOf)", .line(style),
                "\(NumberText.readable(reach.minutes)) min (\(String(format: "%.2f", reach.coveredPercent))% of zones)")
        }
        body.append("</g>")
        // Bases.
        body.append("<g class=\"bases\" font-family=\"sans-serif\" font-size=\"11\">")
        for (site, p) in zip(map.existing, try frame.screen(map.existing.map(\.position))) {
            body.append(MapSymbol.existingBase(x: p.x, y: p.y, title: "\(site.name) (\(site.id))"))
            if map.labelExisting { body.append(MapSymbol.label(site.id, x: p.x, y: p.y)) }
            legend.add("Bases", .marker { MapSymbol.existingBase(x: $0, y: $1) }, "existing base")
        }
        for (site, p) in zip(map.proposed, try frame.screen(map.proposed.map(\.position))) {
            body.append(MapSymbol.proposedBase(x: p.x, y: p.y, title: "\(map.proposedCaption): \(site.name) (\(site.id))"))
            body.append(MapSymbol.label(site.id, x: p.x, y: p.y))
            legend.add("Bases", .marker { MapSymbol.proposedBase(x: $0, y: $1) }, map.proposedCaption)
        }
        body.append("</g>")
        body.append("</g>")
        let summary = String(format: "%.2f%% of the zones' area within %@", map.coveredPercent, standard)
        body.append(contentsOf: try MapFurniture.elements(run: run, frame: frame, heading: map.heading, summary: summary, legend: legend))
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(fmt(frame.width))" height="\(fmt(frame.height))" viewBox="0 0 \(fmt(frame.width)) \(fmt(frame.height))">
            <title>\(xml(run.scenario.name)): \(xml(map.heading)), \(standard)</title>
            \(body.joined(separator: "\n"))
            </svg>

            """
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
