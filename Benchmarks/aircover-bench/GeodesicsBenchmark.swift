import Foundation
import GeoCore
import Support

/// Geodesic distances per second on one core, the way aircover computes
/// them, for tools/bench to set beside pyproj's `Geod.inv` on the same pairs.
///
///   aircover-bench geodesics --pairs N
///
/// The pairs: 2N deterministic points in Liaoning's bounding box
/// (`BenchmarkBases`, so the peer draws the same), point 2k to point 2k+1,
/// 0–850 km apart. Two rows:
/// - `inverse`: Karney's inverse through PROJ (`Geodesic.inverse`), distance
///   and both azimuths, what pyproj computes;
/// - `chord`: the coverage matrix's distance estimate (`ChordGeodesic`),
///   points converted to `SurfacePoint` inside the timing; its largest
///   difference from Karney is printed next to its proven bound.
/// Both print the sum of their distances, for the harness to compare.
func benchmarkGeodesics() {
    let count = Int(argument("--pairs", default: "1000000"))!
    let points = BenchmarkBases.liaoning(count: 2 * count)
    let geodesic = Geodesic.wgs84

    var cpu0 = cpuSeconds()
    var karney = [Double](repeating: 0, count: count)
    for k in 0..<count { karney[k] = geodesic.inverse(from: points[2 * k], to: points[2 * k + 1]).distance }
    let inverseCPU = cpuSeconds() - cpu0

    cpu0 = cpuSeconds()
    var chord = [Double](repeating: 0, count: count)
    for k in 0..<count {
        chord[k] = ChordGeodesic.distance(from: SurfacePoint(points[2 * k]), to: SurfacePoint(points[2 * k + 1]))
    }
    let chordCPU = cpuSeconds() - cpu0

    var worst = 0.0, worstRatio = 0.0
    for k in 0..<count {
        let difference = abs(chord[k] - karney[k])
        worst = max(worst, difference)
        worstRatio = max(worstRatio, difference / ChordGeodesic.errorBound(distance: karney[k]))
    }
    print(
        JSONValue.object([
            ("task", .string("geodesics")), ("pairs", .integer(count)),
            ("inverse_cpu_s", .number(inverseCPU)), ("inverse_per_second", .number(Double(count) / inverseCPU)),
            ("inverse_distance_sum_m", .number(karney.reduce(0, +))),
            ("chord_cpu_s", .number(chordCPU)), ("chord_per_second", .number(Double(count) / chordCPU)),
            ("chord_distance_sum_m", .number(chord.reduce(0, +))),
            ("chord_max_difference_m", .number(worst)), ("chord_worst_share_of_bound", .number(worstRatio)),
            ("longest_m", .number(karney.max() ?? 0)),
        ]).serialized)
}
