"""SplitMix64, bit for bit as GeoCore.SplitMix64, so peers draw the same instances."""

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed: int):
        self.state = seed & MASK

    def next(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self) -> float:
        return (self.next() >> 11) / float(1 << 53)


def liaoning_bases(count: int, seed: int = 2026):
    g = SplitMix64(seed)
    out = []
    for _ in range(count):
        u = g.unit()
        v = g.unit()
        out.append((118.8 + 7.0 * u, 38.7 + 4.8 * v))
    return out
