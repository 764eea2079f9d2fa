// swift-tools-version:6.1
import PackageDescription

/// libFuzzer targets for aircover's readers of user files (see README.md).
/// A package of its own, so that `swift build` / `swift test` of aircover
/// never build or link them; `tools/fuzz` builds them with
/// `-sanitize=fuzzer,address`.
let package = Package(
    name: "aircover-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "aircover", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
    ] + [
        ("scenario", ["Planner"]), ("catalog", ["Isochrones", "GeoCore", "Support"]), ("vector", ["GeoCore"]),
        ("costs", ["Siting"]), ("orlib", ["Siting"]), ("input", ["Planner"]),
    ].map { name, products in
        .executableTarget(name: "fuzz-\(name)",
                          dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "aircover") })
    }
)
