import Foundation
import TandemDomain
import Testing

@testable import TandemLocalization

/// Exact strings. French: U+202F (narrow no-break space) between digit groups and before `%`,
/// U+00A0 (no-break space) before the currency symbol, as CLDR 42+ writes them.
@Suite struct FormattingTests {
    let en = Fixtures.english, fr = Fixtures.french

    @Test func integersAndDecimals() {
        #expect(en.format(1234567) == "1,234,567")
        #expect(fr.format(1234567) == "1\u{202F}234\u{202F}567")
        #expect(en.format(999) == "999")
        #expect(fr.format(-1234) == "-1\u{202F}234")
        #expect(en.format(d("1234.5")) == "1,234.5")
        #expect(fr.format(d("1234.5")) == "1\u{202F}234,5")
        #expect(fr.format(d("0.125"), maximumFractionDigits: 2) == "0,13")
        #expect(en.format(d("2"), minimumFractionDigits: 2) == "2.00")
        #expect(en.format(d("-0.5")) == "-0.5")
    }

    @Test func percentages() {
        #expect(en.formatPercent(d("0.255")) == "25.5%")
        #expect(fr.formatPercent(d("0.255")) == "25,5\u{202F}%")
        #expect(en.formatPercent(d("1")) == "100%")
    }

    @Test func money() {
        let amount = Money(d("1234.5"), .eur)
        #expect(fr.format(amount) == "1\u{202F}234,50\u{00A0}€")
        #expect(en.format(amount) == "€1,234.50")
        #expect(en.format(Money(d("-5"), .usd)) == "-$5.00")
        #expect(fr.format(Money(d("-5"), .usd)) == "-5,00\u{00A0}$US")
        #expect(en.format(Money(d("12"), try! CurrencyCode("CHF"))) == "CHF\u{00A0}12.00")
        #expect(en.format(Money(d("1234.567"), try! CurrencyCode("JPY"))) == "¥1,235")
        #expect(fr.format(Money(d("1.2345"), try! CurrencyCode("KWD"))) == "1,235\u{00A0}KWD")
        #expect(en.format(Money(d("0.004"), .eur)) == "€0.00")
    }

    @Test func datesAndTimesInTheUsersTimeZone() {
        // 2026-11-29 13:30 UTC
        #expect(fr.formatDateTime(Fixtures.instant) == "29/11/2026 14:30")
        #expect(en.formatDateTime(Fixtures.instant) == "11/29/2026, 8:30\u{202F}AM")
        let enParis = Fixtures.catalogs.localizer(locale: "en", timeZone: Fixtures.paris)
        #expect(enParis.formatDateTime(Fixtures.instant) == "11/29/2026, 2:30\u{202F}PM")
        #expect(fr.formatDate(Fixtures.instant) == "29/11/2026")
        #expect(fr.formatTime(Fixtures.instant) == "14:30")
        #expect(en.formatDate(CalendarDate(year: 2026, month: 3, day: 5)!) == "3/5/2026")
        #expect(fr.formatDate(CalendarDate(year: 2026, month: 3, day: 5)!) == "05/03/2026")
        // Midnight and noon on the 12-hour clock.
        let utcEn = Fixtures.catalogs.localizer(locale: "en", timeZone: TimeZone(identifier: "UTC")!)
        #expect(utcEn.formatTime(Date(timeIntervalSince1970: 0)) == "12:00\u{202F}AM")
        #expect(utcEn.formatTime(Date(timeIntervalSince1970: 12 * 3600)) == "12:00\u{202F}PM")
        // Late evening in New York is already the next day in Paris.
        let late = Date(timeIntervalSince1970: 1_795_995_000)  // 2026-11-29 23:30 UTC
        #expect(en.formatDate(late) == "11/29/2026")
        #expect(fr.formatDate(late) == "30/11/2026")
    }

    @Test func isoValuesForInputs() {
        #expect(fr.isoDate(Fixtures.instant) == "2026-11-29")
        #expect(fr.isoDateTimeLocal(Fixtures.instant) == "2026-11-29T14:30")
        #expect(CalendarDate(iso: "2026-11-29") == CalendarDate(year: 2026, month: 11, day: 29))
        #expect(CalendarDate(iso: "2026-02-30") == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
    }

    @Test func languagesWithoutConventionsUseInternationalForms() throws {
        let de = Catalog(locale: "de", name: "Deutsch", messages: ["nav.dashboard": .text("Übersicht")])
        let l = try Catalogs([Fixtures.en, de]).localizer(locale: "de", timeZone: Fixtures.paris)
        #expect(l.format(d("1234.5")) == "1\u{202F}234.5")
        #expect(l.format(Money(d("1234.5"), .eur)) == "1\u{202F}234.50\u{00A0}EUR")
        #expect(l.formatDateTime(Fixtures.instant) == "2026-11-29 14:30")
    }
}
