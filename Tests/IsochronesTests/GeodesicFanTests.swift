import Foundation
import Testing
import GeoCore
@testable import Isochrones
import Support

/// `GeodesicFan` against Karney's series (PROJ's `geod_direct` through
/// `Geodesic.direct`), an independent implementation of the same geodesics.
@Suite struct GeodesicFanTests {
    @Test func quadratureNodesAndTheirSinesAndCosines() {
        // ∫₀² cos x dx = sin 2 from one 8-point panel (the rule is exact to
        // degree 15: error (1)¹⁶/16! ≈ 5e-14 at most), and in 4 panels.
        var one = 0.0, four = 0.0
        GaussLegendrePanels.forEachNode(from: 0, to: 2, widest: 2) { _, c, w in one += w * c }
        GaussLegendrePanels.forEachNode(from: 0, to: 2, widest: 0.5) { _, c, w in four += w * c }
        #expect(abs(one - sin(2.0)) < 1e-13 && abs(four - sin(2.0)) < 1e-15)
        // Sines at the nodes: ∫ sin over a short reversed interval, by the 3-point rule.
        var short = 0.0
        GaussLegendrePanels.forEachShortNode(from: 1.001, to: 1.0) { s, _, w in short += w * s }
        #expect(abs(short - (cos(1.001) - cos(1.0))) < 2e-16)  // the reference's own cancellation: ~1e-16
        // The weights of each rule sum to the interval.
        var total = 0.0
        GaussLegendrePanels.forEachNode(from: 0.3, to: 0.7) { _, _, w in total += w }
        #expect(abs(total - 0.4) < 4e-16)
        // Taylor sines and cosines below 0.1 rad against libm.
        for x in stride(from: -0.1, through: 0.1, by: 0.0037) {
            let (s, c) = SmallAngle.sinCos(x)
            #expect(abs(s - sin(x)) <= 2 * sin(x).ulp.magnitude && abs(c - cos(x)) <= 2 * cos(x).ulp, "\(x)")
        }
    }

    @Test func pointsAgreeWithKarneyDirectEverywhere() throws {
        var generator = SplitMix64(seed: 7)
        var worst = 0.0
        for _ in 0..<4_000 {
            let origin = LonLat(Double.random(in: -180...180, using: &generator), Double.random(in: -89.9...89.9, using: &generator))
            let azimuth = Double.random(in: -180...360, using: &generator)
            // Mostly isochrone-sized distances, some up to 19,000 km.
            let distance =
                Bool.random(using: &generator)
                ? Double.random(in: 0...1_500_000, using: &generator)
                : Double.random(in: 0...19_000_000, using: &generator)
            let fan = try #require(GeodesicFan(origin: origin))
            let mine = fan.ray(azimuth: azimuth).point(atDistance: distance)
            let karney = Geodesic.wgs84.direct(from: origin, azimuthDegrees: azimuth, distanceMetres: distance).destination
            let gap = Geodesic.wgs84.inverse(from: mine, to: karney).distance
            // Round-off of both: 10 nm plus 2e-15 of the distance.
            worst = max(worst, gap / (1e-8 + 2e-15 * distance))
            #expect(gap < 1e-8 + 2e-15 * distance, "\(origin) azimuth \(azimuth) distance \(distance): \(mine) against \(karney), \(gap) m apart")
        }
        print("GeodesicFan: worst gap to geod_direct \(worst) of the bound")
    }

    @Test func specialDirectionsAgree() throws {
        // Along the equator, along meridians over a pole, and due east/west at 60°S.
        let cases: [(LonLat, Double, Double)] = [
            (LonLat(10, 0), 90, 5_000_000), (LonLat(10, 0), -90, 15_000_000),
            (LonLat(20, 80), 0, 2_000_000), (LonLat(20, -70), 180, 3_000_000),
            (LonLat(-120, -60), 90, 800_000), (LonLat(-120, -60), 270, 800_000),
            (LonLat(179.9, 10), 90, 500_000),
        ]
        for (origin, azimuth, distance) in cases {
            let fan = try #require(GeodesicFan(origin: origin))
            let mine = fan.ray(azimuth: azimuth).point(atDistance: distance)
            let karney = Geodesic.wgs84.direct(from: origin, azimuthDegrees: azimuth, distanceMetres: distance).destination
            #expect(Geodesic.wgs84.inverse(from: mine, to: karney).distance < 1e-8, "\(origin) \(azimuth) \(distance)")
            #expect(abs(mine.lon) <= 180)
        }
        #expect(GeodesicFan(origin: LonLat(0, 90)) == nil)
    }
}
