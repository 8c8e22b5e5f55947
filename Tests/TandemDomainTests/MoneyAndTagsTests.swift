import Foundation
import Testing

@testable import TandemDomain

@Suite("Money, currencies and language tags")
struct MoneyAndTagsTests {
    @Test func moneyEncodesAmountsAsStringsAndRoundTrips() throws {
        let money = Money(Decimal(string: "1234.5")!, .eur)
        let data = try JSONEncoder().encode(money)
        #expect(String(decoding: data, as: UTF8.self).contains("\"amount\":\"1234.5\""))
        #expect(try JSONDecoder().decode(Money.self, from: data) == money)
    }

    @Test func moneyRejectsFloatsAndGroupingInJSON() {
        for body in [
            #"{"amount": 12.5, "currency": "EUR"}"#, #"{"amount": "1,234.50", "currency": "EUR"}"#,
            #"{"amount": "12", "currency": "EURO"}"#,
        ] {
            #expect(throws: (any Error).self) { try JSONDecoder().decode(Money.self, from: Data(body.utf8)) }
        }
    }

    @Test func additionNeedsTheSameCurrency() throws {
        let sum = try Money(Decimal(string: "0.1")!, .eur) + Money(Decimal(string: "0.2")!, .eur)
        #expect(sum.amount == Decimal(string: "0.3")!)  // exact, unlike Double
        #expect(throws: DomainError.currencyMismatch(.eur, .usd)) { try Money(1, .eur) + Money(1, .usd) }
    }

    @Test(arguments: [("2.345", "2.35"), ("2.344", "2.34"), ("-2.345", "-2.35"), ("10", "10")])
    func roundingIsHalfAwayFromZero(input: String, expected: String) {
        #expect(Money(Decimal(string: input)!, .eur).rounded.amount == Decimal(string: expected)!)
    }

    @Test func yenHasNoMinorUnits() throws {
        let yen = try CurrencyCode("jpy")
        #expect(yen.code == "JPY")
        #expect(Money(Decimal(string: "1234.5")!, yen).rounded.amount == 1235)
    }

    @Test func canonicalDecimalParsingIsStrict() {
        #expect(Decimal(canonical: "1234.50") == Decimal(string: "1234.5"))
        #expect(Decimal(canonical: "-0.5") == Decimal(string: "-0.5"))
        for bad in ["1,234.50", "1e5", "12.3.4", "", "abc", "1 000"] {
            #expect(Decimal(canonical: bad) == nil, "\(bad)")
        }
    }

    @Test func languageTagsAreCanonicalised() throws {
        #expect(try LanguageTag("FR_fr").description == "fr-FR")
        #expect(try LanguageTag("zh-hant-tw").description == "zh-Hant-TW")
        #expect(throws: DomainError.self) { try LanguageTag("f") }
        #expect(throws: DomainError.self) { try LanguageTag("en--US") }
    }

    @Test func languageMatchingPrefersExactThenPrefixThenSameLanguage() throws {
        let request = try LanguageTag("fr-FR")
        #expect(try LanguageTag("fr-FR").matchQuality(for: request) == 3)
        #expect(try LanguageTag("fr").matchQuality(for: request) == 2)
        #expect(try LanguageTag("fr-CA").matchQuality(for: request) == 1)
        #expect(try LanguageTag("de").matchQuality(for: request) == nil)
    }

    @Test func sequentialIdentifiersAreDeterministic() {
        let a = IdentifierGenerator.sequential(startingAt: 16)
        let b = IdentifierGenerator.sequential(startingAt: 16)
        let first: Identifier<User> = a()
        let second: Identifier<User> = a()
        #expect(first.description == "00000000-0000-0000-0000-000000000010")
        #expect(second.description == "00000000-0000-0000-0000-000000000011")
        #expect((b() as Identifier<User>) == first)
    }
}
