import Foundation
import Testing
@testable import GeoCore

@Suite struct EqualAreaProjectionTests {
    /// Area of the WGS84 quadrangle between latitudes φ1, φ2 and longitudes
    /// Δλ apart, in closed form. The area of the zone from the equator to φ
    /// per radian of longitude is (a²/2)·q(φ), with the authalic function
    /// q(φ) = (1 − e²)·[sin φ / (1 − e² sin²φ) − 1/(2e)·ln((1 − e sin φ)/(1 + e sin φ))]
    /// (Snyder, Map Projections: A Working Manual, eq. 3-12), so
    /// A = (a²/2)·Δλ·(q(φ2) − q(φ1)).
    static func quadrangleArea(lat1: Double, lat2: Double, lonSpan: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let e2 = f * (2 - f), e = e2.squareRoot()
        func q(_ latitude: Double) -> Double {
            let s = sin(latitude * .pi / 180)
            return (1 - e2) * (s / (1 - e2 * s * s) - 1 / (2 * e) * log((1 - e * s) / (1 + e * s)))
        }
        return a * a / 2 * (lonSpan * .pi / 180) * (q(lat2) - q(lat1))
    }

    /// The cell's boundary, densified so its curved image is followed closely.
    static func cell(lon: Double, lat: Double, points: Int = 1_000) -> [XY] {
        var ring: [XY] = []
        for i in 0..<points { ring.append(XY(lon + Double(i) / Double(points), lat)) }
        for i in 0..<points { ring.append(XY(lon + 1, lat + Double(i) / Double(points))) }
        for i in 0..<points { ring.append(XY(lon + 1 - Double(i) / Double(points), lat + 1)) }
        for i in 0..<points { ring.append(XY(lon, lat + 1 - Double(i) / Double(points))) }
        return ring
    }

    @Test(arguments: [0.0, 30, 45, 60, 80])
    func aOneDegreeCellHasItsEllipsoidalArea(latitude: Double) throws {
        let lon = 120.0
        let projection = EqualAreaProjection.fitted(to: Envelope(minX: lon - 5, minY: latitude - 4, maxX: lon + 6, maxY: latitude + 5))
        let transformer = try projection.transformerFromWGS84()
        let projected = try Geometry.polygon(exterior: try transformer.transform(Self.cell(lon: lon, lat: latitude)))
        let expected = Self.quadrangleArea(lat1: latitude, lat2: latitude + 1, lonSpan: 1)
        #expect(abs(projected.area - expected) / expected < 1e-4, "\(projection.description): \(projected.area) m² against \(expected) m²")
    }

    @Test func theChoiceFollowsTheDocumentedRule() {
        let liaoning = EqualAreaProjection.fitted(to: Envelope(minX: 118.8, minY: 38.7, maxX: 125.8, maxY: 43.5))
        #expect(liaoning.kind == .albers)
        #expect(liaoning.description == "Albers equal-area conic, standard parallels 39.50°N and 42.70°N, central meridian 122.30°E")
        #expect(EqualAreaProjection.fitted(to: Envelope(minX: 121, minY: 38.5, maxX: 122, maxY: 39.5)).kind == .lambertAzimuthal)
        #expect(EqualAreaProjection.fitted(to: Envelope(minX: 0, minY: 70, maxX: 40, maxY: 85)).description.contains("high-latitude"))
        #expect(EqualAreaProjection.fitted(to: Envelope(minX: 100, minY: -5, maxX: 110, maxY: 5)).description.contains("equatorial"))
    }

    @Test func roundTripsReturnToTheStart() throws {
        let points = (0..<200).map { i in XY(118 + Double(i % 20) * 0.4, 38 + Double(i / 20) * 0.6) }
        for target in ["EPSG:32651", EqualAreaProjection.fitted(to: Envelope(minX: 118, minY: 38, maxX: 126, maxY: 44)).proj] {
            let transformer = try Transformer(from: "EPSG:4326", to: target)
            let back = try transformer.transform(try transformer.transform(points), inverse: true)
            for (p, q) in zip(points, back) {
                #expect(abs(p.x - q.x) < 1e-9 && abs(p.y - q.y) < 1e-9, "\(target): \(p) → \(q)")
            }
        }
        // Longitude first, whatever EPSG says about axis order. On UTM 51N's
        // central meridian (123°E), x is the false easting and y is 0.9996
        // times the meridian arc M(φ) = ∫ a(1 − e²)/(1 − e² sin²φ)^{3/2} dφ
        // (Simpson's rule, 10,000 steps).
        let utm = try Transformer(from: "EPSG:4326", to: "EPSG:32651").transform(XY(123, 41.8))
        let a = 6_378_137.0, f = 1 / 298.257223563, e2 = f * (2 - f)
        let steps = 10_000, h = 41.8 * .pi / 180 / Double(steps)
        func m(_ phi: Double) -> Double { a * (1 - e2) / pow(1 - e2 * sin(phi) * sin(phi), 1.5) }
        var arc = m(0) + m(41.8 * .pi / 180)
        for i in 1..<steps { arc += (i % 2 == 1 ? 4 : 2) * m(Double(i) * h) }
        arc *= h / 3
        #expect(abs(utm.x - 500_000) < 1e-6 && abs(utm.y - 0.9996 * arc) < 1e-3, "\(utm) against y = \(0.9996 * arc)")
    }

    @Test func badDefinitionsAreErrors() {
        #expect(throws: TransformError.self) { try Transformer(from: "EPSG:4326", to: "EPSG:999999") }
        #expect(throws: TransformError.self) { try Transformer(from: "EPSG:4326", to: "+proj=nonsense") }
    }

    @Test(arguments: [(0.0, 0.0), (1_666.7, 1_666.7), (-2_500, 5_000)])
    func aFalseOriginMovesEveryPointByTheShift(east: Double, north: Double) throws {
        for area in [Envelope(minX: 118.8, minY: 38.7, maxX: 125.8, maxY: 43.5), Envelope(minX: 120, minY: 30, maxX: 121, maxY: 31)] {
            let fitted = EqualAreaProjection.fitted(to: area)
            let moved = fitted.withFalseOrigin(eastM: east, northM: north)
            let points = [XY(121.5, 41.2), XY(123.9, 39.1), XY(120.3, 30.8)]
            let before = try fitted.transformerFromWGS84().transform(points)
            let after = try moved.transformerFromWGS84().transform(points)
            for (b, a) in zip(before, after) {
                #expect(abs(a.x - b.x - east) < 1e-6 && abs(a.y - b.y - north) < 1e-6, "\(moved.proj)")
            }
        }
    }
}
