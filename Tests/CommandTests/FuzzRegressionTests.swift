import Foundation
import Testing
import Planner
import TestSupport

/// Inputs the fuzz targets once crashed on (Tests/FuzzRegressions/, Fuzz/README.md):
/// each is read in-process and must give an error or a result, never a crash.
@Suite struct PlannerFuzzRegressionTests {
    @Test(arguments: FuzzRegressions.inputs("scenario"))
    func scenarioReaderSurvives(_ input: URL) {
        _ = try? Scenario.load(input)
    }

}
