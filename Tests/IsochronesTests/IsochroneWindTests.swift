import Foundation
import Testing
import GeoCore
@testable import Isochrones

/// Isochrones in a uniform wind, whose edges are checked against predicted
/// middles (`BoundaryPrediction`): every edge's middle against the true
/// boundary solved at the middle azimuth, and the vertices' flight times
/// against `ReachModel.reach` (Karney's inverse and `FlightTimer`).
@Suite struct IsochroneWindTests {
    @Test func everyEdgeMiddleIsWithinTheTolerance() throws {
        let cases: [(LonLat, WindVector, Double, Double)] = [
            (LonLat(121.5, 41.2), WindVector(fromDegrees: 270, speedKmh: 40), 6_600, 1e9),  // the benchmark's
            (LonLat(10, 70), WindVector(fromDegrees: 45, speedKmh: 120), 5_400, 1e9),  // strong wind, far north
            (LonLat(179.5, -20), WindVector(fromDegrees: 150, speedKmh: 60), 3_600, 1e9),  // across the antimeridian
            (LonLat(30, 45), WindVector(fromDegrees: 0, speedKmh: 80), 6_600, 14_000),  // range binds along the wind, time across: corners
        ]
        for (base, wind, timeBudget, roundTripBudget) in cases {
            let model = try ReachModel(aircraft: TestAircraft.fast, wind: .uniform(wind))
            for tolerance in [100.0, 20.0] {
                let builder = IsochroneBuilder(model: model, toleranceMetres: tolerance)
                let (_, ring) = try builder.reachable(from: base, timeBudget: timeBudget, roundTripBudget: roundTripBudget)
                if roundTripBudget < 1e9 { #expect(Set(ring.map(\.limit)).count == 2, "both limits bind") }
                for (i, a) in ring.enumerated() {
                    let b = ring[(i + 1) % ring.count]
                    let middleAzimuth = (a.azimuth + (i + 1 < ring.count ? b.azimuth : b.azimuth + 360)) / 2
                    let truth = model.boundary(from: base, azimuth: middleAzimuth, timeBudget: timeBudget, roundTripBudget: roundTripBudget)
                    let gap = IsochroneBuilder.shortDistance(IsochroneBuilder.chordMiddle(a, b), truth.position)
                    #expect(gap <= tolerance, "\(base) tolerance \(tolerance): edge \(i) at \(middleAzimuth)° misses by \(gap) m")
                }
                for point in ring.enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) where point.limit == .time {
                    let minutes = try #require(model.reach(from: base, to: point.position).flightMinutes)
                    #expect(abs(minutes * 60 - timeBudget) < 1e-6, "\(base) azimuth \(point.azimuth): \(minutes * 60) s")
                }
            }
        }
    }
}
