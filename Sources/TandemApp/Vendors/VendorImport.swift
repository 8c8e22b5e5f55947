import Foundation
import TandemDomain

/// Importing vendors from CSV (upload → map columns → preview → import) and exporting them in
/// the same format. All or nothing: when any row is wrong, nothing is imported and every wrong
/// row is named with its column and the fix.
public struct VendorImport: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// A problem in one cell: the row as a spreadsheet numbers it (the header is row 1).
    public struct RowError: Sendable, Equatable {
        public var row: Int
        public var column: String
        public var error: DomainError
    }

    public struct Preview: Sendable {
        public var vendors: [ValidVendor]
        public var errors: [RowError]
        public var rowCount: Int
        public init(vendors: [ValidVendor], errors: [RowError], rowCount: Int) {
            self.vendors = vendors
            self.errors = errors
            self.rowCount = rowCount
        }
    }

    /// Thrown by `run` when a row is wrong; nothing was stored.
    public struct Rejected: Error, Sendable {
        public var errors: [RowError]
    }

    /// Checks every row without storing anything.
    public func preview(_ text: String, mapping: VendorCSV.Mapping) async throws -> Preview {
        let table = try VendorCSV.read(text)
        let today = try await VendorDirectory(env).organisationToday()
        var groups: [(key: String, rows: [(number: Int, cells: [VendorCSV.Column: String])])] = []
        for (index, row) in table.rows.enumerated() {
            var cells: [VendorCSV.Column: String] = [:]
            for (column, position) in mapping where position < row.count { cells[column] = row[position] }
            let key = (cells[.email].flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? cells[.name] ?? "").lowercased()
            if let existing = groups.firstIndex(where: { $0.key == key }), !key.isEmpty {
                groups[existing].rows.append((index + 2, cells))
            } else {
                groups.append((key, [(index + 2, cells)]))
            }
        }
        var vendors: [ValidVendor] = []
        var errors: [RowError] = []
        for group in groups {
            let id: VendorProfile.ID = env.ids()
            var merged: ValidVendor?
            var seen = Set<String>()
            for (position, row) in group.rows.enumerated() {
                var validation = VendorValidation()
                var cellErrors: [RowError] = []
                let input = Self.input(row.cells, profileRow: group.rows[0].cells, number: row.number, &cellErrors)
                let valid = validation.vendor(input, id: id, today: today, ids: env.ids, at: env.now)
                cellErrors += validation.errors.map {
                    RowError(row: row.number, column: Self.column(for: $0.field), error: $0)
                }
                if let capability = valid?.capabilities.first {
                    let key = "\(capability.pair)|\(capability.service)"
                    if !seen.insert(key).inserted {
                        cellErrors.append(
                            RowError(
                                row: row.number, column: VendorCSV.Column.service.rawValue,
                                error: .invalid(
                                    "service", "error.vendor.capability_repeated", ["pair": "\(capability.pair)"],
                                    fallback: "\(capability.pair) is listed twice for this service.")))
                    }
                }
                // A vendor cell left blank on a further row repeats the first row's: its error is told there.
                let ownErrors = cellErrors.filter { error in
                    position == 0
                        || VendorCSV.Column(rawValue: error.column).map { row.cells[$0]?.isEmpty == false } ?? true
                }
                errors += ownErrors
                guard cellErrors.isEmpty, let valid else { continue }
                if position == 0 || merged == nil {
                    merged = valid
                } else {
                    merged?.capabilities += valid.capabilities
                    merged?.rates += valid.rates
                }
            }
            if let merged { vendors.append(merged) }
        }
        return Preview(
            vendors: vendors, errors: errors.sorted { ($0.row, $0.column) < ($1.row, $1.column) },
            rowCount: table.rows.count)
    }

    /// Imports every vendor in one transaction, or none (`Rejected` lists the wrong rows).
    @discardableResult
    public func run(_ text: String, mapping: VendorCSV.Mapping) async throws -> [ValidVendor] {
        let preview = try await preview(text, mapping: mapping)
        guard preview.errors.isEmpty else { throw Rejected(errors: preview.errors) }
        guard !preview.vendors.isEmpty else {
            throw DomainError.invalid("file", "error.vendor_import.empty", fallback: "The file has no vendor rows.")
        }
        try await env.stores.transaction { stores in
            try await stores.vendors.createMany(
                preview.vendors.map(\.profile), capabilities: preview.vendors.flatMap(\.capabilities),
                rates: preview.vendors.flatMap(\.rates))
        }
        return preview.vendors
    }

    /// The vendors matching `filter` in the import format.
    public func export(_ filter: VendorFilter = .all) async throws -> String {
        let vendors = try await env.stores.vendors.list(filter)
        let capabilities = Dictionary(
            grouping: try await env.stores.vendors.capabilities(of: vendors.map(\.id)), by: \.vendorID)
        let today = try await VendorDirectory(env).organisationToday()
        var rows: [[VendorCSV.Column: String]] = []
        for vendor in vendors {
            rows += VendorCSV.rows(
                for: vendor, capabilities: capabilities[vendor.id] ?? [],
                rates: try await env.stores.vendors.rates(of: vendor.id),
                on: today)
        }
        return try VendorCSV.write(rows)
    }

    // MARK: Rows to input

    /// The vendor input of one row: the vendor's columns from its first row, the capability and
    /// rate from this one. Cells that are not text (numbers, yes/no) are checked here.
    static func input(
        _ row: [VendorCSV.Column: String], profileRow: [VendorCSV.Column: String], number: Int,
        _ errors: inout [RowError]
    ) -> VendorInput {
        func cell(_ column: VendorCSV.Column) -> String? {
            let value = (row[column].flatMap { $0.isEmpty ? nil : $0 } ?? profileRow[column])?.trimmingCharacters(
                in: .whitespaces)
            return value?.isEmpty == false ? value : nil
        }
        func integer(_ column: VendorCSV.Column) -> Int? {
            guard let text = cell(column) else { return nil }
            guard let value = Int(text) else {
                errors.append(
                    RowError(
                        row: number, column: column.rawValue,
                        error: .invalid(
                            column.rawValue, "error.integer.invalid", ["input": text],
                            fallback: "“\(text)” is not a whole number.")))
                return nil
            }
            return value
        }
        func flag(_ column: VendorCSV.Column) -> Bool? {
            guard let text = cell(column)?.lowercased() else { return nil }
            if ["yes", "y", "true", "1", "oui"].contains(text) { return true }
            if ["no", "n", "false", "0", "non"].contains(text) { return false }
            errors.append(
                RowError(
                    row: number, column: column.rawValue,
                    error: .invalid(
                        column.rawValue, "error.vendor_import.flag", ["value": text],
                        fallback: "“\(text)” is not yes or no.")))
            return nil
        }
        func list(_ column: VendorCSV.Column) -> [String] {
            (cell(column) ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
        }
        var hours: [String: [String]]?
        if let text = cell(.workingHours) {
            hours = WorkingHoursText.parse(text)
            if hours == nil {
                errors.append(
                    RowError(
                        row: number, column: VendorCSV.Column.workingHours.rawValue,
                        error: .invalid(
                            "workingHours", "error.vendor_import.hours", ["value": text],
                            fallback:
                                "“\(text)” is not a list of working hours; write it like mon-fri 09:00-17:00; sat 09:00-12:00."
                        )))
            }
        }
        let currency = cell(.currency) ?? "EUR"
        var input = VendorInput(
            name: cell(.name) ?? "", kind: cell(.kind), email: cell(.email), phone: cell(.phone),
            country: cell(.country),
            timeZone: cell(.timeZone) ?? "", status: cell(.status), workingHours: hours,
            domains: list(.domains).map {
                let parts = $0.split(separator: ":").map(String.init)
                return DomainInput(name: parts[0], level: parts.count > 1 ? parts[1] : nil)
            },
            tools: list(.tools), ndaSignedOn: cell(.ndaSignedOn), maxBookedShare: cell(.maxBookedShare),
            qualityScore: integer(.qualityScore), parallelWorkers: integer(.parallelWorkers),
            hourlyCost: cell(.hourlyCost).map { MoneyInput(amount: $0, currency: currency) }, currency: currency)
        // The pair, service and rate come from this row only, never from the vendor's first row.
        func own(_ column: VendorCSV.Column) -> String? { row[column].flatMap { $0.isEmpty ? nil : $0 } }
        guard let source = own(.source), let target = own(.target), let service = own(.service) else { return input }
        var services: [(String, CapabilityInput)] = []
        if let throughput = own(.throughput) {
            let unit = own(.throughputUnit)?.lowercased() ?? "words"
            services.append(
                (
                    service,
                    CapabilityInput(
                        wordsPerHour: unit == "words" ? throughput : nil,
                        pagesPerHour: unit == "pages" ? throughput : nil,
                        byTheHour: unit == "hours", approved: flag(.approved), degree: own(.degree),
                        yearsOfExperience: integer(.yearsOfExperience), testPassed: flag(.testPassed),
                        domains: list(.capabilityDomains))
                ))
        }
        var rates: [RateInput] = []
        if let amount = own(.rate) {
            rates.append(
                RateInput(
                    service: service, unit: own(.rateUnit) ?? "word",
                    price: MoneyInput(amount: amount, currency: currency),
                    rushPrice: own(.rushRate).map { MoneyInput(amount: $0, currency: currency) },
                    validFrom: own(.rateValidFrom)))
        }
        input.pairs = [PairInput(source: source, target: target, services: services, rates: rates)]
        return input
    }

    /// The CSV column a validation field stands for.
    static func column(for field: String?) -> String {
        guard let field else { return "" }
        let direct: [String: VendorCSV.Column] = [
            "name": .name, "kind": .kind, "email": .email, "phone": .phone, "country": .country, "timeZone": .timeZone,
            "status": .status, "ndaSignedOn": .ndaSignedOn, "maxBookedShare": .maxBookedShare,
            "qualityScore": .qualityScore,
            "parallelWorkers": .parallelWorkers, "currency": .currency, "pairs.0.source": .source,
            "pairs.0.target": .target,
            "pairs.0.rates.0.service": .service, "pairs.0.rates.0.unit": .rateUnit,
            "pairs.0.rates.0.price.amount": .rate,
            "pairs.0.rates.0.price.currency": .currency, "pairs.0.rates.0.validFrom": .rateValidFrom,
        ]
        if let column = direct[field] { return column.rawValue }
        let prefixes: [(String, VendorCSV.Column)] = [
            ("workingHours", .workingHours), ("domains", .domains), ("hourlyCost", .hourlyCost),
            ("pairs.0.rates.0.rushPrice", .rushRate),
        ]
        if let match = prefixes.first(where: { field.hasPrefix($0.0) }) { return match.1.rawValue }
        if field.hasPrefix("pairs.0.services.") {
            if field.hasSuffix(".yearsOfExperience") { return VendorCSV.Column.yearsOfExperience.rawValue }
            if field.hasSuffix("PerHour") { return VendorCSV.Column.throughput.rawValue }
            return VendorCSV.Column.service.rawValue
        }
        return field
    }
}
