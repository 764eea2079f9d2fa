import Foundation
import Coverage
import GeoCore
import Support

/// The existing network's expected coverage at one standard when aircraft
/// are busy, grounded by weather, or dispatched at night
/// (`AvailabilityOptions`): a grid figure beside the deterministic ones.
///
/// Model (MEXCLP's, Daskin 1983, with weather and night): each base holds
/// one aircraft, busy with probability q independently of the others; a cell
/// served by k bases within the standard (its centre, the coverage matrix) is
/// reached with probability f · (1 − q^k), f the flyable share (weather is
/// taken to ground every base that reaches a point at once; with
/// `flyable_field` each zone has its own f, a zone's part of a cell is
/// reached with probability f_zone · (1 − q^k), and a cell's weight counts
/// with the area-mean f of its zones). With `base_flyable_field` each
/// base j has its own share f_j as well, its weather independent of the
/// other bases': its aircraft is available with probability (1 − q) · f_j,
/// and a cell served by the bases S is reached with probability
/// f · (1 − Π_{j∈S} (1 − (1 − q) f_j)), f · (1 − q^k) again when every
/// f_j is 1 (f, per zone or constant, is the weather at the demand,
/// grounding every base at once). With a night
/// share s, the probability is (1 − s) · P_day + s · P_night, k counted with
/// each dispatch. Figures: the expected share of the demand weight, and per
/// zone the expected share of its area (cells' zone shares, in km²), per
/// hazard type the same over its zones, per reporting region the same over
/// its cells (`CellRegions`). Independence of busy aircraft makes
/// these figures optimistic when the load is high (`aircover simulate`).
public struct ExpectedCoverage: Sendable {
    public struct Zone: Sendable {
        public let id: String
        public let name: String
        public let hazard: String
        /// Grid km² of the zone, and the expected km² reached.
        public let gridKm2: Double
        public let expectedKm2: Double
    }

    /// The busy share used, and whether it was given or estimated.
    public let busy: Double
    public let busyEstimated: Bool
    /// The weight-mean `MissionTime` behind an estimated `busy`; nil when given.
    public let missionMinutes: Double?
    public let aircraft: Int
    public let nightShare: Double?
    /// The flyable share: the constant, or with `flyableField` the
    /// weight-mean over the cells of their zones' area-mean shares.
    public let flyable: Double
    public var flyableField: String? = nil
    /// The bases' field of their own flyable shares (`Site.flyable`); nil without it.
    public var baseFlyableField: String? = nil
    /// Expected and deterministic shares of the demand weight, percent.
    public let expectedPercent: Double
    public let deterministicPercent: Double
    public let zones: [Zone]
    /// Per reporting region (`CellRegions`: each cell in one region), its
    /// cells' grid km² in zones and the expected km² reached.
    public let regions: [(name: String, gridKm2: Double, expectedKm2: Double)]

