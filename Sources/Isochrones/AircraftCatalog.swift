import Foundation
import GeoCore
import Support

/// The helicopter profiles aircover knows, read from a TOML data file.
///
/// The built-in catalog (`Resources/aircraft-catalog.toml`) cites a source
/// for every figure; dispatch and on-scene times in it are operator
/// assumptions, stated as such. A scenario can add profiles or override
/// built-in ones by name (`adding(_:)`).
public struct AircraftCatalog: Sendable {
    /// Profiles in file order.
    public private(set) var aircraft: [Aircraft]

    public init(_ aircraft: [Aircraft]) {
        self.aircraft = aircraft
    }

    /// The catalog shipped with aircover.
    public static func builtIn() throws -> AircraftCatalog {
        guard let url = Bundle.module.url(forResource: "aircraft-catalog", withExtension: "toml", subdirectory: "Resources") else {
            throw ConfigError(source: "aircraft-catalog.toml", path: "", problem: "the built-in aircraft catalog is missing from the installation")
        }
        return try load(from: url)
    }

    /// The built-in catalog with the profiles of `extra` (a catalog file)
    /// added or overriding built-in ones by name. Without the built-in data
    /// (a development checkout before the catalog lands), only `extra`.
    public static func available(adding extra: URL?) throws -> AircraftCatalog {
        let base = (try? builtIn()) ?? AircraftCatalog([])
        guard let extra else {
            guard !base.aircraft.isEmpty else { return try builtIn() }  // rethrows the missing-catalog error
            return base
        }
        return base.adding(try load(from: extra).aircraft)
    }

    /// Reads a catalog file: an array of `[[aircraft]]` tables.
    public static func load(from url: URL) throws -> AircraftCatalog {
        try parse(ConfigTable.load(tomlFile: url))
    }

    /// Reads the `[[aircraft]]` tables of a parsed TOML document.
    public static func parse(_ document: ConfigTable) throws -> AircraftCatalog {
        let tables = try document.tables("aircraft")
        guard !tables.isEmpty else { throw document.error("aircraft", "no [[aircraft]] tables found") }
        var catalog = AircraftCatalog([])
        for table in tables {
            let profile = try profile(from: table)
            if catalog.aircraft.contains(where: { Self.key($0.name) == Self.key(profile.name) }) {
                throw table.error("name", "\"\(profile.name)\" is defined twice")
            }
            catalog.aircraft.append(profile)
        }
        return catalog
    }

    /// Reads one profile from its table, checking every field.
    public static func profile(from table: ConfigTable) throws -> Aircraft {
        try table.rejectUnknownKeys(allowed: Aircraft.fieldNames)
        var sources: [String: String] = [:]
        if let sourceTable = try table.optionalTable("sources") {
            for key in sourceTable.keys { sources[key] = try sourceTable.string(key) }
        }
        let profile = Aircraft(
            name: try table.string("name"),
            fullName: try table.optionalString("full_name"),
            manufacturer: try table.optionalString("manufacturer"),
            role: try table.optionalString("role"),
            aliases: try table.strings("aliases"),
            cruiseSpeedKmh: try table.number("cruise_speed_kmh"),
            dispatchDayMin: try table.number("dispatch_day_min"),
            dispatchNightMin: try table.number("dispatch_night_min"),
            enduranceMin: try table.number("endurance_min"),
            reserveMin: try table.number("reserve_min"),
            onSceneMin: try table.number("on_scene_min"),
            maxAltitudeM: try table.number("max_altitude_m"),
            sources: sources
        )
        do {
            try profile.validateForPlanning()
        } catch let error as AircraftError {
            throw table.error(nil, error.problem)
        }
        return profile
    }

    /// The profile named `name` or having it as an alias; case, spaces,
    /// hyphens and dots are ignored ("bell 412" finds "Bell412").
    public func profile(named name: String) throws -> Aircraft {
        let wanted = Self.key(name)
        if let found = aircraft.first(where: { Self.key($0.name) == wanted || $0.aliases.contains { Self.key($0) == wanted } }) {
            return found
        }
        throw AircraftError(aircraft: name, problem: "not in the catalog; known types: \(aircraft.map(\.name).joined(separator: ", "))")
    }

    /// This catalog with `profiles` added; a profile whose name matches an
    /// existing one replaces it.
    public func adding(_ profiles: [Aircraft]) -> AircraftCatalog {
        var result = self
        for profile in profiles {
            if let index = result.aircraft.firstIndex(where: { Self.key($0.name) == Self.key(profile.name) }) {
                result.aircraft[index] = profile
            } else {
                result.aircraft.append(profile)
            }
        }
        return result
    }

    static func key(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
