import Foundation
import Testing
@testable import GeoCore
@testable import Support

/// TOML reading: values as JSON, and every malformed text refused with its
/// line and column instead of reaching toml++'s assertions.
@Suite struct ConfigTableTests {
    @Test func readsEveryKindOfValue() throws {
        let table = try ConfigTable.parse(
            toml: """
                title = "x [[[ y"
                n = 3
                f = 2.5
                on = true
                day = 1979-05-27
                [a]
                list = [1, 2.0, "three", [4]]
                inline = { k = "v" }
                [[t]]
                name = "first"
                [[t]]
                name = "second"
                """, source: "t.toml")
        #expect(table.value["title"] == .string("x [[[ y"))
        #expect(table.value["n"] == .integer(3))
        #expect(table.value["f"] == .number(2.5))
        #expect(table.value["on"] == .bool(true))
        #expect(table.value["day"] == .string("1979-05-27"))
        #expect(table.value["a"]?["list"] == .array([.integer(1), .number(2), .string("three"), .array([.integer(4)])]))
        #expect(table.value["a"]?["inline"] == .object([("k", .string("v"))]))
        #expect(try table.tables("t").map { try $0.string("name") } == ["first", "second"])
    }

    /// `[` inside strings, arrays and comments is not a table header.
    @Test func bracketsInsideValuesAreNotHeaders() throws {
        let table = try ConfigTable.parse(
            toml: """
                a = [
                [[1]],
                [ [2] ], # [[[ comment
                ]
                s = \"\"\"
                [[[
                \"\"\"
                q = \"\"\"ends with quotes\"\"\"\"\"
                l = '''
                [=]
                '''
                e = "escaped \\" [[["
                [b] # [[[
                "quoted [[[ key" = 1
                """, source: "t.toml")
        #expect(table.value["a"] == .array([.array([.array([.integer(1)])]), .array([.array([.integer(2)])])]))
        #expect(table.value["s"] == .string("[[[\n"))
        #expect(table.value["q"] == .string("ends with quotes\"\""))
        #expect(table.value["b"]?["quoted [[[ key"] == .integer(1))
    }

