import Foundation
import Testing
@testable import GeoCore

@Suite struct GeoJSONTests {
    @Test func writerFollowsRFC7946AndRoundTripsToTheByte() throws {
        // A clockwise exterior with a counter-clockwise hole: both wrong per RFC 7946.
        let polygon = try Geometry.polygon(
            exterior: [XY(121, 38), XY(121, 42), XY(125, 42), XY(125, 38)],
            holes: [[XY(122, 39), XY(123, 39), XY(123, 40), XY(122, 40)]])
        let features = [
            GeoJSONFeature(
                id: .string("zone-1"), geometry: polygon,
                properties: [("name", .string("辽宁")), ("weight", .number(2.5)), ("count", .integer(3))]),
            GeoJSONFeature(geometry: .point(XY(123.123456789, 41.000000049)), properties: [("kind", .string("base"))]),
            GeoJSONFeature(geometry: nil),
        ]
        let writer = GeoJSONWriter()
        let text = try writer.featureCollection(features)
        #expect(text.contains(#"[[[121,38],[125,38],[125,42],[121,42],[121,38]],[[122,39],[122,40],[123,40],[123,39],[122,39]]]"#))
        #expect(text.contains("[123.123457,41]"))
        let reread = try GeoJSONReader.features(parsing: text)
        #expect(reread.count == 3)
        #expect(reread[0].id == .string("zone-1"))
        #expect(reread[0][property: "name"] == .string("辽宁"))
        #expect(reread[0].geometry!.area == polygon.area)
        #expect(reread[2].geometry == nil)
        #expect(try writer.featureCollection(reread) == text)
    }

    @Test func polygonsCrossingTheAntimeridianAreSplit() throws {
        // 170°E to 170°W written continuously (to 190°).
        let crossing = try Geometry.polygon(exterior: [XY(170, -10), XY(190, -10), XY(190, 10), XY(170, 10)])
        let split = try AntimeridianSplit.split(crossing)
        #expect(split.kind == .multiPolygon)
        #expect(split.partCount == 2)
        #expect(abs(split.area - crossing.area) < 1e-9)
        let bounds = split.parts.map { $0.envelope! }.sorted { $0.minX < $1.minX }
        #expect(bounds[0] == Envelope(minX: -180, minY: -10, maxX: -170, maxY: 10))
        #expect(bounds[1] == Envelope(minX: 170, minY: -10, maxX: 180, maxY: 10))
        // The same ring given with a jump (170° → −170°) means the same shape.
        let jumping = try Geometry.polygon(exterior: [XY(170, -10), XY(-170, -10), XY(-170, 10), XY(170, 10)])
        #expect(try AntimeridianSplit.split(jumping).normalized().coordinates == split.normalized().coordinates)
        // Written GeoJSON holds the two halves; no longitude outside ±180.
        let text = try GeoJSONWriter().featureCollection([GeoJSONFeature(geometry: crossing)])
        #expect(text.contains("\"MultiPolygon\""))
        #expect(!text.contains("190"))
        // Inside ±180 nothing changes.
        let inside = try Geometry.polygon(exterior: [XY(0, 0), XY(1, 0), XY(1, 1)])
        #expect(try AntimeridianSplit.split(inside) === inside)
        #expect(AntimeridianSplit.wrap(190) == -170)
        #expect(AntimeridianSplit.wrap(-180) == -180)
        #expect(AntimeridianSplit.wrap(540) == -180)
    }

    /// A polar cap closed along the pole (its pole edge from 180° back to
    /// −180°, as isochrones around a pole are written) is no crossing of the
    /// antimeridian: it is written as it is, not collapsed.
    @Test func polarCapsClosedAlongThePoleAreWrittenAsTheyAre() throws {
        let cap = try Geometry.polygon(exterior: [
            XY(-180, 88), XY(-90, 87), XY(0, 86), XY(90, 87), XY(180, 88),
            XY(180, 90), XY(-180, 90), XY(-180, 88),
        ])
        #expect(cap.isValid)
        let split = try AntimeridianSplit.split(cap)
        #expect(split.isValid)
        #expect(abs(split.area - cap.area) < 1e-9 * cap.area)
        let text = try GeoJSONWriter().geometry(cap)
        let back = try #require(try GeoJSONReader.features(parsing: text).first?.geometry)
        #expect(back.isValid && abs(back.area - cap.area) < 1e-9 * cap.area)
        // The same for the south pole, the ring running the other way.
        let south = try Geometry.polygon(exterior: [XY(180, -88), XY(0, -86), XY(-180, -88), XY(-180, -90), XY(180, -90), XY(180, -88)])
        #expect(abs(try AntimeridianSplit.split(south).area - south.area) < 1e-9 * south.area)
    }

    @Test func readerAcceptsFeatureAndBareGeometry() throws {
        let feature = try GeoJSONReader.features(
            parsing: #"{"type":"Feature","properties":null,"geometry":{"type":"LineString","coordinates":[[0,0,100],[3,4,120]]}}"#)
        #expect(feature.count == 1 && feature[0].geometry!.length == 5)
        let bare = try GeoJSONReader.features(parsing: #"{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}"#)
        #expect(bare[0].geometry!.partCount == 2)
    }

    @Test func badInputNamesTheSourceFeatureAndProblem() throws {
        func message(_ text: String) -> String {
            do {
                _ = try GeoJSONReader.features(parsing: text, source: "zones.geojson")
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        let truncated =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}}"#
        #expect(
            message(truncated)
                == "zones.geojson: line 1, column \(truncated.count + 1): not valid JSON: expected ',' or ']' in an array (the text ends here; truncated?)")
        #expect(
            message(
                #"{"type":"FeatureCollection","features":[{"type":"Feature","id":7,"properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}}]}"#
            )
                == "zones.geojson: feature 0 (id 7): Polygon: ring 1 has 3 positions; a closed ring needs at least 4")
        #expect(
            message(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[10,95]}}]}"#)
                .contains("latitude must be within ±90°"))
        #expect(message(#"{"type":"Topology"}"#) == "zones.geojson: geometry: unknown geometry type \"Topology\"")
        #expect(message(#"[1,2]"#) == "zones.geojson: not GeoJSON: the top-level object has no \"type\"")
        #expect(
            message(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":[],"geometry":null}]}"#)
                == "zones.geojson: feature 0: \"properties\" must be an object or null, not an array")
        let missing = URL(fileURLWithPath: "/nonexistent/zones.geojson")
        #expect(throws: GeoJSONError.self) { try GeoJSONReader.features(at: missing) }
    }
}
