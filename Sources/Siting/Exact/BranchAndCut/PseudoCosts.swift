import Foundation

/// Pseudo-costs (Bénichou et al. 1971): per column and branch side, the
/// mean decrease of the bound per unit of x̄ moved, over the children seen.
/// An unseen column-side gets the mean over all seen ones (1 before any).
struct PseudoCosts {
    private var sum: [[Double]]
    private var count: [[Int]]
    private var total = [0.0, 0.0], seen = [0, 0]

    init(columnCount: Int) {
        sum = Array(repeating: Array(repeating: 0, count: columnCount), count: 2)
        count = Array(repeating: Array(repeating: 0, count: columnCount), count: 2)
    }

    mutating func record(_ column: Int, up: Bool, decrease: Double) {
        let side = up ? 1 : 0
        sum[side][column] += decrease
        count[side][column] += 1
        total[side] += decrease
        seen[side] += 1
    }

    func estimate(_ column: Int, up: Bool) -> Double {
        let side = up ? 1 : 0
        if count[side][column] > 0 { return sum[side][column] / Double(count[side][column]) }
        return seen[side] > 0 ? total[side] / Double(seen[side]) : 1
    }
}

/// Branching on the pseudo-cost score.
extension MaximalCoveringBranchAndCut.Search {
    /// The fractional free column with the best pseudo-cost score (the
    /// product of the expected bound decreases down and up; ties to the
    /// lower index); when x̄ is integral but the bound still exceeds the
    /// incumbent (cuts short of convergence), the first free column x̄
    /// opens, then any free column; nil when every column is fixed (the
    /// node is a single point, evaluated).
    func branchingColumn(_ x: [Double], lower: [Double], upper: [Double]) -> Int? {
        var best: Int?, bestScore = -1.0
        for j in 0..<n where lower[j] != upper[j] && x[j] > 1e-9 && x[j] < 1 - 1e-9 {
            let score = max(pseudoCosts.estimate(j, up: false) * x[j], 1e-6) * max(pseudoCosts.estimate(j, up: true) * (1 - x[j]), 1e-6)
            if score > bestScore { (best, bestScore) = (j, score) }
        }
        let free = (0..<n).filter { lower[$0] != upper[$0] }
        return best ?? free.first { x[$0] > 0.5 } ?? free.first
    }
}
