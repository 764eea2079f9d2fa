import Foundation
import Testing
@testable import GeoCore
@testable import Support

/// PROJ's geodesics against GeographicLib (C. Karney's own Python
/// implementation) on the fixture made by tools/make-geodesic-reference.
@Suite struct GeodesicTests {
    struct Reference {
        let category: String
        let a: LonLat, b: LonLat
        let distance: Double, azimuth1: Double, azimuth2: Double
    }

    static let references: [Reference] = {
        let url = Bundle.module.url(forResource: "geodesic-reference", withExtension: "csv", subdirectory: "Fixtures")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("category") }.map { line in
            let f = line.split(separator: ",")
            let v = f.dropFirst().map { Double($0)! }
            return Reference(
                category: String(f[0]), a: LonLat(v[0], v[1]), b: LonLat(v[2], v[3]),
                distance: v[4], azimuth1: v[5], azimuth2: v[6])
        }
    }()

    /// Angular difference folded into [0, 180].
    static func angle(_ x: Double, _ y: Double) -> Double {
        let d = abs((x - y).truncatingRemainder(dividingBy: 360))
        return min(d, 360 - d)
    }

    @Test func theFixtureCoversEveryKindOfGeodesic() {
        let counts = Dictionary(grouping: Self.references, by: \.category).mapValues(\.count)
        #expect(Self.references.count >= 1_000)
        for category in ["short", "global", "long", "antipodal", "polar", "equatorial", "meridional", "antimeridian", "china"] {
            #expect((counts[category] ?? 0) >= 50, "\(category): \(counts[category] ?? 0)")
        }
    }

    @Test func inverseAgreesWithGeographicLib() {
        var worstDistance = 0.0, worstAzimuth = 0.0
        for r in Self.references {
            let solution = Geodesic.wgs84.inverse(from: r.a, to: r.b)
            worstDistance = max(worstDistance, abs(solution.distance - r.distance))
            // Where a geodesic starts or ends on a pole, azimuths follow the
            // pole's longitude convention, which both implementations share;
            // for coincident points they are undefined, so they are skipped.
            guard r.distance > 0 else { continue }
            worstAzimuth = max(worstAzimuth, Self.angle(solution.azimuth1, r.azimuth1), Self.angle(solution.azimuth2, r.azimuth2))
            #expect(abs(solution.distance - r.distance) < 1e-6, "\(r.category) \(r.a) → \(r.b)")
            #expect(
                Self.angle(solution.azimuth1, r.azimuth1) < 1e-9 && Self.angle(solution.azimuth2, r.azimuth2) < 1e-9,
                "\(r.category) \(r.a) → \(r.b): \(solution) against \(r.azimuth1), \(r.azimuth2)")
        }
        print("geodesic inverse: worst distance error \(worstDistance) m, worst azimuth error \(worstAzimuth)°")
    }

    @Test func directReachesTheReferenceEndPoint() {
        var worst = 0.0
        for r in Self.references {
            let end = Geodesic.wgs84.direct(from: r.a, azimuthDegrees: r.azimuth1, distanceMetres: r.distance)
            // Longitude is compared as a distance along the parallel (it is
            // meaningless at a pole).
            let dLat = abs(end.destination.lat - r.b.lat)
            let dLon = Self.angle(end.destination.lon, r.b.lon) * cos(r.b.lat * .pi / 180)
            worst = max(worst, dLat, dLon)
            #expect(dLat < 1e-9 && dLon < 1e-9, "\(r.category) \(r.a) → \(r.b): reached \(end.destination)")
            if abs(r.b.lat) < 89.999_999 {
                #expect(Self.angle(end.azimuth2, r.azimuth2) < 1e-9, "\(r.category) \(r.a) → \(r.b): azimuth \(end.azimuth2)")
            }
        }
        print("geodesic direct: worst position error \(worst)°")
    }

    @Test func sampledPointsLieOnTheGeodesic() {
        for r in Self.references.filter({ $0.category == "china" || $0.category == "antimeridian" }).prefix(60) {
            let points = Geodesic.wgs84.points(from: r.a, to: r.b, count: 11)
            #expect(points.first == r.a && points.last == r.b)
            var sum = 0.0
            for (k, p) in points.enumerated() {
                #expect(abs(Geodesic.wgs84.inverse(from: r.a, to: p).distance - r.distance * Double(k) / 10) < 1e-6)
                if k > 0 { sum += Geodesic.wgs84.inverse(from: points[k - 1], to: p).distance }
            }
            #expect(abs(sum - r.distance) < 1e-6)
            let spaced = Geodesic.wgs84.points(from: r.a, to: r.b, maxSpacingMetres: 50_000)
            for (p, q) in zip(spaced, spaced.dropFirst()) {
                #expect(Geodesic.wgs84.inverse(from: p, to: q).distance <= 50_000 + 1e-6)
            }
        }
    }

    @Test func manyThreadsGiveTheSameResultsAsOne() {
        @Sendable func work(_ k: Int) -> [Double] {
            let mercator = try! Transformer(from: "EPSG:4326", to: "EPSG:3857")  // one per thread
            return Self.references.enumerated().filter { $0.offset % 8 == k }.flatMap { _, r -> [Double] in
                let i = Geodesic.wgs84.inverse(from: r.a, to: r.b)
                let d = Geodesic.wgs84.direct(from: r.a, azimuthDegrees: 33, distanceMetres: 123_456)
                let t = try! mercator.transform(XY(r.a.lon, max(-85, min(85, r.a.lat))))
                return [i.distance, i.azimuth1, d.destination.lon, d.destination.lat, t.x, t.y]
            }
        }
        let serial = (0..<8).map(work)
        let parallel = ParallelMap.map(8, work)
        #expect(parallel == serial)
    }
}
