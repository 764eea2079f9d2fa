import Foundation
import Coverage
import GeoCore
import Planner
import Support

/// `GET /api/basemap`: the offline basemap the page draws under the zones:
/// the scenario's context layers (`[output] context`: land, province
/// boundaries) and its reporting regions (`[demand] regions`: counties), as
/// one GeoJSON FeatureCollection in WGS84 lon/lat whose features carry
/// `layer` ("context" or "region") and, for regions, `name`.
///
/// Only what lies within `margin` degrees of the zones' bounding box is
/// kept, simplified at `tolerance` degrees (about 500 m) for drawing; the
/// basemap is never used for a figure.
enum Basemap {
    static let margin = 2.0
    static let tolerance = 0.005

    static func json(of study: Study) throws -> JSONValue {
        let zones = study.grid.zones.compactMap(\.area.envelope)
        guard let first = zones.first else { return try JSONParser.parse(try GeoJSONWriter().featureCollection([])) }
        let box = zones.reduce(first) { $0.union($1) }
        let view = Envelope(
            minX: max(-180, box.minX - margin), minY: max(-90, box.minY - margin),
            maxX: min(180, box.maxX + margin), maxY: min(90, box.maxY + margin))
        let rectangle = Geometry.rectangle(view)
        var features: [GeoJSONFeature] = []
        for part in try MapContext(study.scenario.context).within(view) {
            let drawn = try part.simplifiedPreservingTopology(tolerance: tolerance)
            if !drawn.isEmpty { features.append(GeoJSONFeature(geometry: drawn, properties: [("layer", .string("context"))])) }
        }
        for region in study.regions ?? [] {
            let part = try region.area.intersection(rectangle)
            guard !part.isEmpty else { continue }
            let drawn = try part.simplifiedPreservingTopology(tolerance: tolerance)
            if !drawn.isEmpty {
                features.append(GeoJSONFeature(geometry: drawn, properties: [("layer", .string("region")), ("name", .string(region.name))]))
            }
        }
        return try JSONParser.parse(try GeoJSONWriter().featureCollection(features))
    }
}

/// `aircover serve --tiles URL`: a raster tile layer the page adds under the
/// basemap for users online (`{z}`, `{x}`, `{y}` in the URL, http or https).
/// Without it the page makes no request beyond the server.
public enum TileURL {
    /// The URL as given, or an `InputError` naming what is wrong.
    public static func check(_ url: String) throws -> String {
        guard url.count <= 2_000 else { throw InputError("--tiles is \(url.count) characters long; at most 2,000") }
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw InputError("--tiles must be an http or https URL, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        }
        let missing = ["{z}", "{x}", "{y}"].filter { !url.contains($0) }
        guard missing.isEmpty else {
            throw InputError("--tiles must hold {z}, {x} and {y} where the tile's zoom and column and row go; it lacks \(missing.joined(separator: ", "))")
        }
        guard !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            throw InputError("--tiles holds a space, a quote or an angle bracket; give the URL alone")
        }
        return url
    }
}
