import CFuzzDriver
import Foundation

/// One fuzz input as the readers take it: text, or a file holding it.
public enum FuzzInput {
    /// The bytes as text (invalid UTF-8 repaired, as `String(decoding:)` does).
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// A directory of this process's own under the temporary directory
    /// (`/dev/shm` when there is one, so writing inputs stays off the disk).
    public static let directory: URL = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("aircover-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes the input to `name` in `folder` (default: `directory`),
    /// replacing the previous input, and returns its URL.
    public static func file(_ data: UnsafePointer<UInt8>, _ size: Int, named name: String, in folder: URL? = nil) -> URL {
        let url = (folder ?? directory).appendingPathComponent(name)
        let written = FileManager.default.createFile(atPath: url.path, contents: Data(bytes: data, count: size))
        precondition(written, "fuzz harness: cannot write \(url.path)")
        return url
    }

    /// The repository's root (located from this source file).
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../..").standardized
}

/// Runs libFuzzer on `test` (the target's `LLVMFuzzerTestOneInput`) with this program's arguments (libFuzzer's own
/// flags and corpus folders, or files to run once), then exits with its
/// status. A fuzz target's whole `main.swift` calls this: SwiftPM makes the
/// top-level code the executable's `main`, so libFuzzer's `main` is not used.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}
