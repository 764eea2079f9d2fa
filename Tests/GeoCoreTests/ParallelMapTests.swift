import Foundation
import Testing
@testable import GeoCore
@testable import Support

/// `ParallelMap`: results in index order whatever the thread count, and the
/// `AIRCOVER_THREADS` variable read with its range.
@Suite struct ParallelMapTests {
    @Test(arguments: [0, 1, 2, 7, 1_000])
    func resultsComeBackInIndexOrder(count: Int) {
        let squares = ParallelMap.map(count) { index -> Int in
            // Uneven work, so threads finish out of order.
            if index % 3 == 0 { Thread.sleep(forTimeInterval: 0.0002) }
            return index * index
        }
        #expect(squares == (0..<count).map { $0 * $0 })
    }

    @Test func eachIndexRunsExactlyOnce() {
        let counter = Counter()
        _ = ParallelMap.map(5_000) { index in counter.add(index) }
        #expect(counter.seen == Array(0..<5_000))
    }

    @Test func theWidthVariableIsReadWithItsRange() throws {
        let name = ParallelMap.widthVariable
        #expect(try ParallelMap.widthFromEnvironment([:]) == nil)
        #expect(try ParallelMap.widthFromEnvironment([name: "1"]) == 1)
        #expect(try ParallelMap.widthFromEnvironment([name: " 12 "]) == 12)
        #expect(try ParallelMap.widthFromEnvironment([name: "\(ParallelMap.maximumWidth)"]) == ParallelMap.maximumWidth)
        for bad in ["0", "-2", "", "two", "1.5", "\(ParallelMap.maximumWidth + 1)", "99999999999999999999"] {
            #expect(throws: ConfigError.self, "\(bad)") { try ParallelMap.widthFromEnvironment([name: bad]) }
        }
        do {
            _ = try ParallelMap.widthFromEnvironment([name: "0"])
        } catch {
            #expect("\(error)".contains("AIRCOVER_THREADS") && "\(error)".contains("from 1 to"), "\(error)")
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var indices: [Int] = []
        var seen: [Int] { lock.withLock { indices.sorted() } }
        func add(_ index: Int) { lock.withLock { indices.append(index) } }
    }
}
