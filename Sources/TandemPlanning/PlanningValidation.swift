import TandemDomain

/// Checks of values that decode but make no sense.
enum PlanningValidation {
    static func validate(_ vendor: PlanningVendor, field: String) throws {
        guard !vendor.id.rawValue.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw PlanningInputError(field: "\(field).id", .empty)
        }
        for (i, period) in vendor.workingHours.enumerated() {
            guard (0...1440).contains(period.fromMinute), (0...1440).contains(period.toMinute),
                period.fromMinute < period.toMinute
            else {
                throw PlanningInputError(field: "\(field).workingHours[\(i)]", .hoursOutsideDay)
            }
        }
        for (i, absence) in vendor.absences.enumerated() where absence.to < absence.from {
            throw PlanningInputError(
                field: "\(field).absences[\(i)].to", .before("\(absence.to)", from: "\(absence.from)"))
        }
        for (i, booking) in vendor.booked.enumerated() where booking.range.end <= booking.range.start {
            throw PlanningInputError(
                field: "\(field).booked[\(i)].to", .notAfter("\(booking.range.end)", from: "\(booking.range.start)"))
        }
        for (i, tentative) in vendor.tentative.enumerated() {
            if tentative.range.end <= tentative.range.start {
                throw PlanningInputError(
                    field: "\(field).tentative[\(i)].to",
                    .notAfter("\(tentative.range.end)", from: "\(tentative.range.start)"))
            }
            if !(0...1).contains(tentative.probability) {
                throw PlanningInputError(
                    field: "\(field).tentative[\(i)].probability", .notAProbability(got: "\(tentative.probability)"))
            }
        }
        for (i, period) in vendor.absentPeriods.enumerated() where period.end <= period.start {
            throw PlanningInputError(
                field: "\(field).absences[\(vendor.absences.count + i)].to",
                .notAfter("\(period.end)", from: "\(period.start)"))
        }
        if let share = vendor.maxBookedShare, !(share > 0 && share <= 1) {
            throw PlanningInputError(field: "\(field).maxBookedShare", .notAShare(got: share.canonicalString))
        }
        if vendor.workers < 1 {
            throw PlanningInputError(field: "\(field).workers", .tooSmall(got: "\(vendor.workers)", minimum: "1"))
        }
        if let quality = vendor.quality, !(0...100).contains(quality) {
            throw PlanningInputError(field: "\(field).quality", .notAQualityScore(got: "\(quality)"))
        }
        for (i, capability) in vendor.capabilities.enumerated() {
            let f = "\(field).capabilities[\(i)]"
            if capability.unitsPerHour <= 0 {
                throw PlanningInputError(
                    field: capability.unit == .page ? "\(f).pagesPerHour" : "\(f).wordsPerHour",
                    .notAPositiveWholeNumber(got: "\(capability.unitsPerHour)"))
            }
            let rate = capability.rate
            for (name, money) in [("cost", rate.price), ("minimumFee", rate.minimumFee), ("rushCost", rate.rushPrice)] {
                guard let money else { continue }
                if money.amount < 0 {
                    throw PlanningInputError(field: "\(f).\(name)", .notAnAmount(money.amount.canonicalString))
                }
                if money.currency != rate.price.currency {
                    throw PlanningInputError(
                        field: "\(f).\(name)", .notACurrency(money.currency.code, example: rate.price.currency.code))
                }
            }
            if rate.unit != .hour, rate.unit != capability.unit {
                throw PlanningInputError(
                    field: "\(f).cost", .priceUnit(rate.unit.rawValue, unit: capability.unit.rawValue))
            }
            if capability.service.rawValue.isEmpty {
                throw PlanningInputError(field: "\(field).capabilities[\(i)].service", .noService)
            }
        }
    }

    static func validate(_ request: FeasibilityRequest, index: CapacityIndex) throws {
        guard request.deadline > request.start else {
            throw PlanningInputError(
                field: "request.deadline", .notAfterStart("\(request.deadline)", start: "\(request.start)"))
        }
        guard request.maxVendorsPerStep >= 1 else {
            throw PlanningInputError(
                field: "request.maxVendorsPerStep", .tooSmall(got: "\(request.maxVendorsPerStep)", minimum: "1"))
        }
        guard !request.targets.isEmpty else {
            throw PlanningInputError(field: "request.targets", .noTargets)
        }
        for (t, target) in request.targets.enumerated() {
            guard !target.steps.isEmpty else {
                throw PlanningInputError(field: "request.targets[\(t)].steps", .noSteps)
            }
            for (s, step) in target.steps.enumerated() {
                let f = "request.targets[\(t)].steps[\(s)]"
                if step.words <= 0 {
                    let name = ["word": "words", "page": "pages", "hour": "hours"][step.unit.rawValue]!
                    throw PlanningInputError(field: "\(f).\(name)", .notAPositiveWholeNumber(got: "\(step.words)"))
                }
                if let bands = step.bands,
                    bands.values.reduce(0, +) != step.words || bands.values.contains(where: { $0 < 0 })
                {
                    throw PlanningInputError(
                        field: "\(f).bands", .bandsSum(got: "\(bands.values.reduce(0, +))", words: "\(step.words)"))
                }
                if step.service.rawValue.isEmpty {
                    throw PlanningInputError(field: "request.targets[\(t)].steps[\(s)].service", .noService)
                }
            }
        }
        if let minimum = request.minimumQuality, !(0...100).contains(minimum) {
            throw PlanningInputError(field: "request.minimumQuality", .notAQualityScore(got: "\(minimum)"))
        }
        if let rates = request.exchangeRates, rates.complete,
            let missing = index.currencies(servingAny: request).first(where: { rates.rate(for: $0) == nil })
        {
            throw PlanningInputError(
                field: "request.exchangeRates.\(missing.code)", .missingRate(missing.code, base: rates.currency.code))
        }
        for (name, list) in [
            ("preferredVendors", request.preferredVendors), ("excludedVendors", request.excludedVendors),
        ] {
            for (i, id) in list.enumerated() where index.slot(of: id) == nil {
                throw PlanningInputError(field: "request.\(name)[\(i)]", .unknownVendor(id: id.rawValue))
            }
        }
    }
}
