/// The shared, long-lived home of a `CapacityIndex` for a server: one actor, so bookings and
/// checks from concurrent requests are serialised without locks. `check` runs on the actor (a
/// few milliseconds); to run many checks in parallel, read `index` (a value, copied in O(1))
/// and call `check` on the copy off the actor.
public actor CapacityStore {
    public private(set) var index: CapacityIndex

    public init(_ index: CapacityIndex) { self.index = index }

    public func check(_ request: FeasibilityRequest, now: Instant, options: PlanningOptions = .standard) throws
        -> FeasibilityResult
    {
        try index.check(request, now: now, options: options)
    }

    public func book(_ booking: Booking, for vendor: VendorID) throws { try index.book(booking, for: vendor) }

    @discardableResult
    public func release(_ booking: BookingID, for vendor: VendorID) -> Bool { index.release(booking, for: vendor) }

    public func addTentative(_ tentative: TentativeBooking, for vendor: VendorID) throws {
        try index.addTentative(tentative, for: vendor)
    }

    public func upsert(_ vendor: PlanningVendor) throws { try index.upsert(vendor) }

    public func remove(_ vendor: VendorID) { index.remove(vendor) }

    /// Moves the precomputed window, e.g. nightly to [now − 1 day, now + 180 days].
    public func setWindow(_ window: TimeRange?) { index.setWindow(window) }
}
