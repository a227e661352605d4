/// Electricity of the hardware for one month.
public enum EnergyCost {
    /// hours × (U·W_load + (1−U)·W_idle) × serving units + hours × W_idle × spare units, in kWh,
    /// × PUE × price per kWh. `utilisation` is the share of the month at the operating point; the
    /// rest of the time the serving units idle. Spare units always idle. The rest of each server
    /// (`serverWatts` × `servers`, CPUs, RAM, fans) draws the same busy or idle.
    public static func monthly(
        hours: Double, loadWatts: Double, idleWatts: Double, utilisation: Double, servingUnits: Int, spareUnits: Int,
        pue: Double, pricePerKWh: Double, serverWatts: Double = 0, servers: Int = 0
    ) -> Double {
        let busy = utilisation * loadWatts + (1 - utilisation) * idleWatts
        let watts = busy * Double(servingUnits) + idleWatts * Double(spareUnits) + serverWatts * Double(servers)
        return hours * watts / 1000 * pue * pricePerKWh
    }
}
