import Foundation
import TandemDomain

extension PlanFile {
    /// The file as `tandem plan` reads it (`decode(_:)` gives the same vendors and request back):
    /// for exporting stored data, so that the command line can check what the server checked.
    /// Keys sorted, amounts and rates as strings, instants in ISO 8601 UTC.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(FileShape(self))) ?? Data("{}".utf8)
    }
}

// MARK: - Shapes as written in the file (docs/planning.md, "Input file")

private struct FileShape: Encodable {
    var vendors: [VendorShape]
    var request: RequestShape

    init(_ file: PlanFile) {
        vendors = file.vendors.map(VendorShape.init)
        request = RequestShape(file.request)
    }
}

private struct HoursShape: Encodable {
    var days: [String]
    var from: String
    var to: String
}

private struct RangeShape: Encodable {
    var id: String?
    var from: String
    var to: String
    var probability: Double?
}

private struct CapabilityShape: Encodable {
    var source: String
    var target: String
    var service: String
    var unit: String
    var wordsPerHour: Int?
    var pagesPerHour: Int?
    var costPerWord: String?
    var costPerPage: String?
    var costPerHour: String?
    var currency: String
    var minimumFee: String?
    var rushCost: String?

    init(_ capability: Capability) {
        source = capability.pair.source.description
        target = capability.pair.target.description
        service = capability.service.rawValue
        unit = capability.unit.rawValue
        switch capability.unit {
        case .word: wordsPerHour = capability.unitsPerHour
        case .page: pagesPerHour = capability.unitsPerHour
        case .hour: break
        }
        let rate = capability.rate
        let price = rate.price.amount.canonicalString
        switch rate.unit {
        case .word: costPerWord = price
        case .page: costPerPage = price
        case .hour: costPerHour = price
        }
        currency = rate.price.currency.code
        minimumFee = rate.minimumFee?.amount.canonicalString
        rushCost = rate.rushPrice?.amount.canonicalString
    }
}

private struct VendorShape: Encodable {
    var id: String
    var timeZone: String
    var workingHours: [HoursShape]
    var absences: [RangeShape]
    var booked: [RangeShape]
    var tentative: [RangeShape]
    var capabilities: [CapabilityShape]
    var maxBookedShare: String?
    var workers: Int
    var quality: Int?
    var grid: [String: String]?

    init(_ vendor: PlanningVendor) {
        func clock(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }
        id = vendor.id.rawValue
        timeZone = vendor.timeZone
        workingHours = vendor.workingHours.map {
            HoursShape(days: $0.days.sorted().map(\.rawValue), from: clock($0.fromMinute), to: clock($0.toMinute))
        }
        absences =
            vendor.absences.map { RangeShape(from: $0.from.description, to: $0.to.description) }
            + vendor.absentPeriods.map { RangeShape(from: $0.start.iso8601, to: $0.end.iso8601) }
        booked = vendor.booked.map {
            RangeShape(id: $0.id?.rawValue, from: $0.range.start.iso8601, to: $0.range.end.iso8601)
        }
        tentative = vendor.tentative.map {
            RangeShape(
                id: $0.id?.rawValue, from: $0.range.start.iso8601, to: $0.range.end.iso8601,
                probability: $0.probability)
        }
        capabilities = vendor.capabilities.map(CapabilityShape.init)
        maxBookedShare = vendor.maxBookedShare?.canonicalString
        workers = vendor.workers
        quality = vendor.quality
        grid = vendor.grid.map(gridShape)
    }
}

/// `{"100": "30", "95-99": "60"}`.
private func gridShape(_ grid: CostGrid) -> [String: String] {
    Dictionary(uniqueKeysWithValues: grid.percent.map { ($0.key.rawValue, $0.value.canonicalString) })
}

private struct StepShape: Encodable {
    var service: String
    var words: Int?
    var pages: Int?
    var hours: Double?
    var bands: [String: Int]?

    init(_ step: StepRequest) {
        service = step.service.rawValue
        switch step.unit {
        case .word: words = step.words
        case .page: pages = step.words
        case .hour: hours = Double(step.words) / 60
        }
        bands = step.bands.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.rawValue, $0.value) }) }
    }
}

private struct TargetShape: Encodable {
    var source: String
    var target: String
    var steps: [StepShape]
}

/// `{"currency", "rates"}`, or (complete rates, with `baseCurrency`) the flat `{"USD": "0.92"}`.
private enum RatesShape: Encodable {
    case nested(currency: String, rates: [String: String])
    case flat([String: String])

    private enum Keys: String, CodingKey { case currency, rates }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .nested(let currency, let rates):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(currency, forKey: .currency)
            try c.encode(rates, forKey: .rates)
        case .flat(let rates):
            var c = encoder.singleValueContainer()
            try c.encode(rates)
        }
    }
}

private struct RequestShape: Encodable {
    var start: String
    var deadline: String
    var maxVendorsPerStep: Int
    var targets: [TargetShape]
    var preferredVendors: [String]
    var excludedVendors: [String]
    var exchangeRates: RatesShape?
    var baseCurrency: String?
    var rush: Bool
    var minimumQuality: Int?
    var grid: [String: String]?

    init(_ request: FeasibilityRequest) {
        start = request.start.iso8601
        deadline = request.deadline.iso8601
        maxVendorsPerStep = request.maxVendorsPerStep
        targets = request.targets.map { target in
            TargetShape(
                source: target.source.description, target: target.target.description,
                steps: target.steps.map(StepShape.init))
        }
        preferredVendors = request.preferredVendors.map(\.rawValue)
        excludedVendors = request.excludedVendors.map(\.rawValue)
        if let rates = request.exchangeRates {
            let values = rates.rates.mapValues(\.canonicalString)
            if rates.complete {
                baseCurrency = rates.currency.code
                exchangeRates = .flat(values)
            } else {
                exchangeRates = .nested(currency: rates.currency.code, rates: values)
            }
        }
        rush = request.rush
        minimumQuality = request.minimumQuality
        grid = request.grid.map(gridShape)
    }
}
