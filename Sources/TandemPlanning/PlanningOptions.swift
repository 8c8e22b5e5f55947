/// Tunable rules of the verdict and the confidence figure.
public struct PlanningOptions: Hashable, Sendable, Codable {
    /// Amber when the slack is under this share of the window (start → deadline).
    public var amberSlackFraction: Double
    /// Standard deviation of a vendor's real throughput around the stated one (0.15 = ±15%).
    public var throughputVariation: Double
    /// Monte Carlo samples for the confidence figure (seeded: same input, same figure).
    public var confidenceSamples: Int
    public var seed: UInt64
    /// Work that cannot finish within this many days of the start is reported as impossible.
    public var maxHorizonDays: Int
    /// Up to this many targets, every order of planning the targets is tried.
    public var exhaustiveOrderLimit: Int
    /// Rounds of "keep one vendor off one step and plan again" on small requests...
    public var improvementRounds: Int
    /// ...meaning requests whose steps have at most this many candidate vendors in all.
    public var smallRequestCandidates: Int
    /// Then, on the same small requests, at most this many plans of local search: single and
    /// paired changes (a vendor kept off a step, a step re-split, another order of targets).
    public var localSearchPlans: Int
    /// Then at most this many more plans of the same search with finer shares (a quarter or
    /// three quarters of a vendor's share of a step).
    public var refinementPlans: Int

    public init(
        amberSlackFraction: Double = 0.10, throughputVariation: Double = 0.15, confidenceSamples: Int = 100,
        seed: UInt64 = 0x7A4D_E11A, maxHorizonDays: Int = 366, exhaustiveOrderLimit: Int = 4,
        improvementRounds: Int = 40, smallRequestCandidates: Int = 400, localSearchPlans: Int = 500,
        refinementPlans: Int = 300
    ) {
        self.refinementPlans = refinementPlans
        self.amberSlackFraction = amberSlackFraction
        self.throughputVariation = throughputVariation
        self.confidenceSamples = confidenceSamples
        self.seed = seed
        self.maxHorizonDays = maxHorizonDays
        self.exhaustiveOrderLimit = exhaustiveOrderLimit
        self.improvementRounds = improvementRounds
        self.smallRequestCandidates = smallRequestCandidates
        self.localSearchPlans = localSearchPlans
    }

    public static let standard = PlanningOptions()
}
