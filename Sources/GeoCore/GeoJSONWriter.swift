import Foundation
import Support

/// Writes GeoJSON per RFC 7946.
///
/// - Coordinates are WGS84 longitude, latitude, rounded to `precision`
///   decimal places (default 6: at most 0.056 m of rounding at the equator,
///   less elsewhere), trailing zeros trimmed.
/// - Polygon rings follow the right-hand rule: exteriors counter-clockwise,
///   holes clockwise.
/// - Geometries that cross the antimeridian are split there
///   (see `AntimeridianSplit` for the input contract).
/// - One feature per line; members in a fixed order (`type`, `id`,
///   `properties`, `geometry`) and properties in the order given, so the same
///   features always give the same bytes, and reading then writing a file
///   this writer produced gives it back unchanged.
public struct GeoJSONWriter: Sendable {
    /// Decimal places kept in coordinates.
    public var precision: Int

    public init(precision: Int = 6) {
        precondition((0...15).contains(precision), "precision must be 0...15 decimals")
        self.precision = precision
    }

    /// The FeatureCollection text, ending with a newline; `generator`, when
    /// given, is written as a foreign member (RFC 7946 §6.1) after `type`.
    public func featureCollection(_ features: [GeoJSONFeature], generator: String? = nil) throws -> String {
        var out = "{\"type\":\"FeatureCollection\","
        if let generator {
            out += "\"generator\":"
            JSONValue.string(generator).write(to: &out)
            out += ","
        }
        out += "\"features\":["
        for (index, feature) in features.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            try write(feature, to: &out)
        }
        out += features.isEmpty ? "]}\n" : "\n]}\n"
        return out
    }

    /// One geometry object's text.
    public func geometry(_ geometry: Geometry) throws -> String {
        var out = ""
        try write(geometry, to: &out)
        return out
    }

    private func write(_ feature: GeoJSONFeature, to out: inout String) throws {
        out += "{\"type\":\"Feature\""
        if let id = feature.id {
            out += ",\"id\":"
            id.write(to: &out)
        }
        out += ",\"properties\":"
        JSONValue.object(feature.properties).write(to: &out)
        out += ",\"geometry\":"
        if let geometry = feature.geometry { try write(geometry, to: &out) } else { out += "null" }
        out += "}"
    }

    private func write(_ geometry: Geometry, to out: inout String) throws {
        let split = try AntimeridianSplit.split(geometry)
        writeCoordinates(split.coordinates, to: &out)
    }

    private func writeCoordinates(_ shape: GeometryCoordinates, to out: inout String) {
        switch shape {
        case .point(let p):
            out += "{\"type\":\"Point\",\"coordinates\":"; writePosition(p, to: &out)
        case .multiPoint(let points):
            out += "{\"type\":\"MultiPoint\",\"coordinates\":"; writePath(points, to: &out)
        case .lineString(let line):
            out += "{\"type\":\"LineString\",\"coordinates\":"; writePath(line, to: &out)
        case .multiLineString(let lines):
            out += "{\"type\":\"MultiLineString\",\"coordinates\":"
            writeList(lines, to: &out) { writePath($0, to: &$1) }
        case .polygon(let rings):
            out += "{\"type\":\"Polygon\",\"coordinates\":"; writeRings(rings, to: &out)
        case .multiPolygon(let polygons):
            out += "{\"type\":\"MultiPolygon\",\"coordinates\":"
            writeList(polygons, to: &out) { writeRings($0, to: &$1) }
        case .collection(let items):
            out += "{\"type\":\"GeometryCollection\",\"geometries\":"
            writeList(items, to: &out) { writeCoordinates($0, to: &$1) }
        }
        out += "}"
    }

    private func writeList<T>(_ items: [T], to out: inout String, _ body: (T, inout String) -> Void) {
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            body(item, &out)
        }
        out += "]"
    }

    private func writeRings(_ rings: [[XY]], to out: inout String) {
        let oriented = rings.enumerated().map { index, ring in
            // Right-hand rule: exterior counter-clockwise (positive area), holes clockwise.
            let counterClockwise = Self.signedArea(ring) > 0
            return counterClockwise == (index == 0) ? ring : ring.reversed()
        }
        writeList(oriented, to: &out) { writePath($0, to: &$1) }
    }

    private func writePath(_ path: [XY], to out: inout String) {
        writeList(path, to: &out) { writePosition($0, to: &$1) }
    }

    private func writePosition(_ p: XY, to out: inout String) {
        out += "["
        out += format(p.x)
        out += ","
        out += format(p.y)
        out += "]"
    }

    /// Fixed-point with `precision` decimals, trailing zeros and "-0" removed.
    func format(_ value: Double) -> String {
        var text = String(format: "%.\(precision)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Shoelace signed area (positive when counter-clockwise).
    static func signedArea(_ ring: [XY]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            sum += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y
        }
        return sum / 2
    }
}
