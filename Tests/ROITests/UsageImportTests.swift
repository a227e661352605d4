import Foundation
import Testing
@testable import ROI

/// A three-hour export from Monday 2026-11-02 00:00 UTC, hand-made so every figure below can be
/// checked with a pencil: hour 0 has m1 (1000 in, 200 cached, 100 out, 10 requests) and m2 (500 in,
/// 0 cached, 50 out, 5 requests); hour 1 has m1 (3000 in, 600 cached, 300 out, 30 requests); hour 2
/// has no traffic.
private let monday = 1_793_577_600
private let export = """
{"object": "page", "has_more": false, "next_page": null, "data": [
 {"object": "bucket", "start_time": \(monday), "end_time": \(monday + 3600), "results": [
  {"object": "organization.usage.completions.result", "model": "m1", "input_tokens": 1000, "input_cached_tokens": 200, "output_tokens": 100, "num_model_requests": 10},
  {"object": "organization.usage.completions.result", "model": "m2", "input_tokens": 500, "input_cached_tokens": 0, "output_tokens": 50, "num_model_requests": 5}]},
 {"object": "bucket", "start_time": \(monday + 3600), "end_time": \(monday + 7200), "results": [
  {"object": "organization.usage.completions.result", "model": "m1", "input_tokens": 3000, "input_cached_tokens": 600, "output_tokens": 300, "num_model_requests": 30}]},
 {"object": "bucket", "start_time": \(monday + 7200), "end_time": \(monday + 10800), "results": []}
]}
"""
/// The same usage in the generic CSV, with the hour of no traffic given as a row of zeros.
private let csv = """
time,model,input_tokens,output_tokens,cached_tokens,requests
2026-11-02T00:00:00Z,m1,1000,100,200,10
2026-11-02 00:00:00,m2,500,50,0,5
\(monday + 3600),m1,3000,300,600,30
2026-11-02T03:00:00+01:00,m1,0,0,0,0
"""

@Suite("usage import")
struct UsageImportTests {
    private func profile() throws -> UsageProfile {
        try UsageProfile.of(try OpenAIUsageExport.buckets(from: Data(export.utf8), file: "export.json"))
    }

    @Test("the Usage API export gives the hand-computed volume, mix, cache share and peak")
    func handComputed() throws {
        let profile = try profile()
        #expect(profile.from == monday && profile.to == monday + 10800 && profile.bucketSeconds == 3600)
        #expect(profile.models.map(\.model) == ["m1", "m2"], "most tokens first")
        #expect(profile.total == UsageProfile.ModelUsage(model: "", requests: 45, inputTokens: 4500, cachedTokens: 800, outputTokens: 450))
        #expect(profile.monthlyVolume == 4950.0 / 3 * 730, "tokens ÷ hours × 730")
        #expect(profile.perRequest.input == 100 && profile.perRequest.output == 10)
        #expect(abs(profile.cacheHitShare - 800.0 / 4500) < 1e-12)
        #expect(profile.hourlyTokens == [1650, 3300, 0])
        #expect(profile.peakToAverage == 2, "busiest hour 3300 tokens over the mean hour 4950 ÷ 3")
        #expect(profile.busiestHour?.start == monday + 3600)
        #expect(Array(profile.hourOfDayTokens?.prefix(4) ?? []) == [1650, 3300, 0, 0])
        #expect(Array(profile.hourOfWeekRequests?.prefix(3) ?? []) == [15, 30, 0], "Monday 00:00 UTC is the first hour of the week")
    }

    @Test("the generic CSV of the same usage gives the same profile, whatever the time form")
    func csvMatchesExport() throws {
        let fromCSV = try UsageProfile.of(try UsageCSV.buckets(from: csv, file: "usage.csv"))
        #expect(fromCSV == (try profile()))
    }

    @Test("a page per line (a paginating script's output) reads like one page")
    func pagePerLine() throws {
        let oneLine = export.replacingOccurrences(of: "\n", with: " ")
        let two = try OpenAIUsageExport.buckets(from: Data((oneLine + "\n" + oneLine.replacingOccurrences(of: "\"m1\"", with: "\"m3\"") + "\n").utf8), file: "pages.jsonl")
        #expect(two.count == 8, "three results and an empty hour per page")
        #expect(Set(two.map(\.model)) == ["m1", "m2", "m3", ""])
    }

    @Test("--model keeps one model; an absent one is named with the models present")
    func modelFilter() throws {
        let buckets = try OpenAIUsageExport.buckets(from: Data(export.utf8), file: "export.json")
        let onlyM2 = try UsageProfile.of(buckets, models: ["m2"])
        #expect(onlyM2.total.requests == 5 && onlyM2.to == monday + 10800, "the period is the files' whole period")
        #expect(onlyM2.monthlyVolume == 550.0 / 3 * 730)
        #expect(throws: ROIError("--model gpt-5: not in the usage files (models: m1, m2)")) { try UsageProfile.of(buckets, models: ["gpt-5"]) }
    }

