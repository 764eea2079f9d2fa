import Foundation
import Support

/// Reads GeoJSON (RFC 7946): a FeatureCollection, a single Feature, or a bare
/// geometry (read as one feature without properties).
///
/// Coordinates are taken as WGS84 longitude, latitude; a third (altitude)
/// value is ignored. Geometries are built as given — an invalid polygon is
/// returned as is, for the caller to report or repair with `makeValid()`.
public enum GeoJSONReader {
    /// Reads the features of a GeoJSON file.
    public static func features(at url: URL) throws -> [GeoJSONFeature] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw GeoJSONError(source: url.path, location: nil, reason: "cannot read the file (\(error.localizedDescription))")
        }
        return try features(parsing: [UInt8](data), source: url.path)
    }

    /// Reads the features of a GeoJSON text; `source` names it in errors.
    public static func features(parsing text: String, source: String = "GeoJSON text") throws -> [GeoJSONFeature] {
        try features(parsing: Array(text.utf8), source: source)
    }

    static func features(parsing bytes: [UInt8], source: String) throws -> [GeoJSONFeature] {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch let error as JSONParseError {
            throw GeoJSONError(source: source, location: "line \(error.line), column \(error.column)", reason: "not valid JSON: \(error.reason)")
        }
        guard let type = root["type"]?.stringValue else {
            throw GeoJSONError(source: source, location: nil, reason: "not GeoJSON: the top-level object has no \"type\"")
        }
        switch type {
        case "FeatureCollection":
            guard case .array(let items)? = root["features"] else {
                throw GeoJSONError(source: source, location: nil, reason: "a FeatureCollection needs a \"features\" array")
            }
            return try items.enumerated().map { index, item in
                try feature(item, location: "feature \(index)", source: source)
            }
        case "Feature":
            return [try feature(root, location: "feature 0", source: source)]
        default:
            let geometry = try parseGeometry(root, location: "geometry", source: source)
            return [GeoJSONFeature(geometry: geometry)]
        }
    }

    private static func feature(_ value: JSONValue, location: String, source: String) throws -> GeoJSONFeature {
        guard case .object = value, value["type"]?.stringValue == "Feature" else {
            throw GeoJSONError(source: source, location: location, reason: "expected an object with \"type\": \"Feature\"")
        }
        let id = value["id"]
        var where_ = location
        if let id { where_ += " (id \(id.serialized))" }
        var properties: [(key: String, value: JSONValue)] = []
        switch value["properties"] {
        case .object(let members)?: properties = members
        case .null?, nil: break
        case let other?: throw GeoJSONError(source: source, location: where_, reason: "\"properties\" must be an object or null, not \(other.typeName)")
        }
        let geometry: Geometry?
        switch value["geometry"] {
        case .null?: geometry = nil
        case nil: throw GeoJSONError(source: source, location: where_, reason: "a Feature needs a \"geometry\" member (null if it has none)")
        case let g?: geometry = try parseGeometry(g, location: where_, source: source)
        }
        return GeoJSONFeature(id: id, geometry: geometry, properties: properties)
    }

    /// Parses a GeoJSON geometry object.
    static func parseGeometry(_ value: JSONValue, location: String, source: String) throws -> Geometry {
        let fail = { (reason: String) in GeoJSONError(source: source, location: location, reason: reason) }
        guard let type = value["type"]?.stringValue else { throw fail("a geometry needs a \"type\"") }
        let coordinates: GeometryCoordinates
        if type == "GeometryCollection" {
            guard case .array(let items)? = value["geometries"] else { throw fail("a GeometryCollection needs a \"geometries\" array") }
            let parts = try items.map { try parseGeometry($0, location: location, source: source) }
            return try Geometry.collection(parts)
        }
        let known = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]
        guard known.contains(type) else { throw fail("unknown geometry type \"\(type)\"") }
        guard let raw = value["coordinates"] else { throw fail("a \(type) needs \"coordinates\"") }
        do {
            switch type {
            case "Point": coordinates = .point(try position(raw))
            case "MultiPoint": coordinates = .multiPoint(try positions(raw))
            case "LineString": coordinates = .lineString(try line(raw))
            case "MultiLineString": coordinates = .multiLineString(try list(raw).map(line))
            case "Polygon": coordinates = .polygon(try rings(raw))
            case "MultiPolygon": coordinates = .multiPolygon(try list(raw).map(rings))
            default: preconditionFailure("type \(type) checked above")
            }
        } catch let reason as CoordinateProblem {
            throw fail("\(type): \(reason.text)")
        }
        do {
            return try Geometry(coordinates)
        } catch let error as GeometryError {
            throw fail("\(type): \(error.message)")
        }
    }

    private struct CoordinateProblem: Error { let text: String }

    private static func list(_ value: JSONValue) throws -> [JSONValue] {
        guard case .array(let items) = value else { throw CoordinateProblem(text: "expected an array, found \(value.typeName)") }
        return items
    }

    private static func position(_ value: JSONValue) throws -> XY {
        let items = try list(value)
        guard items.count >= 2, let lon = items[0].doubleValue, let lat = items[1].doubleValue else {
            throw CoordinateProblem(text: "a position needs at least two numbers, found \(value.serialized.prefix(40))")
        }
        guard lon.isFinite, lat.isFinite, abs(lat) <= 90 else {
            throw CoordinateProblem(text: "position [\(lon), \(lat)] is not a WGS84 longitude, latitude (latitude must be within ±90°)")
        }
        return XY(lon, lat)
    }

    private static func positions(_ value: JSONValue) throws -> [XY] { try list(value).map(position) }

    private static func line(_ value: JSONValue) throws -> [XY] {
        let points = try positions(value)
        guard points.count >= 2 else { throw CoordinateProblem(text: "a line needs at least 2 positions, found \(points.count)") }
        return points
    }

    private static func rings(_ value: JSONValue) throws -> [[XY]] {
        try list(value).enumerated().map { index, ring in
            let points = try positions(ring)
            guard points.count >= 4 else {
                throw CoordinateProblem(text: "ring \(index + 1) has \(points.count) positions; a closed ring needs at least 4")
            }
            guard points.first == points.last else {
                throw CoordinateProblem(text: "ring \(index + 1) is not closed (its last position must repeat the first)")
            }
            return points
        }
    }
}
