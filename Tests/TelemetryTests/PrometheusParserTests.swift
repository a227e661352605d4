import Testing
import Telemetry

@Suite("Prometheus text exposition format")
struct PrometheusParserTests {
    @Test("vLLM's page: gauges and counters with labels, and a histogram grouped under its family")
    func vllm() throws {
        let page = PrometheusParser.parse(ExpositionSamples.vllm)
        #expect(page.problems.isEmpty)
        let running = try #require(page.family("vllm:num_requests_running"))
        #expect(running.type == .gauge)
        #expect(running.help == "Requests in the model execution batches.")
        #expect(running.samples.map(\.value) == [12])
        #expect(running.samples.first?.label("model_name") == "meta-llama/Llama-3.1-8B-Instruct")
        #expect(page.family("vllm:num_preemptions_total")?.type == .counter)
        #expect(page.family("vllm:kv_cache_usage_perc")?.samples.first?.value == 0.4375)
        let ttft = try #require(page.family("vllm:time_to_first_token_seconds"))
        #expect(ttft.type == .histogram)
        #expect(ttft.samples.count == 6, "4 buckets, _count and _sum belong to the histogram")
        let buckets = ttft.samples.filter { $0.name.hasSuffix("_bucket") }
        #expect(buckets.compactMap { $0.label("le") } == ["0.02", "0.1", "1.0", "+Inf"])
        #expect(buckets.map(\.value) == [1, 9, 20, 21])
        #expect(page.family("vllm:time_to_first_token_seconds_bucket") == nil)
        #expect(page.family("vllm:request_success_created")?.samples.first?.value == 1.7637e9)
    }

    @Test("DCGM exporter's page: per-GPU power, utilisation and clocks with mixed-case labels")
    func dcgm() throws {
        let page = PrometheusParser.parse(ExpositionSamples.dcgm)
        #expect(page.problems.isEmpty)
        let power = try #require(page.family("DCGM_FI_DEV_POWER_USAGE"))
        #expect(power.samples.map(\.value) == [612.5, 287.25])
        #expect(power.samples.map { $0.label("gpu") } == ["0", "1"])
        #expect(power.samples.first?.label("modelName") == "NVIDIA H100 80GB HBM3")
        #expect(page.family("DCGM_FI_DEV_GPU_UTIL")?.samples.map(\.value) == [97, 41])
        #expect(page.families.map(\.name) == ["DCGM_FI_DEV_SM_CLOCK", "DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_POWER_USAGE", "DCGM_FI_DEV_FB_USED"])
    }

    @Test("node_exporter's page: CPU seconds by mode, exponent notation, RAPL joule counters")
    func nodeExporter() throws {
        let page = PrometheusParser.parse(ExpositionSamples.nodeExporter)
        #expect(page.problems.isEmpty)
        let cpu = try #require(page.family("node_cpu_seconds_total"))
        #expect(cpu.type == .counter)
        #expect(cpu.samples.count == 4)
        #expect(cpu.samples[1].labels == [PrometheusLabel("cpu", "0"), PrometheusLabel("mode", "user")])
        #expect(page.family("node_memory_MemAvailable_bytes")?.samples.first?.value == 5.4321e10)
        #expect(page.family("node_rapl_package_joules_total")?.samples.map(\.value) == [123456.789, 120001.5])
        #expect(page.family("node_rapl_dram_joules_total")?.samples.first?.label("path") == "/sys/class/powercap/intel-rapl:0:0")
    }

    @Test("llama.cpp, SGLang and TGI pages: label-less samples, a summary with quantiles, no HELP")
    func otherEngines() throws {
        let llama = PrometheusParser.parse(ExpositionSamples.llamaCpp)
        #expect(llama.problems.isEmpty)
        #expect(llama.family("llamacpp:requests_deferred")?.samples.first == PrometheusSample(name: "llamacpp:requests_deferred", value: 6))
        #expect(llama.family("llamacpp:kv_cache_usage_ratio")?.samples.first?.labels.isEmpty == true)
        let sglang = PrometheusParser.parse(ExpositionSamples.sglang)
        #expect(sglang.problems.isEmpty)
        #expect(sglang.family("sglang:num_queue_reqs")?.samples.first?.value == 17)
        #expect(sglang.family("sglang:token_usage")?.samples.first?.value == 0.82)
        let tgi = PrometheusParser.parse(ExpositionSamples.tgi)
        #expect(tgi.problems.isEmpty)
        let duration = try #require(tgi.family("tgi_request_duration"))
        #expect(duration.type == .summary)
        #expect(duration.help == nil)
        #expect(duration.samples.map(\.name) == ["tgi_request_duration", "tgi_request_duration", "tgi_request_duration_sum", "tgi_request_duration_count"])
        #expect(duration.samples.compactMap { $0.label("quantile") } == ["0.5", "0.99"])
        #expect(tgi.family("tgi_queue_size")?.samples.first?.value == 9)
    }

