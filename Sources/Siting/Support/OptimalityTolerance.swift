/// The optimality tolerance of every siting solver. A solution is proven
/// optimal when its value and a proven bound differ by at most
/// `relative` × max(1, |value|) (the 1 keeps the margin meaningful for
/// values near 0); bounds are lifted (or lowered) by the same margin against
/// rounding, and fixings and targets are taken against an incumbent with it.
/// A reported `.optimal` is therefore optimal to within this margin of its
/// objective, not exactly.
public enum OptimalityTolerance {
    /// The relative tolerance, 10⁻⁹.
    public static let relative = 1e-9

    /// The gap allowed at `value`: `relative` × max(1, |value|).
    public static func margin(at value: Double) -> Double { relative * max(1, abs(value)) }

    /// True when `gap` — bound minus value for a maximisation, value minus
    /// bound for a minimisation — is at most `margin(at: value)`.
    public static func closes(_ gap: Double, at value: Double) -> Bool { gap <= margin(at: value) }
}
