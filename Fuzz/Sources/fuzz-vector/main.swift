import GeoCore
import FuzzSupport

/// Vector layer reading through GDAL: the input as a GeoJSON file when it
/// starts with `{` (after spaces), else as a CSV file of points (the
/// options scenarios' population and site tables are read with).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVector(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let first = UnsafeBufferPointer(start: data, count: size).first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    let url = FuzzInput.file(data, size, named: first == UInt8(ascii: "{") ? "layer.geojson" : "layer.csv")
    _ = try? VectorLayer.read(url.path)
    return 0
}

runFuzzer { fuzzVector($0, $1) }
