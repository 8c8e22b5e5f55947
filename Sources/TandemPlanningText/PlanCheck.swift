import Foundation
import TandemPlanning

/// The plan file checked as `tandem plan` checks it: decoded, validated and planned as of the
/// request's start (a file is a snapshot). Shared by the command line, the capacity check page
/// and the feasibility API, so all three give the same answer for the same file.
public enum PlanCheck {
    /// Throws `PlanningInputError` naming the field at fault (`vendors[2].timeZone`).
    public static func run(fileContents: Data, options: PlanningOptions = .standard) throws -> FeasibilityResult {
        let file = try PlanFile.decode(fileContents)
        let index = try CapacityIndex(vendors: file.vendors)
        return try index.check(file.request, now: file.request.start, options: options)
    }
}
