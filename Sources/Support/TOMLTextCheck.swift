/// Checks made on TOML text before toml++ (inside TOMLKit) parses it, for
/// the inputs toml++ 3.4 does not refuse by itself.
///
/// - A NUL byte: TOMLKit hands the text to C++ as a C string, so everything
///   after a NUL would be silently ignored. Refused.
/// - A table header whose key does not start with a key character, quote or
///   `]` (`[[[`, `[=]`, `[` at the end of a line): toml++'s `parse_key()`
///   asserts on it, aborting the process (SwiftPM compiles toml++ without
///   `NDEBUG` in debug and release builds alike; with `NDEBUG` the assertion
///   would become an optimiser assumption, undefined behaviour). A
///   dependency's C++ flags cannot be set from this package. Refused.
/// - A `}` where an array expects a value (`[}`, `[1, }`): toml++'s
///   `parse_value()` asserts on it in the same way. Refused.
/// - A date whose `T` no digit follows (`1979-05-27T:30`, `1979-05-27T` at
///   the end of a line): toml++'s `parse_time()` asserts. Refused.
/// - A date, a space and one digit ending the value (`1979-05-27 7`): toml++
///   reads on for a time and asserts in `parse_value()`. Refused.
///
/// A leading UTF-8 byte-order mark is skipped, as toml++ skips it.
///
/// The scan follows TOML's statement structure (comments, single- and
/// multi-line basic and literal strings, arrays and inline tables spanning
/// lines), so a `[` inside a value or a string is never taken for a header.
/// It is exact on text that is valid TOML up to the place it flags, which is
/// all that matters: toml++ stops at its first error, and `ConfigTable` parses
/// the text before the flagged line to report any earlier error instead.
enum TOMLTextCheck {
    /// A place toml++ must not be given, 1-based like toml++'s positions.
    struct Finding: Equatable {
        let line: Int
        let column: Int
        /// The byte offset where the line of the statement holding the finding
        /// starts: the text before it is whole statements.
        let lineStart: Int
        let problem: String
    }

    /// The first NUL byte or unparseable table header of `bytes` (UTF-8), if any.
    static func firstProblem(in bytes: [UInt8]) -> Finding? {
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    /// The line and column (in Unicode scalars) of the first byte of `bytes`
    /// that is not UTF-8, if any.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var codec = UTF8()
        while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return nil
            case .error:
                return (line, column)
            }
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

        /// The 1-based column of byte `offset` on the current line, counted in
        /// scalars (a leading byte-order mark, which editors do not show, not counted).
        func column(of offset: Int) -> Int {
            let start = lineStart == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : lineStart
            return 1 + bytes[min(start, offset)..<offset].filter { $0 & 0xC0 != 0x80 }.count
        }

        func finding(at offset: Int, _ problem: String) -> Finding {
            Finding(line: line, column: column(of: offset), lineStart: lineStart, problem: problem)
        }

        mutating func advance() {
            if bytes[index] == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
            index += 1
        }

