/// How a demand cell's weight is made from what it holds.
///
/// With A_z,c the area (km²) cell c shares with zone z, r_z the zone's risk
/// weight and P_c the population in c:
/// - `.area`:        w_c = Σ_z A_z,c
/// - `.risk`:        w_c = Σ_z r_z · A_z,c
/// - `.population`:  w_c = P_c
/// - `.mix(α)`:      w_c = α · (Σ_z r_z A_z,c) / (Σ_c' Σ_z r_z A_z,c') + (1 − α) · P_c / Σ_c' P_c'
///   (each part as a share of its total, so α is the weight of risk-area
///   against people; 0 ≤ α ≤ 1).
public enum Weighting: Sendable, Equatable, CustomStringConvertible {
    case area
    case risk
    case population
    case mix(riskShare: Double)

    public var description: String {
        switch self {
        case .area: "area"
        case .risk: "risk"
        case .population: "population"
        case .mix(let alpha): "mix(\(alpha))"
        }
    }
}
