import Foundation

/// Runs GDAL's command-line tools to make fixtures during tests.
public enum GDALTools {
    /// Runs `tool`; throws with GDAL's message when it fails.
    @discardableResult
    public static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let output = try ProcessRunner.tool(tool, arguments)
        guard output.status == 0 else {
            throw GDALToolError(message: "\(tool) \(arguments.joined(separator: " ")): \(output.stderr)")
        }
        return output.stdout
    }

    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aircover-gdal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public struct GDALToolError: Error, CustomStringConvertible {
        let message: String
        public var description: String { message }
    }
}
