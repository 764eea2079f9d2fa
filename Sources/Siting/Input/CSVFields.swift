/// The CSV dialect of every table aircover reads (costs, weights, site
/// costs), after RFC 4180: fields separated by commas; a field may be
/// enclosed in double quotes, and then holds commas and doubled quotes
/// (`"site, north"`, `"the ""old"" base"`) as text. Lines end in LF or CRLF;
/// a UTF-8 byte-order mark before the first line is ignored
/// (`CostTableReader.forEachLine`). Spaces around a field are dropped,
/// except inside its quotes.
///
/// Refused, with the field's position: a quoted field not closed on its line
/// (line breaks inside fields are not read), text after a closing quote, and
/// a quote inside a field that does not start with one.
struct CSVFields {
    /// The fields of the last line split, unquoted: field k is
    /// `bytes[starts[k]..<ends[k]]`. Kept between lines, so splitting
    /// allocates only while lines grow.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [], ends: [Int] = []

    var count: Int { starts.count }

    /// A mistake in a line's quoting: what is wrong, for the reader to prefix
    /// with its file and line.
    struct Mistake: Error { let what: String }

    /// Splits `line` (without its line break) into fields.
    mutating func split(_ line: UnsafeBufferPointer<UInt8>) throws(Mistake) {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        var i = 0
        while true {
            while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
            starts.append(bytes.count)
            if i < line.count, line[i] == 0x22 {
                i += 1
                while true {
                    guard i < line.count else {
                        throw Mistake(what: "field \(starts.count) opens a quote that the line does not close (a line break inside a field is not read)")
                    }
                    if line[i] == 0x22 {
                        if i + 1 < line.count, line[i + 1] == 0x22 {
                            bytes.append(0x22)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    bytes.append(line[i])
                    i += 1
                }
                ends.append(bytes.count)
                while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
                guard i == line.count || line[i] == 0x2C else {
                    throw Mistake(what: "field \(starts.count) has text after its closing quote; inside quotes, write a quote as \"\"")
                }
            } else {
                while i < line.count, line[i] != 0x2C {
                    guard line[i] != 0x22 else {
                        throw Mistake(what: "field \(starts.count) has a quote inside; enclose the whole field in quotes and write the quote as \"\"")
                    }
                    bytes.append(line[i])
                    i += 1
                }
                var end = bytes.count
                while end > starts[starts.count - 1], bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                ends.append(end)
            }
            guard i < line.count else { return }
            i += 1  // the comma
        }
    }

    /// Calls `body` with field k's bytes.
    func withField<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[starts[k]..<ends[k]])) }
    }

    /// Field k as text.
    func string(_ k: Int) -> String { withField(k) { String(decoding: $0, as: UTF8.self) } }

    /// Every field as text.
    var strings: [String] { (0..<count).map(string) }
}
