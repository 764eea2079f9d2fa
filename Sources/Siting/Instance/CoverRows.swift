/// A set-covering matrix stored both ways: the columns of each row and the
/// rows of each column (compressed sparse rows and columns), for the
/// heuristics that walk it in both directions.
struct CoverRows {
    let rowStart: [Int]
    let rowColumns: [Int32]
    let columnStart: [Int]
    let columnRows: [Int32]

    var rowCount: Int { rowStart.count - 1 }
    var columnCount: Int { columnStart.count - 1 }

    /// `rows[i]`: the columns (0..<columnCount) covering row i.
    init(rows: [[Int32]], columnCount: Int) {
        self.init(rows: rows, renumbered: nil, columnCount: columnCount)
    }

    /// `rows[i]`: the items covering row i, each the column `renumbered[item]`
    /// (0..<columnCount; the item itself when nil), without copying the rows first.
    init(rows: [[Int32]], renumbered: [Int32]?, columnCount: Int) {
        rowStart = rows.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        var flat = [Int32]()
        flat.reserveCapacity(rowStart.last!)
        for row in rows { if let renumbered { for j in row { flat.append(renumbered[Int(j)]) } } else { flat += row } }
        rowColumns = flat
        var counts = [Int](repeating: 0, count: columnCount)
        for j in rowColumns { counts[Int(j)] += 1 }
        var start = [0]
        for c in counts { start.append(start.last! + c) }
        var fill = start
        var byColumn = [Int32](repeating: 0, count: rowColumns.count)
        for i in 0..<rows.count {
            for k in rowStart[i]..<rowStart[i + 1] {
                let j = Int(rowColumns[k])
                byColumn[fill[j]] = Int32(i)
                fill[j] += 1
            }
        }
        columnStart = start
        columnRows = byColumn
    }

    /// The columns covering row i.
    @inline(__always) func columns(ofRow i: Int) -> ArraySlice<Int32> { rowColumns[rowStart[i]..<rowStart[i + 1]] }
    /// The rows column j covers.
    @inline(__always) func rows(ofColumn j: Int) -> ArraySlice<Int32> { columnRows[columnStart[j]..<columnStart[j + 1]] }
    /// How many rows column j covers.
    @inline(__always) func rowCount(ofColumn j: Int) -> Int { columnStart[j + 1] - columnStart[j] }
}
