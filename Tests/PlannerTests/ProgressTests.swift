import Foundation
import GeoCore
import Testing
@testable import Planner
import Support

/// The progress bar: stages done, the share done of the parallel step under
/// way with its time left, and a stage's time limit left.
@Suite struct ProgressTests {
    /// What a Progress wrote, and a clock the test moves.
    final class Screen: @unchecked Sendable {
        private let lock = NSLock()
        private var written: [String] = []
        private var time = Date(timeIntervalSince1970: 1_000_000)
        var text: [String] { lock.withLock { written } }
        /// The last bar drawn (what a terminal shows after "\r\u{1B}[2K").
        var lastBar: String { text.last.map { $0.components(separatedBy: "\r\u{1B}[2K").last ?? "" } ?? "" }
        func write(_ s: String) { lock.withLock { written.append(s) } }
        func now() -> Date { lock.withLock { time } }
        func wait(_ seconds: Double) { lock.withLock { time += seconds } }
        func progress(_ style: Planner.Progress.Style = .terminal(colour: false)) -> Planner.Progress {
            Planner.Progress(style: style, write: { self.write($0) }, now: { self.now() })
        }
    }

    @Test func theBarShowsTheStepShareDoneAndItsTimeLeft() {
        let screen = Screen()
        let progress = screen.progress()
        progress.expect(stages: 9)
        progress.stage("coverage matrix")
        progress.advance(1, of: 1_584)
        screen.wait(12)
        progress.advance(412, of: 1_584)
        // 12 s for 412 items: 1,172 left take 12 × 1172 / 412 = 34.1 s.
        #expect(screen.lastBar.contains("[--------------------] 1/9 coverage matrix — 412/1584 (26%), about 35 s left"), "\(screen.lastBar)")
        progress.advance(1_584, of: 1_584)
        #expect(screen.lastBar.contains("1584/1584 (100%)") && !screen.lastBar.contains("left"), "\(screen.lastBar)")
        progress.stage("exact coverage")
        #expect(screen.lastBar.contains("[##------------------] 2/9 exact coverage (12.0 s)"), "\(screen.lastBar)")
    }

    @Test func aStageWithATimeLimitShowsTheMostItHasLeft() {
        let screen = Screen()
        let progress = screen.progress()
        progress.expect(stages: 2)
        progress.stage("MCLP p = 8", timeLimit: 120)
        screen.wait(30)
        progress.advance(1, of: 1)  // a one-item step is no share: the limit shows
        #expect(screen.lastBar.contains("MCLP p = 8 — at most 1 min 30 s left (30.0 s)"), "\(screen.lastBar)")
        progress.finish()
    }

    @Test func parallelMapsInsideTrackingReportToTheBar() {
        let screen = Screen()
        let progress = screen.progress()
        progress.stage("isochrones")
        let squares = progress.tracking { ParallelMap.map(50) { $0 * $0 } }
        #expect(squares == (0..<50).map { $0 * $0 })
        #expect(screen.lastBar.contains("isochrones — 50/50 (100%)"), "\(screen.lastBar)")
        // Outside `tracking`, and in plain output, maps report nothing.
        let before = screen.text.count
        _ = ParallelMap.map(50) { $0 }
        #expect(screen.text.count == before)
        let plain = Screen()
        let log = plain.progress(.plain)
        log.stage("isochrones")
        _ = log.tracking { ParallelMap.map(50) { $0 } }
        #expect(plain.text == ["  isochrones…\n"])
    }

    @Test func nestedMapsDoNotReport() {
        let screen = Screen()
        let progress = screen.progress()
        progress.stage("outer")
        _ = progress.tracking { ParallelMap.map(4) { i in ParallelMap.map(100) { $0 + i }.count } }
        // Only "k/4" steps were drawn, never "…/100".
        #expect(!screen.text.contains { $0.contains("/100 (") } && screen.lastBar.contains("4/4 (100%)"), "\(screen.text)")
    }

    @Test func durationsReadAsPeopleSayThem() {
        #expect(Planner.Progress.duration(0.2) == "1 s")
        #expect(Planner.Progress.duration(59) == "59 s")
        #expect(Planner.Progress.duration(200) == "3 min 20 s")
        #expect(Planner.Progress.duration(7_500) == "2 h 05 min")
    }
}
