import Foundation
import TandemDomain
import TandemPlanning

/// Capacity per language pair and week: for each pair some vendor offers, the working hours of
/// its vendors in each week, what confirmed work takes, what tentative work is likely to take
/// (at its win probability) and what is free. A vendor with several pairs counts in each.
public struct CapacityHeatmap: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// Language tags as stored, e.g. `en` and `fr-CA`.
        public var source: String
        public var target: String
        /// How many vendors offer the pair.
        public var vendorCount: Int
        /// One per week, in order.
        public var weeks: [VendorLoad]
    }

    /// The weeks' starts and the end of the last week: `weeks + 1` instants.
    public var bounds: [Date]
    /// By source, then target language.
    public var rows: [Row]

    public init(bounds: [Date], rows: [Row]) {
        self.bounds = bounds
        self.rows = rows
    }

    /// The heatmap over the weeks between `bounds` (`weekBounds`), from the index's vendors.
    public init(index: CapacityIndex, bounds: [Date]) {
        self.init(index: index, bounds: bounds, loads: Self.loads(in: index, vendors: index.vendorIDs, bounds: bounds))
    }

    /// The heatmap from each vendor's load per week (`loads(in:vendors:bounds:)`), summed per pair
    /// the vendor offers; vendors missing from `loads` or from the index are left out.
    public init(index: CapacityIndex, bounds: [Date], loads: [VendorID: [VendorLoad]]) {
        var byPair: [LanguagePair: (vendors: Int, weeks: [VendorLoad])] = [:]
        let empty = [VendorLoad](repeating: VendorLoad(), count: max(0, bounds.count - 1))
        for (id, load) in loads {
            guard let vendor = index.vendor(id), load.count == empty.count else { continue }
            for pair in Set(vendor.capabilities.map(\.pair)) {
                var entry = byPair[pair] ?? (0, empty)
                entry.vendors += 1
                for week in entry.weeks.indices { entry.weeks[week] = entry.weeks[week] + load[week] }
                byPair[pair] = entry
            }
        }
        self.bounds = bounds
        rows = byPair.map { pair, entry in
            Row(
                source: pair.source.description, target: pair.target.description, vendorCount: entry.vendors,
                weeks: entry.weeks)
        }.sorted { ($0.source, $0.target) < ($1.source, $1.target) }
    }

    /// Each of `vendors`' load in the weeks between `bounds`; vendors the index does not hold are left out.
    public static func loads(in index: CapacityIndex, vendors: some Sequence<VendorID>, bounds: [Date])
        -> [VendorID: [VendorLoad]]
    {
        let instants = bounds.map(Instant.init)
        var loads: [VendorID: [VendorLoad]] = [:]
        for id in vendors {
            if let load = index.load(of: id, bounds: instants) { loads[id] = load }
        }
        return loads
    }

    /// The starts of `weeks` weeks and the end of the last: local midnight of the Monday of the
    /// week holding `date`, then each following Monday, in `timeZone` (daylight-saving changes
    /// make some weeks an hour longer or shorter).
    public static func weekBounds(containing date: Date, weeks: Int, timeZone: TimeZone) -> [Date] {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        let monday = calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? calendar.startOfDay(for: date)
        return (0...max(0, weeks)).compactMap { calendar.date(byAdding: .day, value: 7 * $0, to: monday) }
    }
}
