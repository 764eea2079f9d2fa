import Coverage
import GeoCore

/// The reporting region of each demand cell, for the figures per region
/// that come from the grid (the server's estimate, expected coverage): with a regions layer, the first
/// region whose polygon covers the cell's centre; without, the `region` of
/// the zone with the largest share of the cell. Regions are listed as
/// `aircover assess --json` lists them (the layer's order; zone regions by
/// name); a cell in none counts in no region.
public struct CellRegions: Sendable {
    public let names: [String]
    /// Per grid cell, an index into `names`, or nil.
    public let cellRegion: [Int?]

    public init(study: Study) {
        let cells = study.grid.cells
        if let regions = study.regions {
            names = regions.map(\.name)
            let prepared = regions.map { (envelope: $0.area.envelope, area: PreparedGeometry($0.area)) }
            cellRegion = cells.map { cell in
                prepared.firstIndex { region in
                    guard let box = region.envelope, box.minX <= cell.centre.lon, cell.centre.lon <= box.maxX,
                        box.minY <= cell.centre.lat, cell.centre.lat <= box.maxY
                    else { return false }
                    return region.area.covers(cell.centre.xy)
                }
            }
        } else {
            let zones = study.grid.zones
            names = Set(zones.compactMap(\.region)).sorted()
            let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            cellRegion = cells.map { cell in
                cell.zoneAreas.max { $0.km2 < $1.km2 }.flatMap { zones[$0.zone].region }.flatMap { index[$0] }
            }
        }
    }
}
