import Foundation

/// The inputs the fuzz targets (Fuzz/, tools/fuzz) once crashed on,
/// committed under Tests/FuzzRegressions/TARGET/, for tests that feed each
/// one to its reader in-process.
public enum FuzzRegressions {
    /// The committed inputs of `target`, sorted by name (none if it has no folder).
    public static func inputs(_ target: String) -> [URL] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../FuzzRegressions/\(target)").standardized
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
