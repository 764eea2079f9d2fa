import CGDAL
import CGEOS
import CProj

/// Versions of the native geospatial libraries this process is linked against,
/// read from the libraries themselves at run time (not from headers), so that
/// reports and summaries record exactly what computed their numbers.
public enum GeoLibraryVersions {
    /// PROJ release, e.g. "9.1.1".
    public static var proj: String {
        let info = proj_info()
        return info.release.map { String(cString: $0) }.map(Self.firstToken) ?? "unknown"
    }

    /// GEOS C API version, e.g. "3.11.1-CAPI-1.17.1".
    public static var geos: String {
        GEOSversion().map { String(cString: $0) } ?? "unknown"
    }

    /// GDAL release name, e.g. "3.6.2".
    public static var gdal: String {
        GDALVersionInfo("RELEASE_NAME").map { String(cString: $0) } ?? "unknown"
    }

    private static func firstToken(_ s: String) -> String {
        // proj_info().release reads "Rel. 9.1.1, December 1st, 2022".
        let parts = s.split(separator: " ")
        if parts.count >= 2, parts[0] == "Rel." { return parts[1].filter { $0 != "," } }
        return s
    }
}
