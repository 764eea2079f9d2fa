import Foundation

/// Quantiles of Student's t distribution, for confidence intervals.
enum StudentT {
    /// t_{0.975, ν}: the two-sided 95 % critical value with ν ≥ 1 degrees of
    /// freedom. ν ≤ 30 from a table (9 significant digits); above, the
    /// Cornish–Fisher expansion in 1/ν to the third order (Abramowitz &
    /// Stegun 26.7.5), within 10⁻⁵ of the exact value for ν > 30.
    static func quantile975(degreesOfFreedom ν: Int) -> Double {
        precondition(ν >= 1, "degrees of freedom must be 1 or more")
        if ν <= table.count { return table[ν - 1] }
        let z = 1.959963984540054, n = Double(ν)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n)
    }

    /// t_{0.975, ν} for ν = 1 … 30.
    private static let table: [Double] = [
        12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135,
        2.262157163, 2.228138852, 2.200985160, 2.178812830, 2.160368656, 2.144786688, 2.131449546, 2.119905299,
        2.109815578, 2.100922040, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.068657610, 2.063898562,
        2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
    ]
}
