import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Path arithmetic on file names as a user wrote them, and the real
/// location of a path on disk.
///
/// Scenario files name their layers relative to the scenario file's real
/// location (symbolic links resolved), with `..` taken lexically there, as a
/// shell's `cd -P` would: `../china/places.csv` from
/// `basemaps/liaoning/scenario.toml` is `basemaps/china/places.csv` whatever
/// the working folder.
public enum PathNames {
    /// `path` made absolute against `directory` (itself absolute) and
    /// normalised lexically: `.` and empty segments dropped, `..` removes the
    /// segment before it (and stays at `/` at the root).
    public static func absolute(_ path: String, relativeTo directory: String) -> String {
        normalised(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// An absolute path without `.`, `..` or repeated slashes.
    public static func normalised(_ absolutePath: String) -> String {
        var segments: [Substring] = []
        for segment in absolutePath.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    /// The working folder, absolute.
    public static var workingDirectory: String { FileManager.default.currentDirectoryPath }

    /// A path typed on the command line, made absolute against the working folder.
    public static func fromCommandLine(_ path: String) -> String { absolute(path, relativeTo: workingDirectory) }

    /// The real path of an existing file or folder (every symbolic link
    /// resolved); `nil` when it does not exist or cannot be resolved.
    public static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The real path of `path`, which need not exist: its longest existing
    /// ancestor resolved, the rest appended. Throws when a component is a
    /// dangling symbolic link or a loop, so nothing is ever created at the
    /// far end of a broken link.
    public static func realOrPlanned(_ path: String, describedAs label: String) throws -> String {
        let absolutePath = normalised(path)
        var existing = absolutePath
        var rest: [String] = []
        while existing != "/" {
            var info = stat()
            if lstat(existing, &info) == 0 {
                if (info.st_mode & S_IFMT) == S_IFLNK, real(existing) == nil {
                    let reason = errno == ELOOP ? "a loop of symbolic links" : "a symbolic link to something that does not exist"
                    throw InputError("\(label) \(path): \(existing) is \(reason); name a real folder")
                }
                break
            }
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let base = real(existing) else {
            throw InputError("\(label) \(path): cannot resolve \(existing) (\(SystemError.text(errno)))")
        }
        return rest.isEmpty ? base : normalised(base + "/" + rest.joined(separator: "/"))
    }

    /// Whether `path` lies inside `folder` (or is it); both absolute and normalised.
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }
}

/// The words for a C library errno.
enum SystemError {
    static func text(_ code: Int32) -> String { String(cString: strerror(code)) }
}
