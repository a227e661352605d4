import Foundation
import Metrics

/// Reads LiteLLM's `model_prices_and_context_window.json` into price entries and writes them as a
/// dated price table (`prices:` list, the shape of `pricing/apis.yaml`) for `--prices`.
///
/// LiteLLM stores prices per token; repat's tables are per 1M tokens. LiteLLM marks no currency:
/// its entries are US dollars, except those of the providers in ``euroProviders``, which hold the
/// providers' own euro prices and are imported as EUR.
public enum LiteLLMImporter {
    /// LiteLLM provider keys whose prices are euros.
    public static let euroProviders: Set<String> = ["scaleway", "ovhcloud", "ovh"]
    /// `mode` values of text-generation models; embedding models are imported as `kind: embedding`,
    /// other modes (image, audio, rerank) are skipped.
    public static let textModes: Set<String> = ["chat", "completion", "responses"]

    /// The text-generation entries of `data` that have both an input and an output price, and the
    /// embedding entries that have an input price, sorted by id.
    /// - Throws: ``ROIError`` naming `file` when it is not a JSON object of entries.
    public static func prices(from data: Data, file: String, read: String) throws(ROIError) -> [APIPrice] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ROIError("\(file): not valid JSON (\(error.localizedDescription))")
        }
        guard let entries = object as? [String: Any] else { throw ROIError("\(file): expected a JSON object of model entries") }
        var prices: [APIPrice] = []
        for (key, value) in entries where key != "sample_spec" {
            guard let entry = value as? [String: Any], let provider = entry["litellm_provider"] as? String,
                  let input = number(entry["input_cost_per_token"])
            else { continue }
            let mode = entry["mode"] as? String ?? "chat"
            let kind: RequestKind
            let output: Double
            if textModes.contains(mode), let perToken = number(entry["output_cost_per_token"]) {
                (kind, output) = (.generation, perToken)
            } else if mode == "embedding" {
                (kind, output) = (.embedding, 0)
            } else {
                continue
            }
            let model = key.hasPrefix(provider + "/") ? String(key.dropFirst(provider.count + 1)) : key
            let uplift = number(entry["regional_processing_uplift_multiplier_eu"]).flatMap { $0 >= 1 ? $0 : nil } ?? 1
            var price = APIPrice(
                id: "\(provider)/\(model)", provider: provider, model: model, input: perMillion(input),
                cachedInput: number(entry["cache_read_input_token_cost"]).map(perMillion), output: perMillion(output),
                currency: euroProviders.contains(provider) ? .eur : .usd, regionUplift: uplift,
                source: (entry["source"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "LiteLLM model_prices_and_context_window.json",
                read: read
            )
            price.kind = kind
            prices.append(price)
        }
        return prices.sorted { $0.id < $1.id }
    }

    /// The price table as YAML, loadable with `repat roi --prices FILE`.
    public static func yaml(_ prices: [APIPrice], importedFrom file: String, at read: String) -> String {
        var out = """
        # API prices per 1M tokens imported by `repat roi --import-litellm` from LiteLLM's price map.
        # LiteLLM gives USD per token; entries of \(euroProviders.sorted().joined(separator: ", ")) are euros there and here.
        # Use with: repat roi RUN --prices THIS_FILE
        imported_from: \(quoted((file as NSString).lastPathComponent))
        imported_at: \(read)
        prices:

        """
        for price in prices {
            var fields = [
                "id: \(quoted(price.id))", "provider: \(quoted(price.provider))", "model: \(quoted(price.model))",
                "input: \(number(price.input))",
            ]
            if let cached = price.cachedInput { fields.append("cached_input: \(number(cached))") }
            fields += price.kind == .embedding ? ["kind: embedding"] : ["output: \(number(price.output))"]
            fields.append("currency: \(price.currency.code)")
            if price.regionUplift != 1 { fields.append("region_uplift: \(number(price.regionUplift))") }
            fields += ["source: \(quoted(price.source))", "read: \(price.read)"]
            out += "  - { " + fields.joined(separator: ", ") + " }\n"
        }
        return out
    }

    /// USD (or EUR) per token → per 1M tokens, rounded to 6 decimals to drop binary noise.
    static func perMillion(_ perToken: Double) -> Double {
        (perToken * 1_000_000 * 1_000_000).rounded() / 1_000_000
    }

    private static func number(_ value: Any?) -> Double? {
        switch value {
        case let number as NSNumber: number.doubleValue
        case let text as String: Double(text)
        default: nil
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
