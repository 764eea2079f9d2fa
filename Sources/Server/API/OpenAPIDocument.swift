import GeoCore

/// The OpenAPI 3 document of every path the server answers (`GET /openapi.json`).
enum OpenAPIDocument {
    static let json: JSONValue = {
        func jsonReply(_ description: String, _ schema: JSONValue) -> JSONValue {
            .object([("description", .string(description)), ("content", .object([("application/json", .object([("schema", schema)]))]))])
        }
        func reply(_ description: String, _ type: String) -> JSONValue {
            .object([("description", .string(description)), ("content", .object([(type, .object([("schema", .object([("type", .string("string"))]))]))]))])
        }
        let error: JSONValue = .object([("$ref", .string("#/components/schemas/Error"))])
        func operation(_ summary: String, _ responses: [(key: String, value: JSONValue)], body: JSONValue? = nil,
                       parameters: [JSONValue] = []) -> JSONValue {
            var members: [(key: String, value: JSONValue)] = [("summary", .string(summary))]
            if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
            if let body { members.append(("requestBody", body)) }
            members.append(("responses", .object(responses)))
            return .object(members)
        }
        let fileParameter: JSONValue = .object([
            ("name", .string("file")), ("in", .string("path")), ("required", .bool(true)),
            ("description", .string("One of the fixed list of Leaflet files the page uses; any other name is a 404.")),
            ("schema", .object([("type", .string("string"))])),
        ])
        let notFound = jsonReply("Not a file the page uses.", error)
        let assessBody: JSONValue = .object([
            ("required", .bool(true)),
            ("description", .string("At most 1,000,000 bytes.")),
            ("content", .object([("application/json", .object([("schema", .object([("$ref", .string("#/components/schemas/AssessRequest"))]))]))])),
        ])
        return .object([
            ("openapi", .string("3.0.3")),
            ("info", .object([
                ("title", .string("aircover serve")),
                ("version", .string("1")),
                ("description", .string("The interactive planner's API. Figures are those of `aircover assess --json`, computed by the same Planner code.")),
            ])),
            ("paths", .object([
                ("/", .object([("get", operation("The planner page (HTML).", [("200", reply("The page.", "text/html"))]))])),
                ("/api/scenario", .object([("get", operation(
                    "The study: name, aircraft, standards, bounds, existing bases, candidate sites and zones (GeoJSON, lon/lat, simplified for drawing).",
                    [("200", jsonReply("The study.", .object([("$ref", .string("#/components/schemas/Scenario"))])))]))])),
                ("/api/assess", .object([("post", operation(
                    "Exact coverage of a base set at one standard, day or night: the object `aircover assess SCENARIO --bases … --json` prints, with only that standard in `standards`.",
                    [("200", jsonReply("The assessment.", .object([("type", .string("object"))]))),
                     ("400", jsonReply("Malformed JSON, an unknown member, unknown or repeated site ids, coordinates out of range, a standard the scenario lacks, too many bases, or an aircraft that cannot fly the request (e.g. its night dispatch is not shorter than the standard).", error)),
                     ("413", jsonReply("The body is larger than 1,000,000 bytes.", error))],
                    body: assessBody))])),
                ("/openapi.json", .object([("get", operation("This document.", [("200", jsonReply("OpenAPI 3 document.", .object([("type", .string("object"))])))]))])),
                ("/leaflet/{file}", .object([("get", operation("Leaflet (Debian's libjs-leaflet): leaflet.js or leaflet.css.",
                    [("200", reply("The file.", "application/octet-stream")), ("404", notFound)], parameters: [fileParameter]))])),
                ("/leaflet/images/{file}", .object([("get", operation("Leaflet's control and marker images.",
                    [("200", reply("The image.", "image/png")), ("404", notFound)], parameters: [fileParameter]))])),
            ])),
            ("components", .object([("schemas", .object([
                ("Error", .object([("type", .string("object")), ("required", .array([.string("error")])),
                                   ("properties", .object([("error", .object([("type", .string("string"))]))]))])),
                ("AssessRequest", .object([
                    ("type", .string("object")), ("required", .array([.string("bases")])), ("additionalProperties", .bool(false)),
                    ("properties", .object([
                        ("bases", .object([
                            ("type", .string("array")), ("minItems", .integer(1)), ("maxItems", .integer(ServerLimits.bases)),
                            ("description", .string("Site ids of the scenario, or [lon, lat] positions in degrees; a position becomes base B<n> (n counting positions, skipping ids the scenario uses). A site listed twice is refused.")),
                            ("items", .object([("oneOf", .array([
                                .object([("type", .string("string"))]),
                                .object([("type", .string("array")), ("minItems", .integer(2)), ("maxItems", .integer(2)),
                                         ("items", .object([("type", .string("number"))]))]),
                            ]))])),
                        ])),
                        ("minutes", .object([("type", .string("number")),
                                             ("description", .string("One of the scenario's standards; optional when it has only one."))])),
                        ("night", .object([("type", .string("boolean")),
                                           ("description", .string("Night dispatch; default the scenario's setting. The other setting is built once, on first use, from the same layers."))])),
                    ])),
                ])),
                ("Scenario", .object([
                    ("type", .string("object")),
                    ("properties", .object([
                        ("name", .object([("type", .string("string"))])),
                        ("aircraft", .object([("type", .string("string"))])),
                        ("night", .object([("type", .string("boolean"))])),
                        ("standards", .object([("type", .string("array")), ("items", .object([("type", .string("number"))]))])),
                        ("bounds", .object([("type", .string("array")), ("description", .string("[west, south, east, north], degrees")),
                                            ("items", .object([("type", .string("number"))]))])),
                        ("existing", .object([("type", .string("array")), ("items", .object([("$ref", .string("#/components/schemas/Site"))]))])),
                        ("candidates", .object([("type", .string("array")), ("items", .object([("$ref", .string("#/components/schemas/Site"))]))])),
                        ("zones", .object([("type", .string("object")), ("description", .string("GeoJSON FeatureCollection; feature properties id, name, hazard, region."))])),
                    ])),
                ])),
                ("Site", .object([
                    ("type", .string("object")),
                    ("properties", .object([
                        ("id", .object([("type", .string("string"))])), ("name", .object([("type", .string("string"))])),
                        ("lon", .object([("type", .string("number"))])), ("lat", .object([("type", .string("number"))])),
                        ("existing", .object([("type", .string("boolean"))])),
                    ])),
                ])),
            ]))])),
        ])
    }()
}
