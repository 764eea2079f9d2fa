import Testing
@testable import Siting

@Suite struct SolverVersionTests {
    @Test func cbcIsLinkedAndReportsItsVersion() {
        let numbers = SolverVersion.cbc.split(separator: ".").compactMap { Int($0) }
        #expect(numbers.count >= 2 && (numbers[0], numbers[1]) >= (2, 10), "CBC \(SolverVersion.cbc)")
    }
}
