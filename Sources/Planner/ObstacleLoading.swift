import Foundation
import GeoCore
import Isochrones

/// Reading no-fly zones from a vector file, and the box a reach fits in.
public enum ObstacleLoading {
    /// Every polygon feature of a vector file (any format GDAL reads:
    /// GeoJSON, GeoPackage, shapefile, KML, …) as a no-fly zone, named by its
    /// `name` field (or its position in the file). Invalid polygons are
    /// repaired (make-valid); features that are not polygons, and positions
    /// outside WGS84, are errors naming the file and the feature.
    public static func noFlyZones(from url: URL) throws -> [Obstacle] {
        let layer = try VectorLayer.read(url.path)
        guard !layer.features.isEmpty else { throw InputError("\(url.path): no features; a no-fly-zone file needs polygons") }
        return try layer.features.enumerated().map { index, feature in
            let label = feature[field: "name"]?.stringValue ?? "no-fly zone \(index + 1)"
            guard let area = feature.geometry, area.kind == .polygon || area.kind == .multiPolygon else {
                throw InputError(
                    "\(url.path): feature \(index) (\(label)) is \(feature.geometry.map { "a \($0.kind)".lowercased() } ?? "without geometry"); no-fly zones must be polygons"
                )
            }
            return try Obstacle(name: label, kind: .noFlyZone, area: area)
        }
    }

    /// A lon/lat box around `bases` holding everything the aircraft could
    /// reach within `minutes` (flight at airspeed plus the strongest wind),
    /// for cutting large rasters down to what matters.
    public static func reachBounds(of bases: [LonLat], aircraft: Aircraft, minutes: Double, wind: Wind) -> Envelope {
        let windSpeed: Double
        switch wind {
        case .calm: windSpeed = 0
        case .uniform(let vector): windSpeed = vector.speed
        case .field(let field): windSpeed = field.maximumSpeed
        }
        let reach = (aircraft.cruiseSpeedMetresPerSecond + windSpeed) * minutes * 60
        let boxes = bases.map { Envelope.around($0, radiusMetres: reach) }
        return boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
    }
}
