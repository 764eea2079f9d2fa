import Foundation
import Coverage
import GeoCore
import Support

/// plan.geojson: the existing bases, and for every standard the existing
/// network's reach (layer `reach`), each zone with its coverage (`zone`) and
/// the zone's parts out of reach (`uncovered`), and the sites each siting
/// run chose (`chosen`), styled for map viewers (simplestyle). Every feature
/// but a base carries the standard's `minutes`, so one standard is one
/// filter; a zone fully covered at a standard has no `uncovered` feature.
public enum PlanExport {
    public static func features(_ run: PlanRun) -> [GeoJSONFeature] {
        var features: [GeoJSONFeature] = []
        let thresholds = run.standards.map(\.minutes)
        for (rank, standard) in run.standards.enumerated().reversed() {
            let colour = MapStyle.thresholdColour(rank: rank, of: thresholds.count)
            features.append(
                GeoJSONFeature(
                    geometry: standard.served,
                    properties: [
                        ("layer", .string("reach")), ("minutes", NumberText.json(standard.minutes)),
                        ("aircraft", .string(run.scenario.aircraft.name)),
                        ("stroke", .string(colour)), ("stroke-width", .integer(2)), ("fill", .string(colour)), ("fill-opacity", .number(0.2)),
                    ]))
        }
        for standard in run.standards {
            let minutes = NumberText.json(standard.minutes)
            for (zone, coverage) in zip(run.grid.zones, standard.existing.zones) {
                features.append(
                    GeoJSONFeature(
                        geometry: zone.area,
                        properties: [
                            ("layer", .string("zone")), ("id", .string(zone.id)), ("name", .string(zone.name)), ("hazard", .string(zone.hazard)),
                            ("minutes", minutes), ("area_km2", .number(coverage.areaKm2)),
                            ("covered_pct", .number(coverage.coveredPercent)),
                            ("stroke", .string("#555555")), ("stroke-width", .integer(1)), ("fill-opacity", .number(0)),
                        ]))
            }
            for (zone, missing) in zip(run.grid.zones, standard.existing.uncovered) where !missing.isEmpty {
                features.append(
                    GeoJSONFeature(
                        geometry: missing,
                        properties: [
                            ("layer", .string("uncovered")), ("zone", .string(zone.id)), ("minutes", minutes),
                            ("stroke", .string(MapStyle.uncovered)), ("fill", .string(MapStyle.uncovered)), ("fill-opacity", .number(0.35)),
                        ]))
            }
        }
        features += chosenSites(run)
        for site in run.existing {
            features.append(
                GeoJSONFeature(
                    geometry: .point(site.position.xy),
                    properties: [
                        ("layer", .string("base")), ("id", .string(site.id)), ("name", .string(site.name)),
                        ("marker-color", .string(MapStyle.existingBase)), ("marker-symbol", .string("heliport")),
                    ]))
        }
        return features
    }

    /// One point per site chosen by each siting plan (layer `chosen`), with
    /// the model, the standard and p, so a viewer can filter one solution.
    static func chosenSites(_ run: PlanRun) -> [GeoJSONFeature] {
        let byId = Dictionary(run.candidates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var features: [GeoJSONFeature] = []
        for standard in run.standards {
            for plan in [standard.lscp].compactMap({ $0 }) + standard.mclp {
                for id in plan.sites {
                    guard let site = byId[id] else { continue }
                    var properties: [(key: String, value: JSONValue)] = [
                        ("layer", .string("chosen")), ("id", .string(site.id)), ("name", .string(site.name)),
                        ("model", .string(plan.model)), ("minutes", NumberText.json(standard.minutes)),
                    ]
                    properties.append((key: "p", value: plan.p.map { .integer($0) } ?? .null))
                    properties.append((key: "existing", value: .bool(run.existing.contains { $0.id == site.id })))
                    properties += [("marker-color", .string(MapStyle.chosenBase)), ("marker-symbol", .string("triangle"))]
                    features.append(GeoJSONFeature(geometry: .point(site.position.xy), properties: properties))
                }
            }
        }
        return features
    }
}