    @Test("daily buckets give volume and mix but no peak, and the profile says so")
    func dailyBuckets() throws {
        let daily = """
        time,model,input_tokens,output_tokens,cached_tokens,requests
        2026-11-02,m1,1000,100,0,10
        2026-11-03,m1,3000,300,0,30
        """
        let profile = try UsageProfile.of(try UsageCSV.buckets(from: daily.replacingOccurrences(of: ",m1", with: "T00:00:00Z,m1"), file: "daily.csv"))
        #expect(profile.bucketSeconds == 86400)
        #expect(profile.peakToAverage == nil && profile.busiestHour == nil)
        #expect(profile.monthlyVolume == 4400.0 / 48 * 730)
        let yaml = profile.yaml(sources: ["daily.csv"], format: .csv, today: "2026-12-07")
        #expect(!yaml.contains("traffic:") && yaml.contains("no traffic section: the buckets are longer than an hour"))
    }

    @Test("bad usage files name the file, line and field")
    func badInput() throws {
        let header = "time,model,input_tokens,output_tokens,cached_tokens,requests\n"
        #expect(throws: ROIError("u.csv:1: missing column 'requests' (columns: time,model,input_tokens,output_tokens,cached_tokens,requests,seconds; docs/usage.md)")) {
            try UsageCSV.buckets(from: "time,input_tokens,output_tokens\n1,2,3\n", file: "u.csv")
        }
        #expect(throws: ROIError("u.csv:3: time: expected 2026-11-02T14:00:00Z, '2026-11-02 14:00:00' (UTC) or Unix seconds, got 'yesterday'")) {
            try UsageCSV.buckets(from: header + "1,m,1,1,0,1\nyesterday,m,1,1,0,1\n", file: "u.csv")
        }
        #expect(throws: ROIError("u.csv:2: requests: expected a count of 0 or more, got '-3'")) {
            try UsageCSV.buckets(from: header + "1,m,1,1,0,-3\n", file: "u.csv")
        }
        #expect(throws: ROIError("u.csv:2: cached_tokens 5 exceeds input_tokens 1 (cached tokens are counted inside input_tokens)")) {
            try UsageCSV.buckets(from: header + "1,m,1,1,5,1\n", file: "u.csv")
        }
        #expect(throws: ROIError("two buckets for model 'm' at 1970-01-01T00:00:01Z: overlapping exports would count it twice")) {
            try UsageProfile.of(try UsageCSV.buckets(from: header + "1,m,1,1,0,1\n1,m,1,1,0,1\n", file: "u.csv"))
        }
        #expect(throws: ROIError("p.json:2: not valid JSON (expected a Usage API page, or one page per line)")) {
            try OpenAIUsageExport.buckets(from: Data("{\"data\": []}\n{oops\n".utf8), file: "p.json")
        }
        #expect(throws: ROIError("p.json: data[0].results[0].output_tokens: expected a count of 0 or more")) {
            try OpenAIUsageExport.buckets(from: Data("{\"data\": [{\"start_time\": 0, \"end_time\": 60, \"results\": [{\"input_tokens\": 1, \"num_model_requests\": 1}]}]}".utf8), file: "p.json")
        }
        #expect(throws: ROIError("p.json: expected a Usage API page with a data: list of buckets (GET /v1/organization/usage/completions)")) {
            try OpenAIUsageExport.buckets(from: Data("{\"prices\": 1}".utf8), file: "p.json")
        }
    }

    @Test("the profile file sets what the same keys typed in --config set, with its provenance")
    func profileIsAConfig() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try write(try profile().yaml(sources: ["export.json"], format: .openAIUsage, today: "2026-12-07"), "profile.yaml", in: folder)
        var fromUsage = try PriceBook.load(directory: packageRoot + "/pricing")
        try fromUsage.apply(usage: file)
        let typed = try write("""
        deployment:
          volume: 1204500
          mix: {input_tokens: 100, output_tokens: 10}
        cache_hit_share: 0.1778
        traffic:
          peak_to_average: 2
          hourly_weights: [1650, 3300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        """, "typed.yaml", in: folder)
        var byHand = try PriceBook.load(directory: packageRoot + "/pricing")
        try byHand.apply(config: typed)
        #expect(fromUsage.deployment.volume == 1_204_500)
        #expect(fromUsage.deployment.volume == byHand.deployment.volume)
        #expect(fromUsage.deployment.mix?.inputTokens == byHand.deployment.mix?.inputTokens)
        #expect(fromUsage.deployment.mix?.outputTokens == byHand.deployment.mix?.outputTokens)
        #expect(fromUsage.deployment.traffic == byHand.deployment.traffic)
        #expect(fromUsage.deployment.traffic?.peakToAverage == 2)
        #expect(try fromUsage.settings.value("cache_hit_share").value == byHand.settings.value("cache_hit_share").value)
        #expect(fromUsage.usageSource == "usage profile \(file) (openai-usage export of export.json, 2026-11-02T00:00:00Z to 2026-11-02T03:00:00Z, imported 2026-12-07)")
        #expect(byHand.usageSource == nil)
        #expect(throws: ROIError("\(typed):1: not a usage profile: no usage: section (write one with repat usage import)")) { try byHand.apply(usage: typed) }
    }

    @Test("minute buckets give the busiest hour minute by minute, replayed as a 60-step rate profile")
    func minuteBuckets() throws {
        // 90 minutes from 00:00: one request a minute, except minutes 70 to 79 with 6 each.
        let rows = (0..<90).map { minute in
            "\(monday + minute * 60),m,\(100 * (minute >= 70 && minute < 80 ? 6 : 1)),10,0,\(minute >= 70 && minute < 80 ? 6 : 1)"
        }
        let text = "time,model,input_tokens,output_tokens,cached_tokens,requests\n" + rows.joined(separator: "\n") + "\n"
        let profile = try UsageProfile.of(try UsageCSV.buckets(from: text, file: "m.csv"))
        #expect(profile.bucketSeconds == 60)
        let hour = try #require(profile.busiestHour)
        #expect(hour.start == monday + 3600, "the second clock hour holds the busy minutes")
        #expect(hour.requestsPerMinute?.count == 60)
        #expect(hour.requestsPerMinute?[10] == 6 && hour.requestsPerMinute?[9] == 1 && hour.requestsPerMinute?[29] == 1 && hour.requestsPerMinute?[30] == 0, "the export ends at 01:30")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try write(profile.yaml(sources: ["m.csv"], format: .csv, today: "2026-12-07"), "profile.yaml", in: folder)
        let scenario = try UsageScenario(profile: file)
        let yaml = scenario.yaml(target: .init(name: "gpu", dialect: "openai-chat", baseURL: "sim://gpu", model: "m", apiKeyEnv: nil), seconds: 120, today: "2026-12-07")
        #expect(yaml.components(separatedBy: "      - { duration: 2s, rate: ").count == 61, "60 steps of 2 s")
        #expect(yaml.contains("      - { duration: 2s, rate: 0.1 }"), "6 requests in a minute: 0.1 a second")
    }

    @Test("the busiest hour becomes a scenario's rate, lengths and shared prefix")
    func busiestHourScenario() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try write(try profile().yaml(sources: ["export.json"], format: .openAIUsage, today: "2026-12-07"), "profile.yaml", in: folder)
        let hour = try UsageScenario(profile: file)
        #expect(hour.requests == 30 && hour.promptTokens == 100 && hour.maxTokens == 10 && abs(hour.cacheShare - 0.2) < 1e-12)
        let text = hour.yaml(target: .init(name: "gpu", dialect: "openai-chat", baseURL: "http://gpu:8000", model: "llama", apiKeyEnv: nil), seconds: 600, today: "2026-12-07")
        #expect(text.contains("  rate: [0.0083]"), "30 requests in the hour")
        #expect(text.contains("  prompt_tokens: 100 ") && text.contains("  max_tokens: 10 "))
        #expect(text.contains("  shared_prefix: { groups: 1, tokens: 20 }"), "20% of 100 input tokens cached")
    }
}

