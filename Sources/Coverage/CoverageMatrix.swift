/// Which demand cells each candidate site serves within a time standard, and
/// how fast: a sparse matrix stored both by site and by cell.
///
/// Entry (site s, cell c) exists when the response time from s to c is at
/// most `standardMinutes`; it holds that response time (dispatch included),
/// which p-median and p-center models need. Within a row, cells are sorted
/// ascending, and within a column, sites are: the matrix is canonical, so two
/// builds of the same inputs compare equal whatever the thread count.
public struct CoverageMatrix: Sendable, Equatable {
    public let siteCount: Int
    public let cellCount: Int
    /// The response-time standard, minutes.
    public let standardMinutes: Double

    /// By site: cells of site s are `cellIndex[siteStart[s]..<siteStart[s + 1]]`.
    public let siteStart: [Int]
    public let cellIndex: [Int32]
    public let siteMinutes: [Float]

    /// By cell: sites serving cell c are `siteIndex[cellStart[c]..<cellStart[c + 1]]`.
    public let cellStart: [Int]
    public let siteIndex: [Int32]
    public let cellMinutes: [Float]

    /// Builds the matrix from each site's sorted (cell, minutes) pairs.
    public init(cellCount: Int, standardMinutes: Double, rows: [[(cell: Int32, minutes: Float)]]) {
        siteCount = rows.count
        self.cellCount = cellCount
        self.standardMinutes = standardMinutes
        var siteStart = [0]
        siteStart.reserveCapacity(rows.count + 1)
        var cellIndex: [Int32] = [], siteMinutes: [Float] = []
        var perCell = [Int](repeating: 0, count: cellCount)
        for row in rows {
            for entry in row {
                cellIndex.append(entry.cell)
                siteMinutes.append(entry.minutes)
                perCell[Int(entry.cell)] += 1
            }
            siteStart.append(cellIndex.count)
        }
        var cellStart = [0]
        cellStart.reserveCapacity(cellCount + 1)
        for count in perCell { cellStart.append(cellStart.last! + count) }
        var fill = Array(cellStart.dropLast())
        var siteIndex = [Int32](repeating: 0, count: cellIndex.count)
        var cellMinutes = [Float](repeating: 0, count: cellIndex.count)
        for site in 0..<rows.count {
            for k in siteStart[site]..<siteStart[site + 1] {
                let cell = Int(cellIndex[k])
                siteIndex[fill[cell]] = Int32(site)
                cellMinutes[fill[cell]] = siteMinutes[k]
                fill[cell] += 1
            }
        }
        self.siteStart = siteStart
        self.cellIndex = cellIndex
        self.siteMinutes = siteMinutes
        self.cellStart = cellStart
        self.siteIndex = siteIndex
        self.cellMinutes = cellMinutes
    }

    /// Number of (site, cell) pairs within the standard.
    public var entryCount: Int { cellIndex.count }

    /// The cells site `site` serves.
    public func cells(servedBy site: Int) -> ArraySlice<Int32> {
        cellIndex[siteStart[site]..<siteStart[site + 1]]
    }

    /// The sites that serve cell `cell`.
    public func sites(serving cell: Int) -> ArraySlice<Int32> {
        siteIndex[cellStart[cell]..<cellStart[cell + 1]]
    }

    /// The fastest response time to `cell` from any of `open` sites, minutes;
    /// `nil` when none of them serves it within the standard.
    public func bestMinutes(to cell: Int, from open: Set<Int>) -> Float? {
        var best: Float?
        for k in cellStart[cell]..<cellStart[cell + 1] where open.contains(Int(siteIndex[k])) {
            best = min(best ?? .infinity, cellMinutes[k])
        }
        return best
    }
}
