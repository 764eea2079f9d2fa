import Testing
@testable import GeoCore
@testable import Support

@Suite struct JSONTests {
    @Test func parsesEveryKindOfValueKeepingMemberOrder() throws {
        let text = #"{"z":1,"a":[true,false,null],"m":-2.5e3,"s":"x\"\\\/\n\u00e9\ud83d\ude81","big":12345678901234567890}"#
        let value = try JSONParser.parse(text)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "m", "s", "big"])
        #expect(value["z"] == .integer(1))
        #expect(value["a"] == .array([.bool(true), .bool(false), .null]))
        #expect(value["m"] == .number(-2500))
        #expect(value["s"] == .string("x\"\\/\né🚁"))
        #expect(value["big"] == .number(1.2345678901234567e19))
    }

    @Test func serializationRoundTrips() throws {
        let value = JSONValue.object([
            ("name", .string("Dalian \"Zhoushuizi\"\t机场")), ("n", .integer(-7)), ("x", .number(0.1)),
            ("tiny", .number(1e-5)), ("list", .array([.null, .bool(true)])), ("nested", .object([("k", .string(""))])),
        ])
        let text = value.serialized
        #expect(try JSONParser.parse(text) == value)
        #expect(try JSONParser.parse(text).serialized == text)
        #expect(JSONValue.number(.infinity).serialized == "null")
    }

    @Test func errorsSayWhere() {
        let cases: [(String, Int, Int)] = [
            ("{\"a\":1,\n \"b\":}", 2, 6),
            ("[1,2", 1, 5),
            ("{\"a\" 1}", 1, 6),
            ("\"unterminated", 1, 14),
            ("01", 1, 2),
            ("[1] x", 1, 5),
        ]
        for (text, line, column) in cases {
            do {
                _ = try JSONParser.parse(text)
                Issue.record("parsed invalid JSON \(text)")
            } catch let error as JSONParseError {
                #expect(error.line == line && error.column == column, "\(text): \(error)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}
