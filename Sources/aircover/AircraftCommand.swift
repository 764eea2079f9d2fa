import ArgumentParser
import Planner
import Foundation
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

    @Option(help: ArgumentHelp("A catalog file whose profiles add to or override the built-in ones.", valueName: "FILE"))
    var catalog: String?

    func run() throws {
        let catalog = try AircraftCatalog.available(adding: self.catalog.map { URL(fileURLWithPath: $0) })
        print(json ? AircraftListing.json(catalog) : AircraftListing.table(catalog), terminator: "")
    }
}
