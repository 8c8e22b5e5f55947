import Foundation
import TandemDomain

/// SplitMix64: a small seeded generator, so the demo is the same on every machine.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}

extension VendorDemoData {
    /// `vendorCount` vendors spread over the markets, with bookings over the next `weeks`
    /// weeks; `bookingsPerVendor` nil follows each market's load (the demo), a number gives
    /// exactly that many per vendor (the scale set).
    static func generate(
        vendorCount: Int, weeks: Int = 8, bookingsPerVendor: Int? = nil, now: Date, ids: IdentifierGenerator,
        seed: UInt64 = 0x1A4D_2026
    ) -> VendorDemoData {
        var random = SeededRandom(seed: seed)
        var data = VendorDemoData()
        let start = Calendar.utc.startOfDay(for: now)
        for index in 0..<vendorCount {
            let market = markets[index % markets.count]
            let vendor = makeVendor(index, market, &random, ids: ids, now: now)
            data.vendors.append(vendor)
            data.addCapabilities(for: vendor, market, index, &random, ids: ids, today: start)
            let load = min(0.97, max(0.05, market.load + Double(random.int(-15...10)) / 100))
            data.addCalendar(
                for: vendor, load: load, weeks: weeks, bookings: bookingsPerVendor, from: start, &random, ids: ids)
        }
        return data
    }

