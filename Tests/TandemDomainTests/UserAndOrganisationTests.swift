import Foundation
import Testing

@testable import TandemDomain

@Suite("Users and organisation settings")
struct UserAndOrganisationTests {
    @Test func emailAddressesAreTrimmedAndLowerCased() throws {
        #expect(try EmailAddress("  Ada@Example.COM ").value == "ada@example.com")
    }

    @Test(arguments: ["", "ada", "ada@", "@example.com", "ada@example", "ada smith@example.com", "ada@.com"])
    func badEmailAddressesAreRefusedWithTheField(input: String) {
        #expect { try EmailAddress(input) } throws: { ($0 as? DomainError)?.field == "email" }
    }

    @Test func newUserNeedsANameAndARole() throws {
        let email = try EmailAddress("a@b.co")
        #expect { try NewUser(email: email, displayName: "  ", roles: [.pm], passwordHash: nil) } throws: {
            ($0 as? DomainError)?.field == "displayName"
        }
        #expect { try NewUser(email: email, displayName: "Ada", roles: [], passwordHash: nil) } throws: {
            ($0 as? DomainError)?.field == "roles"
        }
        #expect(try NewUser(email: email, displayName: " Ada ", roles: [.pm], passwordHash: nil).displayName == "Ada")
    }

    @Test func passwordsNeedTenCharacters() throws {
        #expect(throws: DomainError.self) { try PasswordRules.validate("short-pw") }
        try PasswordRules.validate("long enough")
    }

    @Test func roleListsParseAndPrintInAFixedOrder() throws {
        #expect(try Role.parseList("pm, sales") == [.pm, .sales])
        #expect(Role.listString([.vendorManager, .admin, .pm]) == "admin,pm,vendor-manager")
        #expect { try Role.parseList("sales,boss") } throws: { ($0 as? DomainError)?.field == "roles" }
    }

    @Test func organisationSettingsValidateTimeZoneAndWorkingWeek() throws {
        #expect {
            try OrganisationSettings(
                name: "X", baseCurrency: .eur, timeZone: "Europe/Pariss", workingDays: [.mon], defaultLocale: "en",
                holidays: [])
        } throws: { $0.domainErrors.map(\.field) == ["timeZone"] }
        #expect {
            try OrganisationSettings(
                name: "X", baseCurrency: .eur, timeZone: "UTC", workingDays: [], defaultLocale: "en", holidays: [])
        } throws: { $0.domainErrors.map(\.field) == ["workingDays"] }
        // Every problem at once, repeated holiday dates included.
        let christmas = try LocalDate(iso: "2026-12-25")
        #expect {
            try OrganisationSettings(
                name: " ", baseCurrency: .eur, timeZone: "Mars/Olympus", workingDays: [], defaultLocale: "en",
                holidays: [PublicHoliday(date: christmas, name: "Noël"), PublicHoliday(date: christmas, name: "Xmas")])
        } throws: { $0.domainErrors.map(\.field) == ["name", "timeZone", "workingDays", "holidays"] }
        let settings = try OrganisationSettings(
            name: " Lumen ", baseCurrency: .eur, timeZone: "Europe/Paris", workingDays: [.mon], defaultLocale: "fr",
            holidays: [
                PublicHoliday(date: try LocalDate(iso: "2027-05-01"), name: "b"),
                PublicHoliday(date: try LocalDate(iso: "2026-12-25"), name: "a"),
            ])
        #expect(settings.name == "Lumen")
        #expect(settings.holidays.map(\.name) == ["a", "b"])
    }

    @Test func localDatesRefuseImpossibleDays() throws {
        #expect(try LocalDate(iso: "2028-02-29").description == "2028-02-29")
        for bad in ["2027-02-29", "2026-13-01", "26-01-01", "2026/01/01", "2026-1-1"] {
            #expect(throws: DomainError.self, "\(bad)") { try LocalDate(iso: bad) }
        }
    }
}

@Suite("Sign-in throttle")
struct LoginThrottleTests {
    @Test func accountsAndAddressesHaveTheirOwnLimits() {
        let throttle = LoginThrottle()
        #expect(throttle.allowsAttempt(accountFailures: 4, addressFailures: 19))
        #expect(!throttle.allowsAttempt(accountFailures: 5, addressFailures: 0))
        #expect(!throttle.allowsAttempt(accountFailures: 0, addressFailures: 20))
    }
}
