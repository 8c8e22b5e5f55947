import Foundation
import TandemDomain
import TandemLocalization

/// Fit reasons in the user's language, and as `{"code", "args", "text"}` on the API.
enum FitText {
    /// "en→ja".
    static func pair(_ pair: LanguagePair) -> String { "\(pair.source)→\(pair.target)" }

    /// "en→ja medical" when a domain is named.
    static func scope(_ pair: LanguagePair, _ domain: String?) -> String {
        domain.map { "\(Self.pair(pair)) \($0)" } ?? Self.pair(pair)
    }

    static func text(_ reason: FitReason, _ l: Localizer) -> String {
        switch reason {
        case .noVendor(let pair):
            return l.t("fit.reason.no_vendor", ["scope": .text(Self.pair(pair))])
        case .noDomainVendor(let pair, let domain, let pairVendors):
            return l.t(
                "fit.reason.no_domain_vendor", count: pairVendors,
                ["pair": .text(Self.pair(pair)), "domain": .text(domain)])
        case .bench(let pair, let domain, let count):
            return l.t("fit.reason.bench", count: count, ["scope": .text(scope(pair, domain))])
        case .onTime(let pair, let kept, let judged):
            return l.t(
                "fit.reason.on_time", count: judged,
                [
                    "percent": .text(l.formatPercent(Decimal(kept) / Decimal(judged), maximumFractionDigits: 0)),
                    "pair": .text(Self.pair(pair)),
                ])
        case .littleHistory(let pair, let judged):
            return judged == 0
                ? l.t("fit.reason.no_history", ["pair": .text(Self.pair(pair))])
                : l.t("fit.reason.little_history", count: judged, ["pair": .text(Self.pair(pair))])
        case .margin(let pair, let atMargin, let delivered):
            return l.t(
                "fit.reason.margin", count: delivered,
                ["within": .text(l.format(atMargin)), "pair": .text(Self.pair(pair))])
        case .freeCapacity(let pair, let hours4, let hours12):
            return l.t(
                "fit.reason.free_capacity",
                [
                    "hours4": .text(l.format(hours4)), "hours12": .text(l.format(hours12)),
                    "pair": .text(Self.pair(pair)),
                ])
        case .noCapacity(let pair):
            return l.t("fit.reason.no_capacity", ["pair": .text(Self.pair(pair))])
        case .typicalJob(let pair, let words, let days):
            return l.t(
                "fit.reason.typical_job", count: days,
                ["pair": .text(Self.pair(pair)), "words": .text(l.format(words))])
        case .noPairs:
            return l.t("fit.reason.no_pairs")
        }
    }

    /// The reason's arguments: the pair's `source` and `target` tags, and its own figures.
    static func args(_ reason: FitReason) -> [String: ReasonBody.Argument] {
        func with(_ pair: LanguagePair, _ extra: [String: ReasonBody.Argument] = [:]) -> [String: ReasonBody.Argument] {
            var args = extra
            args["source"] = .text(pair.source.description)
            args["target"] = .text(pair.target.description)
            return args
        }
        switch reason {
        case .noVendor(let pair), .noCapacity(let pair):
            return with(pair)
        case .noDomainVendor(let pair, let domain, let pairVendors):
            return with(pair, ["domain": .text(domain), "pairVendors": .number(pairVendors)])
        case .bench(let pair, let domain, let count):
            var extra: [String: ReasonBody.Argument] = ["count": .number(count)]
            if let domain { extra["domain"] = .text(domain) }
            return with(pair, extra)
        case .onTime(let pair, let kept, let judged):
            return with(pair, ["kept": .number(kept), "judged": .number(judged)])
        case .littleHistory(let pair, let judged):
            return with(pair, ["judged": .number(judged)])
        case .margin(let pair, let atMargin, let delivered):
            return with(pair, ["atMargin": .number(atMargin), "delivered": .number(delivered)])
        case .freeCapacity(let pair, let hours4, let hours12):
            return with(pair, ["hours4": .number(hours4), "hours12": .number(hours12)])
        case .typicalJob(let pair, let words, let days):
            return with(pair, ["words": .number(words), "days": .number(days)])
        case .noPairs:
            return [:]
        }
    }

    static func body(_ reason: FitReason, _ l: Localizer) -> ReasonBody {
        ReasonBody(code: reason.code, args: args(reason), text: text(reason, l))
    }
}
