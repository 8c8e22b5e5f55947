import Foundation

/// The rules of single account values. Each throws a `DomainError` naming its field; the use
/// case collects them to report every wrong field at once.
public enum AccountRules {
    public static let maxNameLength = 200
    public static let maxNotesLength = 10_000

    public static func name(_ text: String, field: String = "name") throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw DomainError.invalid(field, "error.account.name_required", fallback: "Give the account a name.")
        }
        return try limited(trimmed, field: field, max: maxNameLength)
    }

    /// Trimmed text of at most `max` characters.
    public static func limited(_ text: String, field: String, max: Int) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= max else {
            throw DomainError.invalid(
                field, "error.text.too_long", ["max": String(max)],
                fallback: "Use at most \(max) characters.")
        }
        return trimmed
    }

    /// A known ISO 4217 code.
    public static func currency(_ text: String, field: String = "currency") throws -> CurrencyCode {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard let currency = try? CurrencyCode(code), CurrencyCode.isoCodes.contains(currency.code) else {
            throw DomainError.invalid(
                field, "error.currency.unknown", ["value": text],
                fallback: "“\(text)” is not a known ISO 4217 currency code such as EUR or USD.")
        }
        return currency
    }

    /// Two letters (ISO 3166-1 alpha-2), upper-cased; empty stays empty.
    public static func country(_ text: String) throws -> String {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.isEmpty || (code.count == 2 && code.allSatisfy { $0.isASCII && $0.isLetter }) else {
            throw DomainError.invalid(
                "country", "error.country.invalid", ["value": text],
                fallback: "“\(text)” is not a two-letter country code such as FR or DE.")
        }
        return code
    }

    /// A web address; "acme.com" becomes "https://acme.com". Empty stays empty.
    public static func website(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "" }
        let full = trimmed.contains("://") ? trimmed : "https://" + trimmed
        guard full.count <= 300, full.lowercased().hasPrefix("http"), !full.contains(where: \.isWhitespace),
            TextFolding.domain(of: full) != nil
        else {
            throw DomainError.invalid(
                "website", "error.website.invalid", ["value": text],
                fallback: "“\(text)” is not a web address such as https://acme.example.")
        }
        return full
    }

    /// Short labels (tags, subject domains): trimmed, empty ones dropped, duplicates removed.
    public static func labels(_ items: [String], field: String, maxCount: Int = 30) throws -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for item in items {
            let label = try limited(item, field: field, max: 60)
            if !label.isEmpty, seen.insert(TextFolding.fold(label)).inserted { result.append(label) }
        }
        guard result.count <= maxCount else {
            throw DomainError.invalid(
                field, "error.labels.too_many", ["max": String(maxCount)], fallback: "Use at most \(maxCount) entries.")
        }
        return result
    }

    /// "en>fr-FR" or "en→fr" pairs, from the web form or the API.
    public static func languagePair(_ text: String, field: String = "languagePairs") throws -> LanguagePair {
        let parts = text.replacingOccurrences(of: "→", with: ">").split(separator: ">").map(String.init)
        guard parts.count == 2, let source = try? LanguageTag(parts[0]), let target = try? LanguageTag(parts[1])
        else {
            throw DomainError.invalid(
                field, "error.language_pair.invalid", ["value": text],
                fallback: "“\(text)” is not a language pair such as en>fr-FR.")
        }
        return LanguagePair(source: source, target: target)
    }

    /// Whole days within `range`.
    public static func days(_ value: Int, field: String, range: ClosedRange<Int>) throws -> Int {
        guard range.contains(value) else {
            throw DomainError.invalid(
                field, "error.number.out_of_range",
                ["min": String(range.lowerBound), "max": String(range.upperBound)],
                fallback: "Use a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    public static func framework(_ agreement: FrameworkAgreement) throws -> FrameworkAgreement {
        for (index, item) in agreement.throughput.enumerated() {
            _ = try days(item.wordsPerDay, field: "framework.throughput.\(index).wordsPerDay", range: 1...100_000)
        }
        _ = try days(agreement.leadTimeDays, field: "framework.leadTimeDays", range: 0...60)
        return agreement
    }
}

extension CurrencyCode {
    /// The active ISO 4217 codes.
    public static let isoCodes: Set<String> = Set(
        """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF \
        CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD \
        HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD \
        MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN \
        PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY \
        TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
        """.split(separator: " ").map(String.init))
}
