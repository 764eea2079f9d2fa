import Foundation
import Testing
import TestSupport

/// `tools/bench --smoke`: the benchmark harness at tiny sizes, so it cannot
/// rot between full runs. It builds aircover in release mode into its own
/// folder (`swift test` holds the lock on .build), installs the pinned peers
/// into Benchmarks/.venv, runs every task beside its peer and fails on any
/// result that disagrees. Timings here mean nothing; BENCHMARKS.md has them.
///
/// A slow tier (minutes, a second release build): it runs only with
/// `AIRCOVER_BENCH_SMOKE=1`, as its own step of `.ci/run`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["AIRCOVER_BENCH_SMOKE"] == "1", "the benchmark smoke runs with AIRCOVER_BENCH_SMOKE=1"))
struct BenchmarkHarnessSmokeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theSmokeRunCompletesAndAgreesWithThePeers() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("aircover-bench-smoke-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let command = "AIRCOVER_BENCH_SCRATCH=.build-bench tools/bench --smoke > '\(log.path)' 2>&1"
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), ["-c", command], in: Self.repository)
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(run.status == 0, "tools/bench --smoke failed:\n\(output.suffix(3_000))")
        #expect(!output.contains("FAILURE"), "\(output.suffix(3_000))")
        let report = try String(contentsOf: Self.repository.appendingPathComponent("BENCHMARKS-smoke.md"), encoding: .utf8)
        // The OR-Library rows need ../shared/orlib beside the checkout (CI has it; a bare clone may not).
        let orlib = FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent("../shared/orlib/optima.csv").standardized.path)
        for task in [
            "## Geodesic distances", "## Isochrones", "## Coverage matrix (Liaoning)", "## Coverage matrix at national scale", "| mclp p=4", "| lscp",
            "## Backup coverage, p-center", "| pmedian p=8", "| mexclp P=4", "| malp P=4", "| maxmin p=4", "## OR-Library", "## Scaling", "## End to end",
            "| Liaoning (embedded default)", "## Planner server", "| 120 min", "## Siting family", "| henan 20 km", "Worst ratio",
        ] + (orlib ? ["| scp41 "] : []) {
            #expect(report.contains(task), "BENCHMARKS-smoke.md has no \(task) row")
        }
    }
}
