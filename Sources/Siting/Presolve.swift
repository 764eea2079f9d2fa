/// Reductions applied before a model is handed to the MIP solver; each keeps
/// the optimum value unchanged (forced sites are handled by the caller:
/// demands they cover are left out, and they are not candidates here).
///
/// - Identical rows merge: demands covered by exactly the same allowed sites
///   become one row with their weights summed.
/// - Dominated sites drop: a free site whose rows are a subset of another
///   free site's rows, at no lower cost, can always be replaced by that one.
///   Among equals the lowest index is kept, so results stay deterministic.
struct Presolve {
    /// Unique rows: the allowed sites of each (ascending) and its weight.
    let rows: [[Int32]]
    let rowWeights: [Double]
    /// Sites kept as candidates (forced ones always kept), ascending.
    let sites: [Int]

    /// `demands`: the demands still to model (those forced sites already
    /// cover left out); `allowed(site)`: a free candidate (neither forced nor
    /// excluded); `costsMatter`: whether site costs enter the model.
    init(instance: CoverInstance, demands: [Int], allowed: (Int) -> Bool, costsMatter: Bool) {
        var index: [[Int32]: Int] = [:]
        var rows: [[Int32]] = [], weights: [Double] = []
        for i in demands {
            let sites = instance.sites(covering: i).filter { allowed(Int($0)) }
            guard !sites.isEmpty else { continue }
            let key = Array(sites)
            if let r = index[key] {
                weights[r] += instance.weights[i]
            } else {
                index[key] = rows.count
                rows.append(key)
                weights.append(instance.weights[i])
            }
        }
        // Rows of each site.
        var siteRows: [Int: [Int]] = [:]
        for (r, row) in rows.enumerated() { for j in row { siteRows[Int(j), default: []].append(r) } }
        var kept: [Int] = []
        let candidates = siteRows.keys.sorted()
        for j in candidates {
            let mine = siteRows[j]!
            // Sites present in every one of j's rows cover a superset of j.
            var common = Set(rows[mine[0]].map(Int.init))
            for r in mine.dropFirst() where common.count > 1 { common.formIntersection(rows[r].map(Int.init)) }
            let dominated = common.contains { k in
                guard k != j else { return false }
                let cheaper = !costsMatter || instance.siteCosts[k] < instance.siteCosts[j]
                let equalCost = !costsMatter || instance.siteCosts[k] == instance.siteCosts[j]
                let sameRows = siteRows[k]!.count == mine.count
                // Strictly more rows, or cheaper, or (a tie) a lower index.
                return !sameRows && (cheaper || equalCost) || sameRows && (cheaper || equalCost && k < j)
            }
            if !dominated { kept.append(j) }
        }
        let keptSet = Set(kept)
        self.rows = rows.map { $0.filter { keptSet.contains(Int($0)) } }
        rowWeights = weights
        sites = kept
    }
}
