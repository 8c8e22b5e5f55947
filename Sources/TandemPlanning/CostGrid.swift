import Foundation

/// A match band of a CAT analysis, named as `TandemAnalysis` names them.
public enum MatchBand: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    case context
    case repetition
    case exact = "100"
    case fuzzyHigh = "95-99"
    case fuzzyMiddle = "85-94"
    case fuzzyLow = "75-84"
    case fuzzyLowest = "50-74"
    case new
}

/// A weighting grid: the percentage of the full word price paid per match band (a missing band
/// pays 100%). Percentages are decimals, so costs stay exact.
public struct CostGrid: Hashable, Sendable, Codable {
    public var percent: [MatchBand: Decimal]

    public init(percent: [MatchBand: Decimal]) { self.percent = percent }

    public func percent(of band: MatchBand) -> Decimal { percent[band] ?? 100 }

    /// Σ words × percent / 100 over the bands: the words paid at the full price.
    public func weightedWords(_ bands: [MatchBand: Int]) -> Decimal {
        bands.reduce(Decimal(0)) { $0 + Decimal($1.value) * percent(of: $1.key) / 100 }
    }
}
