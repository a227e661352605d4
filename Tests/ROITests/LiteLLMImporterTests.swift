import Foundation
import Metrics
import Testing
@testable import ROI

@Suite("LiteLLM price map importer")
struct LiteLLMImporterTests {
    /// A small file in LiteLLM's layout, written for this test.
    static let sample = """
    {
      "sample_spec": { "litellm_provider": "one of the providers", "mode": "chat", "input_cost_per_token": 0, "output_cost_per_token": 0 },
      "gpt-4o": { "litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05,
                  "cache_read_input_token_cost": 1.25e-06, "source": "https://openai.com/api/pricing/" },
      "scaleway/llama-3.3-70b-instruct": { "litellm_provider": "scaleway", "mode": "chat", "input_cost_per_token": 9e-07, "output_cost_per_token": 9e-07 },
      "ovhcloud/gpt-oss-120b": { "litellm_provider": "ovhcloud", "mode": "chat", "input_cost_per_token": 8e-08, "output_cost_per_token": 4e-07 },
      "eu.anthropic.claude-sonnet-4-5": { "litellm_provider": "bedrock", "mode": "chat", "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
                  "regional_processing_uplift_multiplier_eu": 1.1 },
      "text-embedding-3-small": { "litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 2e-08, "output_cost_per_token": 0 },
      "no-output-price": { "litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-06 }
    }
    """

    @Test("USD per token becomes per 1M; Scaleway and OVH entries stay euros; embeddings are kept as such, a chat entry without an output price is skipped")
    func converts() throws {
        let prices = try LiteLLMImporter.prices(from: Data(Self.sample.utf8), file: "sample.json", read: "2026-11-23")
        #expect(prices.map(\.id) == ["bedrock/eu.anthropic.claude-sonnet-4-5", "openai/gpt-4o", "openai/text-embedding-3-small", "ovhcloud/gpt-oss-120b", "scaleway/llama-3.3-70b-instruct"])
        #expect(prices.first { $0.id == "openai/text-embedding-3-small" }?.kind == .embedding)
        let gpt = try #require(prices.first { $0.id == "openai/gpt-4o" })
        #expect(gpt.input == 2.5 && gpt.cachedInput == 1.25 && gpt.output == 10 && gpt.currency == .usd)
        #expect(gpt.source == "https://openai.com/api/pricing/" && gpt.read == "2026-11-23")
        let scaleway = try #require(prices.first { $0.provider == "scaleway" })
        #expect(scaleway.model == "llama-3.3-70b-instruct" && scaleway.currency == .eur && scaleway.input == 0.9 && scaleway.output == 0.9)
        let ovh = try #require(prices.first { $0.provider == "ovhcloud" })
        #expect(ovh.currency == .eur && ovh.input == 0.08 && ovh.output == 0.4)
        #expect(prices.first { $0.provider == "bedrock" }?.regionUplift == 1.1)
    }

    @Test("the written table loads back with --prices and replaces entries of the same id")
    func roundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let prices = try LiteLLMImporter.prices(from: Data(Self.sample.utf8), file: "sample.json", read: "2026-11-23")
        let file = try write(LiteLLMImporter.yaml(prices, importedFrom: folder + "/sample.json", at: "2026-11-23"), "imported.yaml", in: folder)
        var book = try PriceBook.load(directory: packageRoot + "/pricing")
        let shippedIDs = Set(book.apis.map(\.id))
        let added = prices.filter { !shippedIDs.contains($0.id) }.count
        #expect(added >= 1 && added < prices.count, "the sample both replaces shipped entries and adds new ones")
        let before = book.apis.count
        try book.addPrices(file: file)
        #expect(book.apis.first { $0.id == "openai/gpt-4o" }?.source == "https://openai.com/api/pricing/")
        #expect(book.apis.first { $0.id == "scaleway/llama-3.3-70b-instruct" }?.currency == .eur)
        #expect(book.apis.count == before + added, "entries with a shipped id replaced, the others added")
    }

    @Test("a file that is not a JSON object is refused naming it")
    func badFile() {
        #expect(throws: ROIError("x.json: expected a JSON object of model entries")) {
            try LiteLLMImporter.prices(from: Data("[1, 2]".utf8), file: "x.json", read: "2026-11-23")
        }
    }
}
