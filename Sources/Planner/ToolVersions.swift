import GeoCore
import Siting

/// The versions of every library that contributes to aircover's numbers,
/// recorded in reports and summaries.
public struct ToolVersions: Sendable, Equatable {
    public var aircover: String
    public var proj: String
    public var geos: String
    public var gdal: String
    public var cbc: String

    /// The versions of the libraries linked into this process.
    public static var current: ToolVersions {
        ToolVersions(
            aircover: AircoverVersion.string,
            proj: GeoLibraryVersions.proj,
            geos: GeoLibraryVersions.geos,
            gdal: GeoLibraryVersions.gdal,
            cbc: SolverVersion.cbc
        )
    }
}

/// aircover's own version.
public enum AircoverVersion {
    public static let string = "0.1.0"
}
