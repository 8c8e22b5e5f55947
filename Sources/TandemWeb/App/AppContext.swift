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

    public init(
        config: TandemConfig, clock: @escaping @Sendable () -> Date = { Date() }, ids: IdentifierGenerator = .random
    ) {
        self.config = config
        self.clock = clock
        self.ids = ids
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
}

extension Request {
    var tandem: AppContext { application.tandem }
    var now: Date { application.tandem.clock() }
    /// The live stores on this request's database connection.
    var stores: Stores { .fluent(db) }
}
