import GeoCore
import Support

extension CoverageEvaluation {
    /// The parts of an evaluation that depend only on the grid and the
    /// reporting regions, not on the served region: the zones merged by
    /// hazard type and by their own region names, and the demand (all
    /// zones) inside each reporting region, projected. Built once per study
    /// and reused by every evaluation on it; `evaluate` builds one itself
    /// when given none, with the same operations, so an evaluation's figures
    /// are the same whether or not its frame was kept.
    ///
    /// On Liaoning at 5 km (100 counties) building it takes about 1.5 s of
    /// processor time, most of it the zones' part of each county.
    public struct Frame: Sendable {
        let hazardGroups: [(name: String, merged: Geometry)]
        let regionGroups: [(name: String, merged: Geometry)]
        /// The reporting regions' names, in order (nil: none given).
        let regionNames: [String]?
        /// The demand inside each reporting region (projected; empty where none).
        let regionDemands: [Geometry]

        /// The frame of `grid` with `regions` (as `evaluate` is given them).
        public init(grid: DemandGrid, regions: [ReportingRegion]?) throws {
            func groups(_ key: (HazardZone) -> String?) throws -> [(name: String, merged: Geometry)] {
                try Set(grid.zones.compactMap(key)).sorted().map { name in
                    (name, try Geometry.union(of: grid.zones.indices.filter { key(grid.zones[$0]) == name }.map { grid.projectedZones[$0] }))
                }
            }
            hazardGroups = try groups { $0.hazard }
            regionGroups = try groups { $0.region }
            regionNames = regions?.map(\.name)
            let transformer = try grid.projection.transformerFromWGS84()
            let densify = grid.cellSize / 20 / 111_000
            let planes = try (regions ?? []).map { try transformer.transform(try $0.area.densified(maxSegmentLength: densify)) }
            let demand = grid.projectedUnion
            // Each core its own prepared demand (prepared geometries serve one thread).
            let cores = max(1, min(planes.count, ParallelMap.width))
            let parts = ParallelMap.map(cores) { core in
                let prepared = PreparedGeometry(demand)
                return stride(from: core, to: planes.count, by: cores).map { index in
                    Result { () throws -> Geometry in
                        let region = planes[index]
                        if prepared.contains(region) { return region }
                        return prepared.intersects(region) ? try demand.intersection(region) : try Geometry.union(of: [])
                    }
                }
            }
            regionDemands = try planes.indices.map { try parts[$0 % cores][$0 / cores].get() }
        }

        /// Whether this frame was built for `regions` (by their names and number).
        func fits(_ regions: [ReportingRegion]?) -> Bool {
            regionNames == regions?.map(\.name)
        }
    }
}
