import Foundation

extension MaximalCoveringBranchAndCut.Search {
    /// Counts node ends at which each cut was not binding and drops the cuts
    /// idle for ten in a row once there are many.
    mutating func age() {
        let prices = program.rowPrices
        for i in cutAge.indices { cutAge[i] = abs(prices[i + 1]) > 1e-12 ? 0 : cutAge[i] + 1 }
        guard cutAge.count > 4 * groups else { return }
        let stale = cutAge.indices.filter { cutAge[$0] >= 10 }
        guard !stale.isEmpty else { return }
        program.deleteRows(stale.map { $0 + 1 })
        let gone = Set(stale)
        cutAge = cutAge.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
    }
}
