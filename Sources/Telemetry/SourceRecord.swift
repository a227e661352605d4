import Results

/// What one source did during the run, gathered by the recorder for `run.json`.
struct SourceRecord {
    /// The source's name, as in the `source` column.
    let name: String
    /// Which targets it describes.
    let scope: TelemetryScope
    /// Batches recorded.
    var samples = 0
    /// Polls or scrapes that failed.
    var failures = 0
    /// What sampling cost repat.
    var cost = SamplingCost()
    /// Why the source is not on this host, when it is not.
    var missing: String?
    /// The last failure's reason.
    var lastFailure: String?
    /// What it found (`2 GPUs: NVIDIA H100 80GB HBM3`).
    var note: String?
    /// CPU time of the sampling command, seconds.
    var childCPUSeconds: Double?

    /// The `run.json` entry: `ok` with any sample, `missing` when not on this host, else `failed`.
    var entry: RunMetadata.Telemetry.Source {
        let status = samples > 0 ? "ok" : missing != nil ? "missing" : "failed"
        let reason = samples > 0 ? note ?? lastFailure.map { "\(failures) failed: last \($0)" } : missing ?? lastFailure ?? "no sample taken"
        let perSample = { (total: UInt64) -> Double? in
            samples > 0 ? (Double(total) / 1e6 / Double(samples) * 1000).rounded() / 1000 : nil
        }
        return RunMetadata.Telemetry.Source(
            name: name, status: status, reason: reason, target: scope.target, samples: samples, failures: failures,
            wallMsPerSample: perSample(cost.wallNs), cpuMsPerSample: perSample(cost.cpuNs),
            childCpuS: childCPUSeconds.map { ($0 * 1000).rounded() / 1000 }
        )
    }
}
