import Foundation
import GeoCore
import Planner
import Support

/// What the server holds for its whole life: the scenario's study, read once,
/// and what it answers from it. Every figure comes from `Assessment` (the
/// code `aircover assess` runs) and every solve from `ScenarioSiting` (the
/// code `aircover site` runs); the server has no pipeline of its own.
public final class PlannerSession: Sendable {
    public let study: Study
    /// `GET /api/scenario`'s reply, serialized once.
    let scenarioJSON: String
    /// The aircraft types a request may choose (the scenario's own first).
    let aircraftTypes: AircraftTypes
    /// The study flown by another aircraft or dispatch than the scenario's:
    /// the same layers, grid and sites with the reach models rebuilt
    /// (`Study.flown(aircraft:atNight:)`), on first use, once per flight.
    private let flights: LazyValues<Flight, Study>
    /// Coverage at one standard and flight, built on the first solve or estimate that needs it.
    private let sitings: LazyValues<SitingKey, ScenarioSiting>
    /// Each grid cell's reporting region (`/api/estimate`), found on first use.
    private let cellRegions: LazyValue<CellRegions>
    private let pool = ComputePool()
    /// Each base's reach, matrix row and N−1 piece, kept across requests (`ReachCache`).
    let reachCache = ReachCache()
    /// The last plans' assessments, shared by `/api/assess` and `/api/layers` (`RecentAssessments`).
    private let recent = RecentAssessments()
    /// `GET /api/basemap`'s reply (`Basemap`), serialized on first use.
    private let basemap: LazyValue<String>
    /// The scenario file as read at start, and its folder (`/api/export`'s
    /// TOML); nil when the study was not read from one.
    private let scenarioFile: (table: ConfigTable, directory: String)?
    /// The background solves (`/api/solve`), on a thread of their own so a
    /// long solve never holds up an assessment.
    let solves: SolveJobs

    /// A session on a study read with `Study.load`; `tiles`: a raster tile
    /// URL the page adds for users online (`TileURL`), or nil (offline).
    public init(study: Study, tiles: String? = nil) throws {
        self.study = study
        let aircraftTypes = AircraftTypes(study: study)
        self.aircraftTypes = aircraftTypes
        scenarioJSON = try ScenarioDescription.json(of: study, aircraft: aircraftTypes, tiles: try tiles.map(TileURL.check)).serialized + "\n"
        basemap = LazyValue { try Basemap.json(of: study).serialized + "\n" }
        let own = Flight(aircraft: study.scenario.aircraft, night: study.scenario.night)
        let flights = LazyValues<Flight, Study> { flight in try study.flown(aircraft: flight.aircraft, atNight: flight.night) }
        self.flights = flights
        let flown: @Sendable (Flight) throws -> Study = { flight in flight == own ? study : try flights.value(flight) }
        sitings = LazyValues { key in try ScenarioSiting(study: try flown(key.flight), minutes: key.minutes) }
        solves = SolveJobs(sitings: sitings)
        cellRegions = LazyValue { CellRegions(study: study) }
        let source = study.scenario.source
        let real = PathNames.real(PathNames.fromCommandLine(source.path)) ?? source.path
        scenarioFile =
            source.pathExtension.lowercased() == "toml"
            ? (try? ConfigTable.load(tomlFile: source)).map { ($0, (real as NSString).deletingLastPathComponent) } : nil
    }

    /// Builds, on a background thread, the cells' regions, the study's
    /// evaluation frame (`Study.prepareEvaluation`, which the first exact
    /// figures need), the candidates' coverage at every standard of the
    /// scenario (its own dispatch, longest standard first, as the page opens
    /// on it), so that grid estimates answer at once from the first click,
    /// and then the existing bases' parts (`reachCache`) at every standard,
    /// which the page's first exact figures and every later plan keeping
    /// them use. A request that needs a coverage still being built waits for
    /// it; nothing is built twice.
    func prepareCoverage() {
        let thread = Thread { [sitings, cellRegions, study, reachCache] in
            _ = try? cellRegions.value()
            try? study.prepareEvaluation()
            let flight = Flight(aircraft: study.scenario.aircraft, night: study.scenario.night)
            for minutes in study.scenario.minutes.reversed() {
                _ = try? sitings.value(SitingKey(minutes: minutes, flight: flight))
            }
            for minutes in study.scenario.minutes.reversed() {
                _ = try? reachCache.coverage(of: study.existing, minutes: minutes, flight: flight, study: study)
            }
        }
        thread.name = "aircover serve: coverage of every standard"
        thread.qualityOfService = .utility
        thread.start()
    }

