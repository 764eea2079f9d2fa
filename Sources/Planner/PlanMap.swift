import Foundation
import Coverage
import GeoCore

/// map.svg: the study area drawn in the grid's equal-area projection — zones
/// coloured by their exact coverage at the first (tightest) standard, the
/// existing network's reach at every standard, the uncovered parts, the
/// existing bases and the LSCP choice — with a legend, a scale bar and a
/// north arrow pointing to true north at the map's centre.
///
/// The scale bar is true along the projection's standard parallels; an
/// Albers projection fitted to a province keeps scale within about 1% over
/// it. Geometry is simplified to half a pixel, so the file stays small.
public enum PlanMap {
    static let mapWidth = 900.0, legendWidth = 260.0, margin = 20.0

    /// Coverage classes and their colours (ColorBrewer "RdYlGn", 5 classes).
    static let classes: [(lower: Double, colour: String, label: String)] = [
        (99.995, "#1a9641", "100%"), (90, "#a6d96a", "90–100%"), (75, "#ffffbf", "75–90%"), (50, "#fdae61", "50–75%"), (0, "#d7191c", "below 50%"),
    ]

    static func colour(forPercent p: Double) -> String {
        classes.first { p >= $0.lower }?.colour ?? classes.last!.colour
    }

    public static func svg(_ run: PlanRun) throws -> String {
        let transformer = try run.grid.projection.transformerFromWGS84()
        guard let first = run.standards.first else { throw InputError("the plan has no standards to draw") }
        // The view: the zones and the existing bases.
        let zoneEnvelopes = run.grid.projectedZones.compactMap(\.envelope)
        guard var view = zoneEnvelopes.first else { throw InputError("the plan has no demand zones to draw") }
        for envelope in zoneEnvelopes.dropFirst() { view = view.union(envelope) }
        let baseXY = try transformer.transform(run.existing.map(\.position.xy))
        for p in baseXY { view = view.union(Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) }
        let pad = 0.04 * max(view.maxX - view.minX, view.maxY - view.minY)
        view = Envelope(minX: view.minX - pad, minY: view.minY - pad, maxX: view.maxX + pad, maxY: view.maxY + pad)
        let scale = mapWidth / (view.maxX - view.minX)
        let mapHeight = (view.maxY - view.minY) * scale
        let height = max(mapHeight, 420) + 2 * margin
        func screen(_ p: XY) -> (Double, Double) { (margin + (p.x - view.minX) * scale, margin + (view.maxY - p.y) * scale) }
        let viewBox = Geometry.rectangle(view)

        func path(_ plane: Geometry) throws -> String {
            // Drawing only: slivers that collapsed on projection are repaired away.
            let valid = plane.isValid ? plane : try plane.makeValid()
            let clipped = try valid.intersection(viewBox).simplifiedPreservingTopology(tolerance: 0.5 / scale)
            var d = ""
            func ring(_ points: [XY]) {
                guard points.count >= 3 else { return }
                for (i, p) in points.enumerated() {
                    let (x, y) = screen(p)
                    d += (i == 0 ? "M" : "L") + String(format: "%.1f %.1f", x, y)
                }
                d += "Z"
            }
            func walk(_ c: GeometryCoordinates) {
                switch c {
                case .polygon(let rings): rings.forEach(ring)
                case .multiPolygon(let polygons): polygons.forEach { $0.forEach(ring) }
                case .collection(let items): items.forEach(walk)
                default: break
                }
            }
            walk(clipped.coordinates)
            return d
        }
        func project(_ g: Geometry) throws -> Geometry {
            try transformer.transform(try g.densified(maxSegmentLength: 0.02))
        }

        var body: [String] = []
        body.append("<rect x=\"0\" y=\"0\" width=\"\(fmt(mapWidth + legendWidth + 2 * margin))\" height=\"\(fmt(height))\" fill=\"#f7fbff\"/>")
        // Zones coloured by coverage at the first standard.
        body.append("<g id=\"zones\" stroke=\"#444\" stroke-width=\"0.6\">")
        for (index, zone) in run.grid.zones.enumerated() {
            let pct = first.existing.zones[index].coveredPercent
            body.append("<path fill=\"\(colour(forPercent: pct))\" fill-opacity=\"0.85\" d=\"\(try path(run.grid.projectedZones[index]))\"><title>\(xml(zone.name)) (\(xml(zone.hazard))): \(String(format: "%.2f", pct))% within \(SummaryComparison.format(first.minutes)) min</title></path>")
        }
        body.append("</g>")
        // Reach of the existing network, widest first.
        body.append("<g id=\"reach\" fill=\"none\" stroke-width=\"1.6\">")
        for (rank, s) in run.standards.enumerated().reversed() where !s.served.isEmpty {
            let colour = MapStyle.thresholdColour(rank: rank, of: run.standards.count)
            body.append("<path stroke=\"\(colour)\" stroke-dasharray=\"\(rank == 0 ? "none" : "6 3")\" d=\"\(try path(try project(s.served)))\"/>")
        }
        body.append("</g>")
        // Uncovered parts at the first standard.
        body.append("<g id=\"uncovered\" fill=\"#67000d\" fill-opacity=\"0.55\" stroke=\"none\">")
        for missing in first.existing.uncovered where !missing.isEmpty {
            body.append("<path d=\"\(try path(try project(missing)))\"/>")
        }
        body.append("</g>")
        // Bases: existing (circles) and the LSCP choice at the first standard (diamonds).
        body.append("<g id=\"bases\" font-family=\"sans-serif\" font-size=\"11\">")
        for (site, p) in zip(run.existing, baseXY) {
            let (x, y) = screen(p)
            body.append("<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y))\" r=\"4.5\" fill=\"#d94801\" stroke=\"#fff\" stroke-width=\"1\"><title>\(xml(site.name)) (\(xml(site.id)))</title></circle>")
            body.append("<text x=\"\(fmt(x + 6))\" y=\"\(fmt(y - 4))\" fill=\"#222\">\(xml(site.id))</text>")
        }
        if let lscp = first.lscp {
            let chosen = run.candidates.filter { lscp.sites.contains($0.id) }
            for (site, p) in zip(chosen, try transformer.transform(chosen.map(\.position.xy))) {
                let (x, y) = screen(p)
                body.append("<path d=\"M\(fmt(x)) \(fmt(y - 6))L\(fmt(x + 6)) \(fmt(y))L\(fmt(x)) \(fmt(y + 6))L\(fmt(x - 6)) \(fmt(y))Z\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"><title>LSCP choice: \(xml(site.name)) (\(xml(site.id)))</title></path>")
            }
        }
        body.append("</g>")
        body.append(contentsOf: try furniture(run: run, transformer: transformer, view: view, scale: scale, screen: screen, height: height, first: first))
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(fmt(mapWidth + legendWidth + 2 * margin))" height="\(fmt(height))" viewBox="0 0 \(fmt(mapWidth + legendWidth + 2 * margin)) \(fmt(height))">
        <title>\(xml(run.scenario.name))</title>
        \(body.joined(separator: "\n"))
        </svg>

        """
    }

    /// Legend, scale bar and north arrow.
    static func furniture(run: PlanRun, transformer: Transformer, view: Envelope, scale: Double,
                          screen: (XY) -> (Double, Double), height: Double, first: PlanRun.StandardResult) throws -> [String] {
        var out: [String] = []
        let x0 = margin + mapWidth + 20
        var y = margin + 10
        out.append("<g id=\"legend\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#222\">")
        out.append("<text x=\"\(fmt(x0))\" y=\"\(fmt(y))\" font-weight=\"bold\">Zones covered within \(SummaryComparison.format(first.minutes)) min</text>")
        y += 8
        for c in classes {
            y += 20
            out.append("<rect x=\"\(fmt(x0))\" y=\"\(fmt(y - 12))\" width=\"18\" height=\"14\" fill=\"\(c.colour)\" stroke=\"#444\" stroke-width=\"0.6\"/><text x=\"\(fmt(x0 + 26))\" y=\"\(fmt(y))\">\(c.label)</text>")
        }
        y += 20
        out.append("<rect x=\"\(fmt(x0))\" y=\"\(fmt(y - 12))\" width=\"18\" height=\"14\" fill=\"#67000d\" fill-opacity=\"0.55\"/><text x=\"\(fmt(x0 + 26))\" y=\"\(fmt(y))\">not covered</text>")
        y += 30
        out.append("<text x=\"\(fmt(x0))\" y=\"\(fmt(y))\" font-weight=\"bold\">Reach of the existing bases</text>")
        for (rank, s) in run.standards.enumerated() {
            y += 20
            let colour = MapStyle.thresholdColour(rank: rank, of: run.standards.count)
            out.append("<line x1=\"\(fmt(x0))\" y1=\"\(fmt(y - 5))\" x2=\"\(fmt(x0 + 18))\" y2=\"\(fmt(y - 5))\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-dasharray=\"\(rank == 0 ? "none" : "6 3")\"/><text x=\"\(fmt(x0 + 26))\" y=\"\(fmt(y))\">\(SummaryComparison.format(s.minutes)) min (\(String(format: "%.2f", s.existing.total.coveredPercent))% of zones)</text>")
        }
        y += 30
        out.append("<circle cx=\"\(fmt(x0 + 9))\" cy=\"\(fmt(y - 5))\" r=\"4.5\" fill=\"#d94801\"/><text x=\"\(fmt(x0 + 26))\" y=\"\(fmt(y))\">existing base</text>")
        if first.lscp != nil {
            y += 20
            out.append("<path d=\"M\(fmt(x0 + 9)) \(fmt(y - 11))L\(fmt(x0 + 15)) \(fmt(y - 5))L\(fmt(x0 + 9)) \(fmt(y + 1))L\(fmt(x0 + 3)) \(fmt(y - 5))Z\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/><text x=\"\(fmt(x0 + 26))\" y=\"\(fmt(y))\">fewest bases (LSCP), \(SummaryComparison.format(first.minutes)) min</text>")
        }
        y += 30
        out.append("<text x=\"\(fmt(x0))\" y=\"\(fmt(y))\" font-size=\"10\">Aircraft \(xml(run.scenario.aircraft.name)), \(run.scenario.night ? "night" : "day") dispatch</text>")
        y += 14
        // The projection's description, wrapped to the legend's width.
        var line = "", lines: [String] = []
        for word in ("Projection: " + run.grid.projection.description).split(separator: " ") {
            if line.count + word.count > 38 { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        for (k, text) in lines.enumerated() {
            out.append("<text x=\"\(fmt(x0))\" y=\"\(fmt(y + Double(k) * 13))\" font-size=\"10\">\(xml(text))</text>")
        }
        out.append("</g>")

        // Scale bar: a round length near a fifth of the map width.
        let target = (view.maxX - view.minX) / 5
        let steps = [1.0, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000].map { $0 * 1000 }
        let length = steps.last { $0 <= target } ?? steps[0]
        let sx = margin + 15, sy = margin + (view.maxY - view.minY) * scale - 15
        let w = length * scale
        out.append("<g id=\"scale\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#222\">")
        out.append("<rect x=\"\(fmt(sx))\" y=\"\(fmt(sy - 6))\" width=\"\(fmt(w / 2))\" height=\"6\" fill=\"#222\"/><rect x=\"\(fmt(sx + w / 2))\" y=\"\(fmt(sy - 6))\" width=\"\(fmt(w / 2))\" height=\"6\" fill=\"#fff\" stroke=\"#222\"/>")
        out.append("<text x=\"\(fmt(sx))\" y=\"\(fmt(sy - 10))\">0</text><text x=\"\(fmt(sx + w))\" y=\"\(fmt(sy - 10))\" text-anchor=\"middle\">\(SummaryComparison.format(length / 1000)) km</text>")
        out.append("</g>")
        // North arrow: the direction of the meridian through the map's centre.
        let centre = try transformer.transform(XY((view.minX + view.maxX) / 2, (view.minY + view.maxY) / 2), inverse: true)
        let north = try transformer.transform(XY(centre.x, min(89.9, centre.y + 0.5)))
        let south = try transformer.transform(XY(centre.x, centre.y))
        let angle = atan2(north.x - south.x, north.y - south.y) * 180 / .pi
        let ax = margin + mapWidth - 30, ay = margin + 40
        out.append("<g id=\"north\" transform=\"translate(\(fmt(ax)) \(fmt(ay))) rotate(\(String(format: "%.2f", angle)))\" font-family=\"sans-serif\" font-size=\"13\"><path d=\"M0 -22L8 8L0 2L-8 8Z\" fill=\"#222\"/><text x=\"0\" y=\"-26\" text-anchor=\"middle\" font-weight=\"bold\">N</text></g>")
        return out
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
