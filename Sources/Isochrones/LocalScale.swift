import Foundation
import GeoCore

/// Short distances around one latitude φ₀ (a reach's middle): metres per
/// radian east, N cos φ, and north, M (WGS84's radii of curvature, as
/// `IsochroneBuilder.shortDistance`), expanded in δ = φ − φ₀ instead of
/// computed afresh for each pair of points:
///
///     N cos φ ≈ N₀ cos φ₀ − M₀ sin φ₀ δ − (M₀′ sin φ₀ + M₀ cos φ₀) δ²/2
///               + (M₀ sin φ₀ − 2 M₀′ cos φ₀) δ³/6,
///     M ≈ M₀ + M₀′ δ,    M′ = 3 e² M sin φ cos φ / (1 − e² sin² φ)
///
/// (d(N cos φ)/dφ = −M sin φ; the δ³ term leaves out M″ sin φ, |M″| ≤ 3e² M).
/// For |δ| ≤ 0.1 rad (5.7°) the terms left out are below 1e-4 of the
/// scales (east: 3e² M δ³/6 + M δ⁴/24 against N cos φ up to 80° of
/// latitude; north: 3e² M δ²/2), well within the 0.1% of
/// `shortDistance`; farther from φ₀ the scales are computed afresh.
struct LocalScale {
    let latitude: Double
    private let east0: Double, east1: Double, east2: Double, east3: Double
    private let north0: Double, north1: Double

    init(latitude: Double) {
        let a = 6_378_137.0, e2 = 0.006_694_379_990_141_317
        let phi = latitude * .pi / 180
        let s = sin(phi), c = cos(phi)
        let w = 1 - e2 * s * s
        let n = a / w.squareRoot(), m = a * (1 - e2) / (w * w.squareRoot())
        let dm = 3 * e2 * m * s * c / w
        self.latitude = latitude
        east0 = n * c
        east1 = -m * s
        east2 = -(dm * s + m * c) / 2
        east3 = (m * s - 2 * dm * c) / 6
        north0 = m
        north1 = dm
    }

    /// Around the middle latitude of a reach whose boundary points run from
    /// azimuth 0° (`ring[0]`, due north) to 180° (`ring[count / 2]`, due
    /// south): the latitudes of its edges' deviations lie closest to it.
    init(middleOf ring: [BoundaryPoint]) {
        self.init(latitude: (ring[0].position.lat + ring[ring.count / 2].position.lat) / 2)
    }

    /// The distance between two nearby points, metres (as `shortDistance`).
    @inline(__always)
    func distance(_ p: LonLat, _ q: LonLat) -> Double {
        let delta = ((p.lat + q.lat) / 2 - latitude) * (.pi / 180)
        guard abs(delta) <= 0.1 else { return IsochroneBuilder.shortDistance(p, q) }
        var dLon = q.lon - p.lon
        if dLon > 180 { dLon -= 360 }
        if dLon < -180 { dLon += 360 }
        let east = east0 + delta * (east1 + delta * (east2 + delta * east3)), north = north0 + delta * north1
        let x = east * dLon * (.pi / 180), y = north * (q.lat - p.lat) * (.pi / 180)
        return (x * x + y * y).squareRoot()
    }
}
