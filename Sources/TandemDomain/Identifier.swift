import Foundation

/// A typed identifier: `Identifier<User>` and `Identifier<Vendor>` cannot be mixed up.
public struct Identifier<Owner>: Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    public let rawValue: UUID

    public init(_ rawValue: UUID) { self.rawValue = rawValue }

    public init?(uuidString: String) {
        guard let uuid = UUID(uuidString: uuidString) else { return nil }
        self.rawValue = uuid
    }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue.uuidString.lowercased() }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue.uuidString < rhs.rawValue.uuidString }
}

/// Makes identifiers; tests pass a deterministic one.
public struct IdentifierGenerator: Sendable {
    private let make: @Sendable () -> UUID
    public init(_ make: @escaping @Sendable () -> UUID) { self.make = make }
    public func callAsFunction<Owner>(_ type: Owner.Type = Owner.self) -> Identifier<Owner> { Identifier(make()) }
    public func uuid() -> UUID { make() }

    public static let random = IdentifierGenerator { UUID() }

    /// Deterministic UUIDs 00000000-0000-0000-0000-000000000001, ...2, ... for tests and demo seeding.
    public static func sequential(startingAt start: Int = 1) -> IdentifierGenerator {
        let counter = Counter(start)
        return IdentifierGenerator {
            let n = counter.next()
            return UUID(uuidString: String(format: "00000000-0000-0000-0000-%012llx", UInt64(n)))!
        }
    }
}

private final class Counter: @unchecked Sendable {
    // Guarded by the lock; the only mutable shared state, kept private to the generator.
    private var value: Int
    private let lock = NSLock()
    init(_ start: Int) { value = start }
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        defer { value += 1 }
        return value
    }
}
