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
        for (i, capability) in vendor.capabilities.enumerated() {
            if capability.wordsPerHour <= 0 {
                throw PlanningInputError(
                    field: "\(field).capabilities[\(i)].wordsPerHour",
                    .notAPositiveWholeNumber(got: "\(capability.wordsPerHour)"))
            }
            if capability.costPerWord.amount < 0 {
                throw PlanningInputError(
                    field: "\(field).capabilities[\(i)].costPerWord",
                    .notAnAmount(capability.costPerWord.amount.canonicalString))
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
                if step.words <= 0 {
                    throw PlanningInputError(
                        field: "request.targets[\(t)].steps[\(s)].words", .notAPositiveWholeNumber(got: "\(step.words)")
                    )
                }
                if step.service.rawValue.isEmpty {
                    throw PlanningInputError(field: "request.targets[\(t)].steps[\(s)].service", .noService)
                }
            }
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
