import ArgumentParser
import Planner

/// `aircover versions`: the versions of aircover and the native libraries it uses.
struct Versions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the versions of aircover, PROJ, GEOS, GDAL and CBC in use."
    )

    func run() throws {
        let v = ToolVersions.current
        print("aircover \(v.aircover)")
        print("PROJ     \(v.proj)")
        print("GEOS     \(v.geos)")
        print("GDAL     \(v.gdal)")
        print("CBC      \(v.cbc)")
    }
}
