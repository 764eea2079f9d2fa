import GeoCore

/// A cheap certificate that a ring is simple: it is star-shaped around a
/// point, each edge seen from that point under a clockwise angle below 180°
/// and the whole ring winding around it exactly once.
///
/// Claim: let the ring p₀ … pₙ₋₁ (closed back to p₀, n ≥ 3, coordinates
/// finite) satisfy (pᵢ − o) × (pᵢ₊₁ − o) < 0 for every i (indices mod n;
/// checked with a relative margin of 1e-9, far above rounding),
/// and let its winding number around o be 1. Then the ring is simple, so the
/// polygon it bounds is valid in the OGC sense (GEOS's `isValid`).
///
/// Proof: the cross product being negative means o is not on the line of
/// the edge pᵢpᵢ₊₁ and the edge is seen from o under a clockwise angle
/// δᵢ ∈ (0, π); every point of the edge other than its ends lies strictly
/// inside that angular sector. The δᵢ add up to 2π times the winding number,
/// i.e. to exactly 2π, so the n sectors tile the turn around o without
/// overlapping: two edges that are not neighbours lie in disjoint sectors
/// (closed sectors of non-neighbours meet only in o, which no edge holds —
/// for n = 3 every pair is neighbours), and neighbours share only the ray
/// through their common vertex, which each meets only at that vertex. So no
/// two edges meet except neighbours at their shared vertex, and all
/// vertices are distinct (distinct polar angles).
///
/// The winding number is counted as the number of edges that pass the ray
/// north of o clockwise, from the western half-plane (x < 0, or x = 0 below o)
/// to the eastern (x > 0, or x = 0 above o): with every step clockwise and
/// shorter than a half turn, each such passage is one completed turn.
///
/// Isochrone rings are star-shaped around their base by construction
/// (vertices at increasing azimuths along geodesics from the base); in
/// longitude/latitude the geodesics bend slightly, so the certificate is
/// checked, not assumed, and callers fall back to GEOS's validity test when
/// it fails.
enum StarShapedRing {
    /// Whether `ring` (not repeating its first point at the end) passes the
    /// test above around `centre`, ordered clockwise (x east, y north).
    static func isCertifiedSimple(_ ring: [XY], around centre: XY) -> Bool {
        let n = ring.count
        guard n >= 3, centre.x.isFinite, centre.y.isFinite else { return false }
        @inline(__always) func isEast(_ x: Double, _ y: Double) -> Bool { x > 0 || (x == 0 && y > 0) }
        var turns = 0
        var px = ring[n - 1].x - centre.x, py = ring[n - 1].y - centre.y
        for point in ring {
            let x = point.x - centre.x, y = point.y - centre.y
            // Clockwise by a margin far above the cross product's rounding
            // (a few ulps of |p||q|), so that the sign is the true one.
            guard x.isFinite, y.isFinite, px * y - py * x < -1e-9 * (abs(px) + abs(py)) * (abs(x) + abs(y)) else { return false }
            if !isEast(px, py) && isEast(x, y) { turns += 1 }
            px = x
            py = y
        }
        return turns == 1
    }
}
