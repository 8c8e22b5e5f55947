import Foundation

/// Lists and small structures stored as JSON text: the same on SQLite and PostgreSQL.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// Nil for a value that does not decode (lenient columns such as tags).
    static func decode<T: Decodable>(_ text: String) -> T? {
        try? decode(T.self, text)
    }

    /// Strict: a value that does not decode is an error (the vendor tables).
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
