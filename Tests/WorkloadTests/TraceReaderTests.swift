import Foundation
import Testing
@testable import Workload

private let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scenarios/data").path

private func sample(_ name: String) throws -> String {
    try String(contentsOfFile: samples + "/" + name, encoding: .utf8)
}

@Suite("trace files")
struct TraceReaderTests {
    @Test("the three shipped samples read as the same 120 arrivals, times from the first request")
    func samplesRead() throws {
        let jsonl = try TraceReader.requests(try sample("trace-sample.jsonl"), format: .jsonl, file: "trace-sample.jsonl")
        let mooncake = try TraceReader.requests(try sample("mooncake-sample.jsonl"), format: .mooncake, file: "mooncake-sample.jsonl")
        let azure = try TraceReader.requests(try sample("azure-sample.csv"), format: .azure, file: "azure-sample.csv")
        #expect(jsonl.count == 120 && mooncake.count == 120 && azure.count == 120)
        #expect(jsonl[0].time == 0 && mooncake[0].time == 0 && azure[0].time == 0)
        // The generator writes the same arrival times to all three (ms in Mooncake, 0.1 µs in Azure).
        for (a, b) in zip(jsonl, mooncake) { #expect(abs(a.time - b.time) < 0.0011) }
        for (a, b) in zip(jsonl, azure) { #expect(abs(a.time - b.time) < 1e-5) }
        #expect(jsonl[0].inputTokens == 179 && jsonl[0].outputTokens == 282 && jsonl[0].session == "s0")
        #expect(mooncake[0].blockHashes == [10, 11, 16, 17] && mooncake[0].inputTokens == 2018)
        #expect(azure[0].inputTokens == 495 && azure[0].outputTokens == 106)
    }

    @Test("bad traces name the file and line")
    func problems() {
        #expect(throws: TraceReader.Problem(description: "t.jsonl:2: timestamp 1.0 is before the previous request's 2.0: a trace must be sorted by time")) {
            try TraceReader.requests("{\"timestamp\": 2, \"input_tokens\": 1, \"output_tokens\": 1}\n{\"timestamp\": 1, \"input_tokens\": 1, \"output_tokens\": 1}\n", format: .jsonl, file: "t.jsonl")
        }
        #expect(throws: TraceReader.Problem(description: "t.jsonl:1: negative timestamp -1.0")) {
            try TraceReader.requests("{\"timestamp\": -1, \"input_tokens\": 1, \"output_tokens\": 1}\n", format: .jsonl, file: "t.jsonl")
        }
        #expect(throws: TraceReader.Problem(description: "t.jsonl:1: give input_tokens (a count) or prompt (text)")) {
            try TraceReader.requests("{\"timestamp\": 0, \"output_tokens\": 1}\n", format: .jsonl, file: "t.jsonl")
        }
        #expect(throws: TraceReader.Problem(description: "m.jsonl:1: output_length: expected a whole number of tokens, 0 or more")) {
            try TraceReader.requests("{\"timestamp\": 0, \"input_length\": 10}\n", format: .mooncake, file: "m.jsonl")
        }
        #expect(throws: TraceReader.Problem(description: "m.jsonl:1: 3 hash_ids for 600 input tokens (at most 2 blocks of 512)")) {
            try TraceReader.requests("{\"timestamp\": 0, \"input_length\": 600, \"output_length\": 1, \"hash_ids\": [1, 2, 3]}\n", format: .mooncake, file: "m.jsonl")
        }
        #expect(throws: TraceReader.Problem(description: "a.csv:1: expected the header TIMESTAMP,ContextTokens,GeneratedTokens (the Azure LLM inference trace), got 'time,in,out'")) {
            try TraceReader.requests("time,in,out\n1,2,3\n", format: .azure, file: "a.csv")
        }
        #expect(throws: TraceReader.Problem(description: "a.csv:2: TIMESTAMP: expected 2023-11-16 18:15:46.6805900, got 'noon'")) {
            try TraceReader.requests("TIMESTAMP,ContextTokens,GeneratedTokens\nnoon,2,3\n", format: .azure, file: "a.csv")
        }
        #expect(throws: TraceReader.Problem(description: "t.jsonl:1: expected one JSON object per line")) {
            try TraceReader.requests("[1, 2]\n", format: .jsonl, file: "t.jsonl")
        }
        #expect(throws: TraceReader.Problem(description: "t.jsonl: no requests in the trace")) { try TraceReader.requests("\n\n", format: .jsonl, file: "t.jsonl") }
    }

    @Test("equal Mooncake hashes are equal prompt text; different ones differ; lengths follow the tokens")
    func sharedBlocks() {
        let a = TraceRequest(time: 0, inputTokens: 1100, outputTokens: 1, blockHashes: [0, 1, 2])
        let b = TraceRequest(time: 0, inputTokens: 1030, outputTokens: 1, blockHashes: [0, 1, 9])
        let c = TraceRequest(time: 0, inputTokens: 1100, outputTokens: 1, blockHashes: [5, 1, 2])
        let textA = a.promptText(index: 0, seed: 1, tokensPerWord: 1).split(separator: " ")
        let textB = b.promptText(index: 1, seed: 1, tokensPerWord: 1).split(separator: " ")
        let textC = c.promptText(index: 2, seed: 1, tokensPerWord: 1).split(separator: " ")
        #expect(textA.count == 1100 && textB.count == 1030)
        #expect(textA.prefix(1024) == textB.prefix(1024), "two shared blocks: 1024 identical words")
        #expect(textA.suffix(76) != textB.suffix(6 + 70).prefix(76))
        #expect(textA.prefix(512) != textC.prefix(512), "another first hash, another first block")
        #expect(textA.dropFirst(512) == textC.dropFirst(512), "the same later blocks")
        #expect(a.promptText(index: 0, seed: 2, tokensPerWord: 1) != a.promptText(index: 0, seed: 1, tokensPerWord: 1), "the seed changes the words")
        #expect(a.promptText(index: 0, seed: 1, tokensPerWord: 2).split(separator: " ").count == 550, "calibrated: 2 tokens a word")
    }

    @Test("a window keeps its part of the trace, shifted to 0 and sped up")
    func window() throws {
        let requests = (0..<10).map { TraceRequest(time: Double($0), inputTokens: 1, outputTokens: 1) }
        let schedule = TraceWindow(from: 2, to: 6, speedup: 10).schedule(requests)
        #expect(schedule.map(\.offsetNs) == [0, 100_000_000, 200_000_000, 300_000_000])
        #expect(schedule.map(\.request.time) == [2, 3, 4, 5])
        #expect(TraceWindow().schedule(requests).count == 10)
    }

    @Test("Azure timestamps keep their seven fraction digits")
    func azureTime() throws {
        let time = try #require(TraceReader.azureTime("2023-11-16 18:15:46.6805900"))
        #expect(abs(time - (1_700_158_546 + 0.68059)) < 1e-6)
        #expect(TraceReader.azureTime("2023-11-16 18:15:46") == 1_700_158_546)
        #expect(TraceReader.azureTime("2023-11-16 18:15:46.") == nil)
    }
}
