import Foundation
import Testing
import GeoCore
import Support

/// The plan's maps: one of the existing network and one of the proposed
/// network per standard, each with the study area's outline, the context
/// layers where the scenario names them, zones' covered and uncovered parts
/// told apart, and a legend of exactly the colours drawn.
@Suite struct PlanMapTests {
    static let maps = ["map-15min-proposed.svg", "map-40min-proposed.svg", "map-40min.svg", "map.svg"]

    /// Runs the small scenario's plan, with `extra` scenario text; returns the output folder.
    func plan(in directory: URL, extra: String = "") throws -> URL {
        let scenario = try SmallScenario.write(in: directory, extra: extra)
        let run = try CommandRunner.run(["plan", scenario.path])
        #expect(run.status == 0, "\(run.stderr)")
        return directory.appendingPathComponent("out")
    }

    @Test func everyMapsLegendShowsExactlyTheColoursItDraws() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = try plan(in: directory)
        let svgs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".svg") }.sorted()
        #expect(svgs == Self.maps)
        for name in svgs {
            let colours = try #require(SVGColours.read(try Data(contentsOf: out.appendingPathComponent(name))), "\(name) is not XML")
            let drawn = colours.byClass["drawing"] ?? [], legend = colours.byClass["legend"] ?? []
            #expect(
                !drawn.isEmpty && drawn == legend,
                "\(name): drawn but not in the legend \(drawn.subtracting(legend)), in the legend but not drawn \(legend.subtracting(drawn))")
            #expect(colours.opacities.isEmpty, "\(name): opacity changes the colours seen: \(colours.opacities)")
        }
        // At 15 min the square is partly covered: the uncovered part is hatched, over the zone's class fill.
        let map = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
        #expect(map.contains("fill=\"url(#uncovered-map)\"") && map.contains("<pattern id=\"uncovered-map\""))
        #expect(map.contains("class=\"study-area\""), "the study area's outline")
        #expect(!map.contains("class=\"context\""), "no context layer in this scenario")
    }

    /// At 20 min the bases (122.3°E and 122.7°E) reach 40 km, past the
    /// view's west and east edges around the 84 km wide square: the reach's
    /// outline is cut at the frame, never drawn along it as if the frame
    /// were part of the reach.
    @Test func outlinesCutAtTheFrameAreNotDrawnAlongIt() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory) { $0.replacingOccurrences(of: "minutes = [15, 40]", with: "minutes = [15, 20]") }
        #expect(try CommandRunner.run(["plan", scenario.path]).status == 0)
        let map = try String(contentsOf: directory.appendingPathComponent("out/map.svg"), encoding: .utf8)
        let start = try #require(map.range(of: "<g class=\"reach\">"))
        let reach = map[start.upperBound...]
        let group = String(reach[..<(try #require(reach.range(of: "</g>")).lowerBound)])
        let paths = group.components(separatedBy: " d=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(paths.count == 2, "one outline per standard")
        // Segments (an L after a point) along the frame's left, right or top edge (x = 20, x = 920, y = 20).
        var alongTheFrame: [String] = []
        for d in paths {
            var previous: (x: Double, y: Double)?
            var command: Character = "M", number = ""
            var numbers: [Double] = []
            for character in d + "M" {
                if character == "M" || character == "L" || character == "Z" {
                    if let value = Double(number) { numbers.append(value) }
                    number = ""
                    if numbers.count == 2 {
                        let p = (x: numbers[0], y: numbers[1])
                        if command == "L", let q = previous,
                            (q.x == p.x && (p.x == 20 || p.x == 920)) || (q.y == p.y && p.y == 20)
                        {
                            alongTheFrame.append("\(q) → \(p)")
                        }
                        previous = p
                    }
                    numbers = []
                    command = character
                } else if character == " " {
                    if let value = Double(number) { numbers.append(value) }
                    number = ""
                } else {
                    number.append(character)
                }
            }
        }
        #expect(alongTheFrame.isEmpty, "segments along the frame: \(alongTheFrame.prefix(5))")
    }

    @Test func theProposedNetworksAreDrawnLabelledAndListed() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = try plan(in: directory)
        let manifest = try JSONParser.parse(String(contentsOf: out.appendingPathComponent(".aircover-manifest.json"), encoding: .utf8))
        let listed = Set((manifest["files"]?.arrayValue ?? []).compactMap(\.stringValue))
        #expect(Set(Self.maps).isSubset(of: listed), "\(listed)")
        let summary = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8))
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        for standard in try #require(summary["standards"]?.arrayValue) {
            let minutes = SummaryFormat.minutes(try #require(standard["minutes"]?.doubleValue))
            // The largest-p MCLP run is the proposed network (p = 1 here).
            let mclp = try #require(standard["mclp"]?.arrayValue?.last)
            let sites = (mclp["sites"]?.arrayValue ?? []).compactMap(\.stringValue)
            let svg = try String(contentsOf: out.appendingPathComponent("map-\(minutes)min-proposed.svg"), encoding: .utf8)
            #expect(svg.contains("Proposed network: MCLP p = 1"))
            for id in sites { #expect(svg.contains(">\(id)</text>") && svg.contains("(\(id))</title>"), "\(id) labelled on the \(minutes)-min proposed map") }
            let pct = try #require(mclp["exact_covered_pct"]?.doubleValue)
            #expect(
                svg.contains(String(format: "%.2f%% of the zones' area within \(minutes) min", pct)),
                "the proposed network's coverage \(pct)% as siting measured it")
            #expect(report.contains("map-\(minutes)min-proposed.svg"))
        }
        #expect(report.contains("id=\"uncovered-map-15min-proposed\""), "each embedded map has its own pattern id")
    }

    /// A "land" polygon whose east edge (122.8°E) crosses the square: that
    /// boundary is drawn; its other edges lie outside the view.
    @Test func contextLayersAreDrawnDimmedBehindTheZones() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"land"},
        "geometry":{"type":"Polygon","coordinates":[[[121.5,40.6],[122.8,40.6],[122.8,42.3],[121.5,42.3],[121.5,40.6]]]}}]}
        """.write(to: directory.appendingPathComponent("land.geojson"), atomically: true, encoding: .utf8)
        let out = try plan(in: directory, extra: "context = [\"land.geojson\"]")
        let map = try String(contentsOf: out.appendingPathComponent("map.svg"), encoding: .utf8)
        #expect(map.contains("class=\"context\""))
        let colours = try #require(SVGColours.read(Data(map.utf8)))
        #expect(colours.byClass["context"] == ["#bdbdbd"] && colours.byClass["legend"]?.contains("#bdbdbd") == true)
        // The context comes before (under) the zones.
        let context = try #require(map.range(of: "class=\"context\"")), zones = try #require(map.range(of: "class=\"zones\""))
        #expect(context.lowerBound < zones.lowerBound)
    }
}

/// Minutes as the map file names write them (`60`, `7.5`).
enum SummaryFormat {
    static func minutes(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
