import Testing

@testable import TandemWeb

/// The timers' intervals: minutes in the environment, seconds in the configuration, a bad value refused.
@Suite("Timer configuration")
struct TimerConfigTests {
    @Test func theProductionWatchAndQuoteExpiryReadMinutes() throws {
        let defaults = try TandemConfig.fromEnvironment([:])
        #expect(defaults.productionWatchSeconds == 900 && defaults.quoteExpirySeconds == 3600)
        let set = try TandemConfig.fromEnvironment([
            "TANDEM_PRODUCTION_WATCH_MINUTES": "5", "TANDEM_QUOTE_EXPIRY_MINUTES": "30",
        ])
        #expect(set.productionWatchSeconds == 300 && set.quoteExpirySeconds == 1800)
        #expect(throws: (any Error).self) { try TandemConfig.fromEnvironment(["TANDEM_PRODUCTION_WATCH_MINUTES": "0"]) }
    }

    @Test func theMetricsRollupReadsSeconds() throws {
        #expect(try TandemConfig.fromEnvironment([:]).metricsRollupSeconds == 60)
        #expect(try TandemConfig.fromEnvironment(["TANDEM_METRICS_ROLLUP_SECONDS": "15"]).metricsRollupSeconds == 15)
        #expect(throws: (any Error).self) { try TandemConfig.fromEnvironment(["TANDEM_METRICS_ROLLUP_SECONDS": "1"]) }
    }
}
