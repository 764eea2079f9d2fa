import Foundation
import Planner

/// The session's per-base parts of assessments (`BaseCoverage`: reach
/// polygon, coverage-matrix row, N−1 piece), kept for later requests: a
/// planner adds, moves or removes one base per click, so every other base's
/// part is the one the click before computed.
///
/// An entry is one site's part at one standard, flown by one flight
/// (aircraft type, day or night; the wind, no-fly zones and terrain are the
/// scenario's, the same for the whole session), for the site's position and
/// stationed type (`[bases] aircraft_field`). It is what `Study.baseCoverage`
/// gives for that site, which it computes from that site alone, so an
/// assessment assembled from kept entries has the same figures as one
/// computed afresh (`CachedCoverageTests`).
///
/// Bounded: at most `capacity` entries (default 128: 20 bases at 3
/// standards by day and night fit), the least recently used dropped first.
/// An entry's size grows with its reach: on Liaoning at 5 km, 60 entries at
/// 120 minutes (the reach densified and projected, the zones' part inside
/// it, a row of the 5,109 cells) grew the process by 63 MB, at 30 minutes
/// by no measurable amount; so the cache holds at most about 140 MB there.
///
/// Threads: the kept geometries are only read once made (GEOS geometries
/// may be read from several threads, each through its own context; GeoCore
/// computes their envelopes when it makes them, so reading writes nothing);
/// no prepared geometry is kept: `Resilience.evaluate` prepares its own on
/// each thread. Two requests missing the same site at once both compute it
/// (the same value); the later store replaces the earlier.
final class ReachCache: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        let flight: Flight
        let minutes: Double
        let lon: Double
        let lat: Double
        let aircraft: String?
    }

    static let defaultCapacity = 128

    private let lock = NSLock()
    private var entries: BoundedCache<Key, BaseCoverage>
    private var computed = 0

    init(capacity: Int = ReachCache.defaultCapacity) {
        entries = BoundedCache(capacity: capacity)
    }

    /// How many entries it holds now.
    var count: Int { lock.withLock { entries.count } }

    /// How many site parts it has computed (the others came from the cache).
    var computedCount: Int { lock.withLock { computed } }

    /// The parts of `sites` at `minutes` on `study`, the study flown by
    /// `flight`: kept ones from the cache, the others computed now (all at
    /// once, on all cores) and kept.
    func coverage(of sites: [Site], minutes: Double, flight: Flight, study: Study) throws -> [BaseCoverage] {
        let keys = sites.map { Key(flight: flight, minutes: minutes, lon: $0.position.lon, lat: $0.position.lat, aircraft: $0.aircraft) }
        var found = lock.withLock { keys.map { entries.value($0) } }
        let missing = found.indices.filter { found[$0] == nil }
        if !missing.isEmpty {
            let made = try study.baseCoverage(of: missing.map { sites[$0] }, minutes: minutes)
            lock.withLock {
                computed += missing.count
                for (index, part) in zip(missing, made) {
                    entries.store(part, for: keys[index])
                    found[index] = part
                }
            }
        }
        let parts = found.compactMap { $0 }
        guard parts.count == sites.count else { throw APIError(.internalServerError, "the parts of \(sites.count - parts.count) base(s) are missing") }
        return parts
    }
}

/// A flight's study seen through the session's `ReachCache`: what
/// `Assessment.run` takes as its bases' parts in the server.
struct CachedCoverage: BaseCoverageSource {
    let study: Study
    let flight: Flight
    let cache: ReachCache

    func baseCoverage(of sites: [Site], minutes: Double) throws -> [BaseCoverage] {
        try cache.coverage(of: sites, minutes: minutes, flight: flight, study: study)
    }
}
