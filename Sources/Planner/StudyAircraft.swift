import Foundation
import Isochrones

extension Study {
    /// The same study with `aircraft` as the scenario's aircraft, flown by
    /// day (`false`) or night (`true`): the layers, grid and sites are kept,
    /// the reach models rebuilt; sites whose `[bases] aircraft_field` names a
    /// type of their own keep it. The study `aircover assess SCENARIO
    /// --aircraft NAME` loads, without reading the layers again. Throws what
    /// `load` would throw for that scenario (e.g. a night dispatch the
    /// aircraft cannot fly within a standard).
    public func flown(aircraft: Aircraft, atNight night: Bool) throws -> Study {
        guard aircraft != scenario.aircraft else { return try flown(atNight: night) }
        var scenario = scenario
        scenario.aircraft = aircraft
        scenario.night = night
        let (model, stationed) = try Study.reachModels(scenario, candidates: candidates)
        return Study(
            scenario: scenario, grid: grid, population: population, regions: regions, existing: existing,
            candidates: candidates, model: model, builder: IsochroneBuilder(model: model, toleranceMetres: scenario.isochroneToleranceMetres),
            stationedModels: stationed, notes: notes, zoneFlyable: zoneFlyable, evaluationFrame: evaluationFrame)
    }
}
