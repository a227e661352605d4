import Simulator

/// The simulator profiles selfbench serves from, in this process or in a child `repat simulate`.
///
/// Zero latency: prefill and decode cost nothing (prefill at 10¹⁵ tokens/s, no overhead, 0 ms per
/// step), so tokens go out as fast as the event loop and the socket take them, and nothing queues
/// (unbounded sequences and KV cache). Paced: the same, with a fixed inter-token latency. Both
/// never stop early (end-of-sequence probability 0), and with ground truth on each token's text
/// carries the monotonic time it was written at.
enum BenchSimulator {
    /// What the simulator should do besides answering instantly.
    struct Shape: Sendable {
        /// Milliseconds between a stream's tokens (0: as fast as possible).
        var interTokenMs: Double = 0
        /// Whether token texts carry their write time (see ``GroundTruth``).
        var groundTruth = false
        /// When set, every response carries one content event of this many bytes.
        var largeEventBytes: Int?
    }

    /// The engine options of `shape`, as `repat simulate --set NAME=VALUE` takes them.
    static func options(_ shape: Shape) -> [(name: String, value: String)] {
        var options: [(name: String, value: String)] = [
            ("model_name", "sim-model"),
            ("max_num_seqs", "1000000"),
            ("kv_cache_tokens", String(1 << 42)),
            ("prefill_tokens_per_second", "1e15"),
            ("prefill_overhead_ms", "0"),
            ("decode_base_ms", String(shape.interTokenMs)),
            ("decode_per_seq_ms", "0"),
            ("eos_probability", "0"),
        ]
        if shape.groundTruth { options.append(("ground_truth", "true")) }
        if let bytes = shape.largeEventBytes {
            options.append(("large_event_rate", "1"))
            options.append(("large_event_bytes", String(bytes)))
        }
        return options
    }

    /// The engine profile for `shape`.
    static func profile(_ shape: Shape) throws(EngineProfile.OptionError) -> EngineProfile {
        var profile = EngineProfile()
        for option in options(shape) { try profile.set(option.name, to: option.value) }
        return profile
    }

    /// Starts a simulator of `shape` on a free loopback port with `threads` event loops.
    static func start(_ shape: Shape, threads: Int) async throws(SelfBenchError) -> SimulatorServer {
        let profile: EngineProfile
        do {
            profile = try Self.profile(shape)
        } catch {
            throw SelfBenchError("the simulator rejects its benchmark profile: \(error.description)")
        }
        do {
            return try await SimulatorServer.start(host: "127.0.0.1", port: 0, profile: profile, threads: threads)
        } catch {
            throw SelfBenchError("cannot start the in-process simulator: \(error)")
        }
    }
}
