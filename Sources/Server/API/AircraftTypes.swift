import Foundation
import GeoCore
import Isochrones
import Planner
import Support

/// The aircraft types a request may fly (`"aircraft": NAME`): the
/// scenario's own `[aircraft]` first (its default), then every other type
/// of the catalog `aircover aircraft` lists for the scenario (built-in,
/// plus the scenario's `[aircraft] catalog`). Names match as the catalog
/// matches them (case, spaces, hyphens and dots ignored; aliases too).
struct AircraftTypes: Sendable {
    let types: [Aircraft]
    private let catalog: AircraftCatalog

    init(study: Study) {
        let own = study.scenario.aircraft
        // The scenario's catalog was read when the scenario was; were it unreadable now, offer the scenario's type alone.
        let known = (try? AircraftCatalog.available(adding: study.scenario.aircraftCatalog)) ?? AircraftCatalog([])
        catalog = known
        types = [own] + known.aircraft.filter { (try? AircraftCatalog([own]).profile(named: $0.name)) == nil }
    }

    /// The scenario's own type.
    var scenarios: Aircraft { types[0] }

    /// The type `value` names; the scenario's when it is missing or null.
    func resolve(_ value: JSONValue?) throws(APIError) -> Aircraft {
        switch value {
        case nil, .null?: return scenarios
        case .string(let name)?:
            if let own = try? AircraftCatalog([scenarios]).profile(named: name) { return own }
            do { return try catalog.profile(named: name) } catch {
                throw .badRequest("unknown aircraft \"\(name)\"; the scenario's catalog has \(ListFormat.and(types.map { "\"\($0.name)\"" }))")
            }
        case let other?: throw .badRequest("aircraft must be the name of a type (a string), not \(other.typeName)")
        }
    }

    /// `GET /api/scenario`'s `aircraft_types`: each type's name, full name
    /// and the figures that shape its reach.
    var json: JSONValue {
        .array(
            types.map { a in
                .object([
                    ("name", .string(a.name)), ("full_name", a.fullName.map { .string($0) } ?? .null),
                    ("cruise_speed_kmh", .number(a.cruiseSpeedKmh)), ("dispatch_day_min", .number(a.dispatchDayMin)),
                    ("dispatch_night_min", .number(a.dispatchNightMin)),
                ])
            })
    }
}