    @Test(arguments: [
        ("[[[\n", 1, 3, "'['"), ("[[[a]]]\n", 1, 3, "'['"), ("[=]\n", 1, 2, "'='"), ("[#]\n", 1, 2, "'#'"),
        ("[\n", 1, 2, "the end of the line"), ("[[ ,x]]\n", 1, 4, "','"), ("a = 1\n[b]\n[ .c]\n", 3, 3, "'.'"),
        (String(repeating: "[", count: 100_000), 1, 3, "'['"), ("s = \"\"\"\n[[[\n\"\"\"\n[[[\n", 4, 3, "'['"),
        ("a = [\n[[1]]\n]\n[[[x\n", 4, 3, "'['"), ("a = 1\n[é]\n", 2, 2, "'é'"),
    ])
    func headersTomlPlusPlusAssertsOnAreRefused(text: String, line: Int, column: Int, found: String) {
        #expect(
            throws: ConfigError(
                source: "t.toml", path: "line \(line), column \(column)",
                problem: "not valid TOML: a table header needs a key (a name or a quoted string) after '[', found \(found)")
        ) {
            try ConfigTable.parse(toml: text, source: "t.toml")
        }
    }

    /// A `}` where an array expects a value: toml++'s `parse_value()` asserts on it.
    @Test(arguments: [
        ("a = [}\n", 1, 6), ("a = [1, }\n", 1, 9), ("a = [\n  1,\n  # note\n  }\n", 4, 3),
        ("t = { a = [ } ]\n", 1, 13), ("a = [[1], [}]]\n", 1, 12),
    ])
    func aBraceWhereAnArrayExpectsAValueIsRefused(text: String, line: Int, column: Int) {
        #expect(
            throws: ConfigError(
                source: "t.toml", path: "line \(line), column \(column)",
                problem: "not valid TOML: an array needs a value or ']' here, found '}'")
        ) {
            try ConfigTable.parse(toml: text, source: "t.toml")
        }
    }

    /// A date whose `T` no digit follows: toml++'s `parse_time()` asserts on it.
    @Test(arguments: [
        ("a = 1979-05-27T:30:00Z\n", 1, 16), ("a = 1979-05-27T\n", 1, 16), ("a = 1979-05-27t", 1, 16),
        ("a = [1979-05-27T07:32:00, 1979-05-27Tx]\n", 1, 38), ("t = { x = 1, y = 2001-01-01T }\n", 1, 29),
    ])
    func aDateTimeWithoutItsTimeIsRefused(text: String, line: Int, column: Int) {
        #expect(
            throws: ConfigError(
                source: "t.toml", path: "line \(line), column \(column)",
                problem: "not valid TOML: a date-time needs its time after the 'T' (YYYY-MM-DDTHH:MM:SS)")
        ) {
            try ConfigTable.parse(toml: text, source: "t.toml")
        }
    }

    /// A date, a space and one digit ending the value: toml++'s `parse_value()` asserts on it.
    @Test(arguments: [
        ("a = 1979-05-27 7\n", 1, 17), ("a = 1979-04--m 9 \"c\"\n", 1, 17), ("a = [1979-05-27 7]\n", 1, 18),
        ("a = 1979_-05-27 7 # note\n", 1, 18), ("ee = 0989-05-he 5 a\n", 1, 18),
    ])
    func aDateWithALoneDigitAfterASpaceIsRefused(text: String, line: Int, column: Int) {
        #expect(
            throws: ConfigError(
                source: "t.toml", path: "line \(line), column \(column)",
                problem: "not valid TOML: a date followed by a space needs a whole time (YYYY-MM-DD HH:MM:SS)")
        ) {
            try ConfigTable.parse(toml: text, source: "t.toml")
        }
    }

    /// Dates, times and keys that look like dates are valid TOML and read as such.
    @Test func datesAndDateLikeKeysAreRead() throws {
        let table = try ConfigTable.parse(
            toml: "1979-05-27t = 1\nd = 1979-05-27T07:32:00Z\ne = 1979-05-27\nf = 1979-05-27 07:32:00\ng = [1979-05-27, 1]\n",
            source: "t.toml")
        #expect(table.value["1979-05-27t"] == .integer(1))
        #expect(table.value["e"] != nil && table.value["d"] != nil && table.value["f"] != nil)
    }

    /// Braces that close inline tables inside arrays are valid TOML and read as such.
    @Test func inlineTablesInsideArraysAreRead() throws {
        let table = try ConfigTable.parse(toml: "a = [{ b = [1] }, { c = 2 },\n]\nd = { e = [3, { f = 4 }] }\n", source: "t.toml")
        #expect(table.value["a"] == .array([.object([("b", .array([.integer(1)]))]), .object([("c", .integer(2))])]))
        #expect(table.value["d"]?["e"] == .array([.integer(3), .object([("f", .integer(4))])]))
    }

    /// An error toml++ finds before the bad header is the one reported.
    @Test func anEarlierSyntaxErrorIsReportedFirst() {
        #expect(throws: ConfigError.self) { try ConfigTable.parse(toml: "a = = 1\n[[[\n", source: "t.toml") }
        do {
            _ = try ConfigTable.parse(toml: "a = = 1\n[[[\n", source: "t.toml")
        } catch let error as ConfigError {
            #expect(error.path == "line 1, column 5")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func nulBytesAreRefusedNotTruncated() {
        #expect(
            throws: ConfigError(
                source: "t.toml", path: "line 2, column 6",
                problem: "not valid TOML: contains a NUL byte; a TOML file must be plain text")
        ) {
            try ConfigTable.parse(toml: "a = 1\nb = 2\u{0}\nc = 3\n", source: "t.toml")
        }
    }

    @Test func textThatIsNotUTF8IsRefusedWithItsPlace() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("a = 1\nb = \"é".utf8 + [0xFF] + Array("\"\n".utf8)).write(to: url)
        #expect(
            throws: ConfigError(
                source: url.path, path: "line 2, column 7",
                problem: "not valid TOML: the file is not UTF-8 text (save it as UTF-8)")
        ) {
            try ConfigTable.load(tomlFile: url)
        }
    }

    @Test(arguments: [
        ("x = nan", "x", "nan"), ("[demand]\ncell_km = inf", "[demand] cell_km", "inf"),
        ("[standards]\nminutes = [15, -inf]", "[standards] minutes (item 2)", "-inf"),
        ("[[aircraft]]\nname = \"A\"\n[[aircraft]]\ncruise_speed_kmh = +nan", "[[aircraft]] #2 cruise_speed_kmh", "nan"),
    ])
    func nonFiniteNumbersNameTheirKey(text: String, path: String, found: String) {
        #expect(throws: ConfigError(source: "t.toml", path: path, problem: "must be a finite number, found \(found)")) {
            try ConfigTable.parse(toml: text, source: "t.toml")
        }
    }
}
