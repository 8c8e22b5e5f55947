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
/// One array of plain values, so copying a `FreeTime` costs one reference count.
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
        var minutes: Int { (end - start) * workers }
    }

    private(set) var pieces: [Piece]

    init(spans: [Span], horizon: Int = 0) {
        var running = 0
        pieces = spans.map { span in
            defer { running += span.end - span.start }
            return Piece(start: span.start, end: span.end, before: running, workers: 1)
        }
    }

    /// Spans with the number of workers free in each (pieces with none are left out).
    init(weighted: [(span: Span, workers: Int)]) {
        var running = 0
        pieces = []
        pieces.reserveCapacity(weighted.count)
        for (span, workers) in weighted where workers > 0 && span.end > span.start {
            pieces.append(Piece(start: span.start, end: span.end, before: running, workers: workers))
            running += (span.end - span.start) * workers
        }
    }

    var spans: [Span] { pieces.map { Span($0.start, $0.end) } }

    var weightedSpans: [(span: Span, workers: Int)] { pieces.map { (Span($0.start, $0.end), $0.workers) } }

    var totalMinutes: Int { pieces.last.map { $0.before + $0.minutes } ?? 0 }

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
        return pieces[i].before + max(0, t - pieces[i].start) * pieces[i].workers
    }

    /// The earliest instant by which the running total reaches `m` (> 0); nil beyond the end.
    func instant(afterMinutes m: Int) -> Int? {
        guard m > 0 else { return pieces.first?.start }
        var lo = 0
        var hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if pieces[mid].before + pieces[mid].minutes < m { lo = mid + 1 } else { hi = mid }
        }
        guard lo < pieces.count else { return nil }
        let workers = pieces[lo].workers
        return pieces[lo].start + (m - pieces[lo].before + workers - 1) / workers
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

    /// Without `busy` (all workers of it: planned work takes the whole pool).
    func subtracting(_ busy: [Span]) -> FreeTime {
        guard pieces.contains(where: { $0.workers != 1 }) else {
            return FreeTime(spans: Spans.subtracting(busy, from: spans))
        }
        var out: [(span: Span, workers: Int)] = []
        for piece in pieces {
            for span in Spans.subtracting(busy, from: [Span(piece.start, piece.end)]) {
                out.append((span, piece.workers))
            }
        }
        return FreeTime(weighted: out)
    }
}
