import Testing
@testable import Siting
import Support

/// Presolve's dominated-site rule against its definition, checked pair by
/// pair on random rows over more than 64 sites (so the bitsets span
/// several words), with copied columns (sites with the same rows) and tied
/// costs.
@Suite struct PresolveTests {
    /// Random ascending rows over `sites` sites; every third site from the
    /// tenth on copies the rows of the site ten before it.
    static func randomRows(seed: UInt64, rows: Int, sites: Int) -> [[Int32]] {
        var g = SplitMix64(seed: seed)
        let density = 0.02 + 0.1 * g.unit()
        var members = (0..<rows).map { _ in Set((0..<sites).filter { _ in g.unit() < density }) }
        for j in stride(from: 10, to: sites, by: 3) {
            for r in members.indices {
                if members[r].contains(j - 10) { members[r].insert(j) } else { members[r].remove(j) }
            }
        }
        return members.map { $0.sorted().map(Int32.init) }.filter { !$0.isEmpty }
    }

    /// The definition: site j (in some row) drops when another site k is in
    /// every row j is in and either has more rows at no higher cost, or the
    /// same rows and is cheaper, or the same rows, the same cost and a lower
    /// index.
    static func undominated(_ rows: [[Int32]], sites: Int, costs: [Double]?) -> [Int] {
        let rowsOf = (0..<sites).map { j in Set(rows.indices.filter { rows[$0].contains(Int32(j)) }) }
        let cost = { (j: Int) in costs?[j] ?? 0 }
        return (0..<sites).filter { j in
            !rowsOf[j].isEmpty
                && !(0..<sites).contains { k in
                    guard k != j, rowsOf[j].isSubset(of: rowsOf[k]) else { return false }
                    if rowsOf[k].count > rowsOf[j].count { return cost(k) <= cost(j) }
                    return cost(k) < cost(j) || cost(k) == cost(j) && k < j
                }
        }
    }

    @Test(arguments: 0..<12)
    func dominatedSitesAreThoseOfTheDefinition(seed: Int) {
        var g = SplitMix64(seed: UInt64(1000 + seed))
        let sites = 70 + Int(g.next() % 100)
        let rows = Self.randomRows(seed: UInt64(seed), rows: 20 + Int(g.next() % 60), sites: sites)
        let costs = (0..<sites).map { _ in Double(1 + g.next() % 3) }
        let matrix = CoverMatrix(rows: rows, columnCount: sites)
        #expect(Presolve.undominatedSites(of: matrix, costs: nil) == Self.undominated(rows, sites: sites, costs: nil))
        #expect(Presolve.undominatedSites(of: matrix, costs: costs) == Self.undominated(rows, sites: sites, costs: costs))
    }

    /// The definition: a row drops when another, smaller row's sites are
    /// all among its own.
    @Test(arguments: 0..<12)
    func dominatedRowsAreThoseOfTheDefinition(seed: Int) {
        var g = SplitMix64(seed: UInt64(2000 + seed))
        let sites = 8 + Int(g.next() % 12)
        let rows = Self.randomRows(seed: UInt64(50 + seed), rows: 30 + Int(g.next() % 40), sites: sites)
        var unique: [[Int32]] = []
        for row in rows where !unique.contains(row) { unique.append(row) }
        let expected = unique.indices.filter { big in
            !unique.indices.contains { small in
                small != big && unique[small].count < unique[big].count && Set(unique[small]).isSubset(of: Set(unique[big]))
            }
        }
        #expect(Presolve.undominatedRows(of: CoverMatrix(rows: unique, columnCount: sites)) == expected)
    }
}
