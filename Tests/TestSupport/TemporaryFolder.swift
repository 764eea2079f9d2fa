import Foundation

/// A new empty folder under the system's temporary directory, removed with
/// everything in it when the value goes (a test suite's instance holds one).
public final class TemporaryFolder: Sendable {
    public let url: URL

    /// Creates `aircover-<prefix>-<UUID>`.
    public init(_ prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("aircover-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
