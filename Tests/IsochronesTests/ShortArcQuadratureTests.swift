import Foundation
import Testing
import GeoCore
@testable import Isochrones
import Support

/// The short-arc paths of `GeodesicRay`: nodes reached from σ₁ by the
/// addition formulas and the 4-point rule on spans up to
/// `GaussLegendrePanels.shortPanel`, against exact integrals and Karney's
/// series (PROJ's `geod_direct`).
@Suite struct ShortArcQuadratureTests {
    @Test func rotatedNodesIntegrateExactly() {
        // ∫ cos over [θ + 0.01, θ + 0.12] = sin(θ + 0.12) − sin(θ + 0.01) (its
        // own cancellation ~3e-16), by
        // the 4-point rule (error below (0.055)⁸/8! ≈ 2e-15 of the span) and
        // the 8-point and 3-point rules after θ.
        for theta in stride(from: -3.0, through: 3.0, by: 0.37) {
            let start = (sin(theta), cos(theta))
            let exact = sin(theta + 0.12) - sin(theta + 0.01)
            var four = 0.0, eight = 0.0, three = 0.0
            GaussLegendrePanels.forEachFourPointNode(from: 0.01, to: 0.12, after: start) { _, c, w in four += w * c }
            GaussLegendrePanels.forEachNode(from: 0.01, to: 0.12, after: start) { _, c, w in eight += w * c }
            GaussLegendrePanels.forEachShortNode(from: 0.01, to: 0.011, after: start) { _, c, w in three += w * c }
            #expect(abs(four - exact) < 1e-15 && abs(eight - exact) < 1e-15, "\(theta)")
            #expect(abs(three - (sin(theta + 0.011) - sin(theta + 0.01))) < 1e-15, "\(theta)")
        }
    }

    @Test func sinesAndCosinesOfDegreesMatchLibm() {
        var generator = SplitMix64(seed: 19)
        let angles = (0..<5_000).map { _ in Double.random(in: -720...720, using: &generator) } + [0, 5.625, 2.8125, -2.8125, 90, 180, 359.999, 360, 1e10]
        for degrees in angles {
            let (s, c) = SmallAngle.sinCos(degrees: degrees)
            let radians = degrees * .pi / 180
            // Three ulps of 1, plus libm's own error from rounding degrees · π/180.
            let tolerance = 3 * Double.ulpOfOne + abs(radians).ulp
            #expect(abs(s - sin(radians)) <= tolerance && abs(c - cos(radians)) <= tolerance, "\(degrees)°: \(s - sin(radians)) \(c - cos(radians))")
        }
    }

    @Test func shortRaysAgreeWithKarneyDirect() throws {
        // Distances up to 780 km: arcs below `shortPanel` (780 km / b = 0.123), integrated by 4 points.
        var generator = SplitMix64(seed: 11)
        for _ in 0..<3_000 {
            let origin = LonLat(Double.random(in: -180...180, using: &generator), Double.random(in: -89.9...89.9, using: &generator))
            let azimuth = Double.random(in: 0...360, using: &generator)
            let distance = Double.random(in: 0...780_000, using: &generator)
            let ray = try #require(GeodesicFan(origin: origin)).ray(azimuth: azimuth)
            #expect(ray.arc(forDistance: distance).arc <= GaussLegendrePanels.shortPanel)
            let mine = ray.point(atDistance: distance)
            let karney = Geodesic.wgs84.direct(from: origin, azimuthDegrees: azimuth, distanceMetres: distance).destination
            let gap = Geodesic.wgs84.inverse(from: mine, to: karney).distance
            #expect(gap < 1e-8, "\(origin) azimuth \(azimuth) distance \(distance): \(gap) m")
        }
    }
}
