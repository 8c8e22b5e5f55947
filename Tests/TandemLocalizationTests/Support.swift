import Foundation
import TandemDomain

@testable import TandemLocalization

/// Small in-memory catalogs for unit tests (the repository checks read the real files).
enum Fixtures {
    static let en = Catalog(
        locale: "en", name: "English",
        messages: [
            "nav.dashboard": .text("Dashboard", note: "Main navigation link"),
            "language.native_name": .text("English", note: "This language's name in this language"),
            "greeting": .text("Hello, {name}!", note: "{name}: first name"),
            "only.english": .text("Only in English"),
            "braces": .text("Use {{curly}} braces around {name}"),
            "users.count": .plural([.one: "{count} user", .other: "{count} users"], note: "Shown above the user list"),
            "files.in": .plural([.one: "One file in {folder}", .other: "{count} files in {folder}"]),
            "error.value.required": .text("This field is required."),
            "error.decimal.invalid": .text("“{input}” is not a number. Write it like {example}."),
            "error.decimal.ambiguous": .text(
                "“{input}” can be read two ways. Write numbers like {example}, with “{separator}” before the decimals."),
            "error.integer.invalid": .text("“{input}” must be a whole number."),
            "error.money.invalid": .text("“{input}” is not an amount in {currency}. Write it like {example}."),
            "error.money.precision": .plural([
                .one: "“{input}”: at most {count} decimal in {currency}.",
                .other: "“{input}”: at most {count} decimals in {currency}.",
            ]),
            "error.date.invalid": .text("“{input}” is not a date. Write it like {example}."),
            "error.date.ambiguous": .text(
                "“{input}” can be read two ways. Write the date like {example}, with the year in full."),
            "error.date.nonexistent": .text("“{input}” is not a day of the calendar. Check the day and the month."),
        ])

    static let fr = Catalog(
        locale: "fr", name: "Français",
        messages: [
            "nav.dashboard": .text("Tableau de bord"),
            "language.native_name": .text("Français"),
            "greeting": .text("Bonjour, {name} !"),
            "braces": .text("Utilisez des accolades {{curly}} autour de {name}"),
            "users.count": .plural([
                .one: "{count} utilisateur", .many: "{count} d’utilisateurs", .other: "{count} utilisateurs",
            ]),
            "files.in": .plural([
                .one: "{count} fichier dans {folder}", .many: "{count} de fichiers dans {folder}",
                .other: "{count} fichiers dans {folder}",
            ]),
            "error.decimal.ambiguous": .text(
                "« {input} » peut se lire de deux façons. Écrivez les nombres comme ceci : {example}, avec « {separator} » avant les décimales."
            ),
            "error.date.nonexistent": .text("« {input} » n’existe pas dans le calendrier."),
        ])

    static let catalogs = try! Catalogs([en, fr])
    static let paris = TimeZone(identifier: "Europe/Paris")!
    static let newYork = TimeZone(identifier: "America/New_York")!
    static var french: Localizer { catalogs.localizer(locale: "fr", timeZone: paris) }
    static var english: Localizer { catalogs.localizer(locale: "en", timeZone: newYork) }

    /// 2026-11-29 13:30 UTC = 14:30 in Paris, 8:30 in New York.
    static let instant = Date(timeIntervalSince1970: 1_795_959_000)

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-l10n-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The repository root: walk up from this file (symlinks resolved) to the directory holding Package.swift.
func repositoryRoot(file: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: file).resolvingSymlinksInPath().deletingLastPathComponent()
    while url.path != "/" {
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        url = url.deletingLastPathComponent()
    }
    fatalError("no Package.swift above \(file)")
}

func d(_ text: String) -> Decimal { Decimal(canonical: text)! }
