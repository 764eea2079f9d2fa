import CGDAL
import Foundation

/// An attribute value of a vector feature.
public enum FieldValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case integer(Int)
    case real(Double)
    /// Text, and also dates and times (as GDAL formats them, ISO 8601).
    case string(String)

    public var doubleValue: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .real(let v): v
        case .string(let s): Double(s.trimmingCharacters(in: .whitespaces))
        case .null: nil
        }
    }

    public var stringValue: String? {
        switch self {
        case .null: nil
        case .integer(let v): String(v)
        case .real(let v): String(v)
        case .string(let s): s
        }
    }

    public var description: String { stringValue ?? "null" }
}

/// One feature of a vector layer: its id, geometry in WGS84 lon/lat, and
/// attributes in the layer's field order.
public struct VectorFeature: Sendable {
    public let id: Int
    /// WGS84 longitude/latitude; `nil` when the feature has no geometry.
    public let geometry: Geometry?
    public let fields: [(name: String, value: FieldValue)]

    /// The value of field `name` (exact name first, then ignoring case).
    public subscript(field name: String) -> FieldValue? {
        fields.first { $0.name == name }?.value ?? fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// A vector layer read through GDAL/OGR: GeoJSON, GeoPackage, Shapefile,
/// KML, FlatGeobuf, CSV with longitude/latitude columns, and anything else
/// OGR opens.
///
/// Features come back in WGS84 longitude/latitude (longitude first),
/// reprojected from the layer's CRS when it differs. A layer without a CRS is
/// taken as WGS84 when every coordinate lies within longitude/latitude
/// bounds, and rejected otherwise. For CSV files, columns named lon,
/// longitude or x and lat, latitude or y give the point geometry.
public struct VectorLayer: Sendable {
    public let path: String
    /// The layer's name in its file.
    public let name: String
    /// The layer's CRS as given (WKT), or `nil` when it has none.
    public let sourceCRS: String?
    public let fieldNames: [String]
    public let features: [VectorFeature]

    /// The column names a CSV layer's longitudes and latitudes may have.
    static let longitudeColumns = ["lon", "longitude", "x", "lng"], latitudeColumns = ["lat", "latitude", "y"]

    /// Refuses a CSV whose header (up to its end of line, or a NUL, where GDAL
    /// stops reading it) names a coordinate column twice: GDAL 3.6
    /// crashes reading such a file with the coordinate columns dropped.
    static func checkCoordinateColumns(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        let header = String(decoding: head.prefix { $0 != 0x0A && $0 != 0x0D && $0 != 0x00 }, as: UTF8.self)
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}\" ")).lowercased()
        }
        for name in longitudeColumns + latitudeColumns where names.filter({ $0 == name }).count > 1 {
            throw GeoDataError(path: path, reason: "the header names the column \(name) more than once; give each coordinate one column")
        }
        // Two different names for one coordinate (lon and lng) leave GDAL 3.6
        // two candidate columns, which it mishandles; refuse them too.
        for (coordinate, aliases) in [("longitude", longitudeColumns), ("latitude", latitudeColumns)] {
            let found = aliases.filter(names.contains)
            if found.count > 1 {
                throw GeoDataError(
                    path: path, reason: "the header has \(found.count) \(coordinate) columns (\(found.joined(separator: ", "))); keep one")
            }
        }
    }

    /// Reads every feature of a layer of `path` (`layer`: its name; `nil`:
    /// the first layer).
    public static func read(_ path: String, layer: String? = nil) throws -> VectorLayer {
        GDALRuntime.ensureRegistered()
        func fail(_ reason: String) -> GeoDataError { GeoDataError(path: path, reason: reason) }
        guard FileManager.default.fileExists(atPath: path) else { throw fail("no such file") }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular, (attributes[.size] as? NSNumber)?.intValue == 0
        {
            throw fail("the file is empty; expected a vector layer (GeoJSON, GeoPackage, shapefile, or CSV with lon and lat columns)")
        }
        var options: [String] = []
        if path.lowercased().hasSuffix(".csv") {
            try checkCoordinateColumns(path)
            options = [
                "X_POSSIBLE_NAMES=\(longitudeColumns.joined(separator: ","))", "Y_POSSIBLE_NAMES=\(latitudeColumns.joined(separator: ","))",
                "KEEP_GEOM_COLUMNS=NO",
            ]
        }
        let dataset = withCStringList(options) { list in
            GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), nil, list, nil)
        }
        guard let dataset else {
            throw fail("not a vector file GDAL can read (\(GDALRuntime.takeLastError() ?? "no driver recognised it"))")
        }
        defer { GDALClose(dataset) }
        let count = GDALDatasetGetLayerCount(dataset)
        guard count > 0 else { throw fail("holds no vector layers") }
        let handle: OGRLayerH?
        if let layer {
            handle = GDALDatasetGetLayerByName(dataset, layer)
            if handle == nil {
                let names = (0..<count).compactMap { OGR_L_GetName(GDALDatasetGetLayer(dataset, $0)).map { String(cString: $0) } }
                throw fail("no layer named \"\(layer)\"; its layers are \(names.joined(separator: ", "))")
            }
        } else {
            handle = GDALDatasetGetLayer(dataset, 0)
        }
        guard let handle else { throw fail("cannot open its first layer") }
        return try read(layer: handle, path: path)
    }

    private static func read(layer: OGRLayerH, path: String) throws -> VectorLayer {
        func fail(_ reason: String) -> GeoDataError { GeoDataError(path: path, reason: reason) }
        let name = String(cString: OGR_L_GetName(layer))
        let definition = OGR_L_GetLayerDefn(layer)
        let fieldCount = OGR_FD_GetFieldCount(definition)
        let fieldNames = (0..<fieldCount).map { String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, $0))) }
        let fieldTypes = (0..<fieldCount).map { OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, $0)) }

        let reprojection = try Reprojection(layerCRS: OGR_L_GetSpatialRef(layer), path: path)
        var features: [VectorFeature] = []
        OGR_L_ResetReading(layer)
        while let feature = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(feature) }
            let id = Int(OGR_F_GetFID(feature))
            var geometry: Geometry?
            if let ogr = OGR_F_GetGeometryRef(feature) {
                if let transformation = reprojection.transformation, OGR_G_Transform(ogr, transformation) != OGRERR_NONE {
                    throw fail("feature \(id): cannot reproject its geometry to WGS84 (\(GDALRuntime.takeLastError() ?? "outside the CRS's domain"))")
                }
                let size = Int(OGR_G_WkbSize(ogr))
                var bytes = [UInt8](repeating: 0, count: size)
                guard OGR_G_ExportToIsoWkb(ogr, wkbNDR, &bytes) == OGRERR_NONE else {
                    throw fail("feature \(id): its geometry cannot be exported")
                }
                do {
                    geometry = try Geometry(wkb: bytes)
                } catch {
                    throw fail("feature \(id): unreadable geometry\(Self.ringProblem(in: "\(error)").map { ": \($0)" } ?? "") (\(error))")
                }
                if reprojection.mustBeLonLat, let bounds = geometry?.envelope,
                    bounds.minX < -180 || bounds.maxX > 180 || bounds.minY < -90 || bounds.maxY > 90
                {
                    throw fail(
                        "has no CRS and its coordinates (e.g. feature \(id), \(bounds)) are not longitude/latitude; give the file a CRS (e.g. a .prj) or reproject it to EPSG:4326"
                    )
                }
                if let problem = geometry?.positionOutsideWGS84Problem {
                    throw fail("feature \(id): \(problem)")
                }
            }
            var fields: [(name: String, value: FieldValue)] = []
            for index in 0..<fieldCount {
                fields.append((fieldNames[Int(index)], value(feature, index, fieldTypes[Int(index)])))
            }
            features.append(VectorFeature(id: id, geometry: geometry, fields: fields))
        }
        if let error = GDALRuntime.takeLastError(), features.isEmpty {
            throw fail("reading failed: \(error)")
        }
        return VectorLayer(path: path, name: name, sourceCRS: reprojection.sourceWKT, fieldNames: fieldNames, features: features)
    }

    /// GEOS's refusal of a ring in planner words, when it is one.
    static func ringProblem(in message: String) -> String? {
        if message.contains("do not form a closed linestring") {
            return "a polygon ring is not closed; its last position must repeat its first"
        }
        if message.contains("must contain 0 or >1 elements") || message.contains("Invalid number of points in LinearRing") {
            return "a polygon ring has too few positions; it needs at least 4, the last repeating the first"
        }
        return nil
    }

    private static func value(_ feature: OGRFeatureH, _ index: Int32, _ type: OGRFieldType) -> FieldValue {
        guard OGR_F_IsFieldSetAndNotNull(feature, index) != 0 else { return .null }
        switch type {
        case OFTInteger, OFTInteger64: return .integer(Int(OGR_F_GetFieldAsInteger64(feature, index)))
        case OFTReal: return .real(OGR_F_GetFieldAsDouble(feature, index))
        default: return .string(String(cString: OGR_F_GetFieldAsString(feature, index)))
        }
    }
}

