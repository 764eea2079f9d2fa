import Foundation
import Testing

/// The scenarios shipped in basemaps/: each validates, and the Liaoning
/// default runs end to end at a coarse cell size with its summary locked in
/// by `aircover check` against the committed expected file.
@Suite struct BasemapScenarioTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["liaoning", "henan", "china"]) func validates(_ province: String) throws {
        let scenario = Self.repository.appendingPathComponent("basemaps/\(province)/scenario.toml")
        let run = try CommandRunner.run(["validate", scenario.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("ok\n") && run.stdout.contains("existing bases:") && run.stdout.contains("candidates:"), "\(run.stdout)")
    }

    /// Regenerate the expected file after an intended change with
    /// `aircover plan --cell-km 20 --output /tmp/ln20` and copying its summary.json.
    @Test func theLiaoningDefaultIsUnchanged() throws {
        let expected = try #require(Bundle.module.url(forResource: "liaoning-20km-summary", withExtension: "json", subdirectory: "Fixtures"))
        let run = try CommandRunner.run([
            "check", Self.repository.appendingPathComponent("basemaps/liaoning/scenario.toml").path,
            "--cell-km", "20", "--expect", expected.path,
        ])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("unchanged"))
    }
}
