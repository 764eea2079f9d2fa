import Foundation
import TestSupport

/// Runs the built `aircover` program, as users do.
enum CommandRunner {
    /// The `aircover` executable next to the test bundle (`swift test` builds it).
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("aircover").path),
            directory.pathComponents.count > 1
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("aircover")
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> ProcessRunner.Output {
        try ProcessRunner.run(executable, arguments, in: directory, environment: environment)
    }

    /// Runs any program (e.g. GDAL's ogrinfo) found on PATH.
    static func tool(_ name: String, _ arguments: [String]) throws -> ProcessRunner.Output {
        try ProcessRunner.tool(name, arguments)
    }

    /// The test aircraft catalog (round figures, not real data).
    static var testCatalog: String {
        Bundle.module.url(forResource: "test-aircraft", withExtension: "toml", subdirectory: "Fixtures")!.path
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aircover-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
