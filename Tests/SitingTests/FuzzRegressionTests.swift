import Foundation
import Testing
import Siting
import TestSupport

/// Inputs the fuzz targets once crashed on (Tests/FuzzRegressions/, Fuzz/README.md):
/// each is read in-process and must give an error or a result, never a crash.
@Suite struct SitingFuzzRegressionTests {
    @Test(arguments: FuzzRegressions.inputs("orlib"))
    func orLibraryReaderSurvives(_ input: URL) {
        _ = try? OrLibraryReader.read(input)
    }

}
