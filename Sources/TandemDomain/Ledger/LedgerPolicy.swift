extension Policy {
    /// The promise ledger: sales and PMs see the same ledger (sales without vendor names, which
    /// `viewVendors` guards); the sales owner, PMs and supervisors renegotiate (the client agreed);
    /// PMs and supervisors record deliveries, evaluations and complaints; change orders are the
    /// sales owner's, PMs' and supervisors'.
    static func permitsLedgerWork(_ user: User, _ action: Action) -> Bool {
        let roles = user.roles
        let supervises = !roles.isDisjoint(with: supervisors)
        switch action {
        case .viewLedger:
            return !roles.isDisjoint(with: clientRoles)
        case .renegotiatePromise(let owner), .manageChangeOrders(let owner):
            return supervises || roles.contains(.pm) || (roles.contains(.sales) && owner == user.id)
        case .recordDelivery, .evaluateQuality, .recordComplaint:
            return supervises || roles.contains(.pm)
        case .setClientTimeZone(let owner):
            return supervises || roles.contains(.pm) || (roles.contains(.sales) && owner == user.id)
        default:
            return false
        }
    }
}
