import Foundation

/// The goals' part of `tandem demo --scale …` (issue #16): sales reps, PMs, accounts,
/// opportunities and, over four years up to the anchoring day, `projects` projects (one
/// accepted quote each, a quarter with a lost or expired quote beside it) with 3–7 promises
/// each (5 on average), one production job per promise, the promises' states, renegotiations,
/// client deliveries and complaints. Deterministic: every project draws from its own seeded
/// generator, so any chunking gives the same rows; ids are sequential in their own range.
struct GoalsScaleSet: Sendable {
    let projects: Int
    /// The anchoring day, seconds since 1970 (the only date not fixed in code).
    let now: Int
    /// Id range: `00000000-0000-00TT-KKKK-NNNNNNNNNNNN` (tag, record kind, number).
    let tag: Int

    static let day = 86_400
    static let years = 4
    var opportunities: Int { max(1, projects / 10) }
    var accounts: Int { min(300, max(10, projects / 100)) }
    var reps: Int { max(4, min(40, accounts / 7)) }
    var pms: Int { max(4, min(30, accounts / 9)) }
    var start: Int { now - Self.years * 365 * Self.day }

    enum Kind: Int {
        case user = 1
        case account, opportunity, quote, quoteVersion, project, promise, promiseVersion, delivery
        case quoteLine, job, complaint, rate, lostQuote, lostQuoteVersion, lineID
    }

    func id(_ kind: Kind, _ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-%04x-%04x-%012llx", tag, kind.rawValue, UInt64(n)))!
    }

    static let currencies = ["EUR", "EUR", "EUR", "USD", "EUR", "GBP", "USD", "CHF", "EUR", "SEK", "NOK", "PLN", "CAD"]
    static let rates: [(currency: String, rate: Int)] = [  // base-currency millionths per unit, around 2026
        ("USD", 918_000), ("GBP", 1_165_000), ("CHF", 1_041_000), ("SEK", 87_400), ("NOK", 85_900),
        ("PLN", 231_000), ("CAD", 672_000), ("JPY", 6_120),
    ]
    static let targets = ["fr", "de", "es", "it", "nl", "pt-BR", "ja", "zh-Hans", "sv", "da", "pl", "ko", "fi", "nb"]
    static let firstNames = [
        "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Katrin", "Luca",
        "Maja", "Nils", "Olga", "Paul", "Rosa", "Stefan", "Tara", "Ugo",
    ]
    static let lastNames = ["Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen"]
    static let companyWords = [
        "Nordlicht", "Alpina", "Harbor", "Meridian", "Vireo", "Cobalt", "Lindqvist", "Solenne", "Granite", "Tessera",
        "Azura", "Quill", "Brixton", "Helix", "Orchard",
    ]
    static let industries = ["Pharma", "Software", "Legal", "Tourism", "Manufacturing", "Finance", "Retail"]

    // MARK: People, accounts, rates, opportunities

    func userRows() -> ScaleTable {
        var t = ScaleTable(
            "users",
            "id, email, display_name, password_hash, roles, is_active, locale, time_zone, created_at, updated_at")
        let created = ScaleValue.instant(start - 365 * Self.day)
        for n in 0..<(reps + pms) {
            let isRep = n < reps
            let name = Self.firstNames[n % 20] + " " + Self.lastNames[(n / 20 + n) % 9]
            let email = (isRep ? "rep" : "pm") + "\(n)@scale\(tag).lumen.example"
            t.add(
                .uuid(id(.user, n)), .text(email), .text(name), .null, .text(isRep ? "sales" : "pm"), .bool(true),
                .null,
                .null, created, created)
        }
        return t
    }

    func rep(ofAccount a: Int) -> UUID { id(.user, a % reps) }
    func pm(ofAccount a: Int) -> UUID { id(.user, reps + a % pms) }
    func currency(ofAccount a: Int) -> String { Self.currencies[a % Self.currencies.count] }
    func source(ofAccount a: Int) -> String { a % 10 == 7 ? "de" : a % 10 == 9 ? "fr" : "en" }
    /// The account's target languages: 5 to 8 of the list, never its source.
    func targets(ofAccount a: Int) -> [String] {
        let count = 5 + a % 4
        return (0..<count).map { Self.targets[(a * 3 + $0) % Self.targets.count] }.filter { $0 != source(ofAccount: a) }
    }

