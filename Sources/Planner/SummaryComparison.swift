import GeoCore
import Support

/// Compares a plan's summary.json with an expected one (what `aircover
/// check` does): the regression test users keep on coverage percentages.
///
/// Figures whose key ends in `_pct` may differ by `percentTolerance`
/// percentage points; other numbers by `relativeTolerance` of the expected
/// value (at least 1e-9 absolute); strings, booleans, array lengths and keys
/// must be equal. The `versions` member is ignored (a new PROJ is not a
/// change of coverage). Array elements are named by their `minutes`, `name`,
/// `model`/`p` or `base` member where they have one, so the differences read
/// like `standards[60 min].existing.total.covered_pct`.
public struct SummaryComparison: Sendable {
    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        public let path: String
        public let expected: String
        public let actual: String
        public var description: String { "\(path): expected \(expected), got \(actual)" }
    }

    public var percentTolerance = 0.01
    public var relativeTolerance = 1e-6
    public private(set) var compared = 0

    public init(percentTolerance: Double = 0.01, relativeTolerance: Double = 1e-6) {
        self.percentTolerance = percentTolerance
        self.relativeTolerance = relativeTolerance
    }

    /// Every difference between `expected` and `actual`, in document order.
    public mutating func differences(expected: JSONValue, actual: JSONValue) -> [Difference] {
        var found: [Difference] = []
        compare(expected, actual, path: "", key: "", into: &found)
        return found
    }

    private mutating func compare(_ e: JSONValue, _ a: JSONValue, path: String, key: String, into found: inout [Difference]) {
        func differ(_ expected: String, _ actual: String) { found.append(Difference(path: path.isEmpty ? "(root)" : path, expected: expected, actual: actual)) }
        switch (e, a) {
        case (.object(let em), .object(let am)):
            let actualMembers = Dictionary(am.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            let expectedKeys = Set(em.map(\.key))
            for (k, ev) in em where !(path.isEmpty && k == "versions") {
                let sub = path.isEmpty ? k : "\(path).\(k)"
                guard let av = actualMembers[k] else { found.append(Difference(path: sub, expected: Self.short(ev), actual: "(missing)")); continue }
                compare(ev, av, path: sub, key: k, into: &found)
            }
            for (k, av) in am where !expectedKeys.contains(k) && !(path.isEmpty && k == "versions") {
                found.append(Difference(path: path.isEmpty ? k : "\(path).\(k)", expected: "(absent)", actual: Self.short(av)))
            }
        case (.array(let ea), .array(let aa)):
            if ea.count != aa.count {
                differ("\(ea.count) item(s) \(Self.short(e))", "\(aa.count) item(s) \(Self.short(a))")
                return
            }
            for (index, (ev, av)) in zip(ea, aa).enumerated() {
                compare(ev, av, path: "\(path)[\(Self.label(ev) ?? String(index))]", key: key, into: &found)
            }
        default:
            if let ev = e.doubleValue, let av = a.doubleValue, e.isNumber, a.isNumber {
                compared += 1
                let tolerance = key.hasSuffix("_pct") ? percentTolerance : max(1e-9, relativeTolerance * abs(ev))
                if !(abs(ev - av) <= tolerance) {
                    let delta = av - ev
                    differ(
                        NumberText.readable(ev),
                        NumberText.readable(av) + " (\(delta >= 0 ? "+" : "−")\(NumberText.readable(abs(delta)))\(key.hasSuffix("_pct") ? " points" : ""))")
                }
            } else {
                compared += 1
                if e != a { differ(Self.short(e), Self.short(a)) }
            }
        }
    }

    static func label(_ value: JSONValue) -> String? {
        if let m = value["minutes"]?.doubleValue { return "\(NumberText.readable(m)) min" }
        if let model = value["model"]?.stringValue {
            if let p = value["p"]?.doubleValue { return "\(model) p=\(NumberText.readable(p))" }
            return model
        }
        if let name = value["name"]?.stringValue { return name }
        if let base = value["base"]?.stringValue { return "without \(base)" }
        return nil
    }

    static func short(_ value: JSONValue) -> String {
        let text = value.serialized
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }
}

extension JSONValue {
    var isNumber: Bool {
        switch self {
        case .number, .integer: true
        default: false
        }
    }
}
