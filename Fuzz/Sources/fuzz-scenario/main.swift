import Foundation
import FuzzSupport
import Planner

/// The scenario reader: `Scenario.load` over the input as a scenario file.
/// The file sits in a folder laid out like basemaps/ (each file of
/// basemaps/liaoning, henan and china linked in, and ../china/), so the
/// paths of the seed scenarios resolve and the checks past them run.
enum ScenarioFolder {
    static let url: URL = {
        let root = FuzzInput.directory, folder = root.appendingPathComponent("scenario")
        let manager = FileManager.default
        for (target, region) in [(folder, "liaoning"), (folder, "henan"), (folder, "china"), (root.appendingPathComponent("china"), "china")] {
            try? manager.createDirectory(at: target, withIntermediateDirectories: true)
            let source = FuzzInput.repository.appendingPathComponent("basemaps/\(region)")
            for name in (try? manager.contentsOfDirectory(atPath: source.path)) ?? [] where name != "scenario.toml" {
                try? manager.createSymbolicLink(at: target.appendingPathComponent(name), withDestinationURL: source.appendingPathComponent(name))
            }
        }
        try? manager.createSymbolicLink(at: folder.appendingPathComponent("test-aircraft.toml"),
                                        withDestinationURL: FuzzInput.repository.appendingPathComponent("Tests/CommandTests/Fixtures/test-aircraft.toml"))
        return folder
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let url = FuzzInput.file(data, size, named: "scenario.toml", in: ScenarioFolder.url)
    _ = try? Scenario.load(url)
    return 0
}

runFuzzer { fuzzScenario($0, $1) }
