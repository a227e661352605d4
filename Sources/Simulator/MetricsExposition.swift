/// Renders an ``EngineSnapshot`` in Prometheus's text exposition format (version 0.0.4) with
/// vLLM's metric names and `model_name` label, so a scraper written for vLLM reads the simulator.
///
/// Gauges: `vllm:num_requests_running`, `vllm:num_requests_waiting`, `vllm:kv_cache_usage_perc`
/// and its older name `vllm:gpu_cache_usage_perc` (0–1). Counters: `vllm:num_preemptions_total`,
/// `vllm:prompt_tokens_total`, `vllm:generation_tokens_total`, `vllm:request_success_total` (by
/// `finished_reason`: `stop`, `length`, `abort`), `vllm:prefix_cache_queries_total` and
/// `vllm:prefix_cache_hits_total` (prompt tokens; 0 without `prefix_cache_blocks`). Histograms (seconds, vLLM's buckets):
/// `vllm:time_to_first_token_seconds`, `vllm:e2e_request_latency_seconds`.
enum MetricsExposition {
    /// The response's `Content-Type`.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The exposition text of `snapshot`, every sample labelled `model_name` = `modelName`.
    static func render(_ snapshot: EngineSnapshot, modelName: String) -> String {
        let model = #"model_name=""# + escapeLabelValue(modelName) + #"""#
        let counters = snapshot.counters
        var out = ""
        func family(_ name: String, _ type: String, _ help: String) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        func sample(_ name: String, labels: String = "", _ value: Double) {
            out += "\(name){\(labels)\(model)} \(format(value))\n"
        }
        func histogram(_ name: String, _ help: String, _ histogram: BucketHistogram) {
            family(name, "histogram", help)
            for (bound, count) in zip(histogram.bounds, histogram.cumulativeCounts) {
                sample(name + "_bucket", labels: #"le=""# + format(bound) + #"","#, Double(count))
            }
            sample(name + "_bucket", labels: #"le="+Inf","#, Double(histogram.count))
            sample(name + "_count", Double(histogram.count))
            sample(name + "_sum", histogram.sum)
        }

        family("vllm:num_requests_running", "gauge", "Number of requests holding an engine slot (prefill or decode).")
        sample("vllm:num_requests_running", Double(snapshot.running))
        family("vllm:num_requests_waiting", "gauge", "Number of requests queued for an engine slot.")
        sample("vllm:num_requests_waiting", Double(snapshot.waiting))
        family("vllm:kv_cache_usage_perc", "gauge", "Fraction of the KV cache held by running requests; 1 means full.")
        sample("vllm:kv_cache_usage_perc", snapshot.cacheUsage)
        family("vllm:gpu_cache_usage_perc", "gauge", "Older name of vllm:kv_cache_usage_perc.")
        sample("vllm:gpu_cache_usage_perc", snapshot.cacheUsage)
        family("vllm:num_preemptions_total", "counter", "Requests preempted because the KV cache was full.")
        sample("vllm:num_preemptions_total", Double(snapshot.preemptions))
        family("vllm:prompt_tokens_total", "counter", "Prompt tokens prefilled.")
        sample("vllm:prompt_tokens_total", Double(counters.promptTokens))
        family("vllm:generation_tokens_total", "counter", "Output tokens generated.")
        sample("vllm:generation_tokens_total", Double(counters.generationTokens))
        family("vllm:prefix_cache_queries_total", "counter", "Prompt tokens looked up in the prefix cache.")
        sample("vllm:prefix_cache_queries_total", Double(counters.prefixQueries))
        family("vllm:prefix_cache_hits_total", "counter", "Prompt tokens found in the prefix cache and not prefilled again.")
        sample("vllm:prefix_cache_hits_total", Double(counters.prefixHits))
        family("vllm:request_success_total", "counter", "Requests that left the engine, by finish reason.")
        sample("vllm:request_success_total", labels: #"finished_reason="stop","#, Double(counters.stopped))
        sample("vllm:request_success_total", labels: #"finished_reason="length","#, Double(counters.reachedLength))
        sample("vllm:request_success_total", labels: #"finished_reason="abort","#, Double(counters.aborted))
        histogram(
            "vllm:time_to_first_token_seconds", "Seconds from reaching the engine to the first token.",
            counters.timeToFirstToken)
        histogram(
            "vllm:e2e_request_latency_seconds", "Seconds from reaching the engine to the last token.",
            counters.requestLatency)
        return out
    }

    /// A sample value as Prometheus writes floats: `3.0`, `0.25`, `1e-05`.
    private static func format(_ value: Double) -> String {
        String(value)
    }

    /// `value` with backslash, double quote and line feed escaped, as label values require.
    private static func escapeLabelValue(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += #"\\"#
            case "\"": out += #"\""#
            case "\n": out += #"\n"#
            default: out.append(character)
            }
        }
        return out
    }
}
