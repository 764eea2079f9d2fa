import Foundation
import Testing
import GeoCore
import TestSupport

/// Inputs the fuzz targets once crashed on (Tests/FuzzRegressions/, Fuzz/README.md):
/// each is read in-process and must give an error or a result, never a crash.
@Suite struct GeoCoreFuzzRegressionTests {
    @Test(arguments: FuzzRegressions.inputs("vector"))
    func vectorLayerReaderSurvives(_ input: URL) {
        _ = try? VectorLayer.read(input.path)
    }
}
