// swift-tools-version:6.0
import PackageDescription

// Direction of imports is inward: tandem → TandemWeb → TandemApp → TandemDomain, and
// TandemWeb → TandemPersistence → TandemDomain;
// engines (Analysis, Planning, Localization) depend on Domain only and never on Vapor/Fluent/NIO.
let package = Package(
    name: "Tandem",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tandem", targets: ["tandem"]),
        .library(name: "TandemDomain", targets: ["TandemDomain"]),
        .library(name: "TandemAnalysis", targets: ["TandemAnalysis"]),
        .library(name: "TandemPlanning", targets: ["TandemPlanning"]),
        .library(name: "TandemLocalization", targets: ["TandemLocalization"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.52.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.4.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.30.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.20.0"),
        // RFC 4180 CSV reading and writing for the vendor import and export.
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        // Markdown of thread comments (docs/collaboration.md); its HTML is re-checked by an allow-list.
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
    ],
    targets: [
        .target(name: "TandemDomain"),
        // libxml2's streaming reader: large XLIFF/TMX files without loading them whole.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "TandemAnalysis",
            dependencies: ["TandemDomain", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "TandemPlanning", dependencies: ["TandemDomain"]),
        .target(name: "TandemLocalization", dependencies: ["TandemDomain"]),
        // Use cases: the rules pages, the API and commands share. Stores, a clock, identifiers and a
        // password hasher come in; no Vapor, no Fluent.
        .target(
            name: "TandemApp",
            dependencies: [
                "TandemDomain", "TandemPlanning", "TandemAnalysis", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"), .product(name: "Ink", package: "Ink"),
            ]),
        // The planning engine's codes in words (reasons, plan table): for the command line and the web.
        .target(name: "TandemPlanningText", dependencies: ["TandemDomain", "TandemPlanning", "TandemLocalization"]),
        .target(
            name: "TandemPersistence",
            dependencies: [
                "TandemDomain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        .target(
            name: "TandemWeb",
            dependencies: [
                "TandemDomain", "TandemApp", "TandemPersistence", "TandemLocalization", "TandemPlanning",
                "TandemPlanningText",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Leaf", package: "leaf"),
            ]
        ),
        // Command-line front ends of the engines: argument parsing only, no Vapor.
        .target(
            name: "TandemCommands",
            dependencies: [
                "TandemDomain", "TandemAnalysis", "TandemPlanning", "TandemLocalization", "TandemPlanningText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "tandem",
            dependencies: [
                "TandemWeb", "TandemCommands", "TandemDomain", "TandemPlanning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TandemDomainTests", dependencies: ["TandemDomain"]),
        .testTarget(name: "TandemAnalysisTests", dependencies: ["TandemAnalysis"]),
        .testTarget(
            name: "TandemPlanningTests", dependencies: ["TandemPlanning", "TandemPlanningText", "TandemLocalization"]),
        .testTarget(name: "TandemLocalizationTests", dependencies: ["TandemLocalization"]),
        .testTarget(name: "TandemPersistenceTests", dependencies: ["TandemPersistence"]),
        .testTarget(name: "TandemAppTests", dependencies: ["TandemApp", "TandemPersistence", "TandemPlanning"]),
        .testTarget(
            name: "TandemWebTests",
            dependencies: [
                "TandemWeb",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
