/// An axis-aligned bounding box in planar coordinates.
/// Bounds are in the units of the coordinates (degrees for lon/lat, metres
/// when projected) and inclusive: points on the edge are inside.
public struct Envelope: Hashable, Sendable, Codable, CustomStringConvertible {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest envelope holding every point; `nil` for no points.
    public init?<S: Sequence>(covering points: S) where S.Element == XY {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        self.init(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let p = iterator.next() { expand(toInclude: p) }
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
    public var center: XY { XY((minX + maxX) / 2, (minY + maxY) / 2) }

    /// Grows the box to hold `p`.
    public mutating func expand(toInclude p: XY) {
        minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
        minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
    }

    /// The smallest box holding both.
    public func union(_ other: Envelope) -> Envelope {
        Envelope(
            minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
            maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// Grown by `margin` on every side.
    public func expanded(by margin: Double) -> Envelope {
        Envelope(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
    }

    /// Whether the boxes share a point (edges included).
    public func intersects(_ other: Envelope) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// Whether `p` is inside or on the edge.
    public func contains(_ p: XY) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    public var description: String { "[\(minX), \(minY), \(maxX), \(maxY)]" }
}
