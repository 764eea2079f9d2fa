import Foundation
import Testing
import GeoCore
import Isochrones
@testable import Coverage

@Suite struct DemandGridTests {
    static let base = LonLat(122.5, 41.0)

    func zone(_ id: String = "z", risk: Double = 1, wkt: String) throws -> HazardZone {
        try HazardZone(id: id, name: id, hazard: "flood", risk: risk, area: try Geometry(wkt: wkt))
    }

    @Test func cellsHoldTheExactSharedAreaAndWeights() throws {
        let square = try zone("sq", risk: 2, wkt: "POLYGON ((122 40.8, 122.4 40.8, 122.4 41.1, 122 41.1, 122 40.8))")
        let grid = try DemandGrid.build(
            zones: [square], population: [PopulationPoint(name: "town", position: LonLat(122.2, 40.9), count: 5_000)],
            cellSize: 2_000, weighting: .risk)
        let exact = grid.projectedZones[0].area / 1e6
        let summed = grid.cells.reduce(0) { $0 + $1.zoneAreas[0].km2 }
        #expect(abs(summed - exact) < 1e-6 * exact, "cells hold \(summed) km² of \(exact)")
        #expect(abs(grid.cells.reduce(0) { $0 + $1.weight } - 2 * exact) < 1e-6 * exact)
        #expect(grid.cells.allSatisfy { $0.zoneAreas[0].km2 <= 4 + 1e-9 })
        #expect(grid.cells.reduce(0) { $0 + $1.population } == 5_000)
        #expect(grid.projection.kind == .lambertAzimuthal)  // a small area
        // Population weighting: only the town's cell carries weight.
        let people = try DemandGrid.build(
            zones: [square], population: [PopulationPoint(name: "town", position: LonLat(122.2, 40.9), count: 5_000)],
            cellSize: 2_000, weighting: .population)
        #expect(people.cells.count == 1 && people.cells[0].weight == 5_000)
    }

    /// Counting a cell as served when its centre is errs only in cells the
    /// reach boundary crosses: the error is at most their zone area, a band of
    /// width ~√2·size along the boundary, so it shrinks with the cell size
    /// (one layout can be lucky; the bound and the mean over layouts cannot).
    @Test func theGridEstimateConvergesToTheExactFigure() throws {
        let area = try zone(wkt: "POLYGON ((123.0 40.2, 124.6 40.4, 124.2 41.6, 123.2 41.4, 123.0 40.2))")
        let model = try ReachModel(aircraft: CoverageEvaluationTests.aircraft)
        var meanErrors: [Double] = []
        for size in [16_000.0, 8_000, 4_000, 2_000] {
            var total = 0.0
            for k in 0..<6 {
                let base = LonLat(Self.base.lon + 0.07 * Double(k), Self.base.lat + 0.05 * Double(k))
                let served = try IsochroneBuilder(model: model, toleranceMetres: 20).isochrone(base: base, minutes: 30).geometry
                let grid = try DemandGrid.build(zones: [area], cellSize: size)
                let matrix = try CoverageMatrixBuilder(model: model, standardMinutes: 30).build(sites: [base], cells: grid.cells.map(\.centre))
                var flags = [Bool](repeating: false, count: grid.cells.count)
                for c in matrix.siteRows()[0].cells { flags[Int(c)] = true }
                let evaluation = try CoverageEvaluation.evaluate(grid: grid, served: served, servedCells: flags)
                let error = abs(evaluation.zones[0].gridCoveredKm2! - evaluation.zones[0].coveredKm2)
                let band = grid.cells.filter {
                    abs(Geodesic.wgs84.inverse(from: base, to: $0.centre).distance - 100_000) <= size * 0.75
                }.reduce(0) { $0 + $1.zoneAreas[0].km2 }
                #expect(error <= band + 0.1, "\(size) m cells: error \(error) km², boundary band \(band) km²")
                total += error
            }
            meanErrors.append(total / 6)
        }
        for (coarse, fine) in zip(meanErrors, meanErrors.dropFirst()) { #expect(fine < coarse, "\(meanErrors)") }
        #expect(meanErrors.last! < 0.01 * 5_000, "\(meanErrors)")
    }

    @Test func badDemandIsReportedClearly() throws {
        #expect(throws: CoverageInputError.self) { try HazardZone(id: "p", name: "point", hazard: "mine", risk: 1, area: .point(XY(1, 1))) }
        do {
            _ = try zone(risk: -1, wkt: "POLYGON ((0 0, 1 0, 1 1, 0 0))")
            Issue.record("a negative weight was accepted")
        } catch {
            #expect("\(error)".contains("has weight -1.0; weights must be zero or positive"))
        }
        let bowTie = try zone("tie", wkt: "POLYGON ((122 41, 122.2 41.2, 122.2 41, 122 41.2, 122 41))")
        #expect(bowTie.repaired?.contains("Self-intersection") == true)
        #expect(bowTie.area.isValid)
        let grid = try DemandGrid.build(zones: [bowTie], population: [PopulationPoint(name: "far", position: LonLat(125, 45), count: 10)])
        #expect(grid.notes.contains { $0.contains("zone tie (tie) was invalid") })
        #expect(grid.notes.contains { $0.contains("1 population point(s) with 10 people lie outside every zone") })
        #expect(throws: CoverageInputError.self) { try DemandGrid.build(zones: []) }
        #expect(throws: CoverageInputError.self) { try DemandGrid.build(zones: [bowTie], cellSize: 10) }
    }
}
