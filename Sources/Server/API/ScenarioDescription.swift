import Coverage
import GeoCore
import Planner
import Support

/// `GET /api/scenario`: what the page draws and offers, in WGS84 lon/lat.
///
/// `{name, aircraft, aircraft_types, night, standards: [min], bounds: [west, south, east, north],
///   existing: [site], candidates: [site], zones: FeatureCollection, tiles}`, a site
/// being `{id, name, lon, lat, existing}`. Zone features carry `id` (the id
/// `/api/assess` reports zones by), `name`, `hazard` and `region`; their
/// polygons are simplified for drawing (`displayTolerance`): the figures
/// always come from the exact zones. `aircraft_types` lists the types a
/// request may choose (`AircraftTypes.json`), the scenario's own first;
/// `tiles` the raster tile URL of `serve --tiles` (`TileURL`), or null.
enum ScenarioDescription {
    /// Simplification tolerance of the drawn zones, degrees (about 100 m).
    static let displayTolerance = 0.001

    static func json(of study: Study, aircraft: AircraftTypes, tiles: String? = nil) throws -> JSONValue {
        let existing = Set(study.existing.map(\.id))
        func site(_ s: Site) -> JSONValue {
            .object([
                ("id", .string(s.id)), ("name", .string(s.name)), ("lon", .number(s.position.lon)),
                ("lat", .number(s.position.lat)), ("existing", .bool(existing.contains(s.id))),
            ])
        }
        let zones = study.grid.zones
        let features = try zones.map { zone in
            GeoJSONFeature(
                id: .string(zone.id), geometry: try zone.area.simplifiedPreservingTopology(tolerance: displayTolerance),
                properties: [
                    ("id", .string(zone.id)), ("name", .string(zone.name)), ("hazard", .string(zone.hazard)),
                    ("region", zone.region.map { .string($0) } ?? .null),
                ])
        }
        let collection = try JSONParser.parse(try GeoJSONWriter().featureCollection(features))
        var bounds: JSONValue = .null
        if let first = zones.first?.area.envelope {
            let all = zones.compactMap(\.area.envelope).reduce(first) { $0.union($1) }
            bounds = .array([.number(all.minX), .number(all.minY), .number(all.maxX), .number(all.maxY)])
        }
        let standards: [JSONValue] = study.scenario.minutes.map { .number($0) }
        let members: [(key: String, value: JSONValue)] = [
            ("name", .string(study.scenario.name)),
            ("aircraft", .string(study.scenario.aircraft.name)),
            ("aircraft_types", aircraft.json),
            ("night", .bool(study.scenario.night)),
            ("standards", .array(standards)),
            ("bounds", bounds),
            ("existing", .array(study.existing.map(site))),
            ("candidates", .array(study.candidates.map(site))),
            ("zones", collection),
            ("tiles", tiles.map { .string($0) } ?? .null),
        ]
        return .object(members)
    }
}
