/// Four `SurfacePoint`s as columns (structure of arrays), for computing
/// `ChordGeodesic` distances four at a time.
public struct SurfacePoints4: Sendable {
    public var x, y, z: SIMD4<Double>
    public var eastX, eastY: SIMD4<Double>
    public var northX, northY, northZ: SIMD4<Double>
    public var inverseM, inverseN: SIMD4<Double>

    /// The same point in every lane.
    public init(repeating p: SurfacePoint) {
        x = .init(repeating: p.x); y = .init(repeating: p.y); z = .init(repeating: p.z)
        eastX = .init(repeating: p.east.x); eastY = .init(repeating: p.east.y)
        northX = .init(repeating: p.north.x); northY = .init(repeating: p.north.y); northZ = .init(repeating: p.north.z)
        inverseM = .init(repeating: p.inverseM); inverseN = .init(repeating: p.inverseN)
    }

    @inlinable
    public init(x: SIMD4<Double>, y: SIMD4<Double>, z: SIMD4<Double>, eastX: SIMD4<Double>, eastY: SIMD4<Double>,
                northX: SIMD4<Double>, northY: SIMD4<Double>, northZ: SIMD4<Double>,
                inverseM: SIMD4<Double>, inverseN: SIMD4<Double>) {
        self.x = x; self.y = y; self.z = z
        self.eastX = eastX; self.eastY = eastY
        self.northX = northX; self.northY = northY; self.northZ = northZ
        self.inverseM = inverseM; self.inverseN = inverseN
    }
}
