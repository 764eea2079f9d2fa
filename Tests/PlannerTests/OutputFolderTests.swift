import Foundation
import Testing
@testable import Planner

/// `OutputFolder`'s contract, in-process: what it refuses, what it keeps,
/// what it replaces. (What a SIGKILL leaves is tested on the real program in
/// CommandTests' OutputSafetyTests.)
@Suite final class OutputFolderTests: Sendable {
    let root: String
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("aircover-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }

    func files(_ tag: String) -> [String: Data] {
        ["summary.json": Data("{\"run\":\"\(tag)\"}\n".utf8), "map.svg": Data("<svg>\(tag)</svg>".utf8), "bases.csv": Data("id\n\(tag)\n".utf8)]
    }
    /// Forty files, each holding `tag`: a long commit, where writers could interleave.
    func manyFiles(_ tag: String) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: (0..<40).map { (String(format: "%02d.txt", $0), Data(tag.utf8)) })
    }
    func text(_ path: String) -> String? { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }
    func entries(_ path: String) -> Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []) }
    func write(_ text: String, _ path: String) throws { try text.write(toFile: path, atomically: false, encoding: .utf8) }
    func refusal(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let error as InputError { return error.message } catch { return "\(error)" }
    }

    @Test func createsTheFolderWithAManifestAndReplacesItsOwnFilesWhole() throws {
        let out = root + "/a/b/out"
        try OutputFolder(out, describedAs: "--output", protecting: []).write(files("one"))
        #expect(entries(out) == ["summary.json", "map.svg", "bases.csv", ".aircover-manifest.json"])
        let manifest = try #require(OutputManifest.read(in: out))
        #expect(Set(manifest.files) == ["summary.json", "map.svg", "bases.csv"])
        try OutputFolder(out, describedAs: "--output", protecting: []).write(["summary.json": Data("two".utf8)])
        // A file of the previous run that this one does not write goes with it: the folder is the new output.
        #expect(entries(out) == ["summary.json", ".aircover-manifest.json"])
        #expect(text(out + "/summary.json") == "two")
        #expect(entries(root + "/a/b") == ["out"], "no staging folder left")
    }

    @Test func keepsTheUsersFilesInASharedFolder() throws {
        let out = root + "/out"
        try FileManager.default.createDirectory(atPath: out + "/mine", withIntermediateDirectories: true)
        try write("my notes", out + "/notes.txt")
        try write("kept", out + "/mine/x.txt")
        for tag in ["one", "two"] {
            try OutputFolder(out, describedAs: "--output", protecting: []).write(files(tag))
            #expect(text(out + "/notes.txt") == "my notes")
            #expect(text(out + "/mine/x.txt") == "kept")
            #expect(text(out + "/summary.json") == "{\"run\":\"\(tag)\"}\n")
        }
        try OutputFolder(out, describedAs: "--output", protecting: []).write(["report.html": Data("r".utf8)])
        #expect(entries(out) == ["notes.txt", "mine", "report.html", ".aircover-manifest.json"])
        #expect(entries(root) == ["out"])
    }

    @Test func refusesToReplaceAUsersFileOfTheSameName() throws {
        let out = root + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try write("the user's own summary", out + "/summary.json")
        let message = refusal { try OutputFolder(out, describedAs: "--output", protecting: []).write(files("one")) }
        #expect(message?.contains("already holds summary.json, which aircover did not write") == true, "\(message ?? "accepted")")
        #expect(text(out + "/summary.json") == "the user's own summary")
        #expect(entries(out) == ["summary.json"])
        #expect(entries(root) == ["out"], "the staging folder is removed")
    }

    @Test func refusesPathsThatWouldTouchTheUsersFiles() throws {
        let scenarioFolder = root + "/study"
        try FileManager.default.createDirectory(atPath: scenarioFolder + "/layers", withIntermediateDirectories: true)
        let scenario = URL(fileURLWithPath: scenarioFolder + "/s.toml"), layer = URL(fileURLWithPath: scenarioFolder + "/layers/zones.geojson")
        try write("x", scenario.path)
        try write("{}", layer.path)
        try write("a file", root + "/plain.txt")
        let cases: [(String, String)] = [
            ("", "is empty"), ("  ", "is empty"), ("/", "root"),
            (root + "/plain.txt", "is a file, not a folder"),
            (scenarioFolder, "which this run reads"), (scenarioFolder + "/layers", "which this run reads"),
            (root, "which this run reads"), (scenarioFolder + "/./layers/..", "which this run reads"),
        ]
        for (path, words) in cases {
            let message = refusal { _ = try OutputFolder(path, describedAs: "--output", protecting: [scenario, layer]) }
            #expect(message?.contains(words) == true, "\(path): \(message ?? "accepted")")
        }
        // Beside the inputs is fine.
        _ = try OutputFolder(scenarioFolder + "/out", describedAs: "--output", protecting: [scenario, layer])
        #expect(text(scenario.path) == "x" && text(layer.path) == "{}" && text(root + "/plain.txt") == "a file")
    }

    @Test func followsALinkToAFolderAndRefusesBrokenLinks() throws {
        let real = root + "/real"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: real)
        try OutputFolder(root + "/link", describedAs: "--output", protecting: []).write(files("one"))
        let attributes = try FileManager.default.attributesOfItem(atPath: root + "/link")
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink, "the link stays a link")
        #expect(text(real + "/summary.json") == "{\"run\":\"one\"}\n")

        try FileManager.default.createSymbolicLink(atPath: root + "/dangling", withDestinationPath: root + "/nowhere")
        try FileManager.default.createSymbolicLink(atPath: root + "/loop1", withDestinationPath: root + "/loop2")
        try FileManager.default.createSymbolicLink(atPath: root + "/loop2", withDestinationPath: root + "/loop1")
        for (path, words) in [(root + "/dangling", "does not exist"), (root + "/dangling/out", "does not exist"), (root + "/loop1", "loop")] {
            let message = refusal { _ = try OutputFolder(path, describedAs: "--output", protecting: []) }
            #expect(message?.contains(words) == true, "\(path): \(message ?? "accepted")")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/nowhere"))
    }

    @Test func namesTheFolderWhenItCannotBeCreated() throws {
        try write("a file", root + "/plain.txt")
        for path in [root + "/plain.txt/out", "/proc/aircover-out"] {
            let message = refusal { try OutputFolder(path, describedAs: "--output", protecting: []).write(files("one")) }
            #expect(message?.hasPrefix("--output \(path): ") == true && message?.contains("NSCocoaErrorDomain") == false, "\(message ?? "accepted")")
        }
    }

    @Test func removesTheStagingFoldersOfKilledRunsOnly() throws {
        let out = root + "/out"
        let dead = root + "/.out.aircover-staging-999999999-12", live = root + "/.out.aircover-staging-\(getpid())-34"
        let older = root + "/.out.new-\(UUID().uuidString)", other = root + "/.other.aircover-staging-999999999-5"
        for folder in [dead, live, older, other] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try write("staged", folder + "/summary.json")
        }
        try OutputFolder(out, describedAs: "--output", protecting: []).write(files("one"))
        #expect(entries(root) == ["out", (live as NSString).lastPathComponent, (other as NSString).lastPathComponent])
    }

    /// Eight writers at once, into a folder of aircover's own (swapped whole)
    /// and into one shared with a user's file (filled file by file).
    @Test(arguments: [false, true]) func concurrentWritesLeaveOneCompleteOutput(shared: Bool) async throws {
        let out = root + "/out"
        if shared {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try write("my notes", out + "/notes.txt")
        }
        let folder = try OutputFolder(out, describedAs: "--output", protecting: [])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for round in 0..<10 { try folder.write(self.manyFiles("w\(writer)r\(round)")) }
                }
            }
            try await group.waitForAll()
        }
        let tag = try #require(text(out + "/00.txt"))
        #expect(manyFiles(tag).keys.allSatisfy { text(out + "/" + $0) == tag }, "a mix of runs")
        #expect(entries(root) == ["out"])
        #expect(!shared || text(out + "/notes.txt") == "my notes")
    }

    @Test func resolvesPathsLexicallyFromAnAbsoluteFolder() {
        #expect(PathNames.absolute("../china/places.csv", relativeTo: "/r/basemaps/liaoning") == "/r/basemaps/china/places.csv")
        #expect(PathNames.absolute("../../../out", relativeTo: "/w/p/a/b") == "/w/out")
        #expect(PathNames.absolute("./x//y/./z", relativeTo: "/w") == "/w/x/y/z")
        #expect(PathNames.absolute("/abs/../f", relativeTo: "/w") == "/f")
        #expect(PathNames.absolute("../../..", relativeTo: "/a") == "/")
        #expect(PathNames.isInside("/a/b/c", "/a/b") && !PathNames.isInside("/a/bc", "/a/b") && PathNames.isInside("/x", "/"))
    }
}
