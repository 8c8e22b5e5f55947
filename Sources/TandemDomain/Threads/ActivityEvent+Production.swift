extension ActivityEvent.Kind {
    // Production (docs/production.md), on the job or, for holds, on the project.
    /// A job moved: `move`, `from`, `to` (job statuses), `note`.
    public static let jobMoved = Self(rawValue: "job-moved")
    /// A vendor was given words of a job: `vendor`, `words`.
    public static let jobAssigned = Self(rawValue: "job-assigned")
    /// An assignment was taken back before the offer: `vendor`.
    public static let jobUnassigned = Self(rawValue: "job-unassigned")
    /// The project was put on hold (`reason`) or released.
    public static let projectHeld = Self(rawValue: "project-held")
    public static let projectReleased = Self(rawValue: "project-released")

    // The promise ledger (docs/ledger.md), on the promise.
    /// The forecast finish passed the promise (`finish`, an instant, when known).
    public static let promiseAtRisk = Self(rawValue: "promise-at-risk")
    /// The promised instant passed without a delivery.
    public static let promiseBroken = Self(rawValue: "promise-broken")
    /// A new version: `version`, `from` and `to` (instants), `cause`, `reason`.
    public static let promiseRenegotiated = Self(rawValue: "promise-renegotiated")
    /// The target was delivered: `standing` (`kept` or `broken`), `cause` when late.
    public static let promiseDelivered = Self(rawValue: "promise-delivered")

    // Working together (docs/together.md).
    /// A manager moved an idea: `from`, `to` (idea statuses), `reason` when declined.
    public static let ideaMoved = Self(rawValue: "idea-moved")
    /// Someone co-signed a proposal: `side` (`sales` or `production`).
    public static let proposalSigned = Self(rawValue: "proposal-signed")
    /// A manager decided a proposal: `decision` (`approved` or `declined`), `reason`.
    public static let proposalDecided = Self(rawValue: "proposal-decided")
}
