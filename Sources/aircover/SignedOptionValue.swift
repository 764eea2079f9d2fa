import ArgumentParser

/// Option values that may begin with a minus sign: west longitudes, south
/// latitudes (`--bases -21.94,64.13`) and negative numbers, which the
/// command's own checks then accept or refuse with a clear message.
///
/// Options declared with `parsing: .unconditional` take the next argument
/// whatever it looks like; these transforms then refuse a next argument that
/// is an option name (`--bases --json`), so a forgotten value is reported
/// rather than an option swallowed. A value is taken as such when it does not
/// start with a minus sign, or when a digit or a dot follows the minus sign.
enum SignedOptionValue {
    /// The argument as given (coordinates, lists, files).
    @Sendable static func text(_ argument: String) throws -> String {
        guard looksLikeOption(argument) else { return argument }
        throw ValidationError("\(argument) is an option, not a value; the value is missing")
    }

    /// A number, e.g. `-5` or `2.5`.
    @Sendable static func number(_ argument: String) throws -> Double {
        guard let value = Double(try text(argument)) else { throw ValidationError("not a number") }
        return value
    }

    /// A whole number, e.g. `-3` or `8`.
    @Sendable static func integer(_ argument: String) throws -> Int {
        guard let value = Int(try text(argument)) else { throw ValidationError("not a whole number") }
        return value
    }

    private static func looksLikeOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument.count > 1 else { return false }
        let next = argument[argument.index(after: argument.startIndex)]
        return !(next.isNumber || next == ".")
    }
}
