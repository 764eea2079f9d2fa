import ArgumentParser
import Foundation
import Planner
import Server

/// `aircover serve`: the interactive web planner on a scenario.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the interactive planner: a map page and a JSON API with exact figures.",
        discussion: """
            Reads the scenario once, prints the page's URL and serves until Ctrl-C. The page works offline
            (Leaflet from Debian's libjs-leaflet, installed by tools/setup). The API is described at /openapi.json.

            Examples:
              aircover serve
              aircover serve basemaps/liaoning/scenario.toml --port 8090 --cell-km 5
              aircover serve --tiles "https://tile.openstreetmap.org/{z}/{x}/{y}.png" --port 0 --cell-km 20
            """
    )

    @Argument(help: ArgumentHelp("Scenario file (TOML); default: the embedded Liaoning scenario.", valueName: "SCENARIO"))
    var scenario: String?

    @Option(help: "Address to listen on (127.0.0.1: this computer only).") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Option(name: .customLong("cell-km"), help: ArgumentHelp("Replaces the scenario's demand grid cell size.", valueName: "KM")) var cellKm: Double?
    @Option(
        help: ArgumentHelp(
            "A raster tile layer under the map for users online: an http(s) URL with {z}, {x} and {y}. Without it the page requests nothing beyond this server.",
            valueName: "URL")) var tiles: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be within 0 to 65535") }
    }

    func run() throws {
        let tiles = try self.tiles.map(TileURL.check)
        var loaded = try ScenarioOption.load(scenario)
        try ScenarioOption.override(cellKm: cellKm, of: &loaded)
        FileHandle.standardError.write(Data("aircover serve: reading \(loaded.source.path)\n".utf8))
        let server = try PlannerServer(session: try PlannerSession(study: try Study.load(loaded), tiles: tiles))
        try server.runBlocking(host: host, port: port) { url in
            FileHandle.standardOutput.write(Data("\(url)\n".utf8))
        }
    }
}
