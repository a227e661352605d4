import Foundation
import Testing
@testable import ROI
import Results

@Suite("where the data goes: providers.yaml, --require and the price of sovereignty")
struct SovereigntyTests {
    private let usParented = ["openai/", "azure/", "anthropic/", "gemini/", "bedrock/", "OpenAI", "Microsoft", "Anthropic", "Google", "Amazon"]

    private func target(_ name: String, model: String, url: String, input: Double = 500, output: Double = 100) -> MeasuredTarget {
        let levels = ["c1", "c8"].enumerated().map { index, label in
            LevelMeasurement(
                target: name, level: label, requests: 20, succeeded: 20, inputTokensPerSecond: Double(index + 1) * 2_000,
                outputTokensPerSecond: Double(index + 1) * 400, meetsSLO: true, powerMeanW: nil, idlePowerW: nil,
                powerSource: nil, prefillShare: 0.2, meanInputTokens: input, meanOutputTokens: output
            )
        }
        return MeasuredTarget(name: name, model: model, baseURL: url, levels: levels, tasks: TaskTokens(input: input, output: output, requests: 20))
    }

    private func book(volume: Double = 1e9) throws -> PriceBook {
        var book = try PriceBook.load(directory: packageRoot + "/pricing")
        book.deployment.hardware = "h100-sxm"
        book.deployment.unitsPerServer = 8
        book.deployment.volume = volume
        return book
    }

    /// The one-line problem `body` throws, or nil.
    private func problem(_ body: () throws(ROIError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.description
        }
    }

    private func analyse(_ book: PriceBook, _ requirements: [SovereigntyRequirement], targets: [MeasuredTarget]? = nil) throws -> ROIResult {
        let measured = targets ?? [target("vllm", model: "llama", url: "http://127.0.0.1:8000/v1")]
        let scenario = try ROIPlanner.scenario(book: book, targets: measured, allowSLOMiss: false)
        return try SovereignAnalysis.run(scenario, sovereignty: book.sovereigntyInputs, requirements: requirements)
    }

    @Test("the shipped providers.yaml has a sourced, dated row for every provider of apis.yaml and rent.yaml")
    func shippedTable() throws {
        let book = try PriceBook.load(directory: packageRoot + "/pricing")
        let inputs = book.sovereigntyInputs
        for provider in Set(book.apis.map(\.provider) + book.rents.map(\.provider)) {
            let facts = try #require(inputs.facts(for: provider), "no row for \(provider)")
            #expect(!facts.sources.isEmpty && facts.sources.allSatisfy { $0.hasPrefix("https://") }, "\(provider): sources")
            #expect(facts.read.count == 10, "\(provider): read date")
            #expect(facts.certifications.map(\.name) == ["secnumcloud", "hds", "iso27001", "c5"])
            #expect(facts.cloudAct == (facts.jurisdiction == "US" || facts.parentJurisdiction == "US"), "\(provider): CLOUD Act follows the US parent")
        }
        #expect(inputs.facts(for: "scaleway")?.isEUJurisdiction == true)
        #expect(inputs.facts(for: "OVHcloud")?.isEUJurisdiction == true)
        #expect(inputs.facts(for: "azure")?.isEUJurisdiction == false)
    }

    @Test("every EU uplift or EU price in apis.yaml belongs to a provider whose row offers EU processing on request or under conditions")
    func upliftsMatchProviders() throws {
        let book = try PriceBook.load(directory: packageRoot + "/pricing")
        let priced = book.apis.filter { $0.regionUplift != 1 || $0.euPrice }
        #expect(Set(priced.map(\.id)) == ["azure/gpt-4o", "azure/gpt-4.1-eu", "bedrock/claude-sonnet-4-5", "azure/text-embedding-3-small-eu", "azure/text-embedding-3-large-eu"])
        for price in priced {
            let facts = try #require(book.sovereigntyInputs.facts(for: price.provider))
            #expect([EUProcessing.onRequest, .conditional].contains(facts.euProcessing), "\(price.id)")
        }
    }

