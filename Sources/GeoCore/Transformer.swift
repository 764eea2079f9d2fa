import CProj

/// A coordinate transformation between two CRSs through PROJ, with
/// longitude (easting) first on both sides whatever the CRS's official axis
/// order (`proj_normalize_for_visualization`): EPSG:4326 is lon, lat here.
///
/// A `Transformer` owns its own PROJ context and is used by one thread at a
/// time (it is not `Sendable`); make one per thread for parallel work.
/// Accuracy is PROJ's: for the projections aircover uses (Albers, Lambert
/// azimuthal equal-area, UTM) round trips agree to well under a millimetre.
public final class Transformer {
    /// The source and target CRS definitions as given.
    public let source: String
    public let target: String
    private let context: OpaquePointer
    private let pj: OpaquePointer

    /// A transformation from `source` to `target`, each any CRS PROJ accepts
    /// ("EPSG:4326", a PROJ string, WKT, PROJJSON).
    public init(from source: String, to target: String) throws {
        self.source = source
        self.target = target
        guard let context = proj_context_create() else { throw TransformError("PROJ could not create a context") }
        proj_log_level(context, PJ_LOG_NONE)
        guard let raw = proj_create_crs_to_crs(context, source, target, nil) else {
            let reason = Self.reason(context)
            proj_context_destroy(context)
            throw TransformError("cannot transform from \"\(source)\" to \"\(target)\": \(reason)")
        }
        guard let normalized = proj_normalize_for_visualization(context, raw) else {
            proj_destroy(raw)
            let reason = Self.reason(context)
            proj_context_destroy(context)
            throw TransformError("cannot put \"\(source)\" → \"\(target)\" in lon/lat order: \(reason)")
        }
        proj_destroy(raw)
        self.context = context
        self.pj = normalized
    }

    deinit {
        proj_destroy(pj)
        proj_context_destroy(context)
    }

    /// Transforms points from source to target (`inverse`: target to source).
    /// Throws when PROJ cannot transform a point (e.g. outside a
    /// projection's domain), naming the first such point.
    public func transform(_ points: [XY], inverse: Bool = false) throws -> [XY] {
        guard !points.isEmpty else { return [] }
        var xs = points.map(\.x), ys = points.map(\.y)
        let count = points.count
        proj_errno_reset(pj)
        let direction = inverse ? PJ_INV : PJ_FWD
        xs.withUnsafeMutableBufferPointer { x in
            ys.withUnsafeMutableBufferPointer { y in
                _ = proj_trans_generic(
                    pj, direction, x.baseAddress, MemoryLayout<Double>.stride, count,
                    y.baseAddress, MemoryLayout<Double>.stride, count,
                    nil, 0, 0, nil, 0, 0)
            }
        }
        for i in 0..<count where !xs[i].isFinite || !ys[i].isFinite {
            throw TransformError(
                "cannot transform \(points[i]) from \"\(inverse ? target : source)\" to \"\(inverse ? source : target)\": \(Self.reason(context))")
        }
        return zip(xs, ys).map { XY($0, $1) }
    }

    /// Transforms one point.
    public func transform(_ point: XY, inverse: Bool = false) throws -> XY {
        try transform([point], inverse: inverse)[0]
    }

    /// A geometry with every coordinate transformed.
    public func transform(_ geometry: Geometry, inverse: Bool = false) throws -> Geometry {
        try Geometry(geometry.coordinates.mapPaths { try transform($0, inverse: inverse) })
    }

    private static func reason(_ context: OpaquePointer) -> String {
        let code = proj_context_errno(context)
        guard code != 0, let text = proj_context_errno_string(context, code) else { return "PROJ gave no reason" }
        return String(cString: text)
    }
}

/// A CRS transformation that failed, with PROJ's reason.
public struct TransformError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
