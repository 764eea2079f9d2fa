import Coverage
import Foundation
import GeoCore
import Support

/// What one base brings to an assessment at one standard, from that base
/// alone: its reach polygon (WGS84), its row of the coverage matrix, and
/// its part of the N−1 evaluation (`Resilience.Piece`). A base's reach does
/// not depend on the other bases (each isochrone is built alone), nor its
/// matrix row on the other rows, so an assessment assembled from parts
/// kept from earlier plans has the same figures as one computed afresh.
public struct BaseCoverage: Sendable {
    public let reach: Geometry
    public let row: CoverageMatrix.Row
    public let piece: Resilience.Piece
}

/// Where an assessment takes its bases' parts from: the study computes
/// them (`Study.baseCoverage`); `aircover serve` keeps them per base
/// across requests.
public protocol BaseCoverageSource: Sendable {
    /// One part per site, in order, at `minutes`.
    func baseCoverage(of sites: [Site], minutes: Double) throws -> [BaseCoverage]
}

extension Study: BaseCoverageSource {
    /// The parts of `sites` at `minutes`, each flying its own aircraft:
    /// `reaches(of:minutes:)`, the rows of `matrix(of:minutes:)` and
    /// `Resilience.pieces` of those reaches.
    public func baseCoverage(of sites: [Site], minutes: Double) throws -> [BaseCoverage] {
        let reaches = try reaches(of: sites, minutes: minutes)
        let rows = try matrix(of: sites, minutes: minutes).siteRows()
        let pieces = try Resilience.pieces(grid: grid, reaches: reaches)
        guard rows.count == sites.count, pieces.count == sites.count else {
            throw InputError("the coverage of \(sites.count) site(s) came back with \(rows.count) matrix row(s) and \(pieces.count) reach(es)")
        }
        return sites.indices.map { BaseCoverage(reach: reaches[$0], row: rows[$0], piece: pieces[$0]) }
    }
}

/// A study's `CoverageEvaluation.Frame` (its grid's and regions' own parts
/// of every evaluation), built on first use and shared by the copies of the
/// study that keep its grid and regions (`flown`, `assessing`).
final class EvaluationFrameBox: @unchecked Sendable {
    private let lock = NSLock()
    private var frame: CoverageEvaluation.Frame?

    /// The frame of `grid` and `regions`, built now on the first call (a failure is not kept).
    func frame(grid: DemandGrid, regions: [ReportingRegion]?) throws -> CoverageEvaluation.Frame {
        try lock.withLock {
            if let frame { return frame }
            let built = try CoverageEvaluation.Frame(grid: grid, regions: regions)
            frame = built
            return built
        }
    }
}
