import Foundation
import TandemDomain
import Testing

@testable import TandemLocalization

@Suite struct ParsingTests {
    let en = Fixtures.english, fr = Fixtures.french

    func message(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as DomainError { return error.message } catch { return "\(error)" }
    }

    @Test func frenchDecimals() throws {
        #expect(try fr.parseDecimal("1 234,50") == d("1234.5"))
        #expect(try fr.parseDecimal("1\u{202F}234,50") == d("1234.5"))
        #expect(try fr.parseDecimal("1\u{00A0}234\u{00A0}567") == d("1234567"))
        #expect(try fr.parseDecimal("1234,5") == d("1234.5"))
        #expect(try fr.parseDecimal("  -0,25 ") == d("-0.25"))
        #expect(try fr.parseDecimal("0,125") == d("0.125"))
        #expect(try fr.parseDecimal("1,2345") == d("1.2345"))
        // A dot from a numeric keypad, when it cannot be a thousands separator.
        #expect(try fr.parseDecimal("1234.5") == d("1234.5"))
        #expect(try fr.parseDecimal("12") == 12)
    }

    @Test func frenchRefusesAmbiguousAndForeignSpellings() {
        for input in ["1,234", "12,345", "1.234", "1,234.5", "1.234,5"] {
            #expect(
                message { try fr.parseDecimal(input, field: "rate") }
                    == "« \(input) » peut se lire de deux façons. Écrivez les nombres comme ceci : 1\u{202F}234,5, avec « , » avant les décimales.",
                "\(input)")
        }
        let error = #expect(throws: DomainError.self) { try fr.parseDecimal("1,234", field: "rate") }
        #expect(error?.field == "rate")
        #expect(error?.key == "error.decimal.ambiguous")
        #expect(error?.arguments["input"] == "1,234")
        // Not translated in the fixture: the English message, with French examples.
        #expect(message { try fr.parseDecimal("12a") } == "“12a” is not a number. Write it like 1\u{202F}234,5.")
        #expect(message { try fr.parseDecimal("1 23,5") } == "“1 23,5” is not a number. Write it like 1\u{202F}234,5.")
        #expect(message { try fr.parseDecimal("") } == "This field is required.")
    }

    @Test func englishDecimals() throws {
        #expect(try en.parseDecimal("1,234.50") == d("1234.5"))
        #expect(try en.parseDecimal("1234.5") == d("1234.5"))
        #expect(try en.parseDecimal("1,234") == 1234)
        #expect(try en.parseDecimal("1.234") == d("1.234"))
        #expect(try en.parseDecimal("1,234,567.891") == d("1234567.891"))
        #expect(try en.parseDecimal("+.5") == d("0.5"))
        #expect(try en.parseDecimal("\u{2212}3") == -3)
    }

    @Test func englishRefusesAmbiguousAndInvalid() {
        for input in ["1.234,5", "1,5", "1 234,5"] {
            #expect(
                message { try en.parseDecimal(input) }
                    == "“\(input)” can be read two ways. Write numbers like 1,234.5, with “.” before the decimals.",
                "\(input)")
        }
        for input in ["1,23.4", "1..2", "1.2.3", "12-3", "1e5", "--1", "."] {
            #expect(
                message { try en.parseDecimal(input) } == "“\(input)” is not a number. Write it like 1,234.5.",
                "\(input)")
        }
    }

    @Test func integers() throws {
        #expect(try fr.parseInteger("1 234") == 1234)
        #expect(message { try en.parseInteger("12.5") } == "“12.5” must be a whole number.")
    }

    @Test func money() throws {
        #expect(try fr.parseMoney("1 234,50 €", currency: .eur) == Money(d("1234.5"), .eur))
        #expect(try fr.parseMoney("1234,5", currency: .eur) == Money(d("1234.5"), .eur))
        #expect(try fr.parseMoney("12 EUR", currency: .eur) == Money(12, .eur))
        #expect(try en.parseMoney("€1,234.50", currency: .eur) == Money(d("1234.5"), .eur))
        #expect(try en.parseMoney("-$5", currency: .usd) == Money(-5, .usd))
        #expect(try en.parseMoney("1234.5", currency: .eur) == Money(d("1234.5"), .eur))
        #expect(message { try en.parseMoney("12.345", currency: .eur) } == "“12.345”: at most 2 decimals in EUR.")
        #expect(
            message { try en.parseMoney("1.5", currency: try CurrencyCode("JPY")) }
                == "“1.5”: at most 0 decimals in JPY.")
        #expect(
            message { try en.parseMoney("£12", currency: .eur) }
                == "“£12” is not an amount in EUR. Write it like €1,234.50.")
        #expect(
            message { try fr.parseMoney("1,234 €", currency: .eur) }
                == "« 1,234 € » peut se lire de deux façons. Écrivez les nombres comme ceci : 1\u{202F}234,5, avec « , » avant les décimales."
        )
    }

    @Test func dates() throws {
        let day = CalendarDate(year: 2026, month: 11, day: 29)!
        #expect(try fr.parseDate("29/11/2026") == day)
        #expect(try fr.parseDate("29.11.2026") == day)
        #expect(try fr.parseDate("2026-11-29") == day)
        #expect(try en.parseDate("11/29/2026") == day)
        #expect(try en.parseDate("2026-11-29") == day)
        #expect(try en.parseDate("3/5/2026") == CalendarDate(year: 2026, month: 3, day: 5))
        #expect(try fr.parseDate("3/5/2026") == CalendarDate(year: 2026, month: 5, day: 3))
        #expect(try fr.parseDate("2026/11/29") == day)
    }

    @Test func refusedDates() {
        #expect(message { try fr.parseDate("31/02/2026") } == "« 31/02/2026 » n’existe pas dans le calendrier.")
        #expect(
            message { try en.parseDate("2/31/2026") }
                == "“2/31/2026” is not a day of the calendar. Check the day and the month.")
        #expect(
            message { try fr.parseDate("29/11/26") }
                == "“29/11/26” can be read two ways. Write the date like 31/12/2026, with the year in full.")
        #expect(message { try en.parseDate("29/11/2026") } == "“29/11/2026” is not a date. Write it like 12/31/2026.")
        #expect(message { try fr.parseDate("11/29/2026") } == "“11/29/2026” is not a date. Write it like 31/12/2026.")
        #expect(message { try fr.parseDate("demain") } == "“demain” is not a date. Write it like 31/12/2026.")
        #expect(message { try fr.parseDate("29/11-2026") } == "“29/11-2026” is not a date. Write it like 31/12/2026.")
        let required = #expect(throws: DomainError.self) { try en.parseDate(" ", field: "due") }
        #expect(required?.field == "due" && required?.key == "error.value.required")
        #expect(required?.message == "This field is required.")
    }

    @Test func languagesWithoutADayMonthOrderRefuseWhatReadsTwoWays() throws {
        let de = Catalog(locale: "de", name: "Deutsch", messages: [:])
        let l = try Catalogs([Fixtures.en, de]).localizer(locale: "de")
        #expect(try l.parseDate("29/11/2026") == CalendarDate(year: 2026, month: 11, day: 29))
        #expect(
            message { try l.parseDate("03/04/2026") }
                == "“03/04/2026” can be read two ways. Write the date like 2026-12-31, with the year in full.")
    }
}

