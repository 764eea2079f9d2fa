import Foundation
import Testing
@testable import Siting
import Support

/// `DispatchSimulation` against loss-system theory: a base with c aircraft
/// serving one Poisson stream of missions of fixed length S loses the share
/// Erlang B(c, λS) of them, whatever the distribution of S (M/G/c/c
/// insensitivity); bases that share no demand are independent such systems.
@Suite struct DispatchSimulationTests {
    /// Erlang B(c, a) by its recursion B(0) = 1, B(k) = a B(k−1) / (k + a B(k−1)).
    static func erlangB(_ c: Int, _ a: Double) -> Double {
        var b = 1.0
        for k in stride(from: 1, through: c, by: 1) { b = a * b / (Double(k) + a * b) }
        return b
    }

    static let missionsPerYear = 5_000.0

    /// The constant mission minutes giving an offered load of `a` Erlang at `missionsPerYear`.
    static func missionMinutes(load a: Double, rate: Double = missionsPerYear) -> Double {
        a * DispatchSimulation.minutesPerYear / rate
    }

    static func run(_ simulation: DispatchSimulation, years: Int, seed: UInt64) throws -> SimulationResult {
        var generator = SplitMix64(seed: seed)
        return try simulation.run(years: years, using: &generator)
    }

    @Test func erlangBRecursionMatchesTheClosedForm() {
        // B(c, a) = (a^c / c!) / Σ_{k=0..c} a^k / k!
        for c in 1...4 {
            for a in [0.5, 1.0, 2.0, 3.0] {
                var term = 1.0, sum = 1.0
                for k in stride(from: 1, through: c, by: 1) { term *= a / Double(k); sum += term }
                #expect(abs(Self.erlangB(c, a) - term / sum) < 1e-14)
            }
        }
    }

