import CGEOS

extension Geometry {
    /// The union of polygons and multi-polygons, computed group by group:
    /// geometries whose bounding boxes chain together (overlap or touch, directly
    /// or through others) form a group, and each group is unioned by GEOS on
    /// its own. Two geometries in different groups have disjoint boxes, so
    /// they share no point, and the groups' unions are simply gathered into one
    /// multi-polygon: the same point set as the union of everything, exactly,
    /// while GEOS's cascaded union never overlays far-apart parts (many
    /// scattered zones are the common case; BENCHMARKS.md "Input size").
    ///
    /// Groups come in the order of their first member, members in input
    /// order, so the result does not depend on scheduling. Empty geometries
    /// are left out; none at all gives an empty collection, as GEOS does.
    static func unionOfDisjointSubsets(_ geometries: [Geometry]) throws -> Geometry {
        let present = geometries.filter { !$0.isEmpty }
        let boxes = present.map { $0.envelope! }
        let groups = chainedGroups(boxes)
        guard groups.count > 1 else { return try unaryUnion(present) }
        var parts: [Geometry] = []
        for group in groups {
            let union = try unaryUnion(group.map { present[$0] })
            guard !union.isEmpty else { continue }
            guard union.kind == .polygon || union.kind == .multiPolygon else { return try unaryUnion(present) }
            parts.append(union)
        }
        return try multiPolygon(parts)
    }

    /// GEOS's unary union of `geometries` gathered in a collection.
    static func unaryUnion(_ geometries: [Geometry]) throws -> Geometry {
        let all = try collection(geometries)
        return try withExtendedLifetime(all) {
            try Geometry(taking: GEOSUnaryUnion_r(all.context, all.handle), operation: "union of \(geometries.count) geometries")
        }
    }

    /// The connected groups of `boxes` under "the boxes share a point"
    /// (edges included), each a list of indices ascending, groups ordered by
    /// their smallest index.
    static func chainedGroups(_ boxes: [Envelope]) -> [[Int]] {
        var parent = Array(boxes.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        let index = SpatialIndex(boxes)
        for (i, box) in boxes.enumerated() {
            for j in index.query(box) where j > i {
                let (a, b) = (root(i), root(j))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groupOfRoot: [Int: Int] = [:], groups: [[Int]] = []
        for i in boxes.indices {
            let r = root(i)
            if let g = groupOfRoot[r] {
                groups[g].append(i)
            } else {
                groupOfRoot[r] = groups.count
                groups.append([i])
            }
        }
        return groups
    }
}