        mutating func run() -> Finding? {
            if let nul = bytes.firstIndex(of: 0) { return nulFinding(at: nul) }
            // toml++ skips a leading byte-order mark; the scan starts after it too.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            while let byte = current {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    advance()
                case UInt8(ascii: "#"):
                    skipComment()
                case UInt8(ascii: "["):
                    if let problem = checkHeader() { return problem }
                    skipRestOfLine()
                default:
                    if let problem = skipStatement() { return problem }
                }
            }
            return nil
        }

        func nulFinding(at offset: Int) -> Finding {
            var line = 1, start = 0
            for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") { line += 1; start = i + 1 }
            let column = 1 + bytes[start..<offset].filter { $0 & 0xC0 != 0x80 }.count
            return Finding(
                line: line, column: column, lineStart: start,
                problem: "contains a NUL byte; a TOML file must be plain text")
        }

        /// At a header's `[`: the character after `[` or `[[` (and blanks)
        /// must start a key, or be `]` (which toml++ refuses by itself).
        func checkHeader() -> Finding? {
            var offset = index + 1
            var blanks = false
            while let b = byte(at: offset), b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { offset += 1; blanks = true }
            if byte(at: offset) == UInt8(ascii: "[") {
                if blanks { return nil }  // "[ [": toml++ refuses it by itself
                offset += 1
                while let b = byte(at: offset), b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { offset += 1 }
            }
            guard let first = byte(at: offset) else { return nil }  // end of file: toml++ refuses it by itself
            if Self.startsKey(first) || first == UInt8(ascii: "]") { return nil }
            let shown = first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") ? "the end of the line" : "'\(Self.character(at: offset, in: bytes))'"
            return finding(at: offset, "a table header needs a key (a name or a quoted string) after '[', found \(shown)")
        }

        static func startsKey(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
        }

        static func character(at offset: Int, in bytes: [UInt8]) -> String {
            var end = offset + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return String(decoding: bytes[offset..<end], as: UTF8.self)
        }

        mutating func skipComment() {
            while let b = current, b != UInt8(ascii: "\n") { advance() }
        }

        /// The rest of a header line: its key's quoted strings and a comment.
        mutating func skipRestOfLine() {
            while let b = current, b != UInt8(ascii: "\n") {
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): skipString()
                case UInt8(ascii: "#"): skipComment()
                default: advance()
                }
            }
        }

        /// A `key = value` statement: up to the end of the line where every
        /// array and inline table it opened is closed. Flags a `}` where an
        /// array expects a value (after its `[` or a `,`), on which toml++'s
        /// `parse_value()` asserts, and a value `YYYY-MM-DDT` not followed by
        /// a digit, on which its `parse_time()` asserts.
        mutating func skipStatement() -> Finding? {
            let statementStart = lineStart
            var open: [UInt8] = []
            var previous: UInt8 = 0  // the last byte that is not a blank, line break or comment
            var inValue = false  // after a key's '=', until an inline table's ',' starts the next key
            while let b = current {
                if inValue,
                    let problem = dateTimeWithoutTime(at: index, statementStart: statementStart)
                        ?? dateWithALoneDigit(at: index, after: previous, statementStart: statementStart)
                {
                    return problem
                }
                switch b {
                case UInt8(ascii: "="): inValue = true
                case UInt8(ascii: "{"): inValue = false
                case UInt8(ascii: ","): inValue = open.last != UInt8(ascii: "{")
                default: break
                }
                switch b {
                case UInt8(ascii: "\n") where open.isEmpty: return nil
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    advance()
                    continue
                case UInt8(ascii: "#"):
                    skipComment()
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"): open.append(b); advance()
                case UInt8(ascii: "}"):
                    if open.last == UInt8(ascii: "["), previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",") {
                        return Finding(
                            line: line, column: column(of: index), lineStart: statementStart,
                            problem: "an array needs a value or ']' here, found '}'")
                    }
                    if !open.isEmpty { open.removeLast() }
                    advance()
                case UInt8(ascii: "]"): if !open.isEmpty { open.removeLast() }; advance()
                case UInt8(ascii: "\""), UInt8(ascii: "'"): skipString()
                default: advance()
                }
                previous = b
            }
            return nil
        }

        /// A finding when a value token starts at `offset` with a date
        /// (`YYYY-MM-DD`) and a `T` or `t` that no digit follows.
        func dateTimeWithoutTime(at offset: Int, statementStart: Int) -> Finding? {
            func digit(_ k: Int) -> Bool { byte(at: offset + k).map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
            guard digit(0), offset == 0 || !Self.isTokenByte(bytes[offset - 1]),
                digit(1), digit(2), digit(3), byte(at: offset + 4) == UInt8(ascii: "-"), digit(5), digit(6),
                byte(at: offset + 7) == UInt8(ascii: "-"), digit(8), digit(9),
                byte(at: offset + 10) == UInt8(ascii: "T") || byte(at: offset + 10) == UInt8(ascii: "t"), !digit(11)
            else { return nil }
            return Finding(
                line: line, column: column(of: offset + 11), lineStart: statementStart,
                problem: "a date-time needs its time after the 'T' (YYYY-MM-DDTHH:MM:SS)")
        }

        /// A finding when a value token starts at `offset` that toml++ takes
        /// for a date (`mayBeDateBeforeASpace`), and a space, one digit and the
        /// end of the value follow it: toml++ reads on for a time after the
        /// space and asserts when the value ends there.
        func dateWithALoneDigit(at offset: Int, after previous: UInt8, statementStart: Int) -> Finding? {
            guard let first = byte(at: offset), first >= 0x30 && first <= 0x39,
                offset == 0 || Self.startsValue(after: bytes[offset - 1])
            else { return nil }
            var end = offset
            while end < bytes.count && !Self.isValueTerminator(bytes[end]) { end += 1 }
            guard byte(at: end) == UInt8(ascii: " "), let digit = byte(at: end + 1), digit >= 0x30 && digit <= 0x39,
                let after = byte(at: end + 2), Self.isValueTerminator(after)
            else { return nil }
            guard Self.mayBeDateBeforeASpace(Array(String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars)) else { return nil }
            return Finding(
                line: line, column: column(of: end + 2), lineStart: statementStart,
                problem: "a date followed by a space needs a whole time (YYYY-MM-DD HH:MM:SS)")
        }

        /// Whether toml++ 3.4's value classifier (`parse_value()`'s traits)
        /// takes `token` for a date that a space and a time may follow: ten
        /// characters not counting `_`, `-` fifth and eighth, a digit first,
        /// and no trait but digits and minus signs. The letters are traits only
        /// where toml++ counts them: `t` and `z` always; `b`, `o` and `x`
        /// second after a leading zero (`x` also third after a sign and a
        /// zero); `p` after an `x`; `e` after the first character when no sign,
        /// `:` or other such letter came before.
        static func mayBeDateBeforeASpace(_ token: [Unicode.Scalar]) -> Bool {
            var chars: [Unicode.Scalar] = []
            var minus = false, other = false, hasX = false
            guard let first = token.first, ("0"..."9").contains(first) else { return false }
            let zero = first == "0"
            for c in token where c != "_" {
                chars.append(c)
                let count = chars.count
                switch c {
                case "0"..."9": break
                case "-": minus = true
                case "+", ".", ":", "t", "T", "z", "Z": other = true
                case "b", "B", "o", "O": if count == 2 && zero { other = true }
                case "x", "X": if count == 2 && zero { other = true; hasX = true }
                case "p", "P": if hasX { other = true }
                case "e", "E": if count > 1 && !other && !minus { other = true }
                default: break
                }
            }
            return chars.count == 10 && chars[4] == "-" && chars[7] == "-" && minus && !other
        }

        /// The bytes toml++ ends a value at: blanks, line breaks, `,` `]` `}` `#`.
        static func isValueTerminator(_ b: UInt8) -> Bool {
            [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#")].contains(b)
        }

        /// Whether a value can start after byte `b`: after a blank, `=`, `[`, `,` or `{`.
        static func startsValue(after b: UInt8) -> Bool {
            [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "="), UInt8(ascii: "["), UInt8(ascii: ","), UInt8(ascii: "{")].contains(b)
        }

        /// Bytes that continue a bare key or a number, date or time token.
        static func isTokenByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: "+") || b >= 0x80
        }

        /// A basic ("…", """…""") or literal ('…', '''…''') string.
        mutating func skipString() {
            let quote = bytes[index]
            let escapes = quote == UInt8(ascii: "\"")
            let multiLine = byte(at: index + 1) == quote && byte(at: index + 2) == quote
            if multiLine {
                advance(); advance(); advance()
                while let b = current {
                    if escapes && b == UInt8(ascii: "\\") { advance(); if current != nil { advance() }; continue }
                    if b == quote && byte(at: index + 1) == quote && byte(at: index + 2) == quote {
                        advance(); advance(); advance()
                        // Up to two more quotes belong to the string's content.
                        for _ in 0..<2 where current == quote { advance() }
                        return
                    }
                    advance()
                }
                return
            }
            advance()
            while let b = current, b != UInt8(ascii: "\n") {
                if escapes && b == UInt8(ascii: "\\") { advance(); if let next = current, next != UInt8(ascii: "\n") { advance() }; continue }
                advance()
                if b == quote { return }
            }
        }
    }
}
