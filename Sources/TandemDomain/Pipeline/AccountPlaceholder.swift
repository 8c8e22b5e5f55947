// Stands in for the accounts side's `Account` until branch `crm` is merged (then removed).
public struct Account: Sendable {
    public typealias ID = Identifier<Account>
}
