import GeoCore
import Isochrones
import Planner
import Support

/// The body of `POST /api/solve`, read and checked against the study:
/// `{"model": "lscp"|"mclp"|"curve", "minutes": M, "p": N, "keep_existing": false,
///   "night": false, "aircraft": "H135", "time_limit": 60}`.
///
/// - `model`: `lscp` (fewest bases covering every coverable cell), `mclp`
///   (at most `p` bases covering the most weight) or `curve` (MCLP for each
///   number of bases up to `p`: `aircover curve --max-p P`); other models
///   are refused.
/// - `minutes`: one of the scenario's standards; may be left out when the
///   scenario has only one.
/// - `p`: required by `mclp` and `curve` (1 to the number of candidates, and
///   at least the number of existing bases when they are kept); refused by `lscp`.
/// - `keep_existing`: optional, default false: the existing bases stay open.
/// - `night`: optional, default the scenario's own setting.
/// - `aircraft`: optional, as `AssessRequest`: the coverage the solve runs on
///   is that aircraft's (built on first use, `PlannerSession.flown`).
/// - `time_limit`: optional wall-clock seconds for the solver, default
///   `defaultTimeLimit`, at most `ServerLimits.solveSeconds`; `aircover site
///   --time-limit` means the same (for `curve`, each point's, as `aircover
///   curve --time-limit`).
///
/// Anything else (other members, wrong types) is refused with a message
/// naming the member and what is wrong.
struct SolveJobRequest: Sendable {
    /// What a job solves: one plan (LSCP, MCLP) or the tradeoff curve.
    enum Model: String, Sendable {
        case lscp, mclp, curve

        /// The siting model of a one-plan solve; nil for the curve.
        var plan: SitingModel? {
            switch self {
            case .lscp: .lscp
            case .mclp: .mclp
            case .curve: nil
            }
        }
    }

    let model: Model
    let minutes: Double
    let p: Int?
    let keepExisting: Bool
    let night: Bool
    let aircraft: Aircraft
    let timeLimit: Double

    /// The solver's time limit when the request gives none (`aircover site`'s default).
    static let defaultTimeLimit = 60.0
    static let members = ["model", "minutes", "p", "keep_existing", "night", "aircraft", "time_limit"]

    init(body: [UInt8], study: Study, aircraft types: AircraftTypes) throws(APIError) {
        let value = try RequestJSON.object(
            body, shape: #"{"model": "mclp", "minutes": M, "p": N, "keep_existing": false, "night": false}"#,
            members: Self.members)
        switch value["model"] {
        case nil, .null?: throw .badRequest("model is missing: give \"lscp\", \"mclp\" or \"curve\"")
        case .string(let name)?:
            guard let known = Model(rawValue: name) else {
                throw .badRequest("unknown model \"\(name)\"; the planner's desk solves \"lscp\", \"mclp\" and \"curve\"")
            }
            model = known
        case let other?: throw .badRequest("model must be \"lscp\", \"mclp\" or \"curve\", not \(other.typeName)")
        }
        minutes = try RequestJSON.standard(value["minutes"], study: study)
        keepExisting = try RequestJSON.flag(value["keep_existing"], named: "keep_existing") ?? false
        night = try RequestJSON.flag(value["night"], named: "night") ?? study.scenario.night
        aircraft = try types.resolve(value["aircraft"])
        switch value["time_limit"] {
        case nil, .null?: timeLimit = Self.defaultTimeLimit
        case let limit?:
            guard let seconds = limit.doubleValue else { throw .badRequest("time_limit must be a number of seconds, not \(limit.typeName)") }
            guard seconds.isFinite, seconds > 0, seconds <= ServerLimits.solveSeconds else {
                throw .badRequest("time_limit \(seconds) is out of range; it must be above 0 and at most \(Int(ServerLimits.solveSeconds)) seconds")
            }
            timeLimit = seconds
        }
        let candidates = study.candidates.count
        switch (model, value["p"]) {
        case (.mclp, nil), (.mclp, .null?), (.curve, nil), (.curve, .null?):
            throw .badRequest("p is missing: \(model.rawValue) needs the \(model == .curve ? "largest " : "")number of bases, 1 to \(candidates)")
        case (.mclp, let given?), (.curve, let given?):
            guard let number = given.doubleValue else { throw .badRequest("p must be a whole number of bases, not \(given.typeName)") }
            guard number == number.rounded(), abs(number) < 1e9 else { throw .badRequest("p must be a whole number of bases, not \(number)") }
            let count = Int(number)
            guard (1...max(1, candidates)).contains(count) else {
                throw .badRequest("p = \(count) is out of range; the scenario has \(candidates) candidate sites, so p is 1 to \(candidates)")
            }
            if keepExisting, count < study.existing.count {
                throw .badRequest("p = \(count) is fewer than the \(study.existing.count) existing bases kept open; raise p or set keep_existing to false")
            }
            p = count
        case (_, nil), (_, .null?): p = nil
        default: throw .badRequest("lscp takes no p: it finds the fewest bases covering every coverable cell")
        }
    }

    /// The request as the job reports it.
    var json: JSONValue {
        .object([
            ("model", .string(model.rawValue)), ("minutes", .number(minutes)), ("p", p.map { .integer($0) } ?? .null),
            ("keep_existing", .bool(keepExisting)), ("night", .bool(night)), ("aircraft", .string(aircraft.name)),
            ("time_limit", .number(timeLimit)),
        ])
    }

    /// The aircraft and dispatch the solve flies.
    var flight: Flight { Flight(aircraft: aircraft, night: night) }
}
