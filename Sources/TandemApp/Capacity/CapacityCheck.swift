import Foundation
import TandemDomain
import TandemPlanning

/// "Can we deliver this by then?" against the stored vendors: the request part of a
/// `tandem plan` file checked on the capacity service's index. Planned as of the later of the
/// request's start and now; `planFile` writes the same data as a file that `tandem plan`
/// answers identically.
public enum CapacityCheck {
    /// The request (the `request` object of a plan file) decoded and validated like
    /// `tandem plan` does; a field at fault is named from the body's root (`targets[0].source`).
    public static func decodeRequest(_ body: Data) throws -> FeasibilityRequest {
        guard (try? JSONSerialization.jsonObject(with: body)) is [String: Any] else {
            // Not JSON, or not an object: the engine's own message about the whole body.
            _ = try PlanFile.decode(body)
            throw PlanningInputError(field: "file", .wrongType(expected: .object))
        }
        var file = Data(#"{"vendors":[],"request":"#.utf8)
        file.append(body)
        file.append(Data("}".utf8))
        do {
            return try PlanFile.decode(file).request
        } catch var error as PlanningInputError {
            if error.field.hasPrefix("request.") { error.field.removeFirst("request.".count) }
            throw error
        }
    }

    /// When planning starts: the request's start, or now if that is later.
    public static func origin(of request: FeasibilityRequest, now: Date) -> Instant {
        max(request.start, Instant(now))
    }

    /// Checks `request` on `index` with the account's preferred and excluded vendors added to
    /// the request's own. Throws `PlanningInputError` (e.g. a preferred vendor that is unknown).
    public static func run(
        _ request: FeasibilityRequest, on index: CapacityIndex, now: Date,
        preferences: PlanningPreferences = PlanningPreferences(), options: PlanningOptions = .standard
    ) throws -> FeasibilityResult {
        let planned = preferences.applied(to: request, index: index)
        return try index.check(planned, now: origin(of: planned, now: now), options: options)
    }

    /// The stored vendors and the request as `tandem plan`'s input, with the start moved to
    /// when the check planned from, so that `tandem plan` gives the same answer.
    public static func planFile(
        _ request: FeasibilityRequest, on index: CapacityIndex, now: Date,
        preferences: PlanningPreferences = PlanningPreferences()
    ) -> PlanFile {
        var planned = preferences.applied(to: request, index: index)
        planned.start = origin(of: planned, now: now)
        let vendors = index.vendorIDs.sorted().compactMap { index.vendor($0) }
        return PlanFile(vendors: vendors, request: planned)
    }
}

/// An account's standing wishes about vendors (client requests, past complaints): preferred
/// vendors are chosen first, excluded ones never. Ids as the index knows them.
public struct PlanningPreferences: Sendable, Equatable {
    public var preferred: [VendorID]
    public var excluded: [VendorID]

    public init(preferred: [VendorID] = [], excluded: [VendorID] = []) {
        self.preferred = preferred
        self.excluded = excluded
    }

    /// An account's stored preferences as the engine knows its vendors.
    public init(stored: [VendorPreference]) {
        self.init(
            preferred: stored.filter { $0.kind == .preferred }.map { VendorID($0.vendorID.description) },
            excluded: stored.filter { $0.kind == .excluded }.map { VendorID($0.vendorID.description) })
    }

    /// The preferences stored for `account`.
    public static func of(_ account: Account.ID, in stores: Stores) async throws -> PlanningPreferences {
        PlanningPreferences(stored: try await stores.vendorPreferences.preferences(of: account))
    }

    /// The request with these added to its own lists; vendors the index does not plan (e.g.
    /// deactivated since) are left out, and an exclusion wins over a preference.
    func applied(to request: FeasibilityRequest, index: CapacityIndex) -> FeasibilityRequest {
        var out = request
        let excluded = excluded.filter { index.vendor($0) != nil }
        for id in excluded where !out.excludedVendors.contains(id) { out.excludedVendors.append(id) }
        for id in preferred where index.vendor(id) != nil && !out.preferredVendors.contains(id) {
            if !out.excludedVendors.contains(id) { out.preferredVendors.append(id) }
        }
        return out
    }
}
