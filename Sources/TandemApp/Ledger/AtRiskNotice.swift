import Foundation
import TandemDomain

/// The reason and options of an at-risk notice, kept as codes in the notification's note and
/// worded at the edge: `reason=forecast_after_promise;finish=…;options=another_vendor,split,new_date;
/// new_date=…`. When the capacity engine checked the options (`checked=1`), only those it can make
/// work are listed, with when each would finish (`vendor_finish`, `split_finish`); vendor names
/// stay out, since sales reads the notice too. Unchecked, every option is offered as a code.
public struct AtRiskNotice: Equatable, Sendable {
    public enum Option: String, CaseIterable, Sendable {
        case anotherVendor = "another_vendor"
        case split
        case newDate = "new_date"
        /// Planning the steps not started again from now (the same vendors may do) keeps the promise.
        case replan
    }
    public var reason: PromiseStanding.Reason
    public var expectedFinish: Date?
    public var newDate: Date?
    public var options: [Option]
    public var anotherVendorFinish: Date?
    public var splitFinish: Date?
    public var replanFinish: Date?
    public var checked = false

    /// An unchecked notice: every option, the new date when there is one.
    public init(reason: PromiseStanding.Reason, expectedFinish: Date?, newDate: Date?) {
        self.init(
            reason: reason, expectedFinish: expectedFinish, newDate: newDate,
            options: [.anotherVendor, .split] + (newDate == nil ? [] : [.newDate]))
    }

    public init(reason: PromiseStanding.Reason, expectedFinish: Date?, newDate: Date?, options: [Option]) {
        self.reason = reason
        self.expectedFinish = expectedFinish
        self.newDate = newDate
        self.options = options
    }

    public var encoded: String {
        var parts = ["reason=\(reason.rawValue)"]
        if let expectedFinish { parts.append("finish=\(Self.format(expectedFinish))") }
        parts.append("options=\(options.map(\.rawValue).joined(separator: ","))")
        if let newDate { parts.append("new_date=\(Self.format(newDate))") }
        if let anotherVendorFinish { parts.append("vendor_finish=\(Self.format(anotherVendorFinish))") }
        if let splitFinish { parts.append("split_finish=\(Self.format(splitFinish))") }
        if let replanFinish { parts.append("replan_finish=\(Self.format(replanFinish))") }
        if checked { parts.append("checked=1") }
        return parts.joined(separator: ";")
    }

    public init?(decoding note: String) {
        var fields: [String: String] = [:]
        for part in note.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let raw = fields["reason"], let reason = PromiseStanding.Reason(rawValue: raw) else { return nil }
        let newDate = fields["new_date"].flatMap(ISO8601.parse)
        if let listed = fields["options"] {
            self.init(
                reason: reason, expectedFinish: fields["finish"].flatMap(ISO8601.parse), newDate: newDate,
                options: listed.split(separator: ",").compactMap { Option(rawValue: String($0)) })
        } else {
            self.init(reason: reason, expectedFinish: fields["finish"].flatMap(ISO8601.parse), newDate: newDate)
        }
        anotherVendorFinish = fields["vendor_finish"].flatMap(ISO8601.parse)
        splitFinish = fields["split_finish"].flatMap(ISO8601.parse)
        replanFinish = fields["replan_finish"].flatMap(ISO8601.parse)
        checked = fields["checked"] == "1"
    }

    static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
