// swift-tools-version:6.0
// Release-built benchmark driver for TandemAnalysis (see run.sh). Depends on the root package.
import PackageDescription

let package = Package(
    name: "analysis-bench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Tandem", path: "../..")],
    targets: [
        .executableTarget(name: "analysis-bench", dependencies: [.product(name: "TandemAnalysis", package: "Tandem")])
    ]
)
