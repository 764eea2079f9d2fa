import GeoCore
import Isochrones

/// The pairs of one build: cells and sites prepared for chord searches, and
/// how a pair is decided and timed (see `CoverageMatrixBuilder`).
struct PairKernel: Sendable {
    let builder: CoverageMatrixBuilder
    let sites: [LonLat], cells: [LonLat]
    let reachMetres: Double
    let calm: Bool
    /// Each site's routes around obstacles (empty without obstacles).
    let routes: [BaseRoutes]
    let cellBlocks: PointBlocks
    let siteBlocks: PointBlocks
    /// Calm air: estimates below `sure` are within reach, above `impossible`
    /// beyond it; between, Karney decides.
    let sure: Double, impossible: Double
    /// Calm air: chords² below `sureChordSquared` have estimates below
    /// `sure`; above `impossibleChordSquared`, geodesics beyond `impossible`.
    let sureChordSquared: Double, impossibleChordSquared: Double
    let dispatch: Double, minutesPerMetre: Double

    init(builder: CoverageMatrixBuilder, sites: [LonLat], cells: [LonLat], reachMetres: Double, calm: Bool, routes: [BaseRoutes]) {
        self.builder = builder
        self.sites = sites
        self.cells = cells
        self.reachMetres = reachMetres
        self.calm = calm
        self.routes = routes
        cellBlocks = PointBlocks(cells, blockRadius: 8_000, groupRadius: 80_000)
        siteBlocks = PointBlocks(sites, blockSize: 16, blockRadius: 20_000, groupRadius: 200_000)
        let band = 1 + 10 * ChordGeodesic.errorBound(distance: reachMetres)
        sure = reachMetres - band
        impossible = reachMetres + band
        let sureChord = ChordGeodesic.chord(below: sure)
        sureChordSquared = sureChord * sureChord
        impossibleChordSquared = impossible * impossible
        dispatch = builder.model.dispatchMinutes
        minutesPerMetre = 1 / (builder.model.timer.airspeed * 60)
    }

    /// The matrix segment of the cells of `blocks` (consecutive cell blocks).
    func segment(blocks range: Range<Int>) -> CoverageMatrix.Segment {
        let firstCell = range.isEmpty ? 0 : cellBlocks.blocks[range.lowerBound].start
        let endCell = range.isEmpty ? 0 : cellBlocks.blocks[range.upperBound - 1].end
        let (candidates, offsets) = candidateSites(blocks: range)
        // At most how many entries they make, and the most of one block.
        var bound = 0, most = 0
        for (i, b) in range.enumerated() {
            let found = offsets[i + 1] - offsets[i]
            bound += found * (cellBlocks.blocks[b].end - cellBlocks.blocks[b].start)
            most = max(most, found)
        }
        var start = [Int](repeating: 0, count: endCell - firstCell + 1)
        var minutes: [Float] = []
        var written = 0
        var table = SurfacePointTable()
        var scratch = Scratch(capacity: most)
        // One spare place: each candidate is written, then kept or not.
        let siteIndices = [Int32](unsafeUninitializedCapacity: bound + 1) { siteOut, count in
            minutes = [Float](unsafeUninitializedCapacity: bound + 1) { minutesOut, minutesCount in
                let out = Output(sites: siteOut.baseAddress!, minutes: minutesOut.baseAddress!)
                candidates.withUnsafeBufferPointer { all in
                    for (i, b) in range.enumerated() {
                        let block = cellBlocks.blocks[b]
                        let ids = UnsafeBufferPointer(rebasing: all[offsets[i]..<offsets[i + 1]])
                        table.assign(ids.count) { siteBlocks.points[Int(ids[$0])] }
                        table.withColumns { columns in
                            for c in block.start..<block.end {
                                written =
                                    calm
                                    ? calmPairs(cell: c, candidates: ids, columns: columns, scratch: &scratch, out: out, at: written)
                                    : exactPairs(cell: c, candidates: ids, columns: columns, out: out, at: written)
                                start[c - firstCell + 1] = written
                            }
                        }
                    }
                }
                minutesCount = written
            }
            count = written
        }
        return CoverageMatrix.Segment(firstCell: firstCell, start: start, sites: siteIndices, minutes: minutes)
    }

    /// The candidate sites of each cell block of `range`, ascending: every
    /// site whose chord to some point of the block's sphere is within reach.
    /// Those of block `range.lowerBound + i` are `candidates[offsets[i]..<offsets[i + 1]]`.
    ///
    /// Neighbouring blocks share most of their candidates, so the site index
    /// is searched once per run of up to eight blocks (within 45 km), and
    /// each block keeps the run's candidates that are within its own reach.
    func candidateSites(blocks range: Range<Int>) -> (candidates: [Int32], offsets: [Int]) {
        var candidates: [Int32] = [], offsets = [0]
        var shared: [Int32] = []
        let runs = PointBlocks.runs(count: range.count, maximumCount: 8, maximumRadius: 45_000) { i in
            let block = cellBlocks.blocks[range.lowerBound + i]
            return (block.x, block.y, block.z, block.radius)
        }
        for run in runs {
            shared.removeAll(keepingCapacity: true)
            siteBlocks.points(within: reachMetres, of: run.centre, slack: run.radius, into: &shared)
            for b in (range.lowerBound + run.start)..<(range.lowerBound + run.end) {
                let block = cellBlocks.blocks[b]
                let limit = reachMetres + block.radius
                for s in shared {
                    let p = siteBlocks.points[Int(s)]
                    let dx = p.x - block.x, dy = p.y - block.y, dz = p.z - block.z
                    if dx * dx + dy * dy + dz * dz <= limit * limit { candidates.append(s) }
                }
                offsets.append(candidates.count)
            }
        }
        return (candidates, offsets)
    }

