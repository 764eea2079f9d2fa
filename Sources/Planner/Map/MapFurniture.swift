import Foundation
import GeoCore
import Support

/// What surrounds a map's drawing: the heading and legend (beside the map),
/// the aircraft and projection notes, a scale bar and a north arrow.
enum MapFurniture {
    /// `heading` and `summary` head the legend (e.g. "Existing network",
    /// "65.14% of the zones' area within 30 min").
    static func elements(run: PlanRun, frame: MapFrame, heading: String, summary: String, legend: MapLegend) throws -> [String] {
        let f = PlanMap.fmt
        var out: [String] = []
        let x0 = MapFrame.margin + MapFrame.mapWidth + 20
        out.append("<g class=\"legend\" font-family=\"sans-serif\" font-size=\"12\">")
        out.append(
            "<text x=\"\(f(x0))\" y=\"\(f(MapFrame.margin + 10))\" font-weight=\"bold\" font-size=\"14\" fill=\"#222222\">\(PlanMap.xml(heading))</text>")
        out.append("<text x=\"\(f(x0))\" y=\"\(f(MapFrame.margin + 28))\" fill=\"#222222\">\(PlanMap.xml(summary))</text>")
        let (entries, end) = legend.svg(x: x0, y: MapFrame.margin + 54)
        out += entries
        var y = end
        out.append(
            "<text x=\"\(f(x0))\" y=\"\(f(y))\" font-size=\"10\" fill=\"#222222\">Aircraft \(PlanMap.xml(run.scenario.aircraft.name)), \(run.scenario.night ? "night" : "day") dispatch</text>"
        )
        y += 14
        // The projection's description, wrapped to the legend's width.
        var line = "", lines: [String] = []
        for word in ("Projection: " + run.grid.projection.description).split(separator: " ") {
            if line.count + word.count > 38 { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        for (k, text) in lines.enumerated() {
            out.append("<text x=\"\(f(x0))\" y=\"\(f(y + Double(k) * 13))\" font-size=\"10\" fill=\"#222222\">\(PlanMap.xml(text))</text>")
        }
        out.append("</g>")

        // Scale bar: a round length near a fifth of the map width.
        let view = frame.view, scale = frame.scale, margin = MapFrame.margin
        let target = view.width / 5
        let steps = [1.0, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000].map { $0 * 1000 }
        let length = steps.last { $0 <= target } ?? steps[0]
        let sx = margin + 15, sy = margin + frame.mapHeight - 15
        let w = length * scale
        out.append("<g class=\"scale\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#222\">")
        out.append(
            "<rect x=\"\(f(sx))\" y=\"\(f(sy - 6))\" width=\"\(f(w / 2))\" height=\"6\" fill=\"#222\"/><rect x=\"\(f(sx + w / 2))\" y=\"\(f(sy - 6))\" width=\"\(f(w / 2))\" height=\"6\" fill=\"#fff\" stroke=\"#222\"/>"
        )
        out.append(
            "<text x=\"\(f(sx))\" y=\"\(f(sy - 10))\">0</text><text x=\"\(f(sx + w))\" y=\"\(f(sy - 10))\" text-anchor=\"middle\">\(NumberText.readable(length / 1000)) km</text>"
        )
        out.append("</g>")
        // North arrow: the direction of the meridian through the map's centre.
        let transformer = frame.transformer
        let centre = try transformer.transform(view.center, inverse: true)
        let north = try transformer.transform(XY(centre.x, min(89.9, centre.y + 0.5)))
        let south = try transformer.transform(XY(centre.x, centre.y))
        let angle = atan2(north.x - south.x, north.y - south.y) * 180 / .pi
        let ax = margin + MapFrame.mapWidth - 30, ay = margin + 40
        out.append(
            "<g class=\"north\" transform=\"translate(\(f(ax)) \(f(ay))) rotate(\(String(format: "%.2f", angle)))\" font-family=\"sans-serif\" font-size=\"13\"><path d=\"M0 -22L8 8L0 2L-8 8Z\" fill=\"#222\"/><text x=\"0\" y=\"-26\" text-anchor=\"middle\" font-weight=\"bold\">N</text></g>"
        )
        return out
    }
}
