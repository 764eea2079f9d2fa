import Foundation
import Testing
@testable import GeoCore
@testable import Support

/// GEOS work from many threads at once (one context per thread, geometries
/// shared read-only) gives exactly what one thread gives.
@Suite struct GeometryConcurrencyTests {
    /// Areas and WKB of overlays of shared random polygons, computed for task `k`.
    static func work(_ shapes: [Geometry], task k: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        for i in 0..<shapes.count {
            let a = shapes[i], b = shapes[(i + k + 1) % shapes.count]
            let overlap = try a.intersection(b)
            let merged = try Geometry.union(of: [a, b, overlap])
            let buffered = try merged.buffer(0.5)
            withUnsafeBytes(of: overlap.area.bitPattern) { out.append(contentsOf: $0) }
            withUnsafeBytes(of: buffered.area.bitPattern) { out.append(contentsOf: $0) }
            out.append(contentsOf: try merged.normalized().wkb)
            out.append(PreparedGeometry(a).covers(b.envelope!.center) ? 1 : 0)
        }
        return out
    }

    /// Random polygons with holes, in a multipolygon each: every ring has
    /// an envelope of its own for GEOS to compute.
    static func shapesWithHoles(seed: UInt64) throws -> [Geometry] {
        var generator = SplitMix64(seed: seed)
        return try (0..<24).map { _ in
            let cx = Double.random(in: 0...20, using: &generator), cy = Double.random(in: 0...20, using: &generator)
            func ring(_ radius: ClosedRange<Double>) -> [XY] {
                (0..<32).map { j -> XY in
                    let angle = Double(j) / 32 * 2 * .pi, r = Double.random(in: radius, using: &generator)
                    return XY(cx + r * cos(angle), cy + r * sin(angle))
                }
            }
            return try Geometry(.multiPolygon([[ring(4...6) + [ring(4...6)[0]], Array(ring(1...2).reversed())].map { $0 + [$0[0]] }]))
        }
    }

    /// Geometries read by many threads from their first use on, as the
    /// coverage evaluation shares its served region: GEOS 3.11 computes
    /// envelopes lazily, so unless GeoCore computes them when it builds a
    /// geometry, threads race to fill them in.
    @Test func freshGeometriesSharedAtOnceGiveTheSameResultsAsOne() throws {
        for round in 0..<4 {
            let serial = try (0..<8).map { try Self.work(try Self.shapesWithHoles(seed: UInt64(round)), task: $0) }
            let shared = try Self.shapesWithHoles(seed: UInt64(round))
            let parallel = ParallelMap.map(8) { k in (try? Self.work(shared, task: k)) ?? [] }
            #expect(parallel == serial, "round \(round)")
        }
    }

    @Test func manyThreadsGiveTheSameResultsAsOne() throws {
        var generator = SplitMix64(seed: 99)
        let shapes: [Geometry] = try (0..<40).map { _ in
            let cx = Double.random(in: 0...20, using: &generator), cy = Double.random(in: 0...20, using: &generator)
            let ring = (0..<24).map { j -> XY in
                let angle = Double(j) / 24 * 2 * .pi
                let r = Double.random(in: 2...6, using: &generator)
                return XY(cx + r * cos(angle), cy + r * sin(angle))
            }
            return try Geometry.polygon(exterior: ring)
        }
        let tasks = 8
        let serial = try (0..<tasks).map { try Self.work(shapes, task: $0) }
        let parallel = ParallelMap.map(tasks) { k in (try? Self.work(shapes, task: k)) ?? [] }
        #expect(parallel == serial)
    }
}
