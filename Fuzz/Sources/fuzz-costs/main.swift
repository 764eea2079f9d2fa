import Foundation
import FuzzSupport
import Siting

/// The costs/weights CSV readers: the input read as a `demand,site,cost`
/// table (`CostTableReader.costs`, through `PairReader`) and turned into
/// covering and timed instances, and as a `demand,weight` table.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCosts(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let url = FuzzInput.file(data, size, named: "costs.csv")
    if let table = try? CostTableReader.costs(url) {
        _ = try? CostTableReader.instance(table, threshold: 60)
        _ = try? CostTableReader.timedInstance(table)
    }
    _ = try? CostTableReader.values(url, header: ["demand", "weight"])
    return 0
}

runFuzzer { fuzzCosts($0, $1) }
