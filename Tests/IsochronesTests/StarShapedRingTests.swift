import Foundation
import Testing
import GeoCore
@testable import Isochrones
import Support

/// `StarShapedRing`: every ring it certifies is valid by GEOS, and rings
/// that wind twice, turn back, pass through the centre or hold NaN are not
/// certified.
@Suite struct StarShapedRingTests {
    @Test func certifiedRingsAreValidPolygons() throws {
        var generator = SplitMix64(seed: 5)
        var certified = 0
        for _ in 0..<2_000 {
            let centre = XY(Double.random(in: -170...170, using: &generator), Double.random(in: -60...60, using: &generator))
            let n = Int.random(in: 3...40, using: &generator)
            // Clockwise azimuths with random gaps; radii that may collapse
            // towards the centre, so that some rings are not star-shaped.
            var azimuths = (0..<n).map { _ in Double.random(in: 0..<(2 * .pi), using: &generator) }.sorted()
            if Bool.random(using: &generator) { azimuths = azimuths.map { $0 * 1.9 } }  // may wind past a turn
            let ring = azimuths.map { a in
                let r = Double.random(in: 0.01...3, using: &generator)
                return XY(centre.x + r * sin(a), centre.y + r * cos(a))
            }
            guard StarShapedRing.isCertifiedSimple(ring, around: centre) else { continue }
            certified += 1
            #expect(try Geometry.polygon(exterior: ring).isValid, "\(ring) around \(centre)")
        }
        #expect(certified > 100)
    }

    @Test func ringsThatAreNotSimpleAroundTheCentreAreRefused() {
        let o = XY(0, 0)
        let square = [XY(0, 1), XY(1, 0), XY(0, -1), XY(-1, 0)]
        #expect(StarShapedRing.isCertifiedSimple(square, around: o))
        #expect(!StarShapedRing.isCertifiedSimple(square.reversed(), around: o), "anticlockwise")
        #expect(!StarShapedRing.isCertifiedSimple(square + square, around: o), "winds twice")
        #expect(!StarShapedRing.isCertifiedSimple(square, around: XY(2, 0)), "centre outside")
        #expect(!StarShapedRing.isCertifiedSimple(square, around: XY(0.5, 0.5)), "centre on an edge")
        #expect(!StarShapedRing.isCertifiedSimple([XY(0, 1), XY(1, 0), XY(0, .nan), XY(-1, 0)], around: o))
        #expect(!StarShapedRing.isCertifiedSimple([XY(0, 1), XY(1, 0)], around: o), "too few points")
    }
}
