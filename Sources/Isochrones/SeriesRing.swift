import GeoCore

extension BoundarySeries {
    /// The isochrone ring from the series: vertices are its points, each
    /// edge tested at its middle against a probe (`probe`, within
    /// `probeError`; the vertices' own `errorBound` added too), by
    /// `IsochroneBuilder`'s rule — split into k pieces (k² ≥ 1.05 ×
    /// deviation / target, as `predictedRing`) while the deviation exceeds
    /// `target` metres. Starts from the 16 solved points at 0°, 22.5°, …
    /// (`initial`); distances by `scale`. (A concrete loop, no closures:
    /// this is the hot path of wind isochrones.)
    func ring(from initial: [BoundaryPoint], target: Double, scale: LocalScale) -> [BoundaryPoint] {
        var ring: [BoundaryPoint] = []
        ring.reserveCapacity(256)
        let error = probeError + errorBound
        for j in initial.indices {
            let a = initial[j], b = initial[j + 1 < initial.count ? j + 1 : 0]
            split(a, b, bAzimuth: j + 1 < initial.count ? b.azimuth : b.azimuth + 360, depth: 0,
                  target: target, error: error, scale: scale, into: &ring)
        }
        return ring
    }

    private func split(_ a: BoundaryPoint, _ b: BoundaryPoint, bAzimuth: Double, depth: Int,
                       target: Double, error: Double, scale: LocalScale, into ring: inout [BoundaryPoint]) {
        let deviation = scale.distance(IsochroneBuilder.chordMiddle(a, b), probe(azimuth: (a.azimuth + bAzimuth) / 2)) + error
        guard deviation > target, depth < 24 else {
            ring.append(a)
            return
        }
        let pieces = IsochroneBuilder.pieces(deviation: 1.05 * deviation, target: target)
        var from = a
        for k in 1...pieces {
            if k == pieces {
                split(from, b, bAzimuth: bAzimuth, depth: depth + 1, target: target, error: error, scale: scale, into: &ring)
            } else {
                let to = point(azimuth: a.azimuth + (bAzimuth - a.azimuth) * Double(k) / Double(pieces))
                split(from, to, bAzimuth: to.azimuth, depth: depth + 1, target: target, error: error, scale: scale, into: &ring)
                from = to
            }
        }
    }
}
