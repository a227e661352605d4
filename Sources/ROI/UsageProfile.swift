/// What a company's API bills say about its traffic, summed from usage buckets: the volume per
/// model, the input/output/cached mix, the hour-by-hour load and its peak.
///
/// Hours are clock hours in UTC; a bucket counts in the hour it starts. Hours of the period without
/// a bucket had no traffic. Hourly figures exist only when every bucket is at most an hour long
/// (the Usage API's `bucket_width=1h` or `1m`); daily buckets give the volume and mix but no peak.
public struct UsageProfile: Sendable, Equatable {
    /// One model's totals over the period.
    public struct ModelUsage: Sendable, Equatable {
        /// The model billed (empty when the export was not grouped by model).
        public var model: String
        /// Requests.
        public var requests: Double
        /// Input tokens, cached ones included.
        public var inputTokens: Double
        /// Cached input tokens.
        public var cachedTokens: Double
        /// Output tokens.
        public var outputTokens: Double

        /// Input plus output tokens.
        public var tokens: Double { inputTokens + outputTokens }
    }

    /// The busiest clock hour.
    public struct Hour: Sendable, Equatable {
        /// Its start, seconds since 1970 UTC.
        public var start: Int
        /// Totals of that hour (model: empty).
        public var usage: ModelUsage
        /// Requests in each of its 60 minutes, when the buckets are a minute or shorter.
        public var requestsPerMinute: [Double]?
    }

    /// Hours in a month, as the ROI's default `hours_per_month` (8760 ÷ 12).
    public static let hoursPerMonth = 730.0

    /// Start of the first bucket, seconds since 1970 UTC.
    public var from: Int
    /// End of the last bucket.
    public var to: Int
    /// The longest bucket, seconds.
    public var bucketSeconds: Int
    /// Totals per model, most tokens first.
    public var models: [ModelUsage]
    /// Tokens (input + output) of each clock hour from `from`'s hour on; nil when buckets are longer than an hour.
    public var hourlyTokens: [Double]?
    /// Requests of each clock hour, aligned with `hourlyTokens`.
    public var hourlyRequests: [Double]?
    /// The busiest hour by tokens; nil without hourly figures.
    public var busiestHour: Hour?

    /// Sums `buckets`, keeping only `models` when it is not empty; the period is the one every
    /// bucket covers.
    /// - Throws: ``ROIError`` when nothing is left, a model asked for is absent, or two buckets
    ///   describe the same model and time (overlapping exports would count twice).
    public static func of(_ buckets: [UsageBucket], models wanted: [String] = []) throws(ROIError) -> UsageProfile {
        let known = Set(buckets.filter { !$0.isEmpty }.map(\.model))
        for model in wanted where !known.contains(model) {
            throw ROIError("--model \(model): not in the usage files (models: \(known.sorted().map { $0.isEmpty ? "(not grouped by model)" : $0 }.joined(separator: ", ")))")
        }
        // The period is what the files cover, every model's buckets and the empty ones alike, so
        // keeping one model does not shrink it to that model's busy hours.
        let kept = wanted.isEmpty ? buckets : buckets.filter { wanted.contains($0.model) }
        guard known.count > 0, let first = buckets.map(\.start).min(), let last = buckets.map({ $0.start + $0.seconds }).max() else {
            throw ROIError("the usage files hold no usage")
        }
        var seen = Set<String>()
        for bucket in kept where !bucket.isEmpty {
            guard seen.insert("\(bucket.model)\u{0}\(bucket.start)").inserted else {
                throw ROIError("two buckets for model '\(bucket.model)' at \(UsageTime.text(bucket.start)): overlapping exports would count it twice")
            }
        }
        var byModel: [String: ModelUsage] = [:]
        for bucket in kept where !bucket.isEmpty {
            byModel[bucket.model, default: ModelUsage(model: bucket.model, requests: 0, inputTokens: 0, cachedTokens: 0, outputTokens: 0)].add(bucket)
        }
        let bucketSeconds = buckets.map(\.seconds).max() ?? 3600
        var profile = UsageProfile(
            from: first, to: last, bucketSeconds: bucketSeconds,
            models: byModel.values.sorted { ($0.tokens, $1.model) > ($1.tokens, $0.model) }
        )
        if bucketSeconds <= 3600 { profile.addHours(kept) }
        if bucketSeconds <= 60, let hour = profile.busiestHour {
            var minutes = [Double](repeating: 0, count: 60)
            for bucket in kept where bucket.start >= hour.start && bucket.start < hour.start + 3600 {
                minutes[(bucket.start - hour.start) / 60] += bucket.requests
            }
            profile.busiestHour?.requestsPerMinute = minutes
        }
        return profile
    }

