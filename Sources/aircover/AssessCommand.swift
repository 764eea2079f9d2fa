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
        On a scenario: the scenario's existing bases (or --bases) at every standard.
        Directly on files: --zones with --bases, --aircraft and --minutes; --json prints per zone id, area_km2,
        covered_km2 and covered_pct (exact polygon areas in an equal-area projection), and the totals.

        Examples:
          aircover assess
          aircover assess basemaps/liaoning/scenario.toml --bases ZYTL,ZYYJ --json
          aircover assess --zones zones.geojson --id code --bases 123.43,41.80;121.64,38.92 --aircraft AW139 --minutes 60 --json
          aircover assess --zones zones.gpkg --bases bases.csv --aircraft H135 --minutes 30 --night --wind 270@40
        """
    )

    @Argument(help: ArgumentHelp("Scenario file (TOML); default: the embedded Liaoning scenario.", valueName: "SCENARIO"))
    var scenario: String?

    @Option(help: ArgumentHelp("Bases: LON,LAT;LON,LAT, a points file (CSV lon/lat or any GDAL format), or scenario site ids ID,ID.", valueName: "BASES"))
    var bases: String?

    @Option(help: ArgumentHelp("Zones to cover (polygons, any GDAL format), instead of a scenario.", valueName: "FILE"))
    var zones: String?

    @Option(help: ArgumentHelp("Field with the zone ids (--zones).", valueName: "FIELD"))
    var id: String?

    @Option(help: "Aircraft type (--zones).") var aircraft: String?
    @Option(help: ArgumentHelp("A catalog file adding to the built-in one.", valueName: "FILE")) var catalog: String?
    @Option(help: ArgumentHelp("Response-time standard in minutes (--zones).", valueName: "MIN")) var minutes: String?
    @Flag(help: "Night dispatch (--zones).") var night = false
    @Option(help: ArgumentHelp("Uniform wind (--zones).", valueName: "FROM_DEG@KMH")) var wind: String?
    @Option(name: .customLong("cell-km"), help: ArgumentHelp("Grid cell size for the grid estimate (--zones).", valueName: "KM")) var cellKm: Double = 2
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let assessment: Assessment
        if let zones {
            guard scenario == nil else { throw ValidationError("give a SCENARIO or --zones, not both") }
            guard let bases, let aircraft, let minutes else {
                throw ValidationError("--zones needs --bases, --aircraft and --minutes")
            }
            let thresholds = try InputSyntax.minutes(minutes)
            guard thresholds.count == 1 else { throw ValidationError("--zones takes one standard: --minutes N") }
            let profile = try AircraftCatalog.available(adding: catalog.map { URL(fileURLWithPath: $0) }).profile(named: aircraft)
            let direct = try Scenario.direct(zones: URL(fileURLWithPath: zones), idField: id, aircraft: profile, minutes: thresholds,
                                             night: night, wind: try wind.map(InputSyntax.wind), cellKm: cellKm)
            let sites = try BaseSelection.parse(bases)
            assessment = try Assessment.run(try Study.load(direct, bases: sites), progress: .forStandardError())
            print(json ? assessment.directJSON().serialized : assessment.text(), terminator: json ? "\n" : "")
        } else {
            for (flag, given) in [("--aircraft", aircraft != nil), ("--minutes", minutes != nil), ("--id", id != nil), ("--wind", wind != nil), ("--night", night)] where given {
                throw ValidationError("\(flag) goes with --zones; a scenario names its own")
            }
            let study = try Study.load(try ScenarioOption.load(scenario))
            let sites = try bases.map { try BaseSelection.parse($0, study: study) }
            assessment = try Assessment.run(study, bases: sites, progress: .forStandardError())
            print(json ? assessment.json().serialized : assessment.text(), terminator: json ? "\n" : "")
        }
    }
}
