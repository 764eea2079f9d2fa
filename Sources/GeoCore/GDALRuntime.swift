import CGDAL

/// GDAL's process-wide set-up and its errors.
///
/// Drivers are registered once, on first use, from any thread. GDAL's error
/// handler is made quiet: messages are not printed to stderr but kept (per
/// thread) for `GeoDataError` to report, naming the file.
enum GDALRuntime {
    private static let registered: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        return true
    }()

    /// Makes sure drivers are registered before any GDAL call.
    static func ensureRegistered() { _ = registered }

    /// GDAL's last error message on this thread, cleared after reading.
    static func takeLastError() -> String? {
        defer { CPLErrorReset() }
        guard CPLGetLastErrorType() != CE_None, let text = CPLGetLastErrorMsg() else { return nil }
        let message = String(cString: text)
        return message.isEmpty ? nil : message
    }

    /// Converts a C string list returned by GDAL, then frees it.
    static func strings(taking list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String] {
        guard let list else { return [] }
        defer { CSLDestroy(list) }
        var result: [String] = []
        var index = 0
        while let item = list[index] {
            result.append(String(cString: item))
            index += 1
        }
        return result
    }
}

/// A vector or raster file that could not be read: which file and why.
public struct GeoDataError: Error, CustomStringConvertible, Equatable, Sendable {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}
