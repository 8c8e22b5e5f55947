import Foundation

/// The tables one chunk of projects fills, in the order their foreign keys need.
struct GoalsScaleChunk: Equatable, Sendable {
    var quotes = ScaleTable(
        "quotes",
        """
        id, number, account_id, opportunity_id, status, current_version, valid_until, currency, created_by, \
        created_at, updated_at, status_changed_at, lost_reason, manager_approval
        """)
    var versions = ScaleTable("quote_versions", "id, quote_id, number, content, created_by, created_at, sent_at")
    var lines = ScaleTable(
        "quote_lines",
        """
        id, version_id, line_id, position, kind, option_id, target_language, service, description, bands, \
        weighted_words, unit, quantity, unit_price, price, currency, cost, cost_currency, cost_is_default_rate
        """)
    var projects = ScaleTable(
        "projects",
        """
        id, quote_id, account_id, opportunity_id, name, brief, brief_status, brief_comment, brief_by, brief_at, \
        client_reference, accepted_at, option_id, sales_owner_id, pm_id, created_at
        """)
    var promises = ScaleTable(
        "promises",
        """
        id, project_id, target_language, delivery_date, price, currency, weighted_words, services, quality_level, \
        sales_owner_id, pm_id, status, version, created_at
        """)
    var states = ScaleTable(
        "promise_states",
        """
        id, delivery_day, margin_at_risk, renegotiated, cause, delivered_at, delivered_full_scope, broken_earlier, \
        expected_finish, expected_cost, expected_cost_currency, at_risk_notified_at, cancelled
        """)
    var promiseVersions = ScaleTable(
        "promise_versions",
        """
        id, promise_id, number, delivery_date, delivery_day, price, currency, previous, reason, cause, \
        change_order_id, made_by, made_at, made_after_deadline
        """)
    var deliveries = ScaleTable(
        "client_deliveries",
        """
        id, promise_id, project_id, delivered_at, what, recipient, cost, cost_currency, full_scope, late_cause, \
        note, recorded_by, recorded_at
        """)
    var complaints = ScaleTable(
        "complaints",
        """
        id, promise_id, delivery_id, received_at, description, severity, justified, root_cause, corrective_action, \
        recorded_by, recorded_at
        """)
    var jobs = ScaleTable(
        "production_jobs",
        "id, project_id, target_language, sequence, status, due, version, content, created_at, updated_at")

    var tables: [ScaleTable] {
        [quotes, versions, lines, projects, promises, states, promiseVersions, deliveries, complaints, jobs]
    }
}

extension GoalsScaleSet {
    /// Seconds from 1970 to 2001 (JSON dates in content columns count from 2001, as Foundation's do).
    static let referenceOffset = 978_307_200

    func chunk(_ range: Range<Int>) -> GoalsScaleChunk {
        var c = GoalsScaleChunk()
        for i in range { addProject(i, to: &c) }
        return c
    }

