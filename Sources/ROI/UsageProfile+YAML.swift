/// The usage profile file: a `--config` file (`deployment.volume`, `deployment.mix`,
/// `cache_hit_share`, `traffic`) plus a `usage:` section saying where the figures come from. `repat
/// roi --usage FILE` reads it; the same keys typed by hand in `--config` price the same.
extension UsageProfile {
    /// The file's text. `sources` are the files read, `today` the day of the import (`YYYY-MM-DD`).
    public func yaml(sources: [String], format: UsageFormat, today: String) -> String {
        let total = total
        let mix = perRequest
        let period = "\(UsageTime.text(from)) to \(UsageTime.text(to))"
        var lines = [
            "# repat usage profile: written by `repat usage import` on \(today) from \(sources.joined(separator: ", ")) (\(format.rawValue)).",
            "# \(period): \(Self.plain(hours)) hours in buckets of \(bucketSeconds) s, \(Self.plain(total.requests)) requests.",
            "# `repat roi RUN --usage THIS_FILE` prices this volume, mix, cache share and peak; the same keys in --config",
            "# price the same. `repat usage scenario THIS_FILE` writes a scenario replaying the busiest hour.",
            "usage:",
            "  sources: [\(sources.map(Self.quoted).joined(separator: ", "))]",
            "  format: \(format.rawValue)",
            "  read: \(today)",
            "  from: \(UsageTime.text(from))",
            "  to: \(UsageTime.text(to))",
            "  hours: \(Self.plain(hours))",
            "  bucket_seconds: \(bucketSeconds)",
            "  models:",
        ]
        for model in models {
            lines.append(
                "    - {model: \(Self.quoted(model.model)), requests: \(Self.plain(model.requests)), input_tokens: \(Self.plain(model.inputTokens)), "
                    + "cached_tokens: \(Self.plain(model.cachedTokens)), output_tokens: \(Self.plain(model.outputTokens)), "
                    + "tokens_per_month: \(Self.plain((model.tokens / hours * Self.hoursPerMonth).rounded()))}"
            )
        }
        if let busiestHour {
            let usage = busiestHour.usage
            lines.append(
                "  busiest_hour: {start: \(UsageTime.text(busiestHour.start)), requests: \(Self.plain(usage.requests)), input_tokens: \(Self.plain(usage.inputTokens)), "
                    + "cached_tokens: \(Self.plain(usage.cachedTokens)), output_tokens: \(Self.plain(usage.outputTokens))"
                    + (busiestHour.requestsPerMinute.map { ", requests_per_minute: [\($0.map(Self.plain).joined(separator: ", "))]" } ?? "") + "}"
            )
        }
        if let week = hourOfWeekRequests {
            lines.append("  # mean requests in each hour of the week, Monday 00:00 UTC first")
            lines.append("  requests_per_hour_of_week: [\(week.map { Self.plain(($0 * 100).rounded() / 100) }.joined(separator: ", "))]")
        }
        lines += [
            "deployment:",
            "  # tokens a month (input + output): \(Self.plain(total.tokens)) tokens in \(Self.plain(hours)) hours x 730 hours a month",
            "  volume: \(Self.plain(monthlyVolume.rounded()))",
            "  # mean tokens per request",
            "  mix: {input_tokens: \(Self.plain(Self.round(mix.input))), output_tokens: \(Self.plain(Self.round(mix.output)))}",
            "cache_hit_share:",
            "  value: \(Self.plain(Self.round(cacheHitShare, places: 4)))",
            "  source: \(Self.quoted("usage profile: \(Self.plain(total.cachedTokens)) of \(Self.plain(total.inputTokens)) input tokens cached, \(period)"))",
            "  read: \(today)",
        ]
        if let peak = peakToAverage, let day = hourOfDayTokens {
            lines += [
                "traffic:",
                "  # busiest hour (\(UsageTime.text(busiestHour?.start ?? from))) over the mean hour, by tokens",
                "  peak_to_average: \(Self.plain(Self.round(peak, places: 3)))",
                "  # mean tokens in each hour of the day, UTC, hour 0 first",
                "  hourly_weights: [\(day.map { Self.plain($0.rounded()) }.joined(separator: ", "))]",
            ]
        } else {
            lines.append("# no traffic section: the buckets are longer than an hour, so the peak hour is unknown (export with bucket_width=1h)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `value` with up to `places` decimals.
    static func round(_ value: Double, places: Int = 2) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    /// A number as YAML reads it back exactly: whole numbers without a decimal point.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A double-quoted YAML string; control characters as `\xHH` escapes.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
