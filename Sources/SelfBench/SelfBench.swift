import CurlTransport
import Foundation
import Metrics
import Results

/// `repat selfbench`: runs the built-in simulator and repat's client in this process and measures
/// the client itself — its ceiling, its timestamp error against the simulator's ground truth, how
/// faithfully it keeps an open-loop schedule, and how it copes with large payloads — then judges
/// the figures against the goals of issue 7.
///
/// A section that cannot run is reported as not measured, with the reason in the notes; the
/// others still run.
public struct SelfBench: Sendable {
    private let settings: SelfBenchSettings
    private let mode: String
    private let log: @Sendable (String) -> Void

    /// A benchmark with `settings`, labelled `mode` (`quick`, `full`) in the report; progress
    /// lines go to `log`.
    public init(settings: SelfBenchSettings, mode: String, log: @escaping @Sendable (String) -> Void) {
        self.settings = settings
        self.mode = mode
        self.log = log
    }

    /// Runs every section and returns the report with its goals.
    public func run() async -> SelfBenchReport {
        let host = await HostInfo.probe()
        let largest = settings.streamCounts.max() ?? 0
        let separate = settings.simulatorExecutable != nil
        let limit = FileLimit.raise(toHold: largest, descriptorsPerStream: separate ? 1 : 2)
        let placement = separate ? "simulator in a child process" : "simulator in this process"
        var fileLimitLine = "open files: soft \(limit.soft), hard \(limit.hard) (\(limit.perStream) per stream with the \(placement) + \(FileLimit.reserve) reserve: room for \(NumberText.count(limit.streamCapacity)) streams)"
        if limit.streamCapacity < largest {
            fileLimitLine += "; \(NumberText.count(largest)) streams need \(largest * limit.perStream + FileLimit.reserve): raise the hard limit (ulimit -Hn) as root"
        }
        log(fileLimitLine)
        let loadBefore = Self.loadAverage()
        var report = SelfBenchReport(
            date: Timestamp.iso8601(Date()), mode: mode, host: "\(host.cpuModel), \(host.cpuCores) cores", fileLimit: fileLimitLine)
        report.notes = [
            "client and simulator share this host's \(host.cpuCores) cores; the simulator runs \(settings.simulatorThreads) event-loop thread(s), the client \(CurlTransport.defaultThreads) curl thread(s), which also decode the responses, and Swift's task pool",
            separate
                ? "the timestamp-error simulator runs in a child process (repat simulate, one descriptor per stream here); the other sections' in this process"
                : "every simulator runs in this process (two descriptors per stream)",
            "timestamp errors count tokens written in steady state: from one inter-token latency after every stream of the step was open until the step's end (not during the connection storm before it or the cancellations after it); CPU and events/s are over the same stretch",
            "client CPU = process CPU (getrusage) minus in-process simulator threads' on-CPU time (/proc/self/task/*/schedstat); a child simulator's CPU is its own (/proc/PID/stat)",
            "events per client CPU-second = events received / client CPU seconds: the rate one busy core would give at the measured cost per event",
            "send lag runs from the scheduled time to the moment the transport thread handed the request to curl",
        ]
        do {
            report.ceiling = try await CeilingStep(settings: settings, log: log).run()
        } catch {
            report.notes.append("client ceiling not measured: \(error.description)")
        }
        do {
            report.timestampError = try await TimestampErrorStep(settings: settings, streamCapacity: limit.streamCapacity, log: log).run()
        } catch {
            report.notes.append("timestamp error not measured: \(error.description)")
        }
        do {
            report.schedule = try await ScheduleFidelityStep(settings: settings, log: log).run()
        } catch {
            report.notes.append("schedule fidelity not measured: \(error.description)")
        }
        do {
            report.payloads = try await LargePayloadStep(settings: settings, log: log).run()
        } catch {
            report.notes.append("large payloads not measured: \(error.description)")
        }
        report.notes.append(TransportPriority.summary + " (asked for as each starts, so that a due send or a response wakes it ahead of the simulator and the task pool)")
        report.goals = GoalCheck.goals(for: report)
        report.loadAverage = "\(loadBefore) before, \(Self.loadAverage()) after"
        return report
    }

    /// The 1-minute load average from `/proc/loadavg`, or `unknown`.
    private static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
            let first = text.split(separator: " ").first
        else { return "unknown" }
        return String(first)
    }

    /// The client ceiling a report measured, for later runs to compare against: the best token
    /// event rate of the long-stream rows and the best request rate of the short-request rows;
    /// nil when the ceiling section did not run.
    public static func ceiling(of report: SelfBenchReport) -> ClientCeiling? {
        let long = report.ceiling.filter { $0.shape == CeilingStep.longShape && $0.failures == 0 }
        let short = report.ceiling.filter { $0.shape == CeilingStep.shortShape && $0.failures == 0 }
        guard let best = long.max(by: { $0.eventsPerSecond < $1.eventsPerSecond }),
            let fastest = short.max(by: { $0.requestsPerSecond < $1.requestsPerSecond })
        else { return nil }
        return ClientCeiling(
            eventsPerSecond: best.eventsPerSecond, requestsPerSecond: fastest.requestsPerSecond,
            cpuSecondsPerMillionEvents: best.clientCPUSecondsPerMillionEvents, measuredAt: report.date, host: report.host)
    }
}
