import GeoCore
import Support

/// The bases every benchmark and its peer use: deterministic pseudo-random
/// positions in Liaoning's bounding box (118.8–125.8°E, 38.7–43.5°N), drawn
/// with SplitMix64 so the Python peers (Benchmarks/peers/splitmix.py) draw
/// exactly the same ones.
enum BenchmarkBases {
    static func liaoning(count: Int, seed: UInt64 = 2026) -> [LonLat] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let u = unit(&generator), v = unit(&generator)
            return LonLat(118.8 + 7.0 * u, 38.7 + 4.8 * v)
        }
    }

    /// A double in [0, 1) from the top 53 bits, as the Python peer computes it.
    static func unit(_ generator: inout SplitMix64) -> Double {
        Double(generator.next() >> 11) / Double(1 << 53)
    }
}
