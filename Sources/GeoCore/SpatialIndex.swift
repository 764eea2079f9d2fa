/// A static R-tree over envelopes, bulk-loaded with the Sort-Tile-Recursive
/// algorithm (Leutenegger et al. 1997), the packing GEOS's STRtree uses.
///
/// Items are identified by their position in the array given to `init`.
/// The tree is immutable once built, so queries are safe from any number of
/// threads. Query results are sorted by item index, so they are deterministic.
public struct SpatialIndex: Sendable {
    private struct Node: Sendable {
        var envelope: Envelope
        /// Children: node indices for inner nodes, item indices for leaves.
        var children: Range<Int>
        var isLeaf: Bool
    }

    private var nodes: [Node] = []
    private var childIndex: [Int] = []
    private let itemEnvelopes: [Envelope]
    private var root: Int?

    /// Maximum children per node.
    public let nodeCapacity: Int

    /// Builds the tree over `envelopes`; item i is `envelopes[i]`.
    public init(_ envelopes: [Envelope], nodeCapacity: Int = 10) {
        precondition(nodeCapacity >= 2, "nodeCapacity must be at least 2")
        self.itemEnvelopes = envelopes
        self.nodeCapacity = nodeCapacity
        guard !envelopes.isEmpty else { return }
        var level = packLevel(Array(envelopes.indices), envelope: { envelopes[$0] }, leaves: true)
        while level.count > 1 {
            let built = nodes
            level = packLevel(level, envelope: { built[$0].envelope }, leaves: false)
        }
        root = level[0]
    }

    /// Indices of the items whose envelope intersects `box`, ascending.
    public func query(_ box: Envelope) -> [Int] {
        guard let root else { return [] }
        var found: [Int] = []
        var stack = [root]
        while let index = stack.popLast() {
            let node = nodes[index]
            guard node.envelope.intersects(box) else { continue }
            for child in childIndex[node.children] {
                if node.isLeaf {
                    if itemEnvelopes[child].intersects(box) { found.append(child) }
                } else {
                    stack.append(child)
                }
            }
        }
        return found.sorted()
    }

    /// Indices of the items whose envelope contains `point`, ascending.
    public func query(_ point: XY) -> [Int] {
        query(Envelope(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y))
    }

    /// Packs one level: sorts entries into vertical slices by centre x, each
    /// slice by centre y, and groups runs of `nodeCapacity` into parents.
    private mutating func packLevel(_ entries: [Int], envelope: (Int) -> Envelope, leaves: Bool) -> [Int] {
        let parentCount = (entries.count + nodeCapacity - 1) / nodeCapacity
        let sliceCount = Int(Double(parentCount).squareRoot().rounded(.up))
        let sliceSize = sliceCount * nodeCapacity
        let byX = entries.sorted { (envelope($0).center.x, $0) < (envelope($1).center.x, $1) }
        var parents: [Int] = []
        for sliceStart in stride(from: 0, to: byX.count, by: sliceSize) {
            let slice = byX[sliceStart..<min(sliceStart + sliceSize, byX.count)]
                .sorted { (envelope($0).center.y, $0) < (envelope($1).center.y, $1) }
            for groupStart in stride(from: 0, to: slice.count, by: nodeCapacity) {
                let group = slice[(slice.startIndex + groupStart)..<min(slice.startIndex + groupStart + nodeCapacity, slice.endIndex)]
                let bounds = group.dropFirst().reduce(envelope(group.first!)) { $0.union(envelope($1)) }
                let start = childIndex.count
                childIndex.append(contentsOf: group)
                nodes.append(Node(envelope: bounds, children: start..<childIndex.count, isLeaf: leaves))
                parents.append(nodes.count - 1)
            }
        }
        return parents
    }
}
