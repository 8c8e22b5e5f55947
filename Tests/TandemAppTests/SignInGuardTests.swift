import Foundation
import Testing

@testable import TandemApp

@Suite("The sign-in guard bounds verifications per account")
struct SignInGuardTests {
    @Test func aThirdVerificationAtOnceIsRefusedUntilOneEnds() async {
        let signInGuard = SignInGuard(maximumConcurrentPerKey: 2)
        #expect(await signInGuard.enter("email:ada@lumen.example"))
        #expect(await signInGuard.enter("email:ada@lumen.example"))
        #expect(await !signInGuard.enter("email:ada@lumen.example"))
        #expect(await signInGuard.enter("email:bob@lumen.example"), "another account has its own bound")
        await signInGuard.leave("email:ada@lumen.example")
        #expect(await signInGuard.enter("email:ada@lumen.example"))
    }

    @Test func theDummyHashIsMadeOnce() async throws {
        struct CountingHashing: PasswordHashing {
            let made = Made()
            final class Made: @unchecked Sendable {
                private let lock = NSLock()
                private var count = 0
                func add() { lock.withLock { count += 1 } }
                var value: Int { lock.withLock { count } }
            }
            func hash(_ password: String) async throws -> String {
                made.add()
                return "hash-\(made.value)"
            }
            func verify(_ password: String, against hash: String) async throws -> Bool { false }
        }
        let hashing = CountingHashing()
        let signInGuard = SignInGuard()
        let first = try await signInGuard.dummy(using: hashing)
        let second = try await signInGuard.dummy(using: hashing)
        #expect(first == second && hashing.made.value == 1)
    }
}
