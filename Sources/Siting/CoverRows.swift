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
        rowStart = rows.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        rowColumns = Array(rows.joined())
        var counts = [Int](repeating: 0, count: columnCount)
        for j in rowColumns { counts[Int(j)] += 1 }
        var start = [0]
        for c in counts { start.append(start.last! + c) }
        var fill = start
        var byColumn = [Int32](repeating: 0, count: rowColumns.count)
        for (i, row) in rows.enumerated() {
            for j in row {
                byColumn[fill[Int(j)]] = Int32(i)
                fill[Int(j)] += 1
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
