import Foundation
import Testing
@testable import Siting

/// OR-Library set-covering instances (../shared/orlib, read in place) solved
/// to their published, proven optima.
@Suite struct OrLibraryTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/orlib").standardized

    static var optima: [String: Double] {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("optima.csv"), encoding: .utf8) else { return [:] }
        var result: [String: Double] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            if f.count == 4, let v = Double(f[3]) { result[String(f[0])] = v }
        }
        return result
    }

    /// Needs ../shared/orlib beside the checkout (CI has it).
    @Test(
        .enabled(if: !optima.isEmpty, "needs ../shared/orlib beside the checkout"),
        arguments: ["scp41", "scp42", "scp43", "scp44", "scp45", "scp46", "scp47", "scp48", "scp49", "scp410"])
    func solvesToTheProvenOptimum(name: String) throws {
        let optimum = try #require(Self.optima[name], "optima.csv lists no optimum for \(name)")
        let instance = try OrLibraryReader.read(Self.directory.appendingPathComponent("\(name).txt"))
        #expect(instance.demandCount == 200 && instance.siteCount == 1_000)
        let result = try SetCovering(instance: instance).solve(timeLimit: 60)
        #expect(result.status == .optimal, "\(name): \(result.status), gap \(result.gap)")
        #expect(result.objective == optimum, "\(name): \(result.objective) against the published \(optimum)")
        #expect(result.uncoveredDemands.isEmpty && result.coveredDemandCount == 200)
        let greedy = try SetCovering(instance: instance).solve(heuristicOnly: true)
        #expect(greedy.objective >= optimum && greedy.bound <= optimum)
    }

    @Test func badFilesAreReportedWithWhereAndWhat() {
        func message(_ text: String) -> String {
            do { _ = try OrLibraryReader.parse(text, source: "x.txt"); return "no error" } catch { return "\(error)" }
        }
        #expect(message("2 3\n1 1 1\n1 1\n") == "x.txt: the file ends before the column count of row 2")
        #expect(message("1 2\n1 1\n1 3\n").contains("row 1 names column 3, outside 1…2"))
        #expect(message("1 2\n1 x\n").contains("is \"x\", not a whole number"))
    }

    /// Counts are checked against what is left of the file before anything
    /// is allocated for them; negatives, non-integers and columns out of
    /// range are refused with their position.
    @Test func damagedCountsAreRefusedBeforeAllocating() {
        func message(_ text: String) -> String {
            do { _ = try OrLibraryReader.parse(text, source: "x.txt"); return "no error" } catch { return "\(error)" }
        }
        #expect(message("2 2\n1 1\n-1 1\n1 2\n") == "x.txt: number 5 (the column count of row 1) is -1; it must be at least 0")
        #expect(message("1000000000000 2\n1 1\n1 1\n") == "x.txt: number 1 says 1000000000000 rows follow, but the file has only 2 more numbers")
        #expect(message("2 1000000000000\n1 1\n") == "x.txt: number 2 says 1000000000000 column costs follow, but the file has only 2 more numbers")
        #expect(message("1 2\n1 1\n1000000000000 1\n") == "x.txt: number 5 says 1000000000000 columns of row 1 follow, but the file has only 1 more number")
        #expect(message("9223372036854775807 1\n1\n").contains("number 1 says 9223372036854775807 rows follow"))
        #expect(message("-2 2\n") == "x.txt: number 1 (the row count) is -2; it must be at least 1")
        #expect(message("1 2\n0 1\n1 1\n") == "x.txt: number 3 (the cost of column 1) is 0; it must be at least 1")
        #expect(message("1 2\n1 1\n1 0\n") == "x.txt: number 6: row 1 names column 0, outside 1…2")
        #expect(message("1 2\n1 1\n1.5 1\n") == "x.txt: number 5 (the column count of row 1) is \"1.5\", not a whole number")
        #expect(message("1 2\n1 1\n1 99999999999999999999\n").contains("number 6 (a column of row 1) is \"99999999999999999999\", not a whole number"))
    }

    @Test func crlfLineEndsReadAsLF() throws {
        let lf = try OrLibraryReader.parse("2 2\n1 3\n1 1\n2 1 2\n", source: "lf.txt")
        #expect(try OrLibraryReader.parse("2 2\r\n1 3\r\n1 1\r\n2 1 2\r\n", source: "crlf.txt") == lf)
        #expect(lf.siteCosts == [1, 3] && Array(lf.sites(covering: 1)) == [0, 1])
    }
}
