import Foundation

/// What a `DispatchSimulation` run counted, year by year.
public struct SimulationResult: Sendable, Equatable {
    /// Missions that arrived in each simulated year.
    public let yearlyMissions: [Int]
    /// Of those, the missions an aircraft reached within the standard.
    public let yearlyReached: [Int]
    /// Mission minutes of every dispatched aircraft within the simulated
    /// years, summed (a mission running past the last year counts up to its end).
    public let busyMinutes: Double
    /// Aircraft in the simulation.
    public let aircraft: Int

    public var years: Int { yearlyMissions.count }
    public var missions: Int { yearlyMissions.reduce(0, +) }
    public var reached: Int { yearlyReached.reduce(0, +) }

    /// The share of missions reached within the standard with its 95 %
    /// confidence interval; `nil` when no mission arrived.
    ///
    /// The years are batches (batch means; the state carries over from one
    /// year to the next, and a year is many mission times long, so years
    /// are nearly independent). The share is the ratio estimator
    /// R = Σ r_k / Σ m_k over years k = 1…n (r_k reached of m_k missions);
    /// its standard error is the delta-method one,
    /// se = √(Σ (r_k − R m_k)² / (n (n − 1))) / m̄, and the interval is
    /// R ± t_{0.975, n−1} se. With few missions a year the interval is
    /// approximate; it never leaves [0, 1].
    public var estimate: ShareEstimate? {
        let n = years, m = missions
        guard m > 0, n >= 2 else { return nil }
        let share = Double(reached) / Double(m)
        let meanMissions = Double(m) / Double(n)
        let squares = zip(yearlyReached, yearlyMissions).reduce(0.0) { sum, year in
            let residual = Double(year.0) - share * Double(year.1)
            return sum + residual * residual
        }
        let standardError = (squares / Double(n * (n - 1))).squareRoot() / meanMissions
        let half = StudentT.quantile975(degreesOfFreedom: n - 1) * standardError
        return ShareEstimate(share: share, halfWidth: half, lower: max(0, share - half), upper: min(1, share + half))
    }

    /// The observed busy fraction of an aircraft: busy minutes over
    /// aircraft × simulated minutes.
    public var utilisation: Double {
        busyMinutes / (Double(max(aircraft, 1)) * Double(years) * DispatchSimulation.minutesPerYear)
    }
}

/// A share (0…1) with a 95 % confidence interval [lower, upper]
/// (share ± halfWidth, clipped to [0, 1]).
public struct ShareEstimate: Sendable, Equatable {
    public let share: Double
    public let halfWidth: Double
    public let lower: Double
    public let upper: Double
}
