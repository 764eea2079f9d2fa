import Foundation
import GeoCore
import Testing
import TestSupport
import Support

/// `solve --alternatives N [--prefer …]` and `site --alternatives N`: other
/// optimal sets listed, the preferred one reported first.
@Suite struct AlternativesCommandTests {
    @Test func solveListsTheOtherOptimaAndReportsThePreferredOneFirst() throws {
        let folder = try TemporaryFolder("alternatives")
        let costs = folder.url.appendingPathComponent("costs.csv")
        // Towns a and b: A, B and C each reach both; C is dearer.
        try "demand,site,cost\na,A,10\nb,A,10\na,B,10\nb,B,10\na,C,10\nb,C,10\n".write(to: costs, atomically: true, encoding: .utf8)
        let siteCosts = folder.url.appendingPathComponent("sites.csv")
        try "site,cost\nA,1\nB,1\nC,2\n".write(to: siteCosts, atomically: true, encoding: .utf8)
        func solve(_ extra: [String]) throws -> JSONValue {
            let run = try CommandRunner.run(["solve", "--costs", costs.path, "--threshold", "30", "--model", "lscp", "--json"] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            return try JSONParser.parse(run.stdout)
        }
        let preferB = try solve(["--alternatives", "5", "--prefer", "B"])
        #expect(preferB["selected"] == .array([.string("B")]))
        #expect(preferB["other_optima"] == .bool(true))
        #expect(preferB["alternatives"] == .array([.array([.string("A")]), .array([.string("C")])]))
        let preferC = try solve(["--alternatives", "5", "--prefer", "C"])
        #expect(preferC["selected"] == .array([.string("C")]) && preferC["alternatives"] == .array([.array([.string("A")]), .array([.string("B")])]))
        // At most N others, the preferred one among those found.
        let one = try solve(["--alternatives", "1"])
        #expect(one["alternatives"]?.arrayValue?.count == 1 && one["other_optima"] == .bool(true))
        // With site costs, LSCP minimises the cost: A or B, never C; no preference: the first id.
        let cheapest = try solve(["--site-costs", siteCosts.path, "--alternatives", "5"])
        #expect(cheapest["selected"] == .array([.string("A")]) && cheapest["alternatives"] == .array([.array([.string("B")])]))
        // One site alone reaching a town: no other optimum.
        try "demand,site,cost\na,A,10\nb,A,10\nb,B,10\n".write(to: costs, atomically: true, encoding: .utf8)
        let single = try solve(["--alternatives", "3"])
        #expect(single["other_optima"] == .bool(false) && single["alternatives"] == .array([]))
        // Without --alternatives the keys are absent.
        #expect(try solve([])["other_optima"] == nil)
    }

    @Test(arguments: [
        (["--alternatives", "-1"], "--alternatives"),
        (["--alternatives", "101"], "--alternatives"),
        (["--prefer", "A"], "--prefer works with --alternatives"),
        (["--alternatives", "2", "--prefer", "Z"], "--prefer names site Z"),
    ])
    func badOptionsExitTwo(extra: [String], message: String) throws {
        let folder = try TemporaryFolder("alternatives")
        let costs = folder.url.appendingPathComponent("costs.csv")
        try "demand,site,cost\na,A,10\n".write(to: costs, atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["solve", "--costs", costs.path, "--threshold", "30", "--model", "lscp"] + extra)
        #expect(run.status == 2 && run.stderr.contains(message) && run.stdout.isEmpty, "\(run.stderr)")
    }

    @Test func siteListsOtherOptimaWithTheExistingBasesFirst() throws {
        let folder = try TemporaryFolder("alternatives")
        // One central candidate besides the two existing bases; at 40 min each reaches the whole square.
        try "code,name,lon,lat\nC1,centre,122.5,41.4\n".write(to: folder.url.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
        let scenario = try SmallScenario.write(in: folder.url) {
            $0.replacingOccurrences(of: "existing = \"bases.csv\"", with: "existing = \"bases.csv\"\ncandidates = \"candidates.csv\"")
        }
        let run = try CommandRunner.run(["site", scenario.path, "--model", "lscp", "--minutes", "40", "--alternatives", "5", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONParser.parse(run.stdout)
        #expect(result["sites"] == .array([.string("B1")]))
        #expect(result["other_optima"] == .bool(true))
        #expect(result["alternatives"] == .array([.array([.string("B2")]), .array([.string("C1")])]))
        let refused = try CommandRunner.run(["site", scenario.path, "--model", "pmedian", "-p", "1", "--minutes", "40", "--alternatives", "2"])
        #expect(refused.status == 2 && refused.stderr.contains("lscp and mclp only"), "\(refused.stderr)")
    }
}
