import Foundation
import TestSupport

/// SmallScenario with candidate sites: a `columns` × `rows` grid of
/// candidates (ids C001, C002, …) over the square, at `cellKm`.
enum SolveScenario {
    static func write(in directory: URL, columns: Int = 5, rows: Int = 4, cellKm: Double = 4) throws -> URL {
        var csv = "code,name,lon,lat\n"
        var n = 0
        for r in 0..<rows {
            for c in 0..<columns {
                n += 1
                let lon = 122.0 + (Double(c) + 0.5) / Double(columns)
                let lat = 41.0 + 0.8 * (Double(r) + 0.5) / Double(rows)
                csv += String(format: "C%03d,candidate %d,%.5f,%.5f\n", n, n, lon, lat)
            }
        }
        try csv.write(to: directory.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
        return try SmallScenario.write(in: directory) {
            $0.replacingOccurrences(of: "existing = \"bases.csv\"", with: "existing = \"bases.csv\"\ncandidates = \"candidates.csv\"")
                .replacingOccurrences(of: "cell_km = 4", with: "cell_km = \(cellKm)")
        }
    }
}
