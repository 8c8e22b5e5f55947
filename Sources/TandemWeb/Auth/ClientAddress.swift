import Vapor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An address range such as `10.0.0.0/8` or `::1/128`; a bare address is a range of one.
public struct CIDR: Sendable, Equatable, CustomStringConvertible {
    let network: [UInt8]
    let prefixLength: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = Self.bytes(of: String(parts[0])) else { return nil }
        let maximum = address.count * 8
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...maximum).contains(length) else { return nil }
            prefixLength = length
        } else {
            prefixLength = maximum
        }
        network = address
    }

    public func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address), bytes.count == network.count else { return false }
        var remaining = prefixLength
        for (a, b) in zip(bytes, network) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if a & mask != b & mask { return false }
            remaining -= bits
        }
        return true
    }

    public var description: String {
        let text =
            network.count == 4
            ? network.map(String.init).joined(separator: ".")
            : stride(from: 0, to: 16, by: 2).map {
                String(UInt16(network[$0]) << 8 | UInt16(network[$0 + 1]), radix: 16)
            }
            .joined(separator: ":")
        return "\(text)/\(prefixLength)"
    }

    /// The 4 or 16 bytes of an IPv4 or IPv6 address (an IPv4-mapped IPv6 address gives 4).
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return Array(bytes[12...])
        }
        return bytes
    }
}

/// The address a request comes from, for throttling and logs.
enum ClientAddress {
    /// The peer's address; behind a trusted proxy, the right-most `X-Forwarded-For` hop that is
    /// not itself a trusted proxy. The header is ignored unless the peer is trusted, since anyone
    /// can send it.
    static func resolve(peer: String?, forwardedFor: [String], trusted: [CIDR]) -> String {
        guard let peer else { return "unknown" }
        func isTrusted(_ address: String) -> Bool { trusted.contains { $0.contains(address) } }
        guard isTrusted(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard CIDR.bytes(of: hop) != nil else { return peer }  // a malformed hop: stop believing the chain
            if !isTrusted(hop) { return hop }
        }
        return hops.first(where: { CIDR.bytes(of: $0) != nil }) ?? peer
    }
}

extension Request {
    /// Where this request comes from, following `TANDEM_TRUSTED_PROXIES`.
    var clientAddress: String {
        ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
            trusted: tandem.config.trustedProxies)
    }
}
