import TandemDomain

/// Input the planner cannot use, with the path of the field at fault
/// (`vendors[2].timeZone`) and what to do about it.
public struct PlanningInputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }

    /// `EX_DATAERR` from sysexits.h: the input data was incorrect.
    public static let exitCode: Int32 = 65
}
