import Foundation
import GeoCore
import Isochrones

/// Builds a `CoverageMatrix`: the response time from every candidate site to
/// every demand cell centre within the standard.
///
/// Fast and exact. No path is shorter than the straight chord through the
/// Earth, so a cell considers only the sites whose chord is within the
/// distance the aircraft can fly in the standard with the strongest possible
/// tailwind (`PointBlocks` finds them for a run of neighbouring cells at once).
///
/// - In calm air with nothing in the way, the geodesic distance of each such
///   pair is estimated from its chord (`ChordGeodesic`, four pairs at a time,
///   within `ChordGeodesic.errorBound`: 2 mm up to 290 km). A pair whose
///   estimate is farther from the reach limit than a safety band (1 m plus
///   ten times that bound) is decided by it, and its response time is
///   computed from it; a pair inside the band gets Karney's exact geodesic.
///   So which pairs are in the matrix is exactly what the all-pairs geodesic
///   computation gives, and stored times (`Float` minutes) differ from it by
///   at most the bound's worth of flight (2 mm: 0.03 ms at 250 km/h).
///   Most pairs are settled by their chord alone (`ChordGeodesic.chord(below:)`),
///   with the same outcome as by the estimate; the others are settled one by one.
/// - Otherwise each pair gets Karney's distance and, within reach, the
///   `ReachModel`'s time (integrating the wind, routing around obstacles).
///
/// Runs of cells are processed in parallel, each written in place as a
/// segment of the matrix; every cell's sites are ascending, so the matrix is
/// identical whatever the thread count.
public struct CoverageMatrixBuilder: Sendable {
    public let model: ReachModel
    public let standardMinutes: Double

    /// Beyond this reach the chord estimate is not used (its error grows as
    /// the fifth power of the distance).
    static let chordEstimateLimit = 1_500_000.0
    /// Segments (units of parallel work) per build, at most.
    static let segmentCount = 64

    public init(model: ReachModel, standardMinutes: Double) throws {
        _ = try model.flightBudgetSeconds(forStandard: standardMinutes)
        self.model = model
        self.standardMinutes = standardMinutes
    }

    /// The matrix for `sites` and `cells` (by their centres).
    public func build(sites: [LonLat], cells: [LonLat]) throws -> CoverageMatrix {
        let flightBudget = try model.flightBudgetSeconds(forStandard: standardMinutes)
        // No path is longer than the fastest ground speed times the flight
        // time out, which is bounded by the standard and by the round trip.
        let reachMetres = (model.timer.airspeed + model.maximumWindSpeed) * min(flightBudget, model.roundTripBudgetSeconds)
        let calm = model.wind.isCalm && model.airspace.isEmpty && reachMetres <= Self.chordEstimateLimit
        // In calm air the limit is exact: the standard or half the round trip.
        let pairs = PairKernel(
            builder: self, sites: sites, cells: cells,
            reachMetres: calm ? model.timer.airspeed * min(flightBudget, model.roundTripBudgetSeconds / 2) : reachMetres,
            calm: calm,
            routes: model.airspace.isEmpty ? [] : ParallelMap.map(sites.count) { model.routes(from: sites[$0], maximumFlightSeconds: flightBudget) })
        let blocks = pairs.cellBlocks.blocks.count
        let parts = max(1, min(blocks, Self.segmentCount))
        let segments = ParallelMap.map(parts) { part in
            pairs.segment(blocks: (blocks * part / parts)..<(blocks * (part + 1) / parts))
        }
        return CoverageMatrix(siteCount: sites.count, cellCount: cells.count, standardMinutes: standardMinutes, segments: segments)
    }
}

