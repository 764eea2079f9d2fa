import GeoCore

/// The exact area a projected polygon shares with every cell of a square
/// grid, by recursive clipping: the polygon is clipped to a block of cells;
/// an empty piece ends the block, a piece that fills the block makes every
/// cell full, and otherwise the piece is clipped to the block's four
/// quarters, down to single cells. Each GEOS intersection then works on a
/// piece no bigger than its block, so the cost follows the boundary's length,
/// not (number of cells) × (polygon size) as clipping cell by cell would.
/// Areas are GEOS intersection areas, as exact as clipping each cell alone.
struct GridClipper {
    let cellSize: Double

    /// Calls `emit(column, row, m²)` for every cell of positive shared area.
    func shares(of polygon: Geometry, _ emit: (Int, Int, Double) -> Void) throws {
        guard let box = polygon.envelope else { return }
        let columns = Int((box.minX / cellSize).rounded(.down))...Int((box.maxX / cellSize).rounded(.down))
        let rows = Int((box.minY / cellSize).rounded(.down))...Int((box.maxY / cellSize).rounded(.down))
        try clip(polygon, columns: columns, rows: rows, emit)
    }

    private func clip(
        _ piece: Geometry, columns: ClosedRange<Int>, rows: ClosedRange<Int>,
        _ emit: (Int, Int, Double) -> Void
    ) throws {
        let block = Envelope(
            minX: Double(columns.lowerBound) * cellSize, minY: Double(rows.lowerBound) * cellSize,
            maxX: Double(columns.upperBound + 1) * cellSize, maxY: Double(rows.upperBound + 1) * cellSize)
        let part = try piece.intersection(Geometry.rectangle(block))
        let area = part.area
        guard !part.isEmpty, area > 0 else { return }
        if columns.count == 1, rows.count == 1 {
            emit(columns.lowerBound, rows.lowerBound, area)
            return
        }
        let blockArea = (block.maxX - block.minX) * (block.maxY - block.minY)
        if area >= blockArea * (1 - 1e-12) {
            // The piece fills the block: every cell is whole.
            for row in rows {
                for column in columns { emit(column, row, cellSize * cellSize) }
            }
            return
        }
        let (west, east) = halves(columns), (south, north) = halves(rows)
        for r in [south, north].compactMap({ $0 }) {
            for c in [west, east].compactMap({ $0 }) { try clip(part, columns: c, rows: r, emit) }
        }
    }

    /// A range split in two (the second half nil for a single value).
    private func halves(_ range: ClosedRange<Int>) -> (ClosedRange<Int>?, ClosedRange<Int>?) {
        guard range.count > 1 else { return (range, nil) }
        let middle = range.lowerBound + range.count / 2
        return (range.lowerBound...(middle - 1), middle...range.upperBound)
    }
}
