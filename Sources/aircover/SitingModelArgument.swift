import ArgumentParser
import Planner

/// `--model` of `aircover solve` and `aircover site`: the model's name, in
/// any letter case; `--help` lists the names.
extension SitingModel: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
