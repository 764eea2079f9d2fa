import Testing
import Foundation
@testable import GeoCore
import Support

@Suite struct GeometryTests {
    let unitSquare = try! Geometry.polygon(exterior: [XY(0, 0), XY(1, 0), XY(1, 1), XY(0, 1)])

    @Test func areaAndLengthOfKnownShapes() throws {
        #expect(unitSquare.area == 1)
        #expect(unitSquare.length == 4)
        let withHole = try Geometry.polygon(
            exterior: [XY(0, 0), XY(10, 0), XY(10, 10), XY(0, 10)],
            holes: [[XY(2, 2), XY(4, 2), XY(4, 4), XY(2, 4)]])
        #expect(withHole.area == 96)
        #expect(withHole.length == 48)
        let line = try Geometry.lineString([XY(0, 0), XY(3, 4), XY(3, 10)])
        #expect(line.length == 11)
        #expect(line.area == 0)
    }

    @Test func wktAndWkbRoundTrip() throws {
        let g = try Geometry(wkt: "POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0), (1 1, 2 1, 2 2, 1 1))")
        #expect(g.kind == .polygon)
        #expect(g.area == 12 - 0.5)
        let back = try Geometry(wkb: g.wkb)
        #expect(back.coordinates == g.coordinates)
        #expect(try back.wkt() == "POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0), (1 1, 2 1, 2 2, 1 1))")
    }

    @Test func badWktAndWkbAreErrorsNotCrashes() {
        #expect(throws: GeometryError.self) { try Geometry(wkt: "POLYGON ((0 0, 1 0") }
        #expect(throws: GeometryError.self) { try Geometry(wkb: [1, 2, 3]) }
        #expect(throws: GeometryError.self) { try Geometry.polygon(exterior: [XY(0, 0), XY(1, 1)]) }
        #expect(throws: GeometryError.self) { try Geometry.polygon(exterior: [XY(0, 0), XY(.nan, 1), XY(1, 0)]) }
    }

    @Test func overlayOfTwoSquares() throws {
        let shifted = try Geometry.polygon(exterior: [XY(0.5, 0.5), XY(1.5, 0.5), XY(1.5, 1.5), XY(0.5, 1.5)])
        #expect(try unitSquare.intersection(shifted).area == 0.25)
        #expect(try unitSquare.union(shifted).area == 1.75)
        #expect(try unitSquare.difference(shifted).area == 0.75)
        let all = try Geometry.union(of: [unitSquare, shifted, .rectangle(Envelope(minX: 5, minY: 5, maxX: 6, maxY: 7))])
        #expect(all.area == 3.75)
        #expect(all.kind == .multiPolygon)
        #expect(try Geometry.union(of: []).isEmpty)
    }

    @Test func bufferOfAPointApproachesTheCircle() throws {
        // A buffer is a regular polygon inscribed in the circle: with n = 4·q
        // sides its area is (n/2)·r²·sin(2π/n).
        for q in [8, 64] {
            let disc = try Geometry.point(XY(3, 4)).buffer(10, quadrantSegments: q)
            let n = Double(4 * q)
            let expected = n / 2 * 100 * sin(2 * .pi / n)
            #expect(abs(disc.area - expected) < 1e-9 * expected)
        }
    }

    @Test func makeValidSplitsABowTie() throws {
        let bowTie = try Geometry.polygon(exterior: [XY(0, 0), XY(2, 2), XY(2, 0), XY(0, 2)])
        #expect(!bowTie.isValid)
        #expect(bowTie.validityReason.contains("Self-intersection"))
        let repaired = try bowTie.makeValid()
        #expect(repaired.isValid)
        #expect(repaired.kind == .multiPolygon)
        #expect(repaired.partCount == 2)
        #expect(abs(repaired.area - 2) < 1e-12)  // two triangles of area 1
        #expect(try unitSquare.makeValid() === unitSquare)
    }

    @Test func topologyPreservingSimplifyKeepsTheHole() throws {
        var ring: [XY] = []
        for i in 0..<360 {
            let a = Double(i) * .pi / 180
            ring.append(XY(100 * cos(a), 100 * sin(a)))
        }
        let hole = (0..<36).map { i -> XY in
            let a = -Double(i) * 10 * .pi / 180
            return XY(5 * cos(a), 5 * sin(a))
        }
        let g = try Geometry.polygon(exterior: ring, holes: [hole])
        let simple = try g.simplifiedPreservingTopology(tolerance: 2)
        #expect(simple.isValid)
        guard case .polygon(let rings) = simple.coordinates else { Issue.record("not a polygon"); return }
        #expect(rings.count == 2)
        #expect(rings[0].count < ring.count / 4)
        // Every simplified vertex is an original vertex, so within tolerance.
        // Vertices move at most the tolerance, so the area changes by at most
        // tolerance × perimeter.
        #expect(abs(simple.area - g.area) <= 2 * g.length)
    }

    @Test func envelopeAndPredicates() throws {
        let g = try Geometry(wkt: "LINESTRING (-3 2, 5 -1, 4 7)")
        #expect(g.envelope == Envelope(minX: -3, minY: -1, maxX: 5, maxY: 7))
        #expect(try Geometry(wkt: "POLYGON EMPTY").envelope == nil)
        #expect(unitSquare.contains(.point(XY(0.5, 0.5))))
        #expect(!unitSquare.contains(.point(XY(1, 0.5))))  // boundary is not interior
        #expect(unitSquare.intersects(.point(XY(1, 0.5))))
    }

    @Test func preparedPredicatesAgreeWithPlainOnes() throws {
        let zone = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 5 4, 0 10, 0 0))")
        let prepared = PreparedGeometry(zone)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let p = XY(Double.random(in: -1...11, using: &generator), Double.random(in: -1...11, using: &generator))
            #expect(prepared.covers(p) == zone.intersects(.point(p)))
            #expect(prepared.contains(p) == zone.contains(.point(p)))
        }
        #expect(prepared.covers(XY(10, 5)))
        #expect(!prepared.contains(XY(10, 5)))
    }

    @Test func coordinatesRoundTripThroughEveryKind() throws {
        let shapes: [GeometryCoordinates] = [
            .point(XY(1, 2)),
            .lineString([XY(0, 0), XY(1, 1)]),
            .polygon([[XY(0, 0), XY(1, 0), XY(1, 1), XY(0, 0)]]),
            .multiPoint([XY(0, 0), XY(3, 3)]),
            .multiLineString([[XY(0, 0), XY(1, 1)], [XY(2, 2), XY(3, 3)]]),
            .multiPolygon([[[XY(0, 0), XY(1, 0), XY(1, 1), XY(0, 0)]], [[XY(5, 5), XY(6, 5), XY(6, 6), XY(5, 5)]]]),
            .collection([.point(XY(1, 1)), .lineString([XY(0, 0), XY(2, 2)])]),
        ]
        for shape in shapes {
            #expect(try Geometry(shape).coordinates == shape)
        }
    }
}
