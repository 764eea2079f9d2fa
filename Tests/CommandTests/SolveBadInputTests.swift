import Foundation
import GeoCore
import Testing
import Support

/// `aircover solve` on bad input and bad options: exit status 2 with one
/// `Error:` line naming the file (and line or number) or the option, and
/// what is allowed; on dialect variants of good input (byte-order mark,
/// quotes, CRLF), the same answer as for the plain file; and a time limit
/// ends in a solution with a bound, never in an error or "infeasible".
@Suite struct SolveBadInputTests {
    /// The files of the cases, by name; "costs.csv" is a good table.
    static let files: [String: String] = [
        "costs.csv": "demand,site,cost\na,B1,20\na,B2,40\nb,B2,25\nc,B1,50\n",
        "empty.csv": "",
        "header.csv": "demand,site,cost\n",
        "nan.csv": "demand,site,cost\na,B1,nan\n",
        "negative.csv": "demand,site,cost\na,B1,20\nb,B1,-5\n",
        "twice.csv": "demand,site,cost\na,B1,3\na,B1,4\n",
        "unclosed.csv": "demand,site,cost\n\"a,B1,20\n",
        "weights-negative.csv": "demand,weight\na,-1\n",
        "weights-nan.csv": "demand,weight\na,nan\n",
        "sites-zero.csv": "site,cost\nB1,0\n",
        "sites-unknown.csv": "site,cost\nB9,2\n",
        "groups.csv": "demand,group\na,north\nb,south\nc,north\n",
        "groups-short.csv": "demand,group\na,north\n",
        "groups-unknown.csv": "demand,group\na,north\nb,south\nc,north\nz,east\n",
        "groups-twice.csv": "demand,group\na,north\na,south\n",
        "groups-empty-name.csv": "demand,group\na,\n",
        "or-negative-count.txt": "2 2\n1 1\n-1 1\n1 2\n",
        "or-huge-rows.txt": "1000000000000 2\n1 1\n1 1\n",
        "or-huge-columns.txt": "2 1000000000000\n1 1\n",
        "or-huge-count.txt": "2 2\n1 1\n1000000000000 1\n",
        "or-column-range.txt": "2 2\n1 1\n1 3\n1 1\n",
        "or-fraction.txt": "2 2\n1 1\n1.5 1\n1 2\n",
    ]

