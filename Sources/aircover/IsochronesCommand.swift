import ArgumentParser
import Foundation
import GeoCore
import Isochrones
import Planner

/// `aircover isochrones`: reach polygons for bases and time standards.
struct IsochronesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isochrones",
        abstract: "Write flight-time isochrones (GeoJSON) for one or more bases.",
        discussion: """
            Response time = dispatch time + flight time along the WGS84 geodesic (around no-fly zones and terrain).
            One polygon feature per base and threshold, with properties base, minutes, aircraft, radius_km (discs only) and limit.

            Negative coordinates (west, south) are written plainly: --base -74.0,40.7.

            Examples:
              aircover isochrones --base 123.43,41.80 --aircraft AW139 --minutes 60,120 -o shenyang.geojson
              aircover isochrones --base 121.64,38.92 --base 123.43,41.80 --aircraft H135 --minutes 120 --night --wind 270@40 -o out.geojson
              aircover isochrones --base -74.0,40.7 --base -21.94,64.13 --aircraft H225 --minutes 60 -o new-york-reykjavik.geojson
              aircover isochrones --base -70.65,-33.45 --aircraft H145 --dispatch-day-min 5 --minutes 30,60 -o santiago.geojson
              aircover isochrones --base 113.62,34.75 --aircraft AW139 --minutes 60 --no-fly restricted.geojson -o zhengzhou.geojson
            """
    )

    @Option(
        name: .customLong("base"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("A base position, LON,LAT in degrees, e.g. -74.0,40.7 (repeatable).", valueName: "LON,LAT"),
        transform: SignedOptionValue.text)
    var bases: [String] = []

    @OptionGroup var aircraft: AircraftOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Response-time standards in minutes, increasing.", valueName: "MIN,MIN"),
        transform: SignedOptionValue.text)
    var minutes: String

    @Flag(help: "Use the night dispatch time.")
    var night = false

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Uniform wind: direction it blows from (degrees) and speed (km/h).", valueName: "FROM_DEG@KMH"),
        transform: SignedOptionValue.text)
    var wind: String?

    @Option(name: .customLong("wind-field"), help: ArgumentHelp("Gridded wind: a lon/lat raster with u (band 1) and v (band 2) in m/s.", valueName: "FILE"))
    var windField: String?

    @Option(
        name: .customLong("no-fly"),
        help: ArgumentHelp("Polygons the aircraft must fly around (GeoJSON, GeoPackage, shapefile or any vector format GDAL reads).", valueName: "FILE"))
    var noFly: String?

    @Option(help: ArgumentHelp("DEM raster: terrain above the aircraft's maximum altitude is flown around.", valueName: "FILE"))
    var dem: String?

    @OptionGroup var boundary: ToleranceOption

    @Option(name: .shortAndLong, help: ArgumentHelp("Output GeoJSON file.", valueName: "FILE"))
    var output: String

    func validate() throws {
        if bases.isEmpty { throw ValidationError("give at least one --base LON,LAT") }
        if wind != nil && windField != nil { throw ValidationError("give --wind or --wind-field, not both") }
    }

    func run() throws {
        let inputs = [aircraft.catalog, windField, noFly, dem].compactMap { $0 }.map { URL(fileURLWithPath: $0) }
        let file = try OutputFile(output, describedAs: "--output", protecting: inputs, isOwn: IsochroneExport.isOwn)
        let positions = try bases.map { text in
            do { return try InputSyntax.position(text) } catch let error as InputError { throw InputError("--base: \(error.message)") }
        }
        let thresholds = try InputSyntax.minutes(minutes)
        let profile = try aircraft.profile()
        let conditions = FlightConditions(
            wind: try FlightConditions.wind(uniform: try wind.map { try InputSyntax.wind($0) }, field: windField.map { URL(fileURLWithPath: $0) }),
            noFly: noFly.map { URL(fileURLWithPath: $0) }, dem: dem.map { URL(fileURLWithPath: $0) }, night: night)
        let model = try conditions.reachModel(aircraft: profile, bases: positions, minutes: thresholds.last!)
        let builder = IsochroneBuilder(model: model, toleranceMetres: boundary.tolerance)
        let isochrones = try builder.isochrones(bases: positions, minutes: thresholds).flatMap { $0 }
        try file.write(Data(try IsochroneExport.geoJSON(isochrones).utf8))
        for isochrone in isochrones {
            let reach = isochrone.radiusKm.map { String(format: "radius %.1f km", $0) } ?? "\(isochrone.vertexCount) boundary points"
            FileHandle.standardError.write(
                Data(
                    "\(isochrone.aircraft) from \(isochrone.base.lon),\(isochrone.base.lat): \(Int(isochrone.minutes)) min, \(reach), limit \(isochrone.limit.rawValue)\n"
                        .utf8))
        }
        FileHandle.standardError.write(Data("wrote \(isochrones.count) isochrones to \(output)\n".utf8))
    }
}
