import Foundation
import Coverage
import GeoCore

/// Where a map's drawing sits: the grid's equal-area projection, the view (the
/// zones and the bases drawn, padded by 4%) and its scale, and the one
/// conversion from a geometry to an SVG path, clipped to the view and
/// simplified to half a pixel so the file stays small.
struct MapFrame {
    static let mapWidth = 900.0, legendWidth = 260.0, margin = 20.0

    let transformer: Transformer
    /// The view in projected metres.
    let view: Envelope
    /// Pixels per projected metre.
    let scale: Double
    private let viewBox: Geometry

    /// The frame around `grid`'s zones and the points `sites` (WGS84).
    init(grid: DemandGrid, sites: [LonLat]) throws {
        transformer = try grid.projection.transformerFromWGS84()
        let envelopes = grid.projectedZones.compactMap(\.envelope)
        guard var view = envelopes.first else { throw InputError("the plan has no demand zones to draw") }
        for envelope in envelopes.dropFirst() { view = view.union(envelope) }
        for p in try transformer.transform(sites.map(\.xy)) { view = view.union(Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) }
        let pad = 0.04 * max(view.maxX - view.minX, view.maxY - view.minY, 1)
        self.view = Envelope(minX: view.minX - pad, minY: view.minY - pad, maxX: view.maxX + pad, maxY: view.maxY + pad)
        scale = Self.mapWidth / self.view.width
        viewBox = Geometry.rectangle(self.view)
    }

    var mapHeight: Double { view.height * scale }
    var width: Double { Self.mapWidth + Self.legendWidth + 2 * Self.margin }
    var height: Double { max(mapHeight, 420) + 2 * Self.margin }

    func screen(_ p: XY) -> (x: Double, y: Double) {
        (Self.margin + (p.x - view.minX) * scale, Self.margin + (view.maxY - p.y) * scale)
    }

    /// A WGS84 geometry in the map's plane (densified first, so long edges follow the projection).
    func project(_ g: Geometry) throws -> Geometry {
        try transformer.transform(try g.densified(maxSegmentLength: 0.02))
    }

    /// The screen positions of WGS84 points.
    func screen(_ points: [LonLat]) throws -> [(x: Double, y: Double)] {
        try transformer.transform(points.map(\.xy)).map(screen)
    }

    /// The SVG path data of a projected polygonal geometry; empty when
    /// nothing of it lies in the view.
    func path(_ plane: Geometry) throws -> String {
        // Drawing only: slivers that collapsed on projection are repaired away.
        let valid = plane.isValid ? plane : try plane.makeValid()
        let clipped = try valid.intersection(viewBox).simplifiedPreservingTopology(tolerance: 0.5 / scale)
        var d = ""
        func ring(_ points: [XY]) {
            guard points.count >= 3 else { return }
            for (i, p) in points.enumerated() {
                let (x, y) = screen(p)
                d += (i == 0 ? "M" : "L") + String(format: "%.1f %.1f", x, y)
            }
            d += "Z"
        }
        func walk(_ c: GeometryCoordinates) {
            switch c {
            case .polygon(let rings): rings.forEach(ring)
            case .multiPolygon(let polygons): polygons.forEach { $0.forEach(ring) }
            case .collection(let items): items.forEach(walk)
            default: break
            }
        }
        walk(clipped.coordinates)
        return d
    }

    /// The SVG path data of a projected polygonal geometry's rings as open
    /// lines, cut at the view's edge: for outlines (reach, study area,
    /// context), whose clipped parts must not be closed along the frame.
    func outlinePath(_ plane: Geometry) throws -> String {
        var rings: [[XY]] = []
        func walk(_ c: GeometryCoordinates) {
            switch c {
            case .polygon(let r): rings += r
            case .multiPolygon(let polygons): polygons.forEach { rings += $0 }
            case .collection(let items): items.forEach(walk)
            default: break
            }
        }
        walk(plane.coordinates)
        let lines = rings.filter { $0.count >= 2 }
        guard !lines.isEmpty else { return "" }
        let clipped = try Geometry(.multiLineString(lines)).intersection(viewBox).simplifiedPreservingTopology(tolerance: 0.5 / scale)
        var d = ""
        func line(_ points: [XY]) {
            guard points.count >= 2 else { return }
            for (i, p) in points.enumerated() {
                let (x, y) = screen(p)
                d += (i == 0 ? "M" : "L") + String(format: "%.1f %.1f", x, y)
            }
        }
        func walkLines(_ c: GeometryCoordinates) {
            switch c {
            case .lineString(let points): line(points)
            case .multiLineString(let parts): parts.forEach(line)
            case .collection(let items): items.forEach(walkLines)
            default: break
            }
        }
        walkLines(clipped.coordinates)
        return d
    }

    /// The view's extent in longitude and latitude (its edges sampled), for
    /// cutting large context layers down before they are projected.
    func lonLatEnvelope() throws -> Envelope {
        var points: [XY] = []
        for k in 0...8 {
            let t = Double(k) / 8
            points += [
                XY(view.minX + t * view.width, view.minY), XY(view.minX + t * view.width, view.maxY),
                XY(view.minX, view.minY + t * view.height), XY(view.maxX, view.minY + t * view.height),
            ]
        }
        let lonLat = try transformer.transform(points, inverse: true)
        let e = Envelope(covering: lonLat)!
        let pad = 0.05 * max(e.width, e.height)
        return Envelope(minX: e.minX - pad, minY: max(-90, e.minY - pad), maxX: e.maxX + pad, maxY: min(90, e.maxY + pad))
    }
}