    func addProject(_ i: Int, to c: inout GoalsScaleChunk) {
        var random = SeededRandom(seed: 0x5CA1_E016 ^ UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
        let o = i % opportunities
        let a = o % accounts
        let (rep, pm, currency, source) = (
            rep(ofAccount: a), pm(ofAccount: a), currency(ofAccount: a), source(ofAccount: a)
        )
        let accepted = min(now - 3_600, acceptedBase(i) + random.int(0...3_600))
        let quoted = accepted - random.int(2...10) * Self.day
        let pool = targets(ofAccount: a)
        let offset = random.int(0...(pool.count - 1))
        let languages = (0..<min(pool.count, 3 + random.int(0...4))).map { pool[(offset + $0) % pool.count] }
        let (quote, version, project) = (id(.quote, i), id(.quoteVersion, i), id(.project, i))
        let number = String(format: "QS%02x-%07d", tag, i)
        var total = 0
        // The quote and its version come first (lines and the project point at them).
        c.quotes.add(
            .uuid(quote), .text(number), .uuid(id(.account, a)), .uuid(id(.opportunity, o)), .text("accepted"), .int(1),
            .text(Self.dayText(quoted + 30 * Self.day)), .text(currency), .uuid(rep), .instant(quoted),
            .instant(accepted), .instant(accepted), .text(""), .null)
        let versionIndex = c.versions.rows.count
        c.versions.add(.null, .null, .null, .null, .null, .null, .null)
        c.projects.add(
            .uuid(project), .uuid(quote), .uuid(id(.account, a)), .uuid(id(.opportunity, o)),
            .text("Project \(i + 1)"), .text("{}"), .text("accepted"), .text(""), .null, .null,
            .text("PO-\(100_000 + i)"), .instant(accepted), .null, .uuid(rep), .uuid(pm), .instant(accepted))
        for (j, language) in languages.enumerated() {
            let n = i * 10 + j
            let words = random.int(5...200) * 100
            let rate = random.int(80...200)  // tenths of a cent per word
            let cents = words * rate / 10
            total += cents
            let due = accepted + random.int(3...21) * Self.day
            addPromise(
                n, project: project, version: version, language: language, source: source, words: words, rate: rate,
                cents: cents, due: due, accepted: accepted, currency: currency, rep: rep, pm: pm, position: j,
                &random, &c)
        }
        c.versions.rows[versionIndex] = [
            .uuid(version), .uuid(quote), .int(1),
            .text(Self.quoteContent(source, languages, accepted, total, currency)), .uuid(rep), .instant(quoted),
            .instant(quoted + 3_600),
        ]
        // A quarter of the projects had a rival quote on the same opportunity that was lost or expired.
        if random.chance(0.25) {
            let decided = accepted - random.int(1...60) * Self.day
            let lost = random.chance(0.7)
            c.quotes.add(
                .uuid(id(.lostQuote, i)), .text(String(format: "QS%02x-%07dL", tag, i)), .uuid(id(.account, a)),
                .uuid(id(.opportunity, o)), .text(lost ? "lost" : "expired"), .int(1),
                .text(Self.dayText(decided)), .text(currency), .uuid(rep), .instant(decided - 20 * Self.day),
                .instant(decided), .instant(decided), .text(lost ? "Price" : ""), .null)
            c.versions.add(
                .uuid(id(.lostQuoteVersion, i)), .uuid(id(.lostQuote, i)), .int(1),
                .text(Self.quoteContent(source, languages, decided, total * 11 / 10, currency)), .uuid(rep),
                .instant(decided - 20 * Self.day), .instant(decided - 20 * Self.day + 3_600))
        }
    }

    // swiftlint:disable:next function_parameter_count
    func addPromise(
        _ n: Int, project: UUID, version: UUID, language: String, source: String, words: Int, rate: Int, cents: Int,
        due: Int, accepted: Int, currency: String, rep: UUID, pm: UUID, position: Int,
        _ random: inout SeededRandom, _ c: inout GoalsScaleChunk
    ) {
        let promise = id(.promise, n)
        let weighted = ScaleMoney.text(cents: words * 87)
        let price = ScaleMoney.text(cents: cents)
        c.lines.add(
            .uuid(id(.quoteLine, n)), .uuid(version), .uuid(id(.lineID, n)), .int(position), .text("analysed"), .null,
            .text(language), .text("translation"), .text(""), .text("{}"), .text(weighted), .text("word"),
            .text(weighted), .text(ScaleMoney.text(cents: rate / 10)), .text(price), .text(currency),
            .text(ScaleMoney.text(cents: cents / 2)), .text(currency), .bool(true))
        // The outcome: kept (most), broken, renegotiated (then mostly kept), still open.
        var (finalDue, finalCents, status, cause) = (due, cents, "on-track", ScaleValue.null)
        var delivered: Int?
        let roll = random.int(0...999)
        let renegotiated = roll < 80
        if renegotiated {
            finalDue = due + random.int(3...7) * Self.day
            finalCents = cents * 11 / 10
            let made = accepted + (due - accepted) / 2
            let reasonCause = roll < 50 ? "client_change" : "sales_estimate"
            c.promiseVersions.add(
                .uuid(id(.promiseVersion, n * 2)), .uuid(promise), .int(1), .instant(due), .null, .text(price),
                .text(currency), .null, .text(""), .null, .null, .null, .instant(accepted), .bool(false))
            let previous =
                "{\"deliveryDate\":\(due - Self.referenceOffset),\"price\":{\"amount\":\"\(price)\",\"currency\":\"\(currency)\"}}"
            c.promiseVersions.add(
                .uuid(id(.promiseVersion, n * 2 + 1)), .uuid(promise), .int(2), .instant(finalDue), .null,
                .text(ScaleMoney.text(cents: finalCents)), .text(currency), .text(previous),
                .text(
                    roll < 50 ? "The client added files to the scope." : "The first estimate left no time for revision."
                ),
                .text(reasonCause), .null, .uuid(rep), .instant(made), .bool(false))
            cause = .text(reasonCause)
        }
        if finalDue <= now - Self.day {
            if renegotiated ? roll % 7 != 0 : roll >= 180 {
                delivered = finalDue - random.int(0...2) * Self.day - random.int(0...7_200)
                status = "kept"
            } else if roll < 995 {
                delivered = finalDue + random.int(1...5) * Self.day
                status = "broken"
                if !renegotiated { cause = .text(["production_slip", "vendor", "sales_estimate"][roll % 3]) }
            }  // else: never delivered, judged broken at read
        } else if random.chance(0.05) {
            status = "at-risk"
        }
        if let d = delivered, d > now { delivered = now - 3_600 }
        let costCents = finalCents * random.int(38...68) / 100
        let atRisk = delivered != nil && costCents * 100 > finalCents * 60
        c.promises.add(
            .uuid(promise), .uuid(project), .text(language), .instant(finalDue),
            .text(ScaleMoney.text(cents: finalCents)),
            .text(currency), .text(weighted), .text("[\"translation\"]"), .text("standard"), .uuid(rep), .uuid(pm),
            .text(status), .int(renegotiated ? 2 : 1), .instant(accepted))
        let finish = delivered.map(ScaleValue.instant) ?? .null
        c.states.add(
            .uuid(promise), .null, .bool(atRisk), .bool(renegotiated), cause, finish, .bool(delivered != nil),
            .bool(false), finish, delivered == nil ? .null : .text(ScaleMoney.text(cents: costCents)),
            delivered == nil ? .null : .text(currency), .null, .bool(false))
        var jobStatus = "in-progress"
        if let d = delivered {
            jobStatus = d < now - 14 * Self.day ? "approved" : "delivered"
            let delivery = id(.delivery, n)
            c.deliveries.add(
                .uuid(delivery), .uuid(promise), .uuid(project), .instant(d), .text("\(words) words, translated"),
                .text("Client portal"), .text(ScaleMoney.text(cents: costCents)), .text(currency), .bool(true),
                status == "broken" ? cause : .null, .text(""), .uuid(pm), .instant(d))
            if random.chance(0.03) {
                let justified = random.chance(0.67)
                c.complaints.add(
                    .uuid(id(.complaint, n)), .uuid(promise), .uuid(delivery), .instant(d + 3 * Self.day),
                    .text("Inconsistent terminology."), .text(justified ? "major" : "minor"), .bool(justified),
                    .text("The client's glossary was not attached to the job."), .text("Glossary attached."),
                    .uuid(pm), .instant(d + 3 * Self.day))
            }
        }
        let job = id(.job, n)
        let jobDue = finalDue - Self.day
        let updated = delivered ?? accepted
        c.jobs.add(
            .uuid(job), .uuid(project), .text(language), .int(0), .text(jobStatus), .instant(jobDue),
            .int(delivered == nil ? 2 : 4),
            .text(
                Self.jobContent(
                    job, project, source, language, words, weighted, jobDue, accepted, updated, jobStatus,
                    delivered == nil ? 2 : 4)), .instant(accepted), .instant(updated))
    }

    static func quoteContent(_ source: String, _ targets: [String], _ at: Int, _ cents: Int, _ currency: String)
        -> String
    {
        let delivery = at + 14 * day - referenceOffset
        let list = targets.map { "{\"delivery\":\(delivery),\"language\":\"\($0)\"}" }.joined(separator: ",")
        return """
            {"feasibility":[],"note":"","options":[],"reviewReasons":[],"services":["translation"],\
            "sourceLanguage":"\(source)","targets":[\(list)],\
            "totals":{"total":{"amount":"\(ScaleMoney.text(cents: cents))","currency":"\(currency)"}}}
            """
    }

    // swiftlint:disable:next function_parameter_count
    static func jobContent(
        _ id: UUID, _ project: UUID, _ source: String, _ target: String, _ words: Int, _ weighted: String, _ due: Int,
        _ created: Int, _ updated: Int, _ status: String, _ version: Int
    ) -> String {
        """
        {"bands":{},"brief":"","createdAt":\(created - referenceOffset),"deliverables":[],\
        "due":\(due - referenceOffset),"effort":"weighted-words","files":[],"id":"\(id.uuidString)",\
        "isInternal":false,"projectID":"\(project.uuidString)","sequence":0,"service":"translation",\
        "sourceLanguage":"\(source)","status":"\(status)","step":"translation","targetLanguage":"\(target)",\
        "unit":"word","updatedAt":\(updated - referenceOffset),"version":\(version),"weightedWords":\(weighted),\
        "words":\(words)}
        """
    }
}
