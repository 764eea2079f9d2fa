import Testing
@testable import Coverage

@Suite struct DemandAggregationTests {
    @Test func cellsWithTheSameSitesMergeAndWeightsAdd() {
        // Sites 0..2; cells 0..5. Cells 0 and 3 are served by {0, 1}; 1 and 4 by {2}; 2 by {0}; 5 by nobody.
        let matrix = CoverageMatrix(
            cellCount: 6, standardMinutes: 60,
            rows: [
                [(0, 10), (2, 20), (3, 30)],
                [(0, 15), (3, 25)],
                [(1, 5), (4, 50)],
            ])
        let groups = DemandAggregation(matrix: matrix, weights: [1, 2, 3, 4, 5, 6])
        #expect(groups.groupSites == [[0, 1], [2], [0]])
        #expect(groups.groupCells == [[0, 3], [1, 4], [2]])
        #expect(groups.groupWeights == [5, 7, 3])
        #expect(groups.unserved == [5])
        #expect(groups.reduction(cellCount: 6) == 5.0 / 3.0)
    }

    @Test func weightedQuantilesAreTimesSomeDemandSees() throws {
        let stats = try #require(ResponseStatistics([(30, 1), (10, 1), (20, 2), (40, 0), (50, 1)]))
        #expect(stats.servedWeight == 5)
        #expect(stats.meanMinutes == (10 + 40 + 30 + 50) / 5.0)
        #expect(stats.medianMinutes == 20)  // 10 → 0.2, 20 → 0.6 of the weight
        #expect(stats.p90Minutes == 50)  // 30 → 0.8, 50 → 1.0
        #expect(stats.maxMinutes == 50)
        #expect(ResponseStatistics([]) == nil)
    }
}
