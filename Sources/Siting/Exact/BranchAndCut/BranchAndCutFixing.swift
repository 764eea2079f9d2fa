import Foundation

extension MaximalCoveringBranchAndCut.Search {
    /// Reduced-cost fixing: forcing free column j against its side in the
    /// LP lowers the LP's proven bound by |d_j|; when that falls below the
    /// incumbent, no better solution does so, and j is fixed (in `lower`
    /// and `upper`; at the root also for the whole search). Returns whether
    /// anything was fixed.
    mutating func fixByReducedCosts(_ lpBound: Double, lower: inout [Double], upper: inout [Double]) -> Bool {
        let margin = OptimalityTolerance.margin(at: bestValue)
        let root = nodes == 1
        var changed = false
        for j in 0..<n where lower[j] != upper[j] {
            let d = reducedCosts[j]  // of the minimisation of −Σθ
            if d > 0, lpBound - d < bestValue - margin {
                upper[j] = 0
                if root { globalUpper[j] = 0 }
                changed = true
            } else if d < 0, lpBound + d < bestValue - margin {
                lower[j] = 1
                if root { globalLower[j] = 1 }
                changed = true
            }
        }
        return changed
    }
}