    static let cases: [(arguments: [String], message: [String])] = [
        (["--costs", "empty.csv", "--threshold", "30", "--model", "lscp"], ["empty.csv: empty file; expected the header demand,site,cost"]),
        (["--costs", "header.csv", "--threshold", "30", "--model", "lscp"], ["header.csv: no demand,site,cost rows"]),
        (["--costs", "nan.csv", "--threshold", "30", "--model", "lscp"], ["nan.csv: line 2: \"nan\" is not a number"]),
        (["--costs", "negative.csv", "--model", "pmedian", "-p", "1"], ["negative.csv: line 3: the cost -5 is negative"]),
        (["--costs", "twice.csv", "--threshold", "30", "--model", "lscp"], ["twice.csv: line 3: the pair a,B1 is listed twice"]),
        (["--costs", "unclosed.csv", "--threshold", "30", "--model", "lscp"], ["unclosed.csv: line 2: field 1 opens a quote"]),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "mclp", "-p", "1", "--weights", "weights-negative.csv"],
            ["weights-negative.csv: line 2: demand a has weight -1; weights must be 0 or more"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "mclp", "-p", "1", "--weights", "weights-nan.csv"],
            ["weights-nan.csv: line 2: \"nan\" is not a number"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "lscp", "--site-costs", "sites-zero.csv"],
            ["sites-zero.csv: line 2: site B1 has cost 0; site costs must be above 0"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "lscp", "--site-costs", "sites-unknown.csv"],
            ["the site costs name site B9, which the costs table does not have"]
        ),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "lscp", "--keep", "B9"], ["--keep names site B9, which is not in the input"]),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "mclp", "-p", "2", "--keep", "B1", "--exclude", "B1"],
            ["site B1 is both kept and excluded"]
        ),
        (["--costs", "costs.csv", "--threshold", "nan", "--model", "lscp"], ["--threshold is nan", "finite cost of 0 or more"]),
        (["--costs", "costs.csv", "--threshold", "inf", "--model", "lscp"], ["--threshold is inf", "finite cost of 0 or more"]),
        (["--costs", "costs.csv", "--threshold=-1", "--model", "lscp"], ["--threshold is -1.0", "finite cost of 0 or more"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "lscp", "--time-limit", "nan"], ["--time-limit is nan", "seconds above 0"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "lscp", "--time-limit", "inf"], ["--time-limit is inf", "seconds above 0"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "lscp", "--time-limit", "0"], ["--time-limit is 0.0", "seconds above 0"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "lscp", "--time-limit=-3"], ["--time-limit is -3.0", "seconds above 0"]),
        (["--costs", "costs.csv", "--threshold", "-1", "--model", "lscp"], ["--threshold is -1.0", "finite cost of 0 or more"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "lscp", "--time-limit", "-3"], ["--time-limit is -3.0", "seconds above 0"]),
        (["--costs", "costs.csv", "--model", "pmedian", "-p", "-2"], ["-p is -2", "1 or more"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "mclp", "--budget", "-1"], ["--budget is -1.0", "finite total site cost of 0 or more"]),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "pmedian", "-p", "1", "--min-coverage", "-5"],
            ["--min-coverage is -5.0", "percentage from 0 to 100"]
        ),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "mclp", "-p", "0"], ["-p is 0", "1 or more"]),
        (["--costs", "costs.csv", "--model", "pmedian", "-p=-2"], ["-p is -2", "1 or more"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "mclp", "--budget", "nan"], ["--budget is nan", "finite total site cost of 0 or more"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "mclp", "--budget=-1"], ["--budget is -1.0", "finite total site cost of 0 or more"]),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "pmedian", "-p", "1", "--min-coverage", "150"],
            ["--min-coverage is 150.0", "percentage from 0 to 100"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "pmedian", "-p", "1", "--min-coverage", "nan"],
            ["--min-coverage is nan", "percentage from 0 to 100"]
        ),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "mexclp", "-p", "1", "--busy", "1"], ["--busy is 1.0", "0 ≤ q < 1"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "mexclp", "-p", "1", "--busy=-0.1"], ["--busy is -0.1", "0 ≤ q < 1"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "mexclp", "-p", "1", "--busy", "nan"], ["--busy is nan", "0 ≤ q < 1"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "malp", "-p", "1", "--busy", "0.2", "--alpha", "0"], ["--alpha is 0.0", "0 < α < 1"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "malp", "-p", "1", "--busy", "0.2", "--alpha", "1"], ["--alpha is 1.0", "0 < α < 1"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "malp", "-p", "1", "--busy", "0.2", "--alpha", "inf"], ["--alpha is inf", "0 < α < 1"]),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "mexclp", "-p", "1", "--busy", "0.2", "--per-site", "0"],
            ["--per-site is 0", "1 or more"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "mexclp", "-p", "5", "--busy", "0.2", "--per-site", "2"],
            ["-p is 5", "at most --per-site 2 × 2 sites = 4 aircraft"]
        ),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "mexclp", "-p", "2"], ["mexclp needs --busy q"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "malp", "-p", "2", "--busy", "0.3"], ["malp needs --alpha"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "malp", "--busy", "0.3", "--alpha", "0.5"], ["malp needs -p P"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "mexclp", "-p", "2", "--busy", "0.3", "--alpha", "0.5"], ["--alpha works with malp only"]),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "mclp", "-p", "1", "--busy", "0.3"],
            ["--busy and --per-site work with mexclp and malp only"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "malp", "-p", "2", "--busy", "0.5", "--alpha", "0.9"],
            ["needs b = 4 aircraft within reach, more than the 2 placed"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "maxmin", "-p", "1", "--groups", "groups.csv", "--min-group-coverage", "101"],
            ["--min-group-coverage is 101.0", "percentage from 0 to 100"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "maxmin", "-p", "1", "--groups", "groups.csv", "--min-group-coverage=-1"],
            ["--min-group-coverage is -1.0", "percentage from 0 to 100"]
        ),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "maxmin", "-p", "1"], ["maxmin needs --groups GROUPS.csv"]),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "backup", "-p", "1", "--keep", "B1"],
            ["--keep works with lscp, mclp, mexclp and malp only"]
        ),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "backup", "-p", "1", "--exclude", "B1"], ["--exclude works with lscp and mclp only"]),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "backup", "-p", "1", "--keep", "B1", "--exclude", "B2"],
            ["--keep and --exclude work with lscp and mclp only"]
        ),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "backup", "-p", "1", "--heuristic"], ["--heuristic works with lscp and mclp only"]),
        (["--costs", "costs.csv", "--threshold", "30", "--model", "maxmin", "--groups", "groups.csv"], ["maxmin needs -p N"]),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "mclp", "-p", "1", "--groups", "groups.csv"],
            ["--groups and --min-group-coverage work with maxmin only"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "maxmin", "-p", "1", "--groups", "groups-short.csv"],
            ["groups-short.csv gives no group to demand b; every demand needs one"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "maxmin", "-p", "1", "--groups", "groups-unknown.csv"],
            ["groups-unknown.csv names demand z, which the input does not have"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "maxmin", "-p", "1", "--groups", "groups-twice.csv"],
            ["groups-twice.csv: line 3: demand a is listed twice"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "maxmin", "-p", "1", "--groups", "groups-empty-name.csv"],
            ["groups-empty-name.csv: line 2: demand a has an empty group"]
        ),
        (
            ["--costs", "costs.csv", "--threshold", "30", "--model", "maxmin", "-p", "3", "--groups", "groups.csv"],
            ["p = 3 must be between 1 and the 2 candidate sites"]
        ),
        (
            ["--orlib", "or-negative-count.txt", "--model", "lscp"],
            ["or-negative-count.txt: number 5 (the column count of row 1) is -1; it must be at least 0"]
        ),
        (["--orlib", "or-huge-rows.txt", "--model", "lscp"], ["or-huge-rows.txt: number 1 says 1000000000000 rows follow"]),
        (["--orlib", "or-huge-columns.txt", "--model", "lscp"], ["or-huge-columns.txt: number 2 says 1000000000000 column costs follow"]),
        (["--orlib", "or-huge-count.txt", "--model", "lscp"], ["or-huge-count.txt: number 5 says 1000000000000 columns of row 1 follow"]),
        (["--orlib", "or-column-range.txt", "--model", "lscp"], ["or-column-range.txt: number 6: row 1 names column 3, outside 1…2"]),
        (["--orlib", "or-fraction.txt", "--model", "lscp"], ["or-fraction.txt: number 5 (the column count of row 1) is \"1.5\", not a whole number"]),
    ]

    static func directory(with files: [String: String]) throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    @Test func badInputAndOptionsExitWith2AndOneClearLine() throws {
        let directory = try Self.directory(with: Self.files)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (arguments, message) in Self.cases {
            let run = try CommandRunner.run(["solve"] + arguments + ["--json"], in: directory)
            #expect(run.status == 2, "\(arguments): status \(run.status), \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(arguments): printed \(run.stdout)")
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("Error: "), "\(arguments): \(run.stderr)")
            for fragment in message { #expect(run.stderr.contains(fragment), "\(arguments): \(run.stderr)") }
        }
    }

    @Test func byteOrderMarkQuotesAndCRLFGiveThePlainAnswer() throws {
        let plain = "demand,site,cost\ncell 1,\"B1\",20\ncell 1,B2,40\ncell 2,B2,25\ncell 3,B1,50\n"
        let directory = try Self.directory(with: [
            "plain.csv": plain.replacingOccurrences(of: "\"", with: ""),
            "dressed.csv": "\u{FEFF}" + plain.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "cell 1", with: "\"cell 1\""),
            "weights.csv": "demand,weight\ncell 1,2\ncell 2,5\n",
            "weights-dressed.csv": "\u{FEFF}\"demand\",\"weight\"\r\n\"cell 1\",2\r\ncell 2,\"5\"\r\n",
            "comma.csv": "demand,site,cost\n\"cell 1\",\"site, north\",20\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        func solve(_ costs: String, _ weights: String) throws -> JSONValue {
            let run = try CommandRunner.run(
                [
                    "solve", "--costs", costs, "--weights", weights, "--threshold", "30", "--model", "mclp",
                    "-p", "1", "--json",
                ], in: directory)
            #expect(run.status == 0, "\(costs): \(run.stderr)")
            return try JSONParser.parse(run.stdout)
        }
        let expected = try solve("plain.csv", "weights.csv")
        #expect(expected["objective"] == .integer(5) && expected["selected"] == .array([.string("B2")]))
        let dressed = try solve("dressed.csv", "weights-dressed.csv")
        for key in ["objective", "bound", "status", "selected", "covered_weight", "uncovered_demand"] {
            #expect(dressed[key] == expected[key], "\(key)")
        }
        let comma = try CommandRunner.run(["solve", "--costs", "comma.csv", "--threshold", "30", "--model", "lscp", "--json"], in: directory)
        #expect(try JSONParser.parse(comma.stdout)["selected"] == .array([.string("site, north")]), "\(comma.stderr)")
    }

    /// 1,500 demands × 150 sites at random (SplitMix64, fixed seed), a pair
    /// for each site within 60 of a demand at its distance (50,000 pairs). Backup coverage and p-center used to stop with "give an
    /// explicit floor" and "infeasible".
    @Test func aTimeLimitEndsWithASolutionAndABound() throws {
        var random = SplitMix64(seed: 26)
        func unit() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        let demands = (0..<1_500).map { _ in (200 * unit(), 200 * unit()) }, sites = (0..<150).map { _ in (200 * unit(), 200 * unit()) }
        var text = "demand,site,cost\n"
        for (i, d) in demands.enumerated() {
            for (j, s) in sites.enumerated() {
                let distance = ((d.0 - s.0) * (d.0 - s.0) + (d.1 - s.1) * (d.1 - s.1)).squareRoot()
                if distance <= 60 { text += "d\(i),s\(j),\(String(format: "%.3f", distance))\n" }
            }
        }
        let directory = try Self.directory(with: ["costs.csv": text])
        defer { try? FileManager.default.removeItem(at: directory) }
        let limit = 2.0, margin = 3.0
        for model in [["--model", "backup", "--threshold", "30"], ["--model", "pcenter"], ["--model", "pmedian"]] {
            let run = try CommandRunner.run(["solve", "--costs", "costs.csv", "-p", "10", "--time-limit", "\(limit)", "--json"] + model, in: directory)
            #expect(run.status == 0, "\(model): \(run.stderr)")
            let result = try JSONParser.parse(run.stdout)
            #expect(result["status"] == .string("feasible") || result["status"] == .string("optimal"), "\(model): \(run.stdout)")
            #expect(result["bound"] != .null && result["objective"] != .null, "\(model): \(run.stdout)")
            if case .number(let seconds)? = result["seconds"] { #expect(seconds <= limit + margin, "\(model): \(seconds) s") }
        }
    }
}
