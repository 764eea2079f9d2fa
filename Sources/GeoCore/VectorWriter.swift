import CGDAL
import Foundation

/// Writes layers of features (WGS84 lon/lat) to a vector file through GDAL,
/// e.g. a GeoPackage with one table per layer.
///
/// Each layer's fields come from its features' properties, in order of first
/// appearance: a field whose values are all integers is an Integer64, all
/// numbers a Real, anything else a String (arrays and objects as their JSON
/// text). The CRS is EPSG:4326 in longitude/latitude order.
public enum VectorWriter {
    public struct Layer: Sendable {
        public let name: String
        public let features: [GeoJSONFeature]
        public init(name: String, features: [GeoJSONFeature]) {
            self.name = name
            self.features = features
        }
    }

    /// The bytes of a file holding `layers`, written by the GDAL driver
    /// `driver` ("GPKG", "FlatGeobuf", …) in GDAL's memory file system
    /// (`/vsimem/`), so nothing touches the disk. The same layers give the
    /// same bytes: GeoPackage's `last_change` timestamps are pinned to
    /// 1970-01-01T00:00:00.000Z (GDAL's `OGR_CURRENT_DATE`), unless the
    /// environment sets `OGR_CURRENT_DATE` itself.
    public static func data(_ layers: [Layer], driver: String = "GPKG", fileExtension: String = "gpkg") throws -> Data {
        let path = "/vsimem/aircover-\(UUID().uuidString).\(fileExtension)"
        defer { for suffix in ["", "-journal", "-wal", "-shm"] { VSIUnlink(path + suffix) } }
        let pinned = ProcessInfo.processInfo.environment["OGR_CURRENT_DATE"] == nil
        if pinned { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "1970-01-01T00:00:00.000Z") }
        defer { if pinned { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nil) } }
        try write(layers, to: path, driver: driver)
        var length: vsi_l_offset = 0
        guard let buffer = VSIGetMemFileBuffer(path, &length, 0) else {
            throw GeoDataError(path: path, reason: "GDAL wrote no file")
        }
        return Data(bytes: buffer, count: Int(length))
    }

    /// Writes `layers` to a new file at `path` (which must not exist) with
    /// the GDAL driver `driver` ("GPKG", "FlatGeobuf", …).
    static func write(_ layers: [Layer], to path: String, driver driverName: String = "GPKG") throws {
        GDALRuntime.ensureRegistered()
        guard let driver = GDALGetDriverByName(driverName) else { throw GeoDataError(path: path, reason: "GDAL has no \(driverName) driver") }
        guard let dataset = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw GeoDataError(path: path, reason: GDALRuntime.takeLastError() ?? "cannot create the file")
        }
        var closed = false
        defer { if !closed { GDALClose(dataset) } }
        let srs = OSRNewSpatialReference(nil)
        defer { OSRDestroySpatialReference(srs) }
        OSRImportFromEPSG(srs, 4326)
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        for layer in layers {
            try write(layer, into: dataset, srs: srs, path: path)
        }
        closed = true
        GDALClose(dataset)
        if let error = GDALRuntime.takeLastError() { throw GeoDataError(path: path, reason: error) }
    }

    private enum FieldKind { case integer, real, string }

    private static func write(_ layer: Layer, into dataset: GDALDatasetH, srs: OGRSpatialReferenceH?, path: String) throws {
        var names: [String] = [], kinds: [String: FieldKind] = [:]
        for feature in layer.features {
            for (key, value) in feature.properties {
                let kind: FieldKind
                switch value {
                case .integer: kind = .integer
                case .number: kind = .real
                case .null: continue
                default: kind = .string
                }
                if let known = kinds[key] {
                    kinds[key] = known == kind ? kind : (Set([known, kind]) == [.integer, .real] ? .real : .string)
                } else {
                    names.append(key)
                    kinds[key] = kind
                }
            }
        }
        guard let handle = GDALDatasetCreateLayer(dataset, layer.name, srs, wkbUnknown, nil) else {
            throw GeoDataError(path: path, reason: "cannot create layer \(layer.name): \(GDALRuntime.takeLastError() ?? "unknown error")")
        }
        for name in names {
            let type: OGRFieldType =
                switch kinds[name]! {
                case .integer: OFTInteger64;
                case .real: OFTReal;
                case .string: OFTString
                }
            let definition = OGR_Fld_Create(name, type)
            defer { OGR_Fld_Destroy(definition) }
            guard OGR_L_CreateField(handle, definition, 1) == OGRERR_NONE else {
                throw GeoDataError(path: path, reason: "layer \(layer.name): cannot create field \(name)")
            }
        }
        let definition = OGR_L_GetLayerDefn(handle)
        OGR_L_StartTransaction(handle)
        for feature in layer.features {
            let f = OGR_F_Create(definition)
            defer { OGR_F_Destroy(f) }
            for (key, value) in feature.properties {
                let index = OGR_F_GetFieldIndex(f, key)
                guard index >= 0 else { continue }
                switch (kinds[key]!, value) {
                case (_, .null): OGR_F_SetFieldNull(f, index)
                case (.integer, .integer(let v)): OGR_F_SetFieldInteger64(f, index, GIntBig(v))
                case (.real, _) where value.doubleValue != nil: OGR_F_SetFieldDouble(f, index, value.doubleValue!)
                case (_, .string(let s)): OGR_F_SetFieldString(f, index, s)
                default: OGR_F_SetFieldString(f, index, value.serialized)
                }
            }
            if let geometry = feature.geometry {
                var wkb = geometry.wkb
                var g: OGRGeometryH?
                let status = wkb.withUnsafeMutableBytes { OGR_G_CreateFromWkb($0.baseAddress, nil, &g, Int32($0.count)) }
                guard status == OGRERR_NONE, let g else { throw GeoDataError(path: path, reason: "layer \(layer.name): a geometry GDAL cannot read") }
                OGR_F_SetGeometryDirectly(f, g)
            }
            guard OGR_L_CreateFeature(handle, f) == OGRERR_NONE else {
                throw GeoDataError(path: path, reason: "layer \(layer.name): cannot write a feature: \(GDALRuntime.takeLastError() ?? "unknown error")")
            }
        }
        OGR_L_CommitTransaction(handle)
    }
}
