/// The cost (response time) of each demand–site pair of a `CoverInstance`,
/// in `demandSites` order: stored, or — for an instance built from covering
/// sets alone — all zero without storage, which saves 8 bytes a pair
/// (China at 2 km: tens of millions of pairs).
public struct PairCosts: RandomAccessCollection, Sendable, Equatable {
    private let values: [Double]?
    public let count: Int

    /// Costs as given.
    public init(_ values: [Double]) {
        self.values = values
        count = values.count
    }

    /// `count` zero costs.
    public static func zeros(_ count: Int) -> PairCosts { PairCosts(count: count) }

    private init(count: Int) {
        values = nil
        self.count = count
    }

    /// Whether every cost is zero because none is stored.
    public var areAllZero: Bool { values == nil }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inline(__always) public subscript(k: Int) -> Double { values?[k] ?? 0 }

    public static func == (a: PairCosts, b: PairCosts) -> Bool { a.count == b.count && a.elementsEqual(b) }
}
