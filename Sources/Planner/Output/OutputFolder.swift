import CAtomicRename
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// An output folder, checked before any work and written all at once.
///
/// The contract, which protects the user's files:
/// - aircover never deletes or overwrites a file it did not write. Its own
///   files are the ones listed in the folder's `.aircover-manifest.json`
///   (`OutputManifest`), which every write leaves beside them.
/// - Refused at once (exit 2, nothing written): an empty path; a path that
///   is a file; `/`; a folder holding, at any depth, a file the run reads
///   (the scenario file and its layers), such as the scenario's own folder;
///   a broken symbolic link. A symbolic link to a folder is followed.
/// - The files are written into a staging folder beside the target first.
///   A target that does not exist, is empty or holds only aircover's files
///   is then swapped with the staging folder in one atomic exchange
///   (Linux `renameat2`), so after any crash, SIGKILL included, the folder
///   holds either the complete old output or the complete new one.
/// - A target that also holds the user's files keeps them: each of
///   aircover's files is renamed into place (each file atomically; a crash
///   midway can leave some files of the old run beside new ones, never a
///   partial file). A user's file with the name of one of aircover's stops
///   the write before anything is changed.
/// - Writes into one folder are serialised by a lock on its parent folder,
///   so of two runs at once each leaves a complete output and the last one
///   wins, never a mix.
/// - Staging folders left by a killed run (`.NAME.aircover-staging-PID-…`,
///   whose process is gone) are removed by the next write beside them.
public struct OutputFolder: Sendable {
    /// The folder's real path (symbolic links followed); it need not exist yet.
    public let path: String
    /// How the user named it, for messages: e.g. `--output out` or `[output] folder in s.toml`.
    let label: String