    /// Where a segment's entries go.
    struct Output {
        let sites: UnsafeMutablePointer<Int32>
        let minutes: UnsafeMutablePointer<Float>
    }

    /// Per-candidate figures of one cell, reused from cell to cell.
    struct Scratch {
        var chordSquared: [Double]
        var minutes: [Float]

        /// Room for `capacity` candidates (and the three lanes past the last).
        init(capacity: Int) {
            chordSquared = [Double](repeating: 0, count: capacity + 3)
            minutes = [Float](repeating: 0, count: capacity + 3)
        }
    }

    /// In calm air: writes, from position `at`, every candidate site
    /// (ascending) that serves `cell` within the standard and its response
    /// time; returns the position after the last written (and may write one
    /// place past it). `columns` hold the candidates' points.
    ///
    /// Two passes: every candidate's chord and time, four at a time with no
    /// branch; then, in order, each candidate written and kept when its chord
    /// settles it within reach. Chords in the band between are rare and
    /// settled one by one (`boundaryPair`).
    @inline(__always)
    func calmPairs(
        cell c: Int, candidates: UnsafeBufferPointer<Int32>, columns: SurfacePointTable.Columns,
        scratch: inout Scratch, out: Output, at position: Int
    ) -> Int {
        let point = cellBlocks.points[c]
        let dispatch = dispatch, minutesPerMetre = minutesPerMetre
        let sureChordSquared = sureChordSquared, impossibleChordSquared = impossibleChordSquared
        var written = position
        scratch.chordSquared.withUnsafeMutableBufferPointer { chords in
            scratch.minutes.withUnsafeMutableBufferPointer { times in
                let chordSquared = UnsafeMutableRawPointer(chords.baseAddress!), minutes = UnsafeMutableRawPointer(times.baseAddress!)
                for k in stride(from: 0, to: columns.count, by: 4) {
                    let (c2, estimate) = ChordGeodesic.distances(from: point, to: columns.load4(k))
                    chordSquared.storeBytes(of: c2, toByteOffset: k * 8, as: SIMD4<Double>.self)
                    minutes.storeBytes(of: SIMD4<Float>(dispatch + estimate * minutesPerMetre), toByteOffset: k * 4, as: SIMD4<Float>.self)
                }
                for k in 0..<columns.count {
                    let c2 = chords[k]
                    out.sites[written] = candidates[k]
                    out.minutes[written] = times[k]
                    written &+= c2 < sureChordSquared ? 1 : 0
                    if c2 >= sureChordSquared, c2 <= impossibleChordSquared {
                        written = boundaryPair(cell: c, site: candidates[k], out: out, at: written)
                    }
                }
            }
        }
        return written
    }

    /// A pair whose chord is in the band around the reach limit: kept when
    /// its estimate is below `sure` (timed by it, as in `calmPairs`) or, up
    /// to `impossible`, when Karney's geodesic is within reach.
    func boundaryPair(cell c: Int, site s: Int32, out: Output, at position: Int) -> Int {
        let estimate = ChordGeodesic.distance(from: cellBlocks.points[c], to: siteBlocks.points[Int(s)])
        let minutes: Float?
        if estimate < sure {
            minutes = Float(dispatch + estimate * minutesPerMetre)
        } else if estimate <= impossible {
            minutes = exactMinutes(site: Int(s), cell: c)
        } else {
            minutes = nil
        }
        guard let minutes else { return position }
        out.sites[position] = s
        out.minutes[position] = minutes
        return position + 1
    }

    /// Like `calmPairs` but every candidate within the chord limit gets the
    /// reach model's time by Karney's geodesic (wind, obstacles).
    func exactPairs(
        cell c: Int, candidates: UnsafeBufferPointer<Int32>, columns: SurfacePointTable.Columns,
        out: Output, at position: Int
    ) -> Int {
        let point = cellBlocks.points[c]
        var written = position
        for k in stride(from: 0, to: columns.count, by: 4) {
            let chordSquared = ChordGeodesic.distances(from: point, to: columns.load4(k)).chordSquared
            for lane in 0..<min(4, columns.count - k) where chordSquared[lane] <= reachMetres * reachMetres {
                let s = candidates[k + lane]
                if let minutes = exactMinutes(site: Int(s), cell: c) {
                    out.sites[written] = s
                    out.minutes[written] = minutes
                    written += 1
                }
            }
        }
        return written
    }

    /// The response time from `site` to `cell` by Karney's geodesic and the
    /// reach model, minutes; nil beyond the standard.
    func exactMinutes(site s: Int, cell c: Int) -> Float? {
        let model = builder.model
        let distance = Geodesic.wgs84.inverse(from: sites[s], to: cells[c]).distance
        guard distance <= reachMetres else { return nil }
        let reach =
            routes.isEmpty
            ? (model.wind.isCalm ? model.reach(alongGeodesicOf: distance) : model.reach(from: sites[s], to: cells[c]))
            : model.reach(via: routes[s], to: cells[c])
        guard let minutes = reach.responseMinutes, minutes <= builder.standardMinutes else { return nil }
        return Float(minutes)
    }
}
