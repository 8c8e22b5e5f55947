import Foundation
import TandemDomain

/// Chooses the interface language among the available catalogs.
public enum LocaleNegotiation {
    /// Language ranges of an `Accept-Language` header, best first: by q-value (default 1), then
    /// by position. Ranges with q=0, `*` and malformed entries are dropped.
    public static func parseAcceptLanguage(_ header: String) -> [(range: String, quality: Double)] {
        var ranges: [(range: String, quality: Double, position: Int)] = []
        for (position, item) in header.split(separator: ",").enumerated() {
            let fields = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = fields.first, !range.isEmpty, range != "*", (try? LanguageTag(range)) != nil else {
                continue
            }
            var quality = 1.0
            for parameter in fields.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "q" {
                    quality = Double(pair[1]).map { min(max($0, 0), 1) } ?? 0
                }
            }
            if quality > 0 { ranges.append((range, quality, position)) }
        }
        return ranges.sorted { $0.quality != $1.quality ? $0.quality > $1.quality : $0.position < $1.position }
            .map { ($0.range, $0.quality) }
    }

    /// The available locale that best serves `request`: exact, else a more general one (`fr` for
    /// `fr-CA`), else one of the same language (`pt-BR` for `pt-PT`); nil if none.
    public static func bestMatch(for request: String, among available: [String]) -> String? {
        guard let wanted = try? LanguageTag(request) else { return nil }
        var best: (locale: String, quality: Int)?
        for locale in available {
            guard let offer = try? LanguageTag(locale), let quality = offer.matchQuality(for: wanted) else { continue }
            if best == nil || quality > best!.quality { best = (locale, quality) }
        }
        return best?.locale
    }

    /// The user's explicit preference, else the first `Accept-Language` range that matches, else
    /// the organisation default, else `fallback` (English); each matched among `available`.
    public static func negotiate(
        preference: String?, acceptLanguage: String?, organisationDefault: String?,
        available: [String], fallback: String = Catalogs.sourceLocale
    ) -> String {
        if let preference, let match = bestMatch(for: preference, among: available) { return match }
        if let acceptLanguage {
            for (range, _) in parseAcceptLanguage(acceptLanguage) {
                if let match = bestMatch(for: range, among: available) { return match }
            }
        }
        if let organisationDefault, let match = bestMatch(for: organisationDefault, among: available) { return match }
        return fallback
    }
}
