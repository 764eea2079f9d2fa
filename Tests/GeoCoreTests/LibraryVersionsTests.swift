import Testing
@testable import GeoCore

/// The project is built against Debian 12's PROJ 9.1, GEOS 3.11 and GDAL 3.6;
/// APIs used in GeoCore exist from those versions on.
@Suite struct LibraryVersionsTests {
    @Test func linkedLibrariesAreAtLeastTheSupportedVersions() throws {
        #expect(versionAtLeast(GeoLibraryVersions.proj, 9, 1), "PROJ \(GeoLibraryVersions.proj)")
        #expect(versionAtLeast(GeoLibraryVersions.geos, 3, 11), "GEOS \(GeoLibraryVersions.geos)")
        #expect(versionAtLeast(GeoLibraryVersions.gdal, 3, 6), "GDAL \(GeoLibraryVersions.gdal)")
    }

    private func versionAtLeast(_ text: String, _ major: Int, _ minor: Int) -> Bool {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 2 else { return false }
        return (numbers[0], numbers[1]) >= (major, minor)
    }
}
