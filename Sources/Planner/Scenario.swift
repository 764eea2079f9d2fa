import Foundation
import Coverage
import GeoCore
import Isochrones
import Support

/// A study, as described by a scenario file (TOML). Paths are relative to
/// the file. See docs/SCENARIO.md for every key; `load` checks them all and
/// names the key of every mistake.
public struct Scenario: Sendable {
    public var name: String
    public var source: URL
    /// Polygon layer of zones to cover, with the fields that name them.
    public var zones: URL
    public var zoneIDField: String?
    /// Keeps the zones whose fields equal these values (e.g. hazard = "flood").
    public var zoneFilter: [String: String] = [:]
    public var zoneNameField: String?
    public var hazardField: String?
    /// Hazard type for every zone when no field gives it.
    public var hazard: String
    public var riskField: String?
    /// Population points (any GDAL vector format or CSV lon/lat) and the field with the counts.
    public var population: URL?
    public var populationField: String
    public var populationFilter: [String: String] = [:]
    public var weighting: Weighting
    /// Polygons (e.g. counties) whose coverage is reported, named by `regionField`.
    public var regions: URL?
    public var regionField: String
    /// Layer of existing bases (points), with an optional field filter.
    public var existingBases: URL
    public var baseFilter: [String: String]
    public var baseIDField: String
    /// Extra candidate bases; the existing ones are always candidates too.
    public var candidates: [URL]
    public var candidateFilter: [String: String]
    /// Id field of the candidate files (default: `baseIDField`).
    public var candidateIDField: String? = nil
    /// Field holding each site's opening cost (budgeted models); every site costs 1 without it.
    public var costField: String?
    /// Field naming the aircraft type stationed at each site (catalog names); sites without one fly `aircraft`.
    public var aircraftField: String? = nil
    /// A catalog file adding to the built-in one (`[aircraft] catalog`).
    public var aircraftCatalog: URL? = nil
    /// The default aircraft.
    public var aircraft: Aircraft
    public var minutes: [Double]
    public var night: Bool
    /// Flight conditions: uniform wind or a u/v wind raster, no-fly zones, terrain.
    public var wind: WindVector?
    public var windField: URL?
    public var noFly: URL?
    public var dem: URL?
    public var cellKm: Double
    /// How far isochrone edges may lie from the true reach boundary, metres
    /// (`--tolerance`; `IsochroneBuilder.acceptedTolerances`).
    public var isochroneToleranceMetres: Double = 100
    public var siting: SitingPlanOptions
    public var output: URL
    /// Vector layers (WGS84 lon/lat, e.g. land and province boundaries)
    /// drawn dimmed behind the zones on the maps (`[output] context`).
    public var context: [URL] = []
    /// `[availability]`: busy aircraft, missions, night and weather, for the
    /// expected coverage figures and `simulate`; nil without the table.
    public var availability: AvailabilityOptions? = nil
    /// Missions a year over all zones (`[availability] missions_per_year`),
    /// what `aircover simulate` spreads over the grid cells by weight; `nil`
    /// when the scenario gives none.
    public var missionsPerYear: Double? { availability?.missionsPerYear }

    /// Which siting models `plan` runs, and for which standards.
    public struct SitingPlanOptions: Sendable {
        /// Standards (minutes) at which the fewest bases covering everything are sought.
        public var lscpMinutes: [Double]
        /// Standards at which MCLP runs for every p in `mclpSiteCounts`.
        public var mclpMinutes: [Double]
        public var mclpSiteCounts: [Int]
        /// Keep the existing bases open in every model ("where do more bases
        /// go?"); in MEXCLP and MALP each holds at least one of the P aircraft.
        public var keepExisting: Bool
        /// Seconds for each exact solve.
        public var timeLimit: Double
        /// MEXCLP (expected covering, busy share from `[availability]`) for
        /// each number of aircraft P, at `mexclpMinutes`, at most
        /// `mexclpPerSite` aircraft at one site.
        public var mexclpSiteCounts: [Int] = []
        public var mexclpMinutes: [Double] = []
        public var mexclpPerSite: Int = 1
        /// MALP I (maximum availability: demand reached with probability at
        /// least `malpAlpha`) for each number of aircraft P, at `malpMinutes`,
        /// at most `mexclpPerSite` aircraft at one site.
        public var malpSiteCounts: [Int] = []
        public var malpMinutes: [Double] = []
        public var malpAlpha: Double? = nil
        /// Max–min fairness over the reporting regions (`[demand] regions`)
        /// for each number of bases p, at `maxminMinutes`: the least
        /// region's covered share as high as it goes, then the total.
        public var maxminSiteCounts: [Int] = []
        public var maxminMinutes: [Double] = []
    }

