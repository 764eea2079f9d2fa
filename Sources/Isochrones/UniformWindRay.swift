import Foundation
import GeoCore

/// Flight times along one geodesic of a `GeodesicFan` in a uniform wind,
/// integrated over the arc σ of the auxiliary sphere.
///
/// The aircraft holds the geodesic track at true airspeed v; in a wind that
/// is the same vector in every point's east/north frame its ground speed
/// depends only on the track azimuth α, g(α) = √(v² − w⊥²) ± w∥ (out, and
/// back along the reversed track). On the auxiliary sphere α is a closed
/// form of σ (tan α = tan α₀ / cos σ) and ds = b √(1 + k² sin² σ) dσ, so
///
///     t_out = ∫ b √(1 + k² sin² σ) / g_out(α(σ)) dσ,
///
/// with no geodesic solved inside the integral. The time is integrated by
/// 8-point Gauss–Legendre panels no wider than the integrand's scale of
/// change: the azimuth swings at up to 1/cos β per radian of arc (fastest
/// where the track passes closest to a pole), and 1/g has branch points
/// where the crosswind would equal the airspeed, acosh(v/w) radians of
/// azimuth away. A span no wider than a quarter of that panel width is
/// integrated by one 4-point panel (the same ratio as Karney's integrands'
/// `GaussLegendrePanels.shortPanel`: the Bernstein ellipse's ρ at least
/// quadruples, so the rule's error stays below 1e-14 of the integral).
/// The crossing of a time budget is found by Newton's method on σ, the
/// integrals being extended by each step (3 points for steps below
/// 1e-3 rad, where the rule's error is below 1e-15 of the time); the last
/// step, once provably tiny, is taken by its first-order term alone (see
/// `crossing`).
///
/// Accuracy, measured in `UniformWindRayTests` against a brute-force
/// integration along Karney's geodesic (20,000 Simpson panels of
/// `Geodesic.direct` track azimuths): times within 1e-9 relative on tracks
/// up to 3,000 km, winds up to 90% of the airspeed, polar and meridian
/// tracks included.
struct UniformWindRay {
    let ray: GeodesicRay
    let conditions: Conditions
    var wind: WindVector { conditions.wind }
    var airspeed: Double { conditions.airspeed }
    var widest: Double { conditions.widest }
    var gust: Double { conditions.gust }
    var speedRatio: Double { conditions.speedRatio }

    /// The wind and the airspeed, with the constants the quadrature and the
    /// search derive from them (computed once for all rays of a fan).
    struct Conditions {
        let wind: WindVector
        let airspeed: Double
        /// Widest quadrature panel away from the poles, radians of arc.
        let widest: Double
        /// w / √(v² − w²): the largest relative rate of change of the ground
        /// speed with the track azimuth, |g′(α)/g| (see `crossing`).
        let gust: Double
        /// (v + w) / (v − w): the largest ratio of two ground speeds.
        let speedRatio: Double
        /// v² − w².
        let slack: Double

        init(wind: WindVector, airspeed: Double) {
            precondition(wind.speed < airspeed, "the wind must be slower than the aircraft")
            self.wind = wind
            self.airspeed = airspeed
            let speed = wind.speed
            let branch = speed > 0 ? min(1, acosh(airspeed / speed)) : 1
            widest = 0.5 * branch
            gust = speed / ((airspeed - speed) * (airspeed + speed)).squareRoot()
            speedRatio = (airspeed + speed) / (airspeed - speed)
            slack = (airspeed - speed) * (airspeed + speed)
        }
    }

    init(ray: GeodesicRay, conditions: Conditions) {
        self.ray = ray
        self.conditions = conditions
    }

    init(ray: GeodesicRay, wind: WindVector, airspeed: Double) {
        self.init(ray: ray, conditions: Conditions(wind: wind, airspeed: airspeed))
    }

    /// The widest panel for arcs σ₁ + `from` … σ₁ + `to`: `widest` scaled by
    /// the track's least angular distance from a pole (`nearestCosBeta`).
    func panelWidth(from: Double, to: Double) -> Double {
        panelWidth(nearestCosBeta: nearestCosBeta(from: from, to: to))
    }

