import Coverage
import Foundation
import GeoCore
import Isochrones
import Support

/// aircover-bench: timings that tools/bench sets beside the peers'.
///
///   aircover-bench isochrones --bases N --minutes M --tolerance T [--wind FROM@KMH]
///
/// prints one JSON object: the task, the instance, wall and CPU seconds on
/// one thread, polygons per second, and the total area (km² by GEOS in
/// degrees is not an area; so the sum of vertex counts and of lon/lat areas,
/// for the harness to compare shapes with the peer's).
func argument(_ name: String, default value: String) -> String {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return value }
    return args[i + 1]
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func benchmarkIsochrones() throws {
    let count = Int(argument("--bases", default: "200"))!
    let minutes = Double(argument("--minutes", default: "120"))!
    let tolerance = Double(argument("--tolerance", default: "100"))!
    let windText = argument("--wind", default: "")
    var wind = Wind.calm
    if !windText.isEmpty {
        let parts = windText.split(separator: "@").compactMap { Double($0) }
        wind = .uniform(WindVector(fromDegrees: parts[0], speedKmh: parts[1]))
    }
    // The peer uses the same figures: 280 km/h, 10 min dispatch, range never binding.
    let aircraft = Aircraft(
        name: "bench", cruiseSpeedKmh: 280, dispatchDayMin: 10, dispatchNightMin: 10,
        enduranceMin: 600, reserveMin: 20, onSceneMin: 15, maxAltitudeM: 6000)
    let builder = IsochroneBuilder(model: try ReachModel(aircraft: aircraft, wind: wind), toleranceMetres: tolerance)
    let bases = BenchmarkBases.liaoning(count: count)
    let cpu0 = cpuSeconds(), wall0 = Date()
    var vertices = 0
    var area = 0.0
    for base in bases {
        let isochrone = try builder.isochrone(base: base, minutes: minutes)
        vertices += isochrone.vertexCount
        area += isochrone.geometry.area
    }
    let wall = Date().timeIntervalSince(wall0), cpu = cpuSeconds() - cpu0
    let result: JSONValue = .object([
        ("task", .string(windText.isEmpty ? "isochrones" : "isochrones-wind")),
        ("bases", .integer(count)), ("minutes", .number(minutes)), ("tolerance_m", .number(tolerance)),
        ("wind", .string(windText)), ("wall_s", .number(wall)), ("cpu_s", .number(cpu)),
        ("per_second_per_core", .number(Double(count) / cpu)), ("vertices", .integer(vertices)),
        ("lonlat_area_sum", .number(area)), ("peak_rss_mb", .number(peakResidentMegabytes())),
    ])
    print(result.serialized)
}

func writeLiaoningInstance() throws {
    let folder = URL(fileURLWithPath: argument("--out", default: "Benchmarks/.data/liaoning"))
    let cellKm = Double(argument("--cell-km", default: "5"))!, minutes = Double(argument("--minutes", default: "30"))!
    let siteKm = Double(argument("--site-km", default: "10"))!
    let wall0 = Date()
    let made = try LiaoningInstance.write(
        cellKm: cellKm, siteKm: siteKm, minutes: minutes, to: folder,
        pointsOnly: CommandLine.arguments.contains("--points-only"))
    print(
        JSONValue.object([
            ("task", .string("liaoning-instance")), ("cell_km", .number(cellKm)), ("minutes", .number(minutes)),
            ("cells", .integer(made.cells)), ("sites", .integer(made.sites)), ("pairs", .integer(made.pairs)),
            ("wall_s", .number(Date().timeIntervalSince(wall0))), ("peak_rss_mb", .number(peakResidentMegabytes())),
        ]).serialized)
}

/// The all-pairs reference: every (site, cell) pair timed by the reach
/// model (Karney's geodesic), no pruning. Whether the matrix holds exactly
/// those within the standard, and the largest time difference, minutes.
func allPairsCheck(_ matrix: CoverageMatrix, model: ReachModel, sites: [LonLat], cells: [LonLat]) -> (identical: Bool, maxDifference: Double) {
    let perCell = ParallelMap.map(cells.count) { c -> (Bool, Double) in
        var expected: [(Int32, Double)] = []
        for (s, site) in sites.enumerated() {
            if let minutes = model.reach(from: site, to: cells[c]).responseMinutes, minutes <= matrix.standardMinutes {
                expected.append((Int32(s), minutes))
            }
        }
        let found = matrix.sites(serving: c), times = matrix.minutes(serving: c)
        guard expected.map(\.0) == Array(found) else { return (false, .infinity) }
        return (true, zip(expected, times).map { abs($0.1 - Double($1)) }.max() ?? 0)
    }
    return (perCell.allSatisfy(\.0), perCell.map(\.1).max() ?? 0)
}

/// Times the coverage matrix build for the Liaoning instance (all cores);
/// with --verify, also compares it with the all-pairs reference.
func benchmarkCoverageMatrix() throws {
    let cellKm = Double(argument("--cell-km", default: "5"))!, minutes = Double(argument("--minutes", default: "60"))!
    let (cells, _, sites, _) = try LiaoningInstance.make(cellKm: cellKm)
    let builder = try CoverageMatrixBuilder(model: try ReachModel(aircraft: LiaoningInstance.aircraft), standardMinutes: minutes)
    let cpu0 = cpuSeconds(), wall0 = Date()
    let matrix = try builder.build(sites: sites, cells: cells)
    let wall = Date().timeIntervalSince(wall0), cpu = cpuSeconds() - cpu0
    var fields: [(String, JSONValue)] = [
        ("task", .string("coverage-matrix")), ("cells", .integer(cells.count)), ("sites", .integer(sites.count)),
        ("minutes", .number(minutes)), ("pairs", .integer(matrix.entryCount)), ("wall_s", .number(wall)), ("cpu_s", .number(cpu)),
        ("peak_rss_mb", .number(peakResidentMegabytes())),
    ]
    if CommandLine.arguments.contains("--verify") {
        let check = allPairsCheck(matrix, model: builder.model, sites: sites, cells: cells)
        fields += [("all_pairs_identical", .bool(check.identical)), ("all_pairs_max_minutes_difference", .number(check.maxDifference))]
    }
    print(JSONValue.object(fields).serialized)
}

do {
    switch CommandLine.arguments.dropFirst().first {
    case "coverage-matrix": try benchmarkCoverageMatrix()
    case "china-matrix": try benchmarkChinaMatrix()
    case "isochrones": try benchmarkIsochrones()
    case "geodesics": benchmarkGeodesics()
    case "liaoning-instance": try writeLiaoningInstance()
    case "family-instance": try writeFamilyInstance()
    default:
        FileHandle.standardError.write(
            Data(
                "usage: aircover-bench isochrones [--bases N] [--minutes M] [--tolerance T] [--wind FROM@KMH]\n       aircover-bench geodesics [--pairs N]\n       aircover-bench liaoning-instance [--cell-km K] [--site-km K] [--minutes M] [--out DIR] [--points-only]\n       aircover-bench family-instance [--province liaoning|henan] [--cell-km K] [--grid-shift CELLS] [--site-km K] [--site-shift-km K] [--minutes M] [--dispatch-min D] [--out DIR]\n       aircover-bench coverage-matrix [--cell-km K] [--minutes M] [--verify]\n       aircover-bench china-matrix [--cell-km K] [--minutes M]\n"
                    .utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("aircover-bench: \(error)\n".utf8))
    exit(1)
}
