// swift-tools-version:6.1
// Bevara: e-archive ingestion and long-term preservation for Swedish municipalities.
// Modules follow the OAIS functions over a small model; see README.md ("Code map").
import PackageDescription

let package = Package(
    name: "Bevara",
    products: [
        .executable(name: "bevara", targets: ["BevaraCLI"]),
        // PDF text worker that ingest runs beside `bevara` (same directory); see PDFTextWorkerPool.
        .executable(name: "bevara-pdftext", targets: ["BevaraPDFText"]),
        .library(name: "BevaraPackaging", targets: ["BevaraPackaging"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // System C libraries. Debian packages: libarchive-dev, libmagic-dev (README, setup).
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "CMagic", providers: [.apt(["libmagic-dev"])]),
        .systemLibrary(name: "CPosix"),
        // libxml2 (libxml2-dev): the SAX2 parser behind BevaraXML's `SAXParser`.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // poppler-glib (libpoppler-glib-dev): linked by the PDF text worker only, not by `bevara`.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),

        // Model: plain value types for organisations, agreements, cases, records, parties, files.
        .target(name: "BevaraModel"),
        // Streaming XML writing (escaping, namespaces) and hardened XML reading helpers.
        .target(name: "BevaraXML", dependencies: ["BevaraArchiveIO", "CLibXML2"]),
        // Files and archives: SHA-256 streaming, libarchive tar/zip, libmagic, safe paths, atomic output.
        .target(name: "BevaraArchiveIO", dependencies: [
            "CArchive", "CMagic", "CPosix",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // What Bevara's SQLite writers (the index, the staging catalog) share: binding rows fast.
        .target(name: "BevaraSQLite", dependencies: [
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Profiles: how a source system's export maps onto the model; submission agreements.
        .target(name: "BevaraProfiles", dependencies: [
            "BevaraModel", "BevaraXML", "BevaraArchiveIO", "BevaraSQLite",
            .product(name: "Yams", package: "Yams"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Packaging: preflight check and E-ARK SIP writing (METS, PREMIS, CITS ERMS).
        .target(name: "BevaraPackaging", dependencies: [
            "BevaraModel", "BevaraXML", "BevaraArchiveIO", "BevaraProfiles",
        ]),
        // Storage: the OCFL 1.1 storage root holding AIPs; every read can verify its checksum.
        .target(name: "BevaraStorage", dependencies: [
            "BevaraArchiveIO", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Ingest: safe unpacking of submitted packages, METS reading and SIP validation, AIP building.
        .target(name: "BevaraIngest", dependencies: [
            "BevaraModel", "BevaraXML", "BevaraArchiveIO", "BevaraProfiles", "BevaraPackaging", "BevaraStorage", "BevaraIndex",
            "CArchive", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Index: the SQLite catalogue of archived packages (a cache rebuildable from storage).
        .target(name: "BevaraIndex", dependencies: [
            "BevaraModel", "BevaraXML", "BevaraArchiveIO", "BevaraSQLite", "CArchive", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Access: registrar search, case views, secrecy decisions, disclosure packages, access log.
        .target(name: "BevaraAccess", dependencies: [
            "BevaraModel", "BevaraArchiveIO", "BevaraIndex", "BevaraStorage", "BevaraIngest", "BevaraPackaging", "BevaraXML",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Deterministic generator of exports (both profile shapes) for tests and benchmarks.
        .target(name: "BevaraFixtures", dependencies: ["BevaraModel", "BevaraArchiveIO"]),
        // The command line: parses arguments and prints; no logic of its own.
        .executableTarget(name: "BevaraCLI", dependencies: [
            "BevaraPackaging", "BevaraProfiles", "BevaraModel", "BevaraArchiveIO", "BevaraFixtures", "BevaraIngest", "BevaraAccess",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `bevara-pdftext`: a long-lived worker that ingest feeds PDF paths and that answers their
        // text (poppler in its own process: a hostile PDF can crash or hang only the worker).
        .executableTarget(name: "BevaraPDFText", dependencies: ["CPoppler"]),
        // Benchmarks (bench/run): index build and search latency through the real IndexWriter API.
        .executableTarget(name: "BevaraBench", dependencies: ["BevaraIndex", "BevaraModel", "BevaraArchiveIO", "BevaraFixtures"],
                          path: "bench/Sources/BevaraBench"),

        // Shared by the test targets: the repository root, the built `bevara` binary and a runner.
        .target(name: "BevaraTestSupport", path: "Tests/BevaraTestSupport"),
        .testTarget(name: "BevaraModelTests", dependencies: ["BevaraModel"]),
        .testTarget(name: "BevaraXMLTests", dependencies: ["BevaraXML", "BevaraArchiveIO"]),
        .testTarget(name: "BevaraArchiveIOTests", dependencies: ["BevaraArchiveIO"]),
        .testTarget(name: "BevaraProfilesTests", dependencies: ["BevaraProfiles", "BevaraModel", "BevaraArchiveIO"]),
        // End to end: runs the built `bevara` binary and the field's validators on its output.
        .testTarget(name: "BevaraCLITests", dependencies: ["BevaraTestSupport", "BevaraCLI", "BevaraArchiveIO"]),
        .testTarget(name: "BevaraStorageTests", dependencies: ["BevaraStorage", "BevaraArchiveIO"]),
        .testTarget(name: "BevaraIngestTests", dependencies: ["BevaraTestSupport",
            "BevaraIngest", "BevaraArchiveIO", "BevaraModel", "BevaraStorage", "BevaraIndex", "BevaraPackaging", "BevaraProfiles", "CArchive",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "BevaraAccessTests", dependencies: ["BevaraTestSupport",
            "BevaraAccess", "BevaraIngest", "BevaraIndex", "BevaraModel", "BevaraArchiveIO", "BevaraPackaging", "BevaraStorage",
        ]),
        .testTarget(name: "BevaraSQLiteTests", dependencies: ["BevaraSQLite", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "BevaraIndexTests", dependencies: ["BevaraTestSupport", "BevaraIndex", "BevaraModel", "BevaraArchiveIO"]),
        .testTarget(name: "BevaraFixturesTests", dependencies: ["BevaraTestSupport", "BevaraFixtures", "BevaraProfiles", "BevaraModel"]),
        .testTarget(name: "BevaraPackagingTests", dependencies: [
            "BevaraPackaging", "BevaraProfiles", "BevaraModel", "BevaraArchiveIO", "BevaraXML",
        ]),
    ]
)
