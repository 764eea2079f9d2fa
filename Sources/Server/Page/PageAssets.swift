import Foundation
import Hummingbird

/// The page's own files, the only files a request can reach: the page
/// (Resources/index.html, part of the program) and Leaflet as Debian's
/// `libjs-leaflet` installs it. A Leaflet file is served only when its name
/// is in `leafletFiles`; the path read is built from that list, never from
/// the request.
enum PageAssets {
    /// Where `libjs-leaflet` installs Leaflet.
    static let leafletFolder = URL(fileURLWithPath: "/usr/share/javascript/leaflet", isDirectory: true)

    /// The Leaflet files the page uses (leaflet.css refers to the images), with their media types.
    static let leafletFiles: [String: String] = [
        "leaflet.js": "text/javascript; charset=utf-8",
        "leaflet.css": "text/css; charset=utf-8",
        "images/layers.png": "image/png",
        "images/layers-2x.png": "image/png",
        "images/marker-icon.png": "image/png",
        "images/marker-icon-2x.png": "image/png",
        "images/marker-shadow.png": "image/png",
    ]

    /// The page's HTML, read from the program's resources.
    static func page() throws -> String {
        guard let url = Bundle.module.url(forResource: "index", withExtension: "html", subdirectory: "Resources") else {
            throw APIError(.internalServerError, "the page (Resources/index.html) is missing from the program's resources")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A Leaflet file by its name under the Leaflet folder ("leaflet.js",
    /// "images/layers.png"); any other name is a 404.
    static func leaflet(_ name: String) throws -> Response {
        guard let (file, type) = leafletFiles.first(where: { $0.key == name }) else {
            throw APIError(.notFound, "no such Leaflet file: \(name)")
        }
        guard let data = FileManager.default.contents(atPath: leafletFolder.appendingPathComponent(file).path) else {
            throw APIError(.notFound, "\(leafletFolder.path)/\(file) is missing: install Debian's libjs-leaflet (tools/setup)")
        }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
