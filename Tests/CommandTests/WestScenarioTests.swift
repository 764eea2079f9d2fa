import Foundation
import Testing
import GeoCore
import Support

/// The Iceland fixture (Fixtures/west: negative longitudes, latitudes above
/// 64°N) through `plan` and `assess --json`, against references computed
/// here without aircover's pipeline: the WGS84 area of a latitude-longitude
/// quadrangle in closed form, and a geodesic disc (Karney's direct problem)
/// cut by a zone in a Lambert azimuthal equal-area projection.
@Suite struct WestScenarioTests {
    static var scenario: String {
        Bundle.module.url(forResource: "scenario", withExtension: "toml", subdirectory: "Fixtures/west")!.path
    }

    /// The H225 of the built-in catalog: 260 km/h, 15 min dispatch by day, so
    /// 25 min leaves 10 min of flight: a calm-air reach of 43,333.3 m.
    static let reach25 = 260_000.0 / 6

    /// W1 (Reykjavík) and W2 (Eyjafjörður): lon/lat rectangles of the fixture.
    static let w1 = (lon1: -22.05, lon2: -21.80, lat1: 64.08, lat2: 64.17)
    static let w2 = (lon1: -18.30, lon2: -16.50, lat1: 65.50, lat2: 65.85)
    static let akureyri = LonLat(lon: -18.0727, lat: 65.66)

    /// The area (km²) of the quadrangle between two meridians and two
    /// parallels on the WGS84 ellipsoid: a² Δλ (q(φ₂) − q(φ₁)) / 2, with
    /// Snyder's authalic q(φ) (Map Projections — A Working Manual, eq. 3-12).
    static func quadrangleKm2(lon1: Double, lon2: Double, lat1: Double, lat2: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563, e2 = f * (2 - f), e = e2.squareRoot()
        func q(_ phi: Double) -> Double {
            let s = sin(phi * .pi / 180)
            return (1 - e2) * (s / (1 - e2 * s * s) - log((1 - e * s) / (1 + e * s)) / (2 * e))
        }
        return a * a * (lon2 - lon1) * .pi / 180 * (q(lat2) - q(lat1)) / 2 / 1e6
    }

    /// The area (km²) of a rectangle's part within `radius` metres (geodesic)
    /// of `centre`: the disc as 3,600 geodesic points (its chords lie inside
    /// the circle by under 2 cm), the rectangle's edges sampled every 0.001°
    /// along their meridians and parallels, both in a Lambert azimuthal
    /// equal-area projection centred on the base.
    static func discCutKm2(centre: LonLat, radius: Double, lon1: Double, lon2: Double, lat1: Double, lat2: Double) throws -> Double {
        let transformer = try Transformer(from: "EPSG:4326", to: "+proj=laea +lat_0=\(centre.lat) +lon_0=\(centre.lon) +ellps=WGS84 +units=m +no_defs")
        let disc = (0..<3600).map { Geodesic.wgs84.direct(from: centre, azimuthDegrees: Double($0) / 10, distanceMetres: radius).destination.xy }
        var ring: [XY] = []
        let n = Int(((lon2 - lon1) / 0.001).rounded()), m = Int(((lat2 - lat1) / 0.001).rounded())
        for k in 0..<n { ring.append(XY(lon1 + Double(k) * (lon2 - lon1) / Double(n), lat1)) }
        for k in 0..<m { ring.append(XY(lon2, lat1 + Double(k) * (lat2 - lat1) / Double(m))) }
        for k in 0..<n { ring.append(XY(lon2 - Double(k) * (lon2 - lon1) / Double(n), lat2)) }
        for k in 0..<m { ring.append(XY(lon1, lat2 - Double(k) * (lat2 - lat1) / Double(m))) }
        let discPlane = try Geometry.polygon(exterior: try transformer.transform(disc.reversed() + [disc.last!]))
        let zonePlane = try Geometry.polygon(exterior: try transformer.transform(ring + [ring[0]]))
        return try zonePlane.intersection(discPlane).area / 1e6
    }