/// The pairs of one build: cells and sites prepared for chord searches, and
/// how a pair is decided and timed.
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
        // The candidate sites of each block, and at most how many entries they make.
        var candidates: [[Int32]] = []
        var bound = 0
        for b in range {
            let block = cellBlocks.blocks[b]
            var found: [Int32] = []
            siteBlocks.points(within: reachMetres, of: block.centre, slack: block.radius, into: &found)
            bound += found.count * (block.end - block.start)
            candidates.append(found)
        }
        var start = [Int](repeating: 0, count: endCell - firstCell + 1)
        var minutes: [Float] = []
        var written = 0
        // Four spare places: a group of four candidates is written whole,
        // then only the accepted ones are kept.
        let siteIndices = [Int32](unsafeUninitializedCapacity: bound + 4) { siteOut, count in
            minutes = [Float](unsafeUninitializedCapacity: bound + 4) { minutesOut, minutesCount in
                var table = SurfacePointTable()
                for (b, found) in zip(range, candidates) {
                    let block = cellBlocks.blocks[b]
                    table.assign(found.count) { siteBlocks.points[Int(found[$0])] }
                    // Padded like the table, so that four ids can be read from any candidate.
                    let padded = found + [Int32](repeating: found.last ?? 0, count: 3)
                    padded.withUnsafeBufferPointer { ids in
                        table.withColumns { columns in
                            for c in block.start..<block.end {
                                written = calm
                                    ? calmPairs(cell: c, candidates: ids, columns: columns, sitesOut: siteOut, minutesOut: minutesOut, at: written)
                                    : exactPairs(cell: c, candidates: ids, columns: columns, sitesOut: siteOut, minutesOut: minutesOut, at: written)
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

    /// In calm air: writes, from position `at`, every candidate site
    /// (ascending) that serves `cell` within the standard and its response
    /// time; returns the position after the last written. `columns` hold the
    /// candidates' points, `candidates` their ids (`columns.count` of them,
    /// readable three beyond). Writes up to three places past the result.
    @inline(__always)
    func calmPairs(cell c: Int, candidates: UnsafeBufferPointer<Int32>, columns: SurfacePointTable.Columns,
                   sitesOut: UnsafeMutableBufferPointer<Int32>, minutesOut: UnsafeMutableBufferPointer<Float>, at position: Int) -> Int {
        let point = cellBlocks.points[c]
        let sureChordSquared = sureChordSquared, impossibleChordSquared = impossibleChordSquared
        let dispatch = dispatch, minutesPerMetre = minutesPerMetre
        let sites = candidates.baseAddress!, siteOut = sitesOut.baseAddress!, minuteOut = minutesOut.baseAddress!
        let lanes = SIMD4<Double>(0, 1, 2, 3)
        var written = position
        for k in stride(from: 0, to: columns.count, by: 4) {
            let (chordSquared, estimate) = ChordGeodesic.distances(from: point, to: columns.load4(k))
            // Decided by the chord, so that where to write does not wait for
            // the estimate: a chord below `sureChordSquared` has its estimate
            // below `sure`, one above `impossibleChordSquared` is out of reach.
            let real = lanes .< Double(columns.count - k)
            if any(real .& (chordSquared .>= sureChordSquared) .& (chordSquared .<= impossibleChordSquared)) {
                // Near the reach limit (rare): the estimate decides, or Karney.
                written = boundaryPairs(cell: c, candidates: candidates, from: k, estimate: estimate,
                                        sitesOut: sitesOut, minutesOut: minutesOut, at: written)
                continue
            }
            // Written whole, kept as far as accepted: no branch per pair.
            let accepted = real .& (chordSquared .< sureChordSquared)
            let minutes = SIMD4<Float>(dispatch + estimate * minutesPerMetre)
            for lane in 0..<4 {
                siteOut[written] = sites[k + lane]
                minuteOut[written] = minutes[lane]
                written &+= accepted[lane] ? 1 : 0
            }
        }
        return written
    }

    /// `calmPairs` for the group of four candidates from `k`, one by one:
    /// a pair whose `estimate` is within the band of the reach limit gets
    /// Karney's time.
    func boundaryPairs(cell c: Int, candidates: UnsafeBufferPointer<Int32>, from k: Int, estimate: SIMD4<Double>,
                       sitesOut: UnsafeMutableBufferPointer<Int32>, minutesOut: UnsafeMutableBufferPointer<Float>, at position: Int) -> Int {
        var written = position
        for lane in 0..<4 where k + lane < candidates.count - 3 {
            let s = candidates[k + lane]
            if estimate[lane] < sure {
                sitesOut[written] = s
                minutesOut[written] = Float(dispatch + estimate[lane] * minutesPerMetre)
                written += 1
            } else if estimate[lane] <= impossible, let minutes = exactMinutes(site: Int(s), cell: c) {
                sitesOut[written] = s
                minutesOut[written] = minutes
                written += 1
            }
        }
        return written
    }

    /// Like `calmPairs` but every candidate within the chord limit gets the
    /// reach model's time by Karney's geodesic (wind, obstacles).
    func exactPairs(cell c: Int, candidates: UnsafeBufferPointer<Int32>, columns: SurfacePointTable.Columns,
                    sitesOut: UnsafeMutableBufferPointer<Int32>, minutesOut: UnsafeMutableBufferPointer<Float>, at position: Int) -> Int {
        let point = cellBlocks.points[c]
        var written = position
        for k in stride(from: 0, to: columns.count, by: 4) {
            let chordSquared = ChordGeodesic.distances(from: point, to: columns.load4(k)).chordSquared
            for lane in 0..<min(4, columns.count - k) where chordSquared[lane] <= reachMetres * reachMetres {
                let s = candidates[k + lane]
                if let minutes = exactMinutes(site: Int(s), cell: c) {
                    sitesOut[written] = s
                    minutesOut[written] = minutes
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
        let reach = routes.isEmpty
            ? (model.wind.isCalm ? model.reach(alongGeodesicOf: distance) : model.reach(from: sites[s], to: cells[c]))
            : model.reach(via: routes[s], to: cells[c])
        guard let minutes = reach.responseMinutes, minutes <= builder.standardMinutes else { return nil }
        return Float(minutes)
    }
}
