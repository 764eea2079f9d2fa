import Foundation
import Testing
import TestSupport

/// Every example printed under "Examples:" by `aircover <command> --help`
/// runs as written and exits 0. Each runs in a fresh folder that links the
/// repository's `basemaps` and `Tests` and holds the user files the examples
/// name (zones.geojson, times.csv, …), so outputs land there.
@Suite struct HelpExamplesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let command: String
        let line: String
        var testDescription: String { line }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// `aircover ARGS` with a wide terminal, so help lines are not wrapped.
    static func help(_ arguments: [String]) -> String {
        let run = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["COLUMNS=1000", CommandRunner.executable.path] + arguments)
        return run?.stdout ?? ""
    }

    /// The subcommands `aircover --help` lists.
    static var commands: [String] {
        let lines = help(["--help"]).split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line in
            line.split(separator: " ").first.map(String.init)
        }
    }

    static let examples: [Example] = commands.flatMap { command in
        let lines = help([command, "--help"]).split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "Examples:") else { return [Example]() }
        return lines[(start + 1)...].prefix { $0.hasPrefix("  aircover ") }
            .map { Example(command: command, line: $0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The words of an example as a POSIX shell splits them (double and single
    /// quotes); nil when it holds an unquoted ; | & < or >, which a shell would
    /// take for more than one command or a redirection.
    static func words(_ line: String) -> [String]? {
        var words: [String] = [], current = "", quote: Character? = nil, inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if ";|&<>".contains(c) {
                return nil
            } else if c == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    @Test func everyCommandButVersionsShowsExamples() {
        let commands = Self.commands
        #expect(commands.contains("plan") && commands.contains("solve") && commands.count >= 10, "\(commands)")
        for command in commands where command != "versions" && command != "help" {
            #expect(Self.examples.contains { $0.command == command }, "aircover \(command) --help has no examples")
        }
        #expect(Self.words(#"aircover assess --bases "1,2;3,4" --json"#) == ["aircover", "assess", "--bases", "1,2;3,4", "--json"])
        #expect(Self.words("aircover assess --bases 1,2;3,4") == nil)
    }

    @Test(arguments: examples) func runsAsWritten(_ example: Example) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.writeUserFiles(in: directory)
        let words = try #require(Self.words(example.line), "a shell would split \(example.line)")
        #expect(words.first == "aircover")
        if example.command == "serve" {
            try Self.serves(Array(words.dropFirst()), in: directory, example: example.line)
            return
        }
        let run = try CommandRunner.run(Array(words.dropFirst()), in: directory)
        #expect(run.status == 0, "\(example.line)\n\(run.stderr)")
        #expect(!run.stderr.contains("Error:"), "\(example.line)\n\(run.stderr)")
    }

    /// A `serve` example runs until Ctrl-C: it must print its URL within
    /// ten minutes (the scenario read in a debug build), then stop on SIGINT with exit 0.
    static func serves(_ arguments: [String], in directory: URL, example: String) throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = ProcessOutput()
        let reader = Thread {
            while true {
                let data = out.fileHandleForReading.availableData
                if data.isEmpty { break }
                printed.append(data)
            }
        }
        reader.start()
        let deadline = Date().addingTimeInterval(600)
        while !printed.text.contains("http://") && process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        #expect(printed.text.contains("http://127.0.0.1:"), "\(example): no URL printed (\(printed.text))")
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(example): exit \(process.terminationStatus)")
    }

    final class ProcessOutput: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.lock(); data.append(more); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }

    /// The repository's data, and the files the examples name as the user's own.
    static func writeUserFiles(in directory: URL) throws {
        let manager = FileManager.default
        for name in ["basemaps", "Tests"] {
            try manager.createSymbolicLink(at: directory.appendingPathComponent(name), withDestinationURL: repository.appendingPathComponent(name))
        }
        func write(_ name: String, _ text: String) throws {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        // Zones around Reykjavik (−21.94, 64.13), for the examples west of Greenwich.
        try write(
            "zones.geojson",
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"RVK"},"geometry":{"type":"Polygon",
            "coordinates":[[[-22.4,63.9],[-21.5,63.9],[-21.5,64.4],[-22.4,64.4],[-22.4,63.9]]]}}]}
            """)
        // A restricted area east of Zhengzhou (113.62, 34.75).
        try write(
            "restricted.geojson",
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon",
            "coordinates":[[[113.9,34.5],[114.1,34.5],[114.1,35.0],[113.9,35.0],[113.9,34.5]]]}}]}
            """)
        // Response times from 20 demands to 10 sites B1…B10, 10 to 94 min; weights 1…20.
        var times = "demand,site,cost\n", weights = "demand,weight\n"
        for i in 1...20 {
            for j in 1...10 { times += "d\(i),B\(j),\(10 + 7 * ((3 * i + 5 * j) % 13))\n" }
            weights += "d\(i),\(i)\n"
        }
        try write("times.csv", times)
        try write("demand.csv", weights)
        // The 20 demands in three regions.
        try write("groups.csv", "demand,group\n" + (1...20).map { "d\($0),\(["east", "north", "west"][$0 % 3])\n" }.joined())
        // An OR-Library set-covering instance: 3 rows, 4 columns of cost 1.
        try write("scp41.txt", "3 4\n1 1 1 1\n2 1 2\n2 2 3\n2 3 4\n")
    }
}
