import Foundation
import Testing
import GeoCore
import Isochrones
@testable import Coverage

/// Analytic cases: exact areas must match what geometry says they are.
@Suite struct CoverageEvaluationTests {
    static let aircraft = Aircraft(
        name: "Test", cruiseSpeedKmh: 300, dispatchDayMin: 10, dispatchNightMin: 20,
        enduranceMin: 600, reserveMin: 20, onSceneMin: 15, maxAltitudeM: 3000)
    let base = LonLat(122.5, 41.0)

    func isochrone(_ base: LonLat, minutes: Double) throws -> Geometry {
        try IsochroneBuilder(model: try ReachModel(aircraft: Self.aircraft), toleranceMetres: 10).isochrone(base: base, minutes: minutes).geometry
    }

    /// A geodesic circle of `radius` metres around `centre`, as a zone polygon.
    func disc(_ centre: LonLat, radius: Double, vertices: Int = 720) throws -> Geometry {
        try Geometry.polygon(
            exterior: (0..<vertices).map {
                Geodesic.wgs84.direct(from: centre, azimuthDegrees: Double($0) * 360 / Double(vertices), distanceMetres: radius).destination.xy
            })
    }

    @Test func aDiscWellInsideTheReachIsFullyCovered() throws {
        let zone = try HazardZone(id: "z", name: "disc", hazard: "flood", risk: 1, area: try disc(base, radius: 40_000))
        let grid = try DemandGrid.build(zones: [zone], cellSize: 2_000)
        let evaluation = try CoverageEvaluation.evaluate(grid: grid, served: try isochrone(base, minutes: 30))  // 100 km
        #expect(evaluation.zones[0].coveredPercent == 100)
        #expect(evaluation.uncovered[0].isEmpty)
        // Its area is that of a geodesic disc: 2πR²(1 − cos(r/R)) with the local Gaussian radius R = √(MN), to 0.01%.
        let phi = base.lat * .pi / 180, a = 6_378_137.0, e2 = 0.006_694_379_990_141_317
        let w = 1 - e2 * sin(phi) * sin(phi)
        let r = (a * a * (1 - e2) / (w * w)).squareRoot()
        let expected = 2 * .pi * r * r * (1 - cos(40_000 / r)) / 1e6
        #expect(abs(evaluation.zones[0].areaKm2 - expected) / expected < 1e-4, "\(evaluation.zones[0].areaKm2) against \(expected)")
    }

    @Test func aZoneHalvedByTheReachBoundaryIsHalfCovered() throws {
        // A 4 km square centred on the 100 km boundary due east: the arc bends
        // by (2 km)²/(2·100 km) = 20 m across it, well within the tolerance.
        let edge = Geodesic.wgs84.direct(from: base, azimuthDegrees: 90, distanceMetres: 100_000).destination
        let dLon = 2_000 / (111_319 * cos(edge.lat * .pi / 180)), dLat = 2_000 / 111_050.0
        let square = Geometry.rectangle(Envelope(minX: edge.lon - dLon, minY: edge.lat - dLat, maxX: edge.lon + dLon, maxY: edge.lat + dLat))
        let zone = try HazardZone(id: "half", name: "square", hazard: "mine", risk: 1, area: square)
        let grid = try DemandGrid.build(zones: [zone], cellSize: 500)
        let evaluation = try CoverageEvaluation.evaluate(grid: grid, served: try isochrone(base, minutes: 30))
        #expect(abs(evaluation.zones[0].coveredPercent - 50) < 0.5, "\(evaluation.zones[0].coveredPercent)%")
    }

    @Test func twoOverlappingReachesCoverTheInclusionExclusionArea() throws {
        // Two 50 km discs 60 km apart inside one large zone: union = 2·disc − lens, with
        // the planar lens 2r²·acos(d/2r) − (d/2)·√(4r² − d²) (curvature changes it by ~(r/R)², 6e-5).
        let second = Geodesic.wgs84.direct(from: base, azimuthDegrees: 90, distanceMetres: 60_000).destination
        let served = try Geometry.union(of: [try isochrone(base, minutes: 20), try isochrone(second, minutes: 20)])
        let zone = try HazardZone(id: "big", name: "all", hazard: "flood", risk: 1, area: try disc(base, radius: 200_000))
        let grid = try DemandGrid.build(zones: [zone], cellSize: 5_000)
        let evaluation = try CoverageEvaluation.evaluate(grid: grid, served: served)
        let r = 50.0, d = 60.0
        let lens = 2 * r * r * acos(d / (2 * r)) - d / 2 * (4 * r * r - d * d).squareRoot()
        let expected = 2 * .pi * r * r - lens
        #expect(abs(evaluation.zones[0].coveredKm2 - expected) / expected < 1e-3, "\(evaluation.zones[0].coveredKm2) km² against \(expected) km²")
    }

