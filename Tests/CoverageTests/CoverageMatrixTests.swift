import Foundation
import Testing
import GeoCore
import Isochrones
@testable import Coverage
import Support

@Suite struct CoverageMatrixTests {
    static let aircraft = Aircraft(
        name: "Test", cruiseSpeedKmh: 260, dispatchDayMin: 10, dispatchNightMin: 20,
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
        for c in 0..<matrix.cellCount {
            for s in matrix.sites(serving: c) { pairs.insert([Int(s), c]) }
        }
        return pairs
    }

    /// The matrix holds exactly the brute-force pairs, each with the model's
    /// time (to Float precision), and its by-site view holds the same entries.
    func expectMatchesBruteForce(
        model: ReachModel, standard: Double, sites: [LonLat], cells: [LonLat],
        minimumPairs: Int
    ) throws {
        let matrix = try CoverageMatrixBuilder(model: model, standardMinutes: standard).build(sites: sites, cells: cells)
        let expected = bruteForce(model: model, standard: standard, sites: sites, cells: cells)
        #expect(pairs(matrix) == expected)
        #expect(matrix.entryCount == expected.count && expected.count >= minimumPairs)
        var worst = 0.0
        for c in 0..<matrix.cellCount {
            for (s, minutes) in zip(matrix.sites(serving: c), matrix.minutes(serving: c)) {
                let exact = try #require(model.reach(from: sites[Int(s)], to: cells[c]).responseMinutes)
                worst = max(worst, abs(Double(minutes) - exact))
            }
        }
        #expect(worst <= 1e-5 * standard, "time off by \(worst) min")
        let rows = matrix.siteRows()
        #expect(rows.count == sites.count)
        for (s, row) in rows.enumerated() {
            #expect(row.cells == row.cells.sorted())
            for (c, minutes) in zip(row.cells, row.minutes) {
                let k = try #require(matrix.sites(serving: Int(c)).firstIndex(of: Int32(s)))
                #expect(matrix.minutes(serving: Int(c))[k] == minutes)
            }
        }
        #expect(CoverageMatrix(cellCount: cells.count, standardMinutes: standard, siteRows: rows) == matrix)
    }

    @Test(arguments: [Wind.calm, .uniform(WindVector(fromDegrees: 290, speedKmh: 50))])
    func matchesBruteForce(wind: Wind) throws {
        let sites = randomPoints(40, seed: 1, lon: 118...126, lat: 38...44)
        var cells = randomPoints(1_500, seed: 2, lon: 117...127, lat: 37...45)
        cells.append(contentsOf: sites.prefix(5))  // cells on a site: distance 0
        let model = try ReachModel(aircraft: Self.aircraft, wind: wind)
        try expectMatchesBruteForce(model: model, standard: 60, sites: sites, cells: cells, minimumPairs: 1_000)
    }

    /// Across the antimeridian and around a pole, where longitudes wrap and
    /// converge: the 3-D chord search needs no special case.
    @Test(arguments: [(LonLat(179.5, 60), 6.0, 4.0), (LonLat(0, 88.5), 40.0, 1.5), (LonLat(-179.8, -70), 8.0, 3.0)])
    func matchesBruteForceWhereLongitudesWrap(centre: LonLat, lonSpan: Double, latSpan: Double) throws {
        func around(_ count: Int, seed: UInt64) -> [LonLat] {
            randomPoints(
                count, seed: seed, lon: (centre.lon - lonSpan)...(centre.lon + lonSpan),
                lat: max(-90, centre.lat - latSpan)...min(90, centre.lat + latSpan)
            )
            .map { LonLat($0.lon > 180 ? $0.lon - 360 : ($0.lon < -180 ? $0.lon + 360 : $0.lon), $0.lat) }
        }
        let sites = around(25, seed: 3), cells = around(1_200, seed: 4) + [LonLat(0, 90)]
        try expectMatchesBruteForce(
            model: try ReachModel(aircraft: Self.aircraft), standard: 45,
            sites: sites, cells: cells, minimumPairs: 2_000)
    }

    @Test func theRoundTripLimitsCoverage() throws {
        var short = Self.aircraft
        short.enduranceMin = 95  // 60 min of round-trip flight: 30 min (130 km) out
        let model = try ReachModel(aircraft: short)
        let sites = [LonLat(123, 41)]
        let cells = (1...30).map { LonLat(123, 41 + Double($0) * 0.1) }  // 11 km apart northward
        let matrix = try CoverageMatrixBuilder(model: model, standardMinutes: 120).build(sites: sites, cells: cells)
        let farthest = matrix.siteRows()[0].cells.map { Geodesic.wgs84.inverse(from: sites[0], to: cells[Int($0)]).distance }.max()!
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
