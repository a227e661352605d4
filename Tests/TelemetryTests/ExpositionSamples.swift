/// Prometheus pages written for these tests in the shapes the engines and exporters serve:
/// their metric names, types and label conventions, with values of our own.
enum ExpositionSamples {
    /// vLLM's `/metrics` (V1 engine names, one model).
    static let vllm = #"""
    # HELP vllm:num_requests_running Requests in the model execution batches.
    # TYPE vllm:num_requests_running gauge
    vllm:num_requests_running{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} 12.0
    # HELP vllm:num_requests_waiting Requests waiting to be scheduled.
    # TYPE vllm:num_requests_waiting gauge
    vllm:num_requests_waiting{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} 3.0
    # HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.
    # TYPE vllm:kv_cache_usage_perc gauge
    vllm:kv_cache_usage_perc{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} 0.4375
    # HELP vllm:num_preemptions_total Cumulative preemptions.
    # TYPE vllm:num_preemptions_total counter
    vllm:num_preemptions_total{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} 2.0
    # HELP vllm:prefix_cache_queries_total Prefix-cache queries, in tokens.
    # TYPE vllm:prefix_cache_queries_total counter
    vllm:prefix_cache_queries_total{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} 40960.0
    # HELP vllm:prefix_cache_hits_total Prefix-cache hits, in tokens.
    # TYPE vllm:prefix_cache_hits_total counter
    vllm:prefix_cache_hits_total{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} 30720.0
    # HELP vllm:time_to_first_token_seconds Time to first token.
    # TYPE vllm:time_to_first_token_seconds histogram
    vllm:time_to_first_token_seconds_bucket{engine="0",le="0.02",model_name="meta-llama/Llama-3.1-8B-Instruct"} 1.0
    vllm:time_to_first_token_seconds_bucket{engine="0",le="0.1",model_name="meta-llama/Llama-3.1-8B-Instruct"} 9.0
    vllm:time_to_first_token_seconds_bucket{engine="0",le="1.0",model_name="meta-llama/Llama-3.1-8B-Instruct"} 20.0
    vllm:time_to_first_token_seconds_bucket{engine="0",le="+Inf",model_name="meta-llama/Llama-3.1-8B-Instruct"} 21.0
    vllm:time_to_first_token_seconds_count{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} 21.0
    vllm:time_to_first_token_seconds_sum{engine="0",model_name="meta-llama/Llama-3.1-8B-Instruct"} 3.25
    # HELP vllm:request_success_created Time the success counter was created.
    # TYPE vllm:request_success_created gauge
    vllm:request_success_created{engine="0",finished_reason="stop",model_name="meta-llama/Llama-3.1-8B-Instruct"} 1.7637e+09

