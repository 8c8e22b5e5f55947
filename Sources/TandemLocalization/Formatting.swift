import Foundation
import TandemDomain

/// Formatting for the user's locale and time zone. See `FormatConventions` for the exact forms.
extension Localizer {
    /// `1,234` (en), `1 234` with U+202F (fr).
    public func format(_ value: Int) -> String { format(Decimal(value)) }

    /// Rounded half away from zero to `maximumFractionDigits`, padded with zeros to
    /// `minimumFractionDigits`: en `1,234.5`, fr `1 234,5` (U+202F between groups).
    public func format(_ value: Decimal, minimumFractionDigits: Int = 0, maximumFractionDigits: Int = 3) -> String {
        let rounded = value.rounded(scale: maximumFractionDigits)
        let negative = rounded < 0
        let text = (negative ? -rounded : rounded).canonicalString
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var fraction = parts.count > 1 ? parts[1] : ""
        if fraction.count < minimumFractionDigits {
            fraction += String(repeating: "0", count: minimumFractionDigits - fraction.count)
        }
        var out = group(parts[0])
        if !fraction.isEmpty { out += String(conventions.decimalSeparator) + fraction }
        return (negative ? "-" : "") + out
    }

    /// `fraction` as a percentage: 0.255 → en `25.5%`, fr `25,5 %` (U+202F before `%`).
    public func formatPercent(_ fraction: Decimal, minimumFractionDigits: Int = 0, maximumFractionDigits: Int = 1)
        -> String
    {
        format(
            fraction * 100, minimumFractionDigits: minimumFractionDigits, maximumFractionDigits: maximumFractionDigits)
            + conventions.percentSuffix
    }

    /// Rounded to the currency's minor units: en `€1,234.50`, `-€5.00`, `CHF 12.00`;
    /// fr `1 234,50 €` (U+202F between groups, U+00A0 before the symbol), `12,00 $US`.
    public func format(_ money: Money) -> String {
        let digits = money.currency.minorUnits
        let number = format(
            money.amount < 0 ? -money.amount : money.amount, minimumFractionDigits: digits,
            maximumFractionDigits: digits)
        let negative = money.amount.rounded(scale: digits) < 0
        let symbol = conventions.currencySymbols[money.currency.code] ?? money.currency.code
        let body: String
        switch conventions.currencyPlacement {
        case .before:
            let alphabetic = symbol.last?.isLetter ?? false
            body = symbol + (alphabetic ? "\u{00A0}" : "") + number
        case .after(let separator):
            body = number + separator + symbol
        }
        return (negative ? "-" : "") + body
    }

    /// The day `date` falls on in the user's time zone: en `11/29/2026`, fr `29/11/2026`.
    public func formatDate(_ date: Date) -> String { formatDate(CalendarDate(date, in: timeZone)) }

    /// en `11/29/2026` (month and day not padded: `3/5/2026`), fr `29/11/2026` (padded: `05/03/2026`),
    /// other languages `2026-11-29`.
    public func formatDate(_ day: CalendarDate) -> String {
        let pad: (Int) -> String = { conventions.padDayAndMonth ? String(format: "%02d", $0) : String($0) }
        let year = String(format: "%04d", day.year)
        let sep = conventions.dateSeparator
        switch conventions.dateOrder {
        case .dayMonthYear: return pad(day.day) + sep + pad(day.month) + sep + year
        case .monthDayYear: return pad(day.month) + sep + pad(day.day) + sep + year
        case .yearMonthDay: return year + sep + pad(day.month) + sep + pad(day.day)
        }
    }

    /// The time of day in the user's time zone: en `2:30 PM` (U+202F before PM), fr `14:30`.
    public func formatTime(_ date: Date) -> String {
        let parts = CalendarDate.calendar(timeZone).dateComponents([.hour, .minute], from: date)
        let hour = parts.hour!
        let minute = parts.minute!
        if let marks = conventions.amPM {
            let twelve = hour % 12 == 0 ? 12 : hour % 12
            return "\(twelve):" + String(format: "%02d", minute) + conventions.amPMSeparator
                + (hour < 12 ? marks.am : marks.pm)
        }
        return String(format: "%02d:%02d", hour, minute)
    }

    /// en `11/29/2026, 2:30 PM`, fr `29/11/2026 14:30`, in the user's time zone.
    public func formatDateTime(_ date: Date) -> String {
        formatDate(date) + conventions.dateTimeSeparator + formatTime(date)
    }

    /// `2026-11-29` in the user's time zone, for `<input type=date value="...">`.
    public func isoDate(_ date: Date) -> String { CalendarDate(date, in: timeZone).iso }

    /// `2026-11-29T14:30` in the user's time zone, for `<input type=datetime-local value="...">`.
    public func isoDateTimeLocal(_ date: Date) -> String {
        isoDate(date) + "T"
            + String(
                format: "%02d:%02d", CalendarDate.calendar(timeZone).component(.hour, from: date),
                CalendarDate.calendar(timeZone).component(.minute, from: date))
    }

    private func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: conventions.groupingSeparator)
    }
}
