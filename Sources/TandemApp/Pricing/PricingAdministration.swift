import Foundation
import TandemDomain

/// What admins keep for pricing: workflow templates, the effort grid, the default cost rates,
/// the margin floor and the standard turnaround; admins and managers set an account's own margin
/// floor. Permissions are checked by the caller (`Policy`).
public struct PricingAdministration: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public func workflows() async throws -> [WorkflowTemplate] { try await env.stores.pricing.workflows.list() }

    public func workflow(for service: LinguisticService) async throws -> WorkflowTemplate {
        try await env.stores.pricing.workflows.template(for: service)
    }

    /// A workflow step as a form or the API sends it.
    public struct StepInput: Sendable, Equatable {
        public var service: String
        public var performer: String
        public var unit: String
        public var effort: String
        public var fixedHours: String?
        public init(service: String, performer: String, unit: String, effort: String, fixedHours: String? = nil) {
            self.service = service
            self.performer = performer
            self.unit = unit
            self.effort = effort
            self.fixedHours = fixedHours
        }
    }

    /// Replaces the steps of `service`'s workflow; `expectedVersion` guards concurrent edits.
    public func saveWorkflow(service raw: String, steps: [StepInput], expectedVersion: Int) async throws
        -> WorkflowTemplate
    {
        var errors: [DomainError] = []
        var service: LinguisticService?
        do { service = try LinguisticService(parsing: raw, field: "service") } catch { errors += error.domainErrors }
        var parsed: [WorkflowStep] = []
        for (index, step) in steps.enumerated() {
            do { parsed.append(try Self.step(step, field: "steps[\(index)]")) } catch { errors += error.domainErrors }
        }
        try ValidationErrors.check(errors)
        let template = WorkflowTemplate(service: service!, steps: parsed)
        try WorkflowTemplate.validate(template)
        guard
            let saved = try await env.stores.pricing.workflows.save(
                template, expectedVersion: expectedVersion, at: env.now)
        else { throw Self.editedMeanwhile("error.workflow.edited_meanwhile") }
        return saved
    }

    static func step(_ input: StepInput, field: String) throws -> WorkflowStep {
        var errors: [DomainError] = []
        var service: LinguisticService?
        do { service = try LinguisticService(parsing: input.service, field: "\(field).service") } catch {
            errors += error.domainErrors
        }
        func choice<T: RawRepresentable>(_ raw: String, _ name: String) -> T? where T.RawValue == String {
            guard let value = T(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()) else {
                errors.append(
                    .invalid("\(field).\(name)", "error.field.unknown", fallback: "Choose one of the listed values."))
                return nil
            }
            return value
        }
        let performer: StepPerformer? = choice(input.performer, "performer")
        let unit: PriceUnit? = choice(input.unit, "unit")
        let effort: EffortBasis? = choice(input.effort, "effort")
        var hours: Decimal?
        if let text = input.fixedHours?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            hours = Decimal(canonical: text)
            if hours == nil {
                errors.append(
                    .invalid(
                        "\(field).fixedHours", "error.workflow.hours.invalid", [:],
                        fallback: "An internal step needs a duration in hours, above 0 and at most 80."))
            }
        }
        try ValidationErrors.check(errors)
        let internalStep = performer == .projectManager
        return WorkflowStep(
            service: service!, performer: performer!, unit: internalStep ? .hour : unit!,
            effort: internalStep ? .fixed : effort!, fixedHours: internalStep ? hours : nil)
    }

    public func settings() async throws -> PricingSettings { try await env.stores.pricing.settings.load() }

    /// The settings form: the effort grid (band → percent), default cost rates per word, page
    /// and hour (base currency), the margin floor, the standard pace and lead days.
    public struct SettingsInput: Sendable, Equatable {
        public var effortGrid: [String: String]
        public var costPerWord: String
        public var costPerPage: String
        public var costPerHour: String
        public var marginFloor: String
        public var wordsPerDay: String
        public var leadTimeDays: String
        public init(
            effortGrid: [String: String], costPerWord: String, costPerPage: String, costPerHour: String,
            marginFloor: String, wordsPerDay: String, leadTimeDays: String
        ) {
            self.effortGrid = effortGrid
            self.costPerWord = costPerWord
            self.costPerPage = costPerPage
            self.costPerHour = costPerHour
            self.marginFloor = marginFloor
            self.wordsPerDay = wordsPerDay
            self.leadTimeDays = leadTimeDays
        }

        public init(_ settings: PricingSettings) {
            self.init(
                effortGrid: Dictionary(
                    uniqueKeysWithValues: settings.effortGrid.percents.map {
                        ($0.key.rawValue, $0.value.canonicalString)
                    }),
                costPerWord: settings.defaultCostRates.perWord.canonicalString,
                costPerPage: settings.defaultCostRates.perPage.canonicalString,
                costPerHour: settings.defaultCostRates.perHour.canonicalString,
                marginFloor: settings.marginFloorPercent.canonicalString,
                wordsPerDay: String(settings.standardTurnaround.wordsPerDay),
                leadTimeDays: String(settings.standardTurnaround.leadTimeDays))
        }
    }

    public func saveSettings(_ input: SettingsInput, expectedVersion: Int) async throws -> PricingSettings {
        var reader = FieldReader()
        var grid: PriceGrid?
        do { grid = try PriceGrid.parse(input.effortGrid, field: "effortGrid") } catch {
            reader.errors += error.domainErrors
        }
        let perWord = RateCardInput.decimal(&reader, input.costPerWord, "costPerWord", range: 0...1_000)
        let perPage = RateCardInput.decimal(&reader, input.costPerPage, "costPerPage", range: 0...10_000)
        let perHour = RateCardInput.decimal(&reader, input.costPerHour, "costPerHour", range: 0...10_000)
        let floor = RateCardInput.decimal(&reader, input.marginFloor, "marginFloor", range: 0...100)
        let pace = reader.wholeNumber(input.wordsPerDay, "wordsPerDay", range: 100...20_000)
        let lead = reader.wholeNumber(input.leadTimeDays, "leadTimeDays", range: 0...30)
        try reader.check()
        let settings = PricingSettings(
            effortGrid: EffortGrid(percents: grid!.percents),
            defaultCostRates: DefaultCostRates(perWord: perWord!, perPage: perPage!, perHour: perHour!),
            marginFloorPercent: floor!, standardTurnaround: StandardTurnaround(wordsPerDay: pace!, leadTimeDays: lead!),
            version: expectedVersion)
        guard let saved = try await env.stores.pricing.settings.save(settings, expectedVersion: expectedVersion) else {
            throw Self.editedMeanwhile("error.pricing.settings_edited_meanwhile")
        }
        return saved
    }

    public func accountMarginFloors() async throws -> [Account.ID: Decimal] {
        try await env.stores.pricing.settings.accountMarginFloors()
    }

    /// Sets an account's own margin floor; empty text removes it (the organisation's applies).
    public func setAccountMarginFloor(_ accountID: Account.ID, _ text: String) async throws {
        guard try await env.stores.accounts.find(id: accountID) != nil else {
            throw ValidationErrors([
                .invalid("accountId", "error.field.unknown", fallback: "Choose one of the listed values.")
            ])
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let percent =
            trimmed.isEmpty ? nil : try ValidationErrors.wrap { try MarginFloor.parse(trimmed, field: "marginFloor") }
        try await env.stores.pricing.settings.setMarginFloor(percent, for: accountID, at: env.now)
    }

    public func marginFloor(for accountID: Account.ID?) async throws -> MarginFloor {
        try await env.stores.pricing.settings.marginFloor(for: accountID)
    }

    static func editedMeanwhile(_ key: String) -> DomainError {
        .conflict(
            field: "version", key: key, arguments: [:],
            fallback: "Someone saved these settings meanwhile; reload them and edit again.")
    }
}

extension ValidationErrors {
    /// Runs `body`, turning a single `DomainError` into `ValidationErrors` (forms expect a list).
    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DomainError { throw ValidationErrors([error]) }
    }
}