    func accountRows() -> ScaleTable {
        var t = ScaleTable(
            "accounts",
            """
            id, name, name_key, search_text, legal_name, vat_number, billing_address, country, website, currency, \
            industry, subject_domains, language_pairs, tier, status, owner_id, partner_pm_id, tags, notes, parent_id, \
            payment_terms_days, po_required, framework, nda_date, review_required, review_days, created_at, \
            updated_at, version
            """)
        let created = ScaleValue.instant(start - 200 * Self.day)
        for a in 0..<accounts {
            let industry = Self.industries[a % Self.industries.count]
            let name = "\(Self.companyWords[a % 15]) \(industry) \(a / 15 + 1)"
            let key = name.lowercased()
            let pairs = targets(ofAccount: a).map { "{\"source\":\"\(source(ofAccount: a))\",\"target\":\"\($0)\"}" }
            t.add(
                .uuid(id(.account, a)), .text(name), .text(key), .text(key + " | " + key + " ltd"),
                .text(name + " Ltd"),
                .text(""), .text(""), .text(["DE", "US", "GB", "FR", "CH", "SE"][a % 6]), .text(""),
                .text(currency(ofAccount: a)), .text(industry), .text("[\"\(industry)\"]"),
                .text("[" + pairs.joined(separator: ",") + "]"), .text(["A", "B", "C"][a % 3]), .text("active"),
                .uuid(rep(ofAccount: a)), .uuid(pm(ofAccount: a)), .text("[]"), .text(""), .null, .int(30),
                .bool(false), .null, .null, .bool(false), .int(0), created, created, .int(1))
        }
        return t
    }

    /// A rate per currency on the first day of every month of the span (and the anchoring one).
    func rateRows() -> ScaleTable {
        var t = ScaleTable("exchange_rates", "id, currency, day, rate")
        var n = 0
        for (c, (currency, rate)) in Self.rates.enumerated() {
            for month in 0...(Self.years * 12 + 1) {
                let day = Self.monthStart(start, plus: month)
                guard day <= now else { continue }
                let drift = rate * ((month * 7 + c * 3) % 11 - 5) / 200  // ±2.5 %, a slow wave
                t.add(.uuid(id(.rate, n)), .text(currency), .text(Self.dayText(day)), .text(Self.decimal(rate + drift)))
                n += 1
            }
        }
        return t
    }

    /// When project `i` was accepted, before its jitter: evenly over the span.
    func acceptedBase(_ i: Int) -> Int { start + Int(Double(i) / Double(projects) * Double(now - start - 7_200)) }

    func opportunityRows() -> ScaleTable {
        var t = ScaleTable(
            "opportunities",
            """
            id, account_id, name, name_folded, source_language, target_languages, services, estimated_words, \
            value_amount, value_currency, close_date, owner_id, partner_pm_id, stage_id, probability_override, \
            next_step, next_step_due, lost_reason_id, lost_note, capability_building, capability_reason, \
            solution_notes, solution_notes_by, solution_notes_at, version, created_at, updated_at
            """)
        let won = ScaleValue.uuid(UUID(uuidString: "00000000-0000-0005-0000-000000000006")!)
        for o in 0..<opportunities {
            var random = SeededRandom(seed: 0x0BB0_0016 ^ UInt64(o) &* 0x9E37_79B9_7F4A_7C15)
            let a = o % accounts
            let created = acceptedBase(o) - random.int(10...90) * Self.day
            let name =
                ["Framework", "Product documentation", "Website", "Regulatory", "Marketing"][o % 5] + " \(o + 1)"
            t.add(
                .uuid(id(.opportunity, o)), .uuid(id(.account, a)), .text(name), .text(name.lowercased()),
                .text(source(ofAccount: a)), .text(targets(ofAccount: a).joined(separator: ",")), .text("translation"),
                .int(random.int(20...400) * 1_000), .text(String(random.int(5...200) * 1_000)),
                .text(currency(ofAccount: a)), .text(Self.dayText(created + 60 * Self.day)), .uuid(rep(ofAccount: a)),
                .uuid(pm(ofAccount: a)), won, .null, .text(""), .null, .null, .text(""), .bool(false), .text(""),
                .text(""), .null, .null, .int(1), .instant(created), .instant(created))
        }
        return t
    }

    // MARK: Dates

    /// "YYYY-MM-DD" of an instant (UTC), without a formatter (millions of rows).
    static func dayText(_ t: Int) -> String {
        let (y, m, d) = civil(t / day)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// Days since 1970 → (year, month, day), Howard Hinnant's algorithm.
    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The first day of the month `plus` months after the one holding `t`.
    static func monthStart(_ t: Int, plus: Int) -> Int {
        let (y, m, _) = civil(t / day)
        let index = y * 12 + (m - 1) + plus
        let (year, month) = (index / 12, index % 12 + 1)
        // Days from civil (inverse of `civil`).
        let yy = month <= 2 ? year - 1 : year
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146_097 + doe - 719_468) * day
    }

    /// Millionths as decimal text ("0.918", "1.165").
    static func decimal(_ millionths: Int) -> String {
        var fraction = String(millionths % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(millionths / 1_000_000)" + (fraction.isEmpty ? "" : "." + fraction)
    }
}
