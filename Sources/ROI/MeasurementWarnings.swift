/// Warnings about how far the operating point can be trusted for sizing hardware.
enum MeasurementWarnings {
    /// Fewer successful requests than this at the operating point make its throughput too uncertain
    /// to size hardware with.
    static let minimumRequests = 100

    /// Lower bound (the highest level run met the SLOs), hardware that does not match what ran
    /// (a simulated target, or a local run on a host without GPU priced as GPUs), a level too short.
    static func lines(target: MeasuredTarget, point: OperatingPoint, hardware: HardwareProfile) -> [String] {
        var lines: [String] = []
        let m = point.measurement
        let loads = target.levels.compactMap(\.offeredLoad)
        if point.meetsSLO == true, let load = m.offeredLoad, let top = loads.max(), load >= top {
            lines.append(
                "capacity is only a lower bound: \(m.target)'s highest level run (\(m.level)) met the SLOs, so the hardware may carry more; add a saturation: search to the scenario to find its limit"
            )
        }
        if let url = target.baseURL, url.hasPrefix("sim://") {
            lines.append("\(m.target) is a simulated target (\(url)): its throughput says nothing about \(hardware.name); these figures are an exercise, not a measurement")
        } else if let gpus = target.hostGPUs, gpus.isEmpty, hardware.unit == "GPU", let host = target.host, ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) {
            lines.append("\(m.target) ran on this host, whose run.json lists no GPU (host.gpus is empty), yet it is priced as \(hardware.name): check --hardware")
        }
        if m.succeeded < minimumRequests {
            lines.append("\(m.target) \(m.level) measured only \(m.succeeded) successful requests (fewer than \(minimumRequests)): its throughput is too uncertain to size hardware; run the level longer")
        }
        return lines
    }
}
