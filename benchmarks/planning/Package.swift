// swift-tools-version:6.0
// Benchmarks of TandemPlanning. Sources/TandemDomain and Sources/TandemPlanning are symlinks to
// the library sources, so this builds without the app's dependencies: `swift run -c release`.
import PackageDescription

let package = Package(
    name: "PlanningBench",
    platforms: [.macOS(.v14)],
    targets: [
        .target(name: "TandemDomain"),
        .target(name: "TandemPlanning", dependencies: ["TandemDomain"]),
        .executableTarget(name: "PlanningBench", dependencies: ["TandemPlanning", "TandemDomain"]),
    ]
)
