import ArgumentParser

extension ArgumentHelp {
    /// The help of `--time-limit` (`solve`, `site`): what the limit bounds.
    static var exactSolverTimeLimit: ArgumentHelp {
        ArgumentHelp("Wall-clock seconds for the exact solver. CBC checks them only between its nodes, "
                     + "not in its first (root) node, so a run can end later by up to that node's time.",
                     valueName: "S")
    }
}
