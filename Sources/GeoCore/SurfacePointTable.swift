/// Many `SurfacePoint`s stored as columns, padded so that four consecutive
/// points can be loaded from any index below `count`. Refillable, so one
/// table can serve many small batches without reallocating.
public struct SurfacePointTable: Sendable {
    public private(set) var count = 0
    /// Three columns (x, y, z) of `count + 3` values each.
    @usableFromInline var positions: [Double] = []
    /// Four columns (tilt x/y/z, 1/2N) of `count + 3` values each.
    @usableFromInline var curvatures: [Float] = []

    public init() {}

    public init(_ points: [SurfacePoint]) {
        assign(points.count) { points[$0] }
    }

    /// Replaces the contents with `point(0) … point(count − 1)` (an empty
    /// table when `count` is 0: nothing to load).
    public mutating func assign(_ count: Int, _ point: (Int) -> SurfacePoint) {
        self.count = count
        let stride = count + 3
        if positions.count < 3 * stride {
            positions = [Double](repeating: 0, count: 3 * stride)
            curvatures = [Float](repeating: 0, count: 4 * stride)
        }
        guard count > 0 else { return }
        positions.withUnsafeMutableBufferPointer { position in
            curvatures.withUnsafeMutableBufferPointer { curvature in
                for i in 0..<stride {
                    // Padding repeats the last point; callers ignore lanes past `count`.
                    let p = point(Swift.min(i, count - 1))
                    position[i] = p.x
                    position[stride + i] = p.y
                    position[2 * stride + i] = p.z
                    curvature[i] = p.tilt.x
                    curvature[stride + i] = p.tilt.y
                    curvature[2 * stride + i] = p.tilt.z
                    curvature[3 * stride + i] = p.halfInverseN
                }
            }
        }
    }

    /// Runs `body` with direct access to the columns.
    @inlinable
    public func withColumns<R>(_ body: (Columns) throws -> R) rethrows -> R {
        try positions.withUnsafeBufferPointer { position in
            try curvatures.withUnsafeBufferPointer { curvature in
                try body(Columns(positions: position.baseAddress!, curvatures: curvature.baseAddress!, stride: count + 3, count: count))
            }
        }
    }

    /// The table's memory, valid inside `withColumns`.
    public struct Columns {
        @usableFromInline let positions: UnsafePointer<Double>
        @usableFromInline let curvatures: UnsafePointer<Float>
        @usableFromInline let stride: Int
        public let count: Int

        @usableFromInline init(positions: UnsafePointer<Double>, curvatures: UnsafePointer<Float>, stride: Int, count: Int) {
            self.positions = positions
            self.curvatures = curvatures
            self.stride = stride
            self.count = count
        }

        /// Points `index ..< index + 4` (those at `count` or beyond repeat the last).
        @inlinable @inline(__always)
        public func load4(_ index: Int) -> SurfacePoints4 {
            precondition(index >= 0 && index < count, "index \(index) outside 0..<\(count)")
            @inline(__always) func position(_ k: Int) -> SIMD4<Double> {
                UnsafeRawPointer(positions + k * stride + index).loadUnaligned(as: SIMD4<Double>.self)
            }
            @inline(__always) func curvature(_ k: Int) -> SIMD4<Float> {
                UnsafeRawPointer(curvatures + k * stride + index).loadUnaligned(as: SIMD4<Float>.self)
            }
            return SurfacePoints4(
                x: position(0), y: position(1), z: position(2),
                tiltX: curvature(0), tiltY: curvature(1), tiltZ: curvature(2), halfInverseN: curvature(3))
        }
    }
}
