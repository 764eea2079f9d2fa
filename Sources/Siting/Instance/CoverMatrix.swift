/// The 0/1 covering matrix, stored both ways: the columns of each row and
/// the rows of each column (compressed sparse rows and columns). Rows are
/// demands, columns are sites; every model, presolve and heuristic walks
/// this one type.
///
/// Contract: the columns of each row ascend, and so do the rows of each
/// column (the column lists are a counting sort of the row lists, taken row
/// by row). A column listed twice in a row is the caller's error.
public struct CoverMatrix: Sendable, Equatable {
    /// The columns of row i: `rowColumns[rowStart[i]..<rowStart[i + 1]]`.
    public let rowStart: [Int]
    public let rowColumns: [Int32]
    /// The rows of column j: `columnRows[columnStart[j]..<columnStart[j + 1]]`.
    public let columnStart: [Int]
    public let columnRows: [Int32]

    public var rowCount: Int { rowStart.count - 1 }
    public var columnCount: Int { columnStart.count - 1 }
    /// The nonzero entries (row–column pairs).
    public var entryCount: Int { rowColumns.count }

    /// A matrix from its rows in compressed form: the columns of row i are
    /// `rowColumns[rowStart[i]..<rowStart[i + 1]]`, ascending, each in
    /// 0..<columnCount (the caller's promise). Builds the column lists (the
    /// one transpose in the package).
    init(rowStart: [Int], rowColumns: [Int32], columnCount: Int) {
        var start = [Int](repeating: 0, count: columnCount + 1)
        for j in rowColumns { start[Int(j) + 1] += 1 }
        for j in 0..<columnCount { start[j + 1] += start[j] }
        var fill = start
        var byColumn = [Int32](repeating: 0, count: rowColumns.count)
        for i in 0..<rowStart.count - 1 {
            for k in rowStart[i]..<rowStart[i + 1] {
                let j = Int(rowColumns[k])
                byColumn[fill[j]] = Int32(i)
                fill[j] += 1
            }
        }
        self.rowStart = rowStart
        self.rowColumns = rowColumns
        columnStart = start
        columnRows = byColumn
    }

    /// `rows[i]`: the columns (ascending, in 0..<columnCount) covering row i.
    init(rows: [[Int32]], columnCount: Int) {
        var start = [Int]()
        start.reserveCapacity(rows.count + 1)
        start.append(0)
        var flat = [Int32]()
        flat.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        for row in rows {
            flat += row
            start.append(flat.count)
        }
        self.init(rowStart: start, rowColumns: flat, columnCount: columnCount)
    }

    /// The columns covering row i.
    @inline(__always) public func columns(ofRow i: Int) -> ArraySlice<Int32> { rowColumns[rowStart[i]..<rowStart[i + 1]] }
    /// The rows column j covers.
    @inline(__always) public func rows(ofColumn j: Int) -> ArraySlice<Int32> { columnRows[columnStart[j]..<columnStart[j + 1]] }
    /// How many rows column j covers.
    @inline(__always) public func rowCount(ofColumn j: Int) -> Int { columnStart[j + 1] - columnStart[j] }

    /// The renumbered sub-view: rows `rows` (in that order) over columns
    /// `columns` (ascending), row k of the result being `rows[k]` and
    /// column c being `columns[c]`; entries in other columns are dropped.
    func submatrix(rows: [Int], columns: [Int]) -> CoverMatrix {
        var columnOf = [Int32](repeating: -1, count: columnCount)
        for (c, j) in columns.enumerated() { columnOf[j] = Int32(c) }
        var start = [Int]()
        start.reserveCapacity(rows.count + 1)
        start.append(0)
        var flat = [Int32]()
        for i in rows {
            for j in self.columns(ofRow: i) where columnOf[Int(j)] >= 0 { flat.append(columnOf[Int(j)]) }
            start.append(flat.count)
        }
        return CoverMatrix(rowStart: start, rowColumns: flat, columnCount: columns.count)
    }

    /// The renumbered sub-view with identical rows merged: rows `rows`
    /// over columns `columns` (ascending, renumbered 0..<columns.count),
    /// each row of the result weighing the sum of `weights` (one per entry
    /// of `rows`) of the rows that became identical, at the first one's
    /// place; rows left with no column dropped. Builds the column lists
    /// once, for the result only.
    func mergedSubmatrix(rows: [Int], columns: [Int], weights: [Double]) -> (matrix: CoverMatrix, weights: [Double]) {
        var columnOf = [Int32](repeating: -1, count: columnCount)
        for (c, j) in columns.enumerated() { columnOf[j] = Int32(c) }
        // Unique rows by hash, with a chain through the rows sharing one
        // (compared entry by entry), so no row is copied into a key.
        var first: [Int: Int] = [:]
        var next: [Int] = []
        var start = [0], flat = [Int32](), summed = [Double]()
        var row = [Int32]()
        for (k, i) in rows.enumerated() {
            row.removeAll(keepingCapacity: true)
            for j in self.columns(ofRow: i) where columnOf[Int(j)] >= 0 { row.append(columnOf[Int(j)]) }
            guard !row.isEmpty else { continue }
            var hasher = Hasher()
            for j in row { hasher.combine(j) }
            let hash = hasher.finalize()
            var r = first[hash] ?? -1
            while r >= 0 && !flat[start[r]..<start[r + 1]].elementsEqual(row) { r = next[r] }
            if r >= 0 {
                summed[r] += weights[k]
            } else {
                next.append(first[hash] ?? -1)
                first[hash] = summed.count
                flat += row
                start.append(flat.count)
                summed.append(weights[k])
            }
        }
        return (CoverMatrix(rowStart: start, rowColumns: flat, columnCount: columns.count), summed)
    }
}
