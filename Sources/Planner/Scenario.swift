import Foundation
import GeoCore
import Isochrones

/// A study, as described by a scenario file (TOML). Paths are relative to
/// the file. See docs/SCENARIO.md for every key.
public struct Scenario: Sendable {
    public var name: String
    public var source: URL
    /// Polygon layer of zones to cover, with the fields that name them.
    public var zones: URL
    public var zoneIDField: String?
    public var zoneNameField: String?
    public var hazardField: String?
    /// Hazard type for every zone when no field gives it.
    public var hazard: String
    public var riskField: String?
    /// Layer of existing bases (points), with an optional field filter.
    public var existingBases: URL
    public var baseFilter: [String: String]
    public var baseIDField: String
    /// Extra candidate bases; the existing ones are always candidates too.
    public var candidates: URL?
    public var aircraft: Aircraft
    public var minutes: [Double]
    public var night: Bool
    public var cellKm: Double
    public var mclpSiteCounts: [Int]
    public var output: URL

    static let keys: [String: Set<String>] = [
        "": ["study", "demand", "bases", "aircraft", "standards", "siting", "output"],
        "study": ["name"],
        "demand": ["zones", "id_field", "name_field", "hazard", "hazard_field", "risk_field", "cell_km"],
        "bases": ["existing", "filter", "id_field", "candidates"],
        "standards": ["minutes", "night"],
        "siting": ["mclp_p"],
        "output": ["folder"],
    ]

    /// Reads and checks a scenario file; every mistake names its key.
    public static func load(_ url: URL) throws -> Scenario {
        let root = try ConfigTable.load(tomlFile: url)
        try root.rejectUnknownKeys(allowed: keys[""]!)
        let directory = url.deletingLastPathComponent()
        func section(_ name: String) throws -> ConfigTable {
            guard let table = try root.optionalTable(name) else { throw root.error("[\(name)]", "is missing") }
            try table.rejectUnknownKeys(allowed: keys[name]!)
            return table
        }
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path).standardized
        }
        func file(_ table: ConfigTable, _ key: String) throws -> URL {
            let path = try table.string(key)
            let resolved = resolve(path)
            guard FileManager.default.fileExists(atPath: resolved.path) else {
                throw table.error(key, "names \(resolved.path), which does not exist")
            }
            return resolved
        }
        let study = try section("study"), demand = try section("demand"), bases = try section("bases")
        let standards = try section("standards"), siting = try section("siting"), output = try section("output")

        let minutes = try standards.numbers("minutes")
        guard !minutes.isEmpty, minutes.allSatisfy({ $0 > 0 }), zip(minutes, minutes.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw standards.error("minutes", "must list positive, increasing response-time standards, e.g. [60, 120]")
        }
        let cellKm = try demand.optionalNumber("cell_km") ?? 2
        guard cellKm >= 0.1 else { throw demand.error("cell_km", "must be at least 0.1 km") }
        var filter: [String: String] = [:]
        if let table = try bases.optionalTable("filter") {
            for key in table.keys { filter[key] = try table.string(key) }
        }
        let counts = try siting.numbers("mclp_p").map { value -> Int in
            guard value >= 1, value == value.rounded() else { throw siting.error("mclp_p", "must hold whole numbers of bases ≥ 1") }
            return Int(value)
        }
        guard let aircraftTable = try root.optionalTable("aircraft") else { throw root.error("[aircraft]", "is missing") }
        let aircraft: Aircraft
        if aircraftTable.keys == ["name"] {
            aircraft = try AircraftCatalog.available(adding: nil).profile(named: try aircraftTable.string("name"))
        } else {
            aircraft = try AircraftCatalog.profile(from: aircraftTable)
        }
        return Scenario(
            name: try study.string("name"), source: url,
            zones: try file(demand, "zones"), zoneIDField: try demand.optionalString("id_field"),
            zoneNameField: try demand.optionalString("name_field"), hazardField: try demand.optionalString("hazard_field"),
            hazard: try demand.optionalString("hazard") ?? "all", riskField: try demand.optionalString("risk_field"),
            existingBases: try file(bases, "existing"), baseFilter: filter, baseIDField: try bases.optionalString("id_field") ?? "id",
            candidates: try bases.optionalString("candidates").map { _ in try file(bases, "candidates") },
            aircraft: aircraft, minutes: minutes, night: try standards.optionalBool("night") ?? false,
            cellKm: cellKm, mclpSiteCounts: counts,
            output: resolve(try output.string("folder")))
    }

    /// The default scenario shipped in basemaps/ (located from this source
    /// file, so it works from a checkout of the repository).
    public static var defaultFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../basemaps/liaoning/scenario.toml").standardized
    }
}
