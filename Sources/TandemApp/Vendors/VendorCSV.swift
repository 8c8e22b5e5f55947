import CSV
import Foundation
import TandemDomain

/// The vendor CSV format (docs/vendors.md): one row per vendor × language pair × service, the
/// vendor's own columns repeated (or left blank) on its further rows. Import and export use the
/// same columns, so an exported file imports again.
public enum VendorCSV {
    /// Every column Tandem reads, in export order.
    public enum Column: String, CaseIterable, Sendable {
        case name, kind, email, phone, country
        case timeZone = "time_zone"
        case status
        case workingHours = "working_hours"
        case domains, tools
        case ndaSignedOn = "nda_signed_on"
        case maxBookedShare = "max_booked_share"
        case qualityScore = "quality_score"
        case parallelWorkers = "parallel_workers"
        case hourlyCost = "hourly_cost"
        case currency, source, target, service, throughput
        case throughputUnit = "throughput_unit"
        case approved, degree
        case yearsOfExperience = "years_of_experience"
        case testPassed = "test_passed"
        case capabilityDomains = "capability_domains"
        case rateUnit = "rate_unit"
        case rate
        case rushRate = "rush_rate"
        case rateValidFrom = "rate_valid_from"

        /// Other header names the mapping step recognises for this column.
        var aliases: [String] {
            switch self {
            case .name: return ["vendor", "vendor name", "full name", "linguist"]
            case .email: return ["e-mail", "mail", "email address"]
            case .timeZone: return ["timezone", "tz", "zone"]
            case .workingHours: return ["hours", "availability"]
            case .source: return ["source language", "from", "src"]
            case .target: return ["target language", "to", "tgt"]
            case .throughput: return ["words per hour", "wph", "words/hour", "speed"]
            case .rate: return ["price", "rate per word", "word rate"]
            case .rushRate: return ["rush", "rush price"]
            case .country: return ["country code"]
            default: return []
            }
        }
    }

    /// Which column of the file feeds each of Tandem's columns (by index); unmapped ones stay blank.
    public typealias Mapping = [Column: Int]

    /// The header and the data rows of a CSV text; a file Tandem cannot read is a `DomainError`.
    public static func read(_ text: String) throws -> (header: [String], rows: [[String]]) {
        let trimmed = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let reader: CSVReader
        do { reader = try CSVReader(string: trimmed, hasHeaderRow: true, trimFields: true) } catch {
            throw unreadable
        }
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        guard reader.error == nil, let header = reader.headerRow, header.contains(where: { !$0.isEmpty }) else {
            throw unreadable
        }
        return (header, rows.filter { $0.contains { !$0.isEmpty } })
    }

    static let unreadable = DomainError.invalid(
        "file", "error.vendor_import.unreadable",
        fallback:
            "The file is not a CSV file Tandem can read: save it as CSV (UTF-8, comma-separated) with a header row.")

    /// Tandem's column for each header the file has, by exact name or a known alias (any case,
    /// spaces, dashes and underscores alike).
    public static func suggestMapping(_ header: [String]) -> Mapping {
        func key(_ text: String) -> String {
            text.lowercased().filter { $0.isLetter || $0.isNumber }
        }
        var mapping = Mapping()
        for column in Column.allCases {
            let names = ([column.rawValue] + column.aliases).map(key)
            if let index = header.firstIndex(where: { names.contains(key($0)) }) { mapping[column] = index }
        }
        return mapping
    }

