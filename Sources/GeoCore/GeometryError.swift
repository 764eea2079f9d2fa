/// A geometry operation or parse that failed, with GEOS's explanation.
public struct GeometryError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What failed and why, in words a user can act on.
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
