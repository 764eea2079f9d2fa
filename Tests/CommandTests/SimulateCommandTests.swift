import Foundation
import GeoCore
import Testing
import TestSupport
import Support

/// `aircover simulate` on the small scenario. At 40 min both bases (one
/// aircraft each) reach every cell, so with a constant mission time T the
/// network is one loss system of 2 aircraft: the share reached is
/// 1 − Erlang B(2, λT) whatever the cells' weights, and MEXCLP, every cell
/// reached by 2 aircraft, expects 1 − q².
@Suite struct SimulateCommandTests {
    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .number(let v): v
        case .integer(let v): Double(v)
        default: nil
        }
    }

    @Test func twoBasesCoveringEverythingLoseErlangB() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory)
        // λ = 5000 a year, T = 105.12 min: a = 1 Erlang; B(2, 1) = 1/2 / (1 + 1 + 1/2) = 0.2.
        let arguments = [
            "simulate", scenario.path, "--minutes", "40", "--missions-per-year", "5000", "--mission-minutes", "105.12",
            "--years", "30", "--seed", "5", "--json",
        ]
        let run = try CommandRunner.run(arguments, environment: ["AIRCOVER_THREADS": "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONParser.parse(run.stdout)
        let share = try #require(Self.number(json["share"])), q = try #require(Self.number(json["busy_q"]))
        let ci = try #require(json["ci95"]?.arrayValue?.compactMap(Self.number))
        #expect(ci.count == 2 && ci[0] <= 0.8 && 0.8 <= ci[1], "share \(share), interval \(ci)")
        #expect(ci[1] - ci[0] < 0.02)
        #expect(Self.number(json["reachable_share"]) == 1)
        #expect(try #require(Self.number(json["missions"])) > 140_000)
        // Carried load per aircraft a (1 − B) / 2 = 0.4.
        #expect(abs(q - 0.4) < 0.01, "q = \(q)")
        let mexclp = try #require(Self.number(json["mexclp_expected_coverage"]))
        #expect(abs(mexclp - (1 - q * q)) < 1e-12)
        #expect(abs(try #require(Self.number(json["difference"])) - (share - mexclp)) < 1e-12)
        #expect(json["bases"] == .array([.string("B1"), .string("B2")]))
        #expect(json["aircraft"] == .string("T") && json["night"] == .bool(false) && Self.number(json["cell_km"]) == 4)

        let other = try CommandRunner.run(arguments, environment: ["AIRCOVER_THREADS": "3"])
        #expect(other.status == 0 && other.stdout == run.stdout, "the same seed gives the same figures on 1 and 3 threads")
        let reseeded = try CommandRunner.run(arguments.map { $0 == "5" ? "6" : $0 })
        #expect(reseeded.status == 0 && reseeded.stdout != run.stdout)
    }

    @Test func textNamesTheFiguresAndTheMissionRule() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory)
        let run = try CommandRunner.run(["simulate", scenario.path, "--minutes", "15", "--missions-per-year", "3000", "--years", "5"])
        #expect(run.status == 0, "\(run.stderr)")
        for line in [
            "bases: B1, B2 (1 aircraft each); standard 15 min", "mission time: response + on scene + flight back",
            "simulated 5 years (seed 1):", "share reached:", "95% CI", "MEXCLP busy probability q", "MEXCLP expected coverage:",
            "simulated − MEXCLP:",
        ] {
            #expect(run.stdout.contains(line), "missing \(line) in\n\(run.stdout)")
        }
        // Within 15 min (dispatch 10), the flight out is at most 5 min: a
        // mission is response (10…15) + on scene 15 + flight back (0…5) min.
        let json = try JSONParser.parse(
            try CommandRunner.run([
                "simulate", scenario.path, "--minutes", "15", "--missions-per-year", "3000",
                "--years", "5", "--json",
            ]).stdout)
        let mean = try #require(Self.number(json["mean_mission_minutes"]))
        #expect(mean >= 25 && mean <= 35, "mean mission \(mean) min")
    }

    @Test func theScenarioCanGiveTheRate() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try SmallScenario.write(in: directory)
        let common = ["--minutes", "40", "--years", "4", "--json"]
        let given = try CommandRunner.run(["simulate", plain.path, "--missions-per-year", "3000"] + common)
        let other = try CommandRunner.run(["simulate", plain.path, "--missions-per-year", "700"] + common)
        #expect(given.status == 0 && other.status == 0 && given.stdout != other.stdout, "\(given.stderr)")
        let rated = directory.appendingPathComponent("rated")
        try FileManager.default.createDirectory(at: rated, withIntermediateDirectories: true)
        let scenario = try SmallScenario.write(in: rated, extra: "[availability]\nbusy = 0.1\nmissions_per_year = 3000\n")
        let fromFile = try CommandRunner.run(["simulate", scenario.path] + common)
        #expect(fromFile.status == 0 && fromFile.stdout == given.stdout, "\(fromFile.stderr)")
        let overridden = try CommandRunner.run(["simulate", scenario.path, "--missions-per-year", "700"] + common)
        #expect(overridden.status == 0 && overridden.stdout == other.stdout, "\(overridden.stderr)")
        for bad in ["-3", "0", "nan", "2e9", "\"many\""] {
            let wrong = try SmallScenario.write(in: rated, extra: "[availability]\nbusy = 0.1\nmissions_per_year = \(bad)\n")
            let run = try CommandRunner.run(["simulate", wrong.path] + common)
            #expect(run.status == 2 && run.stdout.isEmpty && run.stderr.contains("missions_per_year"), "\(bad): \(run.stderr)")
        }
    }

    @Test(
        arguments: [
            ([], "give --missions-per-year X, the missions a year over all zones, or set [availability] missions_per_year in scenario.toml"),
            (["--minutes", "40", "--missions-per-year", "0"], "--missions-per-year must be a positive number"),
            (["--minutes", "40", "--missions-per-year", "-5"], "--missions-per-year must be a positive number"),
            (["--minutes", "40", "--missions-per-year", "100", "--years", "1"], "--years must be from 2"),
            (["--minutes", "40", "--missions-per-year", "100", "--per-base", "0"], "--per-base must be 1 or more"),
            (["--minutes", "40", "--missions-per-year", "100", "--mission-minutes", "0"], "--mission-minutes must be a positive number"),
            (["--minutes", "40", "--missions-per-year", "1e9", "--years", "10"], "simulate fewer"),
            (["--missions-per-year", "100"], "several standards"),
            (["--minutes", "30", "--missions-per-year", "100"], "--minutes 30 is not a standard"),
            (["--minutes", "40", "--missions-per-year", "100", "--bases", "NOPE"], "--bases \"NOPE\""),
            (["--minutes", "40", "--missions-per-year", "100", "--seed", "-1"], "--seed"),
        ] as [([String], String)])
    func badOptionsExitTwoWithAMessage(arguments: [String], message: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try SmallScenario.write(in: directory)
        let run = try CommandRunner.run(["simulate", scenario.path] + arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Error:") && run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
}
