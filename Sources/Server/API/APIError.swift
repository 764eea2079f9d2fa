import GeoCore
import Hummingbird
import Isochrones
import Planner

/// A request the server refuses or could not answer: an HTTP status and a
/// message naming the problem, sent as `{"error": "..."}`.
public struct APIError: Error, CustomStringConvertible, Sendable {
    public let status: HTTPResponse.Status
    public let message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// A 400 Bad Request.
    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, message) }

    public var description: String { message }

    /// The error as the server answers it. The planner's own input errors
    /// (unknown sites, standards the scenario lacks, an aircraft that cannot
    /// fly the request) are the client's: 400; anything else is a 500.
    init(answering error: any Error) {
        switch error {
        case let error as APIError: self = error
        case let error as HTTPError: self.init(error.status, error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            self.init(.contentTooLarge, "the request body is larger than \(ServerLimits.bodyBytes) bytes")
        case let error as any HTTPResponseError: self.init(error.status, error.status.reasonPhrase)
        case let error as InputError: self.init(.badRequest, error.message)
        case let error as AircraftError: self.init(.badRequest, "\(error)")
        default: self.init(.internalServerError, "\(error)")
        }
    }

    var response: Response {
        JSONResponse.make(.object([("error", .string(message))]), status: status)
    }
}

/// Turns every error of a route (and of a path no route has) into a JSON
/// error reply, so no request ends without an answer the page can show.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = APIError(answering: error)
            if answer.status == .notFound && answer.message == HTTPResponse.Status.notFound.reasonPhrase {
                return APIError(.notFound, "no such path: \(request.method) \(request.uri.path)").response
            }
            return answer.response
        }
    }
}

/// The server's fixed limits.
public enum ServerLimits {
    /// Largest request body read, in bytes.
    public static let bodyBytes = 1_000_000
    /// Most bases one assessment takes.
    public static let bases = 500
    /// Most solves running or waiting at once; more are refused (429).
    public static let runningSolves = 2
    /// Solve jobs kept for `GET /api/solve/{id}` (the newest).
    public static let keptSolves = 32
    /// Largest time limit a solve may ask for, in seconds.
    public static let solveSeconds = 600.0
}
