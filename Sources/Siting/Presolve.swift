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
    init(instance: CoverInstance, demands: [Int], allowed: (Int) -> Bool, costsMatter: Bool, dropDominatedRows: Bool = false) {
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
        // Each row as a bitset over the sites, so that "the sites in every one
        // of j's rows" is a run of word ANDs.
        let siteCount = instance.siteCount
        let words = (siteCount + 63) / 64
        var bits = [UInt64](repeating: 0, count: rows.count * words)
        for (r, row) in rows.enumerated() { for j in row { bits[r * words + Int(j) / 64] |= 1 << UInt64(Int(j) % 64) } }
        var kept: [Int] = []
        var common = [UInt64](repeating: 0, count: words)
        for j in siteRows.keys.sorted() {
            let mine = siteRows[j]!
            // Sites present in every one of j's rows cover a superset of j.
            for w in 0..<words { common[w] = bits[mine[0] * words + w] }
            var others = true
            for r in mine.dropFirst() where others {
                var count = 0
                for w in 0..<words {
                    common[w] &= bits[r * words + w]
                    count += common[w].nonzeroBitCount
                }
                others = count > 1
            }
            var dominated = false
            for w in 0..<words where !dominated && common[w] != 0 {
                var word = common[w]
                while word != 0 && !dominated {
                    let k = w * 64 + word.trailingZeroBitCount
                    word &= word - 1
                    guard k != j else { continue }
                    let cheaper = !costsMatter || instance.siteCosts[k] < instance.siteCosts[j]
                    let equalCost = !costsMatter || instance.siteCosts[k] == instance.siteCosts[j]
                    let sameRows = siteRows[k]!.count == mine.count
                    // Strictly more rows, or cheaper, or (a tie) a lower index.
                    dominated = !sameRows && (cheaper || equalCost) || sameRows && (cheaper || equalCost && k < j)
                }
            }
            if !dominated { kept.append(j) }
        }
        let keptSet = Set(kept)
        var reduced = rows.map { $0.filter { keptSet.contains(Int($0)) } }
        var reducedWeights = weights
        if dropDominatedRows {
            (reduced, reducedWeights) = Self.withoutDominatedRows(reduced, reducedWeights)
        }
        self.rows = reduced
        rowWeights = reducedWeights
        sites = kept
    }

    /// Drops every row whose sites include all the sites of another row:
    /// covering the smaller row covers it too (valid for set covering, where
    /// each row only has to be covered, not for weighted models). Of two
    /// identical rows (none remain after merging) nothing is dropped.
    static func withoutDominatedRows(_ rows: [[Int32]], _ weights: [Double]) -> ([[Int32]], [Double]) {
        var rowsOfSite: [Int32: [Int]] = [:]
        for (r, row) in rows.enumerated() { for j in row { rowsOfSite[j, default: []].append(r) } }
        let members = rows.map { Set($0) }
        var dominated = [Bool](repeating: false, count: rows.count)
        // Smaller rows first: they are the ones that dominate.
        for small in rows.indices.sorted(by: { (rows[$0].count, $0) < (rows[$1].count, $1) }) where !dominated[small] {
            guard let rarest = rows[small].min(by: { (rowsOfSite[$0]!.count, $0) < (rowsOfSite[$1]!.count, $1) }) else { continue }
            for big in rowsOfSite[rarest]! where big != small && !dominated[big] && rows[big].count > rows[small].count {
                if rows[small].allSatisfy({ members[big].contains($0) }) { dominated[big] = true }
            }
        }
        let keep = rows.indices.filter { !dominated[$0] }
        return (keep.map { rows[$0] }, keep.map { weights[$0] })
    }
}
