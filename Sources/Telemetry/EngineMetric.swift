/// The scraped metrics repat understands, by name, and the signals they give: GPU power and
/// utilisation from DCGM, CPU energy from node_exporter's RAPL counters, and running requests,
/// waiting requests and KV-cache usage from vLLM, llama.cpp, SGLang and TGI. Everything else is
/// recorded as it is, without a meaning attached.
enum EngineMetric {
    /// Gauges of requests being processed.
    static let running: Set<String> = [
        "vllm:num_requests_running", "llamacpp:requests_processing", "sglang:num_running_reqs", "tgi_batch_current_size",
    ]
    /// Gauges of requests waiting to be scheduled.
    static let waiting: Set<String> = [
        "vllm:num_requests_waiting", "llamacpp:requests_deferred", "sglang:num_queue_reqs", "tgi_queue_size",
    ]
    /// Gauges of KV-cache usage as a fraction (1 = full), whatever their names say.
    static let kvCacheFraction: Set<String> = [
        "vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc", "llamacpp:kv_cache_usage_ratio", "sglang:token_usage",
    ]
    /// DCGM exporter's power draw, watts.
    static let dcgmPower = "DCGM_FI_DEV_POWER_USAGE"
    /// DCGM exporter's GPU utilisation, percent.
    static let dcgmUtilization = "DCGM_FI_DEV_GPU_UTIL"
    /// node_exporter's RAPL energy counters (joules) that add up to the host's CPU power.
    static let nodeRAPLCounters: Set<String> = ["node_rapl_package_joules_total", "node_rapl_dram_joules_total"]

    /// The last reading of each energy counter, to turn counters into average power.
    struct Counters {
        private var last: [String: (joules: Double, timeNs: UInt64)] = [:]

        /// Average watts since the counter's previous reading, and that reading's time; nil for the
        /// first reading and after a counter reset.
        mutating func power(_ key: String, joules: Double, timeNs: UInt64) -> (watts: Double, sinceNs: UInt64)? {
            defer { last[key] = (joules, timeNs) }
            guard let previous = last[key], joules >= previous.joules, timeNs > previous.timeNs else { return nil }
            return ((joules - previous.joules) / (Double(timeNs - previous.timeNs) / 1e9), previous.timeNs)
        }
    }

    /// The signals in `samples`, read at `timeNs`.
    static func signals(_ samples: [PrometheusSample], timeNs: UInt64, counters: inout Counters) -> [TelemetrySignal] {
        var signals: [TelemetrySignal] = []
        for sample in samples where sample.value.isFinite {
            let name = sample.name
            if running.contains(name) {
                signals.append(.requestsRunning(sample.value))
            } else if waiting.contains(name) {
                signals.append(.requestsWaiting(sample.value))
            } else if kvCacheFraction.contains(name) {
                signals.append(.kvCacheUsage(sample.value))
            } else if name == dcgmPower {
                signals.append(.power(provider: "dcgm", device: sample.labelText, watts: sample.value, averagedSinceNs: nil))
            } else if name == dcgmUtilization {
                signals.append(.gpuUtilization(provider: "dcgm", device: sample.labelText, percent: sample.value))
            } else if nodeRAPLCounters.contains(name) {
                let key = name + "{" + sample.labelText + "}"
                if let power = counters.power(key, joules: sample.value, timeNs: timeNs) {
                    signals.append(.power(provider: "node_rapl", device: key, watts: power.watts, averagedSinceNs: power.sinceNs))
                }
            }
        }
        return signals
    }
}
