import Foundation
import Testing
@testable import GeoCore
import Support

/// The union by groups of boxes that share no point is GEOS's union of
/// everything: the same area, nothing in the symmetric difference, valid.
@Suite struct DisjointSubsetUnionTests {
    /// `count` squares of random size at random places in a 100 × 100 field,
    /// some overlapping, some touching (snapped to a 1-unit lattice), most apart.
    static func squares(_ count: Int, seed: UInt64) throws -> [Geometry] {
        var random = SplitMix64(seed: seed)
        return try (0..<count).map { k in
            let x = Double(Int.random(in: 0..<100, using: &random)), y = Double(Int.random(in: 0..<100, using: &random))
            let size = Double(Int.random(in: 1...3, using: &random))
            if k % 7 == 0 {  // a square with a hole
                return try .polygon(
                    exterior: [XY(x, y), XY(x + size + 2, y), XY(x + size + 2, y + size + 2), XY(x, y + size + 2), XY(x, y)],
                    holes: [[XY(x + 1, y + 1), XY(x + 1, y + 1 + size), XY(x + 1 + size, y + 1 + size), XY(x + 1 + size, y + 1), XY(x + 1, y + 1)]])
            }
            return .rectangle(Envelope(minX: x, minY: y, maxX: x + size, maxY: y + size))
        }
    }

    @Test(arguments: [(3, 1), (40, 2), (300, 3), (1_500, 4)] as [(Int, UInt64)])
    func theGroupedUnionIsGEOSsUnion(count: Int, seed: UInt64) throws {
        let shapes = try Self.squares(count, seed: seed)
        let grouped = try Geometry.union(of: shapes)
        let whole = try Geometry.unaryUnion(shapes)
        #expect(grouped.isValid)
        #expect(abs(grouped.area - whole.area) <= 1e-9 * whole.area, "\(grouped.area) against \(whole.area)")
        #expect(try grouped.difference(whole).area + whole.difference(grouped).area <= 1e-9 * whole.area)
    }

    @Test func groupsAreTheConnectedComponentsOfTouchingBoxes() {
        var random = SplitMix64(seed: 9)
        let boxes = (0..<400).map { _ -> Envelope in
            let x = Double(Int.random(in: 0..<60, using: &random)), y = Double(Int.random(in: 0..<60, using: &random))
            return Envelope(minX: x, minY: y, maxX: x + 1, maxY: y + 1)
        }
        // Brute force: flood fill over every pair.
        var component = [Int](repeating: -1, count: boxes.count), next = 0
        for start in boxes.indices where component[start] < 0 {
            var stack = [start]
            component[start] = next
            while let i = stack.popLast() {
                for j in boxes.indices where component[j] < 0 && boxes[i].intersects(boxes[j]) {
                    component[j] = next
                    stack.append(j)
                }
            }
            next += 1
        }
        let groups = Geometry.chainedGroups(boxes)
        #expect(groups.count == next)
        for group in groups {
            #expect(group == group.sorted() && Set(group.map { component[$0] }).count == 1)
        }
        #expect(groups.map { $0[0] } == groups.map { $0[0] }.sorted())
        #expect(groups.flatMap { $0 }.sorted() == Array(boxes.indices))
    }

    @Test func emptyInputsAndEmptyMembers() throws {
        #expect(try Geometry.union(of: []).isEmpty)
        let a = Geometry.rectangle(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1))
        let b = Geometry.rectangle(Envelope(minX: 5, minY: 5, maxX: 6, maxY: 7))
        let empty = try Geometry.polygon(exterior: [XY(0, 0), XY(1, 0), XY(1, 1), XY(0, 0)]).difference(a)
        #expect(empty.isEmpty)
        let union = try Geometry.union(of: [a, empty, b, empty])
        #expect(union.kind == .multiPolygon && union.partCount == 2 && abs(union.area - 3) < 1e-12)
    }
}
