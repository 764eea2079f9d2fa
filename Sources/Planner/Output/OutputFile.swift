import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A single output file (`isochrones -o`, `check --write-actual`), checked
/// before any work and written atomically.
///
/// The contract: the file is written beside its target and renamed into
/// place, so readers see the old file or the new one, whole. An existing
/// file is replaced only when aircover wrote it, as `isOwn` recognises from
/// its bytes (a marker aircover puts in every such file); anything else
/// there, a folder, one of the run's inputs, or a broken link, is refused
/// with exit 2 and nothing written. A link to a file aircover wrote is
/// followed and the link kept.
public struct OutputFile: Sendable {
    /// The file's real path (links followed); it need not exist yet.
    public let path: String
    let label: String

    public init(
        _ given: String, describedAs label: String, protecting inputs: [URL],
        isOwn: (Data) -> Bool
    ) throws {
        guard !given.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError("\(label) is empty; name the file to write, e.g. reach.geojson")
        }
        self.label = "\(label) \(given)"
        path = try PathNames.realOrPlanned(PathNames.fromCommandLine(given), describedAs: label)
        for input in inputs where (PathNames.real(input.path) ?? PathNames.normalised(input.path)) == path {
            throw InputError("\(self.label): is a file this run reads; name a new file for the output")
        }
        switch OutputFolder.kind(path) {
        case nil: break
        case S_IFREG?:
            guard let data = FileManager.default.contents(atPath: path), isOwn(data) else {
                throw InputError("\(self.label): \(path) exists and was not written by aircover; move it away or name a new file")
            }
        case S_IFDIR?: throw InputError("\(self.label): \(path) is a folder; name a file")
        default: throw InputError("\(self.label): \(path) is not a regular file; name a new file")
        }
    }

    /// Writes `data`: into a hidden file beside the target, then renamed over it.
    public func write(_ data: Data) throws {
        let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        if OutputFolder.kind(folder) != S_IFDIR {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw InputError("\(label): cannot create the folder \(folder)")
            }
        }
        let staging = "\(folder)/.\(name).aircover-staging-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        guard FileManager.default.createFile(atPath: staging, contents: data) else {
            throw InputError("\(label): cannot write into \(folder) (\(SystemError.text(errno)))")
        }
        guard rename(staging, path) == 0 else {
            let reason = SystemError.text(errno)
            unlink(staging)
            throw InputError("\(label): cannot move the file into place (\(reason))")
        }
    }
}
