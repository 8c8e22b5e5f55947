/// The match bands of an analysis, in report order.
public enum Band: String, Sendable, Codable, CaseIterable, Hashable, CodingKeyRepresentable {
    case context
    case repetition
    case exact = "100"
    case fuzzyHigh = "95-99"
    case fuzzyMiddle = "85-94"
    case fuzzyLow = "75-84"
    case fuzzyLowest = "50-74"
    case new
}

/// Lower bounds of the fuzzy bands. Defaults 95 / 85 / 75 / 50; the band keys keep their names
/// (`95-99`, …) whatever the bounds, so reports stay comparable in shape.
public struct BandBoundaries: Sendable, Codable, Equatable {
    public var high: Int
    public var middle: Int
    public var low: Int
    public var lowest: Int

    public init(high: Int = 95, middle: Int = 85, low: Int = 75, lowest: Int = 50) throws {
        guard 100 > high, high > middle, middle > low, low > lowest, lowest >= 1 else {
            throw AnalysisError(
                file: "--bands", kind: .usage,
                message:
                    "band boundaries must satisfy 100 > high > middle > low > lowest ≥ 1 (got \(high), \(middle), \(low), \(lowest))."
            )
        }
        self.high = high
        self.middle = middle
        self.low = low
        self.lowest = lowest
    }

    public static let standard = try! BandBoundaries()

    /// The band of a TM score (no repetition, no context).
    public func band(for score: Int?) -> Band {
        guard let score else { return .new }
        switch score {
        case 100...: return .exact
        case high...: return .fuzzyHigh
        case middle...: return .fuzzyMiddle
        case low...: return .fuzzyLow
        case lowest...: return .fuzzyLowest
        default: return .new
        }
    }
}
