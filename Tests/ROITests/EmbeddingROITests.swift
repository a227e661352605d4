import Foundation
import Metrics
import Results
import Testing
@testable import ROI

@Suite("ROI of an embedding server: input tokens only, against embedding prices")
struct EmbeddingROITests {
    private func embeddingTarget(_ name: String, model: String, url: String, kind: RequestKind? = .embedding) -> MeasuredTarget {
        let levels = ["c4", "c16"].enumerated().map { index, label in
            var level = LevelMeasurement(
                target: name, level: label, requests: 50, succeeded: 50, inputTokensPerSecond: Double(index + 1) * 20_000,
                outputTokensPerSecond: 0, meetsSLO: true, prefillShare: 1, meanInputTokens: 4_096, meanOutputTokens: 0
            )
            level.requestKind = kind
            return level
        }
        return MeasuredTarget(name: name, model: model, baseURL: url, levels: levels, tasks: TaskTokens(input: 4_096, output: 0, requests: 50))
    }

    private func book() throws -> PriceBook {
        var book = try PriceBook.load(directory: packageRoot + "/pricing")
        book.deployment.hardware = "l4"
        book.deployment.volume = 2e10
        return book
    }

    @Test("the shipped table holds sourced embedding prices with no output price, and generation prices are still generations")
    func shippedPrices() throws {
        let book = try book()
        let embeddings = book.apis.filter { $0.kind == .embedding }
        #expect(Set(embeddings.map(\.id)).isSuperset(of: ["openai/text-embedding-3-small", "openai/text-embedding-3-large", "mistral/mistral-embed", "gemini/gemini-embedding-001", "scaleway/bge-multilingual-gemma2"]))
        #expect(embeddings.allSatisfy { $0.output == 0 && $0.input > 0 && !$0.source.isEmpty && $0.read == "2026-12-07" })
        #expect(book.apis.first { $0.id == "openai/gpt-4o" }?.kind == .generation)
        #expect(book.models.family(named: "BAAI/bge-multilingual-gemma2")?.id == "bge-multilingual-gemma2")
    }

    @Test("an embedding target is compared with embedding prices only, priced per 1M input tokens, against the same model's API")
    func comparedWithEmbeddingsOnly() throws {
        let scenario = try ROIPlanner.scenario(
            book: try book(), targets: [embeddingTarget("tei", model: "BAAI/bge-multilingual-gemma2", url: "http://10.0.0.5:8080/v1")], allowSLOMiss: false
        )
        #expect(!scenario.apis.isEmpty && scenario.apis.allSatisfy { $0.kind == .embedding })
        #expect(scenario.notes.contains { $0.contains("priced per 1M input tokens") })
        let result = try ROIAnalysis.run(scenario)
        #expect(result.referenceAPI == "scaleway/bge-multilingual-gemma2", "the one API serving the same open model")
        // All of a server's time is prefill: every cost lands on input tokens, none on output.
        #expect(abs(result.onPrem.perMillionInput - result.onPrem.perMillionBlended) < 1e-9)
        #expect(result.onPrem.perMillionOutput.isNaN)
        let api = try #require(result.apis.first { $0.price.id == "scaleway/bge-multilingual-gemma2" })
        // 0.10 EUR per 1M input tokens and nothing else: the bill is the volume at that price.
        #expect(abs(api.monthly - 2e10 / 1e6 * 0.10) < 1e-6)
    }

    @Test("an API of another kind is refused by name, and a rerank or mixed-kind target is refused with why")
    func refusals() throws {
        var book = try book()
        book.deployment.apis = ["openai/gpt-4o"]
        let target = embeddingTarget("tei", model: "BAAI/bge-m3", url: "http://10.0.0.5:8080/v1")
        #expect(throws: ROIError.self) { try ROIPlanner.scenario(book: book, targets: [target], allowSLOMiss: false) }
        do {
            _ = try ROIPlanner.scenario(book: book, targets: [target], allowSLOMiss: false)
        } catch {
            #expect(error.description.contains("--api openai/gpt-4o is a price for generations, but the on-prem target measured embeddings"))
        }
        book.deployment.apis = []
        for (kind, phrase) in [(RequestKind?.some(.rerank), "bill per search"), (nil, "mixes request kinds")] {
            do {
                _ = try ROIPlanner.scenario(book: book, targets: [embeddingTarget("rag", model: "m", url: "http://h/v1", kind: kind)], allowSLOMiss: false)
                Issue.record("a \(kind?.rawValue ?? "mixed") target was priced")
            } catch {
                #expect(error.description.contains(phrase))
            }
        }
    }

    @Test("an embedding price with an output price, or an unknown kind, is refused with its file and line")
    func badEntries() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var book = try book()
        let withOutput = try write("prices:\n  - { id: x/e, provider: openai, model: e, kind: embedding, input: 0.1, output: 0.2, currency: USD, source: s, read: 2026-12-07 }\n", "p.yaml", in: folder)
        #expect(throws: ROIError.self) { try book.addPrices(file: withOutput) }
        do { try book.addPrices(file: withOutput) } catch { #expect(error.description.contains("p.yaml:2") && error.description.contains("leave out output")) }
        let rerank = try write("prices:\n  - { id: x/r, provider: openai, model: r, kind: rerank, input: 0.1, currency: USD, source: s, read: 2026-12-07 }\n", "r.yaml", in: folder)
        do {
            try book.addPrices(file: rerank)
            Issue.record("a rerank price was accepted")
        } catch {
            #expect(error.description.contains("r.yaml:2") && error.description.contains("not generation or embedding"))
        }
    }

    @Test("requests.csv embedding rows: all prefill, and the level's kind read back")
    func readsKindAndPrefill() throws {
        var record = RequestRecord(runID: "r", target: "tei", loadLevel: "c1", requestID: 0, scheduledS: 0, startS: 0, durationMs: 12, status: .ok)
        record.requestKind = .embedding
        record.inputs = 8
        record.promptTokens = 512
        #expect(RunReader.prefillShare([record]) == 1)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rows = (0..<3).map { index in
            var row = record
            row.requestID = index
            return RequestsCSV.row(row)
        }
        let path = try write(RequestsCSV.header + rows.joined(), "requests.csv", in: folder)
        let targets = try RunReader.read([path])
        #expect(targets.first?.requestKind == .embedding)
        #expect(targets.first?.levels.first?.prefillShare == 1)
    }

    @Test("LiteLLM's embedding entries import as kind embedding, written without an output price")
    func importsEmbeddings() throws {
        let json = #"{"text-embedding-3-small": {"litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 2e-08, "output_cost_per_token": 0}, "gpt-4o": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05}, "img": {"litellm_provider": "openai", "mode": "image_generation", "input_cost_per_token": 1e-06}}"#
        let prices = try LiteLLMImporter.prices(from: Data(json.utf8), file: "map.json", read: "2026-12-07")
        #expect(prices.map(\.id) == ["openai/gpt-4o", "openai/text-embedding-3-small"])
        #expect(prices.map(\.kind) == [.generation, .embedding])
        let yaml = LiteLLMImporter.yaml(prices, importedFrom: "map.json", at: "2026-12-07")
        #expect(yaml.contains("model: \"text-embedding-3-small\", input: 0.02, kind: embedding, currency: USD"))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var book = try book()
        try book.addPrices(file: try write(yaml, "imported.yaml", in: folder))
        #expect(book.apis.first { $0.id == "openai/text-embedding-3-small" }?.kind == .embedding)
    }
}
