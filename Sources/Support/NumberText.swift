import Foundation

/// Numbers as aircover writes them for people, tables and attribute values:
/// the one place that decides how a figure reads.
public enum NumberText {
    /// Whole numbers below 10¹⁵ in magnitude without a fraction ("12"), any
    /// other in Swift's shortest form that reads back to the same double
    /// ("12.5", "1e-07"); "" when not finite. Lossless: for CSV cells and
    /// attribute values.
    public static func exact(_ v: Double) -> String {
        guard v.isFinite else { return "" }
        return isWhole(v) ? String(Int(v)) : String(v)
    }

    /// Whole numbers below 10¹⁵ without a fraction, any other with 6
    /// significant digits ("0.333333", "1.5e-07"): a figure as planners read
    /// it in messages, progress lines and `check`'s differences.
    public static func readable(_ v: Double) -> String {
        isWhole(v) ? String(Int(v)) : String(format: "%.6g", v)
    }

    /// A JSON value: whole numbers below 10¹⁵ as integers, any other as a number.
    public static func json(_ v: Double) -> JSONValue {
        isWhole(v) ? .integer(Int(v)) : .number(v)
    }

    private static func isWhole(_ v: Double) -> Bool { v == v.rounded() && abs(v) < 1e15 }
}
