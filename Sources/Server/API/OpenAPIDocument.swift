import GeoCore
import Support

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
        func operation(
            _ summary: String, _ responses: [(key: String, value: JSONValue)], body: JSONValue? = nil,
            parameters: [JSONValue] = []
        ) -> JSONValue {
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
        let solveBody: JSONValue = .object([
            ("required", .bool(true)),
            ("description", .string("At most 1,000,000 bytes.")),
            ("content", .object([("application/json", .object([("schema", .object([("$ref", .string("#/components/schemas/SolveRequest"))]))]))])),
        ])
        let exportBody: JSONValue = .object([
            ("required", .bool(true)),
            ("description", .string("At most 1,000,000 bytes.")),
            ("content", .object([("application/json", .object([("schema", .object([("$ref", .string("#/components/schemas/ExportRequest"))]))]))])),
        ])
        let solveJob: JSONValue = .object([("$ref", .string("#/components/schemas/SolveJob"))])
        let jobParameter: JSONValue = .object([
            ("name", .string("id")), ("in", .string("path")), ("required", .bool(true)),
            ("description", .string("The id POST /api/solve answered with.")), ("schema", .object([("type", .string("string"))])),
        ])
        return .object([
            ("openapi", .string("3.0.3")),
            (
                "info",
                .object([
                    ("title", .string("aircover serve")),
                    ("version", .string("1")),
                    (
                        "description",
                        .string("The interactive planner's API. Figures are those of `aircover assess --json`, computed by the same Planner code.")
                    ),
                ])
            ),
            (
                "paths",
                .object([
                    ("/", .object([("get", operation("The planner page (HTML).", [("200", reply("The page.", "text/html"))]))])),
                    (
                        "/api/scenario",
                        .object([
                            (
                                "get",
                                operation(
                                    "The study: name, aircraft, standards, bounds, existing bases, candidate sites and zones (GeoJSON, lon/lat, simplified for drawing).",
                                    [("200", jsonReply("The study.", .object([("$ref", .string("#/components/schemas/Scenario"))])))])
                            )
                        ])
                    ),
                    (
                        "/api/basemap",
                        .object([
                            (
                                "get",
                                operation(
                                    "The offline basemap drawn under the zones: the scenario's context layers ([output] context) and reporting regions, within 2° of the zones, simplified at 0.005° for drawing.",
                                    [
                                        (
                                            "200",
                                            jsonReply(
                                                "GeoJSON FeatureCollection, lon/lat; feature properties layer (\"context\" or \"region\") and, for regions, name.",
                                                .object([("type", .string("object"))]))
                                        )
                                    ])
                            )
                        ])
                    ),
                    (
                        "/api/assess",
                        .object([
                            (
                                "post",
                                operation(
                                    "Exact coverage of a base set at one standard, day or night: the object `aircover assess SCENARIO --bases … --json` prints, with only that standard in `standards`.",
                                    [
                                        ("200", jsonReply("The assessment.", .object([("type", .string("object"))]))),
                                        (
                                            "400",
                                            jsonReply(
                                                "Malformed JSON, an unknown member, unknown or repeated site ids, coordinates out of range, a standard the scenario lacks, too many bases, an aircraft type the scenario's catalog lacks, or an aircraft that cannot fly the request (e.g. its night dispatch is not shorter than the standard).",
                                                error)
                                        ),
                                        ("413", jsonReply("The body is larger than 1,000,000 bytes.", error)),
                                    ],
                                    body: assessBody)
                            )
                        ])
                    ),
                    (
                        "/api/estimate",
                        .object([
                            (
                                "post",
                                operation(
                                    "The grid estimate of a base set at one standard, day or night, at once: from the coverage matrix of every candidate at that standard (built on the first request, or solve, at it and kept); a position that is not a candidate gets its own column. The figures `aircover assess --json` gives beside the exact ones (grid_covered_km2) and those `aircover site --json` gives for a plan (grid_covered_weight, grid_total_weight, grid_covered_pct).",
                                    [
                                        ("200", jsonReply("The estimate.", .object([("$ref", .string("#/components/schemas/Estimate"))]))),
                                        (
                                            "400",
                                            jsonReply(
                                                "As /api/assess: malformed JSON, an unknown member, unknown or repeated site ids, coordinates out of range, a standard the scenario lacks, too many bases, an unknown aircraft type, or an aircraft that cannot fly the request.",
                                                error)
                                        ),
                                        ("413", jsonReply("The body is larger than 1,000,000 bytes.", error)),
                                    ],
                                    body: assessBody)
                            )
                        ])
                    ),
                    (
                        "/api/layers",
                        .object([
                            (
                                "post",
                                operation(
                                    "What the page draws for a base set at one standard, day or night (lon/lat): the served region (the union of the bases' isochrones, as a GeoJSON geometry) and each zone's uncovered part (a FeatureCollection, one feature per zone with a gap), from the code `aircover assess` runs. Geometries are simplified for drawing (topology kept, display_tolerance_deg = 0.001°); the figures (total and per zone: area_km2, covered_km2, covered_pct, uncovered_km2) are exact: covered ones are `assess --json`'s, and per zone covered + uncovered = area.",
                                    [
                                        ("200", jsonReply("The layers.", .object([("$ref", .string("#/components/schemas/Layers"))]))),
                                        (
                                            "400",
                                            jsonReply(
                                                "As /api/assess: malformed JSON, an unknown member, unknown or repeated site ids, coordinates out of range, a standard the scenario lacks, too many bases, an unknown aircraft type, or an aircraft that cannot fly the request.",
                                                error)
                                        ),
                                        ("413", jsonReply("The body is larger than 1,000,000 bytes.", error)),
                                    ],
                                    body: assessBody)
                            )
                        ])
                    ),
                    (
                        "/api/export",
                        .object([
                            (
                                "post",
                                operation(
                                    "The plan as a file to download (Content-Disposition: attachment): toml, the scenario file with the plan's bases as its existing bases, naming plan-bases.csv beside it (paths absolute, [output] left out); csv, that bases file; geojson, gpkg and html, the plan.geojson, plan.gpkg (GeoPackage: tables reach, zone, uncovered, base) and report.html `aircover assess --output` writes for the plan.",
                                    [
                                        (
                                            "200",
                                            .object([
                                                ("description", .string("The file.")),
                                                (
                                                    "content",
                                                    .object([
                                                        ("application/toml", .object([("schema", .object([("type", .string("string"))]))])),
                                                        ("text/csv", .object([("schema", .object([("type", .string("string"))]))])),
                                                        ("application/geo+json", .object([("schema", .object([("type", .string("object"))]))])),
                                                        (
                                                            "application/geopackage+sqlite3",
                                                            .object([("schema", .object([("type", .string("string")), ("format", .string("binary"))]))])
                                                        ),
                                                        ("text/html", .object([("schema", .object([("type", .string("string"))]))])),
                                                    ])
                                                ),
                                            ])
                                        ),
                                        ("400", jsonReply("As /api/assess, or a format missing or unknown.", error)),
                                        ("409", jsonReply("toml: the study was not read from a scenario file.", error)),
                                        ("413", jsonReply("The body is larger than 1,000,000 bytes.", error)),
                                    ],
                                    body: exportBody)
                            )
                        ])
                    ),
                    (
                        "/api/solve",
                        .object([
                            (
                                "post",
                                operation(
                                    "Starts a background solve (LSCP, MCLP, or the MCLP tradeoff curve) on the scenario's coverage at one standard, day or night, through the code `aircover site` runs; answers at once with the job (status running). Follow it with GET /api/solve/{id}.",
                                    [
                                        ("202", jsonReply("The job, started.", solveJob)),
                                        (
                                            "400",
                                            jsonReply(
                                                "Malformed JSON, an unknown member, an unknown model, p missing (mclp), given (lscp) or out of range, a standard the scenario lacks, an unknown aircraft type, or a time limit out of range.",
                                                error)
                                        ),
                                        ("413", jsonReply("The body is larger than 1,000,000 bytes.", error)),
                                        ("429", jsonReply("\(ServerLimits.runningSolves) solves are running or waiting already.", error)),
                                    ],
                                    body: solveBody)
                            )
                        ])
                    ),
                    (
                        "/api/solve/{id}",
                        .object([
                            (
                                "get",
                                operation(
                                    "A solve job: status (running, done, cancelled, failed), progress (stage, elapsed seconds) and, when done, the result.",
                                    [
                                        ("200", jsonReply("The job.", solveJob)),
                                        ("404", jsonReply("No such job (or older than the last \(ServerLimits.keptSolves)).", error)),
                                    ],
                                    parameters: [jobParameter])
                            ),
                            (
                                "delete",
                                operation(
                                    "Cancels a solve job: the solver stops at its next check (a CBC solve already running stops at its time limit).",
                                    [
                                        ("202", jsonReply("Cancelling: the job still runs until the solver stops.", solveJob)),
                                        ("200", jsonReply("The job was cancelled already (or while it waited).", solveJob)),
                                        ("404", jsonReply("No such job.", error)),
                                        ("409", jsonReply("The job has finished or failed already.", error)),
                                    ],
                                    parameters: [jobParameter])
                            ),
                        ])
                    ),
                    (
                        "/openapi.json",
                        .object([("get", operation("This document.", [("200", jsonReply("OpenAPI 3 document.", .object([("type", .string("object"))])))]))])
                    ),
                    (
                        "/leaflet/{file}",
                        .object([
                            (
                                "get",
                                operation(
                                    "Leaflet (Debian's libjs-leaflet): leaflet.js or leaflet.css.",
                                    [("200", reply("The file.", "application/octet-stream")), ("404", notFound)], parameters: [fileParameter])
                            )
                        ])
                    ),
                    (
                        "/leaflet/images/{file}",
                        .object([
                            (
                                "get",
                                operation(
                                    "Leaflet's control and marker images.",
                                    [("200", reply("The image.", "image/png")), ("404", notFound)], parameters: [fileParameter])
                            )
                        ])
                    ),
                ])
            ),
            (
                "components",
                .object([
                    (
                        "schemas",
                        .object([
                            (
                                "Error",
                                .object([
                                    ("type", .string("object")), ("required", .array([.string("error")])),
                                    ("properties", .object([("error", .object([("type", .string("string"))]))])),
                                ])
                            ),
                            (
                                "AssessRequest",
                                .object([
                                    ("type", .string("object")), ("required", .array([.string("bases")])), ("additionalProperties", .bool(false)),
                                    (
                                        "properties",
                                        .object([
                                            (
                                                "bases",
                                                .object([
                                                    ("type", .string("array")), ("minItems", .integer(1)), ("maxItems", .integer(ServerLimits.bases)),
                                                    (
                                                        "description",
                                                        .string(
                                                            "Site ids of the scenario, or [lon, lat] positions in degrees; a position becomes base B<n> (n counting positions, skipping ids the scenario uses). A site listed twice is refused."
                                                        )
                                                    ),
                                                    (
                                                        "items",
                                                        .object([
                                                            (
                                                                "oneOf",
                                                                .array([
                                                                    .object([("type", .string("string"))]),
                                                                    .object([
                                                                        ("type", .string("array")), ("minItems", .integer(2)), ("maxItems", .integer(2)),
                                                                        ("items", .object([("type", .string("number"))])),
                                                                    ]),
                                                                ])
                                                            )
                                                        ])
                                                    ),
                                                ])
                                            ),
                                            (
                                                "minutes",
                                                .object([
                                                    ("type", .string("number")),
                                                    ("description", .string("One of the scenario's standards; optional when it has only one.")),
                                                ])
                                            ),
                                            (
                                                "night",
                                                .object([
                                                    ("type", .string("boolean")),
                                                    (
                                                        "description",
                                                        .string(
                                                            "Night dispatch; default the scenario's setting. The other setting is built once, on first use, from the same layers."
                                                        )
                                                    ),
                                                ])
                                            ),
                                            (
                                                "aircraft",
                                                .object([
                                                    ("type", .string("string")),
                                                    (
                                                        "description",
                                                        .string(
                                                            "An aircraft type of the scenario's aircraft_types (GET /api/scenario; names match ignoring case, spaces, hyphens and dots, aliases too); default the scenario's own. Its reach models, and the coverage estimates and solves use, are built on first use and kept. Sites whose [bases] aircraft_field names a type keep theirs."
                                                        )
                                                    ),
                                                ])
                                            ),
                                        ])
                                    ),
                                ])
                            ),
                            (
                                "ExportRequest",
                                .object([
                                    ("type", .string("object")), ("required", .array([.string("bases"), .string("format")])),
                                    ("additionalProperties", .bool(false)),
                                    (
                                        "properties",
                                        .object([
                                            ("bases", .object([("$ref", .string("#/components/schemas/AssessRequest/properties/bases"))])),
                                            ("minutes", .object([("type", .string("number")), ("description", .string("As AssessRequest."))])),
                                            ("night", .object([("type", .string("boolean")), ("description", .string("As AssessRequest."))])),
                                            (
                                                "aircraft",
                                                .object([
                                                    ("type", .string("string")),
                                                    (
                                                        "description",
                                                        .string("As AssessRequest; the TOML of a plan flying another type names it in [aircraft].")
                                                    ),
                                                ])
                                            ),
                                            (
                                                "format",
                                                .object([
                                                    ("type", .string("string")), ("enum", .array(ExportRequest.Format.allCases.map { .string($0.rawValue) })),
                                                ])
                                            ),
                                        ])
                                    ),
                                ])
                            ),
                            (
                                "Estimate",
                                .object([
                                    ("type", .string("object")),
                                    (
                                        "properties",
                                        .object([
                                            ("minutes", .object([("type", .string("number"))])), ("night", .object([("type", .string("boolean"))])),
                                            ("bases", .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))])),
                                            (
                                                "grid_covered_weight",
                                                .object([
                                                    ("type", .string("number")),
                                                    ("description", .string("Demand weight of the cells whose centre a base serves.")),
                                                ])
                                            ),
                                            ("grid_total_weight", .object([("type", .string("number"))])),
                                            ("grid_covered_pct", .object([("type", .string("number"))])),
                                            ("cells_served", .object([("type", .string("integer"))])), ("cells_total", .object([("type", .string("integer"))])),
                                            (
                                                "total",
                                                .object([
                                                    ("type", .string("object")),
                                                    (
                                                        "description",
                                                        .string("grid_covered_km2: zone area in served cells; null when zones overlap (as assess --json).")
                                                    ),
                                                ])
                                            ),
                                            (
                                                "zones",
                                                .object([
                                                    ("type", .string("array")),
                                                    ("description", .string("Each zone's id, name and grid_covered_km2 (as assess --json).")),
                                                ])
                                            ),
                                            (
                                                "regions",
                                                .object([
                                                    ("type", .string("array")),
                                                    (
                                                        "description",
                                                        .string(
                                                            "Each reporting region's name, grid_covered_weight, grid_total_weight and grid_covered_pct: the cells whose centre lies in the region (regions layer) or whose largest zone share is of a zone of that region (zones' region names)."
                                                        )
                                                    ),
                                                ])
                                            ),
                                            (
                                                "seconds",
                                                .object([("type", .string("number")), ("description", .string("The server's time for the estimate."))])
                                            ),
                                        ])
                                    ),
                                ])
                            ),
                            (
                                "Layers",
                                .object([
                                    ("type", .string("object")),
                                    (
                                        "properties",
                                        .object([
                                            ("minutes", .object([("type", .string("number"))])), ("night", .object([("type", .string("boolean"))])),
                                            (
                                                "display_tolerance_deg",
                                                .object([
                                                    ("type", .string("number")),
                                                    ("description", .string("Simplification tolerance of the geometries sent, degrees.")),
                                                ])
                                            ),
                                            (
                                                "total",
                                                .object([
                                                    ("type", .string("object")),
                                                    ("description", .string("area_km2, covered_km2, covered_pct of all zones (as assess --json).")),
                                                ])
                                            ),
                                            (
                                                "zones",
                                                .object([
                                                    ("type", .string("array")),
                                                    (
                                                        "description",
                                                        .string("Each zone's id, name, area_km2, covered_km2, covered_pct and uncovered_km2 (exact).")
                                                    ),
                                                ])
                                            ),
                                            (
                                                "served",
                                                .object([
                                                    ("type", .string("object")), ("nullable", .bool(true)),
                                                    ("description", .string("GeoJSON geometry of the served region; null when it is empty.")),
                                                ])
                                            ),
                                            (
                                                "uncovered",
                                                .object([
                                                    ("type", .string("object")),
                                                    (
                                                        "description",
                                                        .string(
                                                            "GeoJSON FeatureCollection: one feature per zone with a gap, properties id, name, uncovered_km2.")
                                                    ),
                                                ])
                                            ),
                                        ])
                                    ),
                                ])
                            ),
                            (
                                "SolveRequest",
                                .object([
                                    ("type", .string("object")), ("required", .array([.string("model")])), ("additionalProperties", .bool(false)),
                                    (
                                        "properties",
                                        .object([
                                            (
                                                "model",
                                                .object([
                                                    ("type", .string("string")), ("enum", .array([.string("lscp"), .string("mclp"), .string("curve")])),
                                                    (
                                                        "description",
                                                        .string(
                                                            "lscp: the fewest bases covering every coverable cell; mclp: at most p bases covering the most weight; curve: MCLP for every number of bases up to p (`aircover curve --max-p p`), the tradeoff of coverage against bases."
                                                        )
                                                    ),
                                                ])
                                            ),
                                            (
                                                "minutes",
                                                .object([
                                                    ("type", .string("number")),
                                                    ("description", .string("One of the scenario's standards; optional when it has only one.")),
                                                ])
                                            ),
                                            (
                                                "p",
                                                .object([
                                                    ("type", .string("integer")), ("minimum", .integer(1)),
                                                    (
                                                        "description",
                                                        .string(
                                                            "mclp: the number of bases (kept ones included), at most the number of candidates; curve: the largest number of bases; lscp takes none."
                                                        )
                                                    ),
                                                ])
                                            ),
                                            (
                                                "keep_existing",
                                                .object([
                                                    ("type", .string("boolean")), ("description", .string("The existing bases stay open; default false.")),
                                                ])
                                            ),
                                            (
                                                "night",
                                                .object([
                                                    ("type", .string("boolean")), ("description", .string("Night dispatch; default the scenario's setting.")),
                                                ])
                                            ),
                                            (
                                                "aircraft",
                                                .object([
                                                    ("type", .string("string")),
                                                    ("description", .string("As AssessRequest: the coverage solved on is that aircraft's.")),
                                                ])
                                            ),
                                            (
                                                "time_limit",
                                                .object([
                                                    ("type", .string("number")), ("exclusiveMinimum", .bool(true)), ("minimum", .integer(0)),
                                                    ("maximum", .number(ServerLimits.solveSeconds)),
                                                    ("description", .string("Solver wall-clock seconds, as `aircover site --time-limit`; default 60.")),
                                                ])
                                            ),
                                        ])
                                    ),
                                ])
                            ),
                            (
                                "SolveJob",
                                .object([
                                    ("type", .string("object")),
                                    (
                                        "properties",
                                        .object([
                                            ("id", .object([("type", .string("string"))])),
                                            (
                                                "status",
                                                .object([
                                                    ("type", .string("string")),
                                                    ("enum", .array(["running", "done", "cancelled", "failed"].map { .string($0) })),
                                                ])
                                            ),
                                            ("request", .object([("$ref", .string("#/components/schemas/SolveRequest"))])),
                                            (
                                                "progress",
                                                .object([
                                                    ("type", .string("object")),
                                                    (
                                                        "properties",
                                                        .object([
                                                            ("stage", .object([("type", .string("string"))])),
                                                            ("elapsed_seconds", .object([("type", .string("number"))])),
                                                        ])
                                                    ),
                                                ])
                                            ),
                                            (
                                                "result",
                                                .object([
                                                    ("type", .string("object")), ("nullable", .bool(true)),
                                                    (
                                                        "description",
                                                        .string(
                                                            "When done: the object `aircover site --json` prints for the plan (minutes, model, p, status, objective, bound, gap, sites, grid_covered_weight, grid_total_weight, grid_covered_pct, exact_covered_pct), then bases: the chosen sites with id, name, lon, lat, existing. A curve's: {model: curve, minutes, points}, each point the plan object `aircover curve --json` prints for one p."
                                                        )
                                                    ),
                                                ])
                                            ),
                                            (
                                                "error",
                                                .object([
                                                    ("type", .string("string")), ("nullable", .bool(true)),
                                                    ("description", .string("When failed: what went wrong.")),
                                                ])
                                            ),
                                        ])
                                    ),
                                ])
                            ),
                            (
                                "Scenario",
                                .object([
                                    ("type", .string("object")),
                                    (
                                        "properties",
                                        .object([
                                            ("name", .object([("type", .string("string"))])),
                                            ("aircraft", .object([("type", .string("string"))])),
                                            (
                                                "aircraft_types",
                                                .object([
                                                    ("type", .string("array")),
                                                    (
                                                        "description",
                                                        .string(
                                                            "The types a request may fly: the scenario's own first, then the catalog's (`aircover aircraft`), each with name, full_name, cruise_speed_kmh, dispatch_day_min, dispatch_night_min."
                                                        )
                                                    ),
                                                    ("items", .object([("type", .string("object"))])),
                                                ])
                                            ),
                                            ("night", .object([("type", .string("boolean"))])),
                                            ("standards", .object([("type", .string("array")), ("items", .object([("type", .string("number"))]))])),
                                            (
                                                "bounds",
                                                .object([
                                                    ("type", .string("array")), ("description", .string("[west, south, east, north], degrees")),
                                                    ("items", .object([("type", .string("number"))])),
                                                ])
                                            ),
                                            (
                                                "existing",
                                                .object([("type", .string("array")), ("items", .object([("$ref", .string("#/components/schemas/Site"))]))])
                                            ),
                                            (
                                                "candidates",
                                                .object([("type", .string("array")), ("items", .object([("$ref", .string("#/components/schemas/Site"))]))])
                                            ),
                                            (
                                                "zones",
                                                .object([
                                                    ("type", .string("object")),
                                                    ("description", .string("GeoJSON FeatureCollection; feature properties id, name, hazard, region.")),
                                                ])
                                            ),
                                            (
                                                "tiles",
                                                .object([
                                                    ("type", .string("string")), ("nullable", .bool(true)),
                                                    (
                                                        "description",
                                                        .string(
                                                            "The raster tile URL of `aircover serve --tiles` ({z}, {x}, {y}), or null: the page then requests nothing beyond the server."
                                                        )
                                                    ),
                                                ])
                                            ),
                                        ])
                                    ),
                                ])
                            ),
                            (
                                "Site",
                                .object([
                                    ("type", .string("object")),
                                    (
                                        "properties",
                                        .object([
                                            ("id", .object([("type", .string("string"))])), ("name", .object([("type", .string("string"))])),
                                            ("lon", .object([("type", .string("number"))])), ("lat", .object([("type", .string("number"))])),
                                            ("existing", .object([("type", .string("boolean"))])),
                                        ])
                                    ),
                                ])
                            ),
                        ])
                    )
                ])
            ),
        ])
    }()
}
