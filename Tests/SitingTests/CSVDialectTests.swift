import Foundation
import Testing
@testable import Siting

/// The one CSV dialect of the costs, weights and site-costs tables: RFC 4180
/// quoting, CRLF line ends, a UTF-8 byte-order mark.
@Suite struct CSVDialectTests {
    func write(_ text: String, _ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aircover-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url
    }

    func costs(_ text: String) throws -> CostTableReader.Table { try CostTableReader.costs(try write(text, "costs.csv")) }

    func message(_ text: String) -> String {
        do { _ = try costs(text); return "no error" } catch { return "\(error)" }
    }

    func instance(_ text: String) throws -> CoverInstance { try CostTableReader.timedInstance(try costs(text)) }

    static let plain = "demand,site,cost\nd1,S1,30\nd1,S2,12.5\nd2,S2,45\nd3,S1,7e1\n"

    @Test func quotedCRLFAndByteOrderMarkReadAsThePlainTable() throws {
        let expected = try instance(Self.plain)
        let quoted = "demand,site,cost\n\"d1\",\"S1\",\"30\"\n d1 , \"S2\" ,12.5\n\"d2\",S2,\"45\"\nd3,\"S1\",7e1\n"
        #expect(try instance(quoted) == expected)
        #expect(try instance(Self.plain.replacingOccurrences(of: "\n", with: "\r\n")) == expected)
        #expect(try instance("\u{FEFF}" + Self.plain) == expected)
        #expect(try instance("\u{FEFF}\"demand\",\"site\",\"cost\"\r\n" + quoted.dropFirst(17).replacingOccurrences(of: "\n", with: "\r\n")) == expected)
    }

    @Test func quotedFieldsHoldCommasAndDoubledQuotes() throws {
        let table = try costs("demand,site,cost\n\"cell 7, east\",\"site, north\",20\n\"the \"\"old\"\" field\",\"site, north\",25\n")
        #expect(table.demandIDs == ["cell 7, east", "the \"old\" field"])
        #expect(table.siteIDs == ["site, north"])
        #expect(table.demandCosts == [20, 25])
    }

    @Test func badQuotingIsNamedWithItsLineAndField() {
        #expect(message("demand,site,cost\n\"a,S1,20\n").contains("line 2: field 1 opens a quote that the line does not close"))
        #expect(message("demand,site,cost\na,\"S1\"x,20\n").contains("line 2: field 2 has text after its closing quote"))
        #expect(message("demand,site,cost\na,S\"1,20\n").contains("line 2: field 2 has a quote inside"))
        #expect(message("demand,site,cost\n\"a\",\"S,1\",2,3\n").contains("line 2: 4 fields; expected 3"))
    }

    @Test func negativeCostsAreRefused() {
        #expect(message("demand,site,cost\na,S1,5\nb,S1,-5\n").contains("line 3: the cost -5 is negative"))
        #expect(message("demand,site,cost\n\"a\",\"S1\",\"-0.5\"\n").contains("line 2: the cost -0.5 is negative"))
    }

    @Test func weightsAndSiteCostsShareTheDialectAndTheirRanges() throws {
        let weights = try CostTableReader.weights(try write("\u{FEFF}demand,weight\r\n\"cell 7, east\",2\r\nb,0\r\n", "w.csv"))
        #expect(weights == ["cell 7, east": 2, "b": 0])
        let siteCosts = try CostTableReader.siteCosts(try write("\u{FEFF}\"site\",\"cost\"\n\"site, north\",\"3.5\"\n", "s.csv"))
        #expect(siteCosts == ["site, north": 3.5])
        func message(_ read: () throws -> Any) -> String {
            do { _ = try read(); return "no error" } catch { return "\(error)" }
        }
        let negative = try write("demand,weight\na,1\nb,-1\n", "w.csv")
        #expect(message { try CostTableReader.weights(negative) }.contains("\(negative.path): line 3: demand b has weight -1; weights must be 0 or more"))
        let zero = try write("site,cost\nS1,0\n", "s.csv")
        #expect(message { try CostTableReader.siteCosts(zero) }.contains("\(zero.path): line 2: site S1 has cost 0; site costs must be above 0"))
        let unknown = try CostTableReader.siteCosts(try write("site,cost\nS9,2\n", "s.csv"))
        #expect(
            message { try CostTableReader.instance(try costs(Self.plain), threshold: 30, siteCosts: unknown) }
                .contains("the site costs name site S9, which the costs table does not have"))
    }
}
