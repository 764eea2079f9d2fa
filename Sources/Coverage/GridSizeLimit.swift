import GeoCore

/// The largest demand grid aircover builds, checked on the zones' projected
/// extent before any cell is allocated.
///
/// 30 million cells of extent: China's land spans 4,862 × 5,648 km in its
/// fitted projection, 6.9 million cells at 2 km (the national benchmark,
/// 2.4 million of them with weight) and 27.5 million at 1 km, the finest
/// national grid accepted. Finer grids of such areas (110 million cells at
/// 0.5 km, billions for a continent at 100 m) would allocate without bound.
public enum GridSizeLimit {
    public static let maximumCells = 30_000_000.0

    /// Cells of `cellSize` metres spanning `extent` (projected metres).
    public static func cells(spanning extent: Envelope, cellSize: Double) -> Double {
        ((extent.width / cellSize).rounded(.down) + 1) * ((extent.height / cellSize).rounded(.down) + 1)
    }

    /// The smallest cell size in km, a multiple of 0.1 km, whose grid over `extent` stays within the limit.
    public static func smallestCellKm(spanning extent: Envelope) -> Double {
        var km = max(0.1, ((extent.width * extent.height / maximumCells).squareRoot() / 100).rounded(.up) / 10)
        while cells(spanning: extent, cellSize: km * 1_000) > maximumCells { km += 0.1 }
        return (km * 10).rounded() / 10
    }
}

/// A demand grid with more cells than `GridSizeLimit.maximumCells`.
public struct GridTooLargeError: Error, CustomStringConvertible, Sendable {
    /// The cells the grid's extent would span.
    public let cells: Double
    /// The zones' extent, km.
    public let widthKm: Double, heightKm: Double
    /// The smallest cell size (km) within the limit.
    public let smallestCellKm: Double

    public var description: String {
        "the zones span \(Int(widthKm.rounded())) × \(Int(heightKm.rounded())) km, about \(Self.count(cells)) cells at this size, "
            + "more than the \(Self.count(GridSizeLimit.maximumCells)) aircover builds; use cells of at least \(smallestCellKm) km"
    }

    static func count(_ value: Double) -> String {
        guard value < 1e18 else { return String(format: "%.1e", value) }
        var digits = String(Int(value.rounded()))
        var grouped = ""
        while digits.count > 3 { grouped = "," + digits.suffix(3) + grouped; digits.removeLast(3) }
        return digits + grouped
    }
}
