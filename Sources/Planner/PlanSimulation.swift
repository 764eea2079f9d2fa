import Foundation
import Coverage
import GeoCore
import Siting
import Support

/// `aircover simulate`: a discrete-event simulation of a base set on a
/// study's demand grid (`DispatchSimulation`), beside MEXCLP's expected
/// coverage of the same bases.
///
/// Demand points are the grid cells `assess` uses, with their weights
/// (missions spread by weight); a cell's options are the bases that reach
/// its centre within the standard, with the coverage matrix's response
/// times. Mission time, unless given as a constant: `MissionTime` (response,
/// on scene, the flight back taken equal to the flight out, turnaround).
///
/// MEXCLP (Daskin 1983) counts cell c, reached by n_c aircraft, as served
/// with probability 1 − q^{n_c}, aircraft busy independently with
/// probability q. Here q is the busy fraction the simulation measured: the
/// mission hours flown a year over aircraft × 8760 h, so that the
/// comparison isolates MEXCLP's independence assumption (busy aircraft are
/// correlated: the nearest one takes the work first, and where it is busy
/// its neighbours are loaded more), which is known to make it optimistic
/// under load. The offered load (missions a year × the weight-mean mission
/// time of the nearest base, per aircraft) is reported beside it: it counts
/// the missions that are lost too (and may exceed 1), but not the longer
/// missions of farther aircraft sent when the nearest is busy.
public struct PlanSimulation: Sendable {
    public struct Settings: Sendable {
        public var minutes: Double
        public var aircraftPerBase = 1
        public var missionsPerYear: Double
        /// A constant mission time, minutes; `nil`: per base and cell as above.
        public var missionMinutes: Double?
        /// Minutes from landing to the next mission, added to each mission
        /// time (`[availability] turnaround_min`); not with `missionMinutes`.
        public var turnaroundMinutes = 0.0
        public var years = 20
        public var seed: UInt64 = 1

        public init(minutes: Double, missionsPerYear: Double) {
            self.minutes = minutes
            self.missionsPerYear = missionsPerYear
        }
    }

    public let bases: [Site]
    public let settings: Settings
    public let result: SimulationResult
    public let estimate: ShareEstimate
    /// The share of the weight some base reaches within the standard: the
    /// most any dispatch rule could reach.
    public let reachableShare: Double
    /// The weight-mean mission time over reachable cells (nearest base), minutes.
    public let meanMissionMinutes: Double
    /// Offered mission hours a year (every mission to a reachable cell, by
    /// its nearest base's mission time) over aircraft × 8760 h.
    public let offeredLoad: Double
    /// q: simulated mission hours flown a year over aircraft × 8760 h.
    public let busy: Double
    /// MEXCLP's expected covered share at `busy`; `nil` only if q reached 1
    /// (every aircraft busy the whole time), where MEXCLP says nothing.
    public let expectedCoverage: Double?

    /// Simulated share minus MEXCLP's expected share.
    public var difference: Double? { expectedCoverage.map { estimate.share - $0 } }

    /// Refuses settings out of range, naming the option (before any work).
    public static func check(_ settings: Settings) throws {
        guard settings.aircraftPerBase >= 1 else { throw InputError("--per-base must be 1 or more aircraft, got \(settings.aircraftPerBase)") }
        guard settings.missionsPerYear.isFinite, settings.missionsPerYear > 0 else {
            throw InputError("--missions-per-year must be a positive number, got \(settings.missionsPerYear)")
        }
        if let constant = settings.missionMinutes, !(constant.isFinite && constant > 0) {
            throw InputError("--mission-minutes must be a positive number of minutes, got \(constant)")
        }
        guard (2...DispatchSimulation.mostYears).contains(settings.years) else {
            throw InputError("--years must be from 2 (for a confidence interval) to \(DispatchSimulation.mostYears), got \(settings.years)")
        }
        guard settings.missionsPerYear * Double(settings.years) <= DispatchSimulation.largestRun else {
            throw InputError(
                "--years \(settings.years) × --missions-per-year \(NumberText.readable(settings.missionsPerYear)) is more than \(Int(DispatchSimulation.largestRun)) missions; simulate fewer"
            )
        }
    }

