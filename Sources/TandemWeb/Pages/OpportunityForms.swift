import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The new and edit forms of an opportunity: what was typed, the choices, the errors by field.
struct OpportunityFormContext: Encodable {
    struct Check: Encodable {
        var value: String
        var labelKey: String
        var checked: Bool
    }
    var shell: PageShell
    var isNew: Bool
    var action: String
    var backHref: String
    var accounts: [SelectOption]
    var owners: [SelectOption]
    var pms: [SelectOption]
    var services: [Check]
    var form: OpportunityPages.Form
    var errors: [String: String]
    var summary: String?
}

extension OpportunityPages {
    /// The form as posted; every field a string, kept as typed when it is shown again.
    struct Form: Content {
        var accountId: String?
        var name: String?
        var sourceLanguage: String?
        var targetLanguages: String?
        var services: [String]?
        var estimatedWords: String?
        var amount: String?
        var currency: String?
        var closeDate: String?
        var ownerId: String?
        var partnerPmId: String?
        var probability: String?
        var nextStep: String?
        var nextStepDue: String?
        var capabilityBuilding: String?
        var capabilityReason: String?
        var version: String?

        static func targets(_ text: String?) -> [String] {
            (text ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
        }

        var input: OpportunityManagement.Input {
            .init(
                accountID: accountId ?? "", name: name ?? "", sourceLanguage: sourceLanguage ?? "",
                targetLanguages: Self.targets(targetLanguages), services: services ?? [],
                estimatedWords: estimatedWords, amount: amount ?? "", currency: currency ?? "",
                closeDate: closeDate ?? "", ownerID: ownerId, partnerPmID: partnerPmId,
                capabilityBuilding: capabilityBuilding == "on" || capabilityBuilding == "true",
                capabilityReason: capabilityReason ?? "", nextStep: nextStep ?? "", nextStepDue: nextStepDue)
        }

        /// Every field of the edit form as a change (the form shows them all).
        var patch: OpportunityManagement.Patch {
            var p = OpportunityManagement.Patch()
            p.name = name ?? ""
            p.sourceLanguage = sourceLanguage ?? ""
            p.targetLanguages = Self.targets(targetLanguages)
            p.services = services ?? []
            p.estimatedWords = .some(estimatedWords)
            p.expectedValue = (amount ?? "", currency ?? "")
            p.closeDate = closeDate ?? ""
            if let ownerId, !ownerId.isEmpty { p.ownerID = ownerId }
            p.partnerPmID = .some(partnerPmId)
            let probabilityText = (probability ?? "").trimmingCharacters(in: .whitespaces)
            p.probability = .some(probabilityText.isEmpty ? nil : Int(probabilityText) ?? -1)
            p.nextStep = nextStep ?? ""
            p.nextStepDue = .some(nextStepDue)
            p.capabilityBuilding = capabilityBuilding == "on" || capabilityBuilding == "true"
            p.capabilityReason = capabilityReason ?? ""
            p.version = version.flatMap { Int($0) }
            return p
        }

        init(_ o: Opportunity) {
            accountId = o.accountID.description
            name = o.name
            sourceLanguage = o.sourceLanguage.description
            targetLanguages = o.targetLanguages.map(\.description).joined(separator: ", ")
            services = o.services.map(\.rawValue)
            estimatedWords = o.estimatedWords.map(String.init)
            amount = o.expectedValue.amount.canonicalString
            currency = o.expectedValue.currency.code
            closeDate = o.closeDate.description
            ownerId = o.ownerID.description
            partnerPmId = o.partnerPmID?.description
            probability = o.probabilityOverride.map(String.init)
            nextStep = o.nextStep
            nextStepDue = o.nextStepDue?.description
            capabilityBuilding = o.capabilityBuilding ? "on" : nil
            capabilityReason = o.capabilityReason
            version = String(o.version)
        }

        init(accountId: String?, currency: String) {
            self.accountId = accountId
            self.currency = currency
            sourceLanguage = "en"
        }
    }

    /// Field errors under the form's names (`expectedValue.amount` is the `amount` field, and so on).
    static func formErrors(_ error: any Error, in req: Request) -> (messages: [String: String], summary: String?) {
        var errors = FormErrors()
        errors.add(error, in: req)
        var messages: [String: String] = [:]
        for (field, message) in errors.messages {
            let name: String
            switch field {
            case "expectedValue.amount": name = "amount"
            case "expectedValue.currency": name = "currency"
            default: name = String(field.split(separator: ".").first ?? "")
            }
            if messages[name] == nil { messages[name] = message }
        }
        return (messages, errors.summary)
    }

    static func formContext(
        _ req: Request, title: String, isNew: Bool, action: String, back: String, form: Form,
        errors: [String: String] = [:], summary: String? = nil
    ) async throws -> OpportunityFormContext {
        let users = try await req.stores.users.list().filter(\.isActive)
        let accounts = try await req.stores.accountOptions()
        func options(_ people: [User], _ chosen: String?, none: Bool) -> [SelectOption] {
            (none ? [SelectOption(value: "", label: "—", selected: (chosen ?? "").isEmpty)] : [])
                + people.map {
                    SelectOption(value: $0.id.description, label: $0.displayName, selected: $0.id.description == chosen)
                }
        }
        let chosen = Set(form.services ?? [])
        return OpportunityFormContext(
            shell: try await req.shell(title: title, area: .opportunities), isNew: isNew, action: action,
            backHref: back,
            accounts: [SelectOption(value: "", label: "—", selected: (form.accountId ?? "").isEmpty)]
                + accounts.map {
                    SelectOption(
                        value: $0.id.description, label: $0.name, selected: $0.id.description == form.accountId)
                },
            owners: options(
                users.filter { !$0.roles.isDisjoint(with: [.sales, .manager, .admin]) },
                form.ownerId ?? req.currentUser?.id.description, none: false),
            pms: options(users.filter { $0.has(.pm) }, form.partnerPmId, none: true),
            services: LanguageService.allCases.map {
                OpportunityFormContext.Check(
                    value: $0.rawValue, labelKey: "service.\($0.rawValue)", checked: chosen.contains($0.rawValue))
            },
            form: form, errors: errors, summary: summary)
    }
}