    /// Writes `rows` under the header of every column.
    public static func write(_ rows: [[Column: String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: Column.allCases.map(\.rawValue))
        for row in rows { try writer.write(row: Column.allCases.map { row[$0] ?? "" }) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The rows of the export: one per capability with its current rate of the same service,
    /// then one per other current rate; a vendor with neither gets one row of its own.
    public static func rows(
        for vendor: VendorProfile, capabilities: [VendorCapability], rates: [VendorRate], on day: LocalDate
    )
        -> [[Column: String]]
    {
        var profile: [Column: String] = [
            .name: vendor.name, .kind: vendor.kind.rawValue, .email: vendor.email?.value ?? "",
            .phone: vendor.phone ?? "",
            .country: vendor.country ?? "", .timeZone: vendor.timeZone, .status: vendor.status.rawValue,
            .workingHours: WorkingHoursText.format(vendor.workingHours),
            .domains: vendor.domains.map { "\($0.name):\($0.level.rawValue)" }.joined(separator: "|"),
            .tools: vendor.tools.joined(separator: "|"), .ndaSignedOn: vendor.ndaSignedOn?.description ?? "",
            .maxBookedShare: vendor.maxBookedShare?.canonicalString ?? "",
            .qualityScore: vendor.qualityScore.map(String.init) ?? "", .parallelWorkers: String(vendor.parallelWorkers),
            .hourlyCost: vendor.hourlyCost?.amount.canonicalString ?? "", .currency: vendor.currency.code,
        ]
        var current = rates.filter { $0.isValid(on: day) }
        var rows: [[Column: String]] = []
        for capability in capabilities {
            var row = profile
            row[.source] = capability.pair.source.description
            row[.target] = capability.pair.target.description
            row[.service] = capability.service.rawValue
            row[.throughput] = capability.throughput.perHour.canonicalString
            row[.throughputUnit] = capability.throughput.unit.rawValue
            row[.approved] = capability.approval.approved ? "yes" : "no"
            row[.degree] = capability.approval.degree ?? ""
            row[.yearsOfExperience] = capability.approval.yearsOfExperience.map(String.init) ?? ""
            row[.testPassed] = capability.approval.testPassed ? "yes" : "no"
            row[.capabilityDomains] = capability.domains.joined(separator: "|")
            if let index = current.firstIndex(where: { $0.pair == capability.pair && $0.service == capability.service })
            {
                fill(&row, current.remove(at: index))
            }
            rows.append(row)
            profile = [.name: vendor.name, .email: vendor.email?.value ?? "", .currency: vendor.currency.code]
        }
        for rate in current {
            var row = profile
            row[.source] = rate.pair.source.description
            row[.target] = rate.pair.target.description
            row[.service] = rate.service.rawValue
            fill(&row, rate)
            rows.append(row)
            profile = [.name: vendor.name, .email: vendor.email?.value ?? "", .currency: vendor.currency.code]
        }
        return rows.isEmpty ? [profile] : rows
    }

    private static func fill(_ row: inout [Column: String], _ rate: VendorRate) {
        row[.rateUnit] = rate.unit.rawValue
        row[.rate] = rate.price.amount.canonicalString
        row[.rushRate] = rate.rushPrice?.amount.canonicalString ?? ""
        row[.rateValidFrom] = rate.validFrom.description
    }
}

/// Working hours in one CSV cell: `mon-fri 09:00-17:00; sat 09:00-12:00`, several spans a day
/// separated by commas (`mon-fri 08:00-12:00,13:00-17:00`).
public enum WorkingHoursText {
    public static func parse(_ text: String) -> [String: [String]]? {
        var days: [String: [String]] = [:]
        let order = Weekday.allCases.map(\.rawValue)
        for part in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pieces = part.split(separator: " ", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { return nil }
            let range = pieces[0].lowercased().split(separator: "-").map(String.init)
            guard let first = order.firstIndex(of: range[0]), let last = order.firstIndex(of: range.last ?? ""),
                range.count <= 2
            else { return nil }
            let spans = pieces[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            // A range may wrap around the week: sun-thu.
            let span = first <= last ? Array(order[first...last]) : Array(order[first...] + order[...last])
            for day in span { days[day, default: []] += spans }
        }
        return days
    }

    /// The shortest text: consecutive days with the same spans share a range.
    public static func format(_ hours: WorkingHours) -> String {
        var parts: [String] = []
        var run: (first: Weekday, last: Weekday, spans: [WorkingInterval])?
        func flush() {
            guard let run else { return }
            let days = run.first == run.last ? run.first.rawValue : "\(run.first.rawValue)-\(run.last.rawValue)"
            parts.append("\(days) " + run.spans.map(\.description).joined(separator: ","))
        }
        for day in Weekday.allCases {
            let spans = hours.intervals(on: day)
            if let current = run, current.spans == spans, !spans.isEmpty,
                Weekday.allCases.firstIndex(of: current.last)! + 1 == Weekday.allCases.firstIndex(of: day)!
            {
                run?.last = day
                continue
            }
            flush()
            run = spans.isEmpty ? nil : (day, day, spans)
        }
        flush()
        return parts.joined(separator: "; ")
    }
}