    func panelWidth(nearestCosBeta nearest: Double) -> Double {
        max(1e-5, widest * min(1, nearest))
    }

    /// The least cos β (β the reduced latitude) along arcs σ₁ + `from` …
    /// σ₁ + `to`: the azimuth swings at up to 1/cos β per radian of arc
    /// there; it is |sin α₀| where the track passes its vertex (cos σ = 0)
    /// and otherwise at an end.
    func nearestCosBeta(from: Double, to: Double) -> Double {
        let cosA = ray.sinCos(atArc: from).cos, cosB = ray.sinCos(atArc: to).cos
        func cosBeta(_ cosSigma: Double) -> Double {
            let c = ray.cosAlpha0 * cosSigma
            return (ray.sinAlpha0 * ray.sinAlpha0 + c * c).squareRoot()
        }
        // A vertex (cos σ = 0) inside the span? Zeros of cos are π apart, so
        // a span shorter than π holds one exactly when cos changes sign.
        if abs(to - from) >= .pi || cosA * cosB <= 0 { return abs(ray.sinAlpha0) }
        return min(cosBeta(cosA), cosBeta(cosB))
    }

    /// Integrands at arc σ₁ + `arc`: length in metres, the longitude
    /// integral's, and seconds out and back, each per radian of arc.
    @inline(__always)
    func integrands(atArc arc: Double) -> SIMD4<Double> {
        let (s, c) = ray.sinCos(atArc: arc)
        return integrands(sin: s, cos: c)
    }

    ///
    /// With the track (sin α, cos α) = (sin α₀, cos α₀ cos σ) / n, n = cos β,
    /// write x = n w∥ and y = n w⊥ (no division) and S = √(v² n² − y²) = n √(v² − w⊥²):
    /// the ground speeds are (S ± x)/n and, as S² − x² = (v² − w²) n²,
    /// 1/g_out = (S − x) / ((v² − w²) n), 1/g_back = (S + x) / ((v² − w²) n):
    /// one division for both times.
    @inline(__always)
    func integrands(sin sine: Double, cos cosine: Double) -> SIMD4<Double> {
        let g = ray.geometry(sin: sine, cos: cosine)
        let length = GeodesicFan.b * g.distance
        let north = ray.cosAlpha0 * cosine, east = ray.sinAlpha0
        let n2 = east * east + north * north
        guard n2 > 0 else {  // at a pole on a meridian: any direction, measure zero
            let still = (airspeed * airspeed - wind.east * wind.east).squareRoot()
            return SIMD4(length, g.longitude, length / (still + wind.north), length / (still - wind.north))
        }
        let x = wind.east * east + wind.north * north, y = wind.east * north - wind.north * east
        let s = (airspeed * airspeed * n2 - y * y).squareRoot()
        let q = length / (conditions.slack * n2.squareRoot())
        return SIMD4(length, g.longitude, q * (s - x), q * (s + x))
    }

    /// The integrals from arc `from` to arc `to` (relative to the origin).
    func integrals(from: Double, to: Double) -> SIMD4<Double> {
        // Steps below 1.25e-6 are within an eighth of any panel width (≥ 1e-5).
        if abs(to - from) < 1.25e-6 { return shortIntegrals(from: from, to: to) }
        return integrals(from: from, to: to, width: panelWidth(from: from, to: to))
    }

    /// The integrals over a span whose widest panel is `width`.
    func integrals(from: Double, to: Double, width: Double) -> SIMD4<Double> {
        var sum = SIMD4<Double>(repeating: 0)
        let span = abs(to - from), start = (ray.sinSigma1, ray.cosSigma1)
        if span < 1e-3 && span < width / 8 { return shortIntegrals(from: from, to: to) }
        if span <= width / 4 {
            GaussLegendrePanels.forEachFourPointNode(from: from, to: to, after: start) { sum += $2 * integrands(sin: $0, cos: $1) }
        } else {
            GaussLegendrePanels.forEachNode(from: from, to: to, widest: width, after: start) { sum += $2 * integrands(sin: $0, cos: $1) }
        }
        return sum
    }