    static let keys: [String: Set<String>] = [
        "": ["study", "demand", "bases", "aircraft", "standards", "flight", "siting", "output", "availability"],
        "study": ["name"],
        "demand": [
            "zones", "zone_filter", "id_field", "name_field", "hazard", "hazard_field", "risk_field", "cell_km",
            "population", "population_field", "population_filter", "weighting", "risk_share", "regions", "region_field",
        ],
        "bases": ["existing", "filter", "id_field", "candidates", "candidate_filter", "cost_field", "aircraft_field", "candidate_id_field"],
        "standards": ["minutes", "night"],
        "flight": ["wind", "wind_field", "no_fly", "dem"],
        "siting": [
            "lscp_minutes", "mclp_minutes", "mclp_p", "keep_existing", "time_limit", "mexclp_p", "mexclp_minutes", "per_site", "malp_p", "malp_minutes",
            "malp_alpha", "maxmin_p", "maxmin_minutes",
        ],
        "output": ["folder", "context"],
        "availability": AvailabilityOptions.keys,
    ]

    /// Reads and checks a scenario file; every mistake names its key.
    public static func load(_ url: URL) throws -> Scenario {
        guard FileManager.default.fileExists(atPath: url.path) else { throw InputError("\(url.path): no such scenario file") }
        let root = try ConfigTable.load(tomlFile: url)
        try root.rejectUnknownKeys(allowed: keys[""]!)
        // Paths are relative to the scenario file's real location, `..` included.
        let absoluteFile = PathNames.fromCommandLine(url.path)
        let directory = ((PathNames.real(absoluteFile) ?? absoluteFile) as NSString).deletingLastPathComponent
        func section(_ name: String, required: Bool = true) throws -> ConfigTable? {
            guard let table = try root.optionalTable(name) else {
                if required { throw root.error("[\(name)]", "is missing") }
                return nil
            }
            try table.rejectUnknownKeys(allowed: keys[name]!)
            return table
        }
        func resolve(_ path: String) -> URL { URL(fileURLWithPath: PathNames.absolute(path, relativeTo: directory)) }
        func existing(_ table: ConfigTable, _ key: String, _ path: String) throws -> URL {
            let resolved = resolve(path)
            guard FileManager.default.fileExists(atPath: resolved.path) else {
                throw table.error(key, "names \(resolved.path), which does not exist")
            }
            return resolved
        }
        func file(_ table: ConfigTable, _ key: String) throws -> URL { try existing(table, key, try table.string(key)) }
        func optionalFile(_ table: ConfigTable?, _ key: String) throws -> URL? {
            guard let table, table.contains(key) else { return nil }
            return try file(table, key)
        }
        func filter(_ table: ConfigTable, _ key: String) throws -> [String: String] {
            var filter: [String: String] = [:]
            if let sub = try table.optionalTable(key) {
                for name in sub.keys { filter[name] = try sub.string(name) }
            }
            return filter
        }
        let study = try section("study")!, demand = try section("demand")!, bases = try section("bases")!
        let standards = try section("standards")!, output = try section("output", required: false)
        let flight = try section("flight", required: false), siting = try section("siting", required: false)
        let availability = try section("availability", required: false).map(AvailabilityOptions.read)
        var context: [URL] = []
        if let output, let raw = output.value["context"] {
            let paths: [String] = try raw.stringValue.map { [$0] } ?? output.strings("context")
            context = try paths.map { try existing(output, "context", $0) }
        }

        let minutes = try standards.numbers("minutes")
        guard !minutes.isEmpty, minutes.allSatisfy({ $0 > 0 && $0 <= InputSyntax.longestStandardMinutes }),
            zip(minutes, minutes.dropFirst()).allSatisfy({ $0 < $1 })
        else {
            throw standards.error(
                "minutes", "must list positive, increasing response-time standards up to \(Int(InputSyntax.longestStandardMinutes)) min, e.g. [60, 120]")
        }
        let cellKm = try demand.optionalNumber("cell_km") ?? 2
        guard cellKm >= 0.1 else { throw demand.error("cell_km", "must be at least 0.1 km") }
        let weighting = try weighting(demand)

        var candidates: [URL] = []
        if let raw = bases.value["candidates"] {
            let paths: [String] = try raw.stringValue.map { [$0] } ?? bases.strings("candidates")
            candidates = try paths.map { try existing(bases, "candidates", $0) }
        }
        guard let aircraftTable = try root.optionalTable("aircraft") else { throw root.error("[aircraft]", "is missing") }
        let aircraft = try aircraftProfile(aircraftTable, resolve: { try existing(aircraftTable, "catalog", $0) })
        var wind: WindVector?
        if let text = try flight?.optionalString("wind") {
            do { wind = try InputSyntax.wind(text) } catch let error as InputError { throw flight!.error("wind", error.message) }
        }
        let windField = try optionalFile(flight, "wind_field")
        if wind != nil && windField != nil { throw flight!.error("wind_field", "give wind or wind_field, not both") }
        let plans = try sitingOptions(siting, minutes: minutes)
        for (key, counts) in [("mexclp_p", plans.mexclpSiteCounts), ("malp_p", plans.malpSiteCounts)] where !counts.isEmpty {
            guard availability != nil else { throw siting!.error(key, "needs an [availability] table: the model weighs coverage by the busy share") }
        }
        if !plans.maxminSiteCounts.isEmpty {
            guard demand.contains("regions") else {
                throw siting!.error("maxmin_p", "needs reporting regions ([demand] regions), the groups whose least covered share it raises")
            }
            if plans.keepExisting {
                throw siting!.error("maxmin_p", "does not keep existing bases open: set keep_existing = false or leave out maxmin_p")
            }
        }
        return Scenario(
            name: try studyName(study), source: url,
            zones: try file(demand, "zones"), zoneIDField: try demand.optionalString("id_field"),
            zoneFilter: try filter(demand, "zone_filter"),
            zoneNameField: try demand.optionalString("name_field"), hazardField: try demand.optionalString("hazard_field"),
            hazard: try demand.optionalString("hazard") ?? "all", riskField: try demand.optionalString("risk_field"),
            population: try optionalFile(demand, "population"),
            populationField: try demand.optionalString("population_field") ?? "population",
            populationFilter: try filter(demand, "population_filter"), weighting: weighting,
            regions: try optionalFile(demand, "regions"), regionField: try demand.optionalString("region_field") ?? "name",
            existingBases: try file(bases, "existing"), baseFilter: try filter(bases, "filter"),
            baseIDField: try bases.optionalString("id_field") ?? "id",
            candidates: candidates, candidateFilter: try filter(bases, "candidate_filter"),
            candidateIDField: try bases.optionalString("candidate_id_field"),
            costField: try bases.optionalString("cost_field"), aircraftField: try bases.optionalString("aircraft_field"),
            aircraftCatalog: try aircraftTable.optionalString("catalog").map { try existing(aircraftTable, "catalog", $0) },
            aircraft: aircraft, minutes: minutes, night: try standards.optionalBool("night") ?? false,
            wind: wind, windField: windField, noFly: try optionalFile(flight, "no_fly"), dem: try optionalFile(flight, "dem"),
            cellKm: cellKm, siting: plans,
            // Without [output] folder: out/<file name without .toml> in the working directory.
            output: try output?.optionalString("folder").map(resolve)
                ?? URL(fileURLWithPath: "out", isDirectory: true).appendingPathComponent(url.deletingPathExtension().lastPathComponent),
            context: context, availability: availability)
    }

