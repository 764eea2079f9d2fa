import ArgumentParser

extension ArgumentHelp {
    /// The help of `--time-limit` (`solve`, `site`): what the limit bounds.
    static var exactSolverTimeLimit: ArgumentHelp {
        ArgumentHelp(
            "Wall-clock seconds for solving (reading the inputs not included); finite and above 0. "
                + "Every model then returns its best solution with a proven bound (status feasible when the limit stops it). "
                + "Heuristics stop at the limit; a run can end later by one heuristic pass or one root node of CBC, "
                + "which CBC does not interrupt (p-median and backup skip CBC under a limit on models above 20,000 nonzeros): "
                + "3,000 demands × 300 sites, 2 s asked, ended within 1.5 s after it.",
            valueName: "S")
    }
}
