import Foundation
import Testing

/// The user's files are sacred: `aircover plan` run as users run it, with
/// output folders that hold their files, name their inputs, or are links,
/// and killed (SIGKILL) in the middle of writing.
@Suite struct OutputSafetyTests {
    let directory: URL
    let scenario: URL
    init() throws {
        directory = try CommandRunner.temporaryDirectory()
        scenario = try SmallScenario.write(in: directory)
    }

    var inputs: [String] { ["scenario.toml", "zone.geojson", "bases.csv"] }
    func snapshot(_ folder: URL) -> [String: Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Dictionary(
            uniqueKeysWithValues: names.compactMap { name in
                FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { (name, $0) }
            })
    }
    func plan(_ extra: [String] = [], in folder: URL? = nil, environment: [String: String] = [:]) throws -> (status: Int32, stderr: String) {
        let run = try CommandRunner.run(["plan", scenario.path] + extra + ["--cell-km", "10"], in: folder ?? directory, environment: environment)
        return (run.status, run.stderr)
    }

    /// "DIR" stands for the scenario folder's own name.
    @Test(arguments: [".", "", "./", "../DIR", "sub/../..", ".."])
    func refusesTheScenariosOwnFolder(_ output: String) throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = snapshot(directory)
        let run = try plan(["--output", output.replacingOccurrences(of: "DIR", with: directory.lastPathComponent)])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(output.isEmpty ? "--output is empty" : "which this run reads"), "\(run.stderr)")
        #expect(snapshot(directory) == before, "the scenario's folder changed")
    }

    @Test func keepsTheUsersFilesInTheOutputFolder() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "my notes".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            let run = try plan()
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "my notes")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path))
        }
        try "mine".write(to: out.appendingPathComponent("map.svg"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: out.appendingPathComponent(".aircover-manifest.json"))
        let before = snapshot(out)
        let clash = try plan()
        #expect(clash.status == 2 && clash.stderr.contains("which aircover did not write"), "\(clash.stderr)")
        #expect(snapshot(out) == before)
    }

    @Test func refusesAFileAndFollowsALink() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.pdf")
        try "precious".write(to: file, atomically: true, encoding: .utf8)
        let run = try plan(["--output", "report.pdf"])
        #expect(run.status == 2 && run.stderr.contains("is a file, not a folder"), "\(run.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "precious")

        let target = directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("link"), withDestinationURL: target)
        #expect(try plan(["--output", "link"]).status == 0)
        let type = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("link").path)[.type] as? FileAttributeType
        #expect(type == .typeSymbolicLink)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("summary.json").path))
    }

    /// Paths in a scenario are relative to the scenario file, whatever the
    /// working folder and however the scenario was named, `..` included.
    @Test func resolvesRelativePathsFromTheScenarioFile() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let deep = directory.appendingPathComponent("p/a/b")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let text = try String(contentsOf: scenario, encoding: .utf8)
            .replacingOccurrences(of: "\"zone.geojson\"", with: "\"../../../zone.geojson\"")
            .replacingOccurrences(of: "\"bases.csv\"", with: "\"../../../bases.csv\"")
            .replacingOccurrences(of: "folder = \"out\"", with: "folder = \"../../../out\"")
        try text.write(to: deep.appendingPathComponent("s.toml"), atomically: true, encoding: .utf8)
        let fromDeep = try CommandRunner.run(["validate", "s.toml"], in: deep)
        #expect(fromDeep.status == 0, "\(fromDeep.stderr)")
        let run = try CommandRunner.run(["plan", "p/a/b/s.toml", "--cell-km", "10"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/summary.json").path))
    }

    /// SIGKILL at each step of the write: the folder holds the complete old
    /// output or the complete new one, never neither, and the next run
    /// removes what the killed one left.
    @Test(arguments: ["staged", "exchanged"]) func aKilledRunLeavesTheOldOrTheNewOutput(_ point: String) throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        #expect(try plan().status == 0)
        let old = snapshot(out)
        try String(contentsOf: scenario, encoding: .utf8).replacingOccurrences(of: "name = \"test square\"", with: "name = \"second\"")
            .write(to: scenario, atomically: true, encoding: .utf8)
        let killed = try plan(environment: ["AIRCOVER_KILL_AT": point])
        #expect(killed.status == 9, "exit \(killed.status): \(killed.stderr)")
        let after = snapshot(out)
        #expect(after == old || (after.keys == old.keys && after["summary.json"] != old["summary.json"]))
        #expect(point == "staged" ? after == old : after != old)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".out.") }
        #expect(leftovers.count == 1, "\(leftovers)")
        #expect(try plan().status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".out.") }.isEmpty)
        #expect(String(decoding: snapshot(out)["summary.json"] ?? Data(), as: UTF8.self).contains("second"))
    }

    /// In a folder shared with the user's files, a kill between two files
    /// leaves every file whole and the user's untouched.
    @Test func aKilledRunInASharedFolderLeavesWholeFiles() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "my notes".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let killed = try plan(environment: ["AIRCOVER_KILL_AT": "moved-one"])
        #expect(killed.status == 9)
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "my notes")
        let run = try plan()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".out.") }.isEmpty)
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "my notes")
    }
}

/// `isochrones -o` and `check --write-actual` replace only files aircover wrote.
@Suite struct SingleFileOutputTests {
    @Test func isochronesReplaceTheirOwnFileAndNoOther() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("reach.geojson")
        let arguments = [
            "isochrones", "--base", "123.43,41.80", "--aircraft", "TestRescue", "--catalog", CommandRunner.testCatalog,
            "--minutes", "30", "-o", output.path,
        ]
        for _ in 0..<2 {
            let run = try CommandRunner.run(arguments)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let theirs = directory.appendingPathComponent("theirs.geojson")
        try #"{"type":"FeatureCollection","features":[]}"#.write(to: theirs, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.run(Array(arguments.dropLast()) + [theirs.path])
        #expect(refused.status == 2 && refused.stderr.contains("was not written by aircover"), "\(refused.stderr)")
        #expect(try String(contentsOf: theirs, encoding: .utf8) == #"{"type":"FeatureCollection","features":[]}"#)
        let catalog = try CommandRunner.run(Array(arguments.dropLast()) + [CommandRunner.testCatalog])
        #expect(catalog.status == 2 && catalog.stderr.contains("is a file this run reads"), "\(catalog.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["reach.geojson", "theirs.geojson"])
    }
}
