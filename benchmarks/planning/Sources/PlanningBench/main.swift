import Foundation

// PlanningBench latency [vendors] [jobs] [checks] [db] — 10k-vendor feasibility latency (db: with the
//                                                      vendor database's fields, `DatabaseShaped`)
// PlanningBench export DIR [count] [seed] [mixed|multi] — small instances + engine answers for CP-SAT
// PlanningBench demo WORK.json [OUT.jsonl] — the capacity API's checks on exported data (`DemoWorkload`)
let args = CommandLine.arguments
switch args.count > 1 ? args[1] : "latency" {
case "export":
    try Optimality.export(
        to: args.count > 2 ? args[2] : "out", count: args.count > 3 ? Int(args[3])! : 200,
        seed: args.count > 4 ? UInt64(args[4])! : 2027, family: args.count > 5 ? args[5] : "mixed")
case "demo":
    try DemoWorkload.run(path: args[2], output: args.count > 3 ? args[3] : nil)
default:
    try Latency.run(
        vendors: args.count > 2 ? Int(args[2])! : 10_000, jobs: args.count > 3 ? Int(args[3])! : 100_000,
        checks: args.count > 4 ? Int(args[4])! : 1000, targets: 5, databaseShaped: args.count > 5 && args[5] == "db")
}
