import ArgumentParser
import Foundation
import TandemLocalization
import TandemPlanningText

/// `tandem plan [--format table|json] FILE`: earliest delivery, verdict and plan for a request.
/// Thin: decoding, planning, rendering and exit codes live in `TandemPlanningText.PlanRunner`.
/// Messages come from the catalogs in `$TANDEM_RESOURCES_DIR/Locales` (default `./Resources`),
/// in the language of `LC_ALL`, `LC_MESSAGES` or `LANG` (`fr_FR.UTF-8` → French), else English.
public struct PlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Check a deadline against vendor capacity: earliest delivery, verdict, plan and reasons.",
        discussion: "FILE is JSON with \"vendors\" and \"request\"; see docs/planning.md. Invalid input exits with 65."
    )

    @Option(name: .long, help: "Output format: table or json.")
    var format: String = "table"

    @Argument(help: "The plan file (JSON).")
    var file: String

    public init() {}

    public func run() throws {
        guard let format = PlanOutputFormat(rawValue: format.lowercased()) else {
            throw ValidationError("--format must be table or json, not “\(format)”.")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("error: cannot read \(file)\n".utf8))
            throw ExitCode(66)
        }
        let environment = ProcessInfo.processInfo.environment
        let resources = URL(fileURLWithPath: environment["TANDEM_RESOURCES_DIR"] ?? "Resources")
        let localizer: Localizer
        if let found = PlanningText.commandLineLocalizer(environment: environment, resources: resources) {
            localizer = found
        } else {
            FileHandle.standardError.write(
                Data(
                    "warning: cannot read the message catalogs in \(resources.path)/Locales (set TANDEM_RESOURCES_DIR); reasons are shown as message keys\n"
                        .utf8))
            localizer = try Catalogs([Catalog(locale: "en", name: "English")]).localizer(locale: "en")
        }
        let outcome = PlanRunner.run(fileContents: data, format: format, localizer: localizer)
        if !outcome.standardError.isEmpty { FileHandle.standardError.write(Data(outcome.standardError.utf8)) }
        if !outcome.standardOutput.isEmpty { FileHandle.standardOutput.write(Data(outcome.standardOutput.utf8)) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
