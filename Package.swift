// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "lexpipe",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lexpipe", targets: ["lexpipe"]),
        .library(name: "LexpipePipeline", targets: ["LexpipePipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // Atomic directory exchange and opening a file only inside a folder, which Foundation
        // and Glibc's Swift overlay do not expose.
        .target(name: "CSystemShims"),
        // Byte scans sixteen bytes at a time, which Swift's SIMD types do not compile to here.
        .target(name: "CByteScan"),
        // The document record: the contract every stage produces or consumes.
        .target(name: "LexpipeRecord", dependencies: ["CByteScan"]),
        // Stage 1 for PDFs: the text layer through poppler, as words with boxes and fonts.
        .target(name: "LexpipePDF", dependencies: ["CPoppler"]),
        // Stage 1: corpus walk, bytes, digest, format detection, decoding.
        .target(
            name: "LexpipeIngest",
            dependencies: ["LexpipeRecord", "LexpipePDF", "CSystemShims", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Stage 2: markup cleanup through libxml2 into blocks; a PDF's words laid out into blocks.
        .target(name: "LexpipeMarkup", dependencies: ["LexpipeIngest", "LexpipePDF", "CLibXML2"]),
        // The states, DC, territories and federal law with their code names: read by extraction
        // (which codes a document may cite) and by normalization (their Bluebook forms) alike.
        .target(
            name: "LexpipeJurisdictions",
            dependencies: ["LexpipeRecord"],
            resources: [.copy("Resources/jurisdictions.json")]
        ),
        // Stages 3-4: classification, statute summaries, citations, grade tables.
        .target(name: "LexpipeExtraction", dependencies: ["LexpipeIngest", "LexpipeMarkup", "LexpipeJurisdictions"]),
        // Stage 5: states, dates, code names, grades: the extraction becomes the record.
        .target(
            name: "LexpipeNormalization",
            dependencies: ["LexpipeIngest", "LexpipeExtraction", "LexpipeJurisdictions", "LexpipeRecord"]
        ),
        // Stage 6: JSONL, CSV and SQLite datasets, written atomically.
        .target(
            name: "LexpipeDatasets",
            dependencies: ["LexpipeRecord", "CSystemShims", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Year-over-year and run-over-run comparison of published datasets.
        .target(name: "LexpipeDiff", dependencies: ["LexpipeRecord", "LexpipeDatasets"]),
        // `lexpipe check`: extractions scored against hand-checked gold records, field by field.
        .target(name: "LexpipeCheck", dependencies: ["LexpipePipeline", "LexpipeRecord"]),
        // `lexpipe bench`: a corpus measured against reading and libxml2 alone, PDFs against
        // pdftotext, and the layout zoo's accuracy.
        .target(
            name: "LexpipeBenchmark",
            dependencies: [
                "LexpipeIngest", "LexpipePDF", "LexpipeMarkup", "LexpipeRecord", "LexpipeCheck", "LexpipeCorpusGenerator",
                "LexpipePipeline",
            ]
        ),
        // Deterministic corpora of summaries and report cards for benchmarks and stress tests.
        .target(name: "LexpipeCorpusGenerator", dependencies: ["LexpipeRecord"]),
        // The runner: configuration, concurrency, the one writer.
        .target(
            name: "LexpipePipeline",
            dependencies: [
                "LexpipeIngest", "LexpipeMarkup", "LexpipeExtraction", "LexpipeJurisdictions", "LexpipeNormalization",
                "LexpipeDatasets", "LexpipeRecord", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "lexpipe",
            dependencies: [
                "LexpipePipeline", "LexpipeRecord", "LexpipeDiff", "LexpipeDatasets", "LexpipeBenchmark",
                "LexpipeCorpusGenerator", "LexpipeCheck", "CSystemShims",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target over the raw bytes of a document (see scripts/fuzz.sh).
        .executableTarget(name: "LexpipeFuzz", dependencies: ["LexpipePipeline", "LexpipeRecord"]),
        .testTarget(
            name: "LexpipeTests",
            dependencies: [
                "LexpipePipeline", "LexpipeIngest", "LexpipeMarkup", "LexpipeExtraction", "LexpipeJurisdictions",
                "LexpipeNormalization", "LexpipeDatasets", "LexpipeRecord", "LexpipeDiff",
                "LexpipeCorpusGenerator", "LexpipeBenchmark", "LexpipeCheck", "LexpipePDF",
                // Built for the end-to-end tests, which run the binary as a user would.
                "lexpipe",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
