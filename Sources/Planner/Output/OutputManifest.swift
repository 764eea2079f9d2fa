import Foundation
import GeoCore
import Support

/// `.aircover-manifest.json`: the list of files aircover wrote into an
/// output folder. It is how aircover tells its own files from a user's:
/// only files it lists are ever replaced or removed, and a folder is
/// replaced whole only when it holds nothing but them.
struct OutputManifest: Equatable {
    static let fileName = ".aircover-manifest.json"

    /// The names of the files written (plain names, no folders).
    var files: [String]

    /// The manifest's bytes.
    var data: Data {
        let value = JSONValue.object([
            ("written_by", .string("aircover")),
            ("note", .string("aircover replaces or removes only the files listed here; every other file in this folder is left alone")),
            ("files", .array(files.sorted().map { .string($0) })),
        ])
        return Data((value.serialized + "\n").utf8)
    }

    /// The manifest of `folder`, or `nil` when it has none or it is not one
    /// aircover wrote (such a folder is treated as the user's).
    static func read(in folder: String) -> OutputManifest? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName),
            let value = try? JSONParser.parse([UInt8](data)),
            value["written_by"]?.stringValue == "aircover",
            let names = value["files"]?.arrayValue?.compactMap(\.stringValue)
        else { return nil }
        return OutputManifest(files: names.filter(OutputFolder.isPlainName))
    }
}
