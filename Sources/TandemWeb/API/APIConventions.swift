import Foundation
import TandemDomain
import Vapor

// The shared shapes of the JSON API; docs/api.md describes them for callers.

extension Request {
    /// Decodes the JSON body. A body that is not JSON is a 400 `invalid_json`; a missing field,
    /// a null or a value of the wrong type is a 422 naming the field. A `Content-Type` other
    /// than JSON is a 415.
    func decodeJSON<Body: Decodable>(_ type: Body.Type = Body.self) throws -> Body {
        let data = try jsonBodyData()
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(Body.self, from: data)
        } catch let error as DecodingError {
            throw Self.apiError(for: DecodingProblem(error))
        }
    }

    /// The JSON body as it came, for a decoder of its own (such as the planning engine's): 415
    /// for a `Content-Type` other than JSON, 400 `invalid_json` when it is empty. Whether it is
    /// JSON at all is the decoder's to say, in the same single pass that reads it.
    func jsonBodyData() throws -> Data {
        if let contentType = headers.contentType,
            !(contentType.type == "application"
                && (contentType.subType == "json" || contentType.subType.hasSuffix("+json")))
        {
            throw Abort(.unsupportedMediaType)
        }
        guard let buffer = body.data, buffer.readableBytes > 0 else { throw APIError.invalidJSON }
        return Data(buffer.readableBytesView)
    }

    private static func apiError(for problem: DecodingProblem) -> APIError {
        switch problem {
        case .notJSON: return .invalidJSON
        case .notAnObject: return .bodyNotAnObject
        case .field(let error): return .invalidFields([error])
        }
    }
}

/// A page of a list: `{"items": [...], "nextCursor": "..." | null}`. `nextCursor` is null on the
/// last page; otherwise pass it back as `?cursor=` to get the next one.
struct ListEnvelope<Item: Content>: Content {
    var items: [Item]
    @NullWhenAbsent var nextCursor: String?

    init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// An optional member of an API shape that is written as `null` when it has no value, never left
/// out, so every documented key is always present (Swift's own encoding omits it).
@propertyWrapper
struct NullWhenAbsent<Value: Codable & Sendable>: Codable, Sendable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension NullWhenAbsent: Equatable where Value: Equatable {}

extension KeyedDecodingContainer {
    /// A missing key reads as no value, as for a plain optional.
    func decode<Value>(_ type: NullWhenAbsent<Value>.Type, forKey key: Key) throws -> NullWhenAbsent<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullWhenAbsent(wrappedValue: nil)
    }
}

/// `?limit=` (1 to 200, default 50) and `?cursor=` of a list request. The cursor is opaque to
/// callers: base64url of the JSON of the last item's sort key, so paging stays stable when
/// items are added or removed between requests.
struct ListRequest<Key: Codable & Comparable> {
    static var defaultLimit: Int { 50 }
    static var maximumLimit: Int { 200 }

    var limit: Int
    var after: Key?

    init(limit: Int = Self.defaultLimit, after: Key? = nil) {
        self.limit = limit
        self.after = after
    }

    /// Reads `limit` and `cursor`; both are checked and reported together (422).
    init(_ request: Request) throws {
        var problems: [FieldError] = []
        self.init(request, problems: &problems)
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
    }

    /// Reads `limit` and `cursor`, adding what is wrong with them to `problems`, for a list that
    /// reports them together with its own query parameters; the defaults stand in for bad values.
    init(_ request: Request, problems: inout [FieldError]) {
        limit = Self.defaultLimit
        if let raw = request.query[String.self, at: "limit"] {
            if let value = Int(raw.trimmingCharacters(in: .whitespaces)), (1...Self.maximumLimit).contains(value) {
                limit = value
            } else {
                problems.append(
                    FieldError(
                        field: "limit", code: "out_of_range", key: "error.api.limit",
                        arguments: ["max": String(Self.maximumLimit)]))
            }
        }
        if let raw = request.query[String.self, at: "cursor"], !raw.isEmpty {
            if let key = Self.decodeCursor(raw) {
                after = key
            } else {
                problems.append(FieldError(field: "cursor", code: "invalid", key: "error.api.cursor"))
            }
        }
    }

    /// The page after the cursor of `elements`, ordered by `key` (ascending, or newest first
    /// with `descending`); `nextCursor` is nil on the last page.
    func page<Element>(_ elements: [Element], by key: (Element) -> Key, descending: Bool = false)
        -> (elements: [Element], nextCursor: String?)
    {
        let keyed = elements.map { (key: key($0), element: $0) }
            .sorted { descending ? $0.key > $1.key : $0.key < $1.key }
        let remaining = keyed.filter { item in
            guard let after else { return true }
            return descending ? item.key < after : item.key > after
        }
        let page = remaining.prefix(limit)
        let next = remaining.count > limit ? page.last.flatMap { Self.encodeCursor($0.key) } : nil
        return (page.map(\.element), next)
    }

    static func encodeCursor(_ key: Key) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same key gives the same cursor
        guard let data = try? encoder.encode(key) else { return nil }
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decodeCursor(_ text: String) -> Key? {
        guard text.count <= 2048 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return try? JSONDecoder().decode(Key.self, from: data)
    }
}

/// An amount on the API: `{"amount": "12.50", "currency": "EUR"}`, the amount a decimal string
/// with the currency's minor units, never a JSON number.
struct MoneyBody: Codable, Equatable, Sendable {
    var amount: String
    var currency: String

    init(_ money: Money) {
        amount = Self.fixed(money.amount, scale: money.currency.minorUnits)
        currency = money.currency.code
    }

    enum CodingKeys: String, CodingKey { case amount, currency }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        amount = try container.decode(String.self, forKey: .amount)
        currency = try container.decode(String.self, forKey: .currency)
        guard Decimal(canonical: amount) != nil else {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: container, debugDescription: "not an amount")
        }
        guard (try? CurrencyCode(currency)) != nil else {
            throw DecodingError.dataCorruptedError(forKey: .currency, in: container, debugDescription: "not ISO 4217")
        }
    }

    /// The domain value (the decoder has checked both parts).
    func money() throws -> Money { try Money(parsing: amount, currency: try CurrencyCode(currency)) }

    /// "12.5" with scale 2 → "12.50": rounded half away from zero, padded with zeros.
    static func fixed(_ value: Decimal, scale: Int) -> String {
        let text = value.rounded(scale: scale).canonicalString
        guard scale > 0 else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return "\(parts[0])." + fraction + String(repeating: "0", count: max(0, scale - fraction.count))
    }
}

/// A percentage on the API: a decimal string of percent with two places ("93.10").
enum PercentText {
    static func format(_ percent: Decimal) -> String { MoneyBody.fixed(percent, scale: 2) }
}

/// An engine's reason on the API: `{"code", "args", "text"}`, `text` in the caller's language.
/// `args` are plain JSON values: strings (ids, instants in ISO 8601 UTC, days), whole numbers
/// (minutes, counts, percentages) or lists of strings.
struct ReasonBody: Content, Equatable {
    enum Argument: Codable, Equatable, Sendable {
        case text(String)
        case number(Int)
        case list([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else if let list = try? container.decode([String].self) {
                self = .list(list)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            case .list(let list): try container.encode(list)
            }
        }
    }

    var code: String
    var args: [String: Argument]
    var text: String
}

/// API responses are never stored by browsers or proxies: they carry personal data and tokens.
struct APINoStoreMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if APIRoute.isAPI(path: request.url.path) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
