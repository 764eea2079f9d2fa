import Foundation
import Coverage
import GeoCore

/// A named point: an existing base or a candidate site.
public struct Site: Sendable, Equatable {
    public let id: String
    public let name: String
    public let position: LonLat
    /// Cost of opening the site (budgeted models; 1 when not given).
    public let cost: Double
    /// The aircraft type stationed here (`[bases] aircraft_field`); `nil`: the scenario's aircraft.
    public let aircraft: String?
    /// The share of hours (0…1) the weather at this site lets its aircraft
    /// fly (`[availability] base_flyable_field`); 1 without the field.
    public let flyable: Double

    public init(id: String, name: String, position: LonLat, cost: Double = 1, aircraft: String? = nil, flyable: Double = 1) {
        self.id = id
        self.name = name
        self.position = position
        self.cost = cost
        self.aircraft = aircraft
        self.flyable = flyable
    }
}

/// Reading a scenario's layers through GDAL.
enum ScenarioLayers {
    static func zones(_ scenario: Scenario) throws -> [HazardZone] {
        let layer = try VectorLayer.read(scenario.zones.path)
        guard !layer.features.isEmpty else { throw InputError("\(scenario.zones.path): the zone layer is empty") }
        for (key, field) in [
            ("id_field", scenario.zoneIDField), ("name_field", scenario.zoneNameField),
            ("hazard_field", scenario.hazardField), ("risk_field", scenario.riskField),
        ] {
            if let field, !layer.fieldNames.contains(field) {
                throw InputError(
                    "\(scenario.zones.path): no field \(field) (from [demand] \(key) in \(scenario.source.lastPathComponent)); fields are \(layer.fieldNames.joined(separator: ", "))"
                )
            }
        }
        for field in scenario.zoneFilter.keys.sorted() where !layer.fieldNames.contains(field) {
            throw InputError(
                "\(scenario.zones.path): no field \(field) (from [demand] zone_filter in \(scenario.source.lastPathComponent)); fields are \(layer.fieldNames.joined(separator: ", "))"
            )
        }
        let kept = layer.features.filter { feature in scenario.zoneFilter.allSatisfy { feature[field: $0.key]?.stringValue == $0.value } }
        guard !kept.isEmpty else { throw InputError("\(scenario.zones.path): no zones match [demand] zone_filter \(scenario.zoneFilter)") }
        var firstFeature: [String: Int] = [:]
        return try kept.map { feature in
            var id = String(feature.id)
            if let field = scenario.zoneIDField {
                guard let value = feature[field: field]?.stringValue, !value.isEmpty else {
                    throw InputError("\(scenario.zones.path): feature \(feature.id) has no \(field) (the [demand] id_field); every zone needs an id")
                }
                id = value
            }
            if let earlier = firstFeature[id] {
                throw InputError(
                    "\(scenario.zones.path): zone id \(id) appears twice (features \(earlier) and \(feature.id)); ids in \(scenario.zoneIDField ?? "the id field") must be unique"
                )
            }
            firstFeature[id] = feature.id
            let name = scenario.zoneNameField.flatMap { feature[field: $0]?.stringValue } ?? id
            guard let area = feature.geometry else { throw InputError("\(scenario.zones.path): zone \(id) has no geometry") }
            let risk =
                try scenario.riskField.map { field -> Double in
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

    /// Each zone's share in `field` (`[availability] flyable_field`), by zone
    /// id, for the zones `zones` keeps: a number from 0 to 1 in every one,
    /// else an error naming the file, the zone and the field.
    static func zoneShares(_ scenario: Scenario, field: String) throws -> [String: Double] {
        let layer = try VectorLayer.read(scenario.zones.path)
        guard layer.fieldNames.contains(field) else {
            throw InputError(
                "\(scenario.zones.path): no field \(field) (from [availability] flyable_field in \(scenario.source.lastPathComponent)); fields are \(layer.fieldNames.joined(separator: ", "))"
            )
        }
        var shares: [String: Double] = [:]
        for feature in layer.features where scenario.zoneFilter.allSatisfy({ feature[field: $0.key]?.stringValue == $0.value }) {
            let id = scenario.zoneIDField.flatMap { feature[field: $0]?.stringValue } ?? String(feature.id)
            guard let value = feature[field: field]?.doubleValue, value.isFinite, (0...1).contains(value) else {
                let found = feature[field: field]?.stringValue.map { "\"\($0)\"" } ?? "nothing"
                throw InputError(
                    "\(scenario.zones.path): zone \(id) (feature \(feature.id)): field \(field) ([availability] flyable_field) holds \(found); "
                        + "it must be the share of hours aircraft can fly there, a number from 0 to 1")
            }
            shares[id] = value
        }
        return shares
    }

    /// Population: points with a count field (any GDAL vector format, CSV
    /// lon/lat), or a raster of counts per pixel (.tif, .tiff, .vrt, .asc).
    /// `filter` keeps the points whose fields equal its values (vector layers only).
    static func population(_ url: URL, field: String, filter: [String: String] = [:]) throws -> [PopulationPoint] {
        if ["tif", "tiff", "vrt", "asc"].contains(url.pathExtension.lowercased()) {
            do {
                return try PopulationPoint.fromRaster(try Raster.read(url.path))
            } catch let error as CoverageInputError {
                throw InputError(error.message)
            }
        }
        let layer = try VectorLayer.read(url.path)
        guard layer.fieldNames.contains(field) else {
            throw InputError("\(url.path): no field \(field) holding population counts; fields are \(layer.fieldNames.joined(separator: ", "))")
        }
        for key in filter.keys.sorted() where !layer.fieldNames.contains(key) {
            throw InputError("\(url.path): no field \(key) (named in [demand] population_filter); fields are \(layer.fieldNames.joined(separator: ", "))")
        }
        let kept = layer.features.filter { feature in filter.allSatisfy { feature[field: $0.key]?.stringValue == $0.value } }
        if kept.isEmpty { throw InputError("\(url.path): no population points\(filter.isEmpty ? "" : " match [demand] population_filter \(filter)")") }
        return try kept.map { feature in
            let name = feature[field: "name"]?.stringValue ?? String(feature.id)
            guard let geometry = feature.geometry, case .point(let p) = geometry.coordinates else {
                throw InputError("\(url.path): feature \(feature.id) (\(name)) is not a point; population must be points or a raster")
            }
            guard let count = feature[field: field]?.doubleValue, count.isFinite, count >= 0 else {
                throw InputError("\(url.path): feature \(feature.id) (\(name)): \(field) must be a number ≥ 0")
            }
            return PopulationPoint(name: name, position: p.lonLat, count: count)
        }
    }

    /// Reporting regions (e.g. counties): polygons named by `nameField`.
    static func regions(_ url: URL, nameField: String) throws -> [ReportingRegion] {
        let layer = try VectorLayer.read(url.path)
        guard !layer.features.isEmpty else { throw InputError("\(url.path): the region layer is empty") }
        guard layer.fieldNames.contains(nameField) else {
            throw InputError("\(url.path): no field \(nameField) naming the regions; fields are \(layer.fieldNames.joined(separator: ", "))")
        }
        return try layer.features.map { feature in
            let name = feature[field: nameField]?.stringValue ?? String(feature.id)
            guard let area = feature.geometry else { throw InputError("\(url.path): region \(name) has no geometry") }
            do {
                return try ReportingRegion(name: name, area: area)
            } catch let error as CoverageInputError {
                throw InputError("\(url.path): \(error.message)")
            }
        }
    }

    /// Sites of one layer; `flyableField` (`[availability]
    /// base_flyable_field`) must then be a field of the layer holding a
    /// share from 0 to 1 at every site kept, else an error names the file,
    /// the site, the feature and the field.
    static func sites(
        _ url: URL, idField: String, filter: [String: String], costField: String? = nil,
        aircraftField: String? = nil, flyableField: String? = nil
    ) throws -> [Site] {
        let layer = try VectorLayer.read(url.path)
        for field in filter.keys.sorted() + [costField, aircraftField].compactMap({ $0 }) where !layer.fieldNames.contains(field) {
            throw InputError(
                "\(url.path): no field \(field) (named in [bases] filter, cost_field or aircraft_field); fields are \(layer.fieldNames.joined(separator: ", "))"
            )
        }
        if let flyableField, !layer.fieldNames.contains(flyableField) {
            throw InputError(
                "\(url.path): no field \(flyableField) (named in [availability] base_flyable_field; every bases and candidates file needs it); fields are \(layer.fieldNames.joined(separator: ", "))"
            )
        }
        var sites: [Site] = []
        var firstFeature: [String: Int] = [:]
        for feature in layer.features {
            guard filter.allSatisfy({ feature[field: $0.key]?.stringValue == $0.value }) else { continue }
            guard let geometry = feature.geometry, case .point(let p) = geometry.coordinates else {
                throw InputError("\(url.path): feature \(feature.id) has no point position; bases must be points (or CSV rows with numeric lon, lat)")
            }
            guard let id = feature[field: idField]?.stringValue ?? (layer.fieldNames.contains(idField) ? nil : String(feature.id)), !id.isEmpty else {
                throw InputError("\(url.path): feature \(feature.id) has no \(idField); every site needs an id")
            }
            if let earlier = firstFeature[id] {
                throw InputError("\(url.path): site id \(id) appears twice (features \(earlier) and \(feature.id)); ids in \(idField) must be unique")
            }
            firstFeature[id] = feature.id
            var cost = 1.0
            if let costField {
                guard let value = feature[field: costField]?.doubleValue, value.isFinite, value > 0 else {
                    throw InputError("\(url.path): site \(id): \(costField) must be a positive number (the cost of opening it)")
                }
                cost = value
            }
            var flyable = 1.0
            if let flyableField {
                guard let value = feature[field: flyableField]?.doubleValue, value.isFinite, (0...1).contains(value) else {
                    let found = feature[field: flyableField]?.stringValue.map { "\"\($0)\"" } ?? "nothing"
                    throw InputError(
                        "\(url.path): site \(id) (feature \(feature.id)): field \(flyableField) ([availability] base_flyable_field) holds \(found); "
                            + "it must be the share of hours the weather there lets its aircraft fly, a number from 0 to 1")
                }
                flyable = value
            }
            let aircraft = aircraftField.flatMap { feature[field: $0]?.stringValue }.flatMap { $0.isEmpty ? nil : $0 }
            sites.append(
                Site(id: id, name: feature[field: "name"]?.stringValue ?? id, position: p.lonLat, cost: cost, aircraft: aircraft, flyable: flyable))
        }
        guard !sites.isEmpty else { throw InputError("\(url.path): no bases\(filter.isEmpty ? "" : " match the filter \(filter)")") }
        return sites
    }
}
