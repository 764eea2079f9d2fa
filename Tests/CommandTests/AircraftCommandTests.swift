import Foundation
import Testing
import GeoCore
import Support

@Suite struct AircraftCommandTests {
    @Test func listsTheCatalogAsATableAndAsJSON() throws {
        let table = try CommandRunner.run(["aircraft", "--catalog", CommandRunner.testCatalog])
        #expect(table.status == 0)
        #expect(table.stdout.contains("TestRescue") && table.stdout.contains("operator assumptions"))
        let json = try CommandRunner.run(["aircraft", "--json", "--catalog", CommandRunner.testCatalog])
        #expect(json.status == 0)
        guard case .array(let profiles) = try JSONParser.parse(json.stdout) else { Issue.record("not an array"); return }
        #expect(profiles.count >= 1)
        for profile in profiles {
            for key in [
                "name", "cruise_speed_kmh", "dispatch_day_min", "dispatch_night_min", "endurance_min",
                "reserve_min", "on_scene_min", "max_altitude_m", "sources",
            ] {
                #expect(profile[key] != nil, "\(profile["name"]?.stringValue ?? "?") lacks \(key)")
            }
        }
    }
}
