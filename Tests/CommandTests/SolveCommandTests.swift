import Foundation
import Testing
import GeoCore
import Support

@Suite struct SolveCommandTests {
    @Test func solvesACostTableAndPrintsTheDocumentedJSON() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let costs = directory.appendingPathComponent("costs.csv")
        // Four towns, three candidate bases (minutes); town d is out of reach.
        try "demand,site,cost\na,B1,20\na,B2,50\nb,B2,30\nc,B3,25\nc,B2,55\nd,B3,200\n".write(to: costs, atomically: true, encoding: .utf8)
        let weights = directory.appendingPathComponent("weights.csv")
        try "demand,weight\na,10\nb,1\nc,5\nd,7\n".write(to: weights, atomically: true, encoding: .utf8)
        let lscp = try CommandRunner.run(["solve", "--costs", costs.path, "--threshold", "60", "--model", "lscp", "--json"])
        #expect(lscp.status == 0, "\(lscp.stderr)")
        let result = try JSONParser.parse(lscp.stdout)
        #expect(result["status"] == .string("optimal") && result["objective"] == .integer(1))
        #expect(result["selected"] == .array([.string("B2")]))
        #expect(result["uncovered_demand"] == .array([.string("d")]))
        for key in ["model", "bound", "gap", "covered_weight", "total_weight", "covered_demand_count", "seconds"] {
            #expect(result[key] != nil, "missing \(key)")
        }
        // One base within 30 minutes: B1 (a, 10) beats B3 (c, 5) and B2 (b, 1).
        let mclp = try CommandRunner.run([
            "solve", "--costs", costs.path, "--threshold", "30", "--weights", weights.path,
            "--model", "mclp", "-p", "1", "--json",
        ])
        let best = try JSONParser.parse(mclp.stdout)
        #expect(best["selected"] == .array([.string("B1")]) && best["covered_weight"] == .integer(10))
        // Keep B3 (an existing base) and add one more.
        let kept = try JSONParser.parse(
            try CommandRunner.run([
                "solve", "--costs", costs.path, "--threshold", "30", "--weights", weights.path,
                "--model", "mclp", "-p", "2", "--keep", "B3", "--json",
            ]).stdout)
        #expect(kept["selected"] == .array([.string("B1"), .string("B3")]) && kept["covered_weight"] == .integer(15))
    }

    @Test func solvesPCenterPMedianAndBackup() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let costs = directory.appendingPathComponent("costs.csv")
        try "demand,site,cost\na,B1,20\na,B2,50\nb,B2,30\nc,B3,25\nc,B2,55\nd,B3,200\n".write(to: costs, atomically: true, encoding: .utf8)
        func solve(_ arguments: [String]) throws -> JSONValue {
            try JSONParser.parse(try CommandRunner.run(["solve", "--costs", costs.path, "--json"] + arguments).stdout)
        }
        // d is reached only from B3 (200 min) and b only from B2: both must open.
        let center = try solve(["--model", "pcenter", "-p", "2"])
        #expect(center["objective"] == .integer(200) && center["selected"] == .array([.string("B2"), .string("B3")]))
        let median = try solve(["--model", "pmedian", "-p", "2"])
        #expect(median["objective"] == .number(76.25))  // (50 + 30 + 25 + 200) / 4
        // Serving 75% within 30 min needs a (B1) too: impossible with 2 bases.
        let hybrid = try solve(["--model", "pmedian", "-p", "2", "--threshold", "30", "--min-coverage", "75"])
        #expect(hybrid["status"] == .string("infeasible") && hybrid["gap"] == .null)
        let backup = try solve(["--model", "backup", "-p", "2", "--threshold", "60"])
        #expect(backup["objective"] == .integer(1) && backup["covered_weight"] == .integer(3))
    }

    /// MEXCLP with 3 aircraft, 2 at most per site, each busy half the time:
    /// a (10) is reached from B1 and B2, b (1) from B2, c (5) from B2 and B3,
    /// d from none. Every placement checked by hand: B1 × 1, B2 × 2 is best,
    /// 10 (1 − 0.5³) + 1 (1 − 0.5²) + 5 (1 − 0.5²) = 13.25 (next: 12.625).
    @Test func solvesMEXCLPAndMALPWithAircraftPerSite() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let costs = directory.appendingPathComponent("costs.csv"), weights = directory.appendingPathComponent("weights.csv")
        try "demand,site,cost\na,B1,20\na,B2,50\nb,B2,30\nc,B3,25\nc,B2,55\nd,B3,200\n".write(to: costs, atomically: true, encoding: .utf8)
        try "demand,weight\na,10\nb,1\nc,5\nd,7\n".write(to: weights, atomically: true, encoding: .utf8)
        let base = ["solve", "--costs", costs.path, "--weights", weights.path, "--threshold", "60", "-p", "3", "--busy", "0.5", "--per-site", "2", "--json"]
        let run = try CommandRunner.run(base + ["--model", "mexclp"])
        #expect(run.status == 0, "\(run.stderr)")
        let mexclp = try JSONParser.parse(run.stdout)
        #expect(mexclp["model"] == .string("mexclp") && mexclp["status"] == .string("optimal"))
        func number(_ value: JSONValue?) -> Double? {
            switch value {
            case .number(let x)?: return x
            case .integer(let n)?: return Double(n)
            default: return nil
            }
        }
        #expect(abs((number(mexclp["objective"]) ?? 0) - 13.25) < 1e-12 && abs((number(mexclp["bound"]) ?? 0) - 13.25) < 1e-12, "\(run.stdout)")
        #expect(number(mexclp["gap"]) == 0)
        #expect(mexclp["aircraft"] == .object([(key: "B1", value: .integer(1)), (key: "B2", value: .integer(2))]), "\(run.stdout)")
        #expect(mexclp["selected"] == .array([.string("B1"), .string("B2")]))
        #expect(mexclp["covered_weight"] == .integer(16) && mexclp["uncovered_demand"] == .array([.string("d")]))
        // MALP, α = 0.7: b = ⌈log 0.3 / log 0.5⌉ = 2 aircraft; a, b and c can all have two (16).
        let malp = try JSONParser.parse(try CommandRunner.run(base + ["--model", "malp", "--alpha", "0.7"]).stdout)
        #expect(malp["objective"] == .integer(16) && malp["status"] == .string("optimal"))
        guard case .object(let placed)? = malp["aircraft"] else { Issue.record("no aircraft object: \(malp)"); return }
        #expect(placed.reduce(0) { $0 + ($1.value == .integer(2) ? 2 : $1.value == .integer(1) ? 1 : 100) } == 3, "\(placed)")
        // Other models have no aircraft field.
        let mclp = try JSONParser.parse(
            try CommandRunner.run(["solve", "--costs", costs.path, "--threshold", "60", "--model", "mclp", "-p", "1", "--json"]).stdout)
        #expect(mclp["aircraft"] == nil)
    }

    /// Within 30 minutes a (10) is reached from B1, b (1) from B2, c (5)
    /// from B3, d (7) from none; north holds a and c, south b and d. With two
    /// sites MCLP takes B1, B3 (15) and leaves the south at 0; max–min takes
    /// B1, B2: south 1/8, north 10/15, total 11 (B2, B3 also gives 1/8, total 6).
    @Test func solvesMaxMinOverGroups() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let costs = directory.appendingPathComponent("costs.csv"), weights = directory.appendingPathComponent("weights.csv")
        let groups = directory.appendingPathComponent("groups.csv")
        try "demand,site,cost\na,B1,20\na,B2,50\nb,B2,30\nc,B3,25\nc,B2,55\nd,B3,200\n".write(to: costs, atomically: true, encoding: .utf8)
        try "demand,weight\na,10\nb,1\nc,5\nd,7\n".write(to: weights, atomically: true, encoding: .utf8)
        try "demand,group\na,north\nb,south\nc,north\nd,south\n".write(to: groups, atomically: true, encoding: .utf8)
        func solve(_ more: [String]) throws -> JSONValue {
            let run = try CommandRunner.run(["solve", "--costs", costs.path, "--weights", weights.path, "--threshold", "30", "-p", "2", "--json"] + more)
            #expect(run.status == 0, "\(more): \(run.stderr)")
            return try JSONParser.parse(run.stdout)
        }
        #expect(try solve(["--model", "mclp"])["selected"] == .array([.string("B1"), .string("B3")]))
        let fair = try solve(["--model", "maxmin", "--groups", groups.path])
        #expect(fair["status"] == .string("optimal") && fair["objective"] == .integer(11) && fair["min_group_share"] == .number(0.125))
        #expect(fair["selected"] == .array([.string("B1"), .string("B2")]) && fair["aircraft"] == nil)
        let floor = try solve(["--model", "maxmin", "--groups", groups.path, "--min-group-coverage", "10"])
        #expect(floor["objective"] == .integer(11) && floor["status"] == .string("optimal"))
        let impossible = try solve(["--model", "maxmin", "--groups", groups.path, "--min-group-coverage", "50"])
        #expect(impossible["status"] == .string("infeasible") && impossible["gap"] == .null)
    }

    static let scp41 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/orlib/scp41.txt").standardized

    /// Needs ../shared/orlib beside the checkout (CI has it).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: scp41.path), "needs ../shared/orlib beside the checkout"))
    func solvesAnORLibraryInstance() throws {
        let file = Self.scp41
        let run = try CommandRunner.run(["solve", "--orlib", file.path, "--model", "lscp", "--json"])
        let result = try JSONParser.parse(run.stdout)
        #expect(result["objective"] == .integer(429) && result["status"] == .string("optimal"))
    }

    @Test func badRequestsExitWithStatus2() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let costs = directory.appendingPathComponent("costs.csv")
        try "demand,site,cost\na,B1,20\n".write(to: costs, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--costs", costs.path, "--model", "lscp"], "needs --threshold"),
            (["--costs", costs.path, "--threshold", "30", "--model", "mclp", "-p", "5"], "more than the 1 candidate sites"),
            (["--costs", costs.path, "--threshold", "30", "--model", "mclp"], "exactly one of -p N or --budget B"),
            (["--costs", costs.path, "--threshold", "30", "--model", "pmedianx"], "The value 'pmedianx' is invalid for '--model <model>'"),
            (["--costs", costs.path, "--threshold", "30", "--model", "lscp", "--keep", "B9"], "--keep names site B9"),
            (["--costs", directory.appendingPathComponent("none.csv").path, "--threshold", "30", "--model", "lscp"], "cannot read the file"),
        ]
        for (arguments, message) in cases {
            let run = try CommandRunner.run(["solve"] + arguments)
            #expect(run.status == 2, "\(arguments): status \(run.status)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }
}
