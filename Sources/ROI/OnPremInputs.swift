/// Everything about buying and running the hardware, money in the report's currency. A *unit* is
/// what a hardware profile prices: one GPU, or one whole server for a CPU-only profile.
public struct OnPremInputs: Sendable, Equatable {
    /// Purchase price of one unit.
    public var unitPrice: Double
    /// Units in one server.
    public var unitsPerServer: Int
    /// Servers carrying load.
    public var servers: Int
    /// Extra servers bought for redundancy (1 for N+1): powered but idle, never counted as capacity.
    public var spareServers: Int
    /// Units behind the measured target: its throughput is scaled by serving units ÷ this.
    public var measuredUnits: Int
    /// One-off installation cost, amortised with the hardware, no resale.
    public var setupCost: Double
    /// Years the hardware is paid off over.
    public var amortisationYears: Double
    /// Share of the purchase price recovered at the end, 0…1.
    public var residualShare: Double
    /// Yearly discount rate (cost of capital), e.g. 0.05.
    public var discountRate: Double
    /// Power of one unit at the operating point, W.
    public var loadWatts: Double
    /// Power of one idle unit, W.
    public var idleWatts: Double
    /// Power usage effectiveness of the room: facility power ÷ IT power.
    public var pue: Double
    /// Electricity price per kWh.
    public var electricityPerKWh: Double
    /// Hosting (colocation, rack space) per server and month.
    public var hostingPerServerMonth: Double
    /// Operations staff per month.
    public var staffPerMonth: Double
    /// Licences and support per month.
    public var licencesPerMonth: Double
    /// Hours in a month (730).
    public var hoursPerMonth: Double
    /// Purchase price of the rest of one server (chassis, CPUs, RAM, NICs, storage), bought once
    /// per server on top of its units.
    public var serverPrice: Double
    /// Power of the rest of one server (CPUs, RAM, fans, NICs), W, drawn busy or idle.
    public var serverWatts: Double
    /// Colocation per kW of the servers' power at load, per month (space, racks, power provision;
    /// the electricity itself is the energy line).
    public var hostingPerKWMonth: Double
    /// Hardware support contract per year, as a share of the purchase price.
    public var supportSharePerYear: Double

    /// Creates inputs.
    public init(
        unitPrice: Double, unitsPerServer: Int, servers: Int, spareServers: Int, measuredUnits: Int, setupCost: Double,
        amortisationYears: Double, residualShare: Double, discountRate: Double, loadWatts: Double, idleWatts: Double, pue: Double,
        electricityPerKWh: Double, hostingPerServerMonth: Double, staffPerMonth: Double, licencesPerMonth: Double, hoursPerMonth: Double,
        serverPrice: Double = 0, serverWatts: Double = 0, hostingPerKWMonth: Double = 0, supportSharePerYear: Double = 0
    ) {
        self.unitPrice = unitPrice
        self.unitsPerServer = unitsPerServer
        self.servers = servers
        self.spareServers = spareServers
        self.measuredUnits = measuredUnits
        self.setupCost = setupCost
        self.amortisationYears = amortisationYears
        self.residualShare = residualShare
        self.discountRate = discountRate
        self.loadWatts = loadWatts
        self.idleWatts = idleWatts
        self.pue = pue
        self.electricityPerKWh = electricityPerKWh
        self.hostingPerServerMonth = hostingPerServerMonth
        self.staffPerMonth = staffPerMonth
        self.licencesPerMonth = licencesPerMonth
        self.hoursPerMonth = hoursPerMonth
        self.serverPrice = serverPrice
        self.serverWatts = serverWatts
        self.hostingPerKWMonth = hostingPerKWMonth
        self.supportSharePerYear = supportSharePerYear
    }

    /// Units carrying load: servers × units per server.
    public var servingUnits: Int { servers * unitsPerServer }

    /// Units bought, spares included.
    public var purchasedUnits: Int { (servers + spareServers) * unitsPerServer }

    /// Servers bought, spares included.
    public var purchasedServers: Int { servers + spareServers }

    /// Purchase price of everything bought: every unit, plus the rest of every server.
    public var hardwarePrice: Double { Double(purchasedUnits) * unitPrice + Double(purchasedServers) * serverPrice }

    /// Power of one whole server at load, W: its units at load plus the rest of the box.
    public var serverLoadWatts: Double { Double(unitsPerServer) * loadWatts + serverWatts }

    /// Hosting a month: per server, plus per kW of every bought server's power at load.
    public var hostingMonthly: Double {
        hostingPerServerMonth * Double(purchasedServers) + hostingPerKWMonth * Double(purchasedServers) * serverLoadWatts / 1000
    }

    /// Licences and support a month: the flat licences plus the support share of the price ÷ 12.
    public var licencesMonthly: Double { licencesPerMonth + supportSharePerYear * hardwarePrice / 12 }
}
