import Foundation
import Metrics

/// One target of the runs, as `repat roi` needs it: where it ran, its levels and its token counts.
public struct MeasuredTarget: Sendable, Equatable {
    /// Target name.
    public var name: String
    /// Model name from `run.json`, when known.
    public var model: String?
    /// Base URL from `run.json` (credentials stripped), when known.
    public var baseURL: String?
    /// The API price id the scenario's `stands_for` named, when it did: the target is priced as
    /// that API unless `--config targets:` gives it another role.
    public var standsFor: String?
    /// Its load levels in run order.
    public var levels: [LevelMeasurement]
    /// Token counts per task: over the requests every target completed when there are such,
    /// else over its own successful requests.
    public var tasks: TaskTokens
    /// The model the server reported serving (`run.json` `servedModel.name`), when it did.
    public var servedModel: String?
    /// GPUs of the host that ran the benchmark (`run.json` `host.gpus`), when recorded; an empty
    /// list means the host had none.
    public var hostGPUs: [String]?

    /// Creates a target.
    public init(name: String, model: String?, baseURL: String?, standsFor: String? = nil, levels: [LevelMeasurement], tasks: TaskTokens) {
        self.name = name
        self.model = model
        self.baseURL = baseURL
        self.standsFor = standsFor
        self.levels = levels
        self.tasks = tasks
    }

    /// What its requests asked for, when every level asked for the same kind; nil when they
    /// mixed kinds (a pipeline's steps, or levels of different kinds).
    public var requestKind: RequestKind? {
        let kinds = Set(levels.map(\.requestKind))
        guard kinds.count == 1, let kind = kinds.first else { return levels.isEmpty ? .generation : nil }
        return kind
    }

    /// The host of `baseURL`, lowercased.
    public var host: String? {
        guard let baseURL, let start = baseURL.range(of: "://") else { return nil }
        let rest = baseURL[start.upperBound...]
        let authority = rest.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        let hostPort = authority.split(separator: "@").last.map(String.init) ?? authority
        return hostPort.split(separator: ":").first.map { $0.lowercased() }
    }
}
