import Foundation
import Testing

/// Bad input, one case per row: the program exits non-zero with exactly one
/// `Error:` line that names the problem and where it is (file, key, feature),
/// and writes no output folder.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        /// Arguments; "SCENARIO" stands for the written scenario's path.
        var arguments = ["plan", "SCENARIO"]
        /// Replacements applied to the scenario text.
        var edits: [(String, String)] = []
        /// Extra files written beside the scenario.
        var files: [String: String] = [:]
        /// Fragments the error line must contain.
        let message: [String]
        var testDescription: String { label }
    }

    static let square =
        #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"P"},"geometry":{"type":"Point","coordinates":[122,41]}}]}"#
    static let aircraftLine = "max_altitude_m = 3000"
    static func flight(_ body: String) -> (String, String) { (aircraftLine, aircraftLine + "\n[flight]\n" + body) }
    static func demand(_ body: String) -> (String, String) { ("cell_km = 4", "cell_km = 4\n" + body) }
    static func siting(_ body: String) -> (String, String) { ("mclp_p = [1]", "mclp_p = [1]\n" + body) }
    static func availability(_ body: String) -> (String, String) { ("folder = \"out\"", "folder = \"out\"\n[availability]\n" + body) }
    static func bases(_ csv: String) -> [String: String] { ["b.csv": "code,name,lon,lat,province\n" + csv] }
    static let inlineAircraft =
        "name = \"T\"\ncruise_speed_kmh = 240\ndispatch_day_min = 10\ndispatch_night_min = 20\nendurance_min = 200\nreserve_min = 20\non_scene_min = 15\nmax_altitude_m = 3000"
    static let useZ = ("zones = \"zone.geojson\"", "zones = \"z.geojson\"")
    static let square1 = #"{"type":"Polygon","coordinates":[[[122,41],[123,41],[123,41.8],[122,41.8],[122,41]]]}"#
    /// A zone layer of features (code JSON, geometry JSON).
    static func collection(_ features: [(String, String)]) -> String {
        #"{"type":"FeatureCollection","features":["#
            + features.map { #"{"type":"Feature","properties":{"code":\#($0.0)},"geometry":\#($0.1)}"# }.joined(separator: ",") + "]}"
    }
    static func zones(_ geometry: String) -> [String: String] { ["z.geojson": collection([("\"Z1\"", geometry)])] }
    static let useB = ("existing = \"bases.csv\"", "existing = \"b.csv\"")

    static let cases: [Case] = [
        Case(label: "cell size negative", edits: [("cell_km = 4", "cell_km = -1")], message: ["scenario.toml", "[demand] cell_km", "at least 0.1"]),
        Case(label: "cell size a string", edits: [("cell_km = 4", "cell_km = \"four\"")], message: ["[demand] cell_km", "must be a number"]),
        Case(label: "no standards", edits: [("minutes = [15, 40]", "minutes = []")], message: ["[standards] minutes", "positive, increasing"]),
        Case(label: "negative standard", edits: [("minutes = [15, 40]", "minutes = [-5]")], message: ["[standards] minutes"]),
        Case(label: "standards decreasing", edits: [("minutes = [15, 40]", "minutes = [40, 15]")], message: ["[standards] minutes", "increasing"]),
        Case(
            label: "missing zone id field", edits: [("id_field = \"code\"\ncell_km", "id_field = \"nope\"\ncell_km")],
            message: ["zone.geojson", "no field nope", "[demand] id_field"]),
        Case(
            label: "zero cruise speed", edits: [("cruise_speed_kmh = 240", "cruise_speed_kmh = 0")],
            message: ["[aircraft]", "cruise_speed_kmh must be positive"]),
        Case(
            label: "cruise speed 1e12", edits: [("cruise_speed_kmh = 240", "cruise_speed_kmh = 1e12")],
            message: ["scenario.toml", "[aircraft]", "cruise_speed_kmh is 1000000000000", "accepted 50–1000 km/h"]),
        Case(
            label: "endurance of ten weeks", edits: [("endurance_min = 200", "endurance_min = 100000")],
            message: ["[aircraft]", "endurance_min is 100000", "1–1440 min"]),
        Case(
            label: "dispatch of a week", edits: [("dispatch_night_min = 20", "dispatch_night_min = 10080")],
            message: ["[aircraft]", "dispatch_night_min", "0–240 min"]),
        Case(
            label: "on scene of ten hours", edits: [("on_scene_min = 15", "on_scene_min = 600"), ("endurance_min = 200", "endurance_min = 1440")],
            message: ["[aircraft]", "on_scene_min", "0–480 min"]),
        Case(
            label: "reserve of a week", edits: [("reserve_min = 20", "reserve_min = 10080"), ("endurance_min = 200", "endurance_min = 1440")],
            message: ["[aircraft]", "reserve_min"]),
        Case(
            label: "altitude in feet·1000", edits: [("max_altitude_m = 3000", "max_altitude_m = 3000000")],
            message: ["[aircraft]", "max_altitude_m is 3000000", "0–16000 m"]),
        Case(
            label: "catalog type overridden beyond range", edits: [(inlineAircraft, "name = \"H135\"\ncruise_speed_kmh = 25000")],
            message: ["scenario.toml", "[aircraft]", "cruise_speed_kmh is 25000", "50–1000 km/h"]),
        Case(
            label: "catalog file speed beyond range", arguments: ["aircraft", "--catalog", "fast.toml"],
            files: [
                "fast.toml":
                    "[[aircraft]]\nname = \"Rocket\"\ncruise_speed_kmh = 40000\ndispatch_day_min = 5\ndispatch_night_min = 5\nendurance_min = 60\nreserve_min = 10\non_scene_min = 5\nmax_altitude_m = 3000\n"
            ],
            message: ["fast.toml", "[[aircraft]] #1 (\"Rocket\")", "cruise_speed_kmh is 40000", "50–1000 km/h"]),
        Case(label: "standard of a month", edits: [("minutes = [15, 40]", "minutes = [15, 43200]")], message: ["[standards] minutes", "up to 1440 min"]),
        Case(
            label: "cells too small for the zones", edits: [("cell_km = 4", "cell_km = 0.1"), ("zone.geojson", "big.geojson")],
            files: [
                "big.geojson":
                    #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"Z1"},"geometry":{"type":"Polygon","coordinates":[[[100,20],[130,20],[130,50],[100,50],[100,20]]]}}]}"#
            ],
            message: ["scenario.toml", "[demand] cell_km", "0.1 km is too small for big.geojson", "1,050,665,775 cells", "30,000,000", "at least 0.6 km"]),
        Case(
            label: "isochrone standard of a month", arguments: ["isochrones", "--base", "123.4,41.8", "--aircraft", "H135", "--minutes", "43200", "-o", "out"],
            message: ["\"43200\" minutes is longer than a day"]),
        Case(
            label: "speed a string", edits: [("cruise_speed_kmh = 240", "cruise_speed_kmh = \"fast\"")],
            message: ["[aircraft] cruise_speed_kmh", "must be a number"]),
        Case(label: "endurance below reserve", edits: [("endurance_min = 200", "endurance_min = 10")], message: ["endurance_min (10.0)", "reserve_min"]),
        Case(
            label: "unknown aircraft type", edits: [(inlineAircraft, "name = \"XYZ-9\"")],
            message: ["[aircraft] name", "XYZ-9", "not in the catalog", "AW139"]),
        Case(label: "unknown weighting", edits: [demand("weighting = \"bogus\"")], message: ["[demand] weighting", "bogus", "risk, area, population or mix"]),
        Case(label: "mix without population", edits: [demand("weighting = \"mix\"")], message: ["[demand] weighting", "no population layer"]),
        Case(
            label: "risk share above 1", edits: [demand("population = \"pop.csv\"\nweighting = \"mix\"\nrisk_share = 2")],
            files: ["pop.csv": "name,lon,lat,population\nA,122.5,41.5,1000\n"], message: ["[demand] risk_share", "from 0 to 1"]),
        Case(
            label: "population field missing", edits: [demand("population = \"pop.csv\"\npopulation_field = \"pop\"")],
            files: ["pop.csv": "name,lon,lat\nA,122.5,41.5\n"], message: ["pop.csv", "no field pop"]),
        Case(
            label: "population file missing", edits: [demand("population = \"nowhere.csv\"")],
            message: ["[demand] population", "nowhere.csv", "does not exist"]),
        Case(
            label: "regions field missing", edits: [demand("regions = \"zone.geojson\"\nregion_field = \"nope\"")],
            message: ["zone.geojson", "no field nope", "regions"]),
        Case(label: "MCLP with zero bases", edits: [("mclp_p = [1]", "mclp_p = [0]")], message: ["[siting] mclp_p", "≥ 1"]),
        Case(
            label: "LSCP at a standard not studied", edits: [siting("lscp_minutes = [25]")],
            message: ["[siting] lscp_minutes", "25", "not among the standards"]),
        Case(label: "negative time limit", edits: [siting("time_limit = -3")], message: ["[siting] time_limit", "positive"]),
        Case(label: "wind not parseable", edits: [flight("wind = \"abc\"")], message: ["[flight] wind", "\"abc\" is not a wind", "FROM_DEG@KMH"]),
        Case(label: "wind direction beyond 360", edits: [flight("wind = \"400@30\"")], message: ["[flight] wind", "0 to 360"]),
        Case(label: "no-fly file missing", edits: [flight("no_fly = \"nf.geojson\"")], message: ["[flight] no_fly", "nf.geojson", "does not exist"]),
        Case(
            label: "no-fly zone at longitude 200", edits: [flight("no_fly = \"nf.geojson\"")],
            files: ["nf.geojson": collection([("\"N1\"", #"{"type":"Polygon","coordinates":[[[200,41],[201,41],[201,42],[200,41]]]}"#)])],
            message: ["nf.geojson", "feature 0", "200.0,41.0", "is it LAT,LON?"]),
        Case(label: "DEM missing", edits: [flight("dem = \"dem.tif\"")], message: ["[flight] dem", "dem.tif", "does not exist"]),
        Case(label: "TOML syntax", edits: [("cell_km = 4", "cell_km = = 4")], message: ["scenario.toml", "line 6", "not valid TOML"]),
        Case(
            label: "TOML header [[[", edits: [("[study]", "[[[\n[study]")],
            message: ["scenario.toml", "line 1, column 3", "not valid TOML", "table header needs a key"]),
        Case(
            label: "TOML header [ at end of line", edits: [("[siting]", "[\n[siting]")],
            message: ["scenario.toml", "line 22, column 2", "table header needs a key"]),
        Case(
            label: "TOML header after a byte-order mark", edits: [("[study]", "\u{FEFF}[=]\n[study]")],
            message: ["scenario.toml", "line 1, column 2", "table header needs a key"]),
        Case(label: "TOML NUL byte", edits: [("cell_km = 4", "cell_km = 4\u{0}")], message: ["scenario.toml", "line 6, column 12", "NUL byte"]),
        Case(
            label: "catalog date-time without its time", arguments: ["aircraft", "--catalog", "bad.toml"],
            files: ["bad.toml": "[[aircraft]]\nname = \"A\"\ncruise_speed_kmh = 1979-05-27T:30:00Z\n"],
            message: ["bad.toml", "line 3, column 31", "a date-time needs its time after the 'T'"]),
        Case(
            label: "catalog header [[[", arguments: ["aircraft", "--catalog", "bad.toml"], files: ["bad.toml": "[[aircraft]]\nname = \"A\"\n[[[\n"],
            message: ["bad.toml", "line 3, column 3", "table header needs a key"]),
        Case(
            label: "scenario catalog header [[[", edits: [(inlineAircraft, "name = \"H135\"\ncatalog = \"bad.toml\"")], files: ["bad.toml": "[[[\n"],
            message: ["bad.toml", "line 1, column 3", "table header needs a key"]),
        Case(
            label: "cruise speed nan", edits: [("cruise_speed_kmh = 240", "cruise_speed_kmh = nan")],
            message: ["scenario.toml", "[aircraft] cruise_speed_kmh", "must be a finite number, found nan"]),
        Case(
            label: "standard -inf", edits: [("minutes = [15, 40]", "minutes = [15, -inf]")],
            message: ["scenario.toml", "[standards] minutes (item 2)", "must be a finite number, found -inf"]),
        Case(label: "misspelt section", edits: [("[standards]", "[standard]")], message: ["standard: is not a known key", "did you mean \"standards\""]),
        Case(label: "misspelt key", edits: [("cell_km = 4", "cell_kms = 4")], message: ["[demand] cell_kms: is not a known key"]),
        Case(label: "zones key missing", edits: [("zones = \"zone.geojson\"\n", "")], message: ["[demand] zones: is missing"]),
        Case(
            label: "zones file not readable", edits: [("zone.geojson", "garbage.geojson")], files: ["garbage.geojson": "not json at all"],
            message: ["garbage.geojson", "not a vector file GDAL can read"]),
        Case(
            label: "zone is a point", edits: [("zone.geojson", "point.geojson")], files: ["point.geojson": square],
            message: ["point.geojson", "zone P", "must be polygons"]),
        Case(
            label: "no zones", edits: [("zone.geojson", "empty.geojson")], files: ["empty.geojson": #"{"type":"FeatureCollection","features":[]}"#],
            message: ["empty.geojson", "empty"]),
        Case(
            label: "zone with an empty ring", edits: [useZ], files: zones(#"{"type":"Polygon","coordinates":[[]]}"#),
            message: ["z.geojson", "zone Z1", "empty polygon"]),
        Case(
            label: "zone ring of one position", edits: [useZ], files: zones(#"{"type":"Polygon","coordinates":[[[122,41]]]}"#),
            message: ["z.geojson", "feature 0", "ring has too few positions"]),
        Case(
            label: "zone ring not closed", edits: [useZ], files: zones(#"{"type":"Polygon","coordinates":[[[122,41],[123,41],[123,42],[122,42]]]}"#),
            message: ["z.geojson", "feature 0", "ring is not closed"]),
        Case(
            label: "zone ring of three positions", edits: [useZ], files: zones(#"{"type":"Polygon","coordinates":[[[122,41],[123,41],[122,41]]]}"#),
            message: ["z.geojson", "zone Z1", "no area once repaired"]),
        Case(
            label: "zone multipolygon without parts", edits: [useZ], files: zones(#"{"type":"MultiPolygon","coordinates":[]}"#),
            message: ["z.geojson", "zone Z1", "empty polygon"]),
        Case(
            label: "zone at longitude 200", edits: [useZ], files: zones(#"{"type":"Polygon","coordinates":[[[200,41],[201,41],[201,42],[200,41]]]}"#),
            message: ["z.geojson", "feature 0", "200.0,41.0", "outside WGS84", "is it LAT,LON?"]),
        Case(
            label: "zone at latitude 95", edits: [useZ], files: zones(#"{"type":"Polygon","coordinates":[[[122,95],[123,95],[123,96],[122,95]]]}"#),
            message: ["z.geojson", "feature 0", "122.0,95.0", "is it LAT,LON?"]),
        Case(
            label: "zone given LAT,LON", edits: [useZ], files: zones(#"{"type":"Polygon","coordinates":[[[41,122],[41,123],[41.8,123],[41.8,122],[41,122]]]}"#),
            message: ["z.geojson", "feature 0", "41.0,122.0", "is it LAT,LON?"]),
        Case(
            label: "zones over the whole globe", edits: [useZ],
            files: zones(#"{"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}"#),
            message: ["z.geojson", "360° of longitude", "at most a hemisphere"]),
        Case(
            label: "duplicate zone ids", edits: [useZ], files: ["z.geojson": collection([("\"A\"", square1), ("\"A\"", square1)])],
            message: ["z.geojson", "zone id A appears twice", "features 0 and 1", "code"]),
        Case(
            label: "zone without id", edits: [useZ], files: ["z.geojson": collection([("null", square1), ("\"B\"", square1)])],
            message: ["z.geojson", "feature 0 has no code", "[demand] id_field"]),
        Case(label: "base filter field missing", edits: [("province = \"LN\"", "prov = \"LN\"")], message: ["bases.csv", "no field prov", "[bases] filter"]),
        Case(
            label: "cost field missing", edits: [("filter = { province = \"LN\" }", "filter = { province = \"LN\" }\ncost_field = \"price\"")],
            message: ["bases.csv", "no field price"]),
        Case(label: "filter matches nothing", edits: [("province = \"LN\"", "province = \"XX\"")], message: ["bases.csv", "no bases match the filter"]),
        Case(label: "base latitude 95", edits: [useB], files: bases("B1,west,122.3,95,LN\n"), message: ["b.csv", "not longitude/latitude"]),
        Case(label: "base longitude not a number", edits: [useB], files: bases("B1,west,abc,41.4,LN\n"), message: ["b.csv", "feature 1", "no point position"]),
        Case(
            label: "duplicate base ids", edits: [useB], files: bases("B1,west,122.3,41.4,LN\nB1,east,122.7,41.4,LN\n"),
            message: ["b.csv", "B1 appears twice", "features 1 and 2"]),
        Case(
            label: "unknown stationed aircraft",
            edits: [useB, ("id_field = \"code\"\n[aircraft]", "id_field = \"code\"\naircraft_field = \"province\"\n[aircraft]")],
            files: bases("B1,west,122.3,41.4,LN\n"), message: ["site B1", "province \"LN\"", "not in the catalog"]),
        Case(label: "scenario file missing", arguments: ["plan", "nothere.toml"], message: ["nothere.toml", "no such scenario file"]),
        Case(label: "expected summary missing", arguments: ["check", "SCENARIO", "--expect", "missing.json"], message: ["missing.json", "cannot read"]),
        Case(
            label: "expected summary not JSON", arguments: ["check", "SCENARIO", "--expect", "bad.json"], files: ["bad.json": "{\"a\":"],
            message: ["bad.json", "not a JSON summary", "line 1"]),
        Case(
            label: "expected file not a summary", arguments: ["check", "SCENARIO", "--expect", "other.json"], files: ["other.json": "{\"a\":1}"],
            message: ["other.json", "not an aircover summary.json"]),
        Case(
            label: "unknown siting model", arguments: ["site", "SCENARIO", "--model", "foo", "--minutes", "15"],
            message: ["The value 'foo' is invalid for '--model <model>'", "Please provide one of"]),
        Case(
            label: "MCLP without p", arguments: ["site", "SCENARIO", "--model", "mclp", "--minutes", "15"],
            message: ["mclp needs exactly one of -p N or --budget B"]),
        Case(
            label: "bases given LAT,LON", arguments: ["assess", "--zones", "zone.geojson", "--bases", "200,40", "--aircraft", "H135", "--minutes", "30"],
            message: ["\"200,40\" is outside WGS84", "LON,LAT"]),
        Case(label: "unknown base id", arguments: ["assess", "SCENARIO", "--bases", "B9"], message: ["\"B9\"", "neither a file"]),
        Case(
            label: "site at a standard not studied", arguments: ["site", "SCENARIO", "--model", "lscp", "--minutes", "25"],
            message: ["--minutes 25", "not a standard of scenario.toml", "15, 40"]),
        Case(
            label: "curve at a standard not studied", arguments: ["curve", "SCENARIO", "--minutes", "25", "--max-p", "2"],
            message: ["--minutes 25", "not a standard of scenario.toml", "15, 40"]),
        Case(
            label: "isochrone tolerance of a millimetre",
            arguments: ["isochrones", "--base", "123.4,41.8", "--aircraft", "H135", "--minutes", "60", "--tolerance", "0.001", "-o", "out"],
            message: ["--tolerance must be from 1 to 10000 metres", "finer than 1 m is not supported"]),
        Case(
            label: "isochrone tolerance of 1e-9 m",
            arguments: ["isochrones", "--base", "123.4,41.8", "--aircraft", "H135", "--minutes", "60", "--tolerance", "1e-9", "-o", "out"],
            message: ["--tolerance must be from 1 to 10000 metres"]),
        Case(
            label: "isochrone tolerance of 1000 km",
            arguments: ["isochrones", "--base", "123.4,41.8", "--aircraft", "H135", "--minutes", "60", "--tolerance", "1e6", "-o", "out"],
            message: ["--tolerance must be from 1 to 10000 metres"]),
        Case(label: "curve with no bases", arguments: ["curve", "SCENARIO", "--minutes", "15", "--max-p", "0"], message: ["--max-p must be at least 1"]),
        Case(
            label: "TOML array closed by a brace", edits: [("minutes = [15, 40]", "minutes = [}")],
            message: ["scenario.toml", "line 21, column 12", "an array needs a value"]),
        Case(
            label: "TOML brace after a comma", edits: [("mclp_p = [1]", "mclp_p = [1,\n  # more\n  }")],
            message: ["scenario.toml", "line 25, column 3", "an array needs a value"]),
        Case(label: "cell size zero", edits: [("cell_km = 4", "cell_km = 0")], message: ["[demand] cell_km", "at least 0.1"]),
        Case(
            label: "cell size nan", edits: [("cell_km = 4", "cell_km = nan")],
            message: ["scenario.toml", "[demand] cell_km", "must be a finite number, found nan"]),
        Case(
            label: "cell size inf", edits: [("cell_km = 4", "cell_km = inf")],
            message: ["scenario.toml", "[demand] cell_km", "must be a finite number, found inf"]),
        Case(label: "standard zero", edits: [("minutes = [15, 40]", "minutes = [0, 40]")], message: ["[standards] minutes", "positive, increasing"]),
        Case(
            label: "standard a string", edits: [("minutes = [15, 40]", "minutes = [\"15\"]")], message: ["[standards] minutes", "only numbers, found a string"]),
        Case(label: "standard repeated", edits: [("minutes = [15, 40]", "minutes = [15, 15]")], message: ["[standards] minutes", "increasing"]),
        Case(
            label: "night not a boolean", edits: [("minutes = [15, 40]", "minutes = [15, 40]\nnight = \"yes\"")],
            message: ["[standards] night", "true or false, found a string"]),
        Case(
            label: "negative day dispatch", edits: [("dispatch_day_min = 10", "dispatch_day_min = -10")],
            message: ["[aircraft]", "dispatch_day_min must not be negative"]),
        Case(
            label: "reserve nan", edits: [("reserve_min = 20", "reserve_min = nan")],
            message: ["scenario.toml", "[aircraft] reserve_min", "finite number, found nan"]),
        Case(
            label: "negative altitude", edits: [("max_altitude_m = 3000", "max_altitude_m = -3000")],
            message: ["[aircraft]", "max_altitude_m must not be negative"]),
        Case(
            label: "negative cruise speed", edits: [("cruise_speed_kmh = 240", "cruise_speed_kmh = -240")],
            message: ["[aircraft]", "cruise_speed_kmh must be positive"]),
        Case(label: "MCLP p negative", edits: [("mclp_p = [1]", "mclp_p = [-1]")], message: ["[siting] mclp_p", "whole numbers of bases ≥ 1"]),
        Case(label: "MCLP p a string", edits: [("mclp_p = [1]", "mclp_p = [\"one\"]")], message: ["[siting] mclp_p", "only numbers, found a string"]),
        Case(label: "time limit nan", edits: [siting("time_limit = nan")], message: ["[siting] time_limit", "finite number, found nan"]),
        Case(
            label: "risk share negative", edits: [demand("population = \"pop.csv\"\nweighting = \"mix\"\nrisk_share = -0.5")],
            files: ["pop.csv": "name,lon,lat,population\nA,122.5,41.5,1000\n"], message: ["[demand] risk_share", "from 0 to 1"]),
        Case(label: "wind speed negative", edits: [flight("wind = \"270@-30\"")], message: ["[flight] wind", "speed must not be negative"]),
        Case(label: "study name of two lines", edits: [("name = \"test square\"", "name = \"test\\nsquare\"")], message: ["[study] name", "must be one line"]),
        Case(
            label: "study name of 300 characters", edits: [("name = \"test square\"", "name = \"" + String(repeating: "n", count: 300) + "\"")],
            message: ["[study] name", "300 characters", "at most 200"]),
        Case(
            label: "zone at longitude -200", edits: [useZ], files: zones(#"{"type":"Polygon","coordinates":[[[-200,41],[-199,41],[-199,42],[-200,41]]]}"#),
            message: ["z.geojson", "feature 0", "-200.0,41.0 is outside WGS84"]),
        Case(
            label: "zone at latitude -95", edits: [useZ], files: zones(#"{"type":"Polygon","coordinates":[[[122,-95],[123,-95],[123,-96],[122,-95]]]}"#),
            message: ["z.geojson", "feature 0", "122.0,-95.0 is outside WGS84"]),
        Case(label: "zones file empty", edits: [useZ], files: ["z.geojson": ""], message: ["z.geojson", "the file is empty"]),
        Case(
            label: "zones file not JSON", edits: [useZ], files: ["z.geojson": "this is not a map"], message: ["z.geojson", "not a vector file GDAL can read"]),
        Case(label: "base longitude 200", edits: [useB], files: bases("B1,west,200,41.4,LN\n"), message: ["b.csv", "not longitude/latitude"]),
        Case(label: "base latitude -95", edits: [useB], files: bases("B1,west,122.3,-95,LN\n"), message: ["b.csv", "not longitude/latitude"]),
        Case(label: "bases file empty", edits: [useB], files: ["b.csv": ""], message: ["b.csv", "the file is empty"]),
        Case(
            label: "catalog file missing", edits: [("name = \"T\"\ncruise", "catalog = \"fleet.toml\"\nname = \"T\"\ncruise")],
            message: ["scenario.toml", "[aircraft] catalog", "fleet.toml", "does not exist"]),
        Case(label: "plan --cell-km negative", arguments: ["plan", "SCENARIO", "--cell-km", "-1"], message: ["--cell-km must be at least 0.1 km"]),
        Case(label: "plan --cell-km nan", arguments: ["plan", "SCENARIO", "--cell-km", "nan"], message: ["--cell-km must be at least 0.1 km"]),
        Case(
            label: "plan --minutes zero", arguments: ["plan", "SCENARIO", "--minutes", "0"],
            message: ["\"0\" is not a positive number of minutes", "--minutes 0"]),
        Case(
            label: "plan --aircraft unknown", arguments: ["plan", "SCENARIO", "--aircraft", "NOPE"],
            message: ["--aircraft \"NOPE\" is not in the catalog", "known types"]),
        Case(label: "validate a missing scenario", arguments: ["validate", "missing.toml"], message: ["missing.toml", "no such scenario file"]),
        Case(
            label: "isochrones tolerance nan",
            arguments: ["isochrones", "--base", "123.4,41.8", "--aircraft", "H135", "--minutes", "60", "--tolerance", "nan", "-o", "out"],
            message: ["--tolerance must be from 1 to 10000 metres", "got nan"]),
        Case(
            label: "isochrones base at latitude 95", arguments: ["isochrones", "--base", "123.4,95", "--aircraft", "H135", "--minutes", "60", "-o", "out"],
            message: ["--base", "\"123.4,95\" is outside WGS84", "LON,LAT"]),
        Case(label: "assess with no bases", arguments: ["assess", "SCENARIO", "--bases", ""], message: ["no bases to assess", "--bases"]),
        Case(
            label: "mexclp_p below the kept bases", edits: [siting("keep_existing = true\nmexclp_p = [1]"), availability("busy = 0.3")],
            message: ["scenario.toml", "[siting] mexclp_p", "fewer than the 2 existing bases"]),
        Case(
            label: "validate: malp_p below the kept bases", arguments: ["validate", "SCENARIO"],
            edits: [siting("keep_existing = true\nmalp_p = [1]\nmalp_alpha = 0.5"), availability("busy = 0.3")],
            message: ["[siting] malp_p", "fewer than the 2 existing bases"]),
        Case(label: "maxmin_p without regions", edits: [siting("maxmin_p = [2]")], message: ["[siting] maxmin_p", "[demand] regions"]),
        Case(
            label: "flyable share above 1", edits: [useZ, availability("busy = 0.3\nflyable_field = \"fly\"")],
            files: ["z.geojson": collection([("\"Z1\",\"fly\":2", square1)])],
            message: ["z.geojson", "zone Z1", "field fly ([availability] flyable_field) holds \"2\"", "from 0 to 1"]),
        Case(
            label: "validate: flyable share not a number", arguments: ["validate", "SCENARIO"],
            edits: [useZ, availability("busy = 0.3\nflyable_field = \"fly\"")],
            files: ["z.geojson": collection([("\"Z1\",\"fly\":\"fog\"", square1)])],
            message: ["z.geojson", "zone Z1", "field fly", "holds \"fog\""]),
        Case(
            label: "site: no aircraft per site", arguments: ["site", "SCENARIO", "--model", "mexclp", "-p", "2", "--per-site", "0", "--minutes", "40"],
            edits: [availability("busy = 0.3")], message: ["--per-site is 0; it must be a whole number of aircraft, 1 or more"]),
        Case(
            label: "site: a group floor above 100 %",
            arguments: ["site", "SCENARIO", "--model", "maxmin", "-p", "2", "--min-group-coverage", "101", "--minutes", "40"],
            message: ["--min-group-coverage is 101.0; it must be a percentage from 0 to 100"]),
        Case(
            label: "site: per-site with mclp", arguments: ["site", "SCENARIO", "--model", "mclp", "-p", "1", "--per-site", "2", "--minutes", "40"],
            message: ["--busy and --per-site work with mexclp and malp only"]),
        Case(
            label: "base flyable share not a number", edits: [useB, availability("busy = 0.3\nbase_flyable_field = \"fly\"")],
            files: ["b.csv": "code,name,lon,lat,province,fly\nB1,west,122.3,41.4,LN,0.5\nB2,east,122.7,41.4,LN,fog\n"],
            message: ["b.csv", "site B2 (feature 2)", "field fly ([availability] base_flyable_field) holds \"fog\"", "from 0 to 1"]),
        Case(
            label: "validate: base flyable field missing", arguments: ["validate", "SCENARIO"],
            edits: [useB, availability("busy = 0.3\nbase_flyable_field = \"fly\"")], files: bases("B1,west,122.3,41.4,LN\n"),
            message: ["b.csv", "no field fly", "[availability] base_flyable_field"]),
        Case(
            label: "site malp without alpha", arguments: ["site", "SCENARIO", "--model", "malp", "-p", "2", "--minutes", "40"],
            edits: [availability("busy = 0.3")], message: ["malp needs --alpha", "malp_alpha"]),
    ]

    @Test(arguments: cases) func isRefusedWithOneClearMessage(_ bad: Case) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory) { text in
            bad.edits.reduce(text) { t, edit in
                precondition(t.contains(edit.0), "\(bad.label): the scenario has no \(edit.0)")
                return t.replacingOccurrences(of: edit.0, with: edit.1)
            }
        }
        for (name, text) in bad.files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let arguments = bad.arguments.map { $0 == "SCENARIO" ? scenario.path : $0 }
        let run = try CommandRunner.run(arguments, in: directory)
        #expect(run.status == 2, "\(bad.label): exit \(run.status)")
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1, "\(bad.label): \(run.stderr)")
        for fragment in bad.message {
            #expect(errors.first?.contains(fragment) == true, "\(bad.label): \"\(fragment)\" not in \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path), "\(bad.label): wrote output")
        #expect(!run.stderr.contains("Fatal error") && run.status != 134 && run.status != 139)
    }
}
