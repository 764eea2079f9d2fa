import Foundation
import GeoCore
import Isochrones
import Support

/// Isochrones as GeoJSON features, one per base and threshold, with the
/// properties `base` ("LON,LAT"), `minutes`, `aircraft`, `radius_km` (only
/// where the reach is a geodesic disc) and `limit` (`time`, `range`, or
/// `time+range`), plus simplestyle hints for map viewers.
public enum IsochroneExport {
    /// The generator member every isochrone file aircover writes carries.
    static let generator = "aircover isochrones"

    /// The FeatureCollection text of `isochrones`, marked as aircover's.
    public static func geoJSON(_ isochrones: [Isochrone]) throws -> String {
        try GeoJSONWriter().featureCollection(features(isochrones), generator: generator)
    }

    /// Whether a file's bytes are an isochrone file aircover wrote (its
    /// generator member within the first bytes), which `-o` may replace.
    public static func isOwn(_ data: Data) -> Bool {
        String(decoding: data.prefix(200), as: UTF8.self).hasPrefix("{\"type\":\"FeatureCollection\",\"generator\":\"\(generator)\"")
    }

    public static func features(_ isochrones: [Isochrone]) -> [GeoJSONFeature] {
        let thresholds = Array(Set(isochrones.map(\.minutes))).sorted()
        return isochrones.map { isochrone in
            var properties: [(key: String, value: JSONValue)] = [
                ("base", .string("\(isochrone.base.lon),\(isochrone.base.lat)")),
                ("minutes", NumberText.json(isochrone.minutes)),
                ("aircraft", .string(isochrone.aircraft)),
            ]
            if let radius = isochrone.radiusKm { properties.append(("radius_km", .number(radius))) }
            properties.append(("limit", .string(isochrone.limit.rawValue)))
            let rank = thresholds.firstIndex(of: isochrone.minutes) ?? 0
            let colour = MapStyle.thresholdColour(rank: rank, of: thresholds.count)
            properties += [
                ("stroke", .string(colour)), ("stroke-width", .integer(2)),
                ("fill", .string(colour)), ("fill-opacity", .number(0.15)),
            ]
            return GeoJSONFeature(geometry: isochrone.geometry, properties: properties)
        }
    }
}
