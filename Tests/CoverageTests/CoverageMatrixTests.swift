import Foundation
import Testing
import GeoCore
import Isochrones
@testable import Coverage

@Suite struct CoverageMatrixTests {
    static let aircraft = Aircraft(name: "Test", cruiseSpeedKmh: 260, dispatchDayMin: 10, dispatchNightMin: 20,
                                   enduranceMin: 200, reserveMin: 20, onSceneMin: 15, maxAltitudeM: 3000)

    func randomPoints(_ count: Int, seed: UInt64, lon: ClosedRange<Double>, lat: ClosedRange<Double>) -> [LonLat] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in LonLat(Double.random(in: lon, using: &generator), Double.random(in: lat, using: &generator)) }
    }

    /// Every pair, timed one by one with no index and no pruning.
    func bruteForce(model: ReachModel, standard: Double, sites: [LonLat], cells: [LonLat]) -> Set<[Int]> {
        var pairs = Set<[Int]>()
        for (s, site) in sites.enumerated() {
            for (c, cell) in cells.enumerated() {
                if let minutes = model.reach(from: site, to: cell).responseMinutes, minutes <= standard { pairs.insert([s, c]) }
            }
        }
        return pairs
    }

    func pairs(_ matrix: CoverageMatrix) -> Set<[Int]> {
        var pairs = Set<[Int]>()
        for s in 0..<matrix.siteCount {
            for c in matrix.cells(servedBy: s) { pairs.insert([s, Int(c)]) }
        }
        return pairs
    }

    @Test(arguments: [Wind.calm, .uniform(WindVector(fromDegrees: 290, speedKmh: 50))])
    func matchesBruteForce(wind: Wind) throws {
        let sites = randomPoints(40, seed: 1, lon: 118...126, lat: 38...44)
        let cells = randomPoints(1_500, seed: 2, lon: 117...127, lat: 37...45)
        let model = try ReachModel(aircraft: Self.aircraft, wind: wind)
        let matrix = try CoverageMatrixBuilder(model: model, standardMinutes: 60).build(sites: sites, cells: cells)
        let expected = bruteForce(model: model, standard: 60, sites: sites, cells: cells)
        #expect(pairs(matrix) == expected)
        #expect(matrix.entryCount == expected.count && expected.count > 1_000)
        // Both storage orders hold the same entries with the same times.
        for c in 0..<matrix.cellCount {
            for k in matrix.cellStart[c]..<matrix.cellStart[c + 1] {
                let s = Int(matrix.siteIndex[k])
                let row = matrix.siteStart[s]..<matrix.siteStart[s + 1]
                let j = try #require(row.first { matrix.cellIndex[$0] == Int32(c) })
                #expect(matrix.siteMinutes[j] == matrix.cellMinutes[k])
            }
        }
        // Response times are the model's.
        let s = 3, c = Int(matrix.cells(servedBy: 3).first!)
        #expect(abs(Double(matrix.siteMinutes[matrix.siteStart[s]]) - model.reach(from: sites[s], to: cells[c]).responseMinutes!) < 1e-4)
    }

    @Test func theRoundTripLimitsCoverage() throws {
        var short = Self.aircraft
        short.enduranceMin = 95  // 60 min of round-trip flight: 30 min (130 km) out
        let model = try ReachModel(aircraft: short)
        let sites = [LonLat(123, 41)]
        let cells = (1...30).map { LonLat(123, 41 + Double($0) * 0.1) }  // 11 km apart northward
        let matrix = try CoverageMatrixBuilder(model: model, standardMinutes: 120).build(sites: sites, cells: cells)
        let farthest = matrix.cells(servedBy: 0).map { Geodesic.wgs84.inverse(from: sites[0], to: cells[Int($0)]).distance }.max()!
        #expect(farthest <= 130_000 && farthest > 118_000)
    }

    @Test func boundingBoxesHoldEveryPointWithinTheRadius() {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<300 {
            let centre = LonLat(Double.random(in: -170...170, using: &generator), Double.random(in: -85...85, using: &generator))
            let radius = Double.random(in: 1_000...800_000, using: &generator)
            let box = Envelope.around(centre, radiusMetres: radius)
            for k in 0..<36 {
                let p = Geodesic.wgs84.direct(from: centre, azimuthDegrees: Double(k) * 10, distanceMetres: radius).destination
                let inside = box.contains(p.xy) || box.contains(XY(p.lon + 360, p.lat)) || box.contains(XY(p.lon - 360, p.lat))
                #expect(inside, "\(p) at \(radius) m from \(centre) outside \(box)")
            }
        }
    }
}
