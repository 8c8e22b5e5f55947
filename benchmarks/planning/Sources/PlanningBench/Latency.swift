import Foundation
import TandemDomain
import TandemPlanning

enum Latency {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    /// CPU time of this thread: unaffected by other processes taking the cores.
    static func cpuNow() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    /// `databaseShaped`: with the vendor database's fields (`DatabaseShaped`).
    static func run(vendors vendorCount: Int, jobs: Int, checks: Int, targets: Int, databaseShaped: Bool = false) throws
    {
        let jobsPerVendor = jobs / vendorCount
        print(
            "Synthetic LSP: \(vendorCount) vendors, \(SyntheticLSP.pairs.count) language pairs, \(jobsPerVendor * vendorCount) booked jobs"
        )
        var vendors = SyntheticLSP.vendors(count: vendorCount, jobsPerVendor: jobsPerVendor, seed: 42)
        if databaseShaped {
            vendors = DatabaseShaped.vendors(vendors, seed: 43)
            print("With the vendor database's fields (quality, agencies, shares, part-day absences, USD, fees)")
        }
        var t0 = now()
        var index = try CapacityIndex(
            vendors: vendors, window: TimeRange(start: SyntheticLSP.start, end: SyntheticLSP.start + 120 * 1440))
        print(String(format: "Index build: %.0f ms", Double(now() - t0) / 1e6))

        var rng = Seeded(state: 7)
        var requests = (0..<checks).map { _ in SyntheticLSP.request(targets: targets, rng: &rng) }
        if databaseShaped {
            var extra = Seeded(state: 44)
            requests = requests.map { DatabaseShaped.request($0, rng: &extra) }
        }
        // Warm-up.
        for request in requests.prefix(20) { _ = try index.check(request, now: request.start) }
        var times: [Double] = []
        var cpu: [Double] = []
        var verdicts: [Verdict: Int] = [:]
        for request in requests {
            t0 = now()
            let c0 = cpuNow()
            let result = try index.check(request, now: request.start)
            cpu.append(Double(cpuNow() - c0) / 1e6)
            times.append(Double(now() - t0) / 1e6)
            verdicts[result.verdict, default: 0] += 1
        }
        times.sort()
        cpu.sort()
        print(
            String(
                format: "  (thread CPU time: median %.3f ms, p99 %.3f ms)", percentile(cpu, 0.5), percentile(cpu, 0.99))
        )
        print(
            String(
                format:
                    "Feasibility check (%d targets × translation+revision, ≤3 vendors/step), %d checks: median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms",
                targets, checks, percentile(times, 0.5), percentile(times, 0.9), percentile(times, 0.99), times.last!))
        print("Verdicts: green \(verdicts[.green] ?? 0), amber \(verdicts[.amber] ?? 0), red \(verdicts[.red] ?? 0)")

        // Incremental booking: book 1,000 jobs one by one, each followed by nothing else.
        var bookTimes: [Double] = []
        for j in 0..<1000 {
            let v = VendorID("v\(rng.int(0...vendorCount - 1))")
            let s = SyntheticLSP.start.minutes + rng.int(0...(28 * 24)) * 60
            let booking = Booking(
                id: BookingID("new-\(j)"), range: TimeRange(start: Instant(minutes: s), end: Instant(minutes: s + 240)))
            t0 = now()
            try index.book(booking, for: v)
            bookTimes.append(Double(now() - t0) / 1e6)
        }
        bookTimes.sort()
        print(
            String(
                format: "Booking a job (incremental, no rebuild), 1000 bookings: median %.4f ms, p99 %.4f ms",
                percentile(bookTimes, 0.5), percentile(bookTimes, 0.99)))
        t0 = now()
        for request in requests.prefix(100) { _ = try index.check(request, now: request.start) }
        print(String(format: "Checks after the bookings: mean %.3f ms", Double(now() - t0) / 1e6 / 100))
    }
}
