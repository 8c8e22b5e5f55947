import Foundation

/// The UTC offsets of one IANA time zone as a sorted table, so converting a vendor's local
/// working hours to UTC is a binary search instead of a Foundation call per day.
public struct ZoneRules: Sendable, Equatable {
    public let identifier: String
    /// `fromUTC[i]` is the first UTC minute at which `offsets[i]` (minutes east of UTC) applies.
    let fromUTC: [Int]
    let offsets: [Int]

    /// Covers 1970–2100 using the system's time zone database; nil for an unknown identifier.
    public init?(identifier: String) {
        guard !identifier.isEmpty, let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        let startDate = Date(timeIntervalSince1970: 0)
        let endDate = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01
        var from = [Int.min]
        var offsets = [zone.secondsFromGMT(for: startDate) / 60]
        var cursor = startDate
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < endDate {
            let minute = Int((next.timeIntervalSince1970 / 60).rounded(.down))
            let offset = zone.secondsFromGMT(for: next) / 60
            if offset != offsets.last! {
                from.append(minute)
                offsets.append(offset)
            }
            cursor = next
        }
        self.fromUTC = from
        self.offsets = offsets
    }

    /// Offset in minutes east of UTC at a UTC minute.
    public func offset(atUTC minute: Int) -> Int {
        var lo = 0
        var hi = fromUTC.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if fromUTC[mid] <= minute { lo = mid } else { hi = mid - 1 }
        }
        return offsets[lo]
    }

    /// Local wall-clock minute (minutes since 1970-01-01T00:00 local) to UTC. A wall time that
    /// does not exist (skipped by a spring-forward change) moves forward by the gap (02:30 → 03:30);
    /// one that occurs twice (autumn) maps to its first occurrence.
    public func utc(fromLocal local: Int) -> Int {
        let guess = local - offset(atUTC: local)
        let first = local - offset(atUTC: guess)
        if offset(atUTC: first) == local - first {
            // Ambiguous wall time: prefer the earlier instant if it also matches.
            let earlier = local - offset(atUTC: first - 60)
            if earlier < first, offset(atUTC: earlier) == local - earlier { return earlier }
            return first
        }
        // In a gap: move forward to the transition.
        let second = local - offset(atUTC: first)
        return max(first, second)
    }

    /// Local day number containing a UTC minute.
    public func localDay(ofUTC minute: Int) -> Int {
        CivilCalendar.floorDivMod(minute + offset(atUTC: minute), 1440).0
    }
}
