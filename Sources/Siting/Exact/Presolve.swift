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
        // The working matrix's column c is instance site `siteOf[c]`
        // (ascending, so "the lowest index" means the same in both).
        var siteOf = (0..<instance.siteCount).filter(allowed)
        var (matrix, weights) = instance.matrix.mergedSubmatrix(rows: demands, columns: siteOf, weights: demands.map { instance.weights[$0] })
        var fixed: [Int] = []
        var keptCount = 0
        while true {
            let before = (matrix.rowCount, keptCount)
            let costs = costsMatter ? siteOf.map { instance.siteCosts[$0] } : nil
            let kept = Self.undominatedSites(of: matrix, costs: costs)
            keptCount = kept.count
            (matrix, weights) = matrix.mergedSubmatrix(rows: Array(0..<matrix.rowCount), columns: kept, weights: weights)
            siteOf = kept.map { siteOf[$0] }
            guard setCovering else { break }
            var isSingle = [Bool](repeating: false, count: matrix.columnCount)
            for r in 0..<matrix.rowCount where matrix.columns(ofRow: r).count == 1 { isSingle[Int(matrix.columns(ofRow: r).first!)] = true }
            let singles = isSingle.indices.filter { isSingle[$0] }
            if !singles.isEmpty {
                fixed += singles.map { siteOf[$0] }
                let left = (0..<matrix.rowCount).filter { r in !matrix.columns(ofRow: r).contains { isSingle[Int($0)] } }
                matrix = matrix.submatrix(rows: left, columns: Array(0..<matrix.columnCount))
                weights = left.map { weights[$0] }
            }
            let undominated = Self.undominatedRows(of: matrix)
            if undominated.count < matrix.rowCount {
                matrix = matrix.submatrix(rows: undominated, columns: Array(0..<matrix.columnCount))
                weights = undominated.map { weights[$0] }
            }
            if singles.isEmpty && (matrix.rowCount, keptCount) == before { break }
        }
        // A site kept in an earlier round may cover no row left.
        let used = (0..<matrix.columnCount).filter { matrix.rowCount(ofColumn: $0) > 0 }
        if used.count < matrix.columnCount { matrix = matrix.submatrix(rows: Array(0..<matrix.rowCount), columns: used) }
        self.matrix = matrix
        rowWeights = weights
        sites = used.map { siteOf[$0] }
        fixedSites = fixed.sorted()
    }

    /// The columns (sites) of `siteRows` that no other dominates, ascending. Site k
    /// dominates j when k is in every row j is in and costs no more
    /// (`costs` nil: all equal); of sites with the same rows and cost the
    /// lowest index stays.
    static func undominatedSites(of siteRows: CoverMatrix, costs: [Double]?) -> [Int] {
        let siteCount = siteRows.columnCount
        // Each row as a bitset over the sites, so that "the sites in every one
        // of j's rows" is a run of word ANDs.
        let words = (siteCount + 63) / 64
        var bits = [UInt64](repeating: 0, count: siteRows.rowCount * words)
        for r in 0..<siteRows.rowCount {
            for j in siteRows.columns(ofRow: r) { bits[r * words + Int(j) / 64] |= 1 << UInt64(Int(j) % 64) }
        }
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

    /// The rows, ascending, that include no other row's sites: a row
    /// holding all the sites of a smaller one drops, since covering the
    /// smaller row covers it too (valid for set covering, where each row
    /// only has to be covered, not for weighted models). Rows must be
    /// unique (merged) and non-empty.
    static func undominatedRows(of matrix: CoverMatrix) -> [Int] {
        let rowCount = matrix.rowCount
        var dominated = [Bool](repeating: false, count: rowCount)
        var member = [Bool](repeating: false, count: matrix.columnCount)
        let size = { (r: Int) in matrix.rowStart[r + 1] - matrix.rowStart[r] }
        // Smaller rows first: they are the ones that dominate.
        for small in (0..<rowCount).sorted(by: { (size($0), $0) < (size($1), $1) }) where !dominated[small] {
            let row = matrix.columns(ofRow: small)
            guard let rarest = row.min(by: { (matrix.rowCount(ofColumn: Int($0)), $0) < (matrix.rowCount(ofColumn: Int($1)), $1) }) else { continue }
            for j in row { member[Int(j)] = true }
            for big in matrix.rows(ofColumn: Int(rarest)) where Int(big) != small && !dominated[Int(big)] && size(Int(big)) > row.count {
                // Columns ascend in both rows: count the big row's members of the small one.
                var found = 0
                for j in matrix.columns(ofRow: Int(big)) where member[Int(j)] { found += 1 }
                if found == row.count { dominated[Int(big)] = true }
            }
            for j in row { member[Int(j)] = false }
        }
        return (0..<rowCount).filter { !dominated[$0] }
    }
}
