import Foundation

/// An equal-area map projection fitted to a study area, in which planar
/// areas are true ellipsoidal areas (PROJ's ellipsoidal `aea` and `laea` on
/// WGS84 preserve area exactly; only numerical error remains, < 1e-9).
///
/// The rule for choosing:
/// - **Albers equal-area conic** for mid-latitude areas (centre latitude
///   between 10° and 60°, north or south, not crossing the equator, not
///   smaller than 3° either way): standard parallels at 1/6 and 5/6 of the
///   latitude span, central meridian and origin at the area's middle. Shape
///   distortion stays small across wide east–west extents such as a province
///   or China.
/// - **Lambert azimuthal equal-area**, centred on the area, for small areas
///   (under 3° of latitude and of longitude-at-that-latitude), near-polar
///   areas (centre beyond 60°) and areas on or across the equator.
public struct EqualAreaProjection: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        case albers = "albers_equal_area_conic"
        case lambertAzimuthal = "lambert_azimuthal_equal_area"
    }

    public let kind: Kind
    /// The PROJ definition, e.g. "+proj=aea +lat_1=... +ellps=WGS84 +units=m +no_defs".
    public let proj: String
    /// What was chosen, in words: "Albers equal-area conic, standard parallels 39.5°N and 42.7°N, central meridian 122.5°E".
    public let description: String

    /// The projection fitted to a lon/lat bounding box.
    public static func fitted(to area: Envelope) -> EqualAreaProjection {
        let centreLon = (area.minX + area.maxX) / 2, centreLat = (area.minY + area.maxY) / 2
        let latSpan = area.maxY - area.minY
        let lonSpanAtCentre = (area.maxX - area.minX) * cos(centreLat * .pi / 180)
        let crossesEquator = area.minY < 0 && area.maxY > 0
        let midLatitude = (10...60).contains(abs(centreLat)) && !crossesEquator
        let small = latSpan < 3 && lonSpanAtCentre < 3
        if midLatitude && !small {
            let lat1 = area.minY + latSpan / 6, lat2 = area.maxY - latSpan / 6
            return EqualAreaProjection(
                kind: .albers,
                proj:
                    "+proj=aea +lat_0=\(format(centreLat)) +lon_0=\(format(centreLon)) +lat_1=\(format(lat1)) +lat_2=\(format(lat2)) +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
                description:
                    "Albers equal-area conic, standard parallels \(degrees(lat1, "N", "S")) and \(degrees(lat2, "N", "S")), central meridian \(degrees(centreLon, "E", "W"))"
            )
        }
        let reason = small ? "small area" : crossesEquator || abs(centreLat) < 10 ? "equatorial area" : "high-latitude area"
        return EqualAreaProjection(
            kind: .lambertAzimuthal,
            proj: "+proj=laea +lat_0=\(format(centreLat)) +lon_0=\(format(centreLon)) +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
            description: "Lambert azimuthal equal-area centred at \(degrees(centreLat, "N", "S")), \(degrees(centreLon, "E", "W")) (\(reason))")
    }

    /// The same projection with its false origin at (`eastM`, `northM`):
    /// every projected point moves by that much, east and north, so areas
    /// and shapes are unchanged and a grid laid at multiples of a cell size
    /// (as `DemandGrid` lays it) moves by the shift. Exact: PROJ adds
    /// +x_0 and +y_0 after projecting.
    public func withFalseOrigin(eastM: Double, northM: Double) -> EqualAreaProjection {
        let kept = proj.split(separator: " ").filter { !$0.hasPrefix("+x_0=") && !$0.hasPrefix("+y_0=") }
        let moved = (kept + ["+x_0=\(Self.format(eastM))", "+y_0=\(Self.format(northM))"]).joined(separator: " ")
        let note = eastM == 0 && northM == 0 ? "" : String(format: ", false origin %.0f m east, %.0f m north", eastM, northM)
        return EqualAreaProjection(kind: kind, proj: moved, description: description + note)
    }

    /// A transformer from WGS84 longitude/latitude to this projection (metres).
    public func transformerFromWGS84() throws -> Transformer {
        try Transformer(from: "EPSG:4326", to: proj)
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.6f", value)
    }

    private static func degrees(_ value: Double, _ positive: String, _ negative: String) -> String {
        String(format: "%.2f°%@", abs(value), value >= 0 ? positive : negative)
    }
}
