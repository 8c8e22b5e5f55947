import Foundation
import Testing

@testable import TandemDomain

@Suite("Accounts: values and near duplicates")
struct AccountRulesTests {
    static func summary(_ name: String, website: String = "") -> AccountSummary {
        AccountSummary(
            id: Account.ID(UUID()), name: name, website: website, status: .active, ownerId: nil)
    }

    @Test func aNameIsRequired() throws {
        #expect { try AccountRules.name("   ") } throws: { ($0 as? DomainError)?.field == "name" }
        #expect(try AccountRules.name("  Acme ") == "Acme")
    }

    @Test func onlyKnownCurrenciesAreAccepted() throws {
        #expect(try AccountRules.currency("eur") == .eur)
        #expect { try AccountRules.currency("EUX") } throws: { ($0 as? DomainError)?.key == "error.currency.unknown" }
    }

    @Test func websitesGetASchemeAndNeedAHost() throws {
        #expect(try AccountRules.website("acme.example") == "https://acme.example")
        #expect(try AccountRules.website("") == "")
        #expect { try AccountRules.website("not a site") } throws: { ($0 as? DomainError)?.field == "website" }
    }

    @Test func countriesAreTwoLetters() throws {
        #expect(try AccountRules.country("fr") == "FR")
        #expect { try AccountRules.country("France") } throws: { ($0 as? DomainError)?.field == "country" }
    }

    @Test func labelsAreTrimmedAndDeduplicatedIgnoringCase() throws {
        #expect(try AccountRules.labels([" Medical ", "medical", "", "Legal"], field: "tags") == ["Medical", "Legal"])
    }

    @Test func languagePairsReadArrowsAndChevrons() throws {
        #expect(try AccountRules.languagePair("en>fr-fr").description == "en → fr-FR")
        #expect(try AccountRules.languagePair("de→en").target.description == "en")
        #expect { try AccountRules.languagePair("english") } throws: { ($0 as? DomainError)?.field == "languagePairs" }
    }

    @Test(arguments: [
        ("ACME Corp", "Acme Corporation"), ("Société Générale S.A.", "Societe Generale"),
        ("Nordlicht Medical GmbH", "Nordlicht Medical"), ("Brightpath Software Inc.", "BrightPath Sofware"),
    ])
    func nearNamesAreFound(new: String, existing: String) {
        #expect(AccountSimilarity.similar(name: new, website: "", among: [Self.summary(existing)]).count == 1)
    }

    @Test(arguments: [("Acme", "Apex"), ("Nordlicht Medical", "Nordlicht Legal"), ("ABC Ltd", "XYZ Ltd")])
    func differentNamesAreNot(new: String, existing: String) {
        #expect(AccountSimilarity.similar(name: new, website: "", among: [Self.summary(existing)]).isEmpty)
    }

    @Test func theSameWebsiteDomainIsADuplicate() {
        let existing = [Self.summary("Totally Different", website: "https://www.acme.example/en")]
        #expect(AccountSimilarity.similar(name: "New one", website: "acme.example", among: existing).count == 1)
        #expect(AccountSimilarity.similar(name: "New one", website: "other.example", among: existing).isEmpty)
    }

    @Test func foldingIgnoresCaseAccentsAndPunctuation() {
        #expect(TextFolding.fold("  Zürich-Versicherung, AG ") == "zurich versicherung ag")
        #expect(TextFolding.domain(of: "HTTPS://WWW.Example.COM:8443/path") == "example.com")
    }

    @Test func accountFieldsApplyToOneColumnEach() throws {
        var account = Account(
            id: Account.ID(UUID()), name: "A", currency: .eur, createdAt: Date(timeIntervalSince1970: 0))
        AccountField.paymentTermsDays(30).apply(to: &account)
        AccountField.inCountryReview(InCountryReview(isRequired: true, workingDays: 5)).apply(to: &account)
        #expect(account.terms.paymentTermsDays == 30)
        #expect(account.terms.inCountryReview.workingDays == 5)
        #expect(account.name == "A")
    }
}
