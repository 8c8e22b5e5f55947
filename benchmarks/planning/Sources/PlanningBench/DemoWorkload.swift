import Foundation
import TandemDomain
import TandemPlanning

/// `PlanningBench demo WORK.json [OUT.jsonl]`: the engine alone on the capacity API's data.
/// WORK.json is `benchmarks/capacity/make_requests.py`'s output (the demo's vendors exported by
/// `tandem capacity export`, and requests drawn as `bench.py` draws them). The index keeps the
/// server's window (a day back, 180 days ahead). Prints wall and thread CPU time per check;
/// OUT gets each answer as one line of JSON (keys sorted), to compare engines byte for byte.
enum DemoWorkload {
    static func run(path: String, output: String?) throws {
        let work =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        let rawRequests = work["requests"] as! [[String: Any]]
        let vendorFile = try JSONSerialization.data(withJSONObject: [
            "vendors": work["vendors"]!, "request": rawRequests[0],
        ])
        let vendors = try PlanFile.decode(vendorFile).vendors
        let requests = try rawRequests.map {
            try PlanFile.decode(JSONSerialization.data(withJSONObject: ["vendors": [], "request": $0])).request
        }
        // Exploration only: PLANNING_OPTIONS="localSearchPlans=100,refinementPlans=0".
        var options = PlanningOptions.standard
        for pair in (ProcessInfo.processInfo.environment["PLANNING_OPTIONS"] ?? "").split(separator: ",") {
            let kv = pair.split(separator: "=")
            switch kv[0] {
            case "localSearchPlans": options.localSearchPlans = Int(kv[1])!
            case "refinementPlans": options.refinementPlans = Int(kv[1])!
            case "improvementRounds": options.improvementRounds = Int(kv[1])!
            default: fatalError("unknown option \(kv[0])")
            }
        }
        let start = requests[0].start
        var t0 = Latency.now()
        let index = try CapacityIndex(
            vendors: vendors, window: TimeRange(start: start + (-1440), end: start + 180 * 1440))
        print(String(format: "%d vendors, index build %.0f ms", vendors.count, Double(Latency.now() - t0) / 1e6))
        for request in requests.prefix(20) { _ = try index.check(request, now: request.start, options: options) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var lines = Data()
        var times: [Double] = []
        var cpu: [Double] = []
        var verdicts: [Verdict: Int] = [:]
        for request in requests {
            t0 = Latency.now()
            let c0 = Latency.cpuNow()
            let result = try index.check(request, now: request.start, options: options)
            cpu.append(Double(Latency.cpuNow() - c0) / 1e6)
            times.append(Double(Latency.now() - t0) / 1e6)
            verdicts[result.verdict, default: 0] += 1
            lines.append(try encoder.encode(result))
            lines.append(Data("\n".utf8))
        }
        if let output {
            try lines.write(to: URL(fileURLWithPath: output))
            try cpu.map { String(format: "%.2f", $0) }.joined(separator: "\n").write(
                toFile: output + ".cpu", atomically: true, encoding: .utf8)
        }
        times.sort()
        cpu.sort()
        func line(_ name: String, _ v: [Double]) -> String {
            String(
                format: "%@: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms", name,
                Latency.percentile(v, 0.5), Latency.percentile(v, 0.9), Latency.percentile(v, 0.99), v.last!,
                v.reduce(0, +) / Double(v.count))
        }
        print("\(requests.count) checks")
        print(line("wall", times))
        print(line("thread CPU", cpu))
        print("Verdicts: green \(verdicts[.green] ?? 0), amber \(verdicts[.amber] ?? 0), red \(verdicts[.red] ?? 0)")
    }
}
