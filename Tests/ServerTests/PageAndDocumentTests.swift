import Foundation
import GeoCore
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Server

/// The page, the study it draws, the OpenAPI document, and which files a
/// request can reach.
@Suite final class PageAndDocumentTests: Sendable {
    let fixture: ServerFixture
    init() throws { fixture = try ServerFixture() }
    deinit { fixture.remove() }

    @Test func thePageIsServedAndRequestsNothingFromElsewhere() async throws {
        let reply = try await fixture.test { try await $0.execute(uri: "/", method: .get) }
        #expect(reply.status == .ok && reply.headers[.contentType]?.hasPrefix("text/html") == true)
        #expect(
            reply.text.contains("/api/assess") && reply.text.contains("/api/solve") && reply.text.contains("/api/layers")
                && reply.text.contains("/leaflet/leaflet.js"))
        #expect(!reply.text.contains("http://") && !reply.text.contains("https://") && !reply.text.contains("//cdn"))
    }

    @Test func theScenarioDescribesSitesZonesAndBounds() async throws {
        let scenario = try await fixture.test { try await $0.execute(uri: "/api/scenario", method: .get).json }
        #expect(scenario["name"] == .string("test square"))
        #expect(scenario["standards"] == .array([.number(15), .number(40)]))
        #expect(scenario["existing"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["B1", "B2"])
        #expect(scenario["candidates"]?.arrayValue?.first?["lon"]?.doubleValue == 122.3)
        #expect(scenario["bounds"] == .array([.number(122), .number(41), .number(123), .number(41.8)]))
        let zone = try #require(scenario["zones"]?["features"]?.arrayValue?.first)
        #expect(zone["properties"]?["id"] == .string("Z1") && zone["geometry"]?["type"] == .string("Polygon"))
    }

    /// The document's paths and methods are exactly the router's.
    @Test func theOpenAPIDocumentListsEveryRouteAndNoOther() async throws {
        let document = try await fixture.test { try await $0.execute(uri: "/openapi.json", method: .get).json }
        #expect(document["openapi"]?.stringValue?.hasPrefix("3.") == true)
        guard case .object(let paths)? = document["paths"] else { Issue.record("no paths"); return }
        let documented = Set(
            paths.flatMap { path in
                guard case .object(let operations) = path.value else { return [String]() }
                return operations.map { "\($0.key.uppercased()) \(path.key)" }
            })
        let routed = Set(
            fixture.server.router().routes.map { route in
                "\(route.method) " + route.path.description.replacingOccurrences(of: #":(\w+)"#, with: "{$1}", options: .regularExpression)
            })
        #expect(routed.count == 13)
        #expect(documented == routed)
    }

    static let traversals = [
        "/leaflet/../../etc/passwd", "/leaflet/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/leaflet/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/leaflet/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/leaflet/images/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/leaflet/images/../../../../etc/passwd",
        "/leaflet/leaflet.js/../../../../etc/passwd", "/../etc/passwd", "/leaflet/%252e%252e%252fetc%252fpasswd",
        "/leaflet/leaflet.js%00", "/leaflet//etc/passwd", "/leaflet/LEAFLET.JS", "/leaflet/leaflet.min.js", "/leaflet/images/../leaflet.js",
    ]

    @Test(arguments: [TestingSetup.router, .live])
    func noPathReachesAnotherFile(setup: TestingSetup) async throws {
        try await fixture.test(setup) { client in
            for uri in Self.traversals {
                let reply = try await client.execute(uri: uri, method: .get)
                #expect(reply.status == .notFound, "\(uri)")
                #expect(!reply.text.contains("root:"), "\(uri)")
            }
        }
    }

    /// Needs Debian's libjs-leaflet, which tools/setup installs.
    @Test func leafletComesFromTheSystemFolder() async throws {
        try await fixture.test { client in
            let script = try await client.execute(uri: "/leaflet/leaflet.js", method: .get)
            #expect(script.status == .ok && script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            let onDisk = try Data(contentsOf: URL(fileURLWithPath: "/usr/share/javascript/leaflet/leaflet.js"))
            #expect(Data(buffer: script.body) == onDisk)
            let image = try await client.execute(uri: "/leaflet/images/layers.png", method: .get)
            #expect(image.status == .ok && image.headers[.contentType] == "image/png")
        }
    }
}
