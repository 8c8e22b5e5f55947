import ArgumentParser
import Foundation
import TandemLocalization

/// `tandem i18n export|import`: exchange the interface strings with translators as XLIFF 2.0.
/// Thin: the work is in `TandemLocalization.I18nTool`; problems go to stderr with exit code 65.
public struct I18nCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "i18n",
        abstract: "Translate Tandem's interface: export its strings as XLIFF 2.0, import a translation.",
        discussion: "See docs/localization.md. Invalid input or a refused file exits with 65.",
        subcommands: [Export.self, Import.self]
    )

    public init() {}

    public struct Export: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "export",
            abstract:
                "Write the interface strings as XLIFF 2.0 for a target language, with notes and existing translations."
        )

        @Option(name: .long, help: "Output format; only xliff for now.")
        var format: String = "xliff"

        @Option(name: .customLong("target-lang"), help: "The language to translate into, e.g. fr, de, pt-BR.")
        var targetLang: String

        @Option(name: .long, help: "Write to FILE instead of standard output.")
        var output: String?

        @Option(name: .long, help: "The shipped catalogs (en.json and translations).")
        var locales: String = "Resources/Locales"

        @Option(name: .long, help: "Imported catalogs that override shipped ones (default: $TANDEM_DATA_DIR/locales).")
        var imported: String?

        public init() {}

        public func run() throws {
            do {
                let xliff = try I18nTool.export(
                    format: format, targetLang: targetLang, localesDirectory: URL(fileURLWithPath: locales),
                    importedDirectory: imported.map { URL(fileURLWithPath: $0) } ?? I18nTool.defaultImportDirectory())
                if let output {
                    try Data(xliff.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                } else {
                    FileHandle.standardOutput.write(Data(xliff.utf8))
                }
            } catch {
                throw I18nCommand.failure(error)
            }
        }
    }

    public struct Import: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "import",
            abstract:
                "Validate a translated XLIFF 2.0 file and install it as <into>/<lang>.json; refuse it whole if anything would break a page."
        )

        @Argument(help: "The translated XLIFF file.")
        var file: String

        @Option(
            name: .long,
            help:
                "Where to write <lang>.json (default: $TANDEM_DATA_DIR/locales, TANDEM_DATA_DIR defaulting to ./tandem-data)."
        )
        var into: String?

        @Option(name: .long, help: "The shipped catalogs holding en.json, the source.")
        var locales: String = "Resources/Locales"

        public init() {}

        public func run() throws {
            do {
                let result = try I18nTool.importFile(
                    URL(fileURLWithPath: file),
                    into: into.map { URL(fileURLWithPath: $0) } ?? I18nTool.defaultImportDirectory(),
                    localesDirectory: URL(fileURLWithPath: locales))
                print(result.summary)
            } catch {
                throw I18nCommand.failure(error)
            }
        }
    }

    /// Reports `error` on stderr; the returned exit code 65 (EX_DATAERR) ends the command.
    static func failure(_ error: Error) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return ExitCode(65)
    }
}
