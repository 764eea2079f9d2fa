import Foundation

/// Row-weighting local search for unicost set covering: Gao, Weise & Li
/// (2015), "An efficient local search heuristic with row weighting for the
/// unicost set covering problem", European Journal of Operational Research
/// 246(3), 750–761 (RWLS).
///
/// Whenever the current columns cover every row, they are recorded and the
/// column whose removal uncovers the least row weight is dropped, so the
/// search always looks for a cover one column smaller than the best found.
/// Each step then swaps: one column out (least weight lost; not the column
/// just added), one column of a randomly drawn uncovered row in (most
/// weight gained, among columns whose neighbourhood changed since they left
/// — "configuration checking"), and every row still uncovered gains weight,
/// so rows that stay hard to cover pull the search towards them.
///
/// Contract: returns a cover of every row, no larger than the start (a
/// cover), ascending. Deterministic: the random rows come from a fixed-seed
/// generator and ties break by the older move, then the lower column.
struct RowWeightingLocalSearch {
    let matrix: CoverMatrix

    /// Searches for at most `steps` swaps from the cover `start`, stopping
    /// early when a cover of `lowerBound` columns (a proven minimum) is
    /// found, or at `deadline` or a cancel (`SolveCancellation`; checked every 1,024 steps).
    func improve(_ start: [Int], steps: Int, lowerBound: Int, deadline: ContinuousClock.Instant? = nil) -> [Int] {
        matrix.rowStart.withUnsafeBufferPointer { rowStart in
            matrix.rowColumns.withUnsafeBufferPointer { rowColumns in
                matrix.columnStart.withUnsafeBufferPointer { columnStart in
                    matrix.columnRows.withUnsafeBufferPointer { columnRows in
                        let state = SearchState(
                            rowStart: rowStart, rowColumns: rowColumns,
                            columnStart: columnStart, columnRows: columnRows)
                        defer { state.deallocate() }
                        return search(state, start: start, steps: steps, lowerBound: lowerBound, deadline: deadline)
                    }
                }
            }
        }
    }

    private func search(_ state: SearchState, start: [Int], steps: Int, lowerBound: Int, deadline: ContinuousClock.Instant?) -> [Int] {
        var state = state
        for j in start { state.add(j, at: -1) }
        var best = state.members
        var random = XorShift64Star(seed: 0x5EED_2015)
        var lastAdded = -1
        for step in 0..<steps {
            if step & 1023 == 1023, SolveCancellation.stops(at: deadline) { break }
            while state.uncovered.isEmpty {
                if state.members.count < best.count { best = state.members }
                guard best.count > lowerBound, let j = state.bestMember(excluding: -1) else { return best.sorted() }
                state.remove(j, at: step)
            }
            if let j = state.bestMember(excluding: lastAdded) { state.remove(j, at: step) }
            let row = state.uncovered[Int(random.next() % UInt64(state.uncovered.count))]
            let k = state.bestEntrant(forRow: row)
            state.add(k, at: step)
            lastAdded = k
            state.raiseUncoveredWeights()
        }
        if state.uncovered.isEmpty && state.members.count < best.count { best = state.members }
        return best.sorted()
    }
}

/// The moving parts of one search: chosen columns, how often each row is
/// covered, row weights, and each column's score — the weight of the rows it
/// would newly cover (not chosen) or leave uncovered (chosen, as a negative).
/// Borrows the matrix's buffers and owns its own (freed by `deallocate`).
private struct SearchState {
    let rowStart: UnsafeBufferPointer<Int>, rowColumns: UnsafeBufferPointer<Int32>
    let columnStart: UnsafeBufferPointer<Int>, columnRows: UnsafeBufferPointer<Int32>
    private(set) var members: [Int] = []
    private(set) var uncovered: [Int] = []
    private let memberPlace: UnsafeMutableBufferPointer<Int>
    private let uncoveredPlace: UnsafeMutableBufferPointer<Int>
    private let coverCount: UnsafeMutableBufferPointer<Int32>
    private let weight: UnsafeMutableBufferPointer<Int>
    private let score: UnsafeMutableBufferPointer<Int>
    private let movedAt: UnsafeMutableBufferPointer<Int>
    /// Configuration checking: false while nothing near a removed column changed.
    private let mayEnter: UnsafeMutableBufferPointer<Bool>
    /// The columns sharing a row with column j (j included):
    /// `neighbours[neighbourStart[j]..<neighbourStart[j + 1]]`.
    private let neighbourStart: [Int]
    private let neighbours: [Int32]

