import ArgumentParser
import Isochrones

/// `--tolerance METRES`: how far an isochrone's edges may stray from the
/// true reach boundary, shared by `isochrones`, `plan` and `assess` (one
/// range check, `IsochroneBuilder.acceptedTolerances`). Vertices lie on the
/// boundary; where the reach is convex (calm air, a uniform wind, nothing
/// flown around) edges are chords inside it, so exact coverage errs low by
/// at most a band this wide along the boundary.
///
///     aircover plan scenario.toml --tolerance 20
struct ToleranceOption: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Isochrone boundary tolerance, metres, 1 to 10000 (default 100): polygons lie within this of the true reach, inside it where the reach is convex, so coverage figures err low.",
            valueName: "METRES"),
        transform: SignedOptionValue.number)
    var tolerance: Double = 100

    func validate() throws {
        if !IsochroneBuilder.acceptedTolerances.contains(tolerance) {
            let why = tolerance < IsochroneBuilder.acceptedTolerances.lowerBound ? "; a boundary finer than 1 m is not supported" : ""
            throw ValidationError("--tolerance must be from 1 to 10000 metres (got \(tolerance))\(why)")
        }
    }
}
