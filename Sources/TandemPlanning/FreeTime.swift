/// A half-open span of UTC minutes, the engine's working unit.
struct Span: Hashable, Sendable {
    var start: Int
    var end: Int
    init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }
}

enum Spans {
    /// Sorts and merges overlapping or touching spans; drops empty ones.
    static func normalized(_ spans: [Span]) -> [Span] {
        let sorted = spans.filter { $0.end > $0.start }.sorted { $0.start < $1.start }
        var out: [Span] = []
        out.reserveCapacity(sorted.count)
        for span in sorted {
            if let last = out.last, span.start <= last.end {
                out[out.count - 1].end = max(last.end, span.end)
            } else {
                out.append(span)
            }
        }
        return out
    }

    /// Inserts one span into a normalized list, keeping it normalized.
    static func inserting(_ span: Span, into spans: [Span]) -> [Span] {
        guard span.end > span.start else { return spans }
        var lo = 0
        var hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].end < span.start { lo = mid + 1 } else { hi = mid }
        }
        var merged = span
        var last = lo
        while last < spans.count, spans[last].start <= merged.end {
            merged.start = min(merged.start, spans[last].start)
            merged.end = max(merged.end, spans[last].end)
            last += 1
        }
        var out = spans
        out.replaceSubrange(lo..<last, with: [merged])
        return out
    }

    /// `free` minus `busy`; both normalized.
    static func subtracting(_ busy: [Span], from free: [Span]) -> [Span] {
        guard !busy.isEmpty else { return free }
        var out: [Span] = []
        out.reserveCapacity(free.count + 4)
        var j = 0
        for span in free {
            var cursor = span.start
            while j < busy.count, busy[j].end <= cursor { j += 1 }
            var k = j
            while k < busy.count, busy[k].start < span.end {
                if busy[k].start > cursor { out.append(Span(cursor, busy[k].start)) }
                cursor = max(cursor, busy[k].end)
                if busy[k].end > span.end { break }
                k += 1
            }
            if cursor < span.end { out.append(Span(cursor, span.end)) }
        }
        return out
    }

    static func overlap(_ a: Span, _ b: Span) -> Int { max(0, min(a.end, b.end) - max(a.start, b.start)) }
}

/// A vendor's free working time as sorted disjoint spans with running totals, so "how many
/// free minutes before T" and "when are M free minutes used up" are binary searches.
/// Plain values in arrays, so copying a `FreeTime` costs a reference count or two.
///
/// Minutes are *worker*-minutes: each piece has the number of workers free in it (1 for a
/// person; up to `PlanningVendor.workers` for an agency), and a minute of the piece counts that
/// many times, so an agency's throughput is pooled. Work planned into a span takes all of them.
struct FreeTime: Sendable {
    struct Piece: Sendable {
        var start: Int
        var end: Int
        /// Free worker-minutes in all pieces before this one.
        var before: Int
        /// Workers free in the piece (≥ 1).
        var workers: Int
    }

    private(set) var pieces: [Piece]
    /// Whether some piece has more than one worker (an agency).
    private(set) var pooled = false
    /// Free worker-minutes in all pieces.
    let totalMinutes: Int

    init(spans: [Span], horizon: Int = 0) {
        var running = 0
        pieces = spans.map { span in
            defer { running += span.end - span.start }
            return Piece(start: span.start, end: span.end, before: running, workers: 1)
        }
        totalMinutes = running
    }

    /// Spans with the number of workers free in each (pieces with none are left out).
    init(weighted: [(span: Span, workers: Int)]) {
        var running = 0
        pieces = []
        pieces.reserveCapacity(weighted.count)
        for (span, n) in weighted where n > 0 && span.end > span.start {
            pieces.append(Piece(start: span.start, end: span.end, before: running, workers: n))
            running += (span.end - span.start) * n
            if n != 1 { pooled = true }
        }
        totalMinutes = running
    }

    private init(pieces: [Piece], pooled: Bool, totalMinutes: Int) {
        self.pieces = pieces
        self.pooled = pooled
        self.totalMinutes = totalMinutes
    }

    var spans: [Span] { pieces.map { Span($0.start, $0.end) } }

    /// Only the pieces that reach into [a, b), whole: every query about instants in [a, b)
    /// answers as before (running totals keep their values; only differences mean anything).
    func clipped(from a: Int, to b: Int) -> FreeTime {
        guard let first = pieces.first, let last = pieces.last, first.end <= a || last.start >= b else { return self }
        var i = firstEndingAfter(a)
        var kept: [Piece] = []
        while i < pieces.count, pieces[i].start < b {
            kept.append(pieces[i])
            i += 1
        }
        let total = kept.last.map { $0.before + ($0.end - $0.start) * $0.workers } ?? 0
        return FreeTime(pieces: kept, pooled: pooled, totalMinutes: total)
    }

