import Foundation

/// The value axis: a "nice" range that starts at zero (or below, for negative values) and ticks
/// at 1, 2, 2.5 or 5 times a power of ten, so gridlines read as round numbers.
struct ChartScale: Equatable, Sendable {
    var lower: Decimal
    var upper: Decimal
    var step: Decimal

    var ticks: [Decimal] {
        var out: [Decimal] = []
        var tick = lower
        while tick <= upper {
            out.append(tick)
            tick += step
        }
        return out
    }

    /// A range covering `minimum…maximum` and zero, with about `ticks` intervals.
    init(minimum: Decimal, maximum: Decimal, ticks: Int = 4) {
        var low = min(0, minimum)
        var high = max(0, maximum)
        if low == high { high = low + 1 }
        let raw = (high - low) / Decimal(max(1, ticks))
        step = ChartScale.niceStep(raw)
        low = ChartScale.round(low / step, .down) * step
        high = ChartScale.round(high / step, .up) * step
        lower = low
        upper = high
    }

    /// The smallest of 1, 2, 2.5, 5, 10 × 10ⁿ not below `raw`.
    static func niceStep(_ raw: Decimal) -> Decimal {
        let exponent = Int(floor(log10(NSDecimalNumber(decimal: raw).doubleValue)))
        let magnitude = exponent >= 0 ? pow(Decimal(10), exponent) : 1 / pow(Decimal(10), -exponent)
        let normalized = raw / magnitude
        let nice: Decimal = [1, 2, 2.5, 5].first { normalized <= $0 } ?? 10
        return nice * magnitude
    }

    static func round(_ value: Decimal, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 0, mode)
        return output
    }

    /// Where `value` falls between the bottom (0) and the top (1) of the axis.
    func fraction(_ value: Decimal) -> Double {
        let span = NSDecimalNumber(decimal: upper - lower).doubleValue
        return span == 0 ? 0 : NSDecimalNumber(decimal: value - lower).doubleValue / span
    }

    /// The y coordinate of `value` in the plot area.
    func y(_ value: Decimal) -> Double {
        Double(ChartStyle.top) + Double(ChartStyle.plotHeight) * (1 - fraction(value))
    }
}
