import Foundation
import GeoCore
import Hummingbird
import Planner

/// `aircover serve`: the Planner behind HTTP. One study, read at start;
/// the page at `/`, the API under `/api/` (assessments, grid estimates,
/// coverage layers, exports, background solves), its description at
/// `/openapi.json`, Leaflet under `/leaflet/`. No other path reaches a file.
public struct PlannerServer: Sendable {
    public let session: PlannerSession
    let page: String

    public init(session: PlannerSession) throws {
        self.session = session
        page = try PageAssets.page()
    }

    /// The routes; every error a route throws is answered as JSON (`JSONErrorMiddleware`).
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: JSONErrorMiddleware())
        router.get("/") { [page] _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
        }
        router.get("/api/scenario") { [session] _, _ in JSONResponse.text(session.scenarioJSON) }
        router.get("/api/basemap") { [session] _, _ in JSONResponse.text(try await session.basemapJSON()) }
        router.post("/api/assess") { [session] request, _ in
            let body = try await request.body.collect(upTo: ServerLimits.bodyBytes)
            return JSONResponse.make(try await session.assess(body: Array(buffer: body)))
        }
        router.post("/api/estimate") { [session] request, _ in
            let body = try await request.body.collect(upTo: ServerLimits.bodyBytes)
            return JSONResponse.make(try await session.estimate(body: Array(buffer: body)))
        }
        router.post("/api/layers") { [session] request, _ in
            let body = try await request.body.collect(upTo: ServerLimits.bodyBytes)
            return JSONResponse.make(try await session.layers(body: Array(buffer: body)))
        }
        router.post("/api/export") { [session] request, _ in
            let body = try await request.body.collect(upTo: ServerLimits.bodyBytes)
            return try await session.export(body: Array(buffer: body)).response
        }
        router.post("/api/solve") { [session] request, _ in
            let body = try await request.body.collect(upTo: ServerLimits.bodyBytes)
            return JSONResponse.make(try session.solve(body: Array(buffer: body)).json, status: .accepted)
        }
        router.get("/api/solve/{id}") { [session] _, context in
            JSONResponse.make(try session.solves.job(try context.parameters.require("id")).json)
        }
        router.delete("/api/solve/{id}") { [session] _, context in
            let job = try session.solves.cancel(try context.parameters.require("id"))
            return JSONResponse.make(job.json, status: job.currentStatus == .running ? .accepted : .ok)
        }
        router.get("/openapi.json") { _, _ in JSONResponse.make(OpenAPIDocument.json) }
        router.get("/leaflet/{file}") { _, context in try PageAssets.leaflet(try context.parameters.require("file")) }
        router.get("/leaflet/images/{file}") { _, context in try PageAssets.leaflet("images/" + (try context.parameters.require("file"))) }
        return router
    }

    /// The application listening on `host`:`port` (0: any free port);
    /// `ready` gets the address actually bound.
    func application(host: String, port: Int, ready: @escaping @Sendable (String) -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "aircover"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let shown = host.contains(":") ? "[\(host)]" : host
                ready("http://\(shown):\(bound)/")
            })
    }

    /// Serves until SIGINT (Ctrl-C) or SIGTERM, then shuts down gracefully,
    /// building every standard's coverage in the background meanwhile;
    /// `ready` gets the URL once the server listens. Throws if the address
    /// cannot be bound.
    public func run(host: String, port: Int, ready: @escaping @Sendable (String) -> Void) async throws {
        session.prepareCoverage()
        try await application(host: host, port: port, ready: ready).runService()
    }
}
