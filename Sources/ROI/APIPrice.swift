import Metrics

/// A cloud API's list price (`pricing/apis.yaml`), per 1M tokens in its own currency.
public struct APIPrice: Sendable, Equatable {
    /// Identifier (`openai/gpt-4o`).
    public var id: String
    /// Provider key (`openai`).
    public var provider: String
    /// Model name as the API knows it.
    public var model: String
    /// Input tokens, per 1M.
    public var input: Double
    /// Cached input tokens, per 1M; nil when none was read (cache hits then cost `input`).
    public var cachedInput: Double?
    /// Output tokens, per 1M.
    public var output: Double
    /// Currency of the three prices.
    public var currency: Currency
    /// Multiplier for EU data residency (1 when none applies).
    public var regionUplift: Double
    /// Where it was read.
    public var source: String
    /// When.
    public var read: String
    /// The model family (`pricing/models.yaml`) it serves, when the entry names it with `family:`;
    /// nil to look its model name up in the catalogue.
    public var family: String? = nil
    /// Whether the listed prices are already those of the provider's EU-processing offer
    /// (`eu_price: true`, e.g. an Azure EU data-zone entry).
    public var euPrice: Bool
    /// What the price is for (`kind:`): generations (input and output tokens) or embeddings
    /// (input tokens only, `output` 0). Only prices of the on-prem target's kind are compared.
    public var kind: RequestKind = .generation

    /// Creates a price.
    public init(
        id: String, provider: String, model: String, input: Double, cachedInput: Double?, output: Double, currency: Currency,
        regionUplift: Double = 1, source: String, read: String, euPrice: Bool = false
    ) {
        self.id = id
        self.provider = provider
        self.model = model
        self.input = input
        self.cachedInput = cachedInput
        self.output = output
        self.currency = currency
        self.regionUplift = regionUplift
        self.source = source
        self.read = read
        self.euPrice = euPrice
    }

    /// The per-token rates in `currency`, with the EU uplift when `euProcessing`.
    public func rates(in currency: Currency, exchange: ExchangeRate, euProcessing: Bool) -> APIRates {
        let factor = (euProcessing ? regionUplift : 1) / 1_000_000
        func convert(_ perMillion: Double) -> Double { exchange.convert(perMillion, from: self.currency, to: currency) * factor }
        return APIRates(input: convert(input), cachedInput: convert(cachedInput ?? input), output: convert(output))
    }
}

/// An API's prices per token in the report's currency.
public struct APIRates: Sendable, Equatable {
    /// Per input token.
    public var input: Double
    /// Per cached input token (the input price when the API has no cached price).
    public var cachedInput: Double
    /// Per output token.
    public var output: Double

    /// Creates rates.
    public init(input: Double, cachedInput: Double, output: Double) {
        self.input = input
        self.cachedInput = cachedInput
        self.output = output
    }

    /// Per input token when `cacheHitShare` of input tokens hit the cache: h × cached + (1 − h) × input.
    public func effectiveInput(cacheHitShare: Double) -> Double {
        cacheHitShare * cachedInput + (1 - cacheHitShare) * input
    }

    /// Per token of a mix with `inputFraction` input tokens: f × input_eff + (1 − f) × output.
    public func blended(inputFraction: Double, cacheHitShare: Double) -> Double {
        inputFraction * effectiveInput(cacheHitShare: cacheHitShare) + (1 - inputFraction) * output
    }

    /// All prices multiplied by `factor` (sensitivity and price-decline scenarios).
    public func scaled(by factor: Double) -> APIRates {
        APIRates(input: input * factor, cachedInput: cachedInput * factor, output: output * factor)
    }
}
