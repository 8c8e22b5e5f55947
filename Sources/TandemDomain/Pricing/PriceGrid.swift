import Foundation

/// What a client price is counted in. `character` is for CJK sources, `fixed` a flat amount.
public enum PriceUnit: String, CaseIterable, Codable, Sendable {
    case word, character, hour, page, fixed

    /// Word and character prices are weighted by the grid; the others are plain quantities.
    public var isWeighted: Bool { self == .word || self == .character }
}

/// A client weighting grid: the percent of the full price paid per band (a band not listed pays
/// 100 %), with the band boundaries the analysis used.
public struct PriceGrid: Hashable, Sendable, Codable {
    public var percents: [MatchBand: Decimal]
    public var boundaries: BandBoundaries

    public init(percents: [MatchBand: Decimal], boundaries: BandBoundaries = .standard) {
        self.percents = percents
        self.boundaries = boundaries
    }

    public func percent(of band: MatchBand) -> Decimal { percents[band] ?? 100 }

    /// Σ over bands of count × percent ÷ 100, exact in decimal (never rounded).
    public func weighted(_ tallies: BandTallies, unit: PriceUnit) -> Decimal {
        tallies.byBand.keys.sorted().reduce(Decimal(0)) { sum, band in
            let tally = tallies[band]
            let count = unit == .character ? tally.characters : tally.words
            return sum + count * percent(of: band) / 100
        }
    }

    /// A usual agency grid: context and repetitions 0 %, 100 % matches 20 %, fuzzy bands
    /// 40/60/80 %, low fuzzy and new words in full.
    public static let standard = PriceGrid(percents: [
        .context: 0, .repetition: 10, .exact: 20, .fuzzyHigh: 40, .fuzzyMiddle: 60, .fuzzyLow: 80,
        .fuzzyLowest: 100, .new: 100,
    ])

    /// Parses `{"repetition": "10", ...}` (decimal strings 0–100), naming `grid.<band>` on error.
    public static func parse(
        _ entries: [String: String], boundaries: BandBoundaries = .standard, field: String = "grid"
    ) throws -> PriceGrid {
        var errors: [DomainError] = []
        var percents: [MatchBand: Decimal] = [:]
        for (name, text) in entries.sorted(by: { $0.key < $1.key }) {
            guard let band = MatchBand(name: name) else {
                errors.append(
                    .invalid(
                        "\(field).\(name)", "error.pricing.band.unknown", ["value": name],
                        fallback:
                            "“\(name)” is not a match band; use context, repetition, 100, 95-99, 85-94, 75-84, 50-74 or new."
                    ))
                continue
            }
            guard let value = Decimal(canonical: text), value >= 0, value <= 100 else {
                errors.append(
                    .invalid(
                        "\(field).\(band.rawValue)", "error.pricing.percent.invalid", ["value": text],
                        fallback: "“\(text)” is not a percent; write a number from 0 to 100 such as 30."))
                continue
            }
            percents[band] = value
        }
        try ValidationErrors.check(errors)
        return PriceGrid(percents: percents, boundaries: boundaries)
    }
}
