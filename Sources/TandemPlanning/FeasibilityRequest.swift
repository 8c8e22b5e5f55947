import TandemDomain

/// One step of a target's workflow: a service over a number of words.
public struct StepRequest: Hashable, Sendable, Codable {
    public var service: Service
    public var words: Int
    public init(service: Service, words: Int) {
        self.service = service
        self.words = words
    }
}

/// One target language and its ordered chain of steps.
public struct TargetRequest: Hashable, Sendable, Codable {
    public var source: LanguageTag
    public var target: LanguageTag
    public var steps: [StepRequest]
    public init(source: LanguageTag, target: LanguageTag, steps: [StepRequest]) {
        self.source = source
        self.target = target
        self.steps = steps
    }
}

/// "Can we deliver this by then?": the work of a quote and its requested deadline.
public struct FeasibilityRequest: Hashable, Sendable, Codable {
    public var start: Instant
    public var deadline: Instant
    public var maxVendorsPerStep: Int
    public var targets: [TargetRequest]
    /// Chosen first when they can finish a step as early as anyone.
    public var preferredVendors: [VendorID]
    /// Never planned.
    public var excludedVendors: [VendorID]

    public init(
        start: Instant, deadline: Instant, maxVendorsPerStep: Int = 1, targets: [TargetRequest],
        preferredVendors: [VendorID] = [], excludedVendors: [VendorID] = []
    ) {
        self.start = start
        self.deadline = deadline
        self.maxVendorsPerStep = maxVendorsPerStep
        self.targets = targets
        self.preferredVendors = preferredVendors
        self.excludedVendors = excludedVendors
    }
}