    /// A covered area against the disc reference: never above it (the
    /// isochrone lies inside the true reach), and below it by at most the
    /// tolerance band along the whole circle, tolerance × 2πr.
    func expectWithinIsochroneBound(_ covered: Double, reference: Double, toleranceMetres: Double, _ what: String) {
        let band = toleranceMetres * 2 * .pi * Self.reach25 / 1e6
        #expect(
            covered <= reference + 0.01 && covered >= reference - band,
            "\(what): \(covered) km² against the geodesic disc's \(reference) km² (band \(band) km²)")
    }

    @Test func planMatchesTheQuadrangleAndTheGeodesicDisc() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let run = try CommandRunner.run(["plan", Self.scenario, "--output", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8))
        let tolerance = try #require(summary["isochrone_tolerance_m"]?.doubleValue)
        let standard = try #require(summary["standards"]?.arrayValue?.first)
        #expect(standard["minutes"]?.doubleValue == 25)
        let zones = try #require(standard["existing"]?["zones"]?.arrayValue)
        func zone(_ id: String) throws -> (area: Double, covered: Double) {
            let z = try #require(zones.first { $0["id"] == .string(id) }, "zone \(id)")
            return (try #require(z["area_km2"]?.doubleValue), try #require(z["covered_km2"]?.doubleValue))
        }
        // W1 lies wholly within 8 km of Reykjavík airport: covered is its whole area,
        // and that area is the ellipsoid's.
        let w1 = try zone("W1")
        let w1Exact = Self.quadrangleKm2(lon1: Self.w1.lon1, lon2: Self.w1.lon2, lat1: Self.w1.lat1, lat2: Self.w1.lat2)
        #expect(abs(w1.covered - w1.area) <= 1e-9 * w1.area, "\(w1)")
        #expect(abs(w1.area - w1Exact) <= 1e-6 * w1Exact, "W1 area \(w1.area) km² against \(w1Exact) km² on the ellipsoid")
        // W2: only Akureyri reaches it at 25 min (Egilsstaðir is 97 km away).
        let w2 = try zone("W2")
        let w2Exact = Self.quadrangleKm2(lon1: Self.w2.lon1, lon2: Self.w2.lon2, lat1: Self.w2.lat1, lat2: Self.w2.lat2)
        #expect(abs(w2.area - w2Exact) <= 1e-6 * w2Exact, "W2 area \(w2.area) km² against \(w2Exact) km²")
        let reference = try Self.discCutKm2(
            centre: Self.akureyri, radius: Self.reach25,
            lon1: Self.w2.lon1, lon2: Self.w2.lon2, lat1: Self.w2.lat1, lat2: Self.w2.lat2)
        #expect(reference > 0.3 * w2.area && reference < 0.9 * w2.area, "W2 is partly covered: \(reference) of \(w2.area) km²")
        expectWithinIsochroneBound(w2.covered, reference: reference, toleranceMetres: tolerance, "plan, W2 at 25 min")

        // West of Greenwich the bases keep their signs, and the 45-minute proposed map is written.
        let bases = try String(contentsOf: out.appendingPathComponent("bases.csv"), encoding: .utf8)
        #expect(bases.contains("BIRK") && bases.contains("-21.9406") && bases.contains("64.13"), "\(bases)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("map-45min-proposed.svg").path))
        // At 25 min W3 and W4 have nothing covered: drawn as outlines under
        // their hatch, so no class colour hides under it ("below 50%" is not drawn).
        let map = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
        #expect(map.contains("fill=\"none\" stroke=\"#444444\"") && map.contains(">none (outline)</text>"))
        #expect(!map.contains("#d7191c") && !map.contains("below 50%"), "W2 is the only zone partly covered, at 63%")
    }

    @Test func assessJSONMatchesTheGeodesicDisc() throws {
        func assess(_ base: String) throws -> JSONValue {
            let run = try CommandRunner.run(["assess", Self.scenario, "--bases", base, "--minutes", "25", "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            return try JSONParser.parse(run.stdout)
        }
        func zone(_ json: JSONValue, _ id: String) throws -> (area: Double, covered: Double) {
            let zones = try #require(json["standards"]?.arrayValue?.first?["zones"]?.arrayValue)
            let z = try #require(zones.first { $0["id"] == .string(id) }, "zone \(id)")
            return (try #require(z["area_km2"]?.doubleValue), try #require(z["covered_km2"]?.doubleValue))
        }
        let akureyri = try assess("BIAR")
        let tolerance = try #require(akureyri["isochrone_tolerance_m"]?.doubleValue)
        let reference = try Self.discCutKm2(
            centre: Self.akureyri, radius: Self.reach25,
            lon1: Self.w2.lon1, lon2: Self.w2.lon2, lat1: Self.w2.lat1, lat2: Self.w2.lat2)
        expectWithinIsochroneBound(try zone(akureyri, "W2").covered, reference: reference, toleranceMetres: tolerance, "assess BIAR, W2")
        #expect(try zone(akureyri, "W1").covered == 0, "Reykjavík is 250 km from Akureyri")
        // Reykjavík alone: W1 within its reach, whole.
        let reykjavik = try zone(try assess("BIRK"), "W1")
        #expect(abs(reykjavik.covered - reykjavik.area) <= 1e-9 * reykjavik.area, "\(reykjavik)")
    }
}
