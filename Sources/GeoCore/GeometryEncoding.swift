import CGEOS

/// Well-known text and binary (ISO/OGC), through GEOS's readers and writers.
extension Geometry {
    /// Parses well-known text, e.g. `POLYGON ((0 0, 1 0, 1 1, 0 0))`.
    public convenience init(wkt: String) throws {
        let context = GEOSContext.current.handle
        let reader = GEOSWKTReader_create_r(context)
        defer { GEOSWKTReader_destroy_r(context, reader) }
        let parsed = GEOSWKTReader_read_r(context, reader, wkt)
        try self.init(taking: parsed, operation: "reading WKT \"\(wkt.prefix(60))\"")
    }

    /// Parses well-known binary (either byte order; 2D, Z and M read, Z/M dropped on use).
    public convenience init(wkb: [UInt8]) throws {
        let context = GEOSContext.current.handle
        let reader = GEOSWKBReader_create_r(context)
        defer { GEOSWKBReader_destroy_r(context, reader) }
        let parsed = wkb.withUnsafeBufferPointer { buffer in
            GEOSWKBReader_read_r(context, reader, buffer.baseAddress, buffer.count)
        }
        try self.init(taking: parsed, operation: "reading \(wkb.count) bytes of WKB")
    }

    /// Well-known text with at most `precision` decimals (trailing zeros trimmed).
    public func wkt(precision: Int = 15) throws -> String {
        let writer = GEOSWKTWriter_create_r(context)
        defer { GEOSWKTWriter_destroy_r(context, writer) }
        GEOSWKTWriter_setTrim_r(context, writer, 1)
        GEOSWKTWriter_setRoundingPrecision_r(context, writer, Int32(precision))
        GEOSWKTWriter_setOutputDimension_r(context, writer, 2)
        guard let text = GEOSWKTWriter_write_r(context, writer, handle) else {
            throw GeometryError("writing WKT: \(GEOSContext.current.takeError(or: "GEOS failed"))")
        }
        defer { GEOSFree_r(context, text) }
        return String(cString: text)
    }

    /// Well-known binary, little-endian, 2D, ISO flavour.
    public var wkb: [UInt8] {
        let writer = GEOSWKBWriter_create_r(context)
        defer { GEOSWKBWriter_destroy_r(context, writer) }
        GEOSWKBWriter_setByteOrder_r(context, writer, Int32(GEOS_WKB_NDR.rawValue))
        GEOSWKBWriter_setOutputDimension_r(context, writer, 2)
        var size = 0
        guard let bytes = GEOSWKBWriter_write_r(context, writer, handle, &size) else { return [] }
        defer { GEOSFree_r(context, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }
}
