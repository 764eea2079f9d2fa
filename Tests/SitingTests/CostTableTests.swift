import Foundation
import Testing
@testable import Siting

@Suite struct CostTableTests {
    func write(_ text: String, _ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aircover-\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func pairsWithinTheThresholdCover() throws {
        let costs = try write("demand,site,cost\na,S1,30\na,S2,70\nb,S2,45\nc,S3,200\n", "costs.csv")
        let weights = try write("demand,weight\na,2\nb,5\n", "weights.csv")
        let table = try CostTableReader.costs(costs)
        let instance = try CostTableReader.instance(table, threshold: 60, weights: try CostTableReader.values(weights, header: ["demand", "weight"]))
        #expect(instance.demandIDs == ["a", "b", "c"] && instance.siteIDs == ["S1", "S2", "S3"])
        #expect(Array(instance.sites(covering: 0)) == [0] && Array(instance.sites(covering: 1)) == [1])
        #expect(instance.sites(covering: 2).isEmpty)
        #expect(instance.weights == [2, 5, 1])
        let lscp = try SetCovering(instance: instance).solve()
        #expect(lscp.selected == [0, 1] && lscp.uncoveredDemands == [2] && lscp.status == .optimal)
    }

    @Test func mistakesNameTheFileAndLine() throws {
        func message(_ text: String) -> String {
            do { _ = try CostTableReader.costs(try write(text, "bad.csv")); return "no error" } catch { return "\(error)" }
        }
        #expect(message("from,to,minutes\n").contains("expected demand,site,cost"))
        #expect(message("demand,site,cost\na,S1,thirty\n").contains("line 2: \"thirty\" is not a number"))
        #expect(message("demand,site,cost\na,S1\n").contains("line 2: 2 fields; expected 3"))
        #expect(message("demand,site,cost\na,S1,3\na,S1,4\n").contains("line 3: the pair a,S1 is listed twice"))
    }
}
