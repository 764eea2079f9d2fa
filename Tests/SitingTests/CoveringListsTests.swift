import Testing
@testable import Siting

/// `CoverInstance(coveringSites:)`: lists in any order and integer type,
/// against the pairs initialiser it replaces on the national path, and
/// its pair costs: zero, not stored.
@Suite struct CoveringListsTests {
    static let demands = ["a", "b", "c", "d"], sites = ["S0", "S1", "S2", "S3"]

    @Test func listsInAnyOrderGiveThePairsInstance() throws {
        let lists: [[Int]] = [[2, 0, 2], [], [3, 1, 0], [1]]
        let reference = try CoverInstance(
            demandIDs: Self.demands, siteIDs: Self.sites, weights: [1, 2, 3, 4],
            pairs: lists.map { $0.map { (site: $0, cost: 0) } })
        let fromInt = try CoverInstance(demandIDs: Self.demands, siteIDs: Self.sites, weights: [1, 2, 3, 4], coveringSites: lists)
        let fromInt32 = try CoverInstance(
            demandIDs: Self.demands, siteIDs: Self.sites, weights: [1, 2, 3, 4],
            coveringSites: lists.map { $0.map(Int32.init) })
        #expect(fromInt == reference && fromInt32 == reference)
        // Costs of covering lists are zero without storage, and stay so when restricted.
        #expect(fromInt.demandCosts.areAllZero && !reference.demandCosts.areAllZero)
        #expect(try fromInt.restricted(toCostAtMost: 0).demandCosts.areAllZero && Array(fromInt.demandCosts) == [0, 0, 0, 0, 0, 0])
        #expect(Array(fromInt.sites(covering: 0)) == [0, 2] && Array(fromInt.sites(covering: 2)) == [0, 1, 3])
        #expect(Array(fromInt.demands(coveredBy: 0)) == [0, 2])
    }

    /// The error for `lists` ("no error" if none).
    func message(_ lists: [[Int]]) -> String {
        do {
            _ = try CoverInstance(demandIDs: Self.demands, siteIDs: Self.sites, coveringSites: lists)
            return "no error"
        } catch { return "\(error)" }
    }

    @Test func badListsAreNamed() {
        #expect(message([[0], [4], [], []]).contains("demand b names site index 4, beyond the 4 sites"))
        #expect(message([[0], [], [-1], []]).contains("demand c names site index -1"))
        #expect(message([[0], [1]]).contains("4 demands but 2 covering lists"))
        #expect(message([[0], [1], [2], [3]]) == "no error")
    }
}
