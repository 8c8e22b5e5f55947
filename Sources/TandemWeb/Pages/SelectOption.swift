import Foundation

/// One `<option>` of a `<select>`: the value sent, the label shown, and whether it is chosen.
struct SelectOption: Encodable, Equatable {
    var value: String
    var label: String
    var selected: Bool

    /// Every IANA time zone, sorted; read once. The same list for the organisation and profiles.
    static let timeZoneIdentifiers: [String] = TimeZone.knownTimeZoneIdentifiers.sorted()

    /// The time zones, with `selected` chosen.
    static func timeZones(selected: String) -> [SelectOption] {
        timeZoneIdentifiers.map { SelectOption(value: $0, label: $0, selected: $0 == selected) }
    }

    /// The interface languages, with `selected` chosen.
    static func locales(_ languages: [LocalizationService.Language], selected: String) -> [SelectOption] {
        languages.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == selected) }
    }
}
