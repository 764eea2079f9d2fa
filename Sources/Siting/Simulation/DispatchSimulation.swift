import Foundation

/// A discrete-event simulation of a rescue network, free of geography:
/// demand points with weights, bases with aircraft, and for each demand the
/// bases that reach it within the response-time standard.
///
/// Model:
/// - Missions arrive as one Poisson process of `missionsPerYear` (a year is
///   365 days, `minutesPerYear`); each goes to demand i with probability
///   w_i / Σ w, so demand i receives a Poisson process of its own share.
/// - A mission is sent the nearest free aircraft: among the demand's
///   options whose response is within the standard, the least response time
///   (ties to the lower base index) at a base with an aircraft free at that
///   instant. That aircraft is busy for the option's mission minutes.
/// - If no aircraft that reaches the point within the standard is free, or
///   none reaches it at all, the mission is lost: "not reached in time". It
///   does not queue and is not served later by another aircraft, so busy
///   aircraft never carry work from lost missions (a loss system, M/G/c/c
///   at a single base).
/// - The simulation starts with every aircraft free and runs `years`
///   consecutive years, counting each year's missions and those reached;
///   `SimulationResult.estimate` gives the share with a 95 % interval from
///   these yearly batches.
///
/// Deterministic for a generator state: arrivals, demand choice and nothing
/// else draw from it, in arrival order, on one thread.
public struct DispatchSimulation: Sendable {
    public static let minutesPerYear = 525_600.0
    /// The most missions one run may expect (`missionsPerYear × years`).
    public static let largestRun = 1e9
    /// The most years one run may simulate.
    public static let mostYears = 1_000_000

    public let weights: [Double]
    /// The options of each demand within the standard, by response time
    /// (then base index).
    public let options: [[DispatchOption]]
    public let aircraftPerBase: [Int]
    public let missionsPerYear: Double
    public let standardMinutes: Double
    private let cumulativeWeights: [Double]

    /// `options[i]`: the ways to serve demand i (any order; those with a
    /// response above `standardMinutes` are dropped). Weights are finite and
    /// 0 or more with a positive total; response times finite and 0 or
    /// more; mission times finite and positive; aircraft per base 0 or more;
    /// `missionsPerYear` finite and positive.
    public init(
        weights: [Double], options: [[DispatchOption]], aircraftPerBase: [Int], missionsPerYear: Double,
        standardMinutes: Double
    ) throws {
        guard weights.count == options.count else {
            throw SitingInputError("\(weights.count) demand weights but \(options.count) option lists")
        }
        if let i = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw SitingInputError("demand \(i) has weight \(weights[i]); weights must be zero or positive")
        }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else { throw SitingInputError("the demand weights sum to \(total); the total must be positive") }
        if let k = aircraftPerBase.firstIndex(where: { $0 < 0 }) {
            throw SitingInputError("base \(k) has \(aircraftPerBase[k]) aircraft; 0 or more are needed")
        }
        guard missionsPerYear.isFinite, missionsPerYear > 0 else {
            throw SitingInputError("the missions per year are \(missionsPerYear); they must be a positive number")
        }
        guard standardMinutes.isFinite, standardMinutes >= 0 else {
            throw SitingInputError("the standard is \(standardMinutes) min; it must be 0 or more")
        }
        var sorted: [[DispatchOption]] = []
        sorted.reserveCapacity(options.count)
        for (i, list) in options.enumerated() {
            for option in list {
                guard aircraftPerBase.indices.contains(option.base) else {
                    throw SitingInputError("demand \(i) names base \(option.base), beyond the \(aircraftPerBase.count) bases")
                }
                guard option.responseMinutes.isFinite, option.responseMinutes >= 0 else {
                    throw SitingInputError("demand \(i), base \(option.base): response \(option.responseMinutes) min; it must be 0 or more")
                }
                guard option.missionMinutes.isFinite, option.missionMinutes > 0 else {
                    throw SitingInputError("demand \(i), base \(option.base): mission \(option.missionMinutes) min; it must be positive")
                }
            }
            sorted.append(
                list.filter { $0.responseMinutes <= standardMinutes }
                    .sorted { ($0.responseMinutes, $0.base) < ($1.responseMinutes, $1.base) })
        }
        var running = 0.0
        cumulativeWeights = weights.map {
            running += $0; return running
        }
        self.weights = weights
        self.options = sorted
        self.aircraftPerBase = aircraftPerBase
        self.missionsPerYear = missionsPerYear
        self.standardMinutes = standardMinutes
    }

    /// Simulates `years` years (2 or more, for the interval), drawing from
    /// `generator`. O(missions × (log demands + options × aircraft per base)).
    public func run<G: RandomNumberGenerator>(years: Int, using generator: inout G) throws -> SimulationResult {
        guard years >= 2 else { throw SitingInputError("the years to simulate are \(years); 2 or more are needed for a confidence interval") }
        guard years <= Self.mostYears else { throw SitingInputError("the years to simulate are \(years); at most \(Self.mostYears)") }
        guard missionsPerYear * Double(years) <= Self.largestRun else {
            throw SitingInputError("\(years) years of \(missionsPerYear) missions exceed \(Int(Self.largestRun)) missions; simulate fewer")
        }
        // Aircraft of base b: free-at times busyUntil[start[b]..<start[b + 1]].
        var start = [0]
        for count in aircraftPerBase { start.append(start.last! + count) }
        var busyUntil = [Double](repeating: 0, count: start.last!)
        var missions = [Int](repeating: 0, count: years), reached = [Int](repeating: 0, count: years)
        var busyMinutes = 0.0
        let perMinute = missionsPerYear / Self.minutesPerYear
        let total = cumulativeWeights.last!
        let horizon = Double(years) * Self.minutesPerYear
        var now = 0.0
        while true {
            now += -log(Self.unitInterval(&generator)) / perMinute
            let year = Int(now / Self.minutesPerYear)
            guard year < years else { break }
            missions[year] += 1
            let demand = pick(Double(generator.next() >> 11) * 0x1p-53 * total)
            search: for option in options[demand] {
                for k in start[option.base]..<start[option.base + 1] where busyUntil[k] <= now {
                    busyUntil[k] = now + option.missionMinutes
                    busyMinutes += min(option.missionMinutes, horizon - now)
                    reached[year] += 1
                    break search
                }
            }
        }
        return SimulationResult(
            yearlyMissions: missions, yearlyReached: reached, busyMinutes: busyMinutes,
            aircraft: busyUntil.count)
    }

    /// The demand whose cumulative weight interval holds `x` (0 ≤ x < total):
    /// the first with cumulative weight above x; demands of weight 0 are
    /// never chosen.
    private func pick(_ x: Double) -> Int {
        var low = 0, high = cumulativeWeights.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulativeWeights[mid] > x { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// A uniform number in (0, 1] with 53 random bits.
    private static func unitInterval<G: RandomNumberGenerator>(_ generator: inout G) -> Double {
        (Double(generator.next() >> 11) + 1) * 0x1p-53
    }
}
