import Foundation
import Testing
@testable import Siting
import Support

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

    /// The error reading `text` as a costs table gives ("no error" if none).
    func message(_ text: String) -> String {
        do { _ = try CostTableReader.costs(try write(text, "bad.csv")); return "no error" } catch { return "\(error)" }
    }

    @Test func mistakesNameTheFileAndLine() throws {
        #expect(message("from,to,minutes\n").contains("expected demand,site,cost"))
        #expect(message("demand,site,cost\na,S1,thirty\n").contains("line 2: \"thirty\" is not a number"))
        #expect(message("demand,site,cost\na,S1\n").contains("line 2: 2 fields; expected 3"))
        #expect(message("demand,site,cost\na,S1,3\na,S1,4\n").contains("line 3: the pair a,S1 is listed twice"))
    }

    @Test func mistakesAreReportedAtTheFirstFaultyLine() throws {
        // Demand a comes back after b, with a blank line between.
        #expect(message("demand,site,cost\na,S1,1\nb,S1,2\n\na,S2,3\na,S1,4\n").contains("line 6: the pair a,S1 is listed twice"))
        #expect(message("demand,site,cost\na,S1,1\na,S1,2\na,S1,3\n").contains("line 3: the pair a,S1 is listed twice"))
        #expect(message("demand,site,cost\na,S1,1\na,S1,2\nb,S1,x\n").contains("line 3: the pair a,S1 is listed twice"))
        #expect(message("demand,site,cost\n\na,S1,1\nb,S1,1O\nb,S1,2\n").contains("line 4: \"1O\" is not a number"))
        #expect(message("demand,site,cost\na,S1,1e999\n").contains("line 2: \"1e999\" is not a number"))
        #expect(message("demand,site,cost\na,S1,\"3 0\"\n").contains("line 2: \"3 0\" is not a number"))
    }

    @Test func lineEndsQuotesAndSpacesReadAsPlainRows() throws {
        let plain = try CostTableReader.costs(try write("demand,site,cost\na,S1,30\nb c,S2,45.5\n", "plain.csv"))
        let dressed = try CostTableReader.costs(
            try write(
                " Demand , Site , Cost \r\n\r\n\"a\",\"S1\",30\r\n  \t\r\n \"b c\" , S2 , \"45.5e0\" \r\n \r\n", "dressed.csv"))
        let unterminated = try CostTableReader.costs(try write("demand,site,cost\na,S1,30\nb c,S2,4.55e1", "unterminated.csv"))
        for table in [dressed, unterminated] {
            #expect(table.demandIDs == plain.demandIDs && table.siteIDs == plain.siteIDs)
            #expect(table.demandStart == plain.demandStart && table.demandSites == plain.demandSites && table.demandCosts == plain.demandCosts)
        }
        #expect(plain.demandIDs == ["a", "b c"] && plain.demandCosts == [30, 45.5])
    }

    @Test func pairsAreGroupedByDemandWithSitesAscending() throws {
        let table = try CostTableReader.costs(try write("demand,site,cost\na,S1,5\nb,S2,7\na,S3,1\nb,S1,2\na,S2,4\n", "costs.csv"))
        #expect(table.demandIDs == ["a", "b"] && table.siteIDs == ["S1", "S2", "S3"])
        #expect(table.demandStart == [0, 3, 5])
        #expect(table.demandSites == [0, 1, 2, 0, 1] && table.demandCosts == [5, 4, 1, 2, 7])
        let timed = try CostTableReader.timedInstance(table)
        #expect(Array(timed.demands(coveredBy: 0)) == [0, 1] && Array(timed.demands(coveredBy: 2)) == [0])
        // Every pair covers (the table's lists are kept) or only some do: as if built from the covering sets.
        for (threshold, covering) in [(10.0, [[0, 1, 2], [0, 1]]), (4.5, [[1, 2], [0]])] {
            let instance = try CostTableReader.instance(table, threshold: threshold)
            #expect(instance == (try CoverInstance(demandIDs: ["a", "b"], siteIDs: ["S1", "S2", "S3"], coveringSites: covering)))
        }
    }

    @Test func idsEqualAsStringsAreOneID() throws {
        // "café" precomposed (U+00E9) and decomposed (e, U+0301): equal Swift strings, different bytes.
        let table = try CostTableReader.costs(try write("demand,site,cost\ncaf\u{E9},S1,1\ncafe\u{301},S2,2\n", "costs.csv"))
        #expect(table.demandIDs == ["caf\u{E9}"] && table.demandSites == [0, 1])
        var ids = IDTable()
        let names = (0..<1_000).map { "site-\($0 * 7919 % 1_000)-with-a-long-name" }
        for _ in 0..<2 {
            for (k, name) in names.enumerated() {
                let index = Array(name.utf8).withUnsafeBufferPointer { ids.index(of: $0) }
                #expect(index == Int32(k))
            }
        }
        #expect(ids.ids == names)
    }

    @Test func linesAreCutAcrossBlocksAndLongLines() throws {
        let text = "one\r\n\n" + String(repeating: "x", count: 40) + "\nfour\n\nsix"
        let url = try write(text, "lines.txt")
        for blockSize in [1, 3, 8, 1 << 22] {
            var lines: [(String, Int)] = []
            try CostTableReader.forEachLine(of: url, blockSize: blockSize) { lines.append((String(decoding: $0, as: UTF8.self), $1)) }
            #expect(lines.map(\.0) == text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) })
            #expect(lines.map(\.1) == Array(1...6))
        }
    }

    @Test func costsReadAsStrtodReadsThem() {
        /// The rule: strtod's number, then only spaces and tabs (quotes and
        /// line ends are taken off before the number is read).
        func strtodRule(_ text: String) -> Double? {
            text.withCString { start in
                var stop: UnsafeMutablePointer<CChar>?
                let value = strtod(start, &stop)
                let used = UnsafePointer(stop!) - start
                return used > 0 && value.isFinite && text.utf8.dropFirst(used).allSatisfy({ [0x20, 0x09].contains($0) }) ? value : nil
            }
        }
        var texts = [
            "0", "-0", "+.5", "5.", ".", "-", "1e", "1e+", "1e-5", "1E22", "1e23", "9007199254740992", "9007199254740993",
            "123456789012345678901234567890", "0.000000000000000000000000001", " 42 ", "42\"", "42\r", "\t42", "4 2",
            "0x1A", "inf", "-nan", "1e999", "1e-999", "", " ", "25.369822", "1.7976931348623157e308",
        ]
        var generator = SplitMix64(seed: 2024)
        func pick(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }
        for _ in 0..<20_000 {
            let digits = String((0...pick(20)).map { _ in Character("\(pick(10))") })
            let point = pick(digits.count + 1)
            var text = ["", "-", "+"][pick(3)] + digits.prefix(point) + "." + digits.dropFirst(point)
            if pick(2) == 0 { text += "e\(pick(81) - 40)" }
            texts.append(text)
        }
        for text in texts {
            let read = Array(text.utf8).withUnsafeBufferPointer { PairReader.number($0) }
            #expect(read?.bitPattern == strtodRule(text)?.bitPattern, "\(text)")
        }
    }

    @Test func aSiteListedTwiceForADemandKeepsItsLowestCost() throws {
        let instance = try CoverInstance(
            demandIDs: ["a", "b"], siteIDs: ["x", "y", "z"],
            pairs: [[(2, 5), (0, 7), (2, 4), (0, 3)], [(1, 1)]])
        #expect(instance.demandStart == [0, 2, 3] && instance.demandSites == [0, 2, 1] && Array(instance.demandCosts) == [3, 4, 1])
        #expect(instance.siteStart == [0, 1, 2, 3] && instance.siteDemands == [0, 1, 0])
    }
}
