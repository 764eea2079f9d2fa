import Foundation
import Testing
import GeoCore
import Isochrones
@testable import Coverage
import Support

/// aircover's exact coverage of Liaoning's 14 cities by its 10 airports
/// against an independent computation (tools/coverage-reference: pyproj
/// geodesic discs, shapely overlay in lon/lat, ellipsoidal areas by
/// Karney's polygon-area algorithm), to 0.05 percentage points.
@Suite struct CoverageReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    @Test func cityCoverageMatchesTheShapelyPyprojReference() throws {
        let url = try #require(Bundle.module.url(forResource: "liaoning-coverage-reference", withExtension: "json", subdirectory: "Fixtures"))
        let reference = try JSONParser.parse(String(contentsOf: url, encoding: .utf8))
        let features = try GeoJSONReader.features(at: Self.root.appendingPathComponent("basemaps/liaoning/cities.geojson"))
        let zones = try features.map { feature in
            try HazardZone(
                id: feature[property: "adcode"]!.stringValue!, name: feature[property: "name"]!.stringValue!,
                hazard: "all", risk: 1, area: feature.geometry!)
        }
        let grid = try DemandGrid.build(zones: zones, cellSize: 20_000)
        let bases = try VectorLayer.read(Self.root.appendingPathComponent("basemaps/china/airports.csv").path).features
            .filter { $0[field: "subdivision"] == .string("Liaoning") }
            .map { feature -> LonLat in
                guard case .point(let p)? = feature.geometry?.coordinates else { fatalError("airport without a point") }
                return p.lonLat
            }
        #expect(bases.count == 10)
        let aircraft = Aircraft(
            name: "reference", cruiseSpeedKmh: reference["speed_kmh"]!.doubleValue!,
            dispatchDayMin: reference["dispatch_min"]!.doubleValue!, dispatchNightMin: 30,
            enduranceMin: 600, reserveMin: 20, onSceneMin: 15, maxAltitudeM: 6000)
        let builder = IsochroneBuilder(model: try ReachModel(aircraft: aircraft), toleranceMetres: 10)
        guard case .array(let standards)? = reference["standards"] else { Issue.record("no standards"); return }
        var worst = 0.0
        for standard in standards {
            let minutes = standard["minutes"]!.doubleValue!
            let served = try Geometry.union(of: try builder.isochrones(bases: bases, minutes: [minutes]).map { $0[0].geometry })
            let evaluation = try CoverageEvaluation.evaluate(grid: grid, served: served)
            guard case .array(let expected)? = standard["zones"] else { continue }
            for (zone, want) in zip(evaluation.zones, expected) {
                #expect(zone.id == want["id"]!.stringValue!)
                let area = want["area_km2"]!.doubleValue!, pct = want["covered_pct"]!.doubleValue!
                #expect(abs(zone.areaKm2 - area) / area < 1e-4, "\(zone.name): area \(zone.areaKm2) against \(area) km²")
                #expect(abs(zone.coveredPercent - pct) < 0.05, "\(Int(minutes)) min, \(zone.name): \(zone.coveredPercent)% against \(pct)%")
                worst = max(worst, abs(zone.coveredPercent - pct))
            }
        }
        print("coverage reference: largest difference \(worst) percentage points")
    }
}
