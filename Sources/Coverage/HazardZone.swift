import GeoCore

/// A disaster-prone area to be covered: its geometry (WGS84 lon/lat), hazard
/// type, risk weight and, optionally, the region (e.g. county) it lies in.
public struct HazardZone: Sendable {
    public let id: String
    public let name: String
    /// flood, forest_fire, earthquake, mine, petrochemical, maritime, … (free text).
    public let hazard: String
    /// Relative importance, ≥ 0 (e.g. a risk level 1–3).
    public let risk: Double
    public let region: String?
    /// Valid polygons, WGS84 lon/lat.
    public let area: Geometry

    /// A zone; an invalid polygon is repaired with make-valid (and the repair
    /// reported in `repaired`), anything but a polygon is refused.
    public init(id: String, name: String, hazard: String, risk: Double, region: String? = nil, area: Geometry) throws {
        guard area.kind == .polygon || area.kind == .multiPolygon else {
            throw CoverageInputError("zone \(id) (\(name)) is a \(area.kind); zones must be polygons")
        }
        guard !area.isEmpty else {
            throw CoverageInputError("zone \(id) (\(name)) is an empty polygon (no rings, or rings without points); give it an area or remove it")
        }
        guard risk.isFinite, risk >= 0 else {
            throw CoverageInputError("zone \(id) (\(name)) has weight \(risk); weights must be zero or positive")
        }
        self.id = id
        self.name = name
        self.hazard = hazard
        self.risk = risk
        self.region = region
        if area.isValid {
            self.area = area
            repaired = nil
        } else {
            repaired = area.validityReason
            let fixed = try area.makeValid()
            let polygons = fixed.parts.filter { $0.kind == .polygon && !$0.isEmpty }
            guard !polygons.isEmpty else { throw CoverageInputError("zone \(id) (\(name)) is invalid (\(area.validityReason)) and has no area once repaired") }
            self.area = try Geometry.multiPolygon(polygons)
        }
    }

    /// Why the zone's polygon was invalid and had to be repaired; `nil` if it was valid.
    public let repaired: String?
}

/// A count of people at a place (a town, a census point).
public struct PopulationPoint: Sendable, Equatable {
    public let name: String
    public let position: LonLat
    public let count: Double

    public init(name: String, position: LonLat, count: Double) {
        self.name = name
        self.position = position
        self.count = count
    }
}

/// Demand input that cannot be used, with what to fix.
public struct CoverageInputError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
