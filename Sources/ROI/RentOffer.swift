/// An EU GPU instance to rent by the hour (`pricing/rent.yaml`).
public struct RentOffer: Sendable, Equatable {
    /// Identifier.
    public var id: String
    /// Provider name (`Scaleway`).
    public var provider: String
    /// Instance type (`H100-1-80G`).
    public var instance: String
    /// GPU model, matched against a hardware profile's `rent_gpu`.
    public var gpu: String
    /// GPUs per instance.
    public var gpus: Int
    /// Price per hour, excl. VAT.
    public var hourly: PriceRange
    /// Where it was read.
    public var source: String
    /// When.
    public var read: String

    /// Creates an offer.
    public init(id: String, provider: String, instance: String, gpu: String, gpus: Int, hourly: PriceRange, source: String, read: String) {
        self.id = id
        self.provider = provider
        self.instance = instance
        self.gpu = gpu
        self.gpus = gpus
        self.hourly = hourly
        self.source = source
        self.read = read
    }

    /// Instances needed for `units` GPUs: ⌈units ÷ GPUs per instance⌉.
    public func instances(for units: Int) -> Int {
        (units + gpus - 1) / max(1, gpus)
    }

    /// A month of renting `units` GPUs around the clock, in the offer's currency:
    /// instances × hourly midpoint × hours.
    public func monthlyRent(units: Int, hours: Double) -> Double {
        Double(instances(for: units)) * hourly.midpoint * hours
    }
}
