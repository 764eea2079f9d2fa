import Foundation
import GeoCore

/// The WGS84 geodesics leaving one point, evaluated on Bessel's auxiliary
/// sphere by Gauss–Legendre quadrature of Karney's integrals.
///
/// A geodesic leaving latitude φ₁ at azimuth α₁ is a great circle on the
/// auxiliary sphere, parametrised by its arc σ from the equator crossing
/// (C. F. F. Karney, "Algorithms for geodesics", J. Geodesy 87, 2013,
/// eqs. 5–8): with β the reduced latitude (tan β = (1 − f) tan φ),
/// sin α₀ = sin α₁ cos β₁ and k² = e′² cos² α₀,
///
///     sin β = cos α₀ sin σ,   tan α = tan α₀ / cos σ,
///     s / b = ∫ √(1 + k² sin² σ) dσ,
///     λ = ω − f sin α₀ ∫ (2 − f) / (1 + (1 − f) √(1 + k² sin² σ)) dσ,
///     tan ω = sin α₀ tan σ.
///
/// Everything along the geodesic — latitude, azimuth, distance, longitude —
/// is then a closed form of σ or the integral of a smooth function of σ.
/// That makes the fan cheap to use where many points along many geodesics
/// from one origin are needed (isochrones), and lets other quantities that
/// depend only on the track azimuth, such as the flight time in a uniform
/// wind (`UniformWindRay`), be integrated at the same nodes.
///
/// The integrands are analytic with their nearest complex singularities at
/// |Im σ| ≈ asinh(1/k) ≥ 3.2, so 8-point Gauss–Legendre panels of at most
/// 0.5 rad (3,200 km) are exact to round-off. Accuracy against Karney's
/// series (PROJ's `geod_direct`), measured in `GeodesicFanTests` on random
/// origins, azimuths and distances up to 19,000 km: positions within
/// 10 nm + 2e-15 × the distance (13 nm at 1,500 km, 48 nm at 19,000 km;
/// worst seen 8 nm below 1,500 km) — the round-off of both.
/// Origins within 1e-4° of a pole, where an azimuth no longer names a
/// direction, are left to `Geodesic.direct` (`GeodesicFan.init` returns nil).
public struct GeodesicFan: Sendable {
    public let origin: LonLat
    let sinBeta1: Double, cosBeta1: Double

    static let a = 6_378_137.0
    static let f = 1 / 298.257223563
    static let b = a * (1 - f)
    /// Second eccentricity squared, e′² = e² / (1 − e²).
    static let ep2 = f * (2 - f) / ((1 - f) * (1 - f))

    /// The fan of geodesics from `origin`; nil within 1e-4° of a pole.
    public init?(origin: LonLat) {
        guard abs(origin.lat) < 90 - 1e-4 else { return nil }
        let phi = origin.lat * .pi / 180
        let y = (1 - Self.f) * sin(phi), x = cos(phi)
        let norm = (x * x + y * y).squareRoot()
        self.origin = origin
        sinBeta1 = y / norm
        cosBeta1 = x / norm
    }

    /// The geodesic leaving the origin at `azimuth` degrees clockwise from north.
    public func ray(azimuth: Double) -> GeodesicRay {
        GeodesicRay(fan: self, azimuth: azimuth)
    }
}

/// One geodesic of a `GeodesicFan`: the constants of its great circle on the
/// auxiliary sphere and quadrature of Karney's integrals along it.
public struct GeodesicRay: Sendable {
    let origin: LonLat
    /// Azimuth at the origin, degrees.
    public let azimuth: Double
    /// sin α₁ and cos α₁ of the azimuth at the origin.
    let sinAzimuth: Double, cosAzimuth: Double
    let sinAlpha0: Double, cosAlpha0: Double
    /// σ₁, the origin's arc from the equator crossing, by its sine and
    /// cosine: points along the ray are reached by the addition formulas
    /// from offsets σ₁₂ (`SmallAngle`), with no libm call for short arcs.
    let sinSigma1: Double, cosSigma1: Double
    let k2: Double

    init(fan: GeodesicFan, azimuth: Double) {
        origin = fan.origin
        self.azimuth = azimuth
        let (sinAlpha1, cosAlpha1) = SmallAngle.sinCos(degrees: azimuth)
        sinAzimuth = sinAlpha1
        cosAzimuth = cosAlpha1
        sinAlpha0 = sinAlpha1 * fan.cosBeta1
        // cos α₀ ≥ 0; it is also |(cos α₁ cos β₁, sin β₁)|, the norm that puts σ₁ on the unit circle.
        let x = cosAlpha1 * fan.cosBeta1, y = fan.sinBeta1
        cosAlpha0 = (x * x + y * y).squareRoot()
        if cosAlpha0 > 0 {
            sinSigma1 = y / cosAlpha0
            cosSigma1 = x / cosAlpha0
        } else {  // along the equator: σ is measured from the origin
            sinSigma1 = 0
            cosSigma1 = 1
        }
        k2 = GeodesicFan.ep2 * cosAlpha0 * cosAlpha0
    }

    /// The integrands at arc σ: ds/dσ in units of b, and the longitude
    /// correction's (2 − f) / (1 + (1 − f) √(1 + k² sin² σ)); with sin σ and cos σ.
    @inline(__always)
    func geometry(atArc arc: Double) -> (distance: Double, longitude: Double, sin: Double, cos: Double) {
        let (s, c) = sinCos(atArc: arc)
        return geometry(sin: s, cos: c)
    }

