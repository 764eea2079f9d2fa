/// Many `SurfacePoint`s stored as columns, padded so that four consecutive
/// points can be loaded from any index below `count`. Refillable, so one
/// table can serve many small batches without reallocating.
public struct SurfacePointTable: Sendable {
    public private(set) var count = 0
    /// Ten columns (x, y, z, east x/y, north x/y/z, 1/M, 1/N) of `count + 3` values each.
    @usableFromInline var storage: [Double] = []

    public init() {}

    public init(_ points: [SurfacePoint]) {
        assign(points.count) { points[$0] }
    }

    /// Replaces the contents with `point(0) … point(count − 1)` (an empty
    /// table when `count` is 0: nothing to load).
    public mutating func assign(_ count: Int, _ point: (Int) -> SurfacePoint) {
        self.count = count
        let stride = count + 3
        if storage.count < 10 * stride { storage = [Double](repeating: 0, count: 10 * stride) }
        guard count > 0 else { return }
        storage.withUnsafeMutableBufferPointer { column in
            for i in 0..<stride {
                // Padding repeats the last point; callers ignore lanes past `count`.
                let p = point(Swift.min(i, count - 1))
                column[i] = p.x
                column[stride + i] = p.y
                column[2 * stride + i] = p.z
                column[3 * stride + i] = p.east.x
                column[4 * stride + i] = p.east.y
                column[5 * stride + i] = p.north.x
                column[6 * stride + i] = p.north.y
                column[7 * stride + i] = p.north.z
                column[8 * stride + i] = p.inverseM
                column[9 * stride + i] = p.inverseN
            }
        }
    }

    /// Runs `body` with direct access to the columns.
    @inlinable
    public func withColumns<R>(_ body: (Columns) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(Columns(base: $0.baseAddress!, stride: count + 3, count: count)) }
    }

    /// The table's memory, valid inside `withColumns`.
    public struct Columns {
        @usableFromInline let base: UnsafePointer<Double>
        @usableFromInline let stride: Int
        public let count: Int

        @usableFromInline init(base: UnsafePointer<Double>, stride: Int, count: Int) {
            self.base = base
            self.stride = stride
            self.count = count
        }

        /// Points `index ..< index + 4` (those at `count` or beyond repeat the last).
        @inlinable @inline(__always)
        public func load4(_ index: Int) -> SurfacePoints4 {
            precondition(index >= 0 && index < count, "index \(index) outside 0..<\(count)")
            @inline(__always) func column(_ k: Int) -> SIMD4<Double> {
                UnsafeRawPointer(base + k * stride + index).loadUnaligned(as: SIMD4<Double>.self)
            }
            return SurfacePoints4(x: column(0), y: column(1), z: column(2), eastX: column(3), eastY: column(4),
                                  northX: column(5), northY: column(6), northZ: column(7), inverseM: column(8), inverseN: column(9))
        }
    }
}
