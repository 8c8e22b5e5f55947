import Foundation

/// Percentages of the full word rate per band; weighted words = Σ band words × weight / 100.
public struct WeightingGrid: Sendable, Codable, Equatable {
    public var name: String
    /// Percent (0…100, more allowed for surcharges) per band; a missing band weighs 100.
    public var weights: [Band: Double]

    public init(name: String, weights: [Band: Double]) {
        self.name = name
        self.weights = weights
    }

    public func weight(_ band: Band) -> Double { weights[band] ?? 100 }

    public func weightedWords(_ bands: BandCounts) -> Double {
        let sum = Band.allCases.reduce(0.0) { $0 + bands[$1].words * weight($1) / 100 }
        return (sum * 100).rounded() / 100
    }

    /// "Trados golden rule": context is not a separate band there, so it weighs as 100%.
    public static let tradosGoldenRule = WeightingGrid(
        name: "trados",
        weights: [
            .context: 30, .repetition: 30, .exact: 30, .fuzzyHigh: 60, .fuzzyMiddle: 60, .fuzzyLow: 100,
            .fuzzyLowest: 100, .new: 100,
        ])
    /// The agency example of DOMAIN.md.
    public static let agencyExample = WeightingGrid(
        name: "agency",
        weights: [
            .context: 0, .repetition: 0, .exact: 0, .fuzzyHigh: 30, .fuzzyMiddle: 70, .fuzzyLow: 70, .fuzzyLowest: 100,
            .new: 100,
        ])
    /// The memoQ documentation example; its 50–70% ranges taken at their middle, 60%.
    public static let memoQExample = WeightingGrid(
        name: "memoq",
        weights: [
            .context: 10, .repetition: 20, .exact: 30, .fuzzyHigh: 40, .fuzzyMiddle: 60, .fuzzyLow: 60,
            .fuzzyLowest: 100, .new: 100,
        ])
    /// Every band at the full rate (raw word count).
    public static let full = WeightingGrid(
        name: "full", weights: Dictionary(uniqueKeysWithValues: Band.allCases.map { ($0, 100) }))

    public static let presets: [WeightingGrid] = [tradosGoldenRule, agencyExample, memoQExample, full]

    /// Parses `--grid`: a preset name (`trados`, `agency`, `memoq`, `full`) or a list such as
    /// `context=0,repetition=25,100=25,95-99=50,85-94=60,75-84=100` (missing bands weigh 100).
    public init(spec: String) throws {
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        if let preset = Self.presets.first(where: { $0.name == trimmed.lowercased() }) {
            self = preset
            return
        }
        var weights: [Band: Double] = [:]
        for item in trimmed.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let key = pair.first.map { $0.hasSuffix("%") ? String($0.dropLast()) : $0 } ?? ""
            let band = Band(rawValue: key == "repetitions" ? "repetition" : key == "101" ? "context" : key)
            guard pair.count == 2, let band,
                let value = Double(pair[1].hasSuffix("%") ? String(pair[1].dropLast()) : pair[1]), value >= 0
            else {
                throw AnalysisError(
                    file: "--grid", kind: .usage,
                    message:
                        "“\(item)” is not BAND=PERCENT; bands are \(Band.allCases.map(\.rawValue).joined(separator: ", ")); presets: \(Self.presets.map(\.name).joined(separator: ", "))."
                )
            }
            weights[band] = value
        }
        guard !weights.isEmpty else {
            throw AnalysisError(
                file: "--grid", kind: .usage,
                message:
                    "the grid is empty; give a preset (\(Self.presets.map(\.name).joined(separator: ", "))) or BAND=PERCENT pairs."
            )
        }
        self.init(name: "custom", weights: weights)
    }
}
