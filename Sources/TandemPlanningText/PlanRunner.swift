import Foundation
import TandemLocalization
import TandemPlanning

/// What `tandem plan` prints and how it exits, as a value so it can be tested without a process.
public struct PlanRunOutcome: Sendable, Equatable {
    public var standardOutput: String
    public var standardError: String
    public var exitCode: Int32
}

public enum PlanRunner {
    /// Decodes, validates, plans and renders in the localizer's language. Bad input gives exit
    /// code 65 and a message naming the field on standard error, nothing on standard output.
    /// The plan is computed as of the request's start (a file is a snapshot).
    public static func run(
        fileContents: Data, format: PlanOutputFormat, localizer: Localizer, options: PlanningOptions = .standard
    ) -> PlanRunOutcome {
        do {
            let result = try PlanCheck.run(fileContents: fileContents, options: options)
            let text =
                format == .json
                ? PlanRendering.json(result, localizer: localizer) + "\n"
                : PlanRendering.table(result, localizer: localizer)
            return PlanRunOutcome(standardOutput: text, standardError: "", exitCode: 0)
        } catch let error as PlanningInputError {
            return PlanRunOutcome(
                standardOutput: "", standardError: "error: \(PlanningText.line(for: error, localizer: localizer))\n",
                exitCode: PlanningInputError.exitCode)
        } catch {
            return PlanRunOutcome(
                standardOutput: "", standardError: "error: \(error)\n", exitCode: PlanningInputError.exitCode)
        }
    }
}