    /// The study flown by `flight`'s aircraft, by day or night.
    func flown(_ flight: Flight) throws -> Study {
        flight == Flight(aircraft: study.scenario.aircraft, night: study.scenario.night) ? study : try flights.value(flight)
    }

    /// `POST /api/assess`: the `aircover assess --json` object for the
    /// request's bases at its one standard, aircraft and dispatch.
    func assess(body: [UInt8]) async throws -> JSONValue {
        try await assessment(try AssessRequest(body: body, study: study, aircraft: aircraftTypes)).json()
    }

    /// The assessment of the request's plan (`Assessment.run`, in the pool,
    /// on the bases' parts kept in `reachCache`), computed once for
    /// `/api/assess` and `/api/layers` (`recent`).
    func assessment(_ request: AssessRequest) async throws -> Assessment {
        let plan = RecentAssessments.plan(bases: request.bases, minutes: request.minutes, flight: request.flight)
        return try await recent.assessment(of: plan) { [self] in
            try await pool.run { [self] in
                let flown = try flown(request.flight)
                return try Assessment.run(
                    flown, bases: request.bases, standards: [request.minutes],
                    coverage: CachedCoverage(study: flown, flight: request.flight, cache: reachCache))
            }
        }
    }

    /// `POST /api/estimate`: the grid estimate of the request's bases
    /// (`GridEstimate`) with `seconds`, the server's time for it. The first
    /// request at a standard and dispatch builds the candidates' coverage
    /// (the solves' own, kept), in the pool; later ones answer on the spot.
    /// Another aircraft than the scenario's first builds its reach models
    /// (`flown`), then that coverage: the cost of a first `aircover site`
    /// run's coverage stage for that aircraft.
    func estimate(body: [UInt8]) async throws -> JSONValue {
        let request = try AssessRequest(body: body, study: study, aircraft: aircraftTypes)
        let started = ContinuousClock.now
        let key = SitingKey(minutes: request.minutes, flight: request.flight)
        // Once the coverage is built, the estimate takes milliseconds: it is
        // computed here rather than queued behind assessments in the pool.
        let estimate: JSONValue
        if let siting = sitings.ifBuilt(key), let regions = cellRegions.ifBuilt() {
            estimate = try GridEstimate.json(bases: request.bases, siting: siting, regions: regions)
        } else {
            estimate = try await pool.run { [sitings, cellRegions] in
                try GridEstimate.json(bases: request.bases, siting: try sitings.value(key), regions: try cellRegions.value())
            }
        }
        guard case .object(let members) = estimate else { return estimate }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        return .object(members + [("seconds", .number(seconds))])
    }

    /// `GET /api/basemap`: the offline basemap (`Basemap`), built once in the pool.
    func basemapJSON() async throws -> String {
        try await pool.run { [basemap] in try basemap.value() }
    }

    /// `POST /api/layers`: the served region and the zones' uncovered parts
    /// of the request's bases (`CoverageLayers`), from the plan's assessment
    /// (the one `/api/assess` answers from), drawn in the pool.
    func layers(body: [UInt8]) async throws -> JSONValue {
        let assessment = try await assessment(try AssessRequest(body: body, study: study, aircraft: aircraftTypes))
        return try await pool.run { try CoverageLayers.json(assessment: assessment) }
    }

    /// `POST /api/export`: the plan as a file (`PlanDownload`).
    func export(body: [UInt8]) async throws -> PlanDownload {
        let request = try ExportRequest(body: body, study: study, aircraft: aircraftTypes)
        return try await pool.run { [self] in
            try PlanDownload.make(
                request.format, bases: request.plan.bases, minutes: request.plan.minutes,
                study: try flown(request.plan.flight), scenario: scenarioFile,
                aircraftChosen: request.plan.aircraft != study.scenario.aircraft)
        }
    }

    /// `POST /api/solve`: a new background solve (`SolveJobs.start`).
    func solve(body: [UInt8]) throws -> SolveJob {
        try solves.start(try SolveJobRequest(body: body, study: study, aircraft: aircraftTypes))
    }
}
