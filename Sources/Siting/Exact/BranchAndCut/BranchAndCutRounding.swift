import Foundation

extension MaximalCoveringBranchAndCut.Search {
    /// Rounding: columns fixed open, then the others by decreasing x̄ (ties
    /// to the lower index) while the limit allows. Offers the result and
    /// returns it.
    @discardableResult
    mutating func round(_ x: [Double], lower: [Double], upper: [Double]) -> [Int] {
        let order = (0..<n).filter { upper[$0] > 0 && x[$0] > 1e-9 }.sorted { (lower[$0], x[$0], $1) > (lower[$1], x[$1], $0) }
        var chosen: [Int] = []
        switch problem.limit {
        case .count(let k):
            chosen = Array(order.prefix(k))
        case .budget(let costs, let total):
            var spent = 0.0
            for j in order where spent + costs[j] <= total + 1e-9 * max(1, total) {
                chosen.append(j)
                spent += costs[j]
            }
        }
        offer(chosen)
        return chosen
    }
}