    @Test("label values unescape \\\\, \\\" and \\n; help text unescapes \\\\ and \\n")
    func escapes() throws {
        let page = PrometheusParser.parse(#"""
        # HELP odd_metric A help\\text\nover two lines with "quotes"
        # TYPE odd_metric gauge
        odd_metric{path="C:\\temp",quote="say \"hi\"",lines="a\nb",empty=""} 1

        """#)
        #expect(page.problems.isEmpty)
        let family = try #require(page.family("odd_metric"))
        #expect(family.help == "A help\\text\nover two lines with \"quotes\"")
        let sample = try #require(family.samples.first)
        #expect(sample.label("path") == #"C:\temp"#)
        #expect(sample.label("quote") == #"say "hi""#)
        #expect(sample.label("lines") == "a\nb")
        #expect(sample.label("empty") == "")
        #expect(sample.labelText == #"path="C:\\temp",quote="say \"hi\"",lines="a\nb",empty="""#)
        #expect(sample.label("path,quote") == nil)
    }

    @Test("NaN, +Inf, -Inf values, timestamps, blanks and tabs between tokens, a trailing comma")
    func valuesAndTimestamps() throws {
        let page = PrometheusParser.parse("""
        a_nan NaN
        a_pos +Inf 1700000000123
        a_neg{x="1",} -Inf
          \ta_spaced  {  x = "2" ,  y="3"  }\t 4.5e-3   -17  
        a_hex 0x1p4
        a_int 42\r

        """)
        #expect(page.problems.isEmpty)
        #expect(page.family("a_nan")?.samples.first?.value.isNaN == true)
        #expect(page.family("a_pos")?.samples.first?.value == .infinity)
        #expect(page.family("a_pos")?.samples.first?.timestampMs == 1_700_000_000_123)
        #expect(page.family("a_neg")?.samples.first?.value == -.infinity)
        #expect(page.family("a_neg")?.samples.first?.labels == [PrometheusLabel("x", "1")])
        let spaced = try #require(page.family("a_spaced")?.samples.first)
        #expect(spaced.labels == [PrometheusLabel("x", "2"), PrometheusLabel("y", "3")])
        #expect(spaced.value == 0.0045)
        #expect(spaced.timestampMs == -17)
        #expect(page.family("a_hex")?.samples.first?.value == 16)
        #expect(page.family("a_int")?.samples.first?.value == 42)
        #expect(page.families.allSatisfy { $0.type == .untyped })
    }

    @Test("broken lines are reported with their line numbers and skipped; the rest is kept")
    func problems() {
        let page = PrometheusParser.parse(#"""
        # TYPE good gauge
        good 1
        bad{x="1" 2
        bad2{x=1} 2
        bad3{x="\q"} 2
        bad4 not-a-number
        bad5 1 12.5
        bad6
        9starts_with_digit 1
        # TYPE good counter
        # TYPE late gauge
        # TYPE weird kind
        dup{a="1",a="2"} 1
        # HELP good first
        # HELP good second
        # TYPE h histogram
        h_bucket{x="1"} 1
        h 2
        h_sum 3
        # TYPE s summary
        s 1
        s_count 4
        good 3
        # just a comment
        # TYPE late gauge

        """#)
        #expect(page.problems.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 17, 18, 21, 25])
        #expect(page.problems.first?.description.hasPrefix("line 3: ") == true)
        #expect(page.family("good")?.samples.map(\.value) == [1, 3])
        #expect(page.family("good")?.type == .gauge)
        #expect(page.family("good")?.help == "first")
        #expect(page.family("h")?.samples.map(\.name) == ["h_sum"])
        #expect(page.family("s")?.samples.map(\.name) == ["s_count"])
        #expect(page.family("late")?.type == .gauge, "the first TYPE of a family without samples counts; a second is refused")
    }

    @Test("a TYPE line after the family's samples is refused")
    func typeAfterSamples() {
        let page = PrometheusParser.parse("x 1\n# TYPE x gauge\n")
        #expect(page.problems == [PrometheusParseProblem(line: 2, message: "TYPE line for x after its samples")])
        #expect(page.family("x")?.type == .untyped)
    }

    @Test("sample values parse like Prometheus: specials in any case, no blanks or words")
    func numbers() {
        #expect(PrometheusParser.number("nan")?.isNaN == true)
        #expect(PrometheusParser.number("INF") == .infinity)
        #expect(PrometheusParser.number("-inf") == -.infinity)
        #expect(PrometheusParser.number("1e3") == 1000)
        #expect(PrometheusParser.number("") == nil)
        #expect(PrometheusParser.number("one") == nil)
        #expect(PrometheusParser.number(" 1") == nil)
    }
}
