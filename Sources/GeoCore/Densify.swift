extension Geometry {
    /// The same shape with vertices inserted so no segment is longer than
    /// `maxSegmentLength` (coordinate units). Used before projecting lon/lat
    /// polygons, so that edges straight in lon/lat stay close to their
    /// projected images.
    public func densified(maxSegmentLength: Double) throws -> Geometry {
        precondition(maxSegmentLength > 0, "segment length must be positive")
        return try Geometry(
            coordinates.mapPaths { path in
                guard path.count > 1 else { return path }
                var out: [XY] = [path[0]]
                out.reserveCapacity(path.count)
                for (a, b) in zip(path, path.dropFirst()) {
                    let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                    let pieces = Int((length / maxSegmentLength).rounded(.up))
                    if pieces > 1 {
                        for k in 1..<pieces {
                            let t = Double(k) / Double(pieces)
                            out.append(XY(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t))
                        }
                    }
                    out.append(b)
                }
                return out
            })
    }
}
