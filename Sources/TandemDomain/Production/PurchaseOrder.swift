import Foundation

/// One band of a purchase order: the words, the vendor's grid percentage and the words paid.
public struct PurchaseOrderLine: Hashable, Codable, Sendable {
    public var band: String
    public var words: Decimal
    public var percent: Int
    public var payable: Decimal
    public init(band: String, words: Decimal, percent: Int, payable: Decimal) {
        self.band = band
        self.words = words
        self.percent = percent
        self.payable = payable
    }
}

/// The terms a vendor is paid on for one assignment: words by band weighted by the vendor's
/// grid (translation-like steps), all words but context (revision), or the quantity (pages,
/// hours); the unit price; the minimum fee when the amount falls below it.
public struct PurchaseOrderTerms: Hashable, Codable, Sendable {
    public var lines: [PurchaseOrderLine]
    public var words: Int
    public var payable: Decimal
    public var unit: PriceUnit
    public var rate: Money?
    public var grid: WeightingGrid?
    public var minimumFee: Money?
    public var minimumApplied: Bool
    public var amount: Money

    /// Prices `words` of `job` (scaled from its bands) at `rate`, with `grid` and `minimumFee`.
    /// Without a rate the amount is zero in `currency` (the PM sets a rate with the vendor).
    public static func price(
        _ job: Job, words: Int, rate: Money?, grid: WeightingGrid?, minimumFee: Money?, currency: CurrencyCode
    ) -> PurchaseOrderTerms {
        let bands = job.bands(forWords: words)
        let useGrid = job.effort == .weightedWords ? (grid ?? .goldenRule) : nil
        var lines: [PurchaseOrderLine] = []
        for name in WeightingGrid.bands {
            let key = name == "repetitions" ? "repetition" : name
            guard let count = bands[key] ?? bands[name], count.words > 0 else { continue }
            let percent: Int
            switch job.effort {
            case .weightedWords: percent = useGrid?.percents[name] ?? 100
            case .wordsExceptContext: percent = name == "context" ? 0 : 100
            default: percent = 100
            }
            lines.append(
                PurchaseOrderLine(
                    band: name, words: count.words, percent: percent,
                    payable: (count.words * Decimal(percent) / 100).rounded(scale: 2)))
        }
        let payable = lines.isEmpty ? Decimal(words) : lines.reduce(Decimal(0)) { $0 + $1.payable }
        let quantity = job.unit == .hour ? Decimal(words) / 60 : payable
        let currency = rate?.currency ?? currency
        var amount = rate.map { Money($0.amount * quantity, $0.currency).rounded } ?? Money(0, currency)
        var minimumApplied = false
        if let minimumFee, minimumFee.currency == amount.currency, amount.amount < minimumFee.amount, rate != nil {
            amount = minimumFee.rounded
            minimumApplied = true
        }
        return PurchaseOrderTerms(
            lines: lines, words: words, payable: payable, unit: job.unit, rate: rate, grid: useGrid,
            minimumFee: minimumFee, minimumApplied: minimumApplied, amount: amount)
    }
}

/// A purchase order: one per accepted assignment, numbered per year without gaps
/// (`PO-2026-0007`). When the actual words differ, a new version is written under the same
/// number; a version is never changed.
public struct PurchaseOrder: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<PurchaseOrder>
    public var id: ID
    public var number: String
    public var year: Int
    public var sequence: Int
    public var version: Int
    public var assignmentID: JobAssignment.ID
    public var jobID: Job.ID
    public var projectID: Project.ID
    public var vendorID: VendorProfile.ID
    public var terms: PurchaseOrderTerms
    /// Payment terms in words the vendor agreed to (e.g. "Payment 30 days after invoice").
    public var paymentTerms: String
    public var due: Date
    /// Why this version exists: `accepted` (the offer) or `actual-words`.
    public var reason: String
    public var createdAt: Date
    public var createdBy: User.ID?

    public init(
        id: ID, number: String, year: Int, sequence: Int, version: Int, assignmentID: JobAssignment.ID,
        jobID: Job.ID, projectID: Project.ID, vendorID: VendorProfile.ID, terms: PurchaseOrderTerms,
        paymentTerms: String, due: Date, reason: String, createdAt: Date, createdBy: User.ID?
    ) {
        self.id = id
        self.number = number
        self.year = year
        self.sequence = sequence
        self.version = version
        self.assignmentID = assignmentID
        self.jobID = jobID
        self.projectID = projectID
        self.vendorID = vendorID
        self.terms = terms
        self.paymentTerms = paymentTerms
        self.due = due
        self.reason = reason
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    public static func number(year: Int, sequence: Int) -> String {
        "PO-\(year)-" + String(format: "%04d", sequence)
    }
}
