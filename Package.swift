// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "podium",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "podium", targets: ["podium"]),
        .library(name: "Podium", targets: ["Podium"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Debian ships no .pc file for libcsv, so no pkgConfig: naming one only makes every build warn.
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE), which Swift's Glibc does not export: report folders are swapped atomically.
        .systemLibrary(name: "CRenameExchange"),
        .systemLibrary(name: "CFixedFormat"),
        .systemLibrary(
            name: "CLibArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        // OpenSSL's libcrypto, for the SHA-256 of the files a manifest lists (Sources/Podium/Audit).
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // libxlsxwriter, for the ranking's Excel workbook (Sources/Podium/Reports/XLSXWorkbook.swift
        // is its only importer).
        .systemLibrary(
            name: "CLibXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "PodiumCSV", dependencies: ["CLibCSV"]),
        .target(name: "PodiumDBase", dependencies: ["PodiumCSV"]),
        // The only importer of CLibArchive (with the tests' ZIP writer).
        .target(name: "PodiumArchive", dependencies: ["CLibArchive", "PodiumCSV"]),
        .target(
            name: "Podium",
            dependencies: [
                "PodiumCSV", "PodiumDBase", "PodiumArchive", "CRenameExchange", "CFixedFormat", "CLibCrypto",
                "CLibXLSXWriter",
                .product(name: "Yams", package: "Yams"),
            ],
            // Optimised in debug builds too: the tests run whole rankings, and the sensitivity
            // analysis (thousands of recomputed categories) takes minutes unoptimised, seconds optimised.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .executableTarget(
            name: "podium",
            dependencies: ["Podium", "PodiumDBase", "PodiumArchive", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // libFuzzer's driver around Podium's FuzzTarget; scripts/fuzz builds it with the sanitizers.
        .executableTarget(name: "podium-fuzz", dependencies: ["Podium"]),
        .testTarget(name: "PodiumCSVTests", dependencies: ["PodiumCSV"]),
        // Builders of the dBase tables and ZIP files the tests read; not part of any product.
        .target(
            name: "PodiumTestFixtures",
            dependencies: ["CLibArchive"],
            path: "Tests/PodiumTestFixtures"
        ),
        .testTarget(name: "PodiumDBaseTests", dependencies: ["PodiumDBase", "PodiumCSV", "PodiumTestFixtures"]),
        .testTarget(
            name: "PodiumArchiveTests",
            dependencies: ["PodiumArchive", "PodiumDBase", "PodiumTestFixtures"]
        ),
        .testTarget(
            name: "PodiumTests",
            dependencies: ["Podium", "PodiumCSV", "PodiumArchive", "PodiumTestFixtures"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "podiumTests", dependencies: ["podium"]),
    ]
)
