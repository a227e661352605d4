// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "repat",
    products: [
        .executable(name: "repat", targets: ["repat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libcurl, as Debian's libcurl4-openssl-dev ships it.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Typed, non-variadic wrappers over curl's variadic setopt/getinfo.
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        // Linux's epoll and eventfd headers, which the Glibc module leaves out.
        .systemLibrary(name: "CEpoll"),
        // The kernel's NTP state (sys/timex.h), which the Glibc module also leaves out.
        .systemLibrary(name: "CTimex"),
        // The commit packaging/build-package stamps into a packaged binary (NULL in a checkout's build).
        .target(name: "CBuildStamp"),
        .target(
            name: "CurlTransport",
            dependencies: ["CCurl", "CCurlShim", "CEpoll"],
            swiftSettings: swiftSettings
        ),
        // The one copy of small helpers every layer needs: the seeded generator, hex, percent-decoding,
        // JSON string escaping, CSV fields, URL redaction and the append-only file writer.
        .target(name: "RepatSupport", swiftSettings: swiftSettings),
        .target(
            name: "Workload",
            dependencies: [
                "RepatSupport", "Metrics",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The application/vnd.amazon.eventstream framing (AWS streaming responses such as Bedrock's).
        .target(name: "EventStream", swiftSettings: swiftSettings),
        .target(
            name: "Dialects",
            dependencies: [
                "CurlTransport", "Workload", "EventStream", "Metrics", "RepatSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Metrics",
            dependencies: ["RepatSupport", .product(name: "Histogram", package: "hdrhistogram-swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Results",
            dependencies: ["Metrics", "RepatSupport", "CTimex", "CBuildStamp"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Simulator",
            dependencies: [
                "EventStream", "RepatSupport", "Workload",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Power, utilisation and engine metrics sampled during a run (nvidia-smi, RAPL, /proc,
        // Prometheus scrapes, Ollama /api/ps), off the request path.
        .target(
            name: "Telemetry",
            dependencies: ["CurlTransport", "Metrics", "Results", "RepatSupport"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LoadGen",
            dependencies: ["CurlTransport", "Dialects", "Workload", "Metrics", "RepatSupport"],
            swiftSettings: swiftSettings
        ),
        // A whole `repat run` or `repat targets` above load generation: simulators for sim://
        // targets, preflight, calibration, the run folder and run.json, telemetry, level order,
        // SLO verdicts, the saturation search, summary.csv.
        .target(
            name: "Orchestration",
            dependencies: ["CurlTransport", "Dialects", "Workload", "Metrics", "Results", "Telemetry", "LoadGen", "Simulator", "RepatSupport"],
            swiftSettings: swiftSettings
        ),
        // `repat selfbench`: the client measured against the in-process simulator's ground truth.
        .target(
            name: "SelfBench",
            dependencies: ["CurlTransport", "Dialects", "Workload", "Metrics", "Results", "LoadGen", "Orchestration", "Simulator", "RepatSupport"],
            swiftSettings: swiftSettings
        ),
        // Cost model, price tables and hardware profiles behind `repat roi`.
        .target(
            name: "ROI",
            dependencies: ["Results", "Metrics", "RepatSupport", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "repat",
            dependencies: [
                "CurlTransport", "Dialects", "Workload", "Metrics", "Results", "LoadGen", "Orchestration", "Simulator", "Telemetry", "ROI", "SelfBench",
                "RepatSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Loopback helpers shared by the test targets (a refusing port, libcurl set-up, scenarios
        // of simulated targets, whole runs into a temporary folder).
        .target(
            name: "LoopbackSupport",
            dependencies: ["CurlTransport", "Dialects", "Workload", "Metrics", "Results", "LoadGen", "Orchestration", "Simulator"],
            path: "Tests/LoopbackSupport", swiftSettings: swiftSettings
        ),
        .testTarget(name: "RepatSupportTests", dependencies: ["RepatSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CurlTransportTests", dependencies: ["CurlTransport", "Simulator", "LoopbackSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DialectsTests",
            dependencies: ["Dialects", "EventStream", "CurlTransport", "Workload", "Metrics", "RepatSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "EventStreamTests", dependencies: ["EventStream"], swiftSettings: swiftSettings),
        .testTarget(name: "WorkloadTests", dependencies: ["Workload", "Metrics", "RepatSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "RepatSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ResultsTests", dependencies: ["Results", "Metrics", "RepatSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SimulatorTests",
            dependencies: [
                "Simulator", "EventStream", "Workload",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LoadGenTests",
            dependencies: ["LoadGen", "Orchestration", "Simulator", "Dialects", "EventStream", "Workload", "Metrics", "Results", "CurlTransport", "LoopbackSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OrchestrationTests",
            dependencies: ["Orchestration", "LoadGen", "Simulator", "Dialects", "Workload", "Metrics", "Results", "CurlTransport", "LoopbackSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TelemetryTests",
            dependencies: ["Telemetry", "Orchestration", "LoadGen", "Simulator", "Workload", "Metrics", "Results", "CurlTransport", "LoopbackSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SelfBenchTests",
            dependencies: ["SelfBench", "LoadGen", "Simulator", "Dialects", "Metrics", "CurlTransport", "LoopbackSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ROITests", dependencies: ["ROI", "Results", "Metrics"], swiftSettings: swiftSettings),
        .testTarget(name: "repatTests", dependencies: ["repat", "Metrics", "Results", "LoopbackSupport"], swiftSettings: swiftSettings),
    ]
)
