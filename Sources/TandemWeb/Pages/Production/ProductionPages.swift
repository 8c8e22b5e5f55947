import Foundation
import TandemApp
import TandemDomain
import Vapor

/// Production's pages (docs/production.md): the PM's day, the project page's production part
/// and its forms, purchase orders.
enum ProductionPages {
    static func register(_ routes: any RoutesBuilder) {
        PurchaseOrderDocument.register(pages: routes)
    }
}
