import Foundation
import Coverage
import GeoCore
import Support

/// `aircover validate`: reads every layer a scenario names and checks its
/// fields, without building the demand grid or computing anything, so a
/// national-scale scenario can be checked in seconds.
public enum ScenarioValidation {
    /// One line per layer with what was read; throws the first problem.
    public static func report(_ scenario: Scenario) throws -> [String] {
        var lines = ["\(scenario.source.path): \(scenario.name)"]
        let zones = try ScenarioLayers.zones(scenario)
        let hazards = Set(zones.map(\.hazard)).sorted()
        lines.append(
            "zones: \(zones.count) from \(scenario.zones.lastPathComponent) (hazards: \(hazards.joined(separator: ", ")))"
                + (zones.contains { $0.repaired != nil } ? "; \(zones.filter { $0.repaired != nil }.count) invalid polygon(s) would be repaired" : ""))
        if let field = scenario.availability?.flyableField {
            lines.append("flyable shares: \(try ScenarioLayers.zoneShares(scenario, field: field).count) zone(s) from field \(field)")
        }
        if let url = scenario.population {
            let points = try ScenarioLayers.population(url, field: scenario.populationField, filter: scenario.populationFilter)
            lines.append("population: \(points.count) point(s), \(Int(points.reduce(0) { $0 + $1.count })) people, from \(url.lastPathComponent)")
        }
        if let url = scenario.regions {
            lines.append("regions: \(try ScenarioLayers.regions(url, nameField: scenario.regionField).count) from \(url.lastPathComponent)")
        }
        let existing = try ScenarioLayers.sites(
            scenario.existingBases, idField: scenario.baseIDField, filter: scenario.baseFilter,
            costField: scenario.costField, aircraftField: scenario.aircraftField, flyableField: scenario.availability?.baseFlyableField)
        lines.append("existing bases: \(existing.count) from \(scenario.existingBases.lastPathComponent)")
        if let field = scenario.availability?.baseFlyableField { lines.append("flyable shares: \(existing.count) existing base(s) from field \(field)") }
        try PlanRun.refuseTooFewAircraft(scenario.siting, kept: scenario.siting.keepExisting ? existing.count : 0, source: scenario.source)
        for file in scenario.candidates {
            let sites = try ScenarioLayers.sites(
                file, idField: scenario.candidateIDField ?? scenario.baseIDField, filter: scenario.candidateFilter,
                costField: scenario.costField, aircraftField: scenario.aircraftField, flyableField: scenario.availability?.baseFlyableField)
            lines.append("candidates: \(sites.count) from \(file.lastPathComponent)")
        }
        lines.append(
            "aircraft: \(scenario.aircraft.name); standards: \(scenario.minutes.map { NumberText.readable($0) }.joined(separator: ", ")) min; cell \(NumberText.readable(scenario.cellKm)) km"
        )
        for (label, file) in [("no-fly zones", scenario.noFly), ("DEM", scenario.dem), ("wind field", scenario.windField)] {
            if let file { lines.append("\(label): \(file.lastPathComponent)") }
        }
        return lines
    }
}
