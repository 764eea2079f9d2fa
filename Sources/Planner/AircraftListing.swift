import Foundation
import GeoCore
import Isochrones
import Support

/// The aircraft catalog for people (a table) and programs (JSON with the
/// catalog file's field names).
public enum AircraftListing {
    /// A JSON array of profiles, fields in the catalog file's order and names.
    public static func json(_ catalog: AircraftCatalog) -> String {
        JSONValue.array(catalog.aircraft.map(jsonValue)).serialized + "\n"
    }

    public static func jsonValue(_ a: Aircraft) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("name", .string(a.name))]
        if let v = a.fullName { members.append(("full_name", .string(v))) }
        if let v = a.manufacturer { members.append(("manufacturer", .string(v))) }
        if let v = a.role { members.append(("role", .string(v))) }
        members.append(("aliases", .array(a.aliases.map { .string($0) })))
        members += [
            ("cruise_speed_kmh", NumberText.json(a.cruiseSpeedKmh)),
            ("dispatch_day_min", NumberText.json(a.dispatchDayMin)),
            ("dispatch_night_min", NumberText.json(a.dispatchNightMin)),
            ("endurance_min", NumberText.json(a.enduranceMin)),
            ("reserve_min", NumberText.json(a.reserveMin)),
            ("on_scene_min", NumberText.json(a.onSceneMin)),
            ("max_altitude_m", NumberText.json(a.maxAltitudeM)),
            ("sources", .object(a.sources.keys.sorted().map { ($0, .string(a.sources[$0]!)) })),
        ]
        return .object(members)
    }

    /// A fixed-width table: one line per aircraft, with the calm-air reach of
    /// a 120-minute day standard so the figures can be compared at a glance.
    public static func table(_ catalog: AircraftCatalog) -> String {
        let header = ["name", "cruise km/h", "dispatch day/night min", "endurance min", "reserve min", "on-scene min", "max alt m", "120-min reach km"]
        var rows = [header]
        for a in catalog.aircraft {
            let flight = min(120 - a.dispatchDayMin, a.roundTripFlightBudgetMin / 2)
            rows.append([
                a.name, NumberText.exact(a.cruiseSpeedKmh), "\(NumberText.exact(a.dispatchDayMin))/\(NumberText.exact(a.dispatchNightMin))",
                NumberText.exact(a.enduranceMin), NumberText.exact(a.reserveMin), NumberText.exact(a.onSceneMin), NumberText.exact(a.maxAltitudeM),
                String(format: "%.0f", max(0, flight) * a.cruiseSpeedKmh / 60),
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max()! }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == 0
                    ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n\nDispatch and on-scene times are operator assumptions; see `aircover aircraft --json` for every figure's source.\n"
    }
}
