// swift-tools-version:6.1
import PackageDescription

/// aircover: planning aviation rescue networks.
/// Layout and data flow: docs/ARCHITECTURE.md.
let package = Package(
    name: "aircover",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "aircover", targets: ["aircover"]),
        .library(name: "GeoCore", targets: ["GeoCore"]),
        // For the fuzz targets too: the TOML/JSON readers live here.
        .library(name: "Support", targets: ["Support"]),
        .library(name: "Siting", targets: ["Siting"]),
        // For the fuzz targets (Fuzz/Package.swift), which depend on this package.
        .library(name: "Isochrones", targets: ["Isochrones"]),
        .library(name: "Planner", targets: ["Planner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // System libraries (Debian -dev packages, found through pkg-config).
        .systemLibrary(name: "CProj", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        .systemLibrary(name: "CCbc", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
        .systemLibrary(name: "CClp", pkgConfig: "clp", providers: [.apt(["coinor-libclp-dev"])]),

        // JSON, TOML configuration, number text, parallel map and the seeded
        // generator: what every target uses and no geometry needs.
        .target(name: "Support", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "GeoCore", dependencies: ["CProj", "CGEOS", "CGDAL", "Support"]),
        .target(name: "Isochrones", dependencies: ["GeoCore", "Support"], resources: [.copy("Resources")]),
        .target(name: "Coverage", dependencies: ["GeoCore", "Isochrones", "Support"]),
        .target(name: "Siting", dependencies: ["CCbc", "CClp"]),
        // Linux renameat2 (atomic exchange of two folders), for safe output writing.
        .target(name: "CAtomicRename"),
        .target(name: "Planner", dependencies: ["Support", "GeoCore", "Isochrones", "Coverage", "Siting", "CAtomicRename"]),
        // `aircover serve`: the interactive web planner (HTTP face of the Planner).
        .target(
            name: "Server",
            dependencies: ["Planner", "Support", "GeoCore", "Isochrones", .product(name: "Hummingbird", package: "hummingbird")],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "aircover",
            dependencies: [
                "Planner",
                "Server",
                "Support",
                "GeoCore",
                "Isochrones",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks (run by tools/bench; never timed inside unit tests).
        .executableTarget(
            name: "aircover-bench",
            dependencies: ["Support", "GeoCore", "Isochrones", "Coverage", "Siting"],
            path: "Benchmarks/aircover-bench"
        ),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore", "Support", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "IsochronesTests", dependencies: ["Isochrones", "Support", "TestSupport"]),
        .testTarget(name: "CoverageTests", dependencies: ["Coverage", "Support", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SitingTests", dependencies: ["Siting", "Support", "TestSupport"]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "Support", "GeoCore", "Siting", "TestSupport"]),
        .testTarget(
            name: "ServerTests",
            dependencies: ["Server", "Planner", "Support", "GeoCore", "TestSupport", "aircover",
                           .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "CommandTests", dependencies: ["aircover", "Support", "GeoCore", "TestSupport"], resources: [.copy("Fixtures")]),
    ]
)
