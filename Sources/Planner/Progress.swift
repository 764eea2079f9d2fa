import Foundation
import GeoCore
import Support

/// Progress of a long command on stderr.
///
/// On a terminal it draws one bar line, redrawn as the work goes on, with
/// notes printed above it:
///
///     [#####---------------] 3/9 60 min: coverage matrix … — 412/1584 (26%), about 35 s left (12.0 s)
///
/// the stages done of all, the stage, and — inside `tracking` — the share
/// done of the parallel step under way (`ParallelMap.observer`) with an
/// estimate of its time left (elapsed × left ÷ done, shown after 1 s), or,
/// for a stage with a time limit, the most it has left. Anywhere else (a
/// pipe, a log file, CI) it prints plain lines, one per stage and note.
/// Colour is used on a terminal only, and never when `NO_COLOR` is set
/// (https://no-color.org). Thread-safe.
public final class Progress: @unchecked Sendable {
    public enum Style: Sendable { case silent, plain, terminal(colour: Bool) }

    public let style: Style
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private var total = 0
    private var done = 0
    private var current: String?
    private let started: Date
    /// The parallel step under way: done, count, and when it started.
    private var step: (done: Int, count: Int, started: Date)?
    /// When the current stage must end at the latest (its time limit).
    private var deadline: Date?
    private var lastDrawn = Date.distantPast
    private let now: @Sendable () -> Date
    /// Redraws the bar each second on a terminal, so times count on between events.
    private var ticker: DispatchSourceTimer?

    public init(
        style: Style, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.style = style
        self.write = write
        self.now = now
        started = now()
    }

    /// Nothing shown.
    public static var silent: Progress { Progress(style: .silent) }

    /// The style for this process's stderr and environment.
    public static func forStandardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> Progress {
        guard isatty(2) == 1, environment["TERM"] != "dumb" else { return Progress(style: .plain) }
        return Progress(style: .terminal(colour: environment["NO_COLOR"].map(\.isEmpty) ?? true))
    }

    /// How many stages the bar counts to (0: unknown, no bar).
    public func expect(stages: Int) {
        lock.withLock { total = stages }
    }

    /// A new stage begins (the previous one is done); `timeLimit`, in
    /// seconds, is the most it can take (a solver's limit), shown as time left.
    public func stage(_ text: String, timeLimit: Double? = nil) {
        lock.withLock {
            if current != nil { done += 1 }
            current = text
            step = nil
            deadline = timeLimit.map { now().addingTimeInterval($0) }
            if case .terminal = style, ticker == nil { startTicker() }
            switch style {
            case .silent: break
            case .plain: write("  \(text)…\n")
            case .terminal: write("\r\u{1B}[2K" + bar())
            }
        }
    }

    /// Runs `work` with every parallel map it starts reporting its share
    /// done to the bar (on a terminal; other styles show stages only).
    public func tracking<T>(_ work: () throws -> T) rethrows -> T {
        guard case .terminal = style else { return try work() }
        return try ParallelMap.$observer.withValue({ [self] done, count in advance(done, of: count) }) { try work() }
    }

    /// `done` of `count` items of the current parallel step are finished;
    /// the bar is redrawn at most four times a second, and when the step ends.
    func advance(_ done: Int, of count: Int) {
        lock.withLock {
            let time = now()
            if let step, step.count == count, step.done < done {
                self.step = (done, count, step.started)
            } else {
                step = (done, count, time)
            }
            guard current != nil, done == count || time.timeIntervalSince(lastDrawn) >= 0.25 else { return }
            lastDrawn = time
            write("\r\u{1B}[2K" + bar())
        }
    }

    /// A line worth keeping (a figure, a repair), shown above the bar.
    public func note(_ text: String) {
        lock.withLock {
            switch style {
            case .silent: break
            case .plain: write("  \(text)\n")
            case .terminal: write("\r\u{1B}[2K  \(text)\n" + (current == nil ? "" : bar()))
            }
        }
    }

    /// All stages are done: the bar is cleared.
    public func finish() {
        lock.withLock {
            if case .terminal = style, current != nil { write("\r\u{1B}[2K") }
            current = nil
            ticker?.cancel()
            ticker = nil
        }
    }

    deinit { ticker?.cancel() }

    /// Called with the lock held.
    private func startTicker() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.withLock {
                guard self.current != nil else { return }
                self.lastDrawn = self.now()
                self.write("\r\u{1B}[2K" + self.bar())
            }
        }
        ticker = timer
        timer.resume()
    }

    private func bar() -> String {
        let time = now()
        let seconds = String(format: "%.1f s", time.timeIntervalSince(started))
        guard case .terminal(let colour) = style else { return "" }
        let text = colour ? "\u{1B}[1m\(current ?? "")\u{1B}[0m" : (current ?? "")
        let detail = stepDetail(at: time).map { " — \($0)" } ?? ""
        guard total > 0 else { return "\(text)\(detail) (\(seconds))" }
        let width = 20, filled = min(width, width * done / total)
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            + "] \(min(done + 1, total))/\(total) \(text)\(detail) (\(seconds))"
    }

    /// The step's share done and its time left, or the stage's time limit left.
    private func stepDetail(at time: Date) -> String? {
        var parts: [String] = []
        if let step, step.count > 1 {
            parts.append("\(step.done)/\(step.count) (\(100 * step.done / step.count)%)")
            let elapsed = time.timeIntervalSince(step.started)
            if step.done > 0, step.done < step.count, elapsed >= 1 {
                parts.append("about \(Self.duration(elapsed * Double(step.count - step.done) / Double(step.done))) left")
            }
        } else if let deadline {
            parts.append("at most \(Self.duration(max(0, deadline.timeIntervalSince(time)))) left")
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Seconds as "45 s", "3 min 20 s" or "2 h 05 min".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3_600 { return String(format: "%d min %02d s", whole / 60, whole % 60) }
        return String(format: "%d h %02d min", whole / 3_600, (whole % 3_600) / 60)
    }
}
