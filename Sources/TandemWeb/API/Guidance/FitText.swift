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
        case .noPairs:
            return l.t("fit.reason.no_pairs")
        }
    }

    static func args(_ reason: FitReason) -> [String: ReasonBody.Argument] {
        func pairArgs(_ pair: LanguagePair) -> [String: ReasonBody.Argument] {
            ["source": .text(pair.source.description), "target": .text(pair.target.description)]
        }
        switch reason {
        case .noVendor(let pair):
            return pairArgs(pair)
        case .noDomainVendor(let pair, let domain, let pairVendors):
            return pairArgs(pair).merging(["domain": .text(domain), "pairVendors": .number(pairVendors)]) { a, _ in a }
        case .bench(let pair, let domain, let count):
            return pairArgs(pair).merging(
                ["count": .number(count)].merging(domain.map { ["domain": .text($0)] } ?? [:]) { a, _ in a }
            ) { a, _ in a }
        case .onTime(let pair, let kept, let judged):
            return pairArgs(pair).merging(["kept": .number(kept), "judged": .number(judged)]) { a, _ in a }
        case .littleHistory(let pair, let judged):
            return pairArgs(pair).merging(["judged": .number(judged)]) { a, _ in a }
        case .margin(let pair, let atMargin, let delivered):
            return pairArgs(pair).merging(["atMargin": .number(atMargin), "delivered": .number(delivered)]) { a, _ in a
            }
        case .freeCapacity(let pair, let hours4, let hours12):
            return pairArgs(pair).merging(["hours4": .number(hours4), "hours12": .number(hours12)]) { a, _ in a }
        case .noCapacity(let pair):
            return pairArgs(pair)
        case .noPairs:
            return [:]
        }
    }

    static func body(_ reason: FitReason, _ l: Localizer) -> ReasonBody {
        ReasonBody(code: reason.code, args: args(reason), text: text(reason, l))
    }
}
