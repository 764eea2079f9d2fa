import GeoCore
import Hummingbird
import Support

/// JSON replies: one serialized `JSONValue`, UTF-8, newline-terminated.
enum JSONResponse {
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        text(value.serialized + "\n", status: status)
    }

    /// A reply whose JSON text was serialized beforehand.
    static func text(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
    }
}