    @Test(arguments: [(1, 0.5, 11), (1, 2.0, 12), (2, 1.0, 13), (2, 3.0, 14), (3, 2.0, 15), (3, 5.0, 16)])
    func oneBaseLosesErlangB(aircraft c: Int, load a: Double, seed: UInt64) throws {
        let simulation = try DispatchSimulation(
            weights: [1], options: [[DispatchOption(base: 0, responseMinutes: 0, missionMinutes: Self.missionMinutes(load: a))]],
            aircraftPerBase: [c], missionsPerYear: Self.missionsPerYear, standardMinutes: 60)
        let result = try Self.run(simulation, years: 40, seed: seed)
        let estimate = try #require(result.estimate)
        let expected = 1 - Self.erlangB(c, a)
        #expect(result.missions > 190_000)
        #expect(estimate.halfWidth < 0.01, "a useful interval")
        #expect(
            abs(estimate.share - expected) <= estimate.halfWidth,
            "c = \(c), a = \(a): simulated \(estimate.share) ± \(estimate.halfWidth), Erlang \(expected)")
        // Carried load per aircraft: a (1 − B) / c.
        #expect(abs(result.utilisation - a * expected / Double(c)) < 0.01)
    }

    @Test func disjointBasesMixTwoErlangFigures() throws {
        // Demand 0 (weight 3) only from base 0 (1 aircraft), demand 1
        // (weight 1) only from base 1 (2 aircraft), demand 2 (weight 1) from
        // a base beyond the standard only, so never reached.
        let rate = 6_000.0
        let s0 = Self.missionMinutes(load: 0.8 / 0.6, rate: rate)  // a0 = 0.6 λ S0 = 0.8
        let s1 = Self.missionMinutes(load: 1.5 / 0.2, rate: rate)  // a1 = 0.2 λ S1 = 1.5
        let simulation = try DispatchSimulation(
            weights: [3, 1, 1],
            options: [
                [DispatchOption(base: 0, responseMinutes: 20, missionMinutes: s0)],
                [DispatchOption(base: 1, responseMinutes: 35, missionMinutes: s1)],
                [DispatchOption(base: 0, responseMinutes: 61, missionMinutes: s0)],
            ],
            aircraftPerBase: [1, 2], missionsPerYear: rate, standardMinutes: 60)
        let estimate = try #require(try Self.run(simulation, years: 40, seed: 21).estimate)
        let expected = 0.6 * (1 - Self.erlangB(1, 0.8)) + 0.2 * (1 - Self.erlangB(2, 1.5))
        #expect(abs(estimate.share - expected) <= estimate.halfWidth, "simulated \(estimate.share) ± \(estimate.halfWidth), expected \(expected)")
    }

    @Test func twoBasesSharingOneDemandLoseErlangBOfTheirSum() throws {
        // Whichever is nearer, the two single aircraft form one loss system of 2 servers.
        let s = Self.missionMinutes(load: 1.2)
        let simulation = try DispatchSimulation(
            weights: [1],
            options: [
                [
                    DispatchOption(base: 1, responseMinutes: 30, missionMinutes: s),
                    DispatchOption(base: 0, responseMinutes: 10, missionMinutes: s),
                ]
            ],
            aircraftPerBase: [1, 1], missionsPerYear: Self.missionsPerYear, standardMinutes: 30)
        let estimate = try #require(try Self.run(simulation, years: 40, seed: 22).estimate)
        let expected = 1 - Self.erlangB(2, 1.2)
        #expect(abs(estimate.share - expected) <= estimate.halfWidth, "simulated \(estimate.share) ± \(estimate.halfWidth), expected \(expected)")
        #expect(simulation.options[0].map(\.base) == [0, 1], "nearest first")
    }

    @Test func sameSeedSameResultOtherSeedOther() throws {
        let simulation = try DispatchSimulation(
            weights: [1, 2],
            options: [
                [DispatchOption(base: 0, responseMinutes: 5, missionMinutes: 90)],
                [DispatchOption(base: 0, responseMinutes: 8, missionMinutes: 100), DispatchOption(base: 1, responseMinutes: 9, missionMinutes: 80)],
            ],
            aircraftPerBase: [1, 1], missionsPerYear: 3_000, standardMinutes: 60)
        let first = try Self.run(simulation, years: 5, seed: 7)
        #expect(try Self.run(simulation, years: 5, seed: 7) == first)
        #expect(try Self.run(simulation, years: 5, seed: 8) != first)
    }

    @Test func batchMeansIntervalByHand() throws {
        // R = 18/30 = 0.6; residuals −1, 0, 1; se = √(2 / (3 × 2)) / 10; t_{0.975,2} = 4.302652730.
        let result = SimulationResult(yearlyMissions: [10, 10, 10], yearlyReached: [5, 6, 7], busyMinutes: 0, aircraft: 1)
        let estimate = try #require(result.estimate)
        #expect(estimate.share == 0.6)
        #expect(abs(estimate.halfWidth - 4.302652730 * (2.0 / 6).squareRoot() / 10) < 1e-12)
        #expect(abs(estimate.lower - (0.6 - estimate.halfWidth)) < 1e-15)
        #expect(SimulationResult(yearlyMissions: [0, 0], yearlyReached: [0, 0], busyMinutes: 0, aircraft: 1).estimate == nil)
    }

    /// t_{0.975, ν} against the t density integrated numerically (Simpson):
    /// P(0 ≤ T ≤ t) must be 0.475.
    @Test(arguments: [1, 2, 3, 7, 15, 30, 31, 40, 100, 1_000])
    func studentQuantile(degreesOfFreedom ν: Int) {
        let t = StudentT.quantile975(degreesOfFreedom: ν)
        let n = Double(ν)
        let scale = exp(lgamma((n + 1) / 2) - lgamma(n / 2)) / (n * Double.pi).squareRoot()
        func density(_ x: Double) -> Double { scale * pow(1 + x * x / n, -(n + 1) / 2) }
        let steps = 20_000, h = t / Double(steps)
        var sum = density(0) + density(t)
        for k in 1..<steps { sum += density(Double(k) * h) * (k % 2 == 1 ? 4 : 2) }
        #expect(abs(sum * h / 3 - 0.475) < 2e-6, "ν = \(ν): t = \(t)")
    }

    @Test func badInputIsRefused() {
        let option = DispatchOption(base: 0, responseMinutes: 1, missionMinutes: 10)
        #expect(throws: SitingInputError.self) {
            try DispatchSimulation(weights: [0], options: [[option]], aircraftPerBase: [1], missionsPerYear: 10, standardMinutes: 5)
        }
        #expect(throws: SitingInputError.self) {
            try DispatchSimulation(weights: [1], options: [[option]], aircraftPerBase: [1], missionsPerYear: 0, standardMinutes: 5)
        }
        #expect(throws: SitingInputError.self) {
            try DispatchSimulation(
                weights: [1], options: [[DispatchOption(base: 1, responseMinutes: 1, missionMinutes: 10)]], aircraftPerBase: [1], missionsPerYear: 10,
                standardMinutes: 5)
        }
        #expect(throws: SitingInputError.self) {
            try DispatchSimulation(
                weights: [1], options: [[DispatchOption(base: 0, responseMinutes: 1, missionMinutes: 0)]], aircraftPerBase: [1], missionsPerYear: 10,
                standardMinutes: 5)
        }
        #expect(throws: SitingInputError.self) {
            var g = SplitMix64(seed: 1)
            _ = try DispatchSimulation(weights: [1], options: [[option]], aircraftPerBase: [1], missionsPerYear: 10, standardMinutes: 5).run(
                years: 1, using: &g)
        }
    }
}
