import CCbc

/// The version of the CBC mixed-integer solver linked into this process.
public enum SolverVersion {
    /// CBC's own version string, e.g. "2.10.8".
    public static var cbc: String { String(cString: Cbc_getVersion()) }
}