    @Test("a malformed providers.yaml is one line naming the file, line and field")
    func malformedFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let row = """
        providers:
          acme:
            name: Acme
            jurisdiction: FR
            parent: Acme SA
            parent_jurisdiction: FR
            cloud_act: no
            why: French company
            eu_processing: EU_PROCESSING
            eu_terms: Paris only
            retention: none
            training: none
            certifications: { secnumcloud: "no", hds: "no", iso27001: "no", c5: "no" }
            secnumcloud_offer: CLOUD_OFFER
            sources: [https://example.com]
            read: 2026-12-07

        """
        let good = try write(row.replacingOccurrences(of: "EU_PROCESSING", with: "default").replacingOccurrences(of: "CLOUD_OFFER", with: "no"), "good.yaml", in: folder)
        let parsed = try ProviderFactsParser.load(file: good)
        #expect(parsed.map(\.id) == ["acme"] && parsed[0].euProcessing == .byDefault && !parsed[0].cloudAct && parsed[0].isEUJurisdiction)
        let cases: [(String, String)] = [
            (row.replacingOccurrences(of: "EU_PROCESSING", with: "sometimes").replacingOccurrences(of: "CLOUD_OFFER", with: "no"),
             "bad.yaml:9: providers.acme.eu_processing: expected one of default, on_request, conditional, none, got 'sometimes'"),
            (row.replacingOccurrences(of: "EU_PROCESSING", with: "default").replacingOccurrences(of: "CLOUD_OFFER", with: "perhaps"),
             "bad.yaml:14: providers.acme.secnumcloud_offer: expected yes or no, got 'perhaps'"),
            (row.replacingOccurrences(of: "EU_PROCESSING", with: "default").replacingOccurrences(of: "CLOUD_OFFER", with: "no").replacingOccurrences(of: "jurisdiction: FR", with: "jurisdiction: France"),
             "bad.yaml:4: providers.acme.jurisdiction: expected a two-letter country code (FR, DE, US) or EU, got 'FRANCE'"),
            (row.replacingOccurrences(of: "EU_PROCESSING", with: "default").replacingOccurrences(of: "CLOUD_OFFER", with: "no").replacingOccurrences(of: ", c5: \"no\"", with: ""),
             "bad.yaml:13: providers.acme.certifications: missing field 'c5'"),
        ]
        for (text, expected) in cases {
            let file = try write(text, "bad.yaml", in: folder)
            #expect(problem { () throws(ROIError) in _ = try ProviderFactsParser.load(file: file) } == folder + "/" + expected)
        }
    }

    @Test("--require eu-jurisdiction leaves no US-parented provider in any table; a named US reference gives way to the cheapest EU API")
    func euJurisdictionFilters() throws {
        var book = try book()
        book.deployment.apis = ["openai/gpt-4o", "mistral/mistral-small-latest", "scaleway/gpt-oss-120b"]
        let targets = [
            target("vllm", model: "llama", url: "http://127.0.0.1:8000/v1"),
            target("openai", model: "gpt-4o", url: "https://api.openai.com/v1", input: 450, output: 120),
        ]
        let result = try analyse(book, [.euJurisdiction], targets: targets)
        #expect(result.apis.map(\.price.id) == ["mistral/mistral-small-latest", "scaleway/gpt-oss-120b"])
        #expect(result.notes.contains("--api openai/gpt-4o does not meet --require eu-jurisdiction: the reference is chosen among the APIs that do"))
        #expect(result.apis.allSatisfy { ["mistral", "scaleway", "ovhcloud"].contains($0.price.provider) })
        #expect(["mistral", "scaleway", "ovhcloud"].contains(result.referenceAPI.split(separator: "/").first.map(String.init) ?? ""))
        #expect(!result.operatingPoints.contains { $0.measurement.target == "openai" }, "the excluded measured API target leaves the operating points")
        for section in ROIReport.sections(result) {
            guard let table = section.table else { continue }
            for row in table.rows {
                for cell in row where usParented.contains(where: { cell.contains($0) }) {
                    Issue.record("section \(section.id): '\(cell)'")
                }
            }
        }
        let sovereignty = try #require(result.sovereignty)
        #expect(sovereignty.rows.allSatisfy { $0.meets.contains(.euJurisdiction) })
        #expect(sovereignty.price?.excluded.contains("API openai/gpt-4o") == true)
        for format in ROIFormatKind.allCases {
            let text = format.render(result)
            let mark = switch format {
            case .csv: "\nsovereignty,API mistral/mistral-small-latest,cloud_act,no: "
            case .json: "\"sovereignty\": [\n    {\"option\": "
            default: "Where the data goes"
            }
            #expect(text.contains(mark), "\(format)")
        }
    }

    @Test("the price of sovereignty is the cheapest compliant option's cost minus the cheapest option's, per 1M tokens and per month")
    func priceByHand() throws {
        var book = try book(volume: 1e8)
        book.rents = []
        book.apis = [
            APIPrice(id: "openai/cheap", provider: "openai", model: "cheap", input: 1, cachedInput: nil, output: 2, currency: .eur, source: "test", read: "2026-12-07"),
            APIPrice(id: "mistral/dear", provider: "mistral", model: "dear", input: 3, cachedInput: nil, output: 6, currency: .eur, source: "test", read: "2026-12-07"),
        ]
        let result = try analyse(book, [.euJurisdiction])
        // 500 input and 100 output tokens a task: input share 5/6.
        // openai/cheap: 5/6 × 1 + 1/6 × 2 = 7/6 EUR per 1M; mistral/dear: 5/6 × 3 + 1/6 × 6 = 3.5 EUR per 1M.
        // Buying 8 H100 at 1e8 tokens a month costs far more per 1M than either.
        #expect(result.onPrem.perMillionBlended > 3.5)
        let price = try #require(result.sovereignty?.price)
        #expect(price.cheapestOverall.option == "API openai/cheap")
        #expect(price.cheapestCompliant.option == "API mistral/dear")
        #expect(abs(price.perMillion - (3.5 - 7.0 / 6)) < 1e-9)
        #expect(abs(price.monthly - (3.5 - 7.0 / 6) * 100) < 1e-6)
        #expect(price.excluded == ["API openai/cheap"])
        #expect(result.apis.map(\.price.id) == ["mistral/dear"] && result.referenceAPI == "mistral/dear")
        let table = try #require(result.sovereignty)
        let sentence = try #require(SovereigntySection.priceSentence(table, currency: .eur))
        #expect(sentence.hasPrefix("Price of sovereignty (--require eu-jurisdiction): +2.33 EUR per 1M tokens and +233.33 EUR a month"))
        #expect(ROISummary.text(result, width: 200).contains("+233.33 EUR a month"), "the terminal summary states it too")

        let free = try analyse(book, [.euProcessing, .euJurisdiction])
        #expect(free.sovereignty?.requirements == [.euJurisdiction, .euProcessing])
        book.apis[0].provider = "scaleway"
        let compliantCheapest = try analyse(book, [.euJurisdiction])
        #expect(compliantCheapest.sovereignty?.price?.perMillion == 0 && compliantCheapest.sovereignty?.price?.monthly == 0)
    }

    @Test("with api_eu_processing every API without an EU-processing price is flagged in the table and a note, not silently priced")
    func euProcessingFlags() throws {
        var book = try book()
        book.settings.euProcessing = true
        let result = try analyse(book, [])
        let rows = try #require(result.sovereignty?.rows)
        func row(_ id: String) throws -> SovereigntyRow { try #require(rows.first { $0.option == "API \(id)" }) }
        #expect(try row("anthropic/claude-sonnet-4-5").processing.hasPrefix("FLAGGED: outside the EU"))
        #expect(try row("openai/gpt-4o").processing.hasPrefix("FLAGGED: EU under conditions, no EU price"))
        #expect(try row("bedrock/llama-3.3-70b").processing.hasPrefix("FLAGGED: EU on request"))
        #expect(try row("azure/gpt-4o").processing.hasPrefix("EU, priced with the ×1.10 EU uplift"))
        #expect(try row("azure/gpt-4.1-eu").processing.hasPrefix("EU: this entry is the EU price"))
        #expect(try row("mistral/mistral-large-latest").processing.hasPrefix("EU by default"))
        #expect(result.notes.contains { $0.hasPrefix("API anthropic/claude-sonnet-4-5: Anthropic has no EU-processing offer: priced at its global rate") })
        #expect(result.notes.contains { $0.hasPrefix("API openai/gpt-4o: OpenAI offers EU processing under conditions, but apis.yaml has no EU price") })
        let kept = try analyse(book, [.euProcessing]).apis.map(\.price.id)
        #expect(kept.contains("azure/gpt-4o") && kept.contains("bedrock/claude-sonnet-4-5") && kept.contains("scaleway/gpt-oss-120b"))
        #expect(!kept.contains { $0.hasPrefix("openai/") || $0.hasPrefix("anthropic/") || $0.hasPrefix("gemini/") || $0 == "bedrock/llama-3.3-70b" })

        book.settings.euProcessing = false
        let global = try analyse(book, [.euProcessing]).apis.map(\.price.id)
        #expect(global.contains("azure/gpt-4.1-eu") && !global.contains("azure/gpt-4o"), "without the uplift only an entry that is the EU price counts")
        #expect(try analyse(book, []).notes.allSatisfy { !$0.contains("FLAGGED") && !$0.contains("EU-processing offer") })
    }

    @Test("on-prem takes your own jurisdiction; secnumcloud leaves no API, one line; an unknown --require lists the valid ones")
    func ownJurisdictionAndErrors() throws {
        var book = try book()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try book.apply(config: try write("own_jurisdiction: US\n", "config.yaml", in: folder))
        let result = try analyse(book, [.euJurisdiction])
        let own = try #require(result.sovereignty?.rows.first)
        #expect(own.jurisdiction.hasPrefix("US, your own (your file \(folder)/config.yaml)") && !own.meets.contains(.euJurisdiction))
        #expect(result.notes.contains { $0.hasPrefix("your own jurisdiction (US) does not meet --require eu-jurisdiction") })
        #expect(result.sovereignty?.price?.cheapestCompliant.option != result.onPrem.name)
        #expect(try analyse(try self.book(), []).sovereignty?.rows.first?.jurisdiction.hasPrefix("FR (EU), your own (default; set own_jurisdiction in --config)") == true)
        let secNumCloud = try self.book()
        let scenario = try ROIPlanner.scenario(book: secNumCloud, targets: [target("vllm", model: "llama", url: "http://gpu:8000/v1")], allowSLOMiss: false)
        let refusal = problem { () throws(ROIError) in _ = try SovereignAnalysis.run(scenario, sovereignty: secNumCloud.sovereigntyInputs, requirements: [.secNumCloud]) }
        #expect(refusal?.hasPrefix("--require secnumcloud: no API in the price table meets it") == true)
        #expect(refusal?.contains("\n") == false)
        #expect(throws: ROIError("--require eu: unknown requirement; valid: eu-jurisdiction, eu-processing, secnumcloud")) {
            try SovereigntyRequirement.parse("eu")
        }
    }
}