@Suite("priced token mix")
struct PricedMixTests {
    private let point = LevelMeasurement(
        target: "box", level: "c8", requests: 100, succeeded: 100, inputTokensPerSecond: 900, outputTokensPerSecond: 100,
        meetsSLO: nil, prefillShare: 0.1, meanInputTokens: 90, meanOutputTokens: 10
    )

    @Test("without a mix to price, the measured mix and throughput")
    func measured() {
        let priced = PricedMix(point: point, given: nil)
        #expect(priced.tokensPerSecond == 1000 && priced.mix.inputTokens == 90 && priced.note == nil)
    }

    @Test("the measured mix given back re-blends to the measured throughput")
    func sameMix() {
        let priced = PricedMix(point: point, given: RequestMix(inputTokens: 90, outputTokens: 10, source: "s"))
        #expect(abs(priced.tokensPerSecond - 1000) < 1e-9)
        #expect(abs(priced.mix.prefillShare - 0.1) < 1e-12)
    }

    @Test("an output-heavy mix carries fewer tokens a second: prefill 9000 and decode 111.1 tok/s re-blended")
    func outputHeavy() throws {
        let priced = PricedMix(point: point, given: RequestMix(inputTokens: 10, outputTokens: 90, source: "usage profile u.yaml"))
        let decode = 100 / 0.9
        let time = 10.0 / 9000 + 90 / decode
        #expect(abs(priced.tokensPerSecond - 100 / time) < 1e-9)
        #expect(abs(priced.mix.prefillShare - (10.0 / 9000) / time) < 1e-12)
        let note = try #require(priced.note)
        #expect(note.contains("10.0 in / 90.0 out") && note.contains("usage profile u.yaml") && note.contains("123.3 tok/s"))
    }
}
