import Foundation
import TandemDomain

/// Calls, meetings, e-mails and notes on any record (an account, an opportunity), with next
/// steps and the overdue ones of a person for their dashboard.
public struct ClientActivities: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct ActivityInput: Sendable, Equatable {
        public var kind: String
        /// When it happened; nil is now.
        public var occurredAt: Date?
        public var text: String
        public var nextStep: String
        /// ISO day; empty for none.
        public var nextStepDue: String
        /// Whose next step it is; nil is the author.
        public var ownerId: User.ID?
        public var contactId: Contact.ID?
        public init(
            kind: String, occurredAt: Date? = nil, text: String, nextStep: String = "", nextStepDue: String = "",
            ownerId: User.ID? = nil, contactId: Contact.ID? = nil
        ) {
            self.kind = kind
            self.occurredAt = occurredAt
            self.text = text
            self.nextStep = nextStep
            self.nextStepDue = nextStepDue
            self.ownerId = ownerId
            self.contactId = contactId
        }
    }

    /// Logs an activity on `subject`. The caller has checked that the subject exists and that the
    /// user may see it (for accounts, `logOnAccount` does both).
    public func log(on subject: RecordSubject, _ input: ActivityInput, by user: User) async throws -> Activity {
        guard Policy.permits(user, .logActivity) else { throw AccountManagement.forbidden }
        var errors: [DomainError] = []
        let kind = Activity.Kind(rawValue: input.kind)
        if kind == nil {
            errors.append(
                .invalid(
                    "kind", "error.activity.kind", ["value": input.kind],
                    fallback: "Choose call, meeting, e-mail or note."))
        }
        var text = ""
        var nextStep = ""
        var due: LocalDate?
        do { text = try AccountRules.limited(input.text, field: "text", max: 5000) } catch {
            errors += error.domainErrors
        }
        if text.isEmpty, errors.allSatisfy({ $0.field != "text" }) {
            errors.append(.invalid("text", "error.activity.text_required", fallback: "Say what happened."))
        }
        do { nextStep = try AccountRules.limited(input.nextStep, field: "nextStep", max: 500) } catch {
            errors += error.domainErrors
        }
        do { due = try AccountValidation.day(input.nextStepDue, field: "nextStepDue") } catch {
            errors += error.domainErrors
        }
        if due != nil, nextStep.isEmpty {
            errors.append(
                .invalid("nextStep", "error.activity.next_step_required", fallback: "Say what the next step is."))
        }
        if let owner = input.ownerId {
            let person = try await env.stores.users.find(id: owner)
            if person?.isActive != true || !Policy.permits(person!, .logActivity) {
                errors.append(
                    .invalid(
                        "ownerId", "error.activity.owner",
                        fallback: "Choose an active colleague who works with clients."))
            }
        }
        try ValidationErrors.check(errors)
        let activity = Activity(
            id: env.ids(), subject: subject, kind: kind!, occurredAt: input.occurredAt ?? env.now, text: text,
            nextStep: nextStep, nextStepDue: due, ownerId: input.ownerId ?? user.id, authorId: user.id,
            contactId: input.contactId, createdAt: env.now)
        try await env.stores.activities.create(activity)
        return activity
    }

    /// Logs an activity on an account (it must exist).
    public func logOnAccount(_ id: Account.ID, _ input: ActivityInput, by user: User) async throws -> Activity {
        guard Policy.permits(user, .viewAccounts) else { throw AccountManagement.forbidden }
        guard try await env.stores.accounts.find(id: id) != nil else { throw DomainError.accountNotFound }
        if let contact = input.contactId, try await env.stores.contacts.find(id: contact)?.accountId != id {
            throw ValidationErrors([
                .invalid("contactId", "error.activity.contact", fallback: "Choose a contact of this account.")
            ])
        }
        return try await log(on: .account(id), input, by: user)
    }

    /// The activities of a record, newest first.
    public func activities(of subject: RecordSubject, for user: User) async throws -> [Activity] {
        guard Policy.permits(user, .logActivity) else { throw AccountManagement.forbidden }
        return try await env.stores.activities.list(subject: subject)
    }

    /// Ticks a next step off (or on again): its author, its owner, managers and admins.
    public func setDone(_ id: Activity.ID, _ isDone: Bool, by user: User) async throws -> Activity {
        guard var activity = try await env.stores.activities.find(id: id) else { throw DomainError.activityNotFound }
        guard activity.ownerId == user.id || Policy.permits(user, .editActivity(author: activity.authorId)) else {
            throw AccountManagement.forbidden
        }
        try await env.stores.activities.setDone(id, isDone)
        activity.isDone = isDone
        return activity
    }

    /// The open next steps of `owner` due before `today` (in the organisation's or the user's
    /// zone, as the caller decides), oldest first: for the "My work" dashboard.
    public func overdueNextSteps(of owner: User.ID, today: LocalDate) async throws -> [Activity] {
        try await env.stores.activities.overdueNextSteps(owner: owner, today: today)
    }
}
