import Foundation
import Testing
@testable import Planner

/// `OutputFile`: one file, replaced only when aircover wrote it.
@Suite final class OutputFileTests: Sendable {
    let root: String
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("aircover-file-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }

    static func isOwn(_ data: Data) -> Bool { data.starts(with: Data("MINE".utf8)) }
    func file(_ path: String, inputs: [URL] = []) throws -> OutputFile {
        try OutputFile(path, describedAs: "-o", protecting: inputs, isOwn: Self.isOwn)
    }
    func refusal(_ path: String, inputs: [URL] = []) -> String? {
        do { _ = try file(path, inputs: inputs); return nil } catch let error as InputError { return error.message } catch { return "\(error)" }
    }

    @Test func writesNewFilesAndReplacesOnlyItsOwn() throws {
        let path = root + "/sub/reach.geojson"
        try file(path).write(Data("MINE 1".utf8))
        try file(path).write(Data("MINE 2".utf8))
        #expect(FileManager.default.contents(atPath: path) == Data("MINE 2".utf8))
        try "the user's".write(toFile: root + "/theirs.geojson", atomically: false, encoding: .utf8)
        #expect(refusal(root + "/theirs.geojson")?.contains("was not written by aircover") == true)
        #expect(try String(contentsOfFile: root + "/theirs.geojson", encoding: .utf8) == "the user's")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/sub") == ["reach.geojson"], "no staging file left")
    }

    @Test func refusesFoldersInputsAndEmptyNames() throws {
        let input = URL(fileURLWithPath: root + "/nofly.geojson")
        try "MINE but an input".write(to: input, atomically: false, encoding: .utf8)
        #expect(refusal(root)?.contains("is a folder") == true)
        #expect(refusal(input.path, inputs: [input])?.contains("is a file this run reads") == true)
        #expect(refusal("")?.contains("is empty") == true)
        try FileManager.default.createSymbolicLink(atPath: root + "/dangling", withDestinationPath: root + "/nowhere")
        #expect(refusal(root + "/dangling")?.contains("does not exist") == true)
    }
}