    """#

    /// NVIDIA DCGM exporter, two GPUs, with its Kubernetes-style labels.
    static let dcgm = #"""
    # HELP DCGM_FI_DEV_SM_CLOCK SM clock frequency (in MHz).
    # TYPE DCGM_FI_DEV_SM_CLOCK gauge
    DCGM_FI_DEV_SM_CLOCK{gpu="0",UUID="GPU-1a2b",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-01"} 1980
    DCGM_FI_DEV_SM_CLOCK{gpu="1",UUID="GPU-3c4d",device="nvidia1",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-01"} 1755
    # HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).
    # TYPE DCGM_FI_DEV_GPU_UTIL gauge
    DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-1a2b",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-01"} 97
    DCGM_FI_DEV_GPU_UTIL{gpu="1",UUID="GPU-3c4d",device="nvidia1",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-01"} 41
    # HELP DCGM_FI_DEV_POWER_USAGE Power draw (in W).
    # TYPE DCGM_FI_DEV_POWER_USAGE gauge
    DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-1a2b",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-01"} 612.5
    DCGM_FI_DEV_POWER_USAGE{gpu="1",UUID="GPU-3c4d",device="nvidia1",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-01"} 287.25
    # HELP DCGM_FI_DEV_FB_USED Framebuffer memory used (in MiB).
    # TYPE DCGM_FI_DEV_FB_USED gauge
    DCGM_FI_DEV_FB_USED{gpu="0",UUID="GPU-1a2b",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-01"} 73211
    DCGM_FI_DEV_FB_USED{gpu="1",UUID="GPU-3c4d",device="nvidia1",modelName="NVIDIA H100 80GB HBM3",Hostname="gpu-01"} 1

    """#

    /// node_exporter: CPU seconds, memory and RAPL energy counters.
    static let nodeExporter = #"""
    # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
    # TYPE node_cpu_seconds_total counter
    node_cpu_seconds_total{cpu="0",mode="idle"} 81234.56
    node_cpu_seconds_total{cpu="0",mode="user"} 4321.09
    node_cpu_seconds_total{cpu="1",mode="idle"} 80111.5
    node_cpu_seconds_total{cpu="1",mode="user"} 5002.75
    # HELP node_memory_MemAvailable_bytes Memory information field MemAvailable_bytes.
    # TYPE node_memory_MemAvailable_bytes gauge
    node_memory_MemAvailable_bytes 5.4321e+10
    # HELP node_rapl_package_joules_total Current RAPL package value in joules
    # TYPE node_rapl_package_joules_total counter
    node_rapl_package_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0"} 123456.789
    node_rapl_package_joules_total{index="1",path="/sys/class/powercap/intel-rapl:1"} 120001.5
    # HELP node_rapl_dram_joules_total Current RAPL dram value in joules
    # TYPE node_rapl_dram_joules_total counter
    node_rapl_dram_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0:0"} 9876.5

    """#

    /// llama.cpp server started with `--metrics` (a release that still reports KV-cache usage).
    static let llamaCpp = #"""
    # HELP llamacpp:prompt_tokens_total Number of prompt tokens processed.
    # TYPE llamacpp:prompt_tokens_total counter
    llamacpp:prompt_tokens_total 2048
    # HELP llamacpp:tokens_predicted_total Number of generation tokens processed.
    # TYPE llamacpp:tokens_predicted_total counter
    llamacpp:tokens_predicted_total 512
    # HELP llamacpp:kv_cache_usage_ratio KV-cache usage. 1 means 100 percent usage.
    # TYPE llamacpp:kv_cache_usage_ratio gauge
    llamacpp:kv_cache_usage_ratio 0.25
    # HELP llamacpp:requests_processing Number of requests processing.
    # TYPE llamacpp:requests_processing gauge
    llamacpp:requests_processing 4
    # HELP llamacpp:requests_deferred Number of requests deferred.
    # TYPE llamacpp:requests_deferred gauge
    llamacpp:requests_deferred 6

    """#

    /// SGLang with `--enable-metrics`.
    static let sglang = #"""
    # HELP sglang:num_running_reqs The number of running requests.
    # TYPE sglang:num_running_reqs gauge
    sglang:num_running_reqs{model_name="Qwen/Qwen2.5-7B-Instruct"} 31.0
    # HELP sglang:num_queue_reqs The number of requests in the waiting queue.
    # TYPE sglang:num_queue_reqs gauge
    sglang:num_queue_reqs{model_name="Qwen/Qwen2.5-7B-Instruct"} 17.0
    # HELP sglang:token_usage The token usage.
    # TYPE sglang:token_usage gauge
    sglang:token_usage{model_name="Qwen/Qwen2.5-7B-Instruct"} 0.82
    # HELP sglang:cache_hit_rate The prefix cache hit rate.
    # TYPE sglang:cache_hit_rate gauge
    sglang:cache_hit_rate{model_name="Qwen/Qwen2.5-7B-Instruct"} 0.5

    """#

    /// Text Generation Inference (metrics-rs style: no HELP lines, a summary with quantiles).
    static let tgi = #"""
    # TYPE tgi_queue_size gauge
    tgi_queue_size 9
    # TYPE tgi_batch_current_size gauge
    tgi_batch_current_size 24
    # TYPE tgi_request_duration summary
    tgi_request_duration{quantile="0.5"} 1.25
    tgi_request_duration{quantile="0.99"} 4.5
    tgi_request_duration_sum 612.75
    tgi_request_duration_count 400

    """#
}