/// The transformation from a layer's CRS to WGS84 lon/lat, if one is needed.
private final class Reprojection {
    let transformation: OGRCoordinateTransformationH?
    let sourceWKT: String?
    /// No CRS: coordinates are taken as lon/lat if they look like it.
    let mustBeLonLat: Bool
    private var spatialReferences: [OGRSpatialReferenceH] = []

    init(layerCRS: OGRSpatialReferenceH?, path: String) throws {
        guard let layerCRS else {
            transformation = nil
            sourceWKT = nil
            mustBeLonLat = true
            return
        }
        mustBeLonLat = false
        var wkt: UnsafeMutablePointer<CChar>?
        OSRExportToWkt(layerCRS, &wkt)
        sourceWKT = wkt.map { String(cString: $0) }
        VSIFree(wkt)
        let source = OSRClone(layerCRS)!
        let target = OSRNewSpatialReference(nil)!
        spatialReferences = [source, target]
        OSRImportFromEPSG(target, 4326)
        OSRSetAxisMappingStrategy(source, OAMS_TRADITIONAL_GIS_ORDER)
        OSRSetAxisMappingStrategy(target, OAMS_TRADITIONAL_GIS_ORDER)
        if OSRIsSame(source, target) != 0 {
            transformation = nil
        } else {
            guard let made = OCTNewCoordinateTransformation(source, target) else {
                spatialReferences.forEach { OSRDestroySpatialReference($0) }
                throw GeoDataError(path: path, reason: "cannot reproject its CRS to WGS84 (\(GDALRuntime.takeLastError() ?? "unknown CRS"))")
            }
            transformation = made
        }
    }

    deinit {
        if let transformation { OCTDestroyCoordinateTransformation(transformation) }
        spatialReferences.forEach { OSRDestroySpatialReference($0) }
    }
}

/// Calls `body` with a NULL-terminated C string list (GDAL's `char**`).
func withCStringList<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> T) rethrows -> T {
    guard !strings.isEmpty else { return try body(nil) }
    let owned = strings.map { strdup($0) }
    defer { owned.forEach { free($0) } }
    let pointers: [UnsafePointer<CChar>?] = owned.map { $0.map { UnsafePointer($0) } } + [nil]
    return try pointers.withUnsafeBufferPointer { try body($0.baseAddress) }
}
