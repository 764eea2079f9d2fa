import Foundation

/// A small scenario the command tests write: a 1° × 0.8° square zone near
/// Shenyang, three bases in a CSV (two pass the filter, 33 km apart), an
/// inline aircraft at 240 km/h, standards 15 and 40 min.
public enum SmallScenario {
    /// Writes zone.geojson, bases.csv and scenario.toml into `directory`;
    /// `edit` changes the scenario text (for the bad-input table).
    public static func write(
        in directory: URL, extra: String = "", zoneFile: String = "zone.geojson",
        edit: (String) -> String = { $0 }
    ) throws -> URL {
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"Z1","name":"square"},
        "geometry":{"type":"Polygon","coordinates":[[[122.0,41.0],[123.0,41.0],[123.0,41.8],[122.0,41.8],[122.0,41.0]]]}}]}
        """.write(to: directory.appendingPathComponent("zone.geojson"), atomically: true, encoding: .utf8)
        try "code,name,lon,lat,province\nB1,west,122.3,41.4,LN\nB2,east,122.7,41.4,LN\nB3,far,125.5,45.0,JL\n"
            .write(to: directory.appendingPathComponent("bases.csv"), atomically: true, encoding: .utf8)
        let scenario = directory.appendingPathComponent("scenario.toml")
        let text = """
            [study]
            name = "test square"
            [demand]
            zones = "\(zoneFile)"
            id_field = "code"
            cell_km = 4
            [bases]
            existing = "bases.csv"
            filter = { province = "LN" }
            id_field = "code"
            [aircraft]
            name = "T"
            cruise_speed_kmh = 240
            dispatch_day_min = 10
            dispatch_night_min = 20
            endurance_min = 200
            reserve_min = 20
            on_scene_min = 15
            max_altitude_m = 3000
            [standards]
            minutes = [15, 40]
            [siting]
            mclp_p = [1]
            [output]
            folder = "out"
            \(extra)
            """
        try edit(text).write(to: scenario, atomically: true, encoding: .utf8)
        return scenario
    }
}
