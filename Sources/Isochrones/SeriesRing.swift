import GeoCore

extension BoundarySeries {
    /// The isochrone ring from the series: vertices are its points, each
    /// edge tested at its middle against a probe (`probe`, within
    /// `probeError`; the vertices' own `errorBound` added too), by
    /// `IsochroneBuilder`'s rule — split into k pieces (k² ≥ 1.05 ×
    /// deviation / target, as `predictedRing`) while the deviation exceeds
    /// `target` metres. Starts from the 16 solved points at 0°, 22.5°, …
    /// (`initial`); distances by `scale`. (A concrete loop, no closures:
    /// this is the hot path of wind isochrones. The pieces' vertices and
    /// middles lie on a grid of half pieces, reached by rotating the
    /// azimuth's sine and cosine, ~1e-15 rad per step.)
    func ring(from initial: [BoundaryPoint], target: Double, scale: LocalScale) -> [BoundaryPoint] {
        var ring: [BoundaryPoint] = []
        ring.reserveCapacity(256)
        let error = probeError + errorBound
        for j in initial.indices {
            let a = initial[j], b = initial[j + 1 < initial.count ? j + 1 : 0]
            let bAzimuth = j + 1 < initial.count ? b.azimuth : b.azimuth + 360
            let deviation = scale.distance(IsochroneBuilder.chordMiddle(a, b), probe(azimuth: (a.azimuth + bAzimuth) / 2)) + error
            refine(a, b, bAzimuth: bAzimuth, deviation: deviation, depth: 0, target: target, error: error, scale: scale, into: &ring)
        }
        return ring
    }

    /// Appends `a` and the vertices refining the edge from `a` to `b`, whose
    /// middle deviates by `deviation` metres.
    private func refine(
        _ a: BoundaryPoint, _ b: BoundaryPoint, bAzimuth: Double, deviation: Double, depth: Int,
        target: Double, error: Double, scale: LocalScale, into ring: inout [BoundaryPoint]
    ) {
        guard deviation > target, depth < 24 else {
            ring.append(a)
            return
        }
        let pieces = IsochroneBuilder.pieces(deviation: 1.05 * deviation, target: target)
        let step = (bAzimuth - a.azimuth) / Double(pieces)
        let (halfSin, halfCos) = SmallAngle.sinCos(degrees: step / 2)
        var (s, c) = SmallAngle.sinCos(degrees: a.azimuth + step / 2)  // the first piece's middle
        @inline(__always) func advance() {
            (s, c) = (s * halfCos + c * halfSin, c * halfCos - s * halfSin)
        }
        var from = a
        for k in 1...pieces {
            let middle = probe(sin: s, cos: c)
            advance()
            let to = k == pieces ? b : point(azimuth: a.azimuth + step * Double(k), sin: s, cos: c)
            advance()
            let toAzimuth = k == pieces ? bAzimuth : to.azimuth
            let deviation = scale.distance(IsochroneBuilder.chordMiddle(from, to), middle) + error
            refine(from, to, bAzimuth: toAzimuth, deviation: deviation, depth: depth + 1, target: target, error: error, scale: scale, into: &ring)
            from = to
        }
    }
}
