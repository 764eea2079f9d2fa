import ArgumentParser
import Foundation
import GeoCore
import Isochrones
import Planner

/// `aircover assess`: what a given base set covers, with N−1 resilience.
struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exact coverage of a given base set (an existing network), with N−1 resilience.",
        discussion: """
            On a scenario: the scenario's existing bases (or --bases) at every standard; --minutes, --night/--day, --aircraft
            (with any figure), --cell-km and --tolerance (isochrone edges within that many metres of the true reach, inside it
            where the reach is convex: figures err low) replace the scenario's own, and the JSON records what was used.
            Directly on files: --zones with --bases, --aircraft (a catalog type, any of its figures overridden, or a new NAME
            with all seven figures) and --minutes; --json prints per zone id, area_km2, covered_km2 and covered_pct (exact
            polygon areas in an equal-area projection), and the totals.
            On a scenario, --output DIR also writes the map.svg, report.html, plan.geojson and plan.gpkg that plan writes, for
            the bases assessed (drawn as plan draws the existing network; no siting), under plan's output folder rules.
            Negative coordinates (west, south) are written plainly: --bases -21.94,64.13.

            Examples:
              aircover assess --cell-km 20
              aircover assess basemaps/liaoning/scenario.toml --bases ZYTX,ZYTL --cell-km 20 --night --minutes 60,120 --json
              aircover assess basemaps/liaoning/scenario.toml --bases "123.43,41.80;121.64,38.92" --minutes 60 --aircraft H225 --cell-km 20
              aircover assess --zones basemaps/liaoning/hazards.geojson --id id --bases "123.43,41.80;121.64,38.92" --aircraft AW139 --minutes 60 --json
              aircover assess --zones zones.geojson --bases -21.94,64.13 --aircraft H225 --minutes 60 --wind 270@40 --json
              aircover assess --zones zones.geojson --bases -21.94,64.13 --aircraft Rescue1 --cruise-speed-kmh 250 --dispatch-day-min 10 --dispatch-night-min 20 --endurance-min 180 --reserve-min 20 --on-scene-min 15 --max-altitude-m 4500 --minutes 30 --night
            """
    )

    @Argument(help: ArgumentHelp("Scenario file (TOML); default: the embedded Liaoning scenario.", valueName: "SCENARIO"))
    var scenario: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Bases: LON,LAT;LON,LAT (e.g. -21.94,64.13 west of Greenwich), a points file (CSV lon/lat or any GDAL format), or scenario site ids ID,ID.",
            valueName: "BASES"),
        transform: SignedOptionValue.text)
    var bases: String?

    @Option(help: ArgumentHelp("Zones to cover (polygons, any GDAL format), instead of a scenario.", valueName: "FILE"))
    var zones: String?

    @Option(help: ArgumentHelp("Field with the zone ids (--zones).", valueName: "FIELD"))
    var id: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Response-time standards in minutes: one with --zones, else instead of the scenario's.", valueName: "MIN,MIN"),
        transform: SignedOptionValue.text)
    var minutes: String?
    @Option(
        parsing: .unconditional, help: ArgumentHelp("Uniform wind (--zones): the direction it blows from, degrees, @ speed, km/h.", valueName: "FROM_DEG@KMH"),
        transform: SignedOptionValue.text)
    var wind: String?
    @OptionGroup var overrides: ScenarioOverrides
    @Flag(help: "Print one JSON object.") var json = false
    @Option(
        help: ArgumentHelp("Also write map.svg, report.html, plan.geojson and plan.gpkg for these bases into this folder (a scenario only).", valueName: "DIR"))
    var output: String?

    func run() throws {
        let assessment: Assessment
        if let zones {
            guard scenario == nil else { throw ValidationError("give a SCENARIO or --zones, not both") }
            guard output == nil else { throw ValidationError("--output goes with a SCENARIO: assess --zones prints its figures only") }
            guard let bases, overrides.aircraft.name != nil, let minutes else {
                throw ValidationError("--zones needs --bases, --aircraft and --minutes")
            }
            let thresholds = try InputSyntax.minutes(minutes)
            guard thresholds.count == 1 else { throw ValidationError("--zones takes one standard: --minutes N") }
            var cellKm: Double = 2
            if let given = overrides.cellKm {
                guard given >= 0.1, given.isFinite else { throw InputError("--cell-km must be at least 0.1 km") }
                cellKm = given
            }
            var direct = try Scenario.direct(
                zones: URL(fileURLWithPath: zones), idField: id, aircraft: try overrides.aircraft.profile(),
                minutes: thresholds, night: overrides.dispatch == .night,
                wind: try wind.map(InputSyntax.wind), cellKm: cellKm)
            direct.isochroneToleranceMetres = overrides.boundary.tolerance
            let sites = try BaseSelection.parse(bases)
            assessment = try Assessment.run(try Study.load(direct, bases: sites), progress: .forStandardError())
            print(json ? assessment.directJSON().serialized : assessment.text(), terminator: json ? "\n" : "")
        } else {
            for (flag, given) in [("--id", id != nil), ("--wind", wind != nil)] where given {
                throw ValidationError("\(flag) goes with --zones; a scenario names its own")
            }
            var loaded = try ScenarioOption.load(scenario)
            try ScenarioOption.override(minutes: minutes, of: &loaded)
            try overrides.apply(to: &loaded)
            let folder = try output.map { try ScenarioOption.outputFolder($0, of: loaded) }
            let study = try Study.load(loaded)
            let progress = Planner.Progress.forStandardError()
            study.notes.forEach(progress.note)
            let sites = try bases.map { try BaseSelection.parse($0, study: study) }
            assessment = try Assessment.run(study, bases: sites, progress: progress)
            if let folder {
                let files = try PlanOutputs.maps(try PlanRun(assessment: assessment), versions: .current)
                try folder.write(files)
                FileHandle.standardError.write(Data("wrote \(folder.path): \(files.keys.sorted().joined(separator: ", "))\n".utf8))
            }
            print(json ? assessment.json().serialized : assessment.text(), terminator: json ? "\n" : "")
        }
    }
}
