import Foundation
import TandemDomain
import Testing

@testable import TandemLocalization

@Suite struct PluralRuleTests {
    @Test func english() {
        let en = PluralRules.rule(for: "en")
        #expect(en.categories == [.one, .other])
        #expect(en.category(for: 0) == .other)
        #expect(en.category(for: 1) == .one)
        #expect(en.category(for: d("1.5")) == .other)
        #expect(en.category(for: 2) == .other)
        #expect(en.category(for: 1_000_000) == .other)
        // "1.0 users": visible fraction digits make it plural in English.
        #expect(en.category(for: PluralOperands(d("1"), visibleFractionDigits: 1)) == .other)
    }

    @Test func frenchIncludingZeroAndMillions() {
        let fr = PluralRules.rule(for: "fr")
        #expect(fr.categories == [.one, .many, .other])
        #expect(fr.category(for: 0) == .one)
        #expect(fr.category(for: 1) == .one)
        #expect(fr.category(for: d("1.5")) == .one)
        #expect(fr.category(for: 2) == .other)
        #expect(fr.category(for: 999_999) == .other)
        #expect(fr.category(for: 1_000_000) == .many)
        #expect(fr.category(for: 2_000_000) == .many)
        #expect(fr.category(for: 1_000_001) == .other)
        #expect(fr.category(for: d("1000000.5")) == .other)
        #expect(fr.category(for: -1) == .one)
        #expect(fr.category(for: d("100000000000000000000")) == .many)
        #expect(PluralRules.rule(for: "fr-CA").categories == [.one, .many, .other])
    }

    @Test func otherLanguagesAreTableEntriesAndUnknownIsOther() {
        let ru = PluralRules.rule(for: "ru")
        #expect(
            [1, 2, 5, 11, 21, 22, 25].map { ru.category(for: $0) } == [.one, .few, .many, .many, .one, .few, .many])
        let pl = PluralRules.rule(for: "pl")
        #expect([1, 2, 5, 12, 22].map { pl.category(for: $0) } == [.one, .few, .many, .many, .few])
        #expect(PluralRules.rule(for: "ar").category(for: 0) == .zero)
        #expect(PluralRules.rule(for: "ja").categories == [.other])
        #expect(PluralRules.rule(for: "xx").categories == [.other])
        #expect(PluralRules.rule(for: "xx").category(for: 1) == .other)
    }

    @Test func examplesForTranslators() {
        #expect(PluralRules.rule(for: "fr").examples(of: .one) == ["0", "1", "0.5", "1.5"])
        #expect(PluralRules.rule(for: "fr").examples(of: .many) == ["1000000", "2000000"])
        #expect(PluralRules.rule(for: "en").examples(of: .other) == ["0", "2", "3", "4"])
    }
}

@Suite struct MessageTests {
    @Test func textAndPlaceholders() {
        #expect(Fixtures.english.t("nav.dashboard") == "Dashboard")
        #expect(Fixtures.french.t("nav.dashboard") == "Tableau de bord")
        #expect(Fixtures.french.t("greeting", ["name": "Ada"]) == "Bonjour, Ada !")
    }

    @Test func missingArgumentStaysVisibleAndExtraIsIgnored() {
        #expect(Fixtures.english.t("greeting") == "Hello, {name}!")
        #expect(Fixtures.english.t("greeting", ["name": "Ada", "unused": "x"]) == "Hello, Ada!")
    }

    @Test func escapedBracesAreLiteral() {
        #expect(Fixtures.english.t("braces", ["name": "x"]) == "Use {curly} braces around x")
        #expect(Fixtures.french.t("braces", ["name": "x"]) == "Utilisez des accolades {curly} autour de x")
        // An argument's own braces are not interpreted.
        #expect(Fixtures.english.t("greeting", ["name": "{evil}"]) == "Hello, {evil}!")
    }

    @Test func plurals() {
        let en = Fixtures.english
        let fr = Fixtures.french
        #expect(en.t("users.count", count: 0) == "0 users")
        #expect(en.t("users.count", count: 1) == "1 user")
        #expect(en.t("users.count", count: 2) == "2 users")
        #expect(en.t("users.count", count: 1234) == "1,234 users")
        #expect(fr.t("users.count", count: 0) == "0 utilisateur")
        #expect(fr.t("users.count", count: 1) == "1 utilisateur")
        #expect(fr.t("users.count", ["count": .decimal(d("1.5"))]) == "1,5 utilisateur")
        #expect(fr.t("users.count", count: 2) == "2 utilisateurs")
        #expect(fr.t("users.count", count: 1_000_000) == "1\u{202F}000\u{202F}000 d’utilisateurs")
        #expect(fr.t("files.in", ["count": 3, "folder": "Docs"]) == "3 fichiers dans Docs")
        #expect(en.t("files.in", ["count": 1, "folder": "Docs"]) == "One file in Docs")
        // Without a count: the "other" form.
        #expect(en.t("users.count") == "{count} users")
    }

    @Test func fallbackToEnglishThenToTheKey() {
        #expect(Fixtures.french.t("only.english") == "Only in English")
        #expect(Fixtures.french.isTranslated("only.english") == false)
        #expect(Fixtures.french.t("no.such.key") == "no.such.key")
        #expect(Fixtures.french.has("no.such.key") == false)
        // fr-CA and unknown languages resolve to the closest catalog, else English.
        #expect(Fixtures.catalogs.localizer(locale: "fr-CA").t("nav.dashboard") == "Tableau de bord")
        #expect(Fixtures.catalogs.localizer(locale: "de").t("nav.dashboard") == "Dashboard")
    }

    @Test func argumentsAreFormattedForTheLocale() {
        let money = Money(d("1234.5"), .eur)
        #expect(Fixtures.french.t("greeting", ["name": .money(money)]) == "Bonjour, 1\u{202F}234,50\u{00A0}€ !")
        #expect(
            Fixtures.english.t("greeting", ["name": .dateTime(Fixtures.instant)])
                == "Hello, 11/29/2026, 8:30\u{202F}AM!")
    }

    @Test func templateSyntax() throws {
        let template = try MessageTemplate(parsing: "{{a}} {b.c_1} }}")
        #expect(template.segments == [.literal("{a} "), .placeholder("b.c_1"), .literal(" }")])
        #expect(template.placeholders == ["b.c_1"])
        #expect(template.source == "{{a}} {b.c_1} }}")
        #expect(throws: MessageSyntaxError.self) { try MessageTemplate(parsing: "oops {name") }
        #expect(throws: MessageSyntaxError.self) { try MessageTemplate(parsing: "oops }") }
        #expect(throws: MessageSyntaxError.self) { try MessageTemplate(parsing: "{not valid}") }
        #expect(throws: MessageSyntaxError.self) { try MessageTemplate(parsing: "{}") }
    }
}
