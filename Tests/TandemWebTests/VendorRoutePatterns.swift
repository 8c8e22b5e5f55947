@testable import TandemWeb

/// The vendor pages and API routes, for the route-registration test.
enum VendorRoutePatterns {
    static let pages: [SiteRoute] = [
        .newVendor, .vendorImport, .vendorImportMapping, .vendorImportConfirm, .vendorExport, .vendor(":id"),
        .vendorEdit(":id"), .vendorDeactivate(":id"), .vendorAbsences(":id"), .vendorAbsenceRemove(":id", ":absenceId"),
    ]
    static let api: [APIRoute] = [
        .vendors, .vendor(":id"), .vendorDeactivate(":id"), .vendorAbsences(":id"), .vendorAbsence(":id", ":absenceId"),
        .bookings, .tentativeHolds, .accountVendorPreferences(":id"),
    ]
}
