import Foundation
import GeoCore

/// Every file `aircover plan` writes, built in memory so the output folder is
/// replaced all at once (see `OutputFolder`) or not at all.
///
/// - summary.json: the figures regression checks lock in (`PlanSummary`);
/// - plan.geojson and plan.gpkg: the same features, the GeoPackage with one
///   table per layer (reach, zone, uncovered, chosen, base) for QGIS;
/// - bases.csv, coverage_*.csv, siting.csv: the tables (`PlanTables`);
/// - map.svg, map-<M>min.svg, map-<M>min-proposed.svg (`PlanMap.files`) and
///   report.html: the maps and the self-contained report that embeds them.
public enum PlanOutputs {
    public static func files(_ run: PlanRun, versions: ToolVersions) throws -> [String: Data] {
        var files = try maps(run, versions: versions)
        files["summary.json"] = Data((PlanSummary.json(run, versions: versions).serialized + "\n").utf8)
        for (name, text) in PlanTables.files(run) { files[name] = Data(text.utf8) }
        return files
    }

    /// plan.geojson, plan.gpkg, the maps (map.svg and the further ones
    /// `PlanMap.files` names) and report.html alone: what `assess --output`
    /// writes for the bases it assesses. Every file is a key of the result,
    /// so the output folder's manifest lists it.
    public static func maps(_ run: PlanRun, versions: ToolVersions) throws -> [String: Data] {
        let features = PlanExport.features(run)
        let maps = try PlanMap.files(run)
        var files: [String: Data] = [
            "plan.geojson": Data(try GeoJSONWriter().featureCollection(features).utf8),
            "plan.gpkg": try geoPackage(features),
            "report.html": Data(PlanHTMLReport.html(run, maps: maps, versions: versions).utf8),
        ]
        for map in maps { files[map.name] = Data(map.svg.utf8) }
        return files
    }

    /// The features as a GeoPackage, one table per `layer` property, in the
    /// order the layers first appear; the styling properties stay out.
    static func geoPackage(_ features: [GeoJSONFeature]) throws -> Data {
        var order: [String] = []
        var byLayer: [String: [GeoJSONFeature]] = [:]
        let styling: Set<String> = ["layer", "stroke", "stroke-width", "fill", "fill-opacity", "marker-color", "marker-symbol"]
        for feature in features {
            guard case .string(let layer)? = feature.properties.first(where: { $0.key == "layer" })?.value else { continue }
            if byLayer[layer] == nil { order.append(layer) }
            byLayer[layer, default: []].append(
                GeoJSONFeature(
                    geometry: feature.geometry,
                    properties: feature.properties.filter { !styling.contains($0.key) }))
        }
        return try VectorWriter.data(order.map { VectorWriter.Layer(name: $0, features: byLayer[$0]!) })
    }
}
