import RepatSupport

/// How the report names what is bought, in words with counted nouns:
/// `NVIDIA L4 24GB, 1 server + 1 spare, 2 GPUs each`.
enum PurchasePhrase {
    /// The hardware, the servers carrying load, the spares, and the units in each server (left out
    /// when a unit is the server itself, as for a CPU-only profile).
    static func text(hardware: HardwareProfile, inputs: OnPremInputs) -> String {
        var servers = CountPhrase.text(inputs.servers, "server")
        if inputs.spareServers > 0 { servers += " + " + CountPhrase.text(inputs.spareServers, "spare") }
        guard hardware.unit != "server" else { return "\(hardware.name), \(servers)" }
        return "\(hardware.name), \(servers), \(CountPhrase.text(inputs.unitsPerServer, hardware.unit)) each"
    }
}
