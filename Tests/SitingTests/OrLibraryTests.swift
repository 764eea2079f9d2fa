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

    @Test(arguments: ["scp41", "scp42", "scp43", "scp44", "scp45", "scp46", "scp47", "scp48", "scp49", "scp410"])
    func solvesToTheProvenOptimum(name: String) throws {
        guard let optimum = Self.optima[name] else {
            print("skipped \(name): ../shared/orlib is not beside the package")
            return
        }
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
}
