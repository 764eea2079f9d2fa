import GeoCore
import Support

/// Points on the ellipsoid (demand cell centres, candidate sites) prepared
/// for finding, fast, every point within a straight-line (chord) distance.
///
/// Points keep the caller's order and are cut into consecutive runs
/// ("blocks", at most `blockSize` points, each within `blockRadius` metres
/// of the run's first), and runs of blocks into "groups"; each has a
/// bounding sphere in Earth-centred coordinates. A search skips every group
/// or block whose sphere lies too far, so its cost follows the points it
/// finds, not all points. Chords are 3-D, so poles and the antimeridian need
/// no special case, and points come out in ascending order. Demand grids
/// list cells row by row and site lattices likewise, so consecutive points
/// are neighbours and the spheres are tight.
struct PointBlocks: Sendable {
    let points: [SurfacePoint]
    let blocks: [Sphere]
    let groups: [Sphere]

    /// Consecutive items `start..<end` (points for a block, blocks for a
    /// group) inside the sphere of `centre` and `radius` metres.
    struct Sphere: Sendable {
        let start: Int, end: Int
        let x: Double, y: Double, z: Double
        let radius: Double

        var centre: (x: Double, y: Double, z: Double) { (x, y, z) }

        /// Whether some point of this sphere may lie within `distance` metres
        /// (chord) of some point of the sphere around `p` of radius `slack`.
        @inline(__always)
        func mayReach(_ p: (x: Double, y: Double, z: Double), within distance: Double, slack: Double = 0) -> Bool {
            let dx = x - p.x, dy = y - p.y, dz = z - p.z
            let limit = distance + radius + slack
            return dx * dx + dy * dy + dz * dz <= limit * limit
        }
    }

    init(_ positions: [LonLat], blockSize: Int = 32, blockRadius: Double, groupSize: Int = 32, groupRadius: Double) {
        let points = ParallelMap.map((positions.count + 4_095) / 4_096) { chunk in
            positions[(chunk * 4_096)..<min(positions.count, (chunk + 1) * 4_096)].map(SurfacePoint.init)
        }.flatMap { $0 }
        let blocks = Self.runs(count: points.count, maximumCount: blockSize, maximumRadius: blockRadius) { i in
            (points[i].x, points[i].y, points[i].z, 0)
        }
        groups = Self.runs(count: blocks.count, maximumCount: groupSize, maximumRadius: groupRadius) { b in
            (blocks[b].x, blocks[b].y, blocks[b].z, blocks[b].radius)
        }
        self.points = points
        self.blocks = blocks
    }

    /// Cuts `0..<count` into consecutive runs of at most `maximumCount`
    /// items, each item's far side within `maximumRadius` of the run's first
    /// centre (a single item always makes a run). `item(i)` is a sphere:
    /// centre and radius. Linear in `count`.
    static func runs(
        count: Int, maximumCount: Int, maximumRadius: Double,
        item: (Int) -> (Double, Double, Double, Double)
    ) -> [Sphere] {
        var result: [Sphere] = []
        var start = 0
        while start < count {
            let first = item(start)
            var end = start + 1
            while end < count, end - start < maximumCount {
                let next = item(end)
                let dx = next.0 - first.0, dy = next.1 - first.1, dz = next.2 - first.2
                guard (dx * dx + dy * dy + dz * dz).squareRoot() + next.3 <= maximumRadius else { break }
                end += 1
            }
            let sphere = bounding(start..<end, item)
            result.append(Sphere(start: start, end: end, x: sphere.x, y: sphere.y, z: sphere.z, radius: sphere.radius))
            start = end
        }
        return result
    }

    /// A sphere holding every item sphere of `range`: centred on their mean
    /// centre, radius to the farthest item's far side.
    static func bounding(_ range: Range<Int>, _ item: (Int) -> (Double, Double, Double, Double))
        -> (x: Double, y: Double, z: Double, radius: Double)
    {
        var x = 0.0, y = 0.0, z = 0.0
        for i in range {
            let s = item(i)
            x += s.0; y += s.1; z += s.2
        }
        let n = Double(range.count)
        x /= n; y /= n; z /= n
        var radius = 0.0
        for i in range {
            let s = item(i)
            let dx = s.0 - x, dy = s.1 - y, dz = s.2 - z
            radius = max(radius, (dx * dx + dy * dy + dz * dz).squareRoot() + s.3)
        }
        return (x, y, z, radius)
    }

    /// Appends to `found`, ascending, every point within `distance` metres
    /// (chord) of some point of the sphere around `centre` of radius `slack`.
    func points(within distance: Double, of centre: (x: Double, y: Double, z: Double), slack: Double, into found: inout [Int32]) {
        let limit = distance + slack
        for group in groups where group.mayReach(centre, within: distance, slack: slack) {
            for b in group.start..<group.end where blocks[b].mayReach(centre, within: distance, slack: slack) {
                for i in blocks[b].start..<blocks[b].end {
                    let p = points[i]
                    let dx = p.x - centre.x, dy = p.y - centre.y, dz = p.z - centre.z
                    if dx * dx + dy * dy + dz * dz <= limit * limit { found.append(Int32(i)) }
                }
            }
        }
    }
}
