import Foundation
import GeoCore
import Support

/// A plan written back as a scenario: the scenario's own TOML with its
/// existing bases replaced by the plan's, which a bases CSV beside it lists.
/// `aircover assess`, `check` and `plan` read the two files back; assessing
/// the plan's bases there gives the figures of the plan.
///
/// The TOML keeps every table and key of the scenario file, except:
/// - every path is made absolute (the files stay where they are; only the
///   bases CSV is beside the new file);
/// - `[bases] existing` names the CSV, whose `id` column is the site id;
///   `filter`, `id_field` and `cost_field` go (the CSV holds only the plan's
///   bases, with no cost column: budgeted siting models see cost 1), and
///   `candidate_id_field` is set to the id field the candidate files had;
///   `aircraft_field`, when the scenario had one, becomes the CSV's
///   `aircraft` column, which names the type of every base stationed with
///   one of its own and is empty for the bases flying the scenario's
///   `[aircraft]`, so that they fly it again, figure overrides included.
///   With `[availability] base_flyable_field` the CSV has a column of that
///   name with each base's flyable share, so the key stays as it was.
///   The scenario's old existing bases are candidates only where its
///   candidate files list them;
/// - `[demand] cell_km` and `[standards] night` are those of the study
///   (e.g. `serve --cell-km`) and of the plan;
/// - `[output]` goes (a new study writes to out/<file name>).
public enum PlanScenarioExport {
    /// The bases CSV, as `assess --output` lists the bases in bases.csv
    /// (`PlanTables`): id, name, lon, lat, aircraft, existing, chosen_by;
    /// but the aircraft column is empty for bases flying the scenario's
    /// `[aircraft]` (see above).
    public static func basesCSV(_ study: Study, bases: [Site]) -> String {
        PlanTables.csv(
            PlanTables.basesTable(
                PlanRun(study: study.assessing(bases), standards: []), nameDefault: false,
                flyableColumn: study.scenario.availability?.baseFlyableField))
    }

    /// The scenario file `source` (as read by `ConfigTable.load`, from the
    /// folder `directory`) for the plan: `basesFile` is the CSV's path
    /// relative to the new file.
    public static func toml(source: ConfigTable, directory: String, study: Study, night: Bool, basesFile: String) -> String {
        guard case .object(let tables) = source.value else { return "" }
        func absolute(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let path): return .string(PathNames.absolute(path, relativeTo: directory))
            case .array(let items): return .array(items.map(absolute))
            default: return value
            }
        }
        let paths: [String: Set<String>] = [
            "demand": ["zones", "population", "regions"], "bases": ["candidates"], "aircraft": ["catalog"],
            "flight": ["wind_field", "no_fly", "dem"],
        ]
        var text = "# \(study.scenario.name): a plan exported by aircover serve; its bases are in \(basesFile).\n"
        for (name, table) in tables where name != "output" {
            guard case .object(var members) = table else { continue }
            members = members.map { (key: $0.key, value: paths[name]?.contains($0.key) == true ? absolute($0.value) : $0.value) }
            switch name {
            case "demand":
                members.removeAll { $0.key == "cell_km" }
                members.append(("cell_km", .number(study.scenario.cellKm)))
            case "standards":
                members.removeAll { $0.key == "night" }
                members.append(("night", .bool(night)))
            case "bases":
                let idField = members.first { $0.key == "id_field" }?.value ?? .string("id")
                let hadAircraftField = members.contains { $0.key == "aircraft_field" }
                members.removeAll { ["existing", "filter", "id_field", "cost_field", "aircraft_field", "candidate_id_field"].contains($0.key) }
                let candidateIDField = table["candidate_id_field"] ?? idField
                members.insert(("existing", .string(basesFile)), at: 0)
                if members.contains(where: { $0.key == "candidates" }) { members.append(("candidate_id_field", candidateIDField)) }
                if hadAircraftField { members.append(("aircraft_field", .string("aircraft"))) }
            default: break
            }
            text += "\n[\(TOMLText.key(name))]\n"
            for member in members { text += "\(TOMLText.key(member.key)) = \(TOMLText.value(member.value))\n" }
        }
        return text
    }
}

/// TOML text of keys and values (strings, numbers, booleans, arrays, inline tables).
enum TOMLText {
    static func key(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "_" || $0 == "-" }
        return bare ? key : string(key)
    }

    static func value(_ value: JSONValue) -> String {
        switch value {
        case .null: return "\"\""
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return "\(number)"
        case .string(let text): return string(text)
        case .array(let items): return "[" + items.map(Self.value).joined(separator: ", ") + "]"
        case .object(let members): return "{ " + members.map { "\(key($0.key)) = \(Self.value($0.value))" }.joined(separator: ", ") + " }"
        }
    }

    /// A basic string: quotes, backslashes and control characters escaped.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