    @Test func hazardsAndRegionsCountOverlapsOnce() throws {
        let a = try HazardZone(id: "a", name: "A", hazard: "flood", risk: 2, region: "north", area: try disc(base, radius: 20_000))
        let b = try HazardZone(id: "b", name: "B", hazard: "flood", risk: 1, region: "south", area: try disc(base, radius: 10_000))
        let grid = try DemandGrid.build(zones: [a, b], cellSize: 2_000)
        let evaluation = try CoverageEvaluation.evaluate(grid: grid, served: try isochrone(base, minutes: 20))
        #expect(evaluation.hazards.count == 1)
        #expect(abs(evaluation.hazards[0].areaKm2 - evaluation.zones[0].areaKm2) < 1e-6)  // B lies inside A
        #expect(evaluation.regions.map(\.name) == ["north", "south"])
        #expect(evaluation.total.gridCoveredKm2 == nil)  // overlapping zones: no grid total
    }
}

@Suite struct ResilienceTests {
    @Test func theBaseWhoseReachNobodyElseSharesIsTheMostCritical() throws {
        let tests = CoverageEvaluationTests()
        let west = LonLat(122.0, 41.0), middle = LonLat(122.4, 41.0), east = LonLat(123.5, 41.0)
        let zone = try HazardZone(
            id: "strip", name: "strip", hazard: "flood", risk: 1,
            area: .rectangle(Envelope(minX: 121.5, minY: 40.8, maxX: 124.0, maxY: 41.2)))
        let grid = try DemandGrid.build(zones: [zone], cellSize: 4_000)
        let reaches = try [west, middle, east].map { try tests.isochrone($0, minutes: 20) }  // 50 km each
        let resilience = try Resilience.evaluate(grid: grid, reaches: reaches)
        #expect(resilience.outages.count == 3)
        // West and middle overlap heavily; east stands alone.
        #expect(resilience.mostCritical?.base == 2)
        #expect(resilience.outages[2].lossPoints > resilience.outages[0].lossPoints)
        #expect(resilience.outages.allSatisfy { $0.lossPoints >= 0 && $0.coveredPercent <= resilience.fullPercent })
        // Each outage equals the direct computation: the exact coverage of the union of the other bases.
        for outage in resilience.outages {
            var others = reaches
            others.remove(at: outage.base)
            let direct = try CoverageEvaluation.evaluate(grid: grid, served: try Geometry.union(of: others)).total
            #expect(abs(direct.coveredPercent - outage.coveredPercent) < 1e-6, "base \(outage.base): \(outage.coveredPercent) vs \(direct.coveredPercent)")
        }
    }

    /// A base whose zone area lies wholly inside another base's reach loses
    /// nothing when out (no union of the others is needed to know it); every
    /// outage still equals the direct computation, and kept pieces give the
    /// same outages as the reaches.
    @Test func aBaseInsideAnothersReachCostsNothing() throws {
        let tests = CoverageEvaluationTests()
        let zone = try HazardZone(
            id: "strip", name: "strip", hazard: "flood", risk: 1,
            area: .rectangle(Envelope(minX: 121.5, minY: 40.8, maxX: 124.0, maxY: 41.2)))
        let grid = try DemandGrid.build(zones: [zone], cellSize: 4_000)
        // 50 km around (122.0, 41.0) lies inside 100+ km around (122.2, 41.0).
        let reaches = [
            try tests.isochrone(LonLat(122.0, 41.0), minutes: 20), try tests.isochrone(LonLat(122.2, 41.0), minutes: 40),
            try tests.isochrone(LonLat(123.6, 41.0), minutes: 20),
        ]
        let resilience = try Resilience.evaluate(grid: grid, reaches: reaches)
        #expect(resilience.outages[0].lossPoints == 0 && resilience.outages[0].coveredPercent == resilience.fullPercent)
        #expect(resilience.outages[1].lossPoints > 0 && resilience.outages[2].lossPoints > 0)
        for outage in resilience.outages {
            var others = reaches
            others.remove(at: outage.base)
            let direct = try CoverageEvaluation.evaluate(grid: grid, served: try Geometry.union(of: others)).total
            #expect(abs(direct.coveredPercent - outage.coveredPercent) < 1e-6, "base \(outage.base): \(outage.coveredPercent) vs \(direct.coveredPercent)")
        }
        let full = try CoverageEvaluation.evaluate(grid: grid, served: try Geometry.union(of: reaches)).total
        let fromPieces = try Resilience.evaluate(pieces: try Resilience.pieces(grid: grid, reaches: reaches), full: full)
        #expect(fromPieces.outages == resilience.outages)
    }
}
