import Foundation

/// A flag that stops a running solve early, as its time limit would: set it
/// from any thread (`cancel()`), and the solve bound to it
/// (`SolveCancellation.$current.withValue(flag) { … }`) stops at its next
/// check and returns the best solution found so far, with a valid bound.
///
/// The solvers check it where they check their deadline
/// (`stops(at:)`): Lagrangian steps, swap and row-weighting local searches,
/// branch-and-cut nodes, and before CBC starts. A CBC solve already running
/// is not interrupted (CBC 2.10's C interface has no stop hook); it ends at
/// its own time limit, so a caller that must be able to cancel passes one.
///
/// The flag travels as a task-local value (a thread-local when the solve
/// runs outside a task) rather than as a parameter, so every model and
/// heuristic gets it through `stops(at:)` without a new argument on each
/// solver; the solvers run on the thread that called `solve`.
public final class SolveCancellation: @unchecked Sendable {
    @TaskLocal public static var current: SolveCancellation?

    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    /// Asks the solve bound to this flag to stop. Idempotent.
    public func cancel() { lock.withLock { cancelled = true } }

    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// True when `deadline` has passed or the current solve was cancelled.
    static func stops(at deadline: ContinuousClock.Instant?) -> Bool {
        if let deadline, ContinuousClock.now >= deadline { return true }
        return current?.isCancelled ?? false
    }
}
