import Foundation
import Testing
import GeoCore
import Support
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every file `aircover plan` writes, read back the way users read them
/// (GDAL for the maps, a CSV split, an XML parser for the SVG), and checked
/// against summary.json and against each other.
@Suite struct PlanOutputsTests {
    static let expectedFiles = [
        ".aircover-manifest.json", "bases.csv", "coverage_hazards.csv", "coverage_zones.csv",
        "map-15min-proposed.svg", "map-40min-proposed.svg", "map-40min.svg", "map.svg", "plan.geojson",
        "plan.gpkg", "report.html", "siting.csv", "summary.json",
    ]

    func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func everyOutputOpensAndAgreesWithTheSummary() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory)
        let run = try CommandRunner.run(["plan", scenario.path])
        #expect(run.status == 0, "\(run.stderr)")
        let out = directory.appendingPathComponent("out")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == Self.expectedFiles)
        let summary = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8))
        guard case .array(let standards)? = summary["standards"] else { Issue.record("no standards"); return }

        // plan.geojson and plan.gpkg hold the same layers with the same feature counts.
        let geojson = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("plan.geojson"), encoding: .utf8))
        guard case .array(let features)? = geojson["features"] else { Issue.record("no features"); return }
        var counts: [String: Int] = [:]
        for f in features { if case .string(let layer)? = f["properties"]?["layer"] { counts[layer, default: 0] += 1 } }
        #expect(counts["reach"] == 2 && counts["zone"] == 2 && counts["base"] == 2 && (counts["chosen"] ?? 0) >= 2, "\(counts)")
        for (layer, count) in counts {
            let info = try CommandRunner.tool("ogrinfo", ["-ro", "-so", out.appendingPathComponent("plan.gpkg").path, layer])
            #expect(info.status == 0 && info.stdout.contains("Feature Count: \(count)"), "\(layer): \(info.stdout) \(info.stderr)")
            #expect(info.stdout.contains("EPSG") || info.stdout.contains("WGS 84"), "\(layer) has no CRS")
        }
        let zone = try CommandRunner.tool("ogrinfo", ["-ro", "-al", "-q", out.appendingPathComponent("plan.gpkg").path, "zone"])
        let zone40 = try #require(standards[1]["existing"]?["zones"]?.arrayValue?.first?["covered_pct"]?.doubleValue)
        #expect(zone.stdout.contains("covered_pct (Real) = \(Int(zone40.rounded()))"), "\(zone.stdout)")

        // The CSV tables repeat the summary's figures at full precision.
        let zoneRows = try rows(out.appendingPathComponent("coverage_zones.csv"))
        #expect(zoneRows.count == 2)
        for (row, standard) in zip(zoneRows, standards) {
            #expect(Double(row["covered_pct"] ?? "") == standard["existing"]?["zones"]?.arrayValue?.first?["covered_pct"]?.doubleValue, "\(row)")
            #expect(Double(row["minutes"] ?? "") == standard["minutes"]?.doubleValue)
        }
        let bases = try rows(out.appendingPathComponent("bases.csv"))
        #expect(bases.filter { $0["existing"] == "yes" }.map { $0["id"] } == ["B1", "B2"])
        let siting = try rows(out.appendingPathComponent("siting.csv"))
        let lscp40 = try #require(siting.first { $0["model"] == "lscp" && $0["minutes"] == "40" })
        #expect(lscp40["status"] == "optimal" && Double(lscp40["objective"] ?? "") == standards[1]["lscp"]?["objective"]?.doubleValue, "\(lscp40)")

        // map.svg is well-formed XML; report.html embeds it and shows the figures.
        let svg = try Data(contentsOf: out.appendingPathComponent("map.svg"))
        let parser = XMLParser(data: svg)
        #expect(parser.parse(), "map.svg: \(String(describing: parser.parserError))")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let total15 = try #require(standards[0]["existing"]?["total"]?["covered_pct"]?.doubleValue)
        #expect(html.contains("<svg") && html.contains("test square") && html.contains(String(format: "%.2f", total15)))
        #expect(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"), "the report must not load anything")
    }

    @Test func checkPassesOnARerunAndFailsWhenABaseIsRemoved() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory)
        #expect(try CommandRunner.run(["plan", scenario.path]).status == 0)
        let expected = directory.appendingPathComponent("out/summary.json").path
        let same = try CommandRunner.run(["check", scenario.path, "--expect", expected])
        #expect(same.status == 0 && same.stdout.contains("unchanged"), "\(same.stdout) \(same.stderr)")
        // Base B2 closes: the 15-minute coverage drops, and check says so.
        try "code,name,lon,lat,province\nB1,west,122.3,41.4,LN\n".write(to: directory.appendingPathComponent("bases.csv"), atomically: true, encoding: .utf8)
        let actual = directory.appendingPathComponent("actual.json").path
        let moved = try CommandRunner.run(["check", scenario.path, "--expect", expected, "--write-actual", actual])
        #expect(moved.status == 1, "\(moved.stdout) \(moved.stderr)")
        #expect(moved.stdout.contains("figures differ") && moved.stdout.contains("standards[15 min].existing.total.covered_pct"), "\(moved.stdout)")
        #expect(FileManager.default.fileExists(atPath: actual))
    }

    @Test func assessOnFilesMatchesTheAnalyticDisc() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try SmallScenario.write(in: directory)
        // TestRescue: 270 km/h, 10 min dispatch by day; 16 min → 6 min of flight = 27 km,
        // a disc well inside the square (≥ 41 km to every edge).
        let run = try CommandRunner.run(
            [
                "assess", "--zones", "zone.geojson", "--id", "code", "--bases", "122.5,41.4",
                "--aircraft", "TestRescue", "--catalog", CommandRunner.testCatalog, "--minutes", "16", "--json",
            ],
            in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONParser.parse(run.stdout)
        let zone = try #require(json["zones"]?.arrayValue?.first)
        #expect(zone["id"] == .string("Z1"))
        let covered = try #require(zone["covered_km2"]?.doubleValue), area = try #require(zone["area_km2"]?.doubleValue)
        let disc = Double.pi * 27 * 27
        #expect(covered <= disc * 1.001 && covered > disc * 0.99, "\(covered) km² against π·27² = \(disc) km²")
        let percent = try #require(zone["covered_pct"]?.doubleValue)
        #expect(abs(percent - 100 * covered / area) < 1e-9)
    }

    @Test func siteCurveAndAssessAgree() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory)
        let site = try CommandRunner.run(["site", scenario.path, "--model", "mclp", "-p", "1", "--minutes", "15", "--json"])
        #expect(site.status == 0, "\(site.stderr)")
        let chosen = try JSONParser.parse(site.stdout)
        let ids = (chosen["sites"]?.arrayValue ?? []).compactMap { $0.stringValue }
        #expect(ids.count == 1 && chosen["status"] == .string("optimal"))
        // The exact coverage the solver reports is what `assess` measures for that base.
        let assess = try CommandRunner.run(["assess", scenario.path, "--bases", ids.joined(separator: ","), "--json"])
        #expect(assess.status == 0, "\(assess.stderr)")
        let assessed = try JSONParser.parse(assess.stdout)
        let firstStandard = try #require(assessed["standards"]?.arrayValue?.first)
        let measured = try #require(firstStandard["total"]?["covered_pct"]?.doubleValue)
        let reported = try #require(chosen["exact_covered_pct"]?.doubleValue)
        #expect(abs(measured - reported) < 1e-9, "site says \(reported)%, assess measures \(measured)%")
        // The curve's p = 1 point is the same solve; covering never falls as p grows.
        let curve = try CommandRunner.run(["curve", scenario.path, "--minutes", "15", "--max-p", "2", "--json"])
        #expect(curve.status == 0, "\(curve.stderr)")
        let curveJSON = try JSONParser.parse(curve.stdout)
        let points = try #require(curveJSON.arrayValue)
        #expect(points.count == 2)
        #expect(points[0]["objective"]?.doubleValue == chosen["objective"]?.doubleValue)
        #expect((points[1]["objective"]?.doubleValue ?? 0) >= (points[0]["objective"]?.doubleValue ?? .infinity))
    }

    @Test func aCatalogTypeWithOverridesIsUsedAndRecorded() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inline =
            "name = \"T\"\ncruise_speed_kmh = 240\ndispatch_day_min = 10\ndispatch_night_min = 20\nendurance_min = 200\nreserve_min = 20\non_scene_min = 15\nmax_altitude_m = 3000"
        let scenario = try SmallScenario.write(in: directory) {
            $0.replacingOccurrences(of: inline, with: "name = \"TR-1\"\ncatalog = \"\(CommandRunner.testCatalog)\"\ndispatch_day_min = 5")
        }
        let run = try CommandRunner.run(["plan", scenario.path])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONParser.parse(String(contentsOf: directory.appendingPathComponent("out/summary.json"), encoding: .utf8))
        let aircraft = try #require(summary["aircraft"])
        #expect(aircraft["name"] == .string("TestRescue") && aircraft["cruise_speed_kmh"]?.doubleValue == 270)
        #expect(aircraft["dispatch_day_min"]?.doubleValue == 5 && aircraft["dispatch_night_min"]?.doubleValue == 20)
        #expect(aircraft["sources"]?["dispatch"]?.stringValue?.contains("scenario override") == true)
    }

    @Test func basesFlyTheirOwnAircraftType() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory) {
            $0.replacingOccurrences(of: "id_field = \"code\"\n[aircraft]", with: "id_field = \"code\"\naircraft_field = \"type\"\n[aircraft]")
                .replacingOccurrences(of: "max_altitude_m = 3000", with: "max_altitude_m = 3000\ncatalog = \"\(CommandRunner.testCatalog)\"")
        }
        try "code,name,lon,lat,province,type\nB1,west,122.3,41.4,LN,TestRescue\nB2,east,122.7,41.4,LN,\n"
            .write(to: directory.appendingPathComponent("bases.csv"), atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["plan", scenario.path])
        #expect(run.status == 0, "\(run.stderr)")
        let out = directory.appendingPathComponent("out")
        let summary = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8))
        // 15 min: B1's TestRescue flies 5 min at 270 km/h = 22.5 km, B2's T 5 min at 240 km/h = 20 km;
        // the union of the two discs is π r1² + π r2² − lens(r1, r2, d).
        let d = Geodesic.wgs84.inverse(from: LonLat(122.3, 41.4), to: LonLat(122.7, 41.4)).distance / 1_000
        let r1 = 22.5, r2 = 20.0
        let lens =
            r1 * r1 * acos((d * d + r1 * r1 - r2 * r2) / (2 * d * r1)) + r2 * r2 * acos((d * d + r2 * r2 - r1 * r1) / (2 * d * r2))
            - 0.5 * ((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2)).squareRoot()
        let union = Double.pi * (r1 * r1 + r2 * r2) - lens
        let standards = try #require(summary["standards"]?.arrayValue)
        let covered = try #require(standards[0]["existing"]?["total"]?["covered_km2"]?.doubleValue)
        #expect(covered <= union * 1.001 && covered > union * 0.99, "\(covered) km² against \(union) km²")
        let bases = try rows(out.appendingPathComponent("bases.csv"))
        #expect(bases.map { $0["aircraft"] } == ["TestRescue", "T"], "\(bases)")
    }
}
