import FluentKit

/// Every migration in order. Runs unchanged on SQLite and PostgreSQL.
public enum TandemMigrations {
    public static var all: [any Migration] {
        V001.all + V002.all + V003.all + V004.all + V005.all + V006.all + V007.all + V008.all + V009.all
            + V010.all + V011.all + V012.all + V013.all
            + V014.all
            + V015.all  // guidance (docs/guidance.md)
            + V016.all + V017.all  // the scorecards' roll-up and indexes (docs/metrics.md)
    }
}
