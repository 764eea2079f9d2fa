import Testing
@testable import GeoCore
import Support

@Suite struct SpatialIndexTests {
    @Test func queriesMatchBruteForce() {
        var generator = SplitMix64(seed: 42)
        let boxes: [Envelope] = (0..<3_000).map { _ in
            let x = Double.random(in: 0...1_000, using: &generator)
            let y = Double.random(in: 0...1_000, using: &generator)
            return Envelope(
                minX: x, minY: y, maxX: x + Double.random(in: 0...20, using: &generator),
                maxY: y + Double.random(in: 0...20, using: &generator))
        }
        let index = SpatialIndex(boxes)
        for _ in 0..<500 {
            let x = Double.random(in: -50...1_050, using: &generator)
            let y = Double.random(in: -50...1_050, using: &generator)
            let query = Envelope(
                minX: x, minY: y, maxX: x + Double.random(in: 0...60, using: &generator),
                maxY: y + Double.random(in: 0...60, using: &generator))
            let expected = boxes.indices.filter { boxes[$0].intersects(query) }
            #expect(index.query(query) == expected)
        }
        let point = XY(500, 500)
        #expect(index.query(point) == boxes.indices.filter { boxes[$0].contains(point) })
    }

    @Test func emptyAndSingleItemTrees() {
        #expect(SpatialIndex([]).query(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)) == [])
        let one = SpatialIndex([Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)])
        #expect(one.query(XY(1, 1)) == [0])
        #expect(one.query(XY(1.1, 1)) == [])
    }
}
