import Foundation
import Testing
import GeoCore
@testable import Isochrones
import Support

/// `CalmDisc.distanceToEdge` against Karney's inverse: never below the true
/// distance |radius − d| to the geodesic circle, and above it by no more
/// than the chord estimate's error bound twice over.
@Suite struct CalmDiscTests {
    @Test func distanceToTheEdgeBoundsKarneysFromAbove() throws {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let centre = LonLat(Double.random(in: -180...180, using: &generator), Double.random(in: -85...85, using: &generator))
            let radius = Double.random(in: 10_000...1_500_000, using: &generator)
            let disc = try #require(CalmDisc(centre: centre, radius: radius))
            let d = radius * Double.random(in: 0.9...1.1, using: &generator)
            let point = Geodesic.wgs84.direct(from: centre, azimuthDegrees: Double.random(in: 0...360, using: &generator), distanceMetres: d).destination
            let truth = abs(radius - Geodesic.wgs84.inverse(from: centre, to: point).distance)
            let bound = disc.distanceToEdge(point)
            #expect(bound >= truth && bound <= truth + 2 * disc.margin, "\(centre) r \(radius): \(bound) against \(truth)")
        }
        #expect(CalmDisc(centre: LonLat(0, 0), radius: 2_000_000) == nil)
    }
}
