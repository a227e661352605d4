import Foundation
import Testing
@testable import ROI

@Suite("price tables and config files")
struct PriceBookTests {
    private let shipped = packageRoot + "/pricing"

    @Test("the shipped tables load, and every shipped figure carries a source and the date it was read")
    func shippedTablesAreSourced() throws {
        let book = try PriceBook.load(directory: shipped)
        let date = try Regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        #expect(book.apis.count >= 20)
        for price in book.apis {
            #expect(price.source.hasPrefix("http"), "\(price.id)")
            #expect(price.read.wholeMatch(of: date) != nil, "\(price.id)")
        }
        for offer in book.rents {
            #expect(offer.source.hasPrefix("http"), "\(offer.id)")
            #expect(offer.hourly.currency == .eur)
        }
        for profile in book.hardware {
            if let source = profile.priceSource { #expect(source.source.hasPrefix("http"), "\(profile.id)") }
            if let tdp = profile.tdpWatts { #expect(tdp.source.hasPrefix("http"), "\(profile.id)") }
            if let server = profile.serverPriceSource { #expect(server.source.hasPrefix("http") && server.read.wholeMatch(of: date) != nil, "\(profile.id)") }
            if let watts = profile.serverWatts { #expect(watts.source.hasPrefix("http"), "\(profile.id)") }
            #expect(profile.unit != "GPU" || profile.serverPrice != nil, "\(profile.id): a GPU profile prices the whole server")
        }
        // The H200 costs more than the H100 (fact sheet: 38–42k USD).
        let h200 = try #require(book.hardware.first { $0.id == "h200" }?.price)
        #expect(h200.low == 38_000 && h200.high == 42_000)
        for (key, value) in book.settings.values {
            #expect(!value.source.isEmpty && value.read.wholeMatch(of: date) != nil, "\(key)")
        }
        #expect(Set(book.hardware.map(\.id)) == ["h100-sxm", "h100-pcie", "h200", "a100-80gb", "l40s", "l4", "cpu-server"])
        #expect(Set(book.providers.map(\.id)).isSuperset(of: ["openai", "azure", "anthropic", "gemini", "mistral", "scaleway", "ovhcloud", "bedrock"]))
        #expect(book.settings.currency == .eur)
    }

    @Test("the --config example of pricing/README.md loads and sets what it says")
    func readmeExample() throws {
        let readme = try String(contentsOfFile: packageRoot + "/pricing/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var book = try PriceBook.load(directory: shipped)
        try book.apply(config: try write(String(readme[start.upperBound..<end.lowerBound]), "example.yaml", in: folder))
        #expect(book.deployment.traffic?.peakToAverage == 3)
        #expect(book.settings.overridden.isSuperset(of: ["staff_per_month", "support_share_per_year", "traffic", "hardware:h100-pcie"]))
        #expect(book.hardware.first { $0.id == "h100-pcie" }?.serverWatts?.value == 600)
    }

    @Test("a config overrides figures with its own source, and money in its currency is converted")
    func configOverrides() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try write("""
        currency: USD
        electricity_per_kwh: 0.25
        staff_per_month: { value: 4000, source: HR estimate, read: 2026-11-01 }
        deployment: { hardware: h100-sxm, servers: 2, gpus_per_server: 8, volume: 2e9 }
        targets: { gpt: openai/gpt-4o, box: onprem }
        hardware:
          - id: cpu-server
            price: { value: 12000, currency: EUR, source: our quote }
            tdp_w: 800

        """, "my-roi.yaml", in: folder)
        var book = try PriceBook.load(directory: shipped)
        try book.apply(config: config)
        #expect(book.settings.currency == .usd)
        #expect(try book.settings.value("electricity_per_kwh").source == "your file \(config)")
        #expect(try book.settings.money("staff_per_month") == 4_000)
        // PUE is untouched; the shipped electricity price of another file would have been EUR.
        #expect(try book.settings.value("pue").value == 1.58)
        #expect(book.deployment.servers == 2)
        #expect(book.deployment.volume == 2e9)
        #expect(book.targetRoles == ["gpt": .api("openai/gpt-4o"), "box": .onPrem])
        let cpu = try book.hardware("cpu-server")
        #expect(cpu.price == PriceRange(low: 12_000, high: 12_000, currency: .eur))
        #expect(cpu.tdpWatts?.value == 800)
        #expect(cpu.name == "CPU-only server")
    }

    @Test("shipped EUR figures convert when the report is in USD")
    func moneyConversion() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var book = try PriceBook.load(directory: shipped)
        try book.apply(config: try write("currency: USD\n", "usd.yaml", in: folder))
        let rate = book.settings.exchange.usdPerEUR
        #expect(abs(try book.settings.money("electricity_per_kwh") - 0.134 * rate) < 1e-12)
    }

    @Test("bad input is one line naming the file, line and field")
    func errorsNameFileAndField() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var book = try PriceBook.load(directory: shipped)
        func failure(_ text: String) throws -> String {
            let file = try write(text, "bad.yaml", in: folder)
            do {
                try book.apply(config: file)
            } catch {
                return error.description
            }
            Issue.record("\(text) was accepted")
            return ""
        }
        #expect(try failure("pue: 0.5\n") == "\(folder)/bad.yaml:1: pue: must be between 1.000 and 5.000, got 0.5")
        #expect(try failure("deployment:\n  servers: two\n") == "\(folder)/bad.yaml:2: deployment.servers: expected a whole number, got 'two'")
        #expect(try failure("colour: blue\n").hasPrefix("\(folder)/bad.yaml:1: colour: unknown field; allowed: currency, "))
        #expect(try failure("currency: GBP\n") == "\(folder)/bad.yaml:1: currency: unknown currency 'GBP'; known: EUR, USD")
        #expect(try failure("targets: { gpt: openai/nope }\n") == "\(folder)/bad.yaml: targets: unknown price id 'openai/nope' (use 'onprem' or an id from the price table)")
        #expect(try failure("prices:\n  - { id: a, provider: x, model: m, input: 1, currency: EUR, source: s, read: d }\n") == "\(folder)/bad.yaml:2: prices[0]: missing field 'output'")
        #expect(try failure("pue: [1\n").hasPrefix("\(folder)/bad.yaml: not valid YAML"))
        #expect(throws: ROIError("\(folder)/none.yaml: cannot read")) { try book.apply(config: folder + "/none.yaml") }
    }

    @Test("a profile without a sourced price is refused with the field to set")
    func unpricedProfile() throws {
        let book = try PriceBook.load(directory: shipped)
        var planned = book
        planned.deployment.hardware = "cpu-server"
        let target = MeasuredTarget(name: "box", model: nil, baseURL: nil, levels: [
            LevelMeasurement(target: "box", level: "c1", requests: 4, succeeded: 4, inputTokensPerSecond: 50, outputTokensPerSecond: 10, meetsSLO: nil, prefillShare: 0.3, meanInputTokens: 100, meanOutputTokens: 20),
        ], tasks: TaskTokens(input: 100, output: 20, requests: 4))
        #expect(throws: ROIError("hardware cpu-server: no purchase price shipped (no sourced figure); set it under hardware: in --config")) {
            try ROIPlanner.scenario(book: planned, targets: [target], allowSLOMiss: false)
        }
    }
}
