import Fluent
import Foundation
import TandemDomain
import TandemPersistence
import Vapor

/// What the running app needs besides Vapor's own services: configuration, the clock and the
/// identifier generator (tests pin both).
public struct AppContext: Sendable {
    public var config: TandemConfig
    public var clock: @Sendable () -> Date
    public var ids: IdentifierGenerator
    /// Makes the stores on a database connection (Fluent's, with this clock and generator);
    /// every request, command and seed reaches its stores through here.
    public var makeStores: @Sendable (any Database) -> Stores

    /// A page's full address, for links shown outside the browser (console, invitation pages).
    func link(to route: SiteRoute) -> String { config.baseURL + route.path }

    public init(
        config: TandemConfig, clock: @escaping @Sendable () -> Date = { Date() }, ids: IdentifierGenerator = .random
    ) {
        self.config = config
        self.clock = clock
        self.ids = ids
        self.makeStores = { database in .fluent(database, clock: clock, ids: ids) }
    }
}

struct AppContextKey: StorageKey { typealias Value = AppContext }

extension Application {
    public var tandem: AppContext {
        get {
            guard let context = storage[AppContextKey.self] else { fatalError("configure(_:context:) was not called") }
            return context
        }
        set { storage[AppContextKey.self] = newValue }
    }

    /// The stores on the app's default database (for start-up work, seeds and tests).
    public var stores: Stores { tandem.makeStores(db) }
}

extension Request {
    var tandem: AppContext { application.tandem }
    var now: Date { application.tandem.clock() }
    /// The live stores on this request's database connection.
    var stores: Stores { application.tandem.makeStores(db) }
}
