/// Four `SurfacePoint`s as columns (structure of arrays), for computing
/// `ChordGeodesic` distances four at a time.
public struct SurfacePoints4: Sendable {
    public var x, y, z: SIMD4<Double>
    public var tiltX, tiltY, tiltZ: SIMD4<Float>
    public var halfInverseN: SIMD4<Float>

    /// The same point in every lane.
    public init(repeating p: SurfacePoint) {
        x = .init(repeating: p.x); y = .init(repeating: p.y); z = .init(repeating: p.z)
        tiltX = .init(repeating: p.tilt.x); tiltY = .init(repeating: p.tilt.y); tiltZ = .init(repeating: p.tilt.z)
        halfInverseN = .init(repeating: p.halfInverseN)
    }

    @inlinable
    public init(
        x: SIMD4<Double>, y: SIMD4<Double>, z: SIMD4<Double>,
        tiltX: SIMD4<Float>, tiltY: SIMD4<Float>, tiltZ: SIMD4<Float>, halfInverseN: SIMD4<Float>
    ) {
        self.x = x; self.y = y; self.z = z
        self.tiltX = tiltX; self.tiltY = tiltY; self.tiltZ = tiltZ
        self.halfInverseN = halfInverseN
    }
}