@Suite struct NegotiationTests {
    let available = ["en", "fr"]

    @Test func acceptLanguageParsing() {
        let ranges = LocaleNegotiation.parseAcceptLanguage("de;q=0.5, fr-CA, en;q=0.8, *;q=0.1, it;q=0")
        #expect(ranges.map(\.range) == ["fr-CA", "en", "de"])
        #expect(ranges.map(\.quality) == [1, 0.8, 0.5])
    }

    @Test func order() {
        typealias N = LocaleNegotiation
        #expect(
            N.negotiate(preference: "fr", acceptLanguage: "en", organisationDefault: "en", available: available) == "fr"
        )
        #expect(
            N.negotiate(
                preference: "de", acceptLanguage: "fr-CA,en;q=0.5", organisationDefault: "en", available: available)
                == "fr")
        #expect(
            N.negotiate(
                preference: nil, acceptLanguage: "de-DE, en;q=0.9, fr;q=0.95", organisationDefault: nil,
                available: available) == "fr")
        #expect(
            N.negotiate(preference: nil, acceptLanguage: "de, it", organisationDefault: "fr-BE", available: available)
                == "fr")
        #expect(
            N.negotiate(preference: nil, acceptLanguage: nil, organisationDefault: nil, available: available) == "en")
        #expect(
            N.negotiate(preference: nil, acceptLanguage: "garbage;;,", organisationDefault: "xx", available: available)
                == "en")
        #expect(Fixtures.catalogs.negotiate(acceptLanguage: "fr-FR,fr;q=0.9") == "fr")
    }

    @Test func bestMatch() {
        #expect(LocaleNegotiation.bestMatch(for: "fr-CA", among: ["en", "fr"]) == "fr")
        #expect(LocaleNegotiation.bestMatch(for: "pt-PT", among: ["en", "pt-BR"]) == "pt-BR")
        #expect(LocaleNegotiation.bestMatch(for: "pt-BR", among: ["pt", "pt-BR"]) == "pt-BR")
        #expect(LocaleNegotiation.bestMatch(for: "de", among: ["en", "fr"]) == nil)
    }
}