    static func makeVendor(
        _ index: Int, _ market: Market, _ random: inout SeededRandom, ids: IdentifierGenerator, now: Date
    )
        -> VendorProfile
    {
        let round = index / markets.count
        let kind: VendorKind = round % 12 == 5 ? .agency : (round % 15 == 7 ? .inHouse : .freelance)
        let zone = kind == .inHouse ? "Europe/Paris" : random.pick(market.zones)
        let first = market.first[(index / markets.count) % market.first.count]
        let last = market.last[(index / markets.count / market.first.count + index) % market.last.count]
        let name =
            kind == .agency
            ? "\(agencyNames[(index / markets.count) % agencyNames.count]) \(market.target.uppercased())"
            : (round >= market.first.count * market.last.count ? "\(first) \(last) \(round)" : "\(first) \(last)")
        let slug = name.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }.joined(separator: ".")
        let hours = workingHours(&random, inHouse: kind == .inHouse)
        let currency = kind == .inHouse ? CurrencyCode.eur : currency(for: zone)
        let domainCount = random.int(1...3)
        let domains = (0..<domainCount).map { n in
            SubjectDomain(
                name: domainNames[(index + n * 3) % domainNames.count],
                level: ExpertiseLevel.allCases[random.int(0...2)])
        }
        return VendorProfile(
            id: ids(), name: name, kind: kind, email: try? EmailAddress("\(slug.prefix(40))@vendors.example"),
            phone: "+\(random.int(30...49)) \(random.int(100...999)) \(random.int(100_000...999_999))",
            country: zone == "Europe/Paris" ? "FR" : nil, timeZone: zone,
            status: round % 20 == 3 ? .candidate : (round % 25 == 11 ? .onHold : .approved), workingHours: hours,
            domains: domains,
            tools: [
                toolNames[index % toolNames.count],
                toolNames[(index + 1 + (index / 3) % (toolNames.count - 1)) % toolNames.count],
            ],
            ndaSignedOn: try? LocalDate(year: 2024 + index % 3, month: 1 + index % 12, day: 1 + index % 27),
            maxBookedShare: kind == .agency ? nil : (index % 4 == 0 ? Decimal(string: "0.8") : nil),
            qualityScore: random.int(68...98), parallelWorkers: kind == .agency ? random.int(3...10) : 1,
            hourlyCost: kind == .inHouse ? Money(Decimal(random.int(38...55)), .eur) : nil, currency: currency,
            weightingGrid: index % 6 == 0 ? .goldenRule : nil, createdAt: now)
    }

    static func workingHours(_ random: inout SeededRandom, inHouse: Bool) -> WorkingHours {
        let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
        let split = [
            WorkingInterval(fromMinute: 8 * 60, toMinute: 12 * 60), .init(fromMinute: 13 * 60, toMinute: 17 * 60),
        ]
        switch inHouse ? 0 : random.int(0...5) {
        case 0, 1:
            return WorkingHours(
                Dictionary(uniqueKeysWithValues: weekdays.map { ($0, [.init(fromMinute: 540, toMinute: 1050)]) }))
        case 2: return WorkingHours(Dictionary(uniqueKeysWithValues: weekdays.map { ($0, split) }))
        case 3:
            var days = Dictionary(
                uniqueKeysWithValues: weekdays.map { ($0, [WorkingInterval(fromMinute: 600, toMinute: 1080)]) })
            days[.sat] = [.init(fromMinute: 540, toMinute: 780)]
            return WorkingHours(days)
        case 4:
            return WorkingHours(
                Dictionary(uniqueKeysWithValues: weekdays.map { ($0, [.init(fromMinute: 540, toMinute: 780)]) }))
        default: return .officeHours
        }
    }

    mutating func addCapabilities(
        for vendor: VendorProfile, _ market: Market, _ index: Int, _ random: inout SeededRandom,
        ids: IdentifierGenerator,
        today: Date
    ) {
        let pair = LanguagePair(source: try! LanguageTag(market.source), target: try! LanguageTag(market.target))
        let factor = Self.factor(vendor.currency)
        let base = Decimal(random.int(7...13)) / 100 * (market.slow ? Decimal(string: "1.3")! : 1)
        let validFrom = try! LocalDate(year: 2026, month: 1 + index % 6, day: 1)
        var services: [(LinguisticService, Throughput, RateUnit, Decimal)] = [
            (
                .translation, .wordsPerHour(Decimal(market.slow ? random.int(180...300) : random.int(260...450))),
                .word, base
            ),
            (.revision, .wordsPerHour(Decimal(random.int(800...1200))), .hour, Decimal(random.int(30...45))),
        ]
        if index % 3 == 0 {
            services.append(
                (.postEditing, .wordsPerHour(Decimal(random.int(500...800))), .word, base * Decimal(string: "0.6")!))
        }
        if index % 5 == 0 {
            services.append((.proofreading, .wordsPerHour(Decimal(random.int(1200...1600))), .hour, 32))
        }
        if index % 9 == 0 || vendor.kind == .agency {
            services.append((.dtp, Throughput(perHour: Decimal(random.int(4...8)), unit: .pages), .page, 5))
        }
        for (service, throughput, unit, euros) in services {
            capabilities.append(
                VendorCapability(
                    id: ids(), vendorID: vendor.id, pair: pair, service: service, throughput: throughput,
                    approval: CapabilityApproval(
                        approved: vendor.status != .candidate, degree: index % 2 == 0 ? "MA Translation" : nil,
                        yearsOfExperience: random.int(2...25), testPassed: index % 3 != 1,
                        approvedOn: vendor.status == .candidate ? nil : validFrom),
                    domains: vendor.domains.prefix(2).map(\.name)))
            let price = Money(
                (euros * factor).rounded(scale: vendor.currency.minorUnits + (unit == .word ? 2 : 0)), vendor.currency)
            rates.append(
                VendorRate(
                    id: ids(), vendorID: vendor.id, pair: pair, service: service, unit: unit, price: price,
                    rushPrice: Money((price.amount * Decimal(string: "1.3")!).rounded(scale: 4), vendor.currency),
                    validFrom: validFrom))
        }
        rates.append(
            VendorRate(
                id: ids(), vendorID: vendor.id, pair: pair, service: .translation, unit: .minimumFee,
                price: Money((Decimal(random.int(25...40)) * factor).rounded(scale: 0), vendor.currency),
                validFrom: validFrom))
    }

    /// Absences (leave, a part-day appointment, Christmas), bookings and holds over the weeks ahead.
    mutating func addCalendar(
        for vendor: VendorProfile, load: Double, weeks: Int, bookings count: Int?, from start: Date,
        _ random: inout SeededRandom, ids: IdentifierGenerator
    ) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: vendor.timeZone) ?? .gmt
        let localStart = calendar.startOfDay(for: start)
        let days = (0..<(weeks * 7)).compactMap { calendar.date(byAdding: .day, value: $0, to: localStart) }
        let workdays = days.filter { !vendor.workingHours.intervals(on: Self.weekday($0, calendar)).isEmpty }
        func span(_ day: Date) -> (Date, Date, Int) {
            let intervals = vendor.workingHours.intervals(on: Self.weekday(day, calendar))
            return (
                day + TimeInterval(intervals.first!.fromMinute * 60), day + TimeInterval(intervals.last!.toMinute * 60),
                intervals.map(\.minutes).reduce(0, +)
            )
        }
        if random.chance(0.18), workdays.count > 15 {
            let first = random.int(5...(workdays.count - 10))
            absences.append(
                VendorAbsence(
                    id: ids(), vendorID: vendor.id, from: workdays[first],
                    to: calendar.date(byAdding: .day, value: random.int(3...9), to: workdays[first])!, reason: "Leave"))
        }
        if random.chance(0.12), let day = workdays.dropFirst(3).first {
            let (from, _, _) = span(day)
            absences.append(
                VendorAbsence(id: ids(), vendorID: vendor.id, from: from, to: from + 3 * 3600, reason: "Appointment"))
        }
        if let christmas = days.first(where: {
            calendar.component(.month, from: $0) == 12 && calendar.component(.day, from: $0) == 24
        }) {
            absences.append(
                VendorAbsence(
                    id: ids(), vendorID: vendor.id, from: christmas,
                    to: calendar.date(byAdding: .day, value: 3, to: christmas)!,
                    reason: "Christmas"))
        }
        let slots = count ?? max(2, Int((Double(workdays.count) * load / 2.5).rounded()))
        guard !workdays.isEmpty, slots > 0 else { return }
        let slotLength = max(1.0, Double(workdays.count) / Double(slots))
        for slot in 0..<slots {
            let first = min(workdays.count - 1, Int(Double(slot) * slotLength))
            let length = max(1, min(Int((slotLength * load).rounded()), workdays.count - first))
            let (from, _, _) = span(workdays[first])
            let (_, to, _) = span(workdays[first + length - 1])
            let minutes = (first..<(first + length)).map { span(workdays[$0]).2 }.reduce(0, +)
            let share = Double(random.int(75...100)) / 100
            bookings.append(
                VendorBooking(
                    id: ids(), vendorID: vendor.id, from: from, to: to, minutes: max(30, Int(Double(minutes) * share)),
                    jobReference: "J-2026-\(String(format: "%05d", bookings.count + 1))"))
        }
        for _ in 0..<random.int(0...2) where workdays.count > 10 {
            let first = random.int(0...(workdays.count - 3))
            let (from, _, _) = span(workdays[first])
            let (_, to, minutes) = span(workdays[first + 1])
            holds.append(
                TentativeHold(
                    id: ids(), vendorID: vendor.id, from: from, to: to,
                    minutes: minutes * 2 * random.int(40...90) / 100,
                    probability: Decimal(random.int(2...8)) / 10,
                    quoteReference: "Q-2026-\(String(format: "%04d", holds.count + 101))"))
        }
    }

    static func weekday(_ day: Date, _ calendar: Calendar) -> Weekday {
        // Calendar weekdays run Sunday = 1 … Saturday = 7.
        [Weekday.sun, .mon, .tue, .wed, .thu, .fri, .sat][calendar.component(.weekday, from: day) - 1]
    }
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