    public static func run(study: Study, bases: [Site], settings: Settings) throws -> PlanSimulation {
        guard !bases.isEmpty else {
            throw InputError("no bases to simulate: give some with --bases (ids or LON,LAT), or existing bases in the scenario's [bases] existing")
        }
        try check(settings)
        let matrix = try study.matrix(of: bases, minutes: settings.minutes)
        let cells = study.grid.cells
        let weights = cells.map(\.weight)
        let models = bases.map { study.model(of: $0) }
        var options: [[DispatchOption]] = []
        options.reserveCapacity(cells.count)
        var reachableWeight = 0.0, offeredMinutes = 0.0
        for c in cells.indices {
            let list = zip(matrix.sites(serving: c), matrix.minutes(serving: c)).map { site, minutes in
                let b = Int(site), response = Double(minutes)
                let mission =
                    settings.missionMinutes
                    ?? MissionTime.minutes(response: response, model: models[b], turnaround: settings.turnaroundMinutes)
                return DispatchOption(base: b, responseMinutes: response, missionMinutes: mission)
            }
            options.append(list)
            if let nearest = list.min(by: { ($0.responseMinutes, $0.base) < ($1.responseMinutes, $1.base) }) {
                reachableWeight += weights[c]
                offeredMinutes += weights[c] * nearest.missionMinutes
            }
        }
        let totalWeight = weights.reduce(0, +)
        let aircraft = bases.count * settings.aircraftPerBase
        do {
            let simulation = try DispatchSimulation(
                weights: weights, options: options,
                aircraftPerBase: Array(repeating: settings.aircraftPerBase, count: bases.count),
                missionsPerYear: settings.missionsPerYear, standardMinutes: settings.minutes)
            var generator = SplitMix64(seed: settings.seed)
            let result = try simulation.run(years: settings.years, using: &generator)
            guard let estimate = result.estimate else {
                throw InputError(
                    "no mission arrived in \(settings.years) years at \(NumberText.readable(settings.missionsPerYear)) a year: raise --years or --missions-per-year"
                )
            }
            let offered = settings.missionsPerYear * offeredMinutes / totalWeight / (Double(aircraft) * DispatchSimulation.minutesPerYear)
            let busy = result.utilisation
            var expected: Double?
            if busy < 1 {
                let instance = try CoverInstance(
                    demandIDs: cells.indices.map { "cell-\($0)" }, siteIDs: bases.map(\.id), weights: weights,
                    coveringSites: cells.indices.map { Array(matrix.sites(serving: $0)) })
                let mexclp = try ExpectedCovering(instance: instance, aircraft: aircraft, busy: busy, perSite: settings.aircraftPerBase)
                expected = mexclp.expectedCoveredWeight(Array(repeating: settings.aircraftPerBase, count: bases.count)) / totalWeight
            }
            return PlanSimulation(
                bases: bases, settings: settings, result: result, estimate: estimate,
                reachableShare: reachableWeight / totalWeight,
                meanMissionMinutes: reachableWeight > 0 ? offeredMinutes / reachableWeight : 0,
                offeredLoad: offered, busy: busy, expectedCoverage: expected)
        } catch let error as SitingInputError {
            throw InputError(error.message)
        }
    }

    /// How mission times were set, in words.
    public var missionRule: String {
        if let constant = settings.missionMinutes { return "\(NumberText.readable(constant)) min each (--mission-minutes)" }
        return "response + on scene + flight back (taken equal to the flight out)"
            + (settings.turnaroundMinutes > 0 ? " + \(NumberText.readable(settings.turnaroundMinutes)) min turnaround" : "") + ", per base and cell"
    }

    public func text() -> String {
        func pct(_ v: Double) -> String { String(format: "%.2f%%", 100 * v) }
        var lines = [
            "bases: \(bases.map(\.id).joined(separator: ", ")) (\(settings.aircraftPerBase) aircraft each); standard \(NumberText.readable(settings.minutes)) min",
            "demand: \(NumberText.readable(settings.missionsPerYear)) missions a year over the scenario's grid cells, by weight; \(pct(reachableShare)) of the weight is within reach",
            "mission time: \(missionRule); mean \(String(format: "%.1f", meanMissionMinutes)) min over reachable demand (nearest base)",
            "simulated \(settings.years) years (seed \(settings.seed)): \(result.missions) missions, \(result.reached) reached within the standard",
            "share reached: \(pct(estimate.share)), 95% CI \(pct(estimate.lower)) to \(pct(estimate.upper)) (t-interval over yearly batches)",
            "offered load \(String(format: "%.4f", offeredLoad)) per aircraft; MEXCLP busy probability q = simulated mission hours flown a year / (aircraft × 8760 h) = \(String(format: "%.4f", busy))",
        ]
        if let expected = expectedCoverage, let difference {
            lines.append("MEXCLP expected coverage: \(pct(expected)); simulated − MEXCLP: \(String(format: "%+.2f", 100 * difference)) points")
        } else {
            lines.append("MEXCLP expected coverage: not defined (q ≥ 1)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() -> JSONValue {
        .object([
            ("bases", .array(bases.map { .string($0.id) })),
            ("aircraft_per_base", .integer(settings.aircraftPerBase)),
            ("minutes", SummaryJSON.number(settings.minutes)),
            ("missions_per_year", SummaryJSON.number(settings.missionsPerYear)),
            ("mission_minutes", settings.missionMinutes.map(SummaryJSON.number) ?? .null),
            ("mission_rule", .string(missionRule)),
            ("mean_mission_minutes", SummaryJSON.number(meanMissionMinutes)),
            ("years", .integer(settings.years)),
            ("seed", Int(exactly: settings.seed).map { .integer($0) } ?? .string(String(settings.seed))),
            ("missions", .integer(result.missions)),
            ("reached", .integer(result.reached)),
            ("share", SummaryJSON.number(estimate.share)),
            ("ci95", .array([SummaryJSON.number(estimate.lower), SummaryJSON.number(estimate.upper)])),
            ("reachable_share", SummaryJSON.number(reachableShare)),
            ("offered_load", SummaryJSON.number(offeredLoad)),
            ("busy_q", SummaryJSON.number(busy)),
            ("mexclp_expected_coverage", expectedCoverage.map(SummaryJSON.number) ?? .null),
            ("difference", difference.map(SummaryJSON.number) ?? .null),
        ])
    }
}
