import Foundation

extension MaximalCoveringBranchAndCut {
    /// Open nodes, the largest bound first (ties: deeper, then older).
    struct NodeHeap {
        /// A node and when it was pushed; "less" is "later out".
        private struct Entry: Comparable {
            let node: Search.Node
            let order: Int

            static func < (a: Entry, b: Entry) -> Bool {
                if a.node.bound != b.node.bound { return a.node.bound < b.node.bound }
                if a.node.depth != b.node.depth { return a.node.depth < b.node.depth }
                return a.order > b.order
            }

            static func == (a: Entry, b: Entry) -> Bool { a.order == b.order }
        }

        private var heap = MaxHeap<Entry>()
        private var counter = 0

        var isEmpty: Bool { heap.isEmpty }
        var bestBound: Double { heap.peek()?.node.bound ?? -.infinity }

        mutating func push(_ node: Search.Node) {
            counter += 1
            heap.push(Entry(node: node, order: counter))
        }

        mutating func popBest() -> Search.Node? { heap.pop()?.node }
    }
}
