import Foundation

/// Progress of a long command on stderr.
///
/// On a terminal it draws one bar line (`[#####-----] 3/9 stage (12.0 s)`)
/// redrawn at each stage, with notes printed above it; anywhere else (a pipe,
/// a log file, CI) it prints plain lines, one per stage and note. Colour is
/// used on a terminal only, and never when `NO_COLOR` is set
/// (https://no-color.org). Thread-safe.
public final class Progress: @unchecked Sendable {
    public enum Style: Sendable { case silent, plain, terminal(colour: Bool) }

    public let style: Style
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private var total = 0
    private var done = 0
    private var current: String?
    private let started = Date()

    public init(style: Style, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.style = style
        self.write = write
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

    /// A new stage begins (the previous one is done).
    public func stage(_ text: String) {
        lock.withLock {
            if current != nil { done += 1 }
            current = text
            switch style {
            case .silent: break
            case .plain: write("  \(text)…\n")
            case .terminal: write("\r\u{1B}[2K" + bar())
            }
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
        }
    }

    private func bar() -> String {
        let seconds = String(format: "%.1f s", Date().timeIntervalSince(started))
        guard case .terminal(let colour) = style else { return "" }
        let text = colour ? "\u{1B}[1m\(current ?? "")\u{1B}[0m" : (current ?? "")
        guard total > 0 else { return "\(text) (\(seconds))" }
        let width = 20, filled = min(width, width * done / total)
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] \(min(done + 1, total))/\(total) \(text) (\(seconds))"
    }
}
