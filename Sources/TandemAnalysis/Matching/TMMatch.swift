import Foundation
import TandemDomain

/// Where a match came from: the TM file and the unit's position (1-based) and `tuid`.
public struct TMReference: Sendable, Codable, Equatable, Hashable {
    public var tm: String
    public var unit: Int
    public var tuid: String?

    public init(tm: String, unit: Int, tuid: String? = nil) {
        self.tm = tm
        self.unit = unit
        self.tuid = tuid
    }
}

/// A TM match for one segment.
public struct TMMatch: Sendable, Equatable {
    public var score: Int
    public var unit: Int
    public var reference: TMReference
}
