import Foundation
import Testing
import GeoCore
@testable import Isochrones
import Support

@Suite struct AircraftCatalogTests {
    let valid = """
        [[aircraft]]
        name = "Test"
        aliases = ["T-1"]
        cruise_speed_kmh = 250
        dispatch_day_min = 10
        dispatch_night_min = 20
        endurance_min = 180
        reserve_min = 20
        on_scene_min = 15
        max_altitude_m = 4500
        [aircraft.sources]
        cruise_speed_kmh = "a test"
        """

    func problem(_ toml: String) -> String {
        do {
            _ = try AircraftCatalog.parse(ConfigTable.parse(toml: toml, source: "catalog.toml"))
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func readsAProfileAndFindsItByNameOrAlias() throws {
        let catalog = try AircraftCatalog.parse(ConfigTable.parse(toml: valid, source: "catalog.toml"))
        let profile = try catalog.profile(named: "t 1")
        #expect(profile.name == "Test" && profile.cruiseSpeedKmh == 250 && profile.roundTripFlightBudgetMin == 145)
        #expect(profile.sources["cruise_speed_kmh"] == "a test")
        #expect(throws: AircraftError.self) { try catalog.profile(named: "AW139") }
        let overridden = catalog.adding([
            Aircraft(
                name: "test", cruiseSpeedKmh: 100, dispatchDayMin: 1, dispatchNightMin: 1,
                enduranceMin: 100, reserveMin: 0, onSceneMin: 0, maxAltitudeM: 1)
        ])
        #expect(overridden.aircraft.count == 1 && overridden.aircraft[0].cruiseSpeedKmh == 100)
    }

    /// The shipped catalog: every type findable by its name and aliases,
    /// every manufacturer figure with a source, the operator figures labelled
    /// as assumptions, and values within what helicopters can do.
    @Test func theBuiltInCatalogIsSourcedAndPlausible() throws {
        let catalog = try AircraftCatalog.builtIn()
        #expect(catalog.aircraft.count >= 8)
        for a in catalog.aircraft {
            #expect(try catalog.profile(named: a.name).name == a.name)
            for alias in a.aliases { #expect(try catalog.profile(named: alias).name == a.name, "\(alias)") }
            for key in ["cruise_speed_kmh", "endurance_min", "max_altitude_m", "reserve_min", "on_scene_min", "dispatch"] {
                #expect((a.sources[key]?.count ?? 0) > 20, "\(a.name): no source for \(key)")
            }
            #expect(a.sources["dispatch"]?.contains("assumption") == true, "\(a.name): dispatch must be labelled an assumption")
            #expect((150...350).contains(a.cruiseSpeedKmh), "\(a.name): cruise \(a.cruiseSpeedKmh) km/h")
            #expect((90...600).contains(a.enduranceMin), "\(a.name): endurance \(a.enduranceMin) min")
            #expect((2_000...9_000).contains(a.maxAltitudeM), "\(a.name): ceiling \(a.maxAltitudeM) m")
            #expect(a.roundTripFlightBudgetMin > 60, "\(a.name)")
        }
    }

    @Test func mistakesAreReportedWithTheirTableAndKey() {
        #expect(
            problem(valid.replacingOccurrences(of: "cruise_speed_kmh = 250", with: "cruise_sped_kmh = 250"))
                == "catalog.toml: [[aircraft]] #1 (\"Test\") cruise_sped_kmh: is not a known key (did you mean \"cruise_speed_kmh\"?)")
        #expect(
            problem(valid.replacingOccurrences(of: "endurance_min = 180\n", with: ""))
                == "catalog.toml: [[aircraft]] #1 (\"Test\") endurance_min: is missing (a number is required)")
        #expect(
            problem(valid.replacingOccurrences(of: "cruise_speed_kmh = 250", with: "cruise_speed_kmh = \"fast\""))
                == "catalog.toml: [[aircraft]] #1 (\"Test\") cruise_speed_kmh: must be a number, found a string")
        #expect(
            problem(valid.replacingOccurrences(of: "cruise_speed_kmh = 250", with: "cruise_speed_kmh = -5"))
                .contains("cruise_speed_kmh must be positive"))
        #expect(
            problem(valid.replacingOccurrences(of: "endurance_min = 180", with: "endurance_min = 30"))
                .contains("leaves no flight time"))
        #expect(problem(valid + "\n" + valid).contains("\"Test\" is defined twice"))
        #expect(problem("name = \n").hasPrefix("catalog.toml: line 1"))
        #expect(problem("x = 1").contains("no [[aircraft]] tables found"))
    }
}
