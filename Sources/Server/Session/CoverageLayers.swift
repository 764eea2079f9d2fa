import Coverage
import GeoCore
import Planner
import Support

/// `POST /api/layers`: what the page draws for a plan at one standard, in
/// WGS84 lon/lat: the served region (the union of the bases' isochrones)
/// and each zone's uncovered part, from the plan's `Assessment` (the code
/// `aircover assess` runs; the one `/api/assess` answers from, kept in
/// `RecentAssessments`); the server computes no geometry of its own.
///
/// `{minutes, night, display_tolerance_deg, total: {area_km2, covered_km2,
///   covered_pct}, zones: [{id, name, area_km2, covered_km2, covered_pct,
///   uncovered_km2}], served: geometry, uncovered: FeatureCollection}`.
///
/// Figures are exact, from the unsimplified polygons: `area_km2`,
/// `covered_km2` and `covered_pct` are `assess --json`'s own; a zone's
/// `uncovered_km2` is the area of its uncovered part (zone minus served
/// region, measured in the grid's equal-area projection), so for every zone
/// covered + uncovered = area to within the round trip of its vertices
/// through lon/lat (far below 1e-6 of the area). The geometries sent are
/// simplified for drawing with topology kept at `displayTolerance`
/// (0.001°, at most 112 m), which moves any boundary by at most that much:
/// a drawn part's area differs from the exact one by at most
/// 2 × 112 m × its perimeter. `uncovered` has one feature per zone with
/// something uncovered (properties id, name, uncovered_km2); a zone fully
/// covered has none.
enum CoverageLayers {
    /// Simplification tolerance of the drawn geometries, degrees: the zones' own (`ScenarioDescription`).
    static let displayTolerance = ScenarioDescription.displayTolerance

    /// The layers of `assessment`'s first standard.
    static func json(assessment: Assessment) throws -> JSONValue {
        guard let standard = assessment.standards.first else { throw APIError(.internalServerError, "the assessment has no standard") }
        let study = assessment.study, minutes = standard.minutes
        let served = standard.served, evaluation = standard.evaluation
        let transformer = try study.grid.projection.transformerFromWGS84()
        let n: (Double) -> JSONValue = { $0.isFinite ? .number($0) : .null }
        var zones: [JSONValue] = [], features: [GeoJSONFeature] = []
        for (zone, (coverage, missing)) in zip(study.grid.zones, zip(evaluation.zones, evaluation.uncovered)) {
            // The uncovered part was cut in the projection and its vertices
            // taken to lon/lat; they go back exactly (no densifying).
            let uncoveredKm2 = missing.isEmpty ? 0 : try transformer.transform(missing).area / 1e6
            zones.append(
                .object([
                    ("id", .string(zone.id)), ("name", .string(zone.name)), ("area_km2", n(coverage.areaKm2)),
                    ("covered_km2", n(coverage.coveredKm2)), ("covered_pct", n(coverage.coveredPercent)),
                    ("uncovered_km2", n(uncoveredKm2)),
                ]))
            guard !missing.isEmpty else { continue }
            features.append(
                GeoJSONFeature(
                    id: .string(zone.id), geometry: try drawn(missing),
                    properties: [("id", .string(zone.id)), ("name", .string(zone.name)), ("uncovered_km2", n(uncoveredKm2))]))
        }
        let writer = GeoJSONWriter()
        let total = evaluation.total
        return .object([
            ("minutes", n(minutes)), ("night", .bool(study.scenario.night)),
            ("display_tolerance_deg", .number(displayTolerance)),
            ("total", .object([("area_km2", n(total.areaKm2)), ("covered_km2", n(total.coveredKm2)), ("covered_pct", n(total.coveredPercent))])),
            ("zones", .array(zones)),
            ("served", served.isEmpty ? .null : try JSONParser.parse(try writer.geometry(try drawn(served)))),
            ("uncovered", try JSONParser.parse(try writer.featureCollection(features))),
        ])
    }

    /// `geometry` simplified for drawing (topology kept).
    private static func drawn(_ geometry: Geometry) throws -> Geometry {
        try geometry.simplifiedPreservingTopology(tolerance: displayTolerance)
    }
}