    /// The figures for the existing bases of `study` at `minutes`. Throws
    /// when the estimated load is one aircraft-year per aircraft or more (q ≥ 1).
    public static func evaluate(study: Study, minutes: Double, options: AvailabilityOptions) throws -> ExpectedCoverage {
        let aircraft = study.existing.count
        let ownNight = study.scenario.night
        let deterministic = try study.matrix(of: study.existing, minutes: minutes)
        let busy: Double, missionMinutes: Double?
        if let q = options.busy {
            (busy, missionMinutes) = (q, nil)
        } else if let missions = options.missionsPerYear, let turnaround = options.turnaroundMinutes {
            // The weight-mean mission of the nearest base over the demand served.
            let models = study.existing.map { study.model(of: $0) }
            var weighted = 0.0, served = 0.0
            for (c, cell) in study.grid.cells.enumerated() {
                let options = zip(deterministic.sites(serving: c), deterministic.minutes(serving: c))
                guard let nearest = options.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { continue }
                weighted += cell.weight * MissionTime.minutes(response: Double(nearest.1), model: models[Int(nearest.0)], turnaround: turnaround)
                served += cell.weight
            }
            let mission = served > 0 ? weighted / served : 0
            let q = aircraft > 0 ? missions * mission / 60 / (Double(aircraft) * 8_760) : 1
            guard q < 1 else {
                throw InputError(
                    "[availability] missions_per_year: \(NumberText.readable(missions)) missions of \(NumberText.readable(mission)) min "
                        + "need \(NumberText.readable(q * 100)) % of the time of \(aircraft) aircraft at \(NumberText.readable(minutes)) min: "
                        + "the network cannot fly them (the busy share must stay below 1)")
            }
            (busy, missionMinutes) = (q, mission)
        } else {
            throw InputError("[availability]: give busy, or missions_per_year with turnaround_min")
        }
        // Per cell, the probability of being reached.
        func reached(atNight night: Bool) throws -> [Double] {
            let profile = study.scenario.aircraft
            // A dispatch as long as the standard reaches nothing.
            guard (night ? profile.dispatchNightMin : profile.dispatchDayMin) < minutes else {
                return [Double](repeating: 0, count: study.grid.cells.count)
            }
            let flown = try study.flown(atNight: night)
            let matrix = try flown.matrix(of: flown.existing, minutes: minutes)
            // Each base's chance that its aircraft is free and its weather flyable, with shares per base.
            let available = options.baseFlyableField.map { _ in flown.existing.map { (1 - busy) * $0.flyable } }
            return (0..<matrix.cellCount).map { cell in
                let sites = matrix.sites(serving: cell)
                guard !sites.isEmpty else { return 0 }
                // With shares per zone (flyable is then 1) they are applied below, zone by zone.
                guard let available else { return options.flyable * (1 - pow(busy, Double(sites.count))) }
                return options.flyable * (1 - sites.reduce(1.0) { $0 * (1 - available[Int($1)]) })
            }
        }
        var probability = try reached(atNight: ownNight)
        if let share = options.nightShare {
            let own = ownNight ? share : 1 - share
            let other = try reached(atNight: !ownNight)
            probability = zip(probability, other).map { own * $0 + (1 - own) * $1 }
        }
        let grid = study.grid
        // The flyable share of each zone, with `flyable_field` (1 for a zone the attribute left out).
        let zoneShare = study.zoneFlyable.map { shares in grid.zones.map { shares[$0.id] ?? 1 } }
        var flyableWeight = 0.0
        var expectedWeight = 0.0, servedWeight = 0.0, totalWeight = 0.0
        var zoneGrid = [Double](repeating: 0, count: grid.zones.count), zoneExpected = zoneGrid
        let cellRegions = CellRegions(study: study)
        var regionGrid = [Double](repeating: 0, count: cellRegions.names.count), regionExpected = regionGrid
        for (c, cell) in grid.cells.enumerated() {
            let km2 = cell.zoneAreas.reduce(0) { $0 + $1.km2 }
            // Without shares per zone the figures are as before, term for term.
            var reachedKm2 = km2 * probability[c], cellProbability = probability[c]
            if let zoneShare {
                let flyableKm2 = cell.zoneAreas.reduce(0) { $0 + $1.km2 * zoneShare[$1.zone] }
                let meanShare = km2 > 0 ? flyableKm2 / km2 : 1
                reachedKm2 = flyableKm2 * probability[c]
                cellProbability = meanShare * probability[c]
                flyableWeight += cell.weight * meanShare
            }
            if let r = cellRegions.cellRegion[c] {
                regionGrid[r] += km2
                regionExpected[r] += reachedKm2
            }
            totalWeight += cell.weight
            expectedWeight += cell.weight * cellProbability
            if !deterministic.sites(serving: c).isEmpty { servedWeight += cell.weight }
            for share in cell.zoneAreas {
                zoneGrid[share.zone] += share.km2
                zoneExpected[share.zone] += share.km2 * (zoneShare?[share.zone] ?? 1) * probability[c]
            }
        }
        let percent = { (part: Double) in totalWeight > 0 ? 100 * part / totalWeight : 0 }
        var figures = ExpectedCoverage(
            busy: busy, busyEstimated: missionMinutes != nil, missionMinutes: missionMinutes, aircraft: aircraft,
            nightShare: options.nightShare, flyable: zoneShare == nil ? options.flyable : (totalWeight > 0 ? flyableWeight / totalWeight : 1),
            expectedPercent: percent(expectedWeight), deterministicPercent: percent(servedWeight),
            zones: grid.zones.indices.map { z in
                Zone(
                    id: grid.zones[z].id, name: grid.zones[z].name, hazard: grid.zones[z].hazard,
                    gridKm2: zoneGrid[z], expectedKm2: zoneExpected[z])
            },
            regions: cellRegions.names.indices.map { (cellRegions.names[$0], regionGrid[$0], regionExpected[$0]) })
        if zoneShare != nil { figures.flyableField = options.flyableField }
        figures.baseFlyableField = options.baseFlyableField
        return figures
    }