    private mutating func addHours(_ buckets: [UsageBucket]) {
        let firstHour = from - Self.floorMod(from, 3600)
        let count = (to - firstHour + 3599) / 3600
        var hours = [ModelUsage](repeating: ModelUsage(model: "", requests: 0, inputTokens: 0, cachedTokens: 0, outputTokens: 0), count: count)
        for bucket in buckets { hours[(bucket.start - firstHour) / 3600].add(bucket) }
        hourlyTokens = hours.map(\.tokens)
        hourlyRequests = hours.map(\.requests)
        if let busiest = hours.indices.max(by: { hours[$0].tokens < hours[$1].tokens || (hours[$0].tokens == hours[$1].tokens && $0 > $1) }) {
            busiestHour = Hour(start: firstHour + busiest * 3600, usage: hours[busiest])
        }
    }

    /// Every model together.
    public var total: ModelUsage {
        models.reduce(into: ModelUsage(model: "", requests: 0, inputTokens: 0, cachedTokens: 0, outputTokens: 0)) { sum, model in
            sum.requests += model.requests
            sum.inputTokens += model.inputTokens
            sum.cachedTokens += model.cachedTokens
            sum.outputTokens += model.outputTokens
        }
    }

    /// Hours the buckets cover, first bucket's start to last bucket's end.
    public var hours: Double { Double(to - from) / 3600 }

    /// Tokens (input + output) a month at the period's mean rate: tokens ÷ hours × 730.
    public var monthlyVolume: Double { hours > 0 ? total.tokens / hours * Self.hoursPerMonth : 0 }

    /// Mean input and output tokens per request.
    public var perRequest: (input: Double, output: Double) {
        let total = total
        return total.requests > 0 ? (total.inputTokens / total.requests, total.outputTokens / total.requests) : (0, 0)
    }

    /// Cached input tokens over input tokens.
    public var cacheHitShare: Double {
        let total = total
        return total.inputTokens > 0 ? total.cachedTokens / total.inputTokens : 0
    }

    /// Busiest hour's tokens over the mean hour's (tokens ÷ hours of the period); nil without hourly figures.
    public var peakToAverage: Double? {
        guard let busiestHour, hours > 0, total.tokens > 0 else { return nil }
        return max(1, busiestHour.usage.tokens / (total.tokens / hours))
    }

    /// Mean tokens in each hour of the day (UTC, hour 0 first) over the period; nil without hourly figures.
    public var hourOfDayTokens: [Double]? { meanBy(period: 24, of: hourlyTokens) }

    /// Mean requests in each hour of the week (Monday 00:00 UTC first); nil without hourly figures.
    public var hourOfWeekRequests: [Double]? { meanBy(period: 168, of: hourlyRequests, offset: 72) }

    /// Means of `values` grouped by (hour since 1970 + offset) mod `period`; 1970-01-01 was a
    /// Thursday, so an offset of 72 hours puts Monday 00:00 first.
    private func meanBy(period: Int, of values: [Double]?, offset: Int = 0) -> [Double]? {
        guard let values else { return nil }
        let firstHour = (from - Self.floorMod(from, 3600)) / 3600
        var sums = [Double](repeating: 0, count: period)
        var counts = [Double](repeating: 0, count: period)
        for (index, value) in values.enumerated() {
            let slot = Self.floorMod(firstHour + index + offset, period)
            sums[slot] += value
            counts[slot] += 1
        }
        return zip(sums, counts).map { $1 > 0 ? $0 / $1 : 0 }
    }

    private static func floorMod(_ value: Int, _ divisor: Int) -> Int { ((value % divisor) + divisor) % divisor }
}

extension UsageProfile.ModelUsage {
    mutating func add(_ bucket: UsageBucket) {
        requests += bucket.requests
        inputTokens += bucket.inputTokens
        cachedTokens += bucket.cachedTokens
        outputTokens += bucket.outputTokens
    }
}
