import Foundation

/// A match band of an analysis, named as the analysis engine and the API name them
/// (`context`, `repetition`, `100`, `95-99`, `85-94`, `75-84`, `50-74`, `new`).
public enum MatchBand: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable, Comparable {
    case context
    case repetition
    case exact = "100"
    case fuzzyHigh = "95-99"
    case fuzzyMiddle = "85-94"
    case fuzzyLow = "75-84"
    case fuzzyLowest = "50-74"
    case new

    /// Parses a band name; the vendor grid's plural `repetitions` is accepted too.
    public init?(name: String) {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        if key == "repetitions" {
            self = .repetition
        } else if let band = MatchBand(rawValue: key) {
            self = band
        } else {
            return nil
        }
    }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// Segments, words and characters counted in one band. Characters matter for CJK sources,
/// which are priced per character when the rate card says so.
public struct BandTally: Hashable, Sendable, Codable {
    public var segments: Int
    public var words: Decimal
    public var characters: Decimal

    public init(segments: Int = 0, words: Decimal = 0, characters: Decimal = 0) {
        self.segments = segments
        self.words = words
        self.characters = characters
    }

    public static let zero = BandTally()

    public static func + (a: BandTally, b: BandTally) -> BandTally {
        BandTally(segments: a.segments + b.segments, words: a.words + b.words, characters: a.characters + b.characters)
    }
}

/// One tally per band; a band never counted reads as zero.
public struct BandTallies: Hashable, Sendable, Codable {
    public var byBand: [MatchBand: BandTally]

    public init(_ byBand: [MatchBand: BandTally] = [:]) { self.byBand = byBand }

    /// Words only, the common case: `BandTallies(words: [.new: 120, .exact: 40])`.
    public init(words: [MatchBand: Decimal]) {
        self.byBand = words.mapValues { BandTally(words: $0) }
    }

    public subscript(band: MatchBand) -> BandTally {
        get { byBand[band] ?? .zero }
        set { byBand[band] = newValue }
    }

    public var totalWords: Decimal { byBand.values.reduce(0) { $0 + $1.words } }
    public var totalCharacters: Decimal { byBand.values.reduce(0) { $0 + $1.characters } }
    public var totalSegments: Int { byBand.values.reduce(0) { $0 + $1.segments } }

    /// The bands that were counted, in report order.
    public var bands: [MatchBand] { MatchBand.allCases.filter { byBand[$0] != nil } }

    public static func + (a: BandTallies, b: BandTallies) -> BandTallies {
        var sum = a
        for (band, tally) in b.byBand { sum[band] = sum[band] + tally }
        return sum
    }

    public init(from decoder: any Decoder) throws {
        byBand = try decoder.singleValueContainer().decode([MatchBand: BandTally].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(byBand)
    }
}

/// Lower bounds of the fuzzy bands (defaults 95, 85, 75, 50), stored with a grid so that a
/// quote shows what its bands meant when it was priced.
public struct BandBoundaries: Hashable, Sendable, Codable {
    public var high: Int
    public var middle: Int
    public var low: Int
    public var lowest: Int

    public init(high: Int = 95, middle: Int = 85, low: Int = 75, lowest: Int = 50) throws {
        guard 100 > high, high > middle, middle > low, low > lowest, lowest >= 1 else {
            throw DomainError.invalid(
                "grid.boundaries", "error.pricing.boundaries.invalid",
                ["high": "\(high)", "middle": "\(middle)", "low": "\(low)", "lowest": "\(lowest)"],
                fallback: "Band boundaries must satisfy 100 > \(high) > \(middle) > \(low) > \(lowest) ≥ 1.")
        }
        self.high = high
        self.middle = middle
        self.low = low
        self.lowest = lowest
    }

    public static let standard = try! BandBoundaries()

    /// The score range of a fuzzy band ("95–99"); nil for the other bands.
    public func range(of band: MatchBand) -> ClosedRange<Int>? {
        switch band {
        case .fuzzyHigh: return high...99
        case .fuzzyMiddle: return middle...(high - 1)
        case .fuzzyLow: return low...(middle - 1)
        case .fuzzyLowest: return lowest...(low - 1)
        case .context, .repetition, .exact, .new: return nil
        }
    }
}