    /// Hazard types in first-seen order with their zones' grid and expected km².
    public var hazards: [(hazard: String, gridKm2: Double, expectedKm2: Double)] {
        var order: [String] = [], sums: [String: (Double, Double)] = [:]
        for zone in zones {
            if sums[zone.hazard] == nil { order.append(zone.hazard) }
            let (g, e) = sums[zone.hazard] ?? (0, 0)
            sums[zone.hazard] = (g + zone.gridKm2, e + zone.expectedKm2)
        }
        return order.map { ($0, sums[$0]!.0, sums[$0]!.1) }
    }

    /// One line for the terminal and the report: the expected share, its assumptions, the deterministic share.
    public var sentence: String {
        var assumptions = [String(format: "busy share %.4f (%@)", busy, busyEstimated ? "estimated" : "given")]
        if let missionMinutes { assumptions.append(String(format: "missions of %.1f min", missionMinutes)) }
        if let nightShare { assumptions.append(String(format: "night share %.2f", nightShare)) }
        if let flyableField {
            assumptions.append(String(format: "flyable per zone from %@ (weight mean %.2f)", flyableField, flyable))
        } else if flyable < 1 {
            assumptions.append(String(format: "flyable %.2f", flyable))
        }
        if let baseFlyableField { assumptions.append("flyable per base from \(baseFlyableField)") }
        return String(
            format: "expected coverage %.2f%% of the demand weight (grid; one aircraft per base, %@), against %.2f%% deterministic",
            expectedPercent, assumptions.joined(separator: ", "), deterministicPercent)
    }

    /// summary.json's `expected` member of a standard.
    public var json: JSONValue {
        let n = SummaryJSON.number
        let pct = { (part: Double, whole: Double) -> JSONValue in n(whole > 0 ? 100 * part / whole : 0) }
        var members: [(key: String, value: JSONValue)] = [
            ("busy", n(busy)), ("busy_source", .string(busyEstimated ? "estimated" : "given")),
            ("mission_minutes", missionMinutes.map(n) ?? .null), ("aircraft", .integer(aircraft)),
            ("night_share", nightShare.map(n) ?? .null), ("flyable", n(flyable)),
        ]
        if let flyableField { members.append(("flyable_field", .string(flyableField))) }
        if let baseFlyableField { members.append(("base_flyable_field", .string(baseFlyableField))) }
        return .object(
            members + [
                ("expected_covered_pct", n(expectedPercent)), ("grid_covered_pct", n(deterministicPercent)),
                (
                    "zones",
                    .array(
                        zones.map { zone in
                            .object([
                                ("id", .string(zone.id)), ("expected_km2", n(zone.expectedKm2)), ("grid_km2", n(zone.gridKm2)),
                                ("expected_covered_pct", pct(zone.expectedKm2, zone.gridKm2)),
                            ])
                        })
                ),
                (
                    "hazards",
                    .array(
                        hazards.map { h in
                            .object([("hazard", .string(h.hazard)), ("expected_covered_pct", pct(h.expectedKm2, h.gridKm2))])
                        })
                ),
                (
                    "regions",
                    .array(
                        regions.map { r in
                            .object([
                                ("name", .string(r.name)), ("expected_km2", n(r.expectedKm2)), ("grid_km2", n(r.gridKm2)),
                                ("expected_covered_pct", pct(r.expectedKm2, r.gridKm2)),
                            ])
                        })
                ),
            ])
    }
}
