/// The terminal form of a ``SelfBenchReport``: one table per section, then the goals.
public enum SelfBenchText {
    /// The whole report as text.
    public static func render(_ report: SelfBenchReport) -> String {
        var out = "repat selfbench (\(report.mode)), \(report.date), \(report.host), load average \(report.loadAverage)\n\(report.fileLimit)\n\n"
        out += "Client ceiling (zero-latency simulator, repat run's closed-loop runner)\n"
        out += ceiling(report.ceiling) + "\n"
        out += "Timestamp error (client receive - server write, per token; paced ground-truth simulator)\n"
        out += timestampError(report.timestampError) + "\n"
        out += "Schedule fidelity (open-loop Poisson, repat run's runner)\n"
        out += schedule(report.schedule) + "\n"
        out += "Large payloads (transport + OpenAI decoder)\n"
        out += payloads(report.payloads) + "\n"
        out += "Goals\n" + goals(report.goals)
        if !report.notes.isEmpty {
            out += "\nNotes\n" + report.notes.map { "- " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    static func ceiling(_ rows: [SelfBenchReport.CeilingRow]) -> String {
        var table = TextTable(
            headings: ["shape", "conc", "requests", "failed", "events/s", "req/s", "client CPU %", "sim CPU %", "client CPU s/M events", "events per client CPU-s"],
            leftColumns: 1)
        table.rows = rows.map { row in
            [
                row.shape, String(row.concurrency), NumberText.count(row.requests), String(row.failures),
                NumberText.fixed(row.eventsPerSecond), NumberText.fixed(row.requestsPerSecond, 1),
                NumberText.fixed(row.clientCPUPercent), NumberText.fixed(row.seconds > 0 ? row.simulatorCPUSeconds / row.seconds * 100 : nil),
                NumberText.fixed(row.clientCPUSecondsPerMillionEvents, 2),
                row.eventsPerClientCoreSecond.map { NumberText.count(Int($0)) } ?? "-",
            ]
        }
        return table.render()
    }

    static func timestampError(_ rows: [SelfBenchReport.TimestampErrorRow]) -> String {
        var table = TextTable(
            headings: ["streams", "peak open", "ITL ms", "tokens", "p50 us", "p99 us", "p99.9 us", "max us", "coalesced", "events/s", "client CPU %", "sim CPU %", "failed"],
            leftColumns: 0)
        table.rows = rows.map { row in
            [
                NumberText.count(row.streams) + (row.streams < row.streamsRequested ? " (capped)" : ""),
                NumberText.count(row.peakOpenStreams), NumberText.fixed(row.interTokenMs), NumberText.count(row.tokens),
                NumberText.fixed(row.errorP50Us), NumberText.fixed(row.errorP99Us), NumberText.fixed(row.errorP999Us),
                NumberText.fixed(row.errorMaxUs), NumberText.percent(row.coalescedFraction), NumberText.fixed(row.eventsPerSecond),
                NumberText.fixed(row.clientCPUPercent), NumberText.fixed(row.simulatorCPUPercent), String(row.failures),
            ]
        }
        return table.render()
    }

    static func schedule(_ row: SelfBenchReport.ScheduleRow?) -> String {
        guard let row else { return "not measured\n" }
        var table = TextTable(
            headings: ["requested/s", "drawn/s", "sent/s", "vs drawn", "vs requested", "requests", "failed", "lag p50 us", "lag p99 us", "lag p99.9 us", "lag max us", "client CPU %"],
            leftColumns: 0)
        table.rows = [[
            NumberText.fixed(row.requestedRate, 1), NumberText.fixed(row.scheduledRate, 1), NumberText.fixed(row.achievedRate, 1),
            NumberText.percent(row.deviationFromSchedule, 2), NumberText.percent(row.deviationFromRequested, 2),
            NumberText.count(row.requests), String(row.failures),
            NumberText.fixed(row.lagP50Ms.map { $0 * 1000 }), NumberText.fixed(row.lagP99Ms.map { $0 * 1000 }),
            NumberText.fixed(row.lagP999Ms.map { $0 * 1000 }), NumberText.fixed(row.lagMaxMs.map { $0 * 1000 }),
            NumberText.fixed(row.clientCPUPercent),
        ]]
        return table.render()
    }

    static func payloads(_ rows: [SelfBenchReport.PayloadRow]) -> String {
        var table = TextTable(headings: ["case", "responses", "failed", "MB/s", "client CPU ms/MB", "client CPU %"], leftColumns: 1)
        table.rows = rows.map { row in
            [
                row.name, NumberText.count(row.requests), String(row.failures), NumberText.fixed(row.megabytesPerSecond, 1),
                NumberText.fixed(row.clientCPUMsPerMegabyte, 2), NumberText.fixed(row.clientCPUPercent),
            ]
        }
        return table.render()
    }

    static func goals(_ goals: [SelfBenchReport.Goal]) -> String {
        var table = TextTable(headings: ["goal", "measured", "target", "met"], leftColumns: 4)
        table.rows = goals.map { goal in
            [goal.name, goal.measured, goal.target, goal.met.map { $0 ? "yes" : "NO" } ?? "not measured"]
        }
        return table.render()
    }
}
