import TandemDomain

/// Checks of values that decode but make no sense.
enum PlanningValidation {
    static func validate(_ vendor: PlanningVendor, field: String) throws {
        guard !vendor.id.rawValue.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw PlanningInputError(field: "\(field).id", message: "must not be empty")
        }
        for (i, period) in vendor.workingHours.enumerated() {
            guard (0...1440).contains(period.fromMinute), (0...1440).contains(period.toMinute),
                period.fromMinute < period.toMinute
            else {
                throw PlanningInputError(
                    field: "\(field).workingHours[\(i)]",
                    message: "“from” must be before “to” within one day (00:00–24:00)")
            }
        }
        for (i, absence) in vendor.absences.enumerated() where absence.to < absence.from {
            throw PlanningInputError(
                field: "\(field).absences[\(i)].to", message: "\(absence.to) is before “from” \(absence.from)")
        }
        for (i, booking) in vendor.booked.enumerated() where booking.range.end <= booking.range.start {
            throw PlanningInputError(
                field: "\(field).booked[\(i)].to",
                message: "\(booking.range.end) is not after “from” \(booking.range.start)")
        }
        for (i, tentative) in vendor.tentative.enumerated() {
            if tentative.range.end <= tentative.range.start {
                throw PlanningInputError(
                    field: "\(field).tentative[\(i)].to",
                    message: "\(tentative.range.end) is not after “from” \(tentative.range.start)")
            }
            if !(0...1).contains(tentative.probability) {
                throw PlanningInputError(
                    field: "\(field).tentative[\(i)].probability",
                    message: "must be between 0 and 1, got \(tentative.probability)")
            }
        }
        for (i, capability) in vendor.capabilities.enumerated() {
            if capability.wordsPerHour <= 0 {
                throw PlanningInputError(
                    field: "\(field).capabilities[\(i)].wordsPerHour",
                    message: "must be a positive whole number, got \(capability.wordsPerHour)")
            }
            if capability.costPerWord.amount < 0 {
                throw PlanningInputError(
                    field: "\(field).capabilities[\(i)].costPerWord",
                    message: "must not be negative, got \(capability.costPerWord.amount.canonicalString)")
            }
            if capability.service.rawValue.isEmpty {
                throw PlanningInputError(
                    field: "\(field).capabilities[\(i)].service",
                    message: "must name a service such as translation or revision")
            }
        }
    }

    static func validate(_ request: FeasibilityRequest, index: CapacityIndex) throws {
        guard request.deadline > request.start else {
            throw PlanningInputError(
                field: "request.deadline", message: "\(request.deadline) is not after the start \(request.start)")
        }
        guard request.maxVendorsPerStep >= 1 else {
            throw PlanningInputError(
                field: "request.maxVendorsPerStep", message: "must be at least 1, got \(request.maxVendorsPerStep)")
        }
        guard !request.targets.isEmpty else {
            throw PlanningInputError(field: "request.targets", message: "must list at least one target language")
        }
        for (t, target) in request.targets.enumerated() {
            guard !target.steps.isEmpty else {
                throw PlanningInputError(
                    field: "request.targets[\(t)].steps",
                    message: "must list at least one step such as {\"service\": \"translation\", \"words\": 1000}")
            }
            for (s, step) in target.steps.enumerated() {
                if step.words <= 0 {
                    throw PlanningInputError(
                        field: "request.targets[\(t)].steps[\(s)].words",
                        message: "must be a positive whole number, got \(step.words)")
                }
                if step.service.rawValue.isEmpty {
                    throw PlanningInputError(
                        field: "request.targets[\(t)].steps[\(s)].service",
                        message: "must name a service such as translation or revision")
                }
            }
        }
        for (name, list) in [
            ("preferredVendors", request.preferredVendors), ("excludedVendors", request.excludedVendors),
        ] {
            for (i, id) in list.enumerated() where index.slot(of: id) == nil {
                throw PlanningInputError(field: "request.\(name)[\(i)]", message: "unknown vendor “\(id)”")
            }
        }
    }
}
