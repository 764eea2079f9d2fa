import GeoCore
import Isochrones
import Planner
import Support

/// The body of `POST /api/assess` (and of `/api/estimate`), read and checked against the study:
/// `{"bases": [...], "minutes": M, "night": false, "aircraft": "H135"}`.
///
/// - `bases`: one to `ServerLimits.bases` entries, each a site id of the
///   scenario (existing base or candidate) or `[lon, lat]` in degrees
///   (lon in [-180, 180], lat in [-90, 90]). A position becomes a base with
///   id `B<n>` (n counting the positions in order, skipping numbers whose id
///   is a site of the scenario), as `aircover assess --bases LON,LAT;…` names them.
///   A site listed twice is refused.
/// - `minutes`: one of the scenario's standards; may be left out when the
///   scenario has only one.
/// - `night`: optional, default the scenario's own setting.
/// - `aircraft`: optional, a type of `AircraftTypes` (default the
///   scenario's own): the scenario's bases and positions fly it; sites whose
///   `[bases] aircraft_field` names a type keep theirs.
///
/// Anything else (other members, wrong types) is refused with a message
/// naming the member and what is wrong.
struct AssessRequest {
    let bases: [Site]
    let minutes: Double
    let night: Bool
    let aircraft: Aircraft

    static let members = ["bases", "minutes", "night", "aircraft"]

    /// `aircraft`: the types the study offers (default: read now from its catalog).
    init(body: [UInt8], study: Study, aircraft: AircraftTypes? = nil) throws(APIError) {
        try self.init(
            try RequestJSON.object(body, shape: #"{"bases": [...], "minutes": M, "night": false, "aircraft": "H135"}"#, members: Self.members),
            study: study, aircraft: aircraft ?? AircraftTypes(study: study))
    }

    /// The request from a body already read as a JSON object (other members are the caller's).
    init(_ value: JSONValue, study: Study, aircraft types: AircraftTypes) throws(APIError) {
        bases = try Self.bases(value["bases"], study: study)
        minutes = try RequestJSON.standard(value["minutes"], study: study)
        night = try RequestJSON.flag(value["night"], named: "night") ?? study.scenario.night
        aircraft = try types.resolve(value["aircraft"])
    }

    /// The aircraft and dispatch the request flies.
    var flight: Flight { Flight(aircraft: aircraft, night: night) }

    private static func bases(_ value: JSONValue?, study: Study) throws(APIError) -> [Site] {
        guard let value else { throw .badRequest("bases is missing: give a list of site ids or [lon, lat] positions") }
        guard let entries = value.arrayValue else { throw .badRequest("bases must be a list, not \(value.typeName)") }
        guard !entries.isEmpty else { throw .badRequest("bases is empty: give at least one site id or [lon, lat] position") }
        guard entries.count <= ServerLimits.bases else {
            throw .badRequest("bases lists \(entries.count) entries; at most \(ServerLimits.bases) are assessed at once")
        }
        let siteIDs = Set(study.candidates.map(\.id))
        var sites: [Site] = [], seen = Set<String>(), number = 0
        for (index, entry) in entries.enumerated() {
            let site: Site
            switch entry {
            case .string(let id):
                do {
                    site = study.candidates[try study.candidateIndices([id])[0]]
                } catch {
                    throw .badRequest("bases[\(index)]: \(error)")
                }
            case .array(let pair):
                let position = try Self.position(pair, index: index)
                repeat { number += 1 } while siteIDs.contains("B\(number)")
                site = BaseSelection.site(at: position, number: number)
            default:
                throw .badRequest("bases[\(index)] must be a site id (a string) or [lon, lat], not \(entry.typeName)")
            }
            guard seen.insert(site.id).inserted else { throw .badRequest("bases[\(index)]: site \(site.id) is listed twice") }
            sites.append(site)
        }
        return sites
    }

    private static func position(_ pair: [JSONValue], index: Int) throws(APIError) -> LonLat {
        guard pair.count == 2, let lon = pair[0].doubleValue, let lat = pair[1].doubleValue else {
            throw .badRequest("bases[\(index)] must be [lon, lat]: two numbers in degrees")
        }
        guard lon.isFinite, (-180...180).contains(lon) else {
            throw .badRequest("bases[\(index)]: longitude \(lon) is out of range; it must be within -180 to 180 degrees")
        }
        guard lat.isFinite, (-90...90).contains(lat) else {
            throw .badRequest("bases[\(index)]: latitude \(lat) is out of range; it must be within -90 to 90 degrees")
        }
        return LonLat(lon, lat)
    }
}
