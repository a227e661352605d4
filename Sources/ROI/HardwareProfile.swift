/// One kind of hardware to buy (`pricing/hardware.yaml`): the price and power of one unit.
public struct HardwareProfile: Sendable, Equatable {
    /// Identifier used by `--hardware`.
    public var id: String
    /// Display name.
    public var name: String
    /// What a unit is: `GPU`, or `server` for a CPU-only profile.
    public var unit: String
    /// Matches rent offers whose `gpu` is this (nil: no rent column).
    public var rentGPU: String?
    /// Purchase price of one unit; nil when no sourced figure exists.
    public var price: PriceRange?
    /// Where the price was read.
    public var priceSource: SourcedValue?
    /// Nameplate power at load (TDP), W; nil when no sourced figure exists.
    public var tdpWatts: SourcedValue?
    /// Idle power, W, when a source gives one.
    public var idleWatts: SourcedValue?
    /// Purchase price of the rest of one server (chassis, CPUs, RAM, NICs, storage), bought once per
    /// server on top of its units; nil when no sourced figure exists (the server is then priced as
    /// its units only, and the report says so).
    public var serverPrice: PriceRange?
    /// Where the server price was read.
    public var serverPriceSource: SourcedValue?
    /// Power of the rest of one server (CPUs, RAM, fans, NICs), W, busy or idle; nil when no sourced
    /// figure exists.
    public var serverWatts: SourcedValue?

    /// Creates a profile.
    public init(id: String, name: String, unit: String, rentGPU: String?, price: PriceRange?, priceSource: SourcedValue?, tdpWatts: SourcedValue?, idleWatts: SourcedValue?) {
        self.id = id
        self.name = name
        self.unit = unit
        self.rentGPU = rentGPU
        self.price = price
        self.priceSource = priceSource
        self.tdpWatts = tdpWatts
        self.idleWatts = idleWatts
    }
}