    /// Longest study name, in characters: a title for reports and maps.
    static let studyNameLimit = 200

    /// `[study] name`: a title of 1 to `studyNameLimit` characters on one line.
    private static func studyName(_ study: ConfigTable) throws -> String {
        let name = try study.string("name")
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw study.error("name", "is empty; give the study a title") }
        guard name.count <= studyNameLimit else {
            throw study.error("name", "is \(name.count) characters long; a study name is a title of at most \(studyNameLimit) characters")
        }
        guard !name.contains(where: \.isNewline) else { throw study.error("name", "must be one line") }
        return name
    }

    /// The numeric profile fields a scenario may override on a catalog type.
    static let aircraftFigures = [
        "cruise_speed_kmh", "dispatch_day_min", "dispatch_night_min", "endurance_min",
        "reserve_min", "on_scene_min", "max_altitude_m",
    ]

    /// [aircraft]: a full inline profile (every figure given), or a catalog
    /// type by `name` (from the built-in catalog plus an optional `catalog`
    /// file) with any of its figures overridden; overrides are recorded in
    /// the profile's sources.
    private static func aircraftProfile(_ table: ConfigTable, resolve: (String) throws -> URL) throws -> Aircraft {
        let catalogFile = try table.optionalString("catalog").map(resolve)
        if aircraftFigures.allSatisfy(table.contains) {
            // An inline profile; `catalog` then only serves the types named per site.
            guard case .object(let members) = table.value else { return try AircraftCatalog.profile(from: table) }
            return try AircraftCatalog.profile(
                from: ConfigTable(
                    source: table.source, path: table.path,
                    value: .object(members.filter { $0.key != "catalog" })))
        }
        try table.rejectUnknownKeys(allowed: Set(aircraftFigures + ["name", "catalog"]))
        var profile: Aircraft
        do {
            profile = try AircraftCatalog.available(adding: catalogFile).profile(named: try table.string("name"))
        } catch let error as AircraftError {
            let missing = aircraftFigures.filter { !table.contains($0) }
            throw table.error(
                "name",
                "\"\(error.aircraft)\" is \(error.problem)"
                    + (table.keys.count > 1 ? " (an inline profile needs all of \(missing.joined(separator: ", ")))" : ""))
        }
        let paths: [String: WritableKeyPath<Aircraft, Double>] = [
            "cruise_speed_kmh": \.cruiseSpeedKmh, "dispatch_day_min": \.dispatchDayMin, "dispatch_night_min": \.dispatchNightMin,
            "endurance_min": \.enduranceMin, "reserve_min": \.reserveMin, "on_scene_min": \.onSceneMin, "max_altitude_m": \.maxAltitudeM,
        ]
        for key in aircraftFigures where table.contains(key) {
            profile[keyPath: paths[key]!] = try table.number(key)
            profile.sources[key.hasPrefix("dispatch") ? "dispatch" : key] = "scenario override: \(key) = \(profile[keyPath: paths[key]!])"
        }
        do { try profile.validateForPlanning() } catch let error as AircraftError { throw table.error(nil, error.problem) }
        return profile
    }

    private static func weighting(_ demand: ConfigTable) throws -> Weighting {
        let share = try demand.optionalNumber("risk_share")
        switch try demand.optionalString("weighting") ?? "risk" {
        case "risk": return .risk
        case "area": return .area
        case "population":
            guard demand.contains("population") else { throw demand.error("weighting", "is \"population\" but no population layer is given") }
            return .population
        case "mix":
            guard demand.contains("population") else { throw demand.error("weighting", "is \"mix\" but no population layer is given") }
            guard let share, (0...1).contains(share) else { throw demand.error("risk_share", "must be a number from 0 to 1 with weighting = \"mix\"") }
            return .mix(riskShare: share)
        case let other:
            throw demand.error("weighting", "is \"\(other)\"; choose risk, area, population or mix")
        }
    }

    private static func sitingOptions(_ siting: ConfigTable?, minutes: [Double]) throws -> SitingPlanOptions {
        guard let siting else {
            return SitingPlanOptions(lscpMinutes: minutes, mclpMinutes: [], mclpSiteCounts: [], keepExisting: false, timeLimit: 60)
        }
        func standards(_ key: String, default value: [Double]) throws -> [Double] {
            guard siting.contains(key) else { return value }
            let listed = try siting.numbers(key)
            for m in listed where !minutes.contains(m) {
                throw siting.error(key, "names \(m) min, which is not among the standards \(minutes)")
            }
            return listed
        }
        func wholeNumbers(_ key: String, of what: String) throws -> [Int] {
            try siting.numbers(key).map { value -> Int in
                guard value >= 1, value == value.rounded(), value < 100_000 else { throw siting.error(key, "must hold whole numbers of \(what) ≥ 1") }
                return Int(value)
            }
        }
        let counts = try wholeNumbers("mclp_p", of: "bases")
        let aircraftCounts = siting.contains("mexclp_p") ? try wholeNumbers("mexclp_p", of: "aircraft") : []
        if siting.contains("mexclp_minutes") && aircraftCounts.isEmpty {
            throw siting.error("mexclp_minutes", "needs mexclp_p, the numbers of aircraft to place")
        }
        let malpCounts = siting.contains("malp_p") ? try wholeNumbers("malp_p", of: "aircraft") : []
        let maxminCounts = siting.contains("maxmin_p") ? try wholeNumbers("maxmin_p", of: "bases") : []
        if siting.contains("maxmin_minutes") && maxminCounts.isEmpty {
            throw siting.error("maxmin_minutes", "needs maxmin_p, the numbers of bases to place")
        }
        for key in ["malp_minutes", "malp_alpha"] where siting.contains(key) && malpCounts.isEmpty {
            throw siting.error(key, "needs malp_p, the numbers of aircraft to place")
        }
        let alpha = try siting.optionalNumber("malp_alpha")
        if !malpCounts.isEmpty {
            guard let alpha else { throw siting.error("malp_alpha", "is missing: the reliability α (0 < α < 1) each demand must be reached with, e.g. 0.9") }
            guard alpha > 0, alpha < 1 else { throw siting.error("malp_alpha", "must be a reliability α with 0 < α < 1") }
        }
        if siting.contains("per_site") && aircraftCounts.isEmpty && malpCounts.isEmpty {
            throw siting.error("per_site", "is used only with mexclp_p or malp_p")
        }
        let perSite = try siting.optionalNumber("per_site") ?? 1
        guard perSite >= 1, perSite == perSite.rounded(), perSite <= 1_000 else {
            throw siting.error("per_site", "must be a whole number of aircraft from 1 to 1,000")
        }
        let timeLimit = try siting.optionalNumber("time_limit") ?? 60
        guard timeLimit > 0 else { throw siting.error("time_limit", "must be a positive number of seconds") }
        var options = SitingPlanOptions(
            lscpMinutes: try standards("lscp_minutes", default: minutes),
            mclpMinutes: try standards("mclp_minutes", default: counts.isEmpty ? [] : minutes),
            mclpSiteCounts: counts, keepExisting: try siting.optionalBool("keep_existing") ?? false,
            timeLimit: timeLimit, mexclpSiteCounts: aircraftCounts,
            mexclpMinutes: try standards("mexclp_minutes", default: aircraftCounts.isEmpty ? [] : minutes),
            mexclpPerSite: Int(perSite), malpSiteCounts: malpCounts,
            malpMinutes: try standards("malp_minutes", default: malpCounts.isEmpty ? [] : minutes), malpAlpha: alpha)
        options.maxminSiteCounts = maxminCounts
        options.maxminMinutes = try standards("maxmin_minutes", default: maxminCounts.isEmpty ? [] : minutes)
        return options
    }

    /// Every file a run of this scenario reads: the scenario file and each
    /// layer it names. An output folder may hold none of them.
    public var inputs: [URL] {
        [source, zones, existingBases] + candidates
            + [population, regions, aircraftCatalog, windField, noFly, dem].compactMap { $0 } + context
    }

    /// The default scenario shipped in basemaps/ (located from this source
    /// file, so it works from a checkout of the repository).
    public static var defaultFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../basemaps/liaoning/scenario.toml").standardized
    }
}
