import ArgumentParser
import Planner
import Isochrones

/// `aircover aircraft`: the helicopter catalog.
struct AircraftList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aircraft",
        abstract: "List the aircraft catalog.",
        discussion: """
        Every figure in the catalog cites its source; dispatch and on-scene times are operator assumptions.

        Examples:
          aircover aircraft
          aircover aircraft --json
        """
    )

    @Flag(help: "Print a JSON array of profiles, with the catalog file's field names.")
    var json = false

    func run() throws {
        let catalog = try AircraftCatalog.builtIn()
        print(json ? AircraftListing.json(catalog) : AircraftListing.table(catalog), terminator: "")
    }
}
