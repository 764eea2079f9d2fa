import Foundation
import GeoCore

/// The scenario's context layers (`[output] context`: e.g. land and province
/// boundaries), read once and cut to each map's view. Polygons only, in
/// WGS84 longitude and latitude like every layer of a scenario; features of
/// other shapes are skipped.
public struct MapContext: Sendable {
    public let polygons: [Geometry]

    static let none = MapContext(polygons: [])

    init(polygons: [Geometry]) { self.polygons = polygons }

    public init(_ layers: [URL]) throws {
        var polygons: [Geometry] = []
        for url in layers {
            for feature in try VectorLayer.read(url.path).features {
                guard let g = feature.geometry, !g.isEmpty else { continue }
                switch g.coordinates {
                case .polygon, .multiPolygon: polygons.append(g.isValid ? g : try g.makeValid())
                default: continue
                }
            }
        }
        self.polygons = polygons
    }

    /// The polygons' parts within `lonLat` (so that only what the map shows
    /// is densified and projected).
    public func within(_ lonLat: Envelope) throws -> [Geometry] {
        let box = Geometry.rectangle(lonLat)
        return try polygons.compactMap { g in
            let part = try g.intersection(box)
            return part.isEmpty ? nil : part
        }
    }
}
