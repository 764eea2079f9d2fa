import Foundation
import GeoCore
import Isochrones

/// What a reach is flown through besides the aircraft: wind (calm, uniform
/// or a gridded field), no-fly zones, terrain above the aircraft's ceiling
/// (from a DEM), and day or night dispatch. One value for every face that
/// builds reaches (`plan`, `assess`, `isochrones`, `serve`), so they all fly
/// the same model.
public struct FlightConditions: Sendable {
    public var wind: Wind
    /// A vector file of no-fly polygons (any format GDAL reads).
    public var noFly: URL?
    /// An elevation raster; cells above the aircraft's maximum altitude are
    /// flown around.
    public var dem: URL?
    public var night: Bool

    public init(wind: Wind = .calm, noFly: URL? = nil, dem: URL? = nil, night: Bool = false) {
        self.wind = wind
        self.noFly = noFly
        self.dem = dem
        self.night = night
    }

    /// The wind of a uniform value or a wind-field file (the file wins when
    /// both are given; callers refuse both where that is an error).
    public static func wind(uniform: WindVector?, field: URL?) throws -> Wind {
        if let field { return .field(try WindField.load(field.path)) }
        return uniform.map { .uniform($0) } ?? .calm
    }

    /// The reach model of `aircraft` flying from `bases` under these
    /// conditions; the DEM is read only within the box the aircraft could
    /// reach in `minutes` (`ObstacleLoading.reachBounds`).
    public func reachModel(aircraft: Aircraft, bases: [LonLat], minutes: Double) throws -> ReachModel {
        var obstacles = try noFly.map { try ObstacleLoading.noFlyZones(from: $0) } ?? []
        if let dem {
            let area = ObstacleLoading.reachBounds(of: bases, aircraft: aircraft, minutes: minutes, wind: wind)
            if let terrain = try TerrainObstacles.above(aircraft.maxAltitudeM, dem: try Raster.read(dem.path), within: area) {
                obstacles.append(terrain)
            }
        }
        return try ReachModel(aircraft: aircraft, wind: wind, night: night, airspace: try Airspace(obstacles: obstacles))
    }
}

extension Scenario {
    /// The scenario's `[flight]` table and its day or night standard.
    public func flightConditions() throws -> FlightConditions {
        FlightConditions(wind: try FlightConditions.wind(uniform: wind, field: windField), noFly: noFly, dem: dem, night: night)
    }
}
