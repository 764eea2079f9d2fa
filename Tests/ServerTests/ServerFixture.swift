import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Planner
import TestSupport
@testable import Server
import Support

/// The server on the small test scenario (SmallScenario), in-process, and
/// the built `aircover` program to compare its figures with.
struct ServerFixture {
    let folder: URL
    let scenarioFile: URL
    let server: PlannerServer

    /// The server on the scenario `write` writes into the fixture's folder (default SmallScenario).
    init(_ write: (URL) throws -> URL = { try SmallScenario.write(in: $0) }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("aircover-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        scenarioFile = try write(folder)
        server = try PlannerServer(session: try PlannerSession(study: try Study.load(try Scenario.load(scenarioFile))))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs `body` against the server's router (no socket), or a live server on a free port.
    func test<T>(_ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await server.application(host: "127.0.0.1", port: 0).test(setup, body)
    }

    /// The `aircover` executable the tests were built with.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("aircover").path), directory.pathComponents.count > 1 {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("aircover")
    }

    /// `aircover <arguments>` printing JSON, parsed.
    static func command(_ arguments: [String]) throws -> JSONValue {
        let output = try ProcessRunner.run(executable, arguments)
        guard output.status == 0 else { throw InputError("aircover \(arguments.joined(separator: " ")) failed: \(output.stderr)") }
        return try JSONParser.parse(output.stdout)
    }

    /// `aircover assess <scenario> --bases … --json`, parsed.
    static func assessCommand(_ scenario: URL, bases: String) throws -> JSONValue {
        let output = try ProcessRunner.run(executable, ["assess", scenario.path, "--bases", bases, "--json"])
        guard output.status == 0 else { throw InputError("aircover assess failed: \(output.stderr)") }
        return try JSONParser.parse(output.stdout)
    }
}

extension TestClientProtocol {
    /// POSTs `body` to /api/assess.
    func assess(_ body: String) async throws -> TestResponse {
        try await execute(uri: "/api/assess", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
    }
}

extension TestClientProtocol {
    /// POSTs `body` to /api/solve.
    func solve(_ body: String) async throws -> TestResponse {
        try await execute(uri: "/api/solve", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
    }

    /// GET /api/solve/{id} until the job is no longer running (or `seconds` pass); the last reply.
    func awaitJob(_ id: String, seconds: Double = 120) async throws -> JSONValue {
        let start = ContinuousClock.now
        while true {
            let job = try await execute(uri: "/api/solve/\(id)", method: .get).json
            if job["status"] != .string("running") || ContinuousClock.now - start > .seconds(seconds) { return job }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: JSONValue { get throws { try JSONParser.parse(text) } }
}

extension JSONValue {
    /// The entry of `standards` for `minutes`.
    func standard(_ minutes: Double) -> JSONValue? {
        self["standards"]?.arrayValue?.first { $0["minutes"]?.doubleValue == minutes }
    }
}

extension JSONValue {
    /// The figures of one standard's entry without the base ids (positions
    /// are named differently by the server and the command when the
    /// scenario's own ids are B1, B2, …).
    var figures: [JSONValue?] {
        ["total", "zones", "hazards", "regions", "population", "response_minutes"].map { self[$0] }
            + [self["resilience"]?["full_pct"]]
            + (self["resilience"]?["outages"]?.arrayValue ?? []).map { $0["covered_pct"] }
    }
}
