/// Reductions applied before a model is handed to the MIP solver; each keeps
/// the optimum value unchanged (forced sites are handled by the caller:
/// demands they cover are left out, and they are not candidates here).
///
/// - Identical rows merge: demands covered by exactly the same allowed sites
///   become one row with their weights summed.
/// - Dominated sites drop: a free site whose rows are a subset of another
///   free site's rows, at no lower cost, can always be replaced by that one.
///   Among equals the lowest index is kept, so results stay deterministic.
/// - Set covering only (`setCovering`), repeated with the site rule until
///   nothing changes:
///   - a row with a single site fixes that site (every cover holds it), and
///     the rows it covers leave the model;
///   - a row whose sites include all the sites of another row drops
///     (covering the smaller row covers it too).
///   These two are not valid for weighted models, where a row's weight counts.
struct Presolve {
    /// Unique rows over the kept sites: column c is `sites[c]`.
    let matrix: CoverMatrix
    /// The weight of each row of `matrix`.
    let rowWeights: [Double]
    /// Sites kept as candidates (forced ones always kept), ascending.
    let sites: [Int]
    /// Set covering only: sites every cover holds (each is the only
    /// allowed site of some demand), ascending. Their rows are not in `rows`.
    let fixedSites: [Int]

    /// `demands`: the demands still to model (those forced sites already
    /// cover left out); `allowed(site)`: a free candidate (neither forced nor
    /// excluded); `costsMatter`: whether site costs enter the model.
    init(instance: CoverInstance, demands: [Int], allowed: (Int) -> Bool, costsMatter: Bool, setCovering: Bool = false) {
        let isAllowed = (0..<instance.siteCount).map(allowed)
        var (rows, weights) = Self.merged(
            demands.map { i in instance.sites(covering: i).filter { isAllowed[Int($0)] } },
            demands.map { instance.weights[$0] })
        let costs = costsMatter ? instance.siteCosts : nil
        var fixed: [Int] = []
        var kept: [Int] = []
        while true {
            let before = (rows.count, kept.count)
            kept = Self.undominatedSites(of: rows, siteCount: instance.siteCount, costs: costs)
            var isKept = [Bool](repeating: false, count: instance.siteCount)
            for j in kept { isKept[j] = true }
            (rows, weights) = Self.merged(rows.map { $0.filter { isKept[Int($0)] } }, weights)
            guard setCovering else { break }
            let singles = Set(rows.filter { $0.count == 1 }.map { $0[0] })
            if !singles.isEmpty {
                fixed += singles.map(Int.init)
                let left = rows.indices.filter { r in !rows[r].contains(where: singles.contains) }
                (rows, weights) = (left.map { rows[$0] }, left.map { weights[$0] })
            }
            (rows, weights) = Self.withoutDominatedRows(rows, weights)
            if singles.isEmpty && (rows.count, kept.count) == before { break }
        }
        // A site kept in an earlier round may cover no row left.
        var used = [Bool](repeating: false, count: instance.siteCount)
        for row in rows { for j in row { used[Int(j)] = true } }
        sites = kept.filter { used[$0] }
        var columnOf = [Int32](repeating: -1, count: instance.siteCount)
        for (c, j) in sites.enumerated() { columnOf[j] = Int32(c) }
        var start = [0], flat = [Int32]()
        start.reserveCapacity(rows.count + 1)
        flat.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        for row in rows {
            for j in row { flat.append(columnOf[Int(j)]) }
            start.append(flat.count)
        }
        rows = []
        matrix = CoverMatrix(rowStart: start, rowColumns: flat, columnCount: sites.count)
        rowWeights = weights
        fixedSites = fixed.sorted()
    }

    /// Rows with the same sites merged into one (first occurrence's place),
    /// weights summed; rows with no site dropped.
    static func merged(_ rows: [[Int32]], _ weights: [Double]) -> ([[Int32]], [Double]) {
        var index: [[Int32]: Int] = [:]
        var unique: [[Int32]] = [], summed: [Double] = []
        for (row, weight) in zip(rows, weights) where !row.isEmpty {
            if let r = index[row] {
                summed[r] += weight
            } else {
                index[row] = unique.count
                unique.append(row)
                summed.append(weight)
            }
        }
        return (unique, summed)
    }

    /// The sites of `rows` that no other site dominates, ascending. Site k
    /// dominates j when k is in every row j is in and costs no more
    /// (`costs` nil: all equal); of sites with the same rows and cost the
    /// lowest index stays.
    static func undominatedSites(of rows: [[Int32]], siteCount: Int, costs: [Double]?) -> [Int] {
        let siteRows = CoverMatrix(rows: rows, columnCount: siteCount)
        // Each row as a bitset over the sites, so that "the sites in every one
        // of j's rows" is a run of word ANDs.
        let words = (siteCount + 63) / 64
        var bits = [UInt64](repeating: 0, count: rows.count * words)
        for (r, row) in rows.enumerated() { for j in row { bits[r * words + Int(j) / 64] |= 1 << UInt64(Int(j) % 64) } }
        var kept: [Int] = []
        var common = [UInt64](repeating: 0, count: words)
        // The words of `common` not yet zero.
        var active: [Int] = []
        for j in 0..<siteCount where siteRows.rowCount(ofColumn: j) > 0 {
            let mine = siteRows.rows(ofColumn: j)
            // Sites present in every one of j's rows cover a superset of j.
            // The last row (far from the first one) goes second: it narrows
            // the candidates fastest.
            let first = Int(mine.first!) * words
            active.removeAll(keepingCapacity: true)
            for w in 0..<words {
                common[w] = bits[first + w]
                if common[w] != 0 { active.append(w) }
            }
            var others = true
            for r in mine.dropFirst().reversed() where others {
                var count = 0
                active.removeAll { w in
                    common[w] &= bits[Int(r) * words + w]
                    count += common[w].nonzeroBitCount
                    return common[w] == 0
                }
                others = count > 1
            }
            var dominated = false
            for w in active where !dominated {
                var word = common[w]
                while word != 0 && !dominated {
                    let k = w * 64 + word.trailingZeroBitCount
                    word &= word - 1
                    guard k != j else { continue }
                    let cheaper = costs.map { $0[k] < $0[j] } ?? false
                    let equalCost = costs.map { $0[k] == $0[j] } ?? true
                    let sameRows = siteRows.rowCount(ofColumn: k) == mine.count
                    // Strictly more rows, or cheaper, or (a tie) a lower index.
                    dominated = !sameRows && (cheaper || equalCost) || sameRows && (cheaper || equalCost && k < j)
                }
            }
            if !dominated { kept.append(j) }
        }
        return kept
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