    init(
        rowStart: UnsafeBufferPointer<Int>, rowColumns: UnsafeBufferPointer<Int32>,
        columnStart: UnsafeBufferPointer<Int>, columnRows: UnsafeBufferPointer<Int32>
    ) {
        (self.rowStart, self.rowColumns, self.columnStart, self.columnRows) = (rowStart, rowColumns, columnStart, columnRows)
        let m = rowStart.count - 1, n = columnStart.count - 1
        func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
            b.initialize(repeating: value)
            return b
        }
        memberPlace = buffer(n, -1)
        uncoveredPlace = buffer(m, -1)
        coverCount = buffer(m, 0)
        weight = buffer(m, 1)
        score = buffer(n, 0)
        movedAt = buffer(n, -1)
        mayEnter = buffer(n, true)
        for i in 0..<m { uncoveredPlace[i] = uncovered.count; uncovered.append(i) }
        for j in 0..<n { score[j] = columnStart[j + 1] - columnStart[j] }
        var start = [0], list: [Int32] = [], seen = [Int](repeating: -1, count: n)
        for j in 0..<n {
            for r in columnStart[j]..<columnStart[j + 1] {
                let i = Int(columnRows[r])
                for k in rowStart[i]..<rowStart[i + 1] where seen[Int(rowColumns[k])] != j {
                    seen[Int(rowColumns[k])] = j
                    list.append(rowColumns[k])
                }
            }
            start.append(list.count)
        }
        (neighbourStart, neighbours) = (start, list)
    }

    func deallocate() {
        memberPlace.deallocate(); uncoveredPlace.deallocate(); coverCount.deallocate()
        weight.deallocate(); score.deallocate(); movedAt.deallocate(); mayEnter.deallocate()
    }

    /// Whether move a beats move b: more score, then older, then lower index.
    @inline(__always) private func better(_ a: Int, _ b: Int) -> Bool {
        score[a] != score[b] ? score[a] > score[b] : movedAt[a] != movedAt[b] ? movedAt[a] < movedAt[b] : a < b
    }

    /// The chosen column losing the least weight if removed.
    func bestMember(excluding excluded: Int) -> Int? {
        var best = -1
        for j in members where j != excluded && (best < 0 || better(j, best)) { best = j }
        return best < 0 ? nil : best
    }

    /// The column of `row` gaining the most weight, preferring those allowed back in.
    func bestEntrant(forRow row: Int) -> Int {
        var best = -1
        for k in rowStart[row]..<rowStart[row + 1] {
            let j = Int(rowColumns[k])
            if best < 0 || (mayEnter[j] && !mayEnter[best]) || (mayEnter[j] == mayEnter[best] && better(j, best)) { best = j }
        }
        return best
    }

    mutating func add(_ j: Int, at step: Int) {
        memberPlace[j] = members.count
        members.append(j)
        for r in columnStart[j]..<columnStart[j + 1] {
            let i = Int(columnRows[r])
            coverCount[i] += 1
            if coverCount[i] == 1 {
                dropUncovered(i)
                // No longer a gain for anyone; j alone would now lose it.
                for k in rowStart[i]..<rowStart[i + 1] { score[Int(rowColumns[k])] -= weight[i] }
                score[j] -= weight[i]
            } else if coverCount[i] == 2 {
                // The column that covered it alone no longer loses it.
                for k in rowStart[i]..<rowStart[i + 1] {
                    let other = Int(rowColumns[k])
                    if other != j && memberPlace[other] >= 0 { score[other] += weight[i] }
                }
            }
        }
        movedAt[j] = step
        markNeighbours(of: j)
    }

    mutating func remove(_ j: Int, at step: Int) {
        let place = memberPlace[j], last = members.removeLast()
        if last != j { members[place] = last; memberPlace[last] = place }
        memberPlace[j] = -1
        for r in columnStart[j]..<columnStart[j + 1] {
            let i = Int(columnRows[r])
            coverCount[i] -= 1
            if coverCount[i] == 0 {
                uncoveredPlace[i] = uncovered.count
                uncovered.append(i)
                for k in rowStart[i]..<rowStart[i + 1] { score[Int(rowColumns[k])] += weight[i] }
                score[j] += weight[i]
            } else if coverCount[i] == 1 {
                for k in rowStart[i]..<rowStart[i + 1] where memberPlace[Int(rowColumns[k])] >= 0 { score[Int(rowColumns[k])] -= weight[i] }
            }
        }
        movedAt[j] = step
        markNeighbours(of: j)
        mayEnter[j] = false
    }

    /// Every uncovered row weighs one more, for every column that could cover it.
    func raiseUncoveredWeights() {
        for i in uncovered {
            weight[i] += 1
            for k in rowStart[i]..<rowStart[i + 1] { score[Int(rowColumns[k])] += 1 }
        }
    }

    private mutating func dropUncovered(_ i: Int) {
        let place = uncoveredPlace[i], last = uncovered.removeLast()
        if last != i { uncovered[place] = last; uncoveredPlace[last] = place }
        uncoveredPlace[i] = -1
    }

    private func markNeighbours(of j: Int) {
        neighbours.withUnsafeBufferPointer { list in
            for k in neighbourStart[j]..<neighbourStart[j + 1] { mayEnter[Int(list[k])] = true }
        }
    }
}

/// Marsaglia's xorshift64* generator: fast, fixed-seed, good enough to draw rows.
private struct XorShift64Star {
    private var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 1 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}
