import GeoCore

/// The reach in calm air with nothing in the way: the geodesic disc of
/// `radius` metres around `centre`, described by the distance of a point
/// from its edge.
///
/// By Gauss's lemma the geodesic circles around a point are parallel curves:
/// a point at geodesic distance d from the centre lies |radius − d| from the
/// circle, so the distance to the edge needs no search along it. d is
/// estimated from the 3-D chord (`ChordGeodesic`) and the estimate's error
/// bound is added, so the result never understates the distance (radii up
/// to 1,500 km, where that bound is proven; `init` returns nil beyond).
struct CalmDisc {
    let centre: SurfacePoint
    let radius: Double
    /// `ChordGeodesic.errorBound` at the radius plus 10%: points tested lie
    /// near the edge.
    let margin: Double

    init?(centre: LonLat, radius: Double) {
        guard radius <= 1_500_000 else { return nil }
        self.centre = SurfacePoint(centre)
        self.radius = radius
        margin = ChordGeodesic.errorBound(distance: 1.1 * radius)
    }

    /// An upper bound on the distance from `point` (within 10% of the
    /// radius from the edge) to the disc's edge, metres.
    func distanceToEdge(_ point: LonLat) -> Double {
        abs(radius - ChordGeodesic.distance(from: centre, to: SurfacePoint(point))) + margin
    }
}
