import Foundation
import Testing
@testable import GeoCore

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
