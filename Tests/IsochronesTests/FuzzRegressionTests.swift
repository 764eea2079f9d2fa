import Foundation
import Testing
import GeoCore
import Isochrones
import TestSupport

/// Inputs the fuzz targets once crashed on (Tests/FuzzRegressions/, Fuzz/README.md):
/// each is read in-process and must give an error or a result, never a crash.
@Suite struct IsochronesFuzzRegressionTests {
    @Test(arguments: FuzzRegressions.inputs("catalog"))
    func aircraftCatalogReaderSurvives(_ input: URL) {
        _ = try? AircraftCatalog.load(from: input)
    }
}
