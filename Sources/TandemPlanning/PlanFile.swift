import Foundation
import TandemDomain

/// The `tandem plan` input file: vendors and one request, decoded and validated with the path
/// of any field at fault (`vendors[2].timeZone: unknown time zone "Europe/Pariss"`).
public struct PlanFile: Sendable {
    public var vendors: [PlanningVendor]
    public var request: FeasibilityRequest

    public init(vendors: [PlanningVendor], request: FeasibilityRequest) {
        self.vendors = vendors
        self.request = request
    }

    public static func decode(_ data: Data) throws -> PlanFile {
        let raw: RawFile
        do {
            raw = try JSONDecoder().decode(RawFile.self, from: data)
        } catch let error as DecodingError {
            throw PlanningInputError(decoding: error)
        }
        guard let rawVendors = raw.vendors else {
            throw PlanningInputError(field: "vendors", .required)
        }
        guard let rawRequest = raw.request else {
            throw PlanningInputError(field: "request", .required)
        }
        var vendors: [PlanningVendor] = []
        var seen: [VendorID: Int] = [:]
        for (i, v) in rawVendors.enumerated() {
            let vendor = try v.vendor(field: "vendors[\(i)]")
            if let earlier = seen[vendor.id] {
                throw PlanningInputError(
                    field: "vendors[\(i)].id", .duplicateVendor(id: vendor.id.rawValue, earlier: "vendors[\(earlier)]"))
            }
            seen[vendor.id] = i
            vendors.append(vendor)
        }
        return PlanFile(vendors: vendors, request: try rawRequest.request())
    }
}

extension PlanningInputError {
    init(decoding error: DecodingError) {
        func path(_ keys: [CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "file" : text
        }
        switch error {
        case let .keyNotFound(key, context):
            self.init(field: path(context.codingPath + [key]), .required)
        case let .valueNotFound(type, context):
            self.init(field: path(context.codingPath), .null(expected: Self.kind(of: type)))
        case let .typeMismatch(type, context):
            self.init(field: path(context.codingPath), .wrongType(expected: Self.kind(of: type)))
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                self.init(
                    field: "file",
                    .notJSON(
                        detail: context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
                    ))
            } else {
                self.init(field: path(context.codingPath), .unreadable(detail: context.debugDescription))
            }
        @unknown default:
            self.init(field: "file", .unreadable(detail: "\(error)"))
        }
    }

    static func kind(of type: Any.Type) -> ValueKind {
        switch type {
        case is Int.Type: return .wholeNumber
        case is Double.Type: return .number
        case is String.Type: return .string
        case is Bool.Type: return .boolean
        default: return "\(type)".hasPrefix("Array") ? .list : .object
        }
    }
}

// MARK: - Raw shapes, as written in the file

private struct RawFile: Decodable {
    var vendors: [RawVendor]?
    var request: RawRequest?
}
