/// The best coverage for p = 1 … k bases (MCLP at each p), each point with
/// its own proof status: the curve planners read to see what one more base
/// buys.
public enum TradeoffCurve {
    public static func solve(
        instance: CoverInstance, upTo k: Int, forced: Set<Int> = [], excluded: Set<Int> = [],
        timeLimitPerPoint: Double? = nil
    ) throws -> [SitingResult] {
        let available = instance.siteCount - excluded.count
        guard k >= 1 else { throw SitingInputError("the curve needs k ≥ 1, got \(k)") }
        return try (max(1, forced.count)...min(k, available)).map { p in
            try MaximalCovering(instance: instance, limit: .sites(p), forced: forced, excluded: excluded).solve(timeLimit: timeLimitPerPoint)
        }
    }
}
