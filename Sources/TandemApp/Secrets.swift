import Crypto
import Foundation

/// Random secrets for cookies, tokens and links, and the hashes stored in their place.
/// (swift-crypto, not Vapor: the application layer makes invitation links too.)
public enum Secrets {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// `length` characters from a 62-letter alphabet: 40 characters carry about 238 bits.
    public static func random(length: Int = 40) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// SHA-256 in hex. Secrets are long and random, so a fast hash suffices (no bcrypt needed).
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Constant-time comparison for CSRF tokens.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
