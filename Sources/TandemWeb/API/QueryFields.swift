import Foundation
import TandemDomain
import Vapor

/// Typed fields of a request's query string, for the list filters of the API and the pages. A
/// blank field reads as absent; a malformed one reads as absent and adds a field error naming it.
struct QueryFields {
    let request: Request

    func value(_ name: String) -> String? {
        guard let raw = request.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty
        else { return nil }
        return raw
    }

    func id<T>(_ name: String, problems: inout [FieldError]) -> Identifier<T>? {
        guard let raw = value(name) else { return nil }
        guard let id = Identifier<T>(uuidString: raw) else {
            problems.append(FieldError(field: name, code: "invalid", key: "error.field.unknown"))
            return nil
        }
        return id
    }

    func day(_ name: String, problems: inout [FieldError]) -> LocalDate? {
        guard let raw = value(name) else { return nil }
        guard let day = try? LocalDate(iso: raw) else {
            problems.append(
                FieldError(
                    field: name, code: "invalid", key: "error.date.invalid",
                    arguments: ["input": raw, "example": "2026-12-25"]))
            return nil
        }
        return day
    }
}