    /// Checks `given` (absolute, or relative to the working folder) as a
    /// folder to write into, refusing what the contract above refuses;
    /// `inputs` are the files the run reads.
    public init(_ given: String, describedAs label: String, protecting inputs: [URL]) throws {
        guard !given.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError("\(label) is empty; name a folder for the outputs, e.g. out/liaoning")
        }
        self.label = "\(label) \(given)"
        path = try PathNames.realOrPlanned(PathNames.fromCommandLine(given), describedAs: label)
        guard path != "/" else { throw InputError("\(self.label): the file system's root cannot be an output folder; name a folder of its own") }
        if let kind = Self.kind(path), kind != S_IFDIR {
            throw InputError("\(self.label): \(path) is a file, not a folder; name a folder (aircover writes several files)")
        }
        for input in inputs {
            let real = PathNames.real(input.path) ?? PathNames.normalised(input.path)
            if PathNames.isInside(real, path) {
                throw InputError(
                    "\(self.label): the folder holds \(real), which this run reads; write the outputs into a folder of their own, e.g. \(path)/out")
            }
        }
    }

    /// Writes `files` (plain file names and their bytes) under the contract
    /// above; throws `InputError` naming the folder and the problem, having
    /// changed nothing, when the folder cannot take them.
    public func write(_ files: [String: Data]) throws {
        for name in files.keys where !Self.isPlainName(name) || name == OutputManifest.fileName {
            throw InputError("\(label): cannot write \"\(name)\": output files must have plain names")
        }
        let parent = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        try makeFolders(parent)
        let staging = "\(parent)/.\(name)\(Self.stagingMark)\(getpid())-\(UInt64.random(in: 0...UInt64.max, using: &Self.entropy))"
        var stagingExists = false
        defer { if stagingExists { Self.removeStaging(staging) } }
        try check(mkdir(staging, 0o777), "cannot create a staging folder in \(parent)")
        stagingExists = true
        let manifest = OutputManifest(files: Array(files.keys))
        for (file, data) in files { try writeFile(data, to: "\(staging)/\(file)") }
        try writeFile(manifest.data, to: "\(staging)/\(OutputManifest.fileName)")
        try syncFolder(staging)
        FaultInjection.point("staged")

        let lock = try FolderLock(parent, label: label)
        defer { lock.release() }
        Self.removeStaleStaging(in: parent, for: name, except: staging)
        switch Self.kind(path) {
        case nil:
            if aircover_rename_noreplace(staging, path) == 0 { stagingExists = false; try syncFolder(parent); return }
            guard errno == EEXIST || errno == ENOTEMPTY else { try check(-1, "cannot move the outputs into place"); return }
            try replace(staging: staging, manifest: manifest, stagingExists: &stagingExists)
        case S_IFDIR?:
            try replace(staging: staging, manifest: manifest, stagingExists: &stagingExists)
        default:
            throw InputError("\(label): \(path) is a file, not a folder; name a folder (aircover writes several files)")
        }
    }

    /// Replaces the contents of the existing folder `path` with the staged files.
    private func replace(staging: String, manifest: OutputManifest, stagingExists: inout Bool) throws {
        let entries = try contents(of: path)
        let previous = OutputManifest.read(in: path)
        let own = Set((previous?.files ?? []) + [OutputManifest.fileName])
        let foreign = entries.filter { !own.contains($0) }
        if foreign.isEmpty {
            var mode = stat()
            if stat(path, &mode) == 0 { chmod(staging, mode.st_mode & 0o7777) }
            if aircover_rename_exchange(staging, path) == 0 {
                // `staging` now names the previous output, aircover's files only.
                FaultInjection.point("exchanged")
                try syncFolder((path as NSString).deletingLastPathComponent)
                Self.removeOwnFiles(in: staging, listed: own)
                if rmdir(staging) == 0 { stagingExists = false }
                return
            }
            guard errno == EINVAL || errno == ENOSYS || errno == EXDEV else { try check(-1, "cannot swap the outputs into place"); return }
        }
        let clashes = manifest.files.filter { entries.contains($0) && !own.contains($0) }.sorted()
        guard clashes.isEmpty else {
            throw InputError(
                "\(label): \(path) already holds \(clashes.joined(separator: ", ")), which aircover did not write (no \(OutputManifest.fileName) lists "
                    + (clashes.count == 1 ? "it" : "them") + "); move " + (clashes.count == 1 ? "it" : "them") + " away or choose another folder")
        }
        try moveFiles(from: staging, manifest: manifest, previous: previous)
    }

    /// Moves each staged file into the shared folder: first a manifest naming
    /// every file that may stand there after a crash, then the files, then
    /// the final manifest; files of the previous run that this one does not
    /// write are removed.
    private func moveFiles(from staging: String, manifest: OutputManifest, previous: OutputManifest?) throws {
        let union = OutputManifest(files: Array(Set(manifest.files + (previous?.files ?? []))))
        let interim = "\(staging)/\(OutputManifest.fileName).interim"
        try writeFile(union.data, to: interim)
        try check(rename(interim, "\(path)/\(OutputManifest.fileName)"), "cannot write \(OutputManifest.fileName)")
        for file in manifest.files.sorted() {
            try check(rename("\(staging)/\(file)", "\(path)/\(file)"), "cannot move \(file) into place")
            FaultInjection.point("moved-one")
        }
        for stale in Set(previous?.files ?? []).subtracting(manifest.files) where Self.kind("\(path)/\(stale)") == S_IFREG {
            unlink("\(path)/\(stale)")
        }
        try check(rename("\(staging)/\(OutputManifest.fileName)", "\(path)/\(OutputManifest.fileName)"), "cannot write \(OutputManifest.fileName)")
        try syncFolder(path)
    }

    // MARK: - Staging folders

    static let stagingMark = ".aircover-staging-"
    nonisolated(unsafe) static var entropy = SystemRandomNumberGenerator()

    /// Removes the staging folders of earlier runs into `name` whose
    /// process has ended, and the `.NAME.new-UUID` folders of aircover
    /// versions before the manifest (they held only staged outputs).
    static func removeStaleStaging(in parent: String, for name: String, except current: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        let prefix = ".\(name)\(stagingMark)"
        for entry in entries where "\(parent)/\(entry)" != current {
            if entry.hasPrefix(prefix) {
                let pid = entry.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
                guard let pid, pid > 0, kill(pid, 0) == -1, errno == ESRCH else { continue }
                removeStaging("\(parent)/\(entry)")
            } else if entry.hasPrefix(".\(name).new-"), UUID(uuidString: String(entry.dropFirst(name.count + 6))) != nil {
                removeStaging("\(parent)/\(entry)")
            }
        }
    }

    /// Removes a staging folder, then the folder itself; anything that is
    /// not aircover's stops the removal. With a manifest (a complete stage,
    /// or a previous output swapped out) only the files it lists go; without
    /// one the stage was cut short before any exchange, so every file in it
    /// was staged by aircover.
    static func removeStaging(_ folder: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let manifestFiles = [OutputManifest.fileName, OutputManifest.fileName + ".interim"]
        let own = OutputManifest.read(in: folder).map { Set($0.files + manifestFiles) } ?? Set(entries)
        removeOwnFiles(in: folder, listed: own)
        rmdir(folder)
    }

    static func removeOwnFiles(in folder: String, listed: Set<String>) {
        for file in listed where kind("\(folder)/\(file)") == S_IFREG { unlink("\(folder)/\(file)") }
    }

    // MARK: - File system calls, each failure in a planner's words

    /// A name with no folder in it, not `.` or `..`.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    /// The file type bits (`S_IFDIR`, `S_IFREG`, …) of `path` without following a final link; `nil` if absent.
    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK, stat(path, &info) != 0 { return S_IFLNK }
        return info.st_mode & S_IFMT
    }

    private func check(_ result: Int32, _ what: String) throws {
        guard result != 0 else { return }
        throw InputError("\(label): \(what) (\(SystemError.text(errno)))")
    }

    private func contents(of folder: String) throws -> [String] {
        guard let directory = opendir(folder) else { try check(-1, "cannot read the folder \(folder)"); return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private func makeFolders(_ folder: String) throws {
        if Self.kind(folder) == S_IFDIR { return }
        let parent = (folder as NSString).deletingLastPathComponent
        if parent != folder { try makeFolders(parent) }
        if mkdir(folder, 0o777) != 0 && errno != EEXIST { try check(-1, "cannot create the folder \(folder)") }
        guard Self.kind(folder) == S_IFDIR else { throw InputError("\(label): \(folder) is a file, not a folder") }
    }

    private func writeFile(_ data: Data, to file: String) throws {
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        try check(fd >= 0 ? 0 : -1, "cannot write \(file)")
        defer { close(fd) }
        try data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 { if errno == EINTR { continue }; try check(-1, "cannot write \(file)") }
                offset += max(written, 0)
            }
        }
        try check(fsync(fd), "cannot write \(file) to disk")
    }

    private func syncFolder(_ folder: String) throws {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

/// An exclusive lock (flock) on a folder, held while an output is committed.
struct FolderLock {
    private let descriptor: Int32

    init(_ folder: String, label: String) throws {
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError("\(label): cannot open \(folder) (\(SystemError.text(errno)))") }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw InputError("\(label): cannot lock \(folder) (\(SystemError.text(errno)))")
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
