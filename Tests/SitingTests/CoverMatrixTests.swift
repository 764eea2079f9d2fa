import Testing
@testable import Siting
import Support

/// The one covering matrix against its definition, on random 0/1 matrices
/// (empty rows and columns included): column lists are the transpose of the
/// row lists, both ascending, and a sub-view keeps exactly the chosen rows
/// and columns, renumbered.
@Suite struct CoverMatrixTests {
    static func randomRows(seed: UInt64, rows: Int, columns: Int) -> [[Int32]] {
        var g = SplitMix64(seed: seed)
        let density = 0.05 + 0.4 * g.unit()
        return (0..<rows).map { _ in (0..<columns).filter { _ in g.unit() < density }.map(Int32.init) }
    }

    @Test(arguments: 0..<20)
    func columnListsAreTheTransposeOfTheRowLists(seed: UInt64) {
        let rows = Self.randomRows(seed: seed, rows: 1 + Int(seed) * 3, columns: 1 + Int(seed % 7) * 5)
        let columnCount = 1 + Int(seed % 7) * 5
        let matrix = CoverMatrix(rows: rows, columnCount: columnCount)
        #expect(matrix.rowCount == rows.count && matrix.columnCount == columnCount)
        #expect(matrix.entryCount == rows.reduce(0) { $0 + $1.count })
        for (i, row) in rows.enumerated() { #expect(Array(matrix.columns(ofRow: i)) == row) }
        for j in 0..<columnCount {
            let expected = rows.indices.filter { rows[$0].contains(Int32(j)) }.map(Int32.init)
            #expect(Array(matrix.rows(ofColumn: j)) == expected)
            #expect(matrix.rowCount(ofColumn: j) == expected.count)
        }
    }

    @Test(arguments: 0..<20)
    func aSubmatrixKeepsTheChosenRowsAndColumnsRenumbered(seed: UInt64) {
        let columnCount = 12
        let rows = Self.randomRows(seed: 100 + seed, rows: 15, columns: columnCount)
        let matrix = CoverMatrix(rows: rows, columnCount: columnCount)
        var g = SplitMix64(seed: 200 + seed)
        let keptRows = (0..<rows.count).filter { _ in g.unit() < 0.6 }.reversed().map { $0 }
        let keptColumns = (0..<columnCount).filter { _ in g.unit() < 0.5 }
        let sub = matrix.submatrix(rows: keptRows, columns: keptColumns)
        #expect(sub.rowCount == keptRows.count && sub.columnCount == keptColumns.count)
        for (k, i) in keptRows.enumerated() {
            let expected = keptColumns.indices.filter { rows[i].contains(Int32(keptColumns[$0])) }.map(Int32.init)
            #expect(Array(sub.columns(ofRow: k)) == expected)
        }
        for (c, j) in keptColumns.enumerated() {
            let expected = keptRows.indices.filter { rows[keptRows[$0]].contains(Int32(j)) }.map(Int32.init)
            #expect(Array(sub.rows(ofColumn: c)) == expected)
        }
    }

    @Test(arguments: 0..<10)
    func aMergedSubmatrixSumsTheWeightsOfRowsMadeIdenticalAndDropsEmptyOnes(seed: UInt64) {
        // Few columns, so rows repeat, more so once a column is dropped.
        let rows = Self.randomRows(seed: 300 + seed, rows: 40, columns: 4)
        let keptRows = Array(stride(from: 0, to: 40, by: 1 + Int(seed % 3)))
        let keptColumns = [0, 1, 2, 3].filter { $0 != Int(seed % 4) }
        let weights = keptRows.map { Double($0 + 1) }
        let (merged, summed) = CoverMatrix(rows: rows, columnCount: 4).mergedSubmatrix(rows: keptRows, columns: keptColumns, weights: weights)
        // The definition: each kept row restricted and renumbered, then merged by first occurrence.
        let restricted = keptRows.map { i in keptColumns.indices.filter { rows[i].contains(Int32(keptColumns[$0])) }.map(Int32.init) }
        var firstSeen: [[Int32]] = []
        for row in restricted where !row.isEmpty && !firstSeen.contains(row) { firstSeen.append(row) }
        #expect(merged.rowCount == firstSeen.count && merged.columnCount == keptColumns.count)
        for (k, row) in firstSeen.enumerated() {
            #expect(Array(merged.columns(ofRow: k)) == row)
            #expect(summed[k] == zip(restricted, weights).filter { $0.0 == row }.reduce(0) { $0 + $1.1 })
        }
        #expect(merged == CoverMatrix(rows: firstSeen, columnCount: keptColumns.count))
    }

    @Test func anInstanceStoresItsPairsAsOneMatrix() throws {
        let instance = try CoverInstance(
            demandIDs: ["d0", "d1", "d2"], siteIDs: ["s0", "s1", "s2", "s3"], coveringSites: [[2, 0], [], [3, 1, 2]])
        #expect(instance.matrix == CoverMatrix(rows: [[0, 2], [], [1, 2, 3]], columnCount: 4))
        #expect(Array(instance.demands(coveredBy: 2)) == [0, 2] && instance.demands(coveredBy: 0).count == 1)
        #expect(instance.uncoverable == [1])
    }
}
