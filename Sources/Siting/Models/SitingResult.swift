/// What a solver proved about its answer.
public enum SolutionStatus: String, Sendable, Codable {
    /// Proven optimal: the objective equals the best bound.
    case optimal
    /// A feasible answer, with a bound that may leave a gap.
    case feasible
    /// No answer satisfies the constraints.
    case infeasible
}

/// A chosen site set with its objective and how close to optimal it is
/// proven to be.
///
/// `bound` is a proven bound on the optimal objective: a lower bound when
/// minimising, an upper bound when maximising. `gap` = |objective − bound| /
/// max(|objective|, 1e-9); 0 exactly when `status` is `.optimal`.
public struct SitingResult: Sendable, Equatable {
    public let model: String
    public let status: SolutionStatus
    public let objective: Double
    public let bound: Double
    /// Site indices, ascending.
    public let selected: [Int]
    public let coveredWeight: Double
    public let totalWeight: Double
    public let coveredDemandCount: Int
    /// Demands no selected site covers (for LSCP: those no candidate covers).
    public let uncoveredDemands: [Int]
    public let seconds: Double
    /// Aircraft at each selected site, in the order of `selected`, for the
    /// models that place several at a site (`ExpectedCovering`,
    /// `MaximumAvailability`); nil for the models opening sites.
    public internal(set) var aircraft: [Int]? = nil
    /// The least covered share (0…1) of a group's weight, for the models
    /// over groups of demands (`GroupFairCovering`); nil otherwise.
    public internal(set) var minGroupShare: Double? = nil

    public var gap: Double {
        status == .infeasible ? .infinity : abs(objective - bound) / max(abs(objective), 1e-9)
    }
}
