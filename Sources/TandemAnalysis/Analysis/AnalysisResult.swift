import TandemDomain

/// Segments, words and characters of one band (or any group of segments).
public struct Counts: Sendable, Codable, Equatable {
    public var segments: Int
    public var words: Double
    public var characters: Int

    public init(segments: Int = 0, words: Double = 0, characters: Int = 0) {
        self.segments = segments
        self.words = words
        self.characters = characters
    }

    public static let zero = Counts()

    public mutating func add(_ metrics: TextMetrics) {
        segments += 1
        words += metrics.words
        characters += metrics.characters
    }

    public static func + (a: Counts, b: Counts) -> Counts {
        Counts(segments: a.segments + b.segments, words: a.words + b.words, characters: a.characters + b.characters)
    }
}

/// Counts per band: always all eight bands.
public struct BandCounts: Sendable, Codable, Equatable {
    public var values: [Band: Counts]

    public init(_ values: [Band: Counts] = [:]) {
        self.values = Dictionary(uniqueKeysWithValues: Band.allCases.map { ($0, values[$0] ?? .zero) })
    }

    public subscript(band: Band) -> Counts {
        get { values[band] ?? .zero }
        set { values[band] = newValue }
    }

    public var total: Counts { Band.allCases.reduce(.zero) { $0 + self[$1] } }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: BandKey.self)
        var values: [Band: Counts] = [:]
        for band in Band.allCases { values[band] = try c.decodeIfPresent(Counts.self, forKey: BandKey(band)) ?? .zero }
        self.init(values)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: BandKey.self)
        for band in Band.allCases { try c.encode(self[band], forKey: BandKey(band)) }
    }

    public static func + (a: BandCounts, b: BandCounts) -> BandCounts {
        BandCounts(Dictionary(uniqueKeysWithValues: Band.allCases.map { ($0, a[$0] + b[$0]) }))
    }

    struct BandKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ band: Band) { stringValue = band.rawValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// The two kinds of repetitions, reported apart (both are in the `repetition` band).
public struct RepetitionCounts: Sendable, Codable, Equatable {
    public var withinFile: Counts
    public var crossFile: Counts

    public init(withinFile: Counts = .zero, crossFile: Counts = .zero) {
        self.withinFile = withinFile
        self.crossFile = crossFile
    }

    public static func + (a: RepetitionCounts, b: RepetitionCounts) -> RepetitionCounts {
        RepetitionCounts(withinFile: a.withinFile + b.withinFile, crossFile: a.crossFile + b.crossFile)
    }
}

/// The outcome for one segment (with `--details`).
public struct SegmentResult: Sendable, Codable, Equatable {
    public enum RepetitionKind: String, Sendable, Codable { case withinFile, crossFile }

    public var id: String
    public var band: Band?
    /// Best TM score (nil when nothing reached the lowest band).
    public var score: Int?
    public var words: Double
    public var characters: Int
    public var translatable: Bool
    public var match: TMReference?
    public var repetitionOf: String?
    public var repetition: RepetitionKind?
}

/// Figures for one file, or the total of all files. `segments`, `words` and `characters` are the
/// sum of the bands (translatable content); non-translatable content is apart.
public struct AnalysisTotals: Sendable, Codable, Equatable {
    public var name: String?
    public var format: DocumentFormat?
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?
    public var segments: Int
    public var words: Double
    public var characters: Int
    public var bands: BandCounts
    public var repetitions: RepetitionCounts
    public var nonTranslatable: Counts
    public var weightedWords: Double?
    public var details: [SegmentResult]?

    public init(
        name: String? = nil, format: DocumentFormat? = nil, sourceLanguage: LanguageTag? = nil,
        targetLanguage: LanguageTag? = nil,
        bands: BandCounts = BandCounts(), repetitions: RepetitionCounts = RepetitionCounts(),
        nonTranslatable: Counts = .zero,
        weightedWords: Double? = nil, details: [SegmentResult]? = nil
    ) {
        self.name = name
        self.format = format
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        let total = bands.total
        segments = total.segments
        words = total.words
        characters = total.characters
        self.bands = bands
        self.repetitions = repetitions
        self.nonTranslatable = nonTranslatable
        self.weightedWords = weightedWords
        self.details = details
    }
}

/// A whole analysis: per file and total, with weighted words when a grid was given.
public struct AnalysisResult: Sendable, Codable, Equatable {
    public var files: [AnalysisTotals]
    public var total: AnalysisTotals
    public var weightedWords: Double?
    public var grid: WeightingGrid?

    public init(files: [AnalysisTotals], grid: WeightingGrid? = nil) {
        var files = files
        var total = AnalysisTotals(
            bands: files.reduce(BandCounts()) { $0 + $1.bands },
            repetitions: files.reduce(RepetitionCounts()) { $0 + $1.repetitions },
            nonTranslatable: files.reduce(Counts.zero) { $0 + $1.nonTranslatable })
        if let grid {
            for i in files.indices { files[i].weightedWords = grid.weightedWords(files[i].bands) }
            total.weightedWords = grid.weightedWords(total.bands)
        }
        self.files = files
        self.total = total
        self.weightedWords = total.weightedWords
        self.grid = grid
    }
}
