/// Which candidate sites serve each demand cell within a time standard, and
/// how fast: a sparse matrix stored by cell.
///
/// Entry (site s, cell c) exists when the response time from s to c is at
/// most `standardMinutes`; it holds that response time (dispatch included),
/// which p-median and p-center models need. A cell's sites are ascending.
/// Storage is a list of segments, each holding the entries of a run of
/// consecutive cells (so a parallel build writes its parts in place, with no
/// copy); how the cells are cut into segments is not part of the value:
/// two matrices are equal when every cell has the same sites and times.
public struct CoverageMatrix: Sendable, Equatable {
    public let siteCount: Int
    public let cellCount: Int
    /// The response-time standard, minutes.
    public let standardMinutes: Double
    /// Runs of consecutive cells covering `0..<cellCount` in order.
    public let segments: [Segment]
    /// Number of (site, cell) pairs within the standard.
    public let entryCount: Int

    /// The entries of cells `firstCell ..< firstCell + start.count − 1`: the
    /// sites of cell `firstCell + i` are `sites[start[i]..<start[i + 1]]`,
    /// ascending, with their response times in `minutes`.
    public struct Segment: Sendable {
        public let firstCell: Int
        public let start: [Int]
        public let sites: [Int32]
        public let minutes: [Float]

        public init(firstCell: Int, start: [Int], sites: [Int32], minutes: [Float]) {
            precondition(start.first == 0 && start.last == sites.count && sites.count == minutes.count, "a malformed segment")
            self.firstCell = firstCell
            self.start = start
            self.sites = sites
            self.minutes = minutes
        }

        var cellCount: Int { start.count - 1 }
    }

    /// One site's entries: the cells it serves, ascending, and the response
    /// time to each, minutes.
    public struct Row: Sendable, Equatable {
        public var cells: [Int32]
        public var minutes: [Float]

        public init(cells: [Int32] = [], minutes: [Float] = []) {
            precondition(cells.count == minutes.count, "a row needs one time per cell")
            self.cells = cells
            self.minutes = minutes
        }
    }

    /// A matrix from its segments (consecutive, covering every cell).
    public init(siteCount: Int, cellCount: Int, standardMinutes: Double, segments: [Segment]) {
        var next = 0
        for segment in segments {
            precondition(segment.firstCell == next, "segments must cover the cells in order")
            next += segment.cellCount
        }
        precondition(next == cellCount, "segments must cover all \(cellCount) cells")
        self.siteCount = siteCount
        self.cellCount = cellCount
        self.standardMinutes = standardMinutes
        self.segments = segments
        entryCount = segments.reduce(0) { $0 + $1.sites.count }
    }

    /// Builds the matrix from each site's sorted (cell, minutes) pairs.
    public init(cellCount: Int, standardMinutes: Double, rows: [[(cell: Int32, minutes: Float)]]) {
        self.init(
            cellCount: cellCount, standardMinutes: standardMinutes,
            siteRows: rows.map { Row(cells: $0.map(\.cell), minutes: $0.map(\.minutes)) })
    }

    /// Builds the matrix from each site's row (cells ascending).
    public init(cellCount: Int, standardMinutes: Double, siteRows rows: [Row]) {
        var start = [Int](repeating: 0, count: cellCount + 1)
        for row in rows {
            for cell in row.cells { start[Int(cell) + 1] += 1 }
        }
        for c in 0..<cellCount { start[c + 1] += start[c] }
        var fill = Array(start.dropLast())
        var sites = [Int32](repeating: 0, count: start[cellCount]), minutes = [Float](repeating: 0, count: start[cellCount])
        for (s, row) in rows.enumerated() {
            for (cell, time) in zip(row.cells, row.minutes) {
                sites[fill[Int(cell)]] = Int32(s)
                minutes[fill[Int(cell)]] = time
                fill[Int(cell)] += 1
            }
        }
        self.init(
            siteCount: rows.count, cellCount: cellCount, standardMinutes: standardMinutes,
            segments: [Segment(firstCell: 0, start: start, sites: sites, minutes: minutes)])
    }

    /// The segment holding `cell` and the cell's position in it.
    @inline(__always)
    func locate(_ cell: Int) -> (segment: Segment, offset: Int) {
        precondition(cell >= 0 && cell < cellCount, "cell \(cell) outside 0..<\(cellCount)")
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].firstCell <= cell { low = mid } else { high = mid - 1 }
        }
        return (segments[low], cell - segments[low].firstCell)
    }

    /// The sites that serve cell `cell`, ascending.
    public func sites(serving cell: Int) -> ArraySlice<Int32> {
        let (segment, i) = locate(cell)
        return segment.sites[segment.start[i]..<segment.start[i + 1]]
    }

    /// The response times from `sites(serving: cell)` to the cell, minutes.
    public func minutes(serving cell: Int) -> ArraySlice<Float> {
        let (segment, i) = locate(cell)
        return segment.minutes[segment.start[i]..<segment.start[i + 1]]
    }

    /// The fastest response time to `cell` from any of `open` sites, minutes;
    /// `nil` when none of them serves it within the standard.
    public func bestMinutes(to cell: Int, from open: Set<Int>) -> Float? {
        var best: Float?
        for (site, minutes) in zip(sites(serving: cell), minutes(serving: cell)) where open.contains(Int(site)) {
            best = min(best ?? .infinity, minutes)
        }
        return best
    }

    /// The matrix by site: for each site, the cells it serves (ascending)
    /// and the times. Computed on demand, in time proportional to the entries.
    public func siteRows() -> [Row] {
        var rows = [Row](repeating: Row(), count: siteCount)
        for segment in segments {
            for i in 0..<segment.cellCount {
                for k in segment.start[i]..<segment.start[i + 1] {
                    rows[Int(segment.sites[k])].cells.append(Int32(segment.firstCell + i))
                    rows[Int(segment.sites[k])].minutes.append(segment.minutes[k])
                }
            }
        }
        return rows
    }

    public static func == (a: CoverageMatrix, b: CoverageMatrix) -> Bool {
        guard a.siteCount == b.siteCount, a.cellCount == b.cellCount, a.standardMinutes == b.standardMinutes,
            a.entryCount == b.entryCount
        else { return false }
        return (0..<a.cellCount).allSatisfy { a.sites(serving: $0) == b.sites(serving: $0) && a.minutes(serving: $0) == b.minutes(serving: $0) }
    }
}
