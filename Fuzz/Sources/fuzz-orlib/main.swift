import FuzzSupport
import Siting

/// The OR-Library set-covering reader over the input as text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOrLibrary(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    _ = try? OrLibraryReader.parse(FuzzInput.text(data, size), source: "fuzz.txt")
    return 0
}

runFuzzer { fuzzOrLibrary($0, $1) }