    var weightedSpans: [(span: Span, workers: Int)] {
        pieces.map { (Span($0.start, $0.end), $0.workers) }
    }

    /// Index of the first piece whose end is after `t`.
    private func firstEndingAfter(_ t: Int) -> Int {
        var lo = 0
        var hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if pieces[mid].end <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Free minutes in [origin, t). Only differences between two calls mean anything.
    /// (The planner's innermost loop: a plain binary search. Reading the array through an
    /// unsafe buffer saved 2.4% of the instructions of a check, `@inline(__always)` cost 3.5%;
    /// see BENCHMARKS.md.)
    func minutes(before t: Int) -> Int {
        let i = firstEndingAfter(t)
        if i == pieces.count { return totalMinutes }
        let elapsed = max(0, t - pieces[i].start)
        return pieces[i].before + elapsed * pieces[i].workers
    }

    /// The earliest instant by which the running total reaches `m` (> 0); nil beyond the end.
    func instant(afterMinutes m: Int) -> Int? {
        guard m > 0 else { return pieces.first?.start }
        var lo = 0
        var hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if pieces[mid].before + (pieces[mid].end - pieces[mid].start) * pieces[mid].workers < m {
                lo = mid + 1
            } else {
                hi = mid
            }
        }
        guard lo < pieces.count else { return nil }
        let n = pieces[lo].workers
        return pieces[lo].start + (n == 1 ? m - pieces[lo].before : (m - pieces[lo].before + n - 1) / n)
    }

    func firstFree(atOrAfter t: Int) -> Int? {
        let i = firstEndingAfter(t)
        guard i < pieces.count else { return nil }
        return max(t, pieces[i].start)
    }

    /// The end of the first free piece that ends after `t`.
    func pieceEnd(after t: Int) -> Int? {
        let i = firstEndingAfter(t)
        return i < pieces.count ? pieces[i].end : nil
    }

    /// The free spans clipped to [a, b).
    func spans(from a: Int, to b: Int) -> [Span] {
        var out: [Span] = []
        var i = firstEndingAfter(a)
        while i < pieces.count, pieces[i].start < b {
            out.append(Span(max(a, pieces[i].start), min(b, pieces[i].end)))
            i += 1
        }
        return out
    }

    /// `head`'s pieces, then this one's from `boundary` on (pieces never straddle `boundary`).
    /// Only differences of running totals mean anything, so the rest keep theirs and `head`'s
    /// are set to end where the rest begin: one copy of the array, no rebuild.
    func replacing(before boundary: Int, with head: FreeTime) -> FreeTime {
        var lo = 0
        var hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if pieces[mid].start < boundary { lo = mid + 1 } else { hi = mid }
        }
        let restStart = lo < pieces.count ? pieces[lo].before : totalMinutes
        let offset = restStart - head.totalMinutes
        guard offset >= 0 else {
            // Totals must stay non-negative (`instant(afterMinutes:)` reads m ≤ 0 as "at once").
            return FreeTime(weighted: head.weightedSpans + weightedSpans.filter { $0.span.start >= boundary })
        }
        var out = self
        out.pieces.replaceSubrange(
            0..<lo,
            with: head.pieces.map {
                Piece(start: $0.start, end: $0.end, before: $0.before + offset, workers: $0.workers)
            })
        out.pooled = pooled || head.pooled
        return out
    }

    /// Without `busy` (all workers of it: planned work takes the whole pool).
    func subtracting(_ busy: [Span]) -> FreeTime {
        guard pooled else { return FreeTime(spans: Spans.subtracting(busy, from: spans)) }
        // One sweep over both sorted lists, as `Spans.subtracting`, keeping each piece's workers.
        var out: [(span: Span, workers: Int)] = []
        out.reserveCapacity(pieces.count + 4)
        var j = 0
        for piece in pieces {
            var cursor = piece.start
            while j < busy.count, busy[j].end <= cursor { j += 1 }
            var k = j
            while k < busy.count, busy[k].start < piece.end {
                if busy[k].start > cursor { out.append((Span(cursor, busy[k].start), piece.workers)) }
                cursor = max(cursor, busy[k].end)
                if busy[k].end > piece.end { break }
                k += 1
            }
            if cursor < piece.end { out.append((Span(cursor, piece.end), piece.workers)) }
        }
        return FreeTime(weighted: out)
    }
}
