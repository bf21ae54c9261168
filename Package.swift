// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "thidua",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "thidua", targets: ["thidua"]),
    .library(name: "SheetIO", targets: ["SheetIO"]),
    .library(name: "ThiDuaCore", targets: ["ThiDuaCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    // SQLite through GRDB, for the Board's workspace (docs/workspace.md).
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    // The workspace's pages: HTTP, password hashes, templates (docs/serve.md).
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
  ],
  targets: [
    .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
    .systemLibrary(name: "CExpat", pkgConfig: "expat", providers: [.apt(["libexpat1-dev"])]),
    // libxml2's HTML parser, for the HTML tables web software saves as "Excel" files.
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    // libarchive, for the .zip, .rar, .7z and .tar.gz archives that units send reports in.
    .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
    .systemLibrary(
      name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
    // renameat2(RENAME_EXCHANGE), which Glibc's Swift overlay does not declare.
    .target(name: "CFolderSwap"),
    .target(
      name: "SheetIO", dependencies: ["CZip", "CExpat", "CLibXML2", "CArchive", "CXLSXWriter", "CFolderSwap"],
      // The reader's hot loops touch class state millions of times; the run-time
      // exclusivity checks cost a quarter of the read (docs/performance.md).
      swiftSettings: strict + [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
    .target(
      name: "ThiDuaCore", dependencies: ["SheetIO", .product(name: "Crypto", package: "swift-crypto")], resources: [.copy("Resources/ke-hoach-5201")],
      swiftSettings: strict),
    // The workspace: received files by SHA-256, intake results, figures, runs, audit.
    .target(
      name: "ThiDuaWorkspace", dependencies: ["ThiDuaCore", "SheetIO", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: strict),
    // HTTP only: routes, sessions, CSRF, roles, pages; everything else is the core's.
    .target(
      name: "ThiDuaServer",
      dependencies: [
        "ThiDuaWorkspace", "ThiDuaCore", "SheetIO", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ], resources: [.copy("Pages")], swiftSettings: strict),
    .executableTarget(
      name: "thidua",
      dependencies: [
        "SheetIO", "ThiDuaCore", "ThiDuaWorkspace", "ThiDuaServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    // libFuzzer target of the whole pipeline (scripts/fuzz/pipeline); not part of the command line.
    .executableTarget(
      name: "thidua-fuzz-pipeline", dependencies: ["SheetIO", "ThiDuaCore", "FuzzDriver"], path: "Fuzz/Pipeline",
      swiftSettings: strict),
    // libFuzzer targets of the readers (scripts/fuzz/readers); not part of the command line.
    .executableTarget(
      name: "thidua-fuzz-readers", dependencies: ["SheetIO", "FuzzDriver"], path: "Fuzz/Readers",
      swiftSettings: strict),
    // The entry point both fuzz targets share: libFuzzer's driver, or a replay of files.
    .target(name: "FuzzDriver", path: "Fuzz/Driver", swiftSettings: strict),
    // Benchmark driver for scripts/bench/write; not part of the command line.
    .executableTarget(name: "thidua-bench", dependencies: ["SheetIO"], swiftSettings: strict),
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
    .testTarget(
      name: "SheetIOTests", dependencies: ["SheetIO", "TestSupport"], swiftSettings: strict),
    .testTarget(
      name: "ThiDuaCoreTests", dependencies: ["ThiDuaCore", "SheetIO", "TestSupport"], swiftSettings: strict),
    .testTarget(
      name: "WorkspaceTests", dependencies: ["ThiDuaWorkspace", "ThiDuaCore", "SheetIO", "TestSupport"], swiftSettings: strict),
    .testTarget(
      name: "ServerTests",
      dependencies: [
        "ThiDuaServer", "ThiDuaWorkspace", "ThiDuaCore", "SheetIO", "TestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ], swiftSettings: strict),
    .testTarget(
      name: "EndToEndTests", dependencies: ["thidua", "ThiDuaCore", "TestSupport"], swiftSettings: strict),
  ]
)
