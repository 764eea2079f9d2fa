import Foundation
import Coverage
import GeoCore

/// A named point: an existing base or a candidate site.
public struct Site: Sendable, Equatable {
    public let id: String
    public let name: String
    public let position: LonLat
}

/// Reading a scenario's layers through GDAL.
enum ScenarioLayers {
    static func zones(_ scenario: Scenario) throws -> [HazardZone] {
        let layer = try VectorLayer.read(scenario.zones.path)
        guard !layer.features.isEmpty else { throw InputError("\(scenario.zones.path): the zone layer is empty") }
        return try layer.features.map { feature in
            let id = scenario.zoneIDField.flatMap { feature[field: $0]?.stringValue } ?? String(feature.id)
            let name = scenario.zoneNameField.flatMap { feature[field: $0]?.stringValue } ?? id
            guard let area = feature.geometry else { throw InputError("\(scenario.zones.path): zone \(id) has no geometry") }
            let risk = try scenario.riskField.map { field -> Double in
                guard let value = feature[field: field]?.doubleValue else {
                    throw InputError("\(scenario.zones.path): zone \(id): field \(field) is missing or not a number")
                }
                return value
            } ?? 1
            let hazard = scenario.hazardField.flatMap { feature[field: $0]?.stringValue } ?? scenario.hazard
            do {
                return try HazardZone(id: id, name: name, hazard: hazard, risk: risk, area: area)
            } catch let error as CoverageInputError {
                throw InputError("\(scenario.zones.path): \(error.message)")
            }
        }
    }

    static func sites(_ url: URL, idField: String, filter: [String: String]) throws -> [Site] {
        let layer = try VectorLayer.read(url.path)
        var sites: [Site] = []
        for feature in layer.features {
            guard filter.allSatisfy({ feature[field: $0.key]?.stringValue == $0.value }) else { continue }
            guard let geometry = feature.geometry, case .point(let p) = geometry.coordinates else {
                throw InputError("\(url.path): feature \(feature.id) is not a point; bases must be points (or CSV rows with lon, lat)")
            }
            let id = feature[field: idField]?.stringValue ?? String(feature.id)
            sites.append(Site(id: id, name: feature[field: "name"]?.stringValue ?? id, position: p.lonLat))
        }
        guard !sites.isEmpty else { throw InputError("\(url.path): no bases\(filter.isEmpty ? "" : " match the filter \(filter)")") }
        return sites
    }
}