    /// sin and cos of σ₁ + `arc`.
    @inline(__always)
    func sinCos(atArc arc: Double) -> (sin: Double, cos: Double) {
        SmallAngle.sinCos(arc, after: (sinSigma1, cosSigma1))
    }

    @inline(__always)
    func geometry(sin s: Double, cos c: Double) -> (distance: Double, longitude: Double, sin: Double, cos: Double) {
        let w = (1 + k2 * s * s).squareRoot()
        return (w, (2 - GeodesicFan.f) / (1 + (1 - GeodesicFan.f) * w), s, c)
    }

    /// Length (metres) and longitude integral ∫(2 − f)/(1 + (1 − f)w) dσ of
    /// the arc from σ₁ + `from` to σ₁ + `to` (arcs relative to the origin).
    func geometryIntegrals(from: Double, to: Double) -> (length: Double, longitude: Double) {
        var length = 0.0, longitude = 0.0
        func add(_ sine: Double, _ cosine: Double, _ weight: Double) {
            let g = geometry(sin: sine, cos: cosine)
            length += weight * g.distance
            longitude += weight * g.longitude
        }
        if abs(to - from) <= GaussLegendrePanels.shortPanel {
            GaussLegendrePanels.forEachFourPointNode(from: from, to: to, after: (sinSigma1, cosSigma1), add)
        } else {
            GaussLegendrePanels.forEachNode(from: from, to: to, after: (sinSigma1, cosSigma1), add)
        }
        return (GeodesicFan.b * length, longitude)
    }

    /// The arc σ₁₂ (radians on the auxiliary sphere) at which the geodesic
    /// has length `distance` metres, with the longitude integral up to it.
    /// Newton's method starts from `start` when given (e.g. interpolated
    /// from neighbouring rays; any value is safe, a close one saves steps).
    public func arc(forDistance distance: Double, start: Double? = nil) -> (arc: Double, longitudeIntegral: Double) {
        let b = GeodesicFan.b
        var arc: Double
        if let start, start > 0 {
            arc = start
        } else {
            // Guess from the mean of ds/dσ over [0, s/b] by 2-point Gauss
            // (within ~1e-6 relative: the arc is within k² of s/b), then Newton
            // with the length of each small correction integrated by 3 points.
            let first = distance / b, node = first * 0.211_324_865_405_187_1  // (1 − 1/√3)/2
            let meanRate = (geometry(atArc: node).distance + geometry(atArc: first - node).distance) / 2
            arc = distance / (b * meanRate)
        }
        var (length, longitude) = geometryIntegrals(from: 0, to: arc)
        for _ in 0..<4 {
            let rates = geometry(atArc: arc)
            let step = (distance - length) / (b * rates.distance)
            // Newton's error after a step δ is at most max|f''| / (2 min f′) δ²
            // ≤ k²/4 δ² for f(σ) = ∫√(1 + k² sin² σ) (f′ ≥ 1, |f''| ≤ k²/2),
            // and taking the step's integrals as δ times the integrands at
            // its start errs by at most k²/4 δ² (the longitude integrand
            // changes more slowly still): once e′² δ² ≤ 4e-16 σ both are
            // below 1e-16 of the arc, and the step is taken that way.
            if GeodesicFan.ep2 * step * step <= 4e-16 * abs(arc + step) {
                return (arc + step, longitude + step * rates.longitude)
            }
            var dLength = 0.0, dLongitude = 0.0
            GaussLegendrePanels.forEachShortNode(from: arc, to: arc + step, after: (sinSigma1, cosSigma1)) { sine, cosine, weight in
                let g = geometry(sin: sine, cos: cosine)
                dLength += weight * g.distance
                dLongitude += weight * g.longitude
            }
            arc += step
            length += b * dLength
            longitude += dLongitude
            // Below 1e-17 rad (0.1 nm) once |δ| < 1e-7 (k² ≤ e′² < 0.0068).
            if abs(step) < 1e-7 { break }
        }
        return (arc, longitude)
    }

    /// The point at arc σ₁₂ from the origin, given the longitude integral
    /// from σ₁ to σ₁ + σ₁₂ (from `arc(forDistance:)` or a caller's own
    /// quadrature). Longitude in [−180, 180].
    public func point(atArc arc: Double, longitudeIntegral: Double) -> LonLat {
        let (s2, c2) = sinCos(atArc: arc)
        let sinBeta2 = cosAlpha0 * s2
        let x = cosAlpha0 * c2
        let cosBeta2 = (sinAlpha0 * sinAlpha0 + x * x).squareRoot()
        let f = GeodesicFan.f
        let lat = atan2(sinBeta2, (1 - f) * cosBeta2) * 180 / .pi
        // ω₁₂ = ω₂ − ω₁ with tan ω = sin α₀ tan σ, from one atan2.
        let sinArc = s2 * cosSigma1 - c2 * sinSigma1
        let omega12 = atan2(sinAlpha0 * sinArc, c2 * cosSigma1 + sinAlpha0 * sinAlpha0 * s2 * sinSigma1)
        let lambda12 = omega12 - f * sinAlpha0 * longitudeIntegral
        var lon = origin.lon + lambda12 * 180 / .pi
        lon = lon - 360 * (lon / 360).rounded()
        return LonLat(lon, lat)
    }

    /// The point `distance` metres along the geodesic.
    public func point(atDistance distance: Double) -> LonLat {
        let (arc, longitude) = self.arc(forDistance: distance)
        return point(atArc: arc, longitudeIntegral: longitude)
    }
}
