import GeoCore
import FuzzSupport
import Isochrones
import Support

/// The aircraft catalog reader: the input parsed as TOML, then read as a
/// catalog of `[[aircraft]]` profiles.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard let document = try? ConfigTable.parse(toml: FuzzInput.text(data, size), source: "fuzz.toml") else { return 0 }
    _ = try? AircraftCatalog.parse(document)
    return 0
}

runFuzzer { fuzzCatalog($0, $1) }
