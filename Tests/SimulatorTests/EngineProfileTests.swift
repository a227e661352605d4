import Simulator
import Testing

@Suite("EngineProfile options")
struct EngineProfileTests {
    @Test("defaults resemble a small model on one GPU")
    func defaults() {
        let profile = EngineProfile()
        #expect(profile.modelName == "sim-model")
        #expect(profile.maxNumSeqs == 256)
        #expect(profile.prefillTokensPerSecond == 8000)
        #expect(profile.decodeBaseMs == 12)
        #expect(profile.defaultMaxTokens == 256)
        #expect(profile.kvCacheTokens == 524_288)
        #expect(profile.prefixCacheBlocks == 0, "no prefix caching unless asked, so reruns stay alike")
        #expect(profile.errorRate == 0)
        #expect(profile.faults == EngineProfile.FaultOptions())
        #expect(profile.faults.retryAfterSeconds == 1)
        #expect(profile.faults.largeEventBytes == 1 << 20)
    }

    @Test("every listed option name can be set from text")
    func setsEveryOption() throws {
        var profile = EngineProfile()
        let values = [
            "model_name": "tiny", "max_num_seqs": "4", "prefill_tokens_per_second": "1000.5",
            "prefill_overhead_ms": "0", "decode_base_ms": "20", "decode_per_seq_ms": "0.5",
            "eos_probability": "0.1", "default_max_tokens": "32", "kv_cache_tokens": "4096", "prefix_cache_blocks": "64", "model_bytes": "0",
            "error_rate": "1", "seed": "42", "correct_share": "0.75", "schema_invalid_rate": "0.2", "tool_call_rate": "0.5", "tool_args_invalid_rate": "0.25",
            "rate_limit_rate": "0.1", "retry_after_seconds": "3", "retry_after_date": "true", "unavailable_rate": "0.1",
            "disconnect_rate": "0.1", "disconnect_after_tokens": "2", "stall_rate": "0.1", "stall_after_tokens": "2",
            "stall_seconds": "0.5", "malformed_rate": "0.1", "stream_error_rate": "0.1", "stream_error_after_tokens": "1",
            "slow_headers_ms": "10", "large_event_rate": "0.1", "large_event_bytes": "100", "first_token_delay_ms": "10",
            "ground_truth": "true", "ground_truth_log": "/dev/null", "reasoning_tokens": "12", "reasoning_tpot_ms": "4",
            "embedding_dim": "8", "embed_base_ms": "1", "embed_ms_per_input": "0.5", "embed_ms_per_token": "0.01",
        ]
        #expect(Set(values.keys) == Set(EngineProfile.optionNames))
        for (name, value) in values { try profile.set(name, to: value) }
        #expect(profile.modelName == "tiny")
        #expect(profile.correctShare == 0.75)
        #expect(profile.schemaInvalidRate == 0.2)
        #expect(profile.toolCalls.callRate == 0.5 && profile.toolCalls.invalidArgumentsRate == 0.25)
        #expect(profile.prefixCacheBlocks == 64)
        #expect(profile.reasoning == EngineProfile.ReasoningOptions(tokens: 12, interTokenMs: 4))
        #expect(profile.maxNumSeqs == 4)
        #expect(profile.prefillTokensPerSecond == 1000.5)
        #expect(profile.decodePerSeqMs == 0.5)
        #expect(profile.kvCacheTokens == 4096)
        #expect(profile.modelBytes == 0)
        #expect(profile.errorRate == 1)
        #expect(profile.seed == 42)
        #expect(profile.faults.retryAfterDate)
        #expect(profile.faults.largeEventBytes == 100)
        #expect(profile.groundTruth.enabled && profile.groundTruth.logPath == "/dev/null")
    }

    @Test("an unknown option name is rejected with the list of valid names")
    func unknownName() {
        var profile = EngineProfile()
        #expect {
            try profile.set("max_seqs", to: "4")
        } throws: { error in
            let description = String(describing: error)
            return description.contains("max_seqs") && description.contains("max_num_seqs")
                && description.contains("decode_base_ms")
        }
        #expect(profile == EngineProfile())
    }

    @Test("a value of the wrong type or range is rejected naming the option and what it expects")
    func badValues() {
        var profile = EngineProfile()
        for (name, value) in [("max_num_seqs", "many"), ("max_num_seqs", "0"), ("eos_probability", "1.5"),
                              ("prefill_tokens_per_second", "0"), ("decode_base_ms", "-1"), ("seed", "-3"),
                              ("kv_cache_tokens", "0"), ("model_bytes", "-1")] {
            do {
                try profile.set(name, to: value)
                Issue.record("\(name)=\(value) was accepted")
            } catch {
                #expect(error.name == name)
                #expect(error.description.contains(name))
                #expect(error.description.contains("expected"))
            }
        }
        #expect(profile == EngineProfile())
    }
}
