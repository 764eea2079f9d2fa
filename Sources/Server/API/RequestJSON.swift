import GeoCore
import Planner
import Support

/// Reading the JSON bodies of the API's requests: each refusal is a 400
/// naming the member and what is wrong.
enum RequestJSON {
    /// The body as a JSON object with no members outside `members`;
    /// `shape` shows the expected body in the refusal.
    static func object(_ body: [UInt8], shape: String, members: [String]) throws(APIError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .badRequest("the body is not valid JSON: \(error)")
        }
        guard case .object(let given) = value else {
            throw .badRequest("the body must be a JSON object \(shape), not \(value.typeName)")
        }
        for member in given where !members.contains(member.key) {
            throw .badRequest("unknown member \"\(member.key)\"; the body takes \(ListFormat.and(members))")
        }
        return value
    }

    /// `minutes`: one of the scenario's standards; when missing, the
    /// scenario's only one (refused when it has several).
    static func standard(_ value: JSONValue?, study: Study) throws(APIError) -> Double {
        let standards = study.scenario.minutes
        let listed = standards.map { NumberText.readable($0) }.joined(separator: ", ")
        guard let value, value != .null else {
            guard standards.count == 1 else { throw .badRequest("minutes is missing: choose one of the scenario's standards (\(listed) min)") }
            return standards[0]
        }
        guard let minutes = value.doubleValue else { throw .badRequest("minutes must be a number, not \(value.typeName)") }
        guard standards.contains(minutes) else {
            throw .badRequest("the scenario has no \(NumberText.readable(minutes)) min standard; it has \(listed) min")
        }
        return minutes
    }

    /// A true/false member; nil when missing or null.
    static func flag(_ value: JSONValue?, named name: String) throws(APIError) -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case let other?: throw .badRequest("\(name) must be true or false, not \(other.typeName)")
        }
    }
}

/// Lists in messages.
enum ListFormat {
    /// "a, b and c".
    static func and(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
