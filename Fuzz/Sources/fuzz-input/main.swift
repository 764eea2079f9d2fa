import FuzzSupport
import Planner

/// The command-line short forms: the input as text given to each of
/// `InputSyntax.position`, `positions`, `minutes` and `wind`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInputSyntax(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = FuzzInput.text(data, size)
    _ = try? InputSyntax.position(text)
    _ = try? InputSyntax.positions(text)
    _ = try? InputSyntax.minutes(text)
    _ = try? InputSyntax.wind(text)
    return 0
}

runFuzzer { fuzzInputSyntax($0, $1) }
