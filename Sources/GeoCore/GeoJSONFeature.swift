import Support
/// One GeoJSON feature: a geometry (WGS84 lon/lat degrees; `nil` for a
/// feature without geometry), its properties in order, and an optional id.
public struct GeoJSONFeature: Sendable {
    public var id: JSONValue?
    public var geometry: Geometry?
    public var properties: [(key: String, value: JSONValue)]

    public init(id: JSONValue? = nil, geometry: Geometry?, properties: [(key: String, value: JSONValue)] = []) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }

    /// The first property named `key`.
    public subscript(property key: String) -> JSONValue? {
        properties.first { $0.key == key }?.value
    }
}

/// A GeoJSON text or file that could not be read, naming the file, the
/// feature (index and id) and what is wrong.
public struct GeoJSONError: Error, CustomStringConvertible, Equatable, Sendable {
    public let source: String
    public let location: String?
    public let reason: String

    public var description: String {
        [source, location, reason].compactMap { $0 }.joined(separator: ": ")
    }
}