    /// The integrals over a short span (below 1e-3 and an eighth of the
    /// panel width) by one 3-point panel.
    private func shortIntegrals(from: Double, to: Double) -> SIMD4<Double> {
        var sum = SIMD4<Double>(repeating: 0)
        GaussLegendrePanels.forEachShortNode(from: from, to: to, after: (ray.sinSigma1, ray.cosSigma1)) { sum += $2 * integrands(sin: $0, cos: $1) }
        return sum
    }

    /// The arc (at most `limit`) where the time out, or out and back with
    /// `roundTrip`, reaches `budget` seconds, and the integrals
    /// (length, longitude, out, back) up to it. Times grow with the arc, so
    /// there is one crossing; `limit` is returned when it is not reached.
    /// Newton's method starts from `start` when given (e.g. interpolated from
    /// neighbouring rays; any value is safe, a close one saves steps).
    ///
    /// Stopping rule. The time t(σ) has t′ = τ, the time integrand
    /// b √(1 + k² sin² σ) / g(α(σ)) (or the sum of the out and back terms),
    /// and |τ′| ≤ Λ τ with Λ = k²/2 + gust / cos β: |d ln √(1 + k² sin² σ)/dσ|
    /// ≤ k²/2, |g′(α)/g| = |w⊥| / √(v² − w⊥²) ≤ w / √(v² − w²) = gust (the
    /// wind triangle, g′ = w⊥ g / √(v² − w⊥²)), and |dα/dσ| = |sin α tan β|
    /// ≤ 1/cos β. A Newton step δ from σ then leaves an error of at most
    /// ½ Λ δ² (1 + O(Λδ)) in σ, and taking the step's integrals as δ times
    /// the integrands at σ errs by at most ½ Λ τ_max δ² per component (the
    /// length's and longitude's integrands change even more slowly). With
    /// τ_max / τ_min ≤ (v + w)/(v − w) = R along the ray, the relative error
    /// of the time is at most ½ Λ R δ² / σ: once Λ R δ² ≤ 1e-16 σ the step is
    /// taken that way and the search ends (errors below 1e-16 relative).
    func crossing(budget: Double, roundTrip: Bool, limit: Double, start: Double? = nil) -> (arc: Double, integrals: SIMD4<Double>) {
        guard budget > 0 else { return (0, SIMD4(repeating: 0)) }
        @inline(__always) func time(_ v: SIMD4<Double>) -> Double { roundTrip ? v[2] + v[3] : v[2] }
        var arc: Double
        if let start, start > 0 {
            arc = min(limit, start)
        } else {
            // Guess from the ground speed at the start (within a few per
            // cent), then by the midpoint rule over that guess (within ~1e-5,
            // so that Newton's steps are short).
            arc = min(limit, budget / time(integrands(atArc: 0)))
            arc = min(limit, budget / time(integrands(atArc: arc / 2)))
        }
        let first = arc, nearest = nearestCosBeta(from: 0, to: arc)
        var sums = integrals(from: 0, to: arc, width: panelWidth(nearestCosBeta: nearest))
        // Λ R of the stopping rule, for arcs within 1e-3 of `first` (cos β
        // changes by at most 1e-3 there: |d cos β/dσ| ≤ 1).
        let bound = (GeodesicFan.ep2 / 2 + gust / max(nearest - 1e-3, 1e-12)) * speedRatio
        for _ in 0..<12 {
            let excess = time(sums) - budget
            if arc >= limit && excess <= 0 { return (limit, sums) }
            let rates = integrands(atArc: arc)
            var step = -excess / time(rates)
            step = max(-arc, min(step, limit - arc))
            if bound * step * step <= 1e-16 * (arc + step), abs(arc + step - first) < 1e-3 {
                return (arc + step, sums + step * rates)
            }
            if abs(step) < 1e-14 { break }  // 64 nm of arc
            sums += integrals(from: arc, to: arc + step)
            arc += step
        }
        return (arc, sums)
    }
}
