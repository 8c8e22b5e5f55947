import Foundation
import TandemLocalization
import TandemPlanning
import TandemPlanningText

/// A check's answer for those who may not see vendors (sales): the verdict, the earliest
/// delivery, the confidence and the reasons, with no vendor name, id, rate or cost anywhere.
/// Reasons that name a vendor are written with words of their own (`capacity.redacted.<code>`)
/// and lose their `vendor`/`vendors` arguments.
struct RedactedCheck: Encodable {
    struct Reason: Encodable {
        var code: String
        var args: [String: ReasonArgument]
        var text: String
    }

    var verdict: String
    var earliestDelivery: Instant?
    var deadline: Instant
    var riskAdjustedDelivery: Instant?
    var confidence: Double
    var reasons: [Reason]

    /// Arguments that identify a vendor.
    static let vendorArguments: Set<String> = ["vendor", "vendors", "chosen", "other"]
    /// Codes whose usual words name a vendor.
    static let codesNamingVendors: Set<String> = [
        "vendor_booked", "vendor_busy", "vendor_absent", "vendor_absent_until", "tentative_overlap",
        "four_eyes_excluded",
    ]
    /// Codes about vendors' quality scores, which sales does not see: left out.
    static let codesAboutQuality: Set<String> = ["quality_excluded", "better_quality_skipped", "better_quality_chosen"]

    init(_ result: FeasibilityResult, localizer l: Localizer) {
        verdict = result.verdict.rawValue
        earliestDelivery = result.earliestDelivery
        deadline = result.deadline
        riskAdjustedDelivery = result.riskAdjustedDelivery
        confidence = result.confidence
        reasons = Self.reasons(result.reasons, localizer: l)
    }

    /// The reasons sales may read, in order.
    static func reasons(_ reasons: [FeasibilityReason], localizer l: Localizer) -> [Reason] {
        reasons.filter { !codesAboutQuality.contains($0.code) }.map { reason($0, localizer: l) }
    }

    static func reason(_ reason: FeasibilityReason, localizer l: Localizer) -> Reason {
        let args = reason.arguments.filter { !vendorArguments.contains($0.key) }
        guard codesNamingVendors.contains(reason.code) else {
            return Reason(code: reason.code, args: args, text: PlanningText.text(for: reason, localizer: l))
        }
        var words = args.mapValues { MessageArgument.text(PlanningText.text(for: $0, localizer: l)) }
        if case .vendors(let ids)? = reason.arguments["vendors"] { words["count"] = .integer(ids.count) }
        if case .count(let n)? = reason.arguments["count"] { words["count"] = .integer(n) }
        return Reason(code: reason.code, args: args, text: l.t("capacity.redacted.\(reason.code)", words))
    }

    /// JSON as `tandem plan --format json` writes its answer (keys sorted, same value forms);
    /// absent dates are `null`.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    enum CodingKeys: String, CodingKey {
        case verdict, earliestDelivery, deadline, riskAdjustedDelivery, confidence, reasons
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(earliestDelivery, forKey: .earliestDelivery)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(riskAdjustedDelivery, forKey: .riskAdjustedDelivery)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(reasons, forKey: .reasons)
    }
}
